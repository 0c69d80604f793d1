"""One attempt to retrieve a source, typed, as it passes from the fetch to extraction to the ledger."""
from dataclasses import dataclass, fields
from typing import Any, Self

from .fetch import FetchResult


@dataclass
class Snapshot:
    """What a page said: the text extracted from it, with the raw body it came from."""

    text: str
    body: bytes = b""
    content_type: str | None = None
    title: str | None = None
    canonical_url: str | None = None
    locale: str | None = None  # the locale the page was read in ("en-NZ"), and what said so:
    locale_from: str | None = None  # lang, domain or currency (reading/locales.py)


@dataclass
class Attempt(FetchResult):
    """One check of a source: what the fetch returned, then what reading the answer made of it.

    ``snapshot`` is new text to store; ``snapshot_id`` instead points at text already stored (a 304
    answered with the previous good check's snapshot). An archive capture has ``via_archive`` set.
    """

    snapshot: Snapshot | None = None
    snapshot_id: int | None = None
    via_archive: bool = False
    archive_url: str | None = None
    archive_timestamp: str | None = None

    @classmethod
    def from_fetch(cls, result: FetchResult, **changes: Any) -> Self:
        return cls(**{f.name: getattr(result, f.name) for f in fields(FetchResult)}, **changes)

    def fail(self, outcome: str, error: str | None) -> Self:
        """Turn this attempt into a failure with its reason; returns it."""
        self.outcome, self.error = outcome, error
        return self
