"""The writer's own voice in a sentence, which claims nothing to check without a figure or a date: an
instruction to the reader ("Use analytics to ..."), a guess ("Perhaps the selectors felt ..."), the
writer's own story or words to the reader ("I rolled down my window", "Ava, you worked on ..."); and a
clause too vague to check ("the worst of the storm has passed"). Pure functions; atomic.py leaves such
clauses out."""
import re

from .attribution import REPORTING_WORD
from .clauses import DETERMINERS, first_verb, SIGNAL, UNNAMED, words_at
from .speech import without_quotations

# The writer telling the reader what to do ("Use analytics to ...", "Don't buy on margin"); "Note that exports
# rose" states a fact, so "that" after the verb keeps the sentence, and a name opening so ("Take Action, a
# charity, raised ...", "Keep said governments ...") is no instruction.
IMPERATIVE = re.compile(r"(?:Please\s+)?(?:Use|Do|Don['’]t|Make|Try|Consider|Focus|Take|Keep|Start|Avoid|Check|Be|Get|"
                        r"Let['’]s|Look|Find|Ask|Read|Follow|Click|Call|See|Imagine|Put|Give|Stop|Watch|Visit|Join|Sign|"
                        r"Contact|Learn|Add|Choose|Pick|Remember|Think|Note)\b(?!['’])(?!\s+(?:that|is|was|are|were|has|had|said|says|told|added|wrote|explained|noted)\b)"
                        r"(?!\s+[A-Z])")
# The writer guessing ("perhaps", "doubtless", "might as well have been"): an opinion, never a fact to check.
HEDGE = re.compile(r"(?i)\b(?:perhaps|maybe|probably|doubtless|undoubtedly|arguably|seemingly|presumably|surely|"
                   r"might\s+as\s+well|may\s+(?:well\s+)?be|might\s+(?:well\s+)?be)\b")
# What would have been, a world that did not happen, as the clause's own verb ("the story would have been
# different", "He would not have been redeemed"); one deep in the clause ("a ball the review showed would
# have missed the stumps") is part of a fact told, and "would have a team" owns something.
COUNTERFACTUAL = re.compile(r"(?i)(?:[\w’'-]+,?\s+){0,5}would(?:\s+not|n['’]t)?\s+have\s+(?:been|[a-z]+(?:ed|en|wn|ne|nt))\b")
# The writer speaking of themself or to the reader, or to the person they interview, outside any quotation.
# The reader, anywhere in the writer's words ("the ways you have helped them", "your Scrooge client"): advice
# or a generality addressed to whoever reads, never a fact about someone named ("T1 are your champions",
# "Meet your new mayor" announce to everyone and stay).
READER = re.compile(r"(?i)(?<![\w-])(?:you|yours|yourself|yourselves|(?<!\bis\s)(?<!\bare\s)(?<!\bmeet\s)your)(?![\w-])")
FIRST_OR_SECOND = re.compile(r"(?:[A-Z][a-z]+,\s+)?(?:I|I['’](?:m|ve|d|ll)|[Mm]y|[Yy]ou(?:['’](?:re|ve|ll|d))?|[Yy]our)\s")
POINTING = re.compile(r"(?:It|Its|This|These|That|Those|The|There|Here)(?:['’]s)?(?![\w’'-])")  # no name: "The firm will send you"


def is_instruction(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] (a sentence's words) tells the reader what to do."""
    return IMPERATIVE.match(text, lo, hi) is not None


SUBORDINATE = re.compile(r"(?i)\s*(?:if|when|although|though|while|because|unless|as|since|whether|once)\b")


def is_guess(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] (a clause) hedges what it says ("perhaps", "doubtless") or tells what would
    have been; a hedge after a seam ("...—maybe it worked out", ", arguably in response to ...") hedges only what
    follows it, unless the clause opens as a condition or a concession ("If ...", "Although ...")."""
    hedge = HEDGE.search(text, lo, hi)
    seams = list(re.finditer(r"[—–;]|\s-\s|,\s+(?:and|but)\s|,\s*$", text[lo:hedge.start()])) if hedge else []  # (or ", arguably")
    dashes = sum(m.group().strip() in "—–-" for m in seams)  # (after a pair of dashes, an aside closed: the main clause)
    if seams and (dashes % 2 or len(seams) > dashes) and first_verb(text, lo, lo + seams[0].start(), finite=True) \
            and not SUBORDINATE.match(text, lo):
        hedge = None  # "sent Storen to the Blue Jays in the trade—maybe it worked out": the hedge is the later part's
    return hedge is not None or COUNTERFACTUAL.match(text, lo, hi) is not None


def writer_or_reader(text: str, at: int) -> bool:
    """Whether the clause at `at` has the writer ("I", "my") or the reader ("you") for its subject."""
    return FIRST_OR_SECOND.match(text, at) is not None


def addresses_reader(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] (a clause) speaks to the reader outside any quotation in it; a named subject's clause
    with "your" only after its verb is about the subject ("Twitter will now show the tweets to all your followers")."""
    words = without_quotations(text, lo, hi)
    m = READER.search(words)
    if m is None:
        return False
    verb = first_verb(words, 0, len(words), finite=True)
    opening = words.lstrip()
    return not (verb is not None and verb[0] < m.start() and re.match(r"[A-Z][\w’'&.-]*", opening)
                and not FIRST_OR_SECOND.match(opening) and not POINTING.match(opening))


VAGUE_WORDS = 8  # fewer words than this, and nothing specific: too vague to check


def vague(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] (a clause of an article's text) is too short to be checked with nothing
    specific in it: no figure, no name, no speech ("the worst of the storm has passed", "It was a
    spirited argument"). A capitalised first word is a name when the article never writes it in
    lower case ("Amtrak reported no major delays", not "Winds could pose a problem")."""
    words = words_at(text, lo, hi)
    if len(words) >= VAGUE_WORDS or SIGNAL.search(text[lo:hi].lower()) or REPORTING_WORD.search(text[lo:hi]):
        return False  # long enough to say something, a figure, a first or a forecast, or who said what
    if any(w[:1].isupper() and w.lower() not in UNNAMED for _, w in words[1:]):
        return False
    first = words[0][1] if words else ""
    return not first[:1].isupper() or first.lower() in UNNAMED or first.lower() in DETERMINERS or \
        re.search(rf"\b{re.escape(first.lower())}\b", text) is not None


# A correction note's account of what the article wrongly said ("This article originally stated that 12 miners
# died", "An earlier version of this story said the tunnel cost $40 million"): words withdrawn, never a claim
RETRACTED = re.compile(r"(?i)\b(?:an?\s+|the\s+)?(?:earlier|previous|prior|original)\s+version\s+of\s+this\s+(?:story|article|post|"
                       r"report|piece)\b|\b(?:this|the)\s+(?:story|article|post|report|piece)\s+(?:originally|previously|"
                       r"incorrectly|mistakenly|wrongly|erroneously)\s+(?:stated|said|reported|gave|described|referred)\b|\bmisstated\b")


def retracted(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] tells what a correction withdrew (see RETRACTED)."""
    return RETRACTED.search(text, lo, hi) is not None

