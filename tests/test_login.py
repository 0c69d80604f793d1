"""A way back in once the root login link is spent: the page it leads to prints a new one-time,
short-lived link in the server's terminal, with no restart."""
import re
import time

import pytest
import requests

from checker.web.login import LINK_LIFETIME, login_url, token_state

from .test_serve import serving

NOW = 1_000_000.0
# (given, the waiting token, when it expires) -> whether the given token logs in
TOKEN_STATES = [
    ("abc", "abc", None, "valid"),  # the link printed at start lasts until used
    ("abc", "abc", NOW + 1, "valid"),
    ("abc", "abc", NOW, "expired"),
    ("abc", "abc", NOW - LINK_LIFETIME, "expired"),
    ("abc", None, None, "spent"),
    ("", None, NOW + 1, "spent"),
    ("abd", "abc", None, "wrong"),
    ("", "abc", None, "wrong"),
    ("ab", "abc", NOW + 1, "wrong"),
]


@pytest.mark.parametrize("given,current,expires_at,state", TOKEN_STATES)
def test_token_states(given, current, expires_at, state):
    assert token_state(given, current, expires_at, NOW) == state


def test_a_link_names_the_server_address_or_only_its_path():
    assert login_url("http://127.0.0.1:8001/", "/-/auth-token", "t") == "http://127.0.0.1:8001/-/auth-token?token=t"
    assert login_url(None, "/-/auth-token", "t") == "/-/auth-token?token=t"


def printed_link(proc, base, seen, timeout=10):
    """The next login link the server prints after ``seen`` lines."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in proc.printed[seen:]:
            match = re.search(re.escape(base) + r"/-/auth-token\?token=\w+", line)
            if match and "A new login link" in line:
                return match.group(0)
        time.sleep(0.1)
    raise AssertionError("no new login link printed: " + "".join(proc.printed[-5:]))


def is_root(session, base):
    return (session.get(f"{base}/-/actor.json", timeout=10).json()["actor"] or {}).get("id") == "root"


def test_a_spent_link_leads_to_a_new_one_printed_in_the_terminal(db_path):
    with serving(db_path) as (base, link, proc):
        first = requests.Session()
        assert first.get(link, timeout=10).status_code == 200 and is_root(first, base)
        # opened again (a second browser, a bookmark): it says why, and offers a new link
        again = requests.get(link, timeout=10)
        assert again.status_code == 403
        assert "has been used" in again.text and 'action="/-/login-link"' in again.text
        assert "Print a new login link" in again.text
        # the button prints a link in the terminal, at the server's own address whatever Host the request names
        seen = len(proc.printed)
        pressed = requests.post(f"{base}/-/login-link", headers={"Host": "evil.example"}, timeout=10)
        assert pressed.status_code == 200 and "in the terminal" in pressed.text
        assert "token=" not in pressed.text  # the page never shows the link itself
        new = printed_link(proc, base, seen)
        assert new != link
        # pressing again before it is used prints the same link, so a second press spoils nothing
        seen = len(proc.printed)
        requests.post(f"{base}/-/login-link", timeout=10)
        assert printed_link(proc, base, seen) == new
        second = requests.Session()
        assert second.get(new, timeout=10).status_code == 200 and is_root(second, base)
        # once
        assert requests.get(new, timeout=10).status_code == 403
        assert not is_root(requests.Session(), base)
        # a guessed token logs no one in
        guessed = requests.get(f"{base}/-/auth-token?token={'0' * 64}", timeout=10)
        assert guessed.status_code == 403 and "has been used" in guessed.text


@pytest.mark.asyncio
async def test_a_new_link_expires_and_a_server_without_root_prints_none(db_path, capsys):
    from datasette.app import Datasette

    from checker.web.serve import datasette_config

    config, metadata = datasette_config(db_path, address="http://127.0.0.1:8001")
    ds = Datasette([str(db_path)], config=config, metadata=metadata)
    await ds.invoke_startup()
    # started without --root: neither page logs anyone in nor prints anything
    assert (await ds.client.post("/-/login-link")).status_code == 403
    assert (await ds.client.get(f"/-/auth-token?token={ds._root_token}")).status_code == 403
    assert "auth-token" not in capsys.readouterr().out
    ds.root_enabled = True
    ds._root_token = None  # the link printed at start, spent
    assert (await ds.client.post("/-/login-link")).status_code == 200
    link = re.search(r"http://127\.0\.0\.1:8001(/-/auth-token\?token=\w+)", capsys.readouterr().out).group(1)
    ds._checker_login_expires = time.time() - 1  # LINK_LIFETIME later
    late = await ds.client.get(link)
    assert late.status_code == 403 and "has expired" in late.text
    assert "ds_actor" not in late.cookies
    # pressed again, a fresh link replaces the expired one
    assert (await ds.client.post("/-/login-link")).status_code == 200
    fresh = re.search(r"(/-/auth-token\?token=\w+)", capsys.readouterr().out).group(1)
    assert fresh != link
    response = await ds.client.get(fresh)
    assert response.status_code == 302 and "ds_actor" in response.cookies
