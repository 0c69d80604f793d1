import ipaddress
import socket
import sqlite3

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.store.db import open_db
from checker.store.seed import load_seed, read_seed


# How many claims the seed dataset holds: tests count against it, not against a number.
SEED_CLAIMS = len(read_seed()["claims"])

_real_getaddrinfo = socket.getaddrinfo


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


@pytest.fixture
def db_path(tmp_path):
    """A database with the seed article and its claims."""
    path = tmp_path / "claims.db"
    db = open_db(path, create=True)
    load_seed(db)
    db.conn.close()
    return path


@pytest.fixture
def db(db_path):
    db = open_db(db_path)
    yield db
    db.conn.close()


@pytest.fixture
def empty_db(tmp_path):
    db = open_db(tmp_path / "empty.db", create=True)
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
    from checker.store.db import open_db
    from checker.store.seed import load_seed

    db = open_db(path, create=True)
    load_seed(db)
    remove_links(db)
    db.execute("delete from sources")
    return db
