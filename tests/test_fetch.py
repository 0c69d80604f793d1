"""The retrieval matrix: each server behaviour a cited page can show, and the outcome we record."""
import socket

import pytest

from checker.check import check_live
from checker.pages.soft404 import RandomPathProbe
from checker.net.fetch import AddressPolicy, Fetcher, retry_after
from checker.net.politeness import HostGate

from .servers import LocalServer, standard_routes


@pytest.fixture(scope="module")
def server():
    with LocalServer() as s:
        s.routes = standard_routes(s)
        yield s


@pytest.fixture(scope="module")
def refused_server():
    """A server on 127.0.0.2, outside the allowance: it must never receive a request."""
    with LocalServer(host="127.0.0.2") as s:
        s.routes = standard_routes(s)
        yield s


def make_fetcher(**kwargs):
    options = dict(policy=AddressPolicy.allowing(["127.0.0.1/32"]), gate=HostGate(0), timeout=3.0, max_retry_wait=5.0)
    options.update(kwargs)
    return Fetcher(**options)


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once it is closed


MATRIX = [
    # (name, path or full URL template, expected outcome)
    ("200", "/ok", "ok"),
    ("404", "/missing", "not_found"),
    ("410", "/gone", "gone"),
    ("403", "/forbidden", "blocked"),
    ("401", "/login", "blocked"),
    ("500", "/error", "server_error"),
    ("503 then 200 with Retry-After", "/flaky", "ok"),
    ("429 forever", "/busy", "rate_limited"),
    ("redirect chain", "/chain/1", "ok"),
    ("redirect loop", "/loop/a", "too_many_redirects"),
    ("redirect to the site root", "/to-root", "soft_404"),
    ("redirect to a refused address", "/to-refused", "refused_address"),
    ("redirect to a non-http scheme", "/to-ftp", "invalid_url"),
    ("soft-404 page", "/soft404", "soft_404"),
    ("slow-drip body", "/slow-drip", "timeout"),
    ("server that never answers", "/hang", "timeout"),
    ("50 MB body", "/huge", "too_large"),
    ("30 MB body without Content-Length", "/huge-undeclared", "too_large"),
    ("gzip bomb", "/bomb", "too_large"),
    ("PDF", "/doc.pdf", "ok"),
    ("PNG", "/image.png", "unsupported_type"),
    ("windows-1251 declared only in meta", "/cp1251", "ok"),
    ("malformed HTML", "/malformed", "ok"),
    ("plain text", "/notes.txt", "ok"),
    ("robots.txt disallow", "/private/report", "robots_disallowed"),
    ("reset connection", "/reset", "connection_error"),
    ("refused connection", "http://127.0.0.1:{closed}/ok", "connection_error"),
    ("name that does not resolve", "http://does-not-exist.invalid/ok", "dns_error"),
    ("TLS to a plain-HTTP port", "https://127.0.0.1:{port}/ok", "tls_error"),
    ("not a URL", "mailto:someone@example.com", "invalid_url"),
]


@pytest.mark.parametrize("name,target,expected", MATRIX, ids=[m[0] for m in MATRIX])
def test_server_behaviour(server, name, target, expected):
    url = target.format(port=server.port, closed=closed_port()) if "://" in target or ":" in target else server.url(target)
    fetcher = make_fetcher()
    attempt = check_live(fetcher, {"url": url}, RandomPathProbe(fetcher))
    assert attempt.outcome == expected, attempt
    if expected != "ok":
        assert attempt.error, "every failure says why"
    assert attempt.elapsed_ms < 8000


def live(server, path, **kwargs):
    fetcher = make_fetcher(**kwargs)
    return check_live(fetcher, {"url": server.url(path)}, RandomPathProbe(fetcher))


