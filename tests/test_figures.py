"""Figures as pages write them (reading/figures.py, and counts.py for counts), from tables: every figure read with where it stands,
its amount and how far it may be rounded, and the currency form written with it. tests/test_match.py
holds the currencies of whole sentences; these are the rules one at a time."""
import pytest

from checker.reading.amounts import figures_in
from checker.reading.atom import read_article
from checker.reading.facts import index_page
from checker.reading.counts import count_spans, distinctive
from checker.reading.figures import money_mentions, parse_number, read_numbers, same_figure
from checker.reading.measures import compound_measures, measures_a_thing
from checker.reading.page_index import fold_page

MILLION = 500000.000001  # the rounding of a figure written in whole millions: half a million

# (text as written, [(start, end, amount, tolerance)], [(begin, end, amount, form written)])
NUMBERS = [
    ("US$630 million in 2008", [(3, 14, 630e6, MILLION), (18, 22, 2008, 0.500001)], [(0, 14, 630e6, "US$")]),
    ("€12.5m", [(1, 6, 12.5e6, 50000.000001)], [(0, 6, 12.5e6, "€")]),  # one decimal: a tenth either way
    ("US $630 mn", [(4, 10, 630e6, MILLION)], [(0, 10, 630e6, "US$")]),  # a country's letters a space before
    ("NZ $1.2bn", [(4, 9, 1.2e9, 50000000.000001)], [(0, 9, 1.2e9, "NZ$")]),
    ("(¥5 trillion)", [(2, 12, 5e12, 5e11)], [(1, 12, 5e12, "¥")]),
    ("$5,000.", [(1, 6, 5000, 0.500001)], [(0, 6, 5000, "$")]),
    ("Rs5 million (about", [(2, 11, 5e6, MILLION)], [(0, 11, 5e6, "Rs")]),
    ("5 USD.", [(0, 5, 5, 0.500001)], [(0, 5, 5, "USD")]),
    ("5 million USD and 5 million usd", [(0, 13, 5e6, MILLION), (18, 27, 5e6, MILLION)], [(0, 13, 5e6, "USD")]),
    ("5 crore rupees.", [(0, 14, 5e7, 5000000.000001)], [(0, 14, 5e7, "rupees")]),
    ("about 2 thousand crore rupees", [(6, 29, 2e10, 5000000000.000001)], [(6, 29, 2e10, "rupees")]),
    ("one billion euros", [(0, 17, 1e9, 5e8)], [(0, 17, 1e9, "euros")]),  # in words: half its scale
    ("two million people", [(0, 11, 2e6, 5e5)], []),
    ("US$630 million (about $9bn)", [(3, 14, 630e6, MILLION), (23, 26, 9e9, 500000000.000001)],
     [(0, 14, 630e6, "US$"), (22, 26, 9e9, "$")]),
    # not figures of their own: a model's name, a quarter, a road; but "R5bn" is rand
    ("COVID-19 cases rose 10-19%", [(20, 22, 10, 0.500001), (23, 25, 19, 0.500001)], []),
    ("The G20 met on the R2 road; R5bn for rand", [(29, 32, 5e9, 500000000.000001)], [(28, 32, 5e9, "R")]),
    ("Q3 2012 and P5 members", [(3, 7, 2012, 0.500001)], []),
    ("abc$5 million", [(4, 13, 5e6, MILLION)], []),  # "abc$" is no "c$"
    ("Rs 1,20,000 and 12,34 and 1234,567 and 1,234,56,789", [(3, 11, 120000, 0.500001)], [(0, 11, 120000, "Rs")]),
    ("12,34 and 5 people", [(10, 11, 5, 0.500001)], []),  # a figure after one badly grouped is still read
    ("x$5 million", [(2, 11, 5e6, MILLION)], []),  # the character just before the symbol decides, not the one before it
    ("-5 degrees", [(1, 2, -5, 0.500001)], []),  # a sign is no model's name: the number is negative
    # a minus sign, the word "minus" or a hyphen set before a number make it negative; a dash, a margin, a
    # subtraction or a score do not
    ("Output fell to −2.5% as lows hit minus 12 degrees", [(16, 19, -2.5, 0.050001000000000004), (39, 41, -12, 0.500001)], []),
    ("Lows of -18C in Almaty", [(9, 11, -18, 0.500001)], []),
    ("plus or minus 3 points, 10 minus 4, and a score of 2 -1",
     [(14, 15, 3, 0.500001), (24, 26, 10, 0.500001), (33, 34, 4, 0.500001), (51, 52, 2, 0.500001), (54, 55, 1, 0.500001)], []),
    ("a margin of plus-or-minus 4.22% and plus-minus 3", [(26, 30, 4.22, 0.005001), (47, 48, 3, 0.500001)], []),
    ("the winner —7 strokes under par (-7)", [(12, 13, 7, 0.500001), (34, 35, -7, 0.500001)], []),
    ("F-16 jets and the F-16", [], []),
    # a country's letters a space before the symbol, wherever the figure stands
    ("It cost US $630 mn", [(12, 18, 630e6, MILLION)], [(8, 18, 630e6, "US$")]),
    ("U.S. $5 million", [(6, 15, 5e6, MILLION)], [(0, 15, 5e6, "US$")]),
    ("R $5 billion", [(3, 12, 5e9, 500000000.000001)], [(0, 12, 5e9, "R$")]),
    ("(Rs5 million)", [(3, 12, 5e6, MILLION)], [(1, 12, 5e6, "Rs")]),
    # a one-letter symbol only attached, and then with a scale or with cents: "R5,000", "R2.50", never "R 5bn"
    ("R5,000 and R2.50", [(1, 6, 5000, 0.500001), (12, 16, 2.5, 0.005001)], [(0, 6, 5000, "R"), (11, 16, 2.5, "R")]),
    ("R 5bn", [(2, 5, 5e9, 500000000.000001)], []),
    # codes only in capitals ("all 5" is no lek, nor is "All 5"); a letter symbol with its capital first
    ("All 5 members voted", [(4, 5, 5, 0.500001)], []),
    ("the top one million earners", [(8, 19, 1e6, 5e5)], []),
    ("two million try to cross", [(0, 11, 2e6, 5e5)], []),
    ("Kr 500 million", [(3, 14, 5e8, MILLION)], [(0, 14, 5e8, "kr")]),
    ("a 5 ft wall", [(2, 3, 5, 0.500001)], []),  # "Ft" is the forint, "ft" a foot
    # the currency after a figure: attached, with its own full stop, after a newline (not read)
    ("a 5€ fee", [(2, 4, 5, 0.500001)], [(2, 4, 5, "€")]),
    ("500 kr.", [(0, 7, 500, 0.500001)], [(0, 7, 500, "kr.")]),
    ("5 million\nUSD", [(0, 9, 5e6, MILLION)], []),
    # written before and after: the one that says more wins, from where the first begins
    ("€5 million euros", [(1, 10, 5e6, MILLION)], [(0, 10, 5e6, "€")]),
    ("$5 million US dollars", [(1, 21, 5e6, MILLION)], [(0, 21, 5e6, "us dollars")]),
    ("€ one billion euros", [(2, 19, 1e9, 5e8)], [(0, 19, 1e9, "euros")]),
    # numbers in words, read whole; a word alone up to "twenty" is a count word, no number here; one in a word none
    ("three hundred jobs", [(0, 13, 300, 50)], []),
    ("forty-five players and forty more", [(0, 10, 45, 0.5), (23, 28, 40, 0.5)], []),
    ("two hundred and fifty thousand residents", [(0, 30, 250000, 500)], []),
    ("a hundred people", [(0, 9, 100, 50)], []),
    ("three people in the twenty-first century", [], []),
    ("five lakh rupees", [(0, 16, 5e5, 5e4)], [(0, 16, 5e5, "rupees")]),
    # thousands grouped by spaces (plain, non-breaking, narrow), never joined to a number before them
    ("17 000 migrants, 1\u00a0250\u202f000 people", [(0, 6, 17000, 0.500001), (17, 26, 1250000, 0.500001)], []),
    ("in 2018 500 people and R1 500 000", [(3, 7, 2018, 0.500001), (8, 11, 500, 0.500001), (24, 33, 1500000, 0.500001)],
     [(23, 33, 1500000, "R")]),
    ("12 500.5 tonnes, 12 5000", [(0, 8, 12500.5, 0.050001000000000004), (17, 19, 12, 0.500001), (20, 24, 5000, 0.500001)], []),
    # a decimal comma only in a price ("R128,33"); bare, it is a badly grouped number, no figure
    ("R128,33 from R120,50 and 12,34", [(1, 7, 128.33, 0.005001), (14, 20, 120.5, 0.005001)],
     [(0, 7, 128.33, "R"), (13, 20, 120.5, "R")]),
    ("over $100,00 and €1,50", [(18, 22, 1.5, 0.005001)], [(17, 22, 1.5, "€")]),  # a dollar's comma is a typo
    ("now R4331,13", [(5, 12, 4331.13, 0.005001)], [(4, 12, 4331.13, "R")]),
    # a code glued to a bare number is a name ("COP26"), with a scale money; "the 2-million mark" is a milestone
    ("COP26 and the 2-million mark, USD5m and 5 marks", [(14, 23, 2e6, 500000.000001), (33, 35, 5e6, 500000.000001), (40, 47, 5, 0.500001)],
     [(30, 35, 5e6, "USD"), (40, 47, 5, "marks")]),
]


