"""Whether an article gives words to someone of a surname ("Abney said", "Azza, 37, says", "according to Abney"):
antecedent.py asks it of each person a pronoun may mean. Read where the surname stands, once per surname and text.
Pure functions."""
import functools
import re

from .speech import SPEAKER_VERBS, TAG_VERBS

# After a speaker's surname, or before it ("Abney said", "Azza, 37, says", "Hall with the police said"; "according to Abney")
SPEAKS_AFTER = re.compile(rf"(?:(?:,[^,.;]{{1,120}}){{1,3}},|\s+(?:with|of|at|from|for)\s+[^,.;“”\"]{{1,60}}?)?\s+"
                          rf"(?:(?:also|later|then|has|had)\s+)?(?:{SPEAKER_VERBS})\b")
SPEAKS_BEFORE = re.compile(rf"\b(?:{TAG_VERBS}|according\s+to)\s+(?:[A-Z][\w’'.-]*\s+){{0,3}}$")


def speaks(text: str, surname: str) -> bool:
    """Whether the article gives words to someone of this surname (read where it stands, once per surname and text)."""
    memo = speakers_read(text)
    if surname not in memo:
        memo[surname] = any(SPEAKS_AFTER.match(text, m.end()) or SPEAKS_BEFORE.search(text, max(0, m.start() - 160), m.start())
                            for m in re.finditer(rf"\b{re.escape(surname)}\b", text))
    return memo[surname]


@functools.lru_cache(maxsize=8)
def speakers_read(text: str) -> dict[str, bool]:
    return {}  # (the surnames read of the last few texts: a server reading many articles keeps no more of them)
