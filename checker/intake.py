"""`checker import`: an article from a web page or a file, with the links it cites and the fact-checks it embeds.

Three steps, kept apart:

1. **Read** the source: a URL through our own fetcher (address policy, robots.txt, timeouts, size cap),
   or a local .html, .htm, .txt or .pdf file. Only this step reaches the network.
2. **Extract**, purely (bytes in, an ExtractedArticle out): for HTML, trafilatura finds the article's
   main text and its metadata (htmldate its date), leaving navigation, share links, comments, related
   stories and footers out; each link in that text becomes a CitedLink with the paragraph and the
   sentence it stands in; extruct finds schema.org ClaimReview markup (claimreview.py). Plain text:
   the first line is the title, the rest the text. PDF: its text and title (extract.py). All of it
   within the bounds of limits.py: what a page holds past them is left out, and the result's notes
   say what.
3. **Save**, in one transaction: the article (through claims.add_article, so its rules hold), its
   links, and a claim with its verdict for each embedded review.

A rerun finds the article by where it came from (``articles.imported_from``), or by its URL, and
writes nothing; ``refresh=True`` takes the page's new text as the article's text, keeping the old
one in ``article_versions``, unless the new text has lost the quote of a claim made on the old.
"""
import os
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast
from urllib.parse import urlsplit

from rapidfuzz import fuzz, utils as fuzz_utils
from sqlite_utils import Database

from .pages.article_html import CitedLink, ExtractedArticle, extract_html_article, http_url
from .pages.claimreview import EmbeddedReview
from .net.fetch import Fetcher, make_fetcher
from .net.options import CheckOptions
from .store.claims import add_article, add_claim, now, set_verdict
from .store.db import transaction
from .errors import InvalidInput, NotAnArticle, RefreshRefused, SourceUnreadable, UnsupportedType
from .pages.extract import (
    HTML_TYPES, PDF_TYPES, TEXT_TYPES, Extracted, decode_text, extract_pdf, media_type, read_text, sniff,
)
from .limits import MAX_TEXT_CHARS, read_at_most
from .propose import on_earlier_text
from .sentences import Sentence, split_sentences
from .pages.locale import domain_territory
from .pages.soft404 import redirected_to_root, says_not_found
from .reading.page_locale import decide_locale
from .store.rows import ArticleRow
from .text import clean, normalise, quote_occurs, squash, word_for
from .urls import normalise_url

FILE_TYPES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain", ".pdf": "application/pdf"}
ERROR_PAGE_MAX_WORDS = 150  # a page titled "not found" is an error page only when it is this short
MIN_QUOTE_MATCH = 50  # rapidfuzz token_set_ratio (0-100) for a sentence to stand for a reviewed claim
MAX_SLUG = 60
IMPORTED_KIND = "other"  # the kind of a claim made from an embedded review: its markup does not say


@dataclass
class Document:
    """What was read, before any extraction: the bytes and where they came from."""

    body: bytes
    content_type: str | None
    imported_from: str  # the URL as given (normalised) or the file's absolute path
    page_url: str | None = None  # where the bytes were finally fetched from; None for a file
    requested_url: str | None = None


@dataclass
class ImportResult:
    article_id: str
    status: str  # imported, already_imported, refreshed, unchanged
    title: str
    imported_from: str
    url: str | None = None
    paragraphs: int = 0
    links: int = 0
    claims: int = 0  # claims added from embedded reviews
    version: int | None = None  # on a refresh: the id of the article_versions row holding the earlier text
    earlier_proposals: list[int] = field(default_factory=list)  # on a refresh: open proposals whose sentence changed
    notes: list[str] = field(default_factory=list)  # what was left out of the page to stay within limits.py's bounds


# -- 1. read ------------------------------------------------------------------------------


