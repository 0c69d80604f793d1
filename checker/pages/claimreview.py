"""Reading schema.org ClaimReview from a page (JSON-LD, microdata, RDFa) and its rating on our scale; pure.

A page that publishes fact-checks marks each one up as a ClaimReview: the claim reviewed, where it
appeared, and a rating that is either words ("Mostly false", "Pants on fire!") or a number on the
publisher's own scale, or both. extruct reads the markup; everything here turns what it found into
EmbeddedReview values. `checker import` makes each a claim with a verdict (see intake.py).

How a rating becomes one of our verdicts:

- **Words first**, since a number means nothing without its publisher's scale: ``alternateName`` (or
  the rating's ``name``) is looked up in RATING_WORDS, whole or as its opening words ("False. The
  photo is from 2010" reads as "false").
- **Else the number**: ``ratingValue`` placed on ``worstRating..bestRating`` (schema.org's defaults,
  1 and 5, where they are missing; a scale may run downwards): the top of the scale is
  ``accurate``, from 65% of the way up ``mostly_accurate``, above 25% ``partly_accurate``, and
  ``inaccurate`` at or below it. Our own export (1 to 4) reads back as it was written.
- **Else** the claim stays ``unrated``; the rating's words are kept in the note all the same.
"""
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import extruct
from extruct.jsonld import JsonLdExtractor
from extruct.utils import parse_html

from ..limits import MAX_APPEARANCES, MAX_JSON_DEPTH, MAX_RDFA_EXPANSIONS, MAX_REVIEWS
from ..text import word_for

SCHEMA_PREFIXES = ("http://schema.org/", "https://schema.org/", "schema:")
DEFAULT_BEST, DEFAULT_WORST = 5.0, 1.0  # schema.org's defaults for a Rating without its scale

# Rating words as publishers write them (PolitiFact, Snopes, AFP, Full Fact, The Washington Post,
# our own export, ...), folded as fold_words() folds them, and the verdict each stands for. "Mostly
# false" is inaccurate: its substance is wrong, as our inaccurate says; "misleading" and "missing
# context" are partly accurate: the claim holds only with an important qualification.
RATING_WORDS = {
    "accurate": (
        "true", "accurate", "correct", "verified", "confirmed", "fact", "factual", "right", "legit",
        "correct attribution", "geppetto checkmark",
    ),
    "mostly_accurate": (
        "mostly true", "mostly accurate", "mostly correct", "largely true", "largely accurate", "largely correct",
        "broadly true", "broadly accurate", "one pinocchio",
    ),
    "partly_accurate": (
        "half true", "half right", "partly true", "partly accurate", "partly correct", "partly false",
        "partially true", "partially accurate", "partially correct", "partially false", "mixture", "mixed",
        "misleading", "missing context", "needs context", "lacks context", "out of context", "exaggerated",
        "exaggerates", "exaggeration", "cherry picks", "two pinocchios",
    ),
    "inaccurate": (
        "false", "inaccurate", "incorrect", "wrong", "untrue", "not true", "fake", "fabricated", "hoax",
        "baseless", "debunked", "mostly false", "largely false", "mostly inaccurate", "mostly incorrect",
        "pants on fire", "three pinocchios", "four pinocchios", "misattributed", "incorrect attribution",
    ),
    "unverifiable": (
        "unverifiable", "unproven", "unverified", "unsubstantiated", "unsupported", "unfounded",
        "no evidence", "insufficient evidence", "not enough evidence", "lacks evidence", "cannot be verified",
        "can't be verified", "undetermined", "unclear",
    ),
}
WORD_VERDICTS = {words: verdict for verdict, table in RATING_WORDS.items() for words in table}
MAX_WORDS = max(len(words.split()) for words in WORD_VERDICTS)

# Where a rating falls on its scale (0 = worst, 1 = best) decides the verdict: the top is accurate,
# from MOSTLY up mostly_accurate, above PARTLY partly_accurate, the rest inaccurate.
MOSTLY, PARTLY = 0.65, 0.25
EPSILON = 1e-9


@dataclass(frozen=True)
class Appearance:
    url: str
    title: str | None = None


