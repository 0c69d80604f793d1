"""The matcher: does a page still support a claim? Pure functions over text.

A link between a claim and a source *supports* when every key fact of the claim (facts.py) is on the
page within TOGETHER characters of the others. The link's passage, when the page still holds it word
for word (compared after normalising case, whitespace, quotes, dashes, non-breaking spaces, line-end
hyphenation and punctuation), proves only that: what it says is read from the claim's facts
(passage.py). It *supports* when the claim's figures and dates stand in it; it *contradicts* when it
gives another figure or date in their place (unless it was quoted as context); when it is silent on
a fact, the page is read as any page is. When the link has a passage, facts that are only names do
not make it supported from elsewhere on the page. A figure in another currency (or in a symbol the
page leaves ambiguous) is never the claim's. Some facts found, or a passage that is still there or
nearly (rapidfuzz partial_ratio >= PASSAGE_NEAR_MATCH: a changed word), is *partial*.
"""
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from .context import TOGETHER, NameFound, locate_names, names_on_page
from .facts import ClaimFields, Fact, claim_facts
from .page_index import PageIndex
from .passage import reading
from .stance import unbacked_by
from ..text import normalise

PASSAGE_NEAR_MATCH = 90  # rapidfuzz partial_ratio, 0-100: a passage this close has changed, not vanished
SNIPPET = 300


# --- passages ------------------------------------------------------------------------------

def passage_pattern(passage: str) -> re.Pattern[str] | None:
    """A regex for a passage's words in order, whatever the punctuation and spacing between them;
    an ellipsis in the passage stands for words left out."""
    pieces = [p for p in re.split(r"\.\.\.+|…", normalise(passage)) if re.search(r"\w", p)]
    if not pieces:
        return None
    parts = []
    for piece in pieces:
        words = re.findall(r"\w+", piece)
        parts.append(r"\W+".join(re.escape(w) for w in words))
    return re.compile(r"\b" + r"\b.{0,400}?\b".join(parts) + r"\b", re.DOTALL)


def find_passage(passage: str, page: PageIndex) -> tuple[float, Any, Any]:
    """(score 0-100, start, end): 100 when the passage is there; otherwise the best near match (start and
    end are None when nothing comes near: an int wherever the score is above 0)."""
    pattern = passage_pattern(passage)
    if pattern is None:
        return 0, None, None
    m = pattern.search(page.text)
    if m:
        return 100, m.start(), m.end()
    needle = normalise(passage)
    words = sorted(set(re.findall(r"\w{5,}", needle)), key=len, reverse=True)[:3]
    best: tuple[float, int | None, int | None] = (0, None, None)
    for word in words:
        start = 0
        for _ in range(50):  # bounded: a common word must not make this quadratic
            at = page.text.find(word, start)
            if at < 0:
                break
            lo, hi = max(0, at - len(needle)), min(len(page.text), at + 2 * len(needle))
            found = fuzz.partial_ratio_alignment(needle, page.text[lo:hi])
            if found and found.score > best[0]:
                best = (found.score, lo + found.dest_start, lo + found.dest_end)
            start = at + 1
    return best


# --- the verdict on one link ------------------------------------------------------------------

@dataclass
class SupportResult:
    support: str  # supports, contradicts, partial, missing, unreachable
    score: float
    facts_found: list[str]
    facts_missing: list[str]
    snippet: str = ""
    facts_where: list[dict[str, str]] = field(default_factory=list)  # context.NameFound, one per name found


