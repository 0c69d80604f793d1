"""How a run fetches: the options every front passes (the command line's, the workbench's plugin
config), their defaults and their ranges. Imports nothing that fetches: the command line reads its
defaults from here without loading requests."""
import datetime
import ipaddress
import math
from dataclasses import dataclass

from ..errors import InvalidInput, InvalidURL
from ..limits import MAX_PAGE_BYTES
from ..urls import normalise_url

DEFAULT_TIMEOUT = 30.0  # seconds for one whole fetch, headers and body included
DEFAULT_MAX_BYTES = MAX_PAGE_BYTES  # counted after decompression (limits.py: as much as a file read for its text)
DEFAULT_RETRIES = 2
DEFAULT_MAX_RETRY_WAIT = 30.0
DEFAULT_MIN_INTERVAL = 1.0  # seconds between two requests to one host
DEFAULT_TURN_TIMEOUT = 3600.0  # seconds a request may wait for its host's turn
DEFAULT_ARCHIVE = "https://web.archive.org"

# The range of each number a run takes, from whichever front (the command line's options, the
# workbench's plugin config): a value outside it, or not finite, is refused before anything runs.
RANGES = {
    "concurrency": (1, 256),
    "min_interval": (0, 600),
    "timeout": (0.1, 600),
    "max_bytes": (1, 2 ** 30),
    "archive_interval": (0, 600),
    "retries": (0, 10),
    "max_retry_wait": (0, 3600),
    "turn_timeout": (1, 86400),
}


@dataclass
class CheckOptions:
    """How one run fetches; the single home of every default (the CLI and the workbench read these)."""

    concurrency: int = 8
    min_interval: float = DEFAULT_MIN_INTERVAL
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    allow_addresses: tuple[str, ...] = ()
    wayback_base: str = DEFAULT_ARCHIVE
    use_archive: bool = True
    archive_interval: float = 1.0  # the archive allows about one CDX call a second
    retries: int = DEFAULT_RETRIES
    max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT
    stale_after: datetime.timedelta | None = None
    turn_timeout: float = DEFAULT_TURN_TIMEOUT
    ca_bundle: str | None = None  # the Fetcher's: $CHECKER_CA_BUNDLE, else the system's authorities

    def __post_init__(self) -> None:
        for name, (low, high) in RANGES.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                    or not low <= value <= high:
                raise InvalidInput(f"{name.replace('_', '-')} {value!r} is not a number from {low:g} to {high:g}")
        for cidr in self.allow_addresses:
            try:
                ipaddress.ip_network(cidr, strict=False)
            except ValueError:
                raise InvalidInput(f"--allow-address {cidr!r} is not an address or network (CIDR)")
        try:
            normalise_url(self.wayback_base)
        except InvalidURL as e:
            raise InvalidInput(f"--wayback-base: {e}")


