"""One claim per figure or per date of a clause: "Two-way trade increased from US$92 million in 2003,
to US$441 million in 2006" is two claims, each quoting its figure and restated with the clause's subject
and verb ("Two-way trade was US$441 million in 2006."); "visited Paris on 3 May and Berlin on 5 June" is
two. A move with one time ("rose from $20 to $25 last year") is one claim, and a change and its level
("fell 2% to $170") two (changes.py). atomic.py calls these for a clause with several figures or dates.
Pure functions."""
import re
from collections.abc import Sequence

from .amounts import OWN_TIME, ahead_elsewhere, APPROXIMATELY, count_end, Figure, figure_when
from .atom import Atom, Reading, make_atom
from .bounds import year_named
from .changes import earlier_dated, is_change, level_of, moves, named_change, reached_when, times_within
from .clauses import AUXILIARIES, COMMA, Clause, PAST, first_verb, has_verb, is_verb, SUBORDINATORS, trim, verb_group, words_at
from .kinds import clause_kind, figure_kind
from .names import place_names
from .restatement import is_plural, restate, sentence_case, written
from .seams import EARLIER, NOUN_AND, OTHER_NOUN_OF, OUT_OF_WHOLE, POSSESSED_COUNT
from ..sentences import Sentence
from ..text import fold
from .when import When, year_of_thing

WITH_OTHER = re.compile(r",\s+with\s+(?:the\s+)?[A-Za-z][^,;]{0,40}?\s+(?:up|down|rising|falling|gaining|losing|at)\b")
CHANGE = frozenset("""increased increase increases rose rise rises risen grew grow grows grown fell fall falls fallen
dropped drop drops declined decline declines decreased decrease decreases climbed climb climbs jumped surged soared
slumped plunged reached reach reaches hit totalled totaled total totals stood stands stand amounted amounts was were
is are expanded shrank contracted doubled tripled halved went""".split())
BE = ("was", "were", "is", "are")  # the verb "to be" in the past and the present
MOVED = frozenset("off down up higher lower".split())  # "were off 87 cents": a change after "to be", never what the subject was
LEVELS = frozenset("was were is are reached reach reaches hit totalled totaled total totals stood stands stand amounted "
                   "amounts".split())  # verbs whose figure is a level, never a change
ITEM_TAIL = re.compile(r"(?:(?!(?<!\d),|,(?!\d{3}(?!\d))|;|[—–]|\s-\s|\s(?:and(?!(?<=ing\sand)\s+[a-z]{3,}ing\s)|or|to(?!\s+(?:the\s+end\s+of\s+)?(?:January|February|March|April|May|"
                       r"June|July|August|September|October|November|December)\b)(?=\s[^,;]{0,30}?[\d$€£¥])|from(?=\s[^,;]{0,30}?[\d$€£¥])|while|whereas|but|compared|against|versus|vs|"
                       r"down|up|than(?=\s[^,;]{0,30}?(?:[$€£¥]|(?<![\d,.])(?!(?:1[89]|20)\d\d\b)\d))|after|before|with(?=\s(?:(?!\band\b)[^,;]){0,30}?[\d$€£¥])|when|at(?=\s*$|\s+\S{0,4}\d))\b).)*")
# (a dash ends it as a comma does: "a 10 percent exemption—up from 8 percent"; "to" only before a figure: "will add
# £148 to the cost of heating and lighting a home" is the item's whole, its "and" joining two nouns in -ing; but "in
# the year to March" is the item's; "2,400" is one number; "at" before a figure leads to another: "down 12% at 40,000";
# "from" and "than" only before a figure or a year: "cut by $110 million from the administration's request", "6 per
# cent higher than in the previous quarter" are the item's whole)
# The same, matched up to the next figure: a "from" or "to" just before it leads to it ("rose to 8 percent last month from 7")
ITEM_TAIL_BEFORE = re.compile(ITEM_TAIL.pattern.replace(r"(?=\s[^,;]{0,30}?[\d$€£¥])", r"(?=\s[^,;]{0,30}?(?:[\d$€£¥]|$))"))


def verb_next(text: str, at: int) -> bool:
    """Whether the word at `at` opens a verb phrase ("to fund", "raised"), so an "and" before it joins clauses."""
    m = re.match(r"[a-z]+", text[at:at + 30])
    return m is not None and (m.group() == "to" or is_verb(m.group()))


