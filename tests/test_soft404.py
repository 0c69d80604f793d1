"""Soft 404s (pages/soft404.py) from tables: the three signs, strongest first, with the reason each
gives, and the host's answer for a random path (a fetcher stands in for the network: no request)."""
from dataclasses import dataclass

import pytest

from checker.pages.extract import Extracted
from checker.pages.soft404 import RandomPathProbe, redirected_to_root, says_not_found, soft_404_reason


@dataclass
class Fetched:
    outcome: str
    final_url: str = ""
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"


class FakeFetcher:
    """Answers every URL with one result, and notes what it was asked."""

    def __init__(self, result):
        self.result = result
        self.asked = []

    def fetch(self, url):
        self.asked.append(url)
        return self.result


def page(title=None, *headings, text="Trade reached US$630 million in 2008."):
    return Extracted(text, title, None, "text/html", headings)


class Probe:
    """A probe that says whether a page matches, and notes what it was asked."""

    def __init__(self, answer):
        self.answer = answer
        self.asked = []

    def matches(self, url, final_url, text):
        self.asked.append((url, final_url, text))
        return self.answer


STORY = "https://news.example/2012/03/story"

# (requested, final, page, what the probe says or None for no probe, the reason or None)
REASONS = [
    (STORY, "https://news.example/", page("Trade"), None, "redirected to the site's front page"),
    (STORY, "https://news.example/", page("Page not found"), True, "redirected to the site's front page"),
    (STORY, STORY, page("Page not found"), True, "the page says it does not exist: 'Page not found'"),
    (STORY, STORY, page(None, "Sorry, this page no longer exists", "More"), None,
     "the page says it does not exist: 'Sorry, this page no longer exists'"),
    (STORY, STORY, page("Error 404", "Trade"), None, "the page says it does not exist: 'Error 404'"),
    (STORY, STORY, page("Trade report"), True, "the page reads like this host's answer for a path that cannot exist"),
    (STORY, STORY, page("Trade report"), False, None),
    (STORY, STORY, page("Trade report"), None, None),
    ("https://news.example/", "https://news.example", page("Home"), None, None),  # the front page asked for
]


@pytest.mark.parametrize("requested,final,extracted,probe_says,reason", REASONS)
def test_soft_404_reason(requested, final, extracted, probe_says, reason):
    probe = None if probe_says is None else Probe(probe_says)
    assert soft_404_reason(requested, final, extracted, probe) == reason
    if probe is not None and probe.asked:
        assert probe.asked == [(requested, final, extracted.text)]


@pytest.mark.parametrize("extracted,expected", [
    (page("Page not found"), True),
    (page(None, "Not found"), True),
    (page("Trade", "Page not found"), True),  # the title is fine, the heading is not
    (page("Trade", "Trade report", "Page not found"), False),  # only the main heading counts
    (page("", ""), False),
    (page(None), False),
])
def test_says_not_found_reads_the_title_and_the_main_heading(extracted, expected):
    assert says_not_found(extracted) is expected


@pytest.mark.parametrize("requested,final,expected", [
    ("https://a.example/story", "https://a.example/", True),
    ("https://a.example/?page=2", "https://a.example/", True),  # a query is a page of its own
    ("https://a.example/", "https://a.example", False),  # the front page, asked for
    ("https://a.example", "https://a.example/", False),
    ("https://a.example/story", "https://a.example/?from=story", False),
])
def test_redirected_to_root(requested, final, expected):
    assert redirected_to_root(requested, final) is expected


NOTHING_HERE = b"<html><body><h1>Sorry</h1><p>Nothing lives at this address.</p></body></html>"


@pytest.mark.parametrize("result,answer", [
    (Fetched("ok", "https://news.example/missing", NOTHING_HERE),
     ("https://news.example/missing", "Sorry\nNothing lives at this address.")),
    # the header is obeyed, not the bytes' look: served as plain text, the markup is the text
    (Fetched("ok", "https://news.example/x", NOTHING_HERE, "text/plain; charset=utf-8"),
     ("https://news.example/x", NOTHING_HERE.decode())),
    (Fetched("not_found", "https://news.example/x"), None),
    (Fetched("ok", "https://news.example/x", b"\x89PNG\r\n\x1a\n", "image/png"), None),  # nothing to compare
])
def test_the_probe_asks_each_host_once(result, answer):
    fetcher = FakeFetcher(result)
    probe = RandomPathProbe(fetcher)
    assert probe.answer("https://news.example/2012/story?id=4") == answer
    assert probe.answer("https://news.example/other") == answer
    [asked] = fetcher.asked
    assert asked.startswith("https://news.example/") and asked.endswith("-checker-probe")
    assert len(asked) == len("https://news.example/") + 32 + len("-checker-probe")  # a fresh uuid4 each run
    probe.answer("http://other.example/page")
    assert len(fetcher.asked) == 2 and fetcher.asked[1].startswith("http://other.example/")
    if answer is None:
        assert probe.matches(STORY, STORY, "anything") is False


PROBE_TEXT = "a" * 9 + "b"

# (requested, final URL, page text, the matches verdict) against a host that answers a random path
# with PROBE_TEXT at https://news.example/not-found
MATCHES = [
    (STORY, "https://news.example/not-found", "entirely different words", True),  # sent where the probe went
    ("https://news.example/not-found", "https://news.example/not-found", "entirely different words", False),
    (STORY, "https://news.example/2012/03/moved", "entirely different words", False),  # moved, not lost
    (STORY, STORY, "a" * 10, True),  # rapidfuzz ratio exactly 90: the threshold counts
    (STORY, STORY, "a" * 8 + "cc", False),  # ratio 80
]


@pytest.mark.parametrize("requested,final,text,expected", MATCHES)
def test_matches_the_hosts_answer(requested, final, text, expected):
    body = f"<html><body><p>{PROBE_TEXT}</p></body></html>".encode()
    probe = RandomPathProbe(FakeFetcher(Fetched("ok", "https://news.example/not-found", body)))
    assert probe.matches(requested, final, text) is expected
