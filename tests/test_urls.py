import unicodedata

import pytest

from checker.errors import InvalidURL
from checker.urls import http_urls, normalise_url

NORMALISED = [
    ("http://example.com", "http://example.com/"),
    ("HTTPS://Example.COM/Path?b=2&a=1", "https://example.com/Path?b=2&a=1"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("http://example.com:80/a#section", "http://example.com/a"),
    ("http://example.com:8080/a", "http://example.com:8080/a"),
    ("  https://example.com/a  ", "https://example.com/a"),
    ("https://bücher.example/x", "https://xn--bcher-kva.example/x"),
    ("http://[::1]:8000/x", "http://[::1]:8000/x"),
    ("http://www.rusconsulkarachi.mid.ru/RUSSIA-PAKISTAN.htm", "http://www.rusconsulkarachi.mid.ru/RUSSIA-PAKISTAN.htm"),
    # what is refused as typed is kept percent-encoded, and visible non-ASCII text stays as it is
    ("https://example.com/%E2%80%AEfdp.exe", "https://example.com/%E2%80%AEfdp.exe"),
    ("https://fa.example/\u0645\u0642\u0627\u0644\u0647", "https://fa.example/\u0645\u0642\u0627\u0644\u0647"),
    ("https://example.com/caf\u00e9?q=\u00fc", "https://example.com/caf\u00e9?q=\u00fc"),
]

REFUSED = [
    ("", "is empty"),
    ("   ", "is empty"),
    ("ftp://example.com/file", "http"),
    ("javascript:alert(1)", "http"),
    ("example.com/page", "http"),
    ("http://", "has no host"),
    ("http://exa mple.com/", "whitespace"),
    ("https://user:pw@example.com/", "user name"),
    ("http://example.com:99999/", "Port"),
    # bidi controls reorder what a reader sees: report.pdf\u202eexe.docx reads as report.pdfxcod.exe
    ("https://example.com/report\u202eexe.pdf", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("https://example.com/\u202aa", "U+202A LEFT-TO-RIGHT EMBEDDING"),
    ("https://example.com/\u202ba", "U+202B RIGHT-TO-LEFT EMBEDDING"),
    ("https://example.com/\u202ca", "U+202C POP DIRECTIONAL FORMATTING"),
    ("https://example.com/\u202da", "U+202D LEFT-TO-RIGHT OVERRIDE"),
    ("https://example.com/\u2066a", "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("https://example.com/\u2067a", "U+2067 RIGHT-TO-LEFT ISOLATE"),
    ("https://example.com/\u2068a", "U+2068 FIRST STRONG ISOLATE"),
    ("https://example.com/a\u2069", "U+2069 POP DIRECTIONAL ISOLATE"),
    ("https://example.com/?q=\u200e", "U+200E LEFT-TO-RIGHT MARK"),
    ("https://example.com/?q=\u200f", "U+200F RIGHT-TO-LEFT MARK"),
    ("https://example.com/#\u061c", "U+061C ARABIC LETTER MARK"),
    ("https://\u202eexample.com/", "U+202E"),
    # other format characters (Cf): invisible, and the IDNA codec would drop some from a host name
    ("https://exa\u00admple.com/", "U+00AD SOFT HYPHEN"),
    ("https://exa\u200bmple.com/", "U+200B ZERO WIDTH SPACE"),
    ("https://example.com/a\u200cb", "U+200C ZERO WIDTH NON-JOINER"),
    ("https://example.com/a\u200db", "U+200D ZERO WIDTH JOINER"),
    ("https://example.com/a\u2060b", "U+2060 WORD JOINER"),
    ("\ufeffhttps://example.com/", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ("https://example.com/\U000e0041", "U+E0041 TAG LATIN CAPITAL LETTER A"),
    ("https://example.com/\u180e", "U+180E MONGOLIAN VOWEL SEPARATOR"),
    # letters drawn as nothing
    ("https://example.com/\u3164", "U+3164 HANGUL FILLER"),
    ("https://exa\u034fmple.com/", "U+034F COMBINING GRAPHEME JOINER"),
    # control characters (Cc) and lone surrogates (Cs)
    ("https://example.com/\x00", "U+0000"),
    ("https://example.com/a\x7fb", "U+007F"),
    ("https://example.com/a\x9bb", "U+009B"),
    ("https://example.com/\ud800", "U+D800"),
]


@pytest.mark.parametrize("url,expected", NORMALISED)
def test_normalise_url(url, expected):
    assert normalise_url(url) == expected


@pytest.mark.parametrize("url,reason", REFUSED)
def test_refused_urls(url, reason):
    with pytest.raises(InvalidURL) as e:
        normalise_url(url)
    assert reason.lower() in str(e.value).lower()


def test_every_format_character_is_refused():
    """Not only the ones in the table: every character of category Cf this Python knows."""
    import sys

    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)) == "Cf":
            with pytest.raises(InvalidURL, match=f"U\\+{code:04X}"):
                normalise_url(f"https://example.com/a{chr(code)}b")


@pytest.mark.parametrize("urls,kept", [
    (["https://a.example/x", "HTTPS://A.example/x", "https://b.example"], ["https://a.example/x", "https://b.example/"]),
    (["mailto:a@example.com", "javascript:alert(1)", "/relative", "", "https://a.example/\u202e", "http://c.example/"],
     ["http://c.example/"]),
    ([], []),
])
def test_http_urls(urls, kept):
    assert http_urls(urls) == kept
