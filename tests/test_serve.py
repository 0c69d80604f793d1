"""`checker serve` for real: a Datasette process on a free local port, and the root login link it prints."""
import contextlib
import os
import re
import select
import socket
import subprocess
import sys
import threading
import time

import pytest
import requests

from checker.web.serve import editor_name_problem, name_skeleton

from .conftest import SEED_CLAIMS

# An editors file's key -> None when it may name an editor, else words its refusal must hold
EDITOR_NAMES = [
    ("alice", None),
    ("Alice", None),
    ("bob.smith", None),
    ("carol_2", None),
    ("d-e", None),
    ("x", None),
    ("a" * 64, None),
    ("rooted", None),
    ("groot", None),
    ("root-admin", None),
    # root, and what reads as root
    ("root", "reads as 'root'"),
    ("Root", "reads as 'root'"),
    ("ROOT", "reads as 'root'"),
    ("\uff52\uff4f\uff4f\uff54", "reads as 'root'"),  # full-width ｒｏｏｔ
    ("\uff32\uff2f\uff2f\uff34", "reads as 'root'"),  # full-width ＲＯＯＴ
    ("ro\u200bot", "reads as 'root'"),  # a zero-width space
    ("ro\u00adot", "reads as 'root'"),  # a soft hyphen
    ("root\u2060", "reads as 'root'"),  # a word joiner
    ("r00t", "reads as 'root'"),
    ("R0OT", "reads as 'root'"),
    ("r0o7", "reads as 'root'"),
    ("r.o.o.t", "reads as 'root'"),
    ("_root_", "reads as 'root'"),
    # not plain
    ("r\u043e\u043et", "U+043E CYRILLIC SMALL LETTER O"),  # Cyrillic о twice
    ("\u0440oot", "U+0440 CYRILLIC SMALL LETTER ER"),
    ("\u0391lice", "U+0391 GREEK CAPITAL LETTER ALPHA"),
    ("\uff41\uff4c\uff49\uff43\uff45", "not plain"),  # full-width ａｌｉｃｅ
    ("al ice", "U+0020 SPACE"),
    ("alice\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("al\u00e9", "U+00E9 LATIN SMALL LETTER E WITH ACUTE"),
    ("", "not plain"),
    ("-alice", "not plain"),
    (".alice", "not plain"),
    ("a" * 65, "not plain"),
    ("alice:x", "not plain"),
    # not text: YAML reads these keys as numbers, booleans or null
    (123, "not text"),
    (True, "not text"),
    (None, "not text"),
]


@pytest.mark.parametrize("name,refusal", EDITOR_NAMES)
def test_editor_names(name, refusal):
    problem = editor_name_problem(name)
    if refusal is None:
        assert problem is None
    else:
        assert problem and refusal in problem and repr(name) in problem and "\n" not in problem


@pytest.mark.parametrize("a,b", [("alice", "Alice"), ("bob", "b0b"), ("carol.x", "carol_x"), ("eve", "\uff45ve")])
def test_look_alike_names_share_a_skeleton(a, b):
    assert name_skeleton(a) == name_skeleton(b)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(db_path, *args, env=None, timeout=60):
    """`checker serve` on db_path and a free port, up and listening; yields (base URL, root login link,
    the process, whose ``printed`` list gathers each line it prints after). The server is stopped
    (SIGTERM) on the way out."""
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
        # keep reading what the server prints (a line per request): a full pipe would stop the server
        proc.printed = []  # type: ignore[attr-defined]
        threading.Thread(target=lambda: [proc.printed.append(line) for line in proc.stdout], daemon=True).start()
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


def test_the_config_written_for_datasette_is_gone_once_the_server_listens(db_path, tmp_path):
    # the config holds the editors' password hashes: no copy may stay behind in the temporary folder
    from datasette_auth_passwords.utils import hash_password

    (tmp_path / "editors.yaml").write_text(f"alice:\n  password_hash: {hash_password('s3cret')}\n", encoding="utf-8")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    with serving(db_path, "--editors", str(tmp_path / "editors.yaml"), env={"TMPDIR": str(scratch)}) as (base, _, _):
        assert requests.get(f"{base}/-/login", timeout=10).status_code == 200
        assert list(scratch.glob("checker-datasette-*")) == []
    # and a config that names some other folder removes nothing
    from checker.web.serve import remove_config_folder

    keep = tmp_path / "keep"
    keep.mkdir()
    remove_config_folder(str(keep))
    assert keep.exists()


# What the docs leave for you to fill in, copied as it stands: refused before the server starts, in one line.
PLACEHOLDERS = [
    ({"DATASETTE_SECRET": "..."}, None, "DATASETTE_SECRET is '...', a placeholder"),
    ({"DATASETTE_SECRET": "a-secret-..."}, None, "a placeholder"),
    ({}, "alice:\n  password_hash: pbkdf2_sha256$480000$...\n", "is a placeholder, not a whole hash"),
    ({}, "alice:\n  password_hash: pbkdf2_sha256$...\n", "is a placeholder, not a whole hash"),
    ({}, "alice:\n  password_hash: pbkdf2_sha256$480000$salt$...\n", "is a placeholder, not a whole hash"),
    ({}, "alice:\n  password_hash: pbkdf2_sha256$480000$salt$hash\u2026\n", "is a placeholder, not a whole hash"),
]


@pytest.mark.parametrize("env,editors,refusal", PLACEHOLDERS)
def test_a_placeholder_from_the_docs_is_refused_at_start(db_path, tmp_path, env, editors, refusal):
    args = [sys.executable, "-m", "checker.cli", "serve", "--db", str(db_path), "--port", str(free_port())]
    if editors:
        (tmp_path / "editors.yaml").write_text(editors, encoding="utf-8")
        args += ["--editors", str(tmp_path / "editors.yaml")]
    environ = {k: v for k, v in os.environ.items() if k not in ("DATASETTE_SECRET", "CHECKER_EDITORS")}
    result = subprocess.run(args, capture_output=True, text=True, timeout=60, env={**environ, **env})
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and refusal in result.stderr, result.stderr
    assert "datasette hash-password" in result.stderr or "secrets.token_hex" in result.stderr


def test_a_real_hash_and_secret_pass(tmp_path):
    from datasette_auth_passwords.utils import hash_password

    from checker.web.serve import read_editors, secret_problem

    (tmp_path / "editors.yaml").write_text(f"alice:\n  password_hash: {hash_password('s3cret')}\n", encoding="utf-8")
    assert list(read_editors(tmp_path / "editors.yaml")) == ["alice"]
    assert secret_problem("0f" * 32) is None and secret_problem(None) is None
