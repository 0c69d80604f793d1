"""The key facts of a claim and where they stand in a page: figures with their currency and scale,
counts, dates in their common spellings, years, and the names a claim mentions. Pure functions.

Key facts come from the claim's structured fields (value and unit, date_start and date_end) and,
where those are empty, from its text; the surnames and places it names always count. A figure
counts only where the nearest year to it is the claim's year."""
import bisect
import calendar
import datetime
import re
from dataclasses import dataclass, field

from .text import display_text, fold, normalise

YEAR_WINDOW = 200  # a figure's year must be the nearest year mentioned within this many characters

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NAMES = [None, "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
MONTH = r"(?P<{name}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<{name}>(?:1[89]|20)\d\d)"
TO = r"\s*(?:-|to|and|until|till|through)\s*"

DATE_PATTERNS = [  # ranges first: a range's end day must not also read as a single date
    ("range", re.compile(rf"\b{DAY.format(name='d1')}\s+{MONTH.format(name='m1')}{TO}{DAY.format(name='d2')}\s+{MONTH.format(name='m2')},?\s+{YEAR.format(name='y')}\b")),
    ("range", re.compile(rf"\b{DAY.format(name='d1')}{TO}{DAY.format(name='d2')}\s+{MONTH.format(name='m')},?\s+{YEAR.format(name='y')}\b")),
    ("range", re.compile(rf"\b{MONTH.format(name='m')}\s+{DAY.format(name='d1')}{TO}{DAY.format(name='d2')},?\s+{YEAR.format(name='y')}\b")),
    ("day", re.compile(rf"\b{DAY.format(name='d1')}\s+{MONTH.format(name='m')},?\s+{YEAR.format(name='y')}\b")),
    ("day", re.compile(rf"\b{MONTH.format(name='m')}\s+{DAY.format(name='d1')},?\s+{YEAR.format(name='y')}\b")),
    ("day", re.compile(r"\b(?P<y>(?:1[89]|20)\d\d)-(?P<mm>[01]\d)-(?P<d1>[0-3]\d)\b")),
    ("month", re.compile(rf"\b{MONTH.format(name='m')},?\s+(?:of\s+)?{YEAR.format(name='y')}\b")),
]
YEAR_TOKEN = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,]\d)")

CURRENCIES = {
    "us$": "USD", "usd": "USD", "$": "USD", "us dollars": "USD", "us dollar": "USD", "dollars": "USD",
    "dollar": "USD", "u.s. dollars": "USD",
    "rs": "PKR", "rs.": "PKR", "pkr": "PKR", "rupees": "PKR", "rupee": "PKR", "₨": "PKR",
    "rub": "RUB", "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "₽": "RUB",
    "eur": "EUR", "€": "EUR", "euros": "EUR", "euro": "EUR", "gbp": "GBP", "£": "GBP", "pounds": "GBP",
    "inr": "INR", "₹": "INR", "cny": "CNY", "yuan": "CNY",
}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9,
          "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_CUR_BEFORE = r"(?P<cur>us\$|u\.s\. dollars|us dollars?|usd|\$|rs\.?|pkr|₨|rub|₽|eur|€|gbp|£|inr|₹|cny)"
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?P<scale>trillion|billion|million|thousand|bn|mn|mln|tn|[mbk])\b"
_CUR_AFTER = r"(?P<cur2>u\.s\. dollars|us dollars?|dollars?|usd|rupees?|pkr|rubles?|roubles?|rub|euros?|eur|pounds?|gbp|inr|yuan|cny)\b"
MONEY_PATTERNS = [
    re.compile(rf"{_CUR_BEFORE}\s?{_NUM}(?:\s?-?{_SCALE})?(?:\s+{_CUR_AFTER})?"),
    re.compile(rf"(?<![\w$.,]){_NUM}\s?-?(?:{_SCALE}\s?)?{_CUR_AFTER}"),
]

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
UNIT_SYNONYMS = {"meetings": ("meetings", "meeting", "times", "occasions", "occasion", "rounds")}

