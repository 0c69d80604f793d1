"""How a sentence is cut into clauses: its clauses at general seams (";", "but",
", which", ", when", a verb after "and", a leading "since ...,"), and the verb that ends a clause's
subject. A clause written out as a claim is restatement.py's; whether one is too vague to check,
voice.py's; who said what, speech.py's. Pure functions."""
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import dropwhile

from .seams import (ADJECTIVE_BEFORE_BUT, ADJECTIVE_SUBJECT, ANNOUNCED_LIST, ANTECEDENT, APPOSED_AFTER, APPOSED_BEFORE,
                    APPOSED_PARTICIPLE, BACK_QUANTIFIER, BARE_PARTICIPLE, BOTH, COUNT, ELIDED, EXAMINED, EXAMPLE_LEADS,
                    FIGURES_APART, FOUND, FRONTED_TIME, LIST_FIGURE, LIST_TAIL, MONTH_LEADS, NO_SEAM_BEFORE_BUT, PARTICIPLE_ASIDE,
                    PAST_ONLY, PERIOD_NOUN, REPORTING, SAID_THAT, SAYING_LEADS, SEAMS, SEMICOLON_LIST, SPLIT)
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
    seam: str = ""  # the seam before it (a name of SPLIT's groups), "" for the first
    quote_start: int | None = None  # where its quote starts when not at start ("Since ..." keeps its "Since")
    own_start: int | None = None  # where its own words start after a setting joined to it ("When he was 16, ...")
    opener: int | None = None  # a leading subordinate clause's: where its subordinator ("While", "When") stands
    present: bool = False  # a coordinated clause in the present after one in the past: its time is its own


AUXILIARIES = frozenset("is are was were be been being has have had will would shall should can cannot could may "
                        "might must do does did".split())
# The auxiliaries a coordinated past participle shares ("was arrested and charged"); "did" and the
# modals take a bare verb, so a past verb after "and" has only their subject ("did not have ... and gave up").
SHARED_AUXILIARIES = frozenset("is are was were be been being has have had".split())
# Words that open a clause inside another: after one of them, the nearest verb has a subject of its own.
SUBORDINATORS = frozenset("who whom whose which that when where before after once while because since until "
                          "unless if as whereas although though".split())
MODALS = frozenset("will would shall should can cannot could may might must".split())
VERB_LEAD = frozenset("also then soon still later never not only just first already again".split())  # words that may stand before a verb
PRESENT_LEAD = VERB_LEAD | {"now", "today", "currently"}  # ... and before one in the present ("and now has")
PRESENT_AUXILIARIES = frozenset("is are has have".split())
BE = frozenset("is are was were be been being".split())
# Participles that take an object in the passive too ("was given a medal", "was named the best player")
TWO_OBJECTS = frozenset("given awarded handed granted offered shown told sent paid named elected appointed made called "
                        "denied promised charged asked taught".split())
# What follows a verb's object-taking present form ("employs 12,000", "houses a museum", "leads the party")
OBJECT_START = re.compile(r"\s+(?:\d|(?:the|a|an|its|their|his|her|more|some|no|as|(?:about|around|nearly|almost|over)(?=\s+[$€£\d])|"
                          r"several|many|dozens|hundreds|thousands|millions|two|three|four|five|six|seven|eight|nine|ten|"
                          r"twelve|twenty|fifty)\b)")  # ("employs around 12,000", never "helicopters around mid-town")
PAST = frozenset(IRREGULAR_PAST | set("hit cut put set cost struck drew drove flew sought fled threw beat shut "
                                      "won spent sold bought laid slid hung swung spun sped bent lent dug wept swore tore "
                                      "wore woke shook stole froze hid forgave withdrew undertook overtook upheld "
                                      "withheld mistook crept dealt meant felt heard caught chose spoke broke ate drank "
                                      "sang swam".split()))
DETERMINERS = frozenset("the a an this that its their his her our your these those".split())
# A possessive before a word ("California's estimated 35 million TVs"), never a pronoun's "is" or "has" ("It's estimated")
POSSESSIVE = re.compile(r"(?i)(?!(?:it|that|there|here|he|she|what|who|where|everyone|nobody|one)[’']s$)[\w.-]+[’']s|[\w-]+s[’']")


