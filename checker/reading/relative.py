"""Times an article gives by its own date, and the tense that picks between the last and the next: a
weekday ("on Sunday", "last Friday"), "yesterday", "this morning", "tonight", "last week", "this month",
"two weeks ago", a day or a month without its year ("on Dec. 31", "in January"), a quarter by its number
("the third quarter"). Pure functions; when.py reads the other times and calls these."""
import datetime
import re
from collections.abc import Callable

from .dates import MONTH_NAMES, MONTHS
from .figures import NUMBER_WORDS
from .seams import PARTICIPLES
from .timespan import day_or_first, day_words, month_iso, part_of, SIDE_BEFORE, WEEKDAYS, weekend_of, YEAR_SHIFT, When
from .titles import TITLE_AHEAD

MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))  # (when.py reads months with it too)
# A weekday the article leaves to its date ("on Sunday", "late Thursday", "last Friday"): not one in
# a name ("Super Tuesday", "Sunday Times", "Good Friday") nor one a date follows ("Sunday, October 29").
WEEKDAY = re.compile(rf"\b(?:(?P<rel>last|this|next|early|late)\s+)?(?P<wd>{'|'.join(WEEKDAYS)})\b"
                     r"(?:\s+(?:night|morning|afternoon|evening))?")  # "on Saturday night 25 June 2022"
# A week's days that recur, not one day: a span ("Monday through Thursday", "Mon-Fri"), "every Monday",
# or days in a sentence of opening hours ("open from 1 to 10 p.m. Friday and Saturday").
DAY_NAME = rf"(?:{'|'.join(WEEKDAYS)}|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
DAY_SPAN = re.compile(rf"\b{DAY_NAME}\s*(?:-|–|to|through|thru|until)\s*{DAY_NAME}(?!\w)")
EVERY = re.compile(r"\b(?:every|each)\s+$")
WEEKLY_NOUN = re.compile(r"s?\s+(?:publication|edition|paper|newspaper|service|prayer|market|school|class|shift|schedule|delivery|"
                         r"deliveries|flight|trading|hours|opening|closing|mail|collection|broadcast|show|programme|program)s?\b")
HABITUAL = re.compile(r"\b(?:often|usually|typically|generally|normally|always|routinely|sometimes|rarely|seldom|regularly)\b[^,;.]*$")
OPENING = re.compile(r"\b(?:open|opens|closed|closes|hours|operates|operating|serves|serving)\b")
CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\b|p\.?m\b)|\bnoon\b|\bmidnight\b")
# "yesterday", "tomorrow night", "today", "this morning", "tonight", "last night": a day the article's date gives
NEAR_DAY = re.compile(r"\b(?:(?P<word>yesterday|tomorrow|today)(?:\s+(?P<part>morning|afternoon|evening|night))?"
                      r"|this\s+(?P<this>morning|afternoon|evening)|(?P<tonight>tonight)|last\s+(?P<last>night|evening))\b")
# "tomorrow's leaders", "today's digital economy": the times people live in, no day
FIGURATIVE = re.compile(r"['’]s\s+(?:[a-z-]+\s+)?(?:leaders?|world|generations?|children|kids|youth|young|workforce|workers"
                        r"|economy|economies|technology|technologies|society|societies|heroes|stars|scientists|engineers"
                        r"|innovators|entrepreneurs|citizens|consumers|students|problems|challenges|jobs|cities|schools)\b")