PARTICIPLE_BETWEEN = re.compile(r"\s+(?:[\w’'-]+\s+){0,2}?[a-z]{3,}ing\s+(?:[\w’'-]+\s+)?$")
# What may stand between the items of one list of values that share a subject and a verb ("US$92
# million in 2003, to US$441 million in 2006 and US$630 million in 2008").
# ... or a phrase with a subject and a participle of its own before it ("rise 3.1 per cent in line with the
# government setting the cap at 1 per cent": the second figure is the phrase's, and the first's tail runs into it)
PHRASE_PARTICIPLE = re.compile(r"\b(?:with|as|after|by)\s+(?:[\w’'-]+\s+){1,5}?(?!during\b)[a-z]{3,}ing\b")
PARALLEL = re.compile(r"[\s,;]*(?:(?:and|or|to|then|as well as|before|after)\b)?[\s,]*")
PHRASE_BREAK = re.compile(r"\bto\s+(?!(?:the|a|an|its|their|his|her|our)\b)[a-z]+\b|\b[a-z]{3,}ing\b"  # "to qualify", "widening"
                          r"|\b(?:despite|though|although|because|whereas|unless|whose|who|which|that|when|where)\b")  # "despite
# the fire that destroyed its roof five years ago", "even though the victim died": another clause's time


def whole_named(reading: Reading, figure: Figure, share: Figure) -> tuple[int, int] | None:
    """The words that name the whole a share is of ("Afghanistan's 30 million people" of "36 percent of
    Afghanistan's 30 million people live ..."), where the figure is that whole: quoted without what the share does."""
    m = POSSESSED_COUNT.search(reading.text, share.end, figure.start)
    return (m.start("whole"), count_end(reading, figure.end, figure.unit)) if m else None


def series_atoms(reading: Reading, sentence: Sentence, clause: Clause, figures: Sequence[Figure], whens: list[When],
                 lower: str) -> list[Atom]:
    """One claim per figure of a clause (listed_atoms), but one per move from one level to another (changes.py):
    "The price rose from $20 to $25 last year" is one claim of $25 in 2022, in the sentence's words; the earlier
    level is a claim of its own only with a time of its own ("from $20 in 2019 to $25 in 2022"), and the level
    reached never takes that time ("from $20 in 2019 to $25": $25, undated)."""
    text, folded = reading.text, reading.folded
    lo, hi = clause.start, clause.end
    own = [w for w in whens if lo <= w.start < hi]
    found = moves(folded, [(f.start, f.end) for f in figures], hi)
    merged = {m.earlier for m in found if not earlier_dated(folded, m, own)}
    kept = [f for i, f in enumerate(figures) if i not in merged]
    atoms = listed_atoms(reading, sentence, clause, kept, whens, lower)
    for move in found:
        reached = figures[move.reached]
        if len(atoms) != len(kept) or (move.earlier not in merged and times_within(own, move.reached_words)):
            continue  # both levels dated, each its own claim ("was $20 in 2019", "was $25 in 2022")
        at = kept.index(reached)
        start, end = atoms[at].start, atoms[at].end
        if move.earlier in merged:  # "from $20 to $25": the move whole is quoted
            start = min(start, move.start)
        if move.earlier in merged and move.earlier > move.reached:  # "to $5bn from $4bn": through the earlier level
            earlier = figures[move.earlier]
            end = max(end, trim(text, earlier.start, ITEM_TAIL.match(text, earlier.end, hi).end())[1])  # type: ignore[union-attr]
        when = reached_when(move, own, lo, clause.inherit)
        # (a time the clause inherits is written after its words, as clause_claim writes it)
        inherited = when is not None and not (lo <= when.start < hi or (clause.prefix and clause.prefix[0] <= when.start < clause.prefix[1]))
        claim = restate(text, lo, hi, whens, prefix=clause.prefix, suffix=when.describe() if when is not None and inherited else None)
        atoms[at] = make_atom(reading, sentence, figure_kind(reached, text[lo:hi], lower, when), start, end, claim,
                              reached.value, reached.unit, when)
    return atoms


