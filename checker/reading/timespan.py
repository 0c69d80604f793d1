"""A time named in an article (When), and how a restatement writes it; the article's own date. Pure
functions; when.py finds the times."""
import datetime
import re
from dataclasses import dataclass

from .dates import MONTH_NAMES


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
