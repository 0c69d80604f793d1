"""Which time each clause of a sentence is of: its own (a point first), else the one it hangs on (", when ..."),
the one a clause joined by "and" shares with the clause before, or a time that opens the sentence for a
contrast after ", while" ("In 2019, output rose, while its price fell"); a time inside an aside is the
aside's alone, and a leading "since" clause bounds the main one; and which clauses are read as one fact, a setting
with what it sets (join_context). Pure functions; atomic.py calls date_clauses and join_context."""
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from .asides import asides_of
from .clauses import AUXILIARIES, Clause, first_verb, verb_group
from .seams import PARTICIPLES
from .when import When

# A clause with another time than the one before it ("and later ..."), or of what did not happen: it shares no time
# another time, after the one before or before it ("began testing March 5 and received permission two days prior"), or a
# plan whose time is its own ("sneaked across the border in 2009 and planned to ... eventually return")
LATER = re.compile(r"\b(?:later|afterwards|the\s+(?:next|following|previous)\s+(?:day|week|month|year)|earlier|eventually|ultimately|"
                   r"subsequently|(?:planned|hoped|intended|wanted|aimed|expected)\s+to|(?:days?|weeks?|months?|years?)\s+(?:prior|before))\b")
NEGATED = re.compile(r"\b(?:not|never)\b|n[’']t\b")
# A time that opens a sentence before a comma ("In 2019, ...", "On Monday, ..."): the whole sentence's
FRONTED = re.compile(r"\s*(?:(?:in|on|during|by|at|over|throughout)\s+)?", re.I)


def date_clauses(text: str, clauses: list[Clause], whens: list[When]) -> tuple[list[When], When | None]:
    """Set each clause's time (see the module's docstring); the sentence's times with those of asides made bounds,
    and the span a leading "since" clause bounds, if any."""
    asides = [span for c in clauses for span in asides_of(text, c.start, c.end, [(w.start, w.end) for w in whens])]
    # "the salt flat — named after a town founded in 1890 — covers 10,500 square km", "The company, founded in 1998,
    # employs 12,000": the aside's time, not the clause's
    whens = [replace(w, since=True, point=False, yardstick=True) if any(a <= w.start < b for a, b in asides)
             or participle_time(text, clauses, w) else w for w in whens]
    for i, clause in enumerate(clauses):
        own = [w for w in whens if clause.start <= w.start < clause.end and not w.since]
        if clause.role == "when" and i:
            before = clauses[i - 1].when
            # "visited in 2019, when the war began": 2019's; "the second since the crisis, when the Fed cut rates": the
            # crisis's time, which the sentence leaves unsaid (never the "since last December" before it)
            clause.inherit = before if before is not None and re.fullmatch(r"[\s,]*when\s+", text[before.end:clause.start]) else None
        elif clause.role == "coord" and clause.seam == "but" and i and not any(clause.start <= w.start < clause.end for w in whens):
            clause.inherit = fronted(text, clauses[0], whens)  # "In 2022, they came close, but lost": 2022's, as both are
        elif clause.role == "coord" and i and not clause.present and not any(clause.start <= w.start < clause.end for w in whens) \
                and not NEGATED.search(text, clause.start, clause.end) and not LATER.search(text, clause.start, clause.end):
            # (a clause with a time of its own, a bound even, "and exceed 2°C before 2050", inherits none; nor one that "but"
            # sets against it, "had stalled since 2012, but advanced under Healey", which came later; nor does what
            # did not happen, "had an abortion in June and had not told her boyfriend": no time is told for it)
            inherited = next((c for c in reversed(clauses[:i]) if c.role != "coord"), clauses[i - 1]).when
            # (never a span since a time: "snapped a streak dating to 2007 and ended their hopes" ended them now)
            clause.inherit = inherited if inherited is None or not inherited.since else None
        elif clause.role == "sub" and clause.seam == "while" and i and not any(clause.start <= w.start < clause.end for w in whens) \
                and not LATER.search(text, clause.start, clause.end):  # (", though it later hired": another time)
            clause.inherit = fronted(text, clauses[0], whens)  # "In 2019, output rose, while its price fell": both 2019's
        points = [w for w in own if w.point]
        span = span_from(whens, clause)
        clause.when = points[0] if points else own[0] if own else clause.inherit or span
    lead = since_lead(text, clauses, whens)
    if lead is not None:
        # "Since he took office in 2019, unemployment has fallen 2%": he took office in 2019, and the span from
        # then to the article's date is the main clause's, which is quoted with the "Since ..." that bounds it
        clauses[0].when, clauses[1].when = replace(lead, since=False, point=True, last=lead.first), lead
    return whens, lead


