"""The workbench as a fact-checker reads it: claim pages, links from every table, plain words, the
JSON twin, feeds, recheck reports and the schedule. In-process, against Datasette's test client."""
import re
import time
import xml.etree.ElementTree as ET

import pytest
import pytest_asyncio
from datasette.app import Datasette

from checker.net.attempt import Attempt, Snapshot
from checker.check import Summary, save
from checker.store.claims import add_source, set_verdict
from checker.web.jobs import report
from checker.web.serve import datasette_config

EDITOR = {"id": "alice", "roles": ["editor"]}
ATOM = "{http://www.w3.org/2005/Atom}"
SUPPORTING = "Two-way trade between Russia and Pakistan reached US$630 million in 2008, the ministry said."
CHANGED = "Two-way trade between Russia and Pakistan reached US$530 million in 2008, the ministry said."


@pytest_asyncio.fixture
async def ds(db_path):
    config, metadata = datasette_config(db_path)
    datasette = Datasette([str(db_path)], config=config, metadata=metadata, secret="test-secret")
    await datasette.invoke_startup()
    return datasette


def cookies(ds, actor):
    return {"ds_actor": ds.sign({"a": actor}, "actor")}


def trade_claim(db):
    return db.execute("select id from claims where seed_key = 'trade-2008'").fetchone()[0]


def read(db, source_id, url, text, when):
    attempt = Attempt(requested_url=url, started_at=when, elapsed_ms=5, outcome="ok",
                      snapshot=Snapshot(text=text, body=text.encode(), title="Trade report"))
    save(db, {"id": source_id, "url": url}, [attempt])


def fail(db, source_id, url, when):
    save(db, {"id": source_id, "url": url}, [Attempt(requested_url=url, started_at=when, elapsed_ms=5,
                                                     outcome="dns_error", error="does not resolve")])


@pytest.mark.asyncio
async def test_claim_page_says_where_each_name_was_found(ds, db):
    """The page's title names both countries; its text gives only the figure and the year."""
    claim_id = trade_claim(db)
    url = "https://trade.example/pact"
    source_id = add_source(db, claim_id, url, relation="supports")
    text = "Two-way trade between the two countries reached US$630 million in 2008, officials said."
    attempt = Attempt(requested_url=url, started_at=time.time() - 60, elapsed_ms=5, outcome="ok",
                      snapshot=Snapshot(text=text, body=text.encode(), title="Russia and Pakistan sign a trade pact"))
    save(db, {"id": source_id, "url": url}, [attempt])
    row = db.execute("SELECT support, facts_where FROM evidence WHERE source_id = ? ORDER BY id DESC", [source_id]).fetchone()
    assert row[0] == "supports" and '"where": "title"' in row[1]
    page = (await ds.client.get(f"/-/claim/{claim_id}")).text
    assert "Russia: in the page&#39;s title" in page and "Pakistan: in the page&#39;s title" in page


@pytest.mark.asyncio
async def test_claim_page_reads_like_a_fact_check(ds, db):
    claim_id = trade_claim(db)
    url = "https://trade.example/report"
    source_id = add_source(db, claim_id, url, relation="supports")
    read(db, source_id, url, SUPPORTING, time.time() - 10 * 86400)
    fail(db, source_id, url, time.time() - 86400)
    text = (await ds.client.get(f"/-/claim/{claim_id}")).text
    head = text[:text.index("What the article says")]
    assert 'class="verdict verdict-' in head and "big" in head  # the rating, large, first
    assert "US$630 million" in head and "2008" in head  # the figure as people write it
    assert "could not be reached since" in head and "it still said it" in head  # the one-line summary
    assert 'class="health health-supported"' in head and ">supported<" in head
    assert "0 of" not in head
    assert "What the labels mean" in text and "at risk" in text  # the legend
    assert 'title="A source backs the claim in what it last said."' in text  # a badge's tooltip
    assert f'href="/-/claim/{claim_id}.json"' in text
    assert 'rel="prev"' in text and 'rel="next"' in text and 'href="/#claims"' in text


@pytest.mark.asyncio
async def test_before_any_check_the_page_says_so(ds, db):
    text = (await ds.client.get("/-/claim/1")).text
    assert "No source has been read yet" in text and "sources support it now" not in text


