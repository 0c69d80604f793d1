"""Holidays an article names ("during Thanksgiving weekend last year", "on Christmas Day", "Labor Day
2019"), dated by the `holidays` library for the country the article is read in: which day a holiday
falls on depends on the country (Thanksgiving is in November in the US, October in Canada) and the
year. A holiday's name is read as the library writes it ("Thanksgiving Day", "Boxing Day"), or without
its "Day" before a word such as "weekend" ("Thanksgiving weekend", "Labor Day weekend"); a name alone
("Labour") is too often a party's. Its year is the one written after it, else "last/this/next year"
after it, else the last one on or before the article's date (the next one when the sentence looks
ahead). A holiday's name that goes on in capitals ("Thanksgiving Day Parade") names something else.
Pure functions."""
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import holidays as calendars

# Words after a holiday's short name that make it a holiday ("Thanksgiving weekend").
AFTER_SHORT = r"(?:weekend|holidays?|break|week|travel|rush|period|shopping)\b"
NAME_GOES_ON = re.compile(r"\s+[A-Z][a-z]")
WEEKEND = re.compile(r"\s+weekend\b", re.I)
YEAR_AFTER = re.compile(r"(?:\s*,)?\s+(?:of\s+|in\s+)?(?P<year>(?:1[89]|20)\d\d)\b(?!\s*[-/]\d)"
                        r"|\s+(?P<rel>last|this|next)\s+year\b")
NAME_YEARS = (2004, 2014, 2024)  # years whose holiday names are read (a name that came or went in between aside)


@dataclass(frozen=True)
class Holiday:
    """A holiday named at [start, end) of a text, with the year written or implied after it."""

    start: int
    end: int
    words_end: int  # where the holiday's own words end, before the year after them
    name: str  # as the library writes it
    weekend: bool
    year: int | None  # written after it ("Labor Day 2019"), or None
    relative: int | None  # "last year" (-1), "this year" (0), "next year" (1), or None


def country_of(locale: str | None) -> str | None:
    """The country of a locale ("en-US" -> "US"), or None when it names none."""
    last = (locale or "").split("-")[-1]
    return last if re.fullmatch(r"[A-Z]{2}", last) else None


@lru_cache(maxsize=256)
def calendar(country: str, year: int) -> dict[datetime.date, str]:
    """The country's public holidays in a year, with English names where the library has them."""
    try:
        days = calendars.country_holidays(country, years=year, language="en_US")
    except NotImplementedError:  # a country the library does not know
        return {}
    return dict(days.items())


def names(day_name: str) -> list[str]:
    """The holidays one entry names ("Christmas Day; Boxing Day"), without "(observed)"."""
    return [re.sub(r"\s*\(observed\)$", "", n).strip() for n in day_name.split(";") if n.strip()]


@lru_cache(maxsize=64)
def pattern_names(country: str) -> tuple[str, ...]:
    """Every holiday name the country's calendar writes, longest first."""
    found = {n for year in NAME_YEARS for day_name in calendar(country, year).values() for n in names(day_name)}
    return tuple(sorted(found, key=len, reverse=True))


@lru_cache(maxsize=64)
def name_pattern(country: str) -> re.Pattern[str] | None:
    """One pattern for the names of pattern_names, the i-th in group h<i>."""
    parts = []
    for i, name in enumerate(pattern_names(country)):
        written = re.escape(name).replace("'", "['’]")
        if name.endswith(" Day") and " " not in name[:-4]:  # "Thanksgiving Day" is also "Thanksgiving weekend"
            written = rf"{re.escape(name[:-4])}(?:\s+Day\b|(?=\s+(?:{AFTER_SHORT})))"
        parts.append(rf"(?P<h{i}>{written})")
    return re.compile(rf"\b(?:{'|'.join(parts)})") if parts else None


def named_holidays(display: str, start: int, end: int, country: str) -> list[Holiday]:
    """The holidays named in display[start:end], in order."""
    pattern = name_pattern(country)
    if pattern is None:
        return []
    found = []
    for m in pattern.finditer(display, start, end):
        name = pattern_names(country)[int(m.lastgroup[1:])]  # type: ignore[index]  # (each name is group h<i>)
        hi = m.end()
        if NAME_GOES_ON.match(display, hi):
            continue  # "Macy's Thanksgiving Day Parade", "the Boxing Day Test": a name, not a day
        weekend = WEEKEND.match(display, hi)
        if weekend:
            hi = weekend.end()
        year = YEAR_AFTER.match(display, hi, end)
        written_year = relative = None
        if year:
            if year.group("year"):
                written_year = int(year.group("year"))
            else:
                relative = {"last": -1, "this": 0, "next": 1}[year.group("rel").lower()]
        found.append(Holiday(m.start(), year.end() if year else hi, hi, name, bool(weekend), written_year, relative))
    return found


def holiday_days(holiday: Holiday, country: str, published: datetime.date | None,
                 ahead: Callable[[int, int], bool | None]) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day a named holiday covers (its weekend, when "weekend" follows it), or None
    when its year cannot be told or the country kept no such holiday that year."""
    def day_in(year: int) -> datetime.date | None:
        return next((d for d, n in sorted(calendar(country, year).items()) if holiday.name in names(n)), None)

    if holiday.year is not None:
        day = day_in(holiday.year)
    elif published is None:
        return None
    elif holiday.relative is not None:
        day = day_in(published.year + holiday.relative)
    elif (way := ahead(holiday.start, holiday.end)) is None:  # a plan seen from the past: the nearer of the two
        day = min((d for d in (day_in(published.year - 1), day_in(published.year), day_in(published.year + 1)) if d),
                  key=lambda d: abs(d - published), default=None)
    elif way:
        day = next((d for d in (day_in(published.year), day_in(published.year + 1)) if d and d >= published), None)
    else:
        day = next((d for d in (day_in(published.year), day_in(published.year - 1)) if d and d <= published), None)
    if day is None:
        return None
    if not holiday.weekend:
        return day, day
    weekday = day.weekday()  # Monday 0
    if weekday in (3, 4):  # Thursday, Friday: to the Sunday after
        return day, day + datetime.timedelta(days=6 - weekday)
    if weekday == 0:  # a Monday holiday: from the Saturday before
        return day - datetime.timedelta(days=2), day
    if weekday in (5, 6):
        return day - datetime.timedelta(days=weekday - 5), day + datetime.timedelta(days=6 - weekday)
    return day, day
