"""The writer's own words of a sentence beside its quotations: what is left when a quotation that opens or ends the
sentence is a claim of its own, and when the words before it wait for it ("..., saying that") or go on with it ("with
the caption, “...”"). atomic.py asks for each sentence. Pure functions."""
import re

from .attribution import SAYING_CORE
from .clauses import starts_with_verb, trim
from .speech import is_led_speech_tag

# Words that leave a clause waiting for what was cut after them ("saying that", "told", "–").
DANGLING = re.compile(r"(?:\b(?:that|saying|said|says|say|told|asked|called|calling|as|of|to|the|a|an|with|about|and|or|but|"
                      r"from|by|for|in|on|at|is|are|was|were|like|confessed|admitted|declared|put\s+it|adding|noting|writing|explaining|"
                      r"asking|declaring|stating|tweeting)|[–—-])\s*$", re.I)
# The words a quotation is, named just before it ("tweeted the photo with the caption, “Please help us find him!”"): the
# quotation is the clause's object, which it goes on
INTRODUCED = re.compile(r"\b(?:reading|(?:the|a|its|his|her|their)\s+(?:caption|message|words|slogan|headline|note|sign|"
                        r"banner|text|tweet|post))\s*,?\s*$", re.I)

# A second verb of saying joined to a clause that says something, before its quotation ("but added, “...”")
JOINED_TAG = re.compile(r"[,;]?\s+(?:and|but)\s+(?:then\s+|also\s+|later\s+)?(?:added|adds|said|says|noted|warned|insisted|"
                        r"continued|went\s+on)\s*[,:]?\s*$")


# The writer's words going on after a quotation's close, in lower case, with no tag ("” in the emergency center had access")
GOES_ON = re.compile(r"\s+(?!(?:said|says|told|tells|added|adds|asked|asks|wrote|writes|explained|explains|noted|notes|he|she|they|"
                     r"according|and|but|or)\b)[a-z]")
# A verb of saying right after a quotation, its speaker after it ("“...,” says seasoned PR pro ..., Heather Meeker")
SAYS_FIRST = re.compile(rf"(?:{SAYING_CORE}|quips|quipped|insists|insisted|continues|continued|tells|told)\b")


def beside_quotations(text: str, lo: int, hi: int, quotations: list[tuple[int, int, int, int]]) -> tuple[int, int]:
    """The writer's own words of text[lo:hi] (a sentence's content; quotations as find_quotations gives
    them): a quotation that ends or opens the content is a claim of its own, unless it goes on the
    writer's words in lower case ("closed in a sonnet form, “because iambic pentameter persuades”")."""
    for q_open, q_close, q_lo, _ in quotations:
        if q_open > lo and q_close >= hi and not text[q_lo].islower() and not INTRODUCED.search(text, lo, q_open):
            hi = trim(text, lo, q_open)[1]
            if (joined := JOINED_TAG.search(text, lo, hi)) and joined.start() > lo:
                hi = joined.start()  # "said he would consider X but added, “...”": what he said, then his quotation
            elif DANGLING.search(text, lo, hi) or is_led_speech_tag(text, lo, hi):
                hi = lo  # what is left waits for the quotation ("..., saying that") or only says who spoke
        elif q_open <= lo < q_close:
            start, lo = lo, trim(text, q_close, hi)[0]
            if is_led_speech_tag(text, lo, hi) or SAYS_FIRST.match(text, lo, hi) and not re.search(r"\d", text[lo:hi]):
                lo = hi  # "“...,” Trump replied, ignoring the contradiction", "“...,” says PR pro Heather Meeker": who spoke
            elif starts_with_verb(text, lo, hi) and not SAYS_FIRST.match(text, lo, hi):
                lo = start  # "“The real voyage ...,” is a quote attributed to Marcel Proust": the quotation is the subject
    return lo, hi
