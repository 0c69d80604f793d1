"""What a page's own metadata says of its article: the headline and the day it was published, read
from schema.org JSON-LD (an Article's `headline`, `datePublished`) and then from meta tags
(`og:title`; `article:published_time`, `datePublished`), before anything found in the text: a heading
inside the page may be a section's, and a date in its text may be another story's. A date may be
written for people ("December 29 2014 9:11pm") as well as in ISO 8601. Pure."""
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from htmldate.extractors import try_date_expr
from lxml.html import HtmlElement

from ..text import clean, is_partial_date
from .claimreview import compact, first, json_ld_items, text_of, types_of

# schema.org's Article and the kinds of it news sites use (and a WebPage's mainEntity often is one).
ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting",
    "SocialMediaPosting", "Report", "ScholarlyArticle", "TechArticle", "SatiricalArticle",
})

# Meta tags that give the publication time, in the order they are trusted (property or name or itemprop).
DATE_METAS = ("article:published_time", "og:article:published_time", "datepublished", "pubdate",
              "publishdate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created")
TITLE_METAS = ("og:title", "twitter:title")

ISO_DAY = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")
YEAR = re.compile(r"(?<!\d)(?:1[89]|2\d)\d\d(?!\d)")
DAY_OR_MONTH = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}(?!\d)")  # "03/04/2014": US or not?
EARLIEST, LATEST = datetime(1800, 1, 1), datetime(2200, 1, 1)  # any real day: as an ISO date is taken, unbounded


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD, the day as the page writes it (its own time zone)
    dated: bool = False  # the metadata gives a publication time, readable or not
    page_title: str | None = None  # the <title>, which may name the site after the headline ("... | Fox News")


def day_of(value: Any) -> str | None:
    """The day a publication time gives, when it is a real day: an ISO 8601 time or date
    ("2013-11-27T03:00:00-05:00" -> "2013-11-27") or one written for people ("December 29 2014 9:11pm",
    "29 décembre 2014 à 21h11"), read by htmldate's parser (trafilatura's, for the date it finds itself);
    None otherwise, and for one whose day and month could be read either way ("03/04/2014")."""
    if not isinstance(value, str):
        return None
    m = ISO_DAY.match(value)
    if m:  # an ISO date that is no day ("2023-02-30") is no date at all, not one to read another way
        return m.group(1) if is_partial_date(m.group(1), partial=False) else None
    if not YEAR.search(value) or any(a != b and int(a) <= 12 and int(b) <= 12 for a, b in DAY_OR_MONTH.findall(value)):
        return None  # a time with no year is relative ("2 hours ago", "Monday 9:11pm")
    day = try_date_expr(" ".join(value.split()), "%Y-%m-%d", True, EARLIEST, LATEST)
    return day if day and is_partial_date(day, partial=False) else None


def article_nodes(value: Any, depth: int = 0) -> list[dict[str, Any]]:
    """The Article objects anywhere in compacted JSON-LD (in arrays, @graph, a page's mainEntity)."""
    if depth > 8:  # metadata nests shallowly; a deeper Article is some other story's
        return []
    if isinstance(value, list):
        return [n for item in value for n in article_nodes(item, depth + 1)]
    if not isinstance(value, dict):
        return []
    found = [value] if types_of(value) & ARTICLE_TYPES else []
    for key in ("@graph", "mainEntity", "mainEntityOfPage"):
        found += article_nodes(value.get(key), depth + 1)
    return found


def meta_index(root: HtmlElement) -> dict[str, list[str]]:
    """The content of a page's meta tags by name (property, name or itemprop, in lower case), in page
    order; with the datetime of any element whose itemprop is datePublished (<time itemprop=...>)."""
    by_name: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        content = meta.get("content")
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key:
                by_name.setdefault(key, []).append(content)
    for element in root.xpath('//*[@itemprop="datePublished"][@datetime]'):
        by_name.setdefault("datepublished", []).append(element.get("datetime"))
    return by_name


def page_metadata(root: HtmlElement) -> PageMetadata:
    """The headline and publication day a page's metadata gives, each None where it gives none, and
    whether it gives a publication time at all (one that is no day, "2023-02-30", is then no date:
    not a reason to guess one from elsewhere)."""
    items, _ = json_ld_items(root)
    articles = article_nodes(compact(items))
    metas = meta_index(root)

    def named(names: tuple[str, ...]) -> list[str]:
        return [v for name in names for v in metas.get(name, [])]

    title = next((t for t in (clean(text_of(a.get("headline"))) for a in articles) if t), None)
    declared = [first(a.get("datePublished")) for a in articles] + named(DATE_METAS)
    title = title or next((t for t in map(clean, named(TITLE_METAS)) if t), None)
    published = next((d for d in map(day_of, declared) if d), None)
    return PageMetadata(title, published, any(isinstance(d, str) and d.strip() for d in declared), clean(root.findtext(".//title")))


# The site's name after a headline, past a separator ("Headline | Fox News", "Headline - Retraction Watch", "Headline :
# Nature News"); in a <title>, the last of the names after it that is no date ("Headline | Africa | DW | 21.05.2020": DW)
SEPARATOR = r"\s+[|–—:-]\s+"
SITE_TAIL = re.compile(rf"{SEPARATOR}(?P<site>[^|–—:]{{2,60}}?)\s*$")
SITE_NAME = re.compile(r"[^|–—:]*[^\W\d_][^|–—:]*")


def headline_and_site(declared: PageMetadata, title: str | None, sitename: str | None) -> tuple[str | None, str | None]:
    """The headline (declared, else `title`), without the site's name where it ends with it, and the site's name:
    `sitename` (og:site_name, as trafilatura reads it) unless that is the headline itself, which trafilatura takes
    from a title "Headline - Site" on a page that names no site; then the name after the headline in that title or
    in the page's <title> ("Headline | Fox News")."""
    title = declared.title or title
    if not title:
        return title, sitename
    folded = title.casefold()
    taken = bool(sitename) and folded.startswith((sitename or "").casefold()) and len(sitename or "") * 2 > len(title)
    sitename = None if taken else sitename  # (the headline, no site's name)
    tail = SITE_TAIL.search(title)
    page = declared.page_title or ""
    rest = page[len(title):] if page.casefold().startswith(folded) else ""
    if tail and (taken or tail.group("site").casefold() in (sitename or rest).casefold()):
        # ("Headline - Retraction Watch", when the page says "Retraction Watch" is its name, or trafilatura took the rest)
        return title[:tail.start()].strip(), sitename or tail.group("site").strip()
    names = [part.strip() for part in re.split(SEPARATOR, rest)[1:] if SITE_NAME.fullmatch(part.strip())] \
        if re.match(SEPARATOR, rest) else []
    if sitename is None and names:
        return title, names[-1]
    return title, sitename
