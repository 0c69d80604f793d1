"""One attempt to retrieve a source, typed, as it passes from the fetch to extraction to the ledger."""
from dataclasses import dataclass, fields

from .fetch import FetchResult


@dataclass
class Snapshot:
    """What a page said: the text extracted from it, with the raw body it came from."""

    text: str
    body: bytes = b""
    content_type: str = None
    title: str = None
    canonical_url: str = None


@dataclass
class Attempt(FetchResult):
    """One check of a source: what the fetch returned, then what reading the answer made of it.

    ``snapshot`` is new text to store; ``snapshot_id`` instead points at text already stored (a 304
    answered with the previous good check's snapshot). An archive capture has ``via_archive`` set.
    """

    snapshot: Snapshot = None
    snapshot_id: int = None
    via_archive: bool = False
    archive_url: str = None
    archive_timestamp: str = None

    @classmethod
    def from_fetch(cls, result, **changes):
        return cls(**{f.name: getattr(result, f.name) for f in fields(FetchResult)}, **changes)

    def fail(self, outcome, error):
        """Turn this attempt into a failure with its reason; returns it."""
        self.outcome, self.error = outcome, error
        return self
