"""The times a sentence gives, read against its article's date: dates and years (dates.py), and what
dates.py leaves out because the article does: "7-9 February", "early March this year", "last year",
"over the last three years", "the 1980s and 1990s", "between 2011 and 2021", "on Sunday", "last week",
"two months ago". Pure functions."""
import datetime
import re
from collections.abc import Callable
from functools import lru_cache
from dataclasses import dataclass, replace

from . import holiday
from .dates import MONTH_NAMES, MONTHS, date_mentions, year_mentions
from .figures import NUMBER_WORDS


@dataclass(frozen=True)
class When:
    """A time named in an article, at [start, end) of its text, as ISO dates (partial allowed)."""

    start: int
    end: int
    first: str
    last: str
    point: bool = True  # a day, a few days, a month or a year; False for decades and spans of years
    written: str | None = None  # how a restatement writes it where the article leaves its year to the reader
    decade: bool = False
    since: bool = False  # "since 2003", "than in 2019": a span's start or a comparison, not when something happened
    relative: bool = False  # read against the article's date: a restatement writes `written` in its place
    yardstick: bool = False  # with since: a time measured against ("the highest since 1992"), no span's start

    def describe(self) -> str:
        """The time as a restatement puts it: "in 2007", "in May 2011", "on 7-9 February 2012"."""
        if self.written:
            words = self.written
            return words if re.match(r"(?i)(?:in|on|over|during|between|from|since|until|by)\b", words) else (
                ("on " if len(self.first) == 10 else "in ") + words)
        return describe_iso(self.first, self.last)


def describe_iso(first: str, last: str | None = None) -> str:
    last = last or first
    if len(first) == 4:
        return f"in {first}" if last == first else f"between {first} and {last[:4]}"
    if len(first) == 7:
        year, month = first.split("-")
        return f"in {MONTH_NAMES[int(month)]} {year}" if last == first else f"between {first} and {last}"
    y, m, d = (int(p) for p in first.split("-"))
    if last == first:
        return f"on {d} {MONTH_NAMES[m]} {y}"
    y2, m2, d2 = (int(p) for p in last.split("-"))
    if (y, m) == (y2, m2):
        return f"on {d}-{d2} {MONTH_NAMES[m]} {y}"
    return f"between {d} {MONTH_NAMES[m]} {y} and {d2} {MONTH_NAMES[m2]} {y2}"


def iso(day: tuple[int, ...], precision: str) -> str:
    y, m, d = day
    return f"{y:04d}" if precision == "year" else f"{y:04d}-{m:02d}" if precision == "month" else f"{y:04d}-{m:02d}-{d:02d}"


def parse_published(value: str | None) -> datetime.date | None:
    """An article's published date (YYYY-MM-DD, or a partial one) as a date, or None."""
    try:
        parts = [int(p) for p in (value or "").split("-")]
        return datetime.date(*(parts + [1, 1])[:3]) if parts and parts[0] else None
    except ValueError:
        return None


_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL_MONTH = "|".join(m.lower() for m in MONTH_NAMES[1:])
_ORD = r"(?:st|nd|rd|th)?"
_RELATIVE = r"(?:\s+(?P<rel>this|last|next)\s+year)?"
_ABBR_STOP = r"(?:(?<!may)(?<!june)(?<!july)(?<![a-z]{5})\.)?"  # "Jan.", never the full stop after "January"
YEARLESS = [  # each read only where dates.py found no date: the article leaves the year out
    ("days", re.compile(rf"\b(?:the\s+)?(?P<d1>[0-3]?\d){_ORD}\s*(?:-|to|and|until)\s*(?P<d2>[0-3]?\d){_ORD}\s+(?:of\s+)?(?P<m>{_MONTH})\b{_ABBR_STOP}{_RELATIVE}")),
    ("days", re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d1>[0-3]?\d){_ORD}\s*(?:-|to)\s*(?P<d2>[0-3]?\d){_ORD}\b{_RELATIVE}")),
    ("day", re.compile(rf"\b(?:the\s+)?(?P<d1>[0-3]?\d){_ORD}\s+(?:of\s+)?(?P<m>{_MONTH})\b{_ABBR_STOP}{_RELATIVE}")),
    ("day", re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?:the\s+)?(?P<d1>[0-3]?\d){_ORD}\b(?![\d,.:]\d){_RELATIVE}")),
    ("month", re.compile(rf"\b(?:(?:early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of)[\s-]+)?(?P<m>{_FULL_MONTH})\b{_RELATIVE}")),
]
FOLLOWED_BY_YEAR = re.compile(r"\s*,?\s*(?:of\s+)?(?:1[89]|20)\d\d\b")
RELATIVE_YEAR = re.compile(r"\b(?P<rel>this|last|next)\s+year\b")
RELATIVE_DECADE = re.compile(r"\b(?P<rel>this|next)\s+decade\b")
PERIOD = re.compile(r"\b(?:(?:over|in|during|for|within|throughout)\s+)?the\s+(?:last|past|previous)\s+(?:(?P<n>\d+|[a-z]+)\s+)?(?P<unit>years?|decades?|months?)\b")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A weekday the article leaves to its date ("on Sunday", "late Thursday", "last Friday"): not one in
# a name ("Super Tuesday", "Sunday Times", "Good Friday") nor one a date follows ("Sunday, October 29").
WEEKDAY = re.compile(rf"\b(?:(?P<rel>last|this|next|early|late)\s+)?(?P<wd>{'|'.join(WEEKDAYS)})\b"
                     r"(?:\s+(?:night|morning|afternoon|evening))?")  # "on Saturday night 25 June 2022"
