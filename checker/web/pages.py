"""The workbench's pages: request handlers for the landing page, claim pages, forms, rechecks and
their status. Each reads through landing.py or claim_page.py and writes through the library. Actions
act on a POST only (ROUTES wraps each in `action`): a GET of one shows what it would do (actions.py)."""
import os
import re
from functools import partial

import sqlite_utils
from datasette import Forbidden, NotFound, Response

from ..store import claims as lib
from ..net.options import CheckOptions
from .. import propose
from ..errors import CheckerError
from ..limits import MAX_NEW_PROPOSALS, MAX_SENTENCE_CHARS
from ..text import plural
from ..units import unit_choices
from ..urls import normalise_url
from ..store.sources import select_sources
from ..vocab import HEALTHS, KINDS, PASSAGE_READ_IN, RELATIONS, VERDICTS
from . import actions, editorial, labels, landing
from . import article_page as article_page_data
from . import claim_page as claim_page_data
from .forms import (add_claim_with_sources, address_warning, address_warnings, as_rowid, claim_form_errors, form_errors,
                    quote_check_result, source_rows)
from .jobs import Jobs
from .uploads import save_upload

EDIT = "checker-edit"
RECHECK = "checker-recheck"
JOBS = Jobs()


def claims_database(datasette):
    """The Datasette database that holds the claims: configured, else the first with a claims table."""
    name = (datasette.plugin_config("checker") or {}).get("database")
    if name:
        return datasette.get_database(name)
    for db in datasette.databases.values():
        if db.path and db.name != "_internal":
            return db
    raise NotFound("no claims database is attached")


async def read(datasette, fn, *args):
    db = claims_database(datasette)
    return await db.execute_fn(lambda conn: fn(sqlite_utils.Database(conn), *args))


async def write(datasette, request, fn, *args, **kwargs):
    """Run a library write on Datasette's write connection, as the request's actor."""
    db = claims_database(datasette)
    return await db.execute_write_fn(lambda conn: fn(sqlite_utils.Database(conn), *args, **kwargs), request=request)


async def can(datasette, request, action):
    return await datasette.allowed(action=action, actor=request.actor)


async def require(datasette, request, action):
    if not await can(datasette, request, action):
        raise Forbidden(f"You may not do this here ({action})")


def actor_name(request):
    actor = request.actor or {}
    return actor.get("id") or actor.get("name")


async def render(datasette, request, template, context, status=200):
    db = claims_database(datasette)
    context = {
        "database": db.name,
        "can_edit": await can(datasette, request, EDIT),
        "can_recheck": await can(datasette, request, RECHECK),
        "kinds": KINDS,
        "verdicts": [v for v in VERDICTS if v != "unrated"] + ["unrated"],
        "relations": RELATIONS,
        "read_in": PASSAGE_READ_IN,
        "healths": HEALTHS,
        "states": ("alive", "failing", "dead", "blocked", "unchecked"),
        **context,
    }
    html = await datasette.render_template(template, context, request=request)
    return Response.html(html, status=status)


# --- pages ----------------------------------------------------------------------------------

async def landing_page(datasette, request):
    links = landing.Links(datasette.urls, claims_database(datasette).name)
    data = await read(datasette, landing.landing, links, request.args.get("q"))
    if actor_name(request) and await can(datasette, request, EDIT):
        data["work"] = await read(datasette, landing.work_of, actor_name(request))
    return await render(datasette, request, "checker_landing.html", {"data": data, "me": actor_name(request)})


async def claim_page(datasette, request):
    return await render_claim_page(datasette, request)


async def claim_json(datasette, request):
    """The claim page's content as JSON: /-/claim/ID.json."""
    claim_id = claim_id_of(request)
    data = await read(datasette, claim_page_data.claim_page, claim_id)
    if data is None:
        raise NotFound(f"no claim {claim_id}")
    for source in data["sources"]:
        source.pop("snippet_parts", None)
    data["context"] = {"before": data["context"][0], "quote": data["context"][1], "after": data["context"][2]}
    data["url"] = datasette.urls.path(f"/-/claim/{claim_id}")
    return Response.json(data)


