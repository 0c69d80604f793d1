"""How a sentence is cut into clauses and restated: its discourse openers, its attribution ("according
to X", "X said"), its quotations, its clauses at general seams (";", "but", ", which", ", when", a verb
after "and", a leading "since ...,"), the verb that ends a clause's subject, and a clause written out as
one sentence with the times the article leaves to its date written in. Pure functions."""
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .spot import IRREGULAR_PAST
from .when import When


@dataclass
class Clause:
    start: int
    end: int
    role: str = "main"  # main, sub, when, coord, relative (see SEAMS)
    prefix: tuple[int, int] | None = None  # a coordinated clause's subject: the span before the first clause's verb
    inherit: When | None = None  # the time of the clause it hangs on ("..., when ...")
    when: When | None = None  # its own time, else the inherited one


AUXILIARIES = frozenset("is are was were be been being has have had will would shall should can could may "
                        "might must do does did".split())
PAST = frozenset(IRREGULAR_PAST | set("hit cut put set cost struck drew drove flew sought fled threw beat shut "
                                      "won spent sold bought".split()))
REPORTING = r"said|says|told\s+\w+|announced|indicated|stated|claimed|reported|estimated|warned|confirmed|insisted|argued|noted|added|predicted|wrote"
# Verbs of saying that as often take a thing as what was said ("the bill added $200 billion", "the
# company reported a loss"): they attribute only before "that", a colon or a quotation.
OBJECT_VERBS = frozenset("added announced reported estimated confirmed predicted noted".split())
DETERMINERS = frozenset("the a an this that its their his her our your these those".split())
OPENER = re.compile(r"""(?ix)\s*(?:
    (?:for\ example|for\ instance|in\ fact|indeed|similarly|likewise|later|earlier|yet|however|moreover|meanwhile|
       in\ the\ meantime|in\ this\ context|in\ addition|additionally|also|still|thus|therefore|hence|nevertheless|
       nonetheless|furthermore|besides|instead|overall|finally|lastly|again|consequently|as\ a\ result|of\ course|
       in\ other\ words|in\ short|in\ particular|notably|importantly|separately|by\ contrast|in\ contrast|
       on\ the\ other\ hand|at\ the\ same\ time|in\ turn|then|so|but|and|or|now|first|second|third)\s*,
  | (?:but|and|so|yet|or)\s+(?=\S)
  | (?:it\ is|it's|it\ was)\s+(?:notable|worth\ noting|noteworthy|significant|clear|true|interesting|striking)\s+that\b\s*,?
  )\s*""")
QUOTATION = re.compile(r"‘(?P<a>(?:[^‘’]|’(?=[a-z]))+)’(?![a-z])|“(?P<b>[^“”]+)”|\"(?P<c>[^\"]+)\"")
ACCORDING_START = re.compile(r"(?i)(?:according\s+to|as\s+(?:stated|reported|said|noted|announced|claimed|estimated|put)\s+by|"
                             r"in\s+the\s+words\s+of)\s+(?P<src>[^,:;]+?)\s*[,:]\s*")
ACCORDING_END = re.compile(r",\s*(?P<phrase>according\s+to\s+(?P<src>[^,;:]+?))\s*$")
SAID_END = re.compile(rf",\s*(?P<phrase>(?P<src>(?:[\w’'.&-]+\s+){{0,8}}?[\w’'.&-]+)\s+(?:has\s+|have\s+|had\s+)?(?:{REPORTING}))\s*$")
SAID_START = re.compile(rf"(?P<src>[\w’'.&-]+(?:\s+[\w’'.&-]+){{0,8}}?)\s+(?:has\s+|have\s+|had\s+)?(?P<verb>{REPORTING})\s*(?::\s*|\s(?:that\s+)?)(?=\S)")
# The words that tag a quotation with its speaker ("“...,” Prelogar said", "he added in an e-mail",
# "said Jeffrey Wall", "Alito continued, as he addressed Prelogar"): a speaker, a verb of speaking, and
# at most a few words of when, where and how, or a clause that says how it was said.
TAG_VERBS = (REPORTING + r"|asked|replied|responded|continued|interjected|tweeted|posted|joked|explained|"
             r"recalled|countered|conceded|acknowledged|admitted|cautioned|testified|answered|told|says|adds|asks")
TAG_TAIL_WORDS = (r"in|on|at|of|to|from|during|after|before|about|with|by|via|through|over|late|early|earlier|later|"
                  r"today|yesterday|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\w+ly")