NEAR_SHIFT = {"yesterday": -1, "tomorrow": 1, "today": 0, None: 0}
# A date after "today" is the day the article means ("published today (Oct. 28)"), whatever its own date.
DATE_AFTER = re.compile(rf"\s*[(,]?\s*(?:(?:{MONTH_PATTERN})\.?\s+\d|\d{{1,2}}\s+(?:{MONTH_PATTERN})\b)")
# "last week", "this month", "next week"; "a week ago", "two days ago", "three months ago"
WEEKEND = re.compile(r"\b(?:(?:over|at|during)\s+the|(?P<rel>last|this|next))\s+weekend\b(?!['’]s|\s+of\b)")  # ("the weekend of X": X's)
ANOTHER_TIME = re.compile(r"\b(?:following|previous|preceding|same|that|(?<!\bof\s)(?<!\bby\s)next)\s+(?:[a-z]+\s+)?$")
PLURAL_NOUN = r"\b(?!(?:was|is|has|does|this|its|his|hers|as|us|thus)\b)[a-z]+s\s+"  # ("signals", "messages"; never "was")
IN_USE = re.compile(rf"{PLURAL_NOUN}(?:used|available|in\s+use|known|spoken|sold|made|produced|seen|grown)\s+$")
FALL = re.compile(r"(?<!\bthe\s)\b(last|this)\s+fall\b(?!\s+(?:in|of|to|from|was|is)\b)")  # (never "this fall in prices")
CALENDAR = re.compile(r"(?<!\bthe\s)\b(?P<rel>last|this|next|past)\s+(?P<unit>week|month)\b")  # (not "the last month")
# "a year ago", "two weeks ago", "twenty-five years ago", "30 years ago"; a count the words make approximate
# ("nearly 40 years ago", "more than a year ago", "2.5 years ago", "two or three years ago") is read so as to
# be left undated, never dated by its last word ("five years ago" of "twenty-five years ago")
UNITS = "one|two|three|four|five|six|seven|eight|nine"
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
COUNT_WORDS = rf"(?:{'|'.join(TENS)})(?:[\s-](?:{UNITS})\b)?|{'|'.join(w for w in NUMBER_WORDS if w != 'zero')}|an?"
ABOUT = (r"about|around|roughly|approximately|some|nearly|almost|over|under|more\s+than|less\s+than|fewer\s+than"
         r"|at\s+least|close\s+to|upwards\s+of|just\s+(?:over|under)|well\s+over|the\s+better\s+part\s+of")
AGO = re.compile(rf"(?<![\w.,-])(?:(?P<about>{ABOUT})\s+)?(?P<n>\d{{1,3}}(?:[.,]\d+)?|{COUNT_WORDS})\s+"
                 r"(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago\b")
RANGE_BEFORE = re.compile(rf"(?:\d|\b(?:{COUNT_WORDS}))\s*(?:or|to|-|–)\s*$")  # "two or three years ago", "20-25 years ago"

FUTURE = re.compile(r"\b(?:will|would|shall|(?<!\bthe\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)plans|plan\s+to|planned|expects?|expected|due|scheduled|set to|likely|intends?|intended|next|upcoming|forthcoming"
                    r"|takes?\s+effect|comes?\s+into\s+(?:force|effect)|goes?\s+into\s+effect|enters?\s+into\s+force"
                    r"|(?:is|are|am)\s+(?:not\s+)?[a-z]{3,}ing|(?:is|are|am)\s+to|going\s+to|about\s+to|won['’]t"
                    r"|must(?!\s+(?:not\s+)?have\b)|might(?!\s+(?:not\s+)?have\b)|should(?!\s+(?:not\s+)?have\b)|(?:has|have)\s+to)\b")
PLANNED = re.compile(r"planned|scheduled|expected|intended|due|set\s+to")
# ("a business plan in May", "the plans were approved" are nouns: no future)
# "takes effect on 1 January", "is seeking a term in November", "is to visit in February", "must wait until
# July": an arrangement or an obligation in the present is about what is to come

# What marks a clause as past: a verb of saying or being in the past, or a regular past form.
# A participle after a verb of being in the present is no past ("The bridge is closed until Monday").
PAST_MARK = re.compile(r"\b(?:said|told|was|were|had|did|died|came|went|took|gave|met|saw|began|knew|ran|became|rose|fell|grew"
                       r"|drew|drove|flew|threw|struck|broke|chose|spoke|ate|wore|sank|fought|found|thought|caught|taught|felt"
                       r"|heard|meant|shot|forgot|understood|withdrew|overtook|undertook|swept|dealt|froze|stole|shook|hid|rode"
                       r"|(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)(?<!\bbe\s)(?<!\bremains\s)(?:\w{3,}ed|made|got|left|paid|brought"
                       r"|bought|built|sent|spent|lost|won(?!['’]t)|led|wrote|stood|held|kept|sold|fled|sought|quit))\b")
