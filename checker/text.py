"""Small pure helpers for cleaning, normalising and comparing text (what users type, what pages say),
and for writing counts as people write them. Figures and dates are written by reading/describe.py."""
import datetime
import functools
import re
import unicodedata

# The characters the database's quote check ignores (see migrations.squashed).
SQUASHED_WHITESPACE = re.compile("[ \t\n\r\u00a0]")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QUOTES = {ord(c): "'" for c in "‘’‚‛′`´"} | {ord(c): '"' for c in "“”„‟″«»"}
DASHES = {ord(c): "-" for c in "‐‑‒–—―−﹘﹣－"}
# A live page's time stamp opening a post ("14.29 Indonesian authorities ...", "Update 21:40 – Police ...", "09:15 GMT:
# ..."): when the post went up, which neither the post's furniture nor its figures include.
LIVE_STAMP = re.compile(r"(?:(?:Update[ds]?|UPDATE[DS]?)\s*)?(?:[01]?\d|2[0-3])[.:][0-5]\d"
                        r"(?:\s*(?:[ap]\.?m\.?|local(?:\s+time)?|[A-Z]{2,4}))?(?:\s*[-–—:|]\s*|\s+)(?=[A-Z“\"‘'])")
# Characters a page may hold that nobody types: soft hyphens, zero-width spaces and joiners.
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


def clean(value: object) -> str | None:
    """Strip a typed value; an empty or all-blank value becomes None."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def squash(text: str) -> str:
    """Text with whitespace removed: how quotes are compared with their article."""
    return SQUASHED_WHITESPACE.sub("", text)


def quote_occurs(quote: str, text: str) -> bool:
    """True when the quote stands in the text, compared as find_in_article compares them."""
    return find_in_article(quote, text) is not None


def find_in_article(quote: str, article_text: str) -> str | None:
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


def quote_stops(quote: str, article_text: str) -> tuple[str, str, str] | None:
    """Where a typed quote stops matching its article, compared as find_in_article compares: (the
    typed words that match, the typed words from there on, the article's words from there on), or
    None when the whole quote matches (or none of it does)."""
    wanted, q_starts, _ = _quote_units(quote or "")
    folded, starts, ends = _quote_units(article_text or "")
    if not wanted or folded.find(wanted) >= 0 or folded.find(wanted[0]) < 0:
        return None
    lo, hi = 1, len(wanted)  # the longest prefix found is at least lo and less than hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if folded.find(wanted[:mid]) >= 0 else (lo, mid)
    at = folded.find(wanted[:lo])
    typed_at = q_starts[lo]
    before = quote[:typed_at]
    word_at = typed_at if not before.strip() or before[-1].isspace() else len(before) - len(before.split()[-1])
    partial = len(_quote_units(quote[word_at:typed_at])[0])  # shown from the start of the word that differs
    article_at = starts[at + lo - partial] if partial < lo else starts[at]
    return quote[:word_at].strip(), quote[word_at:].strip(), article_text[article_at:article_at + 40].strip()


@functools.lru_cache(maxsize=16)  # the browser's live check asks again at every keystroke
def _quote_units(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """(text folded for the quote check, where each folded character starts in text, where it ends).

    A letter is taken with its combining marks, so that one typed composed matches one written
    decomposed; one character may fold to several ("ß" to "ss", "…" to "..."), each mapped back
    to the whole of it."""
    folded: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
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


def _fold_quote_unit(unit: str) -> str:
    unit = unicodedata.normalize("NFC", unit).translate(QUOTES).translate(DASHES)
    return "..." if unit == "…" else unit.casefold()


def is_partial_date(value: str, partial: bool = True) -> bool:
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


def display_text(text: str | None) -> str:
    """A page's text as shown in snippets: NFKC, hyphenation at line ends undone, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"(\w)-[ \t]*\n[ \t]*(\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip()


def fold(display: str) -> str:
    """Lower-case with straight quotes and plain dashes, keeping every character's position."""
    folded = display.translate(QUOTES).translate(DASHES)
    lowered = folded.lower()
    if len(lowered) != len(folded):  # a few characters lower-case to two; keep those as they are
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    return lowered


def normalise(text: str | None) -> str:
    """Text as the matcher compares it: display_text, then fold."""
    return fold(display_text(text))


def plural(n: int, word: str, plural: str | None = None) -> str:
    """"1 claim", "2 claims", "0 claims": the count with its word in the right number."""
    return f"{n} {word_for(n, word, plural)}"


def word_for(n: int, word: str, plural: str | None = None) -> str:
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
