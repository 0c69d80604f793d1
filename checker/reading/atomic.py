"""Atomic claims from check-worthy sentences: each figure, dated event, person's title, attribution,
quotation and clause its own claim, with a kind, a restatement, and the value, unit and dates read by
figures.py, dates.py and when.py. Pure functions.

A sentence is cut into clauses at general seams (";", "but", ", which", ", when", a verb after "and",
a leading "since ...,"); a clause with several figures gives one claim per figure ("US$92 million in
2003, to US$441 million in 2006" is two), one with several dates one per date, one naming a list of
people one per person (series.py). Kinds come from plain rules about words (reading/kinds.py); no rule names a
country, a person or a topic."""
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from .amounts import OTHER_VERB, ahead_elsewhere, figure_when, figures_in, yardstick_at
from .atom import Atom, Reading, joined_quotations, make_atom, read_article, sentence_times
from .asides import dash_asides
from .beside import GOES_ON, beside_quotations
from .clause_times import date_clauses, join_context
from .attributed import attributed, PRONOUNS
from .seams import COMPARATIVE_OPENING, COUNT, FACTISH, LATER_EVENT, leans_back
from .clauses import (Clause, first_verb, has_verb, INFINITIVE, is_verb, split_clauses, subjectless, trim,
                      words_at)
from .frame import core_span, unbracketed
from .antecedent import (led_in_statement, name_in_tag, name_opening, opening_subject, subject_named, pronoun_speaker,
                         quoted_paragraph_speaker)
from .appraisal import appraises
from .attribution import EMPTY_TAG, INVERTED_TAG, REPORTING_WORD, tag_alone, TOLD_THAT, WHO_AFTER
from .bodies import name_bodies
from .figurative import figurative
from .grounding import grounded
from .kinds import clause_kind, figure_kind
from .people import apposition
from .person_atoms import apposition_atoms, people_atoms, title_atoms
from .restatement import restate, said_words, sentence_case, written
from .series import date_series, paired_times, series_atoms
from .speech import (apposed_speaker, ASKED, ASKED_ABOUT, ASKING, described_speaker, find_attribution,
                     find_quotations, inside_quotation, interview_answer, quotation_tag, is_led_speech_tag, is_speech_tag, QUOTATION, QUOTED_QUESTION,
                     quotation_speaker, says_something, tag_participle, without_quotations)
from ..sentences import Sentence, split_sentences
from .voice import addresses_reader, is_guess, is_instruction, retracted, vague, writer_or_reader
from .when import When

__all__ = ["Atom", "Reading", "atomise", "iter_atoms", "read_article", "sentence_times"]


# A relative clause a time stands in, after the noun it tells of ("the tail that had proved so inadequate
# over the past year"): a figure after it is of the main clause, not of that time.
RELATIVE_TIME = re.compile(r"\b(?:that|which|who)\s+(?:\w+\s+)?(?:had|has|have|was|were|is|are|[a-z]{3,}ed)\b[^,;]*$")
# What may join the dates of one list: "2013, 2015 and 2016", "in May 2019 or in June 2020"
SERIES_GAP = re.compile(r"[\s,]*(?:(?:and|or|then|as\s+well\s+as)\s+)?(?:(?:in|on|during)\s+)?", re.I)
ASIDE = re.compile(r",\s+(?:which|who|[a-z]+ed|[a-z]+en)\b[^,]*$")  # the opening of an aside a time stands in


def atomise(text: str, sentences: Iterable[Sentence] | None = None, published: str | None = None,
            locale: str | None = None) -> list[Atom]:
    """The atomic claims of a text's sentences (all of them, or those given: Sentence objects of this
    text), in order, each (quote, claim) once. A person's title is proposed where the text first gives it."""
    return list(iter_atoms(text, sentences, published, locale))


