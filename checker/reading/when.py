"""The times a sentence gives, read against its article's date: dates and years (dates.py), and what
dates.py leaves out because the article does: "7-9 February", "early March this year", "last year",
"over the last three years", "the 1980s and 1990s", "between 2011 and 2021", "on Sunday", "last week",
"two months ago" (relative.py, with the tense that picks the last or the next). Pure functions."""
import calendar
import datetime
import re
from collections.abc import Callable
from functools import lru_cache
from dataclasses import replace

from . import holiday
from .dates import MONTH_NAMES, MONTHS, date_mentions, year_mentions
from .figures import NUMBER_WORDS
from .quarters import QUARTER_AFTER, quarter_of, quarter_times
from .seams import PARTICIPLES
from .relative import (EVENT_DAY, LEADING_YEAR, MONTH_PATTERN, TO_COME, WEEKDAYS,
                       relative_days, tense, year_before, yearless)
from .bounds import AIMED_AT, ANCHOR_AFTER, anchored, bounded, compared, period_to, since
from .timespan import (YEAR_SHIFT, When, centuries, describe_iso, iso, month_before_or_after, month_iso, month_spans, parse_published, same_periods,
                       weekday_year)
from .titles import TITLE_AHEAD
from .story import story_year
from .yearless import no_year

__all__ = ["When", "describe_iso", "iso", "parse_published", "read_times", "year_of_thing"]


_MONTH = MONTH_PATTERN
_FULL_MONTH = "|".join(m.lower() for m in MONTH_NAMES[1:])
_ORD = r"(?:st|nd|rd|th)?"
_RELATIVE = r"(?:\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b(?!['’]))?"  # "April this year", "April of last year"
_ABBR_STOP = r"(?:(?<!may)(?<!june)(?<!july)(?<![a-z]{5})\.)?"  # "Jan.", never the full stop after "January"
YEARLESS = [  # each read only where dates.py found no date: the article leaves the year out
    # ("5, 7 and 9 November": a list of days, from its first to its last)
    ("days", re.compile(rf"\b(?:the\s+)?(?P<d1>[0-3]?\d){_ORD}(?:,\s*[0-3]?\d{_ORD})*,?\s*(?:-|to|and|until)\s*(?P<d2>[0-3]?\d){_ORD}\s+(?:of\s+)?(?P<m>{_MONTH})\b{_ABBR_STOP}{_RELATIVE}")),
    ("days", re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d1>[0-3]?\d){_ORD}\s*(?:-|to)\s*(?P<d2>[0-3]?\d){_ORD}\b{_RELATIVE}")),
    ("days", re.compile(rf"(?<=between\s)(?P<m>{_MONTH})\.?\s+(?P<d1>[0-3]?\d){_ORD}\s+and\s+(?P<d2>[0-3]?\d){_ORD}\b(?![,.]?\d){_RELATIVE}")),
    ("day", re.compile(rf"\b(?:the\s+)?(?P<d1>[0-3]?\d){_ORD}\s+(?:of\s+)?(?P<m>{_MONTH})\b{_ABBR_STOP}{_RELATIVE}")),
    ("day", re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?:the\s+)?(?P<d1>[0-3]?\d){_ORD}\b(?![\d,.:]\d){_RELATIVE}")),
    ("month", re.compile(rf"\b(?:(?:early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of)[\s-]+)?(?P<m>{_FULL_MONTH})\b{_RELATIVE}")),
]
FOLLOWED_BY_YEAR = re.compile(r"\s*,?\s*(?:of\s+)?(?:1[89]|20)\d\d\b")
RELATIVE_YEAR = re.compile(r"(?<!\bthe\s)\b(?P<rel>this|last|next)\s+year\b")  # ("the next year": twelve months)
# "by the end of the year", ahead: the article's year (in the past, "the year" may be any the story speaks of)
YEAR_END = re.compile(r"\b(?:end|close)\s+of\s+(?P<the>the)\s+year\b(?!['’])")
# ("the next decade": ten years; "the end of the next decade": the calendar decade's end)
RELATIVE_DECADE = re.compile(r"(?:\b(?:end|start|beginning|middle|turn)\s+of\s+(?P<the>the\s+)|(?<!\bthe\s)\b)(?P<rel>this|next)\s+decade\b")
# "the last month", "over the past three years", "in the next decade", "the coming weeks": a span that ends
# (or starts) at the article's date, never a calendar month or decade; "the last week of March" is March's
PERIOD = re.compile(r"\b(?:(?:over|in|during|for|within|throughout)\s+)?the\s+(?P<way>last|past|previous|next|coming)\s+"
                    r"(?:(?P<n>\d+|[a-z]+)\s+)?(?P<unit>years?|decades?|months?|weeks?)\b(?P<half>\s+and\s+a\s+half\b)?"
                    r"(?!\s+of\b)")
