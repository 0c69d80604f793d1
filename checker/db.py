"""Open the claims database (WAL, foreign keys, migrations) and translate its refusals."""
import contextlib
import os
import sqlite3

import sqlite_utils

from . import migrations
from .errors import ConstraintViolation, DatabaseMissing, NotADatabase

SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_DB = "claims.db"


def default_db_path():
    return os.environ.get("CHECKER_DB") or DEFAULT_DB


def open_db(path=None, *, create=False):
    """Open (and migrate) the database at path; create it only when create is true.

    The file is inspected before SQLite touches it, so a missing path or a file that
    is not a database is refused without being created or changed.
    """
    path = os.fspath(path or default_db_path())
    if not os.path.exists(path):
        if not create:
            raise DatabaseMissing(path)
    elif os.path.isdir(path):
        raise NotADatabase(path)
    else:
        with open(path, "rb") as f:
            header = f.read(len(SQLITE_HEADER))
        if header and header != SQLITE_HEADER:
            raise NotADatabase(path)
    conn = sqlite3.connect(path, timeout=30)
    try:
        db = sqlite_utils.Database(conn)
        # Readers such as Datasette keep working while checks are written.
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA foreign_keys = ON")
        db.enable_wal()
        migrations.apply(db)
    except sqlite3.DatabaseError as e:
        conn.close()
        if "not a database" in str(e) or "malformed" in str(e):
            raise NotADatabase(path) from e
        raise
    return db


@contextlib.contextmanager
def transaction(db):
    """One atomic unit of writes; the database's own refusals become ConstraintViolation."""
    try:
        with db.atomic():
            yield db
    except sqlite3.IntegrityError as e:
        raise ConstraintViolation(f"the database refused the change: {e}") from e
