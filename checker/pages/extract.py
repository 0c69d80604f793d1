"""Bytes, HTML and PDF to text, title, headings and canonical URL. Pure: no network, no DB."""
import codecs
import io
import re
from dataclasses import dataclass
from urllib.parse import urljoin

import charset_normalizer
from bs4 import BeautifulSoup

from ..errors import InvalidInput, UnsupportedType
from .locale import declared_language

# Elements whose text is not the page's content.
DROPPED_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "iframe")

# The encodings that detection chooses among: those text on the web and on desks is written in. On short
# texts, detection left to itself picks DOS and Mac code pages that nobody uses for news.
DETECTABLE = (
    "utf_8", "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "latin_1",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_15", "koi8_r", "gb18030", "big5", "shift_jis", "euc_jp",
    "euc_kr", "cp932", "cp949",
)
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
PDF_TYPES = ("application/pdf", "application/x-pdf")

@dataclass
class Extracted:
    text: str
    title: str | None
    canonical_url: str | None
    content_type: str
    headings: tuple[str, ...] = ()
    unread_pages: int = 0  # a PDF's pages not read, past the text's limit
    lang: str | None = None  # the language an HTML page declares ("en-GB"), as pages/locale.py reads it


def media_type(content_type_header: str | None) -> tuple[str | None, str | None]:
    """'text/html; charset=utf-8' -> ('text/html', 'utf-8')."""
    if not content_type_header:
        return None, None
    parts = [p.strip() for p in content_type_header.split(";")]
    charset = None
    for p in parts[1:]:
        name, _, value = p.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return parts[0].lower() or None, charset


def sniff(body: bytes) -> str | None:
    """A media type from the first bytes, for bodies served without a usable header."""
    head = body[:512].lstrip().lower()
    if body[:5] == b"%PDF-":
        return "application/pdf"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<title")) or b"<html" in head:
        return "text/html"
    if body[:8] == b"\x89PNG\r\n\x1a\n" or body[:3] == b"\xff\xd8\xff" or body[:4] in (b"GIF8", b"PK\x03\x04"):
        return "application/octet-stream"
    return None


SPACES = str.maketrans("\t\u00a0", "  ")  # \r, \f and \v end lines (str.splitlines)
RUNS_OF_SPACES = re.compile(" {2,}")


def tidy(text: str) -> str:
    """Collapse runs of spaces, tabs and no-break spaces into one space; drop blank lines."""
    text = text.translate(SPACES)
    if "  " in text:  # the check costs far less than a substitution over the whole page
        text = RUNS_OF_SPACES.sub(" ", text)
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def extract_html(body: bytes, charset: str | None = None, url: str | None = None) -> Extracted:
    # bs4 weighs the header's charset, then <meta>, then detection.
    soup = BeautifulSoup(body, "html.parser", from_encoding=charset)
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    canonical = None
    for link in soup.find_all("link", href=True):
        rel: str | list[str] = link.get("rel") or []
        if "canonical" in [r.lower() for r in (rel if isinstance(rel, list) else [rel])]:
            canonical = urljoin(url or "", str(link["href"]).strip())
            break
    lang = declared_language(soup)
    for tag in soup(DROPPED_TAGS):
        tag.decompose()
    headings = tuple(h.get_text(" ", strip=True) for h in soup.find_all(["h1", "h2"])[:3])
    root = soup.body or soup
    return Extracted(tidy(root.get_text("\n")), title or None, canonical, "text/html", headings, lang=lang)


def extract_pdf(body: bytes, max_chars: int | None = None) -> Extracted:
    """A PDF's text and title. max_chars: stop reading pages once the text has passed it (the pages
    left are counted in unread_pages)."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(body))
        pages: list[str] = []
        length, unread = 0, 0
        for number, page in enumerate(reader.pages):
            if max_chars is not None and length > max_chars:
                unread = len(reader.pages) - number
                break
            pages.append(page.extract_text() or "")
            length += len(pages[-1]) + 1
        title = reader.metadata.title if reader.metadata else None
    except Exception as e:  # pypdf raises many types for broken files
        raise UnsupportedType(f"application/pdf (unreadable: {e})")
    return Extracted(tidy("\n".join(pages)), title or None, None, "application/pdf", unread_pages=unread)


def decode_text(body: bytes, charset: str | None = None) -> str | None:
    """The text of a plain-text body, or None when no encoding reads it: the declared charset, a
    byte-order mark, strict UTF-8, then detection (charset-normalizer) among DETECTABLE."""
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; read the bytes instead
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return body.decode("utf-16")
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in body:
        return None  # binary, not text in a single-byte or multibyte encoding
    matches = list(charset_normalizer.from_bytes(body, cp_isolation=list(DETECTABLE)))
    if not matches:
        return None
    # Ties are common between code pages that share most letters (cp1250 and cp1252 on French):
    # the one listed first in DETECTABLE, the more widely used, wins.
    best = min(matches, key=lambda m: (m.chaos, -m.coherence, DETECTABLE.index(m.encoding)))
    return str(best)


def read_text(body: bytes, name: str) -> str:
    """The text of a file a user gave us, in whatever encoding; refused in one line when it is not text."""
    text = decode_text(body)
    if text is None:
        raise InvalidInput(f"{name} is not text in any encoding checker reads (is it a binary file?)")
    return text


def extract_plain(body: bytes, charset: str | None = None) -> Extracted:
    text = decode_text(body, charset)
    if text is None:
        raise UnsupportedType("text/plain (in no encoding we can read)")
    return Extracted(tidy(text), None, None, "text/plain")


def extract(body: bytes, content_type_header: str | None = None, url: str | None = None) -> Extracted:
    """Read a body by its media type (sniffed when the header is missing or generic)."""
    mime, charset = media_type(content_type_header)
    if mime in (None, "application/octet-stream", "binary/octet-stream"):
        mime = sniff(body) or mime
    if mime in HTML_TYPES:
        return extract_html(body, charset, url)
    if mime in PDF_TYPES:
        return extract_pdf(body)
    if mime in TEXT_TYPES:
        return extract_plain(body, charset)
    raise UnsupportedType(mime)
