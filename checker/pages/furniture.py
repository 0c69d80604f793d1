"""Page furniture that an extractor leaves in an article's text: bylines and credits, photo credits,
"Related:" and "Read more" lines, newsletter and widget lines, comment and share counts, references
to papers (authors, year, journal, DOI), update notes and editors' notes (corrections, where the story
ran first), appeals for tips, a live blog's signposts ("More photos are coming in"), a date standing
alone; captions, chart titles and embedded posts (captions.py); and the dateline that opens a story
("PARIS —", "(CNN) --", "WASHINGTON (AP) —") is reading/clauses.py's, which keeps it out of every claim. Pure; article_html.py drops such paragraphs,
and a heading standing alone is never proposed."""
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

from .captions import caption_kind
from ..text import LIVE_STAMP

# An appeal for tips: who is asked ("Police are asking", "Detectives urge"), and who may know something
# ("anyone with information", "those who saw the crash"), up to what they are asked to do; never across
# words of reporting ("those with knowledge of the talks said he may call an election" is the story's).
ASKER = r"(?:[\w.'’ ]{1,50}?\s+(?:are\s+|is\s+)?(?:ask(?:s|ed|ing)?|urg(?:e|es|ed|ing)|encourag(?:e|es|ed|ing))\s+)"
WHO_KNOWS = (r"(?:anyone|those|people|residents|witnesses|members\s+of\s+the\s+public)\s+"
             r"(?:(?:with|who\s+(?:has|have|had|may\s+have))\s+(?:any\s+)?(?:[\w-]+\s+)?"
             r"(?:information|info|details|knowledge|tips?|footage|video|photos?|pictures|images)"
             r"|who\s+(?:saw|witnessed|knows|may\s+have\s+(?:seen|witnessed)))"
             r"\b(?:(?!\b(?:said|says|say|told|tells|believe[sd]?|think|thinks|thought|according)\b).){0,200}?")

# A credit line: a role and the names that held it, in any number ("(Reporting by Jane Doe in NAIROBI and
# John Roe; Writing by ...; Editing by ...)", "Graphic by ..."); only names, so that a sentence of the
# story that opens so ("Reporting by the Times showed that ...", "Produced by Acme, the film grossed
# ...") has words of its own and stays.
CREDIT_ROLE = (r"(?i:(?:additional\s+)?(?:reporting|writing|written|editing|edited|produced|compiled|graphics?|charts?|"
               r"illustrations?|photos?|photography|videos?|design|designed|data|research|translation|translated|"
               r"fact-?checking|development|maps?)\s+by)")
CREDIT_NAME = (r"(?:[A-ZÀ-ÖØ-Þ][\w.'’&-]*|(?:and|&|in|from|at|of|with|the|de|da|del|der|van|von|al|el|bin|our|"
               r"staff|team|writers?|reporters?|correspondents?|editors?|producers?|photographers?|data|desk)\b)")
CREDIT_NAMES = rf"{CREDIT_NAME}(?:(?:\s*,\s*|\s+){CREDIT_NAME}){{0,80}}"

# Who a live blog's post comes from: a reporter or a desk of the paper's, and where ("Jane Doe in Kyiv", "our team in Lagos").
SOURCE = r"(?-i:our\s+[\w ]{1,30}?|[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|in|at|on|and|of|the))*)"

