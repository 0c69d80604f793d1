"""The key facts of a claim and where they stand in a page: figures with their currency and scale,
counts, dates in their common spellings, years, and the names a claim mentions. Pure functions.

Key facts come from the claim's structured fields (value and unit, date_start and date_end) and,
where those are empty, from its text; the surnames, places and organisations it names always count.
A figure or a count counts only where the nearest year to it is the claim's year (a year in the same
sentence first; not a year that another figure stands between, nor one the claim itself names as
context, such as the "2023-2027" of rights sold in 2022; a range such as "2022-23" is both years).

Names are found by general rules, not word lists about any country: runs of capitalised words,
less function words, titles, months, weekdays and demonyms (the last from CLDR: "Pakistani",
"Soviet", "Kenyan"); a place's whole name ("New Zealand", "South Korea", from CLDR's territory
names, matched also by its other names and its demonym); an organisation's whole name ("Reserve
Bank of India"); otherwise a surname, which does not count where the page gives it another given
name ("Pierre Trudeau" for a claim about Justin Trudeau). A sentence's first word is a name unless
the claim writes it in lower case elsewhere or it has a common noun's ending ("Inflation").

Currencies are read with CLDR's data (currencies.py). A spelling that several currencies share
("$", "¥", "£", "kr", "Rs", "dollars", "rupees") is read as the one the page makes plain: its locale,
or the only one of them the page writes out in full elsewhere (NZ$, "Indian rupees"), or the only one
whose country the page names; failing that, as the currency English gives it ($ US dollar, £ pound
sterling, ¥ yen, Rs Indian rupee), or as none ("kr", "pesos"). A bare "$" or "dollars" is only ever
read as the US dollar, or as no currency when the page's locale or its own figures use another
dollar ("NZ$1.2 billion ... $300 million")."""
import bisect
import calendar
import datetime
import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import currencies
from .text import DASHES, QUOTES, display_text, fold, normalise

YEAR_WINDOW = 200  # a figure's year must be the nearest year mentioned within this many characters

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NAMES = [None, "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]

# --- dates: every pattern ends with its year, so each is tried only just before a year ---------
_MONTH = r"(?P<{n}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:the\s+)?(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY_OF = _DAY + r"(?:\s+of)?"  # "the 5th of February"
_TO = r"\s*(?:-|to|and|until|till|through|thru)\s*"
_Y = r",?\s+(?P<y>(?:1[89]|20)\d\d)\Z"


def _date(pattern):
    return re.compile(r"\b" + pattern.format(d1=_DAY_OF.format(n="d1"), d2=_DAY_OF.format(n="d2"),
                                             dd1=_DAY.format(n="d1"), dd2=_DAY.format(n="d2"),
                                             m=_MONTH.format(n="m"), m1=_MONTH.format(n="m1"),
                                             m2=_MONTH.format(n="m2")) + _Y)


DATE_PATTERNS = [  # ranges first: a range's end day must not also read as a single date
    ("range", _date(r"{d1}\s+{m1}{TO}{d2}\s+{m2}".replace("{TO}", _TO))),
    ("range", _date(r"{m1}\s+{dd1}{TO}{m2}\s+{dd2}".replace("{TO}", _TO))),
    ("range", _date(r"{dd1}{TO}{d2}\s+{m}".replace("{TO}", _TO))),
    ("range", _date(r"{m}\s+{dd1}{TO}{dd2}".replace("{TO}", _TO))),
    ("day", _date(r"{d1}\s+{m}")),
    ("day", _date(r"{m}\s+{dd1}")),
    ("numeric", re.compile(r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:1[89]|20)\d\d)\Z")),
    ("month", _date(r"(?:(?:early|mid|late|end of|the end of|beginning of|start of)[\s-]+)?{m}(?:\s+of)?")),
]
ISO_DATE = re.compile(r"(?P<y>(?:1[89]|20)\d\d)(?P<sep>[-/])(?P<mm>[01]?\d)(?P=sep)(?P<d1>[0-3]?\d)(?![\d/-])")
MONTH_HINT = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
DATE_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
DATE_REACH = 90  # characters before a year that a date ending in it may span
YEAR_TOKEN = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,]\d)")
YEAR_RANGE = re.compile(r"(?<![\d.,])((?:1[89]|20)\d\d)\s?[-/]\s?(\d\d(?:\d\d)?)(?![\d.,/-]?\d)")

# --- figures --------------------------------------------------------------------------------
NUMBER = re.compile(r"(?<![\d.,])\d+(?:,\d+)*(?:\.\d+)?(?![\d])")
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "m": 1e6,
          "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
          "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7}
SCALE = re.compile(r"(?P<space>\s?)-?(?P<s1>thousand|million|billion|trillion|lakhs?|lacs?|crores?|cr|mn|mln|mil|"
                   r"bn|bln|tn|trn|[mbk])\b(?:\s(?P<s2>crores?|lakhs?|million|billion))?")
ATTACHED_ONLY = {"m", "b", "k"}  # "$630m", but not "100 m" (metres)
PREFIX_REACH = 12
CURRENCY_PUNCTUATION = "([\"'~≈"
PARENTHESIS_CONVERSION = re.compile(r"\(\s*(?:about|around|roughly|some|approximately|nearly|almost|or\s+)?\s*$")

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
ADVERB_COUNTS = {1: "once", 2: "twice", 3: "thrice"}
LEAD_REACH = 120  # characters before a count in which its lead words may stand

