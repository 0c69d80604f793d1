"""`checker serve` for real: a Datasette process on a free local port, and the root login link it prints."""
import contextlib
import os
import re
import select
import socket
import subprocess
import sys
import time

import requests

from .conftest import SEED_CLAIMS


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(db_path, *args, env=None, timeout=60):
    """`checker serve` on db_path and a free port, up and listening; yields (base URL, root login link,
    the process). The server is stopped (SIGTERM) on the way out."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker.cli", "serve", "--db", str(db_path), "--port", str(port), *args],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )
    try:
        link, output, deadline = None, "", time.monotonic() + timeout
        while link is None and time.monotonic() < deadline:
            ready, _, _ = select.select([proc.stdout], [], [], 1)
            if ready:
                line = proc.stdout.readline()
                output += line
                match = re.search(r"(http://127\.0\.0\.1:\d+/-/auth-token\?token=\w+)", line)
                link = match and match.group(1)
            assert proc.poll() is None, output
        assert link, output
        while time.monotonic() < deadline:  # the link is printed before the server listens
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None, output
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", link, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:  # a server stuck on a job: stop it for good, and say so
            proc.kill()
            proc.wait(timeout=10)
            raise AssertionError("checker serve did not stop within 20 s of SIGTERM")


def test_serve_prints_a_root_login_link(db_path):
    with serving(db_path) as (base, link, _):
        # everyone browses
        rows = requests.get(f"{base}/claims/claims.json?_shape=array", timeout=10).json()
        assert len(rows) == SEED_CLAIMS
        # the one who started it logs in as root through the link
        session = requests.Session()
        response = session.get(link, timeout=10)
        assert response.status_code == 200
        actor = session.get(f"{base}/-/actor.json", timeout=10).json()
        assert actor["actor"]["id"] == "root"
        anonymous = requests.get(f"{base}/-/actor.json", timeout=10).json()
        assert anonymous["actor"] is None
