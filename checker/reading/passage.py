"""What a link's passage says about each of its claim's facts: the fact stands in it, the passage
states something else in its place (another figure, another year or day), or it is silent. Pure.

A passage found word for word on a page proves only that the page still holds those words. Whether
it backs the claim is read from the claim's facts, like any other text: all of them in its words
(a name may stand elsewhere on the page) is agreement; a figure or date of the claim's kind that the
passage gives otherwise, with the claim's own nowhere in it, is a contradiction. Being careful is the
point: a passage that gives the claim's figure and another one beside it ("US$630 million in 2008,
up from US$300 million") does not contradict it, and a day inside the claim's span of days is no
other date."""
from collections.abc import Sequence

from .dates import DateValue, Day, date_matches, describe_date
from .describe import describe_money
from .facts import Fact, years_near
from .page_index import PageIndex
from .counts import BARE_END, LEAD_REACH, count_patterns, describe_count, distinctive, unit_words
from .figures import same_figure


def within(positions: Sequence[int], start: int, end: int) -> bool:
    return any(start <= p < end for p in positions)


def years_in(page: PageIndex, start: int, end: int) -> set[int]:
    """The years a passage (start, end) names, ranges counted as each of their years."""
    return {year for position, years in page.year_positions if start <= position < end for year in years}


def figure_years(page: PageIndex, spans: Sequence[tuple[int, int]], fact: Fact) -> set[int]:
    """The years the passage's own mentions of the claim's figure stand next to."""
    found: set[int] = set()
    for span in spans:
        found |= years_near(page, span, fact.context_years)
    return found


def money_statements(fact: Fact, page: PageIndex, start: int, end: int) -> tuple[list[tuple[int, int]], list[str]]:
    """The passage's money figures that are not the claim's, in the claim's currency or none named;
    and the spans of those that are the claim's figure (whatever year they stand by)."""
    amount, currency = fact.value
    same: list[tuple[int, int]] = []
    other: list[str] = []
    for m in page.money:
        if not start <= m.start < end or m.value[1] not in (currency, None):
            continue
        if same_figure(m.value[0], m.value[2], amount, fact.tolerance):
            same.append((m.start, m.end))
        else:
            other.append(describe_money(m.value[0], m.value[1] or currency))
    return same, other


def count_statements(fact: Fact, page: PageIndex, start: int, end: int) -> tuple[list[tuple[int, int]], list[str]]:
    """As money_statements, for a count: the passage's numbers that read as counts of the claim's
    unit, by the rules counts.count_spans reads the claim's own by (its words after the number, its
    lead words before it, or a number exact enough to need none)."""
    number, unit = fact.value
    after_re, before_re = count_patterns(unit)
    percent = "%" in unit_words(unit)[0]
    same: list[tuple[int, int]] = []
    other: list[str] = []
    figures = set(page.figure_starts)  # numbers that are not years or parts of dates
    for s, e, amount, tolerance in page.numbers:
        if not start <= s < end or s not in figures:
            continue
        if not (after_re.match(page.text, e)
                or (before_re is not None and before_re.search(page.text, max(0, s - LEAD_REACH), s))
                or (distinctive(amount) and not percent and BARE_END.match(page.text, e))):
            continue
        if same_figure(amount, tolerance, number, fact.tolerance):
            same.append((s, e))
        else:
            other.append(describe_count(amount, unit))
    return same, other


def stated_instead(fact: Fact, page: PageIndex, start: int, end: int) -> list[str]:
    """What the passage (start, end) of a page states in place of a fact it does not hold: labels of
    the other figures or dates it gives; empty when it is silent on the fact."""
    if fact.kind in ("money", "count"):
        read = money_statements if fact.kind == "money" else count_statements
        same, other = read(fact, page, start, end)
        if same:  # the figure is there: only its year can differ, when the passage names another
            named = years_in(page, start, end)
            near = figure_years(page, same, fact) & named
            if fact.year is not None and near and fact.year not in near:
                return [f"{fact.label} in {year}" for year in sorted(near)]
            return []
        return other
    if fact.kind == "year":
        named = years_in(page, start, end)
        return [str(y) for y in sorted(named)] if named and fact.value not in named else []
    if fact.kind == "date":
        first, last, precision = fact.value
        dates = [m for m in page.dates if start <= m.start < end]
        if any(date_matches(m.value, first, last, precision) or overlaps(m.value, first, last) for m in dates):
            return []
        if dates:
            return [describe_span(m.value) for m in dates]
        named = years_in(page, start, end)
        wanted = set(range(first[0], last[0] + 1))
        return [str(y) for y in sorted(named)] if named and not named & wanted else []
    return []  # a name: a passage that leaves it out says nothing against it


def overlaps(mention: DateValue, first: Day, last: Day) -> bool:
    m_first, m_last, _ = mention
    return m_first <= last and first <= m_last


def describe_span(mention: DateValue) -> str:
    return describe_date(*mention)


def about_the_claim(fact: Fact, names: Sequence[tuple[Fact, Sequence[int]]], start: int, end: int) -> bool:
    """Whether a passage (start, end) speaks of what the claim speaks of, so that another figure or
    date in it is said against the claim and not of something else. A figure of the claim's own
    kind (its currency, its unit) is of the claim's subject when the claim's names stand in the
    passage or before it on the page; a date or a year, which any other event also has (an earlier
    visit quoted to show that this one was historic), only when they all stand in the passage."""
    if fact.kind in ("money", "count"):
        return all(any(p < end for p in positions) for _, positions in names)
    return all(within(positions, start, end) for _, positions in names)


def reading(facts: Sequence[Fact], hits: Sequence[Sequence[int]], page: PageIndex, start: int, end: int, *,
            may_contradict: bool = True, named: bool | None = None) -> tuple[str | None, dict[str, list[str]]]:
    """('supports' | 'contradicts' | None, {fact label: what the passage states instead}) for a
    passage found at (start, end): supports when every figure and date of the claim stands in the
    passage and every name somewhere on the page (a claim of names alone: in the passage); contradicts
    when the passage, speaking of the claim's subject, states another figure or date for one of them
    (never for a passage quoted as context, whose other figures are what it was quoted for); None
    when it is silent. `named`, when given, says whether the names stand where they may (in the
    passage, beside it or in the page's context: context.locate_names) for a claim with figures or dates."""
    decisive = [(f, h) for f, h in zip(facts, hits) if f.kind != "name"]
    names = [(f, h) for f, h in zip(facts, hits) if f.kind == "name"]
    if not facts:
        return None, {}
    instead: dict[str, list[str]] = {}
    if may_contradict:
        for fact, positions in decisive:
            if not within(positions, start, end) and about_the_claim(fact, names, start, end):
                stated = stated_instead(fact, page, start, end)
                if stated:
                    instead[fact.label] = stated
    if instead:
        return "contradicts", instead
    in_passage = all(within(h, start, end) for _, h in decisive)
    if decisive:
        named = all(h for _, h in names) if named is None else named
    else:
        named = all(within(h, start, end) for _, h in names)
    return ("supports" if in_passage and named else None), {}
