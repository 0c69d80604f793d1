"""An article read once for proposing claims (its text, figures, money and date), the Atom a proposed claim
is, and the times a sentence names as restatements write them. Pure functions."""
import datetime
import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from .clauses import trim
from .figures import MoneyMention, read_numbers, resolve_money
from .page_index import PageIndex, fold_page
from .pointed import pointed_times
from .speech import QUOTATION, times_of_saying
from ..sentences import Sentence
from .when import When, parse_published, read_times


@dataclass(frozen=True)
class Atom:
    """One proposed claim: a verbatim span of the article ([start, end) of its text) and what it says."""

    kind: str
    quote: str
    start: int
    end: int
    claim: str
    value: float | None = None
    unit: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    # the Sentence it comes from: every Atom has one (the default only lets the fields before it have theirs)
    sentence: Sentence = None  # type: ignore[assignment]

    @property
    def dated_or_counted(self) -> bool:
        """Whether it carries a figure or a date: what makes a clause a claim of its own, whatever its words."""
        return self.value is not None or bool(self.date_start)


@dataclass
class Reading:
    """An article read once: its text, folded text, figures and money (the currency read in the light
    of the whole article), and its date."""

    text: str  # the text with non-breaking spaces as spaces (the same length: offsets hold)
    folded: str
    numbers: list[tuple[int, int, float, float]]  # (start, end, amount, tolerance), in order of start
    money: list[MoneyMention]  # in order of start
    published: datetime.date | None = None
    locale: str | None = None
    original: str = ""

    def __post_init__(self) -> None:
        self.number_starts = [n[0] for n in self.numbers]
        self.money_starts = [m.start for m in self.money]

    def numbers_within(self, lo: int, hi: int) -> list[tuple[int, int, float, float]]:
        """The numbers standing wholly in [lo, hi), found by bisection: a clause looks only at its own."""
        return [n for n in self.numbers[bisect_left(self.number_starts, lo):bisect_left(self.number_starts, hi)]
                if n[1] <= hi]

    def money_within(self, lo: int, hi: int) -> list[MoneyMention]:
        """The money standing wholly in [lo, hi), in order."""
        return [m for m in self.money[bisect_left(self.money_starts, lo):bisect_left(self.money_starts, hi)]
                if m.end <= hi]


# A cross-reference to another article ("(see “50 Smartest Companies”)", "(see 10 Breakthrough Technologies 2014)"):
# the title of what it points to, no claim of this one; its numbers are no figures, and its years date nothing.
CROSS_REFERENCE = re.compile(r"\(\s*see\s[^()]*\)")