def row_id(text, what):
    """A row id from the path or the query string: 404 when it cannot name a row."""
    number = as_rowid(text)
    if number is None:
        raise NotFound(f"no {what} {text}")
    return number


def claim_id_of(request):
    return row_id(request.url_vars["claim_id"], "claim")


async def render_claim_page(datasette, request, errors=None, form=None, status=200):
    claim_id = claim_id_of(request)
    data = await read(datasette, claim_page_data.claim_page, claim_id)
    if data is None:
        raise NotFound(f"no claim {claim_id}")
    recheck = None
    job = JOBS.get(request.args.get("job") or "")
    if job is not None and await can(datasette, request, RECHECK):
        recheck = job.as_dict()
    url = datasette.absolute_url(request, datasette.urls.path(f"/-/claim/{claim_id}"))
    head = await read(datasette, editorial.page_head, claim_id, url, *editorial.organisation(datasette).values())
    return await render(datasette, request, "checker_claim.html", {
        "page": data, "errors": errors or {}, "form": form or {}, "recheck": recheck, "head": head,
        "me": actor_name(request), "editors": editorial.editors(datasette)}, status=status)


async def set_verdict(datasette, request):
    await require(datasette, request, EDIT)
    claim_id = claim_id_of(request)
    form = dict(await request.post_vars())
    try:
        await write(datasette, request, lib.set_verdict, claim_id, form.get("verdict"), note=form.get("note"),
                    by=actor_name(request))
    except CheckerError as e:
        return await render_claim_page(datasette, request, {e.field if e.field == "note" else "verdict": str(e)},
                                       form, status=400)
    datasette.add_message(request, f"Verdict saved: {labels.label('verdict', form.get('verdict'))}")
    return Response.redirect(datasette.urls.path(f"/-/claim/{claim_id}"))


async def add_source(datasette, request):
    await require(datasette, request, EDIT)
    claim_id = claim_id_of(request)
    form = dict(await request.post_vars())
    try:
        await write(datasette, request, lib.add_source, claim_id, form.get("url"), relation=form.get("relation") or "supports",
                    passage=form.get("passage"), title=form.get("title"), publisher=form.get("publisher"),
                    note=form.get("note"), passage_found_at=form.get("passage_found_at"),
                    passage_read_in=form.get("passage_read_in"))
    except CheckerError as e:  # every field's problem beside it (form_errors), what was typed kept
        return await render_claim_page(datasette, request, form_errors(e) if e.field else {"url": str(e)}, form, status=400)
    warning = address_warning(form.get("url"), check_options(datasette))
    datasette.add_message(request, "Source added" + (f". {warning}" if warning else ""),
                          datasette.WARNING if warning else datasette.INFO)
    return Response.redirect(datasette.urls.path(f"/-/claim/{claim_id}"))


async def remove_source(datasette, request):
    """Take a source off a claim; its removal is recorded and its checks stay in the ledger."""
    await require(datasette, request, EDIT)
    claim_id = claim_id_of(request)
    source_id = row_id(request.url_vars["source_id"], "source")
    form = dict(await request.post_vars())
    try:
        await write(datasette, request, lib.remove_source, claim_id, source_id, by=actor_name(request),
                    reason=form.get("reason"))
    except CheckerError as e:
        datasette.add_message(request, str(e), datasette.ERROR)
    else:
        datasette.add_message(request, "Source removed from the claim; its checks stay on record")
    return Response.redirect(datasette.urls.path(f"/-/claim/{claim_id}"))


async def add_claim_form(datasette, request):
    await require(datasette, request, EDIT)
    form, errors = {}, {}
    if request.args.get("proposal") is not None:
        try:  # "Accept…" on an article page: the form starts as the proposal
            form = await read(datasette, article_page_data.form_for, row_id(request.args["proposal"], "proposal"))
        except CheckerError as e:
            raise NotFound(str(e))
        errors = form.pop("errors", {})
    return await render_add_claim(datasette, request, form, errors)


