"""`checker check`: fetch each chosen source (live, then the archive), read what came back, record
every attempt, and assess each claim that cites the source against what was found.

Fetching happens in worker threads, one host per worker at a time; every result is saved by
the calling thread as soon as it arrives, so an interruption loses only the checks in flight."""
import collections
import contextlib
import errno
import fcntl
import os
import queue
import re
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import IO, Any, TypedDict
from urllib.parse import urlsplit

from sqlite_utils import Database

from .words import label
from .assessment import READ_OUTCOMES, describe_change, evaluate, read_by
from .net.attempt import Attempt, Snapshot
from .store.db import transaction
from .store.ledger import record_check
from .errors import ArchiveError, LockUnusable, NoTurn, UnsupportedType
from .pages.extract import extract
from .net import archive
from .net.fetch import Fetcher, make_fetcher
from .net.options import CheckOptions
from .net.politeness import Budget
from .pages.locale import domain_territory, language_tag
from .pages.soft404 import RandomPathProbe, soft_404_reason
from .reading.page_locale import decide_locale
from .store.rows import SourceToCheck


SAVE_BATCH = 25  # at most this many finished sources share one commit


class SourceOutcome(TypedDict):
    """What a run did with one source (Summary.sources)."""

    source_id: int
    url: str
    read: bool
    outcome: str
    http_status: int | None
    error: str | None
    archive_outcome: str | None


class NotChecked(TypedDict):
    """A source whose host gave no turn (Summary.not_checked)."""

    source_id: int
    url: str
    reason: str | None


@dataclass
class Summary:
    """What a run did: counts by outcome, and each source that could not be read, with why."""

    checked: int = 0
    outcomes: collections.Counter[str] = field(default_factory=collections.Counter)
    rescued: int = 0
    interrupted: bool = False
    sources: list[SourceOutcome] = field(default_factory=list)  # in the order they finished
    not_checked: list[NotChecked] = field(default_factory=list)  # sources whose host gave no turn

    def add(self, source: SourceToCheck, attempts: Sequence[Attempt]) -> None:
        live = attempts[0]
        archived = attempts[1] if len(attempts) > 1 else None
        self.checked += 1
        self.outcomes[live.outcome] += 1
        self.rescued += bool(archived and archived.outcome == "ok")
        self.sources.append({
            "source_id": source["id"], "url": source["url"], "read": live.outcome in READ_OUTCOMES,
            "outcome": live.outcome, "http_status": live.http_status, "error": live.error,
            "archive_outcome": archived.outcome if archived else None,
        })

    @property
    def failed(self) -> list[SourceOutcome]:
        return [s for s in self.sources if not s["read"]]

    @property
    def exit_status(self) -> int:
        """0 when every source was read live; 1 when any was not (or got no turn); 130 interrupted."""
        if self.interrupted:
            return 130
        return 1 if self.failed or self.not_checked else 0

    def line(self) -> str:
        parts = ", ".join(f"{n} {label('outcome', o)}" for o, n in self.outcomes.most_common())
        text = f"checked {self.checked} sources: {parts or 'nothing to do'}"
        if self.rescued:
            text += f"; {self.rescued} rescued from the archive"
        if self.not_checked:
            text += f"; {len(self.not_checked)} not checked (no turn at a busy host)"
        if self.interrupted:
            text += " (interrupted: rerun with --stale-after to finish)"
        return text

    def diagnosis(self) -> str | None:
        """One plain sentence when the failures share a cause that is ours, not the sources'."""
        failed = self.failed
        if not failed:
            return None
        outcomes = {s["outcome"] for s in failed}
        if outcomes == {"refused_address"}:
            return ("every source that failed was refused by the address policy (it points at a private or local "
                    "address); to allow a network, pass --allow-address CIDR, such as --allow-address 127.0.0.1/32")
        if len(failed) == self.checked and outcomes <= {"dns_error", "connection_error", "timeout"}:
            return "none could be reached: this machine seems to have no network access"
        return None

    def report(self, limit: int = 10) -> str:
        """The summary line, each source that could not be read (up to limit), and the diagnosis."""
        lines = [self.line()]
        failed = self.failed
        for s in failed[:limit]:
            lines.append(f"  could not read [{s['source_id']}] {s['url']}: {label('outcome', s['outcome'])}: {s['error'] or ''}".rstrip(": "))
        if len(failed) > limit:
            lines.append(f"  and {len(failed) - limit} more")
        for s in self.not_checked[:limit]:
            lines.append(f"  not checked [{s['source_id']}] {s['url']}: {s['reason']}")
        if self.diagnosis():
            lines.append(self.diagnosis() or "")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {"checked": self.checked, "outcomes": dict(self.outcomes), "rescued": self.rescued,
                "interrupted": self.interrupted, "exit_status": self.exit_status, "diagnosis": self.diagnosis(),
                "sources": self.sources, "not_checked": self.not_checked}


