"""No address of the workbench changes anything on a GET. The session cookie is SameSite=lax, so a
link on any other site carries it: following one only shows what an action would do, with a button
that POSTs it. Actions act on a POST from the workbench's own pages and are refused when sent from
another site; ids SQLite cannot hold and unsafe upload names are refused with a 4xx, never a 500."""
import asyncio
import os
import re
import sqlite3
import threading

import pytest
import pytest_asyncio
from datasette.app import Datasette

from checker.store.claims import add_article, add_source
from checker.propose import propose
from checker.web.pages import JOBS, ROUTES
from checker.web.serve import datasette_config
from checker.web import uploads

from .conftest import dump, seed_without_sources
from .servers import LocalServer, html

EDITOR = {"id": "alice", "roles": ["editor"]}
ROOT = {"id": "root"}
ARTICLE = "pakistan-russia-2012"
TRADE = "Two-way trade between Russia and Pakistan reached US$630 million in 2008."
QUOTE = "US$630 million in 2008"
# A second article for "Propose claims" to act on: the seed article's proposals exist already.
BUDGET = ("The finance ministry said on Friday that the budget deficit reached 4.5 per cent of GDP in 2011, "
          "higher than the target it had set at the start of the year. Exports of textiles rose to US$13.8 billion "
          "in 2011, up from US$10.2 billion in 2010, the trade office reported. Officials expect the deficit to "
          "narrow next year as revenue from the new sales tax comes in.")
# Datasette 1.0a41 tells a POST sent from another site by the browser's Sec-Fetch-Site and Origin
# headers (datasette/csrf.py; the csrftoken of older versions is no longer checked). Its test client is
# http://localhost: the workbench's own forms are sent as a browser sends them from its pages.
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"}
FROM_ELSEWHERE = [
    {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
    {"Sec-Fetch-Site": "same-site", "Origin": "http://127.0.0.1:9"},  # another port of the same machine
    {"Origin": "https://evil.example"},  # an older browser, with no Sec-Fetch-Site
]
# Addresses with a query string: the id in the query names a row, as the path's do.
WITH_QUERIES = ["/-/add-claim?proposal={proposal_id}", "/-/import?job={job_id}", "/-/claim/{claim_id}?job={job_id}",
                "/-/article/{article_id}/recheck?back=/-/claim/{claim_id}",
                "/-/quote-check.json?article={article_id}&quote=US%24630+million"]


def cookies(ds, actor):
    return {"ds_actor": ds.sign({"a": actor}, "actor")} if actor else {}


def jobs_running():
    return [t for t in threading.enumerate() if t.name.startswith("checker-job-")]


async def all_jobs_done():
    for _ in range(300):
        if not jobs_running():
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"jobs still running: {jobs_running()}")


@pytest.fixture
def site():
    with LocalServer() as s:
        s.routes = {"/robots.txt": lambda h: h.send(404, b""),
                    "/budget": lambda h: h.send(200, html("Budget", BUDGET, "budget")),
                    **{f"/trade/{n}": (lambda h: h.send(200, html("Trade", TRADE))) for n in range(2)}}
        yield s


@pytest_asyncio.fixture
async def bench(tmp_path, site):
    """The seeded claims, claim 3's sources on a local server (nothing else has any: a recheck reads
    only 127.0.0.1), the seed article's proposals, a second article not yet proposed from, and a
    finished recheck job, served by Datasette in-process."""
    path = tmp_path / "claims.db"
    db = seed_without_sources(path)
    claim_id = db.execute("select id from claims where seed_key = 'trade-2008'").fetchone()[0]
    source_ids = [add_source(db, claim_id, site.url(f"/trade/{n}"), relation="supports", passage=QUOTE) for n in range(2)]
    proposal_id = propose(db, ARTICLE).added[0]
    add_article(db, id="budget-2011", title="The budget in 2011", text=BUDGET)
    empty_claim = db.execute("select id from claims where id <> ? order by id limit 1", [claim_id]).fetchone()[0]
    db.conn.close()
    config, metadata = datasette_config(path)
    config.setdefault("plugins", {}).setdefault("checker", {}).update(
        {"allow_addresses": ["127.0.0.1/32"], "min_interval": 0, "timeout": 3, "use_archive": False})
    ds = Datasette([str(path)], config=config, metadata=metadata, secret="test-secret")
    await ds.invoke_startup()
    response = await ds.client.post(f"/-/claim/{empty_claim}/recheck", headers={"Accept": "application/json"},
                                    cookies=cookies(ds, EDITOR))
    assert response.status_code == 202, response.text
    await all_jobs_done()
    values = {"claim_id": claim_id, "source_id": source_ids[0], "article_id": ARTICLE, "proposal_id": proposal_id,
              "job_id": response.json()["id"]}
    yield {"ds": ds, "path": path, "site": site, "values": values, "other_source": source_ids[1]}
    await all_jobs_done()