def listed_atoms(reading: Reading, sentence: Sentence, clause: Clause, figures: Sequence[Figure], whens: list[When],
                 lower: str) -> list[Atom]:
    """One claim per figure of a clause, each quoting its figure and what belongs to it ("US$441
    million in 2006"), restated with the clause's subject: "Two-way trade ... was US$441 million in 2006."."""
    text = reading.text
    lo, hi = clause.start, clause.end
    first_lo = lo if clause.quote_start is None else clause.quote_start  # ("which is 6,893 metres high": with its "which")
    own = [w for w in whens if lo <= w.start < hi]
    verb = first_verb(text, lo, figures[0].start)
    if verb and any(w.lower() in SUBORDINATORS for _, w in words_at(text, lo, verb[0])):
        verb = None  # "The stadium, which cost $1.1 billion and seats 60,000": the verb of a clause inside the subject
    prefix = written(text, *clause.prefix, whens) if clause.prefix else ""
    head_hi = figures[0].start
    words = [w.lower() for _, w in words_at(text, verb[0], head_hi)] if verb else []
    aux, main = (words[0], (words[1] if len(words) > 1 and words[0] in AUXILIARIES else words[0])) if words else ("", "")
    # "expanded the U.S. presence from 100 troops": the figure is the object's, so never "the surge was 100 troops"
    verb_words = words_at(text, verb[0], head_hi) if verb else []
    main_at, main_word = verb_words[1 if len(words) > 1 and words[0] in AUXILIARIES else 0] if verb_words else (lo, "")
    main_end = main_at + len(main_word)
    between = text[main_end:head_hi]
    takes_object = verb is not None and not BARE_LEAD.match(between) and re.search(r"\b(?:to|from|at|by)\s", between) is not None
    atoms = []
    previous_hi = previous_lead = lo
    # items no list of the subject's values: figures that go with a pair of names in order ("Craig and Tomasulo received
    # 8,563 and 14,845 votes each"); a figure with the noun an article's figure qualifies ("only $5 for a $50,000 home")
    whole: set[int] = set(range(len(figures))) if verb is not None and PAIR_NAMES.search(text, lo, verb[0]) else set()
    for i, (a, b) in enumerate(zip(figures, figures[1:])):
        if A_MODIFIER.search(text, a.end, b.start):
            whole |= {i, i + 1}
    level = apart = False
    # "His name is Trea Turner, he is ..., and he produced ..., with 13 homers and 33 stolen bases": a clause of its own
    # before the figures, so the first verb is no head of their items ("His name is 33 stolen bases")
    own_clause = verb is not None and any(first_verb(text, c.end(), figures[0].start, finite=True) for c in COMMA.finditer(text, verb[1], figures[0].start)) \
        or WITH_OTHER.search(text, lo, figures[-1].start) is not None  # ("rose 5%, with exports up 3% to $500 million": the exports')
    # which figure is the level the change before it reached ("fell 2% to $170", "down 12% at 40,000": changes.py)
    levels = [i > 0 and level_of(reading.folded, (figures[i - 1].start, figures[i - 1].end), f.start) for i, f in enumerate(figures)]
    levels.append(False)
    for i, figure in enumerate(figures):
        following = figures[i + 1] if i + 1 < len(figures) else None
        when = figure_when(figure, following, reading.folded, own, clause.inherit)
        if when is not None and when.start > figure.end and in_subordinate(text, figure.end, when, hi):
            when = None  # "dropped 0.5 percent to $1.2611 after industrial production in October fell": October's is the fall
        # "has raised $62 million to date and has estimated 2015 revenue of $25 million": the year is the noun's, whose
        # figure follows, never the figure before's
        named = next((w for w in own if (figures[i - 1].end if i else lo) <= w.start < figure.start and year_named(text, w, figure.start)), None)
        if named is not None:
            when = named
        elif when is not None and following is not None and year_named(text, when, following.start):
            when = None
        if ahead_elsewhere(reading, lo, figure, when):
            when = None  # "After cutting debt by 15%, Qantas is my top pick for 2020": the pick's year
        if when is not None and when.start > figure.end and AFTER_ASIDE.search(text, figure.end, when.start):
            when = None  # "a 31% rise to 412 in road deaths, which includes the 58 victims of the collapse in 2018"
        tail = ITEM_TAIL_BEFORE.match(text, figure.end, following.start) if following else ITEM_TAIL.match(text, figure.end, hi)
        tail_end = tail.end()  # type: ignore[union-attr]  # ITEM_TAIL matches ""
        if following is not None and (joined := NOUN_AND.match(text, tail_end, following.start)) and not verb_next(text, joined.end()):
            # "inject $6.5 billion in debt and equity into WeWork and to fund a $3 billion buyout": two nouns' "and"
            # ends no item; the "and" before a verb of its own does
            ands = [m.start() for m in NOUN_AND.finditer(text, joined.end(), following.start) if verb_next(text, m.end())]
            more = ITEM_TAIL_BEFORE.match(text, joined.end(), following.start).end()  # type: ignore[union-attr]
            # (with no such "and", on to a comma: "575 interviews across US and Europe with IT decision makers, with ... 500")
            tail_end = ands[-1] if ands else more if more > joined.end() and text[more] in ",;(" else tail_end
        if figure.unit and " and " in figure.unit and (both := re.match(rf"\s+{re.escape(figure.unit)}\b", reading.folded[figure.end:hi])):
            after = figure.end + both.end()  # "300 cars and trucks in May": its noun whole, "and" and all
            tail_end = max(tail_end, (ITEM_TAIL_BEFORE.match(text, after, following.start) if following
                                      else ITEM_TAIL.match(text, after, hi)).end())  # type: ignore[union-attr]
        if (inside := next((w for w in whens if w.start < tail_end < w.end), None)) is not None:
            # "visitors between January and March 2024, up 11 per cent": a time is never cut, its "and" ends no item
            tail_end = (ITEM_TAIL_BEFORE.match(text, inside.end, following.start) if following
                        else ITEM_TAIL.match(text, inside.end, hi)).end()  # type: ignore[union-attr]
        if following is not None and tail_end == following.start and (approx_next := APPROXIMATELY.search(reading.folded, figure.end, tail_end)):
            # "on 15 occasions for more than 30 offences": "more than", and the "for" that leads to it, are the next figure's
            tail_end = approx_next.start()
            dangling = re.search(r"\s+(?:for|of|on|in|at|with|to|by|from|than)\s*$", text[figure.end:tail_end])
            tail_end = figure.end + dangling.start() if dangling else tail_end
        if following is None and re.match(r"\s(?:and|or)\b", text[tail_end:hi]):
            tail_end = hi  # "to 31 groups in Oregon and Washington": no other item follows, the coordination is this one's
        if following is not None and (modifier := A_MODIFIER.search(text, figure.end, tail_end)):
            tail_end = modifier.start()  # (the quote stops before "for a $50,000 home")
        item_lo, item_hi = trim(text, figure.start, tail_end)
        # ("sold 2.6 billion euros out of a planned 3 billion": a whole in the same unit is no item of a list either)
        out_of = following is not None and OUT_OF_WHOLE.search(text, item_lo, following.start) is not None
        object_of = following is not None and (out_of or not same_unit(figure, following)
                                               or OTHER_NOUN_OF.search(text, figure.end, following.start) is not None) and (
            re.search(r"\s(?:on|in|for|of|at|with|into|across|among|per|worth|valued\s+at|totall?ing|including)\s*$|\s(?:worth|valued\s+at|"
                      r"totall?ing)\s+(?:over|about|around|nearly|almost|roughly|some|more\s+than|up\s+to)\s*$", text[item_lo:following.start]) is not None
            or out_of or POSSESSED_COUNT.search(text, item_lo, following.start) is not None) \
            and not levels[i + 1]  # ("down 12% at 40,000": its level)
        aside = re.search(r"\([^()]*$", text[lo:figure.start]) is not None  # "among graduates (62 percent)"
        # "a 10% rise in rents was associated with a 2% drop": a verb between, with no "and" or comma, makes the
        # second figure part of the first's statement, no item of a list
        # (or a participle: "employed 200 engineers building $500 million in bridges", the money is the bridges')
        bound = following is not None and (has_verb(text, figure.end, following.start)
                                           or PARTICIPLE_BETWEEN.match(text, figure.end, following.start) is not None
                                           or PHRASE_PARTICIPLE.search(text, figure.end, following.start) is not None) and \
            re.search(r"[,;(]|\b(?:and|or|but|while|whereas|when|after|before)\b", text[figure.end:following.start]) is None
        if object_of or aside or bound or own_clause:  # "spend $153 million on 2,164 projects": what follows is this figure's, no item of a list
            claim = restate(text, lo, hi, whens, prefix=clause.prefix)
            spans = [(first_lo, hi)] + [whole_named(reading, f, p) or trim(text, f.start, noun_end(reading, f) or ITEM_TAIL.match(text, f.end, hi).end(),  # type: ignore[union-attr]
                                                                          " \t\r\n,;:()") for p, f in zip(figures, figures[1:])]  # (ITEM_TAIL matches "")
            # a figure after the first with a time in its own phrase ("after closing at $4.13 on Wednesday") takes it
            # (a yardstick's own time straight after it too: "rose to 21.3% in December compared to 18.7% in November")
            times = [clause.when] + [next((w for w in own if (not w.since or OWN_TIME.fullmatch(reading.folded, f.end, w.start))
                                           and a <= w.start and w.end <= b),
                                          None if any(a <= w.start < b for w in own) else clause.when)  # (a bound of its own:
                                     for f, (a, b) in zip(figures[1:], spans[1:])]  # "618 million litres the previous week")
            times = [None if ahead_elsewhere(reading, lo, f, t) else t for f, t in zip(figures, times)]
            if times[0] is not None and times[0].start >= figures[1].end and \
                    re.search(r"\b(?:from|than|compared\s+(?:with|to)|versus)\b", text[figures[0].end:figures[1].start]):
                times[0] = None  # "52 people had been confirmed dead, up from a toll of 31 on Tuesday": the 31's day
            return [make_atom(reading, sentence, figure_kind(f, text[lo:hi], lower, when), *span, claim, f.value,
                              f.unit, when) for f, span, when in zip(figures, spans, times)]
        approx = APPROXIMATELY.search(reading.folded, max(previous_hi, item_lo - 24), item_lo)
        if approx:  # "more than 200 hostages", "around 35,000": how exact the figure is belongs to it
            item_lo = approx.start()
            if i == 0:
                head_hi = min(head_hi, item_lo)  # (the head stops where the item starts: never "more than more than")
        item = written(text, item_lo, item_hi, whens)
        joint = text[previous_hi:item_lo]
        parallel = i == 0 or (PARALLEL.fullmatch(joint) is not None and not (
            re.fullmatch(r"[\s,]*to\s*", joint) and main not in CHANGE and not same_unit(figures[i - 1], figure))
            # "waited 2 hours before 30 people arrived", "scored 3 goals after 20 minutes": another thing, no item of a list
            and not (re.search(r"\b(?:before|after)\b", joint) and not same_unit(figures[i - 1], figure))
            and first_verb(text, figure.end, item_hi, finite=True) is None)
        # "... and imports fell 2%": its own subject (and "..., and profit fell 2% to $400m": so is that change's level)
        another_verb = i > 0 and (has_verb(text, previous_hi, item_lo) or apart)  # (and every item after one)
        apart = another_verb
        # "to 1.5°C, and at least keeping it well under 2°C", ", taking more than 200 hostages": a phrase of its own words, quoted from them
        own_words = i > 0 and not parallel and re.match(r"[\s,;]*(?:(?:and|or|but)\s+\S|(?!during\b)[a-z]{3,}ing\s)", joint) is not None
        previous_lead, previous_hi = previous_hi, item_hi
        lead = text[verb[1] if i == 0 and verb else previous_lead:figure.start]
        # "rose to 7%", "fell from 9%", "stood at 7%" are levels: "was 7%"; "rose 5%", "rose by 5%" is a change;
        # an item of the same list is what the first is ("rose to $5bn in 2023 and $7bn in 2024")
        if i == 0 or not parallel:
            # (", down by 12 per cent from the June quarter and nearly 3 per cent from ...": changes of their own, never
            # levels "totalled" gave)
            change_of_own = i > 0 and (is_change(reading.folded, figure.start) or (
                not level and re.search(r"\b(?:and|or)\s+(?:[a-z]+\s+)?$", joint) is not None))
            level = (main in LEVELS and not change_of_own) or \
                re.search(r"\b(?:to|from|at)\b(?:\s+[a-z]+){0,2}\s*$", lead) is not None
        elif re.fullmatch(r"[\s,]*to\s+", lead):
            level = True  # "rose by 8 percent to NZ$40 million": the change, then the level it reached
        elif levels[i - 1] and i >= 2 and same_unit(figures[i - 2], figure) and not same_unit(figures[i - 1], figure):
            level = False  # "rose 3% to $2 billion and 4% in Asia": another change, as the one before the level
        # ("was down 12%", "there was a rise of 5%": a change, never what the subject was)
        be_form = not takes_object and ((main in CHANGE and level) or (aux in BE and (level or main not in MOVED))) and \
            (level or not is_change(reading.folded, figure.start)) and not (main != aux and main not in CHANGE and PASSIVE.fullmatch(main))
        # ("The court was told Sykes had been in court on 15 occasions": a passive's figure is none of its subject's;
        # "is separating the former, the 1 per cent ... from the latter, the 99 per cent": nor are an -ing verb's objects)
        be_form = be_form and not (aux in BE and verb is not None and re.search(r"\b[a-z]{4,}ing\b", text[verb[1]:head_hi]))
        if be_form and i == 0 and aux in BE and verb_words and not is_verb(main) and not re.fullmatch(
                r"\s*(?:(?:at|about|around|nearly|almost|roughly|some|just|only|over|under|a|an|the)\s+)*",
                text[verb_words[0][0] + len(verb_words[0][1]):head_hi]):
            be_form = False  # "Kano was second with 58 percent": what stands between is the claim's ("was 58 percent" is not)
        if when is not None and (EARLIER.search(text, item_lo, item_hi) or (another_verb and when.end <= item_lo)):
            when = None  # "from £2.9bn a year earlier"; "5.1% in January, has since fallen to 4.2%": another time
        if following is not None and when is not None and when.start >= following.start \
                and ((not PARALLEL.fullmatch(text, item_hi, following.start) and not levels[i + 1])
                     or BASE_BETWEEN.search(text, following.end, when.start) or first_verb(text, figure.end, item_hi, finite=True)):
            when = None  # "12%, up from 7.1% in 2016": 2016 is the second figure's time, not the first's; "rose 20% to $5
            # million from $4 million in the same period last year": the base's; "77% had been cheated and 40% had trouble in 2009"
        # "Shares fell 2% to $170 on Tuesday": a change's time after its level keeps the words whole ("fell 2% on
        # Tuesday" would drop its level from the middle)
        # nor is the level of a change a noun names, or a verb's object has, the subject's ("posted a rise of 10% to
        # £3.2bn", "cut its workforce by 2,000 to 45,000 jobs": never "cut its workforce by 45,000 jobs")
        level_later = (levels[i + 1] and when is not None and following is not None and when.start >= following.start) or \
            (levels[i] and (not be_form or named_change(reading.folded, figures[i - 1].start, figures[i - 1].end)))
        # "won a $77.5 million increase, to $684.8 million": the level a change its verb's object names reached is
        # no object of that verb ("won a $684.8 million")
        object_level = i > 0 and levels[i] and not be_form
        # "The top gainer was Netflix which traded up 2.3% at $345.12": the figures are the relative clause's, never
        # the main subject's ("The top gainer was $345.12")
        relative = i > 0 and verb is not None and re.search(r"\b(?:which|that|who)\b", text[main_end:head_hi]) is not None
        # "and 11 per cent up on a year earlier": a change the words after the figure say, never "were 11 per cent";
        # ", with the average reaching R8,200": a figure of a phrase with a subject of its own
        changed = i > 0 and (re.match(r"\s+(?:up|down|higher|lower)\b", text[item_hi:item_hi + 8]) is not None
                             or re.search(r"\b(?:up|down)\s+on\b", joint) is not None)  # ("well down on the 2019 turnout of 37%")
        own_subject = i > 0 and OWN_PHRASE.search(text, previous_lead, item_lo) is not None
        # "House prices in Paris rose by 4%, by 6% in Lyon and 2% in Marseille": an item with a place of its own is
        # no value of the subject's place
        own_place = i > 0 and verb is not None and PLACE.search(text, item_lo, item_hi) is not None \
            and (PLACE.search(text, lo, verb[0]) is not None or names_place(text[lo:verb[0]]))  # ("The Philippines logged")
        if verb is None or another_verb or not (parallel or be_form) or level_later or object_level or relative or (level and not be_form and i) \
                or changed or own_subject or own_place or i in whole or (
                    i > 0 and not same_unit(figures[i - 1], figure) and HEAD_PREPOSITION.search(text, lo, head_hi)):
            # ("gained control of 10 councils and 703 councillors": whether the second is of the "of" too, unsaid)
            # "will take 12%, up from 7.1% in 2016": the second figure is no value of "will take"
            claim = restate(text, lo, hi, whens, prefix=clause.prefix)
        else:
            told = when is not None and (item_lo <= when.start < item_hi or lo <= when.start < head_hi
                                         or (clause.prefix and clause.prefix[0] <= when.start < clause.prefix[1]))
            suffix = "" if when is None or told else " " + when.describe()
            subject = " ".join(filter(None, [prefix, written(text, *trim(text, lo, verb[0]), whens)]))
            if be_form and i == 0 and main in LEVELS and main not in BE and BARE_NUMBER_LEAD.fullmatch(
                    text, main_end, item_lo):
                be_form = False  # "The city reached 1.2 million people": its own words, never "The city was 1.2 million people"
            if be_form:
                # ("there were 3248 cases": after "there" the figure is what is counted)
                plural = is_plural(subject) or (re.search(r"\bthere$", subject, re.I) is not None and figure.value != 1)
                if aux in ("will", "shall", "would"):
                    be = "will be"
                elif main in PAST or main.endswith("ed") or aux in ("was", "were", "had", "went"):
                    be = "were" if plural else "was"
                else:
                    be = "are" if plural else "is"
                claim = sentence_case(f"{subject} {be} {item}{suffix}")
            else:
                head = " ".join(filter(None, [prefix, written(text, *trim(text, lo, head_hi), whens)]))
                claim = sentence_case(f"{head} {item}{suffix}")
        kind = figure_kind(figure, text[lo:hi], lower, when)
        # quoted as a fact-checker quotes it: the first with its subject and verb ("two-way trade ...
        # increased from US$92 million in 2003"), the others with the word that says what they are ("to US$441 million")
        m = re.search(r"\b(?:to|from)\s+$", text[max(previous_lead, item_lo - 8):item_lo])
        quote_lo = item_lo - len(m.group()) if m else item_lo
        if i == 0 or another_verb or own_words:  # "... and imports fell 2 percent": that subject and verb
            quote_lo = first_lo if i == 0 else previous_lead + len(re.match(r"[\s,;]*(?:(?:and|or|but|while)\s+)?", text[previous_lead:]).group())  # type: ignore[union-attr]
        atoms.append(make_atom(reading, sentence, kind, quote_lo, item_hi, claim, figure.value, figure.unit, when))
    return atoms


