"""A sentence's attribution: who it says says what it says ("according to X, ...", "..., X said", "X said in a
statement that ..."), and where what is attributed stands. Pure functions, on the clauses.py words and verbs;
speech.py reads quotations and the tags beside them."""
import re
from dataclasses import dataclass

from .clauses import DETERMINERS, PAST, first_verb, has_infinitive, has_verb, is_verb, words_at
from .seams import REPORTING
from .when import When

# Verbs of saying that as often take a thing as what was said ("the bill added $200 billion", "the
# company reported a loss"): they attribute only before "that", a colon or a quotation.
OBJECT_VERBS = frozenset("added announced reported estimated confirmed predicted noted adds announces reports report estimates "
                         "confirms predicts notes".split())
# Verbs of claiming that take a thing as often as a statement ("the storm claimed 12 lives", "claimed the title",
# "argued the case"): they attribute only what has a verb of its own ("claimed 3 million people voted illegally").
THING_OR_STATEMENT = frozenset("claimed argued insisted claims argues insists wrote writes believes believed thinks "
                               "suspects suspected".split())  # ("wrote up a plan", "believes in God")

# The verbs of saying an attribution may have: those of clauses.py's tags, and as features write them, in the
# present ("officials say", "the report notes", "local newspapers report", "he adds")
SAYING = REPORTING + ("|say|announces|indicates|states|claims|reports|report|estimates|warns|confirms|insists|argues|notes|adds|"
                      "predicts|writes|believes|believed|thinks|suspects|suspected")  # (beliefs: with a clause)

ACCORDING_START = re.compile(r"(?i)(?:according\s+to|as\s+(?:stated|reported|said|noted|announced|claimed|estimated|put)\s+by|"
                             r"in\s+the\s+words\s+of)\s+(?P<src>[^,:;]+?)\s*[,:]\s*")
ACCORDING_MID = re.compile(r",\s*(?P<phrase>according\s+to\s+(?P<src>[^,;:]+?))\s*,\s*")  # "The problem, according to X, is ..."
ACCORDING_END = re.compile(r",\s*(?P<phrase>according\s+to\s+(?P<src>[^,;:]+?))\s*$")
SAID_END = re.compile(rf",(?!\d)\s*(?P<phrase>(?P<src>(?:[\w’'.&-]+\s+){{0,8}}?[\w’'.&-]+)\s+(?:has\s+|have\s+|had\s+)?(?:{SAYING}))\s*$")
QUOTE_MARK = re.compile(r"[“”]|(?<!\d)\"")  # (never the inches of a height: "6' 7\"")
REPORTING_WORD = re.compile(rf"\b(?:{REPORTING})\b")  # a verb of reporting, as a word
# A person named before a role that runs up to the tag's last comma ("..., Kurinji Selvaraj, a research analyst at ...,")
APPOSED_SOURCE = re.compile(r"(?:[”\"’]\s*,?|,)\s+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}),\s+(?:a|an|the)\s[^“”\";:]*$")
# The verb first, then a name ("..., said Priya Nair", "..., says the ministry")
SAID_INVERTED = re.compile(r",\s*(?P<phrase>(?:said|says|added|adds|wrote|writes|explained|explains|noted|notes)\s+"
                           r"(?P<src>(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|"
                           r"Tomorrow|Last|This|Next|Earlier|Later|In|On|At|January|February|March|April|May|June|July|August|"
                           r"September|October|November|December)\b)[A-Z][\w’'.&-]*(?:\s+(?:of\s+)?[A-Z][\w’'.&-]*){0,4}))\s*$")
# (a word of the source may be a bracketed party and place: "State Sen. Michael Doherty (R-Warren) said ...")
# When it was said, between the verb and what was said ("Abney said Wednesday that ...").
SAID_WHEN = (r"(?i:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|earlier|later|"
             r"(?:last|this|on)\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)))")