DECADE = re.compile(r"\b(?:the\s+)?(?P<d>(?:1[5-9]|20)\d)0s\b")
DECADE_PART = re.compile(r"\b(early|mid|late)[\s-]+(?:the\s+)?$")
DECADE_PARTS = {"early": (0, 4), "mid": (3, 7), "late": (6, 9)}  # years into the decade, generously
# Words that may stand capitalised before a year that dates something ("In 2023", "Fiscal 2024",
# "Spring 2023"); any other capitalised word before a year makes it part of a name ("Worlds 2023",
# "Euro 2024", "Vision 2030"), which dates nothing the sentence claims.
DATING_WORDS = frozenset("""in on at by since until till from during after before of the a an and or to for
through between about around circa early late mid fiscal fy year years spring summer autumn fall winter
end start beginning""".split())
DECADE_JOIN = re.compile(r"\s*(?:-|and|to|through|until)\s*(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?$")
# "fallen since June", "less than in late June": a time measured back from, so the last one before the article
LOOKS_BACK = re.compile(r"\b(?:since|than(?:\s+(?:in|on))?|compared\s+(?:with|to)(?:\s+(?:in|on))?|(?:%|cent|points?|up|down|off)\s+from"
                        r"(?:\s+the)?)\s+(?:(?:early|late|mid)[\s-]+)?$")  # ("up 9 per cent from April": the base, before)
REACHED = re.compile(r"\s+(?:high|low|peak|trough|record|level|reading|figure|total)s?\b")  # "the March high": one reached
WORK_TITLE = re.compile(r":\s+(?:A|An|The)\s+[A-Z]")
NAMED_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)}),?\s+(?:the\s+)?$")
LAST_OR_NEXT = re.compile(r"\b(last|next)\s+$")
LONG_YEAR_SPAN = re.compile(r"(?<![\d.,/-])((?:1[5-9]|20)\d\d)\s?[-–]\s?((?:1[5-9]|20)\d\d)(?![\d.,/-]?\d)")
YEAR_SPAN = re.compile(r"\b(?P<w>between|from)\s+(?:(?:at\s+least|about|around|roughly)\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<a>(?:1[89]|20)\d\d)\s*(?:and|to|-|until|through)\s*"
                       r"(?:(?:early|mid|late)[\s-]+)?(?:(?P<b>(?:1[89]|20)\d\d)|the\s+present(?:\s+day)?|date|now|today)\b")  # ("from early 2019 to mid-2021")
