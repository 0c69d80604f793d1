"""Open the claims database (WAL, foreign keys, migrations) and translate its refusals."""
import contextlib
import datetime
import os
import sqlite3
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Protocol, cast

import sqlite_utils

from .. import migrations
from ..errors import (CheckerError, ConstraintViolation, DatabaseBusy, DatabaseMissing, DatabaseReadOnly, InvalidInput,
                     NotADatabase, NotFound, StorageFailed)

DEFAULT_DB = "claims.db"
BUSY_TIMEOUT = 30  # seconds a write waits for another program's write lock before it gives up


class SnapshotRecord(Protocol):
    """What save_snapshot stores: the shape of net.attempt.Snapshot (the store does not import net)."""

    text: str
    body: bytes
    content_type: str | None
    title: str | None
    canonical_url: str | None
    locale: str | None
    locale_from: str | None


class CheckRecord(Protocol):
    """What save_check records of one attempt: the shape of net.attempt.Attempt."""

    requested_url: str
    outcome: str
    final_url: str | None
    http_status: int | None
    error: str | None
    content_type: str | None
    bytes: int
    etag: str | None
    last_modified: str | None
    started_at: float | None
    elapsed_ms: int
    snapshot_id: int | None
    via_archive: bool
    archive_url: str | None
    archive_timestamp: str | None

    @property
    def redirects(self) -> Sequence[object]: ...

    @property
    def snapshot(self) -> SnapshotRecord | None: ...


def default_db_path() -> str:
    return os.environ.get("CHECKER_DB") or DEFAULT_DB


def connect(path: str | os.PathLike[str], *, create: bool = False) -> sqlite3.Connection:
    """A connection to the SQLite database at path, refusing a foreign file without changing it.

    Nothing here opens the file outside SQLite: on POSIX, closing any descriptor of a file drops every
    lock this process holds on it, SQLite's included, and another process may then delete the WAL from
    under our connections (SQLite's "How To Corrupt An SQLite Database File", section 2.2). A missing
    file is told by os.stat, a foreign one by SQLite itself reading its header. A database in a place
    that cannot be written (a read-only mount) is opened read-only.
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
    modes = ["rwc" if create else "rw"]
    if os.path.exists(path) and not _writable_place(path):
        # WAL readers need the -shm file; where it cannot be made, SQLite reads the file as immutable,
        # which is only right while no WAL holds writes that are not yet in the file
        modes = ["ro"] if _has_pending_wal(path) else ["ro", "ro&immutable=1"]
    for mode in modes:
        conn = sqlite3.connect(f"file:{urllib.parse.quote(os.path.abspath(path))}?mode={mode}", uri=True,
                               timeout=BUSY_TIMEOUT)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
            # the database's triggers ask who a write acts for: on checker's own connections, no one
            # (the writer is named in verdict_by or added_by); web/stamps.py answers on the server's
            conn.create_function("checker_actor", 0, lambda: None)
            return conn
        except sqlite3.DatabaseError as e:
            conn.close()
            if "not a database" in str(e) or "malformed" in str(e):
                raise NotADatabase(path) from e
            if mode != modes[-1] and getattr(e, "sqlite_errorcode", 0) & 0xFF == SQLITE_CANTOPEN:
                continue
            raise storage_error(e, path) or e
    raise AssertionError("not reached: the last mode returns or raises")


def _writable_place(path: str) -> bool:
    """Whether SQLite may write beside the database: the file and its folder (for -wal and -shm).
    access(2) answers EROFS on a read-only mount, for root too."""
    return os.access(path, os.W_OK) and os.access(os.path.dirname(os.path.abspath(path)), os.W_OK)


def _disk_full(path: str | None) -> bool:
    """Whether the file system holding path has no block left (SQLite reports a full disk as an I/O
    error when it cannot even make the -shm file)."""
    if not path:
        return False
    try:
        return os.statvfs(os.path.dirname(os.path.abspath(path))).f_bavail == 0
    except OSError:
        return False


def _has_pending_wal(path: str) -> bool:
    try:
        return os.stat(path + "-wal").st_size > 0
    except OSError:
        return False


def _readonly_connection(conn: sqlite3.Connection) -> bool:
    """Whether this connection's database lies where it cannot be written."""
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    return bool(path) and not _writable_place(path)


