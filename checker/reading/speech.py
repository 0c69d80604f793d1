"""Who said what: a sentence's quotations, the tags that give a quotation its speaker ("“...,” Prelogar
said"), the speaker a sentence names (by its attribution, attribution.py's, or its tag), and who a speaker
is when the sentence says so after the quotation. Pure functions, on the clauses.py words and verbs."""
import functools
import re
from dataclasses import dataclass, replace

from .attribution import QUOTE_MARK, WHO_AFTER, find_attribution
from .clauses import UNNAMED, find_comma, first_verb, has_verb, trim
from .frame import core_span
from .panel import contributor_at, quoted_turn, transcript_speaker
from .quoted_titles import is_title
from .seams import REPORTING
from ..sentences import paragraph_span
from .when import When

# (a quotation opened with one kind of mark and closed with the other is one too: "“... distressing," says X")
QUOTATION = re.compile(r"‘(?P<a>(?:[^‘’]|’(?=[a-z]))+)’(?![a-z])|“(?P<b>[^“”]+)”|(?<!\d)\"(?P<c>[^\"]+)\""
                       r"|“(?P<d>[^“”\"]+)\"(?!\w)|(?<!\d)\"(?P<e>[^“”\"]+)”")
# The words that tag a quotation with its speaker ("“...,” Prelogar said", "he added in an e-mail",
# "said Jeffrey Wall", "Alito continued, as he addressed Prelogar"): a speaker, a verb of speaking, and
# at most a few words of when, where and how, or a clause that says how it was said.
TAG_VERBS = (REPORTING + r"|asked|replied|responded|continued|interjected|tweeted|posted|joked|explained|"
             r"recalled|countered|conceded|acknowledged|admitted|cautioned|testified|answered|told|says|adds|asks|writes|recalls|explains")
# after a speaker only ("Mann notes"): before one, these take what they act on ("argues the government's cases")
SPEAKER_VERBS = TAG_VERBS + r"|explains|tells|notes|argues|insists|warns|recalls|replies|responds|continues|quipped|quips|jokes"
TAG_TAIL_WORDS = (r"in|on|at|of|to|from|during|after|before|about|with|by|via|through|over|late|early|earlier|later|"
                  r"today|yesterday|last|this|(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\w+ly")
TAG = re.compile(rf"""(?x)^[\W_]*(?:(?i:in|at|on|during|after|speaking|asked|writing)\b[^,]{{0,40}},\s*)?(?:
    (?P<src>[\w’'.&-]+(?:\s+[\w’'.&-]+){{0,11}}?)(?:,\s*(?:aged\s+)?\d{{1,3}},|,\s+(?![a-z]+ing\b|who\b|which\b)[^,;:“”"]{{3,140}}?,)?\s+(?:has\s+|have\s+|had\s+)?(?:(?:also|later|then|again|separately|previously|earlier)\s+)?(?:{SPEAKER_VERBS})
  | (?:{TAG_VERBS})\s+(?P<after>(?:(?:the|a|an|his|her|its|their)\s+|[A-Z][\w.&-]*['’]s\s+)?(?:[a-z][\w’'-]*\s+){{0,3}}?[\w’'.&-]+(?:\s+[A-Z][\w’'.&-]*){{0,6}}))
  (?P<rest>\s+(?:{TAG_TAIL_WORDS})\b[^,;:.!?]*|\s+(?:[A-Z][\w’'.-]*\s*){{1,4}}|)
  (?P<how>(?:,\s*(?:as|while|when|who|whose|adding|saying|noting|before|after|over|during|speaking|from|in|at|on|via|to)\b
           |\s+(?:as|while|when)\s+(?:he|she|they|we|i)\b).*)?[\W_]*$""")

NOW = re.compile(rf"\b(?:is|are|has|have|does|do|remains|serves|leads|heads|says|tells|{REPORTING})\b", re.I)


