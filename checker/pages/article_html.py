"""An article's HTML to its text, metadata and cited links, purely (bytes in, an ExtractedArticle out):
trafilatura finds the main text and its metadata (htmldate its date), leaving navigation, share links,
comments, related stories and footers out; each link in that text becomes a CitedLink with the
paragraph and the sentence it stands in; extruct finds schema.org ClaimReview markup (claimreview.py)."""
import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import islice
from typing import cast
from urllib.parse import urljoin, urlsplit

import trafilatura
from bs4 import UnicodeDammit
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.settings import Document

from . import claimreview
from .furniture import drop_furniture
from .locale import tree_language
from .metadata import headline_and_site, page_metadata
from ..errors import InvalidURL, NotAnArticle
from ..limits import MAX_LINKS, MAX_PAGE_ELEMENTS, MAX_SENTENCE_CHARS, MAX_TEXT_CHARS
from ..sentences import split_sentences
from ..text import clean, is_partial_date, normalise, word_for
from ..urls import normalise_url


MIN_ARTICLE_WORDS = 30  # words of prose (paragraphs, quotations, list items: not headings or tables) for an article


# Links that share the page rather than cite anything: (host, path). A path ending in "/" is a prefix, any
# other the whole path; a host matches its subdomains too (www., m., mobile.).
SHARE_LINKS = (
    ("twitter.com", "/intent/"), ("twitter.com", "/share"), ("x.com", "/intent/"), ("x.com", "/share"),
    ("facebook.com", "/sharer/"), ("facebook.com", "/sharer.php"), ("facebook.com", "/share.php"),
    ("facebook.com", "/dialog/share"), ("facebook.com", "/dialog/feed"), ("linkedin.com", "/shareArticle"),
    ("linkedin.com", "/sharing/"), ("linkedin.com", "/cws/share"), ("reddit.com", "/submit"),
    ("pinterest.com", "/pin/create/"), ("api.whatsapp.com", "/send"), ("wa.me", "/"), ("t.me", "/share/"),
    ("telegram.me", "/share/"), ("tumblr.com", "/share"), ("tumblr.com", "/widgets/share/"),
    ("getpocket.com", "/save"), ("getpocket.com", "/edit"), ("news.ycombinator.com", "/submitlink"),
    ("bsky.app", "/intent/"), ("threads.net", "/intent/"), ("plus.google.com", "/share"), ("vk.com", "/share.php"),
    ("addtoany.com", "/share"), ("addtoany.com", "/add_to/"), ("digg.com", "/submit"),
    ("flipboard.com", "/bookmarklet/"),
)


# trafilatura's output elements that hold a paragraph of their own, and those that hold such blocks.
BLOCK_TAGS = {"p", "head", "item", "row", "code", "quote", "cell"}


CONTAINER_TAGS = {"body", "main", "doc", "list", "table", "quote", "div", "section", "details"}


PROSE_TAGS = {"p", "quote", "item"}  # where the words that make a page an article are counted


# Whitespace that tidying changes: at either end, a run of two or more, one that is neither a space nor a
# line break (\s is what str.isspace() calls a space).
CHANGED_WHITESPACE = re.compile(r"\A\s+|\s+\Z|\s{2,}|[^\S \n]")


@dataclass(frozen=True)
class CitedLink:
    url: str  # absolute http(s), normalised
    anchor: str | None  # the link's words, or None (an image)
    sentence: str  # the sentence of the article's text the link stands in
    paragraph: int  # 0 for the article's first paragraph


@dataclass
class ExtractedArticle:
    title: str
    text: str
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # YYYY-MM-DD
    canonical_url: str | None = None
    links: list[CitedLink] = field(default_factory=list)
    reviews: list[claimreview.EmbeddedReview] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was left out to stay within limits.py's bounds, in words
    lang: str | None = None  # the language the page declares ("en-US"), as pages/locale.py reads it

    @property
    def paragraphs(self) -> int:
        return self.text.count("\n\n") + 1