def open_db(path: str | os.PathLike[str] | None = None, *, create: bool = False) -> sqlite_utils.Database:
    """Open (and migrate) the database at path; create it only when create is true.

    A missing path or a file that is not a database is refused without being created or changed; a
    database that cannot be written here is opened for reading, once its schema is current.
    """
    path = os.fspath(path or default_db_path())
    conn = connect(path, create=create)
    try:
        db = sqlite_utils.Database(conn)
        # Readers such as Datasette keep working while checks are written.
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        db.execute("PRAGMA foreign_keys = ON")
        if _readonly_connection(conn):
            pending = [m.name for m in migrations.migrations.pending(db)]
            if pending:
                raise DatabaseReadOnly(path, f"its schema needs upgrading ({pending[-1]}): open it once where "
                                             "it can be written")
        else:
            db.enable_wal()
            migrations.apply(db)
    except sqlite3.DatabaseError as e:
        conn.close()
        if "not a database" in str(e) or "malformed" in str(e):
            raise NotADatabase(path) from e
        raise storage_error(e, path) or e
    except CheckerError:
        conn.close()
        raise
    return db


# SQLite's primary result codes for a storage that refused: another writer, a full disk, no write
# permission, an I/O failure, a file that cannot be opened (sqlite3.OperationalError.sqlite_errorcode).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 5, 6, 8, 10, 13, 14


def storage_error(error: sqlite3.Error, path: str | None = None) -> CheckerError | None:
    """The one-line CheckerError for an SQLite error that says the storage refused, else None."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    where = path or "the database"
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseBusy(BUSY_TIMEOUT)
    if code == SQLITE_FULL or (code in (SQLITE_IOERR, SQLITE_CANTOPEN) and _disk_full(path)):
        return StorageFailed(f"the disk holding {where} is full: nothing of this change was written; "
                             "free some space and run it again")
    if code == SQLITE_READONLY:
        return DatabaseReadOnly(where, "it can be read, not changed")
    if code == SQLITE_IOERR:
        return StorageFailed(f"{where} could not be written or read ({error}): nothing of this change was written")
    if code == SQLITE_CANTOPEN:
        return StorageFailed(f"cannot open {where} ({error})")
    return None


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One atomic unit of writes; the database's own refusals become ConstraintViolation, and a
    storage that refuses (busy past the timeout, full, read-only) one line that says so.

    The outermost transaction takes the write lock when it begins (BEGIN IMMEDIATE): a transaction
    that read first and then wrote would fail at once when another process wrote in between,
    instead of waiting its turn on the busy timeout. Nested ones are savepoints. A commit that fails
    (a full disk) is rolled back: nothing of the transaction stays."""
    try:
        if db.conn.in_transaction:
            with db.atomic():
                yield db
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
            db.conn.commit()
        except BaseException:
            if db.conn.in_transaction:
                db.conn.rollback()
            raise
    except sqlite3.IntegrityError as e:
        raise ConstraintViolation(f"the database refused the change: {e}") from e
    except sqlite3.OperationalError as e:
        refused = storage_error(e, db.execute("PRAGMA database_list").fetchone()[2] or None)
        if refused is None:
            raise
        raise refused from e


def require_rows(db: sqlite_utils.Database, table: str, keys: Iterable[object] | None, what: str) -> None:
    """Refuse, before anything runs, keys of ``table`` that name no row (NotFound names the first)."""
    for key in keys or ():
        if not db[table].count_where("id = ?", [key]):
            raise NotFound(what, key)


def insert(db: sqlite_utils.Database, table: str, row: Mapping[str, object]) -> int:
    """Insert one row with plain SQL; returns its rowid. For the path every check takes: sqlite-utils'
    table API reads the whole schema first, which costs more than the insert itself."""
    columns = list(row)
    cursor = db.execute(f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})',
                        [row[c] for c in columns])
    return cast(int, cursor.lastrowid)  # the row just inserted has one


def upsert(db: sqlite_utils.Database, table: str, row: Mapping[str, object], pk: str) -> None:
    """Insert one row, or update the columns given where its key ``pk`` is already there."""
    columns = list(row)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != pk)
    db.execute(f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})'
               f" ON CONFLICT ({pk}) DO UPDATE SET {updates}", [row[c] for c in columns])


def iso_time(epoch_seconds: float) -> str:
    """Epoch seconds as UTC ISO 8601 with milliseconds: 2026-11-26T20:45:21.123Z."""
    moment = datetime.datetime.fromtimestamp(epoch_seconds, datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def schema_sql(db: sqlite_utils.Database) -> str:
    """The database's schema as SQL, one statement per object in a stable order (checker/schema.sql)."""
    rows = db.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"
        " ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name"
    ).fetchall()
    return "".join(f"{sql.strip()};\n\n" for (sql,) in rows).rstrip("\n") + "\n"
