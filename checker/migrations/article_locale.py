"""m017: an article keeps the locale its page was read in, as a snapshot does (m014): `locale` ("en-US")
and `locale_from` (lang, domain or currency), decided at import from what the page declares, its
address's country domain, or the currency its figures are written in. Proposals read the article in it:
which dollar a bare "$" is, which way "8/2/2024" goes, which country's holidays "Thanksgiving weekend"
names. NULL for articles added by hand and those imported before this step. Frozen, like every landed step."""
from . import migrations
from .page_locale import LOCALE, LOCALE_FROM  # the same rules as a snapshot's, from a step that never changes
from .sql import run


@migrations()
def m017_article_locales(db):
    run(db, f"""
    ALTER TABLE articles ADD COLUMN locale TEXT CHECK ({LOCALE});
    ALTER TABLE articles ADD COLUMN locale_from TEXT CHECK ({LOCALE_FROM});
    """)
