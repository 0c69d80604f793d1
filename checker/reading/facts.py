"""The key facts of a claim and where they stand in a page. Pure functions.

Key facts come from the claim's structured fields (value and unit, date_start and date_end) and,
where those are empty, from its text; the surnames, places and organisations it names always count
(figures.py reads amounts, counts.py counts, dates.py dates and years, names.py names). A figure or a count
counts only where the nearest year to it is the claim's year (a year in the same sentence first;
not a year that another figure stands between, nor one the claim itself names as context, such as
the "2023-2027" of rights sold in 2022; a range such as "2022-23" is both years)."""
import bisect
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypedDict

from .describe import describe_money
from .dates import (
    YEAR_RANGE,
    YEAR_TOKEN,
    ambiguity_note,
    date_matches,
    date_mentions,
    describe_date,
    parse_iso,
    read_dates,
    year_mentions,
)
from .counts import count_spans, describe_count
from .figures import (
    is_currency,
    money_mentions,
    read_numbers,
    resolve_money,
    same_figure,
)
from .names import (
    COMPOUND,
    NAME_RUN,
    SENTENCE_START,
    clean_word,
    is_initials,
    name_spans,
    org_short_forms,
    pick_name,
    place_aliases,
    split_at_places,
)
from .page_index import PageIndex, fold_page
from ..text import display_text, fold, normalise


YEAR_WINDOW = 200  # a figure's year must be the nearest year mentioned within this many characters


class ClaimFields(TypedDict):
    """What the matcher reads of a claim: its text and structured fields (a claims row has them all)."""

    claim: str
    value: float | None
    unit: str | None
    date_start: str | None
    date_end: str | None


def index_page(text: str | None, locale: str | None = None, title: str | None = None) -> PageIndex:
    """Read a page once: its display text, folded text, figures, dates and years. `locale` (such as
    "en-US" or "en-GB"), when known, says how the page writes numeric dates and which currency its
    bare symbols mean; without it only unambiguous readings are taken. `title`, kept apart from the
    text, is where a claim's names may also stand (context.py)."""
    display = display_text(text)
    folded = fold_page(display)
    title_display = display_text(title) if title else ""
    page = PageIndex(display=display, text=folded, locale=locale, title=fold(title_display), title_display=title_display,
                     first_paragraph_end=first_paragraph_end(text or "", len(display)))
    page.year_positions = year_mentions(folded)
    for position, years in page.year_positions:
        for year in years:
            page.years.setdefault(year, []).append(position)
    page.numbers, raw_money = read_numbers(folded, display)
    page.money = resolve_money(raw_money, page)
    page.dates, page.ambiguous_dates = read_dates(folded, locale=locale)
    not_figures = {p for p, _ in page.year_positions} | {m.start(2) for m in YEAR_RANGE.finditer(folded)}
    in_dates = sorted((m.start, m.end) for m in [*page.dates, *page.ambiguous_dates])
    page.figure_starts = [s for s, _, _, _ in page.numbers if s not in not_figures and not inside(s, in_dates)]
    return page


FIRST_PARAGRAPH = 1500  # a first paragraph longer than this is read as ending here


def first_paragraph_end(text: str, length: int) -> int:
    """Where the first paragraph of a text (up to its first blank line) ends in its display text."""
    m = re.search(r"\S\s*?\n\s*\n", text)
    end = len(display_text(text[:m.start() + 1])) if m else length
    return min(end, FIRST_PARAGRAPH, length)


def inside(position: int, spans: Sequence[tuple[float, float]]) -> bool:
    """True when a position falls in one of the sorted, disjoint spans."""
    i = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


@dataclass(frozen=True)
class Fact:
    kind: str  # money, count, date, year, name
    label: str
    value: Any = None
    year: int | None = None  # for money and count: the year the figure must stand next to
    aliases: tuple[str, ...] = ()  # for names: other (folded) spellings that count, such as "united states" for "US"
    given: tuple[str, ...] = ()  # for a person's surname: the (folded) given names the claim writes
    short_forms: tuple[str, ...] = ()  # for an organisation: its (folded) short forms ("commission", "fed")
    tolerance: float = 0.0  # for money and count: the rounding of the figure as the claim's text writes it
    context_years: tuple[int, ...] = ()  # for money and count: other years the claim names, which a page may name too

    def find(self, page: PageIndex) -> list[int]:
        """Positions in the page where this fact stands."""
        return [start for start, _ in self.spans(page)]

    def missing_label(self, page: PageIndex) -> str:
        """The label of a fact the page does not hold, with the reason when the page writes it in a
        way that cannot be told: a numeric date whose day and month order nothing on the page settles."""
        if self.kind == "date":
            for m in page.ambiguous_dates:
                first, last, precision = self.value
                note = ambiguity_note(self.label, first, last, precision, page.display[m.start:m.end], m.value)
                if note:
                    return note
        return self.label

    def spans(self, page: PageIndex) -> list[tuple[int, int]]:
        """(start, end) of each place in the page where this fact stands."""
        if self.kind == "money":
            amount, currency = self.value
            hits = [(m.start, m.end) for m in page.money if currency is not None and m.value[1] == currency
                    and same_figure(m.value[0], m.value[2], amount, self.tolerance)]
        elif self.kind == "count":
            hits = count_spans(page, self.value[0], self.value[1], self.tolerance)  # value: (number, unit)
        elif self.kind == "date":
            first, last, precision = self.value
            return [(m.start, m.end) for m in page.dates if date_matches(m.value, first, last, precision)]
        elif self.kind == "year":
            return [(p, p + 4) for p in page.years.get(self.value, [])]
        elif self.kind == "name":
            return name_spans(page, self)
        else:
            raise ValueError(self.kind)
        return [h for h in hits if self.year is None or self.year in years_near(page, h, self.context_years)]


