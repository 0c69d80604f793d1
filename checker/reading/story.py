"""A story set in another time than the article's: the last day it writes in full ("on 6 December 1941") is the time
the days it gives without a year go on from ("On the rough winter night of 6 December"), never the article's date.
when.py asks for the year of such a day. Pure functions."""
import datetime
import functools
import re
from bisect import bisect_left

from .dates import MONTHS
from .relative import MONTH_PATTERN
from .timespan import day_or_first, day_or_none, When

# A day written in full, its year and all ("on 6 December 1941", "September 1, 1859"), which a story set then
# goes on from ("On the rough winter night of 6 December", "a similar incident on August 28")
FULL_DATE = re.compile(rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTH_PATTERN})|(?P<m2>{MONTH_PATTERN})\.?\s+"
                       rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)\.?,?\s+(?P<year>(?:1[5-9]|20)\d\d)\b")
STORY_DAYS = 15  # how near to that day a day given without its year lies, to be of its year


@functools.lru_cache(maxsize=8)
def full_days(folded: str) -> tuple[list[int], list[datetime.date | None]]:
    """Where each day written in full stands in a text, and the day (None for no such day: "31 June 2019"), read once."""
    found = [(m.start(), m.group("year"), m.group("m1") or m.group("m2"), m.group("d1") or m.group("d2")) for m in FULL_DATE.finditer(folded)]
    return [at for at, *_ in found], [day_or_none(int(y), MONTHS[m], int(d)) for _, y, m, d in found]


def story_year(folded: str, start: int, when: When, published: datetime.date) -> str | None:
    """The year of a day the text gives without its year (`when`, read against the article's date), when the last day
    written in full before `start` lies in an earlier year than the article's and within STORY_DAYS of it: a story of
    that time goes on ("on 6 December 1941" ... "On the rough winter night of 6 December": 1941, never 2010). A month
    alone goes with a day of its own month."""
    starts, days = full_days(folded)
    at = bisect_left(starts, start) - 1
    anchor = days[at] if at >= 0 else None
    if anchor is None or anchor.year >= published.year:
        return None
    month = int(when.first[5:7])
    if len(when.first) == 7:
        return str(anchor.year) if month == anchor.month else None
    best = min((day_or_first(y, month, int(when.first[8:10])) for y in (anchor.year - 1, anchor.year, anchor.year + 1)),
               key=lambda d: abs(d - anchor))
    return str(best.year) if abs(best - anchor).days <= STORY_DAYS else None
