"""Local HTTP(S) servers for the tests: every behaviour a cited page can show, on 127.0.0.1."""
import functools
import gzip
import http.server
import json
import socket
import ssl
import struct
import threading
import time
from urllib.parse import parse_qs, urlsplit

PAGE = """<!doctype html><html><head><title>{title}</title>
<link rel="canonical" href="/canonical/{slug}"><style>body {{ color: red }}</style>
<script>var hidden = "script text";</script></head>
<body><nav>Home | About | Contact</nav><h1>{title}</h1>
<p>{text}</p><footer>Copyright footer</footer></body></html>"""

TRADE_TEXT = "Two-way trade between Russia and Pakistan reached US$630 million in 2008."


def html(title, text, slug="page"):
    return PAGE.format(title=title, text=text, slug=slug).encode("utf-8")


def minimal_pdf(text, *more):
    """A PDF whose pages (one, or one for each text given) show their text in Helvetica."""
    texts = (text, *more)
    font = 3 + 2 * len(texts)  # the catalog, the page tree, then a page and its content stream for each text
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
                   b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(len(texts))), len(texts))]
    for i, page_text in enumerate(texts):
        stream = f"BT /F1 12 Tf 72 720 Td ({page_text}) Tj ET".encode("latin-1")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * i, font))
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


@functools.lru_cache(maxsize=None)
def gzip_bomb(size):
    """100 MB of zeros gzipped: made once per test process, before any request asks for it (compressing it
    inside the handler took longer than the fetcher's timeout on a busy machine, and the test saw a timeout)."""
    return gzip.compress(b"\0" * size, compresslevel=9)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Answer at once, as web servers do (nginx sets TCP_NODELAY on kept-alive connections): with
    # Nagle's algorithm the body waits for the client's delayed ACK of the headers, 40 ms a request.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def do_GET(self):
        server = self.server
        started = time.monotonic()
        self.answered = None
        with server.lock:
            server.log.append({"path": self.path, "headers": dict(self.headers), "start": started,
                               "client": self.client_address,
                               "server_name": getattr(self.connection, "server_name", None)})
            entry = server.log[-1]
            server.in_flight += 1
            server.max_in_flight = max(server.max_in_flight, server.in_flight)
        try:
            if server.delay:
                time.sleep(server.delay)
            route = server.routes.get(urlsplit(self.path).path) or server.fallback
            route(self)
        finally:
            with server.lock:
                server.in_flight -= 1
                # when the answer went out, not when this thread next ran: a thread descheduled after
                # its last write would make the client's pause before its next request look shorter
                entry["end"] = self.answered or time.monotonic()

    # helpers for routes
    def send(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.answered = time.monotonic()  # the client cannot have the whole answer before this
        self.wfile.write(body)
        self.server.bytes_sent += len(body)

    def redirect(self, location, status=302):
        self.send(status, b"", None, [("Location", location)])


class LocalServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host="127.0.0.1", routes=None, delay=0.0, *, port=0, tls=None):
        """``tls``: a certificate (a trustme LeafCert) to serve https with; each request's log entry
        then names the server name (SNI) its client asked for, None when it asked for none."""
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        super().__init__((host, port), Handler)
        self.routes = routes or {}
        self.fallback = lambda h: h.send(404, html("Not Found", "There is nothing here."))
        self.lock = threading.Lock()
        self.log = []
        self.clients = []  # every connection accepted, whether or not a request followed
        self.in_flight = 0
        self.max_in_flight = 0
        self.bytes_sent = 0
        self.delay = delay
        self.state = {}
        self.tls = None
        if tls is not None:
            self.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            tls.configure_cert(self.tls)
            self.tls.sni_callback = remember_server_name
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def verify_request(self, request, client_address):
        with self.lock:
            self.clients.append(client_address)
        return True

    def clients_until_now(self):
        """The connections accepted so far, every one made before this call included: the kernel
        hands connections over in order, so once a connection of our own is accepted, so is each
        earlier one. Ours is left out."""
        with socket.create_connection(self.server_address[:2], timeout=5) as marker:
            mark = marker.getsockname()[:2]
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                with self.lock:
                    addresses = [c[:2] for c in self.clients]
                if mark in addresses:
                    return self.clients[:addresses.index(mark)]
                time.sleep(0.01)
        raise AssertionError(f"{self.url()} accepted no connection within 5 s")

    def finish_request(self, request, client_address):
        if self.tls is None:
            return super().finish_request(request, client_address)
        # The handshake happens here, in the connection's own thread, so a stalled one blocks no other
        try:
            request = self.tls.wrap_socket(request, server_side=True)
        except OSError:
            return  # a client that refused our certificate, or a test's marker connection
        try:
            super().finish_request(request, client_address)
        finally:
            self.shutdown_request(request)

    def handle_error(self, request, client_address):
        pass  # resets and timeouts are what these servers are for

    @property
    def port(self):
        return self.server_address[1]

    def url(self, path="/", host=None):
        host = host or self.server_address[0]
        host = f"[{host}]" if ":" in host else host
        return f"{'https' if self.tls else 'http'}://{host}:{self.port}{path}"

    def count(self, key):
        with self.lock:
            self.state[key] = self.state.get(key, 0) + 1
            return self.state[key]

    def requests_to(self, path):
        return [e for e in self.log if urlsplit(e["path"]).path == path]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