# "yesterday", "tomorrow night", "today", "this morning", "tonight": a day the article's date gives
# A week's days that recur, not one day: a span ("Monday through Thursday", "Mon-Fri"), "every Monday",
# or days in a sentence of opening hours ("open from 1 to 10 p.m. Friday and Saturday").
DAY_NAME = rf"(?:{'|'.join(WEEKDAYS)}|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
DAY_SPAN = re.compile(rf"\b{DAY_NAME}\s*(?:-|–|to|through|thru|until)\s*{DAY_NAME}(?!\w)")
EVERY = re.compile(r"\b(?:every|each)\s+$")
OPENING = re.compile(r"\b(?:open|opens|closed|closes|hours|operates|operating|serves|serving)\b")
CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\b|p\.?m\b)|\bnoon\b|\bmidnight\b")
NEAR_DAY = re.compile(r"\b(?:(?P<word>yesterday|tomorrow|today)(?:\s+(?P<part>morning|afternoon|evening|night))?"
                      r"|this\s+(?P<this>morning|afternoon|evening)|(?P<tonight>tonight))\b")
# "tomorrow's leaders", "today's digital economy": the times people live in, no day
FIGURATIVE = re.compile(r"['’]s\s+(?:[a-z-]+\s+)?(?:leaders?|world|generations?|children|kids|youth|young|workforce|workers"
                        r"|economy|economies|technology|technologies|society|societies|heroes|stars|scientists|engineers"
                        r"|innovators|entrepreneurs|citizens|consumers|students|problems|challenges|jobs|cities|schools)\b")
NEAR_SHIFT = {"yesterday": -1, "tomorrow": 1, "today": 0, None: 0}
# A date after "today" is the day the article means ("published today (Oct. 28)"), whatever its own date.
DATE_AFTER = re.compile(rf"\s*[(,]?\s*(?:(?:{_MONTH})\.?\s+\d|\d{{1,2}}\s+(?:{_MONTH})\b)")
# "last week", "this month", "next week"; "a week ago", "two days ago", "three months ago"
CALENDAR = re.compile(r"\b(?P<rel>last|this|next|past)\s+(?P<unit>week|month)\b")
AGO = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b")
DECADE = re.compile(r"\b(?:the\s+)?(?P<d>(?:1[5-9]|20)\d)0s\b")
DECADE_PART = re.compile(r"\b(early|mid|late)[\s-]+(?:the\s+)?$")
DECADE_PARTS = {"early": (0, 4), "mid": (3, 7), "late": (6, 9)}  # years into the decade, generously
# Words that may stand capitalised before a year that dates something ("In 2023", "Fiscal 2024",
# "Spring 2023"); any other capitalised word before a year makes it part of a name ("Worlds 2023",
# "Euro 2024", "Vision 2030"), which dates nothing the sentence claims.
DATING_WORDS = frozenset("""in on at by since until till from during after before of the a an and or to for
through between about around circa early late mid fiscal fy year years spring summer autumn fall winter
end start beginning""".split())
DECADE_JOIN = re.compile(r"\s*(?:-|and|to|through|until)\s*(?:the\s+)?$")
YEAR_SPAN = re.compile(r"\b(?P<w>between|from)\s+(?P<a>(?:1[89]|20)\d\d)\s*(?:and|to|-|until|through)\s*(?P<b>(?:1[89]|20)\d\d)\b")
# A time that names the event a phrase points to ("after the country's 2008 financial crisis", "before
# the November 2016 election"): a bound of what the sentence says, not when it happened.
ANCHOR_BEFORE = re.compile(r"\b(?:after|before|following|since|until|amid|ahead\s+of|prior\s+to|in\s+the\s+wake\s+of)\s+"
                           r"(?:(?:the\s+)?[\w.-]+['’]s|the|an?|its|their|his|her|our|this|that)\s+$")
