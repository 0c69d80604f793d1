"""Rechecks on a schedule while serving (`checker serve --recheck-every 1d`): every so often the server
rechecks each source not checked within that time, one run at a time, as politely as `checker check`."""
import logging
import sqlite3
import threading
import time

from ..check import one_run_at_a_time, run_checks
from ..store.db import open_db, storage_error
from ..store.sources import select_sources

log = logging.getLogger("checker.schedule")


class Schedule:
    """A daemon thread that rechecks stale sources every ``every`` seconds; the latest run's summary
    is kept for the pages to show."""

    def __init__(self, db_path, every, options):
        self.db_path, self.every, self.options = db_path, every, options
        self.last = None  # (finished at, summary line)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True, name="checker-schedule")

    def start(self):
        self.thread.start()
        return self

    def run_once(self):
        import datetime

        db = open_db(self.db_path)
        try:
            with one_run_at_a_time(db):
                stale = select_sources(db, stale_after=datetime.timedelta(seconds=self.every))
                summary = run_checks(db, stale, self.options)
            self.last = (time.time(), summary.line())
            log.warning("scheduled recheck: %s", summary.line())
            return summary
        finally:
            db.conn.close()

    def loop(self):
        while not self.stopping.is_set():
            try:
                self.run_once()
            except Exception as e:  # keep serving; say why this run failed
                if isinstance(e, sqlite3.OperationalError):
                    e = storage_error(e, self.db_path) or e
                self.last = (time.time(), f"failed: {e}")
                log.error("scheduled recheck failed: %s", e)
            self.stopping.wait(min(self.every, 3600))
