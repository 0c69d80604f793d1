"""Whom "he" or "she" means when a quotation's tag gives only the pronoun ("“...,” she said in an
e-mail"): the one person the sentences just before it name. A claim must never give words to the wrong
person, so the reading is narrow: the nearest sentence before that names anyone decides, and only
when it names exactly one person and no unnamed speaker ("says a doctor from Hebron") stands between;
anything less certain leaves the pronoun as written. And who speaks a paragraph that the one before leads into
("The minister said:" and then "We have cut waiting lists by 20 percent", with no quotation marks). Pure
functions."""
import re

from .clauses import Clause, first_verb, is_verb, words_at
from .names import ORG_WORDS, is_not_name, looks_like_common_noun, place_names, single_place_words
from .people import named_body, person_like
from .pronouns import pronoun_of
from .titles import CORE_TITLES, HOLDING, HYPHEN, RANKS
from .attribution import QUOTE_MARK, SAYING_CORE, find_attribution
from .speakers import speaks
from .speech import (continued_quotation, is_led_speech_tag, named, named_speaker, open_quotation, QUOTATION,
                     quotation_tag, tag_before_how, tag_speaker, TAG_VERBS)
from ..sentences import paragraph_span, split_sentences
from ..text import fold

LOOK_BACK = 4  # sentences read back for the person; further than this a pronoun is no longer safe to resolve
PARAGRAPHS_BACK = 2  # ... and no further back than the paragraph before the quotation's own

# A run of capitalised words, without a possessive ("Washington's Reagan National Airport": "Washington",
# "Reagan National Airport"), and with the honorific that tells whether a person is a he or a she.
WORD = r"[A-Z][\w-]*(?:[’'](?!s\b)[\w-]+)*"  # "O’Brien", never "York’s"
CAPITALISED = re.compile(rf"(?<![\w’'-])(?:(?P<hon>Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Dame|Lady)\.?\s+)?(?P<name>{WORD}(?:\s+{WORD})*)")
# (a title joined to how it was held or to its rank is one: "Ex-President", "Lieutenant-Governor")
TITLE_WORD = (rf"(?:(?i:{HOLDING}|{RANKS}){HYPHEN})?(?:{CORE_TITLES}|Chief|Executive|Officer|Attorney|Deputy|Spokesman|"
              r"Spokeswoman|Spokesperson|Sister|Brother|Father|Rev|Reverend|Rabbi|Imam|Coach|Professor|Prof|Detective|"
              r"Sergeant|Sgt|Lt|[A-Z]{2,5})")  # ("CEO")
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|across|outside|inside|around|into)\s+$")  # "spoke in Delhi"
HIS = frozenset({"Mr", "Sir", "Lord"})
HERS = frozenset({"Mrs", "Ms", "Miss", "Dame", "Lady"})


def pronoun_speaker(text: str, lo: int, hi: int) -> str | None:
    """The person a sentence's quotation is given to by "he" or "she" alone (its tag, or the tag of the
    quotation it goes on), read from the sentences before it; None when the tag names someone, or
    when whom the pronoun means is not certain."""
    quotation = open_quotation(text, lo, hi)
    tag = quotation_tag(text, lo, hi)
    if tag is None:
        m = tag_before_how(text, lo, hi)
        tag = tag_speaker(m) if m else None
    if tag is None or tag.lower() not in ("he", "she"):
        return None
    return antecedent(text, quotation_opening(text, quotation[0]) if quotation else lo, tag.lower())


def quotation_opening(text: str, opening: int) -> int:
    """Where a quotation that runs over several paragraphs opens, for the one opening at `opening`: each paragraph
    that goes on the one before (opens with a mark, the one before left open) leads back to the first, whose tag
    the pronoun is read from ("He said: “...\n\n“... Lena Holm ...\n\n“...”": never Lena Holm, named inside)."""
    for _ in range(12):
        previous = continued_quotation(text, text.rfind("\n", 0, opening) + 1, opening)
        if previous is None:
            return opening  # (the quotation opens inside its paragraph, or starts there: its tag is there)
        opening = previous[0]
    return opening


