"""The landing page: in-process with Datasette's client (the claims by verdict, search, counts, the
queue, the latest checks, three SVG charts whose bars link to what they count, under any database
name and base_url, and no Plotly), then in Chromium at desktop and phone widths, with screenshots
in test-output/screenshots/ (skipped without Chromium unless CHECKER_REQUIRE_BROWSER=1)."""
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

import pytest
import pytest_asyncio
from datasette.app import Datasette

from checker.store.db import open_db
from checker.vocab import OUTCOMES
from checker.web import landing
from checker.web.charts import Links
from checker.web.serve import datasette_config

from . import chromium as chromium_for_tests
from .conftest import copy_of
from .test_serve import free_port
from .test_web import EDITOR, get, make_ds

SHOTS = pathlib.Path(__file__).parent.parent / "test-output" / "screenshots"
SCALE = ["accurate", "mostly_accurate", "partly_accurate", "inaccurate", "unverifiable", "unrated"]


def add_history(db, days=60):
    """A team's history: checks of every outcome over the last `days` days, claims in every health,
    and one claim (3) in the review queue."""
    today = datetime.now(timezone.utc).date()
    snapshot = db.execute("INSERT INTO snapshots (text_hash, text, title, content_type)"
                          " VALUES ('landing-test', 'Trade reached US$630 million in 2008.', 'Trade', 'text/html')").lastrowid
    sources = db.execute("SELECT id, url FROM sources ORDER BY id LIMIT 40").fetchall()
    rows = []
    for d in reversed(range(0, days, 2)):  # oldest first, as the ledger grows
        day = (today - timedelta(days=d)).isoformat()
        for i, (source_id, url) in enumerate(sources[: 8 + d % 12]):
            outcome = "ok" if (i + d) % 3 else OUTCOMES[(i * 7 + d) % len(OUTCOMES)]
            alive = outcome in ("ok", "not_modified")
            rows.append((source_id, f"{day}T{10 + i % 8:02d}:15:00.000Z", url, outcome, snapshot if alive else None,
                         200 if alive else None))
    db.conn.executemany(
        "INSERT INTO checks (source_id, started_at, finished_at, elapsed_ms, requested_url, outcome, snapshot_id, http_status)"
        " VALUES (?, ?, ?, 120, ?, ?, ?, ?)", [(s, at, at, url, o, snap, status) for s, at, url, o, snap, status in rows])
    healths = ["supported", "supported", "at_risk", "unsupported", "supported"]
    for claim_id, verdict in db.execute("SELECT id, verdict FROM claims ORDER BY id").fetchall():
        if claim_id % 6:  # every sixth claim stays unchecked
            db.execute("INSERT INTO claim_health (claim_id, health, verdict, supporting) VALUES (?, ?, ?, 1)",
                       [claim_id, healths[claim_id % len(healths)], verdict])
    change = db.execute(
        """INSERT INTO claim_health_log (claim_id, health, previous_health, outcome, support, previous_support, diff)
           VALUES (3, 'at_risk', 'supported', 'ok', 'missing', 'supports', 'trade reached [-US$630-] {+US$530+} million')"""
    ).lastrowid
    db.execute("UPDATE claim_health SET health = 'at_risk', last_change_id = ?, worsened = 1 WHERE claim_id = 3", [change])
    db.conn.commit()
    return len(rows)


@pytest_asyncio.fixture
async def ds(db_path):
    datasette = make_ds(db_path)
    await datasette.invoke_startup()
    return datasette


class FakeUrls:
    def table(self, database, table):
        return f"/{database}/{table}"

    def path(self, path):
        return path


def section(text, id_):
    """The HTML of the landing page's <section id=...>, up to the next top-level section."""
    start = text.index(f'<section id="{id_}"')
    return text[start:text.index("\n</section>", start)]


def claims_shown(html):
    return [int(i) for i in re.findall(r'<li><a href="/-/claim/(\d+)">', html)]


@pytest.mark.asyncio
async def test_claims_are_listed_by_verdict_in_scale_order(ds, db):
    text = (await get(ds, "/")).text
    claims = section(text, "claims")
    verdicts = re.findall(r'<h3><span class="verdict verdict-(\w+)">([^<]+)</span> <small>(\d+) claims?</small>', claims)
    in_db = dict(db.execute("SELECT verdict, count(*) FROM claims GROUP BY verdict").fetchall())
    assert verdicts == [(v, v.replace("_", " "), str(in_db[v])) for v in SCALE if in_db.get(v)]
    for verdict, _, _ in verdicts:
        group = claims[claims.index(f'verdict-{verdict}">'):]
        group = group[:group.index("</section>")]
        ids = [i for (i,) in db.execute("SELECT id FROM claims WHERE verdict = ? ORDER BY id", [verdict]).fetchall()]
        assert claims_shown(group) == ids[:landing.PER_VERDICT]
        if len(ids) > landing.PER_VERDICT:  # the rest are a link away
            words = verdict.replace("_", " ")
            assert f'<a href="/claims/claims?verdict={verdict}">All {len(ids)} {words} claims</a>' in group
    assert "Two-way trade between Russia and Pakistan was US$630 million in 2008." in claims


