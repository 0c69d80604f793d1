"""Claims about people as a sentence names them: a list of people that a verb acts on (one claim each), a
title before a name, and who someone a sentence opens with is (their age, the words beside their name).
Pure functions; atomic.py calls them for each sentence."""
import re
from dataclasses import replace

from .amounts import figures_in
from .atom import Atom, Reading, make_atom
from .clauses import AUXILIARIES, Clause, first_after_adverbs, first_verb, is_past, is_verb, words_at
from .kinds import clause_kind, figure_kind
from .people import PEOPLE, PERSON, TITLE, Apposition, person_like, titles
from .restatement import sentence_case, written
from .speech import speaks_of_now
from ..sentences import Sentence
from .when import When, describe_iso


DURING_OFFICE = re.compile(r"\bduring\s+(?:the\s+)?(?:administration|presidency|government|tenure|reign|rule|era|term)s?\s+of\s+"
                           r"(?:the\s+)?$|\bunder\s+$")  # ("ambassador to the UN under President George W. Bush": then)
# A military rank is no office ("General Mark Milley, chairman of the Joint Chiefs": the office is in the apposition)
RANK = re.compile(r"(?i)(?:general|admiral|colonel|major|captain|lieutenant|sergeant|corporal|private|commander|brigadier|"
                  r"gen|adm|col|maj|capt|lt|sgt|cpl|pvt|cmdr|brig)\.?")
# A lower-case word of the office before a title ("state schools Superintendent X", "school board President Y", "police
# Officer Z"): the title is more than its capitalised words (but "the bill President X signed"); and after a one-word
# "name", the "of" of a body's name that holds a title's word ("Associated General Contractors of Alabama")
BEFORE_TITLE = re.compile(r"(?<![\w’'-])(?:state|states|schools?|board|police|city|county|district|council|party|union|club|team|"
                          r"company|bank|fund|court|committee|federal|national|regional|local|provincial|municipal|student|"
                          r"hospital|university|college|church|village|town|parish|association|league|fire|health|tribal|"
                          r"campus|library|museum|airport|port|prison|jail|group|network|station|studio|agency)\s+$")
IN_A_NAME = re.compile(r"\s+of\s+[A-Z]")
# A title of a body the sentence only points to ("the country's President X", "the firm's Chief Executive Y", "its
# Finance Minister Z"): the claim could not say whose office it is
POINTED_OWNER = re.compile(r"(?:\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+[a-z][\w-]*['’]s?|\b(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur))\s+$")


def people_atoms(reading: Reading, sentence: Sentence, clause: Clause, whens: list[When]) -> list[Atom]:
    """A clause whose object is a list of people ("convicted A, B and C of fraud") is one claim per person."""
    text = reading.text
    m = PEOPLE.search(text, clause.start, clause.end)
    lead = words_at(text, clause.start, m.start()) if m else []
    if not m or not lead or re.search(r"[–—(:]\s*$", text[clause.start:m.start()]) or \
            not is_verb(lead[-1][1], lead[-2][1] if len(lead) > 1 else ""):
        # none; what the words before said ("the others — A, B and C —"); a clerk "to Justices A and B"; people
        # who act together ("A and B have opened a shop", "A and B met in Geneva"): one claim, its verb theirs
        return []
    if re.match(r"\s+\d+-\d+", text[m.end():m.end() + 8]) or re.search(r"\b[A-Z][\w’'-]+\s+and\s+[A-Z]", text[clause.start:m.start()]):
        return []  # "A and B defeated C and D 6-4, 7-6": a pair beaten together, by a pair, with one score
    spans = [(m.start() + p.start(), m.start() + p.end()) for p in re.finditer(PERSON, m.group())]
    if len(spans) < 2 or not all(person_like(text[a:b]) for a, b in spans):
        return []
    before = written(text, clause.start, m.start(), whens)
    after = written(text, m.end(), clause.end, whens)
    prefix = written(text, *clause.prefix, whens) if clause.prefix else ""
    return [make_atom(reading, sentence, clause_kind(text[clause.start:clause.end], clause.when), a, b,
                      sentence_case(" ".join(filter(None, [prefix, before, text[a:b], after]))), when=clause.when)
            for a, b in spans]