@dataclass(frozen=True)
class EmbeddedReview:
    """One ClaimReview as found on a page."""

    claim: str  # claimReviewed
    verdict: str  # on our scale; unrated when the rating could not be read
    rating_text: str | None  # the rating as published: 'Mostly false' or '2 on a scale from 1 to 5', or both
    reviewer: str | None = None  # the reviewing organisation's (or person's) name
    review_body: str | None = None
    review_url: str | None = None
    appearances: tuple[Appearance, ...] = ()  # where the claim was made (appearance, firstAppearance)

    @property
    def note(self) -> str:
        """The verdict note: the review's own words, then the rating as published."""
        line = "Imported rating: " + (self.rating_text or "none given")
        if self.reviewer:
            line += f", by {self.reviewer}"
        line += "."
        return f"{self.review_body}\n\n{line}" if self.review_body else line


SYNTAX_NAMES = {"microdata": "microdata", "rdfa": "RDFa"}


@dataclass
class FoundReviews:
    reviews: list[EmbeddedReview]  # at most MAX_REVIEWS
    notes: list[str]  # what was skipped or left out, in words


def find_reviews(html: str, base_url: str | None = None) -> list[EmbeddedReview]:
    """Every ClaimReview in an HTML page (a str), as read_reviews finds them."""
    return read_reviews(html, base_url).reviews


def read_reviews(html: str, base_url: str | None = None) -> FoundReviews:
    """The ClaimReviews of an HTML page (a str), in the order JSON-LD, microdata, RDFa, without repeats
    of the same claim (sites often mark one review up twice), at most MAX_REVIEWS. Markup that does not
    parse is skipped: one broken block does not hide the others; a JSON-LD block nested deeper than
    MAX_JSON_DEPTH is skipped unread. Returns FoundReviews, with a note of what was left out."""
    body = html.encode("utf-8")
    items, deep = json_ld_items(parse_html(body, "UTF-8"))
    unread: list[str] = []
    for syntax in ("microdata", "rdfa"):
        try:
            found = extruct.extract(body, base_url=base_url, syntaxes=[syntax], uniform=True, errors="ignore")
        except Exception:  # extruct's own reading failed (on markup nested too deeply for it, say): the rest stands
            unread.append(SYNTAX_NAMES[syntax])
            continue
        items.extend(rdfa_items(found.get(syntax) or []) if syntax == "rdfa" else found.get(syntax) or [])
    reviews: list[EmbeddedReview] = []
    seen: set[str | None] = set()
    appearances = 0
    for node in claim_review_nodes(compact(items)):
        review = read_review(node)
        key = fold_words(review.claim) if review else None
        if review and key not in seen:
            seen.add(key)
            appearances += len(review.appearances) > MAX_APPEARANCES
            reviews.append(replace(review, appearances=review.appearances[:MAX_APPEARANCES]))
    notes = [f"the page's {name} markup could not be read, and was skipped" for name in unread]
    if deep:
        notes.append(f"{deep:,} {word_for(deep, 'JSON-LD block')} nested deeper than {MAX_JSON_DEPTH} levels "
                     "skipped unread")
    if len(reviews) > MAX_REVIEWS:
        notes.append(f"kept the first {MAX_REVIEWS:,} of {len(reviews):,} embedded fact-checks, the most checker "
                     "takes from one page")
    if appearances:
        notes.append(f"{appearances:,} {word_for(appearances, 'embedded fact-check')} kept only the first "
                     f"{MAX_APPEARANCES} places {'its' if appearances == 1 else 'their'} claim appeared")
    return FoundReviews(reviews[:MAX_REVIEWS], notes)