ANCHOR_AFTER = re.compile(r"(?:\s+|-)(?!(?:and|or|but|nor|to|in|on|at|of|for|by|with|from|as|when|was|were|is|are|has|had|have)\b)[a-z]")
FUTURE = re.compile(r"\b(?:will|would|shall|plans?|planned|expects?|expected|due|scheduled|set to|likely|intends?|intended|next|upcoming|forthcoming"
                    r"|takes?\s+effect|comes?\s+into\s+(?:force|effect)|goes?\s+into\s+effect|enters?\s+into\s+force"
                    r"|(?:is|are|am)\s+(?:not\s+)?[a-z]{3,}ing|(?:is|are|am)\s+to|going\s+to|about\s+to|won['’]t"
                    r"|must(?!\s+(?:not\s+)?have\b)|(?:has|have)\s+to)\b")
# "takes effect on 1 January", "is seeking a term in November", "is to visit in February", "must wait until
# July": an arrangement or an obligation in the present is about what is to come


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
    for m in YEAR_SPAN.finditer(piece):
        a, b = int(m.group("a")), int(m.group("b"))
        if a < b <= a + 200 and free(start + m.start(), start + m.end()):
            found.append(When(start + m.start(), start + m.end(), str(a), str(b), point=False))
    decades = [m for m in DECADE.finditer(piece) if free(start + m.start(), start + m.end())]
    i = 0
    while i < len(decades):
        j = i
        while j + 1 < len(decades) and DECADE_JOIN.search(piece[decades[j].end():decades[j + 1].start("d")]) \
                and len(piece[decades[j].end():decades[j + 1].start("d")]) < 12:
            j += 1
        first, last = int(decades[i].group("d")) * 10, int(decades[j].group("d")) * 10 + 9
        part = DECADE_PART.search(piece, max(0, decades[i].start() - 12), decades[i].start("d")) if i == j else None
        if part:  # "the early 1980s": its first half or so; "the mid-1990s" its middle; "the late 2000s" its end
            first, last = first + DECADE_PARTS[part.group(1)][0], first + DECADE_PARTS[part.group(1)][1]
        lo, hi = start + decades[i].start("d"), start + decades[j].end()
        found.append(When(lo, hi, str(first), str(last), point=False, decade=True, written="the " + display[lo:hi]))
        i = j + 1
    def said(lo: int, hi: int) -> str | None:  # the tense of the clause display[lo:hi] stands in
        return ("future" if future else "past") if future is not None else tense(piece, lo - start, hi - start)

    def ahead(lo: int, hi: int) -> bool:
        return said(lo, hi) == "future"

    country = holiday.country_of(locale)
    for named in holiday.named_holidays(display, start, end, country) if country else []:
        days = holiday.holiday_days(named, country, published, ahead)  # type: ignore[arg-type]  # (country is set)
        if days and free(named.start, named.end):
            first, last = (d.isoformat() for d in days)
            said_year = named.year is not None
            words = display[named.start:named.end] if said_year else f"{display[named.start:named.words_end]} {days[0].year}"
            found.append(When(named.start, named.end, first, last, written=words, relative=not said_year))
    for position, years in year_mentions(piece):
        at = start + position
        after = folded[at + 4:at + 6]
        before = folded[max(0, at - 2):at]
        if not free(at, at + 4) or after[:1] == "s" or (after[:1] == "-" and after[1:2].isalpha()) or (
                before[-1:] == "-" and before[:1].isalpha()):
            continue  # in a date, a decade, or a word such as "post-2014"
        word = re.search(r"([A-Za-z][\w’'-]*)\s+$", display[max(0, at - 30):at])
        if word and word.group(1)[0].isupper() and word.group(1).lower() not in DATING_WORDS \
                and word.group(1).lower().rstrip(".") not in MONTHS:
            continue  # "Worlds 2023", "Euro 2024": a name
        before = re.search(r"\b(since|than(?:\s+in)?)\s+$", folded[max(0, at - 12):at])
        span_end = at + 4 if len(years) == 1 else at + len(re.match(r"[\d/\s-]+", folded[at:at + 12]).group().rstrip(" /-"))  # type: ignore[union-attr]  # a year stands at at
        last = str(years[-1])
        if before and before.group(1) == "since" and published and published.year >= years[0]:
            last = f"{published.year:04d}-{published.month:02d}"  # "since 2019": from 2019 to the article's date
        found.append(When(at, span_end, str(years[0]), last, point=len(years) == 1 and not before, since=bool(before)))
    if published:
        for precision, pattern in YEARLESS:
            for m in pattern.finditer(piece):
                lo, hi = start + m.start(), start + m.end()
                if not free(lo, hi) or FOLLOWED_BY_YEAR.match(folded, start + m.end("m") if precision == "month" else hi):
                    continue
                if precision == "month" and not month_stands(m, folded, display, start):
                    continue  # "may", "march": words; "Mark May", "talked with May": a person
                when = yearless(m, precision, published, said(lo, hi), display[lo:hi], lo, hi)
                if when:
                    found.append(when)
        for when in relative_days(folded, display, start, end, published, said):
            if free(when.start, when.end):
                found.append(when)
        for m in RELATIVE_YEAR.finditer(piece):
            lo, hi = start + m.start(), start + m.end()
            if free(lo, hi):
                year = published.year + {"this": 0, "last": -1, "next": 1}[m.group("rel")]
                found.append(When(lo, hi, str(year), str(year), written=f"in {year}", relative=True))
        for m in RELATIVE_DECADE.finditer(piece):  # "this decade": the article's; "next decade": the one after
            lo, hi = start + m.start(), start + m.end()
            first = published.year // 10 * 10 + (10 if m.group("rel") == "next" else 0)
            if free(lo, hi):
                found.append(When(lo, hi, str(first), str(first + 9), point=False, decade=True, relative=True,
                                  written=f"in the {first}s"))
        for m in PERIOD.finditer(piece):
            lo, hi = start + m.start(), start + m.end()
            n = m.group("n")
            count = int(n) if n and n.isdigit() else NUMBER_WORDS.get(n, 1 if n is None else None)
            if count is None or not free(lo, hi):
                continue
            months = count * {"y": 12, "d": 120, "m": 1}[m.group("unit")[0]]
            first = month_iso(published.year, published.month, -months)
            found.append(When(lo, hi, first, f"{published.year:04d}-{published.month:02d}", point=False, relative=True,
                              written=f"{display[lo:hi]} to {MONTH_NAMES[published.month]} {published.year}"))
    found = sorted((since(period_to(anchored(compared(kept(w, folded), folded), folded, display), folded), folded, published)
                    for w in found),
                   key=lambda w: w.start)
    for i in range(1, len(found)):  # "not seen since the 1930s or 2008-9": the second is a yardstick too
        if found[i - 1].since and not found[i].since and re.fullmatch(r",?\s+(?:or|and)\s+", folded[found[i - 1].end:found[i].start]):
            found[i] = replace(found[i], since=True, point=False, yardstick=found[i - 1].yardstick)
    return month_spans(found, folded, display)