@pytest.mark.asyncio
async def test_claim_json_twin(ds, db):
    claim_id = trade_claim(db)
    data = (await ds.client.get(f"/-/claim/{claim_id}.json")).json()
    assert data["claim"]["id"] == claim_id and data["status"]["health"] == "unchecked"
    assert data["context"]["quote"] in data["article"]["text"]
    assert data["sources"] and all("snippet_parts" not in s for s in data["sources"])
    assert data["summary"].startswith("No source has been read yet")
    assert (await ds.client.get("/-/claim/999999.json")).status_code == 404


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/claims/claims", "/claims/claim_status", "/claims/claims_with_sources",
                                  "/claims/claim_sources", "/claims/claims_by_verdict?_shape=html"])
async def test_every_claim_links_to_its_page(ds, db, path):
    text = (await ds.client.get(path)).text
    assert 'href="/-/claim/' in text, path


@pytest.mark.asyncio
async def test_tables_read_in_plain_words(ds, db):
    text = (await ds.client.get("/claims/claims")).text
    assert '<span class="verdict verdict-mostly_accurate"' in text and ">mostly accurate</span>" in text
    longest = max(len(r[0]) for r in db.execute("select verdict_note from claims"))
    assert longest > 200
    assert "…" in text  # long notes are cut on the list
    row = (await ds.client.get("/claims/claims/1")).text
    note = db.execute("select verdict_note from claims where id = 1").fetchone()[0]
    from markupsafe import escape

    assert str(escape(note)) in row  # whole on the row's page
    query = (await ds.client.get("/claims/claims_with_sources")).text
    assert "<title>Claims with their sources</title>" in query


@pytest.mark.asyncio
async def test_forms_send_visitors_to_log_in_and_every_page_has_a_way_home(ds):
    denied = await ds.client.get("/-/add-claim")
    assert denied.status_code == 403 and 'href="/-/login"' in denied.text
    missing = await ds.client.get("/no/such/page")
    assert missing.status_code == 404 and 'href="/">Workbench</a>' in missing.text
    for path in ["/claims", "/claims/claims", "/-/claim/1"]:
        page = (await ds.client.get(path)).text
        assert 'href="/">Workbench</a>' in page
        assert "CC BY 4.0" in page and "Data source" in page  # the licence and the source, in the footer


def atom_entries(xml_text):
    root = ET.fromstring(xml_text)
    assert root.tag == f"{ATOM}feed"
    # RFC 4287: a feed has an id, a title, an updated, an author (or every entry has one), and each
    # entry an id, a title and an updated; dates are RFC 3339
    for element in (root, *root.findall(f"{ATOM}entry")):
        for child in ("id", "title", "updated"):
            assert element.find(f"{ATOM}{child}") is not None and element.find(f"{ATOM}{child}").text
        time.strptime(element.find(f"{ATOM}updated").text[:19], "%Y-%m-%dT%H:%M:%S")
    assert root.find(f"{ATOM}author/{ATOM}name").text
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    return root.findall(f"{ATOM}entry")


@pytest.mark.asyncio
async def test_feeds_of_the_review_queue_and_health_changes(ds, db):
    empty = await ds.client.get("/claims/review_queue.atom")
    assert empty.status_code == 200 and empty.headers["content-type"].startswith("application/atom+xml")
    assert atom_entries(empty.text) == []
    claim_id = trade_claim(db)
    url = "https://trade.example/report"
    source_id = add_source(db, claim_id, url, relation="supports")
    set_verdict(db, claim_id, "accurate", note="The ministry's report gives the figure.", by="alice")
    read(db, source_id, url, SUPPORTING, time.time() - 60)
    read(db, source_id, url, CHANGED, time.time())
    [entry] = atom_entries((await ds.client.get("/claims/review_queue.atom")).text)
    assert f"Claim {claim_id} (accurate): supported to at risk" == entry.find(f"{ATOM}title").text
    assert entry.find(f"{ATOM}link").get("href").endswith(f"/-/claim/{claim_id}")
    assert "US$530" in entry.find(f"{ATOM}content").text
    changes = atom_entries((await ds.client.get("/claims/health_changes.atom")).text)
    assert [e.find(f"{ATOM}title").text for e in changes][:2] == [
        f"Claim {claim_id}: supported to at risk", f"Claim {claim_id}: not checked yet to supported".replace(
            "not checked yet", "unchecked")]


