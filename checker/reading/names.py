"""Names, found by general rules rather than word lists about any country: runs of capitalised words,
less function words, titles, months, weekdays and demonyms (the last from CLDR: "Pakistani",
"Soviet", "Kenyan"); a place's whole name ("New Zealand", from CLDR's territory names, matched also
by its other names and its demonym); an organisation's whole name ("Reserve Bank of India");
otherwise a surname, which does not count where the page gives it another given name ("Pierre
Trudeau" for a claim about Justin Trudeau). A sentence's first word is a name unless the claim
writes it in lower case elsewhere or it has a common noun's ending ("Inflation"). Pure functions."""
import pathlib
import re
from collections.abc import Sequence
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
amid against about around across along through throughout into onto upon with within without via per than
then so yet if unless because although though whether also both all each every either neither one once whenever whereas
some any many much more most few less least other another such same own only even just still again
ever never now here is are was were be been being has have had do does did will would shall should can
could may might must says said say according following yes
however meanwhile moreover furthermore nevertheless nonetheless therefore thus instead indeed overall eventually
finally initially ultimately currently recently previously additionally besides otherwise likewise similarly
consequently hence accordingly perhaps despite beyond toward towards unlike like near
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
             "parliament", "treaty", "programme", "program", "reserve", "hospital", "clinic", "infirmary", "school",
             "college", "academy", "prison", "airport", "hotel", "museum", "library", "church",
             # the trade a company is named after ("General Electric", "Tata Motors", "General Mills")
             "electric", "motors", "mills", "dynamics", "industries", "holdings", "foods", "pharmaceuticals",
             "systems", "technologies", "energy", "petroleum", "steel", "chemicals", "insurance"}


CONNECTORS = {"of", "al", "bin", "de", "van", "von", "da", "el", "du", "le", "la", "der", "den", "y", "dos"}


NOUN_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship", "ture", "ings")


NAME_RUN = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|al|bin|de|van|von|da|el|du|le|la|der|den|y|dos)(?![\w]))*")


SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"'“‘(]\s*)$")


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
    @property
    def short_forms(self) -> tuple[str, ...]: ...


@lru_cache(maxsize=None)
def not_name_words() -> frozenset[str]:
    """Folded words that are never a name to look for on their own."""
    return frozenset(FUNCTION_WORDS | GENERIC_WORDS | set(MONTHS) | currencies.weekdays() | currencies.demonyms()
                     | set(SCALES) | set(NUMBER_WORDS))


@lru_cache(maxsize=None)
def place_names() -> dict[str, str]:
    """Folded territory name -> its code."""
    return {name: code for code, names in currencies.territory_names().items() for name in names}


@lru_cache(maxsize=None)
def single_place_words() -> frozenset[str]:
    """Folded names of places that a word alone may give, beside the territories: provinces and states ("Ontario",
    "Kerala"), capitals and time-zone cities ("Nairobi", "Denver")."""
    return frozenset().union(*currencies.territory_provinces().values(), *currencies.territory_cities().values(),
                             capital_codes())


def is_not_name(word: str) -> bool:
    folded = fold(word).strip(".'")
    return all(part in not_name_words() for part in folded.split("-") if part) or folded in not_name_words()


def looks_like_common_noun(word: str) -> bool:
    return word.lower().endswith(NOUN_SUFFIXES)


CAPITALS = pathlib.Path(__file__).parent / "capitals.tsv"  # made by scripts/capitals.py from GeoNames


@lru_cache(maxsize=None)
def capitals() -> dict[str, frozenset[str]]:
    """Territory code -> its capital's (folded) spellings, as GeoNames gives them (capitals.tsv)."""
    table: dict[str, frozenset[str]] = {}
    for line in CAPITALS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, spellings = line.split("\t")
            table[code] = frozenset(fold(s) for s in spellings.split("|"))
    return table


@lru_cache(maxsize=None)
def capital_codes() -> dict[str, str]:
    """Folded capital -> its territory's code."""
    return {spelling: code for code, spellings in capitals().items() for spelling in spellings}


def place_code(label: str) -> str | None:
    """The territory code of a place's whole name, or None."""
    return place_names().get(fold(label))


def place_aliases(label: str) -> tuple[str, ...]:
    """Other spellings of a place: its other CLDR names and aliases, its demonyms ("Pakistani") and
    its capital (GeoNames)."""
    code = place_code(label)
    if code is None:
        return ()
    names = set(currencies.territory_names()[code]) - {fold(label)}
    if " " not in label and len(label) > 3:
        names |= currencies.adjective_forms(fold(label)) & currencies.demonyms()
    names |= capitals().get(code, frozenset())
    return tuple(sorted(names))


