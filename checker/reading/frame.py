"""The frame of a sentence around what it says: the dateline that opens a story ("PARIS — ", "(CNN) -- ") or a
live page's post ("14.29 "), discourse openers that only link it to the sentence before ("For example,", "In
fact,", "And "), and parentheses around the whole sentence. core_span is what is left: the words a claim is
read from. Pure functions."""
import re

from .clauses import trim
from ..text import LIVE_STAMP

OPENER = re.compile(r"""(?ix)\s*(?:
    (?:for\ example|for\ instance|in\ fact|indeed|similarly|likewise|later|earlier|yet|however|moreover|meanwhile|
       in\ the\ meantime|in\ this\ context|in\ addition|additionally|also|still|thus|therefore|hence|nevertheless|
       nonetheless|even\ so|furthermore|besides|instead|overall|finally|lastly|again|consequently|as\ a\ result|of\ course|
       in\ other\ words|in\ short|in\ particular|notably|importantly|separately|by\ contrast|in\ contrast|
       on\ the\ other\ hand|at\ the\ same\ time|in\ turn|then|so|but|and|or|now|first|second|third)\s*,
  | (?:and|or)\s+(?=\S)
  | so\s+(?=\S)(?!(?:far|much|many|few|little|long|too|called|to\ speak|did|does|do|was|were|is|are|has|have|had|will|would|could|can)\b)
    (?![a-z]+\ (?:[^\ .,;]+\ ){0,4}?(?:is|was|are|were)\ [^.;]{0,40}\bthat\b)
    # (never of a phrase, "So far the ...", nor an inversion: "So did Page's coach" says the one before again of another;
    # "So important to Fox is Kelly that ...": how much, with its "that")
  | yet\s+(?=\S)(?!(?:another|again|more|to)\b)
  | but\s+(?=\S)(?!for\b)
  | (?:it\ is|it's|it\ was)\s+(?:notable|worth\ noting|noteworthy|significant|clear|true|interesting|striking)\s+that\b\s*,?
  )\s*""")
# A dateline: a place in capitals (with an agency in brackets), "(CNN)", or a site's name ("PanARMENIAN.Net"), then a dash
# (a long one may touch the next word: "NEW YORK--Verizon Communications is prepping ...").
DATELINE = re.compile(
    r"(?:\((?:CNN|AP|AFP|Reuters|dpa|Xinhua|PTI|IANS|ANI)\)|[A-Z][\w-]*\.(?:[Nn]et|com|org|co\.[a-z]{2}|[a-z]{2})(?=\s*(?:--|—|–|-)\s)|[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?(?:\s*\([A-Za-z0-9 .,]{2,24}\))?)\s*(?:(?:--|—|–)\s*|[-:]\s+)(?=[A-Z“\"‘'])")


# A date that opens a paragraph as a dateline does ("December 28, 2014: Shares ...", "2 April 2018 — The bank ..."):
# when the story was filed, no part of what it says (its weekdays are still read against the article's date: a
# roundup filed on Sunday for Monday writes "Monday" for the day it comes out)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)")
DATED_LINE = re.compile(rf"(?:{_MONTH}\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTH})\s+\d{{4}}\s*(?::|--|—|–)\s+(?=[A-Z“\"‘'])")


# A byline run into the first sentence of its paragraph ("By Kevin De Alwis In the event ...", "By Staff Reporter Fuel
# prices ..."): two or three capitalised words after "By", then a sentence's capitalised opening; never a time
# ("By Christmas Day Parliament will ...")
BYLINE = re.compile(rf"By\s+(?!(?:{_MONTH}|[A-Z][a-z]+day|Christmas|Easter|New|Next|Last|This|Then|Now|End|Early|Late|Mid)\b)"
                    r"(?:[A-Z][\w.'’-]+\s+){1,2}[A-Z][\w'’-]+\s+(?=(?:The|A|An|In|On|At|It|Its|This|That|There|They|He|She|We|"
                    r"[A-Z][a-z]+)\s+[a-z])")


# A place in capitals that opens a paragraph with no dash after it, its markup gone ("WASHINGTON The U.S. Federal Reserve
# raised ..."): a dateline before a sentence that opens with a word of its own kind, never a name ("NASA Administrator")
BARE_DATELINE = re.compile(r"[A-Z]{3,}(?:\s+[A-Z]{2,}){0,2}\s+(?=(?:The|A|An|In|On|At|It|Its|This|That|These|Those|There|They|He|She|We|"
                           r"When|After|Before|For|As|Some|More|Two|Three|Police|Officials)\s)")


# "Update: On December 10, Twitter reinstated ...": the label of a paragraph added later, no word of its claim
UPDATE_LABEL = re.compile(r"(?:UPDATED?|Updated?)\s*:\s+(?=[A-Z“\"])")


def dateline_end(text: str, start: int = 0) -> int:
    """Where a dateline that opens text[start:] ends ("PARIS — The ..." -> the offset of "The"), or start; and
    a time stamp or a date that opens a paragraph ("14.29 Indonesian authorities ...", "December 28, 2014: ...")."""
    m = DATELINE.match(text, start)
    if m:
        return m.end()
    before = start
    while before > 0 and text[before - 1] in " \t\u00a0":
        before -= 1  # (read back, never copied: this is asked for every sentence)
    opens = before == 0 or text[before - 1] == "\n"
    stamp = (LIVE_STAMP.match(text, start) or DATED_LINE.match(text, start) or BYLINE.match(text, start)
             or BARE_DATELINE.match(text, start) or UPDATE_LABEL.match(text, start)) if opens else None
    return stamp.end() if stamp else start


def unbracketed(text: str, lo: int, hi: int) -> tuple[int, int]:
    """text[lo:hi], trimmed, without the parentheses around it when the whole sentence stands in them
    ("(The court had asked for a week.)", "(Both were later freed)."); as it is otherwise ("(a) one, (b) two")."""
    lo, hi = trim(text, lo, hi, " \t\r\n")
    end = hi
    while end > lo and text[end - 1] in ".!?":
        end -= 1  # "(...)." : a stop after the bracket
    if end - lo < 2 or text[lo] != "(" or text[end - 1] != ")":
        return lo, hi
    depth = 0
    for at in range(lo, end):
        depth += {"(": 1, ")": -1}.get(text[at], 0)
        if depth == 0 and at < end - 1:
            return lo, hi  # the first bracket closes before the end: more than one aside
    return (lo + 1, end - 1) if depth == 0 else (lo, hi)


def core_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence without its dateline, its discourse openers ("For example,", "In fact, it is notable that,")
    and its closing punctuation."""
    lo = dateline_end(text, start)  # "PARIS — ": where the story was filed, not what it says
    lo, end = unbracketed(text, lo, end)
    while True:
        m = OPENER.match(text, lo, end)
        if not m or m.end() == lo:
            break
        lo = m.end()
    lo, hi = trim(text, lo, end)
    while hi > lo and text[hi - 1] in ".!?;:, \n":
        hi -= 1
    return lo, hi