# Words after which a month's name alone can only be a time ("in May", "until June", "this April", "the
# end of March", "the year to March"); "on", "by", "the" and "a" may also lead to a person ("a speech by
# May", "the May government"), so they do only where the article names no one so.
MONTH_LEAD = re.compile(r"\b(?:(?P<time>in|since|until|till|from|through|thru|throughout|during|before|after|early|late"
                        r"|mid|last|next|this|that|every|each|come|between|as\s+of|starting|beginning|ending"
                        r"|(?:end|start|beginning|middle|week|weeks|month|days|half|part|rest|close)\s+of"
                        r"|(?:year|months|quarter|half[-\s]year)\s+to)|on|by|the|an?|its|their|his|her|our)[\s-]+$")
MONTH_JOIN = rf"\s*(?:-|–|/|to|through|until|and|or)\s*"  # "April-June", "March to May", "March or May"
# A capitalised word after a month makes it a given name ("April Ryan", "June Carter"), save words that
# open a clause ("In March The Times reported").
NAME_AFTER = re.compile(r"\s+(?!(?:The|A|An|It|Its|He|She|They|We|I|His|Her|Their|Our|This|That|There)\b)[A-Z][a-z]")


def month_stands(m: re.Match[str], folded: str, display: str, start: int) -> bool:
    """Whether a month's name with no day or year (YEARLESS's last pattern) names a time: written
    as a month, where a time can stand (after "in", "since", "early", "the end of" ...) or in a span
    of months; never as a person's name ("Theresa May", "Holtz or May", "April Ryan")."""
    lo, hi = start + m.start("m"), start + m.end("m")
    if not display[lo].isupper() or NAME_AFTER.match(display, hi):
        return False
    if m.start() < m.start("m") or re.match(MONTH_JOIN + rf"(?:{_FULL_MONTH})\b", folded[hi:hi + 16]) \
            or re.search(rf"\b(?:{_FULL_MONTH})" + MONTH_JOIN + "$", folded[max(0, lo - 16):lo]):
        return True  # "early March", "April-June", "from March to May"
    lead = MONTH_LEAD.search(folded, max(0, lo - 20), lo)
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


