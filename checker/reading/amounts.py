"""The figures a clause states: its money (figures.py, read over the whole article, so that a bare "$"
is read in the light of the rest) and its counts with the unit they count ("six occasions", "a
population of 4.9 million", "240 of 543 seats"), each with the time it belongs to. Pure functions."""
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from .changes import is_change, level_link, level_of
from .counts import MEMBERS_NEXT, OWN_PLURAL, PEOPLE_NOUNS, UNIT_SYNONYMS, count_patterns, counted_unit
from .figures import NUMBER_WORDS, MoneyMention, minus_at
from .measures import MEASURE_NOUNS, MEASURE_UNITS, TIME_NOUNS, compound_measures, measure_after, measures_a_thing
from .names import GENERIC_WORDS, is_not_name
from .relative import PAST_MARK
from .seams import LATER_EVENT
from .temperatures import temperature_after
from .quantity import converted, counts_sources, in_range, not_a_quantity
from .when import When

MEETING = re.compile(r"\b(?:met|meet|meets|meeting|meetings|talks|summits?)\b")
VISIT = re.compile(r"\b(?:visit(?:s|ed)?|(?<!\bthe\s)visiting|met|meet|meets|meeting|meetings|talks|summit|toured|travell?ed|trip)\b")
NAMED_ONLY = ("seats", "votes")  # units whose lead words are common verbs (won, took, received): named or none
COMPARISON = re.compile(r"\s+(?:more|fewer|less|higher|lower|greater|smaller|larger|bigger|up|down|than|times\s+(?:more|as))\b")
OUT_OF = re.compile(r"\s+(?:of|out\s+of)\s+(?:(?:the|its|their|his|her|our)\s+)?(?:(?:last|first|past|previous|next|total)\s+)?")


# The words before a figure that say how exact it is ("more than 200 hostages"): part of its quote.
APPROXIMATE = (r"(?:(?:just\s+)?(?:over|under)|around|about|roughly|nearly|almost|approximately|some|"
               r"more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|close\s+to)")
APPROXIMATELY = re.compile(rf"\b{APPROXIMATE}\s+$")

# A figure that is the yardstick the subject is measured against, never the subject's own value: after a
# comparison and the noun it is the figure of ("25% below the daily average of around 1.4 million shares",
# "twice the national rate of 3%", "higher than last year's 4.1%", "more than the $2 million budgeted"); "more than
# 200", "higher than 5%", with no noun between, are how big the subject's own figure is.
REFERENCE_BEFORE = re.compile(r"\b(?:than|above|below|behind|ahead\s+of|trailing|compared\s+(?:with|to)|versus|vs\.?|relative\s+to|double|twice|"
                              r"triple|half|times)\s+(?:[\w’'-]+\s+){0,4}?(?:of|the|its|their|his|her|our|"
                              rf"[\w-]+[’']s)\s+(?:{APPROXIMATE}\s+)?$"
                              # "against a high of 19.40 euros", "well below its record of 3,890 yen"
                              r"|\b(?:against|below|above|off|beneath|short\s+of)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}?"
                              rf"(?:high|low|record|peak|trough|average)\s+of\s+(?:{APPROXIMATE}\s+)?$")
# A difference written after a figure, set off from it ("a speed of 353 knots, about 100 knots too slow",
# "4.1%, half a point higher than forecast"): how far the figure is from another, no second value of the subject.
DIFFERENCE_AFTER = re.compile(r"(?:\s+(?!(?:was|were|is|are|had|has|have)\b)[a-z-]+)?\s+(?:too\s+[a-z]+|(?:more|less|fewer|[a-z]{2,}er)\s+than\b|(?:short|shy)\s+of\b"
                              r"|behind\b|ahead\s+of\b|(?:faster|slower|higher|lower|more|less|fewer|above|below)\b)")
SET_OFF = re.compile(rf"(?:\s+[a-z-]+){{0,2}}\s*[,(–—]\s*(?:{APPROXIMATE}\s+)?$")

# A word after a figure that is no preposition, conjunction or verb: the figure counts something of its own.
NOUN_NEXT = re.compile(r"\s+(?!(?:in|on|at|by|for|from|to|of|and|or|but|than|as|with|per|a|an|the|this|that|last|next|"
                       r"was|were|is|are|will|would|had|has|have|each|apiece|respectively|percent|million|billion|"
                       r"between|during|since|until|after|before|over|across|among|within|according)\b)[a-z]{3,}")
