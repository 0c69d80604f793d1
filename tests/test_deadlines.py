"""Deadlines: a fetch's time starts when its request does, waiting for a busy host's turn is never
the page's timeout, and one deadline bounds the whole answer, headers trickled a byte at a time included."""
import time

import pytest

from checker.net.address_policy import AddressPolicy
from checker.check import run_checks
from checker.net.options import CheckOptions
from checker.store.db import open_db
from checker.net.fetch import Deadlines, Fetcher
from checker.net.politeness import Budget, HostGate

from .servers import FakeArchive, LocalServer, drip, html

TEXT = "Turnout in the 2024 election was 67 percent, the commission said."


def fetcher(**kwargs):
    return Fetcher(**{"policy": AddressPolicy.allowing(["127.0.0.1/32"]), "gate": HostGate(0), **kwargs})


def trickle_headers(h):
    """A status line, then a header that never ends, one byte every tenth of a second."""
    drip(h, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: ", 1, 0)
    drip(h, b"a", 600, 0.1)
    h.close_connection = True


def trickle_body(h):
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    drip(h, b"<p>a</p>", 600, 0.1)
    h.close_connection = True


@pytest.mark.parametrize("route", [trickle_headers, trickle_body], ids=["headers", "body"])
def test_one_deadline_for_the_whole_answer(route):
    with LocalServer() as server:
        server.routes = {"/slow": route, "/robots.txt": lambda h: h.send(404, b"")}
        started = time.monotonic()
        result = fetcher(timeout=2.0).fetch(server.url("/slow"))
        took = time.monotonic() - started
    assert result.outcome == "timeout", result
    assert "still arriving" in result.error
    # the trickle lasts a minute: ending far short of it is the deadline at work (a tight limit would time the machine)
    assert took < 20


class Alarm:
    """What Deadlines needs of a watchdog: a deadline, and what firing does."""

    def __init__(self, deadline, fired_in):
        self.deadline, self.fired_in = deadline, fired_in
        self.fired = self.cancelled = False

    def fire(self):
        self.fired = True
        self.fired_in.append(self)


def test_one_thread_fires_every_deadline_in_order():
    """Alarms added in any order fire in deadline order; a cancelled one never fires; a later add
    with a sooner deadline wakes the thread; cancelled alarms do not pile up."""
    deadlines, fired = Deadlines(), []
    now = time.monotonic()
    # (half a second before the first can fire: on a busy machine adding forty took longer than the 50 ms the
    # test once allowed, and an alarm fired before the sooner one was added)
    alarms = [Alarm(now + 0.5 + 0.01 * (i * 7 % 40), fired) for i in range(40)]
    for alarm in alarms:
        deadlines.add(alarm)
    for alarm in alarms[1::2]:
        deadlines.cancel(alarm)
    soonest = Alarm(now + 0.25, fired)  # sooner than every alarm added before it
    deadlines.add(soonest)
    until = time.monotonic() + 30
    while len(fired) < 21 and time.monotonic() < until:  # (waits for the firing, whatever the machine's pace)
        time.sleep(0.05)
    time.sleep(0.1)  # (and a little more: a cancelled alarm that wrongly fired would show)
    assert fired[0] is soonest
    assert fired[1:] == sorted(alarms[0::2], key=lambda a: a.deadline)
    assert not any(a.fired for a in alarms[1::2])
    for _ in range(1000):  # a request that finishes in time cancels its alarm
        alarm = Alarm(time.monotonic() + 60, fired)
        deadlines.add(alarm)
        deadlines.cancel(alarm)
    assert len(deadlines._heap) < 200


def test_waiting_for_a_turn_is_not_the_requests_time():
    """A request that waits 2 s for its host, with 1 s of budget, still gets its full second."""
    gate = HostGate(0)
    with LocalServer(delay=0.3) as server:
        server.routes = {"/page": lambda h: h.send(200, html("Turnout", TEXT)), "/robots.txt": lambda h: h.send(404, b"")}
        f = fetcher(gate=gate, timeout=1.0)
        f.robots(server.url("").rstrip("/"))  # read robots.txt first, so that only the page waits
        host = server.url("").split("//")[1].rstrip("/")
        gate.acquire(host)
        import threading

        threading.Timer(2.0, gate.release, [host]).start()
        result = f.fetch(server.url("/page"), budget=Budget(1.0))
    assert result.outcome == "ok", result
    assert result.elapsed_ms >= 2000


def test_a_redirect_chain_into_a_busy_host_comes_back_ok(tmp_path):
    """A host that asks for 2 s between requests is busy with three pages; a chain from another host
    ends there and waits its turn (longer than its 1.5 s of budget): the wait costs time, not the page."""
    db = open_db(tmp_path / "busy.db", create=True)
    with LocalServer(delay=0.2) as busy, LocalServer() as front:
        busy.routes = {f"/page{n}": (lambda h: h.send(200, html("Turnout", TEXT))) for n in range(3)}
        busy.routes["/robots.txt"] = lambda h: h.send(200, b"User-agent: *\nCrawl-delay: 2\n", "text/plain")
        front.routes = {"/go": lambda h: h.redirect(front.url("/step")), "/step": lambda h: h.redirect(busy.url("/page0")),
                        "/robots.txt": lambda h: h.send(404, b"")}
        db["sources"].insert_all([{"url": busy.url(f"/page{n}")} for n in range(3)] + [{"url": front.url("/go")}])
        from checker.store.sources import select_sources

        options = CheckOptions(concurrency=4, min_interval=0, timeout=1.5, allow_addresses=("127.0.0.1/32",),
                               use_archive=False)
        summary = run_checks(db, select_sources(db), options)
    assert summary.outcomes == {"ok": 4}, summary.report()
    chain = db.execute("select outcome, redirects from checks where requested_url like '%/go'").fetchone()
    assert chain[0] == "ok" and chain[1].count('"status"') == 2
    db.conn.close()


def test_archive_lookups_queue_without_timing_out_the_sources(tmp_path):
    """Six dead pages fall back to one slow archive at once: each waits its turn, each is rescued."""
    db = open_db(tmp_path / "archive.db", create=True)
    sites = [LocalServer() for _ in range(6)]
    with LocalServer(delay=0.2) as archive_server:
        wayback = FakeArchive(archive_server)
        for site in sites:
            site.__enter__()
            site.routes = {"/robots.txt": lambda h: h.send(404, b"")}
            wayback.captures[site.url("/gone")] = [("20120301000000", 200, html("Turnout", TEXT), "text/html")]
            db["sources"].insert({"url": site.url("/gone")})
        try:
            from checker.store.sources import select_sources

            options = CheckOptions(concurrency=6, min_interval=0, timeout=1.0, allow_addresses=("127.0.0.1/32",),
                                   wayback_base=archive_server.url(""), archive_interval=0.3)
            summary = run_checks(db, select_sources(db), options)
        finally:
            for site in sites:
                site.__exit__(None, None, None)
    assert summary.rescued == 6, summary.report()
    archived = db.execute("select outcome from checks where via_archive = 1").fetchall()
    assert archived == [("ok",)] * 6
    db.conn.close()
