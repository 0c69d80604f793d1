"""The workflow in the workbench and the published fact-check: take a claim, rate it, send it to review, publish it
as a second editor; the published page's ClaimReview JSON-LD, description and Open Graph, read from the page."""
import html
import json
from html.parser import HTMLParser

import pytest

from checker.export import claim_reviews

from .test_web import ds, get, post  # noqa: F401  (ds is a fixture)

ALICE = {"id": "alice", "roles": ["editor"]}
BOB = {"id": "bob", "roles": ["editor"]}
ORIGIN = "http://localhost"


class Head(HTMLParser):
    """The meta tags and the JSON-LD scripts of a page."""

    def __init__(self):
        super().__init__()
        self.meta, self.jsonld, self._in_jsonld = {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("name") or attrs.get("property")):
            self.meta[attrs.get("name") or attrs.get("property")] = attrs.get("content")
        self._in_jsonld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in_jsonld = False


def head_of(html):
    parser = Head()
    parser.feed(html)
    return parser


def row(db, claim_id):
    return dict(next(db.query("SELECT status, assignee, verdict, verdict_by FROM claims WHERE id = ?", [claim_id])))


async def publish_as_bob(ds, db, claim_id=3):
    """Alice takes claim 3 back to work, rates it, sends it to review; Bob publishes it."""
    assert (await post(ds, f"/-/claim/{claim_id}/status", {"status": "in_progress"}, actor=ALICE)).status_code == 302
    assert (await post(ds, f"/-/claim/{claim_id}/assign", {"assignee": "alice"}, actor=ALICE)).status_code == 302
    response = await post(ds, f"/-/claim/{claim_id}/verdict",
                          {"verdict": "inaccurate", "note": "The customs record gives <b>US$530 million</b> & more."},
                          actor=ALICE)
    assert response.status_code == 302
    assert (await post(ds, f"/-/claim/{claim_id}/status", {"status": "in_review"}, actor=ALICE)).status_code == 302
    response = await post(ds, f"/-/claim/{claim_id}/status", {"status": "published"}, actor=BOB)
    assert response.status_code == 302, response.text[:500]
    assert row(db, claim_id)["status"] == "published"


@pytest.mark.asyncio
async def test_take_review_and_publish_as_a_second_editor(ds, db):
    text = (await get(ds, "/-/claim/3", actor=ALICE)).text
    assert 'action="/-/claim/3/assign"' in text and "Take it" in text and "Publish</button>" in text  # seed-rated
    assert (await post(ds, "/-/claim/3/status", {"status": "in_progress"}, actor=ALICE)).status_code == 302
    assert (await post(ds, "/-/claim/3/assign", {"assignee": "alice"}, actor=ALICE)).status_code == 302
    assert row(db, 3)["status"] == "in_progress" and row(db, 3)["assignee"] == "alice"
    await post(ds, "/-/claim/3/verdict", {"verdict": "inaccurate", "note": "Customs disagree."}, actor=ALICE)
    text = (await get(ds, "/-/claim/3", actor=ALICE)).text
    assert "Send to review</button>" in text and "Take it" not in text
    assert (await post(ds, "/-/claim/3/status", {"status": "in_review"}, actor=ALICE)).status_code == 302
    text = (await get(ds, "/-/claim/3", actor=ALICE)).text
    assert "Publish</button>" not in text and "You set this verdict: a second editor publishes it." in text

    # Alice cannot publish her own verdict: one line beside the buttons, nothing written
    history = db.execute("SELECT count(*) FROM workflow_history").fetchone()[0]
    response = await post(ds, "/-/claim/3/status", {"status": "published"}, actor=ALICE)
    assert response.status_code == 400
    assert "claim 3: alice set its verdict, so a second editor must publish it" in response.text
    assert row(db, 3)["status"] == "in_review"
    assert db.execute("SELECT count(*) FROM workflow_history").fetchone()[0] == history

    # Bob hands it on, then publishes it; the history says who did what
    assert (await post(ds, "/-/claim/3/assign", {"assignee": "carol"}, actor=BOB)).status_code == 302
    assert (await post(ds, "/-/claim/3/status", {"status": "published"}, actor=BOB)).status_code == 302
    assert row(db, 3) == {"status": "published", "assignee": "carol", "verdict": "inaccurate", "verdict_by": "alice"}
    steps = db.execute("SELECT changed_by, to_status, to_assignee FROM workflow_history WHERE claim_id = 3"
                       " AND changed_by <> 'seed' ORDER BY id").fetchall()
    assert steps == [("alice", "in_progress", None), ("alice", "in_progress", "alice"), ("alice", "in_review", "alice"),
                     ("bob", "in_review", "carol"), ("bob", "published", "carol")]
    text = (await get(ds, "/-/claim/3")).text
    assert "Status history (" in text and "given to carol" in text


