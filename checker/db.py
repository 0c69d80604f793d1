"""Open the claims database (WAL, foreign keys, migrations) and translate its refusals."""
import contextlib
import datetime
import hashlib
import json
import os
import sqlite3
import urllib.parse
import zlib

import sqlite_utils

from . import migrations
from .errors import ConstraintViolation, DatabaseMissing, InvalidInput, NotADatabase, NotFound

DEFAULT_DB = "claims.db"


def default_db_path():
    return os.environ.get("CHECKER_DB") or DEFAULT_DB


def connect(path, *, create=False):
    """A connection to the SQLite database at path, refusing a foreign file without changing it.

    Nothing here opens the file outside SQLite: on POSIX, closing any descriptor of a file drops every
    lock this process holds on it, SQLite's included, and another process may then delete the WAL from
    under our connections (SQLite's "How To Corrupt An SQLite Database File", section 2.2). A missing
    file is told by os.stat, a foreign one by SQLite itself reading its header.
    """
    path = os.fspath(path)
    if not os.path.exists(path):
        if not create:
            raise DatabaseMissing(path)
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise InvalidInput(f"cannot create {path}: the folder {folder} does not exist")
    elif os.path.isdir(path):
        raise NotADatabase(path)
    # mode=rw never creates the file; schema_version reads the header, refusing what is not a database
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + ("?mode=rwc" if create else "?mode=rw")
    conn = sqlite3.connect(uri, uri=True, timeout=30)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as e:
        conn.close()
        if "not a database" in str(e) or "malformed" in str(e):
            raise NotADatabase(path) from e
        raise
    return conn


def open_db(path=None, *, create=False):
    """Open (and migrate) the database at path; create it only when create is true.

    A missing path or a file that is not a database is refused without being created or changed.
    """
    path = os.fspath(path or default_db_path())
    conn = connect(path, create=create)
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
    """One atomic unit of writes; the database's own refusals become ConstraintViolation.

    The outermost transaction takes the write lock when it begins (BEGIN IMMEDIATE): a transaction
    that read first and then wrote would fail at once when another process wrote in between,
    instead of waiting its turn on the busy timeout. Nested ones are savepoints."""
    try:
        if db.conn.in_transaction:
            with db.atomic():
                yield db
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.conn.rollback()
            raise
        db.conn.commit()
    except sqlite3.IntegrityError as e:
        raise ConstraintViolation(f"the database refused the change: {e}") from e


def require_rows(db, table, keys, what):
    """Refuse, before anything runs, keys of ``table`` that name no row (NotFound names the first)."""
    for key in keys or ():
        if not db[table].count_where("id = ?", [key]):
            raise NotFound(what, key)


def insert(db, table, row):
    """Insert one row with plain SQL; returns its rowid. For the path every check takes: sqlite-utils'
    table API reads the whole schema first, which costs more than the insert itself."""
    columns = list(row)
    cursor = db.execute(f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})',
                        [row[c] for c in columns])
    return cursor.lastrowid


def upsert(db, table, row, pk):
    """Insert one row, or update the columns given where its key ``pk`` is already there."""
    columns = list(row)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != pk)
    db.execute(f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})'
               f" ON CONFLICT ({pk}) DO UPDATE SET {updates}", [row[c] for c in columns])


def iso_time(epoch_seconds):
    """Epoch seconds as UTC ISO 8601 with milliseconds: 2026-11-26T20:45:21.123Z."""
    moment = datetime.datetime.fromtimestamp(epoch_seconds, datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def save_snapshot(db, snapshot):
    """The id of the snapshot holding this extracted text, storing it (body compressed) if new."""
    text_hash = hashlib.sha256(snapshot.text.encode("utf-8")).hexdigest()
    row = db.execute("SELECT id FROM snapshots WHERE text_hash = ?", [text_hash]).fetchone()
    if row:
        return row[0]
    body = snapshot.body or b""
    return insert(db, "snapshots",
        {
            "text_hash": text_hash,
            "content_type": snapshot.content_type,
            "title": snapshot.title,
            "canonical_url": snapshot.canonical_url,
            "text": snapshot.text,
            "body": zlib.compress(body, 6),
            "body_encoding": "zlib",
            "body_bytes": len(body),
        })


def save_check(db, source_id, attempt):
    """Record one Attempt (and its snapshot) in one transaction; returns the check's id."""
    with transaction(db):
        snapshot_id = attempt.snapshot_id
        if attempt.snapshot is not None:
            snapshot_id = save_snapshot(db, attempt.snapshot)
        row = {
            "source_id": source_id,
            "started_at": iso_time(attempt.started_at),
            "finished_at": iso_time(attempt.started_at + attempt.elapsed_ms / 1000),
            "elapsed_ms": attempt.elapsed_ms,
            "requested_url": attempt.requested_url,
            "final_url": attempt.final_url,
            "redirects": json.dumps(attempt.redirects or []),
            "http_status": attempt.http_status,
            "outcome": attempt.outcome,
            "error": attempt.error,
            "content_type": attempt.content_type,
            "bytes": attempt.bytes,
            "etag": attempt.etag,
            "last_modified": attempt.last_modified,
            "snapshot_id": snapshot_id,
            "via_archive": 1 if attempt.via_archive else 0,
            "archive_url": attempt.archive_url,
            "archive_timestamp": attempt.archive_timestamp,
        }
        return insert(db, "checks", row)


def schema_sql(db):
    """The database's schema as SQL, one statement per object in a stable order (checker/schema.sql)."""
    rows = db.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"
        " ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name"
    ).fetchall()
    return "".join(f"{sql.strip()};\n\n" for (sql,) in rows).rstrip("\n") + "\n"
