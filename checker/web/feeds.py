"""Atom feeds of what needs attention: any table, view or query with the columns atom_id, atom_title
and atom_updated (optionally atom_content and atom_link) has a .atom twin, such as
/claims/review_queue.atom and /claims/health_changes.atom.

datasette-atom does this too, but fails on a query with no rows, which is the review queue's usual
and best state; this renderer writes a valid empty feed instead (RFC 4287)."""
import datetime
import xml.etree.ElementTree as ET

from datasette.utils.asgi import Response

ATOM = "http://www.w3.org/2005/Atom"
REQUIRED = {"atom_id", "atom_title", "atom_updated"}


def can_render(columns):
    return REQUIRED.issubset(columns or ())


def rfc3339(value):
    """Our ISO timestamps ('2026-11-27T04:01:07.123Z', '2026-11-27') as RFC 3339 date-times."""
    text = str(value or "").strip().replace(" ", "T")
    if len(text) == 10:
        text += "T00:00:00Z"
    if not text.endswith("Z") and "+" not in text[10:]:
        text += "Z"
    return text


def absolute(request, path):
    if not path:
        return None
    if path.startswith(("http://", "https://")):
        return path
    return f"{request.scheme}://{request.host}{path}"


def feed_xml(*, feed_id, title, self_url, rows, urls, request):
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = feed_id
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    updated = max((rfc3339(r["atom_updated"]) for r in rows), default=None)
    if updated is None:
        updated = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = updated
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=self_url)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "checker"
    ET.SubElement(feed, f"{{{ATOM}}}generator").text = "checker"
    for row in rows:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = str(row["atom_id"])
        ET.SubElement(entry, f"{{{ATOM}}}title").text = str(row["atom_title"])
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = rfc3339(row["atom_updated"])
        link = row.get("atom_link")
        if link:
            ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=absolute(request, urls.path(link)))
        if row.get("atom_content"):
            ET.SubElement(entry, f"{{{ATOM}}}content", type="text").text = str(row["atom_content"])
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")


async def render_atom(datasette, request, columns, rows, database, table, query_name, data):
    if not can_render(columns):
        return Response.text("This page has no atom_id, atom_title and atom_updated columns to make a feed of.",
                             status=400)
    rows = [dict(zip(columns, r)) if not hasattr(r, "keys") else dict(r) for r in rows]
    name = table or query_name or "query"
    title = {"review_queue": "checker: the review queue", "health_changes": "checker: changes of health"}.get(
        name, f"checker: {name}")
    self_url = str(request.url)
    body = feed_xml(feed_id=self_url.split("?")[0], title=title, self_url=self_url, rows=rows,
                    urls=datasette.urls, request=request)
    return Response(body, content_type="application/atom+xml; charset=utf-8")
