"""Rechecks run in the background for the workbench: one job per claim or article at a time."""
import collections
import threading
import time
import uuid
from dataclasses import dataclass, field

from ..check import CheckOptions, one_run_at_a_time, run_checks
from ..db import open_db
from ..sources import select_sources


@dataclass
class Job:
    key: str  # "claim:3" or "article:pakistan-russia-2012": a second request for a running key joins it
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    state: str = "running"  # running, done, failed
    total: int = 0
    done: int = 0
    outcomes: collections.Counter = field(default_factory=collections.Counter)
    summary: str = None
    error: str = None
    started: float = field(default_factory=time.time)

    def as_dict(self):
        return {"id": self.id, "key": self.key, "state": self.state, "total": self.total, "done": self.done,
                "outcomes": dict(self.outcomes), "summary": self.summary, "error": self.error}


class Jobs:
    def __init__(self):
        self._lock = threading.Lock()
        self._by_id = {}
        self._running = {}

    def get(self, job_id):
        return self._by_id.get(job_id)

    def start(self, db_path, key, selection, options: CheckOptions):
        """Start a recheck of the selected sources, or return the job already running for this key."""
        with self._lock:
            running = self._running.get(key)
            if running is not None:
                return running, False
            job = Job(key=key)
            self._by_id[job.id] = job
            self._running[key] = job
        thread = threading.Thread(target=self._run, args=(job, db_path, selection, options), daemon=True,
                                  name=f"checker-recheck-{job.id}")
        thread.start()
        return job, True

    def _run(self, job, db_path, selection, options):
        db = None
        try:
            db = open_db(db_path)
            with one_run_at_a_time(db):
                sources = select_sources(db, **selection)
                job.total = len(sources)

                def progress(source, attempts):
                    job.done += 1
                    job.outcomes[attempts[0].outcome] += 1

                job.summary = run_checks(db, sources, options, on_progress=progress).line()
            job.state = "done"
        except Exception as e:  # shown to the person who pressed the button
            job.state, job.error = "failed", f"{type(e).__name__}: {e}"
        finally:
            if db is not None:
                db.conn.close()
            with self._lock:
                self._running.pop(job.key, None)
