"""The landing page's charts (checker/web/charts.py), from tables of cases: families and colours,
bars and where they link, empty charts, figures written as people write them, and no number that
is not finite ever reaching the SVG."""
import math
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from checker.vocab import HEALTHS, OUTCOMES
from checker.web import charts
from checker.web.charts import Figure, Links, SourceFigure

SVG = "{http://www.w3.org/2000/svg}"
TODAY = date(2026, 11, 27)


class FakeUrls:
    """datasette.urls as the charts use it, for a database served under /facts/."""

    def table(self, database, table):
        return f"/facts/{database}/{table}"

    def path(self, path):
        return "/facts/" + path.lstrip("/")


LINKS = Links(FakeUrls(), "newsroom")


def parse(markup):
    """The chart's figure as XML: it must be well formed (every tag closed, every attribute quoted)."""
    return ET.fromstring(str(markup))


def bars(markup):
    """(href, title, rect) of every linked bar in the chart's SVG: the link's <title> is its name."""
    svg = parse(markup).find(f"{SVG}svg")
    return [(a.get("href"), a.find(f"{SVG}title").text, a.find(f"{SVG}rect")) for a in svg.iter(f"{SVG}a")
            if a.find(f"{SVG}rect") is not None]


def query(href):
    parts = urlsplit(href)
    return parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()}


def numbers_in(markup):
    """Every number written in an SVG attribute, as floats."""
    svg = parse(markup).find(f"{SVG}svg")
    found = []
    for element in svg.iter():
        for key in ("x", "y", "width", "height", "x1", "x2", "y1", "y2"):
            if element.get(key) is not None:
                found.append(float(element.get(key)))
    return found


# --- outcome -> family -> colour ---------------------------------------------------------------

FAMILY_CASES = [
    ("ok", "alive", "#2e7d3c"), ("not_modified", "alive", "#2e7d3c"),
    ("blocked", "blocked", "#d9a400"), ("robots_disallowed", "blocked", "#d9a400"),
    ("refused_address", "blocked", "#d9a400"),
    ("not_found", "failing", "#c0392b"), ("gone", "failing", "#c0392b"), ("soft_404", "failing", "#c0392b"),
    ("server_error", "failing", "#c0392b"), ("rate_limited", "failing", "#c0392b"),
    ("too_many_redirects", "failing", "#c0392b"), ("too_large", "failing", "#c0392b"),
    ("unsupported_type", "failing", "#c0392b"), ("invalid_url", "failing", "#c0392b"),
    ("dns_error", "unreachable", "#6c5a8e"), ("connection_error", "unreachable", "#6c5a8e"),
    ("timeout", "unreachable", "#6c5a8e"), ("tls_error", "unreachable", "#6c5a8e"),
]


def test_the_cases_cover_every_outcome():
    assert sorted(o for o, _, _ in FAMILY_CASES) == sorted(OUTCOMES)


@pytest.mark.parametrize("outcome,family,colour", FAMILY_CASES)
def test_each_outcome_has_one_family_and_its_colour(outcome, family, colour):
    assert charts.family(outcome) == family
    assert charts.FAMILY_COLOURS[family] == colour
    assert charts.OUTCOME_WORDS[outcome] and "_" not in charts.OUTCOME_WORDS[outcome]


def test_dns_errors_and_refused_addresses_no_longer_share_a_colour():
    assert charts.FAMILY_COLOURS[charts.family("dns_error")] != charts.FAMILY_COLOURS[charts.family("refused_address")]


@pytest.mark.parametrize("vocabulary,value,words", [
    (charts.VERDICT_WORDS, "mostly_accurate", "mostly accurate"),
    (charts.VERDICT_WORDS, "partly_accurate", "partly accurate"),
    (charts.HEALTH_WORDS, "at_risk", "at risk"),
    (charts.HEALTH_WORDS, "unchecked", "not checked yet"),
    (charts.FAMILY_WORDS, "unreachable", "could not reach"),
    (charts.OUTCOME_WORDS, "dns_error", "no such host"),
    (charts.OUTCOME_WORDS, "robots_disallowed", "robots.txt says no"),
])
def test_plain_words_for_vocabulary_values(vocabulary, value, words):
    assert vocabulary[value] == words


