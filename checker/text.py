"""Small pure helpers for cleaning, normalising and comparing text (what users type, what pages say),
and for writing figures, dates and counts as people write them."""
import datetime
import functools
import re
import unicodedata

# The characters the database's quote check ignores (see migrations.squashed).
SQUASHED_WHITESPACE = re.compile("[ \t\n\r\u00a0]")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QUOTES = {ord(c): "'" for c in "‘’‚‛′`´"} | {ord(c): '"' for c in "“”„‟″«»"}
DASHES = {ord(c): "-" for c in "‐‑‒–—―−﹘﹣－"}
# Characters a page may hold that nobody types: soft hyphens, zero-width spaces and joiners.
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


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
    """True when the quote stands in the text, compared as find_in_article compares them."""
    return find_in_article(quote, text) is not None


def find_in_article(quote, article_text):
    """The article's own words for a typed quote, or None when they are not in it.

    Straight and curly quotes (and primes, guillemets), dash variants, whitespace (any amount,
    non-breaking, line breaks; none at all), invisible characters, "…" against "..." and case
    count as equal; accents do not ("résumé" is not "resume"). Where the quote stands more than
    once, its first occurrence is returned: a span of article_text, which is what a claim stores,
    and which the database's own quote check (whitespace ignored) always accepts."""
    wanted, _, _ = _quote_units(quote or "")
    if not wanted:
        return None
    folded, starts, ends = _quote_units(article_text or "")
    at = folded.find(wanted)
    if at < 0:
        return None
    return article_text[starts[at]:ends[at + len(wanted) - 1]]


@functools.lru_cache(maxsize=16)  # the browser's live check asks again at every keystroke
def _quote_units(text):
    """(text folded for the quote check, where each folded character starts in text, where it ends).

    A letter is taken with its combining marks, so that one typed composed matches one written
    decomposed; one character may fold to several ("ß" to "ss", "…" to "..."), each mapped back
    to the whole of it."""
    folded, starts, ends = [], [], []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        unit = text[i:j]
        if not (unit.isspace() or unit in INVISIBLE):
            for ch in _fold_quote_unit(unit):
                folded.append(ch)
                starts.append(i)
                ends.append(j)
        i = j
    return "".join(folded), tuple(starts), tuple(ends)


def _fold_quote_unit(unit):
    unit = unicodedata.normalize("NFC", unit).translate(QUOTES).translate(DASHES)
    return "..." if unit == "…" else unit.casefold()


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


def plural(n, word, plural=None):
    """"1 claim", "2 claims", "0 claims": the count with its word in the right number."""
    return f"{n} {word_for(n, word, plural)}"


def word_for(n, word, plural=None):
    """The word alone in the right number for n. Regular English plurals are made here ("entry",
    "entries"; "match", "matches"); pass others."""
    if n == 1:
        return word
    if plural is None:
        if re.search(r"[^aeiou]y$", word):
            return word[:-1] + "ies"
        if re.search(r"(?:s|x|z|ch|sh)$", word):
            return word + "es"
        return word + "s"
    return plural


SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
UNIT_WORDS = {"percent": "%", "per cent": "%", "%": "%"}


def describe_value(value, unit=None):
    """A claim's figure as people write it: 92000000 USD -> "US$92 million", 6 meetings -> "6
    meetings", 62.6 percent -> "62.6%", 1200000000 NZD -> "NZ$1.2 billion". None when there is no
    value. Currencies take CLDR's English symbol where it has one (US$ for the US dollar, whose bare
    "$" many currencies share), else their code: "PKR 5 million"."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = float(value)
    except (TypeError, ValueError):
        return f"{value} {unit}".strip() if unit else str(value)
    unit = clean(unit)
    figure = _describe_amount(amount)
    if unit is None:
        return figure
    from . import currencies  # imported here: what it builds on imports this module
    if currencies.is_currency_code(unit):
        return _with_currency(figure, unit.upper())
    if unit.lower() in UNIT_WORDS:
        return f"{figure}{UNIT_WORDS[unit.lower()]}"
    if amount == 1:
        unit = _singular(unit)
    return f"{figure} {unit}"


def _describe_amount(amount):
    """92000000 -> "92 million"; 1234567 -> "1,234,567" (a scale only where it rounds nothing away)."""
    from .figures import describe_number  # imported here: figures reads pages with this module's folding
    for scale, _ in SCALE_WORDS:
        if abs(amount) >= scale:
            scaled = amount / scale
            if round(scaled, 3) == scaled:
                return ("-" if amount < 0 else "") + describe_number(abs(amount))
            break
    if amount == int(amount):
        return f"{int(amount):,}"
    return f"{amount:,.6f}".rstrip("0").rstrip(".")


def _with_currency(figure, code):
    from babel import numbers
    symbol = "US$" if code == "USD" else numbers.get_currency_symbol(code, "en")
    if symbol == code:
        return f"{code} {figure}"
    return f"-{symbol}{figure[1:]}" if figure.startswith("-") else f"{symbol}{figure}"


def _singular(unit):
    """The singular of a unit written in the plural: "meetings" -> "meeting", "injuries" -> "injury"."""
    if re.search(r"[^aeiou]ies$", unit):
        return unit[:-3] + "y"
    if unit.endswith("s") and not unit.endswith("ss"):
        return unit[:-1]
    return unit


def describe_dates(start, end=None):
    """A claim's dates as people write them: ("2012-02-07", "2012-02-09") -> "7-9 February 2012",
    ("2003-02", None) -> "February 2003", ("2008", "2010") -> "2008-2010". None when there is no
    start; a value that is not an ISO date is given back as it is."""
    start, end = clean(start), clean(end)
    if start is None:
        return None
    if not is_partial_date(start) or (end is not None and not is_partial_date(end)):
        return start if end in (None, start) else f"{start} - {end}"
    from .dates import MONTH_NAMES, describe_date, parse_iso  # imported here: dates imports this module's folding
    first, last, precision = parse_iso(start)
    if end is None or end == start:
        return describe_date(first, last, precision)
    end_first, end_last, end_precision = parse_iso(end)
    if precision == end_precision == "day" and first[0] == end_last[0]:
        return describe_date(first, end_last, "day")  # "7-9 February 2012", "28 February - 2 March 2012"
    if precision == end_precision == "month" and first[0] == end_last[0]:
        return f"{MONTH_NAMES[first[1]]}-{MONTH_NAMES[end_last[1]]} {first[0]}"
    if precision == end_precision == "year":
        return f"{first[0]}-{end_last[0]}"
    return f"{describe_date(first, last, precision)} - {describe_date(end_first, end_last, end_precision)}"
