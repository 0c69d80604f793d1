"""What a page says of its own language and country: the language its HTML declares (the `lang`
attribute, a `content-language` meta, `og:locale`) or its server sends (`Content-Language`), and the
country of its address's domain (.nz, .co.uk, .com.au). Pure; reading/locales.py weighs them."""
import ipaddress
import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from lxml.html import HtmlElement

# A language tag as pages write it: "en", "en-GB", "en_NZ", "sr-Latn-RS", "en-GB-oxendict" (what
# follows the region is dropped).
LANGUAGE_TAG = re.compile(r"([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?(?:[-_][a-z0-9_-]+)?", re.I)

# Country-code domains whose owners sell them to anyone, read as generic (.io, .tv, .me ...): Google
# Search Central's list of "generic country code top-level domains", with .ai since 2024. A page at
# one says nothing of where it is from.
GENERIC_COUNTRY_DOMAINS = frozenset(
    "ad ai as bz cc cd co dj fm io la me ms nu sc sr su tk tv ws".split())

# The one country-code domain that is not its country's ISO 3166 code.
DOMAIN_TERRITORIES = {"uk": "GB"}


def language_tag(value: str | None) -> str | None:
    """A declared language as a tag ("en_gb" -> "en-GB"), or None when it is none, or names several
    ("en, fr": a page in more than one language)."""
    if not value or "," in value.strip().strip(","):
        return None
    m = LANGUAGE_TAG.fullmatch(value.strip().strip(","))
    if not m:
        return None
    language, script, region = m.groups()
    return "-".join(p for p in (language.lower(), script and script.title(), region and region.upper()) if p)


def declared_language(soup: BeautifulSoup) -> str | None:
    """The language a page's HTML declares: its root's `lang` (or `xml:lang`), else a
    `<meta http-equiv="content-language">`, else `<meta property="og:locale">`."""
    root = soup.find("html")
    return first_language(
        [root.get("lang"), root.get("xml:lang")] if root is not None else [],
        [(str(m.get("http-equiv", "")), str(m.get("property", "")), m.get("content")) for m in soup.find_all("meta")])


def tree_language(tree: HtmlElement) -> str | None:
    """declared_language for a page parsed by lxml (as trafilatura reads it)."""
    root = tree.getroottree().getroot()
    return first_language(
        [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang"), root.get("xml:lang")],
        [(m.get("http-equiv", ""), m.get("property", ""), m.get("content")) for m in root.iter("meta")])


def first_language(root_values: list[object], metas: list[tuple[str, str, object]]) -> str | None:
    """The first language tag among the root's attributes, then the content-language metas, then
    og:locale (metas as (http-equiv, property, content))."""
    candidates = list(root_values)
    candidates += [content for equiv, _, content in metas if equiv.lower() == "content-language"]
    candidates += [content for _, prop, content in metas if prop.lower() == "og:locale"]
    for candidate in candidates:
        found = language_tag(candidate if isinstance(candidate, str) else None)
        if found:
            return found
    return None


def domain_territory(url: str | None) -> str | None:
    """The country (ISO 3166 code) of an address's country-code domain: "https://www.rnz.co.nz/..."
    -> "NZ", ".co.uk" -> "GB"; None for a generic domain (.com, .org, .io), an IP address, or none."""
    try:
        host = urlsplit(url or "").hostname
    except ValueError:
        return None
    if not host:
        return None
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    label = host.rstrip(".").rsplit(".", 1)[-1].lower()
    if "." not in host.rstrip(".") or not re.fullmatch(r"[a-z]{2}", label) or label in GENERIC_COUNTRY_DOMAINS:
        return None
    return DOMAIN_TERRITORIES.get(label, label.upper())
