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

from checker.store.db import open_db

from . import chromium
from .conftest import copy_of
from .servers import LocalServer, html
from .test_serve import free_port

SHOTS = pathlib.Path(__file__).parent.parent / "test-output" / "screenshots"
XSS = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'

chromium.require()

from playwright.sync_api import expect  # noqa: E402


TRADE = "Two-way trade between Russia and Pakistan reached US$630 million in 2008."
# the seed article inside a blog's furniture (navigation, share links, comments, related stories)
ARTICLE_PAGE = pathlib.Path(__file__).parent / "data" / "intake" / "seed_article.html"
ARTICLE_PATH = "/blogs/southasiamasala/2012/03/24/pakistan-and-russia-seek-enhanced-cooperation/"


@pytest.fixture(scope="module")
def fixture_site():
    with LocalServer() as site:
        site.routes = {"/trade": lambda h: h.send(200, html("Russia-Pakistan trade", TRADE)),
                       "/robots.txt": lambda h: h.send(404, b""),
                       ARTICLE_PATH: lambda h: h.send(200, ARTICLE_PAGE.read_bytes())}
        yield site


@pytest.fixture(scope="module")
def server(tmp_path_factory, fixture_site):
    """`checker serve` on a seeded database whose claim 3 rests on two local pages: one that stays up,
    and one read once and then gone (its server stopped), as an outage leaves it."""
    from checker.check import run_checks
    from checker.net.options import CheckOptions
    from checker.store.claims import add_source, remove_source
    from checker.store.sources import select_sources

    folder = tmp_path_factory.mktemp("browser")
    path = copy_of("seeded", folder / "claims.db")
    db = open_db(path)
    db.execute("update claims set verdict_note = ? where seed_key = 'duma-group'", [XSS])
    claim_id = db.execute("select id from claims where seed_key = 'trade-2008'").fetchone()[0]
    # the recheck must touch only local servers: claim 3 keeps only local sources
    for (source_id,) in db.execute("select source_id from claim_sources where claim_id = ?", [claim_id]).fetchall():
        remove_source(db, claim_id, source_id, by="test", reason="the browser tests check local pages only")
    live = add_source(db, claim_id, fixture_site.url("/trade"), relation="supports", passage="US$630 million in 2008",
                      title="Local trade page")
    with LocalServer() as doomed:
        doomed.routes = {"/report": lambda h: h.send(200, html("Ministry report", TRADE)),
                         "/robots.txt": lambda h: h.send(404, b"")}
        gone = add_source(db, claim_id, doomed.url("/report"), relation="supports", title="Ministry report (soon down)")
        options = CheckOptions(min_interval=0, timeout=3, allow_addresses=("127.0.0.1/32",), use_archive=False)
        run_checks(db, select_sources(db, sources=[live, gone]), options)
    assert db.execute("select health from claim_health where claim_id = ?", [claim_id]).fetchone()[0] == "supported"
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
    yield {"base": base, "db": path, "claim": claim_id, "live": live, "gone": gone}
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with chromium.running(SHOTS) as browser:
        yield browser


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


PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_landing_to_a_claim_to_the_next_and_back(server, browser, device):
    context = browser.new_context(viewport=PHONE if device == "phone" else {"width": 1280, "height": 900})
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server["base"]) else None)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server["base"] + "/")
    expect(page.locator("h1")).to_have_text("Fact-checking workbench")
    assert page.locator("text=Add a claim").count() == 0  # a visitor sees no forms
    shot(page, f"01-landing-{device}")
    first = page.locator("#claims a[href*='/-/claim/']").first
    first.click()
    expect(page).to_have_url(re.compile(r"/-/claim/\d+$"))  # (waits for the navigation the click started)
    expect(page.locator(".fact-check .verdict.big")).to_be_visible()
    expect(page.locator(".fact-check .summary")).to_be_visible()
    shot(page, f"02-claim-{device}")
    here = int(page.url.rsplit("/", 1)[1])
    page.click("a[rel=next]")
    expect(page).not_to_have_url(re.compile(rf"/-/claim/{here}$"))
    assert int(page.url.rsplit("/", 1)[1]) > here
    shot(page, f"03-next-claim-{device}")
    page.click(".claim-nav a:has-text('All claims')")
    expect(page.locator("#claims")).to_have_count(1)
    assert page.url.startswith(server["base"] + "/")
    if device == "phone":  # nothing wider than the screen
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    assert not outside, outside
    assert not errors, errors
    context.close()


