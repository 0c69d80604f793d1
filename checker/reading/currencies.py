"""Currencies as the world writes them, read from CLDR through Babel: every ISO 4217 code, the symbols
each country writes (NZ$, A$, R$, ₹, ₽, kr ...), the English names ("New Zealand dollars", "roubles"),
which of those spellings several currencies share, and the words that tie a currency to its country.

Everything here is built once per process, on first use (about half a second: CLDR's locale files
are read), and cached. The only hand-written data are about the press's usage, where CLDR is silent:
spellings it lacks (PRESS_SPELLINGS, PRESS_NAMES, "crowns" in PRESS_NOUNS), which currency an
ambiguous spelling means when a page gives no other sign (PRESS_HOMES, beside the readings CLDR's
English gives: $ is the US dollar, £ the pound sterling, ¥ the yen), and a few names of territories
CLDR's English no longer uses (TERRITORY_ALIASES: "UK", "Turkey"). The provinces and states that also tie a
dollar to its country ("Manitoba", "Queensland") are ISO 3166-2's, through pycountry."""
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from babel import Locale, UnknownLocaleError, core, localedata, numbers

# Spellings of the press that CLDR does not give, each with the currencies it may stand for.
PRESS_SPELLINGS = {
    "C$": {"CAD"}, "Can$": {"CAD"}, "CDN$": {"CAD"}, "AU$": {"AUD"}, "S$": {"SGD"},
    "kr": {"DKK", "ISK"}, "Rs": {"INR", "PKR", "LKR", "NPR", "MUR", "SCR"}, "Rs.": {"INR", "PKR", "LKR", "NPR", "MUR", "SCR"},
    "Re": {"INR", "PKR", "LKR", "NPR"}, "Re.": {"INR", "PKR", "LKR", "NPR"},
    "₨": {"INR", "PKR", "LKR", "NPR", "MUR", "SCR"},
    "Tk": {"BDT"}, "Tk.": {"BDT"}, "Dh": {"AED", "MAD"}, "Dhs": {"AED"}, "SFr": {"CHF"}, "SFr.": {"CHF"},
    "RMB": {"CNY"}, "Rmb": {"CNY"}, "KSh": {"KES"}, "N$": {"NAD"}, "J$": {"JMD"}, "TT$": {"TTD"},
    "£E": {"EGP"}, "E£": {"EGP"}, "LE": {"EGP"}, "Sh": {"KES", "UGX", "TZS", "SOS"},
    "N": {"NGN"}, "P": {"PHP", "BWP"},
}
PRESS_NAMES = {  # names and nouns the English press writes that CLDR's English locales lack
    "u.s. dollars": {"USD"}, "u.s. dollar": {"USD"}, "american dollars": {"USD"},
    "canadian dollars": {"CAD"}, "aussie dollars": {"AUD"},
    "sterling": {"GBP"}, "pounds sterling": {"GBP"}, "pound sterling": {"GBP"},
    "renminbi": {"CNY"}, "roubles": {"RUB", "BYN"}, "rouble": {"RUB", "BYN"},
    "crore rupees": {"INR", "PKR", "NPR"}, "lakh rupees": {"INR", "PKR", "NPR"},
}
# English calls the Nordic and Czech currencies crowns: "Swedish crowns", "500 million crowns".
PRESS_NOUNS = {"krona": "crown", "kronor": "crowns", "krone": "crown", "kroner": "crowns",
               "koruna": "crown", "korunas": "crowns", "króna": "crown", "krónur": "crowns"}
# What an ambiguous spelling means when the page gives no other sign, where CLDR's English has no
# reading of its own. ($, £ and ¥ take theirs from CLDR's "en" locale.)
PRESS_HOMES = {"Rs": "INR", "Rs.": "INR", "Re": "INR", "Re.": "INR", "₨": "INR", "C$": "CAD",
               "rupee": "INR", "rupees": "INR", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB",
               "roubles": "RUB", "crore rupees": "INR", "lakh rupees": "INR", "Dh": "AED",
               "won": "KRW"}  # (the press's "won" is South Korea's: North Korea's is named in full)
TERRITORY_ALIASES = {"UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "U.S.": "US",
                     "USA": "US", "America": "US", "Turkey": "TR", "Hong Kong": "HK", "Czech Republic": "CZ",
                     "Macau": "MO", "Burma": "MM", "Ivory Coast": "CI"}  # names the press uses that CLDR's English lacks