def fill(pattern, values):
    """A route's address with each path variable filled with an id that exists."""
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), pattern)
    path = path.removeprefix("^").removesuffix("$").replace("\\.", ".")
    assert re.match(pattern, path) and not re.search(r"[\\()\[\]^$+*]", path), (pattern, path)
    return path


def addresses(values):
    return [fill(pattern, values) for pattern, _ in ROUTES] + [q.format(**values) for q in WITH_QUERIES]


def route_of(address):
    path = address.split("?")[0]
    [pattern] = [p for p, _ in ROUTES if re.match(p, path)]
    return pattern


def scalar(bench, sql, params=()):
    conn = sqlite3.connect(bench["path"])
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def state(bench):
    """Every row of every table, how many jobs were ever started, and what the local site was asked."""
    return dump(bench["path"]), len(JOBS), len(bench["site"].log)


@pytest.mark.asyncio
@pytest.mark.parametrize("actor", [EDITOR, ROOT], ids=["editor", "root"])
async def test_no_get_changes_anything(bench, actor):
    ds = bench["ds"]
    before = state(bench)
    for address in addresses(bench["values"]):
        for accept in ("text/html", "application/json"):
            response = await ds.client.get(address, cookies=cookies(ds, actor), headers={"Accept": accept})
            assert response.status_code in (200, 405), (address, accept, response.status_code, response.text[:300])
            if response.status_code == 405:
                assert response.headers["allow"] == "POST"
                assert "acts only on a POST" in response.text
        response = await ds.client.head(address, cookies=cookies(ds, actor))
        assert response.status_code < 500, address
        for method in ("PUT", "PATCH", "DELETE"):  # no other method acts either
            response = await ds.client.request(method, address, cookies=cookies(ds, actor), headers=SAME_ORIGIN)
            assert response.status_code < 500, (method, address)
    assert not jobs_running()
    assert state(bench) == before


def form_posting_to(text, address):
    """The form on a page that POSTs to the address (HTML-escaped as the template writes it)."""
    action = address.replace("&", "&amp;")
    return re.search(rf'<form method="post" action="{re.escape(action)}"[^>]*>(.*?)</form>', text, re.S)


@pytest.mark.asyncio
async def test_a_get_of_an_action_shows_what_it_would_do(bench):
    ds, values = bench["ds"], bench["values"]
    shown = {}
    for address in addresses(values):
        response = await ds.client.get(address, cookies=cookies(ds, EDITOR))
        form = form_posting_to(response.text, address) if response.status_code == 200 else None
        if form:
            shown[route_of(address)] = form.group(1)
    remove = shown[route_of(f"/-/claim/{values['claim_id']}/source/{values['source_id']}/remove")]
    assert 'name="reason" required' in remove and ">Remove this source</button>" in remove
    page = (await ds.client.get(f"/-/claim/{values['claim_id']}/source/{values['source_id']}/remove",
                                cookies=cookies(ds, EDITOR))).text
    assert "Remove a source from claim" in page and "checks stay on record" in page
    assert ">Recheck these sources</button>" in shown[route_of(f"/-/claim/{values['claim_id']}/recheck")]
    assert "Fetch the 2 sources of claim" in (await ds.client.get(f"/-/claim/{values['claim_id']}/recheck",
                                                                   cookies=cookies(ds, EDITOR))).text
    assert ">Recheck the whole article</button>" in shown[route_of(f"/-/article/{ARTICLE}/recheck")]
    assert ">Propose claims</button>" in shown[route_of(f"/-/article/{ARTICLE}/propose")]
    assert ">Reject</button>" in shown[route_of(f"/-/proposal/{values['proposal_id']}/reject")]
    # a visitor is offered the login, not the button; an id that names nothing is a 404
    visitor = await ds.client.get(f"/-/proposal/{values['proposal_id']}/reject")
    assert visitor.status_code == 403 and "log in" in visitor.text and "confirm-form" not in visitor.text
    for missing in ("/-/proposal/999999/reject", f"/-/claim/{values['claim_id']}/source/999999/remove",
                    "/-/article/no-such-article/propose", "/-/article/no-such-article/recheck", "/-/claim/999999/recheck"):
        assert (await ds.client.get(missing, cookies=cookies(ds, EDITOR))).status_code == 404, missing


