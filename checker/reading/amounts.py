"""The figures a clause states: its money (figures.py, read over the whole article, so that a bare "$"
is read in the light of the rest) and its counts with the unit they count ("six occasions", "a
population of 4.9 million", "240 of 543 seats"), each with the time it belongs to. Pure functions."""
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .figures import NUMBER_WORDS, UNIT_SYNONYMS, MoneyMention, count_patterns
from .names import is_not_name
from .when import When

MEETING = re.compile(r"\b(?:met|meet|meets|meeting|meetings|talks|summits?)\b")
VISIT = re.compile(r"\b(?:visit\w*|met|meet|meets|meeting|meetings|talks|summit|toured|travell?ed|trip)\b")
COMPARISON = re.compile(r"\s+(?:more|fewer|less|higher|lower|greater|smaller|larger|bigger|up|down|than|times\s+(?:more|as))\b")
OUT_OF = re.compile(r"\s+(?:of|out\s+of)\s+(?:the\s+)?")
COUNT_WORD = re.compile(r"\b(?:%s)\b" % "|".join(w for w in NUMBER_WORDS if w not in ("zero", "one")))


@dataclass
class Figure:
    start: int
    end: int
    value: float | None  # None for money in a currency the article leaves unclear
    unit: str | None  # a currency code for money
    money: bool


class ArticleReading(Protocol):
    """What reading figures needs of an article read once (atomic.Reading, which imports this module)."""

    folded: str

    def money_within(self, lo: int, hi: int) -> list[MoneyMention]: ...
    def numbers_within(self, lo: int, hi: int) -> list[tuple[int, int, float, float]]: ...


def number_value(value: float) -> float:
    return int(value) if float(value).is_integer() and abs(value) < 2 ** 63 else round(value, 6)


def count_unit(reading: ArticleReading, start: int, end: int, lo: int, sentence_lower: str) -> str | None:
    """The unit a count at [start, end) is counted in, or None: the words after it ("six occasions",
    "34 people"), the words before it in its clause ("a population of 4.9 million"), else a plain noun
    right after digits ("6.26 metres")."""
    folded = reading.folded
    for unit in UNIT_SYNONYMS:
        after, _ = count_patterns(unit)
        m = after.match(folded, end)
        if m:
            last = folded[m.start():m.end()].split()[-1] if folded[m.start():m.end()].split() else ""
            if last in ("times", "occasions", "occasion"):
                return "meetings" if MEETING.search(sentence_lower) else "visits" if VISIT.search(sentence_lower) else "times"
            return unit
    for unit in UNIT_SYNONYMS:
        _, before = count_patterns(unit)
        if before is not None and before.search(folded, max(lo, start - 120), start):
            return unit
    if folded[start:start + 1].isdigit():
        m = re.match(r" ([a-z]{3,})\b", folded[end:end + 30])
        if m and not is_not_name(m.group(1)) and m.group(1) not in ("per", "years", "year") \
                and not m.group(1).endswith(("er", "est", "ly", "ing", "ed")):
            return m.group(1)
    return None


def count_end(reading: ArticleReading, end: int, unit: str | None) -> int:
    """Where a count's unit words end ("543 seats")."""
    if unit in UNIT_SYNONYMS:
        m = count_patterns(unit)[0].match(reading.folded, end)
        if m:
            return m.end()
    return end


def figures_in(reading: ArticleReading, lo: int, hi: int, whens: Sequence[When], sentence_lower: str) -> list[Figure]:
    """The money and the counts with a unit in text[lo:hi], in order. A figure without a unit of its
    own takes the one before it ("rose from 941 cases in 2022 to 42,200 in 2023")."""
    found = []
    for m in reading.money_within(lo, hi):
        amount, currency, _ = m.value
        found.append(Figure(m.start, m.end, number_value(amount) if currency else None, currency, True))
    taken = [(f.start, f.end) for f in found] + [(w.start, w.end) for w in whens]
    numbers = [(s, e, v) for s, e, v, _ in reading.numbers_within(lo, hi)]
    numbers += [(m.start(), m.end(), NUMBER_WORDS[m.group()]) for m in COUNT_WORD.finditer(reading.folded, lo, hi)]
    previous: Figure | None = None
    numbers.sort()
    skip: set[tuple[int, int]] = set()
    for i, (s, e, v) in enumerate(numbers):
        if (s, e) in skip or any(a < e and s < b for a, b in taken):
            continue
        if COMPARISON.match(reading.folded, e):
            continue  # "63 fewer than in 2019": a difference, not a figure of its own
        of = OUT_OF.match(reading.folded, e)
        if of and i + 1 < len(numbers) and numbers[i + 1][0] == of.end():
            skip.add(numbers[i + 1][:2])  # "240 of 543 seats": 240 seats, out of 543
            unit = count_unit(reading, *numbers[i + 1][:2], lo, sentence_lower)
            e = count_end(reading, numbers[i + 1][1], unit)
        else:
            unit = count_unit(reading, s, e, lo, sentence_lower)
        digits = reading.folded[s:s + 1].isdigit()
        if unit is None and digits and previous is not None:
            unit = previous.unit  # "from 941 cases in 2022 to 42,200 in 2023"
        figure = Figure(s, e, number_value(v), unit, False)
        if unit:
            found.append(figure)
            previous = figure
    return sorted(found, key=lambda f: f.start)


def figure_when(figure: Figure, following: Figure | None, whens: Sequence[When], clause_whens: Sequence[When],
                inherit: When | None) -> When | None:
    """The time a figure belongs to: one after it before the next figure, else the only one in its
    clause, else the nearest before it with no figure between, else the clause's inherited time."""
    usable = [w for w in clause_whens if not w.since]
    after = [w for w in usable if figure.end <= w.start and (following is None or w.start < following.start)]
    if after:
        return after[0]
    if len(usable) == 1:
        return usable[0]
    before = [w for w in usable if w.end <= figure.start]
    return before[-1] if before else inherit
