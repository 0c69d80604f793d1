"""How a clause moves a figure, as the press writes it, and which of its figures a fact-checker logs. Pure
functions on the folded text (amounts.py and series.py use them).

A change and the level it reached ("fell 2% to $170", "rose by 8 percent to NZ$40 million", "was down 12% at
40,000", "a rise of 10% to £3.2bn") are two facts of one sentence: the change, and what the subject then was.
A move from one level to another ("from $20 to $25", "to $5bn from $4bn") is one fact, the level reached;
the earlier level is a fact of its own only where the sentence gives it a time of its own ("from $20 in 2019
to $25 in 2022"), and neither takes the other's time. A range is neither ("between 20 and 30", "20% to 30%",
"by $2bn to $3bn")."""
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .seams import EARLIER
from .when import When

# Verbs and nouns that move a figure; the figure right after them (and "by") is the change.
MOVES = (r"ris(?:e|es|en|ing)|rose|fell|fall(?:s|en|ing)?|gr(?:ew|ow|ows|own|owing)|(?:in|de)creas(?:e|es|ed|ing)|"
         r"declin(?:e|es|ed|ing)|drop(?:s|ped|ping)?|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|surg(?:e|es|ed|ing)|"
         r"soar(?:s|ed|ing)?|slump(?:s|ed|ing)?|plung(?:e|es|ed|ing)|plummet(?:s|ed|ing)?|tumbl(?:e|es|ed|ing)|"
         r"s[au]nk|sinks?|sl(?:id|ides?)|slip(?:s|ped)?|dip(?:s|ped)?|gain(?:s|ed|ing)?|los(?:e|es|t|ing)|"
         r"shr(?:ank|unk|inks?)|contract(?:s|ed|ing)?|expand(?:s|ed|ing)?|advanc(?:e|es|ed|ing)|retreat(?:s|ed)?|"
         r"eas(?:e|es|ed)|edged\s+(?:up|down|higher|lower)|rall(?:y|ies|ied)|spik(?:e|es|ed)|lea(?:pt|ped)|added|"
         r"shed(?:s|ding)?|swell(?:s|ed)?|up|down")
CHANGE_NOUNS = (r"rise|fall|increase|decrease|decline|drop|gain|loss|jump|surge|slump|plunge|cut|reduction|growth|"
                r"contraction|climb|dip|hike")
APPROX = (r"(?:(?:just\s+)?(?:over|under)|around|about|roughly|nearly|almost|approximately|some|more\s+than|"
          r"less\s+than|fewer\s+than|at\s+least|close\s+to|a\s+further|another)")
# Verbs that move what they act on, by a figure ("cut its workforce by 2,000", "raised prices by 5%").
MOVES_OBJECT = (r"cut(?:s|ting)?|rais(?:e|es|ed|ing)|lift(?:s|ed|ing)?|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|"
                r"boost(?:s|ed|ing)?|trimm?(?:s|ed|ing)?|slash(?:es|ed|ing)?|hik(?:e|es|ed|ing)")
CHANGE_LEAD = (rf"\b(?:(?:{MOVES})(?:\s+[a-z]+ly)?\s+|(?:{MOVES_OBJECT})\s+(?:(?:its|their|his|her|our|the)\s+(?:[a-z-]+\s+){{1,2}})?"
               rf"(?=by\s)|(?P<noun>(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:{CHANGE_NOUNS})\s+of\s+))(?:(?P<by>by)\s+)?(?:{APPROX}\s+)?")
# What joins a change to the level it reached: "to", "at", "to a record high of".
LEVEL_LINK = (rf"\s+(?:to|at)\s+(?:(?:a|an)\s+(?:(?:new|record|fresh|all-time|[a-z]+-year|[a-z]+-month)\s+)*"
              rf"(?:low|high|record|peak|total)\s+of\s+)?(?:{APPROX}\s+)?")
CURRENCY_MARK = r"(?:[a-z]{1,3}\$|[$€£¥₹]|rs\.?\s?|(?:usd|eur|gbp|inr|nzd|aud|cad|jpy|chf|cny|zar|ngn|kes|sek|nok)\s?)"
SCALE = r"(?:\s?(?:thousand|million|billion|trillion|bn|mn|m|k|crore|lakh)\b)"
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
          "trillion": 1e12, "crore": 1e7, "lakh": 1e5}
