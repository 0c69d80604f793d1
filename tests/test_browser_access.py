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

from playwright.sync_api import sync_playwright  # noqa: E402

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
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = chromium.launch(p)
        yield browser
        browser.close()


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
