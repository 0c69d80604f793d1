"""Benchmarks for `checker check`, printing figures and ratios (run by hand, not by CI).

1. Throughput: URLs spread over local hosts (ports), each answer delayed like a real site's,
   checked with --min-interval 0: wall time against the lower bound (per-host answers x delay,
   hosts in parallel); against a bare client (requests, one thread and one kept-alive connection
   per host, bodies read and dropped: what these servers allow at best); and against LinkChecker
   10.6 on the same URLs, equally unthrottled.
2. Recheck: the same URLs again, unchanged: bytes sent by the servers and time, against the first run.
3. Storage: 100 rechecks of one unchanged 100 KB page: how much the database grows.

Usage: .venv/bin/python bench/check_bench.py [--hosts 50] [--per-host 20] [--delay 0.2] [--no-linkchecker]
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from checker.check import run_checks  # noqa: E402

from checker.net.options import CheckOptions
from checker.store.sources import select_sources  # noqa: E402
from checker.store.db import open_db  # noqa: E402
from tests.servers import LocalServer  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORDS = "trade figure visit minister foreign relations cooperation energy pipeline summit treaty".split()


def page(n, size):
    rng = random.Random(n)
    words, length = [], 0
    while length < size:
        words.append(rng.choice(WORDS) + str(rng.randint(0, 999)))
        length += len(words[-1]) + 1
    return (f"<html><head><title>Page {n}</title></head><body><p>" + " ".join(words) + "</p></body></html>").encode()


def bench_routes(server, size, count):
    """Serve /page/0 .. /page/{count-1}, built before any request: a real server reads its pages, it
    does not compose them while the client waits (composing one here takes milliseconds of the
    same two cores)."""
    bodies = {f"/page/{n}": page(n, size) for n in range(count)}

    def serve(h):
        path = h.path.split("?")[0]
        if path not in bodies:
            return h.send(404, b"<html><title>Not Found</title></html>", headers=[("LinkChecker", "1")])
        body = bodies[path]
        etag = f'"{len(body)}-{path}"'
        if h.headers.get("If-None-Match") == etag:
            h.send_response(304)
            h.send_header("ETag", etag)
            h.send_header("LinkChecker", "1")
            h.end_headers()
            return
        h.send(200, body, headers=[("ETag", etag), ("LinkChecker", "1")])

    server.fallback = serve


def make_db(path, urls):
    db = open_db(path, create=True)
    db["sources"].insert_all([{"url": u} for u in urls])
    db.conn.close()


def run_checker(db_path, concurrency):
    cmd = [os.path.join(ROOT, ".venv", "bin", "checker"), "check", "--db", db_path, "--min-interval", "0",
           "--concurrency", str(concurrency), "--allow-address", "127.0.0.1/32", "--no-archive", "--timeout", "30"]
    started = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    return time.monotonic() - started, out


def bare_client(url_file):
    """Fetch the URLs as fast as these servers allow: a thread per host, one kept-alive connection
    each, every body read and dropped. Run in a process of its own, as checker is, and timed from
    outside (run_bare_client), interpreter start included."""
    import requests
    from concurrent.futures import ThreadPoolExecutor

    by_host = {}
    for url in open(url_file).read().split():
        by_host.setdefault(url.split("/")[2], []).append(url)

    def fetch_all(urls):
        with requests.Session() as session:
            for url in urls:
                session.get(url).raise_for_status()

    with ThreadPoolExecutor(len(by_host)) as pool:
        list(pool.map(fetch_all, by_host.values()))


def run_bare_client(urls, workdir):
    url_file = os.path.join(workdir, "urls.txt")
    with open(url_file, "w") as f:
        f.write("\n".join(urls))
    started = time.monotonic()
    subprocess.run([sys.executable, __file__, "--bare-client", url_file], check=True, capture_output=True)
    return time.monotonic() - started


def linkchecker_venv():
    venv = os.path.join(HERE, ".venv-linkchecker")
    exe = os.path.join(venv, "bin", "linkchecker")
    if not os.path.exists(exe):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", "linkchecker==10.6.0"], check=True)
    return exe


def run_linkchecker(urls, threads, workdir):
    exe = linkchecker_venv()
    listing = os.path.join(workdir, "links.html")
    with open(listing, "w") as f:
        f.write("<html><body>\n" + "\n".join(f'<a href="{u}">{i}</a>' for i, u in enumerate(urls)) + "\n</body></html>")
    # LinkChecker drops root privileges: let it read the files.
    os.chmod(workdir, 0o755)
    os.chmod(listing, 0o644)
    config = os.path.join(workdir, "linkcheckerrc")
    with open(config, "w") as f:
        f.write(f"[checking]\nthreads={threads}\nmaxrequestspersecond=1000\ntimeout=30\nrecursionlevel=1\n"
                "[filtering]\ncheckextern=1\n[output]\nstatus=0\nlog=none\n")
    os.chmod(config, 0o644)
    started = time.monotonic()
    result = subprocess.run([exe, "-f", config, "--check-extern", "-r", "1", "--no-status", "-o", "none", listing],
                            capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if result.returncode not in (0, 1):
        raise RuntimeError(f"linkchecker failed ({result.returncode}): {result.stderr[-500:]}")
    return elapsed


def throughput_and_recheck(args, workdir):
    servers = [LocalServer(delay=args.delay).__enter__() for _ in range(args.hosts)]
    try:
        for s in servers:
            bench_routes(s, args.page_size, args.per_host)
        urls = [s.url(f"/page/{n}") for s in servers for n in range(args.per_host)]
        db_path = os.path.join(workdir, "bench.db")
        make_db(db_path, urls)
        bound = args.per_host * args.delay
        first, out = run_checker(db_path, args.concurrency)
        first_bytes = sum(s.bytes_sent for s in servers)
        requests_first = sum(len(s.log) for s in servers)
        print(f"throughput: {len(urls)} URLs on {args.hosts} hosts, {args.delay * 1000:.0f} ms per answer, "
              f"concurrency {args.concurrency}")
        print(f"  checker: {first:.2f} s  ({out})")
        print(f"  lower bound: {bound:.2f} s ({args.per_host} answers x {args.delay * 1000:.0f} ms per host, hosts in parallel)")
        print(f"  ratio to the bound: {first / bound:.2f}x  (requests: {requests_first}, "
              f"{requests_first / args.hosts:.0f} per host incl. robots.txt and the soft-404 probe)")
        bare = run_bare_client(urls, workdir)
        print(f"  bare client: {bare:.2f} s for the same URLs (a thread and a kept-alive connection per host; "
              f"interpreter start included, as for checker): checker / bare client: {first / bare:.2f}x")
        for s in servers:
            s.bytes_sent = 0
        second, out = run_checker(db_path, args.concurrency)
        second_bytes = sum(s.bytes_sent for s in servers)
        print(f"recheck of the same {len(urls)} unchanged URLs: {second:.2f} s ({second / first:.2f}x the first run), "
              f"{second_bytes:,} body bytes against {first_bytes:,} ({100 * second_bytes / first_bytes:.1f}%)  ({out})")
        if not args.no_linkchecker:
            for s in servers:
                s.log.clear()
            lc = run_linkchecker(urls, args.concurrency, workdir)
            pages = sum(1 for s in servers for e in s.log if e["path"].startswith("/page/"))
            print(f"  LinkChecker 10.6: {lc:.2f} s for the same URLs ({pages} page requests; threads {args.concurrency}, "
                  f"maxrequestspersecond 1000, LinkChecker header sent)")
            print(f"  checker / LinkChecker: {first / lc:.2f}")
    finally:
        for s in servers:
            s.__exit__(None, None, None)


def storage(args, workdir):
    with LocalServer() as server:
        bench_routes(server, 100 * 1024, 2)
        for label, etags in (("with ETag (304s)", True), ("without ETag (full 200s)", False)):
            if not etags:
                original = server.fallback

                def no_etag(h, original=original):
                    if "If-None-Match" in h.headers:
                        del h.headers["If-None-Match"]
                    original(h)

                server.fallback = no_etag
            db_path = os.path.join(workdir, f"storage-{etags}.db")
            make_db(db_path, [server.url("/page/1")])
            db = open_db(db_path)
            options = CheckOptions(min_interval=0, allow_addresses=("127.0.0.1/32",), use_archive=False)
            run_checks(db, select_sources(db), options)
            size = db_size(db)
            for _ in range(100):
                run_checks(db, select_sources(db), options)
            grown = db_size(db) - size
            outcomes = dict(db.execute("select outcome, count(*) from checks group by outcome").fetchall())
            db.conn.close()
            print(f"storage, 100 rechecks of one unchanged 100 KB page {label}: the DB grew by {grown / 1024:.1f} KB "
                  f"(target < 50 KB; outcomes {outcomes})")


def db_size(db):
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--per-host", type=int, default=20)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--page-size", type=int, default=20 * 1024)
    parser.add_argument("--no-linkchecker", action="store_true")
    parser.add_argument("--only", choices=["throughput", "storage"])
    parser.add_argument("--bare-client", metavar="URL_FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_client:
        return bare_client(args.bare_client)
    workdir = tempfile.mkdtemp(prefix="checker-bench-")
    try:
        if args.only != "storage":
            throughput_and_recheck(args, workdir)
        if args.only != "throughput":
            storage(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