# A whole paragraph that is furniture, by kind. Each is matched against the paragraph's text,
# stripped; none can match a sentence of a story that says something (each is short, or ends
# without a sentence's full stop, or starts with words no story sentence starts with).
FURNITURE = {
    "byline": re.compile(
        r"(?:[-–—]+\s*)?By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
        r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*(?:\s*[|,–—-]?\s*(?:Follow\b|@|Updated\b|Published\b).*)?"
        # a broadcast's hand-over to its reporter and its sign-off, perhaps after the presenter's label ("Ellesa Throwden
        # reports.", "MARK BANNERMAN: Olympian Bill Kirby ending that report from Ellesa Throwden.")
        r"|(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}:\s+)?(?:(?:That\s+was\s+)?(?:[A-Z][\w.'’-]+\s+){1,3}(?:reports|reporting)"
        r"|(?:[A-Z][\w.'’-]+\s+){1,4}(?:ending|with)\s+(?:that|this|the)\s+report(?:\s+from\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})?)\.?"),
    "credit": re.compile(
        r"(?i:.{0,160}\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article|reporting)\b.{0,40})"
        rf"|\(?{CREDIT_ROLE}\s+{CREDIT_NAMES}(?:\s*[;,|.]\s*(?i:and\s+)?{CREDIT_ROLE}\s+{CREDIT_NAMES})*\s*\)?\.?"
        r"|(?i:(?:contact|email|e-mail|write\s+to)\s+(?:the\s+)?(?:reporter|author|writer|us)\b.{0,80}"
        r"|our\s+standards\s*:.{0,80}|\(\s*(?:sourcing|sources?)\s*:.{0,160}\)\.?"
        r"|(?:sourcing|sources?|data\s+sources?)\s*:\s*(?!.*\b(?:said|says|told)\b)[^.]{0,120}(?:\.\s?[^.\s][^.]{0,60}){0,3}\.?"
        r"|(?:this|the)\s+(?:story|article|report|post)\s+(?:has\s+been|was|is\s+being)\s+(?:updated|corrected|amended)\b.{0,120}"
        # thanks for the work behind the story ("A special credit to ... who put together the numbers")
        r"|(?:an?\s+)?(?:special|big|huge|many)\s+(?:credit|thanks)\s+(?:go(?:es)?\s+)?to\s+.{1,200}"
        r"|credit\s+(?:go(?:es)?\s+)?to\s+.{1,80}?\b(?:(?:who|for)\s+(?:put|putting|compiled|compiling|assembled|"
        r"assembling|produced|producing|designed|designing|built|building|gathered|gathering|crunched|crunching)\b.{0,150}"
        r"|(?:credit|thanks)\s+(?:go(?:es)?\s+)?to\s+.{1,80}?\bfor\s+(?:their|his|her)"
        r"\s+(?:help|work|assistance|research|contributions?))\b.{0,150}"
        # the page's own chart or tool and who made it ("The tracker was created for The Daily by ...")
        r"|(?:(?:this|our)\s+[\w .'’-]{0,40}?(?:tracker|chart|graphic|map|interactive|database|tool|app|calculator|quiz|timeline|"
        r"visuali[sz]ation)s?\s+(?:was|were|is|are)\s+(?:created|built|produced|designed|compiled|developed|made|put\s+together)"
        r"\s+(?:for\s+.{1,40}?\s+)?|the\s+[\w .'’-]{0,40}?(?:tracker|chart|graphic|map|interactive|timeline|visuali[sz]ation)s?\s+"
        r"(?:was|were|is|are)\s+(?:created|built|produced|designed|compiled|developed|made|put\s+together)\s+for\s+.{1,40}?\s+)"
        r"by\s+.{1,200}"
        # a note under a chart or a table ("Note: figures exclude Scotland.")
        r"|(?:notes?|nb|n\.b\.)\s*:\s*.{1,300})"),
    "photo credit": re.compile(
        r"(?:(?:[A-Z]{2,6}|Getty(?: Images)?|Reuters|Shutterstock|Alamy|File|Handout|Pool)(?:\s*(?:/|via|Photo|Images)\s*[\w ]{0,30})?)"
        r"|(?i:(?:photo|image|picture|video|illustration)\s*(?:(?:credit|caption)?\s*:|caption\s*,)\s*.{0,80})"
        # a caption under several ("Photos: Former Utah Attorneys General ... are shown after ...")
        r"|(?i:(?:photos|images|pictures)\s*:\s*.{0,240})"),
    "related": re.compile(
        r"(?i)(?:related|read\s+more|more|see\s+also|also\s+read|read\s+also|recommended|must\s+read|don'?t\s+miss|"
        r"more\s+from\s+[\w ]{1,30}|most\s+(?:read|popular|viewed)|trending|watch|listen|explainer|opinion|analysis|live)"
        r"\s*(?::|\||>>|»|–|—)\s*.{0,200}"
        # a box of links headed so, run together by the extractor ("More Related to this Story Let’s look on ...")
        r"|(?i:(?:more\s+)?related\s+to\s+this\s+(?:story|article)\b.{0,300})"
        # a link to another story in brackets, with no sentence's close ("(The crash: what we know so far)")
        r"|\((?![^()]*[.!?][\"”’']?\)$)[^()]{3,160}\)"
        r"|(?i:(?:you\s+can\s+)?(?:read|see|watch|find|view)\s+(?:more|the\s+full|all)\b.{0,120}\bhere\s*[.!]?)"
        # a teaser for a list or a gallery ("The best and worst of Bollywood in 2014", "The year in pictures")
        r"|(?i:the\s+(?:best\s+and\s+(?:the\s+)?worst|worst\s+and\s+(?:the\s+)?best)\s+(?:of|in)\s+[^.!?]{1,60}[.!]?"
        r"|(?:the\s+)?(?:year|week|day|month)\s+in\s+(?:pictures|photos|review)\b[^.!?]{0,60}[.!]?"
        r"|[^.!?]{1,80},\s+in\s+(?:pictures|photos)[.!]?)"),
    "widget": re.compile(
        r"(?i)(?:advertisement|sponsored(?:\s+content)?|skip\s+advertisement|loading\b.*|continue\s+reading.*|keep\s+reading.*|"
        r"listen\s+to\s+this\s+article.*|from\s+the\s+section.*|read\s+the\s+(?:full|rest)\b.*|click\s+here\b.*|"
        r"tap\s+here\b.*|sign\s+up\b.*|subscribe\b.*|follow\s+us\b.*|follow\s+[\w .&'’@-]{1,40}?\s+on\s+(?:facebook|twitter|x|instagram|tiktok|youtube|linkedin|threads|bluesky|whatsapp|telegram)\b.*|share\s+(?:this|on|via)\b.*|download\s+(?:the|our)\s+app.*|"
        r"get\s+(?:our|the)\s+[\w ]{0,30}newsletter.*|join\s+the\s+conversation.*|we\s+use\s+cookies.*|"
        r".*\ball\s+rights\s+reserved.*|(?:©|copyright\b).*|comments?\s*\(\d+\)"
        # a newsletter's or a podcast's own blurb ("Morning Brief is a daily newsletter from The Daily that delivers ...")
        r"|[^.!?]{1,60}?\s+is\s+(?:a|an|our)\s+(?:free\s+)?(?:(?:daily|weekly|monthly|fortnightly|twice-weekly|weekday|morning|"
        r"evening|lunchtime)\s+)*(?:e-?mail\s+)?(?:newsletter|briefing|digest|podcast|bulletin)\b[^.!?]{0,80}?\b(?:that|which)\s+"
        r"(?:delivers|brings|sends|gives|offers|rounds\s+up|features|curates|highlights|keeps|explains|lands)\b.*"
        r"|this\s+(?:story|article|piece|post|report)\s+is\s+(?:part\s+of|from)\s+(?:[^.!?]{0,60}\b)?(?:series|package|"
        r"project|collection|partnership|special\s+report|coverage)\b.{0,120})"),
    # what the newsroom says of its own story: its corrections, their labels, where it ran first
    "editors' note": re.compile(
        r"(?i)(?:(?:correction|corrections|clarification|editor['’]?s['’]?\s+note|note\s+to\s+(?:our\s+)?readers|disclaimer|"
        r"update[ds]?\s*(?:[\d/.,]+\s*)+(?:,?\s*\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?(?:\s+[a-z]{2,4})?\s*(?=:\s+[a-z]))\s*[:.—–-].*"
        # ("Update 4/3/2020, 6:20pm ET: This post was updated to ...")
        # the opinion page's disclaimer ("The views expressed in this article are the author's own and do not ...")
        r"|the\s+(?:views|opinions)\s+expressed\s+(?:in\s+this\s+(?:article|piece|column|post|commentary)\s+)?(?:are|is)\b.{0,160}"
        # the print issue it runs in ("This story appears in the January 2017 issue of ... magazine. Read the print ...")
        r"|this\s+(?:story|article|piece|report|feature)\s+(?:appears|appeared|will\s+appear|runs|ran)\s+in\s+the\s+[^.!?]{0,60}?"
        r"\bissue\b.*"
        r"|(?:an?|the)\s+(?:previous|earlier|prior|original)\s+version\s+of\s+this\s+(?:story|article|post|posting|report|piece|"
        r"column|item|headline|caption|graphic|video)\s+(?:(?:incorrectly|wrongly|mistakenly|erroneously)\s+)?"
        r"(?:said|stated|referred|reported|described|called|gave|misstated|misspelled|misidentified|misattributed|"
        r"mischaracteri[sz]ed|misquoted|misnamed|omitted|included|identified|attributed|quoted|used|listed|had|did\s+not)\b.*"
        r"|this\s+(?:story|article|post|posting|report|piece|column|essay|interview)\s+(?:was\s+|has\s+)?originally\s+"
        r"(?:appeared|published|posted|ran|run)\b.*"
        # where the story comes from ("This story was provided by SpaceNews, dedicated to ...")
        r"|this\s+(?:story|article|post|report|piece|column|content)\s+(?:was|is|has\s+been)\s+(?:provided|supplied|"
        r"republished|reprinted|syndicated|shared|adapted|excerpted|produced\s+in\s+partnership)\s+(?:by|from|with|courtesy\s+of)\b.*)"),
    # a call on readers to tell the police or the newsroom what they know
    "appeal": re.compile(
        rf"(?i)(?:{ASKER}{WHO_KNOWS}\bto|{WHO_KNOWS}\b(?:(?:is|are)\s+(?:being\s+)?(?:asked|urged|encouraged|requested)\s+to"
        r"|should|can|may))\s+(?:please\s+)?(?:call|contact|phone|ring|e-?mail|text|message|reach|submit|report|get\s+in\s+touch|"
        r"come\s+forward|send)\b.*"
        r"|(?:anonymous\s+)?(?:tips|information)\s+(?:can|may)\s+(?:also\s+)?be\s+"
        r"(?:submitted|sent|left|given|phoned|e-?mailed|made)\b.*"
        r"|(?:got|have)\s+a\s+(?:news\s+)?tip\b.*|send\s+(?:us\s+)?(?:your\s+)?(?:news\s+)?tips\b.*"),
    # what a live blog or a page says of its own coverage ("More photos are coming in", "Here's the latest
    # from our video team", "We are going to leave our live coverage here"), its own time stamp stripped
    "signpost": re.compile(
        r"(?i)(?:more\s+(?:photos|pictures|images|videos?|footage|details|updates|news|information)\s+(?:(?:is|are|will\s+be)\s+)?"
        r"(?:coming\s+in|to\s+(?:come|follow)|on\s+the\s+way|soon|shortly|as\s+(?:we|they)\s+get\s+(?:it|them))\b[^.!?]*"
        r"|more\s+(?:on|about)\s+(?:that|this|the\s+(?:story|latest))\b[^.!?,;:]*"
        r"|(?:here(?:'s|’s|\s+is|\s+are)|below\s+(?:is|are))\s+(?:the\s+latest|more\s+(?:from|on)|our\b|a\s+(?:look|video|gallery|"
        r"round-?up|recap|summary|map|timeline|selection)|what\s+we\s+know|some\s+of\s+the\s+(?:best|latest|reaction))\b[^.!?:]*"
        rf"|(?:the\s+)?latest\s+(?:updates?|news|pictures|photos|images|videos?)\s+(?:from|on)\s+{SOURCE}"
        r"|(?:we(?:\s+are|'re|’re|\s+will\s+be|'ll\s+be|’ll\s+be)?|i(?:'m|’m|\s+am))\s+(?:now\s+)?(?:going\s+to\s+)?"
        r"(?:leave|leaving|end|ending|pause|pausing|close|closing|wrap|wrapping|stop|stopping|suspend|suspending)\s+(?:up\s+)?"
        r"(?:our|this|the)\s+(?:live\s+)?(?:coverage|blog|live\s*blog|updates|reporting)\b.*"
        r"|(?:this|our)\s+live\s*blog\s+(?:is|has)\s+(?:now\s+)?(?:closed|ended|paused)\b.*"
        r"|that(?:'s|’s|\s+is)\s+(?:all|it)\s+(?:from\s+us|for\s+(?:now|today|tonight))\b.*"
        r"|we(?:'ll|’ll|\s+will)\s+be\s+back\b.{0,120}\b(?:updates?|coverage|more)\b.*"
        r"|(?:keep\s+refreshing|refresh\s+(?:this\s+page\s+)?for|check\s+back\s+(?:later\s+)?for|stay\s+with\s+us\s+for)\b.*"
        r"|(?:our|we)\s+[\w .'’-]{0,40}?(?:has|have)\s+(?:just\s+)?(?:compiled|put\s+together|gathered|assembled|selected|collected)\s+"
        r"(?:a|an|this|the|some)\s+(?:[^.!?]{0,40}?\s)?(?:gallery|selection|collection|slideshow|round-?up|timeline|video|map)\b.*"
        # a chart or a table the text leaves out ("The following chart summarizes ...", "Here’s the most recent data on ...")
        r"|(?:(?:the\s+following|this)\s+(?:chart|table|graphic|map|graph|timeline)|the\s+(?:chart|table|graphic|map|graph)\s+below)\s+"
        r"(?:shows|summari[sz]es|illustrates|compares|details|lists|breaks\s+down|tracks)\b[^.!?]*"
        r"|here(?:'s|’s|\s+is|\s+are)\s+the\s+(?:most\s+recent|latest|full)\s+(?:data|figures|numbers|breakdown)\b[^.!?]*"
        r"|there\s+(?:are|is)\s+more\s+(?:charts?|maps?|graphics?|photos?|pictures|images|videos?|stories|coverage|analysis)"
        r"(?:\s+(?:and|&)\s+\w+)?\s+(?:on|at|in|here|below|above)\b[^.!?]{0,60}"
        rf"|more\s+from\s+{SOURCE})\s*[.:!]?"),
    # who wrote it, with where to follow them ("Natasha Daly is an assistant editor at National Geographic. Follow her on Twitter.",
    # "Dan Forbes, a CFP Board Ambassador, is a regular contributor .... He leads the firm ... and can be reached at ...")
    "author": re.compile(
        r"(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*(?:,\s+[^,.!?]{1,60},)?\s+(?:is|was)\s+(?:a|an|the)\s+[^.!?]{0,80}?\b(?:editor|writer|"
        r"reporter|correspondent|columnist|journalist|contributor|producer|photographer|critic|intern|fellow)s?\b[^.!?]{0,100}[.!]\s+"
        r"(?i:follow\s+(?:him|her|them)\s+on\b.*|(?:he|she|they)\s+(?:[^.!?]{0,120}?\s)?(?:can\s+be\s+reached|tweets)\b.*)"),
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
MAX_WORDS_OF = {"author": 60, "editors' note": 90, "appeal": 60, "reference": 90, "credit": 120, "signpost": 40, "related": 60}
MAX_FURNITURE_CHARS = 2000  # more than the longest furniture has, in any kind



@lru_cache(maxsize=4096)
def furniture_kind(paragraph: str) -> str | None:
    """The kind of furniture a paragraph is, or None when it is the story's text."""
    text = " ".join(paragraph.split())
    stamp = LIVE_STAMP.match(text)
    post = text[stamp.end():] if stamp else text
    for kind, pattern in FURNITURE.items():
        for words in (text, post) if stamp else (text,):
            if len(words.split()) <= MAX_WORDS_OF.get(kind, MAX_WORDS) and pattern.fullmatch(words):
                return kind
    return caption_kind(post) or (caption_kind(text) if stamp else None)


def furniture_around(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], a sentence, is furniture or stands in a paragraph that is ("1 of 4. Rescuers
    search the sea ...", a caption that opens with its credit, a whole embedded post)."""
    if furniture_kind(text[start:end]):
        return True
    # (the paragraph's ends are sought no further away than the longest furniture runs: a paragraph longer
    # than that is the story's, and the time stays linear in the text's length)
    lo = text.rfind("\n\n", max(0, start - MAX_FURNITURE_CHARS), start)
    if lo < 0 and start > MAX_FURNITURE_CHARS:
        return False
    hi = text.find("\n\n", end, end + MAX_FURNITURE_CHARS)
    if hi < 0 and len(text) - end > MAX_FURNITURE_CHARS:
        return False
    lo, hi = (lo + 2 if lo >= 0 else 0), (hi if hi >= 0 else len(text))
    return end - start < hi - lo <= MAX_FURNITURE_CHARS and furniture_kind(text[lo:hi]) is not None


class HasText(Protocol):
    @property
    def text(self) -> str: ...


P = TypeVar("P", bound=HasText)


def drop_furniture(paragraphs: Sequence[P]) -> list[P]:
    """The paragraphs that are the story's, in order: neither furniture nor a caption that the picture's
    credit line after it repeats ("The crater at dawn" before "Credit: NASA View full size image The crater
    at dawn"), and none from a press release's box on its firm ("About Biz2Credit") to the end."""
    about = next((i for i in range(max(0, len(paragraphs) - ABOUT_REACH), len(paragraphs))
                  if ABOUT_HEADING.fullmatch(" ".join(paragraphs[i].text.split()))), len(paragraphs))
    paragraphs = paragraphs[:about]  # ("About Biz2Credit" and the words on the firm after it, to the end)
    kinds = [furniture_kind(p.text) for p in paragraphs]
    return [p for i, (p, kind) in enumerate(zip(paragraphs, kinds)) if kind is None
            and not (i + 1 < len(paragraphs) and kinds[i + 1] is not None and repeated(p.text, paragraphs[i + 1].text))]


# The heading of a press release's box on the firm that issued it, near the end ("About Biz2Credit", "About the
# Company"): what follows is its boilerplate, no part of the story
ABOUT_HEADING = re.compile(r"About\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.'’-]*){0,5}\s*:?")
ABOUT_REACH = 4  # paragraphs from the end in which such a heading is looked for


def repeated(caption: str, credit: str) -> bool:
    """Whether a paragraph's words stand again in the credit line after it, as a picture viewer repeats its caption."""
    words = " ".join(caption.split())
    return len(words.split()) >= 3 and words in " ".join(credit.split())


HEADING_WORDS = 25
HEADING_END = re.compile(r"[.!?…:;\"”’')\]]\s*$")
# A list's numbered heading that is a quotation with no stop inside its marks ('3. "Not some irregular channel"')
NUMBERED_QUOTE = re.compile(r"\d{1,2}[.)]\s+[\"“‘'][^.!?]*[\"”’']\s*")
# A line of a list of figures, a name and a colon before a figure and what it counts ("Illinois: 10,180 metric tons of spent
# nuclear fuel"): a fact, however it ends; never a page's own label ("Updated: 5 hours ago", "Comments: 312")
DATA_LINE = re.compile(r"(?!(?:Updated|Posted|Published|Comments|Shares|Views|Likes|Photo|Video|Read|Listen|Watch)\b)[A-Z][\w.’'-]*"
                       r"(?:[ \t]+[A-Z][\w.’'-]*){0,3}:[ \t]+(?:(?:about|around|nearly|almost|more\s+than|over|some)[ \t]+)?"
                       r"[$€£¥]?\d[\d,.]*(?![\d:])[ \t]*(?:%|(?!ago\b)[a-z]{2,}\b(?![ \t]+ago\b)).*")


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
    return alone and len(words.split()) <= HEADING_WORDS and DATA_LINE.fullmatch(words) is None and (
        not HEADING_END.search(words) or credited_headline(words) or title_cased(words) or NUMBERED_QUOTE.fullmatch(words) is not None)


def run_in_heading(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the numbered heading a paragraph opens with, run in before its body ("1. Seeing
    it too much. How often do you ..."): a list's number and a few words."""
    lo = start
    while lo > 0 and text[lo - 1] in " \t":
        lo -= 1
    body = re.match(r"[ \t]*[^\s]", text[end:end + 3])  # (the paragraph goes on: a list item standing alone is none)
    return (lo == 0 or text[lo - 1] == "\n") and body is not None and RUN_IN.fullmatch(text, start, end) is not None


RUN_IN = re.compile(r"\d{1,2}[.)]\s+[^.!?\n\d]{1,60}?[.!?:]?[\"”’']?\s*")  # (no figure in it: a figure makes a claim)


def title_cased(words: str) -> bool:
    """A line written in title case, with no full stop of a sentence inside its closing marks ("2. Shurtleff
    Allegedly Had A Fixer Who Threatened To 'Bust People Up'"): a heading."""
    if re.search(r"[.!?…]\W*$", words.strip().rstrip("\"”’')]")) and not re.search(r"\d\.\s", words[:4]):
        return False
    long = [t for t in re.findall(r"[^\W\d_][\w'’-]*", words) if len(t) >= 4]
    return len(long) >= 4 and all(t[0].isupper() for t in long)


# A headline with where it comes from, as roundups give each item ("Analysts Aren't Feeling Great About
# Commodities In 2015 (Think Advisor)"): words in title case before a credit in brackets.
CREDITED = re.compile(r"(?P<title>[^.!?()]+?)\s*\([^()]{2,60}\)\s*$")


def credited_headline(words: str) -> bool:
    m = CREDITED.fullmatch(words.strip())
    if not m:
        return False
    tokens = [t for t in re.findall(r"[^\W\d_][\w'’-]*", m.group("title")) if len(t) > 3]
    return len(tokens) >= 2 and sum(t[0].isupper() for t in tokens) >= 0.8 * len(tokens)