def extract_html_article(body: bytes, charset: str | None = None, page_url: str | None = None) -> ExtractedArticle:
    """An HTML page's article: trafilatura's main text and metadata, our links and reviews. Pure."""
    html = decode_html(body, charset)
    tree = trafilatura.load_html(html) if html else None
    if tree is None or html is None:  # (no tree without html)
        raise NotAnArticle("the page is empty" if not (html or "").strip() else "the page is not HTML that can be read")
    notes: list[str] = []
    lang = tree_language(tree)
    if within_element_limit(tree, notes):
        html = etree.tostring(tree, encoding="unicode", method="html")  # its markup read from what was kept
    declared = page_metadata(tree)  # its own headline and date come before trafilatura's guesses
    base = document_base(tree, page_url)
    canonical = canonical_url(tree, base)
    base = base or canonical  # a saved page's relative links resolve against where it says it lives
    for element in list(tree.iter("base")):
        element.drop_tree()  # trafilatura would resolve links against the base's host alone
    for link in tree.iter("a"):
        if (link.get("href") or "").strip().startswith("#") or not (link.get("href") or "").strip():
            link.attrib.pop("href", None)  # a place on this page, not a citation: gone before hrefs become absolute
    if base:
        tree.make_links_absolute(base, resolve_base_href=False, handle_failures="ignore")
    doc = cast(Document | None, trafilatura.bare_extraction(  # a Document, not a dict (as_dict is not set)
        tree, url=base, include_links=True, include_comments=False, include_tables=True, with_metadata=True,
        date_extraction_params={"original_date": True, "extensive_search": False, "outputformat": "%Y-%m-%d"},
    ))
    if doc is None or doc.body is None:
        raise NotAnArticle("no main text found")
    title, publisher = headline_and_site(declared, clean(doc.title), declared_publisher(doc.sitename, (canonical, base)))
    paragraphs = drop_furniture(drop_title_heading(body_paragraphs(doc.body), title))
    if prose_words(paragraphs) < MIN_ARTICLE_WORDS:
        raise NotAnArticle(f"no main text found (under {MIN_ARTICLE_WORDS} words of prose)")
    paragraphs = within_text_limit(paragraphs, notes)
    text = "\n\n".join(p.text for p in paragraphs)
    self_urls = {u for u in (page_url, canonical) if u}
    published = declared.published if declared.dated else clean(doc.date)
    links = cited_links(paragraphs, text, self_urls, notes)
    reviews = claimreview.read_reviews(html, base_url=page_url or canonical)
    return ExtractedArticle(
        title=title or first_sentence(text),
        text=text,
        author=clean(doc.author),
        publisher=publisher,
        published=published if published and is_partial_date(published, partial=False) else None,
        canonical_url=canonical,
        links=links,
        reviews=reviews.reviews,
        notes=notes + reviews.notes,
        lang=lang,
    )


def within_element_limit(tree: HtmlElement, notes: list[str], limit: int = MAX_PAGE_ELEMENTS) -> bool:
    """Cut a page's tree after its first limit elements in reading order (the article comes before the
    comments and footers a longer page goes on with): trafilatura's time grows faster than the number
    of elements. True when it was cut, with a note of what was dropped."""
    elements = (e for e in tree.iter() if isinstance(e.tag, str))
    first_dropped = next(islice(elements, limit, None), None)
    if first_dropped is None:
        return False
    total = limit + 1 + sum(1 for _ in elements)
    node = first_dropped
    while (parent := node.getparent()) is not None:  # what follows it, and what follows each element it stands in
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        if node is not first_dropped:
            node.tail = None
        node = parent
    cast(HtmlElement, first_dropped.getparent()).remove(first_dropped)  # not the root: it has a parent
    notes.append(f"the page's markup was cut after its first {limit:,} elements, the most checker reads: "
                 f"{total - limit:,} of its {total:,} elements dropped")
    return True