def feed_head(xml_text):
    """A feed's own updated and the HTML page it names as its alternate."""
    root = ET.fromstring(xml_text)
    alternate = root.find(f"{ATOM}link[@rel='alternate']")
    assert alternate is not None and alternate.get("type") == "text/html"
    return root.find(f"{ATOM}updated").text, alternate.get("href")


@pytest.mark.asyncio
async def test_a_feed_is_as_new_as_its_latest_entry_and_names_its_page(ds, db):
    made = db.execute("select min(applied_at) from _sqlite_migrations").fetchone()[0]
    # empty: the database's making, however often it is asked, not the time of asking
    for path in ("/claims/review_queue.atom", "/claims/health_changes.atom"):
        updated, page = feed_head((await ds.client.get(path)).text)
        assert updated.startswith(made[:10] + "T" + made[11:19]), (updated, made)
        assert page == "http://localhost" + path.removesuffix(".atom")
        html = (await ds.client.get(page.removeprefix("http://localhost"))).text
        head = html.split("</head>")[0]  # the page the feed follows links back to it, in its head and its text
        assert re.search(f'<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="{path}">', head)
        assert f'<a class="feed-link" href="{path}"' in html
    claim_id = trade_claim(db)
    url = "https://trade.example/report"
    source_id = add_source(db, claim_id, url, relation="supports")
    set_verdict(db, claim_id, "accurate", note="The ministry's report gives the figure.", by="alice")
    read(db, source_id, url, SUPPORTING, time.time() - 60)
    read(db, source_id, url, CHANGED, time.time() - 30)
    last = db.execute("select max(changed_at) from claim_health_log").fetchone()[0]
    for path in ("/claims/review_queue.atom", "/claims/health_changes.atom?_size=5"):
        updated, page = feed_head((await ds.client.get(path)).text)
        assert updated[:19] == last[:19].replace(" ", "T"), (path, updated, last)  # half a minute ago, not now
        assert page == "http://localhost" + path.replace(".atom", "")


@pytest.mark.parametrize("path,query,twin", [
    ("/claims/review_queue.atom", "", "/claims/review_queue"),
    ("/claims/health_changes.atom", "_size=5", "/claims/health_changes?_size=5"),
    ("/claims/-/query.atom", "sql=select+1&_format=atom", "/claims/-/query?sql=select+1"),
    ("/claims/claims.atom", "verdict=accurate&_sort=id", "/claims/claims?verdict=accurate&_sort=id"),
])
def test_html_twin(path, query, twin):
    from checker.web.feeds import html_twin

    assert html_twin(path, query) == twin


@pytest.mark.asyncio
async def test_the_landing_page_links_to_both_feeds(ds):
    html = (await ds.client.get("/")).text
    head = html.split("</head>")[0]
    for path in ("/claims/review_queue.atom", "/claims/health_changes.atom"):
        assert re.search(f'<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="{path}">', head)
        assert f'<a class="feed-link" href="{path}"' in html


# Every character XML 1.0 cannot hold, and some it can (tab, line feed, DEL, C1 controls, a bidi override)
NOT_XML_1_0 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CONTROLS = "".join(chr(c) for c in range(0x20) if c not in (0x09, 0x0a, 0x0d)) + "\t\n\x7f\x85\u202e"


@pytest.mark.asyncio
async def test_feeds_stay_xml_whatever_a_claim_holds(ds, db):
    """A claim, its verdict note and its source's title holding control characters (and, written as
    raw bytes, a lone surrogate and other UTF-8 that does not decode) still make feeds an XML parser
    reads, each with one feed of entries that have an id, a title and an updated."""
    claim_id = trade_claim(db)
    url = "https://trade.example/report"
    source_id = add_source(db, claim_id, url, relation="supports", title="Trade\x00report\x1b")
    db.execute("update claims set claim = ? || claim || ? where id = ?", [CONTROLS, "\x01\ufffe", claim_id])
    set_verdict(db, claim_id, "accurate", note="Note\x07 with a bell\x0c.", by="alice")
    read(db, source_id, url, SUPPORTING, time.time() - 60)
    read(db, source_id, url, CHANGED + "\x00\x08", time.time())
    db.execute("update claims set claim = claim || cast(x'eda080' as text) || cast(x'ff' as text) where id = ?",
               [claim_id])  # a lone surrogate (CESU-8) and a byte no UTF-8 has, as another program could write them
    for path in ("/claims/health_changes.atom", "/claims/review_queue.atom",
                 "/claims/-/query.atom?sql=select+id+as+atom_id,+claim+as+atom_title,+verdict_note+as+atom_content,"
                 "+'2026-01-01'+as+atom_updated+from+claims+where+id+=+" + str(claim_id)):
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text)
        root = ET.fromstring(response.content)  # a strict XML 1.0 parser, on the bytes as sent
        assert root.tag == f"{ATOM}feed" and len(root.findall(f"{ATOM}feed")) == 0
        entries = atom_entries(response.content.decode("utf-8"))
        assert entries, path
        text = " ".join("".join(e.itertext()) for e in entries)
        assert "\ufffd" in text and not NOT_XML_1_0.search(text)
        if "query" in path:
            assert entries[0].find(f"{ATOM}content").text == "Note\ufffd with a bell\ufffd."
        else:  # the claim, in each entry's content: what XML can hold is kept as it was
            assert "\t\n\x7f\x85\u202e" in text and "US$630 million" in text