# The US dollar is quoted in stories about every country: a spelling whose home is one of these is
# read as that currency or as none, never as another currency the page's countries use.
INTERNATIONAL = {"USD"}
NOT_CURRENCIES = {"XXX", "XTS"}  # "no currency" and "testing" in ISO 4217
AFTER_SPELLINGS = {"kr", "kr.", "Ft", "lei", "Kč"}  # letter symbols the press writes after a figure


@dataclass(frozen=True)
class CurrencyForm:
    """One way of writing a currency: its spelling, the currencies it may stand for, and the one it
    is read as when the page gives no other sign (None: it must be made plain by the page)."""

    spelling: str
    currencies: frozenset[str]
    home: str | None = None
    kind: str = "symbol"  # code, symbol or name

    @property
    def ambiguous(self) -> bool:
        return len(self.currencies) > 1


INVISIBLE = re.compile("[\u200b-\u200f\u061c]")
SPACES = re.compile(r"\s+")


@lru_cache(maxsize=None)
def clean(symbol: str) -> str:
    """A CLDR symbol as it stands in a page's display text (NFKC, no bidi or zero-width marks)."""
    symbol = INVISIBLE.sub("", unicodedata.normalize("NFKC", symbol))
    return SPACES.sub(" ", symbol).strip()


@lru_cache(maxsize=None)
def codes() -> frozenset[str]:
    """Every ISO 4217 code CLDR knows, current and historical."""
    return frozenset(c for c in numbers.list_currencies() if re.fullmatch("[A-Z]{3}", c)) - NOT_CURRENCIES


@lru_cache(maxsize=None)
def current_territories() -> dict[str, frozenset[str]]:
    """Currency code -> the territories that use it as tender today."""
    used: dict[str, set[str]] = {}
    for territory, entries in core.get_global("territory_currencies").items():
        for code, _start, end, tender in entries:
            if end is None and tender and code in codes():
                used.setdefault(code, set()).add(territory)
    return {code: frozenset(ts) for code, ts in used.items()}


@lru_cache(maxsize=None)
def official_in(language: str) -> frozenset[str]:
    """The codes of the currencies of the territories where a language is official (CLDR)."""
    spoken = {t for t, languages in core.get_global("territory_languages").items()
              if (languages.get(language) or {}).get("official_status")}
    return frozenset(code for code, territories in current_territories().items() if territories & spoken)


def english_locales() -> list[str]:
    return sorted(i for i in localedata.locale_identifiers() if i == "en" or i.startswith("en_"))


@lru_cache(maxsize=None)
def symbol_table() -> dict[str, frozenset[str]]:
    """Symbol (as it stands in a page) -> the currencies that write it: from English in every
    territory, and for each currency from the main language of a territory that uses it."""
    ids = set(localedata.locale_identifiers())
    likely = core.get_global("likely_subtags")
    locales = set(english_locales())
    for code, territories in current_territories().items():
        found = []
        for territory in sorted(territories):
            language, *rest = likely.get("und_" + territory, "_").split("_")
            for candidate in (f"{language}_{territory}", f"{language}_{rest[0]}_{territory}" if rest else None):
                if candidate in ids:
                    found.append((language == "en", candidate))
                    break
        if found:
            locales.add(min(found)[1])  # a language of its own first: English is read already
    table: dict[str, set[str]] = {}
    for identifier in sorted(locales):
        territory = identifier.split("_")[-1] if "_" in identifier else None
        own = set(numbers.get_territory_currencies(territory)) if territory else set()
        for code, symbol in localedata.load(identifier)["currency_symbols"].items():
            symbol = clean(symbol)
            if code in codes() and symbol and symbol != code and (code in own or identifier == "en"):
                table.setdefault(symbol, set()).add(code)
    for spelling, currencies in PRESS_SPELLINGS.items():
        table.setdefault(spelling, set()).update(currencies)
    return {symbol: frozenset(cs) for symbol, cs in table.items()}


@lru_cache(maxsize=None)
def english_homes() -> dict[str, str]:
    """Symbol -> the currency CLDR's English gives it ($ -> USD, £ -> GBP, ¥ -> JPY)."""
    homes: dict[str, str] = {}
    for code, symbol in Locale("en").currency_symbols.items():
        homes.setdefault(clean(symbol), code)
    return homes