def antecedent(text: str, at: int, pronoun: str) -> str | None:
    """The one person the sentences before text offset `at` name, nearest first, for `pronoun` ("he" or "she");
    None when the nearest that names anyone names more than one, names someone of the other pronoun (an
    honorific or the article says) or someone the article never quotes, or gives words to someone unnamed."""
    start = at
    for _ in range(PARAGRAPHS_BACK):
        start = text.rfind("\n\n", 0, max(start - 1, 0))
        if start < 0:
            start = 0
            break
    before = [s for s in split_sentences(text[start:at]) if s.text.strip()][-LOOK_BACK:]
    for sentence in reversed(before):
        lo, hi = start + sentence.start, start + sentence.end
        people = [p for p in persons(text, lo, hi)  # (never whom the pronoun spoke to: "she told Howard Stern")
                  if not re.search(rf"\b{pronoun}\s+(?:told|asked)\s+{re.escape(p[0])}", text[lo:hi], re.I)]
        if unnamed_speaker(text, lo, hi) and not people:
            return None  # "“We are not just numbers,” says a doctor from Hebron": the pronoun may be theirs
        if not people:
            continue
        surnames = {name.split()[-1] for name, _ in people}
        names = {name for name, _ in people}
        if len(surnames) != 1 or len({n for n in names if not any(o != n and o.endswith(" " + n) for o in names)}) != 1:
            return None  # (two people of one surname, "Bob Carter ... his wife Ann": whom "she" means is not certain)
        honorifics = {h for _, h in people if h}
        if honorifics & (HERS if pronoun == "he" else HIS) or not speaks(text, surname := surnames.pop()) \
                or pronoun_of(text, surname) not in (None, pronoun) or opening_pronoun(QUOTATION.sub(" ", text[lo:hi]), 0) == pronoun:
            return None  # ("She remembers Ailes’s reply": "she" is someone before; nor is Ailes, whom the article calls "he")
        best = max((name for name, _ in people), key=len)
        # (a word alone may be a body, "Reuters", unless the article gave it in full before: "Paula O'Kane ... O'Kane said")
        return best if len(best.split()) >= 2 else given_in_full(text, best, lo)
    return None


def persons(text: str, lo: int, hi: int) -> list[tuple[str, str | None]]:
    """The people text[lo:hi] names, each as (name, honorific): a full name as people.py reads one
    (two or three words, no place or organisation), or a surname alone that the text before gave in full
    (then the full name). A place or a firm may look like one ("San Diego", "Ramallah Hospital"):
    antecedent() takes only someone the article also gives words to."""
    found = []
    quoted = [q.span() for q in QUOTATION.finditer(text, lo, hi)]  # (a name inside a quotation is spoken of, no speaker)
    for m in CAPITALISED.finditer(text, lo, hi):
        if any(a < m.start() < b for a, b in quoted):
            continue
        words = m.group("name").split()
        if len(words) > 1 and PLACE_BEFORE.match(words[0].lower() + " "):
            continue  # "At New York, ...", "In South Africa": a place (as after a lower-case "in")
        if m.start() == lo and len(words) == 1 and words[0].endswith("ing") and re.match(r"\s+[a-z]", text[m.end():m.end() + 2]):
            continue  # "Speaking in the Lok Sabha, Rijiju said": a participle that opens the sentence, no one
        if len(words) > 1 and not m.group("hon") and THE_BEFORE.search(text, lo, m.start()) \
                and not any(re.fullmatch(TITLE_WORD, w) for w in words):
            continue  # "in the Lok Sabha", "the Harvard Crimson": a body or a place, never a person
        while words and (is_not_name(words[0]) or re.search(r"-[a-z]", words[0])):  # "But Abney", "The Peterson
            words = words[1:]  # family", "Australian-born Assange"
        titled = [i for i, w in enumerate(words) if re.fullmatch(TITLE_WORD, w)]
        words = words[titled[-1] + 1:] if titled else words  # "Finance Minister Nirmala Sitharaman", "Patrol Chief James Hall"
        if not words:
            continue
        name = " ".join(words)
        if len(words) == 1 and THE_BEFORE.search(text, lo, m.start()):
            continue  # "the Carter’s home", "the Smiths": a family or a body, no one person
        if len(words) >= 2 and person_like(name):
            found.append((name, m.group("hon")))
        elif len(words) == 1 and (full := given_in_full(text, words[0], m.start("name"))):
            found.append((full, m.group("hon")))
        elif len(words) == 1 and m.start() > lo and re.match(r"\s+(?:said|says|told|added|asked|wrote)\b", text[m.end():m.end() + 8]):
            found.append((name, m.group("hon")))  # "Hannity told Levin": whoever speaks is someone ("-ity" though it ends)
        elif len(words) == 1 and not (name.isupper() or looks_like_common_noun(name) or fold(name) in place_names()
                                      or fold(name) in single_place_words()
                                      or fold(name) in ORG_WORDS or PLACE_BEFORE.search(text, lo, m.start()) or named_body(text, name)
                                      or people_word(text, name, m.end("name"))):
            # a surname the article never gave in full ("Chandor" of "J.C. Chandor"), or a body ("Reuters"): someone
            # the pronoun may mean, so antecedent() stops here rather than read past them to the wrong person
            found.append((name, m.group("hon")))
    return found