# What a count is counted in. Each group: the names of the unit (a claim's unit is looked up by
# them), the words that follow the number on a page ("34 people were killed", "six occasions"), and
# the words that may come just before it ("the death toll rose to 34", "a population of 4.9 million").
UNIT_SYNONYMS = {
    "meetings": ("meetings|meeting|talks|summits",
                 "meetings|meeting|times|occasions|occasion|rounds|sessions|summits", ""),
    "visits": ("visits|visit|trips", "visits|visit|trips|trip|times|occasions|occasion", ""),
    "times": ("times|occasions|occasion", "times|occasions|occasion", ""),
    "people": ("people|persons|individuals|inhabitants|residents|population|citizens|spectators|attendance",
               "people|persons|individuals|inhabitants|residents|citizens|spectators|fans",
               "population|populace|home to|crowd|attendance|audience"),
    "deaths": ("deaths|dead|fatalities|killed|lives",
               "deaths|dead|fatalities|killed|died|lives lost|victims", "death toll|toll|killed|killing|deaths"),
    "injuries": ("injuries|injured|wounded", "injuries|injured|wounded|hurt", "injured|injuring|wounded|wounding"),
    "cases": ("cases|infections", "cases|infections|infected", "cases|caseload|infections|infected"),
    "votes": ("votes|ballots", "votes|ballots", "votes|polled|received|won|garnered"),
    "seats": ("seats", "seats|mps|members of parliament|lawmakers|legislators|deputies",
              "seats|won|took|secured|winning|taking"),
    "percent": ("percent|per cent|%|pct|percentage", "%|percent|per cent|pct|percentage points",
                "turnout of|rate of|share of"),
    "jobs": ("jobs|posts|positions", "jobs|posts|positions", ""),
    "arrests": ("arrests|arrested|detained", "arrests|arrested|detained", "arrested|detained"),
    "homes": ("homes|houses|dwellings", "homes|houses|dwellings", ""),
    "tonnes": ("tonnes|tons|metric tons", "tonnes|tons|metric tons", ""),
}
# Words that may stand between a number and its unit ("six formal meetings", "34 people were
# killed"): a few plain words, never another figure or a conjunction that starts another count.
FILLER = r"(?:(?!(?:and|or|but|while|whereas|with|plus)\b)[a-z][\w'-]*\s+){0,3}?"

# --- names ------------------------------------------------------------------------------------
# Capitalised words that are not names to look for, by kind; weekdays and demonyms come from CLDR
# (currencies.py), months from MONTHS. None of these lists names a country or a person.
FUNCTION_WORDS = set("""
a an the in on at of to for by and or but as no not nor its it it's this that these those there their
theirs he she they we you i his her hers him them our ours your my me us who whom whose which what when
where why how while whilst during after before since until till over under above below between among
amid against about around across along through throughout into onto upon within without via per than
then so yet if unless because although though whether also both all each every either neither one
some any many much more most few less least other another such same own only even just still again
ever never now here is are was were be been being has have had do does did will would shall should can
could may might must says said say according following yes
""".split())
GENERIC_WORDS = set("""
two-way first second third last next former late new old then now early mid senior junior acting
official officials chief top deputy vice
north south east west northern southern eastern western central north-east north-west south-east
south-west northeast northwest southeast southwest upper lower greater
mr mrs ms miss dr prof sir dame lord lady st saint mt mount rev hon
president presidents prime minister ministers premier chancellor king queen prince princess emperor
governor mayor senator senators congressman congresswoman representative rep sen gov
ambassador consul envoy secretary spokesman spokeswoman spokesperson chairman chairwoman chair
director commissioner commander general admiral colonel captain judge justice lawyer attorney
head leader leaders opposition speaker member members mp mps deputy-minister foreign home state
federal national government parliament parliamentary ministry cabinet treasurer
interim caretaker
today yesterday tomorrow week month year
""".split())
ORG_WORDS = {"organisation", "organization", "group", "council", "committee", "ministry", "consulate",
             "consulate-general", "union", "agency", "bank", "assembly", "university", "commission",
             "court", "party", "department", "corporation", "authority", "office", "fund", "forum",
             "institute", "federation", "league", "club", "company", "association", "board", "service",
             "police", "army", "navy", "force", "tribunal", "exchange", "airlines", "airways",
             "foundation", "trust", "society", "alliance", "front", "movement", "congress", "senate",
             "parliament", "treaty", "programme", "program"}
CONNECTORS = {"of", "al", "bin", "de", "van", "von", "da", "el", "du", "le", "la", "der", "den", "y", "dos"}
NOUN_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship", "ture", "ings")
NAME_RUN = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|al|bin|de|van|von|da|el|du|le|la|der|den|y|dos)(?![\w]))*")
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"'“‘(]\s*)$")


@lru_cache(maxsize=None)
def not_name_words():
    """Folded words that are never a name to look for on their own."""
    return frozenset(FUNCTION_WORDS | GENERIC_WORDS | set(MONTHS) | currencies.weekdays() | currencies.demonyms()
                     | set(SCALES) | set(NUMBER_WORDS))


@dataclass
class Mention:
    start: int
    end: int
    value: object  # money: (amount, currency or None, tolerance); date: (first_day, last_day, precision)


@dataclass
class MoneyMention(Mention):
    form: object = None  # the CurrencyForm it was written with


