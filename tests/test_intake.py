"""`checker import`: articles from pages and files, their cited links and embedded fact-checks, from tables of
cases (tests/intake_cases.yaml) and from the seed article served inside blog furniture on 127.0.0.1."""
import json
import os
import pathlib
import re
import sqlite3

import lxml.html
import pytest
import yaml

from checker.net.fetch import make_fetcher
from checker.net.options import CheckOptions
from checker.pages.claimreview import find_reviews, json_depth, verdict_for_rating
from checker.store.claims import add_claim
from checker.store.db import open_db
from checker.export import claim_reviews
from checker.net.fetch import FetchResult
from checker.pages.article_html import (
    Paragraph, cut_at_space, is_share_link, window, within_element_limit, within_text_limit,
)
from checker.errors import NotAnArticle, SourceUnreadable
from checker.intake import Document, extract_article, import_article, slugify
from checker.limits import MAX_JSON_DEPTH, MAX_LINKS, MAX_PAGE_ELEMENTS, MAX_SENTENCE_CHARS, MAX_TEXT_CHARS, MB
from checker.store.seed import SEED_DIR
from checker.text import quote_occurs

from .conftest import dump, main
from .servers import PNG, LocalServer, minimal_pdf, never_answers

HERE = pathlib.Path(__file__).parent
CASES = yaml.safe_load((HERE / "intake_cases.yaml").read_text(encoding="utf-8"))
SEED_PAGE = HERE / "data" / "intake" / "seed_article.html"
SEED_PATH = "/blogs/southasiamasala/2012/03/24/pakistan-and-russia-seek-enhanced-cooperation/"
SEED_TEXT = (SEED_DIR / "article.txt").read_text(encoding="utf-8")
SEED_PARAGRAPHS = SEED_TEXT.strip().split("\n\n")
LOCAL = ["--allow-address", "127.0.0.1/32"]

PROSE = ("<p>The figures have been disputed since they were first published, and the ministry has not released "
         "the data behind them despite repeated requests from reporters, researchers and members of parliament.</p>")

# The page furniture every link case is wrapped in: none of its links is a citation, none of its words the article's.
FURNITURE_TOP = """<header><a href="/">News Example</a><nav><ul><li><a href="/world/">World</a></li>
<li><a href="/business/">Business</a></li><li><a href="/opinion/">Opinion</a></li><li><a href="https://subscribe.news.example/">Subscribe today</a></li></ul></nav></header>"""
FURNITURE_SHARE = """<div class="share-buttons"><span>Share this story</span>
<a href="https://twitter.com/intent/tweet?url=https%3A%2F%2Fnews.example%2Fx">Tweet</a>
<a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fx">Share on Facebook</a>
<a href="mailto:?subject=A%20story">Email</a> <a href="javascript:window.print()">Print</a></div>"""
FURNITURE_BOTTOM = """<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/world/2026/04/trade-deficit.html">Trade deficit widens as exports slow</a></li>
<li><a href="/world/2026/03/minister-visit.html">Minister's visit ends without agreement</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p class="comment-author">reader42</p><p>Great piece, and see <a href="https://spam.example/">my own site</a> for the real numbers behind this story.</p></div></section>
<footer><a href="/privacy">Privacy policy</a> <a href="/contact">Contact us</a> <p>Copyright 2026 News Example Ltd</p></footer>"""
FURNITURE_URLS = ["https://news.example/", "https://news.example/world/", "https://news.example/business/",
                  "https://news.example/opinion/", "https://subscribe.news.example/", "twitter.com/intent",
                  "facebook.com/sharer", "trade-deficit", "minister-visit", "spam.example", "/privacy", "/contact"]
FURNITURE_WORDS = ["Subscribe today", "Share this story", "Tweet", "Related stories", "Trade deficit widens",
                   "Great piece", "reader42", "Privacy policy", "Copyright 2026"]