def in_subordinate(text: str, lo: int, when: When, hi: int) -> bool:
    """Whether a time after a figure stands in a subordinate clause of its own: after "after", "before", "when" ...,
    a subject, the time, then that clause's verb ("after industrial production in October fell 1.3 percent")."""
    sub = re.search(r"\b(?:after|before|when|while|because|as|since|until|once)\s+(?=(?:the\s+|its\s+|their\s+)?[a-z])",
                    text[lo:when.start], re.I)
    return sub is not None and first_verb(text, lo + sub.end(), when.start, finite=True) is None \
        and re.match(r"\s*(?:,\s*)?(?:[a-z]+ly\s+)?(?:fell|rose|grew|dropped|climbed|declined|increased|decreased|jumped|slid|"
                     r"was|were|had|has|have|is|are|[a-z]{3,}ed)\b", text[when.end:hi]) is not None


def noun_end(reading: Reading, figure: Figure) -> int | None:
    """Where the plain noun a count counts ends, when it follows the number ("in 21 cities have been killed": "21
    cities"), so that a figure inside another's statement is quoted with its noun and no more."""
    if figure.money or not figure.unit or " " in figure.unit:
        return None
    m = re.match(rf"\s+(?:[a-z-]+\s+)?{re.escape(figure.unit)}\b", reading.folded[figure.end:figure.end + 40])
    # (only before the sentence's verb: "18.7 percent in November" keeps its time, "1,100 miles (1,770 km) long" its words)
    verb = m is not None and re.match(r"\s+(?:have|has|had|were|was|are|is|will|would|could|may|might)\b",
                                      reading.folded[figure.end + m.end():figure.end + m.end() + 12])
    return figure.end + m.end() if m and verb else None


