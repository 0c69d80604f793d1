"""The add-claim form read into the library's arguments: its numbered source rows, the proposal it
was filled from, and every error at once, named after the form's own fields; the warning beside an
address that checks will not fetch."""
from ..store import claims as lib
from .. import propose
from ..store.db import transaction
from ..errors import CheckerError, InvalidFields, NotFound
from ..text import quote_occurs, quote_stops

MAX_ROWID = 2 ** 63 - 1


def as_rowid(text):
    """The row id text names, or None when it is not a number SQLite can hold (such a number names no
    row: asking SQLite would raise OverflowError)."""
    text = (text or "").strip()
    if not text.isascii() or not text.isdigit() or int(text) > MAX_ROWID:
        return None
    return int(text)


def source_rows(form):
    """The numbered source fields of the add-claim form, as the library's list of sources."""
    # isdecimal, not isdigit: int() refuses a superscript digit
    numbers = sorted({int(k.split("_")[1]) for k in form if k.startswith("source_") and k.split("_")[1].isdecimal()})
    rows = []
    for n in numbers:
        row = {f: form.get(f"source_{n}_{f}") for f in ("url", "passage", "title", "relation")}
        if any((row[f] or "").strip() for f in ("url", "passage", "title")):  # a relation alone is a blank row
            rows.append((n, row))
    return rows


def add_claim_with_sources(db, form, by):
    """The add-claim form's claim and sources; from a proposal ("Accept…"), the proposal is marked
    accepted in the same transaction."""
    proposal = (form.get("proposal") or "").strip()
    if proposal and as_rowid(proposal) is None:
        raise NotFound("proposal", proposal).at("form")
    with transaction(db):
        claim_id = claim_from_form(db, form, by)
        if proposal:
            propose.mark_accepted(db, as_rowid(proposal), claim_id, by)
    return claim_id


def claim_from_form(db, form, by):
    return _as_form(lib.add_claim, db, form, added_by=by)


def claim_row_of_form(db, form):
    """The form checked as add_claim checks it, nothing written (every problem raised at once)."""
    return _as_form(lib.checked_claim, db, form)


def _as_form(call, db, form, **more):
    rows = source_rows(form)
    try:
        return call(
            db, article_id=form.get("article"), quote=form.get("quote"), kind=form.get("kind"),
            claim=form.get("claim"), value=form.get("value"), unit=form.get("unit"),
            date_start=form.get("date_start"), date_end=form.get("date_end"),
            sources=[{**row, "relation": row.get("relation") or "cited"} for _, row in rows], **more)
    except CheckerError as e:
        # the library numbers sources from 1 in the order given; the form may have gaps
        def renumbered(field):
            if field and field.startswith("source_"):
                i = int(field.split("_")[1])
                if 0 < i <= len(rows):
                    return f"source_{rows[i - 1][0]}_{field.split('_', 2)[2]}"
            return field
        e.field = renumbered(e.field)
        if isinstance(e, InvalidFields):
            e.errors = {renumbered(f): m for f, m in e.errors.items()}
        raise


def address_warning(url, options):
    """A warning when checks would refuse to fetch this address (private, local, reserved)."""
    from ..net.address_policy import AddressPolicy
    from ..errors import AddressRefused, NameNotResolved
    from urllib.parse import urlsplit

    parts = urlsplit(url or "")
    try:
        AddressPolicy.allowing(options.allow_addresses).resolve(parts.hostname, parts.port or 443)
    except AddressRefused as e:
        return f"Checks will not fetch it: {e} (the address policy refuses private and local networks)"
    except NameNotResolved:
        return "Its host name does not resolve from this server now: checks will report it as unreachable"
    except Exception:
        return None
    return None


def form_errors(e):
    """A refusal as the form shows it: each field's message under the field's name."""
    return dict(e.errors) if isinstance(e, InvalidFields) else {e.field or "form": str(e)}


def claim_form_errors(db, form):
    """Everything wrong with an add-claim form, read and not written: the library's refusals, and the
    claims that already quote the same words unless the editor said to add another from them."""
    proposal = (form.get("proposal") or "").strip()
    if proposal and as_rowid(proposal) is None:
        return {"form": str(NotFound("proposal", proposal))}  # a form no page of ours made
    try:
        claim_row_of_form(db, form)
    except CheckerError as e:
        errors = form_errors(e)
    else:
        errors = {}
    if "quote" not in errors and not form.get("same_quote"):
        same = lib.claims_quoting(db, form.get("article"), form.get("quote"))
        if same:
            errors["quote"] = ("these words are already claimed by " + ", ".join(f"claim {c['id']} (“{c['claim']}”)" for c in same)
                               + ": open it, or tick “add another claim from these words”")
            errors["same_quote_claims"] = same
    return errors


def address_warnings(form, options):
    """(field, warning) for each source address of a form that checks would refuse to fetch."""
    return [(f"source_{n}_url", w) for n, row in source_rows(form) if (w := address_warning(row.get("url"), options))]


def quote_check_result(db, article_id, quote):
    """{"found"} for the live quote check, and where a quote not found stops matching ("stops")."""
    rows = list(db.query("SELECT text FROM articles WHERE id = ?", [article_id]))
    if not rows or not quote.strip():
        return {"found": False}
    if quote_occurs(quote, rows[0]["text"]):
        return {"found": True}
    stops = quote_stops(quote, rows[0]["text"])
    return {"found": False, "stops": dict(zip(("matched", "typed", "article"), stops)) if stops else None}
