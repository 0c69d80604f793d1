"""A time named in an article (When), and how a restatement writes it; the article's own date. Pure
functions; when.py finds the times."""
import datetime
import re
from dataclasses import dataclass, replace

from .dates import MONTH_NAMES

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # as date.weekday() counts them
# The years "this", "last" and "next" mean, from the article's
YEAR_SHIFT = {"this": 0, "last": -1, "next": 1}


SIDE_BEFORE = re.compile(r"\b(earlier|later)\s+(?:in\s+)?$")  # "earlier this week", "later in this month"


def day_words(day: datetime.date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month]} {day.year}"


def part_of(published: datetime.date, unit: str, side: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day of "earlier" or "later" (side) "this week" or "this month" (unit) for an article of
    the date `published`: the days of its week or month before that date, or after it (that day alone at an end)."""
    if unit == "week":
        opening = published - datetime.timedelta(days=published.weekday())
        closing = opening + datetime.timedelta(days=6)
    else:
        opening = published.replace(day=1)
        closing = (opening + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    if side == "earlier":
        return opening, max(opening, published - datetime.timedelta(days=1))
    return min(closing, published + datetime.timedelta(days=1)), closing


def weekend_of(published: datetime.date, way: str | None) -> datetime.date:
    """The Saturday of the weekend "over the weekend" means: the last one begun by the article's date in the past
    ("last": the one before this week's), the next one in the future ("this": this week's; "next": the one after)."""
    this = published + datetime.timedelta(days=5 - published.weekday())  # this week's Saturday (Monday first)
    if way in ("future", "this"):
        return this if way == "this" or published <= this + datetime.timedelta(days=1) else this + datetime.timedelta(weeks=1)
    if way == "next":
        return this + datetime.timedelta(weeks=1)
    if way == "last":
        return this - datetime.timedelta(weeks=1)
    return this if published >= this else this - datetime.timedelta(weeks=1)


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

    def dated(self) -> str:
        """The time alone, where a restatement says when something held ("was Pope in 2008"): a time
        written out after its own words ("Six years ago, in 2008") without those words, a day without
        its "late" or "last"."""
        told = self.describe()
        alone = re.search(r",\s+((?:in|on|between)\s.*)$", told)
        if alone:
            return alone.group(1)
        # "on Sunday 5 November 2023" for "late Sunday", "last Sunday": the day, whatever the hour or the words;
        # "in mid-March 2023", never "in Mid-March 2023", for a time that opened its sentence
        told = re.sub(r"(?i)^on\s+(?:last|this|next|early|late)\s+(?=[a-z]+day\s+\d)", "on ", told)
        return re.sub(r"^(in|on)\s+(Early|Mid|Late)\b", lambda m: f"{m.group(1)} {m.group(2).lower()}", told)


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


def month_spans(found: list[When], folded: str, display: str) -> list[When]:
    """Two months joined by a dash, a slash or "to", by "and" after "between" or when the second follows the
    first, are one span ("the April-June quarter": April to June; "the May/June 2022 exams"; "between June
    2011 and February 2012"; "in May and June"); so are two days in a row by "and" ("on Monday and Tuesday")."""
    merged: list[When] = []
    for when in found:
        before = merged[-1] if merged else None
        if before is not None and before.relative and when.relative and before.written and when.written \
                and re.fullmatch(r",?\s+and\s+", folded[before.end:when.start]) and next_day(before.last, when.first):
            merged[-1] = replace(before, end=when.end, last=when.last, written=f"{before.written} and {when.written}")
            continue  # "after its meeting on Monday and Tuesday": both days, never the first alone
        from_span = before is not None and re.search(r"\bfrom\s+$", folded[max(0, before.start - 6):before.start]) \
            and re.fullmatch(r"\s*(?:to|through|until|till)\s+", folded[before.end:when.start])  # "from 2009 till March 2015"
        if before is not None and (len(before.first) == len(when.last) == 7 or from_span) and not before.since and (
                re.fullmatch(r"\s*(?:-to-|–to–|-|–|/|to|through|until|till)\s*", folded[before.end:when.start])
                or (re.fullmatch(r",?\s+and\s+", folded[before.end:when.start]) and (next_month(before.first, when.last)
                    or re.search(r"\bbetween\s+(?:(?:early|late|mid)[\s-]+)?$", folded[max(0, before.start - 20):before.start])))):
            # "from March to May 2023", "May/June 2022": the first month is of the year the second names; "in May and
            # June": both months, one span (never "in March and October", which leaves out the months between)
            first = when.last[:4] + before.first[4:] if before.relative and not when.relative else before.first
            if first < when.last:
                written = f"{display[before.start:when.end]} {when.last[:4]}" if before.relative and when.relative else None
                merged[-1] = replace(before, end=when.end, first=first, last=when.last, point=False, written=written,
                                     relative=written is not None)
                continue
        merged.append(when)
    return merged


def next_month(first: str, last: str) -> bool:
    """Whether the month YYYY-MM last is the one after first, in its year or the next ("December and January")."""
    return len(first) == len(last) == 7 and (int(last[5:]) - int(first[5:])) % 12 == 1


def next_day(first: str, last: str) -> bool:
    """Whether the day YYYY-MM-DD last is the one after first."""
    return len(first) == len(last) == 10 and \
        datetime.date.fromisoformat(last) - datetime.date.fromisoformat(first) == datetime.timedelta(days=1)


# "the same period last year", "the same quarter of 2023": the months of a time before it in the sentence, in that year
SAME_PERIOD = re.compile(r"\bthe\s+same\s+(?:period|quarter|months?|weeks?|days?|time)\s+(?:of\s+|in\s+)?$")


def same_periods(found: list[When], folded: str) -> list[When]:
    """A year after "the same period" is the span of the time before it in that year ("5.2 million in the first quarter,
    against 4.7 million in the same period last year": January to March of last year, never the whole year)."""
    out: list[When] = []
    for when in found:
        before = next((w for w in reversed(out) if not w.since and len(w.first) in (7, 10) and w.first[:4] == w.last[:4]), None)
        if before is not None and len(when.first) == 4 and when.first == when.last \
                and SAME_PERIOD.search(folded, max(0, when.start - 30), when.start):
            first, last = when.first + before.first[4:], when.last + before.last[4:]
            if len(first) == 7 or all(valid_day(d) for d in (first, last)):
                when = replace(when, first=first, last=last)
        out.append(when)
    return out


def valid_day(day: str) -> bool:
    try:
        datetime.date.fromisoformat(day)
        return True
    except ValueError:
        return False  # ("29 February" of a year without one)


def month_before_or_after(when: When, published: datetime.date, way: str) -> When:
    """A month after "last" is the last one before the article's month ("last December" in December 2016: December
    2015), after "next" the next one after it."""
    year, month = int(when.first[:4]), int(when.first[5:7])
    now = (published.year, published.month)
    shift = -1 if way == "last" and (year, month) >= now else 1 if way == "next" and (year, month) <= now else 0
    if not shift:
        return when
    first = f"{year + shift:04d}{when.first[4:]}"
    written = when.written.replace(str(year), str(year + shift)) if when.written else None
    return replace(when, first=first, last=first, written=written)


# A century by its number ("the 14th century", "the nineteenth century", "the early 20th century"): its hundred years as
# "the 1300s" are, or the part of them its "early", "mid" or "late" says
ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
            "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first").split()
CENTURY = re.compile(rf"\b(?:(?P<part>early|mid|late)[\s-]+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|twenty\s+first|{'|'.join(ORDINALS)})[\s-]+century\b")
CENTURY_PARTS = {"early": (0, 39), "mid": (30, 69), "late": (60, 99), None: (0, 99)}


# A year or a decade with its century left off ("in '80", "the class of '08", "the '90s")
CLIPPED = re.compile(r"(?<![\w’'])['’](?P<yy>\d\d)(?P<s>s)?(?![\w’'])")


def centuries(folded: str, start: int, end: int, published: datetime.date | None = None) -> list[When]:
    """The centuries in folded[start:end] (CENTURY), each a span of its years; and, with the article's date, its
    years and decades with their century left off, in the last century that puts them on or before that date."""
    found = []
    latest = published.year if published else 0
    for m in CLIPPED.finditer(folded, start, end) if latest else ():
        yy = int(m.group("yy"))
        year = max((c * 100 + yy for c in (18, 19, 20) if c * 100 + yy <= latest), default=None)
        if year is None or (m.group("s") and yy % 10):
            continue
        last = year + 9 if m.group("s") else year
        found.append(When(m.start(), m.end(), str(year), str(last), point=not m.group("s"), decade=bool(m.group("s")),
                          relative=True, written=f"{year}s" if m.group("s") else str(year)))
    for m in CENTURY.finditer(folded, start, end):
        n = int(m.group("n")[:-2]) if m.group("n")[0].isdigit() else ORDINALS.index("-".join(m.group("n").split())) + 1
        if 1 <= n <= 21:
            low, high = CENTURY_PARTS[m.group("part")]
            base = (n - 1) * 100
            found.append(When(m.start(), m.end(), f"{base + low:04d}", f"{base + high:04d}", point=False, decade=True))
    return found


def weekday_year(when: When, weekday: str) -> When:
    """A day without its year whose weekday the page gives ("Monday, Dec. 14"): in the year read or the one before
    it, where that day is that weekday, so a story about last year keeps its year (never a later year than the tense
    gave; a page whose weekday agrees with neither keeps the year read)."""
    if len(when.first) != 10 or when.first != when.last:
        return when
    year = int(when.first[:4])
    for candidate in (year, year - 1):
        try:
            day = datetime.date(candidate, int(when.first[5:7]), int(when.first[8:]))
        except ValueError:
            continue
        if WEEKDAYS[day.weekday()] == weekday:
            written = when.written.replace(str(year), str(candidate)) if when.written and candidate != year else when.written
            return replace(when, first=day.isoformat(), last=day.isoformat(), written=written)
    return when


def day_or_first(year: int, month: int, day: int) -> datetime.date:
    """The day, or the first of the month where the month has no such day (only the distance counts)."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return datetime.date(year, month, 1)


def month_iso(year: int, month: int, shift: int = 0) -> str:
    """The month ``shift`` months after a year's month, as YYYY-MM."""
    total = year * 12 + month - 1 + shift
    return f"{total // 12:04d}-{total % 12 + 1:02d}"