def same_unit(a: Figure, b: Figure) -> bool:
    """True for two figures of one list: money both, or counts of one thing ("to" between money and a
    count is a preposition: "$355,760 in grants to 31 groups")."""
    return a.money == b.money and (a.money or a.unit == b.unit)


# How a verb goes on to its own figure ("rose by more than", "fell sharply to", "increased from a minute"); words
# before a "to" or "from" that do not open so are an object the figure belongs to ("expanded the presence from 100").
BARE_LEAD = re.compile(r"\s*(?:[a-z]+ly\s+)*(?:by|to|from|at|of|about|around|nearly|almost|roughly|some|more|less|over|under"
                       r"|up|down|just|only)\b")
BARE_NUMBER_LEAD = re.compile(r"\s+(?:(?:about|around|nearly|almost|roughly|some|just|only|over|more\s+than|a\s+record)\s+)*")
PASSIVE = re.compile(r"[a-z]{3,}ed|told|shown|given|seen|known|made|held|taken|sold|paid|found|said|sent|spent|built|won|lost")
PAIR_NAMES = re.compile(r"(?<!\bbetween\s)(?<!\bof\s)(?<!\bwith\s)(?<!\bfrom\s)(?<!\bin\s)(?<!\bfor\s)(?<!\bto\s)(?<![a-z]\s)"
                        r"(?:[A-Z][\w’'-]+\s+)+and\s+(?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+\s*$")  # (the subject's names, no object's)