def test_an_unknown_outcome_counts_as_failing():
    assert charts.family("something_new") == "failing"


# --- claims by verdict and health --------------------------------------------------------------

def test_every_verdict_and_health_bar_links_to_those_claims():
    counts = {(v, h): i + j + 2 for i, v in enumerate(charts.SCALE) for j, h in enumerate(HEALTHS)}
    found = bars(charts.verdict_health_chart(counts, LINKS))
    assert len(found) == len(charts.SCALE) * len(HEALTHS)
    for href, label, rect in found:
        path, params = query(href)
        assert path == "/facts/newsroom/claim_status"
        verdict, health = params["verdict"], params["health"]
        assert label == f"{charts.VERDICT_WORDS[verdict]}, {charts.HEALTH_WORDS[health]}: {counts[verdict, health]} claims"
        assert rect.get("fill") == charts.HEALTH_COLOURS[health]


def test_verdicts_are_drawn_in_scale_order_with_their_totals():
    counts = {("unrated", "unchecked"): 3, ("accurate", "supported"): 5, ("accurate", "at_risk"): 2,
              ("inaccurate", "unsupported"): 1}
    svg = parse(charts.verdict_health_chart(counts, LINKS)).find(f"{SVG}svg")
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "label"]
    assert labels == ["accurate", "mostly accurate", "partly accurate", "inaccurate", "unverifiable", "unrated"]
    totals = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "total"]
    assert totals == ["7", "0", "0", "1", "0", "3"]
    widths = {query(h)[1]["health"]: float(r.get("width")) for h, _, r in bars(charts.verdict_health_chart(counts, LINKS))
              if query(h)[1]["verdict"] == "accurate"}
    assert widths["supported"] == pytest.approx(widths["at_risk"] * 5 / 2, abs=0.02)


def test_the_health_legend_says_what_health_means():
    figure = parse(charts.verdict_health_chart({("accurate", "supported"): 1}, LINKS))
    legend = "".join(figure.find("ul").itertext())
    for health in HEALTHS:
        assert charts.HEALTH_WORDS[health] in legend and charts.HEALTH_MEANINGS[health] in legend


# --- check outcomes per day -----------------------------------------------------------------------

def test_a_day_with_every_family_stacks_one_bar_per_family():
    day = TODAY - timedelta(days=3)
    rows = [(day.isoformat(), outcome, 1) for outcome in OUTCOMES]
    found = bars(charts.outcomes_by_day_chart(rows, LINKS, TODAY, checks_ever=len(rows)))
    assert len(found) == 4
    stacked = []
    for href, label, rect in found:
        path, params = query(href)
        assert path == "/facts/newsroom/checks" and params["started_at__startswith"] == day.isoformat()
        family = charts.family(params["outcome__in"].split(",")[0])
        assert params["outcome__in"].split(",") == list(charts.FAMILIES[family])
        assert label == f"24 Nov 2026: {len(charts.FAMILIES[family])} of 18 checks {charts.FAMILY_WORDS[family]}"
        assert rect.get("fill") == charts.FAMILY_COLOURS[family]
        stacked.append((family, float(rect.get("y")), float(rect.get("height"))))
    assert [f for f, _, _ in stacked] == ["alive", "blocked", "failing", "unreachable"]  # bottom up
    for (_, y, _), (_, above_y, above_height) in zip(stacked, stacked[1:]):
        assert above_y + above_height == pytest.approx(y, abs=0.02)  # touching, never overlapping
    heights = {f: h for f, _, h in stacked}
    assert heights["failing"] == pytest.approx(heights["alive"] * 9 / 2, abs=0.02)