# A leading subordinate clause's subordinator, perhaps after a word that stresses it ("Just when"; not "Shortly before")
LEAD_SUB = re.compile(r"(?i)(?:(?:just|even|only)\s+(?=(?:when|though|because|while|as soon as)\s))?"
                      r"(?:since|when|after|before|although|though|while|whereas|because|until|once|as soon as|unless)\s+")
INFINITIVE = re.compile(r"\bto\s+(?:be\s+)?(?!(?:the|an|its|their|his|her|our|this|that|these|those|[a-z]+est)\b)"
                        r"[a-z][a-z-]{2,}\b(?!\s+(?:level|high|low)s?\b)")  # "to be elected", never "to their lowest"
SIGNAL = re.compile(r"\d|\b(?:first|last|only|will|plans?|intends?|expected|likely|largest|record|two|three|four|five|six|"
                    r"seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion)\b")  # (or a count in words)
WORD = re.compile(r"[A-Za-z][\w’'-]*")
CONTRACTED = re.compile(r"(?i)\b(?:it|he|she|that|there|they|we|you)([’'](?:s|re|ll|d|ve))\s*$")  # "It’s set ... and would": "It"
DASH = re.compile(r"\s[–—-]\s")  # a dash that opens or closes an aside (as SPLIT's "dash"), and the verb after one
VERB_AFTER_ASIDE = re.compile(r"(?!(?:and|or|but|the|a|an|which|who|that|to|of|in|on|at|for|with|as|by|from|while)\b)[a-z]{3,}\b")


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
    if word == "May" and previous.lower() in MONTH_LEADS:
        return False  # "in May", "since May", "last May": the month
    if lowered.endswith("ed") and POSSESSIVE.fullmatch(previous):
        return False  # "California's estimated 35 million TVs", "the company's planned cuts": an adjective of the noun
    if lowered in AUXILIARIES or lowered in PAST or re.fullmatch(REPORTING, lowered):
        return True
    return word.islower() and len(word) > 4 and word.endswith("ed") and previous.lower() not in DETERMINERS \
        and "-" not in word  # ("broad-based", "long-awaited": adjectives)


def is_past(word: str) -> bool:
    """Whether a verb reads as a past form ("gave", "charged"), not a bare one ("exceed", "give")."""
    word = word.lower()
    return word in PAST or (word.endswith("ed") and not word.endswith("eed")) or word in ("agreed", "freed", "decreed")


def first_verb(text: str, lo: int, hi: int, finite: bool = False) -> tuple[int, int] | None:
    """(start, end) of the first word in text[lo:hi] that reads as a verb, or None; with finite, never
    one after "to" ("a central part of his argument to be elected": no verb of its own)."""
    previous, infinitive = "", False
    for at, word in words_at(text, lo, hi):
        verb = is_verb(word, previous)
        infinitive = finite and verb and (infinitive or previous.lower() == "to")  # "to be elected"
        if verb and not infinitive:
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
    return first_verb(text, lo, hi) is not None or has_infinitive(text, lo, hi)