def month_spans(found: list[When], folded: str, display: str) -> list[When]:
    """Two months joined by a dash or "to" are one span ("the April-June quarter": April to June)."""
    merged: list[When] = []
    for when in found:
        before = merged[-1] if merged else None
        if before is not None and len(before.first) == len(when.last) == 7 and not before.since \
                and re.fullmatch(r"\s*(?:-|–|to|through|until)\s*", folded[before.end:when.start]):
            # "from March to May 2023": the first month is of the year the second names
            first = when.last[:4] + before.first[4:] if before.relative and not when.relative else before.first
            if first < when.last:
                written = f"{display[before.start:when.end]} {when.last[:4]}" if before.relative and when.relative else None
                merged[-1] = replace(before, end=when.end, first=first, last=when.last, point=False, written=written,
                                     relative=written is not None)
                continue
        merged.append(when)
    return merged


# A preposition before a possessive time: the time names what the phrase points to ("a possible omission for
# next week's final Test", "ahead of Sunday's vote"), not when the sentence's fact happened.
LEADS_TO = re.compile(r"\b(?:for|of|in|at|to|from|on|by|before|after|since|until|during|through|over|into|with|about)\s+$")


def kept(when: When, folded: str) -> When:
    """A relative time whose writing out cannot stand in its words' place keeps the article's words: a
    possessive ("next week's final", never "the week of 5 January 2015 to 11 January 2015's final"; a
    year may: "2017's bill") or a time running into a figure ("over the past year 15 overs"). A
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
    return when


# "down from a year ago", "higher than last year", "compared with the same period a year ago": what the
# fact is measured against
COMPARED = re.compile(r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+same\s+(?:period|quarter|month|week|time)\s+)?$")


def compared(when: When, folded: str) -> When:
    """A time back from the article's date ("a year ago", "last month") after "from", "than" or "compared
    with" is the base of a comparison, not when the fact happened: a yardstick, which dates nothing,
    kept in the article's words ("from March to May" is a span, and stays one)."""
    if when.relative and re.fullmatch(r".*\bago|last\s+(?:year|month|week)", folded[when.start:when.end]) \
            and COMPARED.search(folded, max(0, when.start - 40), when.start):
        return replace(when, relative=False, since=True, yardstick=True, point=False)
    return when


def anchored(when: When, folded: str, display: str) -> When:
    """A time that names the event before a noun, after "after", "before", "since" ... ("after the 2008
    financial crisis") is read as a bound (like "since 2003"): no claim is dated by it."""
    if when.since or when.relative or not when.point:
        return when
    if ANCHOR_BEFORE.search(folded, max(0, when.start - 40), when.start) and ANCHOR_AFTER.match(display, when.end):
        return replace(when, since=True)
    return when


# A period that ends with a month ("in the year to March", "the three months ending June"): that month and
# the months before it.
PERIOD_TO = re.compile(r"\b(?P<n>year|12\s+months|twelve\s+months|quarter|three\s+months|six\s+months|half[-\s]year)\s+"
                       r"(?:to|ending|ended)\s+(?:the\s+end\s+of\s+)?$")