SCALE_NEXT = re.compile(r"\s+(?:thousand|million|billion|trillion|lakh|crore)\b")
# What "the number of" counts: a plural noun (never an adjective in -ss: "the number of homeless people"), up to its verb.
NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z-]{2,}[^s\W]s|people|children|men|women)\b(?=(?:\s+[a-z]+){0,4}?\s+"
                       r"(?:rose|fell|grew|increased|decreased|dropped|declined|climbed|reached|was|were|is|are|stood|hit|doubled|tripled|halved)\b)")
PER_UNIT = re.compile(r"\s?/\s?[a-z]")
TOTAL_TO = re.compile(r"\b(?:the|its|their)\s+(?:total|number|tally|count)\s+of\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z-]{2,}[^s\W]s|people|children)"
                      r"\s+(?:to|at)\s+(?:about\s+|around\s+|nearly\s+|more\s+than\s+)?$")
AND_NEXT = re.compile(r"\s+and\s+")  # a number paired with the next ("1,800 and 2,400 miles")
# the nouns after a count's first one, to its list's "and" ("239 passengers and crew", "5,000 cars, trucks and SUVs")
BOTH_NOUNS = re.compile(r"(?P<list>(?:, (?:[a-z]{3,}s)(?<!ss))*),? and ((?:crew|staff|personnel|[a-z]{3,}s)(?<!ss))\b(?! of\b)")
COUNT_WORD = re.compile(r"\b(?:%s)\b" % "|".join(w for w in NUMBER_WORDS if w not in ("zero", "one")))


@dataclass
class Figure:
    start: int
    end: int
    value: float | None  # None for money in a currency the article leaves unclear
    unit: str | None  # a currency code for money
    money: bool
    reference: bool = False  # the yardstick of a comparison ("the daily average of 1.9 million shares"): no value of the subject


class ArticleReading(Protocol):
    """What reading figures needs of an article read once (atomic.Reading, which imports this module)."""

    text: str
    folded: str
    published: datetime.date | None

    def money_within(self, lo: int, hi: int) -> list[MoneyMention]: ...
    def numbers_within(self, lo: int, hi: int) -> list[tuple[int, int, float, float]]: ...


def number_value(value: float) -> float:
    """A figure's value as stored: whole when it is whole, to the float's error too ("$8.03 billion" is 8030000000, not
    8029999999.999999); else to six decimals."""
    if abs(value) < 2 ** 63 and abs(value - round(value)) <= 1e-12 * max(1.0, abs(value)):
        return int(round(value))
    return round(value, 6)


