"""Sentences of news prose with their character offsets; pure functions over text.

Prose is segmented by sentencex (Wikimedia's rule-based segmenter: abbreviations, initials, decimals,
quotations). Around it we add what a news page needs and it does not do: a blank line always ends a
sentence, and so does the end of a line that stands alone (a headline, a list item, a line of
navigation such as "Share this article") when the text is not simply wrapped at a fixed width;
a sentence closed inside parentheses, or by an ellipsis before a capital, ends there.
Each Sentence keeps its offsets, so that text[start:end] is the sentence exactly as written.
"""
import re
from dataclasses import dataclass

import sentencex

LANGUAGE = "en"
WRAP_WIDTHS = (40, 120)  # a block whose longest line is within these may be hard-wrapped prose
WRAP_FILL = 0.8  # in such a block, a line this full (against the longest) is a wrapped line, not a headline

LINE = re.compile(r"[^\n]*\n?")
BLANK = re.compile(r"[ \t\r\f\v\u00a0]*")
LIST_ITEM = re.compile(r"\s*(?:[-–—•*·▪]|\d{1,2}[.)])\s")
LINE_ENDS_SENTENCE = re.compile(r"""[.!?…:;]["'”’»)\]]*\s*$""")
LINE_CONTINUES = re.compile(r"[,(\-–—/&]\s*$|\b(?:and|or|of|the|a|an|to|in|for|with|by|on|at)\s*$")
STARTS_LIKE_A_SENTENCE = re.compile(r"""\s*(?:["'“‘«(\[]?[A-Z0-9]|[-–—•*·▪]\s)""")
# Where sentencex leaves two sentences together: after "(...)", an ellipsis, a quotation inside a quotation
# closed with both ("an 'act of war.'\" It probably ..."), a month whose name is never shortened ("in May.
# Exports fell"), or a state's abbreviation after its city ("in Golden, Colo. Peru's institute ..."; never "Washington,
# D.C. Mayor X"), before a capital.
LOWER_WORD_STOP = r"(?<![\w.])[a-z]{3,}[.!?]"  # a word in lower case and the stop after it ("schools.")
MISSED_BREAK = re.compile(r"""(?:[.!?]["'”’]*\)|…|\.\.\.|[.!?](?:['’]["”]|["”]['’])|\b(?:May|June|July)\.|"""
                          r""",\s+(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|"""
                          r"""Okla|Ore|Pa|Tenn|Vt|Va|Wash|Wis|Wyo|D\.C|N\.Y|N\.J|N\.C|S\.C|N\.H|N\.M|N\.D|S\.D|R\.I|W\.Va)\.)"""
                          r"""(?=\s+["'“‘(]?[A-Z])(?!\s+(?:Mayor|Gov|Governor|Council|Police|Attorney|Sen|Rep|Public|Department|"""
                          r"""Superior|Circuit|District|Metro|Fire|Sheriff|Rep|State)\b)"""
                          rf"""|{LOWER_WORD_STOP}(?=[A-Z][a-z]{{2,}}\b)""")  # ("800 schools.The fact ...": a space the page lost)
# Where sentencex breaks one sentence in two: a time of day before its zone, its day or its date ("9 a.m.
# ET", "10 a.m. Friday", "3:15 p.m. Dec. 22", "at 6 p.m. 14 March"), or before words that go on ("4 p.m.
# when the bank shut").
TIME_GOES_ON = re.compile(
    r"(?:(?:[A-Z]{1,2}[SD]?T|GMT|UTC|BST|CEST?|IST)\b|local time"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?[ ,.;]"
    r"|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.[ ,;]"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d"
    r"|\d|[a-z]+\b)")