A_MODIFIER = re.compile(r"\s+(?:for|of|on|per|with|to|in|among|from)\s+(?:a|an|the|its|their|his|her|our|these|those)\s*$")
HEAD_PREPOSITION = re.compile(r"\bof\s*$")  # (a noun's "of" before the first figure: "control of")
BASE_BETWEEN = re.compile(r"\b(?:from|than|compared\s+(?:with|to)|against)\b")
PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
                   r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4])\b)[A-Z]")  # (a place, no time)
AFTER_ASIDE = re.compile(r",\s+(?:which|who|including|includes|among\s+them)\b")  # a time inside it is the aside's
OWN_PHRASE = re.compile(r",\s+(?:with|as|while)\s")  # a phrase after the main clause, with a subject and verb of its own
PARTICLE = re.compile(r"\s+(?:out|up|off|down|back|away|over)\b(?=\s+(?:in|on|at|from|to|for|across|by|during)\b)")
# An item that opens with a verb of its own, lower case and no determiner or figure ("reopen on 1 December")
OWN_VERB = re.compile(r"(?!(?:the|a|an|its|his|her|their|our|this|that|these|those|some|all|both|each|every|another|"
                      r"one|two|three|four|five|six|seven|eight|nine|ten)\b)[a-z]{3,}\s+(?:[a-z]{3,}\s+)?(?:on|in|at|by|from|during|after|before|for|"
                      r"with|into|under)\s")  # ("and takes effect in August": a verb and its object of its own)
