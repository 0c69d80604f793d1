"""Times that bound or measure rather than date what a sentence says: the start of a span ("since 2003", to
the article's date), the yardstick of a comparison ("higher than last year", "the highest since 1992"), an event
named after "after" or "before" ("after the 2008 financial crisis"), a date a fact runs until or came before
("until 2019", "through June 30", "arrived before July 1, 2011"), the months a period to a month covers ("the
year to March"), a term an infinitive names ("to be governor for the next four years") and the day an anniversary
is of. when.py reads each time and asks these how it bears on its sentence. Pure functions."""
import datetime
import re
from dataclasses import replace

from .figures import NUMBER_WORDS
from .timespan import month_iso, When

# A time that names the event a phrase points to ("after the country's 2008 financial crisis", "before
# the November 2016 election"): a bound of what the sentence says, not when it happened.
ANCHOR_BEFORE = re.compile(r"\b(?:after|before|following|since|until|amid|ahead\s+of|prior\s+to|in\s+the\s+wake\s+of)\s+"
                           r"(?:(?:the\s+)?[\w.-]+['’]s|the|an?|its|their|his|her|our|this|that)\s+$")
RANGE_WRITTEN = re.compile(r"\d{4}\s?[-–]\s?\d{2,4}")
ANCHOR_AFTER = re.compile(r"(?:\s+|-)(?!(?:and|or|but|nor|to|in|on|at|of|for|by|with|from|as|when|was|were|is|are|has|had|have)\b)[a-z]")


# "down from a year ago", "higher than last year", "compared with the same period a year ago": what the
# fact is measured against
COMPARED = re.compile(r"(?:\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?)|(?:%|\bper\s*cent|\bpercent|\bpoints?|\bup|\bdown|"
                      r"\bincreases?|\brises?|\bgains?|\bjumps?|\bdrops?|\bfalls?|\bdeclines?|\bdecreases?|\bhigher|\blower)\s+(?:on|over))"
                      r"\s+(?:the\s+(?:same|year-to-date|comparable|corresponding)\s+(?:period|quarter|month|week|time)\s+(?:of\s+)?)?$")
# ("up 42 percent on a year ago", "down 5 percent from the year-to-date period last year",
# "a $66.87 increase over last year")
# A time back from the article's date that a comparison measures against ("a year ago", "last year", "the previous year")
COMPARED_PHRASE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?)\s[^,;]{0,70}$")  # ("compared to $481.57 million a year ago")
BACK_THEN = re.compile(r".*\bago|last\s+(?:year|month|week)|(?:the\s+)?(?:previous|prior|preceding)\s+(?:year|month|week|quarter)")


# What a figure is measured against, named with its year ("2 per cent below the 2008 level", "$350 million above
# NASA's enacted 2014 budget", "higher than the 2019 peak", "well down on the 2019 election turnout")
BASE_NAMED = re.compile(r"\b(?:below|above|than|beyond|short\s+of|compared\s+(?:with|to)|versus|vs\.?|(?:up|down)\s+(?:on|from)|off|"
                        r"over|behind|ahead\s+of)\s+"
                        r"(?:the|its|their|his|her|our|this|that|[\w.-]+['’]s)\s+(?:[a-z]+\s+){0,2}$")

# What makes a time after "from" the start of a span of times, no base: "to" and another time, never a level ("from
# 32.82 in February to 33.49 million in March": the level reached)
SPAN_ON = re.compile(r"\s*(?:-|–|to|through|until|till)\s(?!\s*(?:about\s+|around\s+)?[$€£]?\d[\d,]*(?:\.\d|\s*(?:%|percent|per\s+cent|"
                     r"thousand|million|billion|trillion|bn)\b))")


# A year's levels ("39 per cent below 2005 levels", "a reduction on 2005 levels", "back to 2019 levels"): a base
# A year that names a text or a pact ("the 2015 rules", "the 2016 Paris agreement"): its name, no time of the claim's
DOCUMENT_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our|this|that)\s+$")
DOCUMENT_AFTER = re.compile(r"(?:\s+[a-z]+)?\s+(?:rules?|regulations?|law|laws|act|agreement|accord|treaty|guidelines?|standards?|"
                            r"framework|strategy|deal|contract|policy|ordinance|statute|charter|protocol|directive|bill|pact|order)\b")
YEAR_LEVELS = re.compile(r"\s+(?:levels?|baselines?)\b")
# A year's own figure compared with ("up 0.1 percent over 2015's figure", "higher than 2019's")
YEAR_OWNS = re.compile(r"['’]s\b")
BASE_BEFORE = re.compile(r"\b(?:over|than|from|on|versus|vs\.?|compared\s+(?:with|to)|below|above|behind|off)\s+$")


