"""The asides of a clause whose times are their own, which date none of the clause's claims: between a pair
of dashes ("the bridge — which opened in 2012 — carries ..."), between commas when they tell of the noun's past
("The company, founded in 1998, employs ...", "The pilot, who first saw debris on Tuesday, told ..."), and after
", despite" ("... despite him dying 10 years ago"); and a relative clause inside a subject, without commas,
that ends on a time right before the main verb ("The lead that Spain takes into the final next week was a
factor in ..."). A "who", "which" or "despite" aside with a figure of its own
("which lost $2 billion in 2008") is no such aside: its time dates that figure. Pure functions."""
import re
from collections.abc import Sequence

from .clauses import DASH, first_verb, is_verb

# An aside between commas that tells of its noun's past ("The company, founded in 1998, employs ...", "Acme, which
# was set up in 2001, now has ..."), or any "who" or "which" clause between commas, after which the clause goes on
# with its verb
COMMA_ASIDE = re.compile(r",\s+(?:(?:(?:which|who|that)\s+(?:was|were|had\s+been|has\s+been)\s+)?(?:(?:first|originally|once)\s+)?"
                         r"(?:[a-z]+ed|[a-z]+en|set\s+up|built|made|begun|run|born|bought|sold|held|founded|launched|formed)\s+"
                         r"(?:in|on|at|during|by|from|back)\b|(?:who|which)\s)[^,;()]*(?:,\s+but\s+[a-z]+(?:ed|en|built|made)\s[^,;()]*)?"
                         r",\s+(?!(?:and|or|but|then|the|a|an)\b)(?=[a-z])")  # (", first built in 1656, but rebuilt in 1868, ...")
DESPITE = re.compile(r",\s+(?:despite|in\s+spite\s+of|notwithstanding)\s[^,;()]*")
RELATIVE_START = re.compile(r"\s*(?:who|which)\s")
# a figure, never a year, a code ("C130") nor a time ("10 years ago")
FIGURE_SIGN = re.compile(r"[$€£¥%]|(?<![\w.,-])(?!(?:1[89]|20)\d\d\b|\d+\s+(?:years?|months?|weeks?|days?)\s+ago\b)\d")


def asides_of(text: str, lo: int, hi: int, times: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The asides (see the module's docstring) inside the clause text[lo:hi], as (start, end) of their words;
    `times` are the (start, end) of the clause's times, which a subject's relative clause may end on."""
    return dash_asides(text, lo, hi) + comma_asides(text, lo, hi) + subject_relatives(text, lo, hi, times) + [
        (m.start() + 1, m.end() - 1) for m in BRACKETED.finditer(text, lo, hi)
        if text[m.end():hi].strip(" .,;") and len(m.group().split()) >= 3]  # (never a date's gloss: "Friday (Dec. 12)")


# Words in brackets that the clause goes on after ("on 39 weekdays (down from 45 in 2015), ridership was ..."): their
# time is theirs
BRACKETED = re.compile(r"\([^()]{3,200}\)")


# A relative clause inside a subject, up to a time ("that Spain now takes into the final in Madrid next week"),
# and what may follow that time before the main verb: the noun a year names ("who died in the 1997 helicopter
# disaster received ..."), a word that stresses the verb ("undoubtedly", "also")
SUBJECT_RELATIVE = re.compile(r"\s(?:that|which|who|whom)\s[^,;()]*$")
WORDS_AFTER = re.compile(r"(?:\s+[a-z][a-z-]*){1,5}")
STRESS = frozenset("also still now".split())


def subject_relatives(text: str, lo: int, hi: int, times: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Relative clauses inside a subject that end on a time, or on the noun a year names, that the main verb
    follows (see SUBJECT_RELATIVE)."""
    found = []
    for t_lo, t_hi in times:
        m = SUBJECT_RELATIVE.search(text, lo, t_lo)
        after = WORDS_AFTER.match(text, t_hi, hi)
        if not m or not after or first_verb(text, lo, m.start()):
            continue  # (the subject before it holds no verb: "The lead that ...")
        words = after.group().split()
        verb = next((i for i, w in enumerate(words) if is_verb(w)), None)
        nouns = [w for w in words[:verb] if not w.endswith("ly") and w not in STRESS] if verb is not None else []
        if verb is not None and len(nouns) <= 3 and (not nouns or re.search(r"\bthe\s+$", text[max(lo, t_lo - 5):t_lo])):
            end = t_hi if not nouns else text.index(nouns[-1], t_hi) + len(nouns[-1])
            found.append((m.start() + 1, end))
    return found


def dash_asides(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The asides between a pair of dashes inside text[lo:hi] that the clause goes on after ("the bridge — which
    opened in 2012 — carries ...": "which opened in 2012")."""
    dashes = list(DASH.finditer(text, lo, hi))
    return [(a.end(), b.start()) for a, b in zip(dashes[::2], dashes[1::2]) if text[b.end():hi].strip()]


def comma_asides(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The asides of COMMA_ASIDE and DESPITE inside text[lo:hi], without a "who", "which" or "despite" one that
    holds a figure."""
    commas = [(m.start() + 1, text.rindex(",", m.start(), m.end())) for m in COMMA_ASIDE.finditer(text, lo, hi)]
    kept = [(a, b) for a, b in commas if not (RELATIVE_START.match(text, a) and FIGURE_SIGN.search(text, a, b))]
    return kept + [(m.start() + 1, m.end()) for m in DESPITE.finditer(text, lo, hi) if not FIGURE_SIGN.search(text, *m.span())]
