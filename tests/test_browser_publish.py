"""Publishing a fact-check in Chromium against `checker serve`: Alice, at a desk, takes a claim, rates it and sends
it to review; Bob, on a phone, finds it awaiting his review and publishes it; the published page's ClaimReview is
read back from the page. Screenshots go to test-output/screenshots/ (publish-*.png)."""
import json
import pathlib

import pytest

from . import chromium
from .conftest import copy_of
from .test_serve import serving

SHOTS = pathlib.Path(__file__).parent.parent / "test-output" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PASSWORD = "s3cret-pass"

chromium.require()

from playwright.sync_api import sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from datasette_auth_passwords.utils import hash_password

    folder = tmp_path_factory.mktemp("publish")
    path = copy_of("seeded", folder / "claims.db")
    editors = folder / "editors.yaml"
    hashed = hash_password(PASSWORD)
    editors.write_text(f"alice:\n  password_hash: {hashed}\nbob:\n  password_hash: {hashed}\n")
    with serving(path, "--editors", str(editors)) as (base, _, _):
        yield base


@pytest.fixture(scope="module")
def browser():
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = chromium.launch(p)
        yield browser
        browser.close()


def logged_in(browser, base, name, viewport):
    page = browser.new_context(viewport=viewport).new_page()
    page.goto(f"{base}/-/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_load_state()
    return page


def press(page, text):
    page.locator("#workflow button", has_text=text).first.click()
    page.wait_for_load_state()


def test_take_rate_review_and_publish_as_a_second_editor(server, browser):
    alice = logged_in(browser, server, "alice", DESKTOP)
    alice.goto(f"{server}/-/claim/3")
    assert alice.locator("script[type='application/ld+json']").count() == 0
    press(alice, "Back to work")
    press(alice, "Take it")
    assert "With alice (you)" in alice.locator("#workflow").inner_text()
    alice.select_option(".verdict-form select[name=verdict]", "inaccurate")
    alice.fill(".verdict-form textarea[name=note]", "The customs record gives US$530 million for 2008.")
    alice.click(".verdict-form button[type=submit]")
    alice.wait_for_load_state()
    press(alice, "Send to review")
    workflow = alice.locator("#workflow").inner_text()
    assert "in review" in workflow and "You set this verdict: a second editor publishes it." in workflow
    assert alice.locator("#workflow button", has_text="Publish").count() == 0
    alice.locator("#workflow").screenshot(path=str(SHOTS / "publish-1-sent-to-review.png"))

    bob = logged_in(browser, server, "bob", PHONE)
    bob.goto(f"{server}/")
    awaiting = bob.locator("#awaiting-review")
    assert awaiting.locator("a[href='/-/claim/3']").count() == 1
    bob.screenshot(path=str(SHOTS / "publish-2-awaiting-review-phone.png"))
    awaiting.locator("a[href='/-/claim/3']").click()
    bob.wait_for_load_state()
    press(bob, "Publish")
    assert "published" in bob.locator("#workflow h2").inner_text()
    size = bob.evaluate("() => document.documentElement.scrollWidth")
    assert size <= PHONE["width"]  # the buttons wrap on a phone
    bob.locator("#workflow").screenshot(path=str(SHOTS / "publish-3-published-phone.png"))

    # the published page, as a visitor and a search engine read it
    visitor = browser.new_context(viewport=DESKTOP).new_page()
    visitor.goto(f"{server}/-/claim/3")
    [review] = [json.loads(t) for t in visitor.locator("script[type='application/ld+json']").all_text_contents()]
    assert review["@type"] == "ClaimReview" and review["url"] == f"{server}/-/claim/3"
    assert review["reviewRating"] == {"@type": "Rating", "ratingValue": 1, "bestRating": 4, "worstRating": 1,
                                      "alternateName": "Inaccurate"}
    assert review["reviewBody"] == "The customs record gives US$530 million for 2008."
    assert review["itemReviewed"]["@type"] == "Claim" and review["itemReviewed"]["appearance"][0]["headline"]
    assert review["author"]["@type"] == "Organization" and len(review["datePublished"]) == 10
    assert visitor.locator("meta[property='og:url']").get_attribute("content") == f"{server}/-/claim/3"
    assert visitor.locator("meta[name=description]").get_attribute("content").startswith("Inaccurate: ")
    visitor.screenshot(path=str(SHOTS / "publish-4-published-page.png"))