def declared_publisher(sitename: str | None, urls: Iterable[str | None]) -> str | None:
    """The site's name as the page gives it; not the host name trafilatura falls back on when it gives none."""
    sitename = clean(sitename)
    hosts = {(urlsplit(u).hostname or "").removeprefix("www.") for u in urls if u}
    if sitename and (sitename.lower().removeprefix("www.") in hosts or not re.search(r"[^\W\d_]", sitename)):
        return None  # (nor a date, "21.05.2020", that a <title> ends with)
    return sitename


def decode_html(body: bytes, charset: str | None = None) -> str | None:
    """An HTML body as text: the declared charset, then a byte-order mark, <meta>, detection (bs4)."""
    dammit = UnicodeDammit(body, known_definite_encodings=[charset] if charset else [], is_html=True)
    return dammit.unicode_markup


def document_base(tree: HtmlElement, page_url: str | None) -> str | None:
    """The URL relative links resolve against: the page's <base href> (itself resolved), else the page's."""
    hrefs = tree.xpath("//base/@href")
    base = urljoin(page_url or "", hrefs[0].strip()) if hrefs and hrefs[0].strip() else page_url
    return http_url(base)


def canonical_url(tree: HtmlElement, base: str | None) -> str | None:
    """The page's own idea of its address (<link rel=canonical>, else og:url), when it is http(s).

    Read here rather than by trafilatura, whose reading drops a canonical given as a relative path."""
    for link in tree.xpath("//link[@rel][@href]"):
        if "canonical" in link.get("rel").lower().split():
            return http_url(urljoin(base or "", link.get("href").strip()))
    for meta in tree.xpath("//meta[@property='og:url'][@content]"):
        return http_url(urljoin(base or "", meta.get("content").strip()))
    return None


def http_url(url: str | None) -> str | None:
    """A normalised absolute http(s) URL, or None."""
    try:
        return normalise_url(url) if url else None
    except InvalidURL:
        return None


@dataclass
class Paragraph:
    text: str
    tag: str
    links: list[tuple[str | None, int, int, str | None]]  # (href, start, end, anchor), offsets into text


