"""The workbench plugin, in-process: pages for visitors, forms for editors, refusals for everyone else."""
import re

import pytest
import pytest_asyncio
from datasette.app import Datasette

from checker.web.serve import datasette_config

from .conftest import SEED_CLAIMS, remove_links

from .servers import LocalServer, html

QUOTE = "US$630 million in 2008"
XSS = '<script>alert("x")</script><img src=x onerror="alert(1)">'


def make_ds(db_path, **plugin):
    config, metadata = datasette_config(db_path)
    config.setdefault("plugins", {}).setdefault("checker", {}).update(plugin)
    return Datasette([str(db_path)], config=config, metadata=metadata, secret="test-secret")


@pytest_asyncio.fixture
async def ds(db_path):
    datasette = make_ds(db_path)
    await datasette.invoke_startup()
    return datasette


def as_actor(ds, actor):
    return {"ds_actor": ds.sign({"a": actor}, "actor")}


EDITOR = {"id": "alice", "roles": ["editor"]}


async def get(ds, path, actor=None):
    return await ds.client.get(path, cookies=as_actor(ds, actor) if actor else None)


async def post(ds, path, data, actor=None, headers=None):
    return await ds.client.post(path, data=data, cookies=as_actor(ds, actor) if actor else None, headers=headers)


def count(db, table):
    return db.execute(f"select count(*) from {table}").fetchone()[0]


PAGES = ["/", "/-/claim/1", "/-/claim/15", "/claims/claims", "/claims/review_queue", "/claims/claim_status",
         "/claims/source_health", "/claims/evidence"]


@pytest.mark.asyncio
@pytest.mark.parametrize("path", PAGES)
async def test_pages_render_for_a_visitor_without_forms(ds, path):
    response = await get(ds, path)
    assert response.status_code == 200, response.text[:500]
    assert "<form method=\"post\" action=\"/-/claim" not in response.text
    assert "Add a claim</a>" not in response.text


@pytest.mark.asyncio
async def test_landing_page(ds, db):
    text = (await get(ds, "/")).text
    assert "Fact-checking workbench" in text
    assert f"{SEED_CLAIMS} claims, {count(db, 'sources')} sources, 0 checks" in text
    assert "plotly" not in text.lower() and "cdn" not in text.lower()
    assert 'id="chart-figures"' in text and "the article: US$630 million" in text
    assert (await get(ds, "/-/checker/plotly.js")).status_code == 404


@pytest.mark.asyncio
async def test_claim_page_shows_the_quote_in_context(ds):
    text = (await get(ds, "/-/claim/3")).text
    assert '<mark class="quote">US$630 million in 2008</mark>' in text
    assert "two-way trade between Russia and Pakistan increased" in text  # its paragraph
    assert "Two-way trade between Russia and Pakistan was US$630 million in 2008." in text
    assert 'href="/claims/claims/3"' in text  # the raw row
    assert "Verdict history" in text
    assert "rusconsulkarachi" in text