def speaks_of_now(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] (a sentence) speaks of the time it was written: a verb in the present, or
    one of saying, which news uses for what was said just now ("President X said on Monday")."""
    return NOW.search(without_quotations(text, lo, hi)) is not None


QUOTED_QUESTION = re.compile(r"\?[”\"’']")
QUESTION_END = re.compile(r"\?[”\"’]?")
ASKED = re.compile(r"(?<![Ww]hen\s)(?<![Ii]f\s)(?<![Oo]nce\s)\b(?:asked|asks|wondered|wonders|inquired|inquires|queried)\b")
# (a quotation so given is a question; never one answered: "When asked what she took, the actress stated, “...”")
# A question reported, not quoted ("Wallace asked Trump whether he was involved", "pressed him on why the
# values changed", "Trump was questioned about his golf resort"): what was asked, never a claim.
ASKED_ABOUT = re.compile(r"""(?ix)\b(?:
    (?:asked|asks|asking|pressed|presses|pressing|questioned|questioning|quizzed|grilled|queried|wondered|wondering)
    (?:\s+(?!that\b)[\w’'.-]+){0,3}?\s+(?:(?:on|about)\s+)?(?:whether|why|how|what|who|whom|when|where|which|if)
  | (?:was|were|is|are|been)\s+(?:asked|questioned|quizzed|grilled|pressed)\s+(?:about|on|over))\b""")
# Words that open a question, whatever mark the writer closed it with ("“What about a college that has
# no such program,” Alito interjected"): a question word before a verb, or a verb before its subject.
AUXILIARY = r"(?:is|are|was|were|do|does|did|would|will|can|could|should|shall|has|have|had|may|might|must)(?:n[’']t)?"
ASKING = re.compile(rf"""(?ix)[“"‘']?\s*(?!what(?:\s+(?:is|was)|[’']s)\s+[^,;?]{{1,60}}?\s+(?:is|was)\b)(?:  # ("What’s starting to change is": no question)
    (?:what|why|how|who|whom|where|which|whose)(?:\s+about\b|\s+{AUXILIARY}\b|[’']s\b)
  | {AUXILIARY}\s+(?:you|we|they|he|she|it|i|there|the|a|an|this|that|these|those|any|anyone|anybody)\b)""")


CONTRACTED_VERB = re.compile(r"(?i)\b(?:it|that|this|there|here|he|she|we|they|you|i|what|who)['’](?:s|re|ll|ve|d|m)\b")


def says_something(text: str, lo: int, hi: int) -> bool:
    """Whether quoted words can be a statement: a verb (a contracted one too: "That's $260 billion"), or four words
    or more ("That can be true"), not "Done" or "No, Justice Alito"."""
    return has_verb(text, lo, hi) or len(text[lo:hi].split()) >= 4 or CONTRACTED_VERB.search(text, lo, hi) is not None


def without_quotations(text: str, lo: int, hi: int) -> str:
    """text[lo:hi] with every quotation (of any length) taken out."""
    return QUOTATION.sub(" ", text[lo:hi])


def tag_match(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """TAG matched against text[lo:hi] with its quotations taken out and its spaces made single; a quotation
    the tag opens again that runs on past the sentence ("“...,” Givati says, “I don't think ...") is out too."""
    rest = re.sub(r",\s*[“\"][^“”\"]*$", " ", without_quotations(text, lo, hi))
    return TAG.match(" ".join(rest.split()))


def tag_speaker(m: re.Match[str]) -> str:
    """The speaker a TAG match names, before its verb or after it; after it, the person a body's name and a role lead
    to ("said University of Miami tropical weather expert Brian McNoldy": McNoldy, never "University")."""
    if m.group("src") is not None:
        return m.group("src")
    person = BODY_ROLE_PERSON.match(m.group("rest") or "")
    return person.group("name") if person else m.group("after")


# The rest of a body's name, a role in lower case and a person's name after the verb ("of Miami tropical weather expert
# Brian McNoldy")
BODY_ROLE_PERSON = re.compile(r"\s+of\s+(?:[A-Z][\w’'.&-]*\s+)+(?:[a-z][\w’'-]*\s+)+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)+)\s*$")


def is_led_speech_tag(text: str, lo: int, hi: int) -> bool:
    """is_speech_tag, or a speech tag after a lead-in with no figure ("Of Friar Lawrence, Prelogar said
    at one point", "Not satisfied, Alito continued") or before a phrase of how ("Trump replied,
    ignoring the contradiction"): what is left of a sentence whose quotation is its claim."""
    if re.search(r"\d", without_quotations(text, lo, hi)):
        return False  # a figure is a claim, wherever it stands (a quotation's are its own)
    if is_speech_tag(text, lo, hi):
        return True
    how = re.search(r",\s*[a-z]+ing\b[^,\d]*$", text[lo:hi])  # "Trump replied, ignoring the contradiction"
    if how and is_speech_tag(text, lo, lo + how.start()):
        return True
    listener = re.search(r"\b(?:told|asked)\s+(?P<whom>(?:[\w’'.&-]+\s*){1,5})$", text[lo:hi])  # "told CNN affiliate WUSA"
    if listener and not has_verb(text, lo + listener.start("whom"), hi) and is_speech_tag(text, lo, lo + listener.start("whom")):
        return True
    comma = find_comma(text, lo, hi)
    while comma >= 0:
        if is_speech_tag(text, comma + 1, hi):
            return True
        comma = find_comma(text, comma + 1, hi)
    return False


def is_speech_tag(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi], its quotations taken out, only says who spoke and how ("“...,” Trump said
    of Mar-a-Lago", "he said in an e-mail"): words that claim nothing of their own."""
    m = tag_match(text, lo, hi)
    if not m:
        return False
    rest, speaker = m.string, tag_speaker(m)
    tail = (m.group("rest") or "") + (m.group("how") or "")
    return not re.search(r"\d", tail) and not has_verb(rest, m.start("rest"), m.end("rest")) and not (
        m.group("src") is not None and has_verb(rest, m.start("src"), m.end("src")) and len(speaker.split()) > 1) \
        and not (m.group("after") is not None and first_verb(rest, m.start("after"), m.end("after")))  # "said the budget was balanced"


# A speaker named after a quotation with words that say who they are ("..., says Tahseen Elayyan, a
# legal researcher at Al-Haq, over a cup of coffee"): the words up to a phrase of where or how; never a participle's phrase
# ("says Wiig, compared with figuring out ...": how it compares, no one's role).
APPOSED = re.compile(r"""(?x)(?<=[,”"’'\s])(?P<verb>said|says|adds|added|explains|explained|writes|wrote|recalls|recalled|
    notes|noted|insists|insisted|warns|warned|continues|continued|asks|asked|(?:told|tells)\s+[\w’'.-]+)
    \s+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}),\s+
    (?P<role>(?![a-z]+ing\b)(?![a-z]+ed\b)(?!(?:over|during|from|in|at|on|via|after|before|outside|inside|near|by|with|while|who|whom|whose|
    which|that|where|when)\b)
    (?:a|an|the|among|one\s+of|(?:[a-z]+\s+){1,3}?(?:of|at|for|with|in|to))\s[^;]*?)
    (?=\s*,\s*(?:over|during|from|in|at|on|via|as|while|when|who|whose|and|to|after|before|by|[a-z]+ing)\b|\s*[.!?]?\s*$)""")
# A tag after a quotation whose speaker a participle follows ("said van Sebille, noting that ...", "said Lee,
# speaking in Busan"): when the participle reports speech, what it reports the speaker said ("van Sebille said
# that ..."; a restatement brings in no verb the sentence lacks); else it says how or of what they spoke, no claim.
TAG_PARTICIPLE = re.compile(r"""(?:said|says|added|adds|wrote|writes|explained|explains|told\s+[\w’'.-]+)\s+
    (?P<name>(?:(?:van|von|de|da|del|der|den|di|du|le|la|al|el|bin|ter)\s+)*[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}),\s+
    (?P<ing>[a-z]+ing)(?P<out>\s+out)?\b""", re.X)
REPORTING_PARTICIPLES = frozenset("""noting adding saying arguing warning explaining insisting stressing claiming
acknowledging pointing predicting estimating""".split())


def tag_participle(text: str, lo: int, hi: int) -> tuple[int, str | None] | None:
    """For text[lo:hi] that is a speech tag with a participle after who spoke: where the participle ends, and
    the claim's opening in its place ("said Lee, noting": "Lee said"; None for "said Lee, referring to ...");
    None for any other text."""
    m = TAG_PARTICIPLE.match(text, lo, hi)
    if not m or (m.group("ing") == "pointing") != bool(m.group("out")):
        return None
    return m.end(), f"{m.group('name')} said" if m.group("ing") in REPORTING_PARTICIPLES else None


# The same before the verb, opening the sentence: "Tehilla Shwartz Altshuler, a senior fellow at the Israel
# Democracy Institute, says ...".
LEADING_APPOSED = re.compile(r"""(?x)(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}),\s+
    (?P<role>(?:a|an|the)\s[^,;:“”"]{3,120}?),\s+(?:has\s+|had\s+)?(?P<verb>said|says|told|tells|added|adds|explained|explains|wrote|writes|argued|argues|warned|warns)\b""")
PAST_SAYING = ("said", "added", "explained", "wrote", "told", "argued", "warned", "asked", "noted", "insisted", "continued", "recalled")


@dataclass
class Apposed:
    name: tuple[int, int]  # (start, end) of the speaker's name
    end: int  # where the words that say who they are end
    past: bool  # "said", not "says"
    leading: bool = False  # before the verb of saying, opening the sentence


def apposed_speaker(text: str, lo: int, hi: int) -> Apposed | None:
    """The speaker a sentence names with who they are, after its quotation or opening it, or None."""
    for m in APPOSED.finditer(text, lo, hi):
        if text[lo:m.start()].rstrip()[-1:] in ",”\"’'":  # right after the quotation it tags
            verb = m.group("verb").split()[0]
            return Apposed((m.start("name"), m.end("name")), m.end("role"), verb in PAST_SAYING)
    m = LEADING_APPOSED.match(text, lo, hi)
    if m:
        return Apposed((m.start("name"), m.end("name")), m.end("role"), m.group("verb") in PAST_SAYING, leading=True)
    return None


# One person or body named by office ("the prime minister said", "the ministry said"): as good as a name.
ROLES = frozenset("""president minister premier chancellor mayor governor senator spokesman spokeswoman spokesperson
secretary ambassador chairman chairwoman chair director commissioner judge justice speaker treasurer king queen
ministry department court police army military government council commission agency authority regulator
bank company firm office embassy committee parliament legislature cabinet""".split())


# A phrase of when or how before the one who speaks ("After weeks of speculation, the Wrap reports that ...")
LEADING_PHRASE = re.compile(r"(?i:after|before|in|on|at|during|following|amid|despite|since|with|under|earlier|later)\b"
                            r"[^,;“”\"]{1,60},\s+(?=\S)")


# Words quoted "as" someone said them ("as Jon Kabat-Zinn said “you can't stop the waves, but you can learn to surf”")
AS_SAID = re.compile(r"\bas\s+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3})\s+(?:said|says|put\s+it|puts\s+it|noted|wrote|writes)\b")


def named_speaker(text: str, lo: int, hi: int) -> str | None:
    """Who text[lo:hi] (a sentence) gives its words to, when it names them: a person or a body
    ("Alito", "the Federal Aviation Administration", "CNN meteorologist Chad Myers"); None for none, a
    pronoun or an unnamed source ("officials said", "he added")."""
    lo, hi = core_span(text, lo, hi)
    attribution = find_attribution(text, lo, hi)
    if attribution is None and (lead := LEADING_PHRASE.match(text, lo, hi)):
        attribution = find_attribution(text, lead.end(), hi)  # "After weeks of speculation, the Wrap reports that ..."
    if attribution is None and (seam := re.search(r"[,;]\s+(?:and|but)\s+(?=[A-Z])", text[lo:hi])):
        attribution = find_attribution(text, lo + seam.end(), hi)  # "There is debate ..., and Anthropic has said it will sue"
    if attribution is not None:
        source = attribution.source
    elif QUOTATION.search(text, lo, hi) and (tag := tag_before_how(text, lo, hi)):
        source = tag_speaker(tag)
    elif apposed := apposed_speaker(text, lo, hi):  # ("A, a fellow at B, says ...", "“...,” says A, a fellow at B")
        source = text[slice(*apposed.name)]
    elif QUOTATION.search(text, lo, hi) and (said_as := AS_SAID.search(text, lo, hi)):
        source = said_as.group("name")  # "..., but as Jon Kabat-Zinn said “you can't stop the waves ...”"
    else:
        return None
    return named(source)


def quoted_person(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] (a sentence) gives a statement in a person's own words, tagged with who spoke
    though not by name ("“It is a terrible thing,” he said to the judge", and the quotation after it):
    a quotation that says something, and no question."""
    lo, hi = core_span(text, lo, hi)
    if QUESTION_END.match(text, hi) or QUOTED_QUESTION.search(text, lo, hi) or ASKED.search(without_quotations(text, lo, hi)):
        return False
    tag = tag_before_how(text, lo, hi)
    speaker = tag_speaker(tag) if tag else quotation_tag(text, lo, hi)  # (or the tag of the sentence beside it)
    return speaker is not None and speaker.lower() in ("he", "she", "they", "we", "i") and any(
        says_something(text, q.start() + 1, q.end() - 1) for q in QUOTATION.finditer(text, lo, hi))


def tag_before_how(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """tag_match of text[lo:hi], or of it without a closing phrase of how it was said ("“...,” Engoron
    said, raising his voice"): the words that give a quotation its speaker."""
    how = re.search(r",\s*[a-z]+ing\b[^“”\"]*$", text[lo:hi])
    return tag_match(text, lo, hi) or (tag_match(text, lo, lo + how.start()) if how else None)


def named(source: str) -> str | None:
    """A speaker's words when they name a person or a body, else None ("he", "officials")."""
    words = source.split()
    if not words:
        return None
    named = [w for i, w in enumerate(words) if w[:1].isupper() and (i or w.lower() not in UNNAMED)]
    role = words[0].lower() in ("the", "its", "their") and words[-1].lower().strip("’'s") in ROLES
    return " ".join(words) if (named or role) and words[-1].lower() not in UNNAMED else None


def open_quotation(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """(opening, closing) offsets of the quotation, within its paragraph, that holds all of text[lo:hi]
    (a sentence, its quotation marks aside): a quotation with no tag of its own, or one sentence of a
    quotation of several; else None."""
    p_lo, p_hi = paragraph_span(text, lo, hi)
    opening: int | None = None
    for m in QUOTE_MARK.finditer(text, p_lo, p_hi):
        mark = m.group()
        if opening is None and mark != "”":
            opening = m.start()
        elif opening is not None and mark != "“":
            c_lo, c_hi = trim(text, lo, hi, " \t\r\n“”\"")
            if opening <= c_lo and m.start() >= c_hi - 1:
                return opening, m.start()
            opening = None
    if opening is not None and opening <= lo:  # a quotation that goes on in the next paragraph has no closing mark
        return opening, p_hi
    return None


def inside_quotation(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The quotation text[lo:hi] stands inside with no quotation mark of its own (a middle sentence of
    a speaker's quotation of several: “I love him. He made suggestions, I made decisions. ...”), or None."""
    body = lo + len(re.match(r"[“\"]?\s*", text[lo:hi]).group())  # type: ignore[union-attr]  # (matches "")
    # an opening mark of its own that nothing closes ("maybe two. “Now it's five or six.") goes on the quotation
    return None if QUOTE_MARK.search(text, body, hi) else open_quotation(text, lo, hi)


def quotation_speaker(text: str, lo: int, hi: int) -> str | None:
    """Who speaks a sentence that is all quotation, when the words that tag the quotation, after its
    close ("...,” says Tahseen Elayyan, a ...") or before its opening ("“...,” Kise said. “..."), name them."""
    tagged = quotation_tag(text, lo, hi)
    return named(tagged) if tagged else None


def described_speaker(text: str, lo: int, hi: int) -> str | None:
    """Who speaks a sentence all quotation when the tag beside it describes them without naming them ("“...,”
    says a senior trade ministry official, who asked not to be named. “...”"): the description, as written."""
    tagged = quotation_tag(text, lo, hi)
    if tagged and re.match(r"(?i)(?:a|an|one|another)\s+\S+", tagged) and tagged.split()[-1].lower() not in UNNAMED:
        return tagged
    return None


def quotation_tag(text: str, lo: int, hi: int, depth: int = 0) -> str | None:
    """The speaker, named or not ("he"), that quotation_speaker reads for text[lo:hi]; a paragraph that
    goes on a quotation the paragraph before left open (its closing mark comes later) is that speaker's."""
    quotation = open_quotation(text, lo, hi)
    if quotation is None:
        return None
    opening, closing = quotation
    p_lo, p_hi = paragraph_span(text, lo, hi)
    after = re.match(r"[^.!?“]*", text[closing + 1:p_hi]).group()  # type: ignore[union-attr]  # (matches "")
    # the tag of the quotation before, or the words that lead into this one ("Hunt said: “...")
    before_lo = max(text.rfind("”", p_lo, opening), text.rfind('"', p_lo, opening), p_lo - 1) + 1
    for side, words in (("after", after), ("before", text[before_lo:opening])):
        words = " ".join(words.split()).strip(" ,")
        words = words[:who.start()] if (who := WHO_AFTER.search(words)) else re.sub(r"[.!?]$", "", words)  # (", who has led
        # it for 30 years": the speaker's own claim)
        apposed = APPOSED.search(" " + words)
        if apposed and apposed.start() == 1:  # "writes Michael Oppenheimer, a climate scientist at Princeton, over email"
            return apposed.group("name")
        m = tag_before_how(words, 0, len(words))  # "Engoron said, raising his voice and ..."
        if m and (is_speech_tag(words, 0, len(words)) or is_led_speech_tag(words, 0, len(words))):
            return tag_speaker(m)
        m = NAME_SAID.match(words) or NAME_APPOSED_SAID.match(words)  # "Isaac told Fox News recently during an
        if m:  # interview that ...", "Kenji Sato, the city transport chief, told reporters": its speaker at least
            return m.group("src")
        said = find_attribution(words, 0, len(words)) if side == "before" else None
        if said is not None and not said.whole_clause and named(said.source):
            return said.source  # "Rising rents push families out, Okafor said. “Half of the flats ...”": Okafor's
    previous = continued_quotation(text, p_lo, opening) if depth < 6 else None
    if previous is not None:  # this goes on with the quotation the paragraph before left open: that one's tag
        return quotation_tag(text, previous[1] - 1, previous[1], depth + 1)
    return None


def continued_quotation(text: str, p_lo: int, opening: int) -> tuple[int, int] | None:
    """When the quotation opening at `opening` opens its paragraph (starting at p_lo) and the paragraph before left
    a quotation open at its end, that one goes on here: (where it opens, where its paragraph ends); else None."""
    previous_end = p_lo - 1
    while previous_end > 0 and text[previous_end - 1] in "\n \t":
        previous_end -= 1
    if text[p_lo:opening].strip() or previous_end <= 0:
        return None
    previous = open_quotation(text, previous_end - 1, previous_end)
    return (previous[0], previous_end) if previous is not None and previous[1] >= previous_end else None


# A tag that opens with its speaker and a verb of speaking, whatever follows ("Isaac told Fox News Latino
# during an interview that also included Chastain"): enough to say who speaks the quotation beside it.
NAME_SAID = re.compile(rf"(?P<src>(?:[A-Z][\w’'.-]+\s+){{0,3}}[A-Z][\w’'.-]+|he|she|they)\s+(?:also\s+)?(?:{TAG_VERBS})\b")


# The same with who the speaker is between commas ("Kenji Sato, the city transport chief, told reporters on Monday")
NAME_APPOSED_SAID = re.compile(rf"(?P<src>(?:[A-Z][\w’'.-]+\s+){{1,3}}[A-Z][\w’'.-]+),\s+[^,;“”\"]{{3,90}},\s+(?:also\s+)?(?:{TAG_VERBS})\b")


TAG_BEFORE = re.compile(r"\b(?:said|says|added|adds|wrote|writes|replied|told\s+[\w’'-]+(?:\s+[\w’'-]+)?)\s*[:,]\s*$")


def find_quotations(text: str, lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    """(open, close, inner start, inner end) of each quotation of five words or more, titles aside."""
    found = []
    for m in QUOTATION.finditer(text, lo, min(len(text), hi + 2)):
        group = next(g for g in "abcde" if m.group(g) is not None)
        inner = trim(text, m.start(group), m.end(group), " \t\r\n")
        words = text[inner[0]:inner[1]]
        if (len(words.split()) >= 5 or TAG_BEFORE.search(text, max(0, m.start() - 40), m.start())) and not is_title(words):
            found.append((m.start(), m.end(), *inner))  # (shorter, a quotation only after its tag: "and added: “...”")
    return found


# A time right after a verb of saying ("..., the air force said on Sunday, killing ...", "told reporters
# last week"): when it was said, not when what was said happened.
SAYING_BEFORE = re.compile(r"\b(?:said|says|added|wrote|tweeted|(?:told|tells)\s+(?:the\s+)?[\w’'-]+)(?:\s+in\s+(?:a|an|the|its|his|her|their)"
                           r"\s+(?:[\w-]+\s+)?(?:statement|release|interview|report|filing|letter|post|briefing))?"
                           r"(?:\s+(?:on|in|at|late|early|earlier|this|last))*\s+$")  # (never "announced the budget on")


# The same after a tag of other verbs that report ("..., the company announced on Wednesday"): beside
# what it reports, after a comma, the time is the report's; before an object ("announced a plan on
# Monday") it is the fact's own.
TAG_SAYING_BEFORE = re.compile(r",\s*(?:[\w’'.&-]+\s+){1,6}(?:announced|reported|confirmed|stated|disclosed|revealed|"
                               r"estimated|noted)(?:\s+(?:on|in|at|late|early|earlier|this|last))*\s+$")


def times_of_saying(folded: str, whens: list[When]) -> list[When]:
    """whens with each time of saying made a bound that dates no claim (its words still written out)."""
    return [replace(w, since=True, point=False, yardstick=True)
            if not w.since and (SAYING_BEFORE.search(folded, max(0, w.start - 40), w.start)
                                or TAG_SAYING_BEFORE.search(folded, max(0, w.start - 80), w.start)) else w for w in whens]


# An interview written as questions and answers, each answer opened by its speaker's initials or a
# letter ("AD She was all in.", "OW For sure.", "A: We will."): a label that opens two paragraphs or more.
LABEL = re.compile(r"(?m)^[ \t]*(?P<label>[A-Z]{1,3})(?::\s*|\s+[-–—]\s+|\s+)(?=[A-Z(“\"‘'])")
FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:[A-Z][\w’'-]+))+\b")


@functools.lru_cache(maxsize=8)
def interview_labels(text: str) -> dict[str, str | None]:
    """The labels that open the answers of an interview in text, each with the person the article names
    with those initials ("AD": "Ava DuVernay"), or None (a bare "A", or no such name)."""
    counts: dict[str, int] = {}
    for m in LABEL.finditer(text):
        counts[m.group("label")] = counts.get(m.group("label"), 0) + 1
    labels = {label for label, n in counts.items() if n >= 2}
    if not labels:
        return {}
    named: dict[str, str] = {}
    for m in FULL_NAME.finditer(text):
        words = m.group().split()
        for n in range(2, len(words) + 1):  # "Kofi Annan Jr.": "KA" as well as "KAJ"
            named.setdefault("".join(w[0] for w in words[:n]), " ".join(words[:n]))
    return {label: named.get(label) if len(label) > 1 else None for label in labels}


# A paragraph opened by a person's name, what they speak of in brackets and a colon, as roundups of
# contributors write them ("Ana Ruiz (Safaricom): I like this stock because ..."): their words.
NAMED_LABEL = re.compile(r"[ \t]*(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s+\([^()\n]{1,80}\):\s+")


def interview_answer(text: str, lo: int) -> tuple[str | None, int] | None:
    """For the sentence at lo, in a paragraph that opens with an interview's label or a contributor's
    name, or in a panel's section (panel.py): (who speaks, or None where the article does not name them;
    where the label ends). None outside such answers."""
    p_lo = text.rfind("\n", 0, lo) + 1
    named = NAMED_LABEL.match(text, p_lo)
    if named and not named.group("name").isupper():  # ("KUALA LUMPUR (Bernama): ": a dateline, no one's words)
        return named.group("name"), named.end()
    # a panel's section, a transcript's paragraph, a turn of an exchange
    section = contributor_at(text, lo) or transcript_speaker(text, lo) or quoted_turn(text, lo)
    if section is not None:
        return section
    labels = interview_labels(text)
    if not labels:
        return None
    m = LABEL.match(text, p_lo)
    if m is None or m.group("label") not in labels:
        return None
    return labels[m.group("label")], m.end()