@pytest.mark.parametrize("text,found,money", NUMBERS)
def test_read_numbers(text, found, money):
    folded = fold_page(text)
    got_found, got_money = read_numbers(folded, text)
    assert got_found == found
    assert [(m.start, m.end, m.value[0], m.form.spelling) for m in got_money] == money
    tolerances = {end: tolerance for _, end, _, tolerance in found}
    assert [m.value[1:] for m in got_money] == [(None, tolerances[m.end]) for m in got_money]  # read later


@pytest.mark.parametrize("digits,amount", [
    ("1,200,000", 1200000), ("12,00,000", 1200000), ("12,34,567", 1234567), ("1,234.5", 1234.5), ("0.5", 0.5),
    ("1,2000", None), ("1234,567", None), ("12,34", None), ("1,234,56,789", None), ("1,23,4567", None),
    ("17 000", 17000), ("1\u00a0250\u202f000", 1250000), ("12 500.5", 12500.5),
])
def test_parse_number(digits, amount):
    assert parse_number(digits) == amount


@pytest.mark.parametrize("number,exact_enough", [
    (99, False), (100, False), (100.5, False), (101, True), (1000, False), (1200, False), (4352, True), (745000, True),
    (123.5, False),
])
def test_distinctive(number, exact_enough):
    assert distinctive(number) is exact_enough