# Capitalised words that are not names to look for: titles, demonyms, months, sentence openers.
NOT_NAMES = set("""
a an the in on at of to for by and or but as no not its it this that these those there their he she they we
two-way first last former late then now also both all each every one
president prime minister foreign deputy general ms mr mrs dr sir lord st saint head state government
ambassador chairman chief secretary spokesman spokesperson senator parliament parliamentary
russian russians pakistani pakistanis soviet afghan afghans american british chinese indian islamist islamic
muslim western eastern southern northern central asian south north east west south-western
during after before since when while over under until early senior official officials
january february march april may june july august september october november december
us usd
""".split())
ORG_WORDS = {"organisation", "organization", "group", "groups", "council", "committee", "ministry",
             "consulate", "consulate-general", "union", "agency", "bank", "assembly", "university"}
NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|al|bin|de|van|von|da|el))*")


@dataclass
class Mention:
    start: int
    end: int
    value: object  # money: (amount, currency, tolerance); date: (first_day, last_day, precision)


@dataclass
class PageIndex:
    """A page read once for matching many claims: its folded text and the figures and dates in it."""

    display: str
    text: str
    money: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    years: dict = field(default_factory=dict)  # year -> sorted positions
    year_positions: list = field(default_factory=list)  # sorted (position, year)
    words: dict = field(default_factory=dict)  # phrase -> positions, filled as claims ask

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


def index_page(text):
    display = display_text(text)
    folded = fold(display)
    page = PageIndex(display=display, text=folded, money=money_mentions(folded), dates=date_mentions(folded))
    for m in YEAR_TOKEN.finditer(folded):
        page.years.setdefault(int(m.group()), []).append(m.start())
        page.year_positions.append((m.start(), int(m.group())))
    return page


# --- figures and dates in text ------------------------------------------------------------

def is_currency(unit):
    """True when a claim's unit is a currency code that figures are read in (USD, EUR, ...)."""
    return (unit or "").upper() in set(CURRENCIES.values())


def parse_number(text):
    return float(text.replace(",", ""))


def money_mentions(text):
    found, taken = [], []
    for pattern in MONEY_PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            groups = m.groupdict()
            currency = CURRENCIES.get(groups.get("cur") or "") or CURRENCIES.get(groups.get("cur2") or "")
            if not currency and groups.get("cur2"):
                currency = CURRENCIES.get(groups["cur2"].rstrip("s"))
            if not currency:
                continue
            number = groups["num"]
            scale = SCALES.get(groups.get("scale") or "", 1)
            decimals = len(number.split(".")[1]) if "." in number else 0
            amount = parse_number(number) * scale
            tolerance = scale * (10 ** -decimals) / 2 + 1e-6
            found.append(Mention(m.start(), m.end(), (amount, currency, tolerance)))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


def month_bounds(year, month):
    return (year, month, 1), (year, month, calendar.monthrange(year, month)[1])


def date_mentions(text):
    found, taken = [], []
    for precision, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            g = m.groupdict()
            try:
                year = int(g["y"])
                if precision == "month":
                    first, last = month_bounds(year, MONTHS[g["m"]])
                elif precision == "day":
                    month = int(g["mm"]) if g.get("mm") else MONTHS[g["m"]]
                    first = last = (year, month, int(g["d1"]))
                else:
                    m1 = MONTHS[g.get("m1") or g["m"]]
                    m2 = MONTHS[g.get("m2") or g.get("m")]
                    first, last = (year, m1, int(g["d1"])), (year, m2, int(g["d2"]))
                datetime.date(*first), datetime.date(*last)
            except (ValueError, KeyError):
                continue
            found.append(Mention(m.start(), m.end(), (first, last, precision)))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


# --- the facts of a claim -------------------------------------------------------------------

@dataclass(frozen=True)
class Fact:
    kind: str  # money, count, date, year, name
    label: str
    value: object = None
    year: int = None  # for money and count: the year the figure must stand next to

    def find(self, page):
        """Positions in the page where this fact stands."""
        return [start for start, _ in self.spans(page)]

    def spans(self, page):
        """(start, end) of each place in the page where this fact stands."""
        if self.kind == "money":
            amount, currency = self.value
            hits = [(m.start, m.end) for m in page.money
                    if m.value[1] == currency and abs(m.value[0] - amount) <= m.value[2]]
        elif self.kind == "count":
            number, units = self.value
            words = [str(number)] + [w for w, n in NUMBER_WORDS.items() if n == number]
            pattern = re.compile(r"\b(?:%s)\s+(?:\w+\s+){0,2}?(?:%s)\b" % ("|".join(words), "|".join(map(re.escape, units))))
            hits = [(m.start(), m.end()) for m in pattern.finditer(page.text)]
        elif self.kind == "date":
            first, last, precision = self.value
            return [(m.start, m.end) for m in page.dates if date_matches(m.value, first, last, precision)]
        elif self.kind == "year":
            return [(p, p + 4) for p in page.years.get(self.value, [])]
        elif self.kind == "name":
            return [(p, p + len(self.value)) for p in page.phrase_positions(self.value)]
        else:
            raise ValueError(self.kind)
        return [h for h in hits if self.year is None or nearest_year(page, h[0]) == self.year]


