"""Counts of things as pages write them: what a count is counted in (people, deaths, seats, votes,
percent, and the measures of measures.py), the words after its number and the lead words before it
("34 people were killed", "the death toll rose to 34"), and where a page states a given count
(count_spans). figures.py reads the numbers themselves and the money among them. Pure functions."""
import re
from functools import lru_cache

from .describe import describe_number
from .figures import NUMBER_WORDS, same_figure
from .measures import ATTACHED_UNITS, MEASURE_UNITS, NOT_FILLER
from .page_index import PageIndex
from .temperatures import temperature_after


ADVERB_COUNTS: dict[float, str] = {1: "once", 2: "twice", 3: "thrice"}


LEAD_REACH = 120  # characters before a count in which its lead words may stand


# What a count is counted in. Each group: the names of the unit (a claim's unit is looked up by
# them), the words that follow the number on a page ("34 people were killed", "six occasions"), and
# the words that may come just before it ("the death toll rose to 34", "a population of 4.9 million").
UNIT_SYNONYMS = {
    "meetings": ("meetings|meeting|talks|summits",
                 "meetings|meeting|times|occasions|occasion|rounds|sessions|summits", ""),
    "visits": ("visits|visit|trips", "visits|visit|trips|trip|times|occasions|occasion", ""),
    "times": ("times|occasions|occasion", "times|occasions|occasion", ""),
    "people": ("people|persons|individuals|inhabitants|residents|population|citizens|spectators|attendance",
               "people|persons|individuals|inhabitants|residents|citizens|spectators|fans|in attendance",
               "population|populace|home to|crowd|attendance|audience"),
    "deaths": ("deaths|dead|fatalities|killed|lives",
               "deaths|dead|fatalities|killed|died|lives lost", "death toll|toll|killed|killing|deaths"),
    "injuries": ("injuries|injured|wounded", "injuries|injured|wounded|hurt", "injured|injuring|wounded|wounding"),
    "cases": ("cases|infections", "cases|infections|infected", "cases|caseload|infections|infected"),
    "votes": ("votes|ballots", "votes|ballots", "votes|polled|received|won|garnered"),
    "seats": ("seats", "seats|mps|members of parliament|lawmakers|legislators|deputies",
              "seats|won|took|secured|winning|taking"),
    # (a rate only of a kind given in percent: a death or a fertility rate "of 0.09" or "of 1.6" is per person or per
    # million, never percent)
    "percent": ("percent|per cent|%|pct|percentage", "%|percent|per cent|pct|percentage points",
                "turnout of|share of|unemployment rate of|jobless rate of|inflation rate of|interest rate of|tax rate of|"
                "growth rate of|vacancy rate of|poverty rate of|savings rate of|participation rate of|approval rating of|"
                "annual rate of|annualised rate of|annualized rate of|rate of inflation of|rate of growth of"),
    "jobs": ("jobs|posts|positions", "jobs|posts|positions", ""),
    "arrests": ("arrests|arrested|detained", "arrests|arrested|detained", "arrested|detained"),
    "homes": ("homes|houses|dwellings", "homes|houses|dwellings", ""),
    # (a ton is no tonne: 907 kg in the US, 1,016 kg in Britain; a metric ton is one)
    "tonnes": ("tonnes|metric tons", "tonnes|metric tons", ""),
    "tons": ("tons|short tons", "tons|short tons", ""),
    "barrels": ("barrels|bbl|bbls", "barrels|bbl|bbls", ""),  # ("4.9 million bbl. of oil": the trade's abbreviation)
    **MEASURE_UNITS,  # areas, volumes, speeds, weights, distances, temperatures (measures.py)
}


# Words that may stand between a number and its unit ("six formal meetings", "34 people were
# killed"): a few plain words, never another figure or a conjunction that starts another count.
# nor another number, which is the count the unit goes with ("the two leaders met three times": three meetings, never two)
NUMBER_FILLER = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|"
                 "seventy|eighty|ninety|hundred|thousand|million|billion|dozens?|several")
FILLER = rf"(?:(?!(?:and|or|but|while|whereas|with|plus|{NOT_FILLER}|{NUMBER_FILLER})\b)[a-z][\w'-]*\s+){{0,3}}?"  # ("a 5 hour meeting", "150 square km": measures.py)


@lru_cache(maxsize=None)
def unit_words(unit: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words after the number, words before it) for a claim's unit, each a tuple of phrases."""
    key = " ".join(unit.lower().split())
    for names, after, before in UNIT_SYNONYMS.values():
        names = set(names.split("|"))
        if key in names or key.rstrip("s") in names or key + "s" in names:
            return tuple(after.split("|")), tuple(filter(None, before.split("|")))
    return (key, key[:-1] if key.endswith("s") else key + "s"), ()