def iter_atoms(text: str, sentences: Iterable[Sentence] | None = None, published: str | None = None,
               locale: str | None = None) -> Iterator[Atom]:
    """atomise's claims one at a time, a sentence taken apart only when the one before is used up: a
    caller that needs only the first ones does not pay for the rest."""
    reading = read_article(text, published, locale)
    seen_people: set[str] = set()
    keys: set[tuple[str, str]] = set()
    for sentence in split_sentences(text) if sentences is None else sentences:
        lo = core_span(text, sentence.start, sentence.end)[0]
        person = opening_subject(text, lo, sentence.end)  # "He walked ...": whom the sentences before name
        for atom in joined_quotations(reading, sentence_atoms(reading, sentence, seen_people)):
            # (the sentence's own opening, or a clause that shares its subject: "He is accused of ... and was considered")
            if person is not None and (atom.start == lo or not re.match(r"(?i)(?:he|she|his|her)\b", atom.quote)):
                atom = replace(atom, claim=name_opening(atom.claim, person))
            atom = replace(atom, claim=name_bodies(text, sentence.start, atom.claim))  # "the Foundation": which one
            if (atom.quote, atom.claim) not in keys and not (
                    EMPTY_TAG.fullmatch(atom.claim) and not atom.dated_or_counted or tag_alone(atom.claim) and atom.value is None):
                keys.add((atom.quote, atom.claim))
                yield atom


# A sentence opened by a past participle and its phrase ("Set in New York in 1981, ...", "Founded in 1990,
# ..."): what the phrase says of the subject, with a time that is not the main verb's.
LEADING_PARTICIPLE = re.compile(r"(?:(?!(?:Even|Often|Seven|Eleven|Then|When|Open|Hidden|Sudden)\b)[A-Z][a-z]+(?:ed|en)|Set|Built|Born|Made|Shot|Held|Run|Known|Hit|Cut|Put|Led|Based|Founded)"
                                r"\s+(?:in|on|at|by|from|during|as|after|before|to|for|with)\b[^,;]*,")
# Of those, the ones that always speak of the subject after them (a birth, a founding), never of a thing
# the sentence leaves out ("Set in 1981, the actor plays ...": the film is set then, not the actor).
BIOGRAPHIC = re.compile(r"(?:Born|Founded|Established|Incorporated)\b")
# A clause opened by a participle ("capping ...", "leaving ...") has no subject of its own; one opened by a
# gerund has ("..., but spending fell"): the word after it tells them apart.
PARTICIPLE_OPENING = re.compile(r"(?:(?:but|and|also|thus|so)\s+)*(?!\w*thing\b|during\b)[a-z]{3,}ing\s+(?P<next>[\w’'-]+)")


# A verb of the yardstick of a comparison, after it ("than the 4.1 million counted in 2019"): a time after it is the yardstick's
YARDSTICK_VERB = re.compile(r"\b(?:[a-z]{3,}ed|that|which|who|when|set|paid|spent|seen|made|held|won|taken|given)\b")
AUXILIARY_NEXT = re.compile(r"(?:will|would|could|should|may|might|can|had|has|have|is|are|was|were)\b")
# A relative clause inside a clause ("her boyfriend, who was looking forward to the birth"): a time after it dates its noun
RELATIVE_INSIDE = re.compile(r",\s+(?:who|which|whose|where)\b")
THIRD_PERSON = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their)\b")
# Who someone is to another person named ("a friend of Arrendale's", "Smith's lawyer", "the wife of John Doe")
RELATION = re.compile(r"\b[A-Z][\w’'-]+[’']s\b|\b(?:friend|wife|husband|son|daughter|mother|father|brother|sister|partner|lawyer|"
                      r"attorney|aide|assistant|colleague|cousin|boyfriend|girlfriend|fianc[ée]e?)\s+of\s+(?:the\s+late\s+)?[A-Z]")

# --- one sentence -----------------------------------------------------------------------------