@dataclass
class PageIndex:
    """A page read once for matching many claims: its folded text and the figures and dates in it."""

    display: str
    text: str
    money: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    years: dict = field(default_factory=dict)  # year -> sorted positions
    year_positions: list = field(default_factory=list)  # sorted (position, years): a year, or a range's years
    figure_starts: list = field(default_factory=list)  # sorted starts of the figures that are not years or dates
    numbers: list = field(default_factory=list)  # (start, end, amount, tolerance) of every figure
    words: dict = field(default_factory=dict)  # phrase -> positions, filled as claims ask
    locale: str = None

    def phrase_positions(self, phrase):
        """Where a (folded) phrase stands as whole words; str.find is far faster than a regex here."""
        if phrase not in self.words:
            text, hits, at = self.text, [], self.text.find(phrase)
            while at >= 0:
                end = at + len(phrase)
                if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                    hits.append(at)
                at = text.find(phrase, at + 1)
            self.words[phrase] = hits
        return self.words[phrase]

    def mentions_any(self, phrases):
        return any(self.phrase_positions(p) for p in phrases)


FOLDED_CHARACTERS = re.compile("[" + re.escape("".join(map(chr, {**QUOTES, **DASHES}))) + "]")
FOLD_TABLE = {**QUOTES, **DASHES}


def fold_page(display):
    """text.fold, faster on long pages: only the few quotes and dashes present are translated."""
    if FOLDED_CHARACTERS.search(display):
        display = FOLDED_CHARACTERS.sub(lambda m: FOLD_TABLE[ord(m.group())], display)
    lowered = display.lower()
    if len(lowered) != len(display):
        return fold(display)
    return lowered


def index_page(text, locale=None):
    """Read a page once: its display text, folded text, figures, dates and years. `locale` (such as
    "en-US" or "en-GB"), when known, says how the page writes numeric dates and which currency its
    bare symbols mean; without it only unambiguous readings are taken."""
    display = display_text(text)
    folded = fold_page(display)
    page = PageIndex(display=display, text=folded, locale=locale)
    page.year_positions = year_mentions(folded)
    for position, years in page.year_positions:
        for year in years:
            page.years.setdefault(year, []).append(position)
    page.numbers, raw_money = read_numbers(folded, display)
    page.money = resolve_money(raw_money, page)
    page.dates = date_mentions(folded, locale=locale)
    not_figures = {p for p, _ in page.year_positions} | {m.start(2) for m in YEAR_RANGE.finditer(folded)}
    in_dates = [(m.start, m.end) for m in page.dates]
    page.figure_starts = [s for s, _, _, _ in page.numbers if s not in not_figures and not inside(s, in_dates)]
    return page


def inside(position, spans):
    """True when a position falls in one of the sorted, disjoint spans."""
    i = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def year_mentions(text):
    """Sorted (position, years) of every year in a folded text; a range such as "2022-23" or
    "2023-2027" stands for each of its years."""
    ranges = {}
    for m in YEAR_RANGE.finditer(text):
        first, end = int(m.group(1)), m.group(2)
        last = first // 100 * 100 + int(end) if len(end) == 2 else int(end)
        if (len(end) == 2 and last == first + 1) or (len(end) == 4 and first < last <= first + 10):
            ranges[m.start()] = (tuple(range(first, last + 1)), m.start(2))
    skip = {end for _, end in ranges.values()}
    found = []
    for m in YEAR_TOKEN.finditer(text):
        if m.start() in skip:
            continue
        years = ranges[m.start()][0] if m.start() in ranges else (int(m.group()),)
        found.append((m.start(), years))
    return found


# --- figures in text -----------------------------------------------------------------------------

def is_currency(unit):
    """True when a claim's unit is an ISO 4217 currency code (USD, NZD, INR, ...), in any case."""
    return currencies.is_currency_code(unit)


def parse_number(text):
    """Digits with western (1,200,000) or Indian (12,00,000) grouping -> float, or None."""
    whole, _, decimals = text.partition(".")
    groups = whole.split(",")
    if len(groups) > 1:
        if not 1 <= len(groups[0]) <= 3 or len(groups[-1]) != 3:
            return None
        middle = {len(g) for g in groups[1:-1]}
        if middle - {3} and middle - {2}:
            return None
    return float(whole.replace(",", "") + ("." + decimals if decimals else ""))


def currency_before(text, display, start):
    """The currency form written just before a figure (NZ$, Rs., USD, ₹, "US $"), with where it
    begins. display: the text with its case, or None when only the folded text is known (then any
    case goes)."""
    prefixes = currencies.forms()[0]
    end = start - 1 if start > 0 and text[start - 1] == " " else start
    begin = end
    while begin > 0 and end - begin < PREFIX_REACH and not text[begin - 1].isspace():
        begin -= 1
    token = text[begin:end]
    if not token or (token.isalpha() and token not in prefixes):
        return None, start  # most figures follow a plain word ("was 5"): nothing to cut
    for cut in range(len(token)):
        spelling = token[cut:]
        form = prefixes.get(spelling)
        if form is None:
            continue
        before = token[cut - 1] if cut else ""
        if before.isalnum():
            continue  # "abc$" is no "c$"
        if not spelling_case_fits(form, display and display[begin + cut:end], attached=end == start):
            continue
        if form.kind == "symbol" and not any(c.isalpha() for c in spelling) and begin > 1 and text[begin - 1] == " ":
            # "US $630", "NZ $1.2bn": a country's letters a space before the symbol
            word_end = begin - 1
            word_begin = word_end
            while word_begin > 0 and word_end - word_begin < 5 and not text[word_begin - 1].isspace():
                word_begin -= 1
            joined = prefixes.get(text[word_begin:word_end].replace(".", "") + spelling)
            if joined is not None and (display is None or display[word_begin:word_end].isupper()):
                return joined, word_begin
        return form, begin + cut
    return None, start


