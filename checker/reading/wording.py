"""Whether two quotes are the same words of some article: the run of words they share, and whether
it says more than a name. Pure; what repeats of a proposal are made of (propose.RepeatFinder)."""
import re

from ..text import display_text, normalise
from .names import FUNCTION_WORDS

SHARED_RUN = 6  # words in a row that two quotes share and that make them the same words of some article


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", normalise(text))


def shared_run(a: list[str], b: list[str]) -> list[str]:
    """The longest run of words two texts share, as a list of (folded) words (the earliest in a of the
    longest). Only the places where a word of a stands in b are visited."""
    places: dict[str, list[int]] = {}
    for j, word in enumerate(b):
        places.setdefault(word, []).append(j)
    best, best_end = 0, 0
    previous: dict[int, int] = {}
    for i, word in enumerate(a):
        current: dict[int, int] = {}  # j -> the length of the run ending at a[i] and b[j]
        for j in places.get(word, ()):
            current[j] = length = previous.get(j - 1, 0) + 1
            if length > best:
                best, best_end = length, i + 1
        previous = current
    return a[best_end - best:best_end]


def same_words(run: list[str], mine: list[str], theirs: list[str], quote: str) -> bool:
    """True when two quotes are the same words of an article: one holds the whole of the other (of
    two words or more), or they share a long run of words that says more than a name ("the visit
    will take place in September this year", not "the Consulate-General of Russia in Karachi")."""
    if len(run) >= 2 and len(run) == min(len(mine), len(theirs)):
        return True
    if len(run) < SHARED_RUN:
        return False
    capitalised = {w.lower() for w in re.findall(r"\w+", display_text(quote)) if w[:1].isupper()}
    said = [w for w in run if w not in capitalised and w not in FUNCTION_WORDS and not w.isdigit()]
    return len(said) >= 2


class Wording:
    """A quote and its restatement as repeats compare them, read once: the quote's words, both
    normalised, and where the quote ends in display text."""

    def __init__(self, quote: str, claim: str) -> None:
        self.words = words_of(quote)
        self.quote = normalise(quote)
        self.claim = normalise(claim)
        self.quote_end = len(display_text(quote))
