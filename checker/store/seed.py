"""Load the seed article and its claims (``seed/seed.yaml``) into a database, idempotently."""
import os
import pathlib
from typing import Any

import yaml
from sqlite_utils import Database

from .claims import add_article, add_claim, set_verdict
from .db import transaction
from ..errors import InvalidInput
from .workflow import set_status

SEED_DIR = pathlib.Path(__file__).parent.parent / "seed"


def read_seed(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The seed file as data, with the article's text read in from its text file."""
    path = pathlib.Path(path or SEED_DIR / "seed.yaml")
    seed = yaml.safe_load(path.read_text(encoding="utf-8"))
    article = seed["article"]
    article["text"] = (path.parent / article.pop("text_file")).read_text(encoding="utf-8")
    return seed


PROVENANCE = ("passage_found_at", "passage_checked_on", "passage_read_in")


def unproven_passages(seed: dict[str, Any]) -> list[tuple[str, str]]:
    """(claim key, source URL) of every passage in the seed that does not say where, when and in what it was read
    (every seed passage was read by someone who knows whether it was the live page or a copy)."""
    appearances = [page for page in seed["article"].get("appearances") or [] if page.get("quotes")]
    return [(entry["key"], source["url"]) for entry in seed["claims"]
            for source in (entry.get("sources") or []) + appearances
            if (source.get("passage") or source.get("quotes"))
            and not all(source.get(field) for field in PROVENANCE)]


def load_seed(db: Database, path: str | os.PathLike[str] | None = None) -> int:
    """Insert whatever of the seed is missing; rows already present are left as they are.

    Claims are matched on their seed key, so a rerun adds nothing, and a verdict an
    editor changed since is not overwritten. A claim the seed rates starts in review. Returns the number of claims added.
    """
    seed = read_seed(path)
    unproven = unproven_passages(seed)
    if unproven:
        key, url = unproven[0]
        raise InvalidInput(f"seed claim {key}: the passage from {url} needs {', '.join(PROVENANCE)}"
                           f" ({len(unproven)} passages lack one)")
    article = dict(seed["article"])
    appearances = article.pop("appearances", [])
    added = 0
    with transaction(db):
        if not db["articles"].count_where("id = ?", [article["id"]]):
            add_article(db, **article)
        for entry in seed["claims"]:
            if db["claims"].count_where("seed_key = ?", [entry["key"]]):
                continue
            # The article's own pages are each claim's first context; where the page
            # is the one the text was captured from, the quote is its passage.
            sources = [
                {
                    "url": page["url"], "title": page.get("title"), "publisher": page.get("publisher"),
                    "note": page.get("note"), "relation": "context",
                    "passage": entry["quote"] if page.get("quotes") else None,
                    "passage_found_at": page.get("passage_found_at"),
                    "passage_checked_on": page.get("passage_checked_on"),
                    "passage_read_in": page.get("passage_read_in"),
                }
                for page in appearances
            ] + list(entry.get("sources") or [])
            claim_id = add_claim(
                db,
                article_id=article["id"],
                quote=entry["quote"],
                kind=entry["kind"],
                claim=entry["claim"],
                value=entry.get("value"),
                unit=entry.get("unit"),
                date_start=entry.get("date_start"),
                date_end=entry.get("date_end"),
                sources=sources,
                added_by="seed",
                seed_key=entry["key"],
            )
            set_verdict(db, claim_id, entry["verdict"], note=entry["verdict_note"], by="seed")
            if entry["verdict"] != "unrated":  # rated by the seed: waiting for an editor to review and publish
                set_status(db, claim_id, "in_review", by="seed")
            added += 1
    return added
