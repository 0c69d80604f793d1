"""The landing page's charts, drawn here as inline SVG (no script, no library): claims by verdict and
health, check outcomes per day, and an article's figures against what its sources say. Every bar is
a link to the rows it counts, and every chart says in words what its colours mean and what it shows.
Also the plain words the landing page uses for each vocabulary value."""
import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode, urlsplit

from babel import numbers as cldr
from markupsafe import Markup, escape

from ..text import word_for
from ..vocab import HEALTHS, VERDICTS
from . import labels
from .labels import MONTHS, short_date

# --- words --------------------------------------------------------------------------------

# The verdict scale, best first; claims not yet rated last. The words are labels.py's.
SCALE = tuple(v for v in VERDICTS if v != "unrated") + ("unrated",)


def words(vocabulary):
    return {value: label for value, (label, _) in vocabulary.items()}


def meanings(vocabulary):
    """labels.py's explanations as clauses: "a source backs the claim in what it last said"."""
    return {value: text[0].lower() + text[1:].rstrip(".") for value, (_, text) in vocabulary.items()}


VERDICT_WORDS = words(labels.VERDICTS)
HEALTH_WORDS = words(labels.HEALTHS)
HEALTH_MEANINGS = meanings(labels.HEALTHS)
SUPPORT_WORDS = words(labels.SUPPORTS)
# Outcomes of a check in four families, in the order they stack (bottom up) and are listed.
FAMILIES = labels.OUTCOME_FAMILIES
FAMILY_WORDS = words(labels.FAMILIES)
FAMILY_MEANINGS = meanings(labels.FAMILIES)
OUTCOME_WORDS = words(labels.OUTCOMES)
FAMILY_OF = {outcome: name for name, members in FAMILIES.items() for outcome in members}
family = labels.family


# --- colours: meaning kept from page to page -------------------------------------------------

GREEN, RED, AMBER, GREY, PURPLE, CRIMSON = "#2e7d3c", "#c0392b", "#d9a400", "#b8b8c4", "#6c5a8e", "#7a1f2b"
HEALTH_COLOURS = {"supported": GREEN, "contradicted": CRIMSON, "at_risk": RED, "unsupported": AMBER, "unchecked": GREY}
FAMILY_COLOURS = {"alive": GREEN, "blocked": AMBER, "failing": RED, "unreachable": PURPLE}
ARTICLE_COLOUR, SOURCE_COLOUR = "#3f6aa8", "#8a8f9e"
LINK = "#1d4f91"  # a label that is a link, as the page's links are
INK = {GREEN: "#fff", RED: "#fff", PURPLE: "#fff", CRIMSON: "#fff", AMBER: "#1a1a1a", GREY: "#1a1a1a"}  # text on each fill

DAYS = 90  # the checks chart covers this many days, today included
WIDTH = 340  # every chart's viewBox is this wide: about a phone's column, so 13 units of text stay 13 px there


class Links:
    """Where the charts' bars lead: Datasette's own URLs (they follow base_url and the database's name)."""

    def __init__(self, urls, database):
        self.urls, self.database = urls, database

    def table(self, table, **params):
        query = urlencode({k: v for k, v in params.items() if v not in (None, "")}, safe=",")
        return str(self.urls.table(self.database, table)) + (f"?{query}" if query else "")

    def claim(self, claim_id):
        return str(self.urls.path(f"/-/claim/{int(claim_id)}"))


# --- SVG, written by hand ----------------------------------------------------------------------

def num(x):
    """A number for an SVG attribute: finite, at most two decimals. Anything else is drawn as 0:
    a NaN or an infinity never reaches the page."""
    try:
        x = float(x)
    except (TypeError, ValueError):
        return "0"
    if not math.isfinite(x):
        return "0"
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def tag(name, *children, **attrs):
    """<name attrs>children</name>, or <name attrs/> without children: text is escaped, numbers pass
    through num(). class_ is class, text_anchor is text-anchor."""
    written = []
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = num(value)
        written.append(f' {key.rstrip("_").replace("_", "-")}="{escape(value)}"')
    if not children:
        return Markup(f"<{name}{''.join(written)}/>")
    return Markup(f"<{name}{''.join(written)}>{''.join(escape(c) for c in children if c is not None)}</{name}>")


