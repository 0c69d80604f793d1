"""A page's locale, decided from what it says of itself. Pure.

A page says where it is from in three ways, strongest first: the language it declares (its `lang`
attribute, `Content-Language`, `og:locale`: "en-NZ"), the country of its address's domain (.nz,
.co.uk), and the currency its figures are written in (NZ$, ₹). decide_locale() weighs them: a declared
language with a country decides alone; a bare language ("en") takes its country from the domain,
else from the currency, where CLDR has that language for that country; with no language, the
domain's country, else the currency's, gives the locale of the language that country writes
(locales.territory_locale). A declared country whose order of day and month the domain's country
contradicts is not trusted: "en-US" is the default of many site templates, and a .ng or .co.uk page
that keeps it writes its dates day first; such a page keeps its language alone, so that its numeric
dates stay ambiguous rather than read the wrong way. How the locale then reads numeric dates is
locales.day_first's."""
from collections import Counter
from dataclasses import dataclass

from .figures import money_mentions
from .locales import currency_territory, day_first, declared, tag, territory_locale, with_territory


@dataclass(frozen=True)
class PageLocale:
    """The locale a page was read in ("en-NZ", or None when nothing says) and what said it."""

    locale: str | None = None
    source: str | None = None  # one of vocab.LOCALE_SOURCES, or None


def page_currency_territory(text: str | None) -> str | None:
    """The country of the currency a page's figures are written in: the only one among them, or the
    one that more than half of them are in; None when they point nowhere or several ways."""
    counted = Counter(currency_territory(m.value[1]) for m in money_mentions(text or "") if m.value[1])
    counted.pop(None, None)
    if not counted:
        return None
    territory, n = counted.most_common(1)[0]
    return territory if n * 2 > sum(counted.values()) else None


def contradicts(declared: str, domain: str | None) -> bool:
    """Whether two locales write numeric dates in opposite orders (both known, and they differ)."""
    first, second = day_first(declared), day_first(domain)
    return first is not None and second is not None and first != second


def decide_locale(language: str | None, domain_territory: str | None, text: str | None = None) -> PageLocale:
    """A page's locale from what it declares, the country of its domain, and (read from its text
    only when needed) the currency it writes: see the module's docstring for the precedence."""
    lang = declared(language)
    domain = domain_territory.upper() if domain_territory and territory_locale(domain_territory) else None
    if lang is not None and lang.territory:
        if domain and contradicts(tag(lang), territory_locale(domain)):
            return PageLocale(lang.language, "lang")
        return PageLocale(tag(lang), "lang")
    if lang is not None:
        if domain and with_territory(lang.language, domain):
            return PageLocale(with_territory(lang.language, domain), "domain")
        money = None if domain else page_currency_territory(text)
        if money and with_territory(lang.language, money):
            return PageLocale(with_territory(lang.language, money), "currency")
        return PageLocale(tag(lang), "lang")
    if domain:
        return PageLocale(territory_locale(domain), "domain")
    money = territory_locale(page_currency_territory(text))
    return PageLocale(money, "currency") if money else PageLocale()