def test_ok_page_is_extracted(server):
    attempt = live(server, "/ok")
    snap = attempt.snapshot
    assert snap.title == "Trade figures"
    assert "US$630 million in 2008" in snap.text
    assert "script text" not in snap.text and "Copyright footer" not in snap.text and "Contact" not in snap.text
    assert snap.canonical_url == server.url("/canonical/ok")
    assert attempt.http_status == 200 and attempt.redirects == []


def test_redirect_hops_are_recorded(server):
    attempt = live(server, "/chain/1")
    assert [h["status"] for h in attempt.redirects] == [301, 302, 307]
    assert attempt.redirects[-1]["url"] == server.url("/ok")
    assert attempt.final_url == server.url("/ok")


def test_cyrillic_comes_out_right(server):
    attempt = live(server, "/cp1251")
    assert attempt.snapshot.title == "Российско-пакистанские отношения"
    assert "Товарооборот между Россией и Пакистаном" in attempt.snapshot.text


def test_pdf_text_is_extracted(server):
    assert "USD 630 million in 2008" in live(server, "/doc.pdf").snapshot.text


def test_retry_after_is_honoured(server):
    server.state.pop("flaky", None)
    attempt = live(server, "/flaky")
    assert attempt.outcome == "ok" and attempt.elapsed_ms >= 900
    attempt = live(server, "/busy")
    assert "after 3 attempts" in attempt.error


def test_etag_then_304(server):
    first = live(server, "/etag")
    assert first.etag == '"v1"' and first.outcome == "ok"
    fetcher = make_fetcher()
    second = check_live(fetcher, {"url": server.url("/etag"), "etag": '"v1"', "snapshot_id": 7}, None)
    assert second.outcome == "not_modified" and second.snapshot_id == 7
    assert server.requests_to("/etag")[-1]["headers"].get("If-None-Match") == '"v1"'


def test_user_agent_identifies_us(server, monkeypatch):
    live(server, "/ok")
    assert server.requests_to("/ok")[-1]["headers"]["User-Agent"].startswith("checker/0.1.0 (fact-checking citation tracker")
    monkeypatch.setenv("CHECKER_CONTACT", "mailto:desk@example.org")
    live(server, "/ok")
    assert server.requests_to("/ok")[-1]["headers"]["User-Agent"].endswith("; +mailto:desk@example.org)")


def test_size_cap_is_configurable(server):
    assert live(server, "/ok", max_bytes=100).outcome == "too_large"


def test_robots_is_fetched_once_per_run(server):
    fetcher = make_fetcher()
    before = len(server.requests_to("/robots.txt"))
    for path in ("/ok", "/missing", "/private/report"):
        fetcher.fetch(server.url(path))
    assert len(server.requests_to("/robots.txt")) == before + 1
    assert not server.requests_to("/private/report")


REFUSED_SPELLINGS = [
    "http://127.0.0.2:{port}/ok",
    "http://0x7f000002:{port}/ok",
    "http://2130706434:{port}/ok",
    "http://127.2:{port}/ok",
    "http://[::ffff:127.0.0.2]:{port}/ok",
    "http://[::1]:{port}/ok",
    "http://0x7f000001:{port}/ok".replace("0x7f000001", "0177.0.0.2"),
]


@pytest.mark.parametrize("template", REFUSED_SPELLINGS)
def test_refused_spellings(refused_server, template):
    url = template.format(port=refused_server.port)
    result = make_fetcher().fetch(url, check_robots=False)
    assert result.outcome == "refused_address", result
    assert not refused_server.log, "a refused address must never be connected to"


def test_refused_after_a_redirect(server, refused_server):
    attempt = live(server, "/to-refused")
    assert attempt.outcome == "refused_address"
    assert attempt.redirects == [{"status": 302, "url": f"http://127.0.0.2:{server.port}/ok"}]
    assert not refused_server.log


def test_loopback_refused_without_an_allowance(server):
    result = Fetcher(gate=HostGate(0), timeout=3).fetch(server.url("/ok"))
    assert result.outcome == "refused_address"


