"""The root login link, and a new one without a restart: whoever reads the server's terminal asks the
page for a fresh link, and the server prints it there, where the first one was printed.

Datasette keeps one root token in memory and forgets it once used. A spent link here leads to a
page with one button; pressing it prints a new one-time link in the terminal, valid for
LINK_LIFETIME. Anyone may press it, since only the terminal shows the link; the link names the
address `checker serve` was started on (plugin config `address`), never the request's Host header,
which a visitor writes."""
import secrets
import sys
import time

from datasette import Forbidden, Response
from datasette.events import LoginEvent

LINK_LIFETIME = 10 * 60  # seconds a reissued link logs in; the link printed at start lasts until used
ROOT = {"id": "root"}


def token_state(given: str, current: str | None, expires_at: float | None, now: float) -> str:
    """Whether ``given`` logs in, as one word: 'valid'; 'spent' (the last link was used, none is
    waiting); 'expired' (the waiting link outlived LINK_LIFETIME); 'wrong' (not the waiting link)."""
    if not current:
        return "spent"
    if expires_at is not None and now >= expires_at:
        return "expired"
    if not given or not secrets.compare_digest(given, current):
        return "wrong"
    return "valid"


WHY = {
    "spent": "This login link has been used: each link logs in once.",
    "expired": f"This login link has expired: a new link works for {LINK_LIFETIME // 60} minutes.",
    "wrong": "This is not the login link the server printed last (or it was mistyped).",
}


def login_url(address: str | None, path: str, token: str) -> str:
    """The link to print: the server's own address when known, else the path alone."""
    return f"{(address or '').rstrip('/')}{path}?token={token}"


def _expires_at(datasette) -> float | None:
    return getattr(datasette, "_checker_login_expires", None)


async def _page(datasette, request, why: str | None, printed: bool = False, status: int = 200):
    html = await datasette.render_template("checker_login_link.html", {
        "why": why, "printed": printed, "lifetime_minutes": LINK_LIFETIME // 60}, request=request)
    return Response.html(html, status=status)


async def auth_token(datasette, request):
    """/-/auth-token?token=...: Datasette's root login, plus the way to a new link once it is spent."""
    if not datasette.root_enabled:
        raise Forbidden("This server was started without a root login")
    if (request.actor or {}).get("id") == ROOT["id"]:
        return Response.redirect(datasette.urls.instance())
    state = token_state(request.args.get("token") or "", datasette._root_token, _expires_at(datasette), time.time())
    if state != "valid":
        return await _page(datasette, request, WHY[state], status=403)
    datasette._root_token = None  # one use
    response = Response.redirect(datasette.urls.instance())
    datasette.set_actor_cookie(response, ROOT)
    await datasette.track_event(LoginEvent(actor=ROOT))
    return response


async def login_link(datasette, request):
    """/-/login-link: a GET shows the button; a POST prints a login link in the server's terminal (the
    waiting one, while it is valid, so that pressing again cannot spoil a link about to be used)."""
    if not datasette.root_enabled:
        raise Forbidden("This server was started without a root login")
    if request.method != "POST":
        return await _page(datasette, request, None)
    if token_state(datasette._root_token or "", datasette._root_token, _expires_at(datasette), time.time()) != "valid":
        datasette._root_token = secrets.token_hex(32)
        datasette._checker_login_expires = time.time() + LINK_LIFETIME
    address = (datasette.plugin_config("checker") or {}).get("address")
    link = login_url(address, datasette.urls.path("/-/auth-token"), datasette._root_token)
    print(f"A new login link for root (it works once, for {LINK_LIFETIME // 60} minutes): {link}",
          file=sys.stdout, flush=True)
    return await _page(datasette, request, None, printed=True)


ROUTES = [
    (r"^/-/auth-token$", auth_token),
    (r"^/-/login-link$", login_link),
]