def fact_spans(claim, text):
    """Where the claim's key facts stand in a text (for marking them in a snippet), as
    (start, end) offsets into display_text(text)."""
    page = index_page(text)
    return [span for fact in claim_facts(claim) for span in fact.spans(page)]


def nearest_year(page, position):
    """The year mentioned nearest to a position, within YEAR_WINDOW characters, or None."""
    i = bisect.bisect_left(page.year_positions, (position, 0))
    best = None
    for j in (i - 1, i, i + 1):
        if 0 <= j < len(page.year_positions):
            pos, year = page.year_positions[j]
            distance = abs(pos - position)
            if distance <= YEAR_WINDOW and (best is None or distance < best[0]):
                best = (distance, year)
    return best[1] if best else None


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


def describe_money(amount, currency):
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if amount >= scale:
            return f"{currency} {amount / scale:g} {word}"
    return f"{currency} {amount:g}"


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


def not_a_name(word):
    return all(part in NOT_NAMES for part in word.lower().split("-"))


def name_facts(claim_text):
    facts = []
    for run in NAME_RUN.findall(claim_text or ""):
        words = [re.sub(r"['’]s$", "", w.strip(".'’")) for w in run.split()]
        original = list(words)
        while words and not_a_name(words[0]):
            words.pop(0)
        while words and words[-1].lower() in NOT_NAMES | {"of", "al", "bin", "de", "van", "von", "da", "el"}:
            words.pop()
        if not words or any(not_a_name(w) for w in words[1:-1]):
            words = [w for w in words if not not_a_name(w)][-1:]
        if not words:
            continue
        if len(words) == 1 and words[0].lower() in ORG_WORDS and len(original) > 1:
            # a generic word alone ("Union") means nothing without the one before it ("Soviet Union")
            at = original.index(words[0])
            words = original[max(0, at - 1):at + 1]
        if any(w.lower() in ORG_WORDS for w in words):
            label = " ".join(words)  # an organisation: its whole name
        else:
            label = words[-1]  # a person's surname, or a place
        if len(label) < 3 and not label.isupper():
            continue
        fact = Fact("name", label, " ".join(fold(label).split()))
        if fact.label.lower() not in {f.label.lower() for f in facts}:
            facts.append(fact)
    return facts


def claim_facts(claim):
    """The key facts of a claim: structured fields first, the claim's text as the fallback."""
    facts, year = date_facts(claim.get("date_start"), claim.get("date_end"))
    text = normalise(claim.get("claim") or "")
    if not claim.get("date_start"):
        mentions = date_mentions(text)
        facts = [Fact("date", describe_date(*m.value), m.value) for m in mentions]
        spans = [(m.start, m.end) for m in mentions]
        years = sorted({int(y.group()) for y in YEAR_TOKEN.finditer(text) if not any(s <= y.start() < e for s, e in spans)})
        facts += [Fact("year", str(y), y) for y in years]
        if year is None and len(years) == 1:
            year = years[0]
    value, unit = claim.get("value"), claim.get("unit")
    if value is not None and unit:
        if is_currency(unit):
            currency = unit.upper()
            facts.insert(0, Fact("money", describe_money(float(value), currency), (float(value), currency), year))
        else:
            units = UNIT_SYNONYMS.get(unit.lower(), (unit.lower(), unit.lower().rstrip("s")))
            facts.insert(0, Fact("count", f"{value:g} {unit}", (int(value), units), year))
    else:
        for m in money_mentions(text):
            amount, currency, _ = m.value
            facts.insert(0, Fact("money", describe_money(amount, currency), (amount, currency), year))
    return facts + name_facts(claim.get("claim"))