def remember_server_name(sock, server_name, context):
    """The SNI callback: keep the name the client asked for on its connection, for the log."""
    sock.server_name = server_name


# --- the behaviours ---------------------------------------------------------------------

def drip(h, chunk, times, pause):
    """Write chunk times over, pause seconds apart, until done or the client hangs up."""
    try:
        for _ in range(times):
            h.wfile.write(chunk)
            h.wfile.flush()
            time.sleep(pause)
    except OSError:
        pass


def slow_drip(h):
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "10000")
    h.end_headers()
    drip(h, b"x", 10000, 0.2)


def never_answers(h):
    time.sleep(30)


def reset_connection(h):
    # SO_LINGER with a zero timeout makes close() send RST.
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.connection.close()
    h.close_connection = True


def huge_body(h, size=50 * 1024 * 1024, declare=True):
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    if declare:
        h.send_header("Content-Length", str(size))
    else:
        h.send_header("Connection", "close")
    h.end_headers()
    block = b"<p>" + b"a" * 65533
    sent = 0
    try:
        while sent < size:
            h.wfile.write(block)
            sent += len(block)
    except OSError:
        pass
    h.close_connection = True


BOMB_SIZE = 100 * 1024 * 1024


def bomb(h):
    h.send(200, gzip_bomb(BOMB_SIZE), "text/html", [("Content-Encoding", "gzip")])


def flaky(h):
    if h.server.count("flaky") == 1:
        h.send(503, b"busy", "text/plain", [("Retry-After", "1")])
    else:
        h.send(200, html("Back again", TRADE_TEXT, "flaky"))


def etag_page(h):
    if h.headers.get("If-None-Match") == '"v1"':
        h.send_response(304)
        h.send_header("ETag", '"v1"')
        h.end_headers()
        return
    h.send(200, html("Trade figures", TRADE_TEXT, "etag"), headers=[("ETag", '"v1"'), ("Last-Modified", "Wed, 21 Mar 2012 10:00:00 GMT")])


CP1251_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    "<title>Российско-пакистанские отношения</title></head>"
    "<body><p>Товарооборот между Россией и Пакистаном в 2008 году составил 630 млн долларов США.</p></body></html>"
)


def standard_routes(server, refused_host="127.0.0.2"):
    """The matrix of behaviours, keyed by path."""
    r = {}
    r["/"] = lambda h: h.send(200, html("Welcome", "The front page of the site.", "home"))
    r["/robots.txt"] = lambda h: h.send(200, b"User-agent: *\nDisallow: /private\n", "text/plain")
    r["/ok"] = lambda h: h.send(200, html("Trade figures", TRADE_TEXT, "ok"))
    r["/missing"] = lambda h: h.send(404, html("Not Found", "No such page"))
    r["/gone"] = lambda h: h.send(410, html("Gone", "Removed"))
    r["/forbidden"] = lambda h: h.send(403, html("Forbidden", "Bots are not welcome"))
    r["/login"] = lambda h: h.send(401, html("Log in", "Subscribers only"), headers=[("WWW-Authenticate", "Basic")])
    r["/error"] = lambda h: h.send(500, html("Error", "Something broke"))
    r["/flaky"] = flaky
    r["/busy"] = lambda h: h.send(429, b"slow down", "text/plain", [("Retry-After", "0")])
    r["/chain/1"] = lambda h: h.redirect("/chain/2", 301)
    r["/chain/2"] = lambda h: h.redirect(server.url("/chain/3"), 302)
    r["/chain/3"] = lambda h: h.redirect("/ok", 307)
    r["/loop/a"] = lambda h: h.redirect("/loop/b")
    r["/loop/b"] = lambda h: h.redirect("/loop/a")
    r["/to-root"] = lambda h: h.redirect("/")
    r["/to-refused"] = lambda h: h.redirect(f"http://{refused_host}:{server.port}/ok")
    r["/to-ftp"] = lambda h: h.redirect("ftp://example.com/file")
    r["/soft404"] = lambda h: h.send(200, html("Page not found", "Sorry, we could not find that page."))
    r["/slow-drip"] = slow_drip
    r["/hang"] = never_answers
    r["/huge"] = huge_body
    r["/huge-undeclared"] = lambda h: huge_body(h, 30 * 1024 * 1024, declare=False)
    gzip_bomb(BOMB_SIZE)  # (made now, not while a request waits)
    r["/bomb"] = bomb
    r["/doc.pdf"] = lambda h: h.send(200, minimal_pdf("Trade reached USD 630 million in 2008"), "application/pdf")
    r["/image.png"] = lambda h: h.send(200, PNG, "image/png")
    r["/cp1251"] = lambda h: h.send(200, CP1251_PAGE.encode("windows-1251"), "text/html")
    r["/malformed"] = lambda h: h.send(200, b"<html><title>Broken</title><body><p>Trade <b>rose<p>to <i>US$630 million</div></span> in 2008", "text/html")
    r["/notes.txt"] = lambda h: h.send(200, "Plain notes: trade was US$630 million in 2008.\n".encode(), "text/plain; charset=utf-8")
    r["/etag"] = etag_page
    r["/private/report"] = lambda h: h.send(200, html("Private", "Should never be fetched"))
    r["/reset"] = reset_connection
    return r