def people_word(text: str, word: str, end: int) -> bool:
    """Whether a word alone names a people before a noun ("Palestinian chief negotiator", "Kenyan runners"), never
    someone ("Erdogan said")."""
    following = re.match(r"\s+([a-z][\w-]*)", text[end:end + 30])
    return word.endswith(("an", "ese", "ish", "ian", "i")) and following is not None and not is_verb(following.group(1))


FULL_NAME_REACH = 20_000  # characters: a person given in full further back than this is named again in a news story


def given_in_full(text: str, surname: str, before: int) -> str | None:
    """The full name ending in `surname` that the text before offset `before` gives, if it gives one."""
    # (read back no further than FULL_NAME_REACH, and never by copying the text before: each call costs the same)
    pattern = re.compile(rf"(?<![\w’'-])[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?:\s+[A-Z]\.)?\s+{re.escape(surname)}\b")  # ("Kevin J. Tracey")
    for m in reversed(list(pattern.finditer(text, max(0, before - FULL_NAME_REACH), before))):
        words = m.group().split()
        while len(words) > 2 and (re.fullmatch(TITLE_WORD, words[0]) or words[0].isupper()):
            words = words[1:]  # "CEO John Sargent": the person, not their title
        if person_like(" ".join(words)) and not is_not_name(words[0]) and not re.fullmatch(TITLE_WORD, words[0]) \
                and not is_verb(words[0].lower()):  # ("Replied Stephen, with some delicacy, ...": no given name)
            return " ".join(words)
    return None


def unnamed_speaker(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] (a sentence) gives words to someone it does not name ("says a doctor",
    "officials said"); a pronoun is no one new."""
    attribution = find_attribution(text, lo, hi)
    m = tag_before_how(text, lo, hi) if attribution is None else None
    source = attribution.source if attribution else tag_speaker(m) if m else None
    source = re.sub(r"(?i)^(?:but|and|so|yet|then|still)\s+", "", source) if source else None  # "But she said ..."
    return source is not None and source.lower() not in ("he", "she", "they", "we", "i") and named(source) is None


def name_in_tag(claim: str, pronoun_for: str | None) -> str:
    """A claim that is a quotation and its tag ("“...,” she said in an e-mail.") with the tag's pronoun
    replaced by the person it means (when pronoun_for is one)."""
    close = max(claim.rfind("”"), claim.rfind('"'))
    if pronoun_for is None:
        return claim
    m = re.search(r"\b(?:he|she|He|She)\b", claim[close + 1:])
    if close < 0 or m is None:
        return claim
    at = close + 1 + m.start()
    return f"{claim[:at]}{pronoun_for}{claim[at + len(m.group()):]}"


# A lead-in whose subject is something shown on the page ("This video by KQED explains:", "The chart below shows:",
# "In this clip, the BBC explains:"): the thing itself is an embed; the words after it are the writer's
MEDIA_LEAD = re.compile(r"(?i)(?:in\s+)?(?:this|these|the(?:\s+following)?|a|an|our|here\s+is\s+an?|below\s+is\s+an?)\s+"
                        r"(?:[\w-]+\s+){0,2}(?:video|videos|clip|clips|graphic|graphics|chart|charts|map|maps|animation|footage|"
                        r"documentary|diagram|photo|photos|image|images|infographic|podcast|table|timeline|slideshow|gallery|"
                        r"embed|tweet|post|illustration|visualization|visualisation)\b")
LEAD_IN_REACH = 3  # paragraphs of a statement after its lead-in, each in the first person after the first
# "The agency chief, Tatang Zaenudin, said", "X, the British Ambassador to Indonesia, told reporters": a verb of
# saying that ends the lead-in, after whoever it names
LEAD_IN = re.compile(rf",\s+(?:also\s+)?(?:{TAG_VERBS})(?:\s+(?:reporters|journalists|the\s+\w+|(?:in|on|at)\s+[^,]{{1,40}}))?$")
OPENING_MARK = re.compile(r"“|(?:^|(?<=[\s(\[]))\"")
FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|I’m|I'm|we’re|we're|We’re|We're|we’ve|we've|We’ve|We've)\b")  # (never "our planet")


def led_in_statement(text: str, lo: int) -> tuple[str | None, int] | None:
    """For the sentence at lo, in a paragraph with no quotation marks that carries on a statement the paragraph
    before leads into ("Tatang Zaenudin, the agency's chief, said:" then "This morning, we recovered four
    bodies"; further paragraphs only while they speak in the first person): (who speaks, as the lead-in names
    them or as it writes them, "The minister"; where the paragraph starts). None elsewhere: words given to no
    speaker would read as the writer's own."""
    p_lo = text.rfind("\n", 0, lo) + 1
    for _ in range(LEAD_IN_REACH):
        paragraph = text[slice(*paragraph_span(text, p_lo))]
        if OPENING_MARK.search(paragraph):
            return None  # (a quotation of its own; a lone closing mark may end the statement: ... if required.")
        before = paragraph_before(text, p_lo)
        if before is None:
            return None
        leads, speaker = lead_in(text, *before)
        if leads:
            return speaker, text.rfind("\n", 0, lo) + 1
        if text[before[1] - 1] == ":" or not FIRST_PERSON.search(paragraph):
            return None  # (a later paragraph of the statement speaks as its speaker: "we", "our")
        p_lo = before[0]
    return None