def count_unit(reading: ArticleReading, start: int, end: int, lo: int, sentence_lower: str) -> str | None:
    """The unit a count at [start, end) is counted in, or None: the words after it ("six occasions",
    "34 people"), the words before it in its clause ("a population of 4.9 million"), else a plain noun
    right after digits ("6.26 metres")."""
    folded = reading.folded
    if (about := re.match(r"\s+or\s+so\b", folded[end:end + 8])):
        end += about.end()  # "recruited 16 or so people": the count's words come after how rough it is
    if re.match(r"\s?(?:%|percent\b|per\s?cent\b|pct\b)", folded[end:end + 9]):
        return "percent"  # ("won 30 percent of the votes": a share of them, never 30 votes)
    points = re.match(r"\s+(basis|percentage)\s+points?\b|\s*(bps?)\b", folded[end:end + 20])
    if points:  # "raised rates by 300 basis points", "fell 0.7 percentage points": points, never "basis" nor percent
        return "basis points" if points.group(1) != "percentage" else "percentage points"
    if re.match(r"\s+of\s+(?:whom|which)\b|\s+in\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|every)\b", folded[end:end + 20]):
        return None  # "five of whom didn't earn them": of the people before, never what the words after count ("one in five": a share)
    if re.match(r"\s+points?\b", folded[end:end + 9]):
        return "points"  # "won by 16 points": points, whatever the words before it count elsewhere ("won ... votes")
    if re.match(r"\s+(?:days?|weeks?|months?|years?|hours?|nights?)\s+of\b", folded[end:end + 16]):
        return None  # "two days of meetings", "six days of testimony": how long, never a count of what filled them
    own = OWN_NOUN.match(folded, end)
    if own and folded[start:start + 1].isdigit() and (own.group("of") or PLACE_BEFORE.search(folded, max(0, start - 12), start)) \
            and own.group("noun") not in ("years", "times"):  # (digits: "game four of the semifinals" is a name)
        return own.group("noun")  # "in 21 cities have been killed": cities, never deaths; "46 of their close contacts": contacts
    lasting = re.match(r"\s+(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b", folded[end:end + 10])
    for unit in UNIT_SYNONYMS if not lasting else ():  # ("in less than five months that killed": how long, no deaths)
        after, _ = count_patterns(unit)
        m = after.match(folded, end)
        if m:
            last = folded[m.start():m.end()].split()[-1] if folded[m.start():m.end()].split() else ""
            if last == "fans" and NUMBER_WORDS.get(folded[start:end], 99) <= 20:
                continue  # "a chair that contains three fans": machines, where a crowd is counted in figures
            if unit not in MEASURE_UNITS and reading.text[m.end() - len(last):m.end()].istitle() and len(last) > 3:
                continue  # "The two Houses were adjourned": a name (of Parliament's chambers), never homes
            if last in ("times", "occasions", "occasion"):
                return "meetings" if MEETING.search(sentence_lower) else "visits" if VISIT.search(sentence_lower) else "times"
            return counted_unit(unit, folded[m.start():m.end()], sentence_lower)
    measure = measure_after(folded, end)
    if measure:  # "killed ... about 10 miles south": a distance, no deaths ("in three days", "10 years": a span of time, no
        # figure; "48 hours": hours; "just 14 months after the launch": how far apart two times are, no figure)
        return None if measure in ("years", "year") or (measure in TIME_NOUNS and (
            not folded[start:start + 1].isdigit() or (TIME_APART.match(folded, end)
                                                      and not LASTING_FOR.search(folded, max(0, start - 24), start)))) else measure
    # "the postal votes of the top three parties": the number counts what follows it, never what the words before name
    of_whole = OF_WHOLE.search(folded, max(lo, start - 30), start) is not None
    # (with a noun of its own, only the words just before: "killing seven police officers", never "cases ... three trials")
    unit = None if of_whole else lead_unit(reading, start, max(lo, start - 20) if OWN_PLURAL.match(folded, end) else lo, sentence_lower)
    if unit is not None:
        return unit
    written = folded[start:end]
    level = SUBJECT_LEVEL.search(folded, max(lo, start - 80), start)
    if level and re.search(r"\d[\d,]{3}|\b(?:thousand|million|billion|trillion|lakh|crore)\b", written) \
            and not level.group("noun").endswith(("ss", "us")) and level.group("noun") not in NOT_COUNTED:
        return level.group("noun")  # "Visitor arrivals hit a record of 19.1 million": arrivals (never "prices", "exports")
    # (digits, or a number in words past twenty: "forty-five players", "three hundred soldiers", "forty players")
    if written[:1].isdigit() or (written[:1].isalpha() and written not in NUMBER_WORDS):
        # (after two words only as an object or an estimate: "hired 300 new police officers", "at least 2000 faulty
        # smoke alarms"; never a subject's verb: "Under the plan 5 get free places")
        described = APPROXIMATELY.search(folded, max(0, start - 24), start) or PAST_BEFORE.search(folded, max(0, start - 24), start)
        for m in (re.match(r" ((?:[a-z]+-)*[a-z]{3,})\b", folded[end:end + 30]), re.match(r" [a-z]+(?:-[a-z]+)* ((?:[a-z]+-)*[a-z]{3,})\b", folded[end:end + 50]),
                  TWO_BEFORE_NOUN.match(folded[end:end + 50]) if described else None):
            # (a word of offices and roles is a noun that counts, "93 crew members", "12 senators", though never a name)
            if m and not (is_not_name(m.group(1)) and m.group(1) not in GENERIC_WORDS) and m.group(1) not in ("per", "years", "year") \
                    and (m.group(1).endswith(("s", "men")) or (m.group(1) in PEOPLE_NOUNS
                                                                and not MEMBERS_NEXT.match(folded, end + m.end()))) \
                    and not PREPOSITION.match(folded, end + 1) \
                    and not m.group(1).endswith(("er", "est", "ly", "ing", "ed", "ss", "us")) \
                    and not re.match(r"\s+(?:earlier|later|ago|before|after|afterwards)\b", folded[end + m.end():end + m.end() + 12]):
                # (never a time after it: "from 32 two weeks earlier" counts no weeks)
                # a plural noun ("40 violations"), or one after a word ("850 israeli settlers"); with a second noun after
                # "and", both ("239 passengers and crew", "200 homes and businesses": never the first alone)
                both = BOTH_NOUNS.match(folded, end + m.end(), end + m.end() + 60)
                if re.fullmatch(r" [A-Z]\w+ [A-Z]\w+", reading.text[end:end + m.end()]):
                    return folded[end + 1:end + m.end()]  # "11,703,090 New Yorkers": the name whole, never "yorkers"
                return f"{m.group(1)}{both.group('list')} and {both.group(2)}" if both else m.group(1)
    return None


