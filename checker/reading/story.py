"""A story set in another time than the article's: the last day it writes in full ("on 6 December 1941") is the time
the days it gives without a year go on from ("On the rough winter night of 6 December"), never the article's date.
when.py asks for the year of such a day. Pure functions."""
import datetime
import functools
from bisect import bisect_left

from .dates import date_mentions
from .timespan import day_or_first, When

STORY_DAYS = 15  # how near to that day a day given without its year lies, to be of its year


@functools.lru_cache(maxsize=8)
def full_days(folded: str) -> tuple[list[int], list[datetime.date]]:
    """Where each day written in full with its month's name stands in a text ("on 6 December 1941", "September 1, 1859",
    the last of "7-9 February 2012"), and the day, as dates.py reads them, once per text: the days a story set then goes
    on from ("On the rough winter night of 6 December", "a similar incident on August 28")."""
    days = [(m.start, datetime.date(*m.value[1])) for m in date_mentions(folded)
            if m.value[2] == "day" and any(c.isalpha() for c in folded[m.start:m.end])]  # (never "06/12/1941")
    return [at for at, _ in days], [day for _, day in days]


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