# ... and where or how ("said in a statement that", "said in an interview with CNN on Monday that", "wrote on Twitter that")
SAID_HOW = (r"(?:(?:in|at|during|on)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|interview|letter|release|"
            r"post|briefing|conference|filing|e-?mail|speech|note|report|hearing|address|video|memo)(?:\s+(?:with|to)\s+"
            r"(?:the\s+)?[\w’'.&-]+(?:\s+[A-Z][\w’'.&-]*){0,3})?|on\s+(?:Twitter|Facebook|X|Instagram|LinkedIn|Telegram)"
            r"|to\s+(?:reporters|journalists|lawmakers|parliament|the\s+(?:press|media|court|jury|committee|panel|senate|house)"
            r"|(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3}))")
SAID_START = re.compile(rf"(?P<src>[\w’'.&-]+(?:\s+(?:[\w’'.&-]+|\([\w’'.&-]+(?:\s[\w’'.&-]+)?\))){{0,8}}?)\s+(?:has\s+|have\s+|had\s+)?(?P<verb>{SAYING})\s*(?::\s*|\s"
                        rf"(?:{SAID_HOW},?\s+)?(?:{SAID_WHEN}\s+)?(?:that\s+)?)(?=\S)")

# Whom or what the words were addressed to or about, with nothing said after it ("wrote to the committee on
# Monday", "spoke about the budget"): no words attributed
ADDRESSED = re.compile(r"(?:to|about|for|with)\s(?![^.;]*\bthat\b)")


@dataclass
class Attribution:
    start: int
    end: int
    content: tuple[int, int]  # (start, end) of what is attributed
    source: str
    whole_clause: bool  # "X said Y": the attribution is the whole clause, not a phrase beside it


# How a writer keeps a distance from what someone says: a verb of claiming rather than saying ("claimed",
# "alleged", "insisted"), an adverb that judges or dates the saying ("falsely said", "initially reported"),
# or words on the evidence ("without evidence", "could not be independently verified"). What is said then
# is the speaker's and never the article's own: it is a claim only with who said it.
CLAIMING = r"claim(?:s|ed)?|alleg(?:es|ed)|insist(?:s|ed)|contend(?:s|ed)|assert(?:s|ed)|argu(?:es|ed)|maintain(?:s|ed)"
JUDGED = (r"falsely|wrongly|incorrectly|erroneously|mistakenly|baselessly|inaccurately|misleadingly|dubiously|"
          r"initially|originally")
DISTANCING_TAG = re.compile(rf"(?i)\b(?:{CLAIMING})\b|\b(?:{JUDGED})\s+(?:[a-z]+\s+)?(?:{SAYING})\b")
UNSUPPORTED = re.compile(r"(?i)\bwithout\s+(?:\w+\s+){0,2}evidence\b|\b(?:could|can|cannot|can’t|can't|couldn’t|couldn't)"
                         r"(?:\s+not)?\s+be\s+(?:independently\s+|immediately\s+)?(?:verified|confirmed)\b|"
                         r"\bun(?:verified|confirmed|substantiated|founded|supported)\b")


def distanced(text: str, attribution: Attribution, lo: int, hi: int) -> bool:
    """Whether the sentence text[lo:hi] keeps its distance from what its attribution says (see DISTANCING_TAG):
    read in the words outside what is attributed, and in the whole sentence for the evidence."""
    c_lo, c_hi = attribution.content
    return bool(DISTANCING_TAG.search(text[lo:c_lo]) or DISTANCING_TAG.search(text[c_hi:hi])
                or UNSUPPORTED.search(text, lo, hi))


CLAUSE_MARK = re.compile(r"[,;—–]|\s(?:and|but|when|after|before|while|because|as|if|until|where)\s")


def clause_end(text: str, lo: int, hi: int) -> int:
    """Where the first clause of text[lo:hi] ends: its first comma, semicolon, dash, "and", "but" or word that
    opens a clause of its own ("when", "after", ...), or hi ("claimed the key wicket when Smith edged ...")."""
    m = CLAUSE_MARK.search(text, lo, hi)
    return m.start() if m else hi


# Words after which an "-ed" word is a verb's (a past participle with what it acts on or where), never an
# adjective before its noun ("the other prized scalp")
AFTER_VERB = frozenset("by in on at to from for with into of that the a an his her its their this these those more less fewer "
                       "about over under nearly almost around some many most all up down out off back away just only".split())