PREPOSITION = re.compile(r"(?:for|of|in|on|at|to|from|by|with)\s")  # ("3.2 million for Fios TV": no noun of its own)


# A plural noun a level's verb follows, up to a large number ("Visitor arrivals hit a record of 19.1 million", "Tourist
# arrivals rose to 2,400,000"): the number counts that noun; never money or a price that the noun leaves unsaid
SUBJECT_LEVEL = re.compile(r"\b(?P<noun>[a-z]{3,}s)\s+(?:have\s+|has\s+)?(?:hit|reached|rose|climbed|fell|dropped|grew|jumped|stood|"
                           r"totall?ed|topped|exceeded|surpassed|numbered|were|are)(?:\s+(?:to|at))?(?:\s+(?:a|an)\s+(?:new\s+|all-time\s+)?"
                           r"(?:record|high|low|peak|total)(?:\s+of)?)?(?:\s+(?:about|around|some|nearly|almost|more\s+than|over))?\s+$")
NOT_COUNTED = frozenset("""exports imports sales revenues profits earnings reserves assets debts costs prices funds investments
remittances savings deposits loans receipts proceeds taxes bills wages salaries rates yields shares stocks bonds futures indices
points temperatures levels values volumes figures numbers totals sums amounts budgets payments outlays returns losses gains""".split())
# A number's own plural noun, right after it or after "of their" ("46 of their close contacts"), which counts it
# where a place's preposition leads to the number ("protesters in 21 cities")
OWN_NOUN = re.compile(r"(?P<of>\s+of\s+(?:the|their|its|his|her|our|these|those)(?:\s+[a-z]+)?)?\s+(?P<noun>[a-z]{3,}[^s\W]s)\b")
PLACE_BEFORE = re.compile(r"\b(?:in|across|from|at)\s+(?:(?:more\s+than|at\s+least|some|about|nearly|over)\s+)?$")
OF_WHOLE = re.compile(r"\bof\s+(?:the|its|their|his|her|our|these|those)\s+(?:[a-z]+\s+)?$")
# A plural noun after two words that describe it ("2,000 faulty smoke alarms", "300 new police officers"), never
# after a word that leads elsewhere ("5 in the races", "3 of those games") nor in a measure ("10,000 square nautical miles")
TWO_BEFORE_NOUN = re.compile(r"(?! square\b| cubic\b)(?: (?!(?:of|in|on|at|to|for|by|from|with|than|as|the|a|an|and|or|but|that|this|these|those|"
                             r"its|their|his|her|our|who|which|were|was|are|is|had|has|have|will|would)\b)[a-z]+){2} ([a-z]{3,})\b")


PAST_BEFORE = re.compile(rf"{PAST_MARK.pattern}\s+$")


def lead_unit(reading: ArticleReading, start: int, lo: int, sentence_lower: str) -> str | None:
    """The unit the lead words before `start` in its clause name ("a population of", "the death toll"), or None."""
    for unit in UNIT_SYNONYMS:
        _, before = count_patterns(unit)
        if unit in NAMED_ONLY and not re.search(rf"\b{unit[:-1]}s?\b", sentence_lower):
            continue  # "secured the second Baron at 28": a verb that may lead to seats, with no seat in sight ("voted" is no vote)
        if before is not None and before.search(reading.folded, max(lo, start - 120), start):
            return unit
    return None


def count_end(reading: ArticleReading, end: int, unit: str | None) -> int:
    """Where a count's unit words end ("543 seats")."""
    if unit in UNIT_SYNONYMS:
        m = count_patterns(unit)[0].match(reading.folded, end)
        if m:
            return m.end()
    return end


# a number after another and "out of" ("seven days out of 15 days", "4 out of 10"): the whole the first is a share of
OUT_OF_BEFORE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|"
                           r"forty|fifty))(?:\s+[a-z]+)?\s+out\s+of\s+$")