def sentence_atoms(reading: Reading, sentence: Sentence, seen_people: set[str]) -> list[Atom]:
    text = reading.text
    lo, hi = core_span(text, sentence.start, sentence.end)
    ending = text[slice(*unbracketed(text, sentence.start, sentence.end))].rstrip()
    told = ending.endswith(":") and TOLD_THAT.search(text, lo, hi) is not None and len(words_at(text, lo, hi)) >= 8
    if not told and (lo >= hi or re.search(r"(?:\?[”\"’']*|:|\b(?:the\s+following|as\s+follows)\s*\.)$", ending)):
        return []  # nothing; a question, which claims nothing; or the lead-in of what follows ("..., he said:", "said the
        # following."), unless it says something of its own ("X told Kara Swisher that he thought it was “interesting”:")
    lower = reading.folded[sentence.start:sentence.end]
    if is_instruction(text, lo, hi) or retracted(text, lo, hi):  # "Use analytics to find your best customers": advice,
        return []  # no fact; "This article originally stated ...": withdrawn
    inside = inside_quotation(text, lo, hi)
    if inside is not None:  # a sentence in the middle of a quotation: the speaker's words, never the writer's
        speaker = quotation_speaker(text, sentence.start, sentence.end) or pronoun_speaker(text, sentence.start, sentence.end) \
            or quoted_paragraph_speaker(text, sentence.start) or described_speaker(text, sentence.start, sentence.end)
        if not speaker or not says_something(text, lo, hi):
            return []
        words = text[lo:sentence.end].strip().strip("’'\"”“")  # (the marks at its ends are the quotation's)
        return [make_atom(reading, sentence, "quote", lo, hi, said_words(speaker, words, text[inside[0]]))]
    answer = interview_answer(text, sentence.start) or led_in_statement(text, sentence.start)
    if answer is not None:  # "OW For sure.": an answer in an interview, its speaker's words if the article names them
        speaker, label_end = answer
        body = max(sentence.start, label_end)
        if not speaker or body >= hi or not says_something(text, body, hi):
            return []
        mark = text[body - 1] if text[body - 1] in "“\"‘" else "“"  # (a turn's own mark: "Prelogar: “...”")
        return [make_atom(reading, sentence, "quote", body, hi, said_words(speaker, text[body:sentence.end], mark))]
    apposed = apposed_speaker(text, lo, hi)
    if apposed and not apposed.leading:  # "“...,” says A, a researcher at B": who A is, a claim of its own;
        hi = apposed.name[1]  # the rest, a tagged quotation
    quotations = find_quotations(text, lo, hi)
    whens = sentence_times(reading, sentence, quotations)
    opening = LEADING_PARTICIPLE.match(text, lo, hi)
    phrase_times = [w for w in whens if opening and w.start < opening.end() and w.point and not w.since]
    if opening:  # "Set in New York in 1981, the actor plays ...": the phrase's time, its words kept, dates no claim
        whens = [replace(w, since=True, point=False, yardstick=True) if w.start < opening.end() else w for w in whens]
    attribution = find_attribution(text, lo, hi, tuple(whens))
    c_lo, c_hi = beside_quotations(text, *(attribution.content if attribution else (lo, hi)), quotations)
    # "John Smith, 93, a former senator, died on Sunday": who he is, claims of their own; what he did, with his name
    appo = apposition(text, c_lo, c_hi) if not attribution and not apposed and c_lo == lo else None
    clauses = join_context(split_clauses(text, appo.rest if appo else c_lo, c_hi) if c_lo < c_hi else [],
                           lambda a, b: bool(figures_in(reading, a, b, whens, lower)) or any(a <= w.start < b for w in whens), text, whens)
    if len(clauses) > 1 and subjectless(text, clauses[0], whens):
        # "Today, promoted to opener in place of Latham and faced four balls": no one named to do either; cut apart,
        # each would read as the time's ("On 30 December 2014 faced ...") or the replaced man's: one claim, whole
        clauses = [replace(clauses[0], start=clauses[0].opener if clauses[0].opener is not None else clauses[0].start, end=clauses[-1].end)]
    if appo and clauses:  # "Nathaly Leon, 20, had met X and had accepted ...": both the named person's
        # (with who they are when that names someone a pronoun after may mean: "X, a friend of Arrendale's, set up a page for her")
        other = appo.role and RELATION.search(text, *appo.role) and THIRD_PERSON.search(text, appo.rest, c_hi)
        for clause in clauses:
            if clause is clauses[0] or (clause.role == "coord" and (clause.prefix is None or not text[slice(*clause.prefix)].strip())):
                clause.prefix = (appo.name[0], appo.rest - 1) if other else appo.name
    if attribution is not None and attribution.whole_clause and text.startswith(attribution.source, attribution.start):
        source = (attribution.start, attribution.start + len(attribution.source))
        for clause in clauses[1:]:  # "He said A might be secure, but predicted that ...": he predicted, never A
            if clause.role == "coord" and REPORTING_WORD.match(text, clause.start, clause.end):
                clause.prefix = source
    said = first_verb(text, clauses[0].start, clauses[0].end, finite=True) if clauses and not attribution else None
    if said is not None and REPORTING_WORD.match(text, said[0], clauses[0].end) and len(clauses) > 1 \
            and all(c.role == "coord" and AUXILIARY_NEXT.match(text, c.start) for c in clauses[1:]):
        clauses = [replace(clauses[0], end=clauses[-1].end)]  # "On Monday, the League said it had listened to the clubs,
        # and will support them": what it said goes on, never "the League, will support them"
    whens, lead = date_clauses(text, clauses, whens)
    atoms: list[Atom] = []
    left_out = False
    for clause in clauses:
        if is_speech_tag(text, clause.start, clause.end) or (quotations and INVERTED_TAG.fullmatch(text, clause.start, clause.end)
                                                             and not has_verb(text, clause.start + 5, clause.end)):
            continue  # "he said in an e-mail", "said D. Joshua Taylor, FGS president" claim nothing of their own
        own_lo = clause.own_start or clause.start
        if ASKED_ABOUT.search(text, own_lo, clause.end):  # nor does what was asked
            left_out = True
            continue
        reported = tag_participle(text, clause.start, clause.end) if quotations else None
        if reported and reported[1] is None:
            continue  # "said Lee, referring to the ferry ...": of what they spoke, no claim of its own
        found = clause_atoms(reading, sentence, clause, whens, (lo, hi), lower)
        if clause is clauses[0] and len(clauses) > 1 and clause.opener is not None and (named := subject_named(text, clauses[1])):
            # "When she left the ministry in 2012, Maria Ortiz received ...": she is Maria Ortiz
            found = [replace(a, claim=re.sub(r"^(?:He|She)\b", named, a.claim)) for a in found]
        if lead is not None and clause is clauses[1]:
            bound = clauses[0].start if clauses[0].quote_start is None else clauses[0].quote_start
            found = [replace(a, start=bound, quote=reading.original[bound:a.end], claim=restate(text, bound, a.end, whens))
                     if a.start == clause.start else a for a in found]
        if reported:  # "said van Sebille, noting that sunlight ...": "van Sebille noted that sunlight ..."
            rest = written(text, reported[0], clause.end, whens)
            found = [replace(a, claim=sentence_case(f"{reported[1]} {rest}")) for a in found]
        holds = any(a.dated_or_counted for a in found)  # a figure or a date keeps any clause a claim
        if len(clauses) == 1 and not has_verb(text, own_lo, clause.end) and (len(words_at(text, own_lo, clause.end)) < 3 or any(
                w.start <= own_lo + 3 and w.end >= clause.end - 1 for w in whens)):
            left_out = True  # a fragment with no verb: "Two.", a time alone ("On Dec. 1.")
            continue
        if clause is not clauses[0] and COMPARATIVE_OPENING.match(text, own_lo):
            left_out = True  # "..., but more than the program received in previous years": a comparison of the
            continue  # clause before, with no subject of its own
        participle = PARTICIPLE_OPENING.match(text, own_lo)
        if not holds and clause is not clauses[0] and participle and not is_verb(participle.group("next")):
            left_out = True  # "..., but capping what the chief called a record year": said of the clause before; (never
            continue  # "spending fell", whose gerund a verb follows)
        if not holds and vague(text, own_lo, clause.end) and not (clause.prefix and not vague(text, *clause.prefix)) \
                and not COUNT.search(text, clause.start, own_lo) \
                and not (clause is not clauses[0] and refers_back(text, clause) and named_in(text, clauses[0].start, clause.start)) \
                and not (clause is clauses[0] and opening_subject(text, own_lo, clause.end)):  # ("He is accused of ...": a person named)
            previous = atoms[-1] if atoms else None
            if previous is not None and previous.kind == "other" and not previous.dated_or_counted \
                    and (refers_back(text, clause, "it") or first_verb(text, own_lo, clause.end) == first_word(text, own_lo, clause.end)) \
                    and JOINED.fullmatch(text, previous.end, clause.start):
                # "Sulfur dioxide emissions reflect sunlight, but they are also hazardous to health", "lacked a
                # goalkeeper and conceded the last three": a clause that says nothing alone, its subject the
                # clause before's, is part of that clause's account
                atoms[-1] = make_atom(reading, sentence, "other", previous.start, clause.end,  # (with the name an apposition
                                      restate(text, previous.start, clause.end, whens, prefix=appo.name if appo else None))  # set off)
                continue
            left_out = True  # "the worst of the storm has passed": nothing in it to check
            continue
        if not holds and (writer_or_reader(text, clause.prefix[0] if clause.prefix else own_lo) or (
                not quotations and not attribution and addresses_reader(text, clause.start, clause.end))):
            left_out = True  # "I rolled down my window to ask about parking": the writer's own story, nothing to check
            continue
        if not holds and is_guess(text, clause.start, clause.end) and not quotations and not attribution:
            left_out = True  # "Perhaps they felt he was suffering enough": the writer's guess, nothing to check
            continue
        if not holds and (figurative(text, clause.start, clause.end) or appraises(text, own_lo, clause.end)) \
                and not quotations and not attribution:
            left_out = True  # "T1 hammered the nail into the coffin", "Roberts is a tough questioner": the writer's judgement
            continue
        if holds or clause.present or has_verb(text, clause.start, clause.end) or (appo and clause is clauses[0]):  # ("Prelogar, 43, argues")
            atoms += found  # a clause without a verb or a fact ("Prelogar", of "Prelogar, who grew up ...") is none
    if not appo and not attribution and len(atoms) > 1 and not FACTISH.search(text, lo, hi) and all(
            a.kind == "other" and not a.dated_or_counted for a in atoms):
        # clauses with no figure or date of their own ("T1 paired Xayah and Rakan at bot, and opted for
        # Akali"): cut apart they are fragments of one account, so the sentence is the claim
        atoms = [make_atom(reading, sentence, clause_kind(text[lo:hi], None), lo, hi, restate(text, lo, hi, whens))]
    elif not attribution:  # ("Maria Lopez, 34, had met Ana Ruiz and had accepted her offer": one account of hers)
        atoms = joined_accounts(reading, sentence, atoms, whens, appo.name if appo else None)
    atoms += apposition_atoms(reading, sentence, appo, whens) if appo else []
    if opening and phrase_times and BIOGRAPHIC.match(text, lo):  # "Born in Accra in 1975, Mensah ...": a fact of its own
        verb = first_verb(text, opening.end(), hi)
        subject = " ".join(text[opening.end():verb[0]].split()) if verb else ""
        if subject and len(subject.split()) <= 5 and subject[0].isupper():
            phrase = written(text, lo, opening.end() - 1, whens)
            claim = sentence_case(f"{subject} was {phrase[0].lower()}{phrase[1:]}")
            atoms.append(make_atom(reading, sentence, clause_kind(claim, phrase_times[0]), lo, opening.end() - 1, claim,
                                   when=phrase_times[0]))
    if attribution:
        atoms = attributed(reading, sentence, attribution, clauses, whens, (lo, hi), atoms)
    quoted = list(QUOTATION.finditer(text, lo, hi))
    tagged, tag_hi = bool(quoted) and is_led_speech_tag(text, lo, hi), hi  # "“...,” Trump said", "..., Alito interjected, homing in"
    if quoted and not tagged and (who_is := WHO_AFTER.search(text, quoted[-1].end(), hi)):
        tagged, tag_hi = is_led_speech_tag(text, lo, who_is.start()), who_is.start()  # "“...,” says A, who has led it for 30 years": A's own claim after
    asked = ASKED.search(without_quotations(text, lo, hi)) is not None  # "“...” Alito asked": a question
    # a sentence all quotation, its speaker named in the tag of the quotation ("“...,” Kise said. “He’s ...”") or the lead-in
    speaker = quotation_speaker(text, sentence.start, sentence.end) or quoted_paragraph_speaker(text, sentence.start) \
        or described_speaker(text, sentence.start, sentence.end) if not attribution and not tagged else None
    # "“...,” she said": the one person the sentences before can mean, or the pronoun as written (antecedent.py)
    # ("“...,” he told settler leaders, according to a statement": his words, the statement only where they were read)
    channel = attribution is not None and text[attribution.start:attribution.end].lower().startswith("according") \
        and bool(quoted) and is_led_speech_tag(text, lo, trim(text, lo, attribution.start)[1])
    who = pronoun_speaker(text, sentence.start, sentence.end) if (not attribution or channel) and not speaker else None
    speaker, who = (speaker, who) if tagged else (speaker or who, None)  # (untagged: the quotation's speaker)
    for q_open, q_close, q_lo, q_hi in quotations:
        if ASKING.match(text, q_lo, q_hi) and (asks := text.rfind("? ", q_lo, q_hi)) > 0 and says_something(text, asks + 2, q_hi):
            q_lo = asks + 2  # "“Is that nice? No. But it’s necessary ...,” he stated": the statement answering its questions
        if text[q_hi - 1:q_hi] == "?" or ASKING.match(text, q_lo, q_hi) or (len(quotations) == 1 and asked):
            continue  # a question quoted claims nothing either ("“What is your best example ...” Alito asked")
        if text[q_lo].islower() and any(a.start <= q_lo and q_hi <= a.end + 1 for a in atoms) or (
                text[q_hi - 1] not in ",.!?;:" and GOES_ON.match(text, q_close, hi)):
            continue  # words quoted in the writer's sentence ("to look at “the nation we aspire to be”", "“... only one-third
            # of the people” in the emergency center had access to computers, the report said"): part of its claim
        source = (" ".join(attribution.source.split()) if attribution and not channel else speaker or "").strip(" ’‘'\"“”,")
        if not source and who is None and not tagged and q_lo - lo <= 2 and hi - q_hi <= 2 \
                and quotation_tag(text, sentence.start, sentence.end) is None:
            left_out = True  # a quotation the article gives no one ("“Forests cover 75 percent of the land.”"): no
            continue  # one's claim, and never the writer's
        if source and source.lower() not in PRONOUNS:
            claim = f"{source[0].upper()}{source[1:]} said: {text[q_open]}{text[q_lo:q_hi]}{text[q_close - 1]}"
        else:
            claim = name_in_tag(restate(text, lo, hi, whens), who)
        if tagged and len(quotations) == 1:  # the words with who said them, as the sentence gives both
            q_lo, q_hi = lo, hi
        atoms.append(make_atom(reading, sentence, "quote", q_lo, q_hi, claim))
    if speaker and not quotations and QUOTATION.fullmatch(text, lo, hi) and says_something(text, lo, hi):
        # a short quotation whose speaker the tag beside it names ("“Every case is preventable.”"): theirs
        atoms = [a for a in atoms if a.dated_or_counted] + [
            make_atom(reading, sentence, "quote", lo, hi, said_words(speaker, text[lo:hi], ""))]
    atoms += [t for t in title_atoms(reading, sentence, clauses, whens, seen_people)  # a title quoted is an address
              if not any(q.start() <= t.start < q.end() for q in quoted)]
    # (atoms of another clause, "..., who has led the mission for 30 years", leave the quotation unclaimed)
    unclaimed = not any(a.start < q.end() and q.start() < a.end for a in atoms for q in quoted)
    if unclaimed and tagged and not QUOTED_QUESTION.search(text, lo, hi) and not asked and \
            any(says_something(text, q.start() + 1, q.end() - 1) and not ASKING.match(text, q.start(), q.end())
                for q in quoted):
        # a short quotation and who said it ("“That can be true,” Prelogar said"): a statement of its speaker
        atoms.append(make_atom(reading, sentence, "quote", lo, tag_hi, name_in_tag(restate(text, lo, tag_hi, whens), who)))
    elif not atoms and not tagged and not left_out:
        atoms.append(make_atom(reading, sentence, clause_kind(text[lo:hi], None), lo, hi, restate(text, lo, hi, whens)))
    said = written(text, lo, hi, whens) + (f" {speaker or who} said" if speaker or who else "")  # (read beside it)
    atoms = [a if a.kind == "title" or grounded(a.claim, said, a.value, a.unit, a.date_start, a.date_end, reading.locale)
             else replace(a, claim=restate(text, lo, hi, whens)) for a in atoms]  # not backed: the sentence's own words
    if apposed:
        name, role = text[slice(*apposed.name)], written(text, *trim(text, apposed.name[1], apposed.end), whens)
        claim = sentence_case(f"{name} {'was' if apposed.past else 'is'} {role}")
        atoms.append(make_atom(reading, sentence, clause_kind(claim, None), apposed.name[0], apposed.end, claim))
    return sorted(atoms, key=lambda a: (a.start, a.end))