@pytest.mark.asyncio
async def test_each_claim_shows_its_health_as_a_labelled_badge(ds, db):
    add_history(db)
    claims = section((await get(ds, "/")).text, "claims")
    badge = re.search(r'<li><a href="/-/claim/3">[^<]+</a> (<span class="health health-(\w+)"[^>]*>.*?</span>)</li>', claims)
    assert badge.group(2) == "at_risk"
    assert re.sub(r"<[^>]+>", "", badge.group(1)) == "health at risk"
    assert 'title="Health: a source that backed the claim no longer does' in badge.group(1)
    assert "health not checked yet" in re.sub(r"<[^>]+>", "", claims)  # claim 6 has never been read


def fts_ids(db, words):
    match = " ".join(f'"{w}"' for w in words.split())
    return sorted(i for (i,) in db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", [match]).fetchall())


@pytest.mark.asyncio
@pytest.mark.parametrize("q", ["Fradkov", "trade 2008", "medvedev visit"])
async def test_search_lists_only_the_claims_it_finds(ds, db, q):
    text = (await get(ds, "/?q=" + q.replace(" ", "+"))).text
    expected = fts_ids(db, q)
    assert expected
    claims = section(text, "claims")
    n = len(expected)
    assert f"{n} claim{'s' if n != 1 else ''} match{'es' if n == 1 else ''} “{q}”" in claims
    assert sorted(claims_shown(claims)) == expected
    assert f'value="{q}"' in text  # the box keeps what was searched
    assert text.index('id="claims"') < text.index("Claims by verdict")  # results first


def test_search_links_to_all_the_matches_of_a_verdict(db):
    data = landing.claim_listing(db, Links(FakeUrls(), "claims"), "trade", {v: 0 for v in SCALE}, 1)
    assert data["matches"] == len(fts_ids(db, "trade"))
    assert all(len(g["claims"]) == 1 for g in data["groups"])
    accurate = next(g for g in data["groups"] if g["verdict"] == "accurate")
    assert accurate["all_href"] == "/claims/claims?verdict=accurate&_search=trade"


@pytest.mark.asyncio
@pytest.mark.parametrize("q,message", [
    ('"', "has no words to search for"),
    ('""  "', "has no words to search for"),
    ("*", None), ("AND", None), ("NEAR(", None), ("-", None), ("'", None), ("trade OR", None), ("x" * 5000, None),
    ("<script>alert(1)</script>", None),
])
async def test_any_search_is_answered(ds, q, message):
    response = await get(ds, "/?q=" + quote(q))
    assert response.status_code == 200
    if message:
        assert message in response.text
    assert "<script>alert(1)" not in response.text


@pytest.mark.asyncio
async def test_a_search_that_finds_nothing_says_so(ds):
    claims = section((await get(ds, "/?q=zebrafinch")).text, "claims")
    assert "0 claims match “zebrafinch”" in claims and "Try other words" in claims


def test_the_landing_lists_at_most_n_claims_per_verdict(db):
    data = landing.landing(db, Links(FakeUrls(), "claims"), per_verdict=2)
    counts = dict(db.execute("SELECT verdict, count(*) FROM claims GROUP BY verdict").fetchall())
    assert [(g["verdict"], g["total"], len(g["claims"])) for g in data["listing"]["groups"]] == [
        (v, counts[v], min(2, counts[v])) for v in SCALE if counts.get(v)]


def test_settled_days_are_counted_once_and_recent_checks_at_once(db):
    add_history(db)
    today = datetime.now(timezone.utc).date()
    first = today - timedelta(days=landing.DAYS - 1)
    path = db.execute("PRAGMA database_list").fetchone()[2]

    def counted_now():
        return sorted(db.execute(landing.BY_DAY.format("started_at >= ?"), [first.isoformat()]).fetchall())

    def add_check(day, outcome):
        source_id, url = db.execute("SELECT id, url FROM sources LIMIT 1").fetchone()
        at = f"{day.isoformat()}T12:00:00.000Z"
        db.execute("INSERT INTO checks (source_id, started_at, finished_at, elapsed_ms, requested_url, outcome)"
                   " VALUES (?, ?, ?, 1, ?, ?)", [source_id, at, at, url, outcome])

    landing.SETTLED.pop(path, None)
    assert sorted(landing.outcomes_by_day(db, first, today)) == counted_now()
    settled = landing.SETTLED[path]
    add_check(today, "timeout")  # a check written now counts at once; the settled days stay as counted
    assert sorted(landing.outcomes_by_day(db, first, today)) == counted_now()
    assert landing.SETTLED[path] is settled
    add_check(today - timedelta(days=30), "gone")  # never by checker, but a ledger that changes is recounted
    assert sorted(landing.outcomes_by_day(db, first, today)) == counted_now()
    assert landing.SETTLED[path] is not settled


@pytest.mark.asyncio
async def test_counts_queue_latest_checks_and_charts_in_plain_words(ds, db):
    add_history(db)
    text = (await get(ds, "/")).text
    for words in ("Claims by verdict", "Claims by health", "Review queue <small>(1)</small>", "Latest checks",
                  "mostly accurate", "at risk", "not checked yet", "no source of this claim has been read yet",
                  "could not reach", "no answer: no such host", "Claims by verdict and health",
                  "Check outcomes per day, last 90 days", "The article&#39;s figures against what the sources say"):
        assert words in text, words
    assert "mostly_accurate<" not in text and ">at_risk<" not in text and ">dns_error<" not in text
    queue = text[text.index("Review queue"):text.index('<section class="landing-charts"')]
    assert 'href="/-/claim/3"' in queue and "Last check: read. The source backs it → does not say it." in queue
    latest = text[text.index("<h2>Latest checks</h2>"):]
    assert re.search(r'class="outcome family-(alive|blocked|failing|unreachable)"', latest)
    assert not re.search(r"T\d\d:\d\d", latest)  # "27 Nov 2026, 10:15 UTC", not ISO stamps


@pytest.mark.asyncio
async def test_the_charts_are_svg_with_bars_that_link_to_their_rows(ds, db):
    add_history(db)
    text = (await get(ds, "/")).text
    charts = text[text.index('<section class="landing-charts"'):text.index("</section>", text.index('<section class="landing-charts"'))]
    assert charts.count("<svg ") == 3 and "<canvas" not in text
    assert re.search(r'<a href="/claims/claim_status\?verdict=accurate&amp;health=supported"><title>accurate, supported: \d+ claims?</title>', charts)
    today = datetime.now(timezone.utc).date().isoformat()
    assert f'href="/claims/checks?started_at__startswith={today}&amp;outcome__in=ok,not_modified"' in charts
    assert '<a href="/-/claim/3"><title>the article: US$630 million</title>' in charts


@pytest.mark.asyncio
async def test_figures_are_the_claims_in_a_currency_whatever_their_kind(ds, db):
    # a claim of another kind that gives an amount of money counts; a trade figure in tonnes does not
    db.execute("UPDATE claims SET value = 5e9, unit = 'EUR' WHERE id = (SELECT min(id) FROM claims WHERE kind = 'historical')")
    db.execute("UPDATE claims SET unit = 'tonnes' WHERE id = 2")
    db.conn.commit()
    historical = db.execute("SELECT min(id) FROM claims WHERE kind = 'historical'").fetchone()[0]
    text = (await get(ds, "/")).text
    figures = text[text.index('id="chart-figures"'):]
    figures = figures[:figures.index("</figure>")]
    drawn = set(int(i) for i in re.findall(r'<a href="/-/claim/(\d+)"><text', figures))
    assert drawn == {1, 3, historical}
    assert "the article: €5 billion" in figures
    assert 'unit__in=EUR,USD' in figures


@pytest.mark.asyncio
async def test_an_empty_database_says_so(tmp_path):
    path = tmp_path / "claims.db"
    open_db(path, create=True).conn.close()
    ds = make_ds(path)
    await ds.invoke_startup()
    text = (await get(ds, "/")).text
    for words in ("0 claims, 0 sources, 0 checks", "No claims yet.", "No checks yet", "No figures yet",
                  "Nothing to review"):
        assert words in text, words
    assert (await get(ds, "/?q=anything")).status_code == 200


@pytest.mark.asyncio
async def test_a_first_step_when_nothing_was_checked_yet(tmp_path, db_path):
    path = tmp_path / "empty.db"
    open_db(path, create=True).conn.close()
    empty = make_ds(path)
    await empty.invoke_startup()
    editor = {"ds_actor": empty.sign({"a": {"id": "alice", "roles": ["editor"]}}, "actor")}
    text = (await empty.client.get("/", cookies=editor)).text
    step = text[text.index('id="first-step"'):text.index("</p>", text.index('id="first-step"'))]
    assert "Nothing has been checked yet" in step and 'href="/-/import"' in step
    assert "an editor imports one" in (await get(empty, "/")).text  # a visitor is told who can
    seeded = make_ds(db_path)  # the seed: articles and claims, no check yet
    await seeded.invoke_startup()
    text = (await get(seeded, "/")).text
    assert "Recheck" in text[text.index('id="first-step"'):]


def test_the_articles_with_the_proposals_left_to_review(db):
    from checker import propose
    propose.propose(db, "pakistan-russia-2012")
    open_ = db.execute("SELECT count(*) FROM proposals WHERE status = 'proposed'").fetchone()[0]
    claims = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    rows = landing.article_rows(db)
    assert rows[0]["id"] == "pakistan-russia-2012" and (rows[0]["claims"], rows[0]["open"]) == (claims, open_)
    assert open_ > 0


@pytest.mark.asyncio
async def test_no_plotly_and_no_script_of_ours(ds):
    text = (await get(ds, "/")).text
    assert "plotly" not in text.lower()
    assert "workbench.js" not in text and "checker-charts" not in text
    assert 'rel="stylesheet" href="/-/static-plugins/checker/landing.css"' in text
    css = await get(ds, "/-/static-plugins/checker/landing.css")
    assert css.status_code == 200 and ".chart-svg" in css.text


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/", "/?q=trade"])
async def test_landing_links_follow_the_database_name_and_the_base_url(db_path, tmp_path, path):
    renamed = tmp_path / "newsroom.db"
    shutil.copyfile(db_path, renamed)
    db = open_db(renamed)
    add_history(db)
    db.conn.close()
    config, metadata = datasette_config(renamed)
    ds = Datasette([str(renamed)], config=config, metadata=metadata, secret="test-secret", settings={"base_url": "/facts/"})
    await ds.invoke_startup()
    response = await get(ds, path, actor=EDITOR)
    assert response.status_code == 200
    hrefs = re.findall(r'(?:href|action|src)="(/[^"]*)"', response.text)
    wrong = [h for h in hrefs if not h.startswith("/facts/") or h.startswith("/facts/claims/")]
    assert not wrong
    for expected in ("/facts/-/claim/3", "/facts/newsroom/claims?verdict=accurate", "/facts/newsroom/claim_status?verdict=",
                     "/facts/newsroom/checks?started_at__startswith=", "/facts/newsroom/claim_sources?claim_id=3&amp;source_id="):
        assert any(h.startswith(expected) for h in hrefs), expected
    assert 'action="/facts/"' in response.text


# --- in Chromium -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def chromium():
    chromium_for_tests.require()
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = chromium_for_tests.launch(p)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = copy_of("seeded", tmp_path_factory.mktemp("landing") / "claims.db")
    db = open_db(path)
    add_history(db)
    db.conn.close()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "checker.cli", "serve", "--db", str(path), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert proc.poll() is None, "checker serve exited"
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.parametrize("name,viewport", [("desktop", {"width": 1280, "height": 900}),
                                           ("phone", {"width": 390, "height": 844})])
def test_the_landing_page_in_a_browser(chromium, server, name, viewport):
    context = chromium.new_context(viewport=viewport, is_mobile=name == "phone", has_touch=name == "phone")
    page = context.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    try:
        page.goto(server + "/")
        page.wait_for_load_state("load")
        assert page.locator("h1").inner_text() == "Fact-checking workbench"
        assert not [u for u in requested if "plotly" in u.lower()]
        assert page.locator("svg.chart-svg").count() == 3
        for chart in page.locator("svg.chart-svg").all():
            box = chart.bounding_box()
            assert box["width"] > 200 and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 0.5
        # nothing wider than the screen: no sideways scrolling
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        # the page paints content; how soon is bench/landing_bench.py's to measure (a time limit here
        # failed CI on a busy machine: 3.1 s while other tests ran beside it)
        assert page.evaluate("performance.getEntriesByName('first-contentful-paint').length") == 1
        page.screenshot(path=str(SHOTS / f"landing-{name}.png"), full_page=True)
        # a bar leads to the claims it counts
        page.locator("#chart-verdict-health svg a[href*='claim_status']").first.click()
        page.wait_for_url(re.compile(r"/claims/claim_status\?verdict=.*health="))
        # and the search box finds claims without any script
        page.goto(server + "/")
        page.fill("#landing-q", "Fradkov")
        page.press("#landing-q", "Enter")
        page.wait_for_url(re.compile(r"q=Fradkov"))
        assert re.match(r"Claims: \d+ claims? match", page.locator("#claims h2").inner_text())
    finally:
        context.close()
