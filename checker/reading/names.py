"""Names, found by general rules rather than word lists about any country: runs of capitalised words,
less function words, titles, months, weekdays and demonyms (the last from CLDR: "Pakistani",
"Soviet", "Kenyan"); a place's whole name ("New Zealand", from CLDR's territory names, matched also
by its other names and its demonym); an organisation's whole name ("Reserve Bank of India");
otherwise a surname, which does not count where the page gives it another given name ("Pierre
Trudeau" for a claim about Justin Trudeau). A sentence's first word is a name unless the claim
writes it in lower case elsewhere or it has a common noun's ending ("Inflation"). Pure functions."""
import re
from functools import lru_cache
from typing import Any, Protocol

from . import currencies
from .dates import MONTHS
from .figures import NUMBER_WORDS, SCALES
from .page_index import PageIndex
from ..text import fold


# Capitalised words that are not names to look for, by kind; weekdays and demonyms come from CLDR
# (currencies.py), months from MONTHS. None of these lists names a country or a person.
FUNCTION_WORDS = set("""
a an the in on at of to for by and or but as no not nor its it it's this that these those there their
theirs he she they we you i his her hers him them our ours your my me us who whom whose which what when
where why how while whilst during after before since until till over under above below between among
amid against about around across along through throughout into onto upon within without via per than
then so yet if unless because although though whether also both all each every either neither one
some any many much more most few less least other another such same own only even just still again
ever never now here is are was were be been being has have had do does did will would shall should can
could may might must says said say according following yes
""".split())


GENERIC_WORDS = set("""
two-way first second third last next former late new old then now early mid senior junior acting
official officials chief top deputy vice
north south east west northern southern eastern western central north-east north-west south-east
south-west northeast northwest southeast southwest upper lower greater
mr mrs ms miss dr prof sir dame lord lady st saint mt mount rev hon
president presidents prime minister ministers premier chancellor king queen prince princess emperor
governor mayor senator senators congressman congresswoman representative rep sen gov
ambassador consul envoy secretary spokesman spokeswoman spokesperson chairman chairwoman chair
director commissioner commander general admiral colonel captain judge justice lawyer attorney
head leader leaders opposition speaker member members mp mps deputy-minister foreign home state
federal national government parliament parliamentary ministry cabinet treasurer
interim caretaker
today yesterday tomorrow week month year
""".split())


ORG_WORDS = {"organisation", "organization", "group", "council", "committee", "ministry", "consulate",
             "consulate-general", "union", "agency", "bank", "assembly", "university", "commission",
             "court", "party", "department", "corporation", "authority", "office", "fund", "forum",
             "institute", "federation", "league", "club", "company", "association", "board", "service",
             "police", "army", "navy", "force", "tribunal", "exchange", "airlines", "airways",
             "foundation", "trust", "society", "alliance", "front", "movement", "congress", "senate",
             "parliament", "treaty", "programme", "program"}


CONNECTORS = {"of", "al", "bin", "de", "van", "von", "da", "el", "du", "le", "la", "der", "den", "y", "dos"}


NOUN_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship", "ture", "ings")


NAME_RUN = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|al|bin|de|van|von|da|el|du|le|la|der|den|y|dos)(?![\w]))*")


SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"'“‘(]\s*)$")


@lru_cache(maxsize=None)
class NameFact(Protocol):
    """A name to look for, as facts.Fact gives it (facts.py imports this module)."""

    @property
    def label(self) -> str: ...
    @property
    def value(self) -> Any: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def given(self) -> tuple[str, ...]: ...


def not_name_words() -> frozenset[str]:
    """Folded words that are never a name to look for on their own."""
    return frozenset(FUNCTION_WORDS | GENERIC_WORDS | set(MONTHS) | currencies.weekdays() | currencies.demonyms()
                     | set(SCALES) | set(NUMBER_WORDS))


@lru_cache(maxsize=None)
def place_names() -> dict[str, str]:
    """Folded territory name -> its code."""
    return {name: code for code, names in currencies.territory_names().items() for name in names}


def is_not_name(word: str) -> bool:
    folded = fold(word).strip(".'")
    return all(part in not_name_words() for part in folded.split("-") if part) or folded in not_name_words()


def looks_like_common_noun(word: str) -> bool:
    return word.lower().endswith(NOUN_SUFFIXES)


