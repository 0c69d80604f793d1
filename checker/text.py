"""Small pure helpers for cleaning, normalising and comparing text (what users type, what pages say)."""
import datetime
import re
import unicodedata

# The characters the database's quote check ignores (see migrations.squashed).
SQUASHED_WHITESPACE = re.compile("[ \t\n\r\u00a0]")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QUOTES = {ord(c): "'" for c in "‘’‚‛′`´"} | {ord(c): '"' for c in "“”„‟″«»"}
DASHES = {ord(c): "-" for c in "‐‑‒–—―−﹘﹣－"}


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


def display_text(text):
    """A page's text as shown in snippets: NFKC, hyphenation at line ends undone, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"(\w)-[ \t]*\n[ \t]*(\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip()


def fold(display):
    """Lower-case with straight quotes and plain dashes, keeping every character's position."""
    folded = display.translate(QUOTES).translate(DASHES)
    lowered = folded.lower()
    if len(lowered) != len(folded):  # a few characters lower-case to two; keep those as they are
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    return lowered


def normalise(text):
    """Text as the matcher compares it: display_text, then fold."""
    return fold(display_text(text))