def has_infinitive(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] holds "to" and a verb ("to reach"), never "to the judge"."""
    return any(m.group(1) not in DETERMINERS for m in re.finditer(r"\bto\s+([a-z]{3,})", text[lo:hi]))


COMMA = re.compile(r",(?!(?<=\d,)\d{3}\b)")  # a comma that is no thousands separator ("500,000")


def find_comma(text: str, lo: int, hi: int) -> int:
    """Where the first comma of text[lo:hi] that parts words stands, or -1."""
    m = COMMA.search(text, lo, hi)
    return m.start() if m else -1


# --- clauses ----------------------------------------------------------------------------------

def split_clauses(text: str, lo: int, hi: int) -> list[Clause]:
    """The clauses of text[lo:hi] (see the module's docstring), in order."""
    lo, hi = trim(text, lo, hi)
    m = LEAD_SUB.match(text, lo, hi)
    if not m and (colon := re.match(r"[^:;“”\"]{3,80}?:\s+(?=[A-Z])", text[lo:hi])) and LEAD_SUB.match(text, lo + colon.end(), hi):
        # "There’s a reason for this spree: Although James has ... since 2003, he is leading ...": a sentence after a colon
        return inner_clauses(text, lo, lo + colon.end() - 1) + split_clauses(text, lo + colon.end(), hi)
    if m:
        comma = find_comma(text, m.end(), hi)
        if comma > 0 and has_verb(text, m.end(), comma) and not text.count("—", m.end(), comma) % 2:  # (never inside a dash's aside)
            rest = comma + 1
            while True:  # an aside after it ("..., a landmark event in itself, ...") belongs to neither
                following = find_comma(text, rest, hi)
                if following < 0 or has_verb(text, rest, following) or not has_verb(text, following + 1, hi) \
                        or re.match(r"\s*(?:it|he|she|they|we|i|you|there)\s", text[rest:following]):  # ("it operates ...")
                    break
                rest = following + 1
            if rest > comma + 1 and starts_with_verb(text, rest, hi):  # ("..., its creator, Paul Buchheit, brought it ...")
                rest = comma + 1  # "..., SoftBank, its largest investor, committed ...": the main clause's subject, no aside
            # "Since the war began on October 7": a time's quote keeps the word that says how it bears on the rest
            timed = re.search(r"(?i)\b(?:since|when|after|before|until|once|as soon as)\s+$", m.group()) is not None
            ing = re.match(r"\s*[a-z]+ing\b", text[rest:hi])
            if rest == comma + 1 and ing and first_verb(text, rest + ing.end(), hi, finite=True) is None:
                return inner_clauses(text, lo, hi)  # "After 8 years — ... — her report shows X, including Y": no split (but "spending fell")
            return [Clause(m.end(), comma, "sub", quote_start=lo if timed else None, opener=lo)] + inner_clauses(text, rest, hi)
    return inner_clauses(text, lo, hi)


def main_follows(text: str, lo: int, hi: int) -> bool:
    """Whether a clause at lo ends at a comma that a clause with a verb follows ("when A, B did ..."): a leading
    clause of what follows, not a trailing one ("... dates back to 1975, when A suggested ...")."""
    comma = find_comma(text, lo, hi)
    return comma > 0 and has_verb(text, comma + 1, hi)


def part_after(text: str, seam: re.Match[str], hi: int) -> tuple[int, int]:
    """(start, end) of what follows a seam, up to the next one: a clause of its own only with a verb of its own
    ("a closed but increasingly porous state", "; and prayers for the crew": none)."""
    following = next((m for m in SPLIT.finditer(text, seam.end(), hi) if m.group("coord") is None), None)
    return seam.end(), following.start() if following else hi  # (a coordinated verb is no clause of its own)


def after_but(text: str, at: int, seam: re.Match[str], hi: int) -> tuple[int, int]:
    """What follows a "but" that must hold a verb for it to be a seam: after "a poor but", what the second adjective
    describes ("a poor but heavily armed state"); nothing in a subject opening the clause ("This new but untested")."""
    lo, end = part_after(text, seam, hi)
    if adjective := ADJECTIVE_BEFORE_BUT.search(text, at, seam.start()):
        words = words_at(text, lo, end)
        while words and words[0][1].endswith("ly"):
            words = words[1:]
        lo = words[1][0] if len(words) > 1 and text[at:adjective.start()].strip() else end
        relative = re.search(r"\b(?:that|which|who|whose)\b", text[lo:end])  # ("the stark-looking but powerful phone
        end = lo + relative.start() if relative else end  # that dominated ...": the verb is the relative clause's)
    return lo, end


def inner_clauses(text: str, lo: int, hi: int) -> list[Clause]:
    clauses = []
    at, previous_role, previous_seam, previous_present = lo, "main", "", False
    announced = ANNOUNCED_LIST.search(text, lo, hi)
    for m in SPLIT.finditer(text, lo, hi):
        seam = next(name for name in SEAMS if m.group(name) is not None)
        if announced and m.start() >= announced.end():
            break  # the items of a list a colon announces are one whole
        if text.count("(", lo, m.start()) > text.count(")", lo, m.start()) or text.count("“", lo, m.start()) > text.count("”", lo, m.start()) \
                or text.count('"', lo, m.start()) % 2:
            continue  # "(a record for the region but below the national average)": an aside is never cut, nor a quotation
            # ('the statement "didn't mention the stimulus but typically ...," said X': X's words, whole)
        if seam == "rel" and re.search(r"[A-Z][\w’'-]*$", text[at:m.start()]) and LIST_TAIL.search(text, m.end(), hi):
            continue  # "went to China, which took 40 per cent, India and Japan": an aside of a list's first item, no cut
        if seam == "when" and PERIOD_NOUN.search(text, at, m.start()):
            continue  # "this period of Argentine history, when inflation topped 3,000 percent": what the period was
        if seam == "when" and (close := find_comma(text, m.end(), hi)) > 0 and starts_with_verb(text, close + 1, hi) \
                or seam == "while" and re.search(r"\bthat$", text[at:m.start()]):  # ("is that, although": what "that" says;
            continue  # "and drastic action, when it was taken, was too little": an aside in the subject of what follows)
        if seam in ("when", "while") and not has_verb(text, at, m.start()) and main_follows(text, m.end(), hi):
            # "On Tuesday, when the report came out, ...", "Because of the war, when Europeans think of Yemen, they
            # think of ...": a leading clause of what follows, never a claim without its "when" nor a run-on
            continue
        present = seam == "coord" and present_after_past(text, at, m, hi)
        if seam == "coord" and not present:
            verb = m.group("verb")
            if not (verb in PAST or verb in MODALS or (len(verb) > 4 and verb.endswith("ed"))) or not has_verb(text, at, m.start()):
                continue  # "Russian and Pakistani officials": no second clause
            left = words_at(text, at, m.start())
            if BOTH.search(text, at, m.start()):
                continue  # "can see both cells and ribbed bundles": one object, "ribbed" no verb
            if len(left) >= 2 and is_verb(left[-1][1], left[-2][1]) and not text[left[-1][0] + len(left[-1][1]):m.start() + 1].strip() \
                    or APPOSED_PARTICIPLE.search(text, at, m.start()):
                continue  # "have been developed and tested", "ScaleFT, a startup announced Monday and helmed by": one subject's
        if seam == "but" and (re.search(r"(?i)\bnot\s+(?:only|just|merely|simply)\b", text[at:m.start()]) or (  # ("not to X, but to Y")
                (neg := re.search(r"\bnot\s+(\w+)\s[^;]*$", text[at:m.start()])) and re.match(rf"{neg.group(1)}\s", text[m.end():hi]))
                              or NO_SEAM_BEFORE_BUT.search(text, at, m.start()) or (
                                  not has_verb(text, *after_but(text, at, m, hi))  # (a verb we know; a comma is a seam but
                                  and (text[m.start()] != "," or m.group().rstrip().endswith("also")  # for "not X, but Y")
                                       or re.search(r"\bnot\b", text[at:m.start()])))):
            continue  # "cannot help but feel", "closed but increasingly porous", "not anti-police brutality, but anti-police"
        if seam == "but" and (rel := re.search(r"\b(?:who|which|that)\s", text[at:m.start()])) and starts_with_verb(text, m.end(), hi) \
                and first_verb(text, at, at + rel.start(), finite=True) is None:
            continue  # "students who show talent, but have a lack of resources ... are eligible": inside the subject's "who"
        if seam == "but" and BARE_PARTICIPLE.match(text, m.end(), hi) and (PARTICIPLE_ASIDE.search(text, at, m.start()) or not has_verb(
                text, max(at, text.rfind(",", at, m.start()) + 1), m.start())):
            continue  # "The cathedral, first constructed in 1656, but rebuilt in 1868, was damaged": one aside of the subject;
            # "paid leave, at their normal rate of pay but capped at $811 a week": the cap is the pay's, not the carers
        part = part_after(text, m, hi)
        if seam == "andthat" and not ((said := list(SAID_THAT.finditer(text, max(0, lo - 12), m.start()))) and has_verb(text, *part)
                                      and not re.search(r"\bthat\b", text[said[-1].end():m.start()])):
            continue  # "said that A and that B": two things said, each with the words that said them (one "that" before, no list)
        if seam == "ing" and not (COUNT.search(text, at, m.start()) and COUNT.search(text, *part) and not FIGURES_APART.search(text, at, m.start())):
            continue  # a seam only between the figures of two verbs ("rose 5% in 2019 before falling 2% and 3%"), never "two days after"
        if seam == "semi" and (not has_verb(text, *part) and (LIST_FIGURE.match(text, *part) or not COUNT.search(text, *part))
                               or not has_verb(text, at, m.start()) and text[at:m.start()].count(",") >= 1
                               or SEMICOLON_LIST.search(text, m.start(), hi) and (":" in text[lo:m.start()] or starts_with_verb(text, text.find(";", lo, hi) + 1, hi))):
            continue  # no verb after it ("was 61% in Lagos; 48% in Kano") or before it ("A, PhD; B, MD; and C share"), or items
            # of a list that ends "; and" or "; or", after a colon or each with no subject ("had been captured; evaporated; or dissolved")
        if seam in ("andpron", "andnoun") and (not has_verb(text, at, m.start()) or "," in text[at:m.start()]):
            continue  # ("the house, and it"; "the economy grew, the generals held power, and students marched": a list's last item)
        if seam in ("semi", "andmain", "but") and ELIDED.match(text, *part):
            continue  # "approved 40 homes; 12 will be affordable": 12 of the homes, no clause without them
        role = SEAMS[seam] if not (seam == "semi" and re.match(r"\s*(?:which|who)\b", text[m.end():hi])) else "relative"  # ("; which ...")
        if seam == "but" and starts_with_verb(text, m.end(), hi):
            role = "coord"  # "..., but argued that ...": the subject of the clause before
        if seam == "andmain":  # ", and Pakistan supported ...": a clause with its own subject; else a list's last item
            if APPOSED_BEFORE.search(text, at, m.start()) and APPOSED_AFTER.match(text, m.end(), hi) \
                    or re.search(r"(?:[A-Z][\w’'&.-]*,\s+)+[A-Z][\w’'&.-]*$", text[at:m.start()]):
                continue  # "the Nordlys, a tanker, and Santa Rosa, a freighter", "like Snapchat, VMware, and Quora": one list
            if BACK_QUANTIFIER.match(text, m.end(), hi):
                continue  # "..., and many on Tuesday issued statements": "many" of the subject before, one claim
            following = words_at(text, m.end(), hi)[:7]
            if not (has_verb(text, at, m.start()) and following
                    and has_verb(text, m.end(), following[-1][0] + len(following[-1][1]))):
                continue
        if m.start() <= at:
            continue
        clauses.append(Clause(at, m.start(), previous_role, seam=previous_seam, present=previous_present))
        at, previous_role, previous_seam, previous_present = m.end(), role, seam, present
    clauses.append(Clause(at, hi, previous_role, seam=previous_seam, present=previous_present))
    merged: list[Clause] = []
    for clause in clauses:
        clause.start, clause.end = trim(text, clause.start, clause.end)
        if clause.start >= clause.end:
            continue
        if merged and clause.seam == "dash" and (starts_with_verb(text, clause.start, clause.end) or VERB_AFTER_ASIDE.match(
                text, clause.start)) and (merged[-1].seam == "dash" and len(merged) > 1 or DASH.search(text, merged[-1].start, merged[-1].end)):
            # "the salt flat — named after a town ... — can reach": after the closing dash, the subject's verb: one clause
            if merged[-1].seam == "dash":
                merged.pop()
            merged[-1].end = clause.end
            continue
        if merged and clause.role == "relative" and not SIGNAL.search(text[clause.start:clause.end].lower()):
            merged[-1].end = clause.end  # "..., which was accepted", "who helped Juliet": part of the clause before
            continue
        if merged and clause.seam in ("dash", "rel") and (
                (clause.seam == "dash" and first_verb(text, clause.start, clause.end, finite=True) is None)
                or first_verb(text, merged[-1].start, merged[-1].end) is None):
            # "Congress – seeking to ensure its independence – required ...": an aside, no clause of its own;
            # "Prelogar, who grew up in Boise, graduated ...": the subject, not a clause, stands before it
            merged[-1].end = clause.end
            continue
        if clause.role == "coord" and ADJECTIVE_SUBJECT.match(text, clause.start, clause.end):
            clause.role = "main"  # ", and informed speculation about it was ...": a subject of its own, never "was informed"
        if clause.role == "coord" and merged:
            aside = merged[-1].role == "when" and len(merged) > 1 and text[merged[-1].end:clause.start].lstrip().startswith(",")
            # (a "when" aside that a comma closes is no host: "visited Paris in 1990, when he was 16, and returned": he did)
            host = next((c for c in reversed(merged[:-1] if aside else merged) if c.role != "coord"), merged[-1])
            verb = first_verb(text, host.start, host.end)
            if verb and APPOSED_BEFORE.search(text, host.start, verb[0]) and (close := find_comma(text, verb[1], host.end)) > 0:
                verb = first_verb(text, close + 1, host.end) or verb  # "The bill, a measure drafted by Smith, was passed": "was"
            if verb and (subject_unclear(text, host.start, verb, host.end if aside else clause.start) or (
                    EXAMINED.match(text, verb[0], verb[1]) and FOUND.match(first_after_adverbs(text, clause.start, clause.end)))):
                # "Three others who were shot arrived ... but were pronounced dead"; "A study examined Disney's website,
                # ..., and saw that every toy ...": what was found is of what was examined, never of the study alone
                merged[-1].end = clause.end
                continue
            if verb:
                end = verb[0]
                while True:  # "Pakistan heavily supported": the subject is "Pakistan"
                    m = re.search(r"\s+\w+ly\s*$", text[host.start:end])
                    if not m:
                        break
                    end = host.start + m.start()
                aux = text[verb[0]:verb[1]].lower()
                own_verb = first_after_adverbs(text, clause.start, clause.end).lower()
                # "He was arrested ... and charged": "He was charged"; "will pass 1.5°C and exceed 2°C"; but "was an assistant
                # ..., and was detailed to": its own auxiliary; "was founded in 1998 and employed 200 people": active, no "was"
                active = aux in BE and own_verb not in TWO_OBJECTS and takes_object(text, clause.start, clause.end)
                if not clause.present and not active and own_verb not in AUXILIARIES and own_verb not in PAST_ONLY and (
                        aux in SHARED_AUXILIARIES or (aux in MODALS and not is_past(own_verb))):
                    group = words_at(text, *verb_group(text, verb[0], host.end))  # type: ignore[misc]  # (a verb stands there)
                    # up to the main verb, which is not shared; "It was the lowest ... and stayed": "was" is its verb
                    last = group[-1][1] if len(group) > 1 else ""
                    if aux in ("had", "has", "have") and not is_verb(last) and re.fullmatch(r"[a-z]+ed\s+[a-z]+\W*", text[clause.start:clause.end]):
                        merged[-1].end = clause.end  # "had various means of retaliation and increased surveillance": what he had
                        continue
                    copula = not last or last.lower() in DETERMINERS or not last.islower()
                    end = verb[0] if copula else group[-1][0]
                # (a time opening the sentence is the past clause's: "In 2010, it opened a plant and has now hired 300")
                p_lo = fronted.end() if clause.present and (fronted := FRONTED_TIME.match(text, host.start, end)) else host.start
                clause.prefix = trim(text, p_lo, cut.start(1) if (cut := CONTRACTED.search(text, p_lo, end)) else end)
        if clause.seam == "andthat" and merged and (said := list(SAID_THAT.finditer(text, merged[-1].start, merged[-1].end))):
            clause.prefix = (merged[-1].start, said[-1].end() - 1)  # ("Cisco, which creates ..., is telling businesses that")
        if clause.seam == "rel" and merged:
            name = named_antecedent(text, merged[-1].start, clause.start, clause.end)
            if name is not None:  # "..., including Ojos del Salado, which is 6,893 metres high": of Ojos del Salado
                pronoun = words_at(text, clause.start, clause.end)[0]
                clause.quote_start, clause.prefix, clause.role = clause.start, name, "main"
                clause.start = trim(text, pronoun[0] + len(pronoun[1]), clause.end)[0]
        merged.append(clause)
    return merged


def present_after_past(text: str, at: int, seam: re.Match[str], hi: int) -> bool:
    """Whether the verb after an "and" seam is in the present where the clause before it is in the past ("was
    founded in 1998 and employs 12,000 people", "opened in 2005 and now has 300 beds"): two times, two clauses.
    A word in -s after a plural ("sold cars and trucks") is a noun of a list, never a verb."""
    verb = first_verb(text, at, seam.start())
    if verb is None or not is_past(text[slice(*verb)]):
        return False
    words = after_adverbs(words_at(text, seam.end(), hi), PRESENT_LEAD)
    if not words or not words[0][1].islower():
        return False
    word = words[0][1]
    if word in PRESENT_AUXILIARIES:
        return True
    before = words_at(text, at, seam.start())[-1][1]
    return (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and not before.endswith("s")
            and OBJECT_START.match(text, words[0][0] + len(word)) is not None)


def takes_object(text: str, lo: int, hi: int) -> bool:
    """Whether the first word of text[lo:hi] after adverbs has an object after it ("employed 200 people")."""
    words = after_adverbs(words_at(text, lo, hi))
    return bool(words) and OBJECT_START.match(text, words[0][0] + len(words[0][1])) is not None


def named_antecedent(text: str, lo: int, rel: int, hi: int) -> tuple[int, int] | None:
    """The span of the name a relative clause at rel ("which is ...", "who has ...") tells of, where it plainly
    stands just before the comma (see ANTECEDENT) and the pronoun is the clause's subject; else None."""
    m = ANTECEDENT.search(text, lo, rel)
    words = words_at(text, rel, hi)
    if not m or len(words) < 2 or words[0][1].lower() not in ("which", "who") or not starts_with_verb(text, words[1][0], hi):
        return None  # ("which the agency mapped": the name is its object, not its subject)
    if re.search(r"\b(?:its|their)\b", text[rel:hi], re.I):
        return None  # ("including Amazon, who pledged $5m to its parent body": whose "its", the name's or the sentence's, unsaid)
    lead = m.group("lead")
    if lead not in EXAMPLE_LEADS and not (lead in SAYING_LEADS and words[0][1].lower() == "who"):
        return None  # (but "says Gerhard Schwehm, who has led the mission for 30 years": the speaker)
    if lead == "as" and not text[max(lo, m.start() - 5):m.start()].lower().endswith("such "):
        return None
    return m.span("name")


def first_after_adverbs(text: str, lo: int, hi: int) -> str:
    """The first word of text[lo:hi] after at most two adverbs ("ultimately suffered", "also was"), or ""."""
    words = after_adverbs(words_at(text, lo, hi)[:3])
    return words[0][1] if words else ""


def after_adverbs(words: list[tuple[int, str]], leads: frozenset[str] = VERB_LEAD) -> list[tuple[int, str]]:
    """words (as words_at gives them) from the first that is no adverb before a verb ("also", "later", "-ly")."""
    return list(dropwhile(lambda w: w[1].lower() in leads or w[1].endswith("ly"), words))


def starts_with_verb(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] opens with a verb, after at most two adverbs ("ultimately suffered", "were soon"): no subject."""
    word = first_after_adverbs(text, lo, hi)
    return bool(word) and is_verb(word) and word.islower()


def subject_unclear(text: str, lo: int, verb: tuple[int, int], hi: int) -> bool:
    """Whether a clause that shares the subject of text[lo:hi] (whose first verb is `verb`) cannot
    tell which one it is: the first verb stands in a clause inside the subject ("Three others who were
    shot arrived"), or another subject and verb come between ("... shake before he stood up ... and began")."""
    if any(w.lower() in SUBORDINATORS for _, w in words_at(text, lo, verb[0])):
        return True
    words = words_at(text, verb[1], hi)
    # (or after a dash: "Rizzo’s enthusiasm was misplaced—the leadoff man hit .251, and was caught stealing 17 times";
    # or a pronoun's verb: "excavated Abydos, a city they believe dates back to 5,316 BCE and could have been ...")
    return any((w.lower() in SUBORDINATORS or re.search(r"[–—]\s*$", text[max(verb[1], at - 3):at])) and has_verb(text, at + len(w), hi)
               for at, w in words) or any(w in ("he", "she", "they", "we") and n.islower() for (_, w), (_, n) in zip(words, words[1:]))


UNNAMED = frozenset("the a an he she they it we i you one this that these those some many officials "
                    "sources experts critics analysts observers residents people".split())


def subjectless(text: str, clause: Clause, whens: Sequence[When]) -> bool:
    """Whether a clause's verb has nothing before it but a time and a comma ("Yesterday, moved to left back ..."), or
    a leading clause opens on a participle, no subject ("After being sworn in on Monday, ...")."""
    if clause.opener is not None and re.match(r"(?:being|having|[a-z]{3,}ing)\s", text[clause.start:clause.end]):
        return True
    verb = first_verb(text, clause.start, clause.end)
    opener = re.fullmatch(r"\s*([^,]{1,40}),\s*", text[clause.start:verb[0]]) if verb else None
    return opener is not None and any(clause.start <= w.start < clause.start + opener.end(1) for w in whens)