def place_aliases(label: str) -> tuple[str, ...]:
    """Other spellings of a place: its other CLDR names and aliases, and its demonyms ("Pakistani")."""
    code = place_names().get(fold(label))
    if code is None:
        return ()
    names = set(currencies.territory_names()[code]) - {fold(label)}
    if " " not in label and len(label) > 3:
        names |= currencies.adjective_forms(fold(label)) & currencies.demonyms()
    return tuple(sorted(names))


def split_at_places(pairs: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """A run of capitalised words cut where a place's whole name stands ("New Zealand Prime Minister
    Chris Hipkins" -> "New Zealand", "Prime Minister Chris Hipkins"); an organisation's name stays
    whole ("Reserve Bank of New Zealand")."""
    if any(fold(w) in ORG_WORDS for w, _ in pairs):
        return [pairs]
    segments: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    i = 0
    while i < len(pairs):
        for j in range(len(pairs), i, -1):
            if fold(" ".join(w for w, _ in pairs[i:j])) in place_names():
                if current:
                    segments.append(current)
                segments.append(pairs[i:j])
                current, i = [], j
                break
        else:
            current.append(pairs[i])
            i += 1
    if current:
        segments.append(current)
    return segments


def clean_word(word: str) -> str:
    """A word of a name without its possessive and trailing punctuation; "U.S." keeps its dots."""
    word = re.sub(r"['’]s?$", "", word.rstrip(",;:"))
    if re.fullmatch(r"(?:[A-Z]\.)+", word):
        return word
    return word.strip(".'’")


def pick_name(words: list[str], at_start: bool, text: str,
              written: list[str] | None = None) -> tuple[str | None, tuple[str, ...]]:
    """(label, given names) from a run of capitalised words, or (None, ()). written: the words as
    the claim writes them, possessives kept, for an organisation's whole name."""
    written = written or words
    whole = " ".join(words)
    for cut in range(len(words)):  # a place's whole name, after any titles before it
        rest = " ".join(words[cut:])
        if fold(rest) in place_names() and all(is_not_name(w) for w in words[:cut]):
            return rest, ()
    original = list(words)
    while words and is_not_name(words[0]) and fold(words[0]) not in ORG_WORDS:
        words.pop(0)
    while words and (is_not_name(words[-1]) or words[-1].lower() in CONNECTORS) and fold(words[-1]) not in ORG_WORDS:
        words.pop()
    if not words:
        return None, ()
    if any(fold(w) in ORG_WORDS for w in words):
        at = original.index(words[0])
        if len(words) == 1:  # a generic word alone ("Union") means nothing without the one before it
            if at == 0:
                return None, ()
            at -= 1
            words = original[at:at + 2]
        return " ".join(written[at:at + len(words)]), ()
    if any(is_not_name(w) for w in words[1:-1]):
        words = [w for w in words if not is_not_name(w)][-1:]
    if len(words) == 1 and at_start and whole.startswith(words[0]):
        word = words[0]
        # a sentence's first word is a name only if the claim shows it is one
        if looks_like_common_noun(word) or re.search(r"\b%s\b" % re.escape(word.lower()), text):
            return None, ()
    label = words[-1]
    given = tuple(fold(w) for w in words[:-1] if w.lower() not in CONNECTORS)
    return label, given


COMPOUND = re.compile(r"\b([A-Z][\w']*)-(?=[A-Z])")


GIVEN_BEFORE = re.compile(r"([A-Z][\w'’.-]*)\s+$")


def name_spans(page: PageIndex, fact: NameFact) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for phrase in (fact.value,) + tuple(fact.aliases):
        found = [(p, p + len(phrase)) for p in page.phrase_positions(phrase)]
        acronym = fact.label.isupper() if phrase == fact.value else len(phrase.replace(".", "")) <= 3
        if acronym:
            found = [(s, e) for s, e in found if page.display[s:e].isupper()]  # "US" is no "us"
        spans += found
    if fact.given:
        spans = [(s, e) for s, e in spans if not other_given_name(page, s, fact.given)]
    return sorted(spans)


def other_given_name(page: PageIndex, start: int, given: tuple[str, ...]) -> bool:
    """True when a surname on the page follows a given name that is not the claim's ("Lyndon
    Johnson" for a claim about Boris Johnson)."""
    m = GIVEN_BEFORE.search(page.display, max(0, start - 30), start)
    if not m:
        return False
    word = m.group(1).strip(".")
    folded = fold(word)
    if folded.endswith(("'s", "’s")) or is_not_name(word) or folded in given:
        return False
    if len(word) == 1 and any(g.startswith(folded) for g in given):
        return False  # an initial
    return True