@lru_cache(maxsize=None)
def name_table() -> dict[str, frozenset[str]]:
    """English name (folded) -> currencies: full names in the singular and plural from every English
    locale ("us dollars", "new zealand dollar", "russian roubles"), and, for currencies in use today,
    the bare noun ("dollars", "rupees", "yen") that several may share."""
    raw = set()
    for identifier in english_locales():
        data = localedata.load(identifier)
        singular, plural = data["currency_names"], data["currency_names_plural"]
        for code in codes():
            raw.add((singular.get(code), code))
            raw.update((spelling, code) for spelling in (plural.get(code) or {}).values())
    names: dict[str, set[str]] = {}
    nouns: dict[str, set[str]] = {}
    current = current_territories()
    for spelling, code in raw:
        if not spelling or "(" in spelling or any(c.isdigit() for c in spelling):
            continue
        spelling = clean(spelling).lower()
        words = spelling.split()
        spellings = {spelling}
        if words[-1] in PRESS_NOUNS:
            spellings.add(" ".join(words[:-1] + [PRESS_NOUNS[words[-1]]]))
        for spelling in spellings:
            names.setdefault(spelling, set()).add(code)
            if code in current:
                nouns.setdefault(spelling.split()[-1], set()).add(code)
    for noun, cs in nouns.items():
        names.setdefault(noun, set()).update(cs)
    for spelling, cs in PRESS_NAMES.items():
        names.setdefault(spelling, set()).update(cs)
    return {spelling: frozenset(cs) for spelling, cs in names.items()}


def home_of(spelling: str, currencies: frozenset[str]) -> str | None:
    if len(currencies) == 1:
        return next(iter(currencies))
    if spelling in PRESS_HOMES:
        return PRESS_HOMES[spelling]
    home = english_homes().get(spelling)
    if home in currencies:
        return home
    # a noun shared by several ("dollars", "pounds") is read as the one whose symbol English reads alone
    shared_homes = {english_homes().get(s) for s, cs in symbol_table().items() if len(cs) > 1}
    readings = currencies & shared_homes
    return next(iter(readings)) if len(readings) == 1 else None


@lru_cache(maxsize=None)
def forms() -> tuple[dict[str, CurrencyForm], dict[str, CurrencyForm]]:
    """(prefixes, suffixes): spelling as folded -> CurrencyForm, for spellings written before a
    figure (codes, symbols) and after it (codes, names, and the symbols some countries write after)."""
    prefixes: dict[str, CurrencyForm] = {}
    suffixes: dict[str, CurrencyForm] = {}
    for code in codes():
        form = CurrencyForm(code, frozenset({code}), code, "code")
        prefixes[code.lower()] = suffixes[code.lower()] = form
    for symbol, currencies in symbol_table().items():
        form = CurrencyForm(symbol, currencies, home_of(symbol, currencies), "symbol")
        key = symbol.lower()
        if key in prefixes:  # a symbol spelled like a code ("CHF") stays the code
            continue
        prefixes[key] = form
        if not symbol.isascii() or symbol in AFTER_SPELLINGS:
            suffixes.setdefault(key, form)  # "100 zł", "5 €", "500 kr"; not "2 FC" or "5 KM"
    for name, currencies in name_table().items():
        suffixes.setdefault(name, CurrencyForm(name, currencies, home_of(name, currencies), "name"))
    return prefixes, suffixes


@lru_cache(maxsize=None)
def symbol_adjectives(symbol: str) -> dict[str, str]:
    """The words that pin a symbol several currencies share to one, written after its figure without the
    currency's noun ("$254-billion Canadian", "$40 million Australian", "$5 billion (U.S.)"): the names of
    those currencies less their last word ("canadian" of "canadian dollars"), folded, with no dots."""
    form = forms()[0].get(symbol.lower())
    if form is None or len(form.currencies) < 2:
        return {}
    found: dict[str, set[str]] = {}
    for name, currencies in name_table().items():
        words = name.split()
        if len(words) > 1 and len(currencies) == 1 and currencies <= form.currencies:
            found.setdefault(" ".join(words[:-1]).replace(".", ""), set()).update(currencies)
    return {adjective: next(iter(cs)) for adjective, cs in found.items() if len(cs) == 1}


@lru_cache(maxsize=None)
def longest_suffix_words() -> int:
    return max(len(name.split()) for name in forms()[1])