# --- a fake of the web archive (shapes from shared/reference/web-archives.md) ------------

class FakeArchive:
    """Captures keyed by original URL: {url: [(timestamp, status, body, content_type)]}."""

    def __init__(self, server, captures=None, rate_limited=False):
        self.server = server
        self.captures = captures or {}
        self.rate_limited = rate_limited
        server.fallback = self.route

    def route(self, h):
        if self.rate_limited:
            return h.send(429, b"Too Many Requests", "text/plain", [("Retry-After", "0")])
        parts = urlsplit(h.path)
        query = parse_qs(parts.query)
        if parts.path == "/wayback/available":
            return self.available(h, query)
        if parts.path == "/cdx/search/cdx":
            return self.cdx(h, query)
        if parts.path.startswith("/web/"):
            return self.replay(h, h.path[len("/web/"):])
        h.send(404, b"not here", "text/plain")

    def _good(self, url):
        return sorted((c for c in self.captures.get(url, []) if c[1] == 200), key=lambda c: c[0])

    def available(self, h, query):
        url = query["url"][0]
        body = {"url": url, "archived_snapshots": {}}
        if "timestamp" in query:
            body["timestamp"] = query["timestamp"][0]
        good = self._good(url)
        if good:
            want = query.get("timestamp", ["99999999999999"])[0].ljust(14, "0")
            closest = min(good, key=lambda c: abs(int(c[0]) - int(want)))
            body["archived_snapshots"]["closest"] = {
                "status": "200", "available": True, "timestamp": closest[0],
                "url": f"http://web.archive.org/web/{closest[0]}/{url}",
            }
        h.send(200, json.dumps(body).encode(), "application/json")

    def cdx(self, h, query):
        url = query["url"][0]
        rows = sorted(self.captures.get(url, []), key=lambda c: c[0])
        if "statuscode:200" in query.get("filter", []):
            rows = [c for c in rows if c[1] == 200]
        if "from" in query:
            rows = [c for c in rows if c[0] >= query["from"][0].ljust(14, "0")]
        if "to" in query:
            rows = [c for c in rows if c[0] <= query["to"][0].ljust(14, "9")]
        limit = int(query.get("limit", ["0"])[0])
        if limit < 0:
            rows = rows[limit:]
        elif limit > 0:
            rows = rows[:limit]
        fields = query.get("fl", ["urlkey,timestamp,original,mimetype,statuscode,digest,length"])[0].split(",")
        values = {"urlkey": "key", "mimetype": "text/html", "digest": "D", "length": "100"}
        out = [fields] + [
            [{"timestamp": c[0], "original": url, "statuscode": str(c[1]), **values}.get(f, "-") for f in fields]
            for c in rows
        ]
        h.send(200, json.dumps(out if rows else []).encode(), "application/json")

    def replay(self, h, rest):
        stamp, _, original = rest.partition("/")
        exact = stamp.endswith("id_")
        stamp = stamp[:-3] if exact else stamp
        for ts, status, body, ctype in self.captures.get(original, []):
            if ts == stamp:
                if not exact:
                    body = b"<div id='wm-banner'>archive banner</div>" + body
                return h.send(status, body, ctype, [("Memento-Datetime", "Wed, 21 Mar 2012 10:00:00 GMT")])
        h.send(404, b"no capture", "text/plain")
