"""The short name of a body the article has named in full ("the Andrew Lloyd Webber Foundation", later "the
Foundation"; "The American Theatre Wing", later "the Wing"): a claim says which body it means when the text
before names exactly one body of that name. atomic.py asks for each claim. Pure functions."""
import re

# The last word of a body's name, written with a capital where the article shortens the name to it
BODY_WORDS = ("Foundation|Wing|Institute|Commission|Council|Committee|Agency|Authority|Ministry|Court|Bank|Fund|Union|Party|"
              "Board|Association|Society|Trust|Center|Centre|Company|Corporation|Group|Organi[sz]ation|Museum|University|"
              "College|Hospital|Bureau|Administration|Federation|League|Academy|Assembly|Tribunal|Institution|Initiative|Festival")
SHORT = re.compile(rf"\b(?P<the>[Tt]he)\s+(?P<word>{BODY_WORDS})\b(?!\s+(?:of|for)\b)(?!['’]s\s+[A-Z])")
REACH = 20_000  # characters before a sentence in which the full name is looked for


def full_name(text: str, before: int, word: str) -> str | None:
    """The one full name, of two words or more, ending in `word`, that text[:before] gives; None when it gives
    none or several ("the Ford Foundation" and "the Gates Foundation": "the Foundation" could be either)."""
    names = {" ".join(m.group("name").split()) for m in re.finditer(
        rf"(?P<name>(?:[A-Z][\w’'&.-]*\s+){{1,5}}{word})\b", text[max(0, before - REACH):before])}
    names = {n.removeprefix("The ") for n in names if n.split()[0] not in ("The", "A", "An") or len(n.split()) > 2}
    return names.pop() if len(names) == 1 else None


def name_bodies(text: str, before: int, claim: str) -> str:
    """A claim with "the Foundation" (a short name, capitalised) written as the body the text before names in full."""
    def whole(m: re.Match[str]) -> str:
        name = full_name(text, before, m.group("word"))
        return f"{m.group('the')} {name}" if name else m.group()
    return SHORT.sub(whole, claim) if SHORT.search(claim) else claim
