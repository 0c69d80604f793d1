"""The database under pressure: another program holding the write lock, a read-only mount, a full
disk. Each ends in one line and a documented exit status, with nothing half-written."""
import os
import sqlite3
import shutil
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from checker.store import db as dbmodule
from checker.net.options import CheckOptions
from checker.store.claims import add_source
from checker.cli import cli
from checker.web.jobs import Jobs

from .conftest import dump, seed_without_sources
from .servers import LocalServer, standard_routes
from .test_db import Writer

CHECKER = [sys.executable, "-m", "checker.cli"]

# Commands that write, each given what it needs on the seeded database.
WRITES = [
    ["verdict", "1", "accurate", "--note", "the record agrees", "--by", "alice"],
    ["add-source", "1", "https://example.org/trade", "--relation", "context"],
    ["add-claim", "--article", "pakistan-russia-2012", "--quote", "Pakistan and Russia",
     "--claim", "Pakistan and Russia are named in the article.", "--kind", "other"],
    ["check", "--claim", "1"],
]


@pytest.fixture
def held(db_path, monkeypatch):
    """Another process holding the database's write lock, and a short busy timeout to wait it out."""
    monkeypatch.setattr(dbmodule, "BUSY_TIMEOUT", 0.3)
    other = Writer(db_path)
    other.do("BEGIN IMMEDIATE")
    other.do("UPDATE articles SET title = title")
    yield other
    other.do("ROLLBACK")
    other.close()


@pytest.mark.parametrize("args", WRITES, ids=lambda a: a[0])
def test_a_write_lock_held_past_the_timeout_is_one_line(db_path, held, args):
    before = dump(db_path)
    result = CliRunner().invoke(cli, [*args, "--db", str(db_path)])
    assert result.exit_code == 75, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert lines == ["Error: the database is busy: another program has held its write lock for 0.3 s; "
                     "try again when it finishes"]
    assert "Traceback" not in result.output
    assert dump(db_path) == before


def test_the_same_write_goes_through_once_the_lock_is_free(db_path, monkeypatch):
    monkeypatch.setattr(dbmodule, "BUSY_TIMEOUT", 5)
    other = Writer(db_path)
    other.do("BEGIN IMMEDIATE")
    other.do("UPDATE articles SET title = title")
    release = subprocess.Popen(["sleep", "0.5"])  # the lock is let go while the command waits
    started = time.time()
    runner_result = []

    import threading

    def run():
        runner_result.append(CliRunner().invoke(cli, [*WRITES[0], "--db", str(db_path)]))

    thread = threading.Thread(target=run)
    thread.start()
    release.wait()
    other.do("ROLLBACK")
    thread.join(timeout=30)
    other.close()
    assert runner_result[0].exit_code == 0, runner_result[0].output
    assert time.time() - started < 5


def test_a_background_job_reports_a_busy_database(db_path, held):
    job, _ = Jobs().start(str(db_path), "claim:1", {"claims": [1]}, CheckOptions())
    for _ in range(600):
        if job.state in ("done", "failed"):
            break
        time.sleep(0.05)
    assert job.state == "failed"
    assert job.message == ("The recheck failed: the database is busy: another program has held its write lock "
                           "for 0.3 s; try again when it finishes")


# -- read-only and full: a small file system of the test's own, in a mount namespace ---------------

def _can_mount():
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0


needs_mounts = pytest.mark.skipif(not _can_mount(), reason="needs unshare -rm (a user and mount namespace)")