PUT_OFF = re.compile(r"\b(?:adjourned|postponed|deferred|delayed|suspended|recessed|remanded|extended|pushed\s+back|put\s+off)\b")
UNTIL = re.compile(r"\b(?:until|till|through)\s+(?:the\s+)?(?:end\s+of\s+)?(?:(?:early|late|mid)[\s-]+)?$")
PRESENT = re.compile(r"\b(?:is|are|am|remains?|stays?|lasts?|runs?|continues?)\b")
CLAUSE_BREAK = re.compile(r"[;:]|,\s|\b(?:that|which|who|and|but|while|when|after|before)\b")
# Who a subject is, between commas after it ("A, the head of B, ...", "A, who leads B, ...", "B's head, A
# Ng, ..."): no clause of its own, so the verb after it gives the tense.
APPOSITION = re.compile(r",\s+(?:(?:the|an?|his|her|its|their|our|who|which|now|then|himself|herself|also)\s[^,;:]{1,140}"
                        r"|[\w'’.-]+(?:\s[\w'’.-]+){0,3}),\s+(?=[a-z])")


# A verb in the present: what it says holds now, so a month or a day it names without a year is the
# nearest one ("The film is out on 31 December", "hits cinemas in January").
PRESENT_MARK = re.compile(r"\b(?:is|are|(?<![\d.]\s)(?<!\d)am|remains?|stays?|opens|closes|hits|runs|lasts|starts|begins|ends|arrives"
                          r"|(?<!\bwill\s)(?<!\bwould\s)(?<!\bto\s)(?<!\bmay\s)(?<!\bcan\s)(?<!\bcould\s)(?<!\bshould\s)(?<!\bmust\s)"
                          r"(?<!\bshall\s)(?<!\bnot\s)(?<!\bdid\s)(?:open|close|start|begin)"  # ("polls open on 23 May")
                          r"|returns|premieres|airs|debuts|launches|expires|plays|meets|kicks\s+off)\b")
# A verb in the present that tells what is planned for a day ("begins Thursday", "opens on Friday", "go to the polls
# on Sunday"): the next such day, as the future's (never a state, "is closed Monday", nor a report, "says Tuesday")
SCHEDULED = re.compile(r"\b(?:opens|closes|begins|starts|ends|concludes|resumes|kicks\s+off|meets|arrives|returns|premieres|airs|"
                       r"debuts|launches|expires|(?:takes?|take)\s+place|goes\s+on\s+sale|go(?:es)?\s+to\s+the\s+polls|"
                       r"votes|heads?\s+to|travels\s+to|visits|hosts|faces|plays|play|face|host|visit|meet|open)\b(?:\s+[a-z]+){0,8}\s+(?:on\s+)?$")
PARTICIPLE_BY = re.compile(r"\w+ed\s+by\b")  # "out on 31 December, followed by a wider release": no past


SOURCE_PHRASE = re.compile(r"\baccording\s+to\b[^,;:]*$")