@lru_cache(maxsize=None)
def suffix_first_words() -> frozenset[str]:
    """The first words of every spelling written after a figure: a quick test before the lookups."""
    return frozenset(name.split()[0] for name in forms()[1])


def is_currency_code(unit: str | None) -> bool:
    return (unit or "").upper() in codes()


# --- what ties a currency to its country ------------------------------------------------------

def adjective_forms(name: str) -> set[str]:
    """Adjectives English derives from a place name, generated by rule (Russia -> Russian, Pakistan
    -> Pakistani, Europe -> European); a wrong guess costs nothing, since it is only ever looked up."""
    forms = {name + "n", name + "an", name + "ian", name + "i", name + "ese", name + "ish"}
    if name.endswith(("a", "e", "o", "y")):
        forms |= {name[:-1], name[:-1] + "ian", name[:-1] + "an", name[:-1] + "ean", name[:-1] + "ese"}
    if name.endswith("land"):  # Poland -> Polish, Finland -> Finnish
        forms |= {name[:-4] + "ish", name[:-4] + "nish", name[:-3] + "sh"}
    return forms


@lru_cache(maxsize=None)
def territory_names() -> dict[str, frozenset[str]]:
    """Territory code -> its English names (folded), with the aliases the press uses."""
    names: dict[str, set[str]] = {}
    for code, name in Locale("en").territories.items():
        names.setdefault(code, set()).add(clean(name).lower())
    for alias, code in TERRITORY_ALIASES.items():
        names.setdefault(code, set()).add(alias.lower())
    return {code: frozenset(ns) for code, ns in names.items()}


@lru_cache(maxsize=None)
def cldr_words() -> frozenset[str]:
    """Every capitalised word in CLDR's English display names (languages, territories, scripts,
    currencies, time zones), folded: the vocabulary a derived adjective must belong to."""
    data = localedata.load("en")
    words: set[str] = set()
    texts = [*data["languages"].values(), *data["territories"].values(), *data["scripts"].values(),
             *data["currency_names"].values(), *map(str, data["meta_zones"].values()),
             *map(str, data["time_zones"].values())]
    for text in texts:
        words.update(w.lower() for w in re.findall(r"[A-Z][\w'-]+", text))
    return frozenset(words)


@lru_cache(maxsize=None)
def weekdays() -> frozenset[str]:
    """English weekday names, folded ("Sun" and "Wed" stay names: a newspaper, a river)."""
    return frozenset(name.lower() for name in Locale("en").days["format"]["wide"].values())


@lru_cache(maxsize=None)
def official_languages() -> frozenset[str]:
    """Language codes that are official somewhere (CLDR territory data)."""
    return frozenset(language for languages in core.get_global("territory_languages").values()
                     for language, info in languages.items() if info.get("official_status"))


@lru_cache(maxsize=None)
def demonyms() -> frozenset[str]:
    """Words for a people or its language rather than a place to look for (Russian, Pakistanis,
    Soviet, Afghan, American, Asian), folded, each also in the plural: the word before the noun in
    CLDR's currency names ("Pakistani rupee", "Soviet rouble"), the words of the names of languages
    official somewhere ("Russian", "American English"), and the adjectives derived by rule from its
    territory names that its vocabulary holds (Kenya -> Kenyan), or from its continents' names."""
    data = localedata.load("en")
    words: set[str] = set()
    # (never a place's own first word, "Costa" of "Costa Rican colón", "Sri", "Hong", "Sierra", "Solomon":
    # a word for a people ends as one does, "-an", "-ese", "-ish", "-i", "-ic", "-ch")
    starts = {w for names in territory_names().values() for n in names for w in n.split()[:-1]}
    for code in codes():
        name = clean(data["currency_names"].get(code) or "").split()
        if not code.startswith("X") and 1 < len(name) <= 3 and "(" not in " ".join(name):
            words.update(w.lower() for w in name[:-1] if w[:1].isupper() and len(w) > 2
                         and (w.lower() not in starts or w.lower().endswith(("an", "ese", "ish", "i", "ic", "ch"))))
    for code, name in data["languages"].items():
        if code.split("_")[0] in official_languages():
            words.update(w.lower() for w in clean(name).split() if w[:1].isupper() and len(w) > 2)
    for code, name in data["territories"].items():
        last = clean(name).split()[-1].lower()
        if len(last) > 3:
            derived = adjective_forms(last)
            words |= derived if code.isdigit() else derived & cldr_words()
    places = {n for ns in territory_names().values() for n in ns}
    words -= places  # "Jordan", "Chad", "Georgia" are places, and names to look for
    return frozenset(words | {w + "s" for w in words})


