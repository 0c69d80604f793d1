"""`checker check`: choose sources, fetch each (live, then the archive), extract, record every attempt,
and assess each claim that cites the source against what was found.

Fetching happens in worker threads, one host per worker at a time; every result is saved by
the calling thread as soon as it arrives, so an interruption loses only the checks in flight."""
import collections
import datetime
import queue
import re
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from . import archive
from .db import save_check
from .errors import InvalidInput
from .extract import UnsupportedType, extract, redirected_to_root, says_not_found
from .fetch import AddressPolicy, Fetcher, HostGate
from .review import assess_source

DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
SOFT_404_SIMILARITY = 90  # rapidfuzz ratio (0-100) between a page and the host's answer for a random path


def parse_duration(text):
    """'7d' -> timedelta(days=7); units s, m, h, d, w."""
    match = DURATION.match(text or "")
    if not match:
        raise InvalidInput(f"duration {text!r} is not a number with a unit (s, m, h, d or w), such as 7d")
    return datetime.timedelta(seconds=float(match.group(1)) * UNITS[match.group(2)])


@dataclass
class CheckOptions:
    concurrency: int = 8
    min_interval: float = 1.0
    timeout: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    allow_addresses: tuple = ()
    wayback_base: str = archive.DEFAULT_BASE
    use_archive: bool = True
    archive_interval: float = 1.0  # the archive allows about one CDX call a second
    retries: int = 2
    max_retry_wait: float = 30.0
    stale_after: datetime.timedelta = None


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


def select_sources(db, *, claims=(), sources=(), articles=(), stale_after=None, now=None):
    """The sources to check, each with what the last good check left (etag, snapshot) and its citation date."""
    where, params = [], []
    picks = []
    if claims:
        picks.append(f"sources.id IN (SELECT source_id FROM claim_sources WHERE claim_id IN ({','.join('?' * len(claims))}))")
        params += list(claims)
    if sources:
        picks.append(f"sources.id IN ({','.join('?' * len(sources))})")
        params += list(sources)
    if articles:
        picks.append(
            "sources.id IN (SELECT source_id FROM claim_sources JOIN claims ON claims.id = claim_id"
            f" WHERE claims.article_id IN ({','.join('?' * len(articles))}))"
        )
        params += list(articles)
    if picks:
        where.append("(" + " OR ".join(picks) + ")")
    if stale_after is not None:
        cutoff = (now or datetime.datetime.now(datetime.timezone.utc)) - stale_after
        where.append(
            "coalesce((SELECT max(started_at) FROM checks WHERE checks.source_id = sources.id AND via_archive = 0), '') < ?"
        )
        params.append(cutoff.strftime("%Y-%m-%dT%H:%M:%S.000Z"))
    sql = f"""
        SELECT sources.id, sources.url,
            (SELECT min(articles.published) FROM claim_sources
             JOIN claims ON claims.id = claim_sources.claim_id
             JOIN articles ON articles.id = claims.article_id
             WHERE claim_sources.source_id = sources.id) AS cited_on,
            good.etag, good.last_modified, good.snapshot_id
        FROM sources
        LEFT JOIN checks good ON good.id = (
            SELECT max(id) FROM checks
            WHERE source_id = sources.id AND via_archive = 0 AND snapshot_id IS NOT NULL
              AND outcome IN ('ok', 'not_modified'))
        {'WHERE ' + ' AND '.join(where) if where else ''}
        ORDER BY sources.id
    """
    return [dict(r) for r in db.query(sql, params)]


class RandomPathProbe:
    """What each host answers for a path that cannot exist, fetched once per host per run."""

    def __init__(self, fetcher):
        self.fetcher = fetcher
        self._answers = {}
        self._locks = collections.defaultdict(threading.Lock)

    def answer(self, url):
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._locks[origin]:
            if origin not in self._answers:
                result = self.fetcher.fetch(f"{origin}/{uuid.uuid4().hex}-checker-probe")
                answer = None
                if result.outcome == "ok":
                    try:
                        answer = (result.final_url, extract(result.body, result.content_type, result.final_url).text)
                    except UnsupportedType:
                        answer = None
                self._answers[origin] = answer
            return self._answers[origin]

    def matches(self, url, final_url, text):
        answer = self.answer(url)
        if answer is None:
            return False
        probe_final, probe_text = answer
        if probe_final == final_url and final_url != url:
            return True
        return fuzz.ratio(probe_text[:5000], text[:5000]) >= SOFT_404_SIMILARITY


