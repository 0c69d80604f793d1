"""`checker import`: an article from a web page or a file, with its cited links and embedded fact-checks."""
import click

from ..store.db import open_db
from ..intake import import_article as import_source
from ..text import plural
from .options import allow_addresses_option, db_option


def describe(result):
    """What an import did, in one line."""
    if result.status == "already_imported":
        return (f"already imported as {result.article_id} ({result.imported_from}); nothing changed"
                " (with --refresh, a changed text becomes a new version)")
    if result.status == "unchanged":
        return f"{result.article_id} is up to date: the text at {result.imported_from} has not changed; nothing changed"
    counts = (f"{plural(result.paragraphs, 'paragraph')}, {plural(result.links, 'cited link')}, "
              f"{plural(result.claims, 'claim')} from embedded fact-checks")
    if result.status == "refreshed":
        line = (f"refreshed {result.article_id}: new text ({counts}); "
                f"the earlier text is kept as version {result.version}")
        if result.earlier_proposals:
            ids = ", ".join(map(str, result.earlier_proposals))
            line += (f"; {plural(len(result.earlier_proposals), 'open proposal')} ({ids}) came from sentences the new"
                     f" text changed or dropped: see `checker proposals --article {result.article_id}`")
        return line
    return f"imported {result.article_id}: “{result.title}” ({counts})"


def report(result):
    """What an import did: its line, then a line for each thing left out to stay within checker's limits."""
    return "\n".join([describe(result)] + [f"note: {note}" for note in result.notes])


@click.command("import")
@db_option
@click.argument("source")
@click.option("--id", "article_id", help="The article's id, a slug such as budget-2026 (default: made from its title).")
@allow_addresses_option("Also admit this address range when fetching (repeatable), e.g. 127.0.0.1/32.")
@click.option("--refresh", is_flag=True,
              help="When the source was imported before and its text has changed, take the new text "
                   "(the old one is kept).")
def import_article(db_path, source, article_id, allow_addresses, refresh):
    """Import an article from SOURCE: an http(s) URL, or a .html, .htm, .txt or .pdf file.

    The page's main text and metadata are kept (not its navigation, comments or share links),
    with every link in the text and the paragraph and sentence it stands in, and each schema.org
    ClaimReview it embeds as a claim with its verdict. A rerun changes nothing;
    with --refresh, a changed text becomes the article's new text and the old
    one is kept.

    Example: checker import https://www.example.org/news/2026/budget-agreed
    """
    db = open_db(db_path)
    result = import_source(db, source, article_id=article_id, allow_addresses=allow_addresses, refresh=refresh)
    click.echo(report(result))