def read_times(folded: str, display: str, start: int, end: int, published: datetime.date | None = None,
               locale: str | None = None, future: bool | None = None) -> list[When]:
    """Every time named in display[start:end] (folded: the same text, folded as pages are), each once,
    in order. published (a date) resolves what the article leaves to its date; future (a regex match
    function or None) says whether the sentence speaks of what is to come, for a year left out."""
    found: list[When] = []

    def free(lo: int, hi: int) -> bool:
        return all(hi <= w.start or lo >= w.end for w in found)

    piece = folded[start:end]
    for m in date_mentions(piece, locale=locale):
        first, last, precision = m.value
        precision = "day" if precision == "day" else "month"
        found.append(When(start + m.start, start + m.end, iso(first, precision), iso(last, precision)))
    for m in YEAR_SPAN.finditer(piece):  # ("from 2008 to the present": to the article's month)
        a, last = int(m.group("a")), m.group("b") or (f"{published:%Y-%m}" if published else "0")
        if a <= int(last[:4]) <= a + 200 and (a < int(last[:4]) or not m.group("b")) and free(start + m.start(), start + m.end()):
            found.append(When(start + m.start(), start + m.end(), str(a), last, point=False))
    decades = [m for m in DECADE.finditer(piece) if free(start + m.start(), start + m.end())]
    i = 0
    while i < len(decades):
        j = i
        while j + 1 < len(decades) and DECADE_JOIN.search(piece[decades[j].end():decades[j + 1].start("d")]) \
                and len(piece[decades[j].end():decades[j + 1].start("d")]) < 18:
            j += 1
        first, last = int(decades[i].group("d")) * 10, int(decades[j].group("d")) * 10 + century(decades[j].group("d"))
        # "the early 1980s": its first half or so; "the mid-1990s" its middle; "the late 2000s" its end; "the late 1800s": late
        if part := DECADE_PART.search(piece, max(0, decades[i].start() - 12), decades[i].start("d")):  # in the century
            first += DECADE_PARTS[part.group(1)][0] * (century(decades[i].group("d")) + 1) // 10
        if part := DECADE_PART.search(piece, max(0, decades[j].start() - 12), decades[j].start("d")):  # ("... and early 1960s")
            last = int(decades[j].group("d")) * 10 + (DECADE_PARTS[part.group(1)][1] + 1) * (century(decades[j].group("d")) + 1) // 10 - 1
        lo, hi = start + decades[i].start("d"), start + decades[j].end()
        found.append(When(lo, hi, str(first), str(last), point=False, decade=True, written="the " + display[lo:hi]))
        i = j + 1

    found += [w for w in centuries(folded, start, end, published) if free(w.start, w.end)  # ("the 14th century", "the '90s"),
              and not re.search(r"Century\s+[A-Z]", display[w.start:w.end + 3])]  # never a name's: "21st Century Fox"

    def told(lo: int, hi: int) -> str | None:  # the tense of the clause display[lo:hi] stands in, "would" apart
        return ("future" if future else "past") if future is not None else tense(piece, lo - start, hi - start)

    def said(lo: int, hi: int) -> str | None:  # the same, "would" read as the future
        way = told(lo, hi)
        return "future" if way == "would" else None if way == "nearer" else way  # (a plan seen from the past: the nearer)

    def ahead(lo: int, hi: int) -> bool | None:  # (None: the nearer, for a plan seen from the past)
        return None if told(lo, hi) == "nearer" else said(lo, hi) == "future"

    country = holiday.country_of(locale)
    for named in holiday.named_holidays(display, start, end, country) if country else []:
        days = holiday.holiday_days(named, country, published, ahead)  # type: ignore[arg-type]  # (country is set)
        if days and free(named.start, named.end):
            first, last = (d.isoformat() for d in days)
            said_year = named.year is not None
            words = display[named.start:named.end] if said_year else f"{display[named.start:named.words_end]} {days[0].year}"
            found.append(When(named.start, named.end, first, last, written=words, relative=not said_year))
    for m in LONG_YEAR_SPAN.finditer(piece):  # "covered 1988-2006": a span (year_mentions reads at most ten years)
        first_year, last_year = int(m.group(1)), int(m.group(2))
        if last_year > first_year + 10 and free(start + m.start(), start + m.end()):
            found.append(When(start + m.start(), start + m.end(), str(first_year), str(last_year), point=False))
    for position, years in year_mentions(piece):
        at = start + position
        after = folded[at + 4:at + 6]
        before = folded[max(0, at - 2):at]
        if not free(at, at + 4) or after[:1] == "s" or (after[:1] == "-" and after[1:2].isalpha() and display[at + 4] != "—") or (
                before[-1:] == "-" and before[:1].isalpha() and not re.search(r"\b(?:mid|early|late)-$", folded[max(0, at - 7):at])):
            continue  # in a date, a decade, or a word such as "post-2014" (but "mid-2019" is 2019)
        if no_year(display, folded, at) or WORK_TITLE.match(display, at + 4):
            continue  # "www.p2016.org", "1909 Jolinda Drive", "Out of 2045 schools"; "2001: A Space Odyssey": a work's title
        word = re.search(r"([A-Za-z][\w’'-]*)\s+$", display[max(0, at - 30):at])
        if word and word.group(1)[0].isupper() and word.group(1).lower() not in DATING_WORDS \
                and word.group(1).lower().rstrip(".") not in MONTHS and not re.search(r"[’']s?$", word.group(1)):
            continue  # "Worlds 2023", "Euro 2024": a name ("Kenya's 2019 census": a possessive, the census's year)
        before = re.search(r"\b(since|than(?:\s+in)?)\s+$", folded[max(0, at - 12):at])
        span_end = at + 4 if len(years) == 1 else at + len(re.match(r"[\d/\s-]+", folded[at:at + 12]).group().rstrip(" /-"))  # type: ignore[union-attr]  # a year stands at at
        last = str(years[-1])
        if before and before.group(1) == "since" and published and published.year >= years[0]:
            last = f"{published.year:04d}-{published.month:02d}"  # "since 2019": from 2019 to the article's date
        when = When(at, span_end, str(years[0]), last, point=len(years) == 1 and not before, since=bool(before))
        if len(years) == 1 and not before and (names_a_thing(folded, display, at, years[0], published, told) or (
                OF_THE_SUBJECT.search(folded, max(0, at - 70), at) and PRESENT_NEXT.match(folded, at + 4))):
            when = replace(when, since=True, point=False, yardstick=True)  # its words kept, no claim dated by it
        found.append(when)
    if published:
        for precision, pattern in YEARLESS:
            for m in pattern.finditer(piece):
                lo, hi = start + m.start(), start + m.end()
                if not free(lo, hi) or FOLLOWED_BY_YEAR.match(folded, start + m.end("m") if precision == "month" else hi):
                    continue
                if precision == "month" and not month_stands(m, folded, display, start):
                    continue  # "may", "march": words; "Mark May", "talked with May": a person
                way = "past" if LOOKS_BACK.search(folded, max(0, lo - 24), lo) or (precision == "month" and REACHED.match(
                    folded, hi)) else "future" if re.search(
                    r"\bcome\s+$", folded[max(0, lo - 6):lo]) else said(lo, hi)  # ("armed with it come January 20": the next)
                if way == "past" and (to_come := TO_COME.search(folded, max(start, lo - 90), lo)):
                    # "ahead of the May 22 election": a day the past verb looks ahead to, the nearest; "ordered to
                    # surrender his passport on March 3": the nearest soon after the article, else the last before
                    # ("decided to reopen the inquiry in May" may be when it was decided)
                    way = "soon" if to_come.group("soon") else None
                when = yearless(m, precision, published, way, display[lo:hi], lo, hi)
                if when is not None and (named_day := NAMED_WEEKDAY.search(folded, max(0, lo - 12), lo)):
                    when = weekday_year(when, named_day.group(1))  # "Monday, Dec. 14" (of 2015, in a story of 2016)
                if when is not None and precision == "month" and (rel := LAST_OR_NEXT.search(folded, max(0, lo - 6), lo)):
                    when = month_before_or_after(when, published, rel.group(1))  # "since last December", in December: the one before
                if when is not None and precision == "month" and QUARTER_AFTER.match(folded, hi):
                    when = quarter_of(when)  # "in the June quarter": April to June
                event = EVENT_DAY.search(folded, max(0, lo - 60), lo) or LEADING_YEAR.match(piece)
                year = event.group("year") if event else year_before(folded, start, lo, int(when.first[5:7])) if when and way == "past" else None
                year = year or (story_year(folded, start, when, published) if when else None)  # ("6 December" after "6 December 1941")
                if when and year and int(year) != int(when.first[:4]):  # "the 2016 election, held on November 8": the event's
                    # day; "In 2019, elections were held in May": that year's May; "in March 2001 and ... in August": 2001's
                    when = replace(when, first=year + when.first[4:], last=year + when.last[4:],
                                   written=re.sub(r"\d{4}$", year, when.written or ""))
                if when:
                    found.append(when)
        for when in relative_days(folded, display, start, end, published, told):
            if free(when.start, when.end):
                found.append(when)
        for m in RELATIVE_YEAR.finditer(piece):
            lo, hi = start + m.start(), start + m.end()
            if free(lo, hi):
                year = published.year + YEAR_SHIFT[m.group("rel")]
                found.append(When(lo, hi, str(year), str(year), written=f"in {year}", relative=True))
        for m in YEAR_END.finditer(piece):  # "will ... by the end of the year": the article's year, looked ahead to
            lo, hi = start + m.start("the"), start + m.end()
            if free(lo, hi) and said(lo, hi) == "future":
                found.append(When(lo, hi, str(published.year), str(published.year), written=f"in {published.year}", relative=True))
        for m in RELATIVE_DECADE.finditer(piece):  # "this decade": the article's; "next decade": the one after
            lo, hi = start + (m.start("the") if m.group("the") else m.start("rel")), start + m.end()
            first = published.year // 10 * 10 + (10 if m.group("rel") == "next" else 0)
            if free(lo, hi):
                found.append(When(lo, hi, str(first), str(first + 9), point=False, decade=m.group("rel") == "this", relative=True,
                                  written=f"the {first}s" if m.group("the") else f"in the {first}s"))
        for m in PERIOD.finditer(piece):
            lo, hi = start + m.start(), start + m.end()
            when = period(m, published, display[lo:hi], lo, hi)  # ("the previous year": before a time the article gives,
            counted_from = m.group("way") in ("next", "coming") and any(w.end <= lo and len(w.first) <= 7 for w in found)
            when = replace(when, since=True, yardstick=True, point=False, written=None, relative=False) \
                if when and (m.group("way") == "previous" or counted_from) else when  # a bound, its words kept: never "the
            # previous year to July 2013"; nor "approved in April, ... the next two years" counted from the article's (a day is no such start)
            if when is not None and free(lo, hi):
                found.append(when)
    quarters = quarter_times(folded, display, start, end, published, said)  # ("the third quarter of 2016": its months)
    found = [w for w in found if not any(q.start <= w.start < q.end for q in quarters)] + quarters
    found = sorted((since(period_to(bounded(anchored(compared(kept(w, folded), folded), folded, display), folded, published), folded),
                          folded, published) for w in found),
                   key=lambda w: w.start)
    found = events_named(found, folded, display)
    for i in range(1, len(found)):  # "not seen since the 1930s or 2008-9": the second is a yardstick too
        if found[i - 1].since and not found[i].since and re.fullmatch(r",?\s+(?:or|and)\s+", folded[found[i - 1].end:found[i].start]):
            found[i] = replace(found[i], since=True, point=False, yardstick=found[i - 1].yardstick)
    return same_periods(month_spans(found, folded, display), folded)


