import atexit
import ipaddress
import os
import shutil
import socket
import sqlite3
import tempfile

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.store.db import open_db
from checker.store.seed import load_seed, read_seed


# How many claims the seed dataset holds: tests count against it, not against a number.
SEED_CLAIMS = len(read_seed()["claims"])

_real_getaddrinfo = socket.getaddrinfo

# The modules that take longest, first. ./scripts/test runs the suite under xdist with --dist loadscope
# --no-loadscope-reorder: each module goes whole to one worker (its module fixtures, a server or a
# browser, made once), in the order collected; started first, these long ones end while the short ones
# fill the other workers, rather than one of them starting last and running alone.
LONGEST_FIRST = ["test_soak.py", "test_browser.py", "test_intake.py", "test_no_get_actions.py", "test_check.py",
                 "test_safety.py", "test_landing.py", "test_deadlines.py"]


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: the rest keep their order


def _numeric(host):
    try:
        socket.inet_aton(host)  # every IPv4 spelling: 127.0.0.2, 0x7f000002, 2130706434, 127.2
        return True
    except (OSError, TypeError):
        pass
    try:
        ipaddress.ip_address(str(host).split("%")[0])
        return True
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_name_lookups(monkeypatch):
    """No test resolves a name through DNS: addresses and localhost only; any other name fails as
    an unknown name would, so that nothing in a test can reach out to the internet."""

    def guarded(host, *args, **kwargs):
        if host is None or host == "localhost" or _numeric(host):
            return _real_getaddrinfo(host, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, f"Name or service not known ({host}: tests resolve no names)")

    monkeypatch.setattr(socket, "getaddrinfo", guarded)


@pytest.fixture(scope="session", autouse=True)
def own_uploads_folder(tmp_path_factory):
    """The workbench keeps uploaded files in $TMPDIR/checker-uploads, one folder for every process on
    the machine: the tests' go to a folder of this session's (of this xdist worker's) instead, so that
    no other worker or test run writes over a file being imported or adds one while a test lists them."""
    from checker.web import uploads

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(uploads, "UPLOADS", str(tmp_path_factory.mktemp("uploads")))
        yield


# Databases the tests start from, each made once in this process (once in each xdist worker) and
# then copied: running the migrations takes about 0.4 s and loading the seed as much again, copying
# the file a millisecond. Each is made as a test would make it, then closed: its WAL checkpointed
# into the file and removed, so that the file alone is the whole database.
_TEMPLATES = {}
_FOLDERS = []  # where to make them: the session's temporary folder when pytest runs


@pytest.fixture(scope="session", autouse=True)
def _templates_folder(tmp_path_factory):
    _FOLDERS.append(tmp_path_factory.mktemp("templates"))
    yield
    _FOLDERS.pop()


def _template(kind):
    if kind not in _TEMPLATES:
        if _FOLDERS:
            folder = os.path.join(_FOLDERS[-1], kind.replace(" ", "-"))
            os.mkdir(folder)
        else:  # outside a test session (tests/soak.py run as a script)
            folder = tempfile.mkdtemp(prefix="checker-test-templates-")
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
        path = os.path.join(folder, "claims.db")
        db = open_db(path, create=True)
        if kind in ("seeded", "seeded without sources"):
            load_seed(db)
        if kind == "seeded without sources":
            remove_links(db)
            db.execute("delete from sources")
        db.conn.close()
        assert os.listdir(folder) == ["claims.db"], os.listdir(folder)
        _TEMPLATES[kind] = path
    return _TEMPLATES[kind]


def copy_of(kind, path):
    """A new database at path, a copy of the one of that kind: "empty" (the latest migration, no
    rows), "seeded" or "seeded without sources"."""
    if os.path.exists(path):
        raise FileExistsError(path)
    shutil.copyfile(_template(kind), path)
    return path


@pytest.fixture
def db_path(tmp_path):
    """A database with the seed article and its claims."""
    return copy_of("seeded", tmp_path / "claims.db")


@pytest.fixture
def db(db_path):
    db = open_db(db_path)
    yield db
    db.conn.close()


@pytest.fixture
def empty_db(tmp_path):
    db = open_db(copy_of("empty", tmp_path / "empty.db"))
    yield db
    db.conn.close()


@pytest.fixture
def run(db_path):
    """Invoke the CLI against the seeded database; returns the click Result."""
    runner = CliRunner()

    def invoke(*args, db=db_path):
        return runner.invoke(cli, [*args, "--db", str(db)] if db else list(args), catch_exceptions=False)

    return invoke


def dump(path):
    """Every row and schema statement of a database, to show that nothing changed."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def main(args):
    """Run the CLI as the `checker` console script does; a failure raises SystemExit with its status."""
    try:
        cli.main(args=[str(a) for a in args], prog_name="checker")
    except SystemExit as e:
        if e.code:
            raise


def remove_links(db, where="1", params=()):
    """Take sources off claims as the workbench does: each removal on record (a trigger insists)."""
    from checker.store.claims import remove_source

    for claim_id, source_id in db.execute(f"select claim_id, source_id from claim_sources where {where}",
                                          list(params)).fetchall():
        remove_source(db, claim_id, source_id, by="test", reason="test setup")


def seed_without_sources(path):
    """A new database at path with the seed's articles and claims and none of its sources (they are
    real sites, which a test never looks up), for a test to give the claims local pages."""
    return open_db(copy_of("seeded without sources", path))