def figures_in(reading: ArticleReading, lo: int, hi: int, whens: Sequence[When], sentence_lower: str) -> list[Figure]:
    """The money and the counts with a unit in text[lo:hi], in order. A figure without a unit of its
    own takes the one before it ("rose from 941 cases in 2022 to 42,200 in 2023")."""
    found: list[Figure] = []
    measures = compound_measures(reading.folded, lo, hi)  # "5 feet 11 inches": one measure, no figure (measures.py)
    for m in reading.money_within(lo, hi):
        amount, currency, _ = m.value
        if in_range(reading.folded, m.start, m.end) or any(a < m.end and m.start < b for a, b in measures) \
                or converted(reading.folded, [f.end for f in found], m.start, m.end) \
                or RATE_BEFORE.search(reading.folded, max(lo, m.start - 16), m.start) or PER_UNIT.match(reading.folded, m.end):
            continue  # a range is no figure, in money as in counts; nor is a part of a measure ("7 pounds 4 ounces"), nor
            # what a rate is per ("$2.45 per $100 of assessed value": the rate is $2.45), nor a price per unit, whose unit a
            # figure's currency cannot hold ("$0.23/W", "$0.03/kWh")
        found.append(Figure(m.start, m.end, number_value(amount) if currency else None, currency, True,
                            reference=is_reference(reading.folded, lo, m.start)))
    taken = [(f.start, f.end) for f in found] + [(w.start, w.end) for w in whens] + measures
    numbers = [(s, e, v) for s, e, v, _ in reading.numbers_within(lo, hi)]
    # (a word inside a number read whole is none of its own: "nine million", "three hundred", "forty-five")
    numbers += [(m.start(), m.end(), NUMBER_WORDS[m.group()]) for m in COUNT_WORD.finditer(reading.folded, lo, hi)
                if not SCALE_NEXT.match(reading.folded, m.end()) and not any(a <= m.start() < b for a, b, _ in numbers)]
    previous: Figure | None = None
    numbers.sort()
    skip: set[tuple[int, int]] = set()
    for i, (s, e, v) in enumerate(numbers):
        if (s, e) in skip or any(a < e and s < b for a, b in taken):
            continue
        digits = reading.folded[s:s + 1].isdigit()
        # "-5C", "95 °F", "5 degrees Celsius": its scale is its unit, and the figure ends after it
        temperature = temperature_after(reading.folded, reading.text, s, e, v < 0) if digits else None
        if temperature is not None and not temperature.figure:
            continue  # "the 2°C warming limit", "10°C cooler": a measure of the thing (as "a 10 mile race"), a difference
        unit_end = temperature.end if temperature else e
        if (not_a_quantity(reading.folded, s, unit_end) if digits else in_range(reading.folded, s, e)) or counts_sources(reading.folded, s, e):
            continue
        if converted(reading.folded, [f.end for f in found], s, e) or OUT_OF_BEFORE.search(reading.folded, max(lo, s - 40), s):
            continue  # "40 miles (65 km)": the figure before, converted; "seven days out of 15 days": what it is a share of
        if OF_THEM.match(reading.folded, e) and len({f.unit for f in found if not f.money}) > 1:
            continue  # "about 100 flights carrying 10,000 passengers, with 80 of them via KLIA": which noun "them" is, unsaid
        if RATE_BEFORE.search(reading.folded, max(lo, s - 16), s) or RATE_AFTER.match(reading.folded, e):
            continue  # "44 out of every 100,000 residents", "312 cases per 100,000 children": a rate, no count of either
        if measures_a_thing(reading.folded, e):
            continue  # "12 ounce bottles", "a 30 minute drive": a measure of the thing, no count of it
        if COMPARISON.match(reading.folded, unit_end):
            continue  # "63 fewer than in 2019": a difference, not a figure of its own
        if found and DIFFERENCE_AFTER.match(reading.folded, unit_end) and SET_OFF.search(reading.folded, found[-1].end, s):
            continue  # "353 knots, about 100 knots too slow": how far the figure before is off, no value of its own
        if digits and in_a_name(reading.text, s, e):
            continue  # "Mariner 9 orbited Mars", "Windows 10": the number is the name's, no count
        if digits and beside_a_name(reading.text, s, e):
            continue  # "Liu, 32, and Ramos, 40, were shot": their ages, no count (nor a unit taken from another figure)
        of = OUT_OF.match(reading.folded, e)
        if temperature is not None:
            unit, e = temperature.unit, temperature.end
            v = -abs(v) if temperature.below_zero else v
        elif of and i + 1 < len(numbers) and numbers[i + 1][0] == of.end() and (digits or "out" not in of.group()):  # ("Two out of three": a share)
            skip.add(numbers[i + 1][:2])  # "240 of 543 seats": 240 seats, out of 543
            unit = count_unit(reading, *numbers[i + 1][:2], lo, sentence_lower)
            e = count_end(reading, numbers[i + 1][1], unit)
        else:
            unit = count_unit(reading, s, e, lo, sentence_lower)
        paired = AND_NEXT.match(reading.folded, e)
        if unit is None and digits and i + 1 < len(numbers) and (
                (paired and numbers[i + 1][0] == paired.end()) or level_of(reading.folded, (s, e), numbers[i + 1][0])):
            # "(3,000 and 4,000 km)": the first takes the unit after the second, never one from before; none, if none;
            # so does a change the unit of its level ("grew by 150 to 2,300 people")
            unit = count_unit(reading, *numbers[i + 1][:2], lo, sentence_lower)
        elif unit is None and digits and previous is not None and previous.unit == "percent" and \
                level_link(reading.folded, previous.end, s):
            # "the population rose 5 percent to 3.2 million", "the number of homeless people rose 8% to 12,500": the
            # level counts what the words before the change name, never percent ("rose 200 points, or 0.6%, to 34,000")
            counted = NUMBER_OF.search(reading.folded, lo, previous.start)
            unit = lead_unit(reading, previous.start, lo, sentence_lower) or (counted.group("noun") if counted else None)
            unit = None if unit == "percent" else unit  # ("a 15% rise to 640 in the suicide rate": 640 is no percentage)
        elif unit is None and digits and previous is not None and not NOUN_NEXT.match(reading.folded, e) \
                and not re.match(r"\s+per\s", reading.folded[e:e + 5]) and not (
                    previous.unit == "percent" and re.fullmatch(r"\s*(?:%|percent|per\s+cent)?\s+(?:[a-z]+\s+(?:to|at)|(?:to\s+)?(?:clos|end|finish|settl|trad)"
                                                                r"(?:e|es|ed|ing)?\s+at)\s+", reading.folded[previous.end:s])) \
                and not (previous.unit == "percent" and is_change(reading.folded, previous.start)
                         and BASE_AFTER_CHANGE.match(reading.folded, previous.end, s)):
            unit = previous.unit  # "from 941 cases in 2022 to 42,200 in 2023" (but not "... and 850 Israeli settlers",
            # nor a rate of its own, "weakened 1.2 percent to 83.40 per dollar", nor the level a change in percent
            # reached, "a 15% rise to 640 in the suicide rate", nor the levels it went from and to, "grew by 6.1
            # percent from 14.2 in January", "an increase of 2.04 percent from 32.82 in February to 33.49 million")
        elif unit is None and digits and not NOUN_NEXT.match(reading.folded, e) and \
                (counted := NUMBER_OF.search(reading.folded, lo, s) or TOTAL_TO.search(reading.folded, max(lo, s - 80), s)):
            unit = counted.group("noun")  # "the number of asylum applications rose from 81,000": applications; "increased
            # the total of commercial providers to 14": providers
        if unit and unit != "percent" and (per := re.match(rf"\s+(?:[a-z-]+\s+){{0,2}}?{re.escape(unit.split()[-1])}\s+(?:per|a|an|each)\s+"
                                                         r"(day|week|month|year|hour)\b(?!\s+(?:earlier|ago|later|before|after)\b)",
                                                         reading.folded[e:e + 60])):
            unit = f"{unit} per {per.group(1)}"  # "236,000 barrels per day", "400 tonnes a day": a rate (never "a year earlier")
        if v < 0:  # "minus 80 degrees": the sign is the figure's, in its quote too
            s = minus_at(reading.folded, reading.text, s) or s
        if unit and unit not in MEASURE_NOUNS and unit not in UNIT_SYNONYMS.keys() - COUNTED_UNITS \
                and DOT_THOUSANDS.fullmatch(reading.folded, s, e):
            v = float(reading.folded[s:e].replace(".", ""))  # "1.000 led lights": a count of things is whole, its dots group thousands
        figure = Figure(s, e, number_value(v), unit, False, reference=is_reference(reading.folded, lo, s))
        if unit:
            found.append(figure)
            previous = figure
    return sorted(found, key=lambda f: f.start)


DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
COUNTED_UNITS = frozenset({"meetings", "visits", "times", "people", "deaths", "injuries", "cases", "votes", "seats", "jobs",
                           "arrests", "homes"})  # (no measure: "1.500 metres" may be a metre and a half)
OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b")
# A span of time that says how far apart two times are ("14 months after the launch", "two weeks later")
TIME_APART = re.compile(r"\s+[a-z]+\s+(?:after|before|later|earlier|ago|since|into)\b|\s+[a-z]+\s+(?:to|ending|ended)\s+"
                        r"(?:the\s+end\s+of\s+)?(?:this\s+|last\s+)?(?:january|february|march|april|may|june|july|august|september|"
                        r"october|november|december)\b")  # (or a period to a month: "the 12 months to this March")
# What makes such a span how long something lasted ("float for 18 days before sinking", "waited 3 hours before")
LASTING_FOR = re.compile(r"\b(?:for|wait(?:s|ed)?|last(?:s|ed)?|sp[ea]nt?|spends|t[oa]ok|takes|stay(?:s|ed)?|remain(?:s|ed)?|served)\s+"
                         r"(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|up\s+to\s+|just\s+|only\s+)?$")


# Between a change in percent and the level it started from ("rose 6.1 percent from 14.2"): the level counts what changed, not percent
BASE_AFTER_CHANGE = re.compile(r"\s*(?:%|percent|per\s+cent)?,?\s+from\s+(?:a|an|about|around|some|nearly|almost|just)?\s*")