TAG = re.compile(rf"""(?x)^[\W_]*(?:(?i:in|at|on|during|after|speaking|asked|writing)\b[^,]{{0,40}},\s*)?(?:
    (?P<src>[\w’'.&-]+(?:\s+[\w’'.&-]+){{0,11}}?)\s+(?:has\s+|have\s+|had\s+)?(?:(?:also|later|then|again|separately|previously|earlier)\s+)?(?:{TAG_VERBS})
  | (?:{TAG_VERBS})\s+(?P<after>(?:(?:the|a|an|his|her|its|their)\s+)?(?:[a-z][\w’'-]*\s+){{0,3}}?[\w’'.&-]+(?:\s+[A-Z][\w’'.&-]*){{0,6}}))
  (?P<rest>\s+(?:{TAG_TAIL_WORDS})\b[^,;:.!?]*|\s+(?:[A-Z][\w’'.-]*\s*){{1,4}}|)
  (?P<how>,\s*(?:as|while|when|adding|saying|noting|before|after)\b.*)?[\W_]*$""")
# A dateline: a place in capitals (with an agency in brackets), or "(CNN)", then a dash.
DATELINE = re.compile(
    r"(?:\((?:CNN|AP|AFP|Reuters|dpa|Xinhua|PTI|IANS|ANI)\)|[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s+[A-Z][a-z]+\.?)?(?:\s*\([A-Za-z .]{2,20}\))?)\s*(?:--|—|–|-|:)\s+(?=[A-Z“\"‘'])")


LEAD_SUB = re.compile(r"(?i)(?:since|when|after|before|although|though|while|whereas|because|until|once|as soon as|unless)\s+")
SPLIT = re.compile(r"""(?x)
    (?P<semi>\s*;\s+)
  | (?P<but>,?\s+but\s+(?:also\s+)?)
  | (?P<rel>,\s+(?=(?:which|who|whom|whose|something)\b))
  | (?P<dash>\s+[–—-]\s+)
  | (?P<when>,\s+when\s+)
  | (?P<while>,\s+(?:while|whereas|although|though)\s+)
  | (?P<andmain>,\s+and\s+(?=(?:[A-Z]|(?:the|a|an|its|his|her|their|this|these|those|some|many|most)\s)))
  | (?P<coord>,?\s+and\s+(?=(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b))
""")
# The role of the clause after each seam: a main clause of its own (after ", and" too when a subject and
# a verb follow); a relative clause ("which ...") that
# needs its sentence to be understood; a "when" clause that takes the time of the clause before it; a
# subordinate clause; a coordinated clause that shares the subject of the clause before it.
SEAMS = {"semi": "main", "but": "main", "rel": "relative", "dash": "relative", "when": "when", "while": "sub",
         "andmain": "main", "coord": "coord"}
SIGNAL = re.compile(r"\d|\b(?:first|last|only|will|plans?|intends?|expected|likely|largest|record)\b")
WORD = re.compile(r"[A-Za-z][\w’'-]*")


# --- spans and words --------------------------------------------------------------------------

def trim(text: str, lo: int, hi: int, chars: str = " \t\r\n,;:") -> tuple[int, int]:
    while lo < hi and text[lo] in chars:
        lo += 1
    while hi > lo and text[hi - 1] in chars:
        hi -= 1
    return lo, hi