def json_ld_items(root: Any) -> tuple[list[Any], int]:
    """The items of every JSON-LD block of a parsed page, and how many blocks were skipped unread for
    nesting deeper than MAX_JSON_DEPTH (a block that does not parse is skipped: the others stand)."""
    items: list[Any] = []
    deep = 0
    for script in root.xpath('//script[@type="application/ld+json"]'):
        if json_depth(script.xpath("string()"), stop=MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
            deep += 1
            continue
        try:
            items.extend(JsonLdExtractor().extract_items(script))
        except Exception:  # extruct raises what json and jstyleson raise, which is many kinds
            continue
    return items, deep


JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')  # a string (whose brackets do not count), or a bracket


def json_depth(text: str, stop: int | None = None) -> int:
    """How deeply a JSON text nests arrays and objects (0 for a scalar), read without parsing it, so
    that no depth can exhaust the stack; counting stops once it passes stop."""
    depth = deepest = 0
    for m in JSON_TOKENS.finditer(text):
        mark = m.group()[0]
        if mark in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if stop is not None and deepest > stop:
                    break
        elif mark in "]}":
            depth -= 1
    return deepest


def claim_review_nodes(value: object, depth: int = 0) -> Iterator[dict[str, Any]]:
    """The ClaimReview objects anywhere inside JSON-LD-shaped data, compacted (arrays, @graph, nested
    properties), looked for no deeper than MAX_JSON_DEPTH."""
    if depth > MAX_JSON_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from claim_review_nodes(item, depth + 1)
    elif isinstance(value, dict):
        if "ClaimReview" in types_of(value):
            yield value
            return
        for child in value.values():
            yield from claim_review_nodes(child, depth + 1)


def compact(node: object, depth: int = 0) -> Any:
    """A node with its property names and types stripped of the schema.org prefix (to MAX_JSON_DEPTH
    levels; what nests deeper is dropped)."""
    if depth > MAX_JSON_DEPTH:
        return None
    if isinstance(node, list):
        return [compact(n, depth + 1) for n in node]
    if not isinstance(node, dict):
        return node
    return {strip_prefix(k): compact(v, depth + 1) for k, v in node.items()}


def strip_prefix(name: Any) -> Any:
    for prefix in SCHEMA_PREFIXES:
        if isinstance(name, str) and name.startswith(prefix):
            return name[len(prefix):]
    return name


def types_of(node: dict[str, Any]) -> set[str]:
    kinds = node.get("@type") or []
    return {strip_prefix(k) for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)}


def rdfa_items(nodes: list[Any]) -> list[dict[str, Any]]:
    """extruct's RDFa (expanded JSON-LD: every value a list, references by @id) as plain nested objects.
    A reference is expanded into its node at most MAX_JSON_DEPTH deep and MAX_RDFA_EXPANSIONS times in
    all (a node cited twice by each of a chain of nodes would double at every step); past either it
    stays its @id."""
    by_id = {n.get("@id"): n for n in nodes if isinstance(n, dict) and n.get("@id")}
    budget = [MAX_RDFA_EXPANSIONS]

    def value(v: Any, seen: set[Any]) -> Any:
        if isinstance(v, dict):
            if "@value" in v:
                return v["@value"]
            ref = v.get("@id")
            if ref in by_id and ref not in seen and len(by_id[ref]) > 1 and len(seen) <= MAX_JSON_DEPTH \
                    and budget[0] > 0:
                budget[0] -= 1
                return node(by_id[ref], seen | {ref})
            return ref
        return v

    def node(n: dict[str, Any], seen: set[Any]) -> dict[str, Any]:
        out = {}
        for key, values in n.items():
            if key == "@type":
                out[key] = [strip_prefix(t) for t in values]
            elif key == "@id":
                continue
            else:
                got = [value(v, seen) for v in (values if isinstance(values, list) else [values])]
                out[strip_prefix(key)] = got[0] if len(got) == 1 else got
        return out

    return [node(n, {n.get("@id")}) for n in nodes if isinstance(n, dict) and n.get("@type")]


def first(value: Any, kind: type | None = None) -> Any:
    """The first item of a value that may be a list (of the given type, when one is named)."""
    for item in value if isinstance(value, list) else [value]:
        if item is not None and (kind is None or isinstance(item, kind)):
            return item
    return None


def text_of(value: Any) -> str | None:
    """A property's text: a string, a {"@value": ...}, or an object's name."""
    item = first(value)
    if isinstance(item, dict):
        item = item.get("@value") or item.get("name")
    if isinstance(item, (int, float)) and not isinstance(item, bool):
        item = str(item)
    if not isinstance(item, str):
        return None
    item = " ".join(item.split())
    return item or None