def said_verb(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] holds a verb of its own: clauses.has_verb, but an "-ed" word right before a noun is none."""
    words = words_at(text, lo, hi)
    for i, (_, word) in enumerate(words):
        if not is_verb(word, words[i - 1][1] if i else ""):
            continue
        following = words[i + 1][1] if i + 1 < len(words) else ""
        if word.endswith("ed") and word.lower() not in PAST and following.isalpha() and following.islower() \
                and following not in AFTER_VERB and not following.endswith("ly"):
            continue  # "prized scalp", "armed men"
        return True
    return has_infinitive(text, lo, hi)


def find_attribution(text: str, lo: int, hi: int, times: tuple[When, ...] = ()) -> Attribution | None:
    """Who the sentence says says it: "according to X, ...", "..., X said", "X has indicated (that) ...";
    not one with a time of its times before its verb ("On Sunday Prime Minister X said ...": as "On Sunday, X said")."""
    m = ACCORDING_START.match(text, lo, hi)
    if m:
        return Attribution(lo, m.end("src"), (m.end(), hi), m.group("src"), False)
    piece = text[lo:hi]
    m = ACCORDING_END.search(piece)
    if m:
        return Attribution(lo + m.start("phrase"), lo + m.end("phrase"), (lo, lo + m.start()), m.group("src"), False)
    m = ACCORDING_MID.search(piece)
    if m and len(piece[:m.start()].split()) <= 6:  # (what stands before it is the subject of what X says)
        return Attribution(lo + m.start("phrase"), lo + m.end("phrase"), (lo, hi), m.group("src"), False)
    m = SAID_END.search(piece)
    if m and not has_verb(text, lo + m.start("src"), lo + m.end("src")) and len(piece[:m.start()].split()) >= 3:
        if (named := APPOSED_SOURCE.search(piece, 0, m.start())) and len(piece[:named.start("name")].split()) >= 3:
            # "“...,” Kurinji Selvaraj, a research analyst at the Council on Energy, Environment and Water think tank
            # told CBS News": the person before their role, never the last words of the role's name
            return Attribution(lo + named.start("name"), lo + m.end("phrase"), (lo, lo + named.start()), named.group("name"), False)
        return Attribution(lo + m.start("phrase"), lo + m.end("phrase"), (lo, lo + m.start()), m.group("src"), False)
    m = SAID_INVERTED.search(piece) if not QUOTE_MARK.search(piece) else None  # (a quotation's tag is speech.py's)
    if m and len(piece[:m.start()].split()) >= 3:  # "Tourism has collapsed in the region, said Priya Nair"
        return Attribution(lo + m.start("phrase"), lo + m.end("phrase"), (lo, lo + m.start()), m.group("src"), False)
    m = SAID_START.match(text, lo, hi)
    if m and m.group("src").split()[-1].lower() in DETERMINERS:
        m = None  # "These claims have proven controversial", "The reports say": a noun after its determiner, no verb
    if m and re.match(r"(?i)(?:asked|told|if|when|whether|after|before|while|as)\b", m.group("src")):
        m = None  # "Asked if he believed ..., Roof said": a question put to someone, no one who says
    if m and "," not in m.group("src") and not has_verb(text, m.start("src"), m.end("src")) \
            and not any(lo <= w.start < m.end("src") for w in times) \
            and len(text[m.end():hi].split()) >= 3 and not ADDRESSED.match(text, m.end(), hi) \
            and (m.group("verb") not in OBJECT_VERBS | THING_OR_STATEMENT or re.search(
                r"(?::|\bthat)\s*$|[“\"‘]\s*$", text[m.start("verb"):m.end()]) or text[m.end():m.end() + 1] in "“\"‘"
                 or re.match(r"that\b", text[m.end():hi]) or (m.group("verb") in THING_OR_STATEMENT
                                                         and said_verb(text, m.end(), clause_end(text, m.end(), hi)))):
        return Attribution(lo, hi, (m.end(), hi), m.group("src"), True)
    return None


# A tag of saying with nothing said, as a claim: a subject, the verb and whom it was told ("The minister told
# the farmers." of 'The minister told the farmers, “...”': what they said is a claim of its own)
EMPTY_TAG = re.compile(r"(?:[\w’'.-]+\s+){1,6}?(?:told\s+(?:(?:the|a|an|his|her|their|its|our)\s+)?(?:[\w’'-]+\s+){0,2}[\w’'-]+"
                       r"|(?:said|says|added|adds|wrote|writes)(?:\s+(?:after|on|in|at|during|before|when)(?:\s+[\w’'-]+){1,3})?)\.")
# ("The 56-year-old said after his appointment." of 'The 56-year-old said after his appointment: “...”')
# A tag of saying whose words were a quotation now claimed apart, left with only where, when or how it was said
# ("Gambill said to cheers from the crowd.", "Said a spokesperson when contacted by Reuters.", "A Colorado Democrat
# observed."): who spoke, then nothing said (tag_alone checks that no verb follows).
# The verbs of saying that tag a quotation or lead into one, in the present and the past ("says", "explained"): the core
# that beside.py and antecedent.py widen, each for what it reads
SAYING_CORE = "says|said|explains|explained|adds|added|notes|noted|writes|wrote|recalls|recalled"
TAG_VERBS_ALONE = (r"said|says|observed|observes|explained|explains|recalled|recalls|recounted|recounts|remarked|remarks|replied|"
                   r"responded|noted|added|adds|asked|asks|wondered|wonders")
TAG_ALONE = re.compile(rf"(?:(?:{TAG_VERBS_ALONE.title()})\s+(?:[\w’'.&-]+\s+){{0,6}}?[\w’'.&-]+|(?:[\w’'.&-]+\s+){{1,6}}?(?:{TAG_VERBS_ALONE}))"
                       r"(?P<rest>,?\s+(?:to|before|after|when|while|in|at|on|during|from|outside|as|with|amid|following|upon|"
                       r"through|later|afterwards|again)\b(?:[^“”\"‘’;:]|(?<=\w)[’'](?=\w))*)?\.")


def tag_alone(claim: str) -> bool:
    """Whether a claim is only a tag of saying (TAG_ALONE) with no verb of its own after it ("said in 2019 the economy
    grew" is a claim), bar a participle after "when" or "while" ("when contacted by Reuters", "when asked")."""
    m = TAG_ALONE.fullmatch(claim)
    if m is None or re.search(r"(?i)\b(?:not|never|has|have|had|is|are|was|were|be|been|did|does|do|will|would|could)\b",
                              claim[:len(claim) - len(m.group("rest") or "")]):
        return False  # ("The department has not responded to requests ...", "Among them were said to be ...": claims)
    rest = re.sub(r"\b(?:when|while|if|as)\s+[a-z]+(?:ed|en)\b", "", m.group("rest") or "")
    # ("in a statement released by his transition website": a participle of the statement, no verb of the tag's)
    rest = re.sub(r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)\b[a-z]+ed(?=\s+by\b)", "", rest)
    # (what is said after "that", "whether" or "how" is said, whatever verb it has: "said last week that men ... account")
    return first_verb(rest, 0, len(rest), finite=True) is None and not re.search(r"\b(?:that|whether|how|why|what)\b", rest)


# A tag after a quotation with its verb first and who spoke after it ("said D. Joshua Taylor, FGS president").
INVERTED_TAG = re.compile(r"(?:said|says|added|adds|wrote|writes|explained|explains|recalled|recalls|noted|notes)\s+[^,;]+"
                          r"(?:,\s+[^,;]+){0,2}")  # (", Director, IIFL Securities": a title and a firm)


WHO_AFTER = re.compile(r",\s+who\s")  # the speaker's own clause after a tag ("says A, who has led it for 30 years")
# What a lead-in ending in a colon says of its own ("told Kara Swisher that he thought ... was “interesting”:")
TOLD_THAT = re.compile(r"\bthat\s+(?:it|he|she|they|we|there|the|its|his|her|their|[A-Z][\w’'-]*)\s+[a-z]")