# A year between a determiner or a possessive and a noun ("their 2016 prospects", "the 2030 target"): the year of what
# the noun names, and of nouns of what is hoped for or aimed at, never when the sentence's fact happened.
# A year in a participle's phrase after the subject, before a verb in the present ("The bridge built in 1990 carries
# 40,000 cars a day", "the initiative launched by the government in 2011 aims to ..."): the subject's year, not the fact's
OF_THE_SUBJECT = re.compile(r"\b[a-z]+\s+(?!(?:was|were|is|are|be|been|being|has|have|had|it|he|she|they)\b)"
                            rf"(?:[a-z]{{3,}}ed|{PARTICIPLES})\s+(?:by\s+[^,;]{{1,50}}?\s+)?(?:in|on)\s+$")
PRESENT_NEXT = re.compile(r"\s+(?:still\s+|now\s+)?(?:is|are|has|have|remains|aims|carries|requires|needs|serves|holds|runs|"
                          r"employs|costs|covers|includes|allows|bans|gives|makes|takes|uses|offers|provides|seeks|plans|hopes|"
                          r"expects|wants|says|shows|stands|sits|lies)\b")
MODIFIER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|my|your|this|that|these|those|[\w.-]+['’]s)\s+$")


def names_a_thing(folded: str, display: str, at: int, year: int, published: datetime.date | None,
                  told: Callable[[int, int], str | None]) -> bool:
    """Whether the year at folded[at:at+4] names the thing the noun after it names, not when the fact
    happened: a noun of what is aimed at ("its 2030 target", "their 2016 prospects"), or a year still to
    come in a clause in the past ("began scoping out the 2016 race", in 2014): what was done then was
    done before it."""
    if re.search(r"\bof\s+$", folded[max(0, at - 4):at]) and re.match(r"\s+[a-z]{3,}s\b", display[at + 4:at + 24]):
        return True  # "3 billion euros of 2018 securities": the securities' year
    if not MODIFIER_BEFORE.search(folded, max(0, at - 24), at):
        return False
    if re.match(r"\s+[A-Z][a-z]", display[at + 4:at + 7]) and ((tense := told(at, at + 4)) is None or (
            published and year > published.year and tense != "future")) \
            and not re.search(r"\b(?:in|at|during|since|by|before|after|until)\s+the\s+$", folded[max(0, at - 14):at]):
        return True  # "features are available on the 2020 Sentra": a model's name, in a clause in the present (ahead, in any but the future)
    if not ANCHOR_AFTER.match(display, at + 4):
        return False
    if AIMED_AT.match(folded, at + 4):
        return True
    way = told(at, at + 4)
    if EVENT_AFTER_WORD.search(folded, max(0, at - 30), at) and (way is None or (
            way == "future" and published is not None and year < published.year)):
        return True  # "the towns hit by the 2011 tsunami" (in a clause in the present, or ahead of a past year: "is
        # leading the candidate in the 2020 election"): the event's year, not the fact's
    return published is not None and year > published.year and way == "past"


# A preposition or a participle before "the" and a year that names an event, in a clause in the present ("hit by the
# 2011 tsunami", "central to the 2001 boom", "since the 2008 crisis" is since's)
EVENT_AFTER_WORD = re.compile(r"\b(?:by|to|of|from|during|in|after|with)\s+the\s+$")


# A time the sentence dates its fact by: straight after "in", "on" or "during" ("rebuilt in 2015", "reopened on
# 3 May 2004", "met on Sunday"; a day named after the thing's year is the thing's: EVENT_DAY), or a span from one
# time to another ("From 2014 to 2019, she was ...")
DATED_BY = re.compile(r"\b(?:in|on|during)\s+(?:(?:early|late|mid)[\s-]+|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$")


def events_named(found: list[When], folded: str, display: str) -> list[When]:
    """A year between a determiner and a noun names the thing ("the towns hit by the 2011 tsunami", "schools
    damaged in the 1999 earthquake", "cut the 2019 budget") and dates nothing when the sentence also says when
    its fact happened ("were rebuilt in 2015", "on Tuesday"). Alone, the thing's year may be the sentence's
    time ("In the 2016 election, turnout was 60%")."""
    def written_time(w: When) -> bool:
        if w.since or w.yardstick or year_of_thing(folded, display, w):
            return False
        return (DATED_BY.search(folded, max(0, w.start - 30), w.start) is not None or len(w.first) == 10) if w.point else \
            re.match(r"(?:from|between)\s", folded[w.start:w.end]) is not None or \
            re.search(r"\b(?:from|between)\s+$", folded[max(0, w.start - 10):w.start]) is not None

    if not any(written_time(w) for w in found):
        return found
    return [replace(w, since=True, point=False, yardstick=True)
            if w.point and not w.since and year_of_thing(folded, display, w) and not written_time(w) else w
            for w in found]


# Years between a determiner or a possessive and a noun, one or a list of them ("the 2019 budget", "Kenya's
# 2019 census", "the 2008 and 2012 campaigns")
YEARS_OF_THING = re.compile(r"\b(?:the|a|an|its|their|his|her|our|my|your|this|that|these|those|[\w.-]+['’]s)\s+"
                            r"(?P<years>(?:1[5-9]|20)\d\d(?:(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*&\s*)(?:1[5-9]|20)\d\d)*)\b")


# A month or a day of a year between a determiner and a noun ("the September 2018 fatal shooting", "the 5 March 2019 vote")
DATED_THING = re.compile(r"[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}")
THING_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our|[\w.-]+['’]s)\s+$")


def year_of_thing(folded: str, display: str, w: When) -> bool:
    """Whether the time w is a year (or a month or a day of one) between a determiner or a possessive and a noun
    ("the 2019 budget", "the 2008 and 2012 campaigns", "the September 2018 shooting"): the time of what the noun names."""
    if w.end - w.start != 4 or not display[w.start:w.end].isdigit():
        return DATED_THING.fullmatch(display, w.start, w.end) is not None and \
            THING_BEFORE.search(folded, max(0, w.start - 30), w.start) is not None and ANCHOR_AFTER.match(folded, w.end) is not None
    return any(m.start("years") <= w.start < m.end("years") and ANCHOR_AFTER.match(folded, m.end("years"))
               for m in YEARS_OF_THING.finditer(folded, max(0, w.start - 60), w.end + 60))


def period(m: re.Match[str], published: datetime.date, words: str, lo: int, hi: int) -> When | None:
    """The span PERIOD names, back from or on from the article's date: "the last month" in an article
    of 21 December is 21 November to 21 December, "the next decade" the ten years to come. Weeks and
    months are read to the day; years and decades to the month, and a past one is written out up to
    the article's month. A count the words leave vague ("the next few years", "the coming weeks") is
    no span: the words stay as they are."""
    n, unit = m.group("n"), m.group("unit")
    count = int(n) if n and n.isdigit() else NUMBER_WORDS.get(n) if n else None if unit.endswith("s") else 1
    if not count:
        return None
    ahead = m.group("way") in ("next", "coming")
    if unit[0] in "wm":  # ("the past two weeks", "the last month"): days, the article's words kept
        if unit[0] == "w":
            other = published + datetime.timedelta(days=7 * count * (1 if ahead else -1))
        else:
            total = published.year * 12 + published.month - 1 + (count if ahead else -count)
            year, month = divmod(total, 12)  # (the 31st a month later is that month's last day)
            other = datetime.date(year, month + 1, min(published.day, calendar.monthrange(year, month + 1)[1]))
        first, last = sorted((published.isoformat(), other.isoformat()))
        return When(lo, hi, first, last, point=False)
    months = count * (12 if unit[0] == "y" else 120)
    months += months // 2 if m.group("half") else 0  # "the past year and a half": 18 months
    now = f"{published.year:04d}-{published.month:02d}"
    if ahead:  # "in the next year": the twelve months to come, kept in its words
        return When(lo, hi, now, month_iso(published.year, published.month, months), point=False)
    return When(lo, hi, month_iso(published.year, published.month, -months), now, point=False, relative=True,
                written=f"{words} to {MONTH_NAMES[published.month]} {published.year}")


# Words after which a month's name alone can only be a time ("in May", "until June", "this April", "the
# end of March", "the year to March"); "on", "by", "the", "a" and a possessive ("Norway’s October output") may also
# lead to a person ("a speech by May", "the May government"), so they do only where the article names no one so.
MONTH_LEAD = re.compile(r"\b(?:(?P<time>in|since|until|till|from|through|thru|throughout|during|before|after|early|late"
                        r"|mid|last|next|this|that|every|each|come|between|as\s+of|starting|beginning|ending"
                        r"|(?:end|start|beginning|middle|week|weeks|month|days|half|part|rest|close)\s+of"
                        r"|(?:year|months|quarter|half[-\s]year)\s+to)|on|by|for|the|an?|its|their|his|her|our|[\w-]+['’]s)[\s-]+$")
MONTH_JOIN = rf"\s*(?:-to-|–to–|-|–|/|to|through|until|and|or)\s*"  # "April-June", "April-to-June", "March to May", "March or May"
# A capitalised word after a month makes it a given name ("April Ryan", "June Carter"), save words that
# open a clause ("In March The Times reported") and a title before a name ("In March President Biden signed").
NAME_AFTER = re.compile(r"\s+(?!(?:The|A|An|It|Its|He|She|They|We|I|His|Her|Their|Our|This|That|There)\b)[A-Z][a-z]")


# What a month is in every year ("December days", "January temperatures", "summer months"): no one month's time
EVERY_YEAR = re.compile(r"\s+(?:days|nights|mornings|afternoons|evenings|weekends|temperatures|highs|lows|averages|weather|rainfall)\b")


def month_stands(m: re.Match[str], folded: str, display: str, start: int) -> bool:
    """Whether a month's name with no day or year (YEARLESS's last pattern) names a time: written
    as a month, where a time can stand (after "in", "since", "early", "the end of" ...) or in a span
    of months; never as a person's name ("Theresa May", "Holtz or May", "April Ryan")."""
    lo, hi = start + m.start("m"), start + m.end("m")
    if not display[lo].isupper() or (NAME_AFTER.match(display, hi) and not TITLE_AHEAD.match(display, hi)):
        return False
    if m.end() == m.end("m") and EVERY_YEAR.match(folded, hi) \
            and not re.search(r"\b(?:in|since|by|until|during|from|through|last|this|next)\s+$", folded[max(0, lo - 8):lo]):
        return False  # "record highs for December days", "January temperatures": that month in any year
    if m.start() < m.start("m") or re.match(MONTH_JOIN + rf"(?:{_FULL_MONTH})\b", folded[hi:hi + 16]) \
            or re.search(rf"\b(?:{_FULL_MONTH})" + MONTH_JOIN + "$", folded[max(0, lo - 16):lo]):
        return True  # "early March", "April-June", "from March to May"
    lead = MONTH_LEAD.search(folded, max(0, lo - 20), lo)
    if lead is not None and re.search(r"['’]s[\s-]+$", lead.group()) and (not re.match(r"\s+[a-z]+\s+[a-z]", display[hi:hi + 40])
                                                                     or re.match(r"\s+(?:said|says|told|has|had|was|is|will|would|wants|added)\b", display[hi:hi + 12])):
        return False  # "Norway’s October oil production" (a noun after it), never "Britain's May said she would resign"
    return lead is not None and (bool(lead.group("time")) or display[lo:hi] not in people_named(display))


@lru_cache(maxsize=64)
def people_named(display: str) -> frozenset[str]:
    """The months an article uses as a person's name: after a capitalised word that leads to no time
    ("Mark May", "Mrs May", "Theresa May")."""
    names = set()
    for m in re.finditer(rf"\b([A-Z][a-z]+)\.?\s+({'|'.join(MONTH_NAMES[1:])})\b(?!\s*\d)", display):
        if m.group(1).lower() not in DATING_WORDS | NOT_NAMES:
            names.add(m.group(2))
    return frozenset(names)


# Capitalised words before a month that are no name: they open a sentence or name a day.
NOT_NAMES = frozenset("""since until till through during last next this that every each come early late mid
mon tue wed thu fri sat sun""".split()) | frozenset(WEEKDAYS)


# A preposition before a possessive time: the time names what the phrase points to ("a possible omission for
# next week's final Test", "ahead of Sunday's vote"), not when the sentence's fact happened.
LEADS_TO = re.compile(r"\b(?:for|of|in|at|to|from|on|by|before|after|since|until|during|through|over|into|with|about)\s+$")


# A time that is its clause's subject: a verb follows it ("this year is on track", "yesterday was the hottest
# day", "next week will bring rain") and it opens its clause (the sentence, a clause after a comma or "that",
# or what a verb of saying or showing reports: "means this year is ...").
SUBJECT_VERB = re.compile(r"\s+(?:(?:also|already|still|now|again|probably|likely|certainly)\s+)?(?:is|was|are|were|has|had"
                          r"|have|will|would|could|should|may|might|must|can|saw|sees|marks|marked|brought|brings|looks"
                          r"|looked|proved|proves|promises|promised|became|becomes|seems|seemed|remains|remained|ranks"
                          r"|ranked|ended|ends|began|begins)\b")
CLAUSE_OPENS = re.compile(r"(?:^|[\n.;:,!?(\"]\s*|\s-\s+|\b(?:that|and|but|because|as|so|if|when|while|although|though"
                          r"|means?|meant|shows?|showed|shown|suggests?|suggested|says?|said|thinks?|thought|believes?"
                          r"|believed|expects?|expected|predicts?|predicted|fears?|feared|warns?|warned|knows?|knew"
                          r"|reports?|reported|finds?|found|notes?|noted|argues?|argued|confirms?|confirmed|adds?|added)\s+)$")
# A time that is a verb's object: "called last year the hottest", "expects next year to be tough"
OBJECT_OF = re.compile(r"\b(?:call(?:s|ed)?|name[sd]?|declared?|declares|made|makes?|marks?|marked|spen[dt]|spends|dubbed"
                       r"|recalls?|recalled|remembers?|remembered|described?|describes|considers?|considered|rank(?:s|ed)?)\s+$")
OBJECT_AFTER = re.compile(r"\s+(?:to\s+be|as)\b")


def kept(when: When, folded: str) -> When:
    """A relative time whose writing out cannot stand in its words' place keeps the article's words: a
    possessive ("next week's final", never "the week of 5 January 2015 to 11 January 2015's final"; a
    year may: "2017's bill"), a time running into a figure ("over the past year 15 overs"), a time after
    "the" (never "in the in 2020"), and a time that is its clause's subject or a verb's object ("this year
    is on track", never "in 2014 is on track"), where the writing out opens with "in" or "on". A
    possessive after a preposition is a bound, which dates no fact."""
    if not when.relative:
        return when
    if re.match(r"['’]s\b", folded[when.end:when.end + 2]):
        year = re.fullmatch(r"(?:in\s+)?\d{4}", when.written or "")
        if LEADS_TO.search(folded, max(0, when.start - 14), when.start):
            return replace(when, relative=bool(year), since=True, yardstick=True)
        return when if year else replace(when, relative=False)
    if re.match(r"\s+\d", folded[when.end:when.end + 3]):
        return replace(when, relative=False)
    if re.match(r"(?:in|on)\s", when.written or ""):
        before = folded[max(0, when.start - 14):when.start]
        if re.search(r"\bthe\s+$", before) or (
                (SUBJECT_VERB.match(folded, when.end) and CLAUSE_OPENS.search(folded, max(0, when.start - 14), when.start))
                or (OBJECT_OF.search(before) or (OBJECT_AFTER.match(folded, when.end) and not LEADS_TO.search(before)))):
            return replace(when, relative=False)
    return when


def century(decade: str) -> int:
    """The years after the first that "the 1600s" ... "the 1900s" cover: a century (99); any other
    "-0s" a decade (9), and "the 2000s" too, as news writes it."""
    return 99 if decade.endswith("0") and decade[:2] in ("15", "16", "17", "18", "19") else 9