def words_at(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    return [(m.start() + lo, m.group()) for m in WORD.finditer(text[lo:hi])]


def is_verb(word: str, previous: str = "") -> bool:
    lowered = word.lower()
    if lowered in AUXILIARIES or lowered in PAST or re.fullmatch(REPORTING, lowered):
        return True
    return word.islower() and len(word) > 4 and word.endswith("ed") and previous.lower() not in DETERMINERS


def first_verb(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """(start, end) of the first word in text[lo:hi] that reads as a verb, or None."""
    previous = ""
    for at, word in words_at(text, lo, hi):
        if is_verb(word, previous):
            return at, at + len(word)
        previous = word
    return None


def verb_group(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """(start, end) of the first verb in text[lo:hi] with the main verb its auxiliaries lead to
    ("will overtake", "has not been"), or None."""
    verb = first_verb(text, lo, hi)
    if verb is None:
        return None
    start, end = verb
    words = words_at(text, end, hi)
    word = text[start:end].lower()
    for at, following in words[:3]:
        if word not in AUXILIARIES and word not in ("not", "also", "never", "still", "already", "be", "been"):
            break
        end, word = at + len(following), following.lower()
    return start, end


def has_verb(text: str, lo: int, hi: int) -> bool:
    return first_verb(text, lo, hi) is not None or re.search(r"\bto\s+[a-z]{3,}", text[lo:hi]) is not None


def dateline_end(text: str, start: int = 0) -> int:
    """Where a dateline that opens text[start:] ends ("PARIS — The ..." -> the offset of "The"), or start."""
    m = DATELINE.match(text, start)
    return m.end() if m else start


def core_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence without its dateline, its discourse openers ("For example,", "In fact, it is notable that,")
    and its closing punctuation."""
    lo = dateline_end(text, start)  # "PARIS — ": where the story was filed, not what it says
    while True:
        m = OPENER.match(text, lo, end)
        if not m or m.end() == lo:
            break
        lo = m.end()
    lo, hi = trim(text, lo, end)
    while hi > lo and text[hi - 1] in ".!?;:, \n":
        hi -= 1
    return lo, hi


# --- restatement ------------------------------------------------------------------------------

def written(text: str, lo: int, hi: int, whens: Iterable[When]) -> str:
    """text[lo:hi] with each time the article leaves to its date written out ("this year" -> "in 2012")."""
    pieces: list[str] = []
    at = lo
    for w in whens:
        if w.relative and lo <= w.start and w.end <= hi:
            words = w.written or ""  # (a relative time is always written)
            if text[w.end:w.end + 2] in ("'s", "’s"):  # "last year's bill": "2017's bill"
                words = re.sub(r"^(?:in|on)\s+", "", words)
            pieces += [text[at:w.start], words]
            at = w.end
    pieces.append(text[at:hi])
    return " ".join("".join(pieces).split())


def sentence_case(words: str) -> str:
    words = words.strip().rstrip(",;:").strip()
    if not words:
        return words
    words = words[0].upper() + words[1:]
    if re.search(r"[.!?][’”\"']?$", words):
        return words
    return words + "."


def restate(text: str, lo: int, hi: int, whens: Iterable[When], prefix: tuple[int, int] | None = None,
            suffix: str | None = None) -> str:
    body = written(text, lo, hi, whens)
    if prefix:
        body = written(text, *prefix, whens).rstrip(" ,") + " " + body
    if suffix:
        body = body.rstrip(" ,.;:") + " " + suffix
    return sentence_case(body)


def is_plural(subject: str) -> bool:
    head = re.split(r"\s(?:between|of|in|on|for|from|at|by|with|to|across)\s", " " + subject + " ")[0].split()
    word = head[-1].lower() if head else ""
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ics", "news"))


# --- clauses ----------------------------------------------------------------------------------

def split_clauses(text: str, lo: int, hi: int) -> list[Clause]:
    """The clauses of text[lo:hi] (see the module's docstring), in order."""
    lo, hi = trim(text, lo, hi)
    m = LEAD_SUB.match(text, lo, hi)
    if m:
        comma = text.find(",", m.end(), hi)
        if comma > 0 and has_verb(text, m.end(), comma):
            rest = comma + 1
            while True:  # an aside after it ("..., a landmark event in itself, ...") belongs to neither
                following = text.find(",", rest, hi)
                if following < 0 or has_verb(text, rest, following) or not has_verb(text, following + 1, hi):
                    break
                rest = following + 1
            return [Clause(m.end(), comma, "sub")] + inner_clauses(text, rest, hi)
    return inner_clauses(text, lo, hi)


def inner_clauses(text: str, lo: int, hi: int) -> list[Clause]:
    clauses = []
    at, role = lo, "main"
    for m in SPLIT.finditer(text, lo, hi):
        seam = next(name for name in SEAMS if m.group(name) is not None)
        if seam == "coord":
            verb = m.group("verb")
            if not (verb in PAST or (len(verb) > 4 and verb.endswith("ed"))) or not has_verb(text, at, m.start()):
                continue  # "Russian and Pakistani officials": no second clause
            left = words_at(text, at, m.start())
            if len(left) >= 2 and is_verb(left[-1][1], left[-2][1]):
                continue  # "have been developed and tested in the West Bank": both verbs share what follows
        if seam == "but" and re.search(r"\bnot\s+only\b", text[at:m.start()]):
            continue
        if seam == "andmain":  # ", and Pakistan supported ...": a clause with its own subject; else a list's last item
            following = words_at(text, m.end(), hi)[:7]
            if not (has_verb(text, at, m.start()) and following
                    and has_verb(text, m.end(), following[-1][0] + len(following[-1][1]))):
                continue
        if m.start() <= at:
            continue
        clauses.append(Clause(at, m.start(), role))
        at, role = m.end(), SEAMS[seam]
    clauses.append(Clause(at, hi, role))
    merged: list[Clause] = []
    for clause in clauses:
        clause.start, clause.end = trim(text, clause.start, clause.end)
        if clause.start >= clause.end:
            continue
        if merged and clause.role == "relative" and not signals(text, clause.start, clause.end):
            merged[-1].end = clause.end  # "..., which was accepted": part of the clause before
            continue
        if clause.role == "coord" and merged:
            host = next((c for c in reversed(merged) if c.role != "coord"), merged[-1])
            verb = first_verb(text, host.start, host.end)
            if verb:
                end = verb[0]
                while True:  # "Pakistan heavily supported": the subject is "Pakistan"
                    m = re.search(r"\s+\w+ly\s*$", text[host.start:end])
                    if not m:
                        break
                    end = host.start + m.start()
                if text[verb[0]:verb[1]].lower() in AUXILIARIES:  # "He was arrested ... and charged": "He was charged"
                    group = words_at(text, *verb_group(text, verb[0], host.end))  # type: ignore[misc]  # (a verb stands there)
                    end = group[-1][0] if len(group) > 1 else verb[1]  # up to the main verb, which is not shared
                clause.prefix = trim(text, host.start, end)
        merged.append(clause)
    return merged


def signals(text: str, lo: int, hi: int) -> bool:
    piece = text[lo:hi]
    return bool(SIGNAL.search(piece.lower())) or any(w[:1].isupper() for _, w in words_at(text, lo, hi)[1:])


@dataclass
class Attribution:
    start: int
    end: int
    content: tuple[int, int]  # (start, end) of what is attributed
    source: str
    whole_clause: bool  # "X said Y": the attribution is the whole clause, not a phrase beside it


def find_attribution(text: str, lo: int, hi: int) -> Attribution | None:
    """Who the sentence says says it: "according to X, ...", "..., X said", "X has indicated (that) ..."."""
    m = ACCORDING_START.match(text, lo, hi)
    if m:
        return Attribution(lo, m.end("src"), (m.end(), hi), m.group("src"), False)
    piece = text[lo:hi]
    m = ACCORDING_END.search(piece)
    if m:
        return Attribution(lo + m.start("phrase"), lo + m.end("phrase"), (lo, lo + m.start()), m.group("src"), False)
    m = SAID_END.search(piece)
    if m and not has_verb(text, lo + m.start("src"), lo + m.end("src")) and len(piece[:m.start()].split()) >= 3:
        return Attribution(lo + m.start("phrase"), lo + m.end("phrase"), (lo, lo + m.start()), m.group("src"), False)
    m = SAID_START.match(text, lo, hi)
    if m and "," not in m.group("src") and not has_verb(text, m.start("src"), m.end("src")) \
            and len(text[m.end():hi].split()) >= 3 and (m.group("verb") not in OBJECT_VERBS or re.search(
                r"(?::|\bthat)\s*$|[“\"‘]\s*$", text[m.start("verb"):m.end()]) or text[m.end():m.end() + 1] in "“\"‘"):
        return Attribution(lo, hi, (m.end(), hi), m.group("src"), True)
    return None


QUOTED_QUESTION = re.compile(r"\?[”\"’']")
QUESTION_END = re.compile(r"\?[”\"’]?")
ASKED = re.compile(r"\b(?:asked|asks|wondered|wonders|inquired|inquires|queried)\b")  # a quotation so given is a question


def says_something(text: str, lo: int, hi: int) -> bool:
    """Whether quoted words can be a statement: a verb, or four words or more ("That can be true"),
    not "Done" or "No, Justice Alito"."""
    return has_verb(text, lo, hi) or len(text[lo:hi].split()) >= 4


def without_quotations(text: str, lo: int, hi: int) -> str:
    """text[lo:hi] with every quotation (of any length) taken out."""
    return QUOTATION.sub(" ", text[lo:hi])


def tag_match(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """TAG matched against text[lo:hi] with its quotations taken out and its spaces made single."""
    return TAG.match(" ".join(without_quotations(text, lo, hi).split()))


def tag_speaker(m: re.Match[str]) -> str:
    """The speaker a TAG match names, before its verb or after it."""
    return m.group("src") if m.group("src") is not None else m.group("after")


def is_led_speech_tag(text: str, lo: int, hi: int) -> bool:
    """is_speech_tag, or a speech tag after a lead-in with no figure ("Of Friar Lawrence, Prelogar said
    at one point", "Not satisfied, Alito continued") or before a phrase of how ("Trump replied,
    ignoring the contradiction"): what is left of a sentence whose quotation is its claim."""
    if re.search(r"\d", text[lo:hi]):
        return False  # a figure is a claim, wherever it stands
    if is_speech_tag(text, lo, hi):
        return True
    how = re.search(r",\s*[a-z]+ing\b[^,\d]*$", text[lo:hi])  # "Trump replied, ignoring the contradiction"
    if how and is_speech_tag(text, lo, lo + how.start()):
        return True
    listener = re.search(r"\b(?:told|asked)\s+(?P<whom>(?:[\w’'.&-]+\s*){1,5})$", text[lo:hi])  # "told CNN affiliate WUSA"
    if listener and not has_verb(text, lo + listener.start("whom"), hi) and is_speech_tag(text, lo, lo + listener.start("whom")):
        return True
    comma = text.find(",", lo, hi)
    while comma >= 0:
        if is_speech_tag(text, comma + 1, hi):
            return True
        comma = text.find(",", comma + 1, hi)
    return False


# Words that leave a clause waiting for what was cut after them ("saying that", "told", "–").
DANGLING = re.compile(r"(?:\b(?:that|saying|said|says|told|asked|called|calling|as|of|to|the|a|an|with|about|and|or|but|"
                      r"from|by|for|in|on|at|is|are|was|were)|[–—-])\s*$", re.I)


def is_speech_tag(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi], its quotations taken out, only says who spoke and how ("“...,” Trump said
    of Mar-a-Lago", "he said in an e-mail"): words that claim nothing of their own."""
    m = tag_match(text, lo, hi)
    if not m:
        return False
    rest, speaker = m.string, tag_speaker(m)
    tail = (m.group("rest") or "") + (m.group("how") or "")
    return not re.search(r"\d", tail) and not has_verb(rest, m.start("rest"), m.end("rest")) and not (
        m.group("src") is not None and has_verb(rest, m.start("src"), m.end("src")) and len(speaker.split()) > 1)


# One person or body named by office ("the prime minister said", "the ministry said"): as good as a name.
ROLES = frozenset("""president minister premier chancellor mayor governor senator spokesman spokeswoman spokesperson
secretary ambassador chairman chairwoman chair director commissioner judge justice speaker treasurer king queen
ministry department court police army military government council commission agency authority regulator
bank company firm office embassy committee parliament legislature cabinet""".split())
UNNAMED = frozenset("the a an he she they it we i you one this that these those some many officials "
                    "sources experts critics analysts observers residents people".split())


def named_speaker(text: str, lo: int, hi: int) -> str | None:
    """Who text[lo:hi] (a sentence) gives its words to, when it names them: a person or a body
    ("Alito", "the Federal Aviation Administration", "CNN meteorologist Chad Myers"); None for none, a
    pronoun or an unnamed source ("officials said", "he added")."""
    lo, hi = core_span(text, lo, hi)
    attribution = find_attribution(text, lo, hi)
    if attribution is not None:
        source = attribution.source
    elif QUOTATION.search(text, lo, hi) and (tag := tag_match(text, lo, hi)):
        source = tag_speaker(tag)
    else:
        return None
    words = source.split()
    named = [w for i, w in enumerate(words) if w[:1].isupper() and (i or w.lower() not in UNNAMED)]
    role = words[0].lower() in ("the", "its", "their") and words[-1].lower().strip("’'s") in ROLES
    return " ".join(words) if (named or role) and words[-1].lower() not in UNNAMED else None


def find_quotations(text: str, lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    """(open, close, inner start, inner end) of each quotation of five words or more."""
    found = []
    for m in QUOTATION.finditer(text, lo, min(len(text), hi + 2)):
        group = next(g for g in ("a", "b", "c") if m.group(g) is not None)
        inner = trim(text, m.start(group), m.end(group), " \t\r\n")
        if len(text[inner[0]:inner[1]].split()) >= 5:
            found.append((m.start(), m.end(), *inner))
    return found
