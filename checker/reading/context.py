"""Where a claim's names stand on a page once its figures and dates are found together: in the
passage, beside the facts, or in the page's context (its title, its first paragraph, the text just
before), and how the page writes each (its name, its capital, a demonym, a short form). Pure.

A place or an organisation may stand in the context: news names its subject once ("Canada's budget
..." in the title) and then says "the deficit". A person must stand beside the facts. The context
counts only when nothing in between says the figure is someone else's: the facts' own sentence names
no other place (another country, its demonym or its capital), and no other place is named between
the name and the facts; for an organisation, no other organisation of the same short name."""
import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from . import currencies
from .facts import Fact
from .names import NAME_RUN, alias_kind, capitals, clean_word, is_organisation, name_around, name_hits, place_code
from .page_index import PageIndex
from ..text import fold
from .describe import WHERE, describe_found  # noqa: F401  (describe_found: where the names are said)

TOGETHER = 600  # as match.TOGETHER: a name this near the facts stands beside them
CONTEXT_REACH = 2000  # an earlier mention counts when this near the facts' sentence (or in the first paragraph)
SENTENCE_REACH = 300

@dataclass(frozen=True)
class NameFound:
    """Where one of the claim's names was found, and how the page writes it."""

    name: str  # the claim's name (the fact's label)
    where: str  # a key of WHERE
    written: str  # the words on the page
    how: str  # name, capital, demonym, short form

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


# --- places named in a stretch of text ----------------------------------------------------------

@lru_cache(maxsize=None)
def place_words() -> dict[str, frozenset[str]]:
    """Folded phrase -> the territories it names: their CLDR names, their demonyms and capitals."""
    table: dict[str, set[str]] = {}
    demonyms = currencies.demonyms()
    for code, names in currencies.territory_names().items():
        if code.isdigit():
            continue  # continents and regions are no other country
        for name in names:
            table.setdefault(name, set()).add(code)
            if " " not in name and len(name) > 3:
                for adjective in currencies.adjective_forms(name) & demonyms:
                    table.setdefault(adjective, set()).add(code)
                    table.setdefault(adjective + "s", set()).add(code)
        for capital in capitals().get(code, ()):
            table.setdefault(capital, set()).add(code)
    return {phrase: frozenset(codes) for phrase, codes in table.items()}


WORD = re.compile(r"[^\W\d_][\w.&-]*")


def places_in(display: str, folded: str, lo: int, hi: int) -> list[tuple[int, frozenset[str]]]:
    """(position, territories) of each place named between lo and hi: capitalised, whole words ("US"
    in capitals, and not as "US$")."""
    table = place_words()
    words = [(m.start(), m.end()) for m in WORD.finditer(folded, max(0, lo), hi)]
    found = []
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            if i + n > len(words):
                continue
            start, end = words[i][0], words[i + n - 1][1]
            phrase = folded[start:end].rstrip(".")
            end = start + len(phrase)
            codes = table.get(phrase)
            written = display[start:end]
            if not codes or not written[:1].isupper():
                continue
            if len(phrase) <= 3 and (not written.isupper() or display[end:end + 1] == "$"):
                continue
            found.append((start, codes))
            i += n - 1
            break
        i += 1
    return found


# --- where each name stands ---------------------------------------------------------------------

def sentence_bounds(display: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) holding start..end, within SENTENCE_REACH characters either side."""
    lo = max(0, start - SENTENCE_REACH)
    breaks = [m.end() for m in re.finditer(r"[.!?;]\s+(?=[A-Z\"“‘(])|\n", display[lo:start])]
    first = lo + breaks[-1] if breaks else lo
    m = re.search(r"[.!?;](?=\s|$)|\n", display[end:end + SENTENCE_REACH])
    last = end + m.end() if m else min(len(display), end + SENTENCE_REACH)
    return first, last


def title_index(page: PageIndex) -> PageIndex:
    """The page's title as a page of its own (so a name in it is read by the same rules)."""
    return PageIndex(display=page.title_display, text=page.title)


def kind_of(fact: Fact) -> str:
    if place_code(fact.label) is not None:
        return "place"
    if fact.short_forms or (fact.label.isupper() and len(fact.label) >= 2):  # "IMF", "RBI": an institution
        return "organisation"
    return "other"


def others_between(fact: Fact, facts: Sequence[Fact], page: PageIndex, lo: int, hi: int) -> bool:
    """True when the text lo..hi names another place than the claim's (for a place), or another
    organisation of the same short name (for an organisation)."""
    if hi <= lo:
        return False
    if kind_of(fact) == "place":
        ours = {place_code(f.label) for f in facts if f.kind == "name"} - {None}
        return any(not codes & ours for _, codes in places_in(page.display, page.text, lo, hi))
    whole = {f.value for f in facts if f.kind == "name"} | set(fact.aliases)
    for form in fact.short_forms:
        if " " in form or len(form) <= 3:
            continue
        for p in page.phrase_positions(form):
            if lo <= p < hi:
                around = name_around(page.display, p, p + len(form))
                if around not in whole and around != form:
                    return True
    return False