@pytest.mark.asyncio
@pytest.mark.parametrize("updated,status,content", [
    ("'2026-11-27'", 200, "A title only"),  # no content and no link: Atom wants one, so the title is the content
    ("'2026-11-27T04:01:07.123Z'", 200, "A title only"),
    ("'last Tuesday'", 400, None),
    ("null", 400, None),
])
async def test_feed_of_any_query(ds, updated, status, content):
    sql = f"select 'x:1' as atom_id, 'A title only' as atom_title, {updated} as atom_updated"
    response = await ds.client.get("/claims/-/query.atom", params={"sql": sql})
    assert response.status_code == status, response.text
    if status == 200:
        [entry] = atom_entries(response.text)
        assert entry.find(f"{ATOM}content").text == content
    else:
        assert "is not an ISO date or time" in response.text and response.text.count("\n") == 0


def summary_of(*outcomes, rescued=0):
    summary = Summary()
    for n, outcome in enumerate(outcomes):
        summary.add({"id": n, "url": f"https://a.example/{n}"}, [Attempt(requested_url="x", outcome=outcome)])
    summary.rescued = rescued
    return summary


@pytest.mark.parametrize("outcomes,changed,read_before,expected", [
    (("ok", "ok", "not_modified"), [], 0, "3 sources checked: 3 read, none changed."),
    (("ok", "ok"), [7], 0, "2 sources checked: 2 read, 1 changed."),
    (("dns_error",) * 78, [], 0, "78 sources checked: none could be reached, none changed. None could be reached: "
                                 "this machine seems to have no network access."),
    (("ok", "timeout"), [], 1, "2 sources checked: 1 read, 1 could not be reached, none changed. What those sources"),
    (("refused_address",), [], 0, "Every source that failed was refused by the address policy"),
    ((), [], 0, "Nothing to check: this claim has no sources yet."),
])
def test_recheck_reports_in_plain_words(outcomes, changed, read_before, expected):
    assert expected in report(summary_of(*outcomes), changed, read_before)


def test_what_was_never_read_is_not_said_to_stand():
    said = report(summary_of("ok", "timeout"), [], read_before=0)
    assert "1 could not be reached" in said and "still stands" not in said


def test_scheduled_rechecks_take_only_stale_sources(db_path, db):
    from checker.net.options import CheckOptions
    from checker.web.schedule import Schedule

    from .servers import LocalServer, html

    with LocalServer() as site:
        site.routes = {"/r": lambda h: h.send(200, html("Trade", SUPPORTING)), "/robots.txt": lambda h: h.send(404, b"")}
        url = site.url("/r")
        source_id = add_source(db, trade_claim(db), url, relation="supports")
        options = CheckOptions(min_interval=0, timeout=3, allow_addresses=("127.0.0.1/32",), use_archive=False)
        # everything else in the seed points at the internet: mark it fresh so the schedule leaves it alone
        for (other,) in db.execute("select id from sources where id <> ?", [source_id]).fetchall():
            fail(db, other, "https://elsewhere.example/", time.time())
        schedule = Schedule(str(db_path), 3600, options)
        first = schedule.run_once()
        assert first.checked == 1 and first.outcomes == {"ok": 1}
        again = schedule.run_once()
        assert again.checked == 0 and schedule.last[1].startswith("checked 0 sources")
