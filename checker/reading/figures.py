"""Figures as pages write them: every number with its scale (million, bn, lakh, crore) and its sign,
and amounts with their currency (CLDR's data, through currencies.py). Pure functions. What a count
counts, and where a page states one, is counts.py's.

A spelling that several currencies share ("$", "¥", "£", "kr", "Rs", "dollars", "rupees") is read as the
one the page makes plain: its locale, or the only one of them the page writes out in full elsewhere
(NZ$, "Indian rupees"), or the only one whose country the page names; failing that, as the currency
English gives it ($ US dollar, £ pound sterling, ¥ yen, Rs Indian rupee), or as none ("kr", "pesos").
A bare "$" or "dollars" is only ever read as the US dollar, or as no currency when the page's locale
or its own figures use another dollar ("NZ$1.2 billion ... $300 million"), or when a page with no locale
names one other dollar's country far more than the US ("SINGAPORE - ... $14 billion"). "Pounds" is money only
where its sentence or the page says so; else a weight ("180 pounds"), which it counts."""
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from . import currencies
from .page_index import Mention, PageIndex, fold_page
from .measures import MEASURE_NAMES, pounds_as_money


# Digits, grouped by commas (1,200,000; 12,00,000) or by spaces as South Africa, France and the SI write them
# ("17 000", "1 250 000"; never after another number: "in 2018 500 people died"). A day of a month before a count
# ("on March 15 300 people marched") is the date reader's, which figures overlapping a date give way to.
SPACE_GROUPED = r"(?<!\d\s)\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:\.\d+)?(?!\d|,\d)"
NUMBER = re.compile(rf"(?<![\d.,])(?:{SPACE_GROUPED}|\d+(?:,\d+)*(?:\.\d+)?(?![\d])|(?<![\w])\.\d+(?=\s?(?:%|percent|per\s?cent)))")  # (".07%")
COMMA_GROUPED = re.compile(r"\d,\d{3}(?![\d,])")
GROUP_SPACE = re.compile(r"[ \u00a0\u202f\u2009]")
DECIMAL_COMMA = re.compile(r"\d+,\d\d")  # a price's cents after a comma, where a currency stands before it ("R4331,13")
# The currencies whose countries write cents after a comma ("R48,94", "€1,50"); "$100,00" is a typo, no $100
DECIMAL_COMMA_CURRENCIES = frozenset("ZAR EUR BRL DKK SEK NOK ISK PLN CZK HUF RON BGN TRY RUB UAH IDR VND ARS CLP COP UYU".split())


# A number's minus sign: "minus 80 degrees", "fell to -3.2%", "−15" (the minus sign, U+2212), but never a dash
# set as punctuation ("—5" folds to "-" too), a range ("5-10"), a margin ("plus or minus 3", "+/-3"), a
# subtraction ("10 minus 3", "eleven minus two") nor an aside set off by a comma ("23 players, minus 3 injured").
MINUS_WORD = re.compile(r"(?<![\d,/+]\s)(?<![\d,/+])(?<!\bor\s)(?<!\bor-)(?<!\bplus\s)(?<!\bplus-)(?<!\bless\s)\bminus\s+$")
NUMBER_WORD_BEFORE = re.compile(r"\b(?:%s|twenty|thirty|forty|fifty|hundred|thousand|million|billion)\s+minus\s+$"
                                % "|".join("zero one two three four five six seven eight nine ten eleven twelve".split()))
MINUS_SIGNS = "-\u2212\ufe63\uff0d"  # as the page writes them; en and em dashes are punctuation


def minus_at(text: str, display: str | None, start: int) -> int | None:
    """Where the minus sign of the number at text[start:] begins (MINUS_WORD, MINUS_SIGNS), or None."""
    if start and text[start - 1] == "-" and (display is None or display[start - 1] in MINUS_SIGNS):
        if start == 1 or text[start - 2] in "([" or (text[start - 2] in " \t\n" and not text[max(0, start - 3)].isdigit()):
            return start - 1
        return None  # "F-16", "5-10", "a 2 -1 win"
    m = MINUS_WORD.search(text, max(0, start - 40), start)
    return m.start() if m and not NUMBER_WORD_BEFORE.search(text, max(0, start - 40), start) else None


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