def tense(piece: str, lo: int, hi: int) -> str | None:
    """"future", "would", "nearer", "past" or None (the present, or no tense) for the clause a time stands in: the
    mark of the future (will, plans, expected, next ...), the past or the present nearest before the
    time in its clause; with none before it ("In March, the council will vote"), the clause after it
    decides. A sentence that says on Monday what will happen later is read in the past for its Monday.
    "would" is the future seen from the past ("would investigate reports of a blast on Sunday"): its
    time may have come before the article or after it."""
    if SOURCE_PHRASE.search(piece, 0, lo):
        return "past"  # "..., according to a central bank forecast in June": when the source spoke, before the article
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(piece, 0, lo)]
    before = piece[breaks[-1] if breaks else 0:lo]
    marks = marks_of(before, PRESENT_MARK.search(piece, 0, lo) is not None)
    if marks and marks[-1][2] == "future" and PLANNED.match(before, marks[-1][0]) and any(t == "past" for _, _, t in marks):
        return "nearer"  # "canceled tariffs planned for Oct. 15", "the vote was scheduled for": a plan seen from the past
    if marks and marks[-1][2] == "past" and UNTIL.search(before) and PUT_OFF.search(before):
        return "nearer"  # "was adjourned until Tuesday": put off to a day that may be to come or just gone, the nearer
        # (never "was closed until April": a state that lasted until then)
    if marks and marks[-1][2] != "present":
        return marks[-1][2]
    if UNTIL.search(before) and PRESENT.search(before):
        return "future"  # "The bridge is closed until Monday": what lasts from now lasts until a time to come
    if marks:
        return None
    verbless = bool(breaks) and (re.search(r"\b(?:after|before|and)$", piece[:breaks[-1]]) is not None
                                 or LIST_ITEM.fullmatch(piece, breaks[-1], lo) is not None)
    earlier = marks_of(piece[:breaks[-1]], PRESENT_MARK.search(piece, 0, lo) is not None) if verbless else []
    if earlier and earlier[-1][2] == "future":
        return "future"  # "will walk out in Leeds on Thursday and in Bristol on Saturday, the BMA said": the will's
    hi += len(re.match(r"[\s,]*", piece[hi:]).group())  # type: ignore[union-attr]  # (matches "" at least)
    following = CLAUSE_BREAK.search(piece, hi)
    if following and following.start() == hi and following.group().strip():
        hi, following = following.end(), CLAUSE_BREAK.search(piece, following.end())  # "In May, when the agency tapped ...": its verb
    after = {said for _, _, said in marks_of(piece[hi:following.start() if following else len(piece)],
                                             PRESENT_MARK.search(piece, 0, hi) is not None)}
    apposed = APPOSITION.match(piece, following.start()) if following and not after else None
    if apposed:  # "In April, A, the head of B, resigned": the subject's verb comes after who the subject is
        following = CLAUSE_BREAK.search(piece, apposed.end())
        after = {said for _, _, said in marks_of(piece[apposed.end():following.start() if following else len(piece)],
                                                 PRESENT_MARK.search(piece, 0, hi) is not None)}
    for _ in range(3):  # "On August 6, in front of 24 million people, the moderators peppered": a time that opens its
        # sentence takes the tense of the first verb past a phrase with none
        if after or following is None or following.group().strip() in (";", ":") or breaks or not TIME_OPENING.fullmatch(piece[:lo]):
            break
        start, following = following.end(), CLAUSE_BREAK.search(piece, following.end())
        after = {said for _, _, said in marks_of(piece[start:following.start() if following else len(piece)],
                                                 PRESENT_MARK.search(piece, 0, hi) is not None)}
    told = "past" if "past" in after else "future" if "future" in after else "would" if "would" in after else None
    if told is None and not after and earlier and earlier[-1][2] != "present":
        # a time in a phrase with no verb of its own ("She sent food after the floods in March", "sent food and
        # clothes in March"): the verb it hangs on, before it, gives the tense
        return earlier[-1][2]
    return told


TIME_OPENING = re.compile(r"\s*(?:[A-Za-z]+\s+){0,3}?(?:[Oo]n|[Ii]n|[Aa]t|[Dd]uring|[Bb]y|of)\s+")  # ("On the night of")
# An item of a list with no verb, its figure and the time's preposition ("..., 9 in February", "0.9 million in"): the
# list's verb, before it, gives the tense
LIST_ITEM = re.compile(r"\s*(?:and\s+)?(?:about\s+|some\s+|nearly\s+)?[\d.,]+(?:\s+[a-z]+){0,2}\s+(?:in|on|during)\s+")


def marks_of(words: str, present: bool) -> list[tuple[int, int, str]]:
    """The marks of tense in words, in order: (start, rank, "future", "would", "past" or "present"); a mark of
    the future outranks the past, and either the present, at the same place ("is to", "is expected"). After a
    verb in the present (present: one stands before words), "followed by" is a participle, no past."""
    marks = [(m.start(), 2, "would" if m.group() == "would" else "future") for m in FUTURE.finditer(words)]
    marks += [(m.start(), 0, "present") for m in PRESENT_MARK.finditer(words)]
    for m in PAST_MARK.finditer(words):
        if PARTICIPLE_BY.match(words, m.start()) and (present or any(t == "present" and at < m.start() for at, _, t in marks)):
            continue
        if m.group().endswith("ed") and re.search(r"\b(?:a|an|the|its|their|his|her|our|this|these|those|in|of|on|for|with|at)\s+$",
                                                 words[max(0, m.start() - 8):m.start()]):
            continue  # "in limited release", "the proposed law": a word before a noun, no verb
        if m.group().endswith("ed") and re.search(r"\b(?:is|are|am|be|more|most|less|least|very|so|too|quite|rather|highly|"
                                                 r"fully|well|increasingly)\s+$|\bbe\s+[a-z]+ly\s+$", words[max(0, m.start() - 24):m.start()]):
            continue  # "are more sophisticated today", "is fully booked": a state in the present, no past
        marks.append((m.start(), 1, "past"))
    return sorted(marks)


