"""Who did it: on Datasette's connections, the server (not the person writing) says who set a verdict
and who added a claim. Any write through Datasette (our forms, its row forms, its JSON API) runs as
the request's actor; TEMP triggers on those connections refuse a write that names anyone else."""
import sqlite3
import threading

_acting = {}  # id(connection) -> actor id, for the duration of one write
_lock = threading.Lock()

STAMP_TRIGGERS = """
CREATE TEMP TRIGGER IF NOT EXISTS checker_claim_added_by_its_writer BEFORE INSERT ON main.claims
WHEN checker_actor() IS NOT NULL AND (
    NEW.verdict IS NOT 'unrated' OR NEW.verdict_note IS NOT NULL OR NEW.verdict_by IS NOT NULL
    OR NEW.verdict_at IS NOT NULL OR (NEW.added_by IS NOT NULL AND NEW.added_by IS NOT checker_actor()))
BEGIN
    SELECT RAISE(ABORT, 'a new claim starts unrated and is added by whoever adds it: set its verdict with the verdict form');
END;
CREATE TEMP TRIGGER IF NOT EXISTS checker_verdict_set_by_its_writer BEFORE UPDATE ON main.claims
WHEN checker_actor() IS NOT NULL AND (
    NEW.added_by IS NOT OLD.added_by OR NEW.added_at IS NOT OLD.added_at
    OR (NEW.verdict_by IS NOT OLD.verdict_by AND NEW.verdict_by IS NOT checker_actor())
    OR (NEW.verdict_at IS NOT OLD.verdict_at AND abs(julianday(NEW.verdict_at) - julianday('now')) > 0.001)
    OR ((NEW.verdict IS NOT OLD.verdict OR NEW.verdict_note IS NOT OLD.verdict_note)
        AND NEW.verdict_by IS NOT checker_actor()))
BEGIN
    SELECT RAISE(ABORT, 'verdict_by, verdict_at, added_by and added_at are set by the server: use the verdict form');
END;
"""


def prepare(conn):
    """Give a Datasette connection the actor function and, where it holds claims, the stamp triggers."""
    conn.create_function("checker_actor", 0, lambda: _acting.get(id(conn)))
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claims'").fetchone():
            conn.executescript(STAMP_TRIGGERS)
    except sqlite3.OperationalError:
        pass  # a read-only connection: it writes nothing to stamp


def acting_as(actor):
    """A write_wrapper: the write runs as ``actor`` (a dict with an id, or None for the server itself)."""
    actor_id = (actor or {}).get("id")
    if actor_id is None:
        return None

    def wrapper(conn):
        with _lock:
            _acting[id(conn)] = str(actor_id)
        try:
            yield
        finally:
            with _lock:
                _acting.pop(id(conn), None)

    return wrapper