@lru_cache(maxsize=None)
def count_patterns(unit: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """Compiled: the words after a count (matched at its end), the lead words before it (searched
    in the LEAD_REACH characters before it, up to it)."""
    after, before = unit_words(unit)
    words = "|".join(re.escape(w) for w in sorted(after, key=len, reverse=True) if w != "%")
    alternatives = [rf"\s+{FILLER}(?:{words})(?![\w/])"] if words else []
    joined = "|".join(re.escape(w) for w in sorted(after, key=len, reverse=True) if w in ATTACHED_UNITS)
    if joined:
        alternatives.append(rf"(?:{joined})(?![\w/])")  # "125kph", "5°C"
    if "%" in after:
        alternatives.append(r"\s?%")
    after_re = re.compile("|".join(alternatives))
    before_re = None
    if before:
        leads = "|".join(re.escape(w) for w in sorted(before, key=len, reverse=True))
        # anywhere before it in its clause, with no other figure and no "and" between, nor a clause of its own ("40
        # injured when three buses collided": the buses are no injuries)
        before_re = re.compile(rf"\b(?:{leads})\b(?:(?!\b(?:and|or|but|while|whereas|with|when|after|before|because|until|"
                               rf"where|which|who)\b)(?:[^.;!?\d]|\.\d|(?<!\d)(?:1[89]|20)\d\d(?!\d)))*$")
    return after_re, before_re


def count_spans(page: PageIndex, number: float, unit: str, claim_tolerance: float = 0.0) -> list[tuple[int, int]]:
    """Where a count stands: its figure (digits, with any scale, or in words) with one of the
    unit's words just after it, or one of its lead words before it in its clause; a figure of three
    significant digits or more also where nothing but a preposition or punctuation follows it."""
    after_re, before_re = count_patterns(unit)
    text = page.text
    candidates = [(s, e) for s, e, amount, tolerance in page.numbers
                  if same_figure(amount, tolerance, number, claim_tolerance)]
    if number == int(number) and int(number) in NUMBER_WORDS.values():
        for word, n in NUMBER_WORDS.items():
            if n == number:
                candidates += [(p, p + len(word)) for p in page.phrase_positions(word)]
    hits = []
    bare = distinctive(number) and "%" not in unit_words(unit)[0]
    for s, e in candidates:
        after = after_re.match(text, e)
        temperature = None if after else temperature_after(text, page.display, s, e, number < 0)
        if after:
            hits.append((s, after.end()))
        elif temperature and temperature.unit.lower() in unit_words(unit)[0]:
            hits.append((s, temperature.end))  # "-5C" for degrees Celsius (temperatures.py)
        elif before_re is not None and before_re.search(text, max(0, s - LEAD_REACH), s):
            hits.append((s, e))
        elif bare and BARE_END.match(text, e):
            hits.append((s, e))  # "a record 745,000 in 2022": a figure this exact needs no unit
    adverb = ADVERB_COUNTS.get(number)
    if adverb and "times" in unit_words(unit)[0]:
        hits += [(p, p + len(adverb)) for p in page.phrase_positions(adverb)]
    return sorted(hits)


BARE_END = re.compile(r"\s*(?:[.,;:)]|$|(?:in|on|at|by|for|from|since|this|last|as|according|says|said|was|were|is|are)\b)")


def distinctive(number: float) -> bool:
    """True for a count with at least three significant digits (745,000; 4,352): exact enough to
    stand for itself where the page gives no unit after it."""
    if number < 100 or number != int(number):
        return False
    return len(str(int(number)).rstrip("0")) >= 3


def describe_count(value: float, unit: str) -> str:
    return f"{describe_number(float(value))} {unit}"


# A plural noun right after a number, perhaps after one word ("three clinical trials", "seven police officers"): what the
# number counts is named, so words far before it ("confirmed cases ...") name none of it
OWN_PLURAL = re.compile(r"\s+(?:[a-z]{3,}(?<!s)\s+)?(?!(?:was|has|this|thus|plus|unless|always|perhaps|its|his|hers|ours|whereas|"
                        r"besides|sometimes|times)\b)[a-z]{2,}[^s\W]s\b")


# Nouns that count people in the singular ("59 crew", "300 staff"), as a plural noun does; before "members" the count is
# of the members ("93 crew members")
PEOPLE_NOUNS = frozenset({"children", "crew", "staff", "personnel"})
MEMBERS_NEXT = re.compile(r"\s+members\b")


# Where seats are spoken of: an election, a majority ("won 40 seats", "the 40 MPs elected in May"); lawmakers counted
# elsewhere are people ("at least 40 Democratic lawmakers skipped the speech"), never seats
ELECTED = re.compile(r"\b(?:won|wins?|winning|took|secured|elected|elections?|seats?|majority|vote\s+share)\b")


def counted_unit(unit: str, words: str, sentence_lower: str) -> str:
    """The unit a count's words after it give (`words`, folded), for the unit UNIT_SYNONYMS read them as: lawmakers
    counted where no seat or election is spoken of are lawmakers, never seats."""
    if unit != "seats" or ELECTED.search(sentence_lower) or not words.split():
        return unit
    last = words.split()[-1]
    return "members of parliament" if last == "parliament" else last