def relative_days(folded: str, display: str, start: int, end: int, published: datetime.date,
                  said: Callable[[int, int], str | None]) -> list[When]:
    """Days, weeks and months the article gives by its own date: a weekday (the last one on or before
    the article's date, or the next one on or after it when the sentence looks ahead; after "would" the
    nearer of the two; "last Friday" before it, "next Friday" after it), "yesterday", "today", "this
    morning", "tonight" and "tomorrow", "last week" (Monday to Sunday of the week before), "this month",
    "two weeks ago". said gives the tense of the clause at [lo, hi). Each written out with the words
    kept: "on Sunday" becomes "on Sunday 29 October 2023"."""
    piece = folded[start:end]
    found: list[When] = []
    named = list(WEEKDAY.finditer(piece))
    spans = [m.span() for m in DAY_SPAN.finditer(piece)]
    hours = len(named) > 1 and OPENING.search(piece) is not None and CLOCK.search(piece) is not None
    for m in named:
        lo, hi = start + m.start(), start + m.end()
        if hours or any(a <= m.start("wd") < b for a, b in spans) or EVERY.search(piece, max(0, m.start() - 8), m.start()) \
                or WEEKLY_NOUN.match(piece, m.end()) or HABITUAL.search(piece, max(0, m.start() - 60), m.start()) \
                or ANOTHER_TIME.search(piece, max(0, m.start() - 24), m.start()):
            continue  # a weekly schedule ("open 9 a.m. to 5 p.m. Monday through Friday", "end Saturday publication", "are
            # often not released until Friday afternoon"): no day of its own; nor one counted from another ("The following
            # Monday", "that long Monday night")
        name_lo = start + m.start("wd")
        before = display[max(start, name_lo - 20):name_lo].split()
        after = display[hi:hi + 20]
        # a capitalised word after it makes it a name's ("Sunday Times"), save a title before a name ("Sunday
        # Prime Minister X said": a day)
        in_name = re.match(r" [A-Z]", after) and not TITLE_AHEAD.match(display, hi)
        if not display[name_lo].isupper() or re.match(r"\s*[,(]?\s*(?:\d|[A-Z][a-z]+\.?\s+\d)", after) or in_name \
                or re.match(rf"\s+(?:in|of)\s+(?:(?:early|late|mid)[\s-]+)?(?:{MONTH_PATTERN}\b|(?:1[89]|20)\d\d\b)", folded[hi:hi + 24]) \
                or (before and before[-1][:1].isupper() and not m.group("rel")
                    and before[-1].lower() not in ("on", "by", "until", "since", "also", "and", "but", "then") and not before[-1].endswith(",")):
            continue  # "Sunday, October 29", "Friday (Dec. 12)": the date says which ("a Tuesday in December 1999": of
            # another year than the article's, unsaid); "Sunday Times", "Super Tuesday"
        rel = m.group("rel")
        offset = (WEEKDAYS.index(m.group("wd")) - published.weekday()) % 7  # days until the next one
        back = (published.weekday() - WEEKDAYS.index(m.group("wd"))) % 7  # days since the last one
        way = said(lo, hi) if rel not in ("next", "last") else None
        if way == "would":  # "said the strike would begin on Friday": ahead; "would check reports of a landslide on
            # Sunday", "would look into a fire reported on Sunday": a day of what the noun names, the nearer one
            since_would = piece[:m.start()].rsplit("would", 1)[-1]
            way = "would" if re.search(r"\b(?:of|[a-z]{3,}ed)\b", since_would) else "future"
        breaks = [b.end() for b in CLAUSE_BREAK.finditer(piece, 0, m.start())]
        if way is None and rel is None and SCHEDULED.search(piece, breaks[-1] if breaks else 0, m.start()):
            way = "future"  # "The tournament, which begins Thursday", "The summit opens Friday": what is planned
        if rel == "next" or way == "future" or (way in ("would", "nearer") and offset < back):
            day = published + datetime.timedelta(days=offset or (7 if rel == "next" else 0))
        else:  # the last one, or for "would" the nearer of the last and the next
            day = published - datetime.timedelta(days=back or (7 if rel == "last" else 0))
        found.append(When(lo, hi, day.isoformat(), day.isoformat(), relative=True,
                          written=f"{display[lo:hi]} {day_words(day)}"))
    for m in NEAR_DAY.finditer(piece):
        lo, hi = start + m.start(), start + m.end()
        if (display[lo].isupper() and lo > start and not re.search(r"[.!?:\"“‘']\s*$", display[start:lo])) \
                or DATE_AFTER.match(folded, hi) or (not m.group("part") and FIGURATIVE.match(folded, hi)):
            continue  # "USA Today", "The Tonight Show": names; "today (Oct. 28)": the date says which day;
            # "tomorrow's leaders": a figure of speech
        if m.group("word") == "today" and not m.group("part") and (said(lo, hi) is None or nowadays(piece, m.start(), m.end())):
            continue  # "the lectern she commands today", "Today, 40% of adults smoke": nowadays, no day
        day = published + datetime.timedelta(days=-1 if m.group("last") else NEAR_SHIFT[m.group("word")])  # ("last night": the day before's)
        part = m.group("part") or m.group("this") or m.group("last") or ("night" if m.group("tonight") else None)
        written = f"on the {part} of {day_words(day)}" if part else f"on {day_words(day)}"
        found.append(When(lo, hi, day.isoformat(), day.isoformat(), relative=True, written=written))
    for m in CALENDAR.finditer(piece):
        lo, hi = start + m.start(), start + m.end()
        shift = {"last": -1, "past": -1, "this": 0, "next": 1}[m.group("rel")]
        side = SIDE_BEFORE.search(piece, 0, m.start()) if m.group("rel") == "this" else None
        if side:  # "earlier this week": its days before the article's, never after; "later this month": after it
            first_day, last_day = part_of(published, m.group("unit"), side.group(1))
            span = " to ".join(dict.fromkeys([day_words(first_day), day_words(last_day)]))  # (one day: written once)
            found.append(When(lo, hi, first_day.isoformat(), last_day.isoformat(), relative=True,
                              written=f"{display[lo:hi]} ({span})"))
            continue
        if m.group("unit") == "month":
            first = last = month_iso(published.year, published.month, shift)
            written = f"in {MONTH_NAMES[int(first[5:])]} {first[:4]}"
        else:
            monday = published - datetime.timedelta(days=published.weekday()) + datetime.timedelta(weeks=shift)
            sunday = monday + datetime.timedelta(days=6)
            written = f"in the week of {day_words(monday)} to {day_words(sunday)}"
            if shift == 0 and said(lo, hi) == "past":  # "died this week": up to the article's day, from the Sunday that opens
                monday, sunday = monday - datetime.timedelta(days=1), published  # the week where weeks start on Sundays
                written = f"between {day_words(monday)} and {day_words(sunday)}"
            first, last = monday.isoformat(), sunday.isoformat()
        found.append(When(lo, hi, first, last, relative=True, written=written))
    for m in WEEKEND.finditer(piece):
        lo, hi = start + m.start(), start + m.end()
        way = said(lo, hi)
        saturday = weekend_of(published, "past" if m.group("rel") == "this" and way == "past" else m.group("rel") or way)
        sunday = saturday + datetime.timedelta(days=1)
        found.append(When(lo, hi, saturday.isoformat(), sunday.isoformat(), relative=True, point=False,
                          written=f"{display[lo:hi]} of {day_words(saturday)} to {day_words(sunday)}"))
    for m in FALL.finditer(piece):  # "last fall", "this fall": September to November (a word of the north's autumn)
        lo, hi = start + m.start(), start + m.end()
        year = published.year - (m.group(1).lower() == "last" and published.month < 12)
        found.append(When(lo, hi, f"{year}-09", f"{year}-11", relative=True, written=f"{display[lo:hi]} (September to November {year})"))
    for m in AGO.finditer(piece):
        lo, hi = start + m.start(), start + m.end()
        count = ago_count(m.group("n"))
        if count is None or m.group("about") or RANGE_BEFORE.search(piece, max(0, m.start() - 12), m.start()):
            continue  # a count the words leave approximate: no date is better than a wrong one
        unit = m.group("unit").rstrip("s")
        if unit == "week" and count > 1:  # "six weeks ago": about then, its week, never a day the article did not give
            day = published - datetime.timedelta(weeks=count)
            monday = day - datetime.timedelta(days=day.weekday())
            first, last = monday.isoformat(), (monday + datetime.timedelta(days=6)).isoformat()
            written = f"{display[lo:hi]}, in the week of {day_words(monday)}"
        elif unit in ("day", "week"):
            day = published - datetime.timedelta(days=count * (7 if unit == "week" else 1))
            first = last = day.isoformat()
            written = f"{display[lo:hi]}, on {day_words(day)}"
        elif unit == "month":
            first = last = month_iso(published.year, published.month, -count)
            written = f"{display[lo:hi]}, in {MONTH_NAMES[int(first[5:])]} {first[:4]}"
        else:  # ("a decade ago": ten years before the article's)
            first = last = str(published.year - count * (10 if unit == "decade" else 1))
            written = f"{display[lo:hi]}, in {first}"
        found.append(When(lo, hi, first, last, relative=True, written=written))
    return found