# A figure compared with, and its own time ("reached 1.2 million, compared with 950,000 in 2005"): the base's time,
# never the fact's ("more than 500 cars in 2005" is no comparison; "down from 67% in 2019" is a move, changes.py's)
BASE_FIGURE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?)\s+(?:[\w$€£.,%-]+\s+){1,3}?"
                         r"(?:in|on|during)\s+(?:(?:early|late|mid)[\s-]+)?$")


# A mark passed, and the time it was set ("has already passed the total reported in 2015", "matched the record set in
# 1998"): the old mark's time
OVERTAKEN = re.compile(r"\b(?:passed|exceeded|surpassed|matched|overtaken|overtook|broke|broken|beat|beaten|topped|equall?ed|"
                       r"eclipsed|outstripped)\s+(?:the|its|their|a|an)\s+(?:[\w-]+\s+){0,4}?(?:in|of|during)\s+$")


# The base of a change in percent or points ("down 12 per cent from the June quarter", "up 9% from April"; never
# "rose 4% from March to May", a span)
CHANGE_FROM = re.compile(r"(?:%|\bper\s*cent|\bpercent|\bpoints?)\s+from\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$"
                         # or a bare level it started from, and that level's time ("grew by 6.1 percent from 14.2 in
                         # January": no figure of its own, amounts.py; "from 2.1 million units in 2019" is one, dated so)
                         r"|(?:%|\bper\s*cent|\bpercent|\bpoints?),?\s+from\s+(?:about\s+|around\s+|nearly\s+)?\d[\d,.]*"
                         r"(?:\s+(?:thousand|million|billion|trillion|bn|m))?\s+"
                         r"(?:in|on|during|at\s+the\s+end\s+of)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$")


THAN = re.compile(r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:(?:in|on|at|during)\s+)?(?:the\s+same\s+"
                  r"(?:period|quarter|month|week|time)\s+(?:of|in|last)\s+)?(?:(?:early|late|mid)[\s-]+)?$"
                  r"|\bthan\s+(?:what|it|they|he|she|we)\s+[^.;,\d]{0,40}?\s+(?:in|on|at|during)\s+$")  # ("than what it spent in 2013")


# What something is likened to, and that thing's time ("gender roles reminiscent of those pushed on kids in 1925",
# "a storm similar to the one that hit in 1998", "prices like those of 2008"): a yardstick, never the fact's time
LIKENED = re.compile(r"\b(?:(?:reminiscent|redolent)\s+of|similar\s+to|akin\s+to|echoing|recalling|evoking|harking\s+back\s+to|"
                     r"(?:just\s+)?like(?=\s+(?:those|that|the\s+ones?)\b))\s+[^,;.]{0,50}?\s*\b(?:in|of|from|during)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$")
# What an anniversary is of ("the 40th anniversary of the April 2nd landing"): a day of a year left unsaid
ANNIVERSARY = re.compile(r"\banniversary\s+of\s+(?:the\s+)?$")
# A term an infinitive names ("the race to be governor for the next four years", "elected to serve over the next
# decade"): how long the office or the task lasts, never when the sentence's fact happened
TERM_OF = re.compile(r"\bto\s+(?:be|serve|become|remain|stay|lead|govern|run)\b[^,;.]{0,50}?\s+$")


def compared(when: When, folded: str) -> When:
    """A time back from the article's date ("a year ago", "last month") after "from", "than" or "compared
    with" is the base of a comparison, not when the fact happened: a yardstick, which dates nothing,
    kept in the article's words ("from March to May" is a span, and stays one)."""
    if when.relative and BACK_THEN.fullmatch(folded, when.start, when.end) \
            and (COMPARED.search(folded, max(0, when.start - 40), when.start) or COMPARED_PHRASE.search(folded, max(0, when.start - 80), when.start)):
        return replace(when, relative=False, since=True, yardstick=True, point=False)
    if when.relative and ANNIVERSARY.search(folded, max(0, when.start - 50), when.start):
        # "the 40th anniversary of the April 2nd landing": a day of some year the article leaves unsaid, its words kept
        return replace(when, since=True, yardstick=True, point=False, relative=False, written=None)
    if not when.since and not when.point and re.match(r"(?:for|over)\s", folded[when.start:when.end]) \
            and TERM_OF.search(folded, max(0, when.start - 70), when.start):
        return replace(when, since=True, yardstick=True)  # "to be governor for the next four years": the term's
    if not when.since and (THAN.search(folded, max(0, when.start - 40), when.start)
                           or BASE_FIGURE.search(folded, max(0, when.start - 60), when.start)
                           or OVERTAKEN.search(folded, max(0, when.start - 70), when.start)
                           or LIKENED.search(folded, max(0, when.start - 90), when.start)
                           or (CHANGE_FROM.search(folded, max(0, when.start - 70), when.start)
                               and not SPAN_ON.match(folded, when.end))):
        return replace(when, since=True, yardstick=True, point=False)  # "$1.15 less than in late June": the base
    if not when.since and when.end - when.start == 4 and DOCUMENT_BEFORE.search(folded, max(0, when.start - 8), when.start) \
            and DOCUMENT_AFTER.match(folded, when.end):
        return replace(when, since=True, yardstick=True, point=False)  # "roll back the 2015 rules": the rules' name, no date
    if not when.since and when.end - when.start == 4 and ((BASE_NAMED.search(folded, max(0, when.start - 60), when.start)
                                                          and ANCHOR_AFTER.match(folded, when.end)) or YEAR_LEVELS.match(folded, when.end)
                                                         or (YEAR_OWNS.match(folded, when.end) and BASE_BEFORE.search(
                                                             folded, max(0, when.start - 20), when.start))):
        return replace(when, since=True, yardstick=True, point=False)  # "2% below the 2008 level": the base's year
    return when


