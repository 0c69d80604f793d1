"""HTTPS for real: local TLS servers with certificates from a test CA, fetched by the fetcher that
`checker check` builds, and what each server saw (the name asked for in SNI, the Host header, whether
a request or even a connection came at all)."""
import contextlib
import datetime
import fcntl
import os
import pathlib
import re
import socket
import tempfile

import pytest
import trustme

from checker.net.fetch import make_fetcher
from checker.net.options import CheckOptions
from checker.errors import InvalidInput
from checker.net.fetch import trusted_authorities

from .conftest import dump, main
from .servers import TRADE_TEXT, LocalServer, html

NAME = "news.example.test"
OTHER = "archive.example.test"
FORBIDDEN = "intranet.example.test"  # a name for 127.0.0.2, outside the allowance
LOOPBACKS = ("127.0.0.1/32", "::1/128")


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


@pytest.fixture
def ca_bundle(ca, tmp_path):
    path = tmp_path / "test-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


@pytest.fixture
def hosts(monkeypatch):
    """This test's own hosts file: a name put in it resolves to the loopback address it maps to (or
    to each of a list in turn, the last one from then on). Any other name still fails, as the
    conftest makes every lookup fail."""
    table = {}
    guarded = socket.getaddrinfo

    def lookup(host, *args, **kwargs):
        answer = table.get(host, host)
        if isinstance(answer, list):
            answer = answer.pop(0) if len(answer) > 1 else answer[0]
        return guarded(answer, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    return table


def fetcher_trusting(ca_bundle, allow=LOOPBACKS):
    """The fetcher as `checker check` makes it, trusting the test CA instead of the system's."""
    return make_fetcher(CheckOptions(allow_addresses=allow, min_interval=0, timeout=5, use_archive=False,
                                     ca_bundle=ca_bundle))


def routes(**more):
    return {"/ok": lambda h: h.send(200, html("Trade figures", TRADE_TEXT)), **more}


def redirect_to(url):
    return lambda h: h.redirect(url)


@contextlib.contextmanager
def on_port(address, port, **kwargs):
    """A server on a scheme's own port (443, 80). Only root may bind those; a lock file keeps two
    test runs on one machine from wanting the same port at once."""
    with open(os.path.join(tempfile.gettempdir(), "checker-tests-default-ports.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            server = LocalServer(address, port=port, **kwargs)
        except PermissionError:
            pytest.skip(f"binding port {port} needs root (or CAP_NET_BIND_SERVICE)")
        with server:
            yield server


# -- (1-4) the certificate ------------------------------------------------------------------

def expired(ca):
    now = datetime.datetime.now(datetime.timezone.utc)
    return ca.issue_cert(NAME, not_before=now - datetime.timedelta(days=30), not_after=now - datetime.timedelta(days=1))


MISMATCH = "(?i)hostname"  # urllib3's words or the ssl module's, whichever checks the name
CERTIFICATES = [
    # (the server's certificate, the outcome, why it is refused)
    ("for the named host", lambda ca: ca.issue_cert(NAME), "ok", None),
    ("for the named host among others", lambda ca: ca.issue_cert(OTHER, NAME), "ok", None),
    ("for another name", lambda ca: ca.issue_cert(OTHER), "tls_error", MISMATCH),
    ("for a name that only ends like it", lambda ca: ca.issue_cert("fake-" + NAME), "tls_error", MISMATCH),
    ("for the address connected to, not the name", lambda ca: ca.issue_cert("127.0.0.1"), "tls_error", MISMATCH),
    ("expired", expired, "tls_error", "certificate has expired"),
    ("from an unknown CA", lambda ca: trustme.CA().issue_cert(NAME), "tls_error", "unable to get local issuer"),
]


@pytest.mark.parametrize("certificate,outcome,reason", [c[1:] for c in CERTIFICATES], ids=[c[0] for c in CERTIFICATES])
def test_the_certificate_must_be_valid_for_the_named_host(ca, ca_bundle, hosts, certificate, outcome, reason):
    hosts[NAME] = "127.0.0.1"
    with LocalServer(tls=certificate(ca), routes=routes()) as server:
        result = fetcher_trusting(ca_bundle).fetch(server.url("/ok", host=NAME), check_robots=False)
        clients = server.clients_until_now()
    assert result.outcome == outcome, result
    assert len(clients) == 1
    if outcome == "ok":
        assert TRADE_TEXT.encode() in result.body
        assert [e["server_name"] for e in server.log] == [NAME]
    else:
        assert result.error.startswith("TLS failed: ") and re.search(reason, result.error), result.error
        assert server.log == [], "no request goes over a connection whose certificate was refused"


def test_the_systems_authorities_do_not_know_the_test_ca(ca, hosts, monkeypatch):
    """Without the bundle the test CA is one more unknown authority: verification is on by default."""
    hosts[NAME] = "127.0.0.1"
    monkeypatch.delenv("CHECKER_CA_BUNDLE", raising=False)
    with LocalServer(tls=ca.issue_cert(NAME), routes=routes()) as server:
        result = fetcher_trusting(None).fetch(server.url("/ok", host=NAME), check_robots=False)
    assert result.outcome == "tls_error" and "unable to get local issuer" in result.error, result
    assert server.log == []


def test_checker_import_over_https(ca, ca_bundle, hosts, monkeypatch, run):
    """The whole way a newsroom would take: the bundle in $CHECKER_CA_BUNDLE, then a command."""
    hosts[NAME] = "127.0.0.1"
    monkeypatch.setenv("CHECKER_CA_BUNDLE", ca_bundle)
    body = (pathlib.Path(__file__).parent / "data" / "intake" / "seed_article.html").read_bytes()
    with LocalServer(tls=ca.issue_cert(NAME), routes={"/story": lambda h: h.send(200, body)}) as server:
        result = run("import", server.url("/story", host=NAME), "--allow-address", "127.0.0.1/32")
    assert result.exit_code == 0 and result.output.startswith("imported "), result.output
    assert [e["server_name"] for e in server.log if e["path"] == "/story"] == [NAME]


BUNDLES = [
    # (the bundle named, what https is verified against, or why the bundle is refused)
    (None, True, None),  # the system's authorities
    ("test-ca.pem", "test-ca.pem", None),
    ("missing.pem", None, "No such file"),
    ("empty.pem", None, "no certificate"),
    (".", None, "Is a directory"),
]


@pytest.mark.parametrize("via", ["argument", "environment"])
@pytest.mark.parametrize("bundle,trusted,refused", BUNDLES)
def test_trusted_authorities(ca, tmp_path, monkeypatch, via, bundle, trusted, refused):
    ca.cert_pem.write_to_path(str(tmp_path / "test-ca.pem"))
    (tmp_path / "empty.pem").write_text("not a certificate\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CHECKER_CA_BUNDLE", raising=False)
    if via == "environment" and bundle:
        monkeypatch.setenv("CHECKER_CA_BUNDLE", bundle)
    argument = bundle if via == "argument" else None
    if refused:
        with pytest.raises(InvalidInput, match=f"^CA bundle {bundle}: .*{refused}"):
            trusted_authorities(argument)
    else:
        assert trusted_authorities(argument) == trusted


def test_a_bundle_that_cannot_be_read_stops_a_check_before_it_fetches(db_path, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CHECKER_CA_BUNDLE", str(tmp_path / "missing.pem"))
    before = dump(db_path)
    with pytest.raises(SystemExit) as e:
        main(["check", "--no-archive", "--db", db_path])
    assert e.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: CA bundle {tmp_path / 'missing.pem'}: ") and err.count("\n") == 1, err
    assert dump(db_path) == before


# -- (5) what the server hears: SNI and Host -----------------------------------------------

HEARD = [
    # (host in the URL, the address it is served from, certificate identity, SNI the server sees)
    (NAME, "127.0.0.1", NAME, NAME),
    (NAME, "::1", NAME, NAME),
    # an address is never sent as SNI (RFC 6066 allows names only); the certificate must carry it
    ("127.0.0.1", "127.0.0.1", "127.0.0.1", None),
    ("[::1]", "::1", "::1", None),
]


@pytest.mark.parametrize("host,address,identity,server_name", HEARD, ids=[f"{h[0]} on {h[1]}" for h in HEARD])
def test_sni_and_host_name_the_host_with_its_port(ca, ca_bundle, hosts, host, address, identity, server_name):
    hosts[NAME] = address
    with LocalServer(address, tls=ca.issue_cert(identity), routes=routes()) as server:
        result = fetcher_trusting(ca_bundle).fetch(f"https://{host}:{server.port}/ok", check_robots=False)
    assert result.outcome == "ok", result
    [entry] = server.log
    assert entry["server_name"] == server_name
    assert entry["headers"]["Host"] == f"{host}:{server.port}"
    assert entry["client"][0] == address


@pytest.mark.parametrize("address", ["127.0.0.1", "::1"], ids=["IPv4", "IPv6"])
@pytest.mark.parametrize("scheme,port", [("https", 443), ("http", 80)])
def test_the_default_port_stays_out_of_host(ca, ca_bundle, hosts, scheme, port, address):
    hosts[NAME] = address
    tls = ca.issue_cert(NAME) if scheme == "https" else None
    with on_port(address, port, tls=tls, routes=routes()) as server:
        result = fetcher_trusting(ca_bundle).fetch(f"{scheme}://{NAME}/ok", check_robots=False)
        assert result.outcome == "ok", result
        # the adapter's own rule, for a URL that kept its default port (the fetcher's spelling drops it)
        answer = fetcher_trusting(ca_bundle).session.get(f"{scheme}://{NAME}:{port}/ok", timeout=5)
        assert answer.status_code == 200
    assert [e["headers"]["Host"] for e in server.log] == [NAME, NAME]
    assert [e["server_name"] for e in server.log] == [NAME if tls else None] * 2


# -- (6) redirects keep the policy at every hop --------------------------------------------

@pytest.mark.parametrize("first,then", [("http", "https"), ("https", "http")])
def test_redirects_between_http_and_https(ca, ca_bundle, hosts, first, then):
    hosts[NAME] = "127.0.0.1"
    cert = ca.issue_cert(NAME)
    with LocalServer(tls=cert if then == "https" else None, routes=routes()) as target, \
         LocalServer(tls=cert if first == "https" else None) as origin:
        origin.routes = {"/moved": redirect_to(target.url("/ok", host=NAME))}
        result = fetcher_trusting(ca_bundle).fetch(origin.url("/moved", host=NAME), check_robots=False)
    assert result.outcome == "ok", result
    assert result.redirects == [{"status": 302, "url": f"{then}://{NAME}:{target.port}/ok"}]
    assert result.final_url == f"{then}://{NAME}:{target.port}/ok"
    for server, scheme in ((origin, first), (target, then)):
        [entry] = server.log
        assert entry["headers"]["Host"] == f"{NAME}:{server.port}"
        assert entry["server_name"] == (NAME if scheme == "https" else None)


def test_https_redirect_to_another_host_on_the_same_server(ca, ca_bundle, hosts):
    """Both names are served from one address and port: the second host gets a connection (and a
    certificate check) of its own, never the first host's connection."""
    hosts[NAME] = hosts[OTHER] = "127.0.0.1"
    with LocalServer(tls=ca.issue_cert(NAME, OTHER)) as server:
        server.routes = routes(**{"/moved": redirect_to(server.url("/ok", host=OTHER))})
        result = fetcher_trusting(ca_bundle).fetch(server.url("/moved", host=NAME), check_robots=False)
        clients = server.clients_until_now()
    assert result.outcome == "ok" and result.final_url == server.url("/ok", host=OTHER), result
    assert [(e["path"], e["server_name"], e["headers"]["Host"]) for e in server.log] == [
        ("/moved", NAME, f"{NAME}:{server.port}"),
        ("/ok", OTHER, f"{OTHER}:{server.port}"),
    ]
    assert len(clients) == 2 and server.log[0]["client"] != server.log[1]["client"]


@pytest.mark.parametrize("target", [FORBIDDEN, "127.0.0.2"], ids=["by name", "by address"])
@pytest.mark.parametrize("first,then", [("http", "https"), ("https", "http"), ("https", "https")])
def test_a_redirect_to_a_forbidden_address_is_refused(ca, ca_bundle, hosts, first, then, target):
    """Only 127.0.0.1 is allowed; the server on 127.0.0.2 holds a valid certificate for its name and
    address, so only the address policy stands in the way, and not even a connection reaches it."""
    hosts[NAME], hosts[FORBIDDEN] = "127.0.0.1", "127.0.0.2"
    with LocalServer("127.0.0.2", tls=ca.issue_cert(FORBIDDEN, "127.0.0.2") if then == "https" else None,
                     routes=routes()) as forbidden, \
         LocalServer(tls=ca.issue_cert(NAME) if first == "https" else None) as origin:
        url = forbidden.url("/ok", host=target)
        origin.routes = {"/moved": redirect_to(url)}
        fetcher = fetcher_trusting(ca_bundle, allow=("127.0.0.1/32",))
        result = fetcher.fetch(origin.url("/moved", host=NAME), check_robots=False)
        reached = forbidden.clients_until_now()
    assert result.outcome == "refused_address", result
    assert "127.0.0.2" in result.error
    assert result.redirects == [{"status": 302, "url": url}]
    assert [e["path"] for e in origin.log] == ["/moved"]
    assert reached == [] and forbidden.log == []


@pytest.mark.parametrize("scheme", ["https", "http"])
def test_the_connection_goes_to_the_address_that_was_checked(ca, ca_bundle, hosts, scheme):
    """A name that answers 127.0.0.1 when it is checked and 127.0.0.2 when asked again, as in DNS
    rebinding: the fetch connects to the address it checked and never asks again."""
    hosts[NAME] = ["127.0.0.1", "127.0.0.2"]
    cert = ca.issue_cert(NAME) if scheme == "https" else None
    with LocalServer(tls=cert, routes=routes()) as checked, \
         LocalServer("127.0.0.2", port=checked.port, tls=cert, routes=routes()) as rebound:
        fetcher = fetcher_trusting(ca_bundle, allow=("127.0.0.1/32",))
        result = fetcher.fetch(f"{scheme}://{NAME}:{checked.port}/ok", check_robots=False)
        reached = rebound.clients_until_now()
    assert result.outcome == "ok", result
    assert [(e["path"], e["headers"]["Host"]) for e in checked.log] == [("/ok", f"{NAME}:{checked.port}")]
    assert reached == [] and rebound.log == []
