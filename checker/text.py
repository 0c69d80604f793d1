"""Small pure helpers for cleaning and comparing the text users type."""
import datetime
import re

# The characters the database's quote check ignores (see migrations.squashed).
SQUASHED_WHITESPACE = re.compile("[ \t\n\r\u00a0]")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def clean(value):
    """Strip a typed value; an empty or all-blank value becomes None."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def squash(text):
    """Text with whitespace removed: how quotes are compared with their article."""
    return SQUASHED_WHITESPACE.sub("", text)


def quote_occurs(quote, text):
    return squash(quote) in squash(text)


def is_partial_date(value, partial=True):
    """True for ISO dates; with partial, also for a bare year or year-month."""
    if not PARTIAL_DATE.match(value):
        return False
    parts = value.split("-")
    if len(parts) < 3 and not partial:
        return False
    year, month, day = (parts + ["01", "01"])[:3]
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def slug(value):
    """A lower-case slug of letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
