"""Intake in the workbench: import an article (by URL or upload) in the background, see its proposed
claims marked in its text, accept one through the pre-filled add-claim form, reject another."""
import asyncio
import pathlib
import re
import threading

import pytest
import pytest_asyncio
from datasette.app import Datasette

from checker.web.serve import datasette_config

from .servers import LocalServer

EDITOR = {"id": "alice", "roles": ["editor"]}
PAGE = pathlib.Path(__file__).parent / "data" / "intake" / "seed_article.html"
PATH = "/blogs/southasiamasala/2012/03/24/pakistan-and-russia-seek-enhanced-cooperation/"


@pytest_asyncio.fixture
async def ds(empty_db):
    path = empty_db.execute("PRAGMA database_list").fetchone()[2]
    config, metadata = datasette_config(path)
    config.setdefault("plugins", {}).setdefault("checker", {}).update(
        {"allow_addresses": ["127.0.0.1/32"], "min_interval": 0})
    datasette = Datasette([path], config=config, metadata=metadata, secret="test-secret")
    await datasette.invoke_startup()
    return datasette


def editor(ds):
    return {"cookies": {"ds_actor": ds.sign({"a": EDITOR}, "actor")}}


async def finished(ds, job_url):
    job_id = job_url.rsplit("=", 1)[1]
    for _ in range(200):
        job = (await ds.client.get(f"/-/jobs/{job_id}.json", **editor(ds))).json()
        if job["state"] not in ("running", "waiting"):
            return job
        await asyncio.sleep(0.1)
    raise AssertionError(job)


@pytest.fixture
def site():
    with LocalServer() as s:
        s.routes = {PATH: lambda h: h.send(200, PAGE.read_bytes()), "/robots.txt": lambda h: h.send(404, b"")}
        yield s


@pytest.mark.asyncio
async def test_import_propose_accept_and_reject_in_the_workbench(ds, empty_db, site):
    assert (await ds.client.get("/-/import")).status_code == 403  # editors only
    response = await ds.client.post("/-/import", data={"url": site.url(PATH)}, **editor(ds))
    assert response.status_code == 302 and "?job=" in response.headers["location"]
    job = await finished(ds, response.headers["location"])
    assert job["state"] == "done" and job["article_id"], job
    assert job["message"].startswith("Imported “Pakistan and Russia seek enhanced cooperation”")
    article = job["article_id"]
    page = (await ds.client.get(f"/-/article/{article}", **editor(ds))).text
    assert "None yet" in page and "Propose claims" in page
    assert "Sorry comments are closed" not in page  # the article's text, not the blog's furniture

    response = await ds.client.post(f"/-/article/{article}/propose", **editor(ds))
    assert response.status_code == 302
    page = (await ds.client.get(f"/-/article/{article}", **editor(ds))).text
    assert page.count('<mark class="proposal">') >= 10
    assert "US$441 million in 2006" in page and "trade figure" in page and "US$441 million, 2006" in page
    ids = [int(i) for i in re.findall(r'id="proposal-(\d+)"', page)]
    trade = empty_db.execute("select id from proposals where quote = 'to US$441 million in 2006'").fetchone()[0]

    form = (await ds.client.get(f"/-/add-claim?proposal={trade}", **editor(ds))).text
    assert 'name="proposal" value="%d"' % trade in form
    assert ">to US$441 million in 2006</textarea>" in form and 'value="441000000"' in form
    data = dict(re.findall(r'name="(source_\d+_url)" value="([^"]+)"', form))
    fields = {"proposal": str(trade), "article": article, "quote": "to US$441 million in 2006", "kind": "trade_figure",
              "claim": "Two-way trade between Russia and Pakistan was US$441 million in 2006.",
              "value": "441000000", "unit": "USD", "date_start": "2006", "date_end": "2006", **data}
    response = await ds.client.post("/-/add-claim", data=fields, **editor(ds))
    assert response.status_code == 302, response.text[:500]
    claim_id = int(response.headers["location"].rsplit("/", 1)[1])
    assert empty_db.execute("select status, claim_id from proposals where id = ?", [trade]).fetchone() == ("accepted", claim_id)
    assert empty_db.execute("select added_by from claims where id = ?", [claim_id]).fetchone()[0] == "alice"

    other = next(i for i in ids if i != trade)
    assert (await ds.client.post(f"/-/proposal/{other}/reject")).status_code == 403
    response = await ds.client.post(f"/-/proposal/{other}/reject", data={"reason": "opinion, nothing to check"}, **editor(ds))
    assert response.status_code == 302
    assert empty_db.execute("select status from proposals where id = ?", [other]).fetchone()[0] == "rejected"
    shown = (await ds.client.get(f"/-/article/{article}", **editor(ds))).text
    at = shown.index(f'id="proposal-{other}"')
    assert "Rejected by alice" in shown[at:at + 3000] and "opinion, nothing to check" in shown[at:at + 3000]
    assert f'action="/-/proposal/{other}/reopen"' in shown[at:at + 3000]
    # undone: open again, and the rejection and its undoing both in the history
    assert (await ds.client.post(f"/-/proposal/{other}/reopen", **editor(ds))).status_code == 302
    assert empty_db.execute("select status, rejected_because from proposals where id = ?", [other]).fetchone() == ("proposed", None)
    assert empty_db.execute("select from_status, to_status, reason, changed_by from proposal_history where proposal_id = ?"
                            " order by id", [other]).fetchall() == [("proposed", "rejected", "opinion, nothing to check", "alice"),
                                                                   ("rejected", "proposed", None, "alice")]
    # a rejection with no reason is refused, and nothing changes
    await ds.client.post(f"/-/proposal/{other}/reject", data={"reason": " "}, **editor(ds))
    assert empty_db.execute("select status from proposals where id = ?", [other]).fetchone()[0] == "proposed"
    await ds.client.post(f"/-/proposal/{other}/reject", data={"reason": "opinion, nothing to check"}, **editor(ds))
    page = (await ds.client.get(f"/-/article/{article}")).text
    assert f'accepted as <a href="/-/claim/{claim_id}">claim {claim_id}</a>' in page
    assert "Accept…" not in page  # a visitor sees no buttons