def test_browse_search_and_facet(server, page):
    page.goto(server["base"] + "/claims/claims?_search=Fradkov")
    expect(page.locator("table.rows-and-columns tbody tr").first).to_be_visible()
    assert "Fradkov" in page.locator("table.rows-and-columns").inner_text()
    shot(page, "04-search")
    page.goto(server["base"] + "/claims/claims")
    page.click(".facet-info a:has-text('inaccurate')")
    expect(page).to_have_url(re.compile(r"verdict=inaccurate"))
    assert page.locator("table.rows-and-columns tbody tr").count() >= 3
    assert page.evaluate("document.body.scrollHeight") < 12000  # long notes are cut in the table
    shot(page, "05-facet")


def test_a_visitor_sent_to_a_form_is_offered_the_login(server, page):
    page.goto(server["base"] + "/-/add-claim")
    expect(page.locator(".login-hint a").first).to_have_text("log in")
    expect(page.locator(".login-hint a").last).to_have_attribute("href", "/-/login-link")  # root's way back in
    shot(page, "06-login-offered")


def test_editor_adds_a_claim_typing_a_straight_apostrophe(server, page):
    login(page, server["base"])
    expect(page.locator(".actor")).to_contain_text("alice")
    page.goto(server["base"] + "/-/add-claim")
    page.fill("#quote", "Pakistan's rapprochement with")  # the article writes Pakistan’s, curly
    expect(page.locator("#quote-hint")).to_have_text("✓ found in the article")
    page.select_option("select[name=kind]", "historical")
    page.fill("textarea[name=claim]", "Pakistan sought a rapprochement with Russia.")
    page.fill("input[name=source_1_url]", "https://example.org/rapprochement")
    shot(page, "07-add-claim")
    page.click("button:has-text('Add the claim')")
    expect(page).to_have_url(re.compile(r"/-/claim/\d+$"))  # (waits for the navigation the click started)
    expect(page.locator("mark.quote")).to_have_text("Pakistan’s rapprochement with")  # the article's own wording
    shot(page, "08-claim-added")
    # an error names the article by its title, next to its field
    page.goto(server["base"] + "/-/add-claim")
    page.fill("#quote", "words the article never says")
    page.fill("textarea[name=claim]", "x")
    page.click("button:has-text('Add the claim')")
    expect(page.locator("#quote-error")).to_contain_text("Pakistan and Russia seek enhanced cooperation")
    shot(page, "09-add-claim-error")


