"""HTTP only: the session, timeouts and deadline, size cap, redirects, robots.txt, per-host
politeness and retries. Returns plain FetchResult values; never touches the DB.

Which addresses may be reached is the address policy's (address_policy.py); this module applies it
on every hop through the adapter it mounts."""
import email.utils
import heapq
import importlib.metadata
import itertools
import os
import socket
import ssl
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Self, TypedDict
from urllib.parse import urljoin, urlsplit

import requests
from protego import Protego
from urllib3.connection import HTTPConnection

from .address_policy import AddressPolicy, PinnedAddressAdapter
from ..errors import AddressRefused, DeadlineExceeded, InvalidInput, InvalidURL, NameNotResolved, NoTurn, TooLarge
from .options import DEFAULT_MAX_BYTES, DEFAULT_MAX_RETRY_WAIT, DEFAULT_RETRIES, DEFAULT_TIMEOUT, CheckOptions
from .politeness import Budget, HostGate
from ..urls import normalise_url

# The defaults of one run; `checker check`, the workbench's rechecks and CheckOptions all take these.
DEFAULT_MAX_REDIRECTS = 10

REDIRECT_STATUSES = (301, 302, 303, 307, 308)
RETRY_STATUSES = (429, 502, 503, 504)
BLOCKED_STATUSES = (401, 403, 407, 451)
CHUNK = 16 * 1024  # small, so a compressed body is capped soon after it passes the limit


def user_agent_default() -> str:
    """Who we are, for the sites we fetch: $CHECKER_CONTACT (a URL or address) is added when set."""
    contact = os.environ.get("CHECKER_CONTACT")
    version = importlib.metadata.version("checker")
    return f"checker/{version} (fact-checking citation tracker{'; +' + contact if contact else ''})"


def trusted_authorities(ca_bundle: str | os.PathLike[str] | None = None) -> bool | str:
    """What https certificates are verified against, as requests takes it: a PEM file of certificate
    authorities (``ca_bundle``, else $CHECKER_CA_BUNDLE) in place of the system's, else the system's
    (True). Never False: certificates are always verified."""
    path = ca_bundle or os.environ.get("CHECKER_CA_BUNDLE")
    if not path:
        return True
    path = os.fspath(path)
    try:  # read it now, rather than fail every https fetch with a tls_error
        ssl.create_default_context(cafile=path)
    except (OSError, ValueError) as e:
        raise InvalidInput(f"CA bundle {path}: not a PEM file of certificates ({e})")
    return path


class Deadlines:
    """One thread that fires every watchdog whose deadline has passed. A thread per request would
    also work, but starting one waits for the new thread to be scheduled, which under load (fifty
    workers sharing one interpreter) costs more than the request itself."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, "Watchdog"]] = []  # a cancelled watchdog stays until it is popped
        self._order = itertools.count()
        self._waiting = 0  # watchdogs neither cancelled nor fired
        self._thread: threading.Thread | None = None

    def add(self, watchdog: "Watchdog") -> None:
        with self._cond:
            heapq.heappush(self._heap, (watchdog.deadline, next(self._order), watchdog))
            self._waiting += 1
            if len(self._heap) > 4 * self._waiting + 64:  # mostly cancelled entries: drop them
                self._heap = [entry for entry in self._heap if not entry[2].cancelled]
                heapq.heapify(self._heap)
            if self._thread is None or not self._thread.is_alive():  # not yet, or lost in a fork
                self._thread = threading.Thread(target=self._run, name="checker-deadlines", daemon=True)
                self._thread.start()
            if self._heap[0][2] is watchdog:  # the soonest deadline: the thread's wait is too long now
                self._cond.notify()

    def cancel(self, watchdog: "Watchdog") -> None:
        """After this returns, the watchdog has either fired or never will."""
        with self._cond:
            if not (watchdog.cancelled or watchdog.fired):
                self._waiting -= 1
            watchdog.cancelled = True

    def _run(self) -> None:
        with self._cond:
            while True:
                while self._heap and self._heap[0][2].cancelled:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._cond.wait()
                    continue
                wait = self._heap[0][0] - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                self._waiting -= 1
                heapq.heappop(self._heap)[2].fire()


DEADLINES = Deadlines()


class Watchdog:
    """Ends a request at its deadline wherever it is (connecting, headers trickling in, the body):
    at the deadline it shuts the request's socket, which the connection names through the adapter."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.connection: HTTPConnection | None = None
        self.sock: socket.socket | None = None
        self.fired = False
        self.cancelled = False

    def __enter__(self) -> Self:
        PinnedAddressAdapter.watch(self)
        DEADLINES.add(self)
        return self

    def fire(self) -> None:
        self.fired = True
        sock = getattr(self.connection, "sock", None) or self.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def __exit__(self, *exc: object) -> None:
        DEADLINES.cancel(self)
        PinnedAddressAdapter.watch(None)
        if self.fired and self.connection is not None:
            self.connection.close()  # never back into the pool


