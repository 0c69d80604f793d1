"""`checker check`: fetch each chosen source (live, then the archive), read what came back, record
every attempt, and assess each claim that cites the source against what was found.

Fetching happens in worker threads, one host per worker at a time; every result is saved by
the calling thread as soon as it arrives, so an interruption loses only the checks in flight."""
import collections
import datetime
import ipaddress
import queue
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from . import archive
from .assessment import assess_source
from .attempt import Attempt, Snapshot
from .db import save_check
from .errors import ArchiveError, InvalidInput, InvalidURL, UnsupportedType
from .extract import extract
from .fetch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_RETRY_WAIT,
    DEFAULT_MIN_INTERVAL,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    AddressPolicy,
    Fetcher,
    HostGate,
)
from .soft404 import RandomPathProbe, soft_404_reason
from .urls import normalise_url


@dataclass
class CheckOptions:
    """How one run fetches; the single home of every default (the CLI and the workbench read these)."""

    concurrency: int = 8
    min_interval: float = DEFAULT_MIN_INTERVAL
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    allow_addresses: tuple = ()
    wayback_base: str = archive.DEFAULT_BASE
    use_archive: bool = True
    archive_interval: float = 1.0  # the archive allows about one CDX call a second
    retries: int = DEFAULT_RETRIES
    max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT
    stale_after: datetime.timedelta = None

    def __post_init__(self):
        for cidr in self.allow_addresses:
            try:
                ipaddress.ip_network(cidr, strict=False)
            except ValueError:
                raise InvalidInput(f"--allow-address {cidr!r} is not an address or network (CIDR)")
        try:
            normalise_url(self.wayback_base)
        except InvalidURL as e:
            raise InvalidInput(f"--wayback-base: {e}")


@dataclass
class Summary:
    checked: int = 0
    outcomes: collections.Counter = field(default_factory=collections.Counter)
    rescued: int = 0
    interrupted: bool = False

    def line(self):
        parts = ", ".join(f"{n} {o}" for o, n in self.outcomes.most_common())
        text = f"checked {self.checked} sources: {parts or 'nothing to do'}"
        if self.rescued:
            text += f"; {self.rescued} rescued from the archive"
        if self.interrupted:
            text += " (interrupted: rerun with --stale-after to finish)"
        return text


def read_page(attempt, probe=None):
    """Extract an ok answer into a snapshot, or turn the attempt into unsupported_type or soft_404."""
    try:
        page = extract(attempt.body, attempt.content_type, attempt.final_url)
    except UnsupportedType as e:
        return attempt.fail("unsupported_type", str(e))
    attempt.snapshot = Snapshot(text=page.text, body=attempt.body, content_type=page.content_type,
                                title=page.title, canonical_url=page.canonical_url)
    reason = soft_404_reason(attempt.requested_url, attempt.final_url, page, probe)
    if reason:
        attempt.fail("soft_404", reason)
    return attempt


def check_live(fetcher, source, probe):
    """The live attempt for a source: conditional when an earlier check left an ETag or date."""
    attempt = Attempt.from_fetch(
        fetcher.fetch(source["url"], etag=source.get("etag"), last_modified=source.get("last_modified")))
    if attempt.outcome == "not_modified":
        if source.get("snapshot_id"):
            attempt.snapshot_id = source["snapshot_id"]
            attempt.etag = attempt.etag or source.get("etag")
            attempt.last_modified = attempt.last_modified or source.get("last_modified")
        else:
            attempt.fail("server_error", "304 Not Modified to a request that was not conditional")
    elif attempt.outcome == "ok":
        read_page(attempt, probe)
    return attempt


