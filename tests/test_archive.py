"""The archive client from tables of cases: timestamps, replay addresses, and lookups against a local fake."""
import pytest

from checker.net import archive
from checker.errors import ArchiveError
from checker.net.fetch import AddressPolicy, Fetcher
from checker.net.politeness import Budget, HostGate

from .servers import FakeArchive, LocalServer

ORIGINAL = "https://news.example/2012/03/budget"


@pytest.mark.parametrize("date,stamp", [
    ("2012-03-21", "20120321"),
    ("2012-03", "201203"),
    ("2012", "2012"),
    ("2012-03-21T10:00:00Z", "20120321100000"),
    (None, ""),
    ("", ""),
])
def test_timestamp_for(date, stamp):
    assert archive.timestamp_for(date) == stamp


@pytest.mark.parametrize("replay,original", [
    ("http://web.archive.org/web/20120301000000/https://news.example/a", "https://news.example/a"),
    ("https://web.archive.org/web/20120301000000id_/http://news.example/a?b=1", "http://news.example/a?b=1"),
    ("https://web.archive.org/web/2012/https://news.example/", "https://news.example/"),
    ("https://example.org/not-a-replay", None),
    (None, None),
])
def test_original_from_replay(replay, original):
    assert archive.original_from_replay(replay) == original


def test_replay_url_asks_for_the_original_bytes():
    capture = archive.Capture("20120301000000", ORIGINAL)
    assert capture.replay_url("https://web.archive.org/") == f"https://web.archive.org/web/20120301000000id_/{ORIGINAL}"


def page(text):
    return (f"<html><title>Budget</title><body><p>{text}</p></body></html>").encode()


# captures held by the fake archive, the citation date -> the timestamps tried, best first
CANDIDATES = [
    ("the closest before the date comes first",
     [("20110101000000", 200), ("20120301000000", 200), ("20130101000000", 200)], "2012-03-21",
     ["20120301000000", "20110101000000", "20130101000000"]),
    ("only captures after the date",
     [("20130101000000", 200), ("20140101000000", 200)], "2012-03-21",
     ["20130101000000", "20140101000000"]),
    ("error captures are never candidates",
     [("20120301000000", 404), ("20110101000000", 200)], "2012-03-21",
     ["20110101000000"]),
    ("no date: the captures in order",
     [("20110101000000", 200), ("20120301000000", 200)], None,
     ["20120301000000", "20110101000000"]),
    ("nothing archived", [], "2012-03-21", []),
    ("at most four",
     [(f"20{y:02d}0101000000", 200) for y in range(5, 15)], "2012-03-21",
     ["20120101000000", "20110101000000", "20100101000000", "20130101000000"]),
]


@pytest.fixture
def fake():
    with LocalServer() as server:
        yield FakeArchive(server)


def fetcher():
    return Fetcher(policy=AddressPolicy.allowing(["127.0.0.1/32"]), gate=HostGate(0), timeout=5)


@pytest.mark.parametrize("name,captures,date,expected", CANDIDATES, ids=[c[0] for c in CANDIDATES])
def test_candidates(fake, name, captures, date, expected):

    fake.captures = {ORIGINAL: [(ts, status, page(ts), "text/html") for ts, status in captures]}
    found = archive.candidates(fetcher(), fake.server.url(""), ORIGINAL, date, Budget(10))
    assert [c.timestamp for c in found] == expected
    assert all(c.original == ORIGINAL for c in found)


@pytest.mark.parametrize("name,answer,outcome", [
    ("rate limited", lambda h: h.send(429, b"Too Many Requests", "text/plain", [("Retry-After", "0")]), "rate_limited"),
    ("server error", lambda h: h.send(503, b"down", "text/plain", [("Retry-After", "0")]), "server_error"),
    ("malformed JSON", lambda h: h.send(200, b"{not json", "application/json"), "server_error"),
    ("CDX without a header row", lambda h: h.send(
        200, b"[[1, 2], [3, 4]]" if "cdx" in h.path else b"{}", "application/json"), "server_error"),
])
def test_archive_errors_carry_an_outcome(name, answer, outcome):

    with LocalServer() as server:
        server.fallback = answer
        with pytest.raises(ArchiveError) as e:
            archive.candidates(fetcher(), server.url(""), ORIGINAL, "2012-03-21", Budget(10))
        assert e.value.outcome == outcome and str(e.value)