class ParagraphBuilder:
    """Collects one paragraph's text and its links from trafilatura's elements, then tidies the
    whitespace keeping every link's offsets."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.parts: list[str] = []
        self.length = 0
        self.links: list[tuple[str | None, int, int, str]] = []  # (href, start, end, anchor) as trafilatura gives them

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def build(self) -> Paragraph:
        raw = "".join(self.parts)
        # Each run of whitespace becomes one line break if it holds one, else one space; none at either end.
        # Only the runs that change are visited. runs: (start, end, where it starts in the tidied text,
        # characters dropped up to its end)
        pieces, runs, length, dropped = [], [], 0, 0
        at = 0
        for m in CHANGED_WHITESPACE.finditer(raw):
            a, b = m.span()
            pieces.append(raw[at:a])
            length += a - at
            one = "" if a == 0 or b == len(raw) else "\n" if "\n" in m.group() else " "
            pieces.append(one)
            dropped += b - a - len(one)
            runs.append((a, b, length, dropped))
            length += len(one)
            at = b
        pieces.append(raw[at:])
        text = "".join(pieces)
        starts = [run[0] for run in runs]

        def position(i: int) -> int:
            """Where raw[i] stands in text (for a space: where its run's one character does)."""
            r = bisect_right(starts, i) - 1
            if r >= 0 and i < runs[r][1]:  # inside a run of whitespace
                a, _, before, _ = runs[r]
                return before + (1 if i > a and before else 0)
            return i - (runs[r][3] if r >= 0 else 0)

        links = []
        for href, start, end, anchor in self.links:
            lo, hi = min(position(start), len(text)), min(position(end), len(text))
            while lo < hi and text[lo].isspace():
                lo += 1
            links.append((href, lo, max(lo, hi), clean(" ".join((anchor or "").split()))))
        return Paragraph(text, self.tag, links)


def body_paragraphs(body: etree._Element) -> list[Paragraph]:
    """The paragraphs of trafilatura's body element, in order, each with its links: every block
    (paragraph, heading, list item, quotation, table row) is one, cut where a block inside it begins."""
    paragraphs = []

    def emit(builder: ParagraphBuilder) -> None:
        paragraph = builder.build()
        if paragraph.text.strip():
            paragraphs.append(paragraph)

    def is_block(element: etree._Element) -> bool:
        return isinstance(element.tag, str) and (element.tag in BLOCK_TAGS or element.tag in CONTAINER_TAGS)

    def visit(element: etree._Element, tag: str | None = None) -> None:
        tag = tag or str(element.tag)  # the body's, or a block's (a str)
        builder = ParagraphBuilder(tag)
        if element.tag == "row":  # one line per row, its cells apart
            for i, cell in enumerate(element):
                builder.add(" | " if i else None)
                inline(cell, builder, tail=False)
            emit(builder)
            return
        builder.add(element.text)
        for child in element:
            if is_block(child):
                emit(builder)
                visit(child)
                builder = ParagraphBuilder(tag)
            elif isinstance(child.tag, str):
                inline(child, builder, tail=False)
            builder.add(child.tail)
        emit(builder)

    def inline(element: etree._Element, builder: ParagraphBuilder, tail: bool = True) -> None:
        if element.tag == "lb":
            builder.add("\n")
        else:
            start = builder.length
            builder.add(element.text)
            for child in element:
                if isinstance(child.tag, str):
                    inline(child, builder)
                else:
                    builder.add(child.tail)
            if element.tag == "ref" and element.get("target"):
                builder.links.append((element.get("target"), start, builder.length, "".join(element.itertext())))
        if tail:
            builder.add(element.tail)

    visit(body, "p")
    return paragraphs


def drop_title_heading(paragraphs: list[Paragraph], title: str | None) -> list[Paragraph]:
    """Without the headings at the top that repeat the title (stored as the title, not the text)."""
    folded = normalise(title or "")
    while folded and paragraphs and paragraphs[0].tag == "head" and normalise(paragraphs[0].text).startswith(folded):
        paragraphs = paragraphs[1:]
    return paragraphs


def prose_words(paragraphs: Iterable[Paragraph]) -> int:  # (Japanese, Chinese and Korean write no spaces: two signs a word)
    return sum(len(p.text.split()) + len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", p.text)) // 2 for p in paragraphs if p.tag in PROSE_TAGS)


def within_text_limit(paragraphs: list[Paragraph], notes: list[str], limit: int = MAX_TEXT_CHARS) -> list[Paragraph]:
    """The paragraphs whose text, joined by blank lines, fits in limit characters: those that fit whole,
    then the one that passes the limit cut at a space (with the links it still holds). What was
    dropped is said in notes."""
    kept: list[Paragraph] = []
    length = 0
    for paragraph in paragraphs:
        gap = 2 if kept else 0
        if length + gap + len(paragraph.text) <= limit:
            kept.append(paragraph)
            length += gap + len(paragraph.text)
            continue
        cut = cut_at_space(paragraph.text, limit - length - gap)
        if cut:
            kept.append(Paragraph(paragraph.text[:cut], paragraph.tag,
                                  [link for link in paragraph.links if link[2] <= cut]))
            length += gap + cut
        whole = sum(len(p.text) for p in paragraphs) + 2 * (len(paragraphs) - 1)
        left_out = len(paragraphs) - len(kept)
        notes.append(f"the text was cut at {limit:,} characters, the most checker keeps: {whole - length:,} of its "
                     f"{whole:,} characters dropped"
                     + (f", {left_out:,} of its {len(paragraphs):,} paragraphs left out" if left_out else "")
                     + ("; the last paragraph kept is cut short" if cut else ""))
        break
    return kept


def cut_at_space(text: str, room: int) -> int:
    """Where to cut text to keep at most room characters: after its last whitespace that fits (the
    whitespace dropped), else at room itself; 0 when nothing fits."""
    if len(text) <= room:
        return len(text)
    if room <= 0:
        return 0
    space = max(text.rfind(" ", 0, room + 1), text.rfind("\n", 0, room + 1))
    return space if space > 0 else room


def first_sentence(text: str, limit: int = 200) -> str:
    sentences = split_sentences(text)
    first = sentences[0].text if sentences else text.strip().split("\n")[0]
    return first if len(first) <= limit else first[:limit - 3].rstrip() + "..."


def cited_links(paragraphs: list[Paragraph], text: str, self_urls: Iterable[str], notes: list[str] | None = None,
                limit: int = MAX_LINKS) -> list[CitedLink]:
    """Every link in the article's paragraphs that cites something, with its sentence and paragraph: at
    most limit, the first in reading order (what was left out is said in notes). A sentence over
    MAX_SENTENCE_CHARS keeps that much of itself around the link."""
    sentences = split_sentences(text)
    starts, ends = [s.start for s in sentences], [s.end for s in sentences]
    self_urls = {u.rstrip("/") for u in self_urls}
    links: list[CitedLink] = []
    seen: set[tuple[str, int, str | None]] = set()
    offset, cut, left = 0, 0, 0
    for index, paragraph in enumerate(paragraphs):
        for number, (href, start, end, anchor) in enumerate(paragraph.links):
            if len(links) >= limit:
                left += len(paragraph.links) - number
                break
            url = citation_url(href, self_urls)
            if url is None or (url, index, anchor) in seen:
                continue
            seen.add((url, index, anchor))
            lo, hi = offset + start, offset + max(end, start + 1)
            # the sentences the link stands in: those it overlaps (sentences are in order, apart)
            first, last = bisect_right(ends, lo), bisect_left(starts, hi)
            if first < last:
                around = (sentences[first].start, sentences[last - 1].end)
            else:
                around = (offset, offset + len(paragraph.text))  # the paragraph itself
            if around[1] - around[0] > MAX_SENTENCE_CHARS:
                around = window(text, around, lo, hi)
                cut += 1
            links.append(CitedLink(url, anchor[:MAX_SENTENCE_CHARS] if anchor else anchor,
                                   text[around[0]:around[1]], index))
        offset += len(paragraph.text) + 2
    if notes is not None and left:
        notes.append(f"kept the first {limit:,} cited links, the most checker keeps: {left:,} more links in the "
                     "text dropped")
    if notes is not None and cut:
        notes.append(f"{cut:,} {word_for(cut, 'cited link')} in a sentence over {MAX_SENTENCE_CHARS:,} characters "
                     f"{'keeps' if cut == 1 else 'keep'} only the part of it around the link")
    return links


def window(text: str, span: tuple[int, int], lo: int, hi: int, width: int = MAX_SENTENCE_CHARS) -> tuple[int, int]:
    """At most width characters of text[span[0]:span[1]] around a link at [lo, hi), from and to word
    boundaries where they fall within it."""
    start = max(span[0], min(lo, (lo + hi) // 2 - width // 2))
    end = min(span[1], start + width)
    start = max(span[0], end - width)
    if start > span[0]:
        space = text.find(" ", start, min(lo, end))
        start = space + 1 if space >= 0 else start
    if end < span[1]:
        space = text.rfind(" ", max(hi, start), end)
        end = space if space > start else end
    return start, end


def citation_url(href: str | None, self_urls: Collection[str] = ()) -> str | None:
    """A link's URL when the link cites something: absolute http(s), not a share link, not the page itself."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    url = http_url(href)
    if url is None or is_share_link(url) or url.rstrip("/") in self_urls:
        return None
    return url


def is_share_link(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    path = parts.path if parts.path in ("", "/") else parts.path.rstrip("/")
    for share_host, share_path in SHARE_LINKS:
        if host == share_host or host.endswith("." + share_host):
            if path == share_path.rstrip("/") or (share_path.endswith("/") and parts.path.startswith(share_path)):
                return True
    return False
