"""The add-claim form read into the library's arguments: its numbered source rows, the proposal it
was filled from, and errors named after the form's own fields."""
from ..store import claims as lib
from .. import propose
from ..store.db import transaction
from ..errors import CheckerError, NotFound

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
            propose.mark_accepted(db, as_rowid(proposal), claim_id)
    return claim_id


def claim_from_form(db, form, by):
    rows = source_rows(form)
    try:
        return lib.add_claim(
            db, article_id=form.get("article"), quote=form.get("quote"), kind=form.get("kind"),
            claim=form.get("claim"), value=form.get("value"), unit=form.get("unit"),
            date_start=form.get("date_start"), date_end=form.get("date_end"),
            sources=[{**row, "relation": row.get("relation") or "cited"} for _, row in rows], added_by=by)
    except CheckerError as e:
        # the library numbers sources from 1 in the order given; the form may have gaps
        if e.field and e.field.startswith("source_"):
            i = int(e.field.split("_")[1])
            if 0 < i <= len(rows):
                e.field = f"source_{rows[i - 1][0]}_{e.field.split('_', 2)[2]}"
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