def furnished_page(article, head="", title="Trade figures under scrutiny"):
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{title} | News Example</title>{head}</head>
<body>{FURNITURE_TOP}<main><article><h1>{title}</h1>
{article}
{PROSE}
{FURNITURE_SHARE}</article>{FURNITURE_BOTTOM}</main></body></html>""".encode("utf-8")


def page_document(url, html, content_type="text/html; charset=utf-8"):
    body = html if isinstance(html, bytes) else html.encode("utf-8")
    return Document(body, content_type, url, page_url=url, requested_url=url)


class PageFetcher:
    """Stands in for the fetcher: answers every URL with one page, as a fetch that went well."""

    def __init__(self, body, content_type="text/html; charset=utf-8", final_url=None):
        self.body, self.content_type, self.final_url = body, content_type, final_url

    def fetch(self, url, **kwargs):
        return FetchResult(requested_url=url, outcome="ok", final_url=self.final_url or url, http_status=200,
                           content_type=self.content_type, body=self.body, bytes=len(self.body))


def rows(path, sql, params=()):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def squashed(text):
    return " ".join(text.replace("\u00a0", " ").split())


# -- cases: links -------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES["links"], ids=[c["name"] for c in CASES["links"]])
def test_cited_links(case):
    article = extract_article(page_document(case["url"], furnished_page(case["article"], case.get("head", ""))))
    found = [[link.url, link.anchor, link.paragraph, link.sentence] for link in article.links]
    assert found == case["links"]
    paragraphs = article.text.split("\n\n")
    for link in article.links:
        assert link.sentence in paragraphs[link.paragraph]
        assert link.anchor in link.sentence
    for url in FURNITURE_URLS:  # whole addresses, or words only furniture addresses have
        assert not any(link.url == url if url.startswith("https:") else url in link.url for link in article.links), url
    for words in FURNITURE_WORDS:
        assert words not in article.text, words
    assert not article.text.startswith("Trade figures under scrutiny")  # the title heading is the title, not text


def test_relative_links_in_a_file_resolve_only_against_an_address_it_gives():
    html = furnished_page('<p>See <a href="/data/2008.csv">the 2008 table</a> and <a href="https://stats.example/t">'
                          'the statistics office</a> for the figures that the minister quoted in her speech.</p>')
    alone = extract_article(Document(html, "text/html", "/tmp/page.html"))
    assert [link.url for link in alone.links] == ["https://stats.example/t"]
    placed = extract_article(Document(html.replace(b"</title>", b'</title><link rel="canonical" '
                                                   b'href="https://news.example/world/trade.html">'),
                                      "text/html", "/tmp/page.html"))
    assert [link.url for link in placed.links] == ["https://news.example/data/2008.csv", "https://stats.example/t"]
    assert placed.canonical_url == "https://news.example/world/trade.html"


@pytest.mark.parametrize("url,shares", CASES["share_links"], ids=[c[0] for c in CASES["share_links"]])
def test_share_links(url, shares):
    assert is_share_link(url) is shares


# -- cases: metadata ----------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES["metadata"], ids=[c["name"] for c in CASES["metadata"]])
def test_metadata(case, empty_db):
    html = case["html"].replace("{PROSE}", PROSE)
    result = import_article(empty_db, case["url"], fetcher=PageFetcher(html.encode("utf-8")))
    row = empty_db["articles"].get(result.article_id)
    expect = case["expect"]
    for key in ("title", "author", "publisher", "published", "url"):
        assert row[key] == expect.get(key), key
    assert row["imported_from"] == case["url"]
    assert "disputed since they were first published" in row["text"]


# -- cases: ratings and review markup -----------------------------------------------------


@pytest.mark.parametrize("words,value,best,worst,verdict", CASES["ratings"],
                         ids=[f"{c[0]}-{c[1]}/{c[3]}..{c[2]}" for c in CASES["ratings"]])
def test_rating_to_verdict(words, value, best, worst, verdict):
    assert verdict_for_rating(words, value, best, worst) == verdict


@pytest.mark.parametrize("case", CASES["reviews"], ids=[c["name"] for c in CASES["reviews"]])
def test_review_markup(case):
    html = f"<html><head><title>Fact check</title></head><body>{case['markup']}<p>Text.</p></body></html>"
    found = [[r.claim, r.verdict, [a.url for a in r.appearances]] for r in find_reviews(html, "https://facts.example/")]
    assert found == case["expect"]


def test_review_note_keeps_the_rating_as_published():
    [review] = find_reviews(CASES["reviews"][0]["markup"], "https://facts.example/")
    assert review.reviewer == "Facts Desk"
    assert review.note == "Imported rating: “Mostly False” (2 on a scale from 1 to 5), by Facts Desk."


# -- the seed article in blog furniture ------------------------------------------------------


@pytest.fixture
def seed_site():
    state = {"body": SEED_PAGE.read_bytes()}

    def page(h):
        h.send(200, state["body"], "text/html; charset=UTF-8")

    with LocalServer(routes={SEED_PATH: page}) as server:
        server.state["page"] = state
        yield server


def seed_page_with(old, new):
    body = SEED_PAGE.read_text(encoding="utf-8")
    assert old in body
    return body.replace(old, new).encode("utf-8")


def test_seed_article_from_a_furnished_page(seed_site, db_path, capsys):
    url = seed_site.url(SEED_PATH)
    main(["import", url, *LOCAL, "--db", db_path])
    out = capsys.readouterr().out
    article_id = "pakistan-and-russia-seek-enhanced-cooperation"
    assert out == (f"imported {article_id}: “Pakistan and Russia seek enhanced cooperation” "
                   "(9 paragraphs, 5 cited links, 0 claims from embedded fact-checks)\n")

    [article] = rows(db_path, "SELECT * FROM articles WHERE id = ?", [article_id])
    # the article and nothing else: every paragraph of the body, in order, and no furniture
    assert squashed(article["text"]) == squashed(SEED_TEXT)
    assert [squashed(p) for p in article["text"].split("\n\n")] == [squashed(p) for p in SEED_PARAGRAPHS]
    for furniture in ["jump to navigation", "South Asia Masala", "Posted by", "trackback", "Serge Desilva Ranasinghe",
                      "March 24, 2012", "Share this", "Twitter", "Print this page", "Related stories", "Khar in Moscow",
                      "Gwadar", "Responses to", "Tariq", "Interesting analysis", "gas pipeline",
                      "Sorry comments are closed", "Recent posts", "Categories", "Powered by WordPress",
                      "Australian National University", "About the blog"]:
        assert furniture not in article["text"], furniture
    assert article["title"] == "Pakistan and Russia seek enhanced cooperation"
    assert article["author"] == "Serge DeSilva-Ranasinghe"
    assert article["publisher"] == "South Asia Masala"
    assert article["published"] == "2012-03-24"
    assert article["url"] == url  # the page's canonical link, relative, resolved against where it was served
    assert article["imported_from"] == url and article["imported_at"]

    links = rows(db_path, "SELECT url, anchor, paragraph, sentence FROM article_links WHERE article_id = ? ORDER BY id",
                 [article_id])
    consulate = "http://www.rusconsulkarachi.mid.ru/RUSSIA-PAKISTAN.htm"
    assert [(link["url"], link["anchor"], link["paragraph"]) for link in links] == [
        ("http://www.futuredirections.org.au/", "Future Directions International", 0),
        (consulate, "website of the Consulate-General of Russia in Karachi", 3),
        (seed_site.url("/blogs/southasiamasala/tag/shanghai-cooperation-organisation/"), "Shanghai Co-operation Organisation", 4),
        ("http://www.reuters.com/", "Reuters", 4),
        (consulate, "Consulate-General of Russia in Karachi", 7),
    ]
    assert links[1]["sentence"] == ("For example, according to the website of the Consulate-General of Russia in Karachi, "
                                    "two-way trade between Russia and Pakistan increased from a minute US$92 million in "
                                    "2003, to US$441 million in 2006 and US$630 million in 2008.")
    assert links[3]["sentence"].startswith("According to Reuters, there have even been discussions")
    assert links[4]["sentence"].startswith("As stated by the Consulate-General of Russia in Karachi: ‘Russia attaches")
    paragraphs = article["text"].split("\n\n")
    for link in links:
        assert link["sentence"] in paragraphs[link["paragraph"]]

    # a rerun adds nothing and says so
    before = dump(db_path)
    main(["import", url, *LOCAL, "--db", db_path])
    assert capsys.readouterr().out.startswith(f"already imported as {article_id} ({url}); nothing changed")
    assert dump(db_path) == before


def test_import_reads_allowed_addresses_from_environment(seed_site, db_path, capsys, monkeypatch):
    url = seed_site.url(SEED_PATH)
    monkeypatch.delenv("CHECKER_ALLOW_ADDRESSES", raising=False)
    with pytest.raises(SystemExit):
        main(["import", url, "--db", db_path])
    assert "refused_address" in capsys.readouterr().err
    monkeypatch.setenv("CHECKER_ALLOW_ADDRESSES", "127.0.0.1/32")
    main(["import", url, "--db", db_path])
    assert capsys.readouterr().out.startswith("imported pakistan-and-russia-seek-enhanced-cooperation:")


def test_refresh_takes_a_changed_text_and_keeps_the_old(seed_site, db_path, capsys):
    url = seed_site.url(SEED_PATH)
    main(["import", url, *LOCAL, "--db", db_path])
    article_id = "pakistan-and-russia-seek-enhanced-cooperation"
    first_text = rows(db_path, "SELECT text FROM articles WHERE id = ?", [article_id])[0]["text"]
    capsys.readouterr()

    main(["import", url, *LOCAL, "--refresh", "--db", db_path])
    assert capsys.readouterr().out.startswith(f"{article_id} is up to date")

    seed_site.state["page"]["body"] = seed_page_with("on six occasions", "on seven occasions")
    before = dump(db_path)
    main(["import", url, *LOCAL, "--db", db_path])  # without --refresh: nothing
    assert "already imported" in capsys.readouterr().out
    assert dump(db_path) == before

    main(["import", url, *LOCAL, "--refresh", "--db", db_path])
    assert capsys.readouterr().out.startswith(f"refreshed {article_id}: new text (9 paragraphs, 5 cited links")
    [article] = rows(db_path, "SELECT text FROM articles WHERE id = ?", [article_id])
    assert "on seven occasions" in article["text"]
    [version] = rows(db_path, "SELECT article_id, text FROM article_versions")
    assert version == {"article_id": article_id, "text": first_text}
    assert len(rows(db_path, "SELECT id FROM article_links WHERE article_id = ?", [article_id])) == 5
    assert rows(db_path, "SELECT count(*) AS n FROM articles")[0]["n"] == 2  # the seed and this one

    # a new text that drops a claim's quote is refused, and nothing is written
    db = open_db(db_path)
    add_claim(db, article_id=article_id, quote="met with former Russian President Dmitri Medvedev on seven occasions",
              kind="meeting_count", claim="Zardari and Medvedev met seven times.")
    db.conn.close()
    seed_site.state["page"]["body"] = seed_page_with("on six occasions", "on several occasions")
    before = dump(db_path)
    with pytest.raises(SystemExit) as e:
        main(["import", url, *LOCAL, "--refresh", "--db", db_path])
    assert e.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no longer contains the quote" in err and "nothing changed" in err, err
    assert dump(db_path) == before


WATER = """<html><head><title>Water rates rise</title></head><body><article><h1>Water rates rise</h1>
<p>The city council raised water rates by 12 percent in 2025, the largest rise in a decade.</p>
<p>The utility said it spent NZ$45 million on pipe repairs last year, according to its annual report.</p>
<p>Mayor Jane Doe said the rise was unavoidable.</p></article></body></html>"""


def test_a_refresh_marks_the_proposals_made_from_the_earlier_text(tmp_path, db_path, capsys):
    """When a refresh changes the sentence a proposal was made from, the proposal says so wherever it
    is listed: "quote gone" cannot be accepted (rejecting still works), "sentence changed" only with a
    restatement of the new wording (--claim); proposals of unchanged sentences stand as they were."""
    page = tmp_path / "water.html"
    page.write_text(WATER, encoding="utf-8")
    main(["import", page, "--db", db_path])
    main(["propose", "water-rates-rise", "--db", db_path])
    [gone] = rows(db_path, "SELECT id FROM proposals WHERE quote = ?", ["Mayor Jane Doe said the rise was unavoidable"])
    [changed] = rows(db_path, "SELECT id FROM proposals WHERE quote = 'Mayor Jane Doe'")
    capsys.readouterr()

    page.write_text(WATER.replace("said the rise was unavoidable", "said the rise, approved in March, was unavoidable"),
                    encoding="utf-8")
    main(["import", page, "--refresh", "--db", db_path])
    out = capsys.readouterr().out
    assert out.startswith("refreshed water-rates-rise: new text")
    assert (f"2 open proposals ({changed['id']}, {gone['id']}) came from sentences the new text changed or dropped"
            in out), out

    main(["proposals", "--article", "water-rates-rise", "--db", db_path])
    out = capsys.readouterr().out
    assert re.search(rf"^{gone['id']} +proposed \(quote gone\)", out, re.M), out
    assert re.search(rf"^{changed['id']} +proposed \(sentence changed\)", out, re.M), out
    assert out.count("proposed  ") + out.count("proposed\n") == 2  # the other sentences' proposals
    assert "2 open proposals came from sentences the article's text changed" in out

    before = dump(db_path)
    for proposal, hint in ((gone, "checker propose water-rates-rise"), (changed, "--claim")):
        with pytest.raises(SystemExit) as e:
            main(["accept", proposal["id"], "--db", db_path])
        assert e.value.code == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "no longer has" in err and hint in err, err
    assert dump(db_path) == before
    main(["accept", changed["id"], "--claim", "Jane Doe was the mayor when the rise was approved.", "--db", db_path])
    main(["reject", gone["id"], "--reason", "its words are gone from the article", "--db", db_path])
    [claim] = rows(db_path, "SELECT claim, quote FROM claims WHERE article_id = 'water-rates-rise'")
    assert claim == {"claim": "Jane Doe was the mayor when the rise was approved.", "quote": "Mayor Jane Doe"}
    main(["propose", "water-rates-rise", "--db", db_path])  # the new text's own proposals
    capsys.readouterr()
    main(["proposals", "--article", "water-rates-rise", "--status", "proposed", "--db", db_path])
    out = capsys.readouterr().out
    assert "Mayor Jane Doe said the rise, approved in" in out and "gone" not in out and "changed" not in out


def test_the_seed_page_as_a_file(db_path, capsys):
    main(["import", SEED_PAGE, "--db", db_path])
    assert capsys.readouterr().out.startswith("imported pakistan-and-russia-seek-enhanced-cooperation:")
    [article] = rows(db_path, "SELECT * FROM articles WHERE imported_from = ?", [str(SEED_PAGE.resolve())])
    assert article["url"] is None  # its canonical link is relative, and a file has no address to resolve it against
    assert squashed(article["text"]) == squashed(SEED_TEXT)
    # a file has no address: only the absolute links are kept
    assert [r["url"] for r in rows(db_path, "SELECT url FROM article_links WHERE article_id = ? ORDER BY id", [article["id"]])] == [
        "http://www.futuredirections.org.au/", "http://www.rusconsulkarachi.mid.ru/RUSSIA-PAKISTAN.htm",
        "http://www.reuters.com/", "http://www.rusconsulkarachi.mid.ru/RUSSIA-PAKISTAN.htm"]
    before = dump(db_path)
    main(["import", SEED_PAGE, "--db", db_path])
    assert "already imported" in capsys.readouterr().out
    assert dump(db_path) == before


# -- embedded fact-checks -------------------------------------------------------------------


def test_export_claimreview_round_trips(db, tmp_path):
    """Our own ClaimReview export, embedded in a page that carries the article, imports back the same claims
    and verdicts, each quoted by a sentence of the article."""
    reviews = claim_reviews(db, org_name="Desk", org_url="https://desk.example", base_url="https://facts.example",
                            published_only=False)
    assert reviews
    body = "\n".join(f"<p>{p}</p>" for p in SEED_PARAGRAPHS)
    html = (f'<html><head><meta charset="utf-8"><title>Our checks of the article</title><script type="application/ld+json">'
            f'{json.dumps(reviews, ensure_ascii=False)}</script></head><body><article><h1>Our checks of the article</h1>'
            f'{body}</article></body></html>')
    page = tmp_path / "reviews.html"
    page.write_text(html, encoding="utf-8")

    fresh = open_db(tmp_path / "fresh.db", create=True)
    result = import_article(fresh, str(page))
    assert result.claims == len(reviews)
    exported = {(c["claim"], c["verdict"], c["verdict_note"])
                for c in db.query("SELECT claim, verdict, verdict_note FROM claims WHERE verdict != 'unrated'")}
    imported = list(fresh.query("SELECT claim, quote, verdict, verdict_note, verdict_by FROM claims"))
    assert {(c["claim"], c["verdict"]) for c in imported} == {(claim, verdict) for claim, verdict, _ in exported}
    notes = {claim: note for claim, _, note in exported}
    text = fresh["articles"].get(result.article_id)["text"]
    for c in imported:
        assert c["verdict_note"].startswith(notes[c["claim"]])
        assert "Imported rating: “" in c["verdict_note"] and c["verdict_by"] == "Desk"
        assert quote_occurs(c["quote"], text)
    # the trade figures are quoted by the sentence that states them
    [trade] = [c for c in imported if c["claim"].startswith("Two-way trade between Russia and Pakistan was US$92 million")]
    assert trade["quote"].startswith("For example, according to the website of the Consulate-General")
    fresh.conn.close()


def test_embedded_reviews_become_claims_with_sources(empty_db):
    markup = json.dumps([
        {"@context": "https://schema.org", "@type": "ClaimReview",
         "claimReviewed": "two-way trade between Russia and Pakistan increased from a minute US$92 million in 2003",
         "itemReviewed": {"@type": "Claim", "appearance": [{"@type": "CreativeWork", "url": "https://fdi.example/article",
                                                           "headline": "Pakistan and Russia"}],
                          "firstAppearance": {"@type": "CreativeWork", "url": "ftp://not.a.web.page/"}},
         "reviewRating": {"@type": "Rating", "ratingValue": "2", "bestRating": "5", "worstRating": "1",
                          "alternateName": "Mostly False"},
         "reviewBody": "No source gives the 2003 figure.", "author": {"@type": "Organization", "name": "Facts Desk"}},
        {"@context": "https://schema.org", "@type": "ClaimReview",
         "claimReviewed": "Zardari met Medvedev six times in three years.",
         "itemReviewed": {"@type": "Claim", "appearance": "https://news.example/reviews"},
         "reviewRating": {"@type": "Rating", "alternateName": "True"}},
        {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "Moon made of cheese, say officials",
         "reviewRating": {"@type": "Rating", "alternateName": "Satire"}},
    ])
    body = "\n".join(f"<p>{p}</p>" for p in SEED_PARAGRAPHS)
    html = (f'<html><head><title>Checks</title><script type="application/ld+json">{markup}</script></head>'
            f'<body><article>{body}</article></body></html>').encode("utf-8")
    result = import_article(empty_db, "https://news.example/reviews", fetcher=PageFetcher(html))
    assert result.claims == 3
    claims = {c["claim"]: c for c in empty_db.query("SELECT * FROM claims")}
    verbatim = claims["two-way trade between Russia and Pakistan increased from a minute US$92 million in 2003"]
    assert verbatim["quote"] == verbatim["claim"] and verbatim["kind"] == "other"
    assert verbatim["verdict"] == "inaccurate" and verbatim["verdict_by"] == "Facts Desk"
    assert verbatim["verdict_note"] == ("No source gives the 2003 figure.\n\nImported rating: “Mostly False” "
                                        "(2 on a scale from 1 to 5), by Facts Desk.")
    sources = list(empty_db.query("SELECT url, title, relation FROM sources JOIN claim_sources ON source_id = sources.id "
                                  "WHERE claim_id = ?", [verbatim["id"]]))
    assert sources == [{"url": "https://fdi.example/article", "title": "Pakistan and Russia", "relation": "cited"}]
    paraphrase = claims["Zardari met Medvedev six times in three years."]
    assert paraphrase["quote"].startswith("In fact, it is notable that, over the last three years, President Zardari")
    assert paraphrase["verdict"] == "accurate" and paraphrase["verdict_by"] == "checker import"
    own = list(empty_db.query("SELECT relation FROM claim_sources WHERE claim_id = ?", [paraphrase["id"]]))
    assert own == [{"relation": "context"}]  # it appeared in the very page imported
    unmatched = claims["Moon made of cheese, say officials"]
    assert unmatched["quote"] == SEED_PARAGRAPHS[0].replace("\u00a0", " ")  # no sentence matches: the first
    assert unmatched["verdict"] == "unrated" and "“Satire”" in unmatched["verdict_note"]


# -- files --------------------------------------------------------------------------------


def test_text_file_in_any_encoding(tmp_path, empty_db):
    path = tmp_path / "trade.txt"
    text = "Товарооборот растёт\n\nТоварооборот между Россией и Пакистаном в 2008 году составил 630 млн долларов."
    path.write_bytes(text.encode("windows-1251"))
    result = import_article(empty_db, str(path))
    row = empty_db["articles"].get(result.article_id)
    assert row["title"] == "Товарооборот растёт"
    assert row["text"] == "Товарооборот между Россией и Пакистаном в 2008 году составил 630 млн долларов."
    assert row["url"] is None and row["imported_from"] == str(path.resolve())
    assert result.article_id == "trade"  # a title with no ASCII spelling: the file's name


def test_pdf_file(tmp_path, empty_db):
    path = tmp_path / "report.pdf"
    path.write_bytes(minimal_pdf("Trade reached US$630 million in 2008."))
    result = import_article(empty_db, str(path))
    row = empty_db["articles"].get(result.article_id)
    assert row["title"] == "Trade reached US$630 million in 2008."
    assert "US$630 million in 2008" in row["text"]


def test_slugs_are_unique_and_id_can_be_given(tmp_path, empty_db):
    for i in range(3):
        path = tmp_path / f"copy{i}.txt"
        path.write_text("Budget Day: Ärger im Rathaus!\n\nThe council met.\n", encoding="utf-8")
        import_article(empty_db, str(path))
    ids = [r["id"] for r in empty_db.query("SELECT id FROM articles ORDER BY id")]
    assert ids == ["budget-day-arger-im-rathaus", "budget-day-arger-im-rathaus-2", "budget-day-arger-im-rathaus-3"]
    path = tmp_path / "given.txt"
    path.write_text("Another\n\nText.\n", encoding="utf-8")
    assert import_article(empty_db, str(path), article_id="my-own-id").article_id == "my-own-id"
    assert slugify("A" * 100 + " tail") == "a" * 60
    assert slugify("  The   budget: 2026 -- part two  ") == "the-budget-2026-part-two"


# -- bad input ----------------------------------------------------------------------------


@pytest.fixture
def bad_site():
    nav_only = ("<html><head><title>Index</title></head><body><nav><ul>" + "".join(
        f'<li><a href="/s/{i}">Story {i}</a></li>' for i in range(12)) + "</ul></nav></body></html>").encode()
    soft_404 = ("<html><head><title>Page not found | News Example</title></head><body><main><h1>Page not found</h1>"
                + PROSE * 2 + "</main></body></html>").encode()
    routes = {
        "/photo.png": lambda h: h.send(200, PNG, "image/png"),
        "/nav": lambda h: h.send(200, nav_only),
        "/gone": lambda h: h.send(200, soft_404),
        "/broken": lambda h: h.send(500, b"oops", "text/plain"),
        "/empty": lambda h: h.send(200, b"", "text/html"),
        "/robots.txt": lambda h: h.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain"),
        "/private/story": lambda h: h.send(200, SEED_PAGE.read_bytes()),
    }
    with LocalServer(routes=routes) as server:
        yield server


def bad_inputs(site, tmp_path):
    (tmp_path / "folder.html").mkdir()
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 a word file")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a PDF")
    (tmp_path / "title-only.txt").write_text("Just a title\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("A title\n\nSome text.\n", encoding="utf-8")
    return [
        ([site.url("/nav")], "refused_address"),  # no --allow-address: a local address is refused
        ([site.url("/missing"), *LOCAL], "not_found: HTTP 404"),
        ([site.url("/broken"), *LOCAL], "server_error: HTTP 500"),
        ([site.url("/private/story"), *LOCAL], "robots_disallowed"),
        ([site.url("/photo.png"), *LOCAL], "is not an article: its content type is image/png"),
        ([site.url("/nav"), *LOCAL], "is not an article: no main text found (under 30 words of prose)"),
        ([site.url("/gone"), *LOCAL], "is not an article: the page says it does not exist ('Page not found')"),
        ([site.url("/empty"), *LOCAL], "is not an article: the page is empty"),
        (["ftp://files.example/article.html"], "invalid URL"),
        (["file:///etc/passwd"], "invalid URL"),
        ([site.url("/nav"), "--allow-address", "localhost/8"], "is not an address or network"),
        ([tmp_path / "missing.html"], "no file at"),
        ([tmp_path / "folder.html"], "is a folder, not a file"),
        ([tmp_path / "notes.docx"], "checker imports .html, .htm, .txt and .pdf files"),
        ([tmp_path / "photo.txt"], "is not text in any encoding"),
        ([tmp_path / "empty.html"], "is not an article: the page is empty"),
        ([tmp_path / "broken.pdf"], "is not an article: unsupported content type application/pdf"),
        ([tmp_path / "title-only.txt"], "it has no text after its title line"),
        ([good, "--id", "Bad Id"], "must be lower-case letters, digits and hyphens"),
        ([good, "--id", "pakistan-russia-2012"], "already exists"),
    ]


def test_bad_input_one_line_nonzero_nothing_written(bad_site, tmp_path, db_path, capsys):
    for args, message in bad_inputs(bad_site, tmp_path):
        before = dump(db_path)
        with pytest.raises(SystemExit) as e:
            main(["import", *args, "--db", db_path])
        assert e.value.code != 0, args
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("Error: "), (args, err)
        assert message in err, (args, err)
        assert dump(db_path) == before, args


def test_a_page_that_never_answers_times_out(empty_db):
    with LocalServer(routes={"/slow": never_answers}) as server:
        fetcher = make_fetcher(CheckOptions(allow_addresses=("127.0.0.1/32",), timeout=1, use_archive=False))
        with pytest.raises(SourceUnreadable, match="timeout"):
            import_article(empty_db, server.url("/slow"), fetcher=fetcher)
        fetcher.session.close()
    assert empty_db["articles"].count == 0


def test_already_imported_under_another_id_is_refused(tmp_path, empty_db):
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nText.\n", encoding="utf-8")
    import_article(empty_db, str(path), article_id="first")
    assert import_article(empty_db, str(path)).status == "already_imported"
    with pytest.raises(Exception, match="already imported as 'first', not 'second'"):
        import_article(empty_db, str(path), article_id="second")


def test_a_long_article_about_something_not_found_is_an_article(empty_db):
    html = furnished_page("\n".join(f"<p>{p}</p>" for p in SEED_PARAGRAPHS), title="Missing plane not found after ten years")
    result = import_article(empty_db, "https://news.example/world/plane", fetcher=PageFetcher(html))
    assert empty_db["articles"].get(result.article_id)["title"] == "Missing plane not found after ten years"


def test_an_article_written_without_spaces_is_an_article(empty_db):
    # Japanese, Chinese and Korean write no spaces between words: their prose is counted by its signs (round 38)
    paragraphs = ["東京都は月曜日、新しい交通計画を発表した。計画では路線バスの本数を大きく増やす。",
                  "都の担当者は、利用者の声を聞きながら運行の時間帯を見直すと話した。",
                  "計画は来年の春から順に始まり、駅の周りの道路も新しく整える予定だ。"]
    html = furnished_page("\n".join(f"<p>{p}</p>" for p in paragraphs), title="東京都、新しい交通計画を発表")
    result = import_article(empty_db, "https://news.example/jp/transit", fetcher=PageFetcher(html))
    assert "路線バス" in empty_db["articles"].get(result.article_id)["text"]


def test_not_an_article_is_an_invalid_input():
    with pytest.raises(NotAnArticle):
        extract_article(page_document("https://news.example/x", b"<html><body><p>Too short.</p></body></html>"))


# -- bounds (checker/limits.py): a page or file past them is cut with a note, or refused in one line ---------------


def links_page(links, per_paragraph):
    """An article with links: per_paragraph of them in each paragraph, each in a sentence of its own, or (0) all in
    one paragraph without a full stop."""
    if per_paragraph:
        body = "".join("<p>" + " ".join(f'Exports rose {i + j}% in 2024, <a href="https://s{i + j}.example/r">the '
                                        'office</a> said.' for j in range(per_paragraph)) + "</p>\n"
                       for i in range(0, links, per_paragraph))
    else:
        body = "<p>" + " ".join(f'see <a href="https://s{i}.example/r/{i}">source {i}</a>' for i in range(links)) + "</p>"
    return furnished_page(body, title="Sources")


def varied_paragraphs(characters):
    """Paragraphs of about 1,000 characters, about characters in all, no two alike (an extractor drops repeats)."""
    paragraphs, length, i = [], 0, 0
    while length < characters:
        paragraphs.append(" ".join(f"On day {i}.{n} of the session the council approved item {i * 7 + n} of its "
                                   f"agenda; the vote was {(i + n) % 50} to {50 - (i + n) % 50}, the clerk recorded."
                                   for n in range(8)))
        length += len(paragraphs[-1]) + 2
        i += 1
    return paragraphs


def json_ld(script):
    return f'<script type="application/ld+json">{script}</script>'


REVIEW = ('{"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "The museum has 4 floors.", '
          '"reviewRating": {"@type": "Rating", "alternateName": "False"}}')
MUSEUM = "<p>The museum has 4 floors, a guide told visitors who asked about the building's history and its plans.</p>"

# name, the page, the notes the import gives (each a fragment of one), and what must hold of the article
PAGE_BOUNDS = [
    ("an ordinary page", lambda: SEED_PAGE.read_bytes(), [], lambda a: len(a.links) == 5),
    ("100,000 links in 5 MB", lambda: links_page(100_000, 10),
     [f"the page's markup was cut after its first {MAX_PAGE_ELEMENTS:,} elements",
      f"kept the first {MAX_LINKS:,} cited links, the most checker keeps"],
     lambda a: len(a.links) == MAX_LINKS),
    ("100,000 links in one paragraph without a full stop", lambda: links_page(100_000, 0),
     [f"the page's markup was cut after its first {MAX_PAGE_ELEMENTS:,} elements",
      f"kept the first {MAX_LINKS:,} cited links, the most checker keeps",
      f"cited links in a sentence over {MAX_SENTENCE_CHARS:,} characters keep only the part of it around the link"],
     lambda a: all(link.anchor in link.sentence for link in a.links)),
    ("3 MB of text", lambda: furnished_page("\n".join(f"<p>{p}</p>" for p in varied_paragraphs(3_000_000))),
     [f"the text was cut at {MAX_TEXT_CHARS:,} characters, the most checker keeps"],
     lambda a: "\n\n".join(varied_paragraphs(3_000_000)).startswith(a.text)),
    ("JSON-LD nested 100,000 deep beside a review", lambda: furnished_page(MUSEUM, head=json_ld("[" * 100_000 + "]" * 100_000)
                                                                             + json_ld(REVIEW)),
     ["1 JSON-LD block nested deeper than 100 levels skipped unread"],
     lambda a: [r.claim for r in a.reviews] == ["The museum has 4 floors."]),
    ("microdata nested 300 deep", lambda: furnished_page(MUSEUM).replace(
        b"<footer>", b'<div itemscope itemtype="https://schema.org/ClaimReview">'
        + b'<div itemprop="itemReviewed" itemscope itemtype="https://schema.org/Claim">' * 300 + b"x" + b"</div>" * 301
        + b"<footer>"),
     ["the page's microdata markup could not be read, and was skipped"], lambda a: a.reviews == []),
]


@pytest.mark.parametrize("name,page,notes,holds", PAGE_BOUNDS, ids=[c[0] for c in PAGE_BOUNDS])
def test_a_page_within_bounds(name, page, notes, holds):
    article = extract_article(page_document("https://news.example/world/page.html", page()))
    assert len(article.notes) == len(notes), article.notes
    for note, fragment in zip(article.notes, notes):
        assert fragment in note and "\n" not in note
    assert len(article.text) <= MAX_TEXT_CHARS and len(article.links) <= MAX_LINKS
    assert all(len(link.sentence) <= MAX_SENTENCE_CHARS and link.sentence in article.text for link in article.links)
    assert holds(article)


@pytest.mark.parametrize("name,page,notes,holds", PAGE_BOUNDS, ids=[c[0] for c in PAGE_BOUNDS])
def test_importing_a_page_within_bounds(name, page, notes, holds, tmp_path, db_path, capsys):
    path = tmp_path / "page.html"
    path.write_bytes(page())
    main(["import", path, "--db", db_path])
    captured = capsys.readouterr()
    assert captured.err == ""
    lines = captured.out.splitlines()
    assert lines[0].startswith("imported ")
    assert len(lines) == 1 + len(notes)
    for line, fragment in zip(lines[1:], notes):
        assert line.startswith("note: ") and fragment in line
    [article] = rows(db_path, "SELECT id, text FROM articles WHERE imported_from = ?", [str(path)])
    links = rows(db_path, "SELECT sentence FROM article_links WHERE article_id = ?", [article["id"]])
    assert len(article["text"]) <= MAX_TEXT_CHARS and len(links) <= MAX_LINKS
    assert all(len(link["sentence"]) <= MAX_SENTENCE_CHARS for link in links)


DEEP_JSON_LD = [
    ("100,000 nested arrays", "[" * 100_000 + "]" * 100_000, True),
    ("100,000 nested objects", '{"a":' * 100_000 + "1" + "}" * 100_000, True),
    ("a review holding 100,000 nested arrays and objects", '{"@type": "ClaimReview", "claimReviewed": "Deep.", "x": '
     + '[{"a":' * 50_000 + "1" + "}]" * 50_000 + "}", True),
    ("100,000 arrays never closed", "[" * 100_000, True),
    ("500 nested objects, which Python's json would parse", '{"a":' * 500 + "1" + "}" * 500, True),
    # a review is two levels deep itself (its rating is an object)
    ("a review nested as deep as is read", "[" * (MAX_JSON_DEPTH - 2) + REVIEW + "]" * (MAX_JSON_DEPTH - 2), False),
    ("a review one level deeper", "[" * (MAX_JSON_DEPTH - 1) + REVIEW + "]" * (MAX_JSON_DEPTH - 1), True),
]


@pytest.mark.parametrize("name,script,skipped", DEEP_JSON_LD, ids=[c[0] for c in DEEP_JSON_LD])
def test_deeply_nested_json_ld_through_the_command(name, script, skipped, tmp_path, db_path, capsys):
    path = tmp_path / "deep.html"
    path.write_bytes(furnished_page(MUSEUM, head=json_ld(script)))
    main(["import", path, "--db", db_path])
    captured = capsys.readouterr()
    assert captured.err == "" and "Traceback" not in captured.out
    lines = captured.out.splitlines()
    assert lines[0].startswith("imported ")
    if skipped:
        assert lines[1:] == ["note: 1 JSON-LD block nested deeper than 100 levels skipped unread"]
        assert "0 claims from embedded fact-checks" in lines[0]
    else:
        assert lines[1:] == [] and "1 claim from embedded fact-checks" in lines[0]


@pytest.mark.parametrize("text,depth", [
    ("1", 0), ('"[[["', 0), ("[]", 1), ('{"a": [1, {"b": [2]}]}', 4), ('["]", "\\"[", "\\\\", [[]]]', 3),
    ("[[[", 3), ('[[], [[]], []]', 3), ('{"a": "unterminated [[[', 1),
])
def test_json_depth(text, depth):
    assert json_depth(text) == depth


def test_json_depth_stops_counting_past_its_stop():
    assert json_depth("[" * 1000, stop=10) == 11


@pytest.mark.parametrize("texts,limit,kept,note", [
    (["abc", "def"], 8, ["abc", "def"], None),
    (["abc", "def"], 7, ["abc", "de"], "1 of its 8 characters dropped; the last paragraph kept is cut short"),
    (["one two", "three"], 5, ["one"], "11 of its 14 characters dropped, 1 of its 2 paragraphs left out; the last "
                                       "paragraph kept is cut short"),
    (["one two", "three"], 9, ["one two"], "7 of its 14 characters dropped, 1 of its 2 paragraphs left out"),
    (["abcdefgh"], 4, ["abcd"], "4 of its 8 characters dropped; the last paragraph kept is cut short"),
])
def test_within_text_limit(texts, limit, kept, note):
    notes = []
    found = within_text_limit([Paragraph(t, "p", [("https://x.example/", 0, 1, "x")]) for t in texts], notes, limit)
    if note is None:
        assert [p.text for p in found] == texts and notes == []
    else:
        assert [p.text for p in found] == kept
        assert notes == [f"the text was cut at {limit:,} characters, the most checker keeps: {note}"]
    assert len("\n\n".join(p.text for p in found)) <= limit


@pytest.mark.parametrize("text,room,cut", [
    ("one two three", 13, 13), ("one two three", 9, 7), ("one two three", 7, 7), ("one two three", 3, 3),
    ("one\ntwo", 5, 3), ("abcdef", 4, 4), ("abc", 0, 0),
])
def test_cut_at_space(text, room, cut):
    assert cut_at_space(text, room) == cut


@pytest.mark.parametrize("span,link,width,expected", [
    ((0, 30), (10, 14), 40, (0, 30)),  # the whole sentence fits
    ((0, 100), (50, 54), 20, (45, 59)),  # around the link, from and to spaces
    ((0, 100), (0, 4), 20, (0, 19)),  # at the sentence's start
    ((0, 100), (96, 100), 20, (85, 100)),  # at its end
    ((0, 100), (10, 60), 20, (10, 30)),  # a link longer than the window: its start
])
def test_window_around_a_link(span, link, width, expected):
    text = " ".join(f"{i:04d}" for i in range(20))  # 0000 0001 ...: a word every five characters
    assert window(text, span, *link, width=width) == expected
    lo, hi = window(text, span, *link, width=width)
    assert hi - lo <= width and span[0] <= lo <= link[0] < hi <= span[1]


@pytest.mark.parametrize("html,limit,kept,dropped", [
    ("<html><body><p>a</p><p>b</p></body></html>", 4, "ab", 0),
    ("<html><body><p>a</p><p>b <i>c</i> d</p><p>e</p></body></html>", 4, "ab ", 2),
    ("<html><body><div><p>a <b>b</b> c</p> tail</div><p>d</p></body></html>", 4, "a ", 2),
])
def test_within_element_limit(html, limit, kept, dropped):
    tree = lxml.html.fromstring(html)
    notes = []
    assert within_element_limit(tree, notes, limit) is bool(dropped)
    assert "".join(tree.itertext()) == kept
    if dropped:
        total = limit + dropped
        assert notes == [f"the page's markup was cut after its first {limit:,} elements, the most checker reads: "
                         f"{dropped:,} of its {total:,} elements dropped"]


def test_a_text_file_over_the_limit_is_cut_at_a_paragraph(tmp_path, db_path, capsys):
    paragraphs = varied_paragraphs(MAX_TEXT_CHARS + 100_000)
    path = tmp_path / "long.txt"
    path.write_text("A long text\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    main(["import", path, "--db", db_path])
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith(f"note: the text was cut at {MAX_TEXT_CHARS:,} characters, the most checker keeps: ")
    [article] = rows(db_path, "SELECT text FROM articles WHERE imported_from = ?", [str(path)])
    assert len(article["text"]) <= MAX_TEXT_CHARS
    assert article["text"].split("\n\n") == paragraphs[:article["text"].count("\n\n") + 1]


def test_a_pdf_is_read_no_further_than_the_text_limit(empty_db):
    pages = varied_paragraphs(MAX_TEXT_CHARS + 500_000)
    per_page = 100
    body = minimal_pdf(*(" ".join(pages[i:i + per_page]) for i in range(0, len(pages), per_page)))
    article = extract_article(Document(body, "application/pdf", "/tmp/report.pdf"))
    assert len(article.text) <= MAX_TEXT_CHARS
    assert article.notes[0].startswith(f"the text was cut at {MAX_TEXT_CHARS:,} characters")
    assert article.notes[1].startswith("the PDF's last ") and article.notes[1].endswith("not read, past the text's limit")


ENDLESS = [
    ("/dev/zero named .txt", lambda tmp: os.symlink("/dev/zero", tmp / "zero.txt") or tmp / "zero.txt",
     "zero.txt holds more than 10 MB: checker reads at most that much from a file"),
    ("a file of 11 MB", lambda tmp: sparse_file(tmp / "big.html", 11 * MB), "big.html is 11 MB: checker reads at most 10 MB"),
]


def sparse_file(path, size):
    with open(path, "wb") as f:
        f.truncate(size)
    return path


@pytest.mark.parametrize("name,make,message", ENDLESS, ids=[c[0] for c in ENDLESS])
def test_a_file_over_the_limit_is_refused_in_one_line(name, make, message, tmp_path, db_path, capsys):
    path = make(tmp_path)
    before = dump(db_path)
    with pytest.raises(SystemExit) as e:
        main(["import", path, "--db", db_path])
    assert e.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("Error: ") and message in err
    assert dump(db_path) == before


ROAD_TOLL = """<html{lang}><head><title>Holiday roads</title>
<meta property="article:published_time" content="2013-11-27T10:00:00Z"></head><body><article>
<h1>Holiday roads</h1>
<p>Police said 416 motorists died during Thanksgiving weekend last year, and they urged drivers to slow down
on the busiest roads of the season.</p>
<p>The council will spend {money} on new crossings near schools, the mayor said on a visit to the city's
northern suburbs, where traffic has grown every year.</p>
</article></body></html>"""


@pytest.mark.parametrize("lang,money,locale,source", [
    (' lang="en-US"', "$2 million", "en-US", "lang"),
    ("", "NZ$2 million", "en-NZ", "currency"),  # nothing declared: the currency its figures are written in
    ("", "2 million", None, None),  # nothing says
])
def test_an_article_keeps_the_locale_it_is_read_in(tmp_path, empty_db, lang, money, locale, source):
    path = tmp_path / "roads.html"
    path.write_text(ROAD_TOLL.format(lang=lang, money=money), encoding="utf-8")
    result = import_article(empty_db, str(path))
    row = empty_db["articles"].get(result.article_id)
    assert (row["locale"], row["locale_from"]) == (locale, source)
    from checker.propose import propose
    propose(empty_db, result.article_id, limit=None)
    dated = {r["quote"]: (r["date_start"], r["date_end"]) for r in empty_db.query("SELECT quote, date_start, date_end FROM proposals")}
    toll = next(d for q, d in dated.items() if "416 motorists" in q)
    # the holiday is read in the article's country; with none, only "last year" is
    assert toll == (("2012-11-22", "2012-11-25") if locale == "en-US" else ("2012", "2012"))
