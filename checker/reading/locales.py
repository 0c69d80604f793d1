"""Locales as CLDR (through Babel) knows them: the order of day and month in a locale's numeric dates,
the locale a territory's pages are written in, and the territory a currency belongs to.

Which order a locale writes numeric dates in comes from its CLDR short date pattern ("dd/MM/y": day
first); a pattern that starts with the year ("y-MM-dd", as in Canada, Sweden or South Africa) says
nothing of "8/2/2024", nor does a language whose countries differ ("en": the US against the rest).
Pure functions; nothing is hand-listed."""
from functools import lru_cache

from babel import Locale, languages, localedata

from . import currencies


def tag(locale: Locale) -> str:
    """A Babel locale as a language tag: en_NZ -> "en-NZ" (a script kept: "sr-Latn-RS")."""
    return "-".join(p for p in (locale.language, locale.script, locale.territory) if p)


@lru_cache(maxsize=None)
def known_locales() -> frozenset[str]:
    return frozenset(localedata.locale_identifiers())


@lru_cache(maxsize=None)
def pattern_order(identifier: str) -> bool | None:
    """True when the CLDR locale's short date pattern puts the day before the month, False when the
    month comes first, None when the year leads ("y-MM-dd") or the pattern lacks either."""
    pattern = Locale.parse(identifier).date_formats["short"].pattern
    d, m, y = pattern.find("d"), pattern.find("M"), pattern.find("y")
    if d < 0 or m < 0 or (0 <= y < min(d, m)):
        return None
    return d < m


@lru_cache(maxsize=None)
def language_order(language: str) -> bool | None:
    """The order every CLDR locale of a language agrees on (those whose pattern leads with the year
    aside), or None when they differ: "fr" is day first, "en" is not decided (en-US against en-GB)."""
    orders = {pattern_order(i) for i in known_locales() if i.split("_")[0] == language}
    orders.discard(None)
    return orders.pop() if len(orders) == 1 else None


@lru_cache(maxsize=None)
def day_first(locale: str | None) -> bool | None:
    """True when the locale writes numeric dates day first (en-GB 05/02/2003), False when month
    first (en-US 2/5/03), None when that is unknown: no locale, one that leads with the year, or a
    language without a country whose countries differ."""
    parsed = currencies.parse_locale(locale)
    if parsed is None:
        return None
    if not parsed.territory:
        return language_order(parsed.language)
    return pattern_order(str(parsed))


def declared(language: str | None) -> Locale | None:
    """The locale a page declares ("en-GB", "en_NZ", "fr"), or None when it is not one CLDR knows."""
    parsed = currencies.parse_locale(language.strip() if language else None)
    return parsed if parsed is not None and parsed.language != "und" else None


def with_territory(language: str, territory: str) -> str | None:
    """The locale of a language as written in a territory ("en", "NZ" -> "en-NZ"), when CLDR has it."""
    identifier = f"{language}_{territory}"
    return identifier.replace("_", "-") if identifier in known_locales() else None


@lru_cache(maxsize=None)
def territory_locale(territory: str | None) -> str | None:
    """The locale a territory's pages are most likely written in: English where it is an official
    language there ("IN" -> "en-IN"), else its most spoken official language ("DE" -> "de-DE");
    None for a code that is no territory with a language of its own."""
    if not territory:
        return None
    spoken = languages.get_official_languages(territory.upper(), de_facto=True)
    for language in sorted(spoken, key=lambda lang: lang != "en"):  # stable: English first, then by use
        found = with_territory(language, territory.upper())
        if found:
            return found
    return None


@lru_cache(maxsize=None)
def currency_territory(code: str) -> str | None:
    """The country a currency belongs to, by ISO 4217's own rule that a national currency's code
    starts with its country's (NZD: NZ, INR: IN), when that country uses it today; None for the
    currencies of unions (EUR, XOF) and for the US dollar, which is quoted everywhere."""
    if code in currencies.INTERNATIONAL:
        return None
    territory = code[:2]
    used = territory in currencies.current_territories().get(code, ())
    return territory if used and territory_locale(territory) else None