@dataclass
class MoneyMention(Mention):
    form: currencies.CurrencyForm  # how it was written


def is_currency(unit: str | None) -> bool:
    """True when a claim's unit is an ISO 4217 currency code (USD, NZD, INR, ...), in any case."""
    return currencies.is_currency_code(unit)


def parse_number(text: str) -> float | None:
    """Digits with western (1,200,000), Indian (12,00,000) or spaced (1 200 000) grouping -> float, or None."""
    whole, _, decimals = GROUP_SPACE.sub("", text).partition(".")
    groups = whole.split(",")
    if len(groups) > 1:
        if not 1 <= len(groups[0]) <= 3 or len(groups[-1]) != 3:
            return None
        middle = {len(g) for g in groups[1:-1]}
        if middle - {3} and middle - {2}:
            return None
    return float(whole.replace(",", "") + ("." + decimals if decimals else ""))


def currency_before(text: str, display: str | None, start: int) -> tuple[currencies.CurrencyForm | None, int]:
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
        code = prefixes.get(token[:cut]) if before.isalnum() and form.kind == "symbol" else None
        if code is not None and code.kind == "code" and spelling_case_fits(code, display and display[begin:begin + cut], True):
            return code, begin  # "USD$750,909": the code says which dollar
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
            while word_begin < word_end and text[word_begin] in CURRENCY_PUNCTUATION:
                word_begin += 1  # "(NZ $1.2 billion)": the bracket is not the country's
            joined = prefixes.get(text[word_begin:word_end].replace(".", "") + spelling)
            if joined is not None and (display is None or display[word_begin:word_end].isupper()):
                return joined, word_begin
        return form, begin + cut
    return None, start


def spelling_case_fits(form: currencies.CurrencyForm, written: str | None, attached: bool) -> bool:
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


def currency_after(text: str, display: str | None, end: int) -> tuple[currencies.CurrencyForm | None, int]:
    """The currency written just after a figure ("US dollars", "crore rupees", "USD", "kr", "€")."""
    suffixes = currencies.forms()[1]
    at = end + 1 if end < len(text) and text[end] == " " else end
    most = currencies.longest_suffix_words()
    words = text[at:at + 60].split("\n", 1)[0].split(" ", most)[:most]  # (a name ends its paragraph: "... dollars.\n\n")
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


# A number written in words ("three hundred", "forty-five", "two hundred and fifty thousand", "a million people"):
# a run of number words, read whole by text2num. A word alone up to "twenty" is a count word (amounts.py); one
# in a word ("the twenty-first century", "Forty-Niners") is none.
NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
               r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
               r"million|billion|trillion)")
WORD_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
WORD_RUN = re.compile(rf"(?<![\w-])(?:an?\s+(?=(?:{'|'.join(WORD_SCALES)})\b))?{NUMBER_WORD}(?:(?:\s+and\s+|\s+|-){NUMBER_WORD})*"
                      r"(?![\w-])")
