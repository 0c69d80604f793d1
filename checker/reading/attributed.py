"""The claims of a sentence that says who says what it says ("Police said 12 people were arrested", "According
to the census, ...", "Trump claimed that ..."): its statement with its source, and of what is said only what
can be checked on its own, never what the writer keeps at a distance. Pure functions; atomic.py proposes the
rest of a sentence's claims."""
import re
from dataclasses import replace

from .atom import Atom, Reading, make_atom
from .attribution import Attribution, distanced
from .clauses import Clause, trim
from .restatement import restate
from ..sentences import Sentence
from .when import When

PRONOUNS = frozenset("he she they it we i you one them him her us me".split())  # a speaker the sentence does not name


def attributed(reading: Reading, sentence: Sentence, attribution: Attribution, clauses: list[Clause],
               whens: list[When], core: tuple[int, int], atoms: list[Atom]) -> list[Atom]:
    """The claims of a sentence that says who says it: the sentence's own claim with its source, and
    of what is said only what can be checked on its own (a figure, a date, a first, a membership, a
    forecast), each naming the source too: "The minister said the country must stay in the alliance" is
    the minister's statement, never the statement alone; "He added: “...”" is its quotation, with its
    speaker. A claim that says all the statement says is the statement, with its figure and kind."""
    # what a pronoun opens ("He would not seek re-election in September") is no claim alone: the statement
    # with its speaker is, carrying the figure or date of what was said; so is all that is said when the writer
    # keeps a distance from it ("Trump claimed that 3 million people voted illegally", "falsely said")
    far = distanced(reading.text, attribution, *core)
    # words in quotation marks, even left open for the next paragraph ("He said: “The deficit fell from 4 percent in
    # 2019 to 3 percent now."), are the speaker's as said: never restated figure by figure inside their marks
    quoted = reading.text[trim(reading.text, *attribution.content)[0]:][:1] in ("“", '"', "‘")
    alone = [not far and not quoted and a.claim.split(" ", 1)[0].lower() not in PRONOUNS for a in atoms]
    kept = [a for a, ok in zip(atoms, alone) if ok and (a.kind != "other" or a.dated_or_counted)]
    if not clauses:  # "He added: “...”", "As stated by X: ‘...’": the quotation is the claim, with its speaker
        return kept
    # the statement runs on over what of the content no claim of its own keeps ("According to authorities, she had
    # an abortion in June and had not told her boyfriend"), so that nothing said is lost
    dropped = max((a.end for a in atoms if a not in kept and a.start >= clauses[0].end), default=0)
    through = max((c.end for c in clauses if c.start < dropped), default=0)  # (to the end of the clause it stands in)
    # ... and over a contrast or a second "that" no claim of its own keeps ("he tried to save one of the demonstrators,
    # but failed to do so", "said that ..., and that their son would be ostracised")
    through = max([through] + [c.end for c in clauses[1:] if c.seam in ("but", "andthat") and not any(a.start <= c.start < a.end for a in kept)])
    # what is said is never the article's own: each claim of it names its source ("12 people were arrested ...,
    # police said"; "Two-way trade ... was US$92 million in 2003, according to the website of ...")
    kept = [replace(a, claim=with_source(reading.text, attribution, a)) for a in kept]
    statement = attribution_atom(reading, sentence, attribution, clauses, whens, core, through)
    carriers = [a for a, ok in zip(atoms, alone) if not ok and a.dated_or_counted]
    carried = carriers[0] if carriers and not (quoted and len(carriers) > 1) else None  # (a quotation's one figure)
    said = trim(reading.text, *attribution.content)
    whole = [a for a in kept if a.claim == statement.claim or (
        a.start <= max(said[0], clauses[0].start) and a.end >= min(said[1], statement.end))]
    if carried is None and whole:
        carried = whole[0]  # a claim said whole: the statement is it, with its figure and any kind but "other"
        kept.remove(carried)
        statement = replace(statement, kind=statement.kind if carried.kind == "other" else carried.kind)
    if carried is not None:
        statement = replace(statement, value=carried.value, unit=carried.unit, date_start=carried.date_start,
                            date_end=carried.date_end)
    return kept + [statement]


# The words of an attribution that say who said it: "according to X" (and "as reported by X"), "X said"
LEADING_ACCORDING = re.compile(r"(?i)(?:according\s+to|as\s+[a-z]+\s+by|in\s+the\s+words\s+of)\s")


def with_source(text: str, attribution: Attribution, atom: Atom) -> str:
    """An atom's claim with who said it, in the sentence's own words: "..., according to the census.",
    "..., the WHO said.", "Police said ..." (the source opening its sentence keeps its place and its case)."""
    claim = atom.claim.rstrip(" .")
    if attribution.whole_clause:
        lead = " ".join(text[attribution.start:attribution.content[0]].split())
        lead = re.sub(r"(?:\s+that)?[\s:,]*$", "", lead)
        if claim.startswith(lead):  # (a claim restated from the whole sentence names its source already)
            return atom.claim
        claim = re.sub(r"^(?:And|But|Or)\s+(?=that\b)", "", claim, flags=re.I)  # ("...; and that she was ...")
        first = claim.split(" ", 1)[0]
        # the claim's first word as the sentence writes it where it is not a name ("Police said the minister ...")
        if first[:1].isupper() and re.search(rf"(?<![\w’'-]){re.escape(first[0].lower() + first[1:])}(?![\w’'-])", text[attribution.start:attribution.end]):
            claim = first[0].lower() + claim[1:]
        return f"{lead} {claim}."
    phrase = " ".join(text[attribution.start:attribution.end].split())
    if phrase.lower() in claim.lower():
        return atom.claim
    if LEADING_ACCORDING.match(phrase):
        phrase = phrase[0].lower() + phrase[1:]
    return f"{claim}, {phrase}."


def attribution_atom(reading: Reading, sentence: Sentence, attribution: Attribution, clauses: list[Clause],
                     whens: list[When], core: tuple[int, int], through: int = 0) -> Atom:
    """The statement of a sentence that says who says it, to the end of its first clause or through
    `through` where what follows is no claim of its own."""
    text = reading.text
    first = clauses[0] if clauses else None
    end = max(first.end, through) if first is not None else 0
    if attribution.whole_clause:
        if first is None:  # "The minister said: ‘...’": the quotation is its own claim
            return make_atom(reading, sentence, "attribution", attribution.start, attribution.content[0],
                             restate(text, *core, whens))
        return make_atom(reading, sentence, "attribution", attribution.start, end,
                         restate(text, attribution.start, end, whens))
    if first is not None and attribution.start < first.start:  # "According to X, ...": up to the first clause's end
        return make_atom(reading, sentence, "attribution", core[0], end, restate(text, core[0], end, whens))
    return make_atom(reading, sentence, "attribution", *core, restate(text, *core, whens))
