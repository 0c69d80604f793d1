"""Quarters and halves of years ("the third quarter", "Q1 2017", "the June quarter", "the second half of 2016"), each
as its months; with no year, the one the clause's tense points to from the article's date. A game's quarters and a
fiscal year's are none. when.py asks this module. Pure functions."""
import datetime
import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from .timespan import YEAR_SHIFT, When

QUARTER_AFTER = re.compile(r"\s+quarter\b")


def quarter_of(when: When) -> When:
    """The three months of a quarter named by its last month ("the June quarter": April to June)."""
    year, month = int(when.first[:4]), int(when.first[5:7])
    start_year, start_month = (year, month - 2) if month > 2 else (year - 1, month + 10)
    return replace(when, first=f"{start_year:04d}-{start_month:02d}", point=False)


# A quarter of a year by its number ("the third quarter", "the final quarter of 2016", "Q1 2017", "the second quarter
# of last year"): its three months; with no year, the one the clause's tense points to from the article's date
QUARTER = re.compile(r"\b(?P<n>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+(?:of\s+)?(?:(?P<y>(?:19|20)\d\d)\b|"
                     r"(?P<rel>this|last|next)\s+year\b))?(?![\s-]+(?:of\s+)?(?:the\s+)?(?:century|mile|hour|final|match|game))"
                     r"|\bq(?P<q>[1-4])(?:[\s-]+(?P<qy>(?:19|20)\d\d))?\b(?![-/]\d)")
FISCAL_BEFORE = re.compile(r"\b(?:fiscal|financial|budget)[\s-]+(?:year\s+)?$")
FISCAL_AFTER = re.compile(r"\s+of\s+(?:the|its|their|this|last|next|our)\s+(?:current\s+)?(?:fiscal|financial|budget)\b|\s+of\s+fiscal\b|\s+of\s+fy")
HALF = re.compile(r"\b(?P<h>first|second)\s+half\s+of\s+(?:(?P<y>(?:19|20)\d\d)\b|(?P<rel>this|last|next)\s+year\b)")
TRAILING_OF = re.compile(r"\s+of$")
GAME = re.compile(r"\b(?:scor\w*|points|touchdowns?|goals?|games?|match(?:es)?|innings|halftime|quarterback|rebounds?|yards|"
                  r"baskets?|free\s+throws?|overtime)\b")
# Words only a game's report uses: an article with two counts a game's quarters ("left the court in the second quarter")
SPORT = re.compile(r"\b(?:rebounds?|touchdowns?|innings|halftime|half-time|quarterback|free\s+throws?|overtime|assists|"
                   r"3-pointers?|three-pointers?|field\s+goals?|tip-off|buzzer|timeouts?|penalty\s+kicks?|interceptions?)\b")
QUARTER_NUMBER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}


REPORTED = re.compile(r"\s+(?:results|earnings|numbers|figures|data|report|sales|profits?|revenues?|gdp|growth)\b")


@lru_cache(maxsize=8)
def game_report(folded: str) -> bool:
    """Whether an article (its folded text) is a game's report: two words only such a report uses (SPORT)."""
    return len(SPORT.findall(folded, 0, 200_000)) >= 2


def quarter_times(folded: str, display: str, start: int, end: int, published: datetime.date | None,
                  said: Callable[[int, int], str | None]) -> list[When]:
    """The quarters of years in folded[start:end] (QUARTER), each as its first and last month."""
    found, named = [], None
    for m in QUARTER.finditer(folded, start, end):
        n = int(m.group("q")) if m.group("q") else QUARTER_NUMBER[m.group("n")]
        year_words = m.group("y") or m.group("qy")
        if year_words:
            year = named = int(year_words)
        elif published is None or GAME.search(folded, start, end) or FISCAL_BEFORE.search(folded, max(0, m.start() - 20), m.start()) \
                or FISCAL_AFTER.match(folded, m.end()) or game_report(folded):
            continue  # ("scored 12 points in the first quarter": a game's, no year's; "the fiscal first quarter", "the first
            # quarter of its financial year": a year whose months the sentence leaves unsaid)
        elif m.group("rel"):
            year = named = published.year + YEAR_SHIFT[m.group("rel")]
        elif named is not None:  # "in the fourth quarter of last year, down from 26 in the second quarter": that year's
            year = named
        else:  # the last such quarter to end before the article in the past, the next to begin after it ahead, else the nearest
            way, this_end = said(m.start(), m.end()), datetime.date(published.year, 3 * n, 28)
            if way is None and REPORTED.match(folded, m.end()):
                way = "past"  # "the key positive from the Q2 results season": results are of a quarter that has ended
            if way == "past":
                year = published.year if this_end <= published else published.year - 1
            elif way == "future":  # (the quarter the article is in, if it has not ended)
                year = published.year if this_end >= published else published.year + 1
            else:
                year = min((published.year - 1, published.year, published.year + 1),
                           key=lambda y: abs(datetime.date(y, 3 * n - 1, 15) - published))
        words = display[m.start():m.start("rel")] if m.group("rel") else display[m.start():m.end()]
        written = None if year_words else TRAILING_OF.sub("", words.rstrip()) + (f" {year}" if m.group("q") else f" of {year}")
        # ("third quarter of 2017"; "Q2 2019 results", never "the Q2 of 2019 results season")
        if written and "-" in m.group() and re.match(r"\s+[a-z]", folded[m.end():m.end() + 2]):
            written = None  # "fourth-quarter ad sales": an adjective, its words kept (its months still date the claim)
        found.append(When(m.start(), m.end(), f"{year:04d}-{3 * n - 2:02d}", f"{year:04d}-{3 * n:02d}", point=False,
                          written=written, relative=written is not None))
    for m in HALF.finditer(folded, start, end):  # "the second half of 2016": July to December
        year = int(m.group("y")) if m.group("y") else published.year + YEAR_SHIFT[m.group("rel")] \
            if published else None
        if year is not None and not FISCAL_BEFORE.search(folded, max(0, m.start() - 20), m.start()):
            half = 6 if m.group("h") == "second" else 0
            found.append(When(m.start(), m.end(), f"{year:04d}-{half + 1:02d}", f"{year:04d}-{half + 6:02d}", point=False,
                              written=None if m.group("y") else f"{display[m.start():m.start('rel')].rstrip()} {year}",
                              relative=not m.group("y")))
    return found