PERIOD_MONTHS = {"year": 12, "12": 12, "twelve": 12, "quarter": 3, "three": 3, "six": 6, "half": 6}


def period_to(when: When, folded: str) -> When:
    """A month that ends a period is the whole period: "the year to March 2022" is April 2021 to March 2022."""
    m = PERIOD_TO.search(folded, max(0, when.start - 40), when.start)
    if m is None or len(when.first) != 7 or when.first != when.last:
        return when
    months = PERIOD_MONTHS[re.split(r"[\s-]", m.group("n"))[0]]
    return replace(when, first=month_iso(int(when.first[:4]), int(when.first[5:]), 1 - months), point=False)


SINCE = re.compile(r"\bsince\s+(?:the\s+)?$")
# A superlative before "since" makes the time a yardstick ("the highest since 1992", "its lowest level since
# March 2021"): what is measured is not of that time, nor of the span after it.
YARDSTICK = re.compile(r"\b(?:[a-z]{3,}est|most|least|first|best|worst|record|more|fewer|less|unseen|"
                       r"not\s+(?:been\s+)?(?:seen|recorded|reached|witnessed))\b[^,;.]{0,40}$")


def since(when: When, folded: str, published: datetime.date | None) -> When:
    """A time after "since": the start of a span that runs to the article's month ("recorded since
    January"), or, after a superlative, a yardstick that dates nothing."""
    m = SINCE.search(folded, max(0, when.start - 14), when.start)
    if m is None:
        return when
    if YARDSTICK.search(folded, max(0, m.start() - 60), m.start()):
        last = when.first if len(when.last) != len(when.first) else when.last  # (not the span "since 1992" was read as)
        return replace(when, since=True, point=False, yardstick=True, last=last)
    if when.since or published is None or when.first > published.isoformat()[:len(when.first)]:
        return when
    return replace(when, since=True, point=False, last=published.isoformat()[:7])


# What marks a clause as past: a verb of saying or being in the past, or a regular past form.
# A participle after a verb of being in the present is no past ("The bridge is closed until Monday").
PAST_MARK = re.compile(r"\b(?:said|told|was|were|had|did|came|went|took|gave|met|saw|began|knew|ran|became|rose|fell|grew"
                       r"|drew|drove|flew|threw|struck|broke|chose|spoke|ate|wore|sank|fought"
                       r"|(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)(?<!\bbe\s)(?<!\bremains\s)(?:\w{3,}ed|made|got|left|paid|brought"
                       r"|bought|built|sent|spent|lost|won(?!['’]t)|led|wrote|stood|held|kept|sold|fled|sought|quit))\b")
UNTIL = re.compile(r"\b(?:until|till|through)\s+(?:the\s+)?(?:end\s+of\s+)?(?:(?:early|late|mid)[\s-]+)?$")
PRESENT = re.compile(r"\b(?:is|are|am|remains?|stays?|lasts?|runs?|continues?)\b")
CLAUSE_BREAK = re.compile(r"[;:]|,\s|\b(?:that|which|who|and|but|while|when|after|before)\b")


# A verb in the present: what it says holds now, so a month or a day it names without a year is the
# nearest one ("The film is out on 31 December", "hits cinemas in January").
PRESENT_MARK = re.compile(r"\b(?:is|are|am|remains?|stays?|opens|closes|hits|runs|lasts|starts|begins|ends|arrives"
                          r"|returns|premieres|airs|debuts|launches|expires|plays|meets|kicks\s+off)\b")
PARTICIPLE_BY = re.compile(r"\w+ed\s+by\b")  # "out on 31 December, followed by a wider release": no past


def tense(piece: str, lo: int, hi: int) -> str | None:
    """"future", "past" or None (the present, or no tense) for the clause a time stands in: the
    mark of the future (will, plans, expected, next ...), the past or the present nearest before the
    time in its clause; with none before it ("In March, the council will vote"), the clause after it
    decides. A sentence that says on Monday what will happen later is read in the past for its Monday."""
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(piece, 0, lo)]
    before = piece[breaks[-1] if breaks else 0:lo]
    marks = marks_of(before, PRESENT_MARK.search(piece, 0, lo) is not None)
    if marks and marks[-1][2] != "present":
        return marks[-1][2]
    if UNTIL.search(before) and PRESENT.search(before):
        return "future"  # "The bridge is closed until Monday": what lasts from now lasts until a time to come
    if marks:
        return None
    hi += len(re.match(r"[\s,]*", piece[hi:]).group())  # type: ignore[union-attr]  # (matches "" at least)
    following = CLAUSE_BREAK.search(piece, hi)
    after = {said for _, _, said in marks_of(piece[hi:following.start() if following else len(piece)],
                                             PRESENT_MARK.search(piece, 0, hi) is not None)}
    return "past" if "past" in after else "future" if "future" in after else None


