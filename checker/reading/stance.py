"""How a page's sentence holds the facts it gives: as what happened, or denied, called false, or only
expected. Pure.

A page can hold every fact of a claim and still not back it: "officials denied that trade reached
US$630 million in 2008", "the fine was expected to reach EUR 4.34 billion". The words that say so
are the language's, not any topic's: denial and falsity ("denied", "rejected", "false", "wrongly"),
and what is only expected ("forecast", "expected to", "plans to"). A cue counts
only in the sentence that holds the facts, and only when the claim itself does not speak the same
way: a claim that a budget "projected" a deficit is backed by a page that says it projected one."""
import re

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
SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'“‘(]?[A-Z0-9$€£¥₹])|;(?=\s)")  # a semicolon ends the facts' clause
REACH = 400  # characters looked at on each side of the facts for the sentence's ends


def sentence_around(display: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the sentence that holds display[start:end], within REACH of it."""
    lo = max(0, start - REACH)
    ends_before = [m.end() for m in SENTENCE_END.finditer(display, lo, start)]
    first = ends_before[-1] if ends_before else lo
    after = SENTENCE_END.search(display, end, min(len(display), end + REACH))
    return first, after.end() if after else min(len(display), end + REACH)


def unbacked_by(claim_text: str, display: str, start: int, end: int) -> str | None:
    """Why the sentence holding (start, end) does not state the claim as it is made ("denied or
    called false", "only expected"), or None when it does."""
    lo, hi = sentence_around(display, start, end)
    sentence = fold(display[lo:hi])
    claim = fold(claim_text)
    for why, cue in CUES.items():
        if cue.search(sentence) and not cue.search(claim):
            return why
    return None
