"""Extraction and soft-404 signs, from tables of cases: bytes in, text, title and canonical URL out."""
import pytest

from checker.errors import UnsupportedType
from checker.pages.extract import extract, extract_pdf, media_type, sniff, tidy
from checker.pages.soft404 import redirected_to_root, says_not_found

from .servers import CP1251_PAGE, PNG, minimal_pdf

PAGE = (b"<!doctype html><html><head><title> Budget 2026 </title><link rel='canonical' href='/budget'>"
        b"<script>var x = 'script text';</script><style>p {color: red}</style></head><body>"
        b"<nav>Home | World | Sport</nav><header>Site header</header>"
        b"<article><h1>Budget 2026</h1><p>The deficit fell to NZ$1.2 billion.</p></article>"
        b"<aside>Related: other stories</aside><form>Search</form><footer>Copyright</footer></body></html>")

# body, Content-Type header, URL -> (content type, title, canonical URL, words present, words absent)
CASES = [
    ("html page", PAGE, "text/html; charset=utf-8", "https://news.example/2026/budget",
     ("text/html", "Budget 2026", "https://news.example/budget", ["deficit fell to NZ$1.2 billion"],
      ["script text", "color: red", "Home | World", "Site header", "Related", "Search", "Copyright"])),
    ("html without a header is sniffed", PAGE, None, None,
     ("text/html", "Budget 2026", "/budget", ["NZ$1.2 billion"], ["Copyright"])),
    ("html served as octet-stream", PAGE, "application/octet-stream", None,
     ("text/html", "Budget 2026", "/budget", ["NZ$1.2 billion"], [])),
    ("windows-1251 declared in meta", CP1251_PAGE.encode("windows-1251"), "text/html", None,
     ("text/html", "Российско-пакистанские отношения", None, ["Товарооборот между Россией"], [])),
    ("latin-1 declared in the header", "<p>Le déficit atteint 3,1 % du PIB</p>".encode("latin-1"),
     "text/html; charset=ISO-8859-1", None, ("text/html", None, None, ["Le déficit atteint 3,1 % du PIB"], [])),
    ("plain text in utf-8", "Population: 5.1 million (2023 census).\n\n  Next line  ".encode(), "text/plain; charset=utf-8",
     None, ("text/plain", None, None, ["Population: 5.1 million (2023 census).\nNext line"], [])),
    ("plain text in windows-1252 without a charset", "The fine was €2.5 million – a record.".encode("windows-1252"),
     "text/plain", None, ("text/plain", None, None, ["The fine was €2.5 million – a record."], [])),
    ("a pdf", minimal_pdf("Turnout reached 67 percent in 2024"), "application/pdf", None,
     ("application/pdf", None, None, ["Turnout reached 67 percent in 2024"], [])),
    ("a pdf served without a type", minimal_pdf("Budget of Rs 5 crore"), None, None,
     ("application/pdf", None, None, ["Budget of Rs 5 crore"], [])),
    ("malformed html", b"<html><title>Broken</title><body><p>Trade <b>rose<p>to <i>US$630 million</div></span> in 2008",
     "text/html", None, ("text/html", "Broken", None, ["rose", "US$630 million", "in 2008"], [])),
]


@pytest.mark.parametrize("name,body,header,url,expected", CASES, ids=[c[0] for c in CASES])
def test_extract(name, body, header, url, expected):
    content_type, title, canonical, present, absent = expected
    page = extract(body, header, url)
    assert (page.content_type, page.title, page.canonical_url) == (content_type, title, canonical)
    for words in present:
        assert words in page.text, page.text
    for words in absent:
        assert words not in page.text, page.text


@pytest.mark.parametrize("body,header", [
    (PNG, "image/png"),
    (PNG, None),
    (b"PK\x03\x04zipped", "application/zip"),
    (b"%PDF-1.4 this is not really a pdf", "application/pdf"),
])
def test_what_we_do_not_read_is_refused(body, header):
    with pytest.raises(UnsupportedType):
        extract(body, header)


@pytest.mark.parametrize("header,expected", [
    ("text/html; charset=UTF-8", ("text/html", "utf-8")),
    ('text/html; charset="windows-1251"', ("text/html", "windows-1251")),
    ("TEXT/PLAIN", ("text/plain", None)),
    ("application/pdf; name=report.pdf", ("application/pdf", None)),
    ("", (None, None)),
    (None, (None, None)),
])
def test_media_type(header, expected):
    assert media_type(header) == expected