# (page's amount and tolerance, claim's amount and tolerance, the same figure)
SAME = [
    (630e6, MILLION, 630e6, 0.0, True),
    (630.5e6, MILLION, 630e6, 0.0, True),  # within the page's rounding
    (631e6, MILLION, 630e6, 0.0, False),
    (1e9, 5e8, 1.3e9, 0.0, False),  # "$1 billion" rounds 1.3 billion by more than 5%
    (1e9, 5e8, 1.05e9, 0.0, True),  # exactly 5%
    (100, 0.5, 105, 5.0, True),
    (100, 0.5, 105.5, 6.0, False),  # within the claim's rounding, but more than 5% of it
    (100, 0.5, 100.5, 0.0, True),  # exactly the page's rounding
    (105, 0.5, 100, 5.0, True),  # within the claim's rounding and exactly 5% of it
    (0, 0.500001, 0, 0.0, True),
    (0.000001, 0.0000015, 0, 0.0, True),  # a millionth from nothing: the margin the comparison allows
]


@pytest.mark.parametrize("page_amount,page_tolerance,amount,claim_tolerance,same", SAME)
def test_same_figure(page_amount, page_tolerance, amount, claim_tolerance, same):
    assert same_figure(page_amount, page_tolerance, amount, claim_tolerance) is same


