"""m014: a snapshot keeps the locale its page was read in. The page's language and country decide how
it writes numeric dates ("8/2/2024": 8 February in New Zealand, 2 August in the US) and which dollar a
bare "$" is; that is read once, when the page is fetched, from what the page declares (`lang`), its
address's country domain, or the currency it writes, and kept beside its text: `locale` ("en-NZ")
and `locale_from` (lang, domain or currency). Both are NULL when nothing said, and on snapshots taken
before this step. Frozen, like every landed step."""
from . import migrations
from .sql import run

# A language tag ("en", "en-NZ", "sr-Latn-RS"), told by what it said and from where.
LOCALE = "locale IS NULL OR (locale GLOB '[a-z][a-z]*' AND locale NOT GLOB '*[^A-Za-z0-9-]*' AND length(locale) <= 35)"
LOCALE_FROM = ("locale_from IN ('lang', 'domain', 'currency') AND locale IS NOT NULL"
               " OR locale_from IS NULL AND locale IS NULL")


@migrations()
def m014_snapshot_locales(db):
    run(db, f"""
    ALTER TABLE snapshots ADD COLUMN locale TEXT CHECK ({LOCALE});
    ALTER TABLE snapshots ADD COLUMN locale_from TEXT CHECK ({LOCALE_FROM});
    """)
