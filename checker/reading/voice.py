"""The writer's own voice in a sentence, which claims nothing to check without a figure or a date: an
instruction to the reader ("Use analytics to ..."), a guess ("Perhaps the selectors felt ..."), the
writer's own story or words to the reader ("I rolled down my window", "Ava, you worked on ..."). Pure
functions; atomic.py leaves such clauses out."""
import re

# The writer telling the reader what to do ("Use analytics to ...", "Don't buy on margin"); "Note that exports
# rose" states a fact, so "that" after the verb keeps the sentence, and a name opening so ("Take Action, a
# charity, raised ...") is no instruction.
IMPERATIVE = re.compile(r"(?:Please\s+)?(?:Use|Do|Don['’]t|Make|Try|Consider|Focus|Take|Keep|Start|Avoid|Check|Be|Get|"
                        r"Let['’]s|Look|Find|Ask|Read|Follow|Click|Call|See|Imagine|Put|Give|Stop|Watch|Visit|Join|Sign|"
                        r"Contact|Learn|Add|Choose|Pick|Remember|Think|Note)\b(?!['’])(?!\s+(?:that|is|was|are|were|has|had)\b)"
                        r"(?!\s+[A-Z])")
# The writer guessing ("perhaps", "doubtless", "might as well have been"): an opinion, never a fact to check.
HEDGE = re.compile(r"(?i)\b(?:perhaps|maybe|probably|doubtless|undoubtedly|arguably|seemingly|presumably|surely|"
                   r"might\s+as\s+well|may\s+(?:well\s+)?be|might\s+(?:well\s+)?be)\b")
# The writer speaking of themself or to the reader, or to the person they interview, outside any quotation.
FIRST_OR_SECOND = re.compile(r"(?:[A-Z][a-z]+,\s+)?(?:I|I['’](?:m|ve|d|ll)|[Mm]y|[Yy]ou(?:['’](?:re|ve|ll|d))?|[Yy]our)\s")


def is_instruction(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] (a sentence's words) tells the reader what to do."""
    return IMPERATIVE.match(text, lo, hi) is not None


def is_guess(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] (a clause) hedges what it says ("perhaps", "doubtless")."""
    return HEDGE.search(text, lo, hi) is not None


def writer_or_reader(text: str, at: int) -> bool:
    """Whether the clause at `at` has the writer ("I", "my") or the reader ("you") for its subject."""
    return FIRST_OR_SECOND.match(text, at) is not None
