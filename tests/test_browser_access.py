"""The workbench for a keyboard, a screen reader and a phone, in Chromium against `checker serve`:
a skip link first and a <main> on every page; at 390 px the claims list reads as cards.

Skips when Chromium is not installed, unless CHECKER_REQUIRE_BROWSER=1. Screenshots go to
test-output/screenshots/."""
import pathlib

import pytest

from . import chromium
from .conftest import copy_of
from .test_serve import serving

SHOTS = pathlib.Path(__file__).parent.parent / "test-output" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

chromium.require()


# Every kind of page a visitor reaches: the workbench's own, Datasette's, and the errors.
PAGES = ["/", "/-/claim/3", "/-/article/pakistan-russia-2012", "/-/add-claim", "/-/import", "/-/login-link",
         "/-/claim/3/recheck", "/claims", "/claims/claims", "/claims/claims/3", "/claims/review_queue",
         "/claims/-/query?sql=select+1", "/-/no-such-page"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = copy_of("seeded", tmp_path_factory.mktemp("access") / "claims.db")
    with serving(path) as (base, link, _):
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium.running(SHOTS) as browser:
        yield browser


@pytest.mark.parametrize("path", PAGES)
def test_the_skip_link_comes_first_and_leads_to_main(server, browser, path):
    page = browser.new_page(viewport=DESKTOP)
    try:
        page.goto(server + path)
        assert page.locator("main").count() == 1 and page.locator("main#main").count() == 1
        assert page.locator("a.skip-link").bounding_box()["x"] < 0  # out of sight until a key reaches it
        page.keyboard.press("Tab")
        focused = page.evaluate("() => [document.activeElement.className, document.activeElement.textContent,"
                                " document.activeElement.getAttribute('href')]")
        assert focused == ["skip-link", "Skip to content", "#main"], path
        box = page.locator("a.skip-link").bounding_box()
        assert box and box["x"] >= 0 and box["y"] >= 0 and box["width"] > 50  # seen once it has the focus
        if path == "/":
            page.screenshot(path=str(SHOTS / "access-skip-link.png"))
        page.keyboard.press("Enter")
        assert page.evaluate("() => location.hash") == "#main"
        page.keyboard.press("Tab")  # the next stop is inside main, past the header's links
        assert page.evaluate("() => !!document.activeElement.closest('main')"), path
    finally:
        page.close()


@pytest.mark.parametrize("query", ["", "?verdict=mostly_accurate", "?kind=trade_figure&_sort_desc=id"])
def test_the_claims_read_as_cards_on_a_phone(server, browser, query):
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto(f"{server}/claims/claims{query}")
        rows = page.locator("table.rows-and-columns tbody tr").count()
        assert rows > 0
        size = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        assert size[0] <= PHONE["width"], size  # no sideways scrolling
        assert size[1] < 2500 + 260 * rows, size  # a card a claim (it was 43,781 px for the 44 of the seed)
        # each card: the five fields, each named in words, the rest of the row a tap away
        first = page.locator("table.rows-and-columns tbody tr").first
        shown = first.evaluate("""tr => [...tr.querySelectorAll('td')].filter(td => getComputedStyle(td).display !== 'none')
            .map(td => getComputedStyle(td, '::before').content)""")
        assert shown == ['"Number"', '"Article"', '"Claim"', '"Kind"', '"Verdict"'], shown
        # the facets and the filter above the cards, in words: no code with an underscore in sight
        facets = page.locator(".facet-results").inner_text()
        assert "_" not in facets and "Verdict" in facets and "Kind" in facets
        said = page.locator(".phone-filters").inner_text()
        assert "_" not in said
        if query.startswith("?verdict"):
            assert "Verdict is mostly accurate" in said
        assert not page.locator("form.filters .filter-controls-row").first.is_visible()
        page.screenshot(path=str(SHOTS / f"access-claims-phone{query.replace('?', '-').replace('&', '-')}.png"),
                        full_page=True, clip={"x": 0, "y": 0, "width": PHONE["width"], "height": 2400})
    finally:
        page.close()


def test_the_claims_stay_a_table_on_a_desktop(server, browser):
    page = browser.new_page(viewport=DESKTOP)
    try:
        page.goto(f"{server}/claims/claims")
        assert page.locator("table.rows-and-columns thead th").first.is_visible()
        assert page.locator("td.col-verdict_note").first.is_visible()
        assert not page.locator(".phone-filters").is_visible()
        page.screenshot(path=str(SHOTS / "access-claims-desktop.png"))
    finally:
        page.close()
