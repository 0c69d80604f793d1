import pytest

from checker.errors import InvalidURL
from checker.urls import normalise_url

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
]


@pytest.mark.parametrize("url,expected", NORMALISED)
def test_normalise_url(url, expected):
    assert normalise_url(url) == expected


@pytest.mark.parametrize("url,reason", REFUSED)
def test_refused_urls(url, reason):
    with pytest.raises(InvalidURL) as e:
        normalise_url(url)
    assert reason.lower() in str(e.value).lower()