def anchored(when: When, folded: str, display: str) -> When:
    """A time that names the event before a noun, after "after", "before", "since" ... ("after the 2008
    financial crisis") is read as a bound (like "since 2003"): no claim is dated by it."""
    if when.since or when.relative or not (when.point or RANGE_WRITTEN.fullmatch(display, when.start, when.end)):
        return when  # (a span named so is an event too: "following the 2002-2004 SARS outbreak")
    if ANCHOR_BEFORE.search(folded, max(0, when.start - 40), when.start) and ANCHOR_AFTER.match(folded, when.end):
        return replace(when, since=True, yardstick=not when.point)  # (a span so named is no span the fact runs over)
    return when


# Nouns of what is aimed at or set as a limit, after a time that names it ("its 2030 target", "the first 30 June
# 2009 deadline", "the original 2007 cutoff date"): the thing's time, never when the fact happened.
AIMED_AT = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?(?:prospects?|targets?|goals?|deadlines?|ambitions?|hopes?|aims?|forecasts?"
                      r"|projections?|outlook|pledges?|bids?|aspirations?|objectives?|plans?|strateg(?:y|ies)|roadmaps?"
                      r"|agendas?|visions?|commitments?|promises?|timelines?|milestones?|horizons?|cut-?offs?)\b")
LIMIT_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our|this|that|[\w.-]+['’]s)\s+(?:(?:first|original|initial|earlier|"
                          r"previous|new|current|latest|final|official)\s+)?$")


# A date a fact runs until or came before ("extend the grace period until 2019", "through June 30, 2014, only
# 712,000 applied", "refugees who arrived before July 1, 2011"): the fact's bound, not when it happened; never
# the end of a span begun before it ("from 2010 until 2014") nor a deadline ("by 2030": when it is to be done).
UNTIL_OR_BEFORE = re.compile(r"\b(?:until|till|through|before|prior\s+to|up\s+to)\s+(?:the\s+end\s+of\s+)?"
                             r"(?:(?:early|mid|late)[\s-]+)?$")
# What waits for the time after "until" ("must wait until July", "won't reopen until April"): the event is then.
WAITED = re.compile(r"(?:\b(?:wait(?:s|ed|ing)?|not|never|no)\b|n[’']t\b)[^,;.]*$")
SPAN_OPENED = re.compile(r"\b(?:from|between|since)\b[^,;.]*$")


def bounded(when: When, folded: str, published: datetime.date | None = None) -> When:
    """A date after "until", "through" or "before" (see UNTIL_OR_BEFORE), or one that names a deadline or a
    target (AIMED_AT): a bound that dates nothing."""
    if when.since or not when.point:
        return when
    if LIMIT_BEFORE.search(folded, max(0, when.start - 30), when.start) and AIMED_AT.match(folded, when.end):
        return replace(when, since=True, yardstick=True, point=False)  # "beyond the first 30 June 2009 deadline"
    m = UNTIL_OR_BEFORE.search(folded, max(0, when.start - 40), when.start)
    if m is None or SPAN_OPENED.search(folded, max(0, m.start() - 60), m.start()) or YEARS_TO.search(folded, max(0, m.start() - 20), m.end()):
        return when  # (or the end of a count of years: "in the five years through 2019", period_to's)
    now = published.isoformat()[:len(when.first)] if published else None
    if now and now <= when.first and re.match(r"until|till|through", m.group()):
        if WAITED.search(folded, max(0, m.start() - 60), m.start()):
            return when  # "won't reopen the plant until April", "must wait until July": it happens then
        return replace(when, first=now, point=False)  # "The museum is closed until Monday": from the article's day to then
    return replace(when, since=True, yardstick=True, point=False)


# A period that ends with a month ("in the year to March", "the three months ending June", "the three months that
# ended in September"): that month and the months before it.
PERIOD_TO = re.compile(r"\b(?P<n>year|12\s+months|twelve\s+months|quarter|three\s+months|six\s+months|half[-\s]year)\s+"
                       r"(?:(?:that|which)\s+(?:ended|ends)\s+in|to|ending|ended(?:\s+in)?)\s+(?:the\s+end\s+of\s+)?$")