PERCENT = r"(?:\s?%|\s?per\s?cent\b|\s?percent\b)"
POINTS = r"(?:\s?(?:percentage|basis)\s+points?\b|\s?points?\b|\s?pts\b)"


def figure_text(n: str) -> str:
    """A figure as written, its parts named n+cur, n+num, n+scale, n+pct, n+pts and n+word (what it counts)."""
    return (rf"(?P<{n}cur>{CURRENCY_MARK})?(?P<{n}num>\d[\d,]*(?:\.\d+)?)(?P<{n}scale>{SCALE})?"
            rf"(?:(?P<{n}pct>{PERCENT})|(?P<{n}pts>{POINTS})|\s+(?P<{n}word>(?!(?:to|at|in|on|from|and|or|a|an|the|of)\b)[a-z]{{2,}}))?")


PAIR = re.compile(CHANGE_LEAD + figure_text("x") + LEVEL_LINK + figure_text("y"))


def written_kind(m: re.Match[str], n: str) -> str | None:
    """What a figure of PAIR is written as: a percentage, points, its currency, or the word after it; None if bare."""
    if m.group(n + "pct"):
        return "%"
    if m.group(n + "pts"):
        return "points"
    if m.group(n + "cur"):
        return m.group(n + "cur").replace(" ", "").rstrip(".")
    return m.group(n + "word")


def amount(m: re.Match[str], n: str) -> float:
    scale = (m.group(n + "scale") or "").strip()
    return float(m.group(n + "num").replace(",", "")) * SCALES.get(scale, 1.0)


def is_change_and_level(m: re.Match[str]) -> bool:
    """Whether a PAIR match is a change and the level it reached, not a range ("20% to 30%", "by 20 to 30 percent",
    "by $2bn to $3bn"): figures written as two kinds ("2% to $170", "500 jobs to 4,000"), or of one kind
    with the second below the first or far above it (a range runs up, and not by three times)."""
    x_kind, y_kind = written_kind(m, "x"), written_kind(m, "y")
    if x_kind == "%" and y_kind == "%":
        return False  # "rose 20% to 30%": as often the range of a change as a change and its level
    if x_kind is None:  # a bare first figure takes the second's unit, as a range's first end does
        if y_kind == "%" or not m.group("by"):
            return False
        x, y = float(m.group("xnum").replace(",", "")), float(m.group("ynum").replace(",", ""))
        return y < x or y >= 3 * x  # "the toll rose by 12 to 40", never "by 20 to 30 people"
    if y_kind is None:
        return x_kind in ("%", "points") or x_kind.isalpha()  # "1.2% to 7,400", "shed 500 jobs to 4,000"
    if x_kind != y_kind:
        return True
    x, y = amount(m, "x"), amount(m, "y")
    return y < x or y >= 3 * x


def change_then_level(folded: str, start: int, end: int) -> bool:
    """Whether the figure at [start, end) is a change or the level it reached, side by side ("fell 2% to
    $170"): no end of a range."""
    for m in PAIR.finditer(folded, max(0, start - 90), min(len(folded), end + 70)):
        if (start <= m.start("xnum") < end or start <= m.start("ynum") < end) and is_change_and_level(m):
            return True
    return False


CHANGE_BEFORE = re.compile(CHANGE_LEAD + "$")
LINK_BETWEEN = re.compile(rf"(?:{PERCENT}|{POINTS}|\s+[a-z]+)?,?{LEVEL_LINK}")


def is_change(folded: str, start: int) -> bool:
    """Whether the figure starting at `start` follows a word that moves it ("rose", "down", "a rise of")."""
    return CHANGE_BEFORE.search(folded, max(0, start - 60), start) is not None


def named_change(folded: str, start: int, end: int) -> bool:
    """Whether the figure starting at `start` is a change a noun names ("a rise of 10%"): its level is no value
    of the clause's subject ("The company posted a rise of 10% to £3.2bn")."""
    m = CHANGE_BEFORE.search(folded, max(0, start - 60), start)
    return (m is not None and m.group("noun") is not None) or CHANGE_AFTER.match(folded, end) is not None


def level_link(folded: str, end: int, start: int) -> bool:
    """Whether only the words that lead to a level stand between a figure ending at `end` and the one at `start`
    ("% to", " points, to", "% at", "% to a record high of")."""
    return LINK_BETWEEN.fullmatch(folded, end, start) is not None