async def add_claim(datasette, request):
    await require(datasette, request, EDIT)
    form = dict(await request.post_vars())
    # every field is checked before anything is written, and every problem shown at once
    errors = await read(datasette, claim_form_errors, form)
    if not errors:
        try:
            claim_id = await write(datasette, request, add_claim_with_sources, form, actor_name(request))
        except CheckerError as e:
            errors = form_errors(e)
    if errors:
        return await render_add_claim(datasette, request, form, errors, 400)
    warned = "".join(f". {w}" for _, w in address_warnings(form, check_options(datasette)))
    datasette.add_message(request, f"Claim {claim_id} added{warned}", datasette.WARNING if warned else datasette.INFO)
    return Response.redirect(datasette.urls.path(f"/-/claim/{claim_id}"))


async def render_add_claim(datasette, request, form, errors, status=200):
    warnings = dict(address_warnings(form, check_options(datasette))) if request.method == "POST" else {}
    return await render(datasette, request, "checker_add_claim.html", {
        "articles": await read(datasette, lib.list_articles), "form": form, "errors": errors, "warnings": warnings,
        "units": unit_choices(), "error_list": [(f, m) for f, m in errors.items() if isinstance(m, str)],
        "source_numbers": sorted({n for n, _ in source_rows(form)} | {1, 2})}, status)


async def article_page(datasette, request):
    article_id = request.url_vars["article_id"]
    data = await read(datasette, article_page_data.article_page, article_id)
    if data is None:
        raise NotFound(f"no article {article_id}")
    return await render(datasette, request, "checker_article.html", {"page": data})


async def propose_claims(datasette, request):
    await require(datasette, request, EDIT)
    article_id = request.url_vars["article_id"]
    back = Response.redirect(datasette.urls.path(f"/-/article/{article_id}"))
    # the reading and matching take seconds on a long article: they run on a read connection, and
    # Datasette's one write connection is held only to save what was found
    try:
        found = await read(datasette, propose.find_proposals, article_id)
    except CheckerError as e:
        raise NotFound(str(e))
    try:
        result = await write(datasette, request, propose.save_proposals, found)
    except CheckerError as e:
        datasette.add_message(request, str(e), datasette.ERROR)
        return back
    message = f"{plural(len(result.added), 'new proposal')} from {plural(result.checkworthy, 'check-worthy sentence')}"
    if result.too_long:
        message += (f"; {plural(result.too_long, 'check-worthy sentence')} over {MAX_SENTENCE_CHARS:,} characters left"
                    " out (a table or list run together?)")
    if result.more:
        message += f"; stopped at {MAX_NEW_PROPOSALS:,} new proposals, the most one run adds: propose again for the rest"
    datasette.add_message(request, message)
    return back


async def decide_proposal(datasette, request, decide, done, reasoned=False):  # reject (with the form's reason), reopen
    await require(datasette, request, EDIT)
    why = [(await request.post_vars()).get("reason")] if reasoned else []
    proposal = None
    try:  # a refusal (no reason, already decided) is said on the article's page, beside the proposal
        proposal = await read(datasette, propose.get_proposal, row_id(request.url_vars["proposal_id"], "proposal"))
        await write(datasette, request, decide, proposal["id"], *why, by=actor_name(request))
        datasette.add_message(request, f"Proposal {proposal['id']} {done}")
    except CheckerError as e:
        datasette.add_message(request, str(e), datasette.ERROR)
    where = f"/-/article/{proposal['article_id']}#proposal-{proposal['id']}" if proposal else "/"
    return Response.redirect(datasette.urls.path(where))


async def import_form(datasette, request):
    await require(datasette, request, EDIT)
    job = JOBS.get(request.args.get("job") or "")
    return await render(datasette, request, "checker_import.html",
                        {"form": {}, "errors": {}, "job": job.as_dict() if job else None})


