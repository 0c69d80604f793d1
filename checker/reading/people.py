"""People as articles name them: a title before a name ("Russian Prime Minister Mikhail Fradkov",
"former President, Asif Ali Zardari,", "ex-Chancellor Gerhard Schroeder"), and lists of people ("A, B and
C"). Pure functions; atomic.py makes claims of them."""
import functools
import re
from dataclasses import dataclass

from .clauses import trim, words_at
from .dates import MONTH_NAMES
from .names import ORG_WORDS, is_not_name, looks_like_common_noun, place_names
from .relative import WEEKDAYS
from .titles import AFTER_HOLDING, CORE_TITLES, HOLDING, HYPHEN, QUALIFIER, RANKS, TITLE_WORDS, written_out
from ..text import fold

TITLE = re.compile(rf"""(?x)
    (?:\b(?P<former>(?i:{HOLDING})){AFTER_HOLDING}|(?<![\w’'‐‑-]))
    (?P<title>(?:(?i:{RANKS})(?:\s+|{HYPHEN}))?(?:{QUALIFIER}){{0,4}}?(?:{TITLE_WORDS})
        (?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,2}})??(?:\s+(?:{CORE_TITLES}))*)
    (?P<sep>,?\s+)(?:(?:Mr|Ms|Mrs|Dr|Sir|Dame|Mx)\.?\s+)?
    (?P<name>[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|(?:[A-Z]\.){{1,3}}(?=\s+[A-Z])|(?:bin|al|de|van|von|da|el|dos)(?=\s+[A-Z])))*)""")
PERSON = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}"
# The portfolios of one office listed before its title ("Tourism, Arts and Culture Minister", "Health and ...")
PORTFOLIO_LIST = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'-]*,\s+)*[A-Z][\w’'-]*,?\s+(?:and|&)\s+$")
PEOPLE = re.compile(rf"(?P<first>{PERSON})(?P<more>(?:,\s+{PERSON})*),?\s+and\s+(?P<last>{PERSON})")
NOT_SURNAMES = ("Jr", "Sr", "II", "III", "IV")
EVENT_WORDS = frozenset("election elections strike strikes meeting assembly conference synod debate".split())  # ("General Election")
FUNCTION_START = frozenset("the a an in on at of to for by as and but or so if this that these those such when while after before since once "
                            "because although though until unless whether where".split())  # ("When Afghan President X")
# Words of a time that may open a sentence before a title ("On Sunday Prime Minister X", "Late Sunday Governor
# Y", "In March President Z", "Yesterday Foreign Minister W"): never part of the title
MONTH_WORDS = frozenset(m.lower() for m in MONTH_NAMES[1:])
TIME_WORDS = frozenset(WEEKDAYS) | MONTH_WORDS | frozenset(
    """late early mid last next this yesterday today tonight tomorrow earlier later overnight morning afternoon
    evening night spring summer autumn fall winter""".split())


DEAD = ("slain", "murdered", "fallen", "deceased")  # a holder who has died, as "the late" says


@dataclass(frozen=True)
class Titled:
    """A person named with a title, at [start, end) of the text: their name, the title, and "former",
    "acting" ... when the text says so."""

    start: int
    end: int
    name: str
    title: str
    former: str | None


# What the article says only of a body, never of a person, with the one word that names it: founded, with headquarters
# or shares, called a company ("after Square was founded", "Square's massive new headquarters", "Square, a company that")
BODY_WORDS = r"company|firm|startup|start-up|corporation|business|bank|brand|app|platform|website|newspaper|network|agency"
BODY_SAID = (r"\s+(?:was|were|is|had\s+been|has\s+been)\s+(?:founded|incorporated|listed|valued|acquired)\b|[’']s\s+(?:\w+\s+)?"
             rf"(?:headquarters|shares|stock|shareholders|valuation|revenue|subsidiary)\b|,\s+(?:a|an|the)\s+(?:\w+\s+)?(?:{BODY_WORDS})\b")


@functools.lru_cache(maxsize=1024)
def named_body(text: str, word: str) -> bool:
    """Whether the article speaks of the one capitalised word as of a body: never a person "he" or "she" can mean."""
    return re.search(rf"\b{re.escape(word)}(?:{BODY_SAID})|\b(?:{BODY_WORDS})\s+{re.escape(word)}\b", text) is not None


