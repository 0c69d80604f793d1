"""A claim's figures and dates written as people write them ("US$92 million", "7-9 February 2012"),
for claims, proposals and the facts found on pages alike."""
import re
from collections.abc import Mapping
from typing import Any, overload

from babel import numbers

from ..text import clean, fold, is_partial_date
from . import currencies
from .dates import MONTH_NAMES, describe_date, parse_iso

SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
UNIT_WORDS = {"percent": "%", "per cent": "%", "%": "%"}


@overload
def describe_value(value: float, unit: str | None = None) -> str: ...
@overload
def describe_value(value: str | float | None, unit: str | None = None) -> str | None: ...
def describe_value(value: str | float | None, unit: str | None = None) -> str | None:
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
    if currencies.is_currency_code(unit):
        return _with_currency(figure, unit.upper())
    if unit.lower() in UNIT_WORDS:
        return f"{figure}{UNIT_WORDS[unit.lower()]}"
    if amount == 1:
        unit = _singular(unit)
    return f"{figure} {unit}"


def _describe_amount(amount: float) -> str:
    """92000000 -> "92 million"; 1234567 -> "1,234,567" (a scale only where it rounds nothing away)."""
    for scale, _ in SCALE_WORDS:
        if abs(amount) >= scale:
            scaled = amount / scale
            if round(scaled, 3) == scaled:
                return ("-" if amount < 0 else "") + describe_number(abs(amount))
            break
    if amount == int(amount):
        return f"{int(amount):,}"
    return f"{amount:,.6f}".rstrip("0").rstrip(".")


def _with_currency(figure: str, code: str) -> str:
    symbol = "US$" if code == "USD" else numbers.get_currency_symbol(code, "en")
    if symbol == code:
        return f"{code} {figure}"
    return f"-{symbol}{figure[1:]}" if figure.startswith("-") else f"{symbol}{figure}"


def _singular(unit: str) -> str:
    """The singular of a unit written in the plural: "meetings" -> "meeting", "injuries" -> "injury"."""
    if re.search(r"[^aeiou]ies$", unit):
        return unit[:-3] + "y"
    if unit.endswith("s") and not unit.endswith("ss"):
        return unit[:-1]
    return unit


def describe_dates(start: str | None, end: str | None = None) -> str | None:
    """A claim's dates as people write them: ("2012-02-07", "2012-02-09") -> "7-9 February 2012",
    ("2003-02", None) -> "February 2003", ("2008", "2010") -> "2008-2010". None when there is no
    start; a value that is not an ISO date is given back as it is."""
    start, end = clean(start), clean(end)
    if start is None:
        return None
    if not is_partial_date(start) or (end is not None and not is_partial_date(end)):
        return start if end in (None, start) else f"{start} - {end}"
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


def describe_number(amount: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if amount >= scale:
            return f"{amount / scale:g} {word}"
    return f"{amount:g}" if amount < 1e6 else f"{amount:,.0f}"


def describe_money(amount: float, currency: str | None) -> str:
    """A money fact as the pages write claims' figures ("US$630 million", "NZ$45,000", "PKR 5 million"),
    so that the facts found on a source read like the claim they belong to."""
    if currency is None:
        return f"{describe_number(amount)} (currency not given)"
    return describe_value(amount, currency)


# --- where a claim's names were found (reading/context.py) ---------------------------------------

WHERE = {"passage": "in the passage", "beside": "beside the facts", "title": "in the page's title",
         "first paragraph": "in the page's first paragraph", "earlier": "earlier on the page",
         "page": "on the page"}


def describe_found(item: Mapping[str, Any]) -> str:
    """"New Zealand: as its capital, Wellington, in the page's title" from a NameFound's dict."""
    how, written, name = item.get("how"), item.get("written") or "", item.get("name") or ""
    where = WHERE.get(item.get("where") or "", item.get("where") or "")
    if how == "capital":
        return f"{name}: as its capital, {written}, {where}"
    if how == "demonym":
        return f"{name}: as “{written}”, {where}"
    if how == "short form":
        return f"{name}: as “{written}”, {where}"
    if how == "name" and written and fold(written) != fold(name):
        return f"{name}: as “{written}”, {where}"
    return f"{name}: {where}"