@pytest.mark.asyncio
async def test_confirmations_follow_the_base_url(bench):
    config, metadata = datasette_config(bench["path"])
    ds = Datasette([str(bench["path"])], config=config, metadata=metadata, secret="test-secret",
                   settings={"base_url": "/facts/"})
    await ds.invoke_startup()
    v = bench["values"]
    for address in [f"/-/claim/{v['claim_id']}/source/{v['source_id']}/remove", f"/-/claim/{v['claim_id']}/recheck",
                    f"/-/article/{ARTICLE}/recheck?back=/-/claim/{v['claim_id']}", f"/-/article/{ARTICLE}/propose",
                    f"/-/proposal/{v['proposal_id']}/reject"]:
        response = await ds.client.get(address, cookies=cookies(ds, EDITOR))
        assert response.status_code == 200, address
        assert form_posting_to(response.text, "/facts" + address), address
        cancel = re.search(r'<p class="confirm-buttons">.*?<a href="([^"]+)">Cancel</a>', response.text, re.S).group(1)
        assert cancel.startswith("/facts/-/"), (address, cancel)


def actions(bench):
    """Each action: its address, what its form sends, and what it changes (SQL, or 'job' for one started)."""
    v = bench["values"]
    claim_form = {"article": ARTICLE, "quote": QUOTE, "kind": "trade_figure", "claim": "Trade was US$630 million in 2008.",
                  "source_1_url": "https://example.org/trade", "same_quote": "1"}
    return [
        (f"/-/claim/{v['claim_id']}/source/{v['source_id']}/remove", {"reason": "added by mistake"},
         "select count(*) from link_removals"),
        (f"/-/claim/{v['claim_id']}/verdict", {"verdict": "inaccurate", "note": "The ministry says otherwise."},
         "select count(*) from verdict_history"),
        (f"/-/claim/{v['claim_id']}/source", {"url": "https://example.org/report", "relation": "supports"},
         "select count(*) from claim_sources"),
        (f"/-/proposal/{v['proposal_id']}/reject", {"reason": "opinion, nothing to check"},
         "select count(*) from proposals where status = 'rejected'"),
        (f"/-/proposal/{v['proposal_id']}/reopen", {}, "select count(*) from proposal_history where to_status = 'proposed'"),
        ("/-/article/budget-2011/propose", {}, "select count(*) from proposals"),
        ("/-/add-claim", claim_form, "select count(*) from claims"),
        ("/-/import", {"url": bench["site"].url("/budget")}, "job"),
        (f"/-/claim/{v['claim_id']}/recheck", {}, "job"),
        (f"/-/article/{ARTICLE}/recheck?back=/-/claim/{v['claim_id']}", {}, "job"),
    ]


def effect(bench, what):
    return len(JOBS) if what == "job" else scalar(bench, what)