# (text, locale, the currencies read, in order)
CURRENCIES = [
    ("NZ$1.2 billion ($800 million)", None, ["NZD", "USD"]),  # a conversion in brackets is in US dollars
    ("NZ$1.2 billion, about $800 million", None, ["NZD", None]),
    ("NZ$1.2 billion                      ($800 million)", None, ["NZD", None]),  # too far to be its conversion
    ("€5 million and $6 million", None, ["EUR", "USD"]),
    ("£5 million", "en-GB", ["GBP"]),
    ("¥5 trillion and CN¥3 billion", None, ["CNY", "CNY"]),  # the page writes the yuan out: ¥ is yuan too
    ("kr 500 million", "sv-SE", ["SEK"]),
    ("kr 500 million", "nb-NO", ["NOK"]),
    ("500 million SEK and 300 million kr", None, ["SEK", "SEK"]),
    ("500 million SEK, 200 million NOK and 300 million kr", None, ["SEK", "NOK", None]),
    ("Norway and Denmark: kr 500 million", None, [None]),  # two countries named: no English reading for kr
    ("Pakistan and Sri Lanka: Rs 5 billion", None, [None]),  # two named, neither of them India
    ("India and Pakistan: Rs 5 billion", None, ["INR"]),  # two named, one of them the English reading
    ("$5 million ($3 million)", "en-NZ", [None, None]),  # a conversion only of a figure in another currency
    ("NZ$1.2 billion for school (about $800 million)", None, ["NZD", "USD"]),  # 19 characters apart
    ("NZ$1.2 billion for schools (about $800 million)", None, ["NZD", None]),  # 20: too far
    # a page with no locale that names one other English-speaking dollar country, twice, more than the US: a local
    # paper's "$" is its own dollar, which the page does not say outright, so no currency
    ("SINGAPORE - The board collected $2.3 billion, Singapore's first rise.", None, [None]),
    ("Farmers in Guyana were paid $4000 a bag, the Guyana Rice Board said.", None, [None]),
    ("Canadians paid $5 more. Canada's prices rose.", None, [None]),
    ("Air New Zealand made $463 million; New Zealand's tourism grew.", None, [None]),
    ("Singapore said it would pay $2 billion.", None, ["USD"]),  # named once
    ("Canada and Canadians sold $5 million to the U.S. and Americans in New York and Chicago.", None, ["USD"]),
    ("Taiwan's chipmakers earned $5 billion; Taiwan and Taiwanese firms grew.", None, ["USD"]),  # "NT$" there
    ("Mexico's exports rose $5 billion; Mexico and Mexicans gained.", None, ["USD"]),  # English papers write pesos
    ("Singapore and Singaporeans: $2 billion", "en-US", ["USD"]),  # the locale decides
    ("Vancouver and Toronto and Vancouver: $2 billion", None, ["USD"]),  # cities name no country
    # ... or its provinces and states (ISO 3166-2), weighed against the US's
    ("PORTAGE LA PRAIRIE, Man. - Manitoba farmers got $3 million, the most in Manitoba.", None, [None]),
    ("Queensland and New South Wales will share $40 million.", None, [None]),
    ("Ontario paid $2 million to Ohio, Michigan and New York firms.", None, ["USD"]),  # the US's states outnumber
    ("Punjab and Punjab: $2 million", None, ["USD"]),  # a province two countries share names neither
]


@pytest.mark.parametrize("text,locale,read", CURRENCIES)
def test_currencies_read_in_the_light_of_the_page(text, locale, read):
    assert [m.value[1] for m in money_mentions(text, locale=locale)] == read


