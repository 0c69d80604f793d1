"""The workbench in a real browser: Playwright driving Debian's Chromium against `checker serve`.

Skips when Chromium is not installed, unless CHECKER_REQUIRE_BROWSER=1 (which .ci/run sets).
Screenshots of every page go to test-output/screenshots/."""
import os
import pathlib
import re
import select
import subprocess
import sys
import time

import pytest

from checker.db import open_db
from checker.seed import load_seed

from .servers import LocalServer, html
from .test_serve import free_port

CHROMIUM = "/usr/bin/chromium"
SHOTS = pathlib.Path(__file__).parent.parent / "test-output" / "screenshots"
XSS = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'

if not os.path.exists(CHROMIUM):
    if os.environ.get("CHECKER_REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"CHECKER_REQUIRE_BROWSER=1 but {CHROMIUM} is missing: apt-get install -y chromium")
    pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def fixture_site():
    with LocalServer() as site:
        site.routes = {"/trade": lambda h: h.send(200, html(
            "Russia-Pakistan trade", "Two-way trade between Russia and Pakistan reached US$630 million in 2008."))}
        yield site


@pytest.fixture(scope="module")
def server(tmp_path_factory, fixture_site):
    folder = tmp_path_factory.mktemp("browser")
    path = folder / "claims.db"
    db = open_db(path, create=True)
    load_seed(db)
    db.execute("update claims set verdict_note = ? where seed_key = 'duma-group'", [XSS])
    source_id = db.execute("insert into sources (url, title) values (?, 'Local trade page')", [fixture_site.url("/trade")]).lastrowid
    db.execute("insert into claim_sources (claim_id, source_id, relation, passage) values (3, ?, 'supports', ?)",
               [source_id, "US$630 million in 2008"])
    # the recheck must touch only local servers: claim 3 keeps only the local source
    db.execute("delete from claim_sources where claim_id = 3 and source_id <> ?", [source_id])
    db.conn.close()
    from datasette_auth_passwords.utils import hash_password

    editors = folder / "editors.yaml"
    editors.write_text(f"alice:\n  password_hash: {hash_password('s3cret-pass')}\n")
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "CHECKER_ALLOW_ADDRESSES": "127.0.0.1/32",
           "CHECKER_WAYBACK_BASE": fixture_site.url("")}
    proc = subprocess.Popen([sys.executable, "-m", "checker.cli", "serve", "--db", str(path), "--port", str(port),
                             "--editors", str(editors)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    output = ""
    import socket

    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert proc.poll() is None, output + (proc.stdout.read() or "")
            if select.select([proc.stdout], [], [], 0.2)[0]:
                output += proc.stdout.readline()
    yield {"base": base, "db": path}
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                  "--disable-sync", "--disable-gpu", "--disable-quic"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


def shot(page, name):
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def login(page, base):
    page.goto(f"{base}/-/login")
    page.fill("input[name=username]", "alice")
    page.fill("input[name=password]", "s3cret-pass")
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_load_state()


def test_landing_page_with_charts(server, page):
    page.goto(server["base"] + "/")
    expect(page.locator("h1")).to_have_text("Fact-checking workbench")
    page.wait_for_selector("#chart-verdict-health .main-svg", timeout=20000)
    page.wait_for_selector("#chart-figures .main-svg", timeout=20000)
    assert page.locator("text=Add a claim").count() == 0  # a visitor sees no forms
    shot(page, "01-landing")


def test_browse_search_and_facet(server, page):
    page.goto(server["base"] + "/claims/claims?_search=Fradkov")
    expect(page.locator("table.rows-and-columns tbody tr").first).to_be_visible()
    assert "Fradkov" in page.locator("table.rows-and-columns").inner_text()
    shot(page, "02-search")
    page.goto(server["base"] + "/claims/claims")
    page.click(".facet-info a:has-text('inaccurate')")
    page.wait_for_load_state()
    assert "verdict=inaccurate" in page.url
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() >= 3
    shot(page, "03-facet")


def test_open_a_claim_page(server, page):
    page.goto(server["base"] + "/claims/claims")
    page.click("a:has-text('Two-way trade between Russia and Pakistan was US$630 million in 2008.')")
    page.wait_for_load_state()
    assert re.search(r"/-/claim/3$", page.url)
    expect(page.locator("mark.quote")).to_have_text("US$630 million in 2008")
    assert page.locator("form[action$='/verdict']").count() == 0
    shot(page, "04-claim")


def test_log_in_add_a_claim_and_set_a_verdict(server, page):
    login(page, server["base"])
    expect(page.locator(".actor")).to_contain_text("alice")
    shot(page, "05-logged-in")
    page.goto(server["base"] + "/-/add-claim")
    page.fill("#quote", "US$441 million in 2007")
    expect(page.locator("#quote-hint")).to_have_text("✗ not in the article's text")
    page.fill("#quote", "US$441 million in 2006")
    expect(page.locator("#quote-hint")).to_have_text("✓ found in the article")
    page.select_option("select[name=kind]", "trade_figure")
    page.fill("textarea[name=claim]", "Trade between Russia and Pakistan was US$441 million in 2006.")
    page.fill("input[name=value]", "441000000")
    page.fill("input[name=unit]", "USD")
    page.fill("input[name=date_start]", "2006")
    page.fill("input[name=source_1_url]", "https://example.org/trade-2006")
    page.fill("textarea[name=source_1_passage]", "US$441 million")
    page.fill("input[name=source_2_url]", "https://example.org/trade-2006-b")
    page.click("#add-source-row")
    expect(page.locator(".source-row")).to_have_count(3)
    shot(page, "06-add-claim")
    page.click("button:has-text('Add the claim')")
    page.wait_for_load_state()
    assert re.search(r"/-/claim/\d+$", page.url)
    expect(page.locator(".claim-text")).to_have_text("Trade between Russia and Pakistan was US$441 million in 2006.")
    assert page.locator("article.source").count() == 2
    # an error stays next to its field
    page.goto(server["base"] + "/-/add-claim")
    page.fill("#quote", "words the article never says")
    page.fill("textarea[name=claim]", "x")
    page.click("button:has-text('Add the claim')")
    expect(page.locator("#quote-error")).to_contain_text("does not occur in the text")
    shot(page, "07-add-claim-error")
    # set a verdict
    page.goto(server["base"] + "/-/claim/3")
    page.select_option("select[name=verdict]", "inaccurate")
    page.fill("textarea[name=note]", "Checked against a local copy of the trade page.")
    page.click("button:has-text('Set verdict')")
    page.wait_for_load_state()
    expect(page.locator(".verdict-box h2 .verdict")).to_have_text("inaccurate")
    expect(page.locator(".verdict-box .note")).to_have_text("Checked against a local copy of the trade page.")
    shot(page, "08-verdict")


def test_recheck_shows_the_new_outcome(server, page, fixture_site):
    login(page, server["base"])
    page.goto(server["base"] + "/-/claim/3")
    local = page.locator("article.source", has_text="Local trade page")
    expect(local.locator(".state")).to_have_text("unchecked")
    page.click("button:has-text('Recheck these sources')")
    expect(page.locator("#job-status")).to_contain_text("Rechecking", timeout=10000)
    shot(page, "09-recheck-running")
    page.wait_for_selector("article.source:has-text('Local trade page') .state-alive", timeout=60000)
    local = page.locator("article.source", has_text="Local trade page")
    expect(local.locator(".support")).to_have_text("supports")
    expect(local.locator("mark.fact").first).to_be_visible()
    assert fixture_site.requests_to("/trade")
    shot(page, "10-recheck-done")


def test_stored_script_does_not_run(server, page):
    db = open_db(server["db"])
    claim_id = db.execute("select id from claims where seed_key = 'duma-group'").fetchone()[0]
    db.conn.close()
    page.goto(f"{server['base']}/-/claim/{claim_id}")
    expect(page.locator(".verdict-box .note")).to_contain_text("<script>window.__xss = 1</script>")
    assert page.evaluate("window.__xss") is None
    page.goto(f"{server['base']}/claims/claims/{claim_id}")
    assert page.evaluate("window.__xss") is None
    assert not page.dialogs
    shot(page, "11-escaped")