# ... and one of India's scales after a word ("five lakh", "two crore"), which text2num does not know
WORD_NUMBER = re.compile(r"\b(?P<word>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                         r"fifteen|twenty|thirty|forty|fifty)\s+(?P<scale>lakh|crore)\b")
WORD_VALUES = {**NUMBER_WORDS, "a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50}


# Half a scale, alone or after a whole number ("half a million", "a half million", "a half a billion", "one and
# a half billion", "two and a half thousand"): never the scale whole that "a million" alone is
HALF_SCALE = re.compile(rf"(?<![\w-])(?:(?P<whole>{NUMBER_WORD}|an?)\s+and\s+)?(?:an?\s+)?half\s+(?:an?\s+)?"
                        rf"(?P<scale>{'|'.join(WORD_SCALES)})\b")


def word_runs(text: str) -> list[tuple[int, int, float, float]]:
    """The numbers in words of a folded text of more than one word, or a tens word ("forty"), as (start, end,
    value, tolerance); the tolerance is half the last scale ("two million" may round 1.6 million)."""
    found = []
    for m in HALF_SCALE.finditer(text):
        whole = m.group("whole")
        units = 0.0 if whole is None else 1.0 if whole in ("a", "an") else float(text2num(whole, "en"))
        scale = WORD_SCALES[m.group("scale")]
        found.append((m.start(), m.end(), (units + 0.5) * scale, scale / 4))
    halves = list(found)
    for m in WORD_RUN.finditer(text):
        if any(a < m.end() and m.start() < b for a, b, _, _ in halves):
            continue  # ("a million" of "half a million": read above)
        words = re.split(r"[\s-]+", m.group())
        if (len(words) == 1 and words[0] in NUMBER_WORDS) or words[0] in WORD_SCALES:
            continue  # ("three": a count word; "million" of "$630 million": a scale of digits)
        try:
            value = text2num(" ".join(["one"] + words[1:] if words[0] in ("a", "an") else words), "en")
        except ValueError:
            continue  # no one number ("twenty twenty")
        scales = [WORD_SCALES[w] for w in words if w in WORD_SCALES]
        found.append((m.start(), m.end(), float(value), scales[-1] / 2 if scales else 0.5))
    return found


ROUNDING = 0.05  # a figure rounded by more than this share of itself is another figure ("$1 billion" for 1.3)


def same_figure(page_amount: float, page_tolerance: float, amount: float, claim_tolerance: float) -> bool:
    """True when a page's figure and a claim's are the same, either rounding the other."""
    difference = abs(page_amount - amount)
    return difference <= max(page_tolerance, claim_tolerance) and difference <= ROUNDING * abs(amount) + 1e-6


def read_numbers(text: str, display: str | None = None
                 ) -> tuple[list[tuple[int, int, float, float]], list[MoneyMention]]:
    """Every figure in a folded text as (start, end, amount, tolerance), and the raw money mentions
    among them (a MoneyMention whose currency is not yet resolved). display: the same text with
    its case, so that codes and letter symbols count only in their own case."""
    found: list[tuple[int, int, float, float]] = []
    money: list[MoneyMention] = []
    scale_match = SCALE.match
    # a text that groups thousands with commas groups none with a plain space: "roughly 400 737 Max jets" is 400 jets
    spaced = COMMA_GROUPED.search(text) is None
    for m in NUMBER.finditer(text):
        start, end = m.span()
        if not spaced and " " in m.group():
            end = start + m.group().index(" ")
        if start and text[start - 1] == "-" and start > 1 and text[start - 2].isalpha():
            continue  # "COVID-19", "F-16"
        digits = text[start:end]
        amount = parse_number(digits)
        if amount is None and DECIMAL_COMMA.fullmatch(digits) and \
                (comma_form := currency_before(text, display, start)[0]) is not None and comma_form.currencies <= DECIMAL_COMMA_CURRENCIES:
            digits = digits.replace(",", ".")  # "R128,33", "€1,50": a price with a decimal comma (never "$100,00")
            amount = float(digits)
        if amount is None:
            continue
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        scale = 1.0
        s = scale_match(text, end)
        if s and not (s.group("s1") in ATTACHED_ONLY and s.group("space")):
            scale = SCALES[s.group("s1")] * (SCALES[s.group("s2")] if s.group("s2") else 1)
            end = s.end()
        value = amount * scale
        tolerance = scale * (10 ** -decimals) / 2 + 1e-6
        form, begin = currency_before(text, display, start)
        if form is not None and (len(form.spelling) == 1 or form.kind == "code") and form.spelling.isalpha() and begin + len(form.spelling) == start:
            if scale == 1 and not re.search(r"[,.\s]", digits):
                form = None  # "R2" is a road, "R5bn" is rand; "COP26" a summit, "USD5m" dollars
        if start and text[start - 1].isalpha() and form is None:
            continue  # "G20", "Q3", "MP3" (though G, Q and R are currency symbols too)
        after, after_end = currency_after(text, display, end)
        if after is not None and after.spelling in MILESTONE_NAMES and MILESTONE_BEFORE.search(text, max(0, start - 6), start):
            after = None  # "topped the 2-million mark": a milestone, no Bosnian marks
        if after is not None and form is None and after.spelling in MEASURE_NAMES:
            # "200 pounds": money or a weight, which only the page tells (resolve_money); as a weight its
            # number stands alone, and "pounds" is what it counts
            money.append(MoneyMention(start, after_end, (value, None, tolerance), after))
            found.append((start, end, value, tolerance))
            continue
        if after is not None and (form is None or len(after.currencies) < len(form.currencies)):
            form, begin, end = after, start if form is None else begin, after_end
        elif form is not None and len(form.currencies) > 1:
            form, end = pinned_after(text, form, end)  # "$254-billion Canadian": the Canadian dollar
        cents = CENTS.match(text, end) if form is None and scale == 1 else None
        if cents:  # "15 cents": a hundredth of the dollar (or euro) the page counts in
            form, begin, end = cents_form(), start, cents.end()
            value, tolerance = value / 100, tolerance / 100
        if form is None and minus_at(text, display, start) is not None:
            value = -value  # "minus 80 degrees", "-3.2%"
        found.append((start, end, value, tolerance))
        if form is not None:
            money.append(MoneyMention(begin, end, (value, None, tolerance), form))
    words = [(m.start(), m.end(), WORD_VALUES[m.group("word")] * SCALES[m.group("scale")], SCALES[m.group("scale")] / 2)
             for m in WORD_NUMBER.finditer(text)]
    for start, end, value, tolerance in word_runs(text) + words:  # "one billion euros", "three hundred people"
        form, begin = currency_before(text, display, start)
        after, after_end = currency_after(text, display, end)
        if after is not None:
            form, end = after, after_end
            begin = start if begin == start else begin
        found.append((start, end, value, tolerance))
        if form is not None:
            money.append(MoneyMention(begin, end, (value, None, tolerance), form))
    found.sort()
    money.sort(key=lambda m: m.start)
    return found, money


CENTS = re.compile(r"\s?(?:cents?\b|¢)")
# A currency's name that is also a milestone's, after "the" ("passed the 5-million mark"): no money
MILESTONE_NAMES = frozenset({"mark"})
MILESTONE_BEFORE = re.compile(r"\bthe\s+$")
# A country's adjective after a figure, the currency's noun left out: "$254-billion Canadian) in bonds", "$5
# billion (U.S.),"; what follows it is no noun it qualifies ("$40 million Australian miner": the miner's)
PINNING = re.compile(r"\s*(?P<open>\()?(?P<words>[a-z][a-z. ]{0,24}?)\.?(?(open)\))(?=\s*(?:[,.;:)]|$|\s+(?:in|to|for|of|on|at|from|and|or|by|with|each|per|a|an|the|was|were|is|are|has|had|will)\b))")


def pinned_after(text: str, form: currencies.CurrencyForm, end: int) -> tuple[currencies.CurrencyForm, int]:
    """A symbol several currencies share, pinned to one by the country's adjective written after its figure
    (PINNING), and the end of the figure with it; else the symbol as it was."""
    m = PINNING.match(text, end)
    code = currencies.symbol_adjectives(form.spelling).get(m.group("words").replace(".", "").strip()) if m else None
    if m is None or code is None:
        return form, end
    return currencies.CurrencyForm(form.spelling, frozenset({code}), code, form.kind), m.end()


@lru_cache(maxsize=None)
def cents_form() -> currencies.CurrencyForm:
    """"Cents" as a currency's name: any dollar's or the euro's hundredth, read as "$" is read (the
    US dollar unless the page's locale or its own figures use another)."""
    dollar = currencies.forms()[0]["$"]
    return currencies.CurrencyForm("cents", dollar.currencies | {"EUR"}, dollar.home, "name")


def explicit_currencies(mentions: Iterable[MoneyMention]) -> set[str]:
    return {next(iter(m.form.currencies)) for m in mentions if not m.form.ambiguous}


def resolve_money(mentions: Sequence[MoneyMention], page: PageIndex) -> list[MoneyMention]:
    """Read each mention's currency in the light of the whole page (see the module's docstring):
    first the spellings of one currency, then the other shared ones, then "$" and "dollars" in the
    light of all those."""
    mentions = [m for m in mentions if m.form.spelling not in MEASURE_NAMES or pounds_as_money(m, page)]
    explicit = explicit_currencies(mentions)
    local = currencies.locale_currency(page.locale) if page.locale else None
    read: dict[int, str | None] = {}
    for i, m in enumerate(mentions):
        if not m.form.ambiguous:
            read[i] = next(iter(m.form.currencies))
        elif m.form.home not in currencies.INTERNATIONAL:
            read[i] = read_ambiguous(m.form, explicit, local, page)
    written = {c for c in read.values() if c}
    resolved: list[MoneyMention] = []
    for i, m in enumerate(mentions):
        if i not in read and local is None:
            local = named_dollar(m.form, page) or ""  # (once: "" when the page names none)
        currency = read[i] if i in read else read_international(m, m.form, written, local or None,
                                                                  resolved[-1] if resolved else None, page)
        amount, _, tolerance = m.value
        resolved.append(MoneyMention(m.start, m.end, (amount, currency, tolerance), m.form))
    return resolved


def read_international(mention: MoneyMention, form: currencies.CurrencyForm, explicit: set[str], local: str | None,
                       previous: MoneyMention | None, page: PageIndex) -> str | None:
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


def named_dollar(form: currencies.CurrencyForm, page: PageIndex) -> str | None:
    """The dollar other than the US's that a page with no locale is plainly about: the one of a country
    where English is official (a local paper in English writes its own dollar "$"; a US paper abroad
    writes the other dollar out, "S$", "Canadian dollars", as the English press of Taiwan or Mexico writes
    "NT$" and "pesos") whose country it names (its name, its people's or its provinces': "Singapore",
    "Guyanese", "Manitoba"; never a city, which other countries' towns share) at least twice, and more
    often than all the others and every sign of the US (its names, its people, its states, the cities of
    its time zones) together."""
    if form.home is None:
        return None
    words, provinces = currencies.currency_country_words(), currencies.currency_province_words()
    counts = {c: sum(len(page.phrase_positions(w)) for w in words.get(c, frozenset()) | provinces.get(c, frozenset()))
              for c in form.currencies - {form.home} if c in currencies.official_in("en")}
    most = max(counts, key=lambda c: counts[c], default=None)
    if most is None or counts[most] < 2:
        return None
    # (the home's country words among them, and its states: "Ohio" weighs against "Ontario")
    home = currencies.currency_context_words().get(form.home, frozenset()) | provinces.get(form.home, frozenset())
    others = sum(counts.values()) - counts[most] + sum(len(page.phrase_positions(w)) for w in home)
    return most if counts[most] > others else None


def read_ambiguous(form: currencies.CurrencyForm, explicit: set[str], local: str | None,
                   page: PageIndex) -> str | None:
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


def money_mentions(text: str, locale: str | None = None) -> list[MoneyMention]:
    """The figures with a currency in a text, read in the light of the text itself. A text already
    folded (normalise) has lost its case: then codes count in any case."""
    folded = fold_page(text)
    page = PageIndex(display=text, text=folded, locale=locale)
    _, raw = read_numbers(folded, None if folded == text else text)
    return resolve_money(raw, page)
