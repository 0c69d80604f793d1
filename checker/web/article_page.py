"""What an article page shows: the article's paragraphs with each proposed claim marked where it
stands, and the proposals in reading order with their kind, fields, cited links and repeats."""
import json
import re

from ..store.claims import get_article
from ..errors import NotFound
from ..propose import get_proposal, list_proposals, sentence_now, standing
from ..reading.describe import describe_dates, describe_value
from .claim_page import marked


def article_page(db, article_id):
    """Everything the article page shows, or None when there is no such article."""
    try:
        article = get_article(db, article_id)
    except NotFound:
        return None
    text = article["text"]
    proposals = list_proposals(db, article_id=article_id)
    for p in proposals:
        p["position"] = text.find(p["quote"])
        p["figure"] = ", ".join(x for x in (describe_value(p["value"], p["unit"]) if p["value"] is not None else None,
                                            describe_dates(p["date_start"], p["date_end"]) if p["date_start"] else None) if x)
    proposals.sort(key=lambda p: (p["position"] if p["position"] >= 0 else len(text), p["id"]))
    paragraphs, at = [], 0
    for block in re.split(r"(\n\s*\n)", text):
        if not block.strip() or not block.strip("\n").strip():
            at += len(block)
            continue
        start, end = at, at + len(block)
        spans = [(p["position"] - start, p["position"] - start + len(p["quote"])) for p in proposals
                 if p["status"] == "proposed" and start <= p["position"] < end]
        paragraphs.append(marked(block, spans))
        at = end
    claims = [dict(r) for r in db.query("SELECT id, claim, verdict FROM claims WHERE article_id = ? ORDER BY id",
                                        [article_id])]
    return {"article": article, "paragraphs": paragraphs, "proposals": proposals, "claims": claims,
            "open": sum(p["status"] == "proposed" and p["standing"] == "current" for p in proposals),
            "earlier": sum(p["status"] == "proposed" and p["standing"] != "current" for p in proposals)}


def form_for(db, proposal_id):
    """The add-claim form's fields, filled from a proposal: its quote, kind, fields and cited links."""
    p = get_proposal(db, proposal_id)
    form = {"proposal": str(p["id"]), "article": p["article_id"], "quote": p["quote"], "kind": p["kind"],
            "claim": p["claim"], "value": "" if p["value"] is None else str(p["value"]), "unit": p["unit"] or "",
            "date_start": p["date_start"] or "", "date_end": p["date_end"] or ""}
    text = get_article(db, p["article_id"])["text"]
    where = standing(p, text) if p["status"] == "proposed" else "current"
    if where == "quote_gone":
        form["errors"] = {"quote": "The article's text changed when it was refreshed and no longer has these words: "
                                   "quote the new text, or reject the proposal"}
    elif where == "sentence_changed":
        now = sentence_now(p, text)
        form["errors"] = {"claim": "This restates a sentence the article no longer has word for word (its text "
                                   "changed when it was refreshed): check it against the new wording"
                                   + (f", which reads “{now}”" if now else "")}
    for n, url in enumerate(json.loads(p["cited_urls"]), 1):
        form[f"source_{n}_url"] = url
        form[f"source_{n}_relation"] = "cited"
    return form