@pytest.mark.parametrize("width", [1280, 390])
def test_a_form_with_four_errors_shows_all_four_on_one_submit(server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    login(page, server["base"])
    page.goto(server["base"] + "/-/add-claim")
    typed = "two-way trade between Russia and Pakistan increased from a minuet US$92 million in 2003"
    page.fill("#quote", typed)
    expect(page.locator("#quote-hint")).to_contain_text("then the article reads “minute US$92 million")
    page.fill("textarea[name=claim]", "Trade was small in 2003.")
    page.fill("input[name=value]", "92 million US$")
    page.fill("input[name=unit]", "USD")
    page.fill("input[name=date_start]", "2003")
    page.fill("input[name=date_end]", "2001")
    page.fill("input[name=source_1_url]", "http://127.0.0.2/trade")
    expect(page.locator("#field-source_1_url + .field-warning")).to_contain_text("Checks will not fetch it")
    page.fill("input[name=source_2_url]", "ftp://example.org/trade.csv")
    page.evaluate("document.querySelector('input[name=source_2_url]').type = 'text'")  # past the browser's own check
    page.click("button:has-text('Add the claim')")
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    expect(summary.locator("h2")).to_have_text("4 problems to fix; nothing was saved")
    expect(summary.locator("li")).to_have_count(4)
    assert summary.bounding_box()["y"] < 400  # at the top, where the page opens
    expect(page.locator("#quote")).to_have_value(typed)  # nothing typed is lost
    expect(page.locator("input[name=value]")).to_have_value("92 million US$")
    expect(page.locator("#field-source_1_url ~ .field-warning").first).to_contain_text("Checks will not fetch it")
    summary.locator("a[href='#field-date_end']").click()
    assert page.url.endswith("#field-date_end")
    shot(page, f"09b-add-claim-four-errors-{width}")
    context.close()


def test_editor_changes_a_verdict_and_edits_its_note(server, page):
    login(page, server["base"])
    page.goto(f"{server['base']}/-/claim/{server['claim']}")
    note = page.locator(".verdict-form textarea[name=note]")
    old = note.input_value()
    assert old  # the form starts with the current note
    page.select_option(".verdict-form select[name=verdict]", "inaccurate")
    page.click("button:has-text('Save verdict')")
    page.wait_for_load_state()
    expect(page.locator(".verdict-form .field-error")).to_contain_text("note")  # a new verdict asks for a new note
    page.fill(".verdict-form textarea[name=note]", "Checked against a local copy of the trade page.")
    page.click("button:has-text('Save verdict')")
    page.wait_for_load_state()
    expect(page.locator(".verdict-box h2 .verdict")).to_have_text("inaccurate")
    expect(page.locator(".verdict-box .note")).to_have_text("Checked against a local copy of the trade page.")
    page.fill(".verdict-form textarea[name=note]", "Checked against a local copy of the trade page, twice.")
    page.click("button:has-text('Save verdict')")
    page.wait_for_load_state()
    expect(page.locator(".verdict-box .note")).to_have_text("Checked against a local copy of the trade page, twice.")
    shot(page, "10-verdict")


def test_editor_removes_a_source(server, page):
    login(page, server["base"])
    page.goto(f"{server['base']}/-/claim/{server['claim']}")
    page.fill("input[name=url]", "http://127.0.0.2/added-by-mistake")
    page.fill("input[name=title]", "Added by mistake")
    page.click("button:has-text('Add source')")
    page.wait_for_load_state()
    expect(page.locator(".message-warning")).to_contain_text("Checks will not fetch it")  # the address policy's flag
    mistaken = page.locator("article.source", has_text="Added by mistake")
    mistaken.locator("summary:has-text('Remove this source')").click()
    mistaken.locator("input[name=reason]").fill("added by mistake")
    mistaken.locator("button:has-text('Remove')").click()
    expect(page.locator("article.source", has_text="Added by mistake")).to_have_count(0)
    expect(page.locator("section.removed")).to_contain_text("added by mistake")
    shot(page, "11-source-removed")


def test_recheck_with_one_server_down(server, page, fixture_site):
    login(page, server["base"])
    page.goto(f"{server['base']}/-/claim/{server['claim']}")
    expect(page.locator(".fact-check .health")).to_have_text("supported")
    page.click("button:has-text('Recheck these sources')")
    expect(page.locator("#job-status")).to_contain_text("Rechecking", timeout=10000)
    shot(page, "12-recheck-running")
    page.wait_for_url(re.compile(r"\?job=[0-9a-f]+$"), timeout=90000)
    result = page.locator(".recheck-result")
    expect(result).to_contain_text("2 sources checked: 1 read, 1 could not be reached")
    expect(result).to_contain_text("What those sources last said still stands")
    gone = page.locator(f"#source-{server['gone']}")
    expect(gone.locator(".unreachable-note")).to_contain_text("could not be reached since")
    expect(gone.locator(".support")).to_have_text("backs it")  # what it last said stands
    expect(page.locator(".fact-check .health")).to_have_text("supported")  # the claim's health unchanged
    assert fixture_site.requests_to("/trade")
    shot(page, "13-recheck-done")


def test_editor_imports_an_article_and_works_through_its_proposals(server, page, browser, fixture_site):
    login(page, server["base"])
    page.goto(server["base"] + "/-/import")
    page.fill("input[name=url]", fixture_site.url(ARTICLE_PATH))
    page.fill("input[name=id]", "imported")
    shot(page, "15-import")
    page.click("button:has-text('Import')")
    page.wait_for_url(re.compile(r"/-/article/imported$"), timeout=60000)
    expect(page.locator("h1")).to_have_text("Pakistan and Russia seek enhanced cooperation")
    assert "Sorry comments are closed" not in page.locator(".article-text").inner_text()
    page.click("button:has-text('Propose claims')")
    page.wait_for_load_state()
    expect(page.locator("mark.proposal").first).to_be_visible()
    assert page.locator("li.proposal").count() >= 10
    shot(page, "16-proposals")
    trade = page.locator("li.proposal", has=page.locator("p.quote", has_text=re.compile(r"^“to US\$441 million in 2006”$")))
    expect(trade).to_contain_text("Repeats claim")  # the seed's own claim, already recorded
    trade.locator("a:has-text('Accept')").click()
    page.wait_for_load_state()
    expect(page.locator("#quote")).to_have_value("to US$441 million in 2006")
    expect(page.locator("input[name=value]")).to_have_value("441000000")
    shot(page, "17-accept-form")
    page.click("button:has-text('Add the claim')")
    expect(page).to_have_url(re.compile(r"/-/claim/\d+$"))  # (waits for the navigation the click started)
    page.goto(server["base"] + "/-/article/imported")
    first = page.locator("li.proposal-proposed").first
    pid = first.get_attribute("id")
    first.locator("button:has-text('Reject')").click()  # no reason yet: the browser asks for one
    assert page.locator(f"#{pid}.proposal-proposed").count() == 1
    first.locator("input[name=reason]").fill("opinion, nothing to check")
    first.locator("button:has-text('Reject')").click()
    page.wait_for_load_state()
    rejected = page.locator(f"#{pid}")
    expect(rejected).to_have_class(re.compile("proposal-rejected"))
    expect(rejected.locator(".rejected-why")).to_contain_text("Rejected by alice")
    expect(rejected.locator(".rejected-why")).to_contain_text("opinion, nothing to check")
    rejected.screenshot(path=str(SHOTS / "18a-proposal-rejected.png"))
    rejected.locator("button:has-text('Reopen')").click()  # undone
    page.wait_for_load_state()
    expect(page.locator(f"#{pid}")).to_have_class(re.compile("proposal-proposed"))
    page.locator(f"#{pid} input[name=reason]").fill("opinion, nothing to check")
    page.locator(f"#{pid} button:has-text('Reject')").click()
    page.wait_for_load_state()
    expect(page.locator("li.proposal-rejected").first).to_be_visible()
    expect(page.locator("li.proposal-accepted").first).to_contain_text("accepted as claim")
    shot(page, "18-proposals-done")
    # on a phone: the same page again, importing it a second time changes nothing and leads to it
    phone = browser.new_context(viewport=PHONE).new_page()
    login(phone, server["base"])
    phone.goto(server["base"] + "/-/import")
    phone.fill("input[name=url]", fixture_site.url(ARTICLE_PATH))
    phone.click("button:has-text('Import')")
    phone.wait_for_url(re.compile(r"/-/article/imported$"), timeout=60000)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    shot(phone, "19-proposals-phone")
    phone.context.close()


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
    shot(page, "14-escaped")


def test_a_link_or_a_form_on_another_site_changes_nothing(server, browser):
    """The session cookie is SameSite=lax: a link on another site carries it (a top-level GET), and a
    page on another port of this machine is the same site, whose form POSTs with it. The link only
    shows what the action would do; the forms are refused; the button on the workbench's page acts."""
    db = open_db(server["db"])
    claim_id = db.execute("select id from claims where seed_key = 'trade-2006'").fetchone()[0]
    source_id = db.execute("select min(source_id) from claim_sources where claim_id = ?", [claim_id]).fetchone()[0]
    db.conn.close()

    def linked():
        db = open_db(server["db"])
        try:
            return db.execute("select count(*) from claim_sources where claim_id = ? and source_id = ?",
                              [claim_id, source_id]).fetchone()[0]
        finally:
            db.conn.close()

    remove = f"{server['base']}/-/claim/{claim_id}/source/{source_id}/remove"
    link = f'<p><a id="go" href="{remove}">A funny cat</a></p>'.encode()
    form = (f'<form id="f" method="post" action="{remove}"><input name="reason" value="from elsewhere"></form>'
            '<script>document.getElementById("f").submit()</script>').encode()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    login(page, server["base"])
    with LocalServer() as elsewhere:
        elsewhere.routes = {"/link": lambda h: h.send(200, link), "/form": lambda h: h.send(200, form)}
        # http://localhost:PORT is another site than the workbench's http://127.0.0.1:PORT
        page.goto(elsewhere.url("/link", host="localhost"))
        page.click("#go")
        page.wait_for_load_state()
        expect(page.locator("h1")).to_have_text(f"Remove a source from claim {claim_id}?")  # the cookie came along
        shot(page, "20-remove-asks-first")
        assert linked() == 1
        for host in ("localhost", "127.0.0.1"):  # another site; the same site on another port
            with page.expect_response(remove) as sent:
                page.goto(elsewhere.url("/form", host=host))
            assert sent.value.status == 403, host
            assert linked() == 1, host
    page.goto(remove)
    page.fill("input[name=reason]", "the page is a blog's summary")
    page.click("button:has-text('Remove this source')")
    expect(page).to_have_url(f"{server['base']}/-/claim/{claim_id}")
    expect(page.locator("section.removed")).to_contain_text("the page is a blog's summary")
    assert linked() == 0
    context.close()
