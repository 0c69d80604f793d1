"""Measures as pages write them: a measure in two units ("5 feet 11 inches", "3 hours 20 minutes"), which
is one measure and no figure; a measure before the noun it measures ("a 10 mile race"); the spellings of the
measures the press abbreviates, areas and volumes with their first word ("150 sq km": square km); and
"pounds", a weight or money as its sentence and its page say (figures.py reads money with it, amounts.py a
clause's figures, temperatures.py a temperature's scale). Pure functions."""
import re
from functools import lru_cache

from . import currencies
from .page_index import Mention, PageIndex

# A measure written in two units ("5 feet 11 inches", "6 ft 2 in", "1 m 80", "7 pounds 4 ounces", "3
# hours 20 minutes") is one measure, and neither of its parts alone: the pairs of a larger unit and
# the smaller one it is split into, with the most the smaller part can be. Its sum (71 inches) is
# no figure the page writes, so no claim could be found by it: such a measure is read as no figure.
MEASURE_PARTS = (
    ("feet|foot|ft", "inches|inch|in", 11),
    ("metres|meters|metre|meter|m", "centimetres|centimeters|cm", 99),
    ("miles|mile", "yards|yard", 1759),
    ("stone|st", "pounds|pound|lbs|lb", 13),
    ("pounds|pound|lbs|lb", "ounces|ounce|oz", 15),
    ("kilograms|kilogram|kilos|kilo|kg", "grams|gram|g", 999),
    ("days|day", "hours|hour|hrs|hr", 23),
    ("hours|hour|hrs|hr|h", "minutes|minute|mins|min", 59),
    ("minutes|minute|mins|min", "seconds|second|secs|sec|s", 59),
    ("weeks|week", "days|day", 6),
    ("years|year", "months|month", 11),
)
BARE_SMALLER = ("feet|foot|ft", "metres|meters|metre|meter|m", "stone|st")  # "5 foot 11", "1 m 80", "11 stone 4"
# the words a bare smaller part may come before ("5 foot 11 tall"), never a noun it would count ("100 m 80 runners")
BARE_NEXT = r"(?:tall|high|long|wide|deep|and|or|but|in|at|on|with|from|to|of|for|is|was|he|she|they|the|a|an)"
MEASURE_NUMBER = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
COMPOUND_MEASURES = tuple(  # (an area or a volume, "500 m2", "20m3", is one unit: no "m" and a part)
    (re.compile(rf"(?<![\w.,]){MEASURE_NUMBER}\s?-?(?:{larger})(?!(?<=m)[23]\b)\.?(?:\s*,?\s*(?:and\s+)?|-)(?P<small>\d+(?:\.\d+)?)"
                rf"(?:\s?-?(?P<unit>{smaller})\b(?!-)|(?P<bare>)(?![\w%]|[.,]\d|\s+(?!{BARE_NEXT}\b)[a-z]))"), larger in BARE_SMALLER, most)
    for larger, smaller, most in MEASURE_PARTS)