@pytest.mark.asyncio
async def test_the_landing_page_shows_yours_and_awaiting_your_review(ds, db):
    await post(ds, "/-/claim/3/status", {"status": "in_progress"}, actor=ALICE)
    await post(ds, "/-/claim/3/assign", {"assignee": "alice"}, actor=ALICE)
    await post(ds, "/-/claim/5/verdict", {"verdict": "accurate", "note": "Bob read it."}, actor=BOB)
    text = (await get(ds, "/", actor=ALICE)).text
    yours = text[text.index('id="yours"'):text.index('id="awaiting-review"')]
    awaiting = text[text.index('id="awaiting-review"'):text.index("</div>", text.index('id="awaiting-review"'))]
    assert 'href="/-/claim/3"' in yours and yours.count("<li>") == 1
    assert 'href="/-/claim/5"' in awaiting and "rated by bob" in awaiting  # in review, rated by someone else
    bob = (await get(ds, "/", actor=BOB)).text
    bob_awaiting = bob[bob.index('id="awaiting-review"'):]
    assert 'href="/-/claim/5"' not in bob_awaiting.split("</section>")[0]  # his own verdict is not his to review
    assert 'id="yours"' not in (await get(ds, "/")).text  # a visitor has no list


@pytest.mark.asyncio
async def test_a_published_page_carries_its_claimreview(ds, db):
    await publish_as_bob(ds, db)
    page = (await get(ds, "/-/claim/3")).text
    head = head_of(page)
    [review] = head.jsonld
    url = "http://localhost/-/claim/3"
    claim, article = dict(next(db.query("SELECT claim, verdict_note FROM claims WHERE id = 3"))), dict(
        next(db.query("SELECT * FROM articles WHERE id = (SELECT article_id FROM claims WHERE id = 3)")))
    published = db.execute("SELECT min(changed_at) FROM workflow_history WHERE claim_id = 3 AND to_status = 'published'"
                           ).fetchone()[0]
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["url"] == url
    assert review["claimReviewed"] == claim["claim"]
    assert review["reviewRating"] == {"@type": "Rating", "ratingValue": 1, "bestRating": 4, "worstRating": 1,
                                      "alternateName": "Inaccurate"}
    person = {"@type": "Person", "name": article["author"]}
    assert review["itemReviewed"] == {
        "@type": "Claim", "author": person, "datePublished": article["published"],
        "appearance": [{"@type": "CreativeWork", "headline": article["title"], "datePublished": article["published"],
                        "author": person, **({"url": article["url"]} if article["url"] else {})}]}
    assert review["author"] == {"@type": "Organization", "name": "checker"}
    assert review["datePublished"] == published[:10]
    assert review["reviewBody"] == claim["verdict_note"]  # '<b>' and '&' survive the script element
    assert "<b>" not in page.split('application/ld+json">')[1].split("</script>")[0]
    assert review["citation"] and all(c["url"].startswith("http") for c in review["citation"])
    # the same JSON-LD as `checker export claimreview`, given the same address
    assert claim_reviews(db, claim_ids=[3], org_name="checker", base_url="http://localhost") == [review]

    assert head.meta["description"].startswith(f"Inaccurate: {claim['claim']}")
    assert len(head.meta["description"]) <= 200
    assert head.meta["og:type"] == "article" and head.meta["og:url"] == url
    assert head.meta["og:title"] == claim["claim"] and head.meta["og:description"] == head.meta["description"]


@pytest.mark.asyncio
async def test_the_organisation_comes_from_the_config(db_path, db):
    from .test_web import make_ds

    datasette = make_ds(db_path, org_name="Example Fact Check", org_url="https://facts.example.org")
    await datasette.invoke_startup()
    await publish_as_bob(datasette, db)
    [review] = head_of((await get(datasette, "/-/claim/3")).text).jsonld
    assert review["author"] == {"@type": "Organization", "name": "Example Fact Check", "url": "https://facts.example.org"}


@pytest.mark.asyncio
@pytest.mark.parametrize("claim_id", [3, 1])
async def test_an_unpublished_page_carries_none_of_it(ds, db, claim_id):
    head = head_of((await get(ds, f"/-/claim/{claim_id}")).text)
    assert head.jsonld == [] and "description" not in head.meta and not any(k.startswith("og:") for k in head.meta)


@pytest.mark.asyncio
async def test_a_published_verdict_that_changes_leaves_the_page(ds, db):
    await publish_as_bob(ds, db)
    await post(ds, "/-/claim/3/verdict", {"verdict": "partly_accurate", "note": "A later record differs."}, actor=BOB)
    assert row(db, 3)["status"] == "in_review"
    assert head_of((await get(ds, "/-/claim/3")).text).jsonld == []


@pytest.mark.asyncio
@pytest.mark.parametrize("path,data", [
    ("/-/claim/3/assign", {"assignee": "alice"}),
    ("/-/claim/3/status", {"status": "in_progress"}),
])
async def test_workflow_actions_refuse_visitors_other_sites_and_gets(ds, db, path, data):
    before = db.execute("SELECT count(*) FROM workflow_history").fetchone()[0]
    assert (await post(ds, path, data)).status_code == 403
    assert (await post(ds, path, data, actor={"id": "visitor"})).status_code == 403
    cross = await post(ds, path, data, actor=ALICE, headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"})
    assert cross.status_code == 403
    assert (await get(ds, path, actor=ALICE)).status_code == 405
    assert db.execute("SELECT count(*) FROM workflow_history").fetchone()[0] == before


@pytest.mark.asyncio
async def test_a_bad_assignee_is_one_line_and_nothing_written(ds, db):
    response = await post(ds, "/-/claim/3/assign", {"assignee": "Bob Smith"}, actor=ALICE)
    assert response.status_code == 400
    assert "assignee 'Bob Smith' is not an editor's name" in html.unescape(response.text)
    assert row(db, 3)["assignee"] is None