def other_organisation(facts: Sequence[Fact], page: PageIndex, lo: int, hi: int) -> bool:
    """True when lo..hi names an organisation that is none of the claim's ("the Bank of England" in
    the sentence that gives the figure, for a claim about the Federal Reserve)."""
    ours = {f.value for f in facts if f.kind == "name"}
    for m in NAME_RUN.finditer(page.display, lo, hi):
        words = [clean_word(w) for w in m.group().split()]
        while words and words[0] in ("The", "the"):
            words.pop(0)
        name = fold(" ".join(words))
        if is_organisation(name) and len(words) > 1 and name not in ours \
                and not any(name in o or o in name for o in ours):
            return True
    return False


def found_at(fact: Fact, page: PageIndex, hit: tuple[int, int, str], where: str) -> NameFound:
    start, end, phrase = hit
    how = "name" if phrase == fact.value else alias_kind(fact.label, phrase)
    return NameFound(fact.label, where, page.display[start:end], how)


def locate_names(facts: Sequence[Fact], page: PageIndex, start: int, end: int,
                 passage: bool = False) -> tuple[list[NameFound], list[str]]:
    """Where each name of the claim stands, given that its figures and dates stand together at
    start..end (a passage, when `passage`): ([NameFound], labels of the names not found there).
    In the passage or the facts' own sentence, a name counts as it stands. A person (or any name that
    is no place or organisation) may stand anywhere beside the facts (TOGETHER). A place or an
    organisation may also stand before them (in the first paragraph, or CONTEXT_REACH before) or in
    the title, when the facts' sentence names no other, nor does the text between."""
    found: list[NameFound] = []
    missing: list[str] = []
    sentence_lo, sentence_hi = sentence_bounds(page.display, start, end)
    lo, hi = (min(start, sentence_lo), max(end, sentence_hi)) if passage else (sentence_lo, sentence_hi)
    for fact in facts:
        if fact.kind != "name":
            continue
        hits = name_hits(page, fact)
        inside = [h for h in hits if lo <= h[0] < hi]
        if inside:
            in_passage = passage and start <= inside[0][0] < end
            found.append(found_at(fact, page, inside[0], "passage" if in_passage else "beside"))
            continue
        beside = [h for h in hits if max(end, h[0]) - min(start, h[0]) <= TOGETHER]
        kind = kind_of(fact)
        if kind == "other":
            if beside:
                found.append(found_at(fact, page, min(beside, key=lambda h: abs(h[0] - start)), "beside"))
            else:
                missing.append(fact.label)
            continue
        if others_between(fact, facts, page, lo, hi) or (kind == "organisation" and other_organisation(facts, page, lo, hi)):
            missing.append(fact.label)
            continue
        where = in_context(fact, facts, page, hits, lo, hi, beside)
        if where:
            found.append(where)
        else:
            missing.append(fact.label)
    return found, missing


def in_context(fact: Fact, facts: Sequence[Fact], page: PageIndex, hits: Sequence[tuple[int, int, str]],
               lo: int, hi: int, beside: Sequence[tuple[int, int, str]]) -> NameFound | None:
    """Where a place or organisation stands outside the facts' sentence (lo..hi) with nothing else of
    its kind named in between: the nearest mention before, one just after, or the title."""
    starts = [h[0] for h in hits]
    i = bisect.bisect_left(starts, lo)
    before = hits[i - 1] if i else None
    if before and (before[0] < page.first_paragraph_end or lo - before[0] <= CONTEXT_REACH) \
            and not others_between(fact, facts, page, max(before[1], lo - CONTEXT_REACH), lo):
        where = "first paragraph" if before[0] < page.first_paragraph_end else "earlier"
        return found_at(fact, page, before, "beside" if before in beside else where)
    after = [h for h in beside if h[0] >= hi]
    if after and not others_between(fact, facts, page, hi, after[0][0]):
        return found_at(fact, page, after[0], "beside")
    if page.title:
        title = title_index(page)
        in_title = name_hits(title, fact)
        if in_title and not others_between(fact, facts, title, 0, len(title.display)) \
                and not others_between(fact, facts, page, max(0, lo - CONTEXT_REACH), lo):
            return found_at(fact, title, in_title[0], "title")
    return None


def names_on_page(facts: Sequence[Fact], page: PageIndex) -> list[NameFound]:
    """Where each name stands when the facts do not stand together: its first place on the page, or
    the title."""
    found = []
    for fact in facts:
        if fact.kind != "name":
            continue
        hits = name_hits(page, fact)
        if hits:
            found.append(found_at(fact, page, hits[0], "page"))
        elif page.title:
            in_title = name_hits(title_index(page), fact)
            if in_title:
                found.append(found_at(fact, title_index(page), in_title[0], "title"))
    return found

