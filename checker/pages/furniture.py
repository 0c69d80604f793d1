"""Page furniture that an extractor leaves in an article's text: bylines and credits, photo credits,
"Related:" and "Read more" lines, newsletter and widget lines, comment and share counts, references
to papers (authors, year, journal, DOI), update notes and editors' notes (corrections, where the story ran first), appeals for tips, a date standing
alone; and the dateline that opens a story ("PARIS —", "(CNN) --", "WASHINGTON (AP) —") is
reading/clauses.py's, which keeps it out of every claim. Pure; article_html.py drops such paragraphs,
and a heading standing alone is never proposed."""
import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

# An appeal for tips: who is asked ("Police are asking", "Detectives urge"), and who may know something
# ("anyone with information", "those who saw the crash"), up to what they are asked to do; never across
# words of reporting ("those with knowledge of the talks said he may call an election" is the story's).
ASKER = r"(?:[\w.'’ ]{1,50}?\s+(?:are\s+|is\s+)?(?:ask(?:s|ed|ing)?|urg(?:e|es|ed|ing)|encourag(?:e|es|ed|ing))\s+)"
WHO_KNOWS = (r"(?:anyone|those|people|residents|witnesses|members\s+of\s+the\s+public)\s+"
             r"(?:(?:with|who\s+(?:has|have|had|may\s+have))\s+(?:any\s+)?(?:[\w-]+\s+)?"
             r"(?:information|info|details|knowledge|tips?|footage|video|photos?|pictures|images)"
             r"|who\s+(?:saw|witnessed|knows|may\s+have\s+(?:seen|witnessed)))"
             r"\b(?:(?!\b(?:said|says|say|told|tells|believe[sd]?|think|thinks|thought|according)\b).){0,200}?")