@pytest.mark.asyncio
async def test_claim_page_says_where_each_passage_was_read(ds, db):
    """A passage read in a stored copy (every seed passage), on the live page, in an archive capture, or where
    nobody recorded: the page says which in words, read from claim_sources.passage_read_in, and says "the live
    page" only for a passage recorded as read there."""
    from checker.store.claims import add_source

    claim_id = db.execute("select id from claims where seed_key = 'trade-2003'").fetchone()[0]
    add_source(db, claim_id, "https://example.org/live", relation="context", passage="Read on the page itself.",
               passage_read_in="live_page")
    add_source(db, claim_id, "https://example.org/gone", relation="context", passage="Read in an archive.",
               passage_found_at="https://web.archive.org/web/2012/https://example.org/gone",
               passage_read_in="archive_capture")
    add_source(db, claim_id, "https://example.org/unsaid", relation="context", passage="Read who knows where.")
    text = (await get(ds, f"/-/claim/{claim_id}")).text
    provenance = re.findall(r'<p class="provenance provenance-(\w+)">(.*?)</p>', text, re.S)
    kinds = [kind for kind, _ in provenance]
    assert sorted(kinds) == ["archive_capture", "live_page", "not_recorded", "stored_copy", "stored_copy"], provenance
    said = {kind: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", words)).strip() for kind, words in provenance}
    assert said["stored_copy"] == ("Passage read in a stored copy of the page, not on the live page: the copy is kept"
                                   " under the page's own address. Read on 5 Dec 2026.")
    assert said["live_page"].startswith("Passage read on the live page, at its own address, on ")
    assert said["archive_capture"].startswith("Passage read in an archive capture at"
                                              " https://web.archive.org/web/2012/https://example.org/gone, not on the live page, on ")
    assert said["not_recorded"].startswith("Where the passage was read is not recorded; checked on ")
    assert "live page" not in said["not_recorded"]
    # the note no longer carries words about where the passage was read
    assert "Read in a stored copy." not in text
    assert "Moscow Times report on Musharraf" in text
    sources = (await get(ds, f"/-/claim/{claim_id}.json")).json()["sources"]
    assert {s["url"]: s["passage_read_in"] for s in sources}["https://example.org/unsaid"] is None


@pytest.mark.asyncio
async def test_an_editor_says_where_a_passage_was_read(ds, db):
    claim_id = db.execute("select id from claims where seed_key = 'trade-2003'").fetchone()[0]
    form = (await get(ds, f"/-/claim/{claim_id}", EDITOR)).text
    assert '<select name="passage_read_in"><option value="" selected>not recorded</option>' in form
    links, sources = count(db, "claim_sources"), count(db, "sources")
    bad = await post(ds, f"/-/claim/{claim_id}/source", {"url": "https://example.org/x", "passage": "words",
                                                         "passage_read_in": "the moon"}, EDITOR)
    assert bad.status_code == 400 and "unknown passage read in &#39;the moon&#39;" in bad.text
    assert (count(db, "claim_sources"), count(db, "sources")) == (links, sources)
    same = await post(ds, f"/-/claim/{claim_id}/source", {"url": "https://example.org/x", "passage": "words",
                                                          "passage_read_in": "archive_capture"}, EDITOR)
    assert same.status_code == 400 and "needs the capture&#39;s own address" in same.text
    assert count(db, "claim_sources") == links
    good = await post(ds, f"/-/claim/{claim_id}/source", {
        "url": "https://example.org/x", "passage": "words", "passage_read_in": "archive_capture",
        "passage_found_at": "https://web.archive.org/web/2020/https://example.org/x"}, EDITOR)
    assert good.status_code == 302
    assert db.execute("select passage_read_in, passage_found_at from claim_sources where claim_id = ? and source_id ="
                      " (select id from sources where url = 'https://example.org/x')", [claim_id]).fetchone() == (
        "archive_capture", "https://web.archive.org/web/2020/https://example.org/x")


@pytest.mark.asyncio
async def test_claims_table_links_to_claim_pages(ds):
    text = (await get(ds, "/claims/claims")).text
    claim = "Two-way trade between Russia and Pakistan was US$630 million in 2008."
    assert f'<a href="/-/claim/3" title="{claim}">{claim}</a>' in text


@pytest.mark.asyncio
@pytest.mark.parametrize("path,data", [
    ("/-/claim/3/verdict", {"verdict": "accurate", "note": "n"}),
    ("/-/claim/3/source", {"url": "https://example.org/new", "relation": "supports"}),
    ("/-/claim/3/recheck", {}),
    ("/-/article/pakistan-russia-2012/recheck", {}),
    ("/-/add-claim", {"article": "pakistan-russia-2012", "quote": QUOTE, "kind": "trade_figure", "claim": "c"}),
])
async def test_anonymous_writes_are_refused(ds, db, path, data):
    before = [count(db, t) for t in ("claims", "sources", "claim_sources", "checks", "verdict_history")]
    response = await post(ds, path, data)
    assert response.status_code == 403
    assert [count(db, t) for t in ("claims", "sources", "claim_sources", "checks", "verdict_history")] == before
    visitor = {"id": "bob"}  # logged in, but not an editor
    assert (await post(ds, path, data, actor=visitor)).status_code == 403


@pytest.mark.asyncio
async def test_cross_site_posts_are_refused(ds, db):
    before = count(db, "verdict_history")
    response = await post(ds, "/-/claim/3/verdict", {"verdict": "accurate"}, actor=EDITOR,
                          headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert count(db, "verdict_history") == before


@pytest.mark.asyncio
async def test_editor_sees_forms(ds):
    text = (await get(ds, "/-/claim/3", actor=EDITOR)).text
    assert 'action="/-/claim/3/verdict"' in text and 'action="/-/claim/3/source"' in text and "Recheck" in text
    assert (await get(ds, "/-/add-claim", actor=EDITOR)).status_code == 200
    assert (await get(ds, "/-/add-claim")).status_code == 403


@pytest.mark.asyncio
async def test_editor_adds_a_claim_with_two_sources(ds, db):
    data = {"article": "pakistan-russia-2012", "quote": QUOTE, "kind": "trade_figure",
            "claim": "Trade reached US$630 million in 2008.", "value": "630000000", "unit": "USD",
            "date_start": "2008", "date_end": "2008",
            "source_1_url": "https://example.org/one", "source_1_passage": "630 million dollars", "source_1_relation": "cited",
            "source_2_url": "https://example.org/two", "source_2_relation": "supports", "source_2_title": "Two",
            "same_quote": "1"}  # (the seed already claims these words: see the next test)
    response = await post(ds, "/-/add-claim", data, actor=EDITOR)
    assert response.status_code == 302, response.text[:800]
    claim_id = int(response.headers["location"].rsplit("/", 1)[1])
    claim = dict(next(db.query("select * from claims where id = ?", [claim_id])))
    assert (claim["added_by"], claim["value"], claim["kind"]) == ("alice", 630000000, "trade_figure")
    links = db.execute("select sources.url, relation, passage from claim_sources join sources on sources.id = source_id"
                       " where claim_id = ? order by sources.url", [claim_id]).fetchall()
    assert links == [("https://example.org/one", "cited", "630 million dollars"), ("https://example.org/two", "supports", None)]


@pytest.mark.asyncio
@pytest.mark.parametrize("change,field,message", [
    ({"quote": "Russia invaded Canada"}, "quote", "does not occur in the text"),
    ({"quote": "two-way trade between Russia and India"}, "quote", "then the article reads"),
    ({"quote": ""}, "quote", "quote must not be empty"),
    ({"kind": "rumour"}, "kind", "unknown kind"),
    ({"value": "lots"}, "value", "not a number"),
    ({"date_start": "March 2012"}, "date_start", "not a date"),
    ({"source_2_url": "javascript:alert(1)"}, "source_2_url", "invalid URL"),
    ({"article": "nope"}, "article", "no article"),
])
async def test_bad_input_gives_a_field_error_and_writes_nothing(ds, db, change, field, message):
    data = {"article": "pakistan-russia-2012", "quote": QUOTE, "kind": "trade_figure", "claim": "c",
            "value": "630000000", "unit": "USD", "source_1_url": "https://example.org/one",
            "source_2_url": "https://example.org/two", **change}
    before = [count(db, t) for t in ("claims", "sources", "claim_sources")]
    response = await post(ds, "/-/add-claim", data, actor=EDITOR)
    assert response.status_code == 400
    assert message in response.text
    # the error stands next to its field
    assert re.search(rf'name="{field}"[^>]*>[^<]*(</textarea>|</select>)?\s*(</label>)?\s*(<p class="field-hint"[^>]*></p>\s*)?<p class="field-error"', response.text, re.S) \
        or re.search(rf'name="{field}".{{0,1500}}?class="field-error"[^>]*>[^<]*{re.escape(message)}', response.text, re.S)
    assert [count(db, t) for t in ("claims", "sources", "claim_sources")] == before


@pytest.mark.asyncio
async def test_a_form_with_four_errors_shows_all_four_on_one_submit_and_keeps_what_was_typed(ds, db):
    quote = "two-way trade between Russia and Pakistan increased from a minuet US$92 million in 2003"
    data = {"article": "pakistan-russia-2012", "quote": quote, "kind": "trade_figure", "claim": "Trade was small.",
            "value": "92 million US$", "unit": "USD", "date_start": "2003", "date_end": "2001",
            "source_1_url": "ftp://example.org/trade.csv"}
    before = [count(db, t) for t in ("claims", "sources", "claim_sources")]
    response = await post(ds, "/-/add-claim", data, actor=EDITOR)
    assert response.status_code == 400
    page = response.text
    summary = page[page.index('class="error-summary"'):page.index("</div>", page.index('class="error-summary"'))]
    assert "4 problems to fix; nothing was saved" in summary
    for field in ("quote", "value", "date_end", "source_1_url"):
        assert f'href="#field-{field}"' in summary and f'id="field-{field}"' in page
    # the whole quote is kept, and the message says where it stops matching the article
    assert f">{quote}</textarea>" in page
    assert "up to “… Russia and Pakistan increased from a”, then the article reads “minute US$92 million in 2003, to …” where the quote has “minuet US$92 million in 2003”" in page
    assert "92 million" in summary and "give the figure alone" in summary
    assert [count(db, t) for t in ("claims", "sources", "claim_sources")] == before
    # written as people write it, a figure is understood
    fixed = {**data, "quote": quote.replace("minuet", "minute"), "value": "92 million", "date_end": "2003",
             "source_1_url": "https://example.org/trade.csv", "same_quote": "1"}
    response = await post(ds, "/-/add-claim", fixed, actor=EDITOR)
    assert response.status_code == 302, response.text[:500]
    assert db.execute("select value from claims order by id desc limit 1").fetchone() == (92000000,)


@pytest.mark.asyncio
async def test_a_quote_already_claimed_offers_the_claim_that_has_it(ds, db):
    existing = db.execute("select id from claims where quote = ?", [QUOTE]).fetchone()[0]
    data = {"article": "pakistan-russia-2012", "quote": QUOTE, "kind": "trade_figure", "claim": "Another reading.",
            "value": "630000000", "unit": "USD"}
    response = await post(ds, "/-/add-claim", data, actor=EDITOR)
    assert response.status_code == 400
    assert f'href="/-/claim/{existing}"' in response.text and 'name="same_quote"' in response.text
    response = await post(ds, "/-/add-claim", {**data, "same_quote": "1"}, actor=EDITOR)
    assert response.status_code == 302


@pytest.mark.asyncio
async def test_a_private_address_is_flagged_next_to_its_field(ds, db):
    data = {"article": "pakistan-russia-2012", "quote": QUOTE, "kind": "trade_figure", "claim": "",
            "source_1_url": "http://127.0.0.2/report", "source_2_url": "https://example.org/two"}
    page = (await post(ds, "/-/add-claim", data, actor=EDITOR)).text
    at = page.index('name="source_1_url"')
    assert "Checks will not fetch it" in page[at:at + 800]
    at = page.index('name="source_2_url"')
    assert "Checks will not fetch it" not in page[at:at + 800]


@pytest.mark.asyncio
async def test_the_address_check_beside_every_url_field(ds):
    private = (await get(ds, "/-/address-check.json?url=http://127.0.0.2/x", actor=EDITOR)).json()
    assert "Checks will not fetch it" in private["warning"]
    assert (await get(ds, "/-/address-check.json?url=http://127.0.0.2/x")).status_code == 403  # editors only
    for path in ("/-/add-claim", "/-/claim/3", "/-/import"):
        assert 'data-address-check="/-/address-check.json"' in (await get(ds, path, actor=EDITOR)).text, path


@pytest.mark.parametrize("outcomes,said", [
    ([], "No source has been read yet (2 sources to check)."),
    (["timeout"], "Nothing could be read from its sources yet: 1 source checked, none readable; 1 not checked yet."),
    (["timeout", "dns_error"], "Nothing could be read from its sources yet: 2 sources checked, none readable."),
])
def test_a_claim_whose_sources_were_checked_but_never_read_says_so(outcomes, said):
    from checker.web.claim_page import summary
    sources = [{"relation": "cited", "support": None, "unreachable_since": None, "latest_outcome": o}
               for o in outcomes + [None] * (2 - len(outcomes))]
    assert summary({}, sources) == said


@pytest.mark.asyncio
async def test_add_a_source_shows_every_problem_at_once(ds, db):
    before = count(db, "claim_sources")
    response = await post(ds, "/-/claim/3/source", {"url": "ftp://example.org/x", "relation": "rumour",
                                                    "passage": "trade reached $630 million"}, actor=EDITOR)
    assert response.status_code == 400
    assert "invalid URL" in response.text and "unknown relation" in response.text
    assert 'value="ftp://example.org/x"' in response.text  # what was typed is kept
    assert count(db, "claim_sources") == before


@pytest.mark.asyncio
async def test_a_verdict_of_the_seed_says_so_in_words(ds):
    page = (await get(ds, "/-/claim/3")).text
    assert "by the seed dataset" in page and "by seed<" not in page and "by seed " not in page


@pytest.mark.asyncio
async def test_editor_adds_a_source_and_sets_a_verdict(ds, db):
    response = await post(ds, "/-/claim/3/source", {"url": "https://example.org/report", "relation": "contradicts",
                                                    "passage": "trade was $530 million"}, actor=EDITOR)
    assert response.status_code == 302
    assert db.execute("select relation from claim_sources join sources on sources.id = source_id where claim_id = 3"
                      " and url = 'https://example.org/report'").fetchone() == ("contradicts",)
    response = await post(ds, "/-/claim/3/verdict", {"verdict": "partly_accurate", "note": "Sources disagree."}, actor=EDITOR)
    assert response.status_code == 302
    row = db.execute("select from_verdict, to_verdict, changed_by, note from verdict_history where claim_id = 3 order by id desc").fetchone()
    assert row == ("unverifiable", "partly_accurate", "alice", "Sources disagree.")
    # bad input on the claim page: an error, nothing written
    response = await post(ds, "/-/claim/3/verdict", {"verdict": "true"}, actor=EDITOR)
    assert response.status_code == 400 and "unknown verdict" in response.text
    response = await post(ds, "/-/claim/3/source", {"url": "https://example.org/report"}, actor=EDITOR)
    assert response.status_code == 400 and "already cites" in response.text


@pytest.mark.asyncio
async def test_stored_markup_is_shown_as_text(ds, db):
    db.execute("update claims set claim = ?, verdict_note = ? where id = 3", [XSS, XSS])
    db.execute("update claim_sources set passage = ?, note = ? where claim_id = 3", [XSS, XSS])
    for path in ("/-/claim/3", "/", "/claims/claims"):
        text = (await get(ds, path, actor=EDITOR)).text
        assert "<script>alert" not in text and '<img src=x onerror' not in text
    assert "&lt;script&gt;alert" in (await get(ds, "/-/claim/3")).text


@pytest.mark.asyncio
async def test_quote_check(ds):
    ok = (await get(ds, f"/-/quote-check.json?article=pakistan-russia-2012&quote={QUOTE}")).json()
    bad = (await get(ds, "/-/quote-check.json?article=pakistan-russia-2012&quote=nothing+like+it")).json()
    assert ok == {"found": True} and bad["found"] is False
    # where a quote stops matching, for the hint to say
    typo = (await get(ds, "/-/quote-check.json?article=pakistan-russia-2012&quote=US$630+milion+in+2008")).json()
    assert typo == {"found": False, "stops": {"matched": "US$630", "typed": "milion in 2008",
                                              "article": typo["stops"]["article"]}}
    assert typo["stops"]["article"].startswith("million in 2008")


@pytest.mark.asyncio
async def test_recheck_runs_in_the_background_once(db_path, db):
    import asyncio

    with LocalServer(delay=0.3) as site:
        site.routes = {"/trade": lambda h: h.send(200, html("Trade", "Trade reached US$630 million in 2008 between Russia and Pakistan."))}
        source_id = db.execute("insert into sources (url) values (?)", [site.url("/trade")]).lastrowid
        db.execute("insert into claim_sources (claim_id, source_id, relation, passage) values (3, ?, 'supports', ?)",
                   [source_id, "US$630 million in 2008"])
        remove_links(db, "claim_id = 3 and source_id <> ?", [source_id])
        ds = make_ds(db_path, allow_addresses=["127.0.0.1/32"], min_interval=0, timeout=3, use_archive=False)
        await ds.invoke_startup()
        headers = {"Accept": "application/json"}
        first = (await post(ds, "/-/claim/3/recheck", {}, actor=EDITOR, headers=headers)).json()
        second = (await post(ds, "/-/claim/3/recheck", {}, actor=EDITOR, headers=headers)).json()
        assert first["started"] is True and second["started"] is False and second["id"] == first["id"]
        for _ in range(100):
            job = (await get(ds, f"/-/jobs/{first['id']}.json", actor=EDITOR)).json()
            if job["state"] != "running":
                break
            await asyncio.sleep(0.1)
        assert job["state"] == "done" and (job["read"], job["unreachable"]) == (1, 0), job
        assert job["message"] == "1 source checked: 1 read, none changed.", job
        assert len(site.requests_to("/trade")) == 1
        text = (await get(ds, "/-/claim/3")).text
        assert 'class="support support-supports"' in text and '<mark class="fact">' in text


@pytest.mark.asyncio
async def test_json_api_insert_with_a_token(db_path, db):
    ds = make_ds(db_path)
    ds.root_enabled = True
    await ds.invoke_startup()
    token = await ds.create_token("root")
    headers = {"Authorization": f"Bearer {token}"}
    row = {"article_id": "pakistan-russia-2012", "quote": QUOTE, "claim": "Trade was US$630 million in 2008.", "kind": "trade_figure"}
    assert (await ds.client.post("/claims/claims/-/insert", json={"row": row}, headers=headers)).status_code == 201
    assert (await ds.client.post("/claims/claims/-/insert", json={"row": {**row, "article_id": "nope"}}, headers=headers)).status_code == 400
    assert (await ds.client.post("/claims/claims/-/insert", json={"row": row})).status_code == 403
    assert count(db, "claims") == SEED_CLAIMS + 1


@pytest.mark.asyncio
async def test_editor_logs_in_with_a_password(db_path, db, tmp_path):
    from datasette_auth_passwords.utils import hash_password

    from checker.web.serve import read_editors

    editors_file = tmp_path / "editors.yaml"
    editors_file.write_text(f"carol:\n  password_hash: {hash_password('correct horse')}\n")
    config, metadata = datasette_config(db_path, read_editors(editors_file))
    ds = Datasette([str(db_path)], config=config, metadata=metadata, secret="test-secret")
    await ds.invoke_startup()
    refused = await ds.client.post("/-/login", data={"username": "carol", "password": "wrong"})
    assert "ds_actor" not in refused.cookies
    login = await ds.client.post("/-/login", data={"username": "carol", "password": "correct horse"})
    assert login.status_code == 302
    cookies = {"ds_actor": login.cookies["ds_actor"]}
    response = await ds.client.post("/-/claim/3/verdict", data={"verdict": "accurate", "note": "ok"}, cookies=cookies)
    assert response.status_code == 302
    assert db.execute("select changed_by from verdict_history order by id desc").fetchone() == ("carol",)


def test_editors_file_is_checked(tmp_path):
    from checker.errors import InvalidInput
    from checker.web.serve import read_editors

    bad = tmp_path / "editors.yaml"
    bad.write_text("carol:\n  password: plain-text\n")
    with pytest.raises(InvalidInput, match="password_hash"):
        read_editors(bad)


@pytest.mark.asyncio
async def test_links_follow_the_database_name_and_the_base_url(db_path, tmp_path):
    """Served from newsroom.db under /facts/, every link the workbench writes still leads somewhere."""
    import shutil

    renamed = tmp_path / "newsroom.db"
    shutil.copyfile(db_path, renamed)
    config, metadata = datasette_config(renamed)
    ds = Datasette([str(renamed)], config=config, metadata=metadata, secret="test-secret",
                   settings={"base_url": "/facts/"})
    await ds.invoke_startup()
    for path in ["/", "/-/claim/1", "/newsroom/claims", "/-/add-claim"]:
        response = await get(ds, path, actor=EDITOR)
        assert response.status_code == 200, (path, response.text[:300])
        hrefs = re.findall(r'(?:href|action|src|data-url|data-jobs)="(/[^"]*)"', response.text)
        assert hrefs, path
        wrong = [h for h in hrefs if not h.startswith("/facts/") or h.startswith("/facts/claims/")]
        assert not wrong, (path, wrong)
    table = await get(ds, "/newsroom/claims")
    assert 'href="/facts/-/claim/1"' in table.text


@pytest.mark.asyncio
async def test_json_api_links_are_held_to_where_a_passage_was_read(db_path, db):
    """Datasette's JSON API writes claim_sources rows directly: the database's own rules refuse a passage read in
    something unknown, a passage_read_in without a passage, and an archive capture at the source's own address."""
    ds = make_ds(db_path)
    ds.root_enabled = True
    await ds.invoke_startup()
    headers = {"Authorization": f"Bearer {await ds.create_token('root')}"}
    claim_id = db.execute("select id from claims where seed_key = 'trade-2008'").fetchone()[0]
    source_id = db["sources"].insert({"url": "https://api.example/page"}).last_pk
    good = {"claim_id": claim_id, "source_id": source_id, "relation": "context", "passage": "words",
            "passage_found_at": "https://archive.example/page", "passage_checked_on": "2026-12-05",
            "passage_read_in": "archive_capture"}
    links = count(db, "claim_sources")
    for bad in [{"passage_read_in": "rumour"}, {"passage": None}, {"passage_found_at": None},
                {"passage_found_at": "https://api.example/page"}]:
        response = await ds.client.post("/claims/claim_sources/-/insert", json={"row": {**good, **bad}}, headers=headers)
        assert response.status_code == 400, (bad, response.text)
    assert count(db, "claim_sources") == links
    response = await ds.client.post("/claims/claim_sources/-/insert", json={"row": good}, headers=headers)
    assert response.status_code == 201, response.text
    assert count(db, "claim_sources") == links + 1