def alias_kind(label: str, alias: str) -> str:
    """How a (folded) alias names a claim's name: capital, demonym, short form or name."""
    code = place_code(label)
    if code is not None and alias in capitals().get(code, ()):
        return "capital"
    if alias in currencies.demonyms():
        return "demonym"
    if alias in org_short_forms(label):
        return "short form"
    return "name"


def is_organisation(label: str) -> bool:
    return any(fold(w).strip(".,'’") in ORG_WORDS for w in re.split(r"[\s']+", label))


@lru_cache(maxsize=4096)
def org_short_forms(label: str) -> tuple[str, ...]:
    """The (folded) short forms a page uses for an organisation once it has named it: its name before
    "of" ("Reserve Bank" of India), each of its generic words ("the Commission", "the ministry"),
    the initials of its words ("ECB") and its first word clipped ("the Fed"). A rule, not a list of
    institutions; whether a short form on a page is this organisation is decided there (name_hits)."""
    if not is_organisation(label):
        return ()
    words = [w for w in re.split(r"\s+", label) if w]
    forms = set()
    if "of" in words[1:]:
        head = words[:words.index("of", 1)]
        if is_organisation(" ".join(head)) and len(head) < len(words):
            forms.add(fold(" ".join(head)))
    forms |= {fold(w) for w in words if fold(w) in ORG_WORDS}
    initials = "".join(w[0] for w in words if w[:1].isupper() and w.lower() not in CONNECTORS)
    if len(initials) >= 2:
        forms.add(initials.lower())
    if len(words[0]) > 5 and words[0][:1].isupper():
        forms.add(fold(words[0][:3]))
    return tuple(sorted(forms - {fold(label)}))


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
    organisation = any(fold(w) in ORG_WORDS for w in words)
    # an organisation keeps the demonym its name starts with: the "European" Central Bank is not
    # Nigeria's, nor the "Canadian" Broadcasting Corporation another country's
    while (words and is_not_name(words[0]) and fold(words[0]) not in ORG_WORDS
           and not (organisation and fold(words[0]) in currencies.demonyms() and len(words) > 2)):
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
    return [(s, e) for s, e, _ in name_hits(page, fact)]


def name_hits(page: PageIndex, fact: NameFact) -> list[tuple[int, int, str]]:
    """(start, end, the folded spelling found) of each place a page names the fact: by its name, its
    other names, its demonym, its capital standing alone (not inside another name: "Wellington City
    Council", "Lewis Hamilton"), or an organisation's short form where the page has named it in full
    first and nothing else of that short name since. Kept on the page: claims share names."""
    key = (fact.value, tuple(fact.aliases), fact.given, fact.short_forms)
    if key not in page.names:
        page.names[key] = find_name(page, fact)
    return page.names[key]


def find_name(page: PageIndex, fact: NameFact) -> list[tuple[int, int, str]]:
    hits: list[tuple[int, int, str]] = []
    for phrase in (fact.value,) + tuple(fact.aliases):
        found = [(p, p + len(phrase)) for p in page.phrase_positions(phrase)]
        if phrase != fact.value and phrase in fact.short_forms:  # a short form the claim defines
            found = [(s, e) for s, e in found if page.display[s:s + 1].isupper()
                     and name_around(page.display, s, e) == phrase]  # "Fed", not "fed"; "Commission" alone
        elif fact.label.isupper() if phrase == fact.value else len(phrase.replace(".", "")) <= 3:
            found = [(s, e) for s, e in found if page.display[s:e].isupper()]  # "US" is no "us"
        if phrase in capital_codes() and phrase != fact.value:
            found = [(s, e) for s, e in found if stands_alone(page.display, s, e)]
        hits += [(s, e, phrase) for s, e in found]
    if fact.given:
        hits = [(s, e, p) for s, e, p in hits if not other_given_name(page, s, fact.given)]
    if fact.short_forms:
        hits += short_form_hits(page, fact, sorted(s for s, _, _ in hits))
    if fact.label.isupper() and 2 <= len(fact.label) <= 6 and hits:  # the page uses the acronym too
        hits += spelled_out(page, fact.label)
    return sorted(hits)


CAPITALISED_RUN = re.compile(r"[A-Z][\w'’&-]*(?:\s+(?:(?:of|the|and|for|on|de|du|des|la|le|der)\s+)*[A-Z][\w'’&-]*)+")
NOT_INITIAL = CONNECTORS | {"the", "and", "for", "on", "des"}


def initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in NOT_INITIAL).upper()