def read_page(attempt: Attempt, probe: RandomPathProbe | None = None, page_url: str | None = None) -> Attempt:
    """Extract an ok answer into a snapshot, with the locale its page is read in, or turn the attempt
    into unsupported_type or soft_404. ``page_url`` is the page's own address when the answer came
    from elsewhere (an archive's replay): its domain is the page's country."""
    try:
        page = extract(attempt.body or b"", attempt.content_type, attempt.final_url)
    except UnsupportedType as e:
        return attempt.fail("unsupported_type", str(e))
    found = decide_locale(page.lang or language_tag(attempt.content_language),
                           domain_territory(page_url or attempt.final_url or attempt.requested_url), page.text)
    attempt.snapshot = Snapshot(text=page.text, body=attempt.body or b"", content_type=page.content_type,
                                title=page.title, canonical_url=page.canonical_url,
                                locale=found.locale, locale_from=found.source)
    reason = soft_404_reason(attempt.requested_url, attempt.final_url, page, probe)
    if reason:
        attempt.fail("soft_404", reason)
    return attempt


def check_live(fetcher: Fetcher, source: SourceToCheck, probe: RandomPathProbe) -> Attempt:
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


def check_archive(fetcher: Fetcher, source: SourceToCheck, options: CheckOptions) -> Attempt:
    """The capture closest before the citation date that really holds the page, as a via_archive attempt."""
    base = options.wayback_base.rstrip("/")
    clock = time.monotonic()
    budget = Budget(options.timeout * 4)  # the lookups and the captures tried, waits for turns aside
    started = time.time()

    def elapsed_ms() -> int:
        return int((time.monotonic() - clock) * 1000)

    try:
        captures = archive.candidates(fetcher, base, source["url"], source.get("cited_on"), budget)
    except ArchiveError as e:
        return Attempt(requested_url=source["url"], started_at=started, elapsed_ms=elapsed_ms(), via_archive=True,
                       outcome=e.outcome, error=str(e))
    rejected = []
    last: Attempt | None = None
    for capture in captures:
        replay = capture.replay_url(base)
        attempt = Attempt.from_fetch(fetcher.fetch(replay, check_robots=False, budget=budget), via_archive=True)
        attempt.archive_url = attempt.final_url or replay
        attempt.archive_timestamp = capture_timestamp(attempt.final_url) or capture.timestamp
        if attempt.outcome == "ok":
            read_page(attempt, page_url=source["url"])
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


def capture_timestamp(replay_url: str | None) -> str | None:
    match = re.search(r"/web/(\d{14})", replay_url or "")
    return match.group(1) if match else None


def check_source(fetcher: Fetcher, source: SourceToCheck, options: CheckOptions,
                 probe: RandomPathProbe) -> list[Attempt]:
    """The attempts for one source: the live check, then the archive when the live one failed."""
    live = check_live(fetcher, source, probe)
    attempts = [live]
    if options.use_archive and live.outcome not in ("ok", "not_modified", "invalid_url"):
        try:
            attempts.append(check_archive(fetcher, source, options))
        except NoTurn:
            pass  # the archive gave no turn: the live attempt stands alone
    return attempts


def save(db: Database, source: SourceToCheck, attempts: Sequence[Attempt]) -> list[int]:
    """Record a source's attempts with the evidence of the first that read content (live, else the
    archive's); the matching happens here, before the transaction that records it all."""
    read = next((i for i, a in enumerate(attempts) if a.outcome in READ_OUTCOMES), None)
    text, title, locale = read_by(db, attempts[read]) if read is not None else (None, None, None)
    results = evaluate(db, source["id"], text, title=title, locale=locale) if text is not None else ()
    return record_check(db, source["id"], attempts, read if text is not None else None, results,
                        describe_change=describe_change)


