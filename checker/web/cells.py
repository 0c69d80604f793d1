"""How our tables' cells read in Datasette's pages: every claim links to its claim page, verdicts and
health are coloured badges in plain words, and long texts are cut on list pages (whole on a row's page)."""
from markupsafe import Markup

from . import labels

LONG_TEXT = {"quote", "claim", "verdict_note", "passage", "note", "snippet", "text", "diff", "cited_by", "error",
             "atom_content", "sentence", "description", "reason"}
CUT = 160
BADGES = {"verdict": "verdict", "to_verdict": "verdict", "from_verdict": "verdict", "health": "health",
          "previous_health": "health", "state": "state", "support": "support", "previous_support": "support",
          "relation": "relation", "kind": "kind", "outcome": "outcome", "latest_outcome": "outcome"}


def claim_of(row, column, table):
    """The claim a cell names, if any: a claim_id anywhere, a claim's id or text in claims, a claim's
    text beside its claim_id in a view or query."""
    keys = row.keys()
    if column == "claim_id":
        return row["claim_id"]
    if table == "claims" and column in ("id", "claim") and "id" in keys:
        return row["id"]
    if column == "claim" and "claim_id" in keys:
        return row["claim_id"]
    return None


def on_row_page(request):
    return request is not None and bool((request.url_vars or {}).get("pks"))


def render(row, value, column, table, request, urls):
    if column == "claim_ids" and isinstance(value, str):  # a list of ids, as the claims_by_verdict query gives
        ids = [i.strip() for i in value.split(",") if i.strip().isdigit()]
        return Markup(", ").join(Markup('<a href="{}">{}</a>').format(urls.path(f"/-/claim/{i}"), i) for i in ids)
    claim_id = claim_of(row, column, table)
    if isinstance(value, dict) and "value" in value:  # a foreign key Datasette expanded: {"value": 3, "label": ...}
        if column == "claim_id":
            claim_id = value["value"]
        value = value.get("label") or value["value"]
    text = str(value)
    shown = text
    if column in LONG_TEXT and len(text) > CUT and not on_row_page(request):
        shown = text[:CUT - 1].rstrip() + "…"
    if claim_id is not None and isinstance(claim_id, int):
        return Markup('<a href="{}" title="{}">{}</a>').format(urls.path(f"/-/claim/{claim_id}"), text, shown)
    if column in BADGES and isinstance(value, str):
        vocabulary = BADGES[column]
        shade = labels.family(value) if vocabulary == "outcome" else value  # outcomes are coloured by family
        return Markup('<span class="{} {}-{}" title="{}">{}</span>').format(
            vocabulary, vocabulary, shade, labels.explain(vocabulary, value), labels.label(vocabulary, value))
    if shown != text:
        return Markup('<span title="{}">{}</span>').format(text, shown)
    return None