@lru_cache(maxsize=None)
def territory_cities() -> dict[str, set[str]]:
    """Territory code -> the (folded) cities CLDR names its time zones after (Tokyo, Kolkata, Auckland)."""
    overrides = localedata.load("en")["time_zones"]
    cities: dict[str, set[str]] = {}
    for zone, territory in core.get_global("zone_territories").items():
        city = (overrides.get(zone) or {}).get("city") or zone.split("/")[-1].replace("_", " ")
        cities.setdefault(territory, set()).add(clean(city).lower())
    return cities


@lru_cache(maxsize=None)
def territory_provinces() -> dict[str, frozenset[str]]:
    """Territory code -> the (folded) names of its provinces, states and territories (ISO 3166-2's first
    level: "Manitoba", "Queensland"), without a name that another country's province, a country or a
    time-zone city also bears ("Punjab" of India and Pakistan, "Georgia"); a district, parish or region
    is left out, for towns elsewhere share those names (Manchester, Portland, Canterbury)."""
    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type in ("Province", "State", "Territory"):
            plain = "".join(c for c in unicodedata.normalize("NFKD", sub.name) if not unicodedata.combining(c))
            found.setdefault(sub.country_code, set()).add(clean(plain).lower())  # ("Bihār": the press writes "Bihar")
    shared = Counter(name for names in found.values() for name in names)
    elsewhere = {n for ns in territory_names().values() for n in ns} | {c for cs in territory_cities().values() for c in cs}
    return {code: frozenset(n for n in names if shared[n] == 1 and n not in elsewhere and len(n) > 3)
            for code, names in found.items()}


@lru_cache(maxsize=None)
def currency_province_words() -> dict[str, frozenset[str]]:
    """Currency code -> the (folded) provinces and states of the territories that use it today (territory_provinces:
    "Manitoba" for CAD, "Queensland" for AUD, "Ohio" for USD). Some are plain words too ("Delta", "Rivers"): they
    weigh one dollar against another, never name a currency alone."""
    provinces = territory_provinces()
    return {code: frozenset(n for t in territories for n in provinces.get(t, ())) for code, territories in current_territories().items()}


@lru_cache(maxsize=None)
def currency_country_words() -> dict[str, frozenset[str]]:
    """Currency code -> the (folded) names of the territories that use it today and their adjectives
    ("Singapore", "Canada", "Canadian"): words that name a country, never one of its cities, which
    other countries' towns share (Vancouver, Perth, London)."""
    names = territory_names()
    context = {}
    for code, territories in current_territories().items():
        words: set[str] = set()
        for territory in territories:
            for name in names.get(territory, ()):
                words.add(name)
                if " " not in name and len(name) > 3:
                    people = adjective_forms(name) & demonyms()
                    words |= people | {w + "s" for w in people}  # "Canadian", "Canadians"
        context[code] = frozenset(w for w in words if len(w) > 2)
    return context


@lru_cache(maxsize=None)
def currency_context_words() -> dict[str, frozenset[str]]:
    """Currency code -> the (folded) words on a page that point to it: the names of the territories
    that use it today, their adjectives and their time-zone cities, and the adjective in its own
    name ("Pakistani rupee")."""
    data = localedata.load("en")
    cities = territory_cities()
    context = {}
    for code, territories in current_territories().items():
        words = set(currency_country_words()[code])
        for territory in territories:
            words |= cities.get(territory, set())
        adjective = " ".join(clean(data["currency_names"].get(code) or "").lower().split()[:-1])
        if adjective and adjective not in {"us", "euro"}:
            words.add(adjective)
        context[code] = frozenset(w for w in words if len(w) > 2)
    return context


# --- locales --------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def parse_locale(locale: str | None) -> Locale | None:
    """A Babel Locale for "en-US", "en_GB", "fr", or None when it is not a locale."""
    if not locale:
        return None
    try:
        return Locale.parse(str(locale).replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return None


@lru_cache(maxsize=None)
def locale_currency(locale: str | None) -> str | None:
    """The currency of the locale's territory (en-NZ -> NZD), or None."""
    parsed = parse_locale(locale)
    if parsed is None or not parsed.territory:
        return None
    current = numbers.get_territory_currencies(parsed.territory)
    return current[0] if current else None
