"""How a page's sentence holds the facts it gives: as what happened, or denied, called false, or only
expected. Pure.

A page can hold every fact of a claim and still not back it: "officials denied that trade reached
US$630 million in 2008", "the fine was expected to reach EUR 4.34 billion". The words that say so
are the language's, not any topic's: denial and falsity ("denied", "rejected", "false", "wrongly"),
and what is only expected ("forecast", "expected to", "plans to"). A cue counts
only in the sentence that holds the facts, and only when the claim itself does not speak the same
way: a claim that a budget "projected" a deficit is backed by a page that says it projected one.

A claim that gives words to a person ("Draghi said the ECB would do whatever it takes") is not
backed by a sentence that gives the same words to another named person ("Lagarde said ..."), even
when the claim's speaker is named beside them. Who speaks is read from the words around a verb of
saying: the name before it ("Draghi, the bank's president, said"), or after it when the order is
turned ("..., said Draghi"; "according to Draghi"). A sentence that names no person as its speaker
("the minister said", "he said") settles nothing and is left to the other rules."""
import re
from collections.abc import Sequence

from .names import capital_codes, is_not_name, is_organisation, place_code
from ..text import fold

DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|"
    r"disput(?:ed|ing)|debunk(?:s|ed|ing)?|false(?:ly)?|untrue|not true|no truth|no evidence|hoax|"
    r"fabricat(?:ed|ion)|misreport(?:s|ed|ing)?|wrong(?:ly)?|incorrect(?:ly)?|mistaken(?:ly)?|erroneous(?:ly)?|"
    r"spoof|parody|satire|satirical|rumou?rs?|myth)\b")
EXPECTED = re.compile(  # the modal verbs stay out: a budget "will spend" what it allocates
    r"\b(?:forecasts?|forecast(?:ed|ing)|projected|projections?|predict(?:s|ed|ing|ions?)?|"
    r"expect(?:s|ed|ing|ations?)?|anticipat(?:e|es|ed|ing)|"
    r"(?:plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|aim(?:s|ed|ing)?|hop(?:e|es|ed|ing)) to|"
    r"on course to|on track to|likely to)\b")
# why a sentence does not back a claim -> the cue, and what the claim's fact lacks there (a label)
CUES = {"denied or called false": DENIAL, "only expected": EXPECTED}
LABELS = {"denied or called false": "asserted (the page's sentence denies it or calls it false)",
          "only expected": "asserted as done (the page's sentence only expects it)"}
SPEECH = re.compile(
    r"\b(?:(?:said|says|told|tells|stated|states|declared|declares|announced|announces|wrote|writes|"
    r"tweeted|claimed|argued|argues|insisted|insists|warned|warns|added|adds|promised|pledged|vowed|"
    r"admitted|conceded)\b|according to\b)", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_][\w'’.-]*")
TOKEN = re.compile(r"[^\W\d_][\w'’.-]*|[^\w\s]")  # words, and each mark alone
STOPS = frozenset(".;:!?()[]\"“”")
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you", "who"})
LOOK_BACK = 14  # words and marks before a verb of saying among which its speaker stands
TURNED = frozenset(",\"”'’—–")  # a verb of saying right after these has its speaker after it ("...," said Draghi)
SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'“‘(]?[A-Z0-9$€£¥₹])|;(?=\s)")  # a semicolon ends the facts' clause
REACH = 400  # characters looked at on each side of the facts for the sentence's ends


def sentence_around(display: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the sentence that holds display[start:end], within REACH of it."""
    lo = max(0, start - REACH)
    ends_before = [m.end() for m in SENTENCE_END.finditer(display, lo, start)]
    first = ends_before[-1] if ends_before else lo
    after = SENTENCE_END.search(display, end, min(len(display), end + REACH))
    return first, after.end() if after else min(len(display), end + REACH)


def person(run: list[str]) -> str | None:
    """The person a run of capitalised words names, without its titles ("Prime Minister Imran Khan"
    -> "Imran Khan"); None for a place, an organisation, an acronym or words that are never a name."""
    whole = " ".join(run)
    if not run or is_organisation(whole) or place_code(whole) or fold(whole) in capital_codes():
        return None
    words = [w for w in run if not is_not_name(w)]
    if not words or any(w.isupper() for w in words):
        return None
    return " ".join(words)


def speaker_at(tokens: list[str]) -> str | None:
    """The person named by the first run of capitalised words in tokens (read outward from a verb of
    saying), skipping lower-case words; None when a pronoun or a stop comes first."""
    run: list[str] = []
    for token in tokens:
        bare = re.sub(r"['’]s$", "", token).rstrip(".")
        if token[0].isupper() and WORD.fullmatch(token):
            run.append(bare)
            if bare != token:  # a possessive ends the name: "Khan's spokesman"
                break
        elif run:
            break
        elif fold(token) in PRONOUNS or token in STOPS:
            return None
    return person(run)


def speakers(text: str) -> list[str]:
    """The persons text gives words to, by name, in order ("Mario Draghi", "Lagarde")."""
    found = []
    for verb in SPEECH.finditer(text):
        before = TOKEN.findall(text[:verb.start()])[-LOOK_BACK:]
        after = TOKEN.findall(text[verb.end():])[:6]
        if verb.group().lower() == "according to" or (before and before[-1] in TURNED and turned_slot(after)):
            name = speaker_at(after)
        else:  # the speaker before the verb, past an apposition ("Draghi, the bank's president, said")
            if before and before[-1] == "," and "," in before[:-1]:
                before = before[:max(i for i, t in enumerate(before[:-1]) if t == ",")]
            backwards = speaker_at(before[::-1])
            name = " ".join(reversed(backwards.split())) if backwards else None
        if name:
            found.append(name)
    return found


def turned_slot(after: list[str]) -> bool:
    """Whether the words after a verb of saying are its speaker ("..., said the ministry.", "...,"
    said Draghi) rather than what was said ("..., said it was ready")."""
    if not after or not (after[0][0].isupper() or fold(after[0]) in {"the", "a", "an", "he", "she", "they"}):
        return False
    return any(t in STOPS or t == "," for t in after[:5]) or len(after) < 5


def said_by_other(claim_text: str, sentence: str, names: Sequence[str]) -> tuple[str, str] | None:
    """(the claim's speaker, the sentence's) when the claim gives its words to one of its names (a
    person) and the sentence gives them to other named persons only; None otherwise."""
    named = words_of(*names)
    claimed = [s for s in speakers(claim_text) if named & words_of(s)]
    said = speakers(sentence)
    if not claimed or not said or any(words_of(*claimed) & words_of(name) for name in said):
        return None
    return claimed[0], said[0]


def words_of(*names: str) -> set[str]:
    """The folded words of names, to tell whether two names share one ("Draghi", "Mario Draghi")."""
    return {fold(w) for name in names for w in name.split()}


def unbacked_by(claim_text: str, display: str, start: int, end: int,
                names: Sequence[str] = ()) -> tuple[str, str] | None:
    """(why, what the claim's fact lacks there) when the sentence holding (start, end) does not state
    the claim as it is made: "denied or called false", "only expected", "said by someone else" (of
    the claim's names, a person it gives words to); None when it does."""
    lo, hi = sentence_around(display, start, end)
    sentence = fold(display[lo:hi])
    claim = fold(claim_text)
    for why, cue in CUES.items():
        if cue.search(sentence) and not cue.search(claim):
            return why, LABELS[why]
    other = said_by_other(claim_text, display[lo:hi], names)
    if other:
        return "said by someone else", f"said by {other[0]} (the page's sentence gives the words to {other[1]})"
    return None