@pytest.mark.asyncio
async def test_import_an_uploaded_file_and_refusals(ds, empty_db):
    files = {"file": ("budget.txt", "Council sets budget\n\nThe council set a budget of NZ$1.2 billion for 2026, "
                                    "the mayor said on Tuesday, the largest in the city's history by some margin "
                                    "and the first to pass without a single vote against it.\n".encode("utf-8"), "text/plain")}
    response = await ds.client.post("/-/import", files=files, data={"id": "budget-2026"}, **editor(ds))
    job = await finished(ds, response.headers["location"])
    assert job["state"] == "done" and job["article_id"] == "budget-2026", job
    assert empty_db.execute("select title from articles where id = 'budget-2026'").fetchone()[0] == "Council sets budget"
    again = await ds.client.post("/-/import", files=files, **editor(ds))
    assert (await finished(ds, again.headers["location"]))["message"].startswith("Already imported as budget-2026")
    refused = await ds.client.post("/-/import", data={"url": "http://127.0.0.2/story"}, **editor(ds))
    job = await finished(ds, refused.headers["location"])
    assert job["state"] == "failed" and "refused_address" in job["message"]
    empty = await ds.client.post("/-/import", data={"url": ""}, **editor(ds))
    assert empty.status_code == 400 and "address or a file" in empty.text
    assert empty_db["articles"].count == 1
    assert (await ds.client.get("/-/article/no-such-article")).status_code == 404


def test_the_seed_article_imported_from_its_page_yields_proposals_for_its_claims(db, tmp_path):
    """From the blog page (furniture and all) to proposals: at least 90% of the dataset's claims are
    covered by a proposal's quote, with no more than twice as many proposals as claims, and each trade
    figure is its own proposal with its value, unit and year."""
    from checker.intake import import_article
    from checker.propose import list_proposals, propose
    from checker.text import find_in_article

    page = tmp_path / "seed_article.html"
    page.write_bytes(PAGE.read_bytes())
    result = import_article(db, str(page), article_id="seed-from-page")
    propose(db, result.article_id)
    text = db["articles"].get("seed-from-page")["text"]
    proposals = list_proposals(db, article_id="seed-from-page")
    spans = [(text.find(p["quote"]), text.find(p["quote"]) + len(p["quote"])) for p in proposals]
    claims = [dict(r) for r in db.query("select quote, kind, value, unit, date_start from claims where seed_key is not null")]
    covered = 0
    for claim in claims:
        found = find_in_article(claim["quote"], text)
        start = text.find(found) if found else -1
        if start >= 0 and any(a < start + len(found) and start < b for a, b in spans):
            covered += 1
    print(f"\nseed article from its page: {len(proposals)} proposals cover {covered} of {len(claims)} claims")
    assert covered >= 0.9 * len(claims)
    assert len(proposals) <= 2 * len(claims)
    figures = {(p["value"], p["unit"], p["date_start"]) for p in proposals if p["kind"] == "trade_figure"}
    for claim in claims:
        if claim["kind"] == "trade_figure":
            assert (claim["value"], claim["unit"], claim["date_start"]) in figures