@pytest.mark.parametrize(
    "address,allowed",
    [
        ("8.8.8.8", True), ("2606:4700::1111", True),
        ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False),
        ("169.254.169.254", False), ("0.0.0.0", False), ("224.0.0.1", False), ("240.0.0.1", False),
        ("100.64.0.1", False), ("::1", False), ("::", False), ("fe80::1", False), ("fc00::1", False),
        ("ff02::1", False), ("::ffff:127.0.0.1", False), ("::ffff:8.8.8.8", True),
    ],
)
def test_address_policy_table(address, allowed):
    import ipaddress

    assert AddressPolicy().permits(ipaddress.ip_address(address)) is allowed


def test_allowance_is_exact():
    import ipaddress

    policy = AddressPolicy.allowing(["127.0.0.1/32"])
    assert policy.permits(ipaddress.ip_address("127.0.0.1"))
    assert not policy.permits(ipaddress.ip_address("127.0.0.2"))
    assert not policy.permits(ipaddress.ip_address("::1"))


@pytest.mark.parametrize("value,expected", [("5", 5.0), ("0", 0.0), (None, None), ("soon", None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
def test_retry_after_values(value, expected):
    assert retry_after(value) == expected


def test_soft_404_by_the_hosts_answer_for_a_random_path():
    """A host that answers every unknown path with the same 200 page."""
    with LocalServer() as catch_all:
        catch_all.fallback = lambda h: h.send(200, html_page("Welcome to Example News", "Latest headlines and more."))
        catch_all.routes = {"/real": lambda h: h.send(200, html_page("Trade report", "Trade reached US$630 million in 2008."))}
        fetcher = make_fetcher()
        probe = RandomPathProbe(fetcher)
        moved = check_live(fetcher, {"url": catch_all.url("/2012/03/old-story")}, probe)
        assert moved.outcome == "soft_404"
        assert "path that cannot exist" in moved.error
        assert check_live(fetcher, {"url": catch_all.url("/real")}, probe).outcome == "ok"
        probes = [e for e in catch_all.log if e["path"].endswith("-checker-probe")]
        assert len(probes) == 1, "the probe is fetched once per host per run"


def test_crawl_delay_is_respected():
    with LocalServer() as polite:
        polite.routes = {
            "/robots.txt": lambda h: h.send(200, b"User-agent: *\nCrawl-delay: 0.4\n", "text/plain"),
            "/a": lambda h: h.send(200, html_page("A", "a")),
            "/b": lambda h: h.send(200, html_page("B", "b")),
        }
        fetcher = make_fetcher()
        fetcher.fetch(polite.url("/a"))
        fetcher.fetch(polite.url("/b"))
        starts = [e["start"] for e in polite.log]
        assert [e["path"] for e in polite.log] == ["/robots.txt", "/a", "/b"]
        assert starts[2] - starts[1] >= 0.38


def html_page(title, text):
    from .servers import html

    return html(title, text)


@pytest.mark.parametrize("hosts, connections", [(12, 1), (10, 2)], ids=["every host kept", "least recent dropped"])
def test_connections_are_kept_for_the_runs_hosts(hosts, connections):
    """A run keeps one open connection per host for as many hosts as it fetches at once (its
    concurrency): a second round over twelve hosts reuses all twelve. With room for only ten, each
    new host pushes out the least recently used one, and every request of the round reconnects."""
    servers = [LocalServer().__enter__() for _ in range(12)]
    try:
        for s in servers:
            s.routes = standard_routes(s)
        fetcher = make_fetcher(hosts=hosts)
        for _ in range(2):
            for s in servers:
                assert fetcher.fetch(s.url("/ok"), check_robots=False).outcome == "ok"
        for s in servers:
            assert len({e["client"] for e in s.log}) == connections
    finally:
        for s in servers:
            s.__exit__(None, None, None)
