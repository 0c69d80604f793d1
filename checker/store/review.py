"""The review queue: claims whose latest change of health was for the worse and came after their
verdict was set, newest first (the view ``review_queue``; store/ledger.py writes the log it reads)."""
from typing import cast

from sqlite_utils import Database

from .rows import ReviewEntry


def review_queue(db: Database, limit: int | None = None) -> list[ReviewEntry]:
    """The queue's rows, newest change first; at most ``limit`` of them when given."""
    sql = "SELECT * FROM review_queue" + (" LIMIT ?" if limit is not None else "")
    return [cast(ReviewEntry, dict(r)) for r in db.query(sql, [limit] if limit is not None else [])]


def review_queue_size(db: Database) -> int:
    return db.execute("SELECT count(*) FROM review_queue").fetchone()[0]
