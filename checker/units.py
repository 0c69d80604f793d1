"""The unit of a claim's figure, from a list: an ISO 4217 currency (read from CLDR through Babel, so
that "US$", "€", "euros" and "usd" are each the code people mean) or what the figure counts, in words
("people", "percent", "meetings"). Pure; the library checks every unit it stores with it."""
import functools
import re

from babel.numbers import get_currency_name, get_currency_symbol, list_currencies

from .errors import InvalidInput

# What the kinds count, as the list the forms offer (any other plain word is taken too).
COUNTED = ("percent", "people", "meetings", "visits", "votes", "seats", "cases", "deaths", "jobs", "tonnes",
           "barrels", "km", "kg", "km/h", "mph", "years")
COMMON_CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CNY", "INR", "PKR", "RUB", "CAD", "AUD", "NZD", "CHF", "BRL", "ZAR")
# Spellings that stand for more than one currency: the form asks which.
AMBIGUOUS = {"$": "USD, CAD, AUD, NZD ...", "dollar": "USD, CAD, AUD ...", "dollars": "USD, CAD, AUD ...",
             "¥": "JPY or CNY", "kr": "SEK, NOK, DKK or ISK", "rupees": "INR, PKR, LKR ...", "rs": "INR or PKR"}
WORD = r"(?:[^\W\d_]|°)[\w'’./°²³-]*"
WORDS = re.compile(rf"{WORD}(?:\s+{WORD}){{0,3}}")


@functools.lru_cache(maxsize=1)
def currencies() -> dict[str, str]:
    """Every way of writing a currency that names one alone, folded -> its ISO 4217 code."""
    spelled: dict[str, str] = {}
    for code in sorted(list_currencies()):
        forms = [code, get_currency_symbol(code, "en"), get_currency_name(code, locale="en"),
                 get_currency_name(code, count=2, locale="en")]
        for form in forms:
            key = fold(form)
            if key and key not in AMBIGUOUS:
                spelled.setdefault(key, code)
    spelled.update({"us$": "USD", "us dollars": "USD", "%": "percent", "per cent": "percent"})
    return spelled


def fold(text: str) -> str:
    return " ".join(text.lower().split())


def unit_as_written(text: str | None) -> str | None:
    """The unit to store for what was typed: an ISO 4217 code, or what is counted in plain lower-case
    words; None for nothing. Refuses (InvalidInput, at 'unit') a figure written into the unit, a
    spelling of several currencies, and anything else that is no unit."""
    if text is None or not text.strip():
        return None
    key = fold(text)
    if key in currencies():
        return currencies()[key]
    if key in AMBIGUOUS:
        raise InvalidInput(f"unit {text.strip()!r} is more than one currency: write its code ({AMBIGUOUS[key]})").at("unit")
    if key in COUNTED:
        return key
    if WORDS.fullmatch(key):  # as it was written ("tonnes of CO2", "°C"): a word may hold a digit, never start with one
        return " ".join(text.split())
    raise InvalidInput(f"unit {text.strip()!r} is not a unit: write a currency's code (USD, EUR) or what the figure "
                       "counts (people, percent), and the figure alone under value").at("unit")


def unit_choices() -> list[tuple[str, str]]:
    """(unit, how it reads) for the forms' list: the common currencies first, then what the kinds count."""
    return [(code, f"{code}: {get_currency_name(code, locale='en')} ({get_currency_symbol(code, 'en')})")
            for code in COMMON_CURRENCIES] + [(word, word) for word in COUNTED]
