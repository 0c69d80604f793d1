"""The web archive fallback: find captures of a URL near a date and fetch them as original bytes.

Speaks the Internet Archive's availability API, CDX server and replay (see shared/reference);
the base URL is configurable so that tests point it at a local fake."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from ..errors import ArchiveError
from .options import DEFAULT_ARCHIVE

if TYPE_CHECKING:
    from .fetch import Fetcher
    from .politeness import Budget

DEFAULT_BASE = DEFAULT_ARCHIVE
GOOD_CAPTURE_STATUSES = ("200", "203", "206")


@dataclass(frozen=True)
class Capture:
    timestamp: str  # 14 digits, YYYYMMDDhhmmss
    original: str

    def replay_url(self, base: str) -> str:
        # id_ asks for the original bytes: no banner, no rewritten links.
        return f"{base.rstrip('/')}/web/{self.timestamp}id_/{self.original}"


def timestamp_for(date: str | None) -> str:
    """'2012-03-21' -> '20120321' (a partial date keeps its digits)."""
    return re.sub(r"\D", "", date or "")[:14]


def _get_json(fetcher: Fetcher, url: str, budget: Budget) -> Any:
    result = fetcher.fetch(url, check_robots=False, budget=budget)
    if result.outcome != "ok":
        raise ArchiveError(result.outcome, f"archive lookup failed: {result.error or result.outcome}")
    try:
        return json.loads(result.body.decode("utf-8")) if result.body and result.body.strip() else []
    except (ValueError, UnicodeDecodeError):
        raise ArchiveError("server_error", "archive answered with malformed JSON")


def available(fetcher: Fetcher, base: str, url: str, when: str | None, budget: Budget) -> Capture | None:
    """The availability API's closest capture to `when`, or None."""
    query = urlencode({"url": url, "timestamp": timestamp_for(when)} if when else {"url": url})
    data = _get_json(fetcher, f"{base.rstrip('/')}/wayback/available?{query}", budget)
    closest = (data or {}).get("archived_snapshots", {}).get("closest") if isinstance(data, dict) else None
    if closest and closest.get("available") and str(closest.get("status")) in GOOD_CAPTURE_STATUSES:
        original = original_from_replay(closest.get("url")) or url
        return Capture(closest["timestamp"], original)
    return None


def original_from_replay(replay_url: str | None) -> str | None:
    match = re.match(r"^https?://[^/]+/web/\d{1,14}[a-z_]*/(.+)$", replay_url or "")
    return match.group(1) if match else None


def cdx(fetcher: Fetcher, base: str, url: str, budget: Budget, *, to: str | None = None, from_: str | None = None,
        limit: int = 3) -> list[Capture]:
    """Captures with status 200 from the CDX server, nearest to the bound first."""
    params = [("url", url), ("output", "json"), ("filter", "statuscode:200"), ("fl", "timestamp,original,statuscode")]
    if to:
        params += [("to", timestamp_for(to)), ("limit", str(-limit))]
    else:
        if from_:
            params.append(("from", timestamp_for(from_)))
        params.append(("limit", str(limit)))
    rows = _get_json(fetcher, f"{base.rstrip('/')}/cdx/search/cdx?{urlencode(params)}", budget)
    if not isinstance(rows, list) or not rows:
        return []
    header, *rows = rows
    try:
        ts, orig = header.index("timestamp"), header.index("original")
    except (ValueError, AttributeError):
        raise ArchiveError("server_error", "archive CDX answer has no header row")
    captures = [Capture(r[ts], r[orig]) for r in rows if len(r) > max(ts, orig)]
    return list(reversed(captures)) if to else captures


def candidates(fetcher: Fetcher, base: str, url: str, when: str | None, budget: Budget,
               limit: int = 4) -> list[Capture]:
    """Captures to try, best first: the closest before `when`, then the nearest after."""
    found: list[Capture] = []

    def add(capture: Capture | None) -> None:
        if capture and capture not in found and len(found) < limit:
            found.append(capture)

    closest = available(fetcher, base, url, when, budget)
    if closest and (not when or closest.timestamp[: len(timestamp_for(when))] <= timestamp_for(when)):
        add(closest)
    for capture in cdx(fetcher, base, url, budget, to=when) if when else []:
        add(capture)
    for capture in cdx(fetcher, base, url, budget, from_=when):
        add(capture)
    add(closest)  # after the date, but still a capture
    return found