# A noun of change after its figure ("a $77.5 million increase, to $684.8 million", "a 5% cut to 40,000")
CHANGE_AFTER = re.compile(r"\s+(?:increase|rise|cut|drop|decline|gain|jump|boost|reduction|hike|raise|fall|decrease)s?\b")


def level_of(folded: str, change: tuple[int, int], start: int) -> bool:
    """Whether the figure at `start` is the level a change at change=(start, end) reached ("rose 5 percent
    to 3.2 million", "down 12% at 40,000", "won a $77.5 million increase, to $684.8 million")."""
    return (is_change(folded, change[0]) or CHANGE_AFTER.match(folded, change[1]) is not None) \
        and level_link(folded, change[1], start)


# --- one level to another ---------------------------------------------------------------------

FROM_BEFORE = re.compile(rf"\bfrom\s+(?:(?:a|an)\s+[a-z]+\s+)?(?:{APPROX}\s+)?$")
TO_BEFORE = re.compile(rf"\bto\s+(?:{APPROX}\s+)?$")
# What may stand between the first figure of a move and the word that leads to the second: the first's own
# words and time, never another verb's clause ("from $20 in 2019 to", "to £3.2bn in the year to March, from").
BETWEEN = r"(?:(?!\b(?:and|but|while|whereas|from)\b)[^;:()])*?[\s,]"
THEN_TO = re.compile(rf"{BETWEEN}\bto\s+(?:{APPROX}\s+)?")
THEN_FROM = re.compile(rf"{BETWEEN}\bfrom\s+(?:{APPROX}\s+)?")
# The words that date an earlier level beyond clauses.EARLIER's ("a year earlier", "the previous year"): "a year ago",
# "the same period last year", "year-earlier".
EARLIER_TOO = re.compile(r"\b(?:(?:a|an|one|two|three|\d+)\s+(?:years?|months?|quarters?|weeks?)\s+ago|the\s+same\s+"
                         r"(?:period|quarter|month|week)|year-earlier)\b")


@dataclass(frozen=True)
class Move:
    """A figure moved from one level to another: the indexes of the earlier level and the level reached in
    a clause's list of figures, and where each one's own words stand (a time there is that level's)."""

    earlier: int
    reached: int
    earlier_words: tuple[int, int]
    reached_words: tuple[int, int]
    start: int  # where the move's words begin: "from" or "to", or the first figure


def moves(folded: str, spans: Sequence[tuple[int, int]], hi: int) -> list[Move]:
    """The moves among a clause's figures (given as spans, in order): "from A to B" and "to B from A"."""
    found = []
    for i in range(len(spans) - 1):
        (a, a_end), (b, b_end) = spans[i], spans[i + 1]
        end = spans[i + 2][0] if i + 2 < len(spans) else hi
        lead_from = FROM_BEFORE.search(folded, max(0, a - 30), a)
        if lead_from and THEN_TO.fullmatch(folded, a_end, b):
            found.append(Move(i, i + 1, (a, b), (b, end), lead_from.start()))
            continue
        lead_to = TO_BEFORE.search(folded, max(0, a - 20), a)
        if lead_to and THEN_FROM.fullmatch(folded, a_end, b):
            found.append(Move(i + 1, i, (b, end), (a, b), lead_to.start()))
    return found


def times_within(whens: Sequence[When], span: tuple[int, int]) -> list[When]:
    return [w for w in whens if span[0] <= w.start < span[1] and not w.since]


def earlier_dated(folded: str, move: Move, whens: Sequence[When]) -> bool:
    """Whether the earlier level of a move has a time of its own, so that it is a fact of its own: one in its
    own words ("from $20 in 2019 to"), or "a year earlier"; after "to B from A", a time after A is A's only
    where B has its own too ("to 3.9% from 4.1% in March" is the March reading, 3.9%)."""
    if EARLIER.search(folded, *move.earlier_words) or EARLIER_TOO.search(folded, *move.earlier_words):
        return True
    mine = times_within(whens, move.earlier_words)
    if move.earlier < move.reached:
        return bool(mine)
    return bool(mine) and bool(times_within(whens, move.reached_words))


def reached_when(move: Move, whens: Sequence[When], lo: int, inherit: When | None) -> When | None:
    """The time of the level a move reached: one in its own words, else one before the move in its clause,
    else the clause's inherited time; never one of the earlier level's words."""
    mine = times_within(whens, move.reached_words)
    if mine:
        return mine[0]
    before = [w for w in whens if lo <= w.start and w.end <= move.start and not w.since]
    return before[-1] if before else inherit