def check_archive(fetcher, source, options):
    """The capture closest before the citation date that really holds the page, as a via_archive attempt."""
    base = options.wayback_base.rstrip("/")
    clock = time.monotonic()
    deadline = clock + options.timeout * 4
    started = time.time()

    def elapsed_ms():
        return int((time.monotonic() - clock) * 1000)

    try:
        captures = archive.candidates(fetcher, base, source["url"], source.get("cited_on"), deadline)
    except ArchiveError as e:
        return Attempt(requested_url=source["url"], started_at=started, elapsed_ms=elapsed_ms(), via_archive=True,
                       outcome=e.outcome, error=str(e))
    rejected = []
    last = None
    for capture in captures:
        replay = capture.replay_url(base)
        attempt = Attempt.from_fetch(fetcher.fetch(replay, check_robots=False, deadline=deadline), via_archive=True)
        attempt.archive_url = attempt.final_url or replay
        attempt.archive_timestamp = capture_timestamp(attempt.final_url) or capture.timestamp
        if attempt.outcome == "ok":
            read_page(attempt)
            if attempt.outcome == "ok":
                attempt.started_at, attempt.elapsed_ms = started, elapsed_ms()
                return attempt
        rejected.append(f"{capture.timestamp}: {attempt.error or attempt.outcome}")
        last = attempt
    if last is None:
        return Attempt(requested_url=source["url"], started_at=started, elapsed_ms=elapsed_ms(), via_archive=True,
                       outcome="not_found", error="no capture of this URL in the archive")
    last.snapshot = None
    last.started_at, last.elapsed_ms = started, elapsed_ms()
    last.error = f"{len(rejected)} captures tried, none usable: " + "; ".join(rejected)
    return last


def capture_timestamp(replay_url):
    match = re.search(r"/web/(\d{14})", replay_url or "")
    return match.group(1) if match else None


def check_source(fetcher, source, options, probe):
    """The attempts for one source: the live check, then the archive when the live one failed."""
    live = check_live(fetcher, source, probe)
    attempts = [live]
    if options.use_archive and live.outcome not in ("ok", "not_modified", "invalid_url"):
        attempts.append(check_archive(fetcher, source, options))
    return attempts


def make_fetcher(options):
    gate = HostGate(options.min_interval)
    gate.set_interval(urlsplit(options.wayback_base).netloc, options.archive_interval)
    return Fetcher(
        policy=AddressPolicy.allowing(options.allow_addresses),
        gate=gate,
        timeout=options.timeout,
        max_bytes=options.max_bytes,
        retries=options.retries,
        max_retry_wait=options.max_retry_wait,
    )


def run_checks(db, sources, options, *, on_progress=None, fetcher=None):
    """Check the given sources; save each attempt as it completes; return a Summary."""
    fetcher = fetcher or make_fetcher(options)
    probe = RandomPathProbe(fetcher)
    by_host = collections.defaultdict(list)
    for source in sources:
        by_host[urlsplit(source["url"]).netloc.lower()].append(source)
    results = queue.Queue()
    stop = threading.Event()

    def work(host_sources):
        for source in host_sources:
            if stop.is_set():
                return
            started = time.time()
            try:
                attempts = check_source(fetcher, source, options, probe)
            except Exception as e:  # record it rather than lose the source silently
                attempts = [Attempt(requested_url=source["url"], started_at=started,
                                    elapsed_ms=int((time.time() - started) * 1000),
                                    outcome="connection_error", error=f"unexpected error: {e!r}")]
            results.put((source, attempts))

    summary = Summary()
    executor = ThreadPoolExecutor(max_workers=max(1, options.concurrency), thread_name_prefix="checker")
    try:
        # The busiest hosts go first: they bound the run's length.
        for host_sources in sorted(by_host.values(), key=len, reverse=True):
            executor.submit(work, host_sources)
        while summary.checked < len(sources):
            try:
                source, attempts = results.get(timeout=0.2)
            except queue.Empty:
                continue
            check_ids = [save_check(db, source["id"], attempt) for attempt in attempts]
            assess_source(db, source["id"], check_ids[0])
            summary.checked += 1
            summary.outcomes[attempts[0].outcome] += 1
            if len(attempts) > 1 and attempts[1].outcome == "ok":
                summary.rescued += 1
            if on_progress:
                on_progress(source, attempts)
    except KeyboardInterrupt:
        # What was saved stays saved; the checks in flight are dropped.
        summary.interrupted = True
    finally:
        stop.set()
        executor.shutdown(wait=not summary.interrupted, cancel_futures=True)
        fetcher.session.close()
    return summary