def in_namespace(tmp_path, script, **env):
    """Run a shell script in a mount namespace where tmp_path/mnt is a 2 MB tmpfs; returns its output."""
    (tmp_path / "mnt").mkdir(exist_ok=True)
    result = subprocess.run(["unshare", "-rm", "sh", "-euc", f"mount -t tmpfs -o size=2m tmpfs mnt\n{script}"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "CHECKER": " ".join(CHECKER), **env})
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@needs_mounts
def test_a_read_only_database_can_be_read_and_refuses_writes_in_one_line(tmp_path, db_path):
    out = in_namespace(tmp_path, """
cp claims.db mnt/claims.db
mount -o remount,ro mnt
$CHECKER claims --db mnt/claims.db | tail -n 1
$CHECKER show 1 --db mnt/claims.db | head -n 1
set +e
$CHECKER verdict 1 accurate --note "the record agrees" --by alice --db mnt/claims.db 2>&1
echo "exit $?"
ls mnt
""")
    lines = out.splitlines()
    assert lines[0].endswith(" claims") and lines[1].startswith("Claim 1 ")
    assert lines[2].startswith("Error: /") and lines[2].endswith("mnt/claims.db is read-only here: it can be read, not changed")
    assert lines[3] == "exit 74"
    assert lines[4:] == ["claims.db"]  # nothing beside it: no -wal, no -shm


# Fill the disk but for a little room: enough to open the database (its -shm), not to write the change.
FILL = """
dd if=/dev/zero of=mnt/filler bs=4k 2>/dev/null || true
truncate -s -48K mnt/filler
"""
FULL = ("mnt/claims.db is full: nothing of this change was written; free some space and run it again")


@needs_mounts
def test_a_full_disk_leaves_a_verdict_unwritten(tmp_path, db_path):
    out = in_namespace(tmp_path, f"""
cp claims.db mnt/claims.db
{FILL}
set +e
$CHECKER verdict 1 accurate --note "the record agrees" --by alice --db mnt/claims.db 2>&1
echo "exit $?"
rm mnt/filler
python3 -c "import sqlite3; c = sqlite3.connect('mnt/claims.db'); print(c.execute('SELECT verdict FROM claims WHERE id = 1').fetchone()[0], c.execute('SELECT count(*) FROM verdict_history').fetchone()[0], c.execute('PRAGMA integrity_check').fetchone()[0])"
""")
    before = sqlite3.connect(db_path)
    verdict, history = before.execute("SELECT verdict, (SELECT count(*) FROM verdict_history) FROM claims WHERE id = 1").fetchone()
    before.close()
    lines = out.splitlines()
    assert lines[0].startswith("Error: the disk holding /") and lines[0].endswith(FULL)
    assert lines[1:] == ["exit 74", f"{verdict} {history} ok"]


@needs_mounts
def test_a_full_disk_during_a_check_leaves_no_half_check(tmp_path):
    db = seed_without_sources(tmp_path / "claims.db")
    with LocalServer() as site:
        site.routes = standard_routes(site)
        add_source(db, 1, site.url("/ok"), relation="supports")
        db.conn.close()
        check = "$CHECKER check --claim 1 --allow-address 127.0.0.1/32 --min-interval 0 --no-archive --db mnt/claims.db"
        out = in_namespace(tmp_path, f"""
cp claims.db mnt/claims.db
{FILL}
set +e
{check} > out.txt 2>&1
echo "exit $?"
tail -n 1 out.txt
rm mnt/filler
python3 -c "import sqlite3; c = sqlite3.connect('mnt/claims.db'); print(c.execute('SELECT count(*) FROM checks').fetchone()[0], c.execute('PRAGMA integrity_check').fetchone()[0])"
{check} > /dev/null
python3 -c "import sqlite3; c = sqlite3.connect('mnt/claims.db'); print(*c.execute('SELECT (SELECT count(*) FROM checks), (SELECT count(*) FROM evidence), (SELECT count(*) FROM claim_health WHERE claim_id = 1 AND latest_check_at IS NOT NULL)').fetchone())"
""")
    lines = out.splitlines()
    assert lines[1].startswith("Error: the disk holding /") and lines[1].endswith(FULL)
    assert [lines[0], *lines[2:]] == ["exit 74", "0 ok", "1 1 1"]  # nothing of the first run; the second saved whole