def cross_references(folded: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Where the cross-references in folded[lo:hi] stand (CROSS_REFERENCE)."""
    return [m.span() for m in CROSS_REFERENCE.finditer(folded, lo, len(folded) if hi is None else hi)]


def read_article(text: str | None, published: str | None = None, locale: str | None = None) -> Reading:
    """Read an article once (see Reading); published is its date, YYYY-MM-DD."""
    display = (text or "").replace("\u00a0", " ")
    folded = fold_page(display)
    numbers, raw = read_numbers(folded, display)
    if "(see" in folded or "( see" in folded:
        seen = cross_references(folded)
        numbers = [n for n in numbers if not any(a <= n[0] < b for a, b in seen)]
        raw = [m for m in raw if not any(a <= m.start < b for a, b in seen)]
    money = resolve_money(raw, PageIndex(display=display, text=folded, locale=locale))
    return Reading(display, folded, numbers, money, parse_published(published), locale, text or "")


def sentence_times(reading: Reading, sentence: Sentence, quotations: list[tuple[int, int, int, int]]) -> list[When]:
    """The times a sentence names, read against the article's date; a quotation's words stay as they
    were said: its "this year" is not written out in restatements."""
    whens = read_times(reading.folded, reading.text, sentence.start, sentence.end, reading.published, reading.locale)
    whens = pointed_times(reading.folded, reading.text, sentence.start, sentence.end, whens, reading.published, reading.locale)
    seen = cross_references(reading.folded, sentence.start, sentence.end)
    whens = [w for w in whens if not any(a <= w.start < b for a, b in seen)]  # "(see Innovators 2013)"
    # any quotation, however short ("“We vote on Friday,” she said on Monday"): its words as said, never rewritten,
    # and a day it counts from when it was said ("Friday", "tonight") is no day of the article's calendar
    quoted = [q[:2] for q in quotations] + [m.span() for m in QUOTATION.finditer(reading.text, sentence.start, sentence.end)]
    whens = [(replace(w, relative=False, since=True, point=False, yardstick=True) if w.relative else replace(w, relative=False))
             if any(a <= w.start < b for a, b in quoted) else w for w in whens]
    return from_day_said(reading, sentence, whens, times_of_saying(reading.folded, whens))  # (and the time it was said dates nothing)


# The verbs of what was said of the past ("said on Wednesday that there had not been ..."), and of what is to come
REPORTED_PAST = re.compile(r"\b(?:was|were|had|did|[a-z]{3,}ed)\b")
REPORTED_AHEAD = re.compile(r"\b(?:will|would|is|are|plans?|expects?|could|may|might)\b")


def from_day_said(reading: Reading, sentence: Sentence, whens: list[When], saying: list[When]) -> list[When]:
    """saying (whens with the times of saying marked): what was said of the past counts its days from the day it was
    said, never from the article's ("said on Wednesday that there had not been enough people ... in the past week"
    is the week to that Wednesday); what is said of what is to come keeps its reading."""
    said_on = next((w for old, w in zip(whens, saying) if w.since and not old.since and w.relative and w.first == w.last
                    and len(w.first) == 10 and reading.published and w.first != reading.published.isoformat()), None)
    if said_on is None:
        return saying
    again = {(w.start, w.end): w for w in read_times(reading.folded, reading.text, said_on.end, sentence.end,
                                                     datetime.date.fromisoformat(said_on.first), reading.locale)}
    return [again.get((w.start, w.end), w) if w.start >= said_on.end and w.last > said_on.first
            and REPORTED_PAST.search(reading.folded, said_on.end, w.start) and not REPORTED_AHEAD.search(reading.folded, said_on.end, w.start)
            else w for w in saying]


NUMBER_REST = re.compile(r"[,.]?\d[\d,.]*(?<=\d)")  # the digits after a quote's end that are still its number's


def make_atom(reading: Reading, sentence: Sentence, kind: str, lo: int, hi: int, claim: str,
              value: float | None = None, unit: str | None = None, when: When | None = None) -> Atom:
    lo, hi = trim(reading.text, lo, hi)
    if 0 < hi < len(reading.text) and reading.text[hi - 1].isdigit() and (rest := NUMBER_REST.match(reading.text, hi)):
        hi = rest.end()  # a quote never ends inside a number ("2,500 miles (4" of "(4,000 km)")
    if hi < len(reading.text) and reading.text[hi] == ")" and reading.text.count("(", lo, hi) > reading.text.count(")", lo, hi):
        hi += 1  # nor inside the brackets it opened ("2,500 miles (4,000 km)")
    if lo > 0 and reading.text[lo - 1] == "(" and reading.text.count(")", lo, hi) > reading.text.count("(", lo, hi):
        lo -= 1  # nor starts inside the brackets it closes ("(28.3%) in February")
    if value is None or not unit:
        value = unit = None
    return Atom(kind, reading.original[lo:hi], lo, hi, claim, value, unit,
                when.first if when else None, when.last if when else None, sentence)


def joined_quotations(reading: Reading, atoms: list[Atom]) -> list[Atom]:
    """A sentence's atoms with its quotations that are claimed in the same words made one ("“...,” X said, “but
    ...”": both halves restate the sentence), quoted from the first to the last."""
    out: list[Atom] = []
    for atom in atoms:
        same = next((i for i, a in enumerate(out) if a.kind == atom.kind == "quote" and a.claim == atom.claim), None)
        if same is None:
            out.append(atom)
            continue
        lo, hi = min(out[same].start, atom.start), max(out[same].end, atom.end)
        lo -= lo > 0 and reading.text[lo - 1] in "“\"‘'"  # (with the marks that open and close the words quoted)
        hi += hi < len(reading.text) and reading.text[hi] in "”\"’'"
        out[same] = replace(out[same], start=lo, end=hi, quote=reading.original[lo:hi])
    return out