# (text, [(begin, end, amount, currency read, form written)]): the mentions money_mentions gives, with the
# form each was written in; a text already folded counts codes in any case
MONEY = [
    ("US$5 million and 5 million euros", [(0, 12, 5e6, "USD", "US$"), (17, 32, 5e6, "EUR", "euros")]),
    ("5 million usd", [(0, 13, 5e6, "USD", "USD")]),
    (" $5 million", [(1, 11, 5e6, "USD", "$")]),
    # a country's letters a space before the symbol, after a bracket or a quotation mark
    ("The fund (NZ $1.2 billion) opened.", [(10, 25, 1.2e9, "NZD", "NZ$")]),
    ('"NZ $1.2 billion"', [(1, 16, 1.2e9, "NZD", "NZ$")]),
    # cents: a hundredth of the page's dollar, none when the page counts in another of the cents' currencies
    ("Most amount to less than 15 cents per hour.", [(25, 33, 0.15, "USD", "cents")]),
    ("a 99¢ store", [(2, 5, 0.99, "USD", "cents")]),
    ("It costs 50 cents, or €2 in all.", [(9, 17, 0.5, None, "cents"), (22, 24, 2.0, "EUR", "€")]),
    ("NZ$5 and 20 cents", [(0, 4, 5.0, "NZD", "NZ$"), (9, 17, 0.2, None, "cents")]),
    ("10 percent", []),
]


@pytest.mark.parametrize("text,mentions", MONEY)
def test_money_mentions(text, mentions):
    assert [(m.start, m.end, m.value[0], m.value[1], m.form.spelling) for m in money_mentions(text)] == mentions


# (page, the claim's count and unit, where the count stands: (start, the page's words)); the claim's
# figure is taken as exact
COUNTS = [
    ("101 people came.", 100, "people", []),
    ("They met twice in 2020 and held 2 meetings in 2021.", 2, "meetings", [(9, "twice"), (32, "2 meetings")]),
    ("Six meetings were held.", 6, "meetings", [(0, "six meetings")]),
    ("He was hurt twice.", 2, "deaths", []),  # "twice" counts times, not deaths
    ("Deaths reached 34.", 34, "deaths", [(15, "34")]),  # a lead word at the page's start
    # a figure of three significant digits needs no unit; a rounder one, or a share, does
    ("A record 745,000 in 2022.", 745000, "visitors", [(9, "745,000")]),
    ("It rose to 45 in 2022.", 45, "visitors", []),
    ("Prices rose 125 in 2022.", 125, "percent", []),
    # a measure joined to its number, or spelled out: one unit, by its abbreviation
    ("Radar clocked the lorry at 112kph on the M6.", 112, "km/h", [(27, "112kph")]),
    ("Radar clocked the lorry at 112 kilometres per hour.", 112, "km/h", [(27, "112 kilometres per hour")]),
    ("The calf weighed 38kg and ran 4km.", 38, "kg", [(17, "38kg")]),
    ("The storm reached 160 km/h, not 160 km inland.", 160, "km", [(32, "160 km")]),
    # an area or a volume keeps its first word: no length; any of its spellings
    ("The lake covers 150 square km.", 150, "km", []),
    ("The lake covers 150 sq km; the park 150km2.", 150, "square km", [(16, "150 sq km"), (36, "150km2")]),
    ("It holds 2.3 billion cubic metres.", 2.3e9, "cubic metres", [(9, "2.3 billion cubic metres")]),
    ("It holds 2.3 billion cubic metres.", 2.3e9, "metres", []),
    ("The tank holds 500 m³ of gas.", 500, "cubic metres", [(15, "500 m3")]),  # (display_text: "m3")
    # a temperature by its scale's letter, a degree sign or its name; never a code's letter, nor cents
    ("Lows of -5C on Tuesday.", -5, "degrees Celsius", [(9, "5c")]),
    ("Lows of -5C on Tuesday.", -5, "degrees Fahrenheit", []),
    ("It was 95 °F in Austin and 41℃ in Beijing.", 95, "°F", [(7, "95 °f")]),
    ("It was 95 °F in Austin and 41℃ in Beijing.", 41, "degrees celsius", [(27, "41°c")]),
    ("The 50c coin, and seat 12F.", 50, "degrees Celsius", []),
    ("The 50c coin, and seat 12F.", 12, "degrees Fahrenheit", []),
]


@pytest.mark.parametrize("page,number,unit,spans", COUNTS)
def test_count_spans(page, number, unit, spans):
    index = index_page(page)
    assert [(s, index.text[s:e]) for s, e in count_spans(index, number, unit)] == spans