def person_like(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and fold(name) not in place_names() and not any(
        is_not_name(w) or fold(w) in ORG_WORDS or looks_like_common_noun(w) for w in words)


def titles(text: str, start: int, end: int, seen_people: set[str]) -> list[Titled]:
    """The people text[start:end] names with a title, each person once in an article (seen_people: the
    surnames already found, which this adds to)."""
    found = []
    for m in TITLE.finditer(text, start, end):
        title_lo = m.start("title")
        for _, word in words_at(text, title_lo, m.end("title")):
            if word.lower() not in FUNCTION_START and not all(part in TIME_WORDS for part in word.lower().split("-")):
                break
            title_lo = text.index(word, title_lo) + len(word)
        title_lo = trim(text, title_lo, m.end("title"))[0]
        title_hi, name_lo = m.end("title"), m.start("name")
        # "Secretary of State Condoleezza Rice": a given name the title's "of ..." took belongs to the name
        while "," not in m.group("sep") and len(text[name_lo:m.end("name")].split()) < 3 and \
                re.search(r"\sof\s", text[title_lo:title_hi]) and (last := re.search(r"\s([A-Z][\w’'-]+)$", text[title_lo:title_hi])):
            word = last.group(1)
            if not person_like(f"{word} {text[name_lo:m.end('name')].split()[0]}") or is_not_name(word) \
                    or re.search(CORE_TITLES, word) or re.search(rf"\bof\s+(?:the\s+)?{re.escape(word)}$", text[title_lo:title_hi]):
                break
            name_lo = title_lo + last.start(1)
            title_hi = trim(text, title_lo, name_lo)[1]
        portfolio = PORTFOLIO_LIST.search(text, max(start, title_lo - 90), title_lo)
        if portfolio and re.search(r"[A-Z][\w’'-]*\s+$", text[max(start, portfolio.start() - 30):portfolio.start()]):
            portfolio = None  # "Finance Minister Grant Robertson and Health Minister X": the list ends a name
        if portfolio and "," in portfolio.group():
            title_lo = portfolio.start()  # "Tourism, Arts and Culture Minister X": the whole portfolio is the title's
        elif portfolio:
            continue  # "Tourism and Culture Minister X" or "Smith and Foreign Minister X": whose "and", unsaid
        title = written_out(" ".join(text[title_lo:title_hi].split()))
        if not re.search(CORE_TITLES, title):
            continue
        name_words = [re.sub(r"[’']s?$", "", w) for w in text[name_lo:m.end("name")].split()]
        day_after = re.match(r"\s*\d", text[m.end("name"):m.end("name") + 3])
        while name_words and is_not_name(name_words[-1]) and (
                len(name_words) < 2 or name_words[-1].lower() not in MONTH_WORDS or day_after):
            name_words.pop()  # (a month after a given name is a surname, "Theresa May"; not before a day, "Biden May 5")
        if (len(name_words) < 2 or len(name_words) > 2 and "," not in m.group("sep")) and re.search(r"\sof\s", title):
            # "Director of Public Health", "Minister of Foreign Affairs": the office's last word, no one's name; "Minister
            # of Mineral Resources Ngoako Ramatlhodi": where the office ends and the name begins, unsaid
            continue
        name = " ".join(name_words)
        name_hi = name_lo + len(name)
        if not name or name_words[-1] in NOT_SURNAMES or fold(name) in place_names() \
                or any(fold(w) in ORG_WORDS or fold(w) in EVENT_WORDS for w in name_words) or all(is_not_name(w) for w in name_words):
            continue
        if "," in m.group("sep") and text[name_hi:name_hi + 1] not in (",", ".", ";", ":", ")", ""):
            continue  # "President, Asif Ali Zardari," stands between commas; otherwise the comma ends the title
        if "," in m.group("sep") and re.search(r"[A-Z][\w’'-]+,\s*$", text[max(0, title_lo - 40):title_lo]):
            continue  # "said Sanjiv Bhasin, Director, IIFL Securities": the title of the name before, at the firm after
        key = fold(name_words[-1])
        if key in seen_people:
            continue
        seen_people.add(key)
        former = m.group("former") and m.group("former").lower()  # "Former Defense Secretary X" opening a sentence
        former = "former" if former == "ex" else "late" if former in DEAD else former  # "ex-President X"; "slain Officer Y"
        if former and words_at(text, m.start("title"), m.end("title"))[0][1].lower() in TIME_WORDS:
            former = None  # "Late Sunday Governor X": the time's "late", no one's
        found.append(Titled(m.start("former") if former else title_lo, name_hi, name, title, former))
    return found


# Someone named at the head of a sentence with who they are before what they did: "Prelogar, 43, argues
# ...", "John Smith, 93, a former senator who served from 1970 to 1990, died on Sunday", "Acme, the
# largest grocer in the region, cut 400 jobs".
APPOSITION = re.compile(r"""(?x)(?P<name>(?:(?:Mr|Ms|Mrs|Dr|Sir|Dame)\.?\s+)?[A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]+|de|van|von|bin|al|da))
    {0,3}),\s+(?:(?P<age>\d{1,3}),\s+)?(?:(?P<role>(?:a|an|the)\s[^,;:“”"()]{3,120}?),\s+)?(?=[a-z])""")
NOT_HEADS = frozenset("in on at after before yesterday today however but and last this since when while for from with "
                      "without during as despite meanwhile earlier later still yet so then now here there".split())


@dataclass(frozen=True)
class Apposition:
    name: tuple[int, int]
    age: tuple[int, int] | None
    role: tuple[int, int] | None
    rest: int  # where what they did starts


def apposition(text: str, lo: int, hi: int) -> Apposition | None:
    """The person or body a sentence (text[lo:hi]) opens with, their age and who they are, before its verb."""
    m = APPOSITION.match(text, lo, hi)
    if not m or not (m.group("age") or m.group("role")) or m.group("name").split()[0].lower() in NOT_HEADS \
            or re.fullmatch(r"[A-Z][a-z]{1,}(?:ally|ately|ously|ently|ively|arly)|Really|Only|Clearly|Frankly|Honestly|Likewise", m.group("name")):
        return None  # ("Nationally, the inspectors found ...": an adverb, no one the inspectors are)
    first = words_at(text, m.end(), hi)[:1]
    if not first or first[0][1] in FUNCTION_START or first[0][1] in ("who", "which", "whose", "where", "said", "says"):
        return None  # "..., which ...", "..., said ...": no verb of the sentence's own
    age, role = ((m.start(g), m.end(g)) if m.group(g) else None for g in ("age", "role"))
    return Apposition((m.start("name"), m.end("name")), age, role, m.end())