def marks_of(words: str, present: bool) -> list[tuple[int, int, str]]:
    """The marks of tense in words, in order: (start, rank, "future", "past" or "present"); a mark of
    the future outranks the past, and either the present, at the same place ("is to", "is expected"). After a
    verb in the present (present: one stands before words), "followed by" is a participle, no past."""
    marks = [(m.start(), 2, "future") for m in FUTURE.finditer(words)]
    marks += [(m.start(), 0, "present") for m in PRESENT_MARK.finditer(words)]
    for m in PAST_MARK.finditer(words):
        if PARTICIPLE_BY.match(words, m.start()) and (present or any(t == "present" and at < m.start() for at, _, t in marks)):
            continue
        if m.group().endswith("ed") and re.search(r"\b(?:a|an|the|its|their|his|her|our|this|these|those|in|of|on|for|with|at)\s+$",
                                                 words[max(0, m.start() - 8):m.start()]):
            continue  # "in limited release", "the proposed law": a word before a noun, no verb
        marks.append((m.start(), 1, "past"))
    return sorted(marks)


def day_or_first(year: int, month: int, day: int) -> datetime.date:
    """The day, or the first of the month where the month has no such day (only the distance counts)."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return datetime.date(year, month, 1)


def day_words(day: datetime.date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month]} {day.year}"


def month_iso(year: int, month: int, shift: int = 0) -> str:
    total = year * 12 + month - 1 + shift
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def relative_days(folded: str, display: str, start: int, end: int, published: datetime.date,
                  said: Callable[[int, int], str | None]) -> list[When]:
    """Days, weeks and months the article gives by its own date: a weekday (the last one on or before
    the article's date, or the next one on or after it when the sentence looks ahead; "last Friday"
    before it, "next Friday" after it), "yesterday", "today", "this morning", "tonight" and "tomorrow",
    "last week" (Monday to Sunday of the week before), "this month", "two weeks ago". said gives the
    tense of the clause at [lo, hi). Each written out with the words kept: "on Sunday" becomes "on
    Sunday 29 October 2023"."""
    piece = folded[start:end]
    found: list[When] = []
    named = list(WEEKDAY.finditer(piece))
    spans = [m.span() for m in DAY_SPAN.finditer(piece)]
    hours = len(named) > 1 and OPENING.search(piece) is not None and CLOCK.search(piece) is not None
    for m in named:
        lo, hi = start + m.start(), start + m.end()
        if hours or any(a <= m.start("wd") < b for a, b in spans) or EVERY.search(piece, max(0, m.start() - 8), m.start()):
            continue  # a weekly schedule ("open 9 a.m. to 5 p.m. Monday through Friday"): no day of its own
        name_lo = start + m.start("wd")
        before = display[max(start, name_lo - 20):name_lo].split()
        after = display[hi:hi + 20]
        if not display[name_lo].isupper() or re.match(r"\s*,?\s*(?:\d|[A-Z][a-z]+\.?\s+\d)", after) \
                or re.match(r" [A-Z]", after) or (before and before[-1][:1].isupper() and not m.group("rel")
                                                   and before[-1].lower() not in ("on", "by", "until", "since")):
            continue  # "Sunday, October 29", "Sunday Times", "Super Tuesday"
        rel = m.group("rel")
        offset = (WEEKDAYS.index(m.group("wd")) - published.weekday()) % 7  # days until the next one
        if rel == "next" or (rel != "last" and said(lo, hi) == "future"):
            day = published + datetime.timedelta(days=offset or (7 if rel == "next" else 0))
        else:
            back = (published.weekday() - WEEKDAYS.index(m.group("wd"))) % 7
            day = published - datetime.timedelta(days=back or (7 if rel == "last" else 0))
        found.append(When(lo, hi, day.isoformat(), day.isoformat(), relative=True,
                          written=f"{display[lo:hi]} {day_words(day)}"))
    for m in NEAR_DAY.finditer(piece):
        lo, hi = start + m.start(), start + m.end()
        if (display[lo].isupper() and lo > start and not re.search(r"[.!?:\"“‘']\s*$", display[start:lo])) \
                or DATE_AFTER.match(folded, hi) or (not m.group("part") and FIGURATIVE.match(folded, hi)):
            continue  # "USA Today", "The Tonight Show": names; "today (Oct. 28)": the date says which day;
            # "tomorrow's leaders": a figure of speech
        if m.group("word") == "today" and not m.group("part") and said(lo, hi) is None:
            continue  # "the lectern she commands today", "Today, 40% of adults smoke": nowadays, no day
        day = published + datetime.timedelta(days=NEAR_SHIFT[m.group("word")])
        part = m.group("part") or m.group("this") or ("night" if m.group("tonight") else None)
        written = f"on the {part} of {day_words(day)}" if part else f"on {day_words(day)}"
        found.append(When(lo, hi, day.isoformat(), day.isoformat(), relative=True, written=written))
    for m in CALENDAR.finditer(piece):
        lo, hi = start + m.start(), start + m.end()
        shift = {"last": -1, "past": -1, "this": 0, "next": 1}[m.group("rel")]
        if m.group("unit") == "month":
            first = last = month_iso(published.year, published.month, shift)
            written = f"in {MONTH_NAMES[int(first[5:])]} {first[:4]}"
        else:
            monday = published - datetime.timedelta(days=published.weekday()) + datetime.timedelta(weeks=shift)
            sunday = monday + datetime.timedelta(days=6)
            first, last = monday.isoformat(), sunday.isoformat()
            written = f"in the week of {day_words(monday)} to {day_words(sunday)}"
        found.append(When(lo, hi, first, last, relative=True, written=written))
    for m in AGO.finditer(piece):
        lo, hi = start + m.start(), start + m.end()
        n = m.group("n")
        count = int(n) if n.isdigit() else 1 if n in ("a", "an") else NUMBER_WORDS[n]
        unit = m.group("unit").rstrip("s")
        if unit in ("day", "week"):
            day = published - datetime.timedelta(days=count * (7 if unit == "week" else 1))
            first = last = day.isoformat()
            written = f"{display[lo:hi]}, on {day_words(day)}"
        elif unit == "month":
            first = last = month_iso(published.year, published.month, -count)
            written = f"{display[lo:hi]}, in {MONTH_NAMES[int(first[5:])]} {first[:4]}"
        else:
            first = last = str(published.year - count)
            written = f"{display[lo:hi]}, in {first}"
        found.append(When(lo, hi, first, last, relative=True, written=written))
    return found