# The two numbers of a rate: the one after "out of every", "in every", "per" (its denominator), and the one before it
# (or before "for each doctor": "40 patients for each doctor" counts no patients)
RATE_BEFORE = re.compile(r"\b(?:out\s+of\s+every|in\s+every|for\s+every|of\s+every|per)\s+$")
RATE_AFTER = re.compile(r"(?:\s+[a-z]+){0,3}?\s+(?:(?:out\s+of\s+every|in\s+every|for\s+every|per)\s+\d|for\s+(?:each|every)\s+[a-z])")


def is_reference(folded: str, lo: int, start: int) -> bool:
    """Whether the figure at `start` is the yardstick a comparison measures against (REFERENCE_BEFORE)."""
    return REFERENCE_BEFORE.search(folded, max(lo, start - 80), start) is not None


# A name, then a number set off by commas, then no noun: the person's age ("Wenjian Liu, 32, and Rafael Ramos,
# 40, were shot"; "... were named as Ana Ortiz, 19."), whatever unit another figure of the sentence has.
NAME_BEFORE = re.compile(r"\b[A-Z][\w’'-]*[a-z],\s+$")
AGE_AFTER = re.compile(r"\s*(?:,|;|\)|\.(?!\d)|\s+(?:and|or)\b|$)")


def beside_a_name(text: str, start: int, end: int) -> bool:
    """Whether the number at [start, end) is an age written after a name (NAME_BEFORE)."""
    return end - start <= 3 and NAME_BEFORE.search(text, max(0, start - 40), start) is not None \
        and AGE_AFTER.match(text, end) is not None


# A capitalised word right before a plain number names a thing by it: a probe, a mission, a product, a league
# ("Mariner 9", "Apollo 11", "Windows 10", "Ligue 1"); like "Section 230", no count. But a place after a
# preposition may be followed by a count ("in Lyon 32 people were hurt"), a title-case heading capitalises
# every word ("Floods Kill 30 People"), and a sentence's first word may be any word ("With 30 homes lost").
NAME_WORD = re.compile(r"(?:(?<=\s)|^)(?P<word>[A-Z][A-Za-z&-]*[A-Za-z]|[a-z]+[A-Z][A-Za-z]*) $")  # ("S&P 500")
PLACE_LEAD = re.compile(r"(?:^|\s)(?:in|at|on|across|from|near|outside|inside|throughout|within|around|to|of|for|by)\s+$", re.I)
GIVEN_TO = re.compile(r"\b(?:gave|gives|handed|hands|awarded|awards|granted|grants|offered|offers|sent|sends|paid|pays|lent|lends|"
                      r"owed|owes|cost|costs|earned|earns|won|wins)\s+$")
SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\"“”(—–-])\s*$")
COUNTED_PEOPLE = re.compile(r"\s+(?:%s)\b" % UNIT_SYNONYMS["people"][1])


def in_a_name(text: str, start: int, end: int) -> bool:
    """Whether the number at [start, end) is a name's (NAME_WORD, and the cases it leaves out)."""
    if not text[start:end].isdigit() or end - start > 4:
        return False
    lo = max(0, start - 60)
    m = NAME_WORD.search(text, lo, start)
    if m is None or is_not_name(m.group("word")) or m.group("word").lower().endswith("ly"):
        return False
    after = re.match(r"\s+(\S+)", text[end:end + 40])
    following = after.group(1) if after else ""
    if following[:1].isupper() or COUNTED_PEOPLE.match(text, end):
        return False  # "Floods Kill 30 People", "told the BBC 12 people had died"
    given = GIVEN_TO.search(text, lo, m.start()) is not None  # ("Texas gave Trump 36 electoral votes": whom it was given)
    counted = re.fullmatch(r"[a-z]+[^s]s\W*", following) is not None  # a plural noun: what a count counts
    counted = counted or (given and re.match(r"\s+[a-z]+\s+[a-z]+[^s]s\b", text[end:end + 40]) is not None)
    # "in Lyon 40 homes were lost", "Record 50 homes were lost" (but "played in Ligue 1 after ...")
    return not (counted and (PLACE_LEAD.search(text, lo, m.start()) or SENTENCE_OPENING.search(text, lo, m.start()) or given))


