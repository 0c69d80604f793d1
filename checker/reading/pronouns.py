"""How an article calls a person: "he" or "she", read from the pronoun that comes first after their surname in
the article's own sentences. antecedent.py asks before it gives a quotation's "she says" to someone. Pure."""
import re

# The first pronoun after a surname in its sentence, before any quotation opens ("Ailes had married his college girlfriend")
PRONOUN_AFTER = re.compile(r"[^.!?“”\"]{0,120}?\b(he|his|him|she|her|hers)\b", re.I)


def pronoun_of(text: str, surname: str) -> str | None:
    """"he" or "she", as the article most often calls the person of that surname; None when it does not say."""
    votes = {"he": 0, "she": 0}
    for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
        after = PRONOUN_AFTER.match(text, m.end(), m.end() + 130)
        if after:
            votes["he" if after.group(1).lower() in ("he", "his", "him") else "she"] += 1
    return None if votes["he"] == votes["she"] else max(votes, key=lambda k: votes[k])