async def import_article(datasette, request):
    """Import an article by URL or upload, in the background like a Recheck."""
    await require(datasette, request, EDIT)
    form = await request.form(files=True, max_file_size=10 * 1024 * 1024)
    url, upload = (form.get("url") or "").strip(), form.get("file")
    try:
        if upload is not None and getattr(upload, "filename", None) and upload.size:
            source = save_upload(upload.filename, await upload.read())
        elif url:
            source = normalise_url(url)
        else:
            raise CheckerError("give the article's address or a file")
    except CheckerError as e:
        return await render(datasette, request, "checker_import.html",
                            {"form": {"url": url, "id": form.get("id")}, "errors": {"form": str(e)}, "job": None}, 400)
    job, _ = JOBS.start_import(claims_database(datasette).path, f"import:{source}", source,
                               article_id=(form.get("id") or "").strip() or None,
                               allow_addresses=check_options(datasette).allow_addresses)
    return Response.redirect(datasette.urls.path(f"/-/import?job={job.id}"))


async def quote_check(datasette, request):
    return Response.json(await read(datasette, quote_check_result, request.args.get("article") or "",
                                    request.args.get("quote") or ""))


async def address_check(datasette, request):
    """{"warning": ...}: what the address policy says of an address an editor is typing (None: checks
    will fetch it), for the warning beside every URL field. Editors only: it resolves host names."""
    await require(datasette, request, EDIT)
    return Response.json({"warning": address_warning(request.args.get("url") or "", check_options(datasette))})


def check_options(datasette):
    """Recheck options from the plugin's config; $CHECKER_ALLOW_ADDRESSES (comma-separated CIDRs) and
    $CHECKER_WAYBACK_BASE apply when the config does not say, as they do for `checker check`."""
    config = datasette.plugin_config("checker") or {}
    fields = {k: config[k] for k in ("concurrency", "min_interval", "timeout", "archive_interval",
                                     "max_retry_wait") if k in config}
    allow = config.get("allow_addresses") or [
        c.strip() for c in os.environ.get("CHECKER_ALLOW_ADDRESSES", "").split(",") if c.strip()]
    wayback = config.get("wayback_base") or os.environ.get("CHECKER_WAYBACK_BASE")
    if wayback:
        fields["wayback_base"] = wayback
    return CheckOptions(allow_addresses=tuple(allow), use_archive=config.get("use_archive", True), **fields)


async def start_recheck(datasette, request, key, selection, back):
    await require(datasette, request, RECHECK)
    try:  # a recheck of nothing that exists is a 404, not a job
        await read(datasette, lambda db: select_sources(db, **selection))
    except CheckerError as e:
        raise NotFound(str(e))
    db = claims_database(datasette)
    job, started = JOBS.start(db.path, key, selection, check_options(datasette))
    if wants_json(request):
        return Response.json({**job.as_dict(), "started": started}, status=202)
    datasette.add_message(request, "Recheck started" if started else "A recheck is already running")
    return Response.redirect(datasette.urls.path(back + f"?job={job.id}"))


async def recheck_claim(datasette, request):
    claim_id = claim_id_of(request)
    return await start_recheck(datasette, request, f"claim:{claim_id}", {"claims": [claim_id]}, f"/-/claim/{claim_id}")


def recheck_back(request):
    """Where an article's recheck returns: the claim page it was started from, else the landing page."""
    back = request.args.get("back") or "/"
    return back if re.fullmatch(r"/-/claim/\d+", back) else "/"


async def recheck_article(datasette, request):
    article_id = request.url_vars["article_id"]
    return await start_recheck(datasette, request, f"article:{article_id}", {"articles": [article_id]},
                               recheck_back(request))


async def job_status(datasette, request):
    await require(datasette, request, RECHECK)
    job = JOBS.get(request.url_vars["job_id"])
    if job is None:
        raise NotFound("no such job")
    return Response.json(job.as_dict())


# --- actions: a POST acts; a GET only shows what it would do --------------------------------

def wants_json(request):
    return request.headers.get("accept", "").startswith("application/json")


