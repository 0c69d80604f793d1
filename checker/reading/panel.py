"""A panel of contributors: an article whose sections each open with a paragraph that is a person's name
alone, often with a line saying who they are ("Carl Weinberg" / "Chief economist, High Frequency Economics
– Valhalla, N.Y."), then that person's own words, in the first person ("My biggest worry for 2015 is ...").
What a section says is its contributor's, never the article's; a section about a person (a profile, in the
third person) is the writer's. A broadcast's transcript labels each paragraph with its speaker's name in capitals
("BILL KIRBY: Swimming needs to lift its game."): the paragraph is their words. Pure functions."""
import functools
import re
from bisect import bisect_right

from .clauses import has_verb
from .people import person_like
from ..sentences import paragraph_span

# A paragraph that is a name and nothing else ("Eric Lascelles", "Julian Jessop")
NAME_LINE = re.compile(r"[ \t]*(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2})[ \t]*")
# The line after it that says who they are: short, a role and where ("Professor of economics, McGill University –
# Montreal"), with no verb and no figure: never a sentence of the story, nor a book's publisher and price
ROLE_WORDS = 16
PANEL_SIZE = 2  # name lines a panel has at least: one alone is a heading, a caption or a signature


@functools.lru_cache(maxsize=8)
def contributor_sections(text: str) -> tuple[tuple[int, int, int, str], ...]:
    """The sections of a panel in text, in order, as (start of the name line, start of the contributor's words
    (after the name and role lines), end of the section, the contributor's name); () when text is no panel."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    heads = []
    for i, (lo, hi) in enumerate(paragraphs):
        m = NAME_LINE.fullmatch(text, lo, hi)
        if m is None or not person_like(m.group("name")) or i + 1 >= len(paragraphs):
            continue
        body = i + 1
        role_lo, role_hi = paragraphs[body]
        if len(text[role_lo:role_hi].split()) <= ROLE_WORDS and re.search(r"[,–—]", text[role_lo:role_hi]) \
                and not has_verb(text, role_lo, role_hi) and not re.search(r"\d", text[role_lo:role_hi]):
            body += 1  # (the role line, which claims nothing either)
        if body < len(paragraphs):
            heads.append((lo, paragraphs[body][0], m.group("name")))
    ends = [lo for lo, _, _ in heads[1:]] + [len(text)]
    sections = tuple((lo, body, end, name) for (lo, body, name), end in zip(heads, ends) if own_words(text, body, end, name))
    return sections if len(sections) >= PANEL_SIZE else ()


# The first person outside quotation marks, in prose (a word in lower case after it: never a title's "I'll Give You
# the Sun"): the writer of the section speaks as themself
FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|I’d|I'd|I’ll|I'll|my|My|me|we|We|our|Our|us)\s+[a-z]")
RUN_IN_LABEL = re.compile(r"\s*(?:The|A|An|Our|My)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}:\s")
QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


def own_words(text: str, lo: int, hi: int, name: str) -> bool:
    """Whether text[lo:hi], a section under a name, is that person's own words: in the first person, outside
    quotation marks, and never naming them by their surname (a profile's "Smith won gold in 2012" is the
    writer's account of them)."""
    words = QUOTED.sub(" ", text[lo:hi])
    if RUN_IN_LABEL.match(words):
        return False  # "The styling tip: ...", "The statement: “...”": the writer's labels of what follows, never its words
    return FIRST_PERSON.search(words) is not None and re.search(rf"\b{re.escape(name.split()[-1])}\b", words) is None


def contributor_at(text: str, lo: int) -> tuple[str, int] | None:
    """For the sentence at lo, in a panel's section: (the contributor, where their words start: past lo for the
    name and role lines, which claim nothing). None outside a panel."""
    for start, body, end, name in contributor_sections(text):
        if start <= lo < end:
            return name, body
    return None


# A transcript's label: a name of two to four words in capitals, or of one to three as names are written ("McKelvey:",
# an interview's), and a colon, opening its paragraph
SPEAKER_LABEL = re.compile(r"(?m)^[ \t]*(?P<name>[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){1,3}|"
                           r"[A-Z][a-z]*[A-Z]?[a-z]+(?:[ \t]+[A-Z][a-z]*[A-Z]?[a-z]+){0,2}):[ \t]*(?=[A-Z“\"‘'(])")
TRANSCRIPT = (2, 3)  # labels a transcript has at least: two speakers, three paragraphs (a dateline, "NEW DELHI:", is one)


@functools.lru_cache(maxsize=8)
def speaker_labels(text: str) -> tuple[list[int], list[re.Match[str]]]:
    """Where the transcript labels in text start, in order, and the labels (read once per text)."""
    found = list(SPEAKER_LABEL.finditer(text))
    return [m.start() for m in found], found


@functools.lru_cache(maxsize=8)
def transcript_labels(text: str) -> dict[str, str]:
    """The labels of a transcript's speakers in text, each with the name as the article writes it elsewhere ("Bill
    Kirby"), else in title case; {} when text is no transcript. A label whose paragraphs never speak in the first
    person is the presenter's or the reporter's, whose narration is the report's own words, as an article's is."""
    found = speaker_labels(text)[1]
    labels = [m.group("name") for m in found]
    if len(set(labels)) < TRANSCRIPT[0] or len(labels) < TRANSCRIPT[1]:
        return {}
    written = {}
    for label in {m.group("name") for m in found if FIRST_PERSON.search(QUOTED.sub(" ", text[m.end():paragraph_span(text, m.end())[1]]))}:
        words = r"\s+".join(re.escape(w) for w in label.split())
        named = [n.group() for n in re.finditer(rf"\b{words}\b", text, re.I) if not n.group().isupper()]
        written[label] = named[0] if named else " ".join(w.capitalize() for w in label.split())
    return written


def transcript_speaker(text: str, lo: int) -> tuple[str, int] | None:
    """For the sentence at lo, in a transcript's paragraph that a speaker's label opens, or in one after it that no
    label opens (their answer goes on, until a paragraph ends on a question: an interviewer's, "... with the Jack you
    know?"): (who speaks, where their words start)."""
    labels = transcript_labels(text)
    if not labels:
        return None
    p_lo = text.rfind("\n", 0, lo) + 1
    starts, found = speaker_labels(text)
    at = bisect_right(starts, p_lo) - 1  # (the last label at or before the paragraph's start)
    last = found[at] if at >= 0 else None
    if last is None or last.group("name") not in labels or (last.start() < p_lo and re.search(
            r"\?[\"”’')]*[ \t]*(?:\n|$)", text[last.end():paragraph_span(text, lo, lo)[1]])):
        return None
    return labels[last.group("name")], max(last.end(), p_lo)


# A paragraph opened by a speaker's name, a colon and a quotation mark, as a report of an exchange gives a turn of it
# ("Prelogar: “I can’t think of anything else that’s precisely like this ...”")
QUOTED_TURN = re.compile(r"[ \t]*(?P<name>[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,2}):[ \t]*(?=[“\"‘])")


def quoted_turn(text: str, lo: int) -> tuple[str, int] | None:
    """For the sentence at lo, in a paragraph that a speaker's name and a colon open before a quotation: (the
    speaker, where their words start). The name is a person's, or the surname of one the article names in full
    ("Prelogar", after "Elizabeth Prelogar"): never a heading's word ("Update: “...”"). Their words start after the
    quotation's opening mark. None elsewhere."""
    m = QUOTED_TURN.match(text, text.rfind("\n", 0, lo) + 1)
    if m is None:
        return None
    name = m.group("name")
    named = person_like(name) if " " in name else any(
        person_like(n.group()) for n in re.finditer(rf"\b[A-Z][\w.'’-]+\s+{re.escape(name)}\b", text))
    return (name, m.end() + 1) if named else None