# (text, the measures written in two units or more, each one span): no part of one is a figure of its own
COMPOUNDS = [
    ("The suspect is about 5 feet 11 inches tall.", ["5 feet 11 inches"]),
    ("The lock is 6 ft 2 in and the wing 5 ft 10.", ["6 ft 2 in", "5 ft 10"]),
    ("At 1 m 80 she is the tallest in the squad.", ["1 m 80"]),
    ("The calf weighed 7 pounds 4 ounces; the foal eleven stone 3.", ["7 pounds 4 ounces", "eleven stone 3"]),
    ("The ferry crossing takes 3 hours 20 minutes, or an hour and 5 minutes by air.", ["3 hours 20 minutes", "an hour and 5 minutes"]),
    ("She won the marathon in 2 hours 1 minute 9 seconds.", ["2 hours 1 minute 9 seconds"]),
    ("He served 4 years and 6 months of a 7-year term.", ["4 years and 6 months"]),
    ("The guard, listed at 6-foot-2, scored 30 points.", ["6-foot-2"]),
    # one unit, or a part larger than the smaller unit allows, or a count after a measure: no compound
    ("The wall is 6 feet tall and 200 people came.", []),
    ("It took 3 hours, 40 volunteers and 2 trucks.", []),
    ("The pitch is 100 m 80 runners wide.", []),
    ("He ran 5 feet 20 inches.", []),
    ("The office has 500 m2 of space and 20m3 of storage; she is 1m80.", ["1m80"]),  # an area, a volume: no "m 2"
]


@pytest.mark.parametrize("text,measures", COMPOUNDS)
def test_compound_measures(text, measures):
    folded = fold_page(text)
    assert [text[s:e] for s, e in compound_measures(folded, 0, len(folded))] == measures


# (text, locale, the currencies read): "pounds" is money only when its sentence or its page says so
POUNDS = [
    ("The heavyweight weighed in at 238 pounds on Friday.", None, []),
    ("The suspect is about 6 feet tall and 180 pounds.", None, []),
    ("He lost 40 pounds in a year.", None, []),  # nothing says money: no money, never GBP by default
    ("He lost 40 pounds in a year.", "en-GB", []),
    ("The museum paid 250,000 pounds for the painting.", None, ["GBP"]),
    ("Tickets cost 45 pounds each.", None, ["GBP"]),
    ("A fine of £500 was set; he had lost 40 pounds in wages.", None, ["GBP", "GBP"]),
    ("Ticket sales in Wales reached 3 million pounds.", None, ["GBP"]),  # millions, on a British page
    ("The harbour handled 3 million pounds of salmon.", None, []),
    ("The 300-pound tackle was fined 10,000 pounds.", None, ["GBP"]),  # the nearer words decide
    ("It sold 200 pounds sterling of fudge.", None, ["GBP"]),
]


@pytest.mark.parametrize("text,locale,read", POUNDS)
def test_pounds_are_money_only_where_the_page_says_so(text, locale, read):
    assert [m.value[1] for m in money_mentions(text, locale=locale)] == read


# (text after a number, a measure of the thing that follows): no count of that thing
MEASURES_A_THING = [
    (" ounce cans", True), (" mile relay", True), (" gallon drum", True), (" litre bottle", True),
    (" minute walk", True), (" storey block", True), (" year contract", True),
    (" ounces of gold", False), (" mile from the coast", False), (" year ago", False), (" percent turnout", False),
    (" bottles", False),
    # an area or a volume, in words or by a power
    (" square mile area", True), (" sq ft home", True), ("km2 park", True), ("m³ tank", True),
    (" square miles of forest", False), ("km² in area", False),
]


@pytest.mark.parametrize("after,measures", MEASURES_A_THING)
def test_a_measure_before_a_noun_counts_nothing(after, measures):
    assert measures_a_thing("12" + after, 2) is measures


def test_a_measure_before_a_noun_is_no_count_on_a_page():
    index = index_page("Each school got a 5 hour workshop; 3 workshops ran online.")
    assert [index.text[s:e] for s, e in count_spans(index, 5, "workshops")] == []


