"""A page read once for matching many claims: its display and folded texts, and the figures, dates
and years found in it (facts.index_page fills it)."""
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..text import DASHES, QUOTES, fold


@dataclass
class Mention:
    start: int
    end: int
    value: Any  # money: (amount, currency or None, tolerance); date: (first_day, last_day, precision)


@dataclass
class PageIndex:
    """A page read once for matching many claims: its folded text and the figures and dates in it."""

    display: str
    text: str
    money: Sequence[Mention] = field(default_factory=list)  # figures.MoneyMention
    dates: list[Mention] = field(default_factory=list)
    ambiguous_dates: list[Mention] = field(default_factory=list)  # numeric dates the locale leaves open (dates.read_dates)
    years: dict[int, list[int]] = field(default_factory=dict)  # year -> sorted positions
    year_positions: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)  # sorted (position, years)
    figure_starts: list[int] = field(default_factory=list)  # sorted starts of the figures that are not years or dates
    numbers: list[tuple[int, int, float, float]] = field(default_factory=list)  # (start, end, amount, tolerance)
    words: dict[str, list[int]] = field(default_factory=dict)  # phrase -> positions, filled as claims ask
    names: dict[Any, list[tuple[int, int, str]]] = field(default_factory=dict)  # a name's hits (names.name_hits)
    locale: str | None = None
    title: str = ""  # the page's title, folded (stored apart from its text)
    title_display: str = ""
    first_paragraph_end: int = 0  # where the page's first paragraph (its standfirst, often) ends in display

    def phrase_positions(self, phrase: str) -> list[int]:
        """Where a (folded) phrase stands as whole words; str.find is far faster than a regex here."""
        if phrase not in self.words:
            text, hits, at = self.text, [], self.text.find(phrase)
            while at >= 0:
                end = at + len(phrase)
                if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                    hits.append(at)
                at = text.find(phrase, at + 1)
            self.words[phrase] = hits
        return self.words[phrase]

    def mentions_any(self, phrases: Iterable[str]) -> bool:
        return any(self.phrase_positions(p) for p in phrases)


FOLDED_CHARACTERS = re.compile("[" + re.escape("".join(map(chr, {**QUOTES, **DASHES}))) + "]")


FOLD_TABLE = {**QUOTES, **DASHES}


def fold_page(display: str) -> str:
    """text.fold, faster on long pages: only the few quotes and dashes present are translated."""
    if FOLDED_CHARACTERS.search(display):
        display = FOLDED_CHARACTERS.sub(lambda m: FOLD_TABLE[ord(m.group())], display)
    lowered = display.lower()
    if len(lowered) != len(display):
        return fold(display)
    return lowered