def joined_accounts(reading: Reading, sentence: Sentence, atoms: list[Atom], whens: list[When],
                    subject: tuple[int, int] | None = None) -> list[Atom]:
    """atoms with each pair of clauses joined by "and" or "but", the second sharing the first's subject and
    neither with a figure, a number, a rank or a date, made one claim ("he denied the allegations and was
    later found to be innocent"): one account of one subject, never a verb cut from its subject (the `subject`
    an apposition named, "Maria Lopez" of "Maria Lopez, 34, had ...", written before it)."""
    text, out = reading.text, list[Atom]()
    for atom in sorted(atoms, key=lambda a: a.start):
        previous = out[-1] if out else None
        # "lured a woman to her home and killed her", "did not have dragon control and gave up the first two":
        # what the second clause acts on is named in the first
        back = BACK_OBJECT.match(text, atom.start, atom.end) is not None or ELLIPTIC.search(text, atom.start, atom.end) is not None
        pronoun = BACK_SUBJECT.match(text, atom.start, atom.end)  # ("..., but they made ...": the subject before's, then its verb)
        verb = first_verb(text, atom.start, atom.end)
        if previous is not None and all(a.kind == "other" and not a.dated_or_counted and (
                back or not FACTISH.search(ELLIPTIC.sub("", text[a.start:a.end]))) for a in (previous, atom)) \
                and JOINED.fullmatch(text, previous.end, atom.start) \
                and (verb == first_word(text, atom.start, atom.end) or (pronoun and verb and verb[0] == pronoun.end(1))):
            out[-1] = make_atom(reading, sentence, "other", previous.start, atom.end,
                                restate(text, previous.start, atom.end, whens, prefix=subject))
            continue
        out.append(atom)
    return out