ALTERNATIVE = re.compile(r"[\s,]*(?:or|or\s+perhaps|or\s+possibly|or\s+even|and/or)\s+(?:(?:in|on|by|during|at)\s+)?", re.I)
ITEM_PREPOSITION = re.compile(r"(with|to|from|for|against|at|by|in|on|into|between|among|through)\s", re.I)


def date_series(reading: Reading, sentence: Sentence, clause: Clause, points: list[When],
                whens: list[When]) -> list[Atom]:
    """One claim per date of a clause ("visited Paris on 3 May 2021 and Berlin on 5 June 2021"), each
    quoting what belongs to its date, restated with the clause's subject and verb."""
    text = reading.text
    lo, hi = clause.start, clause.end
    if any(year_of_thing(reading.folded, text, p) for p in points):
        return []  # "cut the 2019 budget on Tuesday": the budget's year, no second date of the verb
    if any(ALTERNATIVE.fullmatch(text, a.end, b.start) for a, b in zip(points, points[1:])):
        return []  # "will reopen by June or July": one date or the other, never each for sure (the clause spans both)
    if any(not re.search(r",|;|\b(?:and|or|then|but|as\s+well\s+as)\b", text[a.end:b.start]) for a, b in zip(points, points[1:])):
        return []  # "sees three hikes in 2017 instead of the two foreseen as of September": no list of dates, one claim
    verb = verb_group(text, lo, points[0].start)  # "will overtake": the second item shares the whole verb
    particle = PARTICLE.match(text, verb[1]) if verb is not None else None
    if verb is not None and particle:
        verb = (verb[0], particle.end())  # "will walk out in Leeds on Thursday and in Bristol on Saturday": "walk out"
    if verb is None or first_verb(text, verb[1], points[0].start) is not None or first_verb(text, points[-1].end, hi, finite=True) or \
            any(first_verb(text, a.end, b.start, finite=True) or PHRASE_BREAK.search(text, a.end, b.start)
                for a, b in zip(points, points[1:])):  # (or after them: "joined in 1993, and in October that year NBC hired him")
        return []  # none; dates of a later verb ("tied at three when they won in 2013, 2015"); of several verbs or
        # phrases ("enrolled before 1 September 2012 to qualify, widening it beyond the 30 June 2009 deadline")
    head = " ".join(filter(None, [written(text, *clause.prefix, whens) if clause.prefix else "",
                                  written(text, lo, verb[1], whens)]))
    # "began watching ... in the 1970s, with the Soviet Union sending Kosmos 1 there in 1972 and Kosmos 8 in 1978":
    # the later items share the words of the phrase they stand in, not the main verb's; the clause is their claim
    in_phrase = OWN_PHRASE.search(text, verb[1], points[0].start) is not None
    atoms, at, shared, lead = [], verb[1], "", ""
    for i, when in enumerate(points):
        item_lo, item_hi = trim(text, at, when.end)
        m = re.match(r"(?:and|or|then|but)\s+", text[item_lo:item_hi])
        if m:
            item_lo += m.end()
        words = written(text, item_lo, item_hi, whens)
        opening = ITEM_PREPOSITION.match(words)
        if i == 0:
            shared = opening.group(1) if opening else ""
            lead = text[item_lo:when.start]  # what the first date is the date of
        elif not text[item_lo:when.start].strip():  # "a supporter of X's campaigns in 2008 and 2012": the same words
            words = " ".join(lead.split() + [words])
        elif shared and not opening and OWN_VERB.match(words):
            return []  # "will shut on 12 November and reopen on 1 December": a verb of its own, one claim whole
        elif shared and not opening:  # "reached with A in October and B in November": B shares the "with"
            words = f"{shared} {words}"
        claim = sentence_case(f"{head} {words}")
        if in_phrase and i:
            claim = restate(text, lo, hi, whens, prefix=clause.prefix)
        atoms.append(make_atom(reading, sentence, clause_kind(text[lo:hi], when), item_lo, item_hi, claim, when=when))
        at = when.end
    return atoms