def ago_count(n: str) -> int | None:
    """The whole count AGO read ("a": 1, "twenty-five": 25, "30": 30), or None for a part ("2.5")."""
    if n.isdigit():
        return int(n)
    if n in ("a", "an"):
        return 1
    if n in NUMBER_WORDS:
        return NUMBER_WORDS[n]
    tens, *unit = re.split(r"[\s-]", n)
    return TENS[tens] + sum(NUMBER_WORDS[u] for u in unit) if tens in TENS else None


# Years set against "today" make it the present age, no day: "for the past four decades", "for years",
# "decades ago", "in the past", "used to", "the 1970s".
LONG_AGO = re.compile(r"\b(?:(?:for|over|in|during|throughout)\s+(?:the\s+)?(?:(?:past|last|previous|first)\s+)?(?:[a-z\d-]+\s+)?"
                      r"(?:years|decades|centuries|generations)|(?:[a-z\d-]+\s+)?(?:years|decades|centuries|generations)\s+ago"
                      r"|in\s+the\s+past|used\s+to|(?:1[5-9]|20)\d0s)\b")
# Things done "today" that a modal then speaks of ("Messages sent today could still be decrypted", "Children born today
# may live to 100"): whatever is done these days, no one day
DONE_NOWADAYS = re.compile(rf"{PLURAL_NOUN}(?:[a-z]{{3,}}ed|{PARTICIPLES}|sent|born)\s+$")
MODAL_AFTER = re.compile(r"\s+(?:could|can|may|might|must|should)\b")
PERFECT_AFTER = re.compile(r",\s+[^,;]{0,60}?\b(?:has|have)\s+(?:been\s+)?[a-z]+(?:ed|en)\b")  # (after a "Today," opening)
# A verb of lasting before "today", or "even", "still": the present age ("it endures today", "even today")
LASTING = re.compile(r"\b(?:endures?|exists?|survives?|persists?|lingers?|lives|stands|thrives?|prevails?|even|still)\s+$")