def snippet_at(page: PageIndex, start: int, end: int) -> str:
    centre = (start + end) // 2
    lo = max(0, min(start, centre - SNIPPET // 2))
    hi = min(len(page.display), max(end, lo + SNIPPET))
    text = page.display[lo:hi].strip()
    return ("…" if lo > 0 else "") + text + ("…" if hi < len(page.display) else "")


def together(hits_per_fact: Sequence[Sequence[int]]) -> tuple[int, int] | None:
    """The narrowest span holding at least one hit of every fact, if within TOGETHER characters."""
    events = sorted((pos, i) for i, hits in enumerate(hits_per_fact) for pos in hits)
    need = len(hits_per_fact)
    counts = [0] * need
    covered = 0
    best: tuple[int, int] | None = None
    lo = 0
    for pos, i in events:
        counts[i] += 1
        if counts[i] == 1:
            covered += 1
        while covered == need:
            lo_pos, lo_i = events[lo]
            if best is None or pos - lo_pos < best[1] - best[0]:
                best = (lo_pos, pos)
            counts[lo_i] -= 1
            if counts[lo_i] == 0:
                covered -= 1
            lo += 1
    if best and best[1] - best[0] <= TOGETHER:
        return best
    return None


def backed(claim: ClaimFields, facts: Sequence[Fact], page: PageIndex, found: list[str], missing: list[str], score: float, start: int,
           end: int, where: list[dict[str, str]] | None = None) -> SupportResult:
    """Supports, unless the sentence holding the facts denies them, only expects them while the
    claim states them, or gives the claim's words to someone else (stance.py): then partial, with what the sentence lacks among the missing."""
    names = [f.label for f in facts if f.kind == "name"]
    unbacked = unbacked_by(claim.get("claim") or "", page.display, start, end, names)
    if unbacked is None:
        return SupportResult("supports", score, found, missing, snippet_at(page, start, end), where or [])
    return SupportResult("partial", round(score * 0.6, 1), found, [*missing, unbacked[1]], snippet_at(page, start, end),
                         where or [])


def with_names(facts: Sequence[Fact], found: Sequence[str], names: Sequence[NameFound],
               page: PageIndex) -> tuple[list[str], list[str]]:
    """(found, missing) labels in the claim's order, the names located (in the title, say) counted as
    found; a missing fact keeps the reason the page cannot settle it (Fact.missing_label)."""
    seen = set(found) | {n.name for n in names}
    return [f.label for f in facts if f.label in seen], [f.missing_label(page) for f in facts if f.label not in seen]


def assess(claim: ClaimFields, passage: str | None, page: PageIndex | None,
           relation: str | None = None) -> SupportResult:
    """How well one page (a PageIndex, or None when there is no usable snapshot) backs a claim, read
    through the link's passage when it has one; ``relation`` is the link's ("context": the passage
    was quoted for what surrounds the claim, so its other figures contradict nothing). A place or an
    organisation of the claim may stand in the page's context once its figures and dates stand
    together (context.py); the result says where each name was found."""
    facts = claim_facts(claim)
    labels = [f.label for f in facts]
    if page is None:
        return SupportResult("unreachable", 0.0, [], labels)
    hits = [f.find(page) for f in facts]
    found = [f.label for f, h in zip(facts, hits) if h]
    missing = [f.missing_label(page) for f, h in zip(facts, hits) if not h]
    p_start: Any  # an int wherever passage_score is above 0 (see find_passage)
    p_end: Any
    passage_score, p_start, p_end = find_passage(passage, page) if passage else (None, None, None)
    if passage_score == 100:
        located, unlocated = locate_names(facts, page, p_start, p_end, passage=True)
        where = [n.as_dict() for n in located]
        said, instead = reading(facts, hits, page, p_start, p_end, may_contradict=relation != "context",
                                named=not unlocated)
        if said == "supports":
            return backed(claim, facts, page, *with_names(facts, found, located, page), 100.0, p_start, p_end, where)
        if said == "contradicts":
            agreed = [f.label for f in facts if f.label not in instead and f.label in found]
            return SupportResult("contradicts", round(90.0 * len(agreed) / len(facts), 1), agreed,
                                 [f.label for f in facts if f.label not in agreed], snippet_at(page, p_start, p_end), where)
    # Names alone are weak evidence: when the link names its passage, they need a figure or a date.
    decisive = any(f.kind != "name" for f in facts) or not passage
    span = together(hits) if facts and not missing and decisive else None
    figures = [h for f, h in zip(facts, hits) if f.kind != "name"]
    figures_span = together(figures) if figures and all(figures) else None
    if span and not figures:  # a claim of names alone: they stand together, there is no context to read
        located, _ = locate_names(facts, page, span[0], span[1] + 1)
        return backed(claim, facts, page, found, missing, 95.0, span[0], span[1], [n.as_dict() for n in located])
    if figures_span:
        # the names stand in the facts' sentence, beside them, or in the page's context (context.py)
        located, unlocated = locate_names(facts, page, figures_span[0], figures_span[1] + 1)
        if not unlocated:
            beside = all(n.where in ("beside", "passage") for n in located)
            lo, hi = span if span and beside else figures_span
            return backed(claim, facts, page, labels, [], 95.0 if beside else 90.0, lo, hi, [n.as_dict() for n in located])
    on_page = names_on_page(facts, page)
    found, missing = with_names(facts, found, on_page, page)
    where = [n.as_dict() for n in on_page]
    fact_score = 100.0 * len(found) / len(facts) if facts else 0.0
    near = passage_score is not None and passage_score >= PASSAGE_NEAR_MATCH
    score = round(max(fact_score * 0.9, (passage_score or 0) * 0.9), 1)
    if found or near:
        if near:
            snippet = snippet_at(page, p_start, p_end)
        else:
            first = min([h[0] for h in hits if h] or [0])
            snippet = snippet_at(page, first, first + 1)
        return SupportResult("partial", score, found, missing, snippet, where)
    return SupportResult("missing", score, found, missing, "", where)
