"""Temperatures as pages write them: a number with its scale right after it ("-5C", "95F", "−5 °C", "41℉", "5
degrees Celsius", "40 Celsius"), or with a degree sign alone ("31°", read as "31 degrees" is), told apart from the
codes written the same way ("Section 5C", "the 4C grade", "seat 12F", "F-16", "Form 1040-C"). Pure functions."""
import re
from dataclasses import dataclass

from .measures import FUNCTION_WORDS

CELSIUS, FAHRENHEIT = "degrees Celsius", "degrees Fahrenheit"  # a claim's unit, as measures.MEASURE_UNITS names it
SCALES = {"c": CELSIUS, "celsius": CELSIUS, "centigrade": CELSIUS, "℃": CELSIUS,
          "f": FAHRENHEIT, "fahrenheit": FAHRENHEIT, "℉": FAHRENHEIT}

# The scale written with a degree sign (set as "°", "º" or "˚") or in words: a temperature wherever it stands.
# Degrees with no scale are degrees ("a high of 31 degrees", "31°"), but never a bearing's ("51°30′N").
WRITTEN = re.compile(r"\s?[°º˚]\s?(?P<sign>[cf])(?!\w)|\s?(?P<symbol>[℃℉])"
                     r"|\s(?:degrees?|deg\.?)\s(?P<name>celsius|centigrade|fahrenheit|c|f)(?![\w'’-])"
                     r"|\s(?P<word>celsius|centigrade|fahrenheit)\b|\sdegrees?(?![\w-])"
                     r"|(?P<degree>[°˚])(?!\s?[\d′'\"])")
# The scale's letter alone, joined to the number and a capital on the page ("-5C", "95F", as the British press
# writes them), unless more is joined to it ("5C's", "1040-C", "12F/G", "5C.2"), which makes it a code's.
LETTER = re.compile(r"(?P<letter>[cf])(?![\w'’]|-\w|[.,]\d|/[a-z])")
# The words after a temperature that name no thing ("fell to -5C overnight", "95F by Friday", "40C again"): any
# other word is a noun, which a letter joined to a number names ("the 4C grade", "12F seats", "a 34C cup").
NOT_A_NOUN = re.compile(rf"\s+(?:{FUNCTION_WORDS}|overnight|yesterday|today|tonight|tomorrow|again|there|here|inland|"
                        r"during|while|when|where|which|amid|across|around|until|since|into|over|under|above|below|"
                        r"near|through|throughout|despite|so|if|then|now|[a-z]+day|[a-z]+ly)\b")
NOUN = re.compile(r"\s+[a-z]")
# The words that label a thing by a number and a letter ("seat 12F", "row 5C", "type 2C", "size 34C"): before such
# a word's number, the letter is a code's, whatever follows (quantity.IDENTIFIERS names more, for any number).
CODE_BEFORE = re.compile(r"\b(?:seats?|rows?|rooms?|flat|apartment|apt|suite|bay|block|box|bed|cabin|deck|berth|stand|"
                         r"bus|line|form|schedule|type|class|size|category|annex|appendix|exhibit|grade|section)\s+$")
# A determiner before a temperature and a noun after it: the temperature measures the thing ("the 2°C warming
# limit", "a 40C day"), as "a 10 mile race" does (measures.MEASURE_BEFORE_NOUN), and is no figure of its own; nor
# is a difference ("10°C cooler than Madrid", "3C above average"), as "63 fewer than in 2019" is none (amounts.py).
DETERMINER = re.compile(r"\b(?:a|an|the|this|that|these|those|its|their|his|her|our|my|your|each|every|[a-z]+'s)"
                        r"\s+(?:-|minus\s+)?$")
DIFFERENCE = re.compile(r"\s+(?:warmer|cooler|colder|hotter|above|below)\b")  # ("higher", "more": amounts.COMPARISON)
BELOW_ZERO = re.compile(r"\s+below\s+zero\b")  # "5 degrees below zero": -5, on any scale (but "below freezing" is a difference)


@dataclass
class Temperature:
    unit: str  # CELSIUS, FAHRENHEIT, or "degrees" for a degree sign alone
    end: int  # where its scale ends
    figure: bool  # False for one that measures the noun after it, or a difference (DETERMINER, DIFFERENCE)
    below_zero: bool = False  # "5C below zero": the figure is -5


def temperature_after(folded: str, display: str, start: int, end: int, negative: bool = False) -> Temperature | None:
    """The temperature the number at folded[start:end] is, by the scale written right after it, or None.
    display: the same text with its case, as long as folded; negative: the number has a minus before it."""
    m = WRITTEN.match(folded, end)
    if m:
        scale = m.group("sign") or m.group("symbol") or m.group("name") or m.group("word")
        unit = SCALES[scale] if scale else "degrees"
    else:
        m = LETTER.match(folded, end)
        if m is None or display[end:end + 1] not in ("C", "F") or len(display) != len(folded):
            return None
        if CODE_BEFORE.search(folded, max(0, start - 20), start):
            return None  # "seat 12F", "size 34C"
        if not negative and "." not in folded[start:end] and naming(folded, m.end()):
            return None  # "the 4C grade", "12F seats": a code (a sign or decimals are a temperature's, never a code's)
        unit = SCALES[m.group("letter")]
    below = BELOW_ZERO.match(folded, m.end())
    if below:
        return Temperature(unit, below.end(), True, below_zero=True)
    of_a_thing = DETERMINER.search(folded, max(0, start - 30), start) is not None and naming(folded, m.end())
    return Temperature(unit, m.end(), not of_a_thing and DIFFERENCE.match(folded, m.end()) is None)


def naming(folded: str, end: int) -> bool:
    """True when a noun follows folded[:end] (NOT_A_NOUN)."""
    return NOUN.match(folded, end) is not None and NOT_A_NOUN.match(folded, end) is None
