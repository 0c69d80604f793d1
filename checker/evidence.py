"""Does a page still support a claim? Pure functions over text: normalisation, key facts, passages.

A link between a claim and a source *supports* when the link's passage is on the page (compared
after normalising case, whitespace, quotes, dashes, non-breaking spaces, line-end hyphenation and
punctuation), or when every key fact of the claim is on the page within TOGETHER characters of the
others. Key facts come from the claim's structured fields (value and unit, date_start and date_end)
and, where those are empty, from its text; the surnames and places it names always count.
A figure counts only where the nearest year to it is the claim's year; when the link has a passage,
facts that are only names do not make it supported on their own. Some facts found, or a passage
that is nearly there (rapidfuzz partial_ratio >= PASSAGE_NEAR_MATCH: a changed word), is *partial*.
"""
import bisect
import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz

PASSAGE_NEAR_MATCH = 90  # rapidfuzz partial_ratio, 0-100: a passage this close has changed, not vanished
TOGETHER = 600  # characters within which all key facts must stand to count as found together
YEAR_WINDOW = 200  # a figure's year must be the nearest year mentioned within this many characters
SNIPPET = 300

QUOTES = {ord(c): "'" for c in "‘’‚‛′`´"} | {ord(c): '"' for c in "“”„‟″«»"}
DASHES = {ord(c): "-" for c in "‐‑‒–—―−﹘﹣－"}

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


# --- text -------------------------------------------------------------------------------

def display_text(text):
    """The page's text as shown in snippets: NFKC, hyphenation at line ends undone, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"(\w)-[ \t]*\n[ \t]*(\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip()


def fold(display):
    """Lower-case with straight quotes and plain dashes, keeping every character's position."""
    folded = display.translate(QUOTES).translate(DASHES)
    lowered = folded.lower()
    if len(lowered) != len(folded):  # a few characters lower-case to two; keep those as they are
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    return lowered


def normalise(text):
    return fold(display_text(text))


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
        currency = unit.upper()
        if currency in set(CURRENCIES.values()):
            facts.insert(0, Fact("money", describe_money(float(value), currency), (float(value), currency), year))
        else:
            units = UNIT_SYNONYMS.get(unit.lower(), (unit.lower(), unit.lower().rstrip("s")))
            facts.insert(0, Fact("count", f"{value:g} {unit}", (int(value), units), year))
    else:
        for m in money_mentions(text):
            amount, currency, _ = m.value
            facts.insert(0, Fact("money", describe_money(amount, currency), (amount, currency), year))
    return facts + name_facts(claim.get("claim"))


# --- passages ------------------------------------------------------------------------------

def passage_pattern(passage):
    """A regex for a passage's words in order, whatever the punctuation and spacing between them;
    an ellipsis in the passage stands for words left out."""
    pieces = [p for p in re.split(r"\.\.\.+|…", normalise(passage)) if re.search(r"\w", p)]
    if not pieces:
        return None
    parts = []
    for piece in pieces:
        words = re.findall(r"\w+", piece)
        parts.append(r"\W+".join(re.escape(w) for w in words))
    return re.compile(r"\b" + r"\b.{0,400}?\b".join(parts) + r"\b", re.DOTALL)


def find_passage(passage, page):
    """(score 0-100, start, end): 100 when the passage is there; otherwise the best near match."""
    pattern = passage_pattern(passage)
    if pattern is None:
        return 0, None, None
    m = pattern.search(page.text)
    if m:
        return 100, m.start(), m.end()
    needle = normalise(passage)
    words = sorted(set(re.findall(r"\w{5,}", needle)), key=len, reverse=True)[:3]
    best = (0, None, None)
    for word in words:
        start = 0
        for _ in range(50):  # bounded: a common word must not make this quadratic
            at = page.text.find(word, start)
            if at < 0:
                break
            lo, hi = max(0, at - len(needle)), min(len(page.text), at + 2 * len(needle))
            found = fuzz.partial_ratio_alignment(needle, page.text[lo:hi])
            if found and found.score > best[0]:
                best = (found.score, lo + found.dest_start, lo + found.dest_end)
            start = at + 1
    return best


# --- the verdict on one link ------------------------------------------------------------------

@dataclass
class SupportResult:
    support: str  # supports, partial, missing, unreachable
    score: float
    facts_found: list
    facts_missing: list
    snippet: str = ""
    passage_score: float = None


def snippet_at(page, start, end):
    centre = (start + end) // 2
    lo = max(0, min(start, centre - SNIPPET // 2))
    hi = min(len(page.display), max(end, lo + SNIPPET))
    text = page.display[lo:hi].strip()
    return ("…" if lo > 0 else "") + text + ("…" if hi < len(page.display) else "")


def together(hits_per_fact):
    """The narrowest span holding at least one hit of every fact, if within TOGETHER characters."""
    events = sorted((pos, i) for i, hits in enumerate(hits_per_fact) for pos in hits)
    need = len(hits_per_fact)
    counts = [0] * need
    covered = 0
    best = None
    lo = 0
    for pos, i in events:
        counts[i] += 1
        if counts[i] == 1:
            covered += 1
        while covered == need:
            lo_pos, lo_i = events[lo]
            if best is None or pos - lo_pos < best[1] - best[0]:
                best = (lo_pos, pos)
            counts[lo_i] -= 1
            if counts[lo_i] == 0:
                covered -= 1
            lo += 1
    if best and best[1] - best[0] <= TOGETHER:
        return best
    return None


def assess(claim, passage, page):
    """How well one page (a PageIndex, or None when there is no usable snapshot) backs a claim."""
    facts = claim_facts(claim)
    labels = [f.label for f in facts]
    if page is None:
        return SupportResult("unreachable", 0.0, [], labels)
    hits = [f.find(page) for f in facts]
    found = [f.label for f, h in zip(facts, hits) if h]
    missing = [f.label for f, h in zip(facts, hits) if not h]
    passage_score, p_start, p_end = find_passage(passage, page) if passage else (None, None, None)
    # Names alone are weak evidence: when the link names its passage, they need a figure or a date.
    decisive = any(f.kind != "name" for f in facts) or not passage
    span = together(hits) if facts and not missing and decisive else None
    if passage_score == 100:
        return SupportResult("supports", 100.0, found, missing, snippet_at(page, p_start, p_end), 100.0)
    if span:
        return SupportResult("supports", 95.0, found, missing, snippet_at(page, *span), passage_score)
    fact_score = 100.0 * len(found) / len(facts) if facts else 0.0
    near = passage_score is not None and passage_score >= PASSAGE_NEAR_MATCH
    score = round(max(fact_score * 0.9, (passage_score or 0) * 0.9), 1)
    if found or near:
        if near:
            snippet = snippet_at(page, p_start, p_end)
        else:
            first = min(h[0] for h in hits if h)
            snippet = snippet_at(page, first, first + 1)
        return SupportResult("partial", score, found, missing, snippet, passage_score)
    return SupportResult("missing", score, found, missing, "", passage_score)
