"""The claim page's workflow actions: take a claim, hand it on, send it to review, publish it, or take it back to
work. Each is a POST from the claim page's own forms (Datasette refuses one from another site), written through
store/workflow.py as the logged-in editor; a refusal is shown beside the buttons and nothing is written."""
from datasette import Response

from ..errors import CheckerError
from ..store import workflow as lib
from . import labels
from .pages import EDIT, action, actor_name, claim_id_of, render_claim_page, require, write

DONE = {"in_progress": "Back in progress", "in_review": "Sent to review", "published": "Published",
        "unstarted": "Marked unstarted"}


async def change(datasette, request, fn, value, message):
    await require(datasette, request, EDIT)
    claim_id = claim_id_of(request)
    try:
        row = await write(datasette, request, fn, claim_id, value, by=actor_name(request))
    except CheckerError as e:
        return await render_claim_page(datasette, request, {"workflow": str(e)}, status=400)
    datasette.add_message(request, message(row))
    return Response.redirect(datasette.urls.path(f"/-/claim/{claim_id}#workflow"))


async def assign(datasette, request):
    """Give the claim to the editor the form names (the logged-in one, to take it; none: to nobody)."""
    assignee = (dict(await request.post_vars()).get("assignee") or "").strip() or None
    return await change(datasette, request, lib.assign, assignee,
                        lambda row: f"Claim {row['id']} is now with {row['assignee'] or 'nobody'}")


async def set_status(datasette, request):
    status = (dict(await request.post_vars()).get("status") or "").strip()
    return await change(datasette, request, lib.set_status, status, lambda row: (
        f"{DONE.get(row['status'], labels.label('status', row['status']))}: claim {row['id']}"))


ROUTES = [
    (r"^/-/claim/(?P<claim_id>\d+)/assign$", action(assign)),
    (r"^/-/claim/(?P<claim_id>\d+)/status$", action(set_status)),
]