# What joins two clauses of one account ("..., but they are ...", "... and gave up ...").
JOINED = re.compile(r"[\s,]*(?:and|but)\s+")
# A verb whose object is a pronoun for something in the clause before ("... and killed her", "and sold it").
BACK_OBJECT = re.compile(r"(?:[a-z]+ly\s+)?[a-z]+\s+(?:him|her|them|it)\b")
# A clause's subject that is a pronoun for the subject of the clause before, then its verb (the group's end).
BACK_SUBJECT = re.compile(r"(?i)(?:he|she|they|it)\s+(?:(?:also|then|later|still|never|soon)\s+)?()")
# A count or rank whose noun the clause before holds, ending a clause ("... and gave up the first two").
ELLIPTIC = re.compile(r"(?i)\bthe\s+(?:(?:first|last|next|other|remaining|final)\s+)?(?:two|three|four|five|six|seven|"
                      r"eight|nine|ten|\d+)(?=\W*$|\s*[,;:.]|\s+(?:and|but)\b)")


def first_word(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    words = words_at(text, lo, hi)
    return (words[0][0], words[0][0] + len(words[0][1])) if words else None


def refers_back(text: str, clause: Clause, *also: str) -> bool:
    """Whether a clause's subject is a pronoun for someone before it ("..., but he denied it and was later
    found innocent"), or one of the pronouns ``also`` ("it")."""
    words = words_at(text, *(clause.prefix or (clause.own_start or clause.start, clause.end)))
    return bool(words) and words[0][1].lower() in ("he", "she", "they", *also)


def named_in(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] names someone: a capitalised word past its first."""
    return any(w[:1].isupper() for _, w in words_at(text, lo, hi)[1:])


def clause_claim(reading: Reading, clause: Clause, whens: list[When], core: tuple[int, int]) -> str:
    text = reading.text
    if clause.role == "relative" or (clause.prefix is None and leans_back(text, core[0], clause.start)):
        # "which ...", "something that ...": the sentence says what it is; "..., and it seats 16,000": what "it" is
        return restate(text, core[0], core[1] if clause.role == "relative" else clause.end, whens)
    suffix = None
    own = [w for w in whens if clause.start <= w.start < clause.end and not w.since]
    inherit = clause.inherit
    if not own and inherit is not None and not (clause.prefix and clause.prefix[0] <= inherit.start < clause.prefix[1]) \
            and not RELATIVE_INSIDE.search(text, clause.start, clause.end):
        # (never after a relative clause: "had not told her boyfriend, who was looking forward to the birth in June")
        suffix = inherit.describe()
    return restate(text, clause.start, clause.end, whens, prefix=clause.prefix, suffix=suffix)


def clause_atoms(reading: Reading, sentence: Sentence, clause: Clause, whens: list[When], core: tuple[int, int],
                 lower: str) -> list[Atom]:
    text = reading.text
    lo, hi = clause.start, clause.end
    quote_lo = lo if clause.quote_start is None else clause.quote_start
    own = [w for w in whens if lo <= w.start < hi]
    figures = figures_in(reading, lo, hi, whens, lower)
    # a time the yardstick's own verb has is the yardstick's ("12% higher than the 4.1 million counted in 2019"),
    # one after it with none is the clause's ("25% below the daily average of 1.4 million shares on Monday")
    yardstick = yardstick_at(reading, lo, hi)
    theirs = [w for w in own if w.start >= yardstick and YARDSTICK_VERB.search(text, yardstick, w.start)]
    own = [w for w in own if w not in theirs]
    clause_when = None if clause.when in theirs else clause.when
    if figures and all(f.reference for f in figures):
        # "Volume was less than half the daily average of 5.8 million shares": the figure is the average's, and
        # the subject's own is in words only: the comparison whole, with no value
        return [make_atom(reading, sentence, clause_kind(text[lo:hi], clause_when), quote_lo, hi,
                          clause_claim(reading, clause, whens, core), when=clause_when)]
    # "Volume was 25% below the daily average of 1.4 million shares": the comparison whole, with the subject's figure
    figures = [f for f in figures if not f.reference]
    paired = paired_times(text, figures, own)  # ("growth forecasts of 2.5% and 2.6% in 2019 and 2020": each its year)
    if paired:  # each figure with its own time, in the clause's words whole (never "cut the levy to 3.1% in 2019 and 2020")
        times, first, end = paired
        spans = [(quote_lo if i == 0 else f.start, end) if first <= i <= first + 1 else (quote_lo, hi) for i, f in enumerate(figures)]
        return [make_atom(reading, sentence, figure_kind(f, text[lo:hi], lower, t), *span, clause_claim(reading, clause, whens, core),
                          f.value, f.unit, t) for f, t, span in zip(figures, times, spans)]
    if len(figures) >= 2 and re.search(r"\brespectively\b", text[lo:hi]):  # figures that go with a list of things
        return [make_atom(reading, sentence, figure_kind(figures[0], text[lo:hi], lower, clause.when), quote_lo, hi,
                          clause_claim(reading, clause, whens, core), when=clause.when)]
    if len(figures) >= 2:
        atoms = series_atoms(reading, sentence, clause, figures, whens, lower)
        if clause.role == "relative" or (clause.prefix is None and leans_back(text, core[0], clause.start)):
            atoms = [replace(a, claim=clause_claim(reading, clause, whens, core)) for a in atoms]  # ("which is 370 miles
            # (600 km) across", "before falling 2% and 3%": the sentence says what or whose it is)
        return atoms
    if figures:
        figure = figures[0]
        when = figure_when(figure, None, reading.folded, own, clause.inherit) or clause_when
        if when is not None and when.end <= figure.start and LATER_EVENT.search(reading.folded, when.end, figure.start):
            when = None  # "three increases in 2019 before the rate levels off at 3.0 percent": the level's time is untold
        if ahead_elsewhere(reading, lo, figure, when):
            when = None  # "With a 3.4% yield, Nestle is a stock to own in 2016": the year is the advice's
        if when is not None and when.start >= figure.end and (INFINITIVE.search(text, figure.end, when.start)
                                                              or OTHER_VERB.search(reading.folded, figure.end, when.start)):
            when = None  # "made the four cases part of his bid to be elected in 2024": the bid's time ("..., and was fired in March")
        if when is not None and ASIDE.search(text, lo, when.start) and re.match(r"[^,]*,", text[when.end:figure.start]):
            when = None  # "The study, published on Thursday, followed 12,500 adults": the aside's time
        if when is not None and any(a <= figure.start < b and not a <= when.start < b for a, b in dash_asides(text, lo, hi)):
            when = None  # "Banda – who has 12 goals this season – joined in 2019": the dashes' figure, never the 2019's
        if when is not None and when.end <= figure.start and RELATIVE_TIME.search(text, lo, when.start):
            when = None  # "left the tail that had failed over the past year 15 overs": the relative clause's time
        return [make_atom(reading, sentence, figure_kind(figure, text[lo:hi], lower, when), quote_lo, hi,
                          clause_claim(reading, clause, whens, core), figure.value, figure.unit, when)]
    points: list[When] = []
    for w in own:
        if w.point and not w.since and (w.first, w.last) not in {(p.first, p.last) for p in points}:
            points.append(w)
    if len(points) >= 2:
        atoms = date_series(reading, sentence, clause, points, whens)
        if atoms:
            return atoms
    atoms = people_atoms(reading, sentence, clause, whens)
    if atoms:
        return atoms
    atom = make_atom(reading, sentence, clause_kind(text[lo:hi], clause.when), quote_lo, hi,
                     clause_claim(reading, clause, whens, core), when=clause.when)
    if len(points) >= 2 and all(SERIES_GAP.fullmatch(text, a.end, b.start) for a, b in zip(points, points[1:])):
        # dates that are no series of one verb ("In 2013, 2015 and 2016 the club won"): all of them; of several
        # verbs or phrases ("arrived before 1 January 2010, beyond the original 15 June 2007 cutoff"), the first
        atom = replace(atom, date_start=min(p.first for p in points), date_end=max(p.last for p in points))
    return [atom]