def action(act, show=None):
    """An action's route. Only a POST acts (Datasette refuses one sent from another site); a GET shows
    `show`'s page, a form or what the action would do with a button that POSTs it. Any other method,
    and a GET where no page makes sense, is answered 405. The session cookie is SameSite=lax, so a
    link followed from another site carries it: that must never change anything."""
    async def route(datasette, request):
        if request.method == "POST":
            return await act(datasette, request)
        if request.method in ("GET", "HEAD") and show is not None and not wants_json(request):
            return await show(datasette, request)
        return await not_allowed(datasette, request)

    return route


async def not_allowed(datasette, request):
    error = "This address acts only on a POST from the workbench's own forms."
    headers = {"Allow": "POST"}
    if wants_json(request):
        return Response.json({"ok": False, "error": error, "status": 405}, status=405, headers=headers)
    html = await datasette.render_template("error.html", {"ok": False, "error": error, "status": 405,
                                                          "title": "Method not allowed"}, request=request)
    return Response.html(html, status=405, headers=headers)


async def confirm(datasette, request, permission, describe, *args):
    """The page a GET of an action shows: what it would do (actions.py), and a button that does it."""
    await require(datasette, request, permission)
    try:
        confirmation = await read(datasette, describe, *args)
    except CheckerError as e:
        raise NotFound(str(e))
    return await render(datasette, request, "checker_confirm.html", {"confirm": confirmation})


async def confirm_remove(datasette, request):
    return await confirm(datasette, request, EDIT, actions.remove_source, claim_id_of(request),
                         row_id(request.url_vars["source_id"], "source"))


async def confirm_recheck_claim(datasette, request):
    return await confirm(datasette, request, RECHECK, actions.recheck_claim, claim_id_of(request))


async def confirm_recheck_article(datasette, request):
    return await confirm(datasette, request, RECHECK, actions.recheck_article, request.url_vars["article_id"],
                         recheck_back(request))


async def confirm_propose(datasette, request):
    return await confirm(datasette, request, EDIT, actions.propose, request.url_vars["article_id"])


async def confirm_decision(datasette, request, describe):
    return await confirm(datasette, request, EDIT, describe, row_id(request.url_vars["proposal_id"], "proposal"))


ROUTES = [
    (r"^/$", landing_page),
    (r"^/-/claim/(?P<claim_id>\d+)$", claim_page),
    (r"^/-/claim/(?P<claim_id>\d+)\.json$", claim_json),
    (r"^/-/claim/(?P<claim_id>\d+)/source/(?P<source_id>\d+)/remove$", action(remove_source, confirm_remove)),
    (r"^/-/claim/(?P<claim_id>\d+)/verdict$", action(set_verdict)),
    (r"^/-/claim/(?P<claim_id>\d+)/source$", action(add_source)),
    (r"^/-/claim/(?P<claim_id>\d+)/recheck$", action(recheck_claim, confirm_recheck_claim)),
    (r"^/-/article/(?P<article_id>[a-z0-9-]+)/recheck$", action(recheck_article, confirm_recheck_article)),
    (r"^/-/jobs/(?P<job_id>[0-9a-f]+)\.json$", job_status),
    (r"^/-/add-claim$", action(add_claim, add_claim_form)),
    (r"^/-/article/(?P<article_id>[a-z0-9-]+)$", article_page),
    (r"^/-/article/(?P<article_id>[a-z0-9-]+)/propose$", action(propose_claims, confirm_propose)),
    (r"^/-/proposal/(?P<proposal_id>\d+)/reject$", action(partial(decide_proposal, decide=propose.reject, done="rejected", reasoned=True),
                                                          partial(confirm_decision, describe=actions.reject))),
    (r"^/-/proposal/(?P<proposal_id>\d+)/reopen$", action(partial(decide_proposal, decide=propose.reopen, done="reopened"),
                                                          partial(confirm_decision, describe=actions.reopen))),
    (r"^/-/import$", action(import_article, import_form)),
    (r"^/-/quote-check\.json$", quote_check),
    (r"^/-/address-check\.json$", address_check),
]
