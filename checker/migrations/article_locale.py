"""m017: an article keeps the locale its page was read in, as a snapshot does (m014): `locale` ("en-US")
and `locale_from` (lang, domain or currency), decided at import from what the page declares, its
address's country domain, or the currency its figures are written in. Proposals read the article in it:
which dollar a bare "$" is, which way "8/2/2024" goes, which country's holidays "Thanksgiving weekend"
names. NULL for articles added by hand and those imported before this step. Frozen, like every landed step."""
from . import migrations
from .sql import run

LOCALE = "locale IS NULL OR (locale GLOB '[a-z][a-z]*' AND locale NOT GLOB '*[^A-Za-z0-9-]*' AND length(locale) <= 35)"
LOCALE_FROM = ("locale_from IN ('lang', 'domain', 'currency') AND locale IS NOT NULL"
               " OR locale_from IS NULL AND locale IS NULL")


@migrations()
def m017_article_locales(db):
    run(db, f"""
    ALTER TABLE articles ADD COLUMN locale TEXT CHECK ({LOCALE});
    ALTER TABLE articles ADD COLUMN locale_from TEXT CHECK ({LOCALE_FROM});
    """)
