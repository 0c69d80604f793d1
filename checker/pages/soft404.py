"""Soft 404s: answers of 200 that are really "this page does not exist".

Three signs, strongest first: a deep link redirected to the site's front page; a title or main
heading that says the page is not there; a page that reads like the host's answer for a random
path that cannot exist (fetched once per host per run and compared with rapidfuzz)."""
import collections
import re
import threading
import uuid
from typing import Protocol
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from ..errors import UnsupportedType
from .extract import Extracted, extract

SOFT_404_SIMILARITY = 90  # rapidfuzz ratio (0-100) between a page and the host's answer for a random path
COMPARED_CHARS = 5000

# Titles and headings that say the page is not there (checked case-insensitively).
ERROR_PAGE_PATTERNS = [
    r"\b404\b",
    r"\bpage (was )?not found\b",
    r"\bnot found\b",
    r"\bpage (does not|doesn'?t|no longer) exists?\b",
    r"\bno longer (available|exists)\b",
    r"\bpage (is )?(unavailable|missing)\b",
    r"\bcould not be found\b",
    r"\bcan(no|')t be found\b",
    r"\berror 40[0-9]\b",
    r"\bnothing (was )?found\b",
    r"страница не найдена",
    r"\bpágina no encontrada\b",
    r"\bpage introuvable\b",
    r"\bseite nicht gefunden\b",
]
ERROR_PAGE = re.compile("|".join(ERROR_PAGE_PATTERNS), re.IGNORECASE)


def says_not_found(extracted: Extracted) -> bool:
    """True when the page's title or main heading says the page does not exist."""
    candidates = [extracted.title or ""] + list(extracted.headings[:1])
    return any(ERROR_PAGE.search(c) for c in candidates if c)


def is_site_root(url: str) -> bool:
    return urlsplit(url).path in ("", "/") and not urlsplit(url).query


def redirected_to_root(requested_url: str, final_url: str | None) -> bool:
    """A request for a deep page that ended on the site's front page."""
    return final_url is not None and final_url != requested_url and is_site_root(final_url) \
        and not is_site_root(requested_url)


class Answer(Protocol):
    """What the probe reads of a fetch's result (net.fetch.FetchResult; pages does not import net)."""

    @property
    def outcome(self) -> str: ...
    @property
    def final_url(self) -> str | None: ...
    @property
    def body(self) -> bytes | None: ...
    @property
    def content_type(self) -> str | None: ...


class PageFetcher(Protocol):
    """What the probe needs of a fetcher (net.fetch.Fetcher)."""

    def fetch(self, url: str) -> Answer: ...


class RandomPathProbe:
    """What each host answers for a path that cannot exist, fetched once per host per run."""

    def __init__(self, fetcher: PageFetcher) -> None:
        self.fetcher = fetcher
        self._answers: dict[str, tuple[str | None, str] | None] = {}
        self._locks: collections.defaultdict[str, threading.Lock] = collections.defaultdict(threading.Lock)

    def answer(self, url: str) -> tuple[str | None, str] | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._locks[origin]:
            if origin not in self._answers:
                result = self.fetcher.fetch(f"{origin}/{uuid.uuid4().hex}-checker-probe")
                answer = None
                if result.outcome == "ok":
                    try:
                        answer = (result.final_url, extract(result.body or b"", result.content_type, result.final_url).text)
                    except UnsupportedType:
                        answer = None
                self._answers[origin] = answer
            return self._answers[origin]

    def matches(self, url: str, final_url: str | None, text: str) -> bool:
        answer = self.answer(url)
        if answer is None:
            return False
        probe_final, probe_text = answer
        if probe_final == final_url and final_url != url:
            return True
        return fuzz.ratio(probe_text[:COMPARED_CHARS], text[:COMPARED_CHARS]) >= SOFT_404_SIMILARITY


def soft_404_reason(requested_url: str, final_url: str | None, page: Extracted,
                    probe: RandomPathProbe | None = None) -> str | None:
    """Why an answer of 200 is really a missing page, or None when it is not."""
    if redirected_to_root(requested_url, final_url):
        return "redirected to the site's front page"
    if says_not_found(page):
        return f"the page says it does not exist: {page.title or page.headings[0]!r}"
    if probe is not None and probe.matches(requested_url, final_url, page.text):
        return "the page reads like this host's answer for a path that cannot exist"
    return None
