"""Rechecks run in the background for the workbench: one job per claim or article at a time, each
reporting as it goes (read, changed, could not reach, time left) and what it found, in plain words."""
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, field

from ..assessment import READ_OUTCOMES
from ..check import one_run_at_a_time, run_checks
from ..net.options import CheckOptions
from ..store.db import open_db, storage_error
from ..store.sources import select_sources
from ..text import plural



@dataclass
class Job:
    key: str  # "claim:3" or "article:pakistan-russia-2012": a second request for a running key joins it
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    state: str = "running"  # waiting (another run holds the database), running, done, failed
    total: int = 0
    done: int = 0
    read: int = 0
    unreachable: int = 0
    changed_sources: list = field(default_factory=list)
    message: str = None
    error: str = None
    started: float = field(default_factory=time.time)
    finished: float = None
    article_id: str = None  # an import's article, once imported

    def seconds_left(self):
        """A plain estimate from the pace so far; None until one source is done."""
        if self.state != "running" or not self.done or not self.total:
            return None
        pace = (time.time() - self.started) / self.done
        return round(pace * (self.total - self.done))

    def as_dict(self):
        return {"id": self.id, "key": self.key, "state": self.state, "total": self.total, "done": self.done,
                "read": self.read, "unreachable": self.unreachable, "changed": len(self.changed_sources),
                "changed_sources": self.changed_sources, "seconds_left": self.seconds_left(),
                "message": self.message, "error": self.error, "article_id": self.article_id}


def report(summary, changed, read_before=0):
    """What a recheck found, in plain words, for the person who pressed the button; ``read_before``: how
    many of the sources that could not be reached had been read at an earlier check."""
    if summary.checked == 0 and not summary.not_checked:
        return "Nothing to check: this claim has no sources yet."
    could_not = len(summary.failed)
    parts = [plural(summary.checked, "source") + " checked"]
    if could_not == summary.checked:
        parts.append("none could be reached")
    else:
        parts.append(f"{summary.checked - could_not} read")
        if could_not:
            parts.append(f"{could_not} could not be reached")
    parts.append(f"{len(changed)} changed" if changed else "none changed")
    if summary.rescued:
        parts.append(f"{summary.rescued} read from an archive copy instead")
    text = ": ".join(parts[:2]) + (", " + ", ".join(parts[2:]) if parts[2:] else "") + "."
    diagnosis = summary.diagnosis()
    if diagnosis:
        text += " " + diagnosis[0].upper() + diagnosis[1:].replace("; to allow a network, pass --allow-address CIDR, such as --allow-address 127.0.0.1/32", "") + "."
    if read_before:  # (of a source never read there is nothing that could stand)
        text += " What those sources last said still stands: nothing that could not be read counts against a claim."
    return text


def read_before(db, source_ids):
    """How many of these sources some check has read."""
    ids = list(source_ids)
    return db.execute(f"SELECT count(DISTINCT source_id) FROM checks WHERE snapshot_id IS NOT NULL "
                      f"AND source_id IN ({', '.join('?' * len(ids))})", ids).fetchone()[0] if ids else 0


def changed_sources(db, source_ids):
    """Sources whose latest read brought different text from the read before it."""
    changed = []
    for source_id in source_ids:
        reads = db.execute(
            "SELECT snapshot_id FROM checks WHERE source_id = ? AND via_archive = 0 AND snapshot_id IS NOT NULL"
            " ORDER BY id DESC LIMIT 2", [source_id]).fetchall()
        if len(reads) == 2 and reads[0][0] != reads[1][0]:
            changed.append(source_id)
    return changed


class Jobs:
    def __init__(self):
        self._lock = threading.Lock()
        self._by_id = {}
        self._running = {}

    def get(self, job_id):
        return self._by_id.get(job_id)

    def __len__(self):
        """How many jobs were started since the server started, finished ones included."""
        return len(self._by_id)

    def start(self, db_path, key, selection, options: CheckOptions):
        """Start a recheck of the selected sources, or return the job already running for this key."""
        return self._launch(db_path, key, self._recheck, (selection, options), "The recheck failed: ")

    def start_import(self, db_path, key, source, *, article_id=None, allow_addresses=()):
        """Import an article in the background (a page can take seconds to fetch politely)."""
        return self._launch(db_path, key, self._import, (source, article_id, allow_addresses), "Not imported: ",
                            message="Fetching and reading the article…")

    def _launch(self, db_path, key, work, args, failure, message=None):
        with self._lock:
            running = self._running.get(key)
            if running is not None:
                return running, False
            job = Job(key=key, message=message)
            self._by_id[job.id] = job
            self._running[key] = job
        threading.Thread(target=self._run, args=(job, db_path, work, args, failure), daemon=True,
                         name=f"checker-job-{job.id}").start()
        return job, True

    def _run(self, job, db_path, work, args, failure):
        db = None
        try:
            db = open_db(db_path)
            work(job, db, *args)
            job.state = "done"
        except Exception as e:  # one line, for the person who pressed the button
            if isinstance(e, sqlite3.OperationalError):
                e = storage_error(e, db_path) or e
            job.state, job.error = "failed", str(e)
            job.message = failure + str(e)
        finally:
            job.finished = time.time()
            if db is not None:
                db.conn.close()
            with self._lock:
                self._running.pop(job.key, None)

    @staticmethod
    def _import(job, db, source, article_id, allow_addresses):
        from ..intake import import_article

        result = import_article(db, source, article_id=article_id, allow_addresses=allow_addresses)
        job.article_id = result.article_id
        job.message = (f"Imported “{result.title}”: {plural(result.paragraphs, 'paragraph')}, "
                       f"{plural(result.links, 'cited link')}, {plural(result.claims, 'claim')} from embedded fact-checks."
                       if result.status == "imported" else f"Already imported as {result.article_id}: nothing changed.")
        if result.notes:  # what was left out of a page past checker's limits
            job.message += " Left out: " + "; ".join(result.notes) + "."

    @staticmethod
    def _recheck(job, db, selection, options):
        def waiting():
            job.state = "waiting"

        with one_run_at_a_time(db, on_wait=waiting):
            job.state = "running"
            sources = select_sources(db, **selection)
            job.total = len(sources)

            def progress(source, attempts):
                job.done += 1
                if attempts[0].outcome in READ_OUTCOMES:
                    job.read += 1
                else:
                    job.unreachable += 1

            summary = run_checks(db, sources, options, on_progress=progress)
            job.changed_sources = changed_sources(db, [s["source_id"] for s in summary.sources if s["read"]])
            job.message = report(summary, job.changed_sources, read_before(db, [s["source_id"] for s in summary.failed]))
