import pytest
import pytest_asyncio
from datasette.app import Datasette

from checker.web.serve import datasette_config

from .conftest import SEED_CLAIMS


@pytest_asyncio.fixture
async def ds(db_path):
    config, metadata = datasette_config(db_path)
    datasette = Datasette([str(db_path)], config=config, metadata=metadata)
    await datasette.invoke_startup()
    return datasette


async def get_json(ds, path):
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.text[:500])
    return response.json()


@pytest.mark.asyncio
async def test_claims_table_as_json(ds):
    rows = await get_json(ds, "/claims/claims.json?_shape=array&_size=max")
    assert len(rows) == SEED_CLAIMS
    assert {"id", "article_id", "quote", "claim", "kind", "verdict", "verdict_note", "value", "unit", "date_start", "date_end"} <= set(rows[0])


@pytest.mark.asyncio
async def test_full_text_search_finds_fradkov(ds):
    rows = await get_json(ds, "/claims/claims.json?_search=Fradkov&_shape=array")
    assert rows and all("Fradkov" in r["quote"] + r["claim"] + (r["verdict_note"] or "") for r in rows)
    assert any(r["seed_key"] == "fradkov-visit" for r in rows)
    sources = await get_json(ds, "/claims/sources.json?_search=dawn&_shape=array")
    assert sources and all("dawn" in (r["url"] + (r["title"] or "")).lower() for r in sources)


@pytest.mark.asyncio
async def test_configured_facets_count(ds, db):
    data = await get_json(ds, "/claims/claims.json?_extra=facet_results")
    facets = data["facet_results"]["results"]
    verdicts = {f["value"]: f["count"] for f in facets["verdict"]["results"]}
    kinds = {f["value"]: f["count"] for f in facets["kind"]["results"]}
    assert verdicts == dict(db.execute("select verdict, count(*) from claims group by verdict").fetchall())
    assert kinds == dict(db.execute("select kind, count(*) from claims group by kind").fetchall())
    data = await get_json(ds, "/claims/claim_sources.json?_extra=facet_results")
    relations = {f["value"]: f["count"] for f in data["facet_results"]["results"]["relation"]["results"]}
    assert relations == dict(db.execute("select relation, count(*) from claim_sources group by relation").fetchall())


@pytest.mark.asyncio
async def test_label_columns_show_names(ds):
    data = await get_json(ds, "/claims/claim_sources.json?_labels=on&_shape=array&_size=1")
    assert data[0]["claim_id"]["label"].startswith("Two-way trade")
    assert isinstance(data[0]["source_id"]["label"], str)


@pytest.mark.asyncio
async def test_canned_queries(ds, db):
    rows = await get_json(ds, "/claims/claims_with_sources.json?_shape=array&_size=max")
    assert len(rows) == db["claim_sources"].count
    assert {"claim_id", "claim", "relation", "source_url", "passage"} <= set(rows[0])

    rows = await get_json(ds, "/claims/claims_by_verdict.json?_shape=array")
    assert sum(r["claims"] for r in rows) == SEED_CLAIMS
    assert [r["verdict"] for r in rows] == sorted(
        [r["verdict"] for r in rows],
        key=["unrated", "accurate", "mostly_accurate", "partly_accurate", "inaccurate", "unverifiable"].index,
    )

    rows = await get_json(ds, "/claims/sources_with_claims.json?_shape=array&_size=max")
    assert len(rows) == db["sources"].count
    consulate = next(r for r in rows if "rusconsulkarachi" in r["url"])
    citing = db.execute("select count(*) from claim_sources where source_id = ?", [consulate["source_id"]]).fetchone()[0]
    assert consulate["claims"] == citing >= 3 and "cited #" in consulate["cited_by"]


@pytest.mark.asyncio
async def test_metadata_describes_tables(ds):
    response = await ds.client.get("/claims/claims")
    assert response.status_code == 200
    assert "One checkable statement each" in response.text
    response = await ds.client.get("/")
    assert "checker" in response.text


@pytest.mark.asyncio
async def test_anonymous_cannot_write(ds, db):
    response = await ds.client.post(
        "/claims/claims/-/insert",
        json={"row": {"article_id": "pakistan-russia-2012", "quote": "US$630 million in 2008", "claim": "x", "kind": "other"}},
    )
    assert response.status_code == 403
    assert db["claims"].count == SEED_CLAIMS


@pytest.mark.asyncio
async def test_json_api_insert_is_held_to_the_constraints(db_path, db):
    config, metadata = datasette_config(db_path)
    ds = Datasette([str(db_path)], config=config, metadata=metadata, secret="test-secret")
    ds.root_enabled = True
    await ds.invoke_startup()
    token = await ds.create_token("root")
    headers = {"Authorization": f"Bearer {token}"}
    good = {"article_id": "pakistan-russia-2012", "quote": "US$630 million in 2008", "claim": "Trade was US$630 million in 2008.", "kind": "trade_figure", "value": 630000000, "unit": "USD"}
    response = await ds.client.post("/claims/claims/-/insert", json={"row": good}, headers=headers)
    assert response.status_code == 201, response.text
    assert db["claims"].count == SEED_CLAIMS + 1
    for bad in [{"quote": "Not in the article"}, {"kind": "rumour"}, {"verdict_note": ""}, {"quote": ""}]:
        response = await ds.client.post("/claims/claims/-/insert", json={"row": {**good, **bad}}, headers=headers)
        assert response.status_code == 400, (bad, response.text)
    assert db["claims"].count == SEED_CLAIMS + 1


@pytest.mark.asyncio
async def test_source_health_view(ds, db):
    rows = await get_json(ds, "/claims/source_health.json?_shape=array&_size=max")
    assert len(rows) == db["sources"].count
    assert {r["state"] for r in rows} == {"unchecked"}
    data = await get_json(ds, "/claims/checks.json?_extra=facet_results")
    assert "outcome" in data["facet_results"]["results"]
