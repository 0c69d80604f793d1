"""Numbers that count nothing: a score, a conversion in brackets, a time of day, a code or a name's number, an age, a list's numbering,
a poll's margin, a share written "1 in 3", and either end of a range ("between 25 and 75", "$5 to $10"; but
"from 5 to 7" is a move, and "fell 2% to $170" a change and its level: changes.py). Pure functions over a
folded text; what a number that is a quantity counts is amounts.py's."""
import re
from collections.abc import Iterable

from .changes import change_then_level
from .figures import NUMBER_WORD
from .measures import ATTACHED_UNIT
from .relative import MONTH_PATTERN
from .yearless import COUNTED, HOW_MANY

# Numbers that are no quantity: a score or vote ("6-3", "3-0"), a phone number or a time ("9:30",
# "9 a.m."), a number joined to a word ("93-year-old", "312-page", "1st"), an age ("aged 43", "age
# 5"), a list's numbering ("1) Deviled", "2. Sweden"), a clock in a game ("at 28 minutes"), and the
# number of a thing named by it ("Section 230", "Title 42", "Flight 370", "No. 1", "page 5").
JOINED_BEFORE = re.compile(r"(?:\d\s?[-–:/]\s?|#)$")
JOINED_AFTER = re.compile(rf"\s?[-–:]\s?\d|-[a-z]|(?!{ATTACHED_UNIT.pattern})[a-z]|\s*(?:a\.?m\b|p\.?m\b|gmt\b|utc\b|et\b|o'clock)|\s+years?\s+old\b")
IDENTIFIERS = (r"\b(?:aged?|ages|no\.?|number|section|article|chapter|title|route|flight|room|rule|paragraph|clause|"
               r"amendment|resolution|highway|interstate|page|pages|grade|level|phase|stage|week|day|round|game|episode|"
               r"season|vol\.?|volume|part|item|gate|platform|terminal|district|ward|unit|floor|model|version|figure|table|"
               r"category|categories|band|tier|class|type|division|zone|bay|lane|line|track|channel|key)s?")
# ... and the numbers listed after the first ("aged 19, 22 and 31", "sections 4 and 5")
IDENTIFIER_BEFORE = re.compile(rf"{IDENTIFIERS}\s+(?:\d+(?:\s*,\s*\d+)*(?:\s*,)?\s+(?:and|or|&)\s+|\d+\s*,\s*)?$")
# ... and a subsection's number in brackets after it ("section 130 (2)", "Article 5(1)(b)")
SUBSECTION = re.compile(rf"{IDENTIFIERS}\s+\d+[a-z]?(?:\s*\(\w{{1,4}}\))*\s*\($")
LIST_NUMBER = re.compile(r"(?:^|[\n:;]\s*|(?<=[.!?])\s+|\s)$")
YEAR_IN_NAME = re.compile(r"[a-z]{2,}\s$")  # a word right before a year: "worlds 2023" (a date's words are read first)
CLOCK = re.compile(r"\bat\s+(?:the\s+)?$")
# A day of a month, whether or not the article's date lets when.py read it as a time ("on Sept. 1", "20 January")
DAY_AFTER_MONTH = re.compile(rf"\b(?:{MONTH_PATTERN})\.?\s+$")
MONTH_AFTER_DAY = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_PATTERN})\b")


# A range or a score is no single figure: "30 minutes to an hour", "25 to 75 cents", "between 25 and
# 75", "10 kills to just one" (but "from 5 to 7" is a move, and "fell 2% to $170" a change and its level,
# whose figures each stand: changes.py).
PERCENT = r"(?:%|\s?per\s?cent\b|\s?percent\b)"
RANGE_AFTER = re.compile(rf"{PERCENT}?(?:\s+(?P<word>[a-z]+))?\s+(?:to|or)\s+(?:(?:just|only|merely|a\s+mere)\s+)?"
                         rf"(?P<next>(?:[a-z]{{0,3}}[$€£¥₹]|rs\.?\s?)?\d|an?\s|one\b|two\b|three\b|four\b|five\b|six\b|ten\b)"  # ("Rs 600 to Rs 700")
                         rf"|{PERCENT}?\s?[-–]\s?[$€£¥₹]?\d")  # "1%-3%", "5-10 percent", "$5-$10"