# A whole paragraph that is furniture, by kind. Each is matched against the paragraph's text,
# stripped; none can match a sentence of a story that says something (each is short, or ends
# without a sentence's full stop, or starts with words no story sentence starts with).
FURNITURE = {
    "byline": re.compile(
        r"(?:[-–—]+\s*)?By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
        r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*(?:\s*[|,–—-]?\s*(?:Follow\b|@|Updated\b|Published\b).*)?"),
    "credit": re.compile(
        r"(?i)(?:.{0,160}\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article|reporting)\b.{0,40}"
        r"|\(?(?:additional\s+)?reporting\s+by\s+.{0,120}|\(?(?:writing|editing|edited|produced)\s+by\s+.{0,120}"
        r"|(?:contact|email|e-mail|write\s+to)\s+(?:the\s+)?(?:reporter|author|writer|us)\b.{0,80}"
        r"|our\s+standards\s*:.{0,80}|\(\s*(?:sourcing|sources?)\s*:.{0,160}\)\.?|(?:sourcing|sources?)\s*:\s*[^.]{0,120}\.?"
        r"|(?:this|the)\s+(?:story|article|report|post)\s+(?:has\s+been|was|is\s+being)\s+(?:updated|corrected|amended)\b.{0,120})"),
    "photo credit": re.compile(
        r"(?:(?:[A-Z]{2,6}|Getty(?: Images)?|Reuters|Shutterstock|Alamy|File|Handout|Pool)(?:\s*(?:/|via|Photo|Images)\s*[\w ]{0,30})?)"
        r"|(?i:(?:photo|image|picture|video|illustration)\s*(?:(?:credit|caption)?\s*:|caption\s*,)\s*.{0,80})"),
    "related": re.compile(
        r"(?i)(?:related|read\s+more|more|see\s+also|also\s+read|read\s+also|recommended|must\s+read|don'?t\s+miss|"
        r"more\s+from\s+[\w ]{1,30}|most\s+(?:read|popular|viewed)|trending|watch|listen|explainer|opinion|analysis|live)"
        r"\s*(?::|\||>>|»|–|—)\s*.{0,200}"),
    "widget": re.compile(
        r"(?i)(?:advertisement|sponsored(?:\s+content)?|skip\s+advertisement|loading\b.*|continue\s+reading.*|keep\s+reading.*|"
        r"listen\s+to\s+this\s+article.*|from\s+the\s+section.*|read\s+the\s+(?:full|rest)\b.*|click\s+here\b.*|"
        r"tap\s+here\b.*|sign\s+up\b.*|subscribe\b.*|follow\s+us\b.*|follow\s+[\w .&'’@-]{1,40}?\s+on\s+(?:facebook|twitter|x|instagram|tiktok|youtube|linkedin|threads|bluesky|whatsapp|telegram)\b.*|share\s+(?:this|on|via)\b.*|download\s+(?:the|our)\s+app.*|"
        r"get\s+(?:our|the)\s+[\w ]{0,30}newsletter.*|join\s+the\s+conversation.*|we\s+use\s+cookies.*|"
        r".*\ball\s+rights\s+reserved.*|(?:©|copyright\b).*|comments?\s*\(\d+\))"),
    # what the newsroom says of its own story: its corrections, their labels, where it ran first
    "editors' note": re.compile(
        r"(?i)(?:(?:correction|corrections|clarification|editor['’]?s['’]?\s+note|note\s+to\s+(?:our\s+)?readers)\s*[:.—–-].*"
        r"|(?:an?|the)\s+(?:previous|earlier|prior|original)\s+version\s+of\s+this\s+(?:story|article|post|posting|report|piece|"
        r"column|item|headline|caption|graphic|video)\s+(?:(?:incorrectly|wrongly|mistakenly|erroneously)\s+)?"
        r"(?:said|stated|referred|reported|described|called|gave|misstated|misspelled|misidentified|misattributed|"
        r"mischaracteri[sz]ed|misquoted|misnamed|omitted|included|identified|attributed|quoted|used|listed|had|did\s+not)\b.*"
        r"|this\s+(?:story|article|post|posting|report|piece|column|essay|interview)\s+(?:was\s+|has\s+)?originally\s+"
        r"(?:appeared|published|posted|ran|run)\b.*)"),
    # a call on readers to tell the police or the newsroom what they know
    "appeal": re.compile(
        rf"(?i)(?:{ASKER}{WHO_KNOWS}\bto|{WHO_KNOWS}\b(?:(?:is|are)\s+(?:being\s+)?(?:asked|urged|encouraged|requested)\s+to"
        r"|should|can|may))\s+(?:please\s+)?(?:call|contact|phone|ring|e-?mail|text|message|reach|submit|report|get\s+in\s+touch|"
        r"come\s+forward|send)\b.*"
        r"|(?:anonymous\s+)?(?:tips|information)\s+(?:can|may)\s+(?:also\s+)?be\s+"
        r"(?:submitted|sent|left|given|phoned|e-?mailed|made)\b.*"
        r"|(?:got|have)\s+a\s+(?:news\s+)?tip\b.*|send\s+(?:us\s+)?(?:your\s+)?(?:news\s+)?tips\b.*"),
    "count": re.compile(r"(?i)\d[\d,.]*\s*[km]?\s+(?:comments?|shares?|views?|likes?|reactions?|replies|reads)"),
    # the paper a story rests on, cited as a library would ("Dinwiddie et al. 2014. Dynamics of ... Developmental
    # Biology 392(2): 404-418. doi:10.1016/..."): a source to follow, no sentence of the story
    "reference": re.compile(
        # (its authors: no full stop but an initial's or "et al."'s, then the year)
        r"(?:[A-Z](?:[^.]|(?<=\b[A-Z])\.|(?<=\bal)\.){0,200}?,?\s+\(?(?:19|20)\d{2}[a-z]?\)?[.,:]\s+.{10,600}?)?"
        r"(?i:doi:\s*|https?://(?:dx\.)?doi\.org/)10\.\d{4,}/\S+"),
    "date": re.compile(
        r"(?i)(?:(?:updated|published|posted|first\s+published|last\s+updated|modified)\s*:?\s*)?"
        r"(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\s*,?\s*)?(?:mon|tue|wed|thu|fri|sat|sun)?[a-z]*\.?,?\s*"
        r"(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+\d{4}"
        r"(?:\s*,?\s*\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?"),
}

MAX_WORDS = 30  # furniture is short: a longer paragraph is the story's, whatever it starts with
# ... but for a note or an appeal, whose opening words no story sentence has, and which may run longer
MAX_WORDS_OF = {"editors' note": 90, "appeal": 60, "reference": 90}


def furniture_kind(paragraph: str) -> str | None:
    """The kind of furniture a paragraph is, or None when it is the story's text."""
    text = " ".join(paragraph.split())
    words = len(text.split())
    for kind, pattern in FURNITURE.items():
        if words <= MAX_WORDS_OF.get(kind, MAX_WORDS) and pattern.fullmatch(text):
            return kind
    return None


class HasText(Protocol):
    @property
    def text(self) -> str: ...


P = TypeVar("P", bound=HasText)


def drop_furniture(paragraphs: Sequence[P]) -> list[P]:
    """The paragraphs that are the story's, in order."""
    return [p for p in paragraphs if furniture_kind(p.text) is None]


HEADING_WORDS = 25
HEADING_END = re.compile(r"[.!?…:;\"”’')\]]\s*$")


def heading_alone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a paragraph of its own that does not end as a sentence does: a
    heading, a teaser or a caption ("The campaign comes to the courtroom"), never a claim."""
    lo, hi = start, end
    while lo > 0 and text[lo - 1] in " \t":  # (walked, never sliced: a slice of the text before it would copy the article)
        lo -= 1
    while hi < len(text) and text[hi] in " \t":
        hi += 1
    alone = (lo == 0 or text[lo - 1] == "\n") and (hi == len(text) or text[hi] == "\n")
    # (a paragraph of more words than a heading has is the story's, however it ends: a standfirst, a lede)
    words = text[start:end]
    return alone and len(words.split()) <= HEADING_WORDS and (not HEADING_END.search(words) or credited_headline(words))


# A headline with where it comes from, as roundups give each item ("Analysts Aren't Feeling Great About
# Commodities In 2015 (Think Advisor)"): words in title case before a credit in brackets.
CREDITED = re.compile(r"(?P<title>[^.!?()]+?)\s*\([^()]{2,60}\)\s*$")


def credited_headline(words: str) -> bool:
    m = CREDITED.fullmatch(words.strip())
    if not m:
        return False
    tokens = [t for t in re.findall(r"[^\W\d_][\w'’-]*", m.group("title")) if len(t) > 3]
    return len(tokens) >= 2 and sum(t[0].isupper() for t in tokens) >= 0.8 * len(tokens)
