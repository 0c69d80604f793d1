"""m008: articles come in from a page or a file, with the links they cite and the claims proposed in them.

- articles.imported_from: the URL or file an article was imported from (`checker import`), and
  articles.imported_at; a rerun finds the article by it and adds nothing.
- article_versions: an article's earlier texts, kept when `checker import --refresh` takes a new one.
- article_links: every outbound link in an article's body, with its anchor text, the sentence it
  stands in and its paragraph's position (0 for the first paragraph).
- proposals: atomic claims proposed from an article's check-worthy sentences (`checker propose`),
  each a verbatim span of the article, until accepted (as a claim) or rejected.
Frozen, like every landed step."""
from . import migrations
from .sql import NOW, NOW_MS, filled, http_url, iso_date, optional, quote_in_article, run


@migrations()
def m008_intake(db):
    run(db, f"""
    ALTER TABLE articles ADD COLUMN imported_from TEXT CHECK ({optional('imported_from')});
    ALTER TABLE articles ADD COLUMN imported_at TEXT;
    CREATE UNIQUE INDEX articles_imported_from ON articles(imported_from) WHERE imported_from IS NOT NULL;

    CREATE TABLE article_versions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        text TEXT NOT NULL,
        replaced_at TEXT NOT NULL DEFAULT {NOW}
    );
    CREATE INDEX article_versions_article ON article_versions(article_id, id);

    CREATE TABLE article_links (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        url TEXT NOT NULL CHECK ({http_url('url')}),
        anchor TEXT,
        sentence TEXT,
        paragraph INTEGER NOT NULL CHECK (paragraph >= 0),
        UNIQUE (article_id, url, paragraph, anchor)
    );
    CREATE INDEX article_links_article ON article_links(article_id, paragraph);

    CREATE TABLE proposals (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        quote TEXT NOT NULL CHECK ({filled('quote')}),
        kind TEXT NOT NULL CHECK (kind IN ('trade_figure', 'visit_date', 'meeting_count', 'first_visit', 'attribution', 'quote', 'membership', 'title', 'historical', 'prediction', 'other')),
        claim TEXT NOT NULL CHECK ({filled('claim')}),
        value NUMERIC CHECK (value IS NULL OR (typeof(value) IN ('integer', 'real') AND value BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308)),
        unit TEXT CHECK ({optional('unit')}),
        date_start TEXT CHECK ({iso_date('date_start')}),
        date_end TEXT CHECK ({iso_date('date_end')}),
        score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
        cited_urls TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(cited_urls) AND json_type(cited_urls) = 'array'),
        repeats TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(repeats) AND json_type(repeats) = 'array'),
        status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'rejected')),
        claim_id INTEGER REFERENCES claims(id),
        created_at TEXT NOT NULL DEFAULT {NOW_MS},
        CHECK ((value IS NULL) = (unit IS NULL)),
        CHECK (date_end IS NULL OR date_start IS NOT NULL),
        CHECK ((status = 'accepted') = (claim_id IS NOT NULL)),
        UNIQUE (article_id, quote, claim)
    );
    CREATE INDEX proposals_article ON proposals(article_id, status);

    -- A proposal quotes its article, as a claim does.
    CREATE TRIGGER proposals_quote_in_article BEFORE INSERT ON proposals
    WHEN NOT {quote_in_article('NEW.quote', 'NEW.article_id')}
    BEGIN
        SELECT RAISE(ABORT, 'proposals.quote must occur in the text of its article');
    END;
    CREATE TRIGGER proposals_keep_their_words BEFORE UPDATE OF article_id, quote ON proposals
    BEGIN
        SELECT RAISE(ABORT, 'a proposal keeps its article and quote: propose again instead');
    END;
    """)