def paragraph_before(text: str, p_lo: int) -> tuple[int, int] | None:
    """(start, end) of the paragraph before the one that starts at p_lo, without the blank lines between; None
    at the text's start. (Read back from p_lo, never copied: it is asked for every sentence.)"""
    end = p_lo
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return (text.rfind("\n", 0, end) + 1, end) if end else None


def quoted_paragraph_speaker(text: str, lo: int) -> str | None:
    """Who speaks the sentence at lo, in a paragraph that opens with a quotation after a paragraph that leads into it
    ("Trump said:" then "“The bank liked me very much.”"): the person the lead-in names, else None."""
    p_lo = text.rfind("\n", 0, lo) + 1
    before = paragraph_before(text, p_lo)
    if not OPENING_MARK.match(text[p_lo:lo + 1].lstrip()) or before is None:
        return None
    for _ in range(LEAD_IN_REACH):  # (a quotation of several paragraphs opens each and closes only the last)
        if not (OPENING_MARK.match(text, before[0]) and not CLOSED.search(text, *before)):
            break
        before = paragraph_before(text, before[0])
        if before is None:
            return None
    leads, speaker = lead_in(text, *before)
    if not leads:  # (a paragraph whose quotation has a tag of its own, "“...,” she said in Delhi.", is that tag's)
        speaker = None if OWN_TAG.search(text, *paragraph_span(text, p_lo)) else reported_speaker(text, *before)
    return speaker if speaker and speaker.lower() not in ("he", "she", "they") else None


OWN_TAG = re.compile(r"[”\"’],?\s+(?:[\w’'.-]+,?\s+){0,4}?(?:said|says|told|added|adds|asked|asks|wrote|writes|explained|explains)\b")
# A sentence of reported speech, its speaker first ("She said the employers that would stand up were ...")
REPORTED = re.compile(r"(?P<who>[A-Z][^,;:“”\"]{0,60}?)\s+(?:also\s+)?(?:said|says|told\s+[\w’'-]+|added|adds|"
                      r"explained|explains|argued|argues|noted|notes|insisted|insists)\b")


def reported_speaker(text: str, b_lo: int, b_hi: int) -> str | None:
    """The speaker of the paragraph text[b_lo:b_hi] when its last sentence reports their words ("She said the
    employers ... were those who did not wait."), named, or the one person "she" or "he" means: a quotation that
    opens the next paragraph with no tag of its own is theirs, as news writing has it."""
    last = [s for s in split_sentences(text[b_lo:b_hi]) if s.text.strip()][-1:]
    m = REPORTED.match(last[0].text.strip()) if last else None
    if m is None or QUOTE_MARK.search(last[0].text):
        return None
    who = m.group("who")
    s_lo = b_lo + last[0].start
    return opening_subject(text, s_lo, b_hi) if who in ("He", "She") else named_speaker(text, s_lo, b_hi)