# (text, each figure read: (its number as written, its unit, whether it is the yardstick of a comparison)):
# a yardstick is no value of the subject; a difference after a figure, and an age after a name, are no figures
YARDSTICKS = [
    ("Turnover was 25% below the five-year average of about 3.2 million tonnes.",
     [("25", "percent", False), ("3.2 million", "tonnes", True)]),
    ("Rainfall in Nairobi was twice the monthly norm of 80 millimetres.", [("80", "millimetres", True)]),
    ("The ministry spent more than the $40 million it had budgeted.", [("$40 million", "USD", True)]),
    ("Exports rose to 12,000 tonnes, compared with last year's 9,500 tonnes.",
     [("12,000", "tonnes", False), ("9,500", "tonnes", True)]),
    # a bound or how exact a figure is, with no noun between: the subject's own
    ("Inflation was higher than 5% and more than 200 shops closed.", [("5", "percent", False), ("200", "shops", False)]),
    ("The ferry sailed at 18 knots, some 6 knots slower than its rival.", [("18", "knots", False)]),
    ("Wages rose 4%, 2 points more than prices.", [("4", "percent", False)]),
    ("Okafor, 29, and Eze, 35, spent 14 hours in the lift.", [("14", "hours", False)]),
    ("In Lyon, 32 people were hurt.", [("32", "people", False)]),
]


# (text, each figure read: (its words as written, its value, its unit)): a temperature is a number with its scale
# right after it, signed; a code written as a number and a letter is none, nor is a temperature that measures a
# thing ("the 2°C warming limit") or a difference, nor either end of a range
TEMPERATURES = [
    ("Temperatures fell to -5C on Tuesday and reached 95F by Friday.",
     [("-5C", -5, "degrees Celsius"), ("95F", 95, "degrees Fahrenheit")]),
    ("Lows of −5 °C, 41℉ and minus 5 degrees.",
     [("−5 °C", -5, "degrees Celsius"), ("41℉", 41, "degrees Fahrenheit"), ("minus 5 degrees", -5, "degrees")]),
    ("The lake warmed to 5 degrees Celsius; the sea was 30 Celsius and the bath 100 degrees F.",
     [("5 degrees Celsius", 5, "degrees Celsius"), ("30 Celsius", 30, "degrees Celsius"), ("100 degrees F", 100, "degrees Fahrenheit")]),
    ("Roast at 350°F for an hour, or at 180º C.", [("350°F", 350, "degrees Fahrenheit"), ("180º C", 180, "degrees Celsius")]),
    ("Forecasters expect a high of 31 degrees, or 31° at night.", [("31 degrees", 31, "degrees"), ("31°", 31, "degrees")]),
    ("London hit 40.3C in July, and 44C (111F) in Spain.",
     [("40.3C", 40.3, "degrees Celsius"), ("44C", 44, "degrees Celsius")]),  # ("(111F)" converts 44C: no figure of its own)
    ("London hit 40.3C (104.5F) in July.", [("40.3C", 40.3, "degrees Celsius")]),
    ("The low was 5 degrees below zero, or 5C below zero.", [("5 degrees below zero", -5, "degrees"), ("5C below zero", -5, "degrees Celsius")]),
    ("Highs will be between 20C and 25C, or 20-25C, or 20C to 25C, or between -5C and 3C.", []),
    ("Temperatures rose from -5C to 3C.", [("-5C", -5, "degrees Celsius"), ("3C", 3, "degrees Celsius")]),
    ("The 2°C warming limit and a 40C day; it was 10°C cooler and 3C above average.", []),
    ("Under Section 5C of the act, in seat 12F, Row 5C, Apartment 4F, size 34C, the 4C grade.", []),
    ("Three C-130 planes, F-16 jets, Form 1040-C, iPhone 5C, 5C's, 2C-B, 50c coins, 4C grades.", []),
    ("The ship turned 180 degrees.", [("180 degrees", 180, "degrees")]),
    ("The town lies at 51°30′N.", []),  # a bearing
]


@pytest.mark.parametrize("text,figures", TEMPERATURES)
def test_temperatures(text, figures):
    reading = read_article(text, None, None)
    found = figures_in(reading, 0, len(text), [], reading.folded)
    assert [(text[f.start:f.end], f.value, f.unit) for f in found] == figures