def spelling_case_fits(form, written, attached):
    """Codes and letter symbols count only in their own case (USD, Rs, kr): "all 5" is no lek."""
    letters = [c for c in form.spelling if c.isalpha()]
    if not letters:
        return True
    if len(letters) == 1 and len(form.spelling) == 1 and not attached:
        return False  # "R5bn", never "r 5"
    if written is None:
        return True
    if form.kind == "code":
        return written.isupper()
    if len(form.spelling) == 1:
        return written == form.spelling
    first = next(c for c in written if c.isalpha())
    return first.isupper() or form.spelling.lstrip("$").islower()  # "Rs", "RM", "KSh"; "kr" as CLDR writes it


def currency_after(text, display, end):
    """The currency written just after a figure ("US dollars", "crore rupees", "USD", "kr", "€")."""
    suffixes = currencies.forms()[1]
    at = end + 1 if end < len(text) and text[end] == " " else end
    most = currencies.longest_suffix_words()
    words = text[at:at + 60].split(" ", most)[:most]
    first_words = currencies.suffix_first_words()
    if not words or (words[0] not in first_words and words[0].rstrip(".,;:)!?\"'") not in first_words):
        return None, end
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        phrase = phrase.rstrip(".,;:)!?\"'") if not suffixes.get(phrase) else phrase
        form = suffixes.get(phrase)
        if form is None:
            continue
        written = display[at:at + len(phrase)] if display is not None else None
        if form.kind == "code" and written is not None and not written.isupper():
            continue
        if form.kind == "symbol" and not spelling_case_fits(form, written, attached=False):
            continue
        return form, at + len(phrase)
    return None, end