# A sentence that leads into a quotation or a statement without a verb of saying ("Here is an excerpt from an email
# interview the Tribune did with Dana Cole", "Below is the full text of her statement")
EXCERPT = re.compile(r"(?i)\b(?:excerpts?|extracts?|transcript|full\s+text|text)\s+(?:from|of)\s+(?:an?|the|his|her|their|its)\s+"
                     r"(?:[\w-]+\s+){0,2}?(?:interview|statement|letter|e-?mail|speech|post|testimony|remarks|conversation)\b")

# A lead-in that ends with what it leads to ("Trump said the following.") or opens on it ("Here’s what X said:")
SAID_FOLLOWING = (r"(?:said|says|told\s+[^.,;]{1,40}?|wrote|writes|added|replied|responded|answered|explained)\s+"
                  r"(?:the\s+following|as\s+follows)\s*\.$")
FOLLOWING = re.compile(rf"\b{SAID_FOLLOWING}")
NAME_SAID = re.compile(rf",\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'.-]*)\s+{SAID_FOLLOWING}")  # (who said it)
HERE_WHAT = re.compile(r"(?:(?:And|But|So)\s+)?(?:[Hh]ere(?:['’]s|\s+is)|[Tt]his\s+is)\s+(?:what|how)\s+")
CLOSED = re.compile(r"[”\"]\s*$")  # a paragraph whose quotation closes at its end
LEAD_REACH = 400  # characters at a paragraph's end in which an excerpt's lead-in is looked for
EXCERPT_BY = re.compile(rf"\b(?:with|by)\s+(?:{TITLE_WORD}\s+)*(?P<name>(?:[A-Z][\w.’'-]*\s+){{1,2}}[A-Z][\w’'-]+)(?![\w’'-]|\.\w)")


# A tag with the verb first that ends a lead-in, after a comma ("..., explains Muvunyi:"): its speaker, whoever else
# the lead-in names
ENDING_TAG = re.compile(rf",\s+(?:{SAYING_CORE}|argues|argued)\s+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{0,3}})\s*$")
# A quotation and the tag that ends the lead-in ("... “anything is possible,” she told us:"): the words after it are
# the speaker's too
QUOTED_THEN_TAG = re.compile(r"[”\"’],?\s+(?:he|she|they|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?:said|says|told\s+(?:us|me|him|her|"
                             r"them|reporters|[A-Z][\w’'-]+)|added|adds|wrote|writes|explained|explains)\s*$")


# A name, who they are and a verb of saying, with no comma before the verb ("Jon Kabat-Zinn, founder of the MBSR program
# at the University of Massachusetts Medical Center says:")
NAME_ROLE_SAYS = re.compile(rf"(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{1,3}}),\s+[^,;:“”\"]{{3,160}}?\s+(?:{SAYING_CORE})")