# the first number's own unit ("20C to 25C", "$2bn-$3bn", "5km-10km"); a number starts with a digit (", or 31°" is none)
JOINED_UNIT = r"(?:\s?[°º˚]\s?[cf]?|[℃℉]|[a-z]{1,3}[²³]?)?"
SIGN = r"(?:-|minus\s+)?"  # "between -5C and 3C", "from minus 5 to 3 degrees"
RANGE_BEFORE = re.compile(rf"\bbetween\s+(?:{SIGN}[$€£¥₹]?[\d,.]+{JOINED_UNIT}(?:\s+[a-z]+)?\s+and\s+{SIGN})?{SIGN}$|(?<![\d,.])(?!(?:1[89]|20)\d\d\b)\d[\d,.]*"
                          rf"{JOINED_UNIT}(?:\s+(?:thousand|million|billion|trillion|bn|m))?\s+(?:to|or)\s+$"  # "5 million to 10 million"
                          rf"|(?<![\d,.])[$€£¥₹]?\d[\d,.]*(?:{PERCENT}|{JOINED_UNIT})\s?[-–]\s?[$€£¥₹]?$")
# ... and one in words ("three hundred to five hundred billion dollars", "between fifty and a hundred qubits")
WORDS_RANGE_BEFORE = re.compile(rf"(?<![\w-])(?:between\s+)?(?:an?\s+)?{NUMBER_WORD}(?:(?:\s+and\s+|\s+|-){NUMBER_WORD})*\s+(?:to|or|and)\s+(?:an?\s+)?$")
PERCENT_RANGE_BEFORE = re.compile(rf"(?<![\d,.])\d[\d,.]*{PERCENT}\s+(?:to|or)\s+$")  # "2.5% to 7.5%", never "8% to $40m"
CURRENCY = r"(?:[a-z]{0,3}[$€£¥₹]\s?|rs\.?\s?)?"  # "from $20 to $25", "from NZ$2bn to NZ$3bn", "from Rs 600 to Rs 700"
CHANGE_BEFORE = re.compile(rf"\bfrom\s+(?:{SIGN}{CURRENCY}[\d,.]+(?:\s(?:thousand|million|billion|trillion))?(?:{PERCENT}|{JOINED_UNIT})"
                           rf"(?:\s+[a-z]+)?\s+to\s+)?{SIGN}{CURRENCY}$")


# The people a report rests on ("two people familiar with the matter", "three sources said", "four officials
# who asked not to be named")
SOURCES_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:people|persons|sources|officials|diplomats|executives|insiders|"
                           r"employees|aides)\s+(?:familiar|with\s+(?:direct\s+)?knowledge|close\s+to|briefed|"
                           r"(?:who|that)\s+(?:spoke|asked|requested|declined|were\s+not|are\s+not|was\s+not)|said|told|say)\b")


SCALES = frozenset("thousand million billion trillion bn m percent per cent".split())


def in_range(folded: str, start: int, end: int) -> bool:
    """True for a figure at either end of a range ("between 25 and 75 cents", "$5 to $10")."""
    if change_then_level(folded, start, end):
        return False  # "fell 2% to $170", "grew by €2bn to €40bn": a change and its level (changes.py)
    before = folded[max(0, start - 32):start]
    after = folded[end:end + 24]
    percent_range = re.match(PERCENT, after) is not None and PERCENT_RANGE_BEFORE.search(before) is not None
    ahead = RANGE_AFTER.match(after)
    unit = ahead.group("word") if ahead and ahead.group("word") else (re.findall(r"[a-z]+", folded[start:end]) or [""])[-1]
    if ahead and unit and unit not in SCALES:
        # "2 million euros to 14 schools": what the second number counts is another thing, so no range
        other = re.match(r"[\d,.]+\s+(?:(?:thousand|million|billion)\s+)?(?P<word>[a-z]+)", folded[end + ahead.start("next"):end + 60])
        if other and other.group("word") != unit and other.group("word") not in SCALES:
            ahead = None
    behind = re.search(r"(?<![\d,.])\d[\d,.]*\s+(?P<word>[a-z]+)\s+(?:to|or)\s+$", before)  # "5 euros to 10 euros"
    same_thing = behind is not None and (re.match(rf"\s+{re.escape(behind.group('word'))}\b", after) is not None
                                         or folded[start:end].endswith(behind.group("word")))
    words = WORDS_RANGE_BEFORE.search(before)
    words = words if words and (words.group().startswith("between") or not re.search(r"\band\s+(?:an?\s+)?$", words.group())) else None
    return bool(ahead or RANGE_BEFORE.search(before) or words or percent_range or same_thing) and not CHANGE_BEFORE.search(before)