CLOCK_END = re.compile(r"\b[aApP]\.[mM]\.$")
LIST_NUMBER = re.compile(r"\d{1,2}[.)]")  # "1." opening a list item, which sentencex takes for a sentence
# ... and one inside a sentence's list, after which sentencex breaks ("were: 1. Norway, 2. Switzerland")
NUMBER_IN_LIST = re.compile(r"(?:[:;,]|\band)\s+\d{1,2}\.$")
# A piece sentencex ends at a comma or a semicolon runs on ("eggs are: 1) Deviled, 2) Scotch, ..."), as
# does a colon before a list's first number: a list within a sentence is part of it.
RUNS_ON = re.compile(r"[,;]$")
ITEM_END = re.compile(r"[.!?](?=\s+[A-Z])")
# Opening quotation marks at the end of a piece (after a space, or all the piece is) open the next one.
OPENERS_AT_END = re.compile(r"""(?:^|\s)(["'“‘«„]+)$""")
# An abbreviation that stands before a number ("No. 1"), which sentencex misses after a quotation mark.
NUMBER_SIGN = re.compile(r"(?<![\w.])(?:No|Nos|Vol|Fig|Art)\.$")
# A name with "!" in it ("Yahoo! News", "the E! Network"): a capitalised word, then one that heads a name
# of a channel, site or firm, which seldom opens a sentence.
NAME_WITH_BANG = re.compile(r"(?<![\w'’])[A-Z][\w'’&-]*!$")
NAME_GOES_ON = re.compile(r"(?:Network|News|Channel|Online|Entertainment|Sports|Finance|Mail|Music|Games|Magazine|"
                          r"Records|Studios|Radio|TV|Media|Group|Inc|Ltd|Answers|Movies|Weekly)\b")
LOWER_WORD = re.compile(r"[a-z]+\b")
# A shortened title after a hyphen ("then-Gov. Arnold Schwarzenegger", "ex-Sen. Smith"), which sentencex misses.
TITLE_AFTER_HYPHEN = re.compile(r"(?<=[\w][-‐])(?:Gov|Sen|Rep|Gen|Lt|Col|Maj|Capt|Adm|Sgt|Cmdr|Supt|Insp|Det|Dr|Prof|Rev|Hon|"
                                r"Pres|Sec|Amb|Atty|Cllr|Cdr|Brig)\.$")
# A title shortened before a name that sentencex does not know ("Ms. Haley", "Atty. Gen.", "Cllr. Jones", "Ft. Worth").
SHORT_BEFORE_NAME = re.compile(r"(?<![\w.])(?:Ms|Mx|Mses|Mmes|Amb|Atty|Cllr|Cdr|Cmdt|Commr|Govs|Gens|Spc|Pte|Asst|Ft)\.$")
# A person's initials before their surname ("market leader J.D. Lumpkin said"), never a place's ("in the U.S. Congress")
INITIALS = re.compile(r"(?<![\w.])(?!(?:U\.S|U\.K|U\.N|E\.U|D\.C|N\.Y|L\.A|N\.Z|S\.A)\.$)[A-Z]\.[A-Z]\.$")
NAME_NEXT = re.compile(r"(?!(?:He|She|It|They|We|I|The|A|An|This|That|But|And|In|On)\b)[A-Z]")
# A quoted question or exclamation goes on with who said it: "“Done?” Wallace asked." is one sentence.
QUOTED_END = re.compile(r"""[?!]["”’]$|[.?!](?:['’]["”]|["”]['’])$""")  # or a quotation in a quotation: "... ‘a betrayal.’” Tshabalala said."
SPEAKER_NEXT = re.compile(r"(?:(?:[A-Z][\w’'.-]*|the|a|an)\s+){1,5}?(?:said|says|asked|asks|added|told|replied|wrote|"
                          r"continued|interjected|responded|shouted|joked|tweeted)\b|(?:he|she|they|it|we|I)\s+\w+ed\b")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a text, in order, each with text == original[start:end]."""
    sentences = []
    for start, end in blocks(text or ""):
        for lo, hi in prose_spans(text[start:end]):
            sentences.append(Sentence(text[start + lo:start + hi], start + lo, start + hi))
    return sentences


def split_lines(text: str) -> list[Sentence]:
    """One sentence per non-blank line (what `--lines` reads), with the line's offsets, trimmed."""
    sentences = []
    for m in LINE.finditer(text or ""):
        lo, hi = trimmed(text, m.start(), m.end())
        if lo < hi:
            sentences.append(Sentence(text[lo:hi], lo, hi))
    return sentences