@pytest.mark.asyncio
async def test_proposals_on_an_earlier_text_say_so(ds, empty_db):
    """After a refresh changes an article, the page tells each proposal made from a changed sentence:
    "quote gone" offers only Reject, "sentence changed" warns before Accept; the counts leave both
    out of the open ones, and the pre-filled form names the problem."""
    from checker.store.claims import add_article
    from checker.propose import propose

    text = ("The council set a budget of NZ$1.2 billion for 2026, the mayor said.\n\n"
            "Spending on parks rose by 8 percent to NZ$40 million, the largest rise since 2015.")
    add_article(empty_db, id="budget-2026", title="Council sets budget", text=text)
    propose(empty_db, "budget-2026")
    ids = dict(empty_db.execute("SELECT quote, id FROM proposals").fetchall())
    said = "The council set a budget of NZ$1.2 billion for 2026, the mayor said"
    rise, level = "Spending on parks rose by 8 percent", "to NZ$40 million"
    assert set(ids) == {said, rise, level}  # (what the mayor said, whole, is one claim with its source)
    empty_db["articles"].update("budget-2026", {"text": text.replace("8 percent to NZ$40 million", "9 percent to NZ$41 million")
                                                        .replace("the mayor said.", "the mayor said on Monday.")})

    page = (await ds.client.get("/-/article/budget-2026", **editor(ds))).text

    def item(quote):
        at = page[page.index(f'id="proposal-{ids[quote]}"'):]
        return at[:at.index("</li>")]

    for quote in (rise, level):
        assert "Quote gone" in item(quote) and "Accept…" not in item(quote) and "Reject" in item(quote)
    assert "Sentence changed" in item(said) and "Accept…" in item(said)
    assert "<span>0 proposals open</span><span>3 proposals on an earlier text</span>" in page
    gone = (await ds.client.get(f"/-/add-claim?proposal={ids[rise]}", **editor(ds))).text
    assert "no longer has these words" in gone
    changed = (await ds.client.get(f"/-/add-claim?proposal={ids[said]}", **editor(ds))).text
    assert "check it against the new wording" in changed
    # accepting it takes a restatement, by the rule `checker accept` follows: the same refusal, on its field
    budget = dict(next(empty_db.query("SELECT * FROM proposals WHERE id = ?", [ids[said]])))
    form = {"article": "budget-2026", "quote": budget["quote"], "kind": budget["kind"], "claim": budget["claim"],
            "value": str(budget["value"] or ""), "unit": budget["unit"] or "", "date_start": budget["date_start"] or "",
            "proposal": str(budget["id"])}
    refused = await ds.client.post("/-/add-claim", data=form, **editor(ds))
    assert refused.status_code == 400 and "restate the claim for it" in refused.text
    assert empty_db["claims"].count == 0 and empty_db["proposals"].get(budget["id"])["status"] == "proposed"
    restated = await ds.client.post("/-/add-claim", data={**form, "claim": "The council set a budget of NZ$1.2 "
                                                          "billion for 2026, the mayor said on Monday."}, **editor(ds))
    assert restated.status_code == 302, restated.text[:500]
    assert empty_db["proposals"].get(budget["id"])["status"] == "accepted"


@pytest.mark.asyncio
async def test_propose_reads_off_the_write_connection(ds, empty_db, monkeypatch):
    """Finding proposals takes seconds on a long article: it runs on a read connection, and only the
    saving holds Datasette's one write connection."""
    from checker import propose
    from checker.store.claims import add_article

    add_article(empty_db, id="budget-2026", title="Budget 2026",
                text="The council approved a budget of NZ$45 million in 2026. Rates rise 7 percent next year.")
    seen = {}
    real_find, real_save = propose.find_proposals, propose.save_proposals

    def find(db, article_id, **kwargs):
        seen["find"] = threading.current_thread().name
        return real_find(db, article_id, **kwargs)

    def save(db, found):
        seen["save"] = threading.current_thread().name
        return real_save(db, found)

    monkeypatch.setattr(propose, "find_proposals", find)
    monkeypatch.setattr(propose, "save_proposals", save)
    response = await ds.client.post("/-/article/budget-2026/propose", **editor(ds))
    assert response.status_code == 302
    # Datasette's one write connection lives on its write thread
    assert seen["save"].startswith("_execute_writes") and not seen["find"].startswith("_execute_writes"), seen
    assert empty_db["proposals"].count > 0
