"""Measures as pages write them: a measure in two units ("5 feet 11 inches", "3 hours 20 minutes") is
one measure and no figure (amounts.py reads a clause's figures with it). Pure functions."""
import re

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
COMPOUND_MEASURES = tuple(
    (re.compile(rf"(?<![\w.,]){MEASURE_NUMBER}\s?-?(?:{larger})\.?(?:\s*,?\s*(?:and\s+)?|-)(?P<small>\d+)"
                rf"(?:\s?-?(?P<unit>{smaller})\b(?!-)|(?P<bare>)(?![\w%]|[.,]\d|\s+(?!{BARE_NEXT}\b)[a-z]))"), larger in BARE_SMALLER, most)
    for larger, smaller, most in MEASURE_PARTS)


def compound_measures(folded: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Where measures written in two units or more stand in folded[lo:hi] ("5 feet 11 inches",
    "2 hours 1 minute 9 seconds"): one span each."""
    spans: list[tuple[int, int]] = []
    for pattern, bare, most in COMPOUND_MEASURES:
        for m in pattern.finditer(folded, lo, hi):
            if int(m.group("small")) > most or (m.group("bare") is not None and not bare):
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