def yardstick_at(reading: ArticleReading, lo: int, hi: int) -> int:
    """Where in text[lo:hi] the first number a comparison measures against starts, whatever it counts (the
    rest of the clause, its time too, is the yardstick's: "12% higher than the 4.1 million counted in 2019"),
    else hi."""
    starts = [n[0] for n in reading.numbers_within(lo, hi)] + [m.start for m in reading.money_within(lo, hi)]
    return min((s for s in starts if is_reference(reading.folded, lo, s)), default=hi)


# A figure's own time straight after it and its unit ("18.7 percent in November", "950,000 people in 2005")
OWN_TIME = re.compile(r"%?(?:\s+(?!(?:in|on|during|than|from|compared|with|to|versus|vs|below|above|over|under|since|higher|lower|"
                      r"more|less|fewer|up|down)\b)[a-z]+){0,2}?\s+(?:in|during)\s+(?:(?:early|late|mid)[\s-]+)?")


# What makes a phrase speak of what is to come ("will", "expects", "set to", "forecast")
FUTURE_MARK = re.compile(r"\b(?:will|would|shall|going\s+to|set\s+to|expect(?:s|ed)?|forecasts?|projected|plans?|planned|"
                         r"due\s+to|aims?|targets?)\b")


def ahead_elsewhere(reading: ArticleReading, lo: int, figure: Figure, when: When | None) -> bool:
    """Whether `when`, a time after the article's date, stands past a break after the figure (a comma, a dash, a
    colon) while the figure's own words from lo say nothing of what is to come: "After cutting debt by 15%, Qantas
    is my top pick for 2020", "A 2% dividend yield – there are reasons to own it in 2016": the time is the pick's."""
    published = reading.published
    if when is None or published is None or when.first[:4] <= f"{published.year:04d}" or when.start < figure.end:
        return False
    return re.search(r"[,;:–—]", reading.text[figure.end:when.start]) is not None \
        and FUTURE_MARK.search(reading.folded, lo, figure.end) is None


SEAM_BETWEEN = re.compile(r"[,;]\s*(?:and|but)\s+(?:then\s+)?(?:on\s+)?$|;")
# A verb of its own after ", and" ("lost 12 games, and was fired in March"): a time past it is that verb's
OTHER_VERB = re.compile(r"[,;]\s*(?:and|but)\s+(?:then\s+)?(?:(?:was|were|is|are|has|had|have)\s+)?[a-z]{3,}(?:ed|en)\b")


def figure_when(figure: Figure, following: Figure | None, folded: str, clause_whens: Sequence[When],
                inherit: When | None) -> When | None:
    """The time a figure belongs to: one after it before the next figure, else the only one in its
    clause, else the nearest before it with no figure between, else the clause's inherited time. A
    yardstick's time straight after it is its own ("rose to 21.3 percent in December compared to 18.7
    percent in November": 18.7 is November's, though it dates no other figure)."""
    own = [w for w in clause_whens if w.yardstick and (OWN_TIME.fullmatch(folded, figure.end, w.start)
                                                      or re.fullmatch(r"['’]s\s+", folded[w.end:figure.start]))]  # ("last year’s 6.0%")
    if own:
        return own[0]
    usable = [w for w in clause_whens if not w.since and not (figure.end <= w.start and OTHER_VERB.search(folded, figure.end, w.start))
              and not (w.end <= figure.start and LATER_EVENT.search(folded, w.end, figure.start))]  # ("in 2019 before the rate levels off at 3%")
    # (never one past a seam to another clause: "moved 40 km east, and then Wednesday, the rebels pushed them back")
    after = [w for w in usable if figure.end <= w.start and (following is None or w.start < following.start)
             and not SEAM_BETWEEN.search(folded, figure.end, w.start)]
    if after:  # ("rose 5% in 2011 and 2012": both years, one span)
        joined = len(after) > 1 and re.fullmatch(r"\s+(?:and|to|through)\s+(?:in\s+)?|\s?[-–]\s?", folded[after[0].end:after[1].start])
        return replace(after[0], end=after[1].end, last=after[1].last, point=False) if joined else after[0]
    if len(usable) == 1:
        return usable[0]
    before = [w for w in usable if w.end <= figure.start]
    return before[-1] if before else inherit