def is_initials(short: str, label: str) -> bool:
    """True when short is the initials of label's words ("ECB", "European Central Bank")."""
    letters = short.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and initials(label.split()) == letters


def spelled_out(page: PageIndex, acronym: str) -> list[tuple[int, int, str]]:
    """Where a page spells out a claim's acronym in full: the capitalised words whose initials it is
    ("European Central Bank" for "ECB"), inside a longer name too ("the Governing Council of the
    European Central Bank"). Asked only of a page that writes the acronym as well: initials alone
    could be another institution's ("Eastern Caribbean Bank")."""
    hits = []
    for run in CAPITALISED_RUN.finditer(page.display):
        words = [(m.start() + run.start(), m.end() + run.start(), m.group())
                 for m in re.finditer(r"\S+", run.group())]
        for i in range(len(words)):
            if words[i][2].lower() in NOT_INITIAL:
                continue
            for j in range(i + 2, len(words) + 1):
                if words[j - 1][2].lower() not in NOT_INITIAL and initials([w for _, _, w in words[i:j]]) == acronym:
                    start, end = words[i][0], words[j - 1][1]
                    hits.append((start, end, fold(page.display[start:end])))
    return hits


WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.-]*)\s+$")
WORD_AFTER = re.compile(r"(?:['’]s)?[ \t]+([A-Z][\w'’-]*)")


def stands_alone(display: str, start: int, end: int) -> bool:
    """True when a name is not part of a longer run of capitalised words (a capital as the country,
    not "Ottawa Senators" or "Lewis Hamilton")."""
    before = display[max(0, start - 30):start]
    if before[-1:].isspace() and before.strip():
        word = before.split()[-1]
        if word[0].isupper() and WORD_BEFORE.fullmatch(word + " ") and not is_not_name(word):
            return False
    after = WORD_AFTER.match(display, end)
    return not (after and fold(after.group(1)) not in FUNCTION_WORDS | set(MONTHS) | currencies.weekdays()
                and not display[start:end].isupper())


THE_BEFORE = re.compile(r"\bthe(?:\s+[a-z][\w'’-]*){0,2}\s+$")
CAPITALISED = re.compile(r"(?:[A-Z][\w'’&-]*|of|for|and|de|du)")


def name_around(display: str, start: int, end: int) -> str:
    """The run of capitalised words a word stands in ("Federal Trade Commission" around "Commission"),
    less a leading "The", folded."""
    words = re.findall(r"\S+", display[max(0, start - 80):start])
    run: list[str] = []
    for word in reversed(words):
        w = word.strip(",;:()\"“”")
        if word != w or not CAPITALISED.fullmatch(w) or w in ("The", "the"):
            break
        run.insert(0, w)
    while run and run[0] in ("of", "for", "and", "de", "du"):
        run.pop(0)
    after: list[str] = []
    for word in re.findall(r"\S+", display[end:end + 80])[:6]:
        w = word.rstrip(",;:.)\"”")
        if not CAPITALISED.fullmatch(w) or w in ("The", "the"):
            break
        after.append(w)
        if w != word:
            break
    while after and after[-1] in ("of", "for", "and", "de", "du"):
        after.pop()
    return fold(" ".join(run + [display[start:end]] + after))


def short_form_hits(page: PageIndex, fact: NameFact, full: list[int]) -> list[tuple[int, int, str]]:
    """An organisation's short forms ("the Commission", "the Fed", "ECB") where the page named it in
    full before (its title counts as before everything) and no other organisation of that short name
    ("the Federal Trade Commission" for a claim about the European Commission) stands in between."""
    in_title = bool(page.title) and bool(re.search(r"\b%s\b" % re.escape(fact.value), page.title))
    if not full and not in_title:
        return []
    whole = {fact.value} | set(fact.aliases)
    hits: list[tuple[int, int, str]] = []
    for form in fact.short_forms:
        others: list[int] = []
        candidates: list[int] = []
        for p in page.phrase_positions(form):
            end = p + len(form)
            written = page.display[p:end]
            around = name_around(page.display, p, end)
            if around in whole:
                continue  # the full name itself
            if around != form:
                others.append(p)  # another organisation's name holds the word
            elif form not in ORG_WORDS and not written[:1].isupper():
                continue  # an acronym or a clipped word is written as one
            elif written.isupper() or THE_BEFORE.search(page.text, max(0, p - 40), p):
                candidates.append(p)
        for p in candidates:
            last = max([f for f in full if f < p], default=-1 if in_title else None)
            if last is not None and not any(last < o < p for o in others):
                hits.append((p, p + len(form), form))
    return hits


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
