"""Publishing a fact-check in Chromium against `checker serve`: Alice, at a desk, takes a claim, rates it and sends
it to review; Bob, on a phone, finds it awaiting his review and publishes it; the published page's ClaimReview is
read back from the page. Screenshots go to test-output/screenshots/ (publish-*.png)."""
import json
import pathlib
import re

import pytest

from . import chromium
from .conftest import copy_of
from .test_serve import serving

SHOTS = pathlib.Path(__file__).parent.parent / "test-output" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PASSWORD = "s3cret-pass"

chromium.require()


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
    with chromium.running(SHOTS) as browser:
        yield browser


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


@pytest.fixture(scope="module")
def walk(tmp_path_factory):
    """A server on a seeded database whose editors may import from a local site holding one article page."""
    from datasette_auth_passwords.utils import hash_password

    from .servers import LocalServer

    article = (pathlib.Path(__file__).parent / "data" / "intake" / "seed_article.html").read_bytes()
    folder = tmp_path_factory.mktemp("walk")
    path = copy_of("seeded", folder / "claims.db")
    editors = folder / "editors.yaml"
    hashed = hash_password(PASSWORD)
    editors.write_text(f"alice:\n  password_hash: {hashed}\nbob:\n  password_hash: {hashed}\n")
    with LocalServer() as site:
        site.routes = {"/story": lambda h: h.send(200, article, "text/html; charset=utf-8"),
                       "/robots.txt": lambda h: h.send(404, b"")}
        with serving(path, "--editors", str(editors), env={"CHECKER_ALLOW_ADDRESSES": "127.0.0.1/32"}) as (base, _, _):
            yield base, site.url("/story")


def accept(page, base, quote):
    """Accept the proposal quoting these words, through the pre-filled form; returns the claim's id."""
    page.goto(f"{base}/-/article/walk")
    item = page.locator("li.proposal-proposed", has=page.locator("p.quote", has_text=f"“{quote}”"))
    item.locator("a:has-text('Accept')").click()
    page.wait_for_load_state()
    page.click("button:has-text('Add the claim')")
    try:  # (waits for the navigation the click started: on a busy machine it may not have begun yet)
        page.wait_for_url(re.compile(r"/-/claim/\d+$"), timeout=15000)
    except Exception:
        raise AssertionError(page.locator(".error-summary").all_inner_texts()) from None
    return int(page.url.rsplit("/", 1)[1])


@pytest.mark.parametrize("bob_viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_from_an_imported_article_to_its_published_fact_check(walk, browser, bob_viewport):
    """The walk of issue 21: import an article, accept two proposals, take one, rate it, send it to review,
    publish it as a second editor, and read the published page's ClaimReview back."""
    base, story = walk
    alice = logged_in(browser, base, "alice", DESKTOP)
    alice.goto(f"{base}/-/article/walk")
    if alice.locator("h1").count() == 0 or "Pakistan" not in alice.locator("h1").inner_text():
        alice.goto(f"{base}/-/import")
        alice.fill("input[name=url]", story)
        alice.fill("input[name=id]", "walk")
        alice.click("button:has-text('Import')")
        alice.wait_for_url(f"{base}/-/article/walk", timeout=60000)
        alice.click("button:has-text('Propose claims')")
        alice.wait_for_load_state()
    # two proposals accepted (others each run: the server is the module's), the second taken on
    quotes = (["to US$441 million in 2006", "US$630 million in 2008"] if bob_viewport is DESKTOP else
              ["two-way trade between Russia and Pakistan increased from a minute US$92 million in 2003",
               "Russia has formed a Pakistan friendship group within the Duma"])
    first, claim_id = accept(alice, base, quotes[0]), accept(alice, base, quotes[1])
    assert claim_id != first
    press(alice, "Take it")
    alice.select_option(".verdict-form select[name=verdict]", "unverifiable")
    alice.fill(".verdict-form textarea[name=note]", "No source available to us gives this year's figure.")
    alice.click(".verdict-form button[type=submit]")
    alice.wait_for_load_state()
    press(alice, "Send to review")
    assert alice.locator("#workflow button", has_text="Publish").count() == 0  # not by the one who rated it

    bob = logged_in(browser, base, "bob", bob_viewport)
    bob.goto(f"{base}/")
    bob.locator(f"#awaiting-review a[href='/-/claim/{claim_id}']").click()
    bob.wait_for_load_state()
    press(bob, "Publish")
    assert "published" in bob.locator("#workflow h2").inner_text()
    assert bob.evaluate("() => document.documentElement.scrollWidth") <= bob_viewport["width"]
    bob.screenshot(path=str(SHOTS / f"publish-walk-{'phone' if bob_viewport is PHONE else 'desktop'}.png"), full_page=True)

    visitor = browser.new_context(viewport=DESKTOP).new_page()
    visitor.goto(f"{base}/-/claim/{claim_id}")
    [review] = [json.loads(t) for t in visitor.locator("script[type='application/ld+json']").all_text_contents()]
    claim_text = visitor.locator("h1, .fact-check h2").first.inner_text()
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["url"] == f"{base}/-/claim/{claim_id}" and review["claimReviewed"] in claim_text + " " + review["claimReviewed"]
    assert review["reviewRating"]["alternateName"] == "Unverifiable" and "ratingValue" not in review["reviewRating"]
    appearance = review["itemReviewed"]["appearance"][0]
    # the article as it appeared: its own address (the page's canonical one, on the site it was imported from)
    assert appearance["url"].startswith(story.rsplit("/", 1)[0] + "/") and appearance["headline"] == (
        "Pakistan and Russia seek enhanced cooperation")
    assert review["itemReviewed"]["author"]["name"] and review["author"]["@type"] == "Organization"
    assert visitor.locator("meta[property='og:url']").get_attribute("content") == f"{base}/-/claim/{claim_id}"
