"""Atom feeds of what needs attention: any table, view or query with the columns atom_id, atom_title
and atom_updated (optionally atom_content and atom_link) has a .atom twin, such as
/claims/review_queue.atom and /claims/health_changes.atom.

datasette-atom does this too, but fails on a query with no rows, which is the review queue's usual
and best state; this renderer writes a valid empty feed instead (RFC 4287). The XML is feedgen's; every
text passes xml_text first, since a claim may hold characters XML 1.0 cannot.

A feed links to its HTML twin (the same address without .atom) as rel="alternate". Its updated is
its latest entry's, never the time of the request, so that a reader sees news only when there is
some; an empty feed (the review queue, mostly) says when its database was made (its first
migration), which no entry can predate: the one moment the feed can vouch for. With no migrations
to read, the epoch."""
import datetime
import re
import sqlite3

from datasette.utils.asgi import Response
from feedgen.feed import FeedGenerator

REQUIRED = {"atom_id", "atom_title", "atom_updated"}
# What XML 1.0 cannot hold (its Char production): C0 controls but tab, line feed and carriage return;
# surrogates; U+FFFE and U+FFFF. A claim may hold any of them, and one would make the feed unreadable.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class BadFeedRow(ValueError):
    """Raised when a row's atom_updated is not a date or time."""


def can_render(columns):
    return REQUIRED.issubset(columns or ())


def xml_text(value):
    """A value as text XML 1.0 can hold: each character it cannot becomes U+FFFD, so that the reader
    sees something was there."""
    return NOT_XML.sub("\ufffd", str(value))


def timestamp(value):
    """Our ISO timestamps ('2026-11-27T04:01:07.123Z', '2026-11-27 04:01:07', '2026-11-27') as aware
    datetimes, UTC when they name no zone."""
    try:
        moment = datetime.datetime.fromisoformat(str(value or "").strip())
    except ValueError:
        raise BadFeedRow(f"atom_updated {str(value)!r} is not an ISO date or time")
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.timezone.utc)


def absolute(request, path):
    if not path:
        return None
    if path.startswith(("http://", "https://")):
        return path
    return f"{request.scheme}://{request.host}{path}"


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def html_twin(path: str, query: str) -> str:
    """The HTML page a feed follows: its address without .atom, the same query but its _format."""
    kept = "&".join(part for part in query.split("&") if part and not part.startswith("_format="))
    return path.removesuffix(".atom") + (f"?{kept}" if kept else "")


def feed_xml(*, feed_id, title, self_url, html_url, rows, urls, request, empty_updated=EPOCH):
    """The Atom document (RFC 4287) for rows with atom_id, atom_title, atom_updated and optionally
    atom_content and atom_link; an entry with neither content nor link carries its title as content,
    since Atom requires one of them. The feed's updated is its latest entry's, ``empty_updated``
    when it has none."""
    feed = FeedGenerator()
    feed.id(xml_text(feed_id))
    feed.title(xml_text(title))
    feed.link(href=xml_text(self_url), rel="self")
    feed.link(href=xml_text(html_url), rel="alternate", type="text/html")
    feed.author({"name": "checker"})
    feed.generator("checker")
    moments = [timestamp(row["atom_updated"]) for row in rows]
    feed.updated(max(moments, default=empty_updated))
    for row, moment in zip(rows, moments):
        entry = feed.add_entry(order="append")
        entry.id(xml_text(row["atom_id"]))
        entry.title(xml_text(row["atom_title"]))
        entry.updated(moment)
        link = row.get("atom_link")
        if link:
            entry.link(href=xml_text(absolute(request, urls.path(str(link)))), rel="alternate")
        content = row.get("atom_content")
        if content or not link:
            entry.content(xml_text(content or row["atom_title"]), type="text")
    return feed.atom_str(pretty=False, encoding="utf-8")


async def database_made(datasette, database) -> datetime.datetime:
    """When the database was made: its first migration's time, else the epoch."""
    try:
        first = (await datasette.get_database(database).execute(
            "select min(applied_at) from _sqlite_migrations")).first()
        return timestamp(first[0]) if first and first[0] else EPOCH
    except (sqlite3.Error, KeyError, BadFeedRow):  # another database, without our migrations: only the epoch
        return EPOCH


async def render_atom(datasette, request, columns, rows, database, table, query_name, data):
    if not can_render(columns):
        return Response.text("This page has no atom_id, atom_title and atom_updated columns to make a feed of.",
                             status=400)
    rows = [dict(zip(columns, r)) if not hasattr(r, "keys") else dict(r) for r in rows]
    name = table or query_name or "query"
    title = {"review_queue": "checker: the review queue", "health_changes": "checker: changes of health"}.get(
        name, f"checker: {name}")
    self_url = str(request.url)
    html_url = absolute(request, html_twin(request.path, request.query_string))
    try:
        body = feed_xml(feed_id=self_url.split("?")[0], title=title, self_url=self_url, html_url=html_url, rows=rows,
                        urls=datasette.urls, request=request,
                        empty_updated=EPOCH if rows else await database_made(datasette, database))
    except BadFeedRow as e:
        return Response.text(f"This page cannot be a feed: {e}.", status=400)
    return Response(body, content_type="application/atom+xml; charset=utf-8")