# A participle after a noun of the object, with its own time ("have dropped an investigation into a rape allegation
# made against Julian Assange in 2010"): the time is what the participle tells of, never the main verb's
OBJECT_PARTICIPLE = re.compile(r"\b(?:a|an|the|its|their|his|her|this|these|those)\s+(?:[\w-]+\s+){0,3}?(?P<noun>[a-z]+)\s+"
                               rf"(?:[a-z]{{3,}}ed|{PARTICIPLES})"
                               r"(?:\s+(?:by|against|to|for|from|with|about|at|into|over)\b[^,;.]{0,60}?)?\s+(?:in|on|during)\s+$")
COMPLEMENT = re.compile(r"\b(?:that|said|says|say|showed|shows|show|found|finds|reported|reports|believes?|thinks?|thought)\b")


def participle_time(text: str, clauses: list[Clause], when: When) -> bool:
    """Whether a time ends a participle's phrase after a noun of its clause's object (OBJECT_PARTICIPLE): a clause
    whose finite verb comes before that noun, with no clause of what was said or found between."""
    clause = next((c for c in clauses if c.start <= when.start < c.end), None)
    m = OBJECT_PARTICIPLE.search(text, max(clause.start, when.start - 140), when.start) if clause else None
    if clause is None or m is None or m.group("noun") in AUXILIARIES:
        return False
    verb = first_verb(text, clause.start, m.start(), finite=True)  # (with its object after it: "dropped an inquiry")
    group = verb_group(text, verb[0], m.start()) if verb else None
    return group is not None and re.match(r"\s+(?:a|an|the|its|their|his|her|this|these|those)\b", text[group[1]:m.start() + 1]) is not None \
        and not COMPLEMENT.search(text, group[1], m.start())


def fronted(text: str, clause: Clause, whens: list[When]) -> When | None:
    """The time that opens the clause before a comma ("In 2019, ..."), if any."""
    first = next((w for w in whens if clause.start <= w.start < clause.end and not w.since), None)
    return first if first is not None and FRONTED.fullmatch(text, clause.start, first.start) \
        and text[first.end:first.end + 1] == "," else None


def since_lead(text: str, clauses: list[Clause], whens: list[When]) -> When | None:
    """The span a leading "since" clause bounds ("Since the war began on October 7, ..."), when a main clause
    with no time of its own follows it: the span's first day is when the leading clause's event happened."""
    if len(clauses) < 2 or clauses[0].role != "sub" or clauses[0].opener is None \
            or not re.match(r"(?i)since\s", text[clauses[0].opener:clauses[0].start]) or clauses[1].role not in ("main", "coord") \
            or any(clauses[1].start <= w.start < clauses[1].end for w in whens):
        return None
    return span_from(whens, clauses[0])


def span_from(whens: list[When], clause: Clause) -> When | None:
    """The first span a time in the clause starts ("since 2019", "since he took office in 2019"), if any."""
    return next((w for w in whens if clause.start <= w.start < clause.end and w.since and not w.yardstick
                 and w.last != w.first), None)


# The words that open a leading clause of the case in which the main clause holds ("When they looked at households
# that used masks within 36 hours, they saw ..."): never cut from it, whatever figure it holds; one with a time of its
# own is a fact of its own ("When she left the ministry in 2012, ..."), and so is a bound ("After he joined in 2012")
SETTING = re.compile(r"(?i)(?:just\s+|even\s+|only\s+)?(?:when|whenever)\b")


def join_context(clauses: list[Clause], holds_fact: Callable[[int, int], bool], text: str = "",
                 whens: Sequence[When] = ()) -> list[Clause]:
    """Clauses that only give the setting of another, joined to it: a leading subordinate clause with
    no figure or date of its own opens its main clause ("When he was 16, Azza was arrested ..." is one
    fact, as a fact-checker logs it), and a clause with no figure or date of its own stays with the
    clause sharing its subject that has one ("breached the border and murdered 1,400 people")."""
    joined: list[Clause] = []
    for i, clause in enumerate(clauses):
        if i == 1 and joined[0].role == "sub" and (not holds_fact(joined[0].start, joined[0].end) or (
                joined[0].opener is not None and SETTING.match(text, joined[0].opener)
                and not any(joined[0].start <= w.start < joined[0].end for w in whens))):
            clause.own_start = clause.start
            clause.start = joined[0].opener if joined[0].opener is not None else joined[0].start
            joined = []
        elif joined and clause.seam == "andpron" and not (holds_fact(clause.start, clause.end) and holds_fact(joined[-1].start, joined[-1].end)):
            joined[-1].end = clause.end  # "..., and it endures today": a pronoun's clause is read with its subject's,
            continue  # unless each has a figure or a date of its own ("was built in 1630, and it seats 1,600")
        elif joined and clause.seam == "coord" and not clause.present and holds_fact(clause.start, clause.end) and not holds_fact(
                clause.prefix[1] if clause.prefix else joined[-1].start, joined[-1].end):
            joined[-1].end = clause.end  # "breached the border and murdered 1,400 people": the act and its toll, one fact (but
            # "opened a plant in 2010 and has now hired 300": two times, two facts)
            continue
        joined.append(clause)
    return joined