def nowadays(piece: str, lo: int, hi: int) -> bool:
    """Whether "today" at piece[lo:hi] is the present age, not the article's day, though its sentence has
    a tense: after a verb of lasting ("the custom endures today"), or set against years gone by ("for
    decades it was ..., while rovers today show ...") with no verb in the past or the future just before
    or after it in its clause ("fell today", "today voted", "will meet today", "said today": a day)."""
    if re.match(r"['’]s\b", piece[hi:hi + 2]):
        return False  # "today's vote": that day's
    if LASTING.search(piece, max(0, lo - 12), lo) or IN_USE.search(piece, max(0, lo - 30), lo):
        return True  # ("the signals used today were designed in the 1930s": the ones in use now; never "was used today")
    if DONE_NOWADAYS.search(piece, max(0, lo - 30), lo) and MODAL_AFTER.match(piece, hi):
        return True
    if not piece[:lo].strip() and PERFECT_AFTER.match(piece, hi):
        return True  # "Today, that debate has been renewed": what holds these days, no one day
    if not LONG_AGO.search(piece):
        return False
    breaks = [b.end() for b in CLAUSE_BREAK.finditer(piece, 0, lo)]
    before = marks_of(piece[breaks[-1] if breaks else 0:lo], False)
    next_word = re.match(r"[\s,]*(\S+(?:\s+\S+)?)", piece[hi:])
    after = marks_of(next_word.group(1), False) if next_word else []
    return not any(way != "present" for _, _, way in before) and not any(at == 0 and way != "present" for at, _, way in after)


SOON = datetime.timedelta(days=92)  # how far ahead a past verb's look ahead reaches ("agreed to return to work on Monday")