@contextlib.contextmanager
def one_run_at_a_time(db: Database, on_wait: Callable[[], object] | None = None) -> Iterator[None]:
    """Hold the database's check lock for a whole run: a second run (another `checker check`, a
    Recheck from the browser) waits until the first is done, then skips what it made fresh. The lock
    is a file beside the database, so a run that dies, even by kill -9, releases it."""
    path = db.execute("PRAGMA database_list").fetchone()[2]
    if not path:  # an in-memory database has no other users
        yield
        return
    with open_lock(path + ".check-lock") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


LOCK_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFDIR: "a directory", stat.S_IFCHR: "a character device",
              stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket"}


def open_lock(path: str) -> IO[str]:
    """The lock file at path, created when missing, as a file object; anything but a regular file is
    refused (LockUnusable). Opened without following a symlink (one to a regular file included: the
    lock is ours to place) and without blocking, since opening a FIFO would wait for a writer for ever."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o644)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise LockUnusable(path, "it is a symlink")
        if e.errno == errno.EISDIR:
            raise LockUnusable(path, "it is a directory")
        raise LockUnusable(path, e.strerror or str(e))
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise LockUnusable(path, f"it is {LOCK_KINDS.get(stat.S_IFMT(mode), 'not a regular file')}")
    return os.fdopen(fd, "r+")


@contextlib.contextmanager
def interrupts_between_batches(interrupt: threading.Event) -> Iterator[None]:
    """Ctrl-C during a run sets `interrupt` instead of raising wherever the main thread stands, so that a batch
    is always saved and counted whole: the summary says what was saved, no fewer (a KeyboardInterrupt between a
    commit and its count had left a source saved and unreported). Outside the main thread, as in the server's
    jobs, nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda signum, frame: interrupt.set())
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run_checks(db: Database, sources: Sequence[SourceToCheck], options: CheckOptions, *,
               on_progress: Callable[[SourceToCheck, list[Attempt]], object] | None = None,
               fetcher: Fetcher | None = None) -> Summary:
    """Check the given sources; save each attempt as it completes; return a Summary."""
    fetcher = fetcher or make_fetcher(options)
    probe = RandomPathProbe(fetcher)
    by_host: collections.defaultdict[str, list[SourceToCheck]] = collections.defaultdict(list)
    for source in sources:
        by_host[urlsplit(source["url"]).netloc.lower()].append(source)
    results: queue.Queue[tuple[SourceToCheck, list[Attempt] | None, str | None]] = queue.Queue()
    stop = threading.Event()

    def work(host_sources: list[SourceToCheck]) -> None:
        for source in host_sources:
            if stop.is_set():
                return
            started = time.time()
            try:
                attempts = check_source(fetcher, source, options, probe)
            except NoTurn as e:  # nothing was fetched: nothing to record
                results.put((source, None, str(e)))
                continue
            except Exception as e:  # record it rather than lose the source silently
                attempts = [Attempt(requested_url=source["url"], started_at=started,
                                    elapsed_ms=int((time.time() - started) * 1000),
                                    outcome="connection_error", error=f"unexpected error: {e!r}")]
            results.put((source, attempts, None))

    summary = Summary()
    executor = ThreadPoolExecutor(max_workers=max(1, options.concurrency), thread_name_prefix="checker")
    interrupt = threading.Event()
    try:
        # The busiest hosts go first: they bound the run's length.
        for host_sources in sorted(by_host.values(), key=len, reverse=True):
            executor.submit(work, host_sources)
        with interrupts_between_batches(interrupt):
            while summary.checked + len(summary.not_checked) < len(sources):
                if interrupt.is_set():
                    raise KeyboardInterrupt
                try:
                    finished = [results.get(timeout=0.2)]
                except queue.Empty:
                    continue
                while len(finished) < SAVE_BATCH:  # what else finished meanwhile is saved with it
                    try:
                        finished.append(results.get_nowait())
                    except queue.Empty:
                        break
                done = [(source, attempts) for source, attempts, _ in finished if attempts is not None]
                for source, attempts, reason in finished:
                    if attempts is None:
                        summary.not_checked.append({"source_id": source["id"], "url": source["url"], "reason": reason})
                # each source's attempts, evidence and health commit together; sources that finished
                # together share one commit, since a commit costs more than the writes it holds
                with transaction(db):
                    for source, attempts in done:
                        save(db, source, attempts)
                for source, attempts in done:
                    summary.add(source, attempts)
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