@pytest.mark.asyncio
async def test_every_action_acts_on_a_post_from_its_page_and_is_refused_from_elsewhere(bench):
    ds, values = bench["ds"], bench["values"]
    table = actions(bench)
    # the table holds every action: every route whose GET answers 405 or shows a form that POSTs back to it
    acting = set()
    for address in addresses(values):
        response = await ds.client.get(address, cookies=cookies(ds, EDITOR))
        # (a confirmation page with nothing left to do, as reopening a proposal still open, is an action's too)
        if response.status_code == 405 or form_posting_to(response.text, address) or 'class="checker-confirm"' in response.text:
            acting.add(route_of(address))
    assert {route_of(address) for address, _, _ in table} == acting
    for address, data, what in table:
        before = state(bench)
        for headers in FROM_ELSEWHERE:
            response = await ds.client.post(address, data=data, cookies=cookies(ds, EDITOR), headers=headers)
            assert response.status_code == 403, (address, headers, response.status_code)
        response = await ds.client.post(address, data=data, headers=SAME_ORIGIN)  # a visitor
        assert response.status_code == 403, address
        assert state(bench) == before, address
        changed = effect(bench, what)
        response = await ds.client.post(address, data=data, cookies=cookies(ds, EDITOR), headers=SAME_ORIGIN)
        assert response.status_code == 302, (address, response.status_code, response.text[:500])
        assert effect(bench, what) > changed, address
        await all_jobs_done()


@pytest.mark.asyncio
async def test_a_recheck_is_started_with_json_by_a_post_only(bench):
    """As the workbench's Recheck button does it (fetch, Accept: application/json), and as a script does."""
    ds, claim_id = bench["ds"], bench["values"]["claim_id"]
    json_get = await ds.client.get(f"/-/claim/{claim_id}/recheck", cookies=cookies(ds, EDITOR),
                                   headers={"Accept": "application/json"})
    assert json_get.status_code == 405 and json_get.headers["allow"] == "POST"
    assert json_get.json() == {"ok": False, "error": "This address acts only on a POST from the workbench's own forms.",
                               "status": 405}
    jobs = len(JOBS)
    response = await ds.client.post(f"/-/claim/{claim_id}/recheck", cookies=cookies(ds, EDITOR),
                                    headers={"Accept": "application/json", **SAME_ORIGIN})
    assert response.status_code == 202 and response.json()["started"] is True and len(JOBS) == jobs + 1
    await all_jobs_done()
    job = (await ds.client.get(f"/-/jobs/{response.json()['id']}.json", cookies=cookies(ds, EDITOR))).json()
    assert job["state"] == "done" and (job["read"], job["unreachable"]) == (2, 0), job
    # a page on another site cannot start one with the editor's cookie
    refused = await ds.client.post(f"/-/claim/{claim_id}/recheck", cookies=cookies(ds, EDITOR),
                                   headers={"Accept": "application/json", **FROM_ELSEWHERE[0]})
    assert refused.status_code == 403 and len(JOBS) == jobs + 1
    # a script, with root's API token as the README shows: a POST starts one, a GET does not
    token = {"Authorization": f"Bearer {await ds.create_token('root')}", "Accept": "application/json"}
    assert (await ds.client.get(f"/-/claim/{claim_id}/recheck", headers=token)).status_code == 405
    assert len(JOBS) == jobs + 1
    response = await ds.client.post(f"/-/claim/{claim_id}/recheck", headers=token)
    assert response.status_code == 202 and response.json()["started"] is True and len(JOBS) == jobs + 2
    await all_jobs_done()
    job = (await ds.client.get(f"/-/jobs/{response.json()['id']}.json", headers=token)).json()
    assert job["state"] == "done" and job["read"] == 2, job


TOO_BIG = [str(2 ** 63), "99999999999999999999999"]


@pytest.mark.asyncio
@pytest.mark.parametrize("number", TOO_BIG)
async def test_ids_sqlite_cannot_hold_are_404(bench, number):
    ds, values = bench["ds"], bench["values"]
    before = state(bench)
    numeric = [(pattern, name) for pattern, _ in ROUTES for name in re.findall(r"\(\?P<(\w+)>\\d\+\)", pattern)]
    assert {name for _, name in numeric} == {"claim_id", "source_id", "proposal_id"}
    for pattern, name in numeric:
        address = fill(pattern, {**values, name: number})
        # a GET of an address that shows no page is 405 whatever its ids: only a POST may be sent to it
        shows_no_page = (await ds.client.get(fill(pattern, values), cookies=cookies(ds, EDITOR))).status_code == 405
        response = await ds.client.get(address, cookies=cookies(ds, EDITOR))
        assert response.status_code == (405 if shows_no_page else 404), (address, response.status_code)
        response = await ds.client.post(address, cookies=cookies(ds, EDITOR), headers=SAME_ORIGIN)
        assert response.status_code == 404, (address, response.status_code)
    response = await ds.client.get(f"/-/add-claim?proposal={number}", cookies=cookies(ds, EDITOR))
    assert response.status_code == 404
    # the add-claim form's hidden proposal field: the form's error, nothing written
    data = {"proposal": number, "article": ARTICLE, "quote": QUOTE, "kind": "trade_figure", "claim": "c"}
    response = await ds.client.post("/-/add-claim", data=data, cookies=cookies(ds, EDITOR), headers=SAME_ORIGIN)
    assert response.status_code == 400 and f"no proposal with id &#39;{number}&#39;" in response.text
    assert state(bench) == before