def title_atoms(reading: Reading, sentence: Sentence, clauses: list[Clause], whens: list[When],
                seen_people: set[str]) -> list[Atom]:
    """A title before a name is a claim about that person (people.titles), judged at the time the
    sentence speaks of, or, for a former holder or where the sentence names no time, at the article's date;
    "the late" holder had died by then, and a "then" holder held it when the sentence says, if it says."""
    atoms = []
    for found in titles(reading.text, sentence.start, sentence.end, seen_people):
        clause = next((c for c in clauses if c.start <= found.start < c.end), None)
        when = clause.when if clause is not None and clause.when is not None and clause.when.point else None
        other = when is not None and found.end <= when.start and TITLE.search(reading.text, found.end, when.start)
        if other and first_verb(reading.text, found.end, other.start(), finite=True):
            # "President A named X ... and President B tapped him in 1990": a time at the end is the last
            # clause's, B's, not A's (a time that opens the sentence is everyone's, as is one after a list
            # of people who act together: "Minister A and Minister B announced it on 18 May")
            when = None
        if when is not None and reading.published and when.first > reading.published.isoformat():
            when = None  # "Judge Thomas Coffin set the trial for Feb. 25": the time is the trial's, ahead
        former, title = found.former, found.title
        if (own := next((w for w in whens if found.end <= w.start <= found.end + 4 and not w.decade and not w.relative
                         and not re.match(r"[’']s\b", reading.text[w.end:w.end + 2])), None)):  # ("in November's election")
            when = own  # "one signed by President George W. Bush in 2002": the title's own time, right after the name
        if RANK.fullmatch(title) or (" " not in found.name and IN_A_NAME.match(reading.text, found.end)) \
                or BEFORE_TITLE.search(reading.text, max(0, found.start - 30), found.start) \
                or POINTED_OWNER.search(reading.text, max(0, found.start - 30), found.start):
            continue  # a rank; a title cut from its office's words, standing in a body's name, or of a body pointed to
        if when is not None and found.end <= when.start and sum(
                (is_verb(w) or w.endswith("ing") and w.islower()) and w.lower() not in AUXILIARIES
                for _, w in words_at(reading.text, found.end, when.start)) > 1:
            when = None  # "Speaker X spoke before lawmakers defending the budget approved in April": April is the budget's
        day = reading.published.isoformat() if reading.published else None
        if former == "late":  # "the late Prime Minister X": dead by the article's date, the title held before
            claim = f"{found.name}, who had died by {describe_iso(day).removeprefix('on ')}, had been {title}" if day else \
                f"{found.name} had been {title} and has died"
            atoms.append(make_atom(reading, sentence, "title", found.start, found.end, sentence_case(claim)))
            continue
        if former == "then" and when is None:  # "then President X signed it": at a time the sentence leaves untold
            atoms.append(make_atom(reading, sentence, "title", found.start, found.end,
                                   sentence_case(f"{found.name} was {title} at the time")))
            continue
        if when is None and not former and (not speaks_of_now(reading.text, sentence.start, sentence.end)
                                            or DURING_OFFICE.search(reading.text, max(0, found.start - 40), found.start)):
            continue  # "Gates led the Pentagon under President Barack Obama", "... during the administration of President
            # Bill Clinton": held then, not at the article's date
        if (former and former != "then") or when is None:  # a former holder, or no time: as of the article's date
            time, first, last = (describe_iso(day), day, day) if day else ("", None, None)
        else:
            time, first, last = when.dated(), when.first, when.last
        held = f"a {former} {title}" if former == "former" else f"{former} {title}" if former not in (None, "then") else title
        atom = make_atom(reading, sentence, "title", found.start, found.end,
                         sentence_case(f"{found.name} was {held} {time}".strip()))
        atoms.append(replace(atom, date_start=first, date_end=last))
    return atoms


def apposition_atoms(reading: Reading, sentence: Sentence, appo: Apposition, whens: list[When]) -> list[Atom]:
    """Who the person or body a sentence opens with is: their age ("Prelogar, 43": "Prelogar is 43.";
    an age is a fact about a person, never a figure) and the words beside their name ("John Smith, a
    former senator who served from 1970 to 1990": "John Smith was a former senator who served ...")."""
    text = reading.text
    name = text[slice(*appo.name)]
    verb = first_after_adverbs(text, appo.rest, sentence.end).lower()  # ("died": past, though no verb to is_verb)
    be = "was" if is_past(verb) else "is"  # (is_past knows "was", "were", "had")
    atoms = []
    if appo.age:
        atoms.append(make_atom(reading, sentence, "other", appo.name[0], appo.age[1], f"{name} {be} {text[slice(*appo.age)]}."))
    if appo.role:
        lo, hi = appo.role
        when = next((w for w in whens if lo <= w.start < hi and not w.since), None)
        claim = sentence_case(f"{name} {be} {written(text, lo, hi, whens)}")
        lower = reading.folded[sentence.start:sentence.end]
        figures = figures_in(reading, lo, hi, whens, lower)
        if len(figures) == 1:  # "Invoxia’s Triby, a $199 portable speaker": what it costs is the claim's figure
            figure = figures[0]
            atoms.append(make_atom(reading, sentence, figure_kind(figure, text[lo:hi], lower, when), appo.name[0], hi, claim,
                                   figure.value, figure.unit, when))
        else:
            atoms.append(make_atom(reading, sentence, clause_kind(text[lo:hi], when), appo.name[0], hi, claim, when=when))
    return atoms