def lead_in(text: str, b_lo: int, b_hi: int) -> tuple[bool, str | None]:
    """Whether the paragraph text[b_lo:b_hi] ends by leading into what follows ("X said:", "The agency chief,
    Tatang Zaenudin, said:", "Here is an excerpt from an interview with Dana Cole."), and whom it gives it to: the
    person it names, or its words ("The minister", "He") when it names no one; "she" is the one person the
    sentences before quote."""
    following = FOLLOWING.search(text, max(b_lo, b_hi - 40), b_hi)
    if text[b_hi - 1] != ":" and not following and not EXCERPT.search(text, max(b_lo, b_hi - LEAD_REACH), b_hi):
        return False, None  # (most paragraphs: read no further)
    lead = split_sentences(text[b_lo:b_hi])[-1]
    l_lo, l_hi = b_lo + lead.start, b_lo + lead.end
    excerpt = EXCERPT.search(text, l_lo, l_hi)
    if excerpt:
        named_by = EXCERPT_BY.search(text, excerpt.end(), l_hi)  # "... did with C.K. Walker aka “Lindsey”"
        people = {named_by.group("name")} if named_by else {name for name, _ in persons(text, excerpt.end(), l_hi)}
        return True, people.pop() if len(people) == 1 else None
    if text[l_hi - 1] != ":" and not following:
        return False, None
    l_hi = following.start() if following else l_hi - 1  # (without its colon, or "the following.")
    if MEDIA_LEAD.match(text, l_lo, l_hi):
        return False, None  # "This video by KQED explains:": an embed the page leaves out; what follows is the writer's
    here, described = HERE_WHAT.match(text, l_lo, l_hi), NAME_ROLE_SAYS.fullmatch(text, l_lo, l_hi)
    if QUOTE_MARK.search(text, l_lo, l_hi) and not QUOTED_THEN_TAG.search(text, l_lo, l_hi) \
            or not (is_led_speech_tag(text, l_lo, l_hi) or LEAD_IN.search(text, l_lo, l_hi) or here or following or described):
        return False, None  # "The ingredients are:", "He said “no” and added:": no lead-in of a statement
    if here is not None:
        l_lo = here.end()  # ("Here’s what AT&T's CEO John Stankey said yesterday:": the words after "what")
    m = tag_before_how(text, l_lo, l_hi)
    people = {name for name, _ in persons(text, l_lo, l_hi)}
    last = NAME_SAID.search(text, l_lo, following.end()) if following else None  # ("When A asked him about it, Trump said the following.")
    ending = ENDING_TAG.search(text, l_lo, l_hi)  # ("According to the UN protocol, the MICT is responsible ..., explains Muvunyi:")
    named_by = ending or described  # (each names its speaker in its group "name")
    speaker = (named_by.group("name") if named_by else None) or named_speaker(text, l_lo, l_hi + 1) or (
        people.pop() if len(people) == 1 else None) or (tag_speaker(m) if m else None) or (last.group("name") if last else None)
    # ("In the letter she says:": "she")
    speaker = re.sub(r"(?i)^(?:in|at|on|during)\s+(?:the|a|an|his|her|their|its)\s+\w+\s+(?=\w)", "", speaker or "") or None
    if speaker and speaker.lower() in ("he", "she"):
        speaker = antecedent(text, l_lo, speaker.lower()) or speaker
    return True, speaker


def subject_named(text: str, clause: Clause) -> str | None:
    """The person a clause opens with as its subject, named ("Maria Ortiz received", "Swallow allegedly received",
    "Mr. Lopez moved"), or None; None too where the clause speaks of someone else as "him" or "her"."""
    verb = first_verb(text, clause.start, clause.end, finite=True)
    if verb is None or re.search(r"\b(?:him|them|her(?!\s+(?:\d|own\b)))\b", text[verb[1]:clause.end]):
        return None  # ("When he arrived, Smith greeted him": someone else; "her 59 crew", "her own" are hers)
    spans = [(at, w) for at, w in words_at(text, clause.start, verb[0]) if not (w.endswith("ly") and w.islower())]
    words = [w for _, w in spans]
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or (
            is_not_name(words[0]) and not re.fullmatch(r"(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?", words[0])):
        return None  # ("She", "The Ministry": no one named)
    return text[spans[0][0]:spans[-1][0] + len(spans[-1][1])].strip(" ,")


# Someone unnamed whom "he" or "she" may mean as well as the named person ("Smith met a woman", "the judge
# told Smith"): the sentence before is then no safe reading of the pronoun.
OTHER_PERSON = re.compile(r"(?i)\b(?:a|an|the|his|her|their|its|one|another)\s+(?:[\w’'-]+\s+){0,2}?(?:man|woman|men|women|boy|girl|"
                          r"wife|husband|son|daughter|mother|father|brother|sister|friend|partner|child|patient|doctor|nurse|"
                          r"officer|suspect|victim|driver|lawyer|attorney|judge|witness|teacher|student|resident|owner|"
                          r"worker|spokesman|spokeswoman|spokesperson|official|minister|president|leader|chief|director|"
                          r"manager|player|coach|reporter|colleague|neighbou?r|pilot|soldier|guard|defendant|prosecutor|"
                          r"candidate|rival|opponent|successor|predecessor|boss|employee|customer|passenger|survivor)\b")
OPENING_PRONOUN = re.compile(r"(?P<word>He|She|His|Her)\s+(?=[a-z])")
OTHER_GENDER = {"he": re.compile(r"(?i)\b(?:she|her|hers|herself|him)\b"),  # ("him": another man the sentence names)
                "she": re.compile(r"(?i)\b(?:he|him|his|himself)\b")}
CHAIN = 3  # sentences opening with the pronoun read back through ("X lives in Y. He walked ... He passed ...")