def read_review(node: dict[str, Any]) -> EmbeddedReview | None:
    """An EmbeddedReview from one ClaimReview object, or None when it names no claim."""
    item = first(node.get("itemReviewed"), dict) or {}
    claim = text_of(node.get("claimReviewed")) or text_of(item.get("text")) or text_of(item.get("name"))
    if not claim:
        return None
    rating = first(node.get("reviewRating"), dict) or {}
    words = text_of(rating.get("alternateName")) or text_of(rating.get("name"))
    value, best, worst = (number(rating.get(k)) for k in ("ratingValue", "bestRating", "worstRating"))
    return EmbeddedReview(
        claim=claim,
        verdict=verdict_for_rating(words, value, best, worst),
        rating_text=rating_text(words, value, best, worst),
        reviewer=text_of(node.get("author")),
        review_body=text_of(node.get("reviewBody")),
        review_url=text_of(node.get("url")),
        appearances=appearances_of(item),
    )


def appearances_of(item: dict[str, Any]) -> tuple[Appearance, ...]:
    """Where the reviewed claim appeared: the Claim's appearance and firstAppearance (URLs or works)."""
    found: list[Appearance] = []
    values: list[Any] = []
    for key in ("firstAppearance", "appearance"):
        value = item.get(key)
        values.extend(value if isinstance(value, list) else [value])
    if not values and "Claim" not in types_of(item):
        values.append(item.get("url"))  # the older markup: the reviewed CreativeWork is where it appeared
    for value in values:
        if isinstance(value, dict):
            url = text_of(value.get("url")) or value.get("@id")
            title = text_of(value.get("headline")) or text_of(value.get("name"))
        else:
            url, title = value, None
        if isinstance(url, str) and url.strip() and url.strip() not in [a.url for a in found]:
            found.append(Appearance(url.strip(), title))
    return tuple(found)


def number(value: Any) -> float | None:
    value = first(value)
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, bool):
        return None
    try:
        value = float(str(value).strip().replace(",", "."))
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def fold_words(text: str | None) -> str:
    """Rating words as RATING_WORDS holds them: lower case, plain quotes, no punctuation or dashes."""
    text = (text or "").lower().translate({ord(c): "'" for c in "‘’`´"})
    text = re.sub(r"[^\w']+|_", " ", text)
    return " ".join(text.split())


def verdict_for_words(words: str | None) -> str | None:
    """The verdict rating words stand for, whole or by their opening words; None when unknown."""
    folded = fold_words(words).split()
    for n in range(min(len(folded), MAX_WORDS), 0, -1):
        verdict = WORD_VERDICTS.get(" ".join(folded[:n]))
        if verdict:
            return verdict
    return None


def verdict_for_value(value: float | None, best: float | None = None, worst: float | None = None) -> str | None:
    """The verdict for a number on its scale (schema.org's 1 to 5 when the scale is not given)."""
    if value is None:
        return None
    best = DEFAULT_BEST if best is None else best
    worst = DEFAULT_WORST if worst is None else worst
    if best == worst:
        return None
    position = min(1.0, max(0.0, (value - worst) / (best - worst)))
    if position >= 1 - EPSILON:
        return "accurate"
    if position >= MOSTLY - EPSILON:
        return "mostly_accurate"
    if position > PARTLY + EPSILON:
        return "partly_accurate"
    return "inaccurate"


def verdict_for_rating(words: str | None = None, value: float | None = None, best: float | None = None,
                       worst: float | None = None) -> str:
    """Our verdict for a published rating: its words first, else its number, else unrated."""
    return verdict_for_words(words) or verdict_for_value(value, best, worst) or "unrated"


def rating_text(words: str | None = None, value: float | None = None, best: float | None = None,
                worst: float | None = None) -> str | None:
    """The rating as published, in one phrase: 'Mostly false (2 on a scale from 1 to 5)'."""
    parts = []
    if words:
        parts.append(f"“{words}”")
    if value is not None:
        scale = f"{show(value)} on a scale from {show(DEFAULT_WORST if worst is None else worst)}"
        scale += f" to {show(DEFAULT_BEST if best is None else best)}"
        parts.append(f"({scale})" if words else scale)
    return " ".join(parts) or None


def show(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"