def compound_measures(folded: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Where measures written in two units or more stand in folded[lo:hi] ("5 feet 11 inches",
    "2 hours 1 minute 9 seconds", "three minutes 49.11 seconds"): one span each."""
    spans: list[tuple[int, int]] = []
    for pattern, bare, most in COMPOUND_MEASURES:
        for m in pattern.finditer(folded, lo, hi):
            if float(m.group("small")) >= most + 1 or (m.group("bare") is not None and not bare):
                continue
            spans.append((m.start(), m.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # "2 hours 1 minute" and "1 minute 9 seconds" are one measure
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# A number with a measure in the singular before a noun measures the thing, and counts nothing: "12
# ounce bottles", "a 10 mile race", "a 5 gallon tank", "a 30 minute drive" (written with hyphens,
# "a 10-mile race", a number joined to a word is no figure at all: amounts.py).
MEASURE_SINGULAR = (r"(?:ounce|oz|pound|lb|ton|tonne|gram|kilogram|kilo|kg|inch|foot|ft|yard|mile|metre|meter|kilometre|"
                    r"kilometer|km|acre|hectare|gallon|litre|liter|quart|pint|second|minute|hour|day|week|month|year|"
                    r"storey|story|megawatt|watt|volt)")
FUNCTION_WORDS = (r"(?:in|on|at|by|for|from|to|of|and|or|but|than|as|with|per|a|an|the|this|that|last|next|was|were|is|"
                  r"are|will|would|had|has|have|each|ago|earlier|later|before|after|away|long|old|apart|ahead|behind|"
                  r"back|off|out|up|down|late|early|more|less)")
AREA_OR_VOLUME = r"(?:square|sq\.?|cubic|cu\.?)"  # the first word of an area's or a volume's unit ("150 square km")
# So does an area or a volume, in words or by a power ("a 300 square mile area", "the 500km2 park", "a 20m³ tank").
MEASURE_BEFORE_NOUN = re.compile(rf"\s?(?:{AREA_OR_VOLUME}\s)?(?:{MEASURE_SINGULAR}|m(?=[²³23]))[²³23]?\s+(?!{FUNCTION_WORDS}\b)[a-z]{{3,}}")
NOT_FILLER = rf"(?:{MEASURE_SINGULAR}|{AREA_OR_VOLUME})"  # words that never stand between a count and its unit (counts.FILLER)


# What measures rather than counts, in the plural: a number right before one of these is a length, a
# time or an area, whatever verb stands before it ("killed ... about 10 miles south").
TIME_NOUNS = frozenset("hours minutes seconds days weeks months years year".split())
MEASURE_NOUNS = frozenset("miles kilometres kilometers metres meters feet yards inches acres hectares degrees gallons litres "
                          "liters barrels".split()) | TIME_NOUNS


# Measures the press names by their abbreviation ("km", "kg", "mph"), each as counts.UNIT_SYNONYMS holds a unit:
# the names a claim's unit is looked up by, the words after the number on a page, the words before it. An area
# or a volume keeps its first word ("150 square km", "2.3 billion cubic metres"): it is no length. A temperature's
# scale is read with its sign and case by temperatures.py; these are its spellings a claim is matched by.
MEASURE_UNITS = {
    "square km": ("square km|sq km|km²|km2|square kilometres|square kilometers",
                  "square kilometres|square kilometers|square kilometre|square kilometer|square km|sq km|sq. km|km²|km2", ""),
    "square miles": ("square miles|sq miles|sq mi|mi²", "square miles|square mile|sq miles|sq. miles|sq mi|sq. mi|mi²", ""),
    "square metres": ("square metres|square meters|sq m|sqm|m²|m2",
                      "square metres|square meters|square metre|square meter|sq m|sq. m|sqm|m²|m2", ""),
    "square feet": ("square feet|sq ft|ft²", "square feet|square foot|sq ft|sq. ft|sq feet|ft²", ""),
    "cubic km": ("cubic km|cubic kilometres|cubic kilometers|km³",
                 "cubic kilometres|cubic kilometers|cubic kilometre|cubic kilometer|cubic km|km³", ""),
    "cubic metres": ("cubic metres|cubic meters|cu m|m³|m3",
                     "cubic metres|cubic meters|cubic metre|cubic meter|cu m|cu. m|m³|m3", ""),
    "cubic feet": ("cubic feet|cu ft|ft³", "cubic feet|cubic foot|cu ft|cu. ft|ft³", ""),
    "hectares": ("hectares|ha", "hectares|hectare|ha", ""),
    "acres": ("acres", "acres|acre", ""),
    "km/h": ("km/h|kph|kmh|kilometres per hour|kilometers per hour",
             "km/h|kph|kmh|km/hr|kilometres per hour|kilometers per hour|kilometres an hour|kilometers an hour", ""),
    "mph": ("mph|miles per hour", "mph|miles per hour|miles an hour", ""),
    "kg": ("kg|kgs|kilograms|kilogrammes", "kg|kgs|kilograms|kilogrammes", ""),
    "km": ("km|kms|kilometres|kilometers", "km|kms|kilometres|kilometers", ""),
    "feet": ("feet|ft", "feet|ft", ""),  # ("tested to a depth of 100ft")
    # power and energy, as the press writes them ("8.69 GW of capacity", "a 500MW plant", "12 TWh a year")
    "GW": ("gw|gigawatts", "gw|gigawatts|gigawatt", ""), "MW": ("mw|megawatts", "mw|megawatts|megawatt", ""),
    "kW": ("kw|kilowatts", "kw|kilowatts|kilowatt", ""), "TWh": ("twh|terawatt hours|terawatt-hours", "twh|terawatt hours|terawatt-hours", ""),
    "GWh": ("gwh|gigawatt hours|gigawatt-hours", "gwh|gigawatt hours|gigawatt-hours", ""),
    "MWh": ("mwh|megawatt hours|megawatt-hours", "mwh|megawatt hours|megawatt-hours", ""),
    "kWh": ("kwh|kilowatt hours|kilowatt-hours", "kwh|kilowatt hours|kilowatt-hours", ""),
    # frequencies ("the 915 MHz band", "a 2.4GHz radio")
    "GHz": ("ghz|gigahertz", "ghz|gigahertz", ""), "MHz": ("mhz|megahertz", "mhz|megahertz", ""), "kHz": ("khz|kilohertz", "khz|kilohertz", ""),
    "degrees Celsius": ("degrees celsius|celsius|degrees centigrade|centigrade|°c|℃",
                        "degrees celsius|degree celsius|degrees centigrade|degrees c|celsius|centigrade|°c|º c|° c|ºc|˚c|℃", ""),
    "degrees Fahrenheit": ("degrees fahrenheit|fahrenheit|°f|℉",
                           "degrees fahrenheit|degree fahrenheit|degrees f|fahrenheit|°f|° f|º f|ºf|˚f|℉", ""),
}
# The units a page may join to their number ("125kph", "80kg", "150km²", "5°C"; "100m" is read as 100 million,
# figures' scale). A letter joined to a number is no quantity otherwise ("93-year-old", "1st": quantity.JOINED_AFTER).
ATTACHED_UNITS = ("km/h", "km/hr", "kph", "kmh", "mph", "kgs", "kg", "kms", "km²", "km2", "km³", "km", "m²", "m2", "m³", "m3",
                  "sqm", "ft²", "ft³", "mi²", "ha", "°c", "ºc", "˚c", "℃", "°f", "ºf", "˚f", "℉", "twh", "gwh", "mwh", "kwh", "gw", "mw", "kw",
                  "ghz", "mhz", "khz", "ft")
ATTACHED_UNIT = re.compile(r"(?:%s)(?![\w/])" % "|".join(re.escape(u) for u in ATTACHED_UNITS))


def measure_after(folded: str, end: int) -> str | None:
    """The measure a number at folded[:end] is written in ("10 miles": "miles"), or None."""
    m = re.match(r" ([a-z]{3,})\b", folded[end:end + 30])
    return m.group(1) if m and m.group(1) in MEASURE_NOUNS else None


def measures_a_thing(folded: str, end: int) -> bool:
    """True for a number at folded[:end] that a measure in the singular and a noun follow ("12 ounce
    bottles"): it measures the thing; no count of it."""
    return MEASURE_BEFORE_NOUN.match(folded, end) is not None


# "Pounds" is a currency and a weight. Its sentence tells which: a person's or a thing's size or
# weight, or money; failing that, a page that writes "£" or "sterling", or a sum in millions on a
# British page, is about money. A page that says neither is read as no money (never GBP by default).
MEASURE_NAMES = frozenset({"pound", "pounds"})
WEIGHT_WORDS = re.compile(r"\b(?:tall|height|weigh|weighs|weighed|weighing|weight|weights|heavy|heavier|heaviest|"
                          r"overweight|underweight|obese|feet|foot|inches|inch|lbs?|ounces?|oz|stone|kilos?|kilograms?|kg|"
                          r"tons?|tonnes?|load|cargo|payload|bags?|sacks?|lifts?|lifted|lifting|bench|squat|caught|catch|"
                          r"fish|diet|dieting|body)\b|\d\s?-\s?pound")
MONEY_WORDS = re.compile(r"£|\b(?:sterling|paid|pay|pays|paying|cost|costs|costing|price|prices|priced|budgets?|"
                         r"worth|fined?|fines|fees?|salary|salaries|wages?|spend|spends|spent|spending|funding|funds?|"
                         r"funded|grants?|raised|bills?|debts?|loans?|profits?|revenue|income|tax|taxes|sold|sell|sells|"
                         r"bought|buy|buys|deal|contract|bonus|compensation|damages|earn|earns|earned|earnings|invest|"
                         r"invested|investment|cash|money|bid|pension|rent|charged?|donated|donation|prize|payout)\b")
SENTENCE_EDGE = re.compile(r"[.!?]\s|\n")
SENTENCE_REACH = 300


def pounds_as_money(mention: Mention, page: PageIndex) -> bool:
    """True when a figure in "pounds" is money (see MEASURE_NAMES): the nearer of the sentence's
    words of weight and of money decides; with neither, the page's "£" or "sterling", or a sum in
    millions on a British page."""
    text = page.text
    lo = max(0, mention.start - SENTENCE_REACH)
    edges = [m.end() for m in SENTENCE_EDGE.finditer(text, lo, mention.start)]
    lo = edges[-1] if edges else lo
    after = SENTENCE_EDGE.search(text, mention.end, mention.end + SENTENCE_REACH)
    hi = after.start() if after else min(len(text), mention.end + SENTENCE_REACH)

    def distance(pattern: re.Pattern[str]) -> float:
        hits = [m.start() for m in pattern.finditer(text, lo, hi) if not mention.start <= m.start() < mention.end]
        return min((abs(h - mention.start) for h in hits), default=float("inf"))

    weight, money = distance(WEIGHT_WORDS), distance(MONEY_WORDS)
    if weight != money:
        return money < weight
    if "£" in text or page.mentions_any(("sterling",)):
        return True
    british = currencies.locale_currency(page.locale) == "GBP" or page.mentions_any(british_words())
    return mention.value[0] >= 1e6 and british


@lru_cache(maxsize=None)
def british_words() -> tuple[str, ...]:
    """Where a page is British: the places CLDR ties to the pound, and the UK's nations, which it does not name."""
    return tuple(sorted(currencies.currency_context_words().get("GBP", frozenset()) |
                        {"uk", "england", "scotland", "wales", "northern ireland"}))