def opening_pronoun(text: str, lo: int) -> str | None:
    """"he" or "she" when the sentence at `lo` opens with "He", "She", "His" or "Her" before a word in lower
    case; else None."""
    m = OPENING_PRONOUN.match(text, lo)
    if m is None:
        return None
    return "he" if m.group("word") in ("He", "His") else "she"


def opening_subject(text: str, lo: int, hi: int, depth: int = 0) -> str | None:
    """The person a sentence (text[lo:hi]) opening with "He", "She", "His" or "Her" means, so that the claim can
    name them: the one person the sentence just before (in its paragraph or the one before) opens with as its
    subject or gives words to, or the person that sentence's own opening pronoun means. None whenever another
    reading is open: that sentence names no one or more than one, names someone unnamed ("a woman", "the
    judge"), speaks of someone of the other pronoun or of "him", or the sentence itself names the person."""
    pronoun = opening_pronoun(text, lo)
    if pronoun is None:
        return None
    start = text.rfind("\n\n", 0, max(text.rfind("\n\n", 0, lo), 0))
    before = [s for s in split_sentences(text[max(start, 0):lo]) if s.text.strip()]
    if not before:
        return None
    p_lo, p_hi = max(start, 0) + before[-1].start, max(start, 0) + before[-1].end
    again = opening_pronoun(text, p_lo)
    if again is not None:
        if again != pronoun or depth >= CHAIN:
            return None
        person = opening_subject(text, p_lo, p_hi, depth + 1)
    else:
        person = opened_by(text, p_lo, p_hi, pronoun)
    if person is None and SAYS_NEXT.match(text, lo):
        person = antecedent(text, lo, pronoun)  # "She said ...": the one speaker the sentences before can mean
    if person is None or re.search(rf"\b{re.escape(person.split()[-1])}\b", text[lo:hi]):
        return None  # ("He told Smith ...": whoever "he" is, it is not Smith)
    return person


SAYS_NEXT = re.compile(r"(?:He|She)\s+(?:also\s+)?(?:said|says|told|added|adds|explained|explains|noted|notes|argued|argues)\b")


def opened_by(text: str, lo: int, hi: int, pronoun: str) -> str | None:
    """The one person a sentence names, in full, when it names no one else, opens with them as its subject
    or gives them its words, and speaks of no one the pronoun could mean instead; else None."""
    people = [(name, h) for name, h in persons(text, lo, hi) if not placed(text, lo, hi, name)]
    names = {name for name, _ in people}
    if len({name.split()[-1] for name in names}) != 1 or OTHER_PERSON.search(text, lo, hi) \
            or OTHER_GENDER[pronoun].search(text, lo, hi):
        return None
    if {h for _, h in people if h} & (HERS if pronoun == "he" else HIS):
        return None
    best = max(names, key=len)
    if len(best.split()) < 2 or pronoun_of(text, best.split()[-1]) not in (None, pronoun):
        return None  # (a word alone may be a body: "Reuters"; one the article calls by the other pronoun is not meant)
    surname = re.compile(rf"\b{re.escape(best.split()[-1])}\b")
    at = surname.search(text, lo, hi)
    verb = first_verb(text, lo, hi, finite=True)
    speaker = named_speaker(text, lo, hi)
    if at is not None and (verb is None or at.start() < verb[0]) or speaker and surname.search(speaker):
        return best
    return None


def name_opening(claim: str, person: str) -> str:
    """A claim that opens with "He", "She", "His" or "Her" with that word replaced by the person it means
    ("His hands shook" -> "Samuel Alito’s hands shook")."""
    m = OPENING_PRONOUN.match(claim)
    if m is None:
        return claim
    named_as = f"{person}’s" if m.group("word") in ("His", "Her") else person
    return f"{named_as}{claim[m.end('word'):]}"


# Where a name stands for a place: after a preposition of place, or after a place and a comma ("in Tel Rumeida, Hebron")
PLACED = re.compile(r"(?:\b(?:in|at|from|near|across|outside|inside|around|into|through|towards?|to)\s+"
                    r"(?:the\s+)?(?:[A-Z][\w’'-]*\s+)*?(?:[A-Z][\w’'-]*,\s+)*)$")


def placed(text: str, lo: int, hi: int, name: str) -> bool:
    """Whether `name` first stands in text[lo:hi] where a place does ("lives in Tel Rumeida, Hebron")."""
    at = text.find(name, lo, hi)
    return at >= 0 and PLACED.search(text[max(lo, at - 80):at]) is not None