def paragraph_span(text: str, lo: int, hi: int | None = None) -> tuple[int, int]:
    """(start, end) of the paragraph (a line of the text) that holds text[lo:hi], or the offset lo."""
    end = text.find("\n", lo if hi is None else hi)
    return text.rfind("\n", 0, lo) + 1, len(text) if end < 0 else end


def trimmed(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def lines_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without its line break."""
    spans = []
    for m in LINE.finditer(text):
        if m.start() == m.end():
            break
        end = m.end() - 1 if text[m.end() - 1:m.end()] == "\n" else m.end()
        spans.append((m.start(), end))
    return spans


def blocks(text: str) -> list[tuple[int, int]]:
    """Spans of text that no sentence crosses: paragraphs, cut again after lines that stand alone."""
    paragraphs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for lo, hi in lines_of(text):
        if BLANK.fullmatch(text, lo, hi):
            if current:
                paragraphs.append(current)
            current = []
        else:
            current.append((lo, hi))
    if current:
        paragraphs.append(current)
    spans = []
    for lines in paragraphs:
        width = max(len(text[lo:hi].strip()) for lo, hi in lines)
        start = lines[0][0]
        for (lo, hi), (next_lo, next_hi) in zip(lines, lines[1:]):
            if line_stands_alone(text[lo:hi], text[next_lo:next_hi], width):
                spans.append((start, hi))
                start = next_lo
        spans.append((start, lines[-1][1]))
    return spans


def line_stands_alone(line: str, next_line: str, width: int) -> bool:
    """Does a sentence end with this line, though sentencex would run it on into the next?"""
    if LIST_ITEM.match(next_line):
        return True
    if LINE_ENDS_SENTENCE.search(line) or LINE_CONTINUES.search(line):
        return False  # sentencex decides after a full stop; a trailing comma or "and" runs on
    if not STARTS_LIKE_A_SENTENCE.match(next_line):
        return False  # a lower-case start continues a wrapped sentence
    wrapped = WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1] and len(line.strip()) >= WRAP_FILL * width
    return not wrapped


def prose_spans(block: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a block of prose, trimmed of surrounding whitespace."""
    spans = []
    block = curled(block)  # (same length: every offset holds)
    for boundary in sentencex.get_sentence_boundaries(LANGUAGE, block):
        lo, hi = trimmed(block, boundary["start_index"], boundary["end_index"])
        while lo < hi:
            cut = MISSED_BREAK.search(block, lo, hi)
            while cut and (block.count("“", lo, cut.end()) > block.count("”", lo, cut.end()) or block.count('"', lo, cut.end()) % 2):
                cut = MISSED_BREAK.search(block, cut.end(), hi)  # inside a quotation ("“Wait, Wait … Don’t Tell Me!”")
            if LIST_NUMBER.match(block, lo):  # sentencex runs a list's last item on into what follows it
                cut = ITEM_END.search(block, lo, hi) or cut
            if not cut:
                spans.append((lo, hi))
                break
            spans.append((lo, cut.end()))
            lo, _ = trimmed(block, cut.end(), hi)
    merged: list[tuple[int, int]] = []
    for lo, hi in with_openers_moved(block, spans):
        if merged and goes_on(block, merged[-1], lo):
            lo = merged.pop()[0]
        merged.append((lo, hi))
    return merged


STRAIGHT_OPENS = re.compile(r"""(?:^|(?<=[\s(\[{—–/]))"(?=\S)""")


def curled(block: str) -> str:
    """A block whose quotation marks mix straight and curly ones ("“... distressing," says X. "But ...”"), with
    every straight one curled (opening at a word's start, else closing), so that a quotation opened with one kind
    and closed with the other is one quotation; a block of one kind is left as it is."""
    if '"' not in block or not ("“" in block or "”" in block):
        return block
    opened = STRAIGHT_OPENS.sub("“", block)
    return opened.replace('"', "”")


def with_openers_moved(block: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, with opening quotation marks that sentencex left at the end of one sentence ('Holtz said.
    "', 'maybe two. “') put at the start of the next, whose quotation they open; a footnote's mark that it left at the
    start of the next ("[ii] For many ...") is in neither."""
    moved = list(spans)
    for i in range(len(moved) - 1):
        lo, hi = moved[i]
        opener = OPENERS_AT_END.search(block, lo, hi)
        if opener:
            moved[i] = trimmed(block, lo, opener.start(1))
            moved[i + 1] = (opener.start(1), moved[i + 1][1])
        elif note := FOOTNOTE_AT_START.match(block, moved[i + 1][0], moved[i + 1][1]):
            moved[i + 1] = (note.end(), moved[i + 1][1])  # "... according to the BBA.[ii] For many ...": a note's mark, in neither
    return [(lo, hi) for lo, hi in moved if lo < hi]


# A footnote's mark by its number or letter ("[ii]", "[3]") at the start of what sentencex cut after a stop
FOOTNOTE_AT_START = re.compile(r"\[(?:\d{1,3}|[ivxlc]{1,6}|[a-z])\]\s+(?=\S)")


def listed_number(block: str, before: tuple[int, int]) -> bool:
    """Whether the piece block[before] ends with the number of a list's item ("were: 1. Norway, 2."), which follows
    the number before it in the piece ("... and 3." after "2."; never "between Aug. 18 and 22.")."""
    m = NUMBER_IN_LIST.search(block, *before)
    if m is None:
        return False
    number = int(re.search(r"\d+", m.group()).group())  # type: ignore[union-attr]  # (NUMBER_IN_LIST holds digits)
    return number == 1 or re.search(rf"(?<![\d.,]){number - 1}[.)]\s", block[before[0]:m.start()]) is not None


def goes_on(block: str, before: tuple[int, int], lo: int) -> bool:
    """Does the piece of a block starting at lo go on with the sentence before it, where sentencex cut?"""
    return bool(
        LIST_NUMBER.fullmatch(block, *before) or listed_number(block, before)
        or (CLOCK_END.search(block, *before) and TIME_GOES_ON.match(block, lo)) or RUNS_ON.search(block, *before)
        or (block[before[1] - 1] == ":" and LIST_NUMBER.match(block, lo))
        or (QUOTED_END.search(block, *before) and SPEAKER_NEXT.match(block, lo))
        or (NUMBER_SIGN.search(block, *before) and block[lo].isdigit())
        or (before[1] == lo and block[lo].isalpha()  # no space after the stop: a name ("My.Future", "E!Online"), unless
            and not re.search(rf"{LOWER_WORD_STOP}$", block[before[0]:before[1]]))  # a word in lower case ends a sentence
        or (block[before[1] - 1] == "!" and LOWER_WORD.match(block, lo))  # "Panic! at the Disco"
        # a stop before a word in lower case is an abbreviation's, which sentencex does not know ("4.9 million bbl. of
        # oil", "392,000 bbl. were burned"): no sentence opens in lower case
        or (block[before[1] - 1] == "." and (LOWER_WORD.match(block, lo) or block[lo] in "—–"))  # ("800,000 bbl. — about 17%")
        or ((TITLE_AFTER_HYPHEN.search(block, *before) or SHORT_BEFORE_NAME.search(block, *before)
             or INITIALS.search(block, *before)) is not None
            and NAME_NEXT.match(block, lo) is not None)
        or (NAME_WITH_BANG.search(block, *before) and NAME_GOES_ON.match(block, lo)))  # "the E! Network"
