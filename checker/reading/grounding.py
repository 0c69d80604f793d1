"""Whether a proposed claim says only what its sentence says. Pure functions.

A proposal's claim is either the article's own words (a run of its sentence's words, with a time the
article leaves to its date written out: "last year" -> "in 2017", recorded as such in the sentence
it stands for) or a restatement. A restatement stands only when it brings in no word of its own
beyond the few a restatement is made with ("was", "were", "said" ...; the times written out), and
when the matcher, reading the sentence as it reads any page, finds every figure, date and name of
it there, together: "Turnout was 67% in 2021" from "Turnout was 62.6% in 2021, down from 67% in
2019" is not backed, and is not offered. A claim that fails is replaced by its sentence's own words
(atomic.py)."""
import re

from .facts import ClaimFields, claim_facts, index_page
from .match import assess
from ..text import fold

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Words a restatement may bring in: the verb it is made with, and the words of a written-out time
# ("on 6 November 2023", "between 2011 and 2021", "in the week of ... to ...").
RESTATING = frozenset("""was were is are will be been said says on in at of the between and to from during over
since until week a an its their""".split())


def words(text: str) -> list[str]:
    """The words of a text, folded, without punctuation."""
    return WORD.findall(fold(text))


def own_words(claim: str, sentence: str) -> bool:
    """True when the claim's words are a run of the sentence's words (case, punctuation and quote
    marks aside)."""
    mine, theirs = words(claim), words(sentence)
    n = len(mine)
    return n > 0 and any(theirs[i:i + n] == mine for i in range(len(theirs) - n + 1))


def brings_in(claim: str, sentence: str) -> list[str]:
    """The words of a restatement that its sentence does not have (beyond RESTATING and numbers)."""
    theirs = set(words(sentence))
    return [w for w in words(claim) if w not in theirs and w not in RESTATING and not w.isdigit()]


def backed(claim: str, sentence: str, value: float | None, unit: str | None, date_start: str | None,
           date_end: str | None, locale: str | None = None) -> bool:
    """True when the matcher finds the restatement's figure, dates and names in its sentence, together."""
    fields: ClaimFields = {"claim": claim, "value": value, "unit": unit, "date_start": date_start, "date_end": date_end}
    if not claim_facts(fields):
        return True  # nothing to find: what it says is the sentence's words, rearranged (brings_in)
    return assess(fields, None, index_page(sentence, locale=locale)).support == "supports"


def grounded(claim: str, sentence: str, value: float | None = None, unit: str | None = None,
             date_start: str | None = None, date_end: str | None = None, locale: str | None = None) -> bool:
    """Whether a claim may be offered for this sentence (its times written out): its own words, or a
    restatement that brings in nothing and that the matcher finds backed by the sentence."""
    if own_words(claim, sentence):
        return True
    return not brings_in(claim, sentence) and backed(claim, sentence, value, unit, date_start, date_end, locale)