WORD_NUMBER = re.compile(r"\b(?P<word>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                         r"fifteen|twenty|thirty|forty|fifty)\s+(?P<scale>thousand|million|billion|trillion|lakh|crore)\b")
WORD_VALUES = {**NUMBER_WORDS, "a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50}
ROUNDING = 0.05  # a figure rounded by more than this share of itself is another figure ("$1 billion" for 1.3)


def same_figure(page_amount, page_tolerance, amount, claim_tolerance):
    """True when a page's figure and a claim's are the same, either rounding the other."""
    difference = abs(page_amount - amount)
    return difference <= max(page_tolerance, claim_tolerance) and difference <= ROUNDING * abs(amount) + 1e-6


def read_numbers(text, display=None):
    """Every figure in a folded text as (start, end, amount, tolerance), and the raw money mentions
    among them (a MoneyMention whose currency is not yet resolved). display: the same text with
    its case, so that codes and letter symbols count only in their own case."""
    found, money = [], []
    scale_match = SCALE.match
    for m in NUMBER.finditer(text):
        start, end = m.span()
        if start and text[start - 1] == "-" and start > 1 and text[start - 2].isalpha():
            continue  # "COVID-19", "F-16"
        amount = parse_number(m.group())
        if amount is None:
            continue
        digits = m.group()
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        scale = 1.0
        s = scale_match(text, end)
        if s and not (s.group("s1") in ATTACHED_ONLY and s.group("space")):
            scale = SCALES[s.group("s1")] * (SCALES[s.group("s2")] if s.group("s2") else 1)
            end = s.end()
        value = amount * scale
        tolerance = scale * (10 ** -decimals) / 2 + 1e-6
        form, begin = currency_before(text, display, start)
        if start and text[start - 1].isalpha() and form is None:
            continue  # "G20", "Q3", "MP3"
        if form is not None and len(form.spelling) == 1 and form.spelling.isalpha():
            if scale == 1 and "," not in digits and "." not in digits:
                form = None  # "R2" is a road, "R5bn" is rand
        after, after_end = currency_after(text, display, end)
        if after is not None and (form is None or len(after.currencies) < len(form.currencies)):
            form, begin, end = after, start if form is None else begin, after_end
        found.append((start, end, value, tolerance))
        if form is not None:
            money.append(MoneyMention(begin, end, (value, None, tolerance), form))
    for m in WORD_NUMBER.finditer(text):  # "one billion euros", "two million people"
        start, end = m.span()
        scale = SCALES[m.group("scale")]
        value = WORD_VALUES[m.group("word")] * scale
        form, begin = currency_before(text, display, start)
        after, after_end = currency_after(text, display, end)
        if after is not None:
            form, end = after, after_end
            begin = start if begin == start else begin
        found.append((start, end, value, scale / 2))
        if form is not None:
            money.append(MoneyMention(begin, end, (value, None, scale / 2), form))
    found.sort()
    money.sort(key=lambda m: m.start)
    return found, money


def explicit_currencies(mentions):
    return {next(iter(m.form.currencies)) for m in mentions if not m.form.ambiguous}


def resolve_money(mentions, page):
    """Read each mention's currency in the light of the whole page (see the module's docstring):
    first the spellings of one currency, then the other shared ones, then "$" and "dollars" in the
    light of all those."""
    explicit = explicit_currencies(mentions)
    local = currencies.locale_currency(page.locale) if page.locale else None
    read = {}
    for i, m in enumerate(mentions):
        if not m.form.ambiguous:
            read[i] = next(iter(m.form.currencies))
        elif m.form.home not in currencies.INTERNATIONAL:
            read[i] = read_ambiguous(m.form, explicit, local, page)
    written = {c for c in read.values() if c}
    resolved = []
    for i, m in enumerate(mentions):
        currency = read[i] if i in read else read_international(m, m.form, written, local, resolved[-1] if resolved else None, page)
        amount, _, tolerance = m.value
        resolved.append(MoneyMention(m.start, m.end, (amount, currency, tolerance), m.form))
    return resolved


def read_international(mention, form, explicit, local, previous, page):
    """A bare "$" or "dollars": the US dollar, unless the page's locale or its own figures use
    another of the currencies so written; then none, except in a conversion in brackets right after
    a figure in another currency ("NZ$1.2 billion ($800 million)"), which is the US dollar."""
    others = (explicit | {local}) & form.currencies - {form.home}
    if not others:
        return form.home
    if previous is not None and previous.value[1] not in (None, form.home) and mention.start - previous.end < 20:
        if PARENTHESIS_CONVERSION.search(page.text[previous.end:mention.start]):
            return form.home
    return None


def read_ambiguous(form, explicit, local, page):
    """Another shared spelling (¥, £, kr, Rs, rupees): the page's locale, else the only one of its
    currencies the page writes out, else the only one whose country it names, else its English
    reading when the page points nowhere else."""
    if local in form.currencies:
        return local
    written = explicit & form.currencies
    if written:
        return next(iter(written)) if len(written) == 1 else None
    context = currencies.currency_context_words()
    named = {c for c in form.currencies if page.mentions_any(context.get(c, ()))}
    if len(named) == 1:
        return next(iter(named))
    if named:
        return form.home if form.home in named else None
    return form.home


def money_mentions(text, locale=None):
    """The figures with a currency in a text, read in the light of the text itself. A text already
    folded (normalise) has lost its case: then codes count in any case."""
    folded = fold_page(text)
    page = PageIndex(display=text, text=folded, locale=locale)
    _, raw = read_numbers(folded, None if folded == text else text)
    return resolve_money(raw, page)


# --- dates in text ---------------------------------------------------------------------------------

def month_bounds(year, month):
    return (year, month, 1), (year, month, calendar.monthrange(year, month)[1])


def numeric_day_month(a, b, locale):
    """The (day, month) of a numeric date "a/b/yyyy": by the locale's order where known; otherwise
    only when the order cannot matter (a day above 12, or both readings the same)."""
    order = currencies.day_first(locale)
    if order is True:
        return a, b
    if order is False:
        return b, a
    if a == b or (a > 12 and b <= 12):
        return a, b
    if b > 12 and a <= 12:
        return b, a
    return None


def read_date(precision, g, locale):
    year = int(g["y"])
    if precision == "month":
        return month_bounds(year, MONTHS[g["m"]]) + ("month",)
    if precision == "numeric":
        day_month = numeric_day_month(int(g["a"]), int(g["b"]), locale)
        if day_month is None:
            return None
        first = (year, day_month[1], day_month[0])
        return first, first, "day"
    if precision == "day":
        month = int(g["mm"]) if g.get("mm") else MONTHS[g["m"]]
        first = (year, month, int(g["d1"]))
        return first, first, "day"
    m1 = MONTHS[g.get("m1") or g["m"]]
    m2 = MONTHS[g.get("m2") or g.get("m") or g["m1"]]
    return (year, m1, int(g["d1"])), (year, m2, int(g["d2"])), "day"


def date_mentions(text, locale=None):
    """Dates in a folded text: day ranges, days, months, and numeric dates (by the locale's order
    where known). Each is looked for only where a year stands, since every spelling ends or starts
    with one."""
    found = []
    taken_until = -1
    for y in DATE_YEAR.finditer(text):
        year_start, year_end = y.span()
        lo = max(0, year_start - DATE_REACH, taken_until)
        named = MONTH_HINT.search(text, lo, year_start) is not None
        numeric = year_start > 2 and text[year_start - 1] in "/.-" and text[year_start - 2].isdigit()
        for precision, pattern in DATE_PATTERNS:
            if not (numeric if precision == "numeric" else named):
                continue  # one quick look spares the patterns that cannot match here
            m = pattern.search(text, lo, year_end)
            if not m:
                continue
            try:
                value = read_date(precision, m.groupdict(), locale)
                if value is None:
                    continue
                datetime.date(*value[0]), datetime.date(*value[1])
            except (ValueError, KeyError):
                continue
            if value[0] > value[1]:
                continue
            found.append(Mention(m.start(), m.end(), value))
            taken_until = m.end()
            break
        else:
            m = ISO_DATE.match(text, year_start)
            if m and (year_start == 0 or not text[year_start - 1].isalnum()):
                try:
                    first = (int(m.group("y")), int(m.group("mm")), int(m.group("d1")))
                    datetime.date(*first)
                except ValueError:
                    continue
                found.append(Mention(m.start(), m.end(), (first, first, "day")))
                taken_until = m.end()
    return found


# --- the facts of a claim -------------------------------------------------------------------

@dataclass(frozen=True)
class Fact:
    kind: str  # money, count, date, year, name
    label: str
    value: object = None
    year: int = None  # for money and count: the year the figure must stand next to
    aliases: tuple = ()  # for names: other (folded) spellings that count, such as "united states" for "US"
    given: tuple = ()  # for a person's surname: the (folded) given names the claim writes
    tolerance: float = 0.0  # for money and count: the rounding of the figure as the claim's text writes it
    context_years: tuple = ()  # for money and count: other years the claim names, which a page may name too

    def find(self, page):
        """Positions in the page where this fact stands."""
        return [start for start, _ in self.spans(page)]

    def spans(self, page):
        """(start, end) of each place in the page where this fact stands."""
        if self.kind == "money":
            amount, currency = self.value
            hits = [(m.start, m.end) for m in page.money if currency is not None and m.value[1] == currency
                    and same_figure(m.value[0], m.value[2], amount, self.tolerance)]
        elif self.kind == "count":
            hits = count_spans(page, *self.value, self.tolerance)
        elif self.kind == "date":
            first, last, precision = self.value
            return [(m.start, m.end) for m in page.dates if date_matches(m.value, first, last, precision)]
        elif self.kind == "year":
            return [(p, p + 4) for p in page.years.get(self.value, [])]
        elif self.kind == "name":
            return name_spans(page, self)
        else:
            raise ValueError(self.kind)
        return [h for h in hits if self.year is None or self.year in years_near(page, h, self.context_years)]


def fact_spans(claim, text, locale=None):
    """Where the claim's key facts stand in a text (for marking them in a snippet), as
    (start, end) offsets into display_text(text)."""
    page = index_page(text, locale=locale)
    return [span for fact in claim_facts(claim) for span in fact.spans(page)]


def years_near(page, span, ignore=()):
    """The years a figure at span belongs to: those of the nearest year mentioned within
    YEAR_WINDOW characters, passing over years the claim names as context (ignore) and years that
    another figure stands between ("62.6% in 2021, down from 67% in 2019": 2019 is the 67%'s) unless
    no other year is left. An empty set when no year is near."""
    start, end = span
    lo = bisect.bisect_left(page.year_positions, (start - YEAR_WINDOW,))
    hi = bisect.bisect_right(page.year_positions, (end + YEAR_WINDOW,))
    candidates = []
    for position, years in page.year_positions[lo:hi]:
        if ignore and set(years) <= set(ignore):
            continue
        distance = start - position if position < start else max(0, position - end)
        if distance <= YEAR_WINDOW:
            a, b = (position, start) if position < start else (end, position)
            candidates.append((sentence_break(page.display, a, b), distance, position, years))
    if not candidates:
        return set()
    candidates.sort()
    for _, distance, position, years in candidates:
        a, b = (position + 4, start) if position < start else (end, position)
        i = bisect.bisect_left(page.figure_starts, a)
        if i < len(page.figure_starts) and page.figure_starts[i] < b:
            continue  # another figure stands between: the year is that figure's
        return set(years)
    return set(candidates[0][3])


BREAK = re.compile(r"[.;!?]\s+(?=\S)")


def sentence_break(display, a, b):
    """True when a sentence or clause ends between two positions ("...in 2010. Figures for 2008"; a
    semicolon), not counting the dots of abbreviations and initials ("Feb. 5", "U.S. Trade", "Mr. Ruto")."""
    for m in BREAK.finditer(display, a, b):
        if m.group()[0] != ".":
            return True
        word = re.search(r"(\w+)$", display[max(0, m.start() - 12):m.start()])
        after = display[m.end():m.end() + 1]
        if after.isupper() and word and (word.group(1).isdigit() or len(word.group(1)) > 3):
            return True
    return False


def nearest_year(page, position):
    """The year mentioned nearest to a position, within YEAR_WINDOW characters, or None."""
    years = years_near(page, (position, position))
    return min(years) if years else None


def date_matches(mention, first, last, precision):
    m_first, m_last, _ = mention
    if precision == "month":  # any date within the month
        return first <= m_first and m_last <= last
    return (m_first, m_last) == (first, last)


def parse_iso(value):
    """'2012', '2012-02' or '2012-02-07' -> (first day, last day, precision)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return (parts[0], 1, 1), (parts[0], 12, 31), "year"
    if len(parts) == 2:
        first, last = month_bounds(*parts)
        return first, last, "month"
    return tuple(parts), tuple(parts), "day"


def describe_date(first, last, precision):
    if precision == "year":
        return str(first[0])
    if precision == "month":
        return f"{MONTH_NAMES[first[1]]} {first[0]}"
    if first == last:
        return f"{first[2]} {MONTH_NAMES[first[1]]} {first[0]}"
    if first[1] == last[1]:
        return f"{first[2]}-{last[2]} {MONTH_NAMES[first[1]]} {first[0]}"
    return f"{first[2]} {MONTH_NAMES[first[1]]} - {last[2]} {MONTH_NAMES[last[1]]} {last[0]}"


def describe_number(amount):
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if amount >= scale:
            return f"{amount / scale:g} {word}"
    return f"{amount:g}" if amount < 1e6 else f"{amount:,.0f}"


def describe_money(amount, currency):
    if amount >= 1e3 and amount < 1e6 and amount % 1e3 == 0:
        return f"{currency or '?'} {amount / 1e3:g} thousand"
    return f"{currency or '?'} {describe_number(amount)}"


def date_facts(date_start, date_end):
    """The date fact of a claim's structured dates, and the single year a figure belongs to."""
    if not date_start:
        return [], None
    start = parse_iso(date_start)
    end = parse_iso(date_end) if date_end else start
    year = start[0][0] if start[0][0] == end[1][0] else None
    if start[2] == end[2] == "year" and start[0] == end[0]:
        return [Fact("year", str(year), year)], year
    if start[2] == end[2] == "month" and start[0] == end[0]:
        return [Fact("date", describe_date(*start), start)], year
    if start[2] == end[2] == "day":
        value = (start[0], end[0], "day")
        return [Fact("date", describe_date(*value), value)], year
    return [], year  # a span of months or years: context, not a fact to find


# --- counts ---------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def unit_words(unit):
    """(words after the number, words before it) for a claim's unit, each a tuple of phrases."""
    key = " ".join(unit.lower().split())
    for names, after, before in UNIT_SYNONYMS.values():
        names = set(names.split("|"))
        if key in names or key.rstrip("s") in names or key + "s" in names:
            return tuple(after.split("|")), tuple(filter(None, before.split("|")))
    return (key, key[:-1] if key.endswith("s") else key + "s"), ()


@lru_cache(maxsize=None)
def count_patterns(unit):
    """Compiled: the words after a count (matched at its end), the lead words before it (searched
    in the LEAD_REACH characters before it, up to it)."""
    after, before = unit_words(unit)
    words = "|".join(re.escape(w) for w in sorted(after, key=len, reverse=True) if w != "%")
    alternatives = [rf"\s+{FILLER}(?:{words})\b"] if words else []
    if "%" in after:
        alternatives.append(r"\s?%")
    after_re = re.compile("|".join(alternatives))
    before_re = None
    if before:
        leads = "|".join(re.escape(w) for w in sorted(before, key=len, reverse=True))
        # anywhere before it in its clause, with no other figure and no "and" between
        before_re = re.compile(rf"\b(?:{leads})\b(?:(?!\b(?:and|or|but|while|whereas|with)\b)(?:[^.;!?\d]|\.\d|(?<!\d)(?:1[89]|20)\d\d(?!\d)))*$")
    return after_re, before_re


def count_spans(page, number, unit, claim_tolerance=0.0):
    """Where a count stands: its figure (digits, with any scale, or in words) with one of the
    unit's words just after it, or one of its lead words before it in its clause; a figure of three
    significant digits or more also where nothing but a preposition or punctuation follows it."""
    after_re, before_re = count_patterns(unit)
    text = page.text
    candidates = [(s, e) for s, e, amount, tolerance in page.numbers
                  if same_figure(amount, tolerance, number, claim_tolerance)]
    if number == int(number) and int(number) in NUMBER_WORDS.values():
        for word, n in NUMBER_WORDS.items():
            if n == number:
                candidates += [(p, p + len(word)) for p in page.phrase_positions(word)]
    hits = []
    bare = distinctive(number) and "%" not in unit_words(unit)[0]
    for s, e in candidates:
        after = after_re.match(text, e)
        if after:
            hits.append((s, after.end()))
        elif before_re is not None and before_re.search(text, max(0, s - LEAD_REACH), s):
            hits.append((s, e))
        elif bare and BARE_END.match(text, e):
            hits.append((s, e))  # "a record 745,000 in 2022": a figure this exact needs no unit
    adverb = ADVERB_COUNTS.get(number)
    if adverb and "times" in unit_words(unit)[0]:
        hits += [(p, p + len(adverb)) for p in page.phrase_positions(adverb)]
    return sorted(hits)


BARE_END = re.compile(r"\s*(?:[.,;:)]|$|(?:in|on|at|by|for|from|since|this|last|as|according|says|said|was|were|is|are)\b)")


def distinctive(number):
    """True for a count with at least three significant digits (745,000; 4,352): exact enough to
    stand for itself where the page gives no unit after it."""
    if number < 100 or number != int(number):
        return False
    return len(str(int(number)).rstrip("0")) >= 3


def describe_count(value, unit):
    return f"{describe_number(float(value))} {unit}"


# --- names ----------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def place_names():
    """Folded territory name -> its code."""
    return {name: code for code, names in currencies.territory_names().items() for name in names}


def is_not_name(word):
    folded = fold(word).strip(".'")
    return all(part in not_name_words() for part in folded.split("-") if part) or folded in not_name_words()


def looks_like_common_noun(word):
    return word.lower().endswith(NOUN_SUFFIXES)


def place_aliases(label):
    """Other spellings of a place: its other CLDR names and aliases, and its demonyms ("Pakistani")."""
    code = place_names().get(fold(label))
    if code is None:
        return ()
    names = set(currencies.territory_names()[code]) - {fold(label)}
    if " " not in label and len(label) > 3:
        names |= currencies.adjective_forms(fold(label)) & currencies.demonyms()
    return tuple(sorted(names))


def name_facts(claim_text, skip_spans=()):
    """The names a claim's text mentions: whole place and organisation names, and people's surnames
    (with the given names written before them). Parts of the text in skip_spans (figures, dates)
    are left out."""
    text = claim_text or ""
    for start, end in skip_spans:
        text = text[:start] + " " * (end - start) + text[end:]
    facts = []
    text = COMPOUND.sub(r"\1,", text)  # "India-UAE" names two; the text keeps its length
    for m in NAME_RUN.finditer(text):
        pairs = [(clean_word(w), w.rstrip(",;:.") if not re.fullmatch(r"(?:[A-Z]\.)+", w) else w) for w in m.group().split()]
        pairs = [(w, raw) for w, raw in pairs if w]
        at_start = bool(SENTENCE_START.search(text[:m.start()]))
        for n, segment in enumerate(split_at_places(pairs)):
            label, given = pick_name([w for w, _ in segment], at_start and n == 0, text, [raw for _, raw in segment])
            if not label or (len(label) < 3 and not label.isupper()):
                continue
            fact = Fact("name", label, " ".join(fold(label).split()), aliases=place_aliases(label), given=given)
            if fact.label.lower() not in {f.label.lower() for f in facts}:
                facts.append(fact)
    return facts


def split_at_places(pairs):
    """A run of capitalised words cut where a place's whole name stands ("New Zealand Prime Minister
    Chris Hipkins" -> "New Zealand", "Prime Minister Chris Hipkins"); an organisation's name stays
    whole ("Reserve Bank of New Zealand")."""
    if any(fold(w) in ORG_WORDS for w, _ in pairs):
        return [pairs]
    segments, current, i = [], [], 0
    while i < len(pairs):
        for j in range(len(pairs), i, -1):
            if fold(" ".join(w for w, _ in pairs[i:j])) in place_names():
                if current:
                    segments.append(current)
                segments.append(pairs[i:j])
                current, i = [], j
                break
        else:
            current.append(pairs[i])
            i += 1
    if current:
        segments.append(current)
    return segments


def clean_word(word):
    """A word of a name without its possessive and trailing punctuation; "U.S." keeps its dots."""
    word = re.sub(r"['’]s?$", "", word.rstrip(",;:"))
    if re.fullmatch(r"(?:[A-Z]\.)+", word):
        return word
    return word.strip(".'’")


def pick_name(words, at_start, text, written=None):
    """(label, given names) from a run of capitalised words, or (None, ()). written: the words as
    the claim writes them, possessives kept, for an organisation's whole name."""
    written = written or words
    whole = " ".join(words)
    for cut in range(len(words)):  # a place's whole name, after any titles before it
        rest = " ".join(words[cut:])
        if fold(rest) in place_names() and all(is_not_name(w) for w in words[:cut]):
            return rest, ()
    original = list(words)
    while words and is_not_name(words[0]) and fold(words[0]) not in ORG_WORDS:
        words.pop(0)
    while words and (is_not_name(words[-1]) or words[-1].lower() in CONNECTORS) and fold(words[-1]) not in ORG_WORDS:
        words.pop()
    if not words:
        return None, ()
    if any(fold(w) in ORG_WORDS for w in words):
        at = original.index(words[0])
        if len(words) == 1:  # a generic word alone ("Union") means nothing without the one before it
            if at == 0:
                return None, ()
            at -= 1
            words = original[at:at + 2]
        return " ".join(written[at:at + len(words)]), ()
    if any(is_not_name(w) for w in words[1:-1]):
        words = [w for w in words if not is_not_name(w)][-1:]
    if len(words) == 1 and at_start and whole.startswith(words[0]):
        word = words[0]
        # a sentence's first word is a name only if the claim shows it is one
        if looks_like_common_noun(word) or re.search(r"\b%s\b" % re.escape(word.lower()), text):
            return None, ()
    label = words[-1]
    given = tuple(fold(w) for w in words[:-1] if w.lower() not in CONNECTORS)
    return label, given


COMPOUND = re.compile(r"\b([A-Z][\w']*)-(?=[A-Z])")
GIVEN_BEFORE = re.compile(r"([A-Z][\w'’.-]*)\s+$")


def name_spans(page, fact):
    spans = []
    for phrase in (fact.value,) + tuple(fact.aliases):
        found = [(p, p + len(phrase)) for p in page.phrase_positions(phrase)]
        acronym = fact.label.isupper() if phrase == fact.value else len(phrase.replace(".", "")) <= 3
        if acronym:
            found = [(s, e) for s, e in found if page.display[s:e].isupper()]  # "US" is no "us"
        spans += found
    if fact.given:
        spans = [(s, e) for s, e in spans if not other_given_name(page, s, fact.given)]
    return sorted(spans)


def other_given_name(page, start, given):
    """True when a surname on the page follows a given name that is not the claim's ("Lyndon
    Johnson" for a claim about Boris Johnson)."""
    m = GIVEN_BEFORE.search(page.display, max(0, start - 30), start)
    if not m:
        return False
    word = m.group(1).strip(".")
    folded = fold(word)
    if folded.endswith(("'s", "’s")) or is_not_name(word) or folded in given:
        return False
    if len(word) == 1 and any(g.startswith(folded) for g in given):
        return False  # an initial
    return True


# --- all of a claim's facts --------------------------------------------------------------------

def claim_facts(claim):
    """The key facts of a claim: structured fields first, the claim's text as the fallback."""
    facts, year = date_facts(claim.get("date_start"), claim.get("date_end"))
    text = normalise(claim.get("claim") or "")
    display = display_text(claim.get("claim") or "")
    dates = date_mentions(text)
    spans = [(m.start, m.end) for m in dates]
    if not claim.get("date_start"):
        facts = [Fact("date", describe_date(*m.value), m.value) for m in dates]
        years = sorted({int(y.group()) for y in YEAR_TOKEN.finditer(text) if not any(s <= y.start() < e for s, e in spans)})
        facts += [Fact("year", str(y), y) for y in years]
        if year is None and len(years) == 1:
            year = years[0]
    value, unit = claim.get("value"), claim.get("unit")
    mentions = money_mentions(display)
    spans += [(m.start, m.end) for m in mentions]
    if value is not None and unit:
        value = float(value)
        # the claim's own text may round the figure ("Rs 52,619 crore" for 52,619.07): allow that much
        numbers, _ = read_numbers(text)
        tolerance = max([t for _, _, amount, t in numbers if abs(amount - value) <= t] or [0.0])
        context = tuple(sorted({y for _, ys in year_mentions(text) for y in ys} - {year}))
        if is_currency(unit):
            currency = unit.upper()
            facts.insert(0, Fact("money", describe_money(value, currency), (value, currency), year,
                                 tolerance=tolerance, context_years=context))
        else:
            facts.insert(0, Fact("count", describe_count(value, unit), (value, unit), year,
                                 tolerance=tolerance, context_years=context))
    else:
        for m in mentions:
            amount, currency, _ = m.value
            facts.insert(0, Fact("money", describe_money(amount, currency), (amount, currency), year))
    return facts + name_facts(display, spans)
