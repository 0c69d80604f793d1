"""Nothing lost under any mix of processes: the soak of tests/soak.py, for about a minute."""
import os
import random
import sqlite3
import subprocess
import sys
import time

import requests

from .soak import Site, prepare, run, soak, summary, verify
from .test_serve import serving


def test_a_newsroom_day_on_one_database_loses_nothing(tmp_path):
    path = tmp_path / "claims.db"
    site = Site()
    try:
        prepare(path, site)
        record = soak(path, 45, site, random.Random())
    finally:
        site.close()
    problems = verify(path, record)
    assert not problems, "\n".join(problems[:20]) + "\n" + summary(record)
    # and every actor did its part
    assert record.verdict_notes and record.claims and record.links and record.api_notes, summary(record)
    assert record.imports and record.checks_run and record.checks_killed and record.reader_opens > 10, summary(record)
    assert record.statuses.get(200, 0) > 20, summary(record)


def test_the_attack_sequence_keeps_every_write(tmp_path):
    """The sequence that lost writes: the server up, a Recheck from the browser, `checker verdict` on
    the same file, an API write; twice over. Every write stays, and the server never holds a WAL that
    another process deleted (as /proc/PID/fd showed: claims.db-wal (deleted))."""
    path = tmp_path / "claims.db"
    site = Site()
    secret = "attack-secret"
    token = subprocess.run([sys.executable, "-m", "datasette", "create-token", "root", "--secret", secret],
                           capture_output=True, text=True, check=True).stdout.strip()
    env = {"DATASETTE_SECRET": secret, "CHECKER_ALLOW_ADDRESSES": "127.0.0.1/32",
           "CHECKER_WAYBACK_BASE": site.archive.server.url("")}
    written = []
    try:
        prepare(path, site)
        with serving(path, env=env) as (base, link, server):
            browser = requests.Session()
            browser.get(link, timeout=30)
            for round_ in range(2):
                response = browser.post(f"{base}/-/claim/1/recheck", headers={"Origin": base}, timeout=30,
                                        allow_redirects=False)
                assert response.status_code == 302, response.text[:300]
                job = response.headers["location"].rsplit("=", 1)[1]
                for _ in range(300):
                    state = browser.get(f"{base}/-/jobs/{job}.json", timeout=30).json()
                    if state["state"] not in ("running", "waiting"):
                        break
                    time.sleep(0.1)
                assert state["state"] == "done", state
                note = f"Round {round_}: set on the command line."
                result = run(["verdict", 2, ["inaccurate", "accurate"][round_], "--note", note, "--by", "alice",
                              "--db", path])
                assert result.returncode == 0, result.stderr
                written.append(note)
                note = f"Round {round_}: set through the API."
                response = requests.post(f"{base}/claims/claims/3/-/update", timeout=30,
                                         headers={"Authorization": f"Bearer {token}"},
                                         json={"update": {"verdict": ["inaccurate", "accurate"][round_],
                                                          "verdict_note": note}})
                assert response.status_code == 200, response.text[:300]
                written.append(note)
                fds = [os.readlink(f"/proc/{server.pid}/fd/{fd}") for fd in os.listdir(f"/proc/{server.pid}/fd")]
                assert not [f for f in fds if "claims.db" in f and "(deleted)" in f], fds
            assert browser.get(f"{base}/claims/verdict_history.json?_shape=array&_size=max",
                               timeout=30).status_code == 200
    finally:
        site.close()
    conn = sqlite3.connect(path)
    notes = {note for (note,) in conn.execute("SELECT note FROM verdict_history")}
    assert set(written) <= notes
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