Redirect = TypedDict("Redirect", {"status": int, "url": str})  # one hop of FetchResult.redirects


@dataclass
class FetchResult:
    requested_url: str
    outcome: str = "ok"
    final_url: str | None = None
    redirects: list[Redirect] = field(default_factory=list)
    http_status: int | None = None
    error: str | None = None
    content_type: str | None = None
    content_language: str | None = None  # the Content-Language header, as sent
    body: bytes | None = None
    bytes: int = 0
    etag: str | None = None
    last_modified: str | None = None
    started_at: float | None = None
    elapsed_ms: int = 0


def outcome_for_status(status: int) -> str:
    if 200 <= status < 300:
        return "ok"
    if status == 304:
        return "not_modified"
    if status == 404:
        return "not_found"
    if status == 410:
        return "gone"
    if status in BLOCKED_STATUSES:
        return "blocked"
    if status == 429:
        return "rate_limited"
    if status >= 500:
        return "server_error"
    return "not_found"  # other 4xx: the page is not there for us


def outcome_for_exception(e: BaseException) -> tuple[str, str]:
    """Map what requests/urllib3 raised to an outcome and a one-line reason."""
    if isinstance(e, AddressRefused):
        return "refused_address", str(e)
    if isinstance(e, NameNotResolved):
        return "dns_error", str(e)
    if isinstance(e, (DeadlineExceeded, requests.Timeout)):
        return "timeout", f"timed out: {short(e)}"
    if isinstance(e, TooLarge):
        return "too_large", str(e)
    if isinstance(e, requests.exceptions.SSLError):
        return "tls_error", f"TLS failed: {short(e)}"
    if isinstance(e, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema, InvalidURL)):
        return "invalid_url", str(e)
    if isinstance(e, (requests.ConnectionError, requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError)):
        return "connection_error", f"connection failed: {short(e)}"
    return "connection_error", short(e)


def short(e: BaseException) -> str:
    """The innermost reason of a requests/urllib3 error, on one line."""
    text = " ".join(str(e).split())
    if "Caused by " in text:
        text = text.rsplit("Caused by ", 1)[1].rstrip(")")
    return text if len(text) <= 300 else text[:297] + "..."


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now or time.time()))


