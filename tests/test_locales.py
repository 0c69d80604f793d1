"""The locale a page is read in (pages/locale.py, reading/locales.py, reading/page_locale.py), tested
from tests/locale_cases.yaml; and what it does to numeric dates."""
import pathlib

import pytest
import yaml
from bs4 import BeautifulSoup

from checker.pages.extract import extract
from checker.pages.locale import declared_language, domain_territory, language_tag
from checker.reading.facts import index_page
from checker.reading.locales import day_first
from checker.reading.match import assess
from checker.reading.page_locale import decide_locale

CASES = yaml.safe_load((pathlib.Path(__file__).parent / "locale_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("locale,order", CASES["orders"].items())
def test_date_order_of_a_locale(locale, order):
    assert day_first(locale or None) is order


@pytest.mark.parametrize("value,tag", CASES["tags"].items())
def test_declared_language_tags(value, tag):
    assert language_tag(value) == tag


@pytest.mark.parametrize("case", CASES["html"], ids=[c["html"][:40] for c in CASES["html"]])
def test_language_a_page_declares(case):
    assert declared_language(BeautifulSoup(case["html"], "html.parser")) == case["lang"]
    assert extract(case["html"].encode(), "text/html").lang == case["lang"]


@pytest.mark.parametrize("url,territory", CASES["domains"].items())
def test_country_of_a_domain(url, territory):
    assert domain_territory(url) == territory


@pytest.mark.parametrize("case", CASES["decide"], ids=[c["name"] for c in CASES["decide"]])
def test_the_locale_a_page_is_read_in(case):
    found = decide_locale(case.get("lang"), case.get("domain"), case.get("text"))
    assert (found.locale, found.source) == (case["locale"], case["from"])


CLAIM = {"claim": "The Reserve Bank of New Zealand raised its official cash rate on 8 February 2024.",
         "value": None, "unit": None, "date_start": "2024-02-08", "date_end": None}
PAGE = "On 8/2/2024 the Reserve Bank of New Zealand raised its official cash rate."


@pytest.mark.parametrize("locale,support", [("en-NZ", "supports"), ("en-GB", "supports"), ("en-IN", "supports"),
                                            ("en-US", "partial"), (None, "partial"), ("en", "partial"),
                                            ("en-CA", "partial")])
def test_a_numeric_date_reads_by_locale(locale, support):
    assert assess(CLAIM, None, index_page(PAGE, locale=locale)).support == support


@pytest.mark.parametrize("locale", [None, "en", "en-ZA"])
def test_an_ambiguous_numeric_date_says_so(locale):
    result = assess(CLAIM, None, index_page(PAGE, locale=locale))
    assert result.support == "partial"
    assert "8 February 2024 (8/2/2024 is ambiguous: day and month order unknown)" in result.facts_missing


def test_a_date_read_the_other_way_is_simply_missing():
    result = assess(CLAIM, None, index_page(PAGE, locale="en-US"))
    assert result.facts_missing == ["8 February 2024"]


def test_an_ambiguous_date_in_a_month_claim_says_so():
    claim = {**CLAIM, "date_start": "2024-02", "claim": "The Reserve Bank of New Zealand raised its rate in February 2024."}
    result = assess(claim, None, index_page(PAGE))
    assert result.support == "partial"
    assert result.facts_missing == ["February 2024 (8/2/2024 is ambiguous: day and month order unknown)"]


def test_an_ambiguous_date_in_a_passage_contradicts_nothing():
    result = assess(CLAIM, "On 8/2/2024 the Reserve Bank of New Zealand raised its official cash rate.",
                    index_page(PAGE))
    assert result.support == "partial"