def counts_sources(folded: str, start: int, end: int) -> bool:
    """True for a number of the people a report rests on ("according to two people familiar with the matter",
    "three sources said"): who told, no count the claim makes."""
    return SOURCES_AFTER.match(folded, end) is not None or \
        re.search(r"\baccording\s+to\s+(?:at\s+least\s+)?$", folded[max(0, start - 24):start]) is not None


def not_a_quantity(folded: str, start: int, end: int) -> bool:
    """True for a number that counts nothing (see JOINED_BEFORE and the patterns after it), or one
    end of a range."""
    if in_range(folded, start, end):
        return True
    before = folded[max(0, start - 24):start]
    after = folded[end:end + 24]
    if JOINED_BEFORE.search(before) or JOINED_AFTER.match(after) or IDENTIFIER_BEFORE.search(before) or SUBSECTION.search(before):
        return True
    if re.fullmatch(r"0?[1-9]|[12]\d|3[01]", folded[start:end]) and (DAY_AFTER_MONTH.search(before) or MONTH_AFTER_DAY.match(after)):
        return True  # "imposed on Sept. 1", "on 20 January": a day, whatever the page's date
    if re.search(r"(?:\bplus\s+or\s+minus|\+/?-|±)\s*$", before):
        return True  # "plus or minus 3 points": a poll's margin, no value of what it measures
    if YEAR_IN_NAME.search(before) and re.fullmatch(r"(?:1[89]|20)\d\d", folded[start:end]) and not (
            HOW_MANY.search(before) and COUNTED.match(folded, end)):
        return True  # "Worlds 2023", "Euro 2024": a name's year (folded: "worlds 2023" after a word); never
        # "at least 2000 alarms", "about 1800 workers": counts (when.py reads no year there either)
    if re.search(r"(?<![\d,.])\d{1,3}\s+in\s+$", before) or re.match(r"\s+in\s+\d{1,3}(?![\d,.])", after):
        return True  # "1 in 3 adults": a share, no count
    if re.match(r"\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+(?:later|earlier|afterwards)\b", after):
        return True  # "delivered the aid about 30 hours later": when, after the event before, no count of hours
    if re.search(r"\b(?:the|its|their|his|her|our)\s+(?:first|last|past|next|final|previous|coming)\s+$", before) and \
            re.match(r"\s+(?:days?|weeks?|months?|quarters?|years?|hours?)\b", after):
        return True  # "in the first 10 months of last year": a stretch of time, no count of months
    if re.match(r"[.)]\s+[a-z]", after) and LIST_NUMBER.search(before) and end - start <= 2:
        return True  # "1) deviled", "2. sweden": a list's numbering (folded: the capital is gone)
    return bool(CLOCK.search(before) and re.match(r"\s+(?:minutes?|seconds?)\b", after))


# A figure in parentheses right after another, with nothing else in them ("40 miles (65 km)", "£5 million ($6.5
# million)"): the same figure converted, no figure of its own (a share is one: "fell by 20,000 (0.5%)")
CONVERTED = re.compile(r"(?:\s*[a-z°.²³/-]+)?(?:\s+[a-z°.²³/-]+)?\s*\(\s*(?:about|around|roughly|approximately|some|nearly|almost|c\.)?\s*(?:minus\s+|-)?")
CONVERSION_END = re.compile(r"(?!\s?(?:%|percent|per\s?cent)\b)(?:\s*(?!(?:in|on|at|of|for|from|to|and|or|with|by|each|a|an|the|"
                            r"more|less|fewer)\b)[a-z°.²³/-]+){0,3}\s*\)")


def converted(folded: str, ends: Iterable[int], start: int, end: int) -> bool:
    """Whether the figure at [start, end) converts the one before it (CONVERTED), of the figures that end at `ends`."""
    before = max((e for e in ends if e <= start), default=None)
    return before is not None and CONVERTED.fullmatch(folded, before, start) is not None and CONVERSION_END.match(folded, end) is not None