def yearless(m: re.Match[str], precision: str, published: datetime.date, said: str | None, written: str, lo: int,
             hi: int) -> When | None:
    """A date the article gives without its year: the year the article's date implies ("this year",
    "last year"), else by the clause's tense (said): in the past the last such date before the
    article, in the future the next one after it, in the present (or with no tense) the nearest."""
    month = MONTHS[m.group("m").rstrip(".")]
    rel = m.group("rel")
    year = published.year + {"this": 0, "last": -1, "next": 1}.get(rel, 0)
    d1 = int(m.group("d1")) if precision != "month" else 1
    d2 = int(m.group("d2")) if precision == "days" else d1
    if not rel and said == "past" and (year, month, d1) > (published.year, published.month, published.day):
        year -= 1
    elif not rel and said == "future" and (year, month) < (published.year, published.month):
        year += 1
    elif not rel and said is None:
        middle = d1 if precision != "month" else 15  # (a month is as near as its middle)
        year = min((year - 1, year, year + 1), key=lambda y: (abs(day_or_first(y, month, middle) - published), y))
    try:
        datetime.date(year, month, d1), datetime.date(year, month, d2)
    except ValueError:
        return None
    if d2 < d1:
        return None
    words = re.sub(r"\s+(?:this|last|next)\s+year$", "", written).rstrip(".")
    if precision == "month":
        first = last = f"{year:04d}-{month:02d}"
    else:
        first, last = f"{year:04d}-{month:02d}-{d1:02d}", f"{year:04d}-{month:02d}-{d2:02d}"
    joined = ", " if words[-1:].isdigit() else " "  # "October 29, 2023"; "7-9 February 2012"
    return When(lo, hi, first, last, written=f"{words}{joined}{year}", relative=True)