def yearless(m: re.Match[str], precision: str, published: datetime.date, said: str | None, written: str, lo: int,
             hi: int) -> When | None:
    """A date the article gives without its year: the year the article's date implies ("this year",
    "last year"), else by the clause's tense (said): in the past the last such date before the
    article, in the future the next one after it, in the present (or with no tense, or the future seen from the past)
    the nearest; looked ahead to from the past ("soon"), the nearest within three months ahead, else the last before."""
    month = MONTHS[m.group("m").rstrip(".")]
    rel = m.group("rel")
    year = published.year + YEAR_SHIFT.get(rel, 0)
    d1 = int(m.group("d1")) if precision != "month" else 1
    d2 = int(m.group("d2")) if precision == "days" else d1
    if not rel and said == "past" and (year, month, d1) > (published.year, published.month, published.day):
        year -= 1
    elif not rel and said == "future" and (year, month) < (published.year, published.month):
        year += 1
    elif not rel and said in (None, "would", "nearer", "soon"):
        middle = d1 if precision != "month" else 15  # (a month is as near as its middle)
        year = min((year - 1, year, year + 1), key=lambda y: (abs(day_or_first(y, month, middle) - published), y))
        if said == "soon" and day_or_first(year, month, middle) - published > SOON:
            year -= 1  # "decided to reopen the inquiry in May", in November: the May before, never half a year ahead
    try:
        datetime.date(year, month, d1), datetime.date(year, month, d2)
    except ValueError:
        return None
    if d2 < d1:
        return None
    words = re.sub(r"\s+(?:of\s+)?(?:this|last|next)\s+year$", "", written).rstrip(".")
    if precision == "month":
        first = last = f"{year:04d}-{month:02d}"
    else:
        first, last = f"{year:04d}-{month:02d}-{d1:02d}", f"{year:04d}-{month:02d}-{d2:02d}"
    joined = ", " if words[-1:].isdigit() else " "  # "October 29, 2023"; "7-9 February 2012"
    return When(lo, hi, first, last, written=f"{words}{joined}{year}", relative=True)


# Words in a past clause that look ahead to the day after them: an infinitive after a verb of deciding or ordering
# ("agreed to return to work on"), "may" ("may replace Kevin Rudd after the Sept. 7 election"; never the month: "met A in
# May and B in June"), "ahead of"
TO_COME = re.compile(r"\b(?:(?P<soon>(?:agreed|ordered|decided|voted|promised|pledged|vowed|asked|told|required|allowed|directed|"
                     r"urged|chose|planned|hoped|intended|aimed|expected|scheduled|set|due|was|were)\s+to\s+[a-z]+\b[^,;.]{0,60}"
                     r"|(?:decided|voted|ruled|opted|chose|warned)\s+(?:against|on)\s+[a-z]+ing\b[^,;.]{0,60})"  # ("decided against performing on")
                     r"|(?:(?<!\bin\s)(?<!\bof\s)(?<!\bby\s)(?<!\bfrom\s)(?<!\bsince\s)(?<!\buntil\s)(?<!\blast\s)(?<!\bnext\s)"
                     r"(?<!\bearly\s)(?<!\blate\s)(?<!\bmid-)may|might|could)\s+(?!have\b)[a-z]+\b[^,;.]{0,60}|ahead\s+of\s+(?:the\s+)?(?:[a-z]+\s+){0,2}"
                     r"|(?:starting|beginning|effective)(?:\s+(?:from|on))?\s+)$")


# A year that opens the sentence and sets its time ("In 2019, ...", "During 2016 ...")
LEADING_YEAR = re.compile(r"\s*(?:in|during)\s+(?P<year>(?:1[89]|20)\d\d)\b(?![-–/]\d)")


# An event named with its year, then its day without one: "the 2016 election, held on November 8", "the 2011
# tsunami of March 11"
EVENT_DAY = re.compile(r"\bthe\s+(?P<year>(?:1[89]|20)\d\d)(?:\s+[a-z][\w'’-]*){1,3}(?:\s+of|,\s*(?:held|which\s+(?:took\s+place|was\s+held))\s+on)"
                       r"\s+(?:the\s+)?$")


# A month with its year before it in the sentence ("joined as chairman in March 2001 and became CEO in August")
MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH_PATTERN})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?P<year>(?:1[89]|20)\d\d)\b")


def year_before(folded: str, start: int, lo: int, month: int) -> str | None:
    """The year of the last month written with its year before `lo` in the sentence from `start`, for a month told
    without one after it in the past: that year, or the next when the month comes earlier in the year."""
    written = list(MONTH_YEAR.finditer(folded, start, lo))
    if not written:
        return None
    last = written[-1]
    year = int(last.group("year"))
    return str(year + 1 if month < MONTHS[last.group("month")] else year)