def test_each_day_links_to_its_checks_and_the_axis_shows_dates_not_times():
    rows = [((TODAY - timedelta(days=d)).isoformat(), "ok", 2) for d in (0, 10, 40, 89, 90, 120)]
    markup = charts.outcomes_by_day_chart(rows, LINKS, TODAY, checks_ever=12)
    days = [query(h)[1]["started_at__startswith"] for h, _, _ in bars(markup)]
    assert days == sorted((TODAY - timedelta(days=d)).isoformat() for d in (0, 10, 40, 89))  # 90 days, today last
    assert all(href.endswith("&outcome__in=ok,not_modified") for href, _, _ in bars(markup))
    svg = parse(markup).find(f"{SVG}svg")
    ticks = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "tick" and not t.text[0].isdigit()]
    assert ticks == ["Sep 2026", "Oct", "Nov"]
    assert not re.search(r"\d\d:\d\d", "".join(svg.itertext()))
    note = "".join(parse(markup).find("p").itertext())
    assert note.startswith("8 checks from 30 Aug to 27 Nov 2026 (UTC), on 4 days")


def test_the_family_legend_links_to_the_checks_of_the_last_90_days():
    markup = charts.outcomes_by_day_chart([(TODAY.isoformat(), "dns_error", 3)], LINKS, TODAY, checks_ever=3)
    items = parse(markup).find("ul").findall("li")
    assert ["".join(li.itertext()).split(":")[0] for li in items] == ["alive 0", "blocked 0", "failing 0", "could not reach 3"]
    path, params = query(items[3].find("a").get("href"))
    assert params == {"started_at__gte": "2026-08-30", "outcome__in": "dns_error,connection_error,timeout,tls_error"}


@pytest.mark.parametrize("rows,checks_ever,message", [
    ([], 0, "No checks yet"),
    ([("2020-01-01", "ok", 5)], 5, "No checks in the last 90 days."),
    ([("not a day", "ok", 5), ("2026-11-27", "ok", 0)], 5, "No checks in the last 90 days."),
])
def test_a_chart_with_nothing_to_draw_says_so(rows, checks_ever, message):
    figure = parse(charts.outcomes_by_day_chart(rows, LINKS, TODAY, checks_ever=checks_ever))
    assert figure.find(f"{SVG}svg") is None
    assert figure.find("p").text.startswith(message)


@pytest.mark.parametrize("chart,message", [
    (lambda: charts.verdict_health_chart({}, LINKS), "No claims yet."),
    (lambda: charts.figures_chart([], LINKS), "No figures yet"),
])
def test_empty_charts(chart, message):
    assert parse(chart()).find("p").text.startswith(message)


# --- figures as people write them ----------------------------------------------------------------

@pytest.mark.parametrize("amount,currency,text", [
    (630e6, "USD", "US$630 million"),
    (630.4e6, "usd", "US$630.4 million"),
    (92_000_000, "USD", "US$92 million"),
    (1.26e9, "USD", "US$1.26 billion"),
    (999.99e6, "USD", "US$1 billion"),
    (3.5e12, "EUR", "€3.5 trillion"),
    (1.2e9, "NZD", "NZ$1.2 billion"),
    (5e6, "PKR", "PKR 5 million"),
    (12_500, "GBP", "£12,500"),
    (0.25, "USD", "US$0.25"),
    (0, "USD", "US$0"),
    (-5e9, "USD", "−US$5 billion"),
    (1.7976931348623157e308, "USD", "US$1.8 × 10³⁰⁸"),
    (2e15, "JPY", "¥2 × 10¹⁵"),
    (2e-9, "USD", "US$2 × 10⁻⁹"),
])
def test_money_is_written_as_people_write_it(amount, currency, text):
    assert charts.money_text(amount, currency) == text


@pytest.mark.parametrize("amount,against,text", [
    (630e6, 630e6, "same"), (630.4e6, 630e6, "same"), (300e6, 630e6, "−52%"), (100e6, 92e6, "+9%"),
    (5e9, 92e6, "×54.3"), (1, 0, ""), (1e308, 1e-300, ""),
])
def test_how_far_a_source_is_from_the_article(amount, against, text):
    assert charts.difference_text(amount, against) == text


def figure(amount, *sources, currency="USD", year=2008):
    return Figure(7, "trade reached US$630 million in 2008", amount, currency, year,
                  [SourceFigure(20 + i, name, value, source_year) for i, (name, value, source_year) in enumerate(sources)])


