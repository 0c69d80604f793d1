"""Four digits that are no year: part of a web address or a word ("www.p2016.org", "Expo2025"), a house number
("of 1909 Jolinda Drive"), a law's number ("the Security of Pakistan Act, 1952") or a count ("Out of 2045
schools", "at least 2000 alarms"). when.py asks before it reads a year. Pure functions."""
import re

# A web address ("www.expo2025.org", "https://example.com/2019/budget", "p2016.org") or letters glued before a
# year ("Expo2025", "Covid2019"); never a fiscal or calendar year's prefix ("FY2023", "CY2024").
ADDRESS = re.compile(r"(?i)(?:\w+://|www\.)\S*|[\w-]+\.(?:com|org|net|gov|edu|int|info|io|co|uk|eu|de|fr|in|au|ca)\b\S*")
GLUED = re.compile(r"(?<![A-Za-z])(?!(?:FY|CY|fy|cy)$)[A-Za-z]+$")
# A house number in a street address ("at 2015 Washtenaw Avenue", "1600 Pennsylvania Ave."): the street's
# name after it; never after a word that puts a time before a name ("In 2015 Oxford Street was closed"; "of" only
# after a time's name: "Blair, 29, of 1909 Jolinda Drive" is an address, "the summer of 2015 Main Street" a time)
STREET = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|"
                    r"Place|Pl|Court|Ct|Highway|Hwy|Parkway|Pkwy|Terrace|Circle|Trail|Pike)\b")
TIME_BEFORE = re.compile(r"(?i)\b(?:in|since|by|until|till|during|before|after|from|through|between|and|to|or|early|late|mid|(?:summer|"
                         r"spring|autumn|fall|winter|end|start|beginning|middle|half|[a-z]+ber|[a-z]+ary|march|april|may|june|july|august)\s+of)[\s-]+$")


# A year that is part of a law's name ("the Security of Pakistan Act, 1952", "the Wildlife Act No.14 of 2015"), and a number after a sentence's opening
# "Out of" or "Of" with a plural noun after it ("Out of 2045 schools, 300 ..."): a count, no year
LAW_YEAR = re.compile(r"\b(?:Act|Ordinance|Code|Regulations?|Rules|Order|Bill|Constitution)(?:\s+No\.?\s*\d+)?(?:\s*,|\s+of)?\s*$")
COUNT_OF = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:Out\s+of|Of)\s+$")
HOW_MANY = re.compile(r"(?<!\bin\s)(?<!\bsince\s)(?<!\bby\s)(?<!\buntil\s)(?<!\bfrom\s)\b(?:at\s+least|about|around|some|nearly|"
                      r"almost|more\s+than|up\s+to|roughly|approximately|an\s+estimated)\s+$")
COUNTED = re.compile(r"\s+(?:(?!(?:by|in|on|at|to|for|of|from|with|the|a|an|and|or|when|after|before)\b)[a-z]+\s+){0,2}?"
                     r"(?!levels\b|prices\b|figures\b|rates\b|terms\b|values\b)[a-z]+s\b")


def glued_or_address(display: str, at: int) -> bool:
    """Whether the year at display[at:at+4] is part of a web address, a street address or a word it is
    written into."""
    if GLUED.search(display, max(0, at - 12), at):
        return True
    if STREET.match(display, at + 4) and not TIME_BEFORE.search(display, max(0, at - 12), at):
        return True
    token = re.search(r"\S*$", display[max(0, at - 80):at]).group() + display[at:at + 80].split(None, 1)[0]  # type: ignore[union-attr]
    return ADDRESS.search(token) is not None


def no_year(display: str, folded: str, at: int) -> bool:
    """Whether the four digits at display[at:at+4] (folded: the same text folded) are no year."""
    return glued_or_address(display, at) or bool(LAW_YEAR.search(display, max(0, at - 16), at)) or bool(
        COUNT_OF.search(display, max(0, at - 12), at) and re.match(r"\s+[a-z]+s\b", display[at + 4:at + 20])) or bool(
        HOW_MANY.search(folded, max(0, at - 16), at) and COUNTED.match(display, at + 4))