class Fetcher:
    """Fetches URLs politely and safely; one per run (it caches robots.txt per host)."""

    def __init__(
        self,
        *,
        policy: AddressPolicy | None = None,
        gate: HostGate | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        retries: int = DEFAULT_RETRIES,
        max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
        user_agent: str | None = None,
        hosts: int = 10,
        ca_bundle: str | None = None,
    ) -> None:
        """``hosts``: how many hosts keep their open connections at once (a run's concurrency); a host
        beyond that pushes out the least recently used one, whose connections are closed.
        ``ca_bundle``: a PEM file of the certificate authorities to trust instead of the system's (a
        newsroom behind a TLS-inspecting proxy names the proxy's); see trusted_authorities."""
        self.policy = policy or AddressPolicy()
        self.gate = gate or HostGate()
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.retries = retries
        self.max_retry_wait = max_retry_wait
        self.user_agent = user_agent or user_agent_default()
        self.session = requests.Session()
        self.session.trust_env = False  # no proxies or .netrc from the environment
        self.session.verify = trusted_authorities(ca_bundle)
        adapter = PinnedAddressAdapter(self.policy, pool_connections=max(10, hosts), pool_maxsize=4, max_retries=0)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update({"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"})
        self._robots: dict[str, Protego | None] = {}
        self._robots_lock = threading.Lock()
        self._robots_host_locks: dict[str, threading.Lock] = {}

    # -- one request ---------------------------------------------------------------------
    def _request(self, url: str, headers: Mapping[str, str], budget: Budget) -> tuple[requests.Response, bytes]:
        """One GET, without following redirects, read within the cap and what is left of the budget.
        Waiting for the host's turn comes first and is not charged to the budget."""
        host = urlsplit(url).netloc
        self.gate.acquire(host)
        started = time.monotonic()
        try:
            if budget.left <= 0:
                raise DeadlineExceeded("no time left for this request")
            with Watchdog(started + budget.left) as watchdog:
                try:
                    timeout = (min(10.0, budget.left), min(15.0, budget.left))
                    response = self.session.get(url, headers=headers, stream=True, allow_redirects=False,
                                                timeout=timeout)
                    try:
                        body = b""
                        if response.status_code not in REDIRECT_STATUSES and response.status_code != 304:
                            body = self._read_body(response)
                    finally:
                        response.close()
                except Exception as e:
                    if watchdog.fired:
                        raise DeadlineExceeded(f"the answer was still arriving after {budget.left:g} s") from e
                    raise
                if watchdog.fired:  # the socket was shut as the body ended: it may be cut short
                    raise DeadlineExceeded(f"the answer was still arriving after {budget.left:g} s")
        finally:
            budget.spend(time.monotonic() - started)
            self.gate.release(host)
        return response, body

    def _read_body(self, response: requests.Response) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise TooLarge(f"body of {int(declared)} bytes is over the {self.max_bytes}-byte cap")
        chunks, size = [], 0
        while True:
            chunk = response.raw.read1(CHUNK, decode_content=True)
            if not chunk:
                break
            size += len(chunk)
            if size > self.max_bytes:
                raise TooLarge(f"body passed the {self.max_bytes}-byte cap")
            chunks.append(chunk)
        return b"".join(chunks)

    # -- robots.txt ---------------------------------------------------------------------
    def robots(self, origin: str) -> Protego | None:
        """The parsed robots.txt of an origin (scheme://host), fetched once per run; None if absent."""
        with self._robots_lock:
            if origin in self._robots:
                return self._robots[origin]
            lock = self._robots_host_locks.setdefault(origin, threading.Lock())
        with lock:
            with self._robots_lock:
                if origin in self._robots:
                    return self._robots[origin]
            parser = None
            try:  # robots.txt is a request of its own, with a budget of its own
                result = self._follow(origin + "/robots.txt", {}, Budget(self.timeout), max_redirects=5)
                if result.outcome == "ok" and result.body is not None:
                    parser = Protego.parse(result.body.decode("utf-8", errors="replace"))
            except NoTurn:
                raise
            except Exception:
                parser = None  # an unreadable robots.txt allows everything
            with self._robots_lock:
                self._robots[origin] = parser
            if parser is not None:
                delay = parser.crawl_delay(self.user_agent)
                if delay:
                    self.gate.set_interval(urlsplit(origin).netloc, float(delay))
            return parser

    def allowed_by_robots(self, url: str) -> bool:
        parts = urlsplit(url)
        parser = self.robots(f"{parts.scheme}://{parts.netloc}")
        return parser is None or parser.can_fetch(url, self.user_agent)

    # -- a whole fetch --------------------------------------------------------------------
    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None, check_robots: bool = True,
              budget: Budget | None = None) -> FetchResult:
        """Fetch a URL: robots, redirects one hop at a time, retries, within ``budget`` (a Budget of
        its own by default, of the fetcher's timeout). Always returns a FetchResult, unless the host
        gave no turn at all (NoTurn: nothing was fetched)."""
        started = time.time()
        clock = time.monotonic()
        budget = budget or Budget(self.timeout)
        result = FetchResult(requested_url=url, started_at=started)
        try:
            url = normalise_url(url)
            result.requested_url = url
            if check_robots and not self.allowed_by_robots(url):
                result.outcome, result.error = "robots_disallowed", "robots.txt disallows this URL for our user agent"
            else:
                headers: dict[str, str] = {}
                if etag:
                    headers["If-None-Match"] = etag
                if last_modified:
                    headers["If-Modified-Since"] = last_modified
                result = self._follow(url, headers, budget, result=result)
        except NoTurn:
            raise
        except Exception as e:
            result.outcome, result.error = outcome_for_exception(e)
        result.elapsed_ms = int((time.monotonic() - clock) * 1000)
        return result

    def _follow(self, url: str, headers: Mapping[str, str], budget: Budget, max_redirects: int | None = None,
                result: FetchResult | None = None) -> FetchResult:
        max_redirects = self.max_redirects if max_redirects is None else max_redirects
        result = result or FetchResult(requested_url=url, started_at=time.time())
        seen = {url}
        attempts, waited = 0, 0.0
        while True:
            try:
                response, body = self._request(url, headers, budget)
            except NoTurn:
                raise
            except Exception as e:
                result.final_url = url
                result.outcome, result.error = outcome_for_exception(e)
                return result
            status = response.status_code
            if status in REDIRECT_STATUSES and response.headers.get("Location"):
                target = urljoin(url, response.headers["Location"])
                result.redirects.append({"status": status, "url": target})
                try:
                    target = normalise_url(target)
                except InvalidURL as e:
                    result.final_url, result.http_status = url, status
                    result.outcome, result.error = "invalid_url", f"redirect to {e}"
                    return result
                if target in seen or len(result.redirects) > max_redirects:
                    result.final_url, result.http_status = target, status
                    result.outcome = "too_many_redirects"
                    result.error = "redirect loop" if target in seen else f"more than {max_redirects} redirects"
                    return result
                seen.add(target)
                url = target
                continue
            if status in RETRY_STATUSES and attempts < self.retries:
                wait = retry_after(response.headers.get("Retry-After"))
                wait = (2 ** attempts) if wait is None else wait
                if waited + wait <= self.max_retry_wait and wait < budget.left:
                    attempts += 1
                    waited += wait
                    time.sleep(wait)
                    budget.spend(wait)
                    continue
            result.final_url = url
            result.http_status = status
            result.outcome = outcome_for_status(status)
            if result.outcome not in ("ok", "not_modified"):
                result.error = f"HTTP {status} {response.reason or ''}".strip()
                if attempts:
                    result.error += f" after {attempts + 1} attempts"
            result.content_type = response.headers.get("Content-Type")
            result.content_language = response.headers.get("Content-Language")
            result.etag = response.headers.get("ETag")
            result.last_modified = response.headers.get("Last-Modified")
            result.body = body
            result.bytes = len(body or b"")
            return result


def make_fetcher(options: CheckOptions) -> Fetcher:
    """The Fetcher a run's options describe: its address policy, its hosts' turns, its bounds."""
    gate = HostGate(options.min_interval, options.turn_timeout)
    gate.set_interval(urlsplit(options.wayback_base).netloc, options.archive_interval)
    return Fetcher(
        policy=AddressPolicy.allowing(options.allow_addresses),
        gate=gate,
        timeout=options.timeout,
        max_bytes=options.max_bytes,
        retries=options.retries,
        max_retry_wait=options.max_retry_wait,
        hosts=options.concurrency + 1,  # each worker's host, and the archive
        ca_bundle=options.ca_bundle,
    )
