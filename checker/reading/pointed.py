"""Times a sentence points back to rather than names ("that year", "at that point", "at the time", "that evening"): the time the
words just before give, in the sentence itself or in the one before it in its paragraph ("... 8.69 GW at the end of
2017. Hanwha Q Cells had 3.7 GW at that point"). when.py reads the times a sentence names; atom.py asks this module
for the ones it points to. Pure functions."""
import datetime
import re
from dataclasses import replace

from ..sentences import split_sentences
from .timespan import day_words
from .when import When, read_times

POINTS_BACK = re.compile(r"\b(?:at\s+(?:that|this)\s+(?:point|time|moment|stage)|at\s+the\s+time(?!\s+of\b)|that\s+(?P<year>year)"
                         r"|(?:later\s+|earlier\s+)?that\s+(?P<part>morning|afternoon|evening|night|day))\b")
# "until that year", "since that year": a bound of a span, which the time named reads no differently ("until 2012"
# dates nothing)
BOUND_BEFORE = re.compile(r"\b(?:until|till|since|before|after|by|through|from)\s+$")
ENDED = re.compile(r"[.!?][\"”’')]*\s*$")  # the text before is a sentence that ended, not a heading or a lead-in


def pointed_times(folded: str, display: str, start: int, end: int, found: list[When], published: datetime.date | None,
                  locale: str | None) -> list[When]:
    """found (the times display[start:end] names) with the times it points back to: "that year" is the year of the
    last time named before it, "at that point" that time itself; none where the words before name no such time."""
    pointed = []
    for m in POINTS_BACK.finditer(folded, start, end):
        if any(w.start < m.end() and m.start() < w.end for w in found) or BOUND_BEFORE.search(folded, max(start, m.start() - 9), m.start()):
            continue
        before = [w for w in found if w.end <= m.start()] or earlier_times(folded, display, start, published, locale)
        last = before[-1] if before else None
        if m.group("year") and last is not None and last in found and last.relative and len(last.first) == 7 \
                and re.fullmatch(r"\s+(?:of\s+)?", folded[last.end:m.start()]):
            # "In October of that year": the month of the year pointed to, never of the article's ("October 2015 of 2015")
            found = [w for w in found if w is not last]
            year = year_pointed([w for w in found if w.end <= last.start] or earlier_times(folded, display, start, published, locale))
            words = display[last.start:last.end]
            pointed.append(replace(last, end=m.end(), first=f"{year}{last.first[4:]}", last=f"{year}{last.first[4:]}", written=f"in {words} {year}")
                           if year else replace(last, end=m.end(), since=True, yardstick=True, point=False, written=None, relative=False))
            continue
        if last is None or not last.first[:4].isdigit():
            continue
        if m.group("year"):
            if year := year_pointed(before):  # ("that year" of "in 2009", "a 2009 trade", "on 3 May 2009": 2009; of a
                # comparison's base, "less than what it spent in 2013 when that year's report said", a base too)
                pointed.append(When(m.start(), m.end(), year, year, written=f"in {year}", relative=True, point=not last.yardstick,
                                    since=last.yardstick, yardstick=last.yardstick))
        elif m.group("part"):
            if len(last.first) == 10 and last.first == last.last and not last.since:  # ("died that evening": the day named)
                pointed.append(When(m.start(), m.end(), last.first, last.last, relative=True,
                                    written=f"{display[m.start():m.end()]} ({day_words(datetime.date.fromisoformat(last.first))})"))
        elif last.point and not last.since:
            pointed.append(replace(last, start=m.start(), end=m.end(), written=display[m.start():m.end()], relative=True))
    return sorted(found + pointed, key=lambda w: w.start) if pointed else found


def year_pointed(before: list[When]) -> str | None:
    """The year "that year" points to: that of the last time before it, when that time lies in one year."""
    last = before[-1] if before else None
    return last.first[:4] if last is not None and last.first[:4].isdigit() and last.first[:4] == last.last[:4] else None


def earlier_times(folded: str, display: str, start: int, published: datetime.date | None, locale: str | None) -> list[When]:
    """The times the sentence before the one at `start` names, in its paragraph (none at a paragraph's start)."""
    p_lo = display.rfind("\n", 0, start) + 1
    before = [s for s in split_sentences(display[p_lo:start]) if s.text.strip()]
    if not before or not ENDED.search(before[-1].text):
        return []  # (the sentence opens its paragraph, or the text before it is no sentence that ended)
    return read_times(folded, display, p_lo + before[-1].start, p_lo + before[-1].end, published, locale)