def fact_spans(claim: ClaimFields, text: str, locale: str | None = None) -> list[tuple[int, int]]:
    """Where the claim's key facts stand in a text (for marking them in a snippet), as
    (start, end) offsets into display_text(text)."""
    page = index_page(text, locale=locale)
    return [span for fact in claim_facts(claim) for span in fact.spans(page)]


def years_near(page: PageIndex, span: tuple[int, int], ignore: Collection[int] = ()) -> set[int]:
    """The years a figure at span belongs to: those of the nearest year mentioned within
    YEAR_WINDOW characters, passing over years the claim names as context (ignore) and years that
    another figure stands between ("62.6% in 2021, down from 67% in 2019": 2019 is the 67%'s) unless
    no other year is left. An empty set when no year is near."""
    start, end = span
    lo = bisect.bisect_left(page.year_positions, (start - YEAR_WINDOW,))
    hi = bisect.bisect_right(page.year_positions, (end + YEAR_WINDOW,))
    candidates = []
    for position, years in page.year_positions[lo:hi]:
        if ignore and set(years) <= set(ignore):
            continue
        distance = start - position if position < start else max(0, position - end)
        if distance <= YEAR_WINDOW:
            a, b = (position, start) if position < start else (end, position)
            # a year across a sentence's end, then one across a clause of its own ("... in the 2020s, and exceed
            # 2°C before 2050"), is another's
            candidates.append((sentence_break(page.display, a, b), CLAUSE_BREAK.search(page.text, a, b) is not None,
                               distance, position, years))
    if not candidates:
        return set()
    candidates.sort()
    for _, _, distance, position, years in candidates:
        a, b = (position + 4, start) if position < start else (end, position)
        i = bisect.bisect_left(page.figure_starts, a)
        if i < len(page.figure_starts) and page.figure_starts[i] < b:
            continue  # another figure stands between: the year is that figure's
        return set(years)
    return set(candidates[0][4])


BREAK = re.compile(r"[.;!?]\s+(?=\S)")
CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s")


def sentence_break(display: str, a: int, b: int) -> bool:
    """True when a sentence or clause ends between two positions ("...in 2010. Figures for 2008"; a
    semicolon), not counting the dots of abbreviations and initials ("Feb. 5", "U.S. Trade", "Mr. Ruto")."""
    for m in BREAK.finditer(display, a, b):
        if m.group()[0] != ".":
            return True
        word = re.search(r"(\w+)$", display[max(0, m.start() - 12):m.start()])
        after = display[m.end():m.end() + 1]
        if after.isupper() and word and (word.group(1).isdigit() or len(word.group(1)) > 3):
            return True
    return False


def nearest_year(page: PageIndex, position: int) -> int | None:
    """The year mentioned nearest to a position, within YEAR_WINDOW characters, or None."""
    years = years_near(page, (position, position))
    return min(years) if years else None


def date_facts(date_start: str | None, date_end: str | None) -> tuple[list[Fact], int | None]:
    """The date fact of a claim's structured dates, and the single year a figure belongs to."""
    if not date_start:
        return [], None
    start = parse_iso(date_start)
    end = parse_iso(date_end) if date_end else start
    year = start[0][0] if start[0][0] == end[1][0] else None
    if start[2] == end[2] == "year" and start[0] == end[0]:
        return [Fact("year", str(year), year)], year
    if start[2] == end[2] == "month" and start[0] == end[0]:
        return [Fact("date", describe_date(*start), start)], year
    if start[2] == end[2] == "day":
        value = (start[0], end[0], "day")
        return [Fact("date", describe_date(*value), value)], year
    return [], year  # a span of months or years: context, not a fact to find