PERIOD_END = re.compile(r"\bperiod,?\s+(?:that\s+|which\s+)?(?:ending|ended|ends)\s+(?:on\s+)?$")  # (a period of no length told)
PERIOD_MONTHS = {"year": 12, "12": 12, "twelve": 12, "quarter": 3, "three": 3, "six": 6, "half": 6}


# A count of years that ends with a year ("in the 40 years to 2015", "the five years through 2020")
YEARS_TO = re.compile(r"\b(?P<n>\d{1,3}|[a-z]+)\s+years\s+(?:to|through|ending(?:\s+in)?|ended(?:\s+in)?)\s+$")


def period_to(when: When, folded: str) -> When:
    """A month or a day that ends a period is the whole period: "the year to March 2022" is April 2021 to March 2022; a year
    that ends a count of years, those years ("the 40 years to 2015": 1976 to 2015)."""
    years = YEARS_TO.search(folded, max(0, when.start - 40), when.start)
    n = (int(years.group("n")) if years.group("n").isdigit() else NUMBER_WORDS.get(years.group("n"), 0)) if years else 0
    if n and len(when.first) == 4 and when.first == when.last:
        return replace(when, first=f"{int(when.first) - n + 1:04d}", point=False)
    if len(when.first) == 10 and PERIOD_END.search(folded, max(0, when.start - 30), when.start):
        return replace(when, since=True, yardstick=True, point=False)  # "For the period, ending March 31": how long, unsaid
    m = PERIOD_TO.search(folded, max(0, when.start - 40), when.start)
    if m is None or len(when.first) not in (7, 10) or when.first != when.last:
        return when
    months = PERIOD_MONTHS[re.split(r"[\s-]", m.group("n"))[0]]
    first = month_iso(int(when.first[:4]), int(when.first[5:7]), 1 - months)  # ("the quarter ended March 31": its months)
    return replace(when, first=first if len(when.first) == 7 else f"{first}-01", point=False)


SINCE = re.compile(r"\b(?:since|dating\s+(?:back\s+)?(?:to|from)|dates?\s+back\s+to|going\s+back\s+to)\s+(?:the\s+)?"
                   r"(?:(?:early|mid|late)[\s-]+)?$|\bsince\s+(?:they|he|she|it|we|i|you|the|this|that|these|those|its|their|his|her)\s+"
                   r"(?:[a-z][\w’'-]*\s+){1,8}$|\bsince\s+[a-z]{2,}ing\s+(?:[a-z][\w’'-]*\s+){0,6}$")  # or a clause: "since they
# were first seen", "since its founding by ... in", "since going public in"
# ("decisions dating back to the 1970s": a span from then to the article's date, as "since")
# A superlative before "since" makes the time a yardstick ("the highest since 1992", "its lowest level since
# March 2021"): what is measured is not of that time, nor of the span after it.
YARDSTICK = re.compile(r"\b(?:[a-z]{3,}est|most|least|first|second|third|fourth|fifth|best|worst|record|more|fewer|less|unseen|"
                       r"not\s+(?:been\s+)?(?:seen|recorded|reached|witnessed))\b[^,;.]{0,40}$")


def since(when: When, folded: str, published: datetime.date | None) -> When:
    """A time after "since": the start of a span that runs to the article's month ("recorded since
    January"), or its day from a day ("since Monday"); after a superlative, a yardstick that dates nothing."""
    m = SINCE.search(folded, max(0, when.start - 90), when.start)
    if m is None:
        return when
    if YARDSTICK.search(folded, max(0, m.start() - 60), m.start()):
        last = when.first if len(when.last) != len(when.first) else when.last  # (not the span "since 1992" was read as)
        return replace(when, since=True, point=False, yardstick=True, last=last)
    if when.since or published is None or when.first > published.isoformat()[:len(when.first)]:
        return when
    # (to the article's day from a day, "since Monday"; to its month from a month or a year)
    return replace(when, since=True, point=False, last=published.isoformat()[:10 if len(when.first) == 10 else 7])


def year_named(text: str, when: When, figure_start: int) -> bool:
    """Whether a year stands before a noun whose figure follows ("estimated 2015 revenue of $25 million"), no
    preposition before it: the year of that figure."""
    return len(when.first) == 4 and when.first == when.last and not re.search(
        r"\b(?:in|on|at|by|during|since|until|from|to|for|of|before|after|through|between)\s+(?:the\s+)?$", text[max(0, when.start - 14):when.start]) \
        and re.fullmatch(r"\s+[a-z]+(?:\s+[a-z]+)?\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?", text[when.end:figure_start]) is not None
