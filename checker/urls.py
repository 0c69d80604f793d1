"""Source URL validation and normalisation (pure functions)."""
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from .errors import InvalidURL

DEFAULT_PORTS = {"http": 80, "https": 443}

# Characters a URL may not hold as typed (percent-encoded, they stay allowed): what a reader cannot see
# or that reorders what they see. Control (Cc), format (Cf: the bidi controls U+202A-U+202E,
# U+2066-U+2069, U+200E, U+200F, U+061C, zero-width spaces and joiners, soft hyphen, byte-order mark,
# tags) and lone surrogates (Cs, which no database stores); and letters drawn as nothing: the Hangul
# fillers and the combining grapheme joiner. The IDNA codec would silently drop some of them from a
# host name, so that the address shown is not the one stored.
HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs"}
INVISIBLE_LETTERS = {"\u034f", "\u115f", "\u1160", "\u3164", "\uffa0"}


def hidden_character(text: str) -> str | None:
    """The first character of text that a reader cannot see or that reorders the rest, or None."""
    for ch in text:
        if unicodedata.category(ch) in HIDDEN_CATEGORIES or ch in INVISIBLE_LETTERS:
            return ch
    return None


def describe_character(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE'; a character without a name (a control) is its code point alone."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def normalise_url(url: str | None) -> str:
    """Return the canonical spelling of an http(s) URL, or raise InvalidURL.

    Scheme and host are lower-cased (the host IDNA-encoded), a default port and
    the fragment are dropped, and an empty path becomes ``/``. Path and query
    are kept as given: servers may treat their case and order as meaningful.
    """
    if url is None or not str(url).strip():
        raise InvalidURL(url or "", "is empty")
    url = str(url).strip()
    if any(ch.isspace() for ch in url):
        raise InvalidURL(url, "contains whitespace")
    hidden = hidden_character(url)
    if hidden:
        raise InvalidURL(url, f"contains an invisible or control character ({describe_character(hidden)})")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as e:
        raise InvalidURL(url, str(e))
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise InvalidURL(url)
    host = parts.hostname
    if not host:
        raise InvalidURL(url, "has no host")
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    else:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise InvalidURL(url, "has an invalid host name")
    netloc = host
    if parts.username or parts.password:
        raise InvalidURL(url, "must not carry a user name or password")
    if port == 0:
        raise InvalidURL(url, "port 0 is not a port a server listens on")
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc = f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def web_url(value: str | None) -> str | None:
    """The value when it is an absolute http(s) URL, else None: every link a page renders passes here,
    so that no stored text becomes a javascript: or data: link."""
    try:
        normalise_url(value)
    except InvalidURL:
        return None
    return str(value).strip()


def http_urls(urls: Iterable[str]) -> list[str]:
    """The normalised http(s) URLs among urls, each once, in order; anything else is dropped."""
    kept: dict[str, None] = {}
    for url in urls:
        try:
            kept.setdefault(normalise_url(url))
        except InvalidURL:
            continue
    return list(kept)