# (text, each figure read: (its number as written, its value, its unit)): an area or a volume keeps its first word
AREAS = [
    ("The reservoir holds 2.3 billion cubic metres of water across 150 square km.",
     [("2.3 billion", 2.3e9, "cubic metres"), ("150", 150, "square km")]),
    ("It covers 300 square miles, 45 sq km, 120 km2 and 80 km² of water.",
     [("300", 300, "square miles"), ("45", 45, "square km"), ("120", 120, "square km"),
      ("80", 80, "square km")]),
    ("The tank holds 500 m³; the field 2 trillion cubic feet and 15 cubic km.",
     [("500", 500, "cubic metres"), ("2 trillion", 2e12, "cubic feet"), ("15", 15, "cubic km")]),
    ("The office has 500 m2 of space, 1,200 square feet and 80sqm.",
     [("500", 500, "square metres"), ("1,200", 1200, "square feet"), ("80", 80, "square metres")]),
    ("Fires burned 12,000 hectares, 1,500 ha and 400 acres.",
     [("12,000", 12000, "hectares"), ("1,500", 1500, "hectares"), ("400", 400, "acres")]),
    ("It spans 1 square mile of land; 5,000 sq. miles burned.",
     [("1", 1, "square miles"), ("5,000", 5000, "square miles")]),
    # measuring a thing ("a 300 square mile area"), no figure
    ("They bought a 2,000 sq ft home near the 500km2 park in a 300 square mile area.", []),
    ("The reserve spans 2,500 square kilometres and 40 km of coast.",
     [("2,500", 2500, "square km"), ("40", 40, "km")]),
]


@pytest.mark.parametrize("text,figures", AREAS)
def test_areas_and_volumes(text, figures):
    reading = read_article(text, None, None)
    found = figures_in(reading, 0, len(text), [], reading.folded)
    assert [(text[f.start:f.end], f.value, f.unit) for f in found] == figures


@pytest.mark.parametrize("text,figures", YARDSTICKS)
def test_yardsticks_differences_and_ages(text, figures):
    reading = read_article(text, None, None)
    found = figures_in(reading, 0, len(text), [], reading.folded)
    assert [(text[f.start:f.end], f.unit, f.reference) for f in found] == figures


# (text, each figure read: (its number as written, its value, its unit)): a change and the level it reached are
# two figures, the level counting what the words before the change name, never percent; a move from one level to
# another two (series.py makes one claim of them); a range none (changes.py)
CHANGES = [
    ("Shares fell 2% to $170 on Tuesday.", [("2", 2, "percent"), ("$170", 170, "USD")]),
    ("Exports grew by €2 billion to €40 billion in 2021.",
     [("€2 billion", 2000000000, "EUR"), ("€40 billion", 40000000000, "EUR")]),
    ("The death toll rose by 12 to 40.", [("12", 12, "deaths"), ("40", 40, "deaths")]),
    ("Membership grew by 150 to 2,300 people.", [("150", 150, "people"), ("2,300", 2300, "people")]),
    ("The city's population rose 5 percent to 3.2 million.", [("5", 5, "percent"), ("3.2 million", 3200000, "people")]),
    ("Attendance was down 12% at 40,000.", [("12", 12, "percent"), ("40,000", 40000, "people")]),
    ("The Dow rose 200 points, or 0.6%, to 34,000.", [("200", 200, "points"), ("0.6", 0.6, "percent")]),
    ("The price rose from $20 to $25.", [("$20", 20, "USD"), ("$25", 25, "USD")]),
    ("Prices rose 20% to 30%.", []),
    ("Costs are expected to rise by $2 billion to $3 billion.", []),
    ("Prices are expected to increase by 10 to 25 percent.", []),
    ("The team lost 3 to 1.", []),
    ("Between 20 and 30 people were hurt.", []),
]


@pytest.mark.parametrize("text,figures", CHANGES)
def test_changes_levels_and_ranges(text, figures):
    reading = read_article(text, None, None)
    found = figures_in(reading, 0, len(text), [], reading.folded)
    assert [(text[f.start:f.end], f.value, f.unit) for f in found] == figures