def attempt_from(result):
    """The fields of a check from a FetchResult."""
    return {
        "started_at": result.started_at,
        "elapsed_ms": result.elapsed_ms,
        "requested_url": result.requested_url,
        "final_url": result.final_url,
        "redirects": result.redirects,
        "http_status": result.http_status,
        "outcome": result.outcome,
        "error": result.error,
        "content_type": result.content_type,
        "bytes": result.bytes,
        "etag": result.etag,
        "last_modified": result.last_modified,
    }


def read_page(result, attempt, probe=None):
    """Extract an ok answer into a snapshot, or turn it into unsupported_type or soft_404."""
    try:
        page = extract(result.body, result.content_type, result.final_url)
    except UnsupportedType as e:
        attempt.update(outcome="unsupported_type", error=str(e))
        return attempt
    attempt["snapshot"] = {
        "text": page.text,
        "body": result.body,
        "content_type": page.content_type,
        "title": page.title,
        "canonical_url": page.canonical_url,
    }
    if redirected_to_root(result.requested_url, result.final_url):
        attempt.update(outcome="soft_404", error="redirected to the site's front page")
    elif says_not_found(page):
        attempt.update(outcome="soft_404", error=f"the page says it does not exist: {page.title or page.headings[0]!r}")
    elif probe is not None and probe.matches(result.requested_url, result.final_url, page.text):
        attempt.update(outcome="soft_404", error="the page reads like this host's answer for a path that cannot exist")
    return attempt


def check_live(fetcher, source, probe):
    result = fetcher.fetch(source["url"], etag=source.get("etag"), last_modified=source.get("last_modified"))
    attempt = attempt_from(result)
    if result.outcome == "not_modified":
        if source.get("snapshot_id"):
            attempt.update(snapshot_id=source["snapshot_id"], etag=result.etag or source.get("etag"),
                           last_modified=result.last_modified or source.get("last_modified"))
        else:
            attempt.update(outcome="server_error", error="304 Not Modified to a request that was not conditional")
    elif result.outcome == "ok":
        read_page(result, attempt, probe)
    return attempt


def check_archive(fetcher, source, options):
    """The capture closest before the citation date that really holds the page, as a via_archive attempt."""
    base = options.wayback_base.rstrip("/")
    deadline_seconds = options.timeout * 4
    clock = time.monotonic()
    started = time.time()
    failure = {"started_at": started, "requested_url": source["url"], "via_archive": 1}
    try:
        captures = archive.candidates(fetcher, base, source["url"], source.get("cited_on"), clock + deadline_seconds)
    except archive.ArchiveError as e:
        return {**failure, "elapsed_ms": int((time.monotonic() - clock) * 1000), "outcome": e.outcome, "error": str(e)}
    rejected = []
    last = None
    for capture in captures:
        result = fetcher.fetch(capture.replay_url(base), check_robots=False, deadline=clock + deadline_seconds)
        attempt = attempt_from(result)
        attempt.update(via_archive=1, archive_url=result.final_url or capture.replay_url(base),
                       archive_timestamp=capture_timestamp(result.final_url) or capture.timestamp)
        if result.outcome == "ok":
            read_page(result, attempt)
            if attempt["outcome"] == "ok":
                attempt["elapsed_ms"] = int((time.monotonic() - clock) * 1000)
                attempt["started_at"] = started
                return attempt
        rejected.append(f"{capture.timestamp}: {attempt['error'] or attempt['outcome']}")
        last = attempt
    elapsed = int((time.monotonic() - clock) * 1000)
    if last is None:
        return {**failure, "elapsed_ms": elapsed, "outcome": "not_found", "error": "no capture of this URL in the archive"}
    last.pop("snapshot", None)
    last.update(started_at=started, elapsed_ms=elapsed, error=f"{len(rejected)} captures tried, none usable: " + "; ".join(rejected))
    if last["outcome"] == "ok":  # read_page turned it into something else; keep that outcome
        last["outcome"] = "soft_404"
    return last


def capture_timestamp(replay_url):
    match = re.search(r"/web/(\d{14})", replay_url or "")
    return match.group(1) if match else None


def check_source(fetcher, source, options, probe):
    """The attempts for one source: the live check, then the archive when the live one failed."""
    live = check_live(fetcher, source, probe)
    attempts = [live]
    if options.use_archive and live["outcome"] not in ("ok", "not_modified", "invalid_url"):
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
            try:
                attempts = check_source(fetcher, source, options, probe)
            except Exception as e:  # record it rather than lose the source silently
                attempts = [{"started_at": 0, "elapsed_ms": 0, "requested_url": source["url"],
                             "outcome": "connection_error", "error": f"unexpected error: {e!r}"}]
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
            summary.outcomes[attempts[0]["outcome"]] += 1
            if len(attempts) > 1 and attempts[1]["outcome"] == "ok":
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