def name_facts(claim_text: str | None, skip_spans: Iterable[tuple[int, int]] = ()) -> list[Fact]:
    """The names a claim's text mentions: whole place and organisation names, and people's surnames
    (with the given names written before them). Parts of the text in skip_spans (figures, dates)
    are left out."""
    text = claim_text or ""
    for start, end in skip_spans:
        text = text[:start] + " " * (end - start) + text[end:]
    facts: list[Fact] = []
    text = COMPOUND.sub(r"\1,", text)  # "India-UAE" names two; the text keeps its length
    for m in NAME_RUN.finditer(text):
        pairs = [(clean_word(w), w.rstrip(",;:.") if not re.fullmatch(r"(?:[A-Z]\.)+", w) else w) for w in m.group().split()]
        pairs = [(w, raw) for w, raw in pairs if w]
        at_start = bool(SENTENCE_START.search(text[:m.start()]))
        for n, segment in enumerate(split_at_places(pairs)):
            label, given = pick_name([w for w, _ in segment], at_start and n == 0, text, [raw for _, raw in segment])
            if not label or (len(label) < 3 and not label.isupper()):
                continue
            fact = Fact("name", label, " ".join(fold(label).split()), aliases=place_aliases(label), given=given,
                        short_forms=org_short_forms(label))
            if fact.label.lower() not in {f.label.lower() for f in facts}:
                facts.append(fact)
    return defined_short_forms(facts, text)


DEFINED = re.compile(r"\(\s*(?:the\s+)?([A-Z][\w.&-]*)\s*\)")


def defined_short_forms(facts: list[Fact], text: str) -> list[Fact]:
    """A short form the claim defines for one of its organisations ("the European Central Bank
    (ECB)", "the Federal Reserve (the Fed)") is that organisation's other name, not a name of its
    own: a page that writes only the short form names it."""
    by_label = {f.label: f for f in facts}
    for m in DEFINED.finditer(text):
        short = m.group(1).rstrip(".")
        before = text[:m.start()].rstrip()
        owner = next((f for f in facts if f.kind == "name" and before.endswith(f.label) and f.label != short), None)
        if owner is None or not (fold(short) in org_short_forms(owner.label) or is_initials(short, owner.label)):
            continue
        by_label[owner.label] = replace(owner, aliases=tuple(sorted({*owner.aliases, fold(short)})),
                                        short_forms=tuple(sorted({*owner.short_forms, fold(short)})))
        by_label.pop(short, None)
    return [by_label[f.label] for f in facts if f.label in by_label]


def claim_facts(claim: ClaimFields) -> list[Fact]:
    """The key facts of a claim: structured fields first, the claim's text as the fallback."""
    facts, year = date_facts(claim.get("date_start"), claim.get("date_end"))
    text = normalise(claim.get("claim") or "")
    display = display_text(claim.get("claim") or "")
    dates = date_mentions(text)
    spans = [(m.start, m.end) for m in dates]
    if not claim.get("date_start"):
        facts = [Fact("date", describe_date(*m.value), m.value) for m in dates]
        years = sorted({int(y.group()) for y in YEAR_TOKEN.finditer(text) if not any(s <= y.start() < e for s, e in spans)})
        facts += [Fact("year", str(y), y) for y in years]
        if year is None and len(years) == 1:
            year = years[0]
    value, unit = claim.get("value"), claim.get("unit")
    mentions = money_mentions(display)
    spans += [(m.start, m.end) for m in mentions]
    if value is not None and unit:
        value = float(value)
        # the claim's own text may round the figure ("Rs 52,619 crore" for 52,619.07): allow that much
        numbers, _ = read_numbers(text)
        tolerance = max([t for _, _, amount, t in numbers if abs(amount - value) <= t] or [0.0])
        context = tuple(sorted({y for _, ys in year_mentions(text) for y in ys} - {year}))
        if is_currency(unit):
            currency = unit.upper()
            facts.insert(0, Fact("money", describe_money(value, currency), (value, currency), year,
                                 tolerance=tolerance, context_years=context))
        else:
            facts.insert(0, Fact("count", describe_count(value, unit), (value, unit), year,
                                 tolerance=tolerance, context_years=context))
            # the claim's unit as it writes it ("degrees Celsius", "2°C") is no name (but "4,529 Covid-19 deaths" has one)
            spans += [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(unit.lower())}(?!\w)", text)]
            spans += [(a, b) for a, b in count_spans(index_page(display), value, unit, tolerance) if " " not in display[a:b]]
    else:
        for m in mentions:
            amount, currency, _ = m.value
            facts.insert(0, Fact("money", describe_money(amount, currency), (amount, currency), year))
    return facts + name_facts(display, spans)