@pytest.mark.parametrize("case", [
    figure(630e6, ("Tribune", 300e6, 2008), ("brecorder.com", 542e6, 2012)),
    figure(1.7976931348623157e308, ("Huge", 1e300, None), ("Tiny", 1e-300, None)),
    figure(1e-300, ("Tiny", 5e-301, None), ("Zero", 0.0, None)),
    figure(0.0, ("Zero", 0.0, None)),
    figure(-5e9, ("Deficit", -4.5e9, 2008)),
])
def test_huge_and_tiny_figures_stay_on_the_chart(case):
    markup = charts.figures_chart([case], LINKS)
    assert all(math.isfinite(n) and -1 <= n <= 1000 for n in numbers_in(markup))
    widths = [float(rect.get("width")) for _, _, rect in bars(markup)]
    assert len(widths) == 1 + len(case.sources) and all(1.5 <= w <= charts.WIDTH for w in widths)


def test_figures_link_to_the_claim_and_to_each_source_link_and_give_the_year_when_it_differs():
    markup = charts.figures_chart([figure(630e6, ("Tribune", 300e6, 2008), ("brecorder.com", 542e6, 2012))], LINKS,
                                  {"id": "pakistan-russia-2012", "title": "Pakistan & Russia", "currencies": ["USD"]}, 1)
    found = bars(markup)
    assert [(h, label) for h, label, _ in found] == [
        ("/facts/-/claim/7", "the article: US$630 million"),
        ("/facts/newsroom/claim_sources?claim_id=7&source_id=20", "Tribune: US$300 million (−52%)"),
        ("/facts/newsroom/claim_sources?claim_id=7&source_id=21", "brecorder.com: US$542 million, 2012 (−14%)"),
    ]
    assert [r.get("width") for _, _, r in found] == ["340", "161.9", "292.51"]  # on the claim's own scale
    note = parse(markup).find("p")
    assert "".join(note.itertext()) == "1 figure in Pakistan & Russia."
    assert note.find("a").get("href") == "/facts/newsroom/claims?article_id=pakistan-russia-2012&unit__in=USD"


def test_a_figure_no_source_gives_says_so():
    markup = charts.figures_chart([figure(1.2e9, currency="NZD")], LINKS)
    assert "No source's passage gives an amount in NZ$." in "".join(parse(markup).itertext())


# --- nothing that is not a finite number reaches the page -------------------------------------------

@pytest.mark.parametrize("value,text", [
    (3, "3"), (2.5, "2.5"), (1 / 3, "0.33"), (-0.001, "0"), (float("nan"), "0"), (float("inf"), "0"),
    (float("-inf"), "0"), (None, "0"), ("x", "0"), (1234.567, "1234.57"),
])
def test_svg_numbers_are_always_finite(value, text):
    assert charts.num(value) == text


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf"), None, "many"])
def test_non_finite_input_is_guarded(bad):
    made = [
        charts.verdict_health_chart({("accurate", "supported"): bad, ("accurate", "at_risk"): 2}, LINKS),
        charts.outcomes_by_day_chart([(TODAY.isoformat(), "ok", bad), (TODAY.isoformat(), "timeout", 1)], LINKS, TODAY, 1),
        charts.figures_chart([figure(630e6, ("Bad", bad, None), ("Good", 300e6, None)),
                              figure(bad, ("Good", 1.0, None))], LINKS),
    ]
    for markup in made:
        text = str(markup).lower()
        assert not re.search(r"\bnan\b|\binf", text), text
        assert all(math.isfinite(n) for n in numbers_in(markup))
    assert len(bars(made[2])) == 2  # the bad figure and the bad source are left out, the rest drawn


@pytest.mark.parametrize("bad", [-4, float("nan"), "7 claims"])
def test_a_count_that_is_not_a_count_draws_nothing(bad):
    found = bars(charts.verdict_health_chart({("accurate", "supported"): bad, ("accurate", "at_risk"): 2}, LINKS))
    assert [query(h)[1]["health"] for h, _, _ in found] == ["at_risk"]


def test_text_is_escaped():
    evil = '<script>alert("x")</script>'
    markup = str(charts.figures_chart([Figure(1, evil, 5.0, "USD", None, [SourceFigure(2, evil, 4.0)])], LINKS))
    assert "<script>" not in markup and "&lt;script&gt;" in markup
