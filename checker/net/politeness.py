"""Politeness: one request in flight per host, a pause between requests to it, and how long one
result may take (its Budget). Waiting for a host's turn costs time, never a result."""
import collections
import itertools
import threading
import time

from ..errors import NoTurn
from .options import DEFAULT_MIN_INTERVAL, DEFAULT_TURN_TIMEOUT

MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay is honoured up to this many seconds


class Budget:
    """The seconds of fetching one result may take: every request of it, redirects and retries
    included; the time spent waiting for a host's turn is not counted."""

    def __init__(self, seconds: float) -> None:
        self.left = seconds

    def spend(self, seconds: float) -> None:
        self.left -= seconds


class HostGate:
    """At most one request in flight per host, and a minimum interval between requests to it."""

    def __init__(self, min_interval: float = DEFAULT_MIN_INTERVAL, turn_timeout: float = DEFAULT_TURN_TIMEOUT) -> None:
        self.min_interval = min_interval
        self.turn_timeout = turn_timeout
        self._lock = threading.Condition()
        self._busy: set[str] = set()
        self._next: dict[str, float] = {}
        self._interval: dict[str, float] = {}
        # waiting tickets per host, first come first served
        self._queues: collections.defaultdict[str, collections.deque[int]] = collections.defaultdict(collections.deque)
        self._tickets = itertools.count()

    def set_interval(self, host: str, seconds: float) -> None:
        with self._lock:
            self._interval[host] = max(self.min_interval, min(seconds, MAX_CRAWL_DELAY))

    def interval(self, host: str) -> float:
        return self._interval.get(host, self.min_interval)

    def acquire(self, host: str) -> None:
        """Wait for the host's turn, first come first served. The wait is not part of any fetch's
        deadline: it is bounded on its own, generously (turn_timeout), and running past that raises
        NoTurn, never a timeout."""
        give_up = time.monotonic() + self.turn_timeout
        with self._lock:
            ticket = next(self._tickets)
            waiting = self._queues[host]
            waiting.append(ticket)
            try:
                while True:
                    now = time.monotonic()
                    wait = self._next.get(host, 0) - now
                    if host not in self._busy and wait <= 0 and waiting[0] == ticket:
                        waiting.popleft()
                        self._busy.add(host)
                        return
                    if now >= give_up:
                        raise NoTurn(f"no turn at {host} within {self.turn_timeout:g} s: it is busy with this run's other requests")
                    limit = give_up - now if host in self._busy or waiting[0] != ticket else min(wait, give_up - now)
                    self._lock.wait(timeout=limit)
            except BaseException:
                if ticket in waiting:
                    waiting.remove(ticket)
                    self._lock.notify_all()
                raise

    def release(self, host: str) -> None:
        with self._lock:
            self._busy.discard(host)
            self._next[host] = time.monotonic() + self.interval(host)
            self._lock.notify_all()