@pytest.mark.parametrize("text,expected", [
    ("Turnout  was\t67 %", "Turnout was 67 %"),
    ("NZ$\u00a01.2\u00a0\u00a0billion", "NZ$ 1.2 billion"),  # no-break spaces are spaces
    ("  first line  \n\n \t \n  second\r\nthird\fend", "first line\nsecond\nthird\nend"),
    ("\u2003em-spaced line\u2003\n\u3000\n", "em-spaced line"),  # other spaces only at the ends
    ("Fine 1\u2009200 euros", "Fine 1\u2009200 euros"),  # a thin space inside a figure stays
    ("", ""),
])
def test_tidy(text, expected):
    assert tidy(text) == expected


@pytest.mark.parametrize("body,expected", [
    (b"%PDF-1.7\n...", "application/pdf"),
    (b"  <!DOCTYPE html><html>", "text/html"),
    (b"<title>x</title>", "text/html"),
    (PNG, "application/octet-stream"),
    (b"\xff\xd8\xff\xe0jpeg", "application/octet-stream"),
    (b"just some words", None),
])
def test_sniff(body, expected):
    assert sniff(body) == expected


@pytest.mark.parametrize("title,heading,expected", [
    ("Page not found", None, True),
    ("404 | Example News", None, True),
    ("Example News", "Sorry, this page no longer exists", True),
    ("Страница не найдена", None, True),
    ("Página no encontrada", None, True),
    ("Budget 2026: what was found in the audit", None, False),  # "found" alone is not "not found"
    ("Election results 2024", "Turnout at 67%", False),
    (None, None, False),
])
def test_says_not_found(title, heading, expected):
    page = extract(f"<title>{title or ''}</title><h1>{heading or ''}</h1><p>x</p>".encode(), "text/html")
    assert says_not_found(page) is expected


@pytest.mark.parametrize("requested,final,expected", [
    ("https://a.example/2012/03/story", "https://a.example/", True),
    ("https://a.example/2012/03/story", "https://a.example", True),
    ("https://a.example/2012/03/story", "https://a.example/?utm=1", False),
    ("https://a.example/", "https://a.example/", False),
    ("https://a.example/story", "https://a.example/story", False),
    ("https://a.example/story", "https://a.example/new-story", False),
])
def test_redirected_to_root(requested, final, expected):
    assert redirected_to_root(requested, final) is expected


@pytest.mark.parametrize("text,encoding", [
    ("Товарооборот между Россией и Пакистаном в 2008 году", "windows-1251"),
    ("Товарооборот между Россией и Пакистаном в 2008 году", "koi8-r"),
    ("Ο προϋπολογισμός αυξήθηκε κατά 5% το 2024", "cp1253"),
    ("预算增加了百分之五，达到一百亿元。", "gb18030"),
    ("予算は5%増加し、100億円に達した。", "shift_jis"),
    ("₹5 crore for the new hospital", "utf-8"),
    ("The fine was €2.5 million – a record.", "utf-8-sig"),
    ("Budget: NZ$1.2 billion", "utf-16"),
    ("Le déficit atteint 3,1 % du PIB en 2024, selon le ministère.", "windows-1252"),
])
def test_decode_text_in_any_encoding(text, encoding):
    from checker.pages.extract import decode_text

    assert decode_text(text.encode(encoding)) == text


def test_decode_text_refuses_binary_and_honours_a_declared_charset():
    from checker.pages.extract import decode_text

    assert decode_text(PNG) is None
    assert decode_text("Müller".encode("latin-1"), "iso-8859-1") == "Müller"
    assert decode_text("Müller".encode("utf-8"), "no-such-charset") == "Müller"


@pytest.mark.parametrize("pages,max_chars,text,unread", [
    (["first page", "second page", "third page"], None, "first page\nsecond page\nthird page", 0),
    (["first page", "second page", "third page"], 5, "first page", 2),  # past 5 after the first page
    (["first page", "second page", "third page"], 11, "first page\nsecond page", 1),
    (["first page", "second page", "third page"], 100, "first page\nsecond page\nthird page", 0),
])
def test_a_pdf_read_to_a_number_of_characters(pages, max_chars, text, unread):
    page = extract_pdf(minimal_pdf(*pages), max_chars=max_chars)
    assert (page.text, page.unread_pages) == (text, unread)