def link(href, what, *children):
    """A bar's link: its <title> is both the tooltip and the link's accessible name (SVG-AAM)."""
    return tag("a", tag("title", what), *children, href=href)


def count(n):
    """A count that can be drawn: a finite number of at least 0, else 0."""
    try:
        n = float(n)
    except (TypeError, ValueError):
        return 0
    return int(n) if math.isfinite(n) and n > 0 else 0


def plural(n, word):
    """"1 claim", "2,000 claims": text.plural with the count grouped, as the charts' figures are."""
    return f"{n:,} {word_for(n, word)}"


def text_width(text, size=13):
    """About how wide a text is drawn in a sans-serif face (generously), to decide whether it fits."""
    return len(text) * size * 0.6


def shorten(text, limit):
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0] if " " in text[:limit - 1] else text[:limit - 1]
    return cut.rstrip(",;:.") + "…"


def excerpt(text, limit):
    """A quote cut to fit, keeping its first figure in view: "…Pakistan increased from a minute US$92
    million in 2003" rather than "two-way trade between Russia and Pakistan increased…"."""
    text = " ".join(str(text).split())
    digit = re.search(r"\d", text)
    if len(text) <= limit or not digit or digit.start() < limit * 0.6:
        return shorten(text, limit)
    tail = len(text) - (limit - 1)  # where the quote's end would fit, figure included
    if tail <= digit.start():
        start = text.find(" ", tail) + 1
    else:
        start = text.rfind(" ", 0, max(digit.start() - limit // 3, 0)) + 1
    return "…" + shorten(text[start:], limit - 1)


def label(text, x, y, **attrs):
    """A line of text centred on y."""
    return tag("text", text, x=x, y=y, dominant_baseline="central", **attrs)


def chart(chart_id, title, body=None, height=0, legend=None, notes=(), empty=None):
    """A chart as a figure: its title (which wraps, as HTML does), the SVG, its legend and notes; or
    the title and a sentence saying why there is nothing to draw. The SVG's text takes the page's font."""
    heading = tag("h3", title, id=f"{chart_id}-title")
    if empty:
        return tag("figure", heading, tag("p", empty, class_="chart-empty"), class_="chart chart-is-empty", id=chart_id)
    svg = tag("svg", tag("title", title), body, xmlns="http://www.w3.org/2000/svg", viewBox=f"0 0 {WIDTH} {num(height)}",
              role="group", aria_labelledby=f"{chart_id}-title", class_="chart-svg", font_size=13, fill="#222")
    return tag("figure", heading, svg, legend, *[tag("p", n, class_="chart-note") for n in notes], class_="chart", id=chart_id)


def legend(items):
    """A legend in HTML (it wraps on a phone): [(colour, words, how many, meaning, href)]."""
    rows = []
    for colour, words, n, meaning, href in items:
        swatch = tag("span", "", class_="swatch", style=f"background:{colour}")
        name = tag("a", words, href=href) if href else tag("span", words)
        rows.append(tag("li", swatch, name, tag("span", f" {n:,}", class_="n") if n is not None else None,
                        tag("span", f": {meaning}", class_="meaning") if meaning else None))
    return tag("ul", *rows, class_="chart-legend")


# --- claims by verdict and health ---------------------------------------------------------------

def verdict_health_chart(counts, links):
    """Stacked bars, one row per verdict (best first): its claims split by health. Each part links
    to those claims (claim_status filtered by verdict and health); each verdict to its claims.
    counts: {(verdict, health): n}."""
    n = {key: count(value) for key, value in counts.items()}
    totals = {v: sum(n.get((v, h), 0) for h in HEALTHS) for v in SCALE}
    title = "Claims by verdict and health"
    top = max(totals.values())
    if not top:
        return chart("chart-verdict-health", title, empty="No claims yet.")
    row, bar, left = 28, 20, 112
    span = WIDTH - left - 6 - text_width(f"{top:,}")  # the longest total still fits to the bar's right
    parts = []
    for i, verdict in enumerate(SCALE):
        y = 6 + i * row
        words = VERDICT_WORDS[verdict]
        parts.append(tag("a", label(words, left - 6, y + bar / 2, text_anchor="end", class_="label", fill=LINK),
                         href=links.table("claims", verdict=verdict)))
        x = left
        for health in HEALTHS:
            k = n.get((verdict, health), 0)
            if not k:
                continue
            width = max(span * k / top, 1.5)
            what = f"{words}, {HEALTH_WORDS[health]}: {plural(k, 'claim')}"
            value = f"{k:,}"
            inside = None
            if width >= text_width(value, 12) + 4:
                inside = label(value, x + width / 2, y + bar / 2, text_anchor="middle", class_="value", font_size=12,
                               fill=INK[HEALTH_COLOURS[health]])
            parts.append(link(links.table("claim_status", verdict=verdict, health=health), what,
                              tag("rect", x=x, y=y, width=width, height=bar, fill=HEALTH_COLOURS[health]), inside))
            x += width
        parts.append(label(f"{totals[verdict]:,}", x + 5, y + bar / 2, class_="total"))
    by_health = {h: sum(n.get((v, h), 0) for v in SCALE) for h in HEALTHS}
    key = legend([(HEALTH_COLOURS[h], HEALTH_WORDS[h], by_health[h], HEALTH_MEANINGS[h],
                   links.table("claim_status", health=h)) for h in HEALTHS])
    return chart("chart-verdict-health", title, Markup("").join(parts), height=6 + len(SCALE) * row, legend=key,
                 notes=["Health says whether the sources still back a claim; the verdict is what we rated it. "
                        "Each part of a bar links to those claims."])


# --- check outcomes per day ------------------------------------------------------------------------

def steps(top, most=4):
    """Round gridlines from 0 (a step of 1, 2 or 5 times a power of ten) reaching at least top."""
    for power in range(0, 19):
        for m in (1, 2, 5):
            step = m * 10 ** power
            if math.ceil(top / step) <= most:
                return [step * i for i in range(math.ceil(top / step) + 1)]
    return [0, top]


def outcomes_by_day_chart(rows, links, today, checks_ever=0, days=DAYS):
    """Stacked bars, one per day of the last `days` (today last), split by outcome family; each part
    links to that day's checks of that family (the checks table filtered). rows: (YYYY-MM-DD,
    outcome, n) from the checks table; checks_ever says whether there were any checks at all."""
    title = f"Check outcomes per day, last {days} days"
    first = today - timedelta(days=days - 1)
    per_day = {}
    for day, outcome, n in rows:
        try:
            when = date.fromisoformat(str(day)[:10])
        except ValueError:
            continue
        k = count(n)
        if first <= when <= today and k:
            per_day.setdefault(when, {}).setdefault(family(outcome), 0)
            per_day[when][family(outcome)] += k
    if not per_day:
        empty = (f"No checks in the last {days} days." if count(checks_ever) else
                 "No checks yet: run checker check, or press Recheck on a claim.")
        return chart("chart-outcomes", title, empty=empty)
    left, right, top_y, base = 36, WIDTH - 2, 8, 160
    slot = (right - left) / days
    grid = steps(max(sum(f.values()) for f in per_day.values()))
    scale = (base - top_y) / grid[-1]
    parts = []
    for value in grid:
        y = base - value * scale
        parts.append(tag("line", x1=left, x2=right, y1=y, y2=y, stroke="#ddd" if value else "#888", stroke_width=1))
        parts.append(label(f"{value:,}", left - 5, y, text_anchor="end", class_="tick", font_size=12))
    labelled_year = False
    for i in range(days):
        day = first + timedelta(days=i)
        if day.day != 1:
            continue
        x = left + i * slot
        parts.append(tag("line", x1=x, x2=x, y1=base, y2=base + 5, stroke="#888", stroke_width=1))
        month = MONTHS[day.month - 1] + (f" {day.year}" if not labelled_year or day.month == 1 else "")
        labelled_year = True
        anchor = "end" if x + text_width(month, 12) / 2 > WIDTH else "middle"
        parts.append(tag("text", month, x=x, y=base + 18, text_anchor=anchor, class_="tick", font_size=12))
    for when in sorted(per_day):
        counts = per_day[when]
        x = left + (when - first).days * slot
        total = sum(counts.values())
        y = base
        for name, members in FAMILIES.items():
            k = counts.get(name, 0)
            if not k:
                continue
            height = max(k * scale, 1.5)
            y -= height
            what = f"{short_date(when)}: {k:,} of {plural(total, 'check')} {FAMILY_WORDS[name]}"
            parts.append(link(links.table("checks", started_at__startswith=when.isoformat(), outcome__in=",".join(members)),
                              what, tag("rect", x=x + slot * 0.1, y=y, width=max(slot * 0.8, 1), height=height,
                                        fill=FAMILY_COLOURS[name])))
    totals = {name: sum(c.get(name, 0) for c in per_day.values()) for name in FAMILIES}
    key = legend([(FAMILY_COLOURS[f], FAMILY_WORDS[f], totals[f], FAMILY_MEANINGS[f],
                   links.table("checks", started_at__gte=first.isoformat(), outcome__in=",".join(FAMILIES[f])))
                  for f in FAMILIES])
    busiest = max(per_day, key=lambda d: (sum(per_day[d].values()), d))
    note = (f"{plural(sum(totals.values()), 'check')} from {short_date(first, first.year != today.year)} to "
            f"{short_date(today)} (UTC), on {plural(len(per_day), 'day')}; the most on {short_date(busiest)} "
            f"({sum(per_day[busiest].values()):,}). Each bar is a day; each colour links to those checks.")
    return chart("chart-outcomes", title, Markup("").join(parts), height=base + 24, legend=key, notes=[note])


# --- the article's figures against what its sources say -------------------------------------------

@dataclass
class SourceFigure:
    """A figure a source's passage gives, in the claim's currency (year: the one it stands next to)."""
    source_id: int
    name: str
    amount: float
    year: int = None


@dataclass
class Figure:
    """A claim whose value is an amount of money, with the figures its sources give."""
    claim_id: int
    quote: str
    amount: float
    currency: str
    year: int = None
    sources: list = field(default_factory=list)


SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def amount_text(amount):
    """A positive amount as people write it: 630 million, 1.26 billion, 12,500, 0.25; the very large
    and the very small as 1.8 × 10³⁰⁸ and 2 × 10⁻⁹."""
    if amount == 0:
        return "0"
    if amount >= 1e15 or amount < 0.01:
        mantissa, exponent = f"{amount:.2e}".split("e")
        mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa} × 10{str(int(exponent)).translate(SUPERSCRIPT)}"
    for i, (scale, word) in enumerate(SCALES):
        if amount >= scale:
            shown = f"{amount / scale:.4g}"
            if float(shown) >= 1000 and i > 0:  # 999.99 million is "1 billion", not "1000 million"
                return f"{float(shown) / 1000:.4g} {SCALES[i - 1][1]}"
            return f"{shown} {word}"
    if amount >= 1000:
        return f"{amount:,.0f}"
    return f"{amount:,.2f}".rstrip("0").rstrip(".")


def currency_text(currency):
    """A currency as amounts are written with it: US$ for the US dollar (whose bare "$" many
    currencies share), CLDR's English symbol where it has one (€, NZ$, ₹), else the code (PKR)."""
    code = (currency or "").strip().upper()
    return "US$" if code == "USD" else (cldr.get_currency_symbol(code, "en") if code else "")


def money_text(amount, currency):
    """US$630 million, €1.2 billion, NZ$3,500, PKR 5 million."""
    symbol = currency_text(currency)
    sign = "−" if amount < 0 else ""
    figure = amount_text(abs(amount))
    if not symbol or re.fullmatch(r"[A-Za-z]+", symbol):
        return f"{sign}{symbol} {figure}".strip()
    return f"{sign}{symbol}{figure}"


def difference_text(amount, against):
    """How far a source's figure is from the article's, in words a reader checks at a glance."""
    if not against:
        return ""
    ratio = amount / against
    if not math.isfinite(ratio):
        return ""
    change = (ratio - 1) * 100
    if abs(change) < 0.5:
        return "same"
    if ratio > 10 or ratio < -10:
        return f"×{ratio:.3g}"
    return f"{change:+.0f}%".replace("-", "−")


def source_name(title, url):
    """A source's title, else its host without www."""
    if title and title.strip():
        return " ".join(title.split())
    host = urlsplit(url or "").hostname or (url or "a source")
    return host.removeprefix("www.")


def finite(x):
    try:
        return math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def figures_chart(figures, links, article=None, total=None):
    """Per figure claim, the article's amount and each amount its sources' passages give, as bars on
    the claim's own scale with the amounts written out. The article's bar links to the claim page;
    a source's to that link (claim_sources filtered by claim and source). article: {id, title};
    total: how many figure claims the article has, when more than those given."""
    title = "The article's figures against what the sources say"
    figures = [f for f in figures if finite(f.amount)]
    if not figures:
        return chart("chart-figures", title, empty="No figures yet: no claim gives an amount of money.")
    parts, y = [], 0
    for f in figures:
        amounts = [f.amount] + [s.amount for s in f.sources if finite(s.amount)]
        scale = max(abs(a) for a in amounts) or 1
        parts.append(tag("a", label(f"“{excerpt(f.quote, 44)}”", 0, y + 10, class_="heading", font_weight=600, fill=LINK),
                         href=links.claim(f.claim_id)))
        y += 24
        rows = [("the article", f.amount, ARTICLE_COLOUR, links.claim(f.claim_id), "")]
        for s in f.sources:
            if not finite(s.amount):
                continue
            year = f", {s.year}" if s.year and s.year != f.year else ""
            diff = difference_text(s.amount, f.amount)
            rows.append((shorten(s.name, 28), s.amount, SOURCE_COLOUR,
                         links.table("claim_sources", claim_id=f.claim_id, source_id=s.source_id),
                         f"{year}{f' ({diff})' if diff else ''}"))
        for who, amount, colour, href, extra in rows:
            # the words on a line of their own, the bar under them as wide as the chart allows
            width = max(WIDTH * (abs(amount) / scale), 1.5)  # the ratio first: 340 * 1e308 overflows
            words = f"{who}: {money_text(amount, f.currency)}{extra}"
            parts.append(link(href, words, label(words, 0, y + 7, class_="value", font_size=12),
                              tag("rect", x=0, y=y + 15, width=width, height=10, fill=colour)))
            y += 32
        if len(rows) == 1:
            parts.append(label(f"No source's passage gives an amount in {currency_text(f.currency)}.", 0, y + 7,
                               class_="none", font_size=12, fill="#555", font_style="italic"))
            y += 22
        y += 8
    key = legend([(ARTICLE_COLOUR, "the article", None, "the amount the article gives", None),
                  (SOURCE_COLOUR, "a source", None, "an amount in that source's passage, with its year where it "
                                                      "names another, and how far it is from the article's", None)])
    notes = ["Each figure is drawn on its own scale: compare a bar with the bars under the same quote."]
    if article:
        shown = (f"{len(figures)} of {plural(total, 'figure')}" if total and total > len(figures)
                 else plural(len(figures), "figure"))
        notes.insert(0, Markup("{} in <a href=\"{}\">{}</a>.").format(
            shown[0].upper() + shown[1:], links.table("claims", article_id=article["id"], unit__in=",".join(article["currencies"])),
            article["title"]))
    return chart("chart-figures", title, Markup("").join(parts), height=y, legend=key, notes=notes)