def multipart(disposition, body=b"<html><title>T</title><p>Trade reached US$630 million in 2008.</p></html>"):
    """An upload as a crafted request sends it: the Content-Disposition's bytes as given."""
    boundary = b"checker-boundary"
    content = (b"--" + boundary + b"\r\nContent-Disposition: form-data; name=\"file\"; " + disposition +
               b"\r\nContent-Type: text/html\r\n\r\n" + body + b"\r\n--" + boundary + b"--\r\n")
    return content, {"Content-Type": "multipart/form-data; boundary=checker-boundary", **SAME_ORIGIN}


@pytest.mark.asyncio
@pytest.mark.parametrize("disposition,message", [
    (b'filename="trade\x00.html"', "holds control characters"),
    (b'filename="trade.html\x00.txt"', "holds control characters"),
    (b'filename="tr\x01ade.html"', "holds control characters"),
    (b'filename="trade\x7f.html"', "holds control characters"),
    (b"filename*=utf-8''trade%00.html", "holds control characters"),
    (b"filename*=utf-8''trade%0D%0A.html", "holds control characters"),
    (b"filename*=utf-8''%E2%80%AElmth.txt", "holds control characters"),  # a right-to-left override
    (b"filename*=utf-8''..%2F..%2Fetc%2Ftrade.html", "is not a plain file name"),
    (b"filename*=utf-8''C%3A%5Cdocs%5Ctrade.html", "is not a plain file name"),
    (b"filename*=utf-8''..", "is not a plain file name"),
    (b'filename="' + b"a" * 300 + b'.html"', "longer than 200 bytes"),
    (b'filename="trade.exe"', "import takes .html, .htm, .txt, .pdf files"),
])
async def test_unsafe_upload_names_are_refused_on_the_form(bench, disposition, message):
    ds = bench["ds"]
    before, files = state(bench), set(os.listdir(uploads.UPLOADS)) if os.path.isdir(uploads.UPLOADS) else set()
    content, headers = multipart(disposition)
    response = await ds.client.post("/-/import", content=content, headers=headers, cookies=cookies(ds, EDITOR))
    assert response.status_code == 400, response.text[:500]
    error = re.search(r'<p class="field-error">([^<]*)</p>', response.text)
    assert error and message in error.group(1), response.text[:2000]
    assert "\x00" not in response.text and "\x01" not in response.text and "\u202e" not in response.text
    assert state(bench) == before
    assert (set(os.listdir(uploads.UPLOADS)) if os.path.isdir(uploads.UPLOADS) else set()) == files


@pytest.mark.asyncio
async def test_a_plain_upload_name_is_imported(bench):
    ds = bench["ds"]
    content, headers = multipart(b'filename="Budget 2011 (final).html"', html("The budget in 2011", BUDGET))
    response = await ds.client.post("/-/import", content=content, headers=headers, cookies=cookies(ds, EDITOR))
    assert response.status_code == 302 and "?job=" in response.headers["location"], response.text[:500]
    await all_jobs_done()
    job = (await ds.client.get(f"/-/jobs/{response.headers['location'].rsplit('=', 1)[1]}.json",
                               cookies=cookies(ds, EDITOR))).json()
    assert job["state"] == "done", job["message"]
    assert scalar(bench, "select title from articles where id = ?", [job["article_id"]]) == "The budget in 2011"
