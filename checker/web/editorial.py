"""What the workbench needs of the editorial workflow besides its actions: the editors a claim can be handed
to, who publishes, and what a published claim's page carries in its head (ClaimReview JSON-LD, a description,
Open Graph), built by export.claim_review as `checker export claimreview` builds it."""
import json
import os
from typing import Any

from sqlite_utils import Database

from ..export import published_review

DESCRIPTION_CHARS = 200  # what search results show of a description, about


def editors(datasette) -> list[str]:
    """The editors' names, from the passwords `checker serve --editors` configured (none when not)."""
    accounts = datasette.plugin_config("datasette-auth-passwords") or {}
    return sorted((accounts.get("actors") or {}).keys())


def organisation(datasette) -> dict[str, str | None]:
    """Who publishes the reviews: the plugin's org_name and org_url, else $CHECKER_ORG_NAME and $CHECKER_ORG_URL,
    as for `checker export claimreview`."""
    config = datasette.plugin_config("checker") or {}
    return {"org_name": config.get("org_name") or os.environ.get("CHECKER_ORG_NAME") or "checker",
            "org_url": config.get("org_url") or os.environ.get("CHECKER_ORG_URL") or None}


def script_json(data: Any) -> str:
    """JSON that can stand inside a <script> element: no '<', '>' or '&' that could end it early."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def shortened(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """text in at most ``limit`` characters, cut at a word with an ellipsis when it must be."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def page_head(db: Database, claim_id: int, url: str, org_name: str, org_url: str | None) -> dict[str, str] | None:
    """What a published claim's page carries in its head, or None while the claim is not published."""
    review = published_review(db, claim_id, org_name=org_name, org_url=org_url, url=url)
    if review is None:
        return None
    words = review["reviewRating"]["alternateName"]
    description = shortened(f"{words}: {review['claimReviewed']} {review.get('reviewBody', '')}".strip())
    return {"jsonld": script_json(review), "description": description, "title": review["claimReviewed"], "url": url}