# Two figures and then two times, each pair joined by "and" ("targets of 3.5% and 5.5% in 2013 and 2014"): the figures
# go with the times in order, as if "respectively" were written
FIGURES_JOINED = re.compile(r"\s*(?:%|percent|per\s+cent)?\s*(?:,|and|,\s+and)\s+")
TIMES_JOINED = re.compile(r"\s+(?:and|to)\s+")
TIMES_AFTER = re.compile(r"\s*(?:%|percent|per\s+cent)?\s+(?:in|for|during)\s+")


def paired_times(text: str, figures: Sequence[Figure], own: Sequence[When]) -> tuple[list[When | None], int, int] | None:
    """Where a pair of figures goes with a pair of times in order (see FIGURES_JOINED): each figure's time (the pair's
    their own, any other figure's a time the pair does not hold, or none), the index of the pair's first figure, and
    where the second time ends; None where there is no such pair."""
    points = [w for w in own if w.point and not w.since]
    for i, (a, b) in enumerate(zip(figures, figures[1:])):
        for w1, w2 in zip(points, points[1:]):
            if FIGURES_JOINED.fullmatch(text, a.end, b.start) and TIMES_AFTER.fullmatch(text, b.end, w1.start) \
                    and TIMES_JOINED.fullmatch(text, w1.end, w2.start):
                other = next((w for w in points if w not in (w1, w2)), None)
                return [w1 if j == i else w2 if j == i + 1 else other for j in range(len(figures))], i, w2.end
    return None


def names_place(words: str) -> bool:
    """Whether words (a clause's subject) name a country or a city ("The Philippines", "New Zealand's exports")."""
    tokens = [re.sub(r"['’]s$", "", fold(w).strip(".,;:")) for w in words.split()]
    return any(t in place_names() for t in tokens) or any(f"{a} {b}" in place_names() for a, b in zip(tokens, tokens[1:]))
