"""The Datasette plugin (registered by entry point): hooks only. The pages are pages.py's; what
they read is landing.py's and claim_page.py's; rechecks run in jobs.py; `checker serve`'s
configuration is serve.py's."""
from datasette import hookimpl
from datasette.permissions import Action

from ..store.db import BUSY_TIMEOUT
from ..text import plural
from ..urls import web_url
from ..words import who
from . import cells
from . import feeds
from . import labels
from . import login
from . import pages
from . import stamps
from . import workflow
from .claim_page import day
from .schedule import Schedule
from .pages import EDIT, RECHECK, ROUTES, claims_database
from .serve import remove_config_folder


@hookimpl
def register_actions():
    return [
        Action(name=EDIT, abbr="ce", description="Add claims and sources and set verdicts in the checker workbench"),
        Action(name=RECHECK, abbr="cr", description="Recheck the sources of a claim or an article from the workbench"),
    ]


@hookimpl
def prepare_connection(conn, database, datasette):
    # Datasette's own writes (the insert form, the JSON API) are held to the foreign keys too, and
    # wait their turn while a check writes, as a check waits for them.
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    stamps.prepare(conn)


@hookimpl
def write_wrapper(datasette, database, request, transaction):
    return stamps.acting_as(request.actor if request is not None else None)


@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.filters["web_url"] = web_url
    env.filters["label"] = lambda value, vocabulary: labels.label(vocabulary, value)
    env.filters["explain"] = lambda value, vocabulary: labels.explain(vocabulary, value)
    env.filters["family"] = labels.family
    env.filters["day"] = day
    env.filters["plural"] = plural
    env.filters["who"] = who
    env.filters["column_words"] = labels.column_words
    env.filters["column_value"] = lambda value, column: labels.column_value(column, value)
    env.filters["filter_words"] = lambda args: labels.filter_words(
        [(key, value) for key in args.keys() for value in args.getlist(key)])


@hookimpl
def startup(datasette):
    remove_config_folder((datasette.plugin_config("checker") or {}).get("config_folder"))
    pages.check_options(datasette)  # a recheck setting out of its range stops the server here, not a Recheck later
    every = (datasette.plugin_config("checker") or {}).get("recheck_every")
    if every:
        datasette._checker_schedule = Schedule(claims_database(datasette).path, float(every),
                                               pages.check_options(datasette)).start()


@hookimpl
def register_output_renderer(datasette):
    return {"extension": "atom", "render": feeds.render_atom, "can_render": feeds.can_render}


@hookimpl
def extra_template_vars(datasette):
    async def inner():
        return {"checker_about": await datasette.get_instance_metadata(), "checker_claim_card": labels.CLAIM_CARD}

    return inner


@hookimpl
def register_routes():
    return login.ROUTES + ROUTES + workflow.ROUTES


@hookimpl
def render_cell(row, value, column, table, database, datasette, request):
    if value is None or database != claims_database(datasette).name:
        return None
    return cells.render(row, value, column, table, request, datasette.urls)


@hookimpl
def menu_links(datasette, actor):
    async def inner():
        links = [{"href": datasette.urls.path("/"), "label": "Workbench"}]
        if await datasette.allowed(action=EDIT, actor=actor):
            links.append({"href": datasette.urls.path("/-/add-claim"), "label": "Add a claim"})
            links.append({"href": datasette.urls.path("/-/import"), "label": "Import an article"})
        return links

    return inner


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins("checker", "workbench.css")]