def is_url(source: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", source or "")) and "://" in source


def read_source(source: str | None, *, fetcher: Fetcher | None = None, allow_addresses: Iterable[str] = ()) -> Document:
    """The Document for a URL (fetched) or a local file (read); SourceUnreadable when it cannot be had."""
    source = clean(source)
    if source is None:
        raise InvalidInput("give a URL (http or https) or a file to import").at("source")
    if is_url(source):
        return fetch_document(normalise_url(source), fetcher=fetcher, allow_addresses=allow_addresses)
    return read_file(source)


def imported_from_for(source: str | None) -> str:
    """The value of articles.imported_from for a source as given."""
    source = clean(source) or ""
    return normalise_url(source) if is_url(source) else os.path.abspath(source)


def fetch_document(url: str, *, fetcher: Fetcher | None = None, allow_addresses: Iterable[str] = ()) -> Document:
    own = fetcher is None
    fetcher = fetcher or make_fetcher(CheckOptions(allow_addresses=tuple(allow_addresses), use_archive=False))
    try:
        result = fetcher.fetch(url)
    finally:
        if own:
            fetcher.session.close()
    if result.outcome != "ok":
        message = f"could not fetch {url}: {result.outcome}"
        if result.error:
            message += f": {result.error}"
        if result.outcome == "refused_address":
            message += " (to allow a local or private network, pass --allow-address CIDR, such as 127.0.0.1/32)"
        raise SourceUnreadable(message)
    return Document(result.body or b"", result.content_type, url, result.final_url or url, url)


def read_file(path: str) -> Document:
    kind = FILE_TYPES.get(os.path.splitext(path)[1].lower())
    if not os.path.exists(path):
        raise SourceUnreadable(f"no file at {path} (give a URL with http:// or https://, or a file)")
    if os.path.isdir(path):
        raise SourceUnreadable(f"{path} is a folder, not a file")
    if kind is None:
        raise SourceUnreadable(f"{path}: checker imports .html, .htm, .txt and .pdf files")
    try:
        with open(path, "rb") as f:
            body = read_at_most(f, path)  # refused by its size, or after the limit's worth from a pipe or device
    except OSError as e:
        raise SourceUnreadable(f"cannot read {path}: {e.strerror or e}")
    return Document(body, kind, os.path.abspath(path))


# -- 2. extract ---------------------------------------------------------------------------


def extract_article(document: Document) -> ExtractedArticle:
    """The article in a Document: text, metadata, cited links and embedded reviews. Pure."""
    mime, charset = media_type(document.content_type)
    if mime in (None, "application/octet-stream", "binary/octet-stream"):
        mime = sniff(document.body) or mime
    where = document.requested_url or document.imported_from
    if mime in HTML_TYPES:
        try:
            article = extract_html_article(document.body, charset, document.page_url)
        except NotAnArticle as e:
            raise NotAnArticle(f"{where} is not an article: {e}")
        if document.requested_url and redirected_to_root(document.requested_url, document.page_url):
            raise NotAnArticle(f"{where} is not an article: it redirected to the site's front page")
        if len(article.text.split()) < ERROR_PAGE_MAX_WORDS and says_not_found(article_page(article)):
            raise NotAnArticle(f"{where} is not an article: the page says it does not exist ({article.title!r})")
        return article
    if mime in PDF_TYPES:
        try:
            page = extract_pdf(document.body, max_chars=MAX_TEXT_CHARS)
        except UnsupportedType as e:
            raise NotAnArticle(f"{where} is not an article: {e}")
        # a PDF without a title in its metadata is titled by its first line, which stays in its text
        title = page.title or next((line for line in page.text.split("\n") if line.strip()), None)
        article = text_article(page.text, title=title, where=where)
        if page.unread_pages:
            article.notes.append(f"the PDF's last {page.unread_pages:,} {word_for(page.unread_pages, 'page')} not read, "
                                 "past the text's limit")
        return article
    if mime in TEXT_TYPES:
        text = decode_text(document.body, charset) if charset else read_text(document.body, where)
        if text is None:
            text = read_text(document.body, where)  # the declared charset was wrong and nothing else reads it: refused
        return text_article(text, where=where)
    raise NotAnArticle(f"{where} is not an article: its content type is {mime or 'unknown'}")


def article_page(article: ExtractedArticle) -> Extracted:
    """What the soft-404 rules read: the page's title and its text's first line."""
    return Extracted(article.text, article.title, article.canonical_url, "text/html", (article.text.split("\n")[0],))


def text_article(text: str, *, title: str | None = None, where: str = "the file",
                 limit: int = MAX_TEXT_CHARS) -> ExtractedArticle:
    """Plain text: the title is the first non-blank line (unless one is given), the text the rest, cut
    after its last paragraph (else line, else word) within limit characters, with a note."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if title is None:
        while lines and not lines[0].strip():
            lines.pop(0)
        title = lines.pop(0).strip() if lines else None
    body = "\n".join(line.rstrip() for line in lines).strip("\n")
    notes: list[str] = []
    if len(body) > limit:
        cut = next((at for at in (body.rfind("\n\n", 0, limit + 1), body.rfind("\n", 0, limit + 1),
                                  body.rfind(" ", 0, limit + 1)) if at > 0), limit)
        notes.append(f"the text was cut at {limit:,} characters, the most checker keeps: {len(body) - cut:,} of its "
                     f"{len(body):,} characters dropped")
        body = body[:cut].rstrip()
    if not clean(title) or not clean(body):
        raise NotAnArticle(f"{where} is not an article: it has no text" + (" after its title line" if title else ""))
    return ExtractedArticle(title=cast(str, clean(title)), text=body, notes=notes)


# -- 3. save ------------------------------------------------------------------------------


def slugify(title: str | None, limit: int = MAX_SLUG) -> str:
    """A slug from a title: ASCII lower-case letters, digits and hyphens, cut at a word."""
    ascii_title = unicodedata.normalize("NFKD", title or "").encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit + 1] else slug[:limit]
    return slug.strip("-")


def unique_slug(db: Database, base: str) -> str:
    slug, n = base, 1
    while db["articles"].count_where("id = ?", [slug]):
        n += 1
        slug = f"{base}-{n}"
    return slug


def article_slug(db: Database, article: ExtractedArticle, imported_from: str) -> str:
    base = slugify(article.title)
    if not base:  # a title in a script that has no ASCII spelling: the page's or file's own name
        base = slugify(os.path.splitext(os.path.basename(urlsplit(imported_from).path.rstrip("/")))[0]) or "article"
    return unique_slug(db, base)


def find_imported(db: Database, imported_from: str | None = None, url: str | None = None) -> ArticleRow | None:
    """The article imported from this source (or, failing that, published at this URL), or None."""
    for column, value in (("imported_from", imported_from), ("url", url)):
        if value:
            rows = list(db["articles"].rows_where(f"{column} = ?", [value], limit=1))
            if rows:
                return cast(ArticleRow, rows[0])
    return None


def quote_for_review(review: EmbeddedReview, text: str, sentences: list[Sentence] | None = None) -> str:
    """The words of the article a reviewed claim is quoted by: the claim itself where the text has it
    verbatim (its closing full stop aside), else the sentence that best matches it (rapidfuzz's
    token_set_ratio, at least MIN_QUOTE_MATCH), else the article's first sentence. sentences: the
    text's non-blank sentences, when the caller has split it already."""
    for words in (review.claim, review.claim.rstrip(".!?;: ")):
        if words and quote_occurs(words, text):
            return words
    sentences = [s for s in split_sentences(text) if s.text.strip()] if sentences is None else sentences
    best, best_score = None, -1.0
    for sentence in sentences:
        score = fuzz.token_set_ratio(review.claim, sentence.text, processor=fuzz_utils.default_process)
        if score > best_score:
            best, best_score = sentence, score
    if best is not None and best_score >= MIN_QUOTE_MATCH:
        return best.text
    return sentences[0].text if sentences else text.strip()


def save_reviews(db: Database, article_id: str, text: str, reviews: Sequence[EmbeddedReview],
                 self_urls: Collection[str]) -> int:
    """Each review not yet on the article as a claim (kind other) with its verdict and appearances."""
    existing = {normalise(r["claim"]) for r in db.query("SELECT claim FROM claims WHERE article_id = ?", [article_id])}
    added = 0
    sentences = [s for s in split_sentences(text) if s.text.strip()] if reviews else []  # once for all reviews
    for review in reviews:
        if normalise(review.claim) in existing:
            continue
        existing.add(normalise(review.claim))
        sources, urls = [], set()
        for appearance in review.appearances:
            url = http_url(appearance.url)
            if url is None or url in urls:
                continue
            urls.add(url)
            relation = "context" if url.rstrip("/") in self_urls else "cited"  # the article's own page
            sources.append({"url": url, "title": appearance.title, "relation": relation})
        claim_id = add_claim(db, article_id=article_id, quote=quote_for_review(review, text, sentences),
                             kind=IMPORTED_KIND, claim=review.claim, sources=sources)
        if review.verdict != "unrated" or review.rating_text:
            set_verdict(db, claim_id, review.verdict, note=review.note, by=review.reviewer or "checker import")
        added += 1
    return added


def save_links(db: Database, article_id: str, links: Iterable[CitedLink]) -> None:
    db.table("article_links").insert_all(
        [{"article_id": article_id, "url": link.url, "anchor": link.anchor, "sentence": link.sentence,
          "paragraph": link.paragraph} for link in links]
    )


def save_article(db: Database, article: ExtractedArticle, *, imported_from: str, page_url: str | None = None,
                 article_id: str | None = None) -> ImportResult:
    """Insert an extracted article, its links and its reviews' claims in one transaction."""
    url = article.canonical_url or http_url(page_url)
    with transaction(db):
        article_id = clean(article_id) or article_slug(db, article, imported_from)
        add_article(db, id=article_id, title=article.title, text=article.text, url=url, author=article.author,
                    publisher=article.publisher, published=article.published)
        db.table("articles").update(article_id, {"imported_from": imported_from, "imported_at": now(),
                                                 **article_locale(article, url or page_url)})
        save_links(db, article_id, article.links)
        claims = save_reviews(db, article_id, article.text, article.reviews, own_urls(imported_from, url))
    return ImportResult(article_id, "imported", article.title, imported_from, url, article.paragraphs,
                        len(article.links), claims, notes=article.notes)


def article_locale(article: ExtractedArticle, url: str | None) -> dict[str, str | None]:
    """The locale the article is read in (the articles table's locale and locale_from): what its page
    declares, the country of its address's domain, or the currency its figures are written in."""
    found = decide_locale(article.lang, domain_territory(url if url and is_url(url) else None), article.text)
    return {"locale": found.locale, "locale_from": found.source}


def refresh_article(db: Database, existing: ArticleRow, article: ExtractedArticle, *,
                    imported_from: str) -> ImportResult:
    """Take a page's new text as an existing article's text, keeping the old one as a version."""
    article_id = existing["id"]
    result = ImportResult(article_id, "unchanged", existing["title"], existing["imported_from"] or imported_from,
                          existing["url"], article.paragraphs, len(article.links), notes=article.notes)
    if article.text == existing["text"]:
        return result
    squashed = squash(article.text)  # once, not once a claim
    lost = [r for r in db.query("SELECT id, quote FROM claims WHERE article_id = ? ORDER BY id", [article_id])
            if squash(r["quote"]) not in squashed]  # as the database compares them
    if lost:
        quote = lost[0]["quote"] if len(lost[0]["quote"]) <= 60 else lost[0]["quote"][:57] + "..."
        raise RefreshRefused(
            f"not refreshed: the new text of {imported_from} no longer contains the quote {quote!r} of claim "
            f"{lost[0]['id']}" + (f" (and {len(lost) - 1} more)" if len(lost) > 1 else "") + "; nothing changed")
    with transaction(db):
        changes = {"text": article.text, "imported_at": now(), **article_locale(article, existing["url"] or imported_from)}
        if not existing["imported_from"]:
            changes["imported_from"] = imported_from
        # the database keeps the earlier text as a version (articles_text_keeps_its_versions): written here as well,
        # the two rows' times could differ by a millisecond on a busy machine and the text be kept twice
        db.table("articles").update(article_id, changes)
        version = db.execute("SELECT max(id) FROM article_versions WHERE article_id = ?", [article_id]).fetchone()[0]
        db.execute("DELETE FROM article_links WHERE article_id = ?", [article_id])
        save_links(db, article_id, article.links)
        claims = save_reviews(db, article_id, article.text, article.reviews,
                              own_urls(imported_from, existing["url"]))
    result.status, result.claims, result.version = "refreshed", claims, version
    result.earlier_proposals = on_earlier_text(db, article_id)
    return result


def own_urls(*urls: str | None) -> set[str]:
    return {u.rstrip("/") for u in urls if u and is_url(u)}


def import_article(db: Database, source: str, *, article_id: str | None = None, allow_addresses: Iterable[str] = (),
                   refresh: bool = False, fetcher: Fetcher | None = None) -> ImportResult:
    """Import an article from a URL or a file (see the module's docstring); returns an ImportResult.

    Nothing is written when the source cannot be read, holds no article, or was imported before
    (unless ``refresh``, which takes a changed text as a new version)."""
    imported_from = imported_from_for(source)
    article_id = clean(article_id)
    existing = find_imported(db, imported_from=imported_from)
    if existing and article_id and article_id != existing["id"]:
        raise InvalidInput(f"{imported_from} was already imported as {existing['id']!r}, not {article_id!r}").at("id")
    if existing and not refresh:
        return ImportResult(existing["id"], "already_imported", existing["title"], imported_from, existing["url"])
    document = read_source(source, fetcher=fetcher, allow_addresses=allow_addresses)
    article = extract_article(document)
    url = article.canonical_url or http_url(document.page_url)
    existing = existing or find_imported(db, url=url)
    if existing and not refresh:
        return ImportResult(existing["id"], "already_imported", existing["title"],
                            existing["imported_from"] or imported_from, existing["url"])
    if existing:
        return refresh_article(db, existing, article, imported_from=imported_from)
    return save_article(db, article, imported_from=imported_from, page_url=document.page_url, article_id=article_id)
