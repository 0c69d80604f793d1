"""Source URL validation and normalisation (pure functions)."""
from urllib.parse import urlsplit, urlunsplit

from .errors import InvalidURL

DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_url(url):
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


def web_url(value):
    """The value when it is an absolute http(s) URL, else None: every link a page renders passes here,
    so that no stored text becomes a javascript: or data: link."""
    try:
        normalise_url(value)
    except InvalidURL:
        return None
    return str(value).strip()
