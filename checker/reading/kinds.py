"""The kind of a proposed claim, by plain rules about its words (reading/atomic.py proposes the claims):
"first ... to" a first visit; will, plans, expected a prediction; a visit or meeting with its date a
visit date; member or joined a membership; a decade historical; money in a sentence about trade a
trade figure; counts of meetings a meeting count (a multiple that compares is none); else a percentage,
money or count. Pure functions."""
import re

from .amounts import VISIT, Figure
from .when import When

# ("trading" alone is a market's or a desk's: "currency trading errors", "morning trading")
TRADE = re.compile(r"\b(?<!-)(?:trade|traded|exports?|exported|imports?|imported|turnover|commerce)\b")  # (never "e-commerce")
# A market's trading ("Shares of Tesla fell 2% to $170 in morning trading", "the stock traded at $45"): prices
# of securities, no trade between economies unless the sentence names that trade ("trade", exports, imports).
MARKET = re.compile(r"\b(?:shares?|stocks?|equit(?:y|ies)|bonds?|futures|index|indices|nasdaq|dow|nyse|ftse|nikkei|"
                    r"bitcoin|crypto(?:currenc(?:y|ies))?|investors?|share\s+price|s&p|dax|sensex|hang\s+seng|52-week|"
                    r"traded\s+(?:up|down|higher|lower|flat|at|near|between))\b")
PLAIN_TRADE = re.compile(r"\b(?<!-)(?:trade|exports?|exported|imports?|imported|commerce)\b(?!\s+(?:volume|at)\b)")
# "the first head of state to visit", "its first ... to ban": never "first became familiar ... as a clerk to Justice X",
# nor "his first goal was to deal with the strike" (what the first thing is), nor "the first phase will include
# allowing people to meet" (a verb of its own between)
FIRST_TO = re.compile(r"\b(?:the|its|his|her|their|our)\s+(?:very\s+)?first\b(?:(?!\b(?:and|but|which|who|was|is|were|are|be|"
                      r"will|would|can|could|should|may|might|must|has|have|had)\b)[^,;]){0,80}?"
                      r"\bto\s+(?!(?:the|a|an|its|his|her|their|our|this|that)\b)[a-z]")
# "plans to", never the noun ("supported the plan") nor a plan in the past ("had planned to drive")
# ("most likely to sell", "more likely to drop out": who tends to, no forecast)
# "expected", "likely", "due to" foretell only as verbs ("is expected to", "likely to", "due to arrive"): never as
# an adjective ("the highly-anticipated quadruplets", "the unlikely hero") or a cause ("due to the weather").
EVIDENCE_FRAME = re.compile(r"\bwill\s+(?:[a-z]+ly\s+)?(?:show|indicate|suggest|reveal|confirm|prove|tell\s+you)\s+that\b")
PREDICTION = re.compile(r"\b(?:will|won't|shall|(?<!\bits\s)(?<!\bthe\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)plans?\s+to|planning\s+to|"
                        r"(?:is|are)\s+planned|expects?|anticipates|forecasts|(?<!\bnever\s)"  # ("adjusted its plans to", "never expected to")
                        r"(?:expected|anticipated|projected|forecast|scheduled|(?<!most\s)(?<!more\s)(?<!less\s)(?<!least\s)likely|unlikely)"
                        r"\s+(?:to|in|on|at|by|that|for|next|this)|set\s+to"
                        r"|(?:is|are|be|seems?|looks?)\s+(?:widely\s+|highly\s+)?(?:expected|anticipated|projected|likely|unlikely|scheduled)"
                        r"|intends?|intended\s+to|aims?\s+to|due\s+(?:in|on|by|next|tomorrow|later)|(?:is|are)\s+due\s+to\s+[a-z]+\s+(?:on|in|at|by|next|this)"
                        r"|due\s+to\s+(?:be|arrive|start|begin|open|close|take|meet|visit|return|vote|end|launch|leave|sign|expire|resume))\b")
RELATIVE_ASIDE = re.compile(r",\s+(?:who|whom|whose|which)\b[^,;()]*,")
# A multiple that compares ("90 times denser than Earth's", "100 times less dense", "3.5 times that of France",
# "three times the size of"): a ratio, no count of times something happened.
RATIO = re.compile(r"\btimes\s+(?:more|less|fewer|as|that|those|the|higher|lower|larger|bigger|smaller|greater|"
                   r"faster|slower|[a-z]{3,}er\s+than)\b")
# Membership of a body of states or members ("joined NATO in 2024", "a member of the European Union", "full
# membership in the Shanghai Co-operation Organisation", "member states"): never family members, a team's
# members, or joining people, a department or a network ("joined Democrats to approve her").
BODY = (r"(?:[A-Z]{2,}\b|(?:[A-Z][\w’'-]+\s+){1,4}(?:Union|Organi[sz]ation|Alliance|Council|Community|League|Association|"
        r"Bloc|Forum|Pact|Treaty|Partnership|Commonwealth|Federation|Co-?operation|Zone|Area)\b)")
MEMBERSHIP = re.compile(r"(?i:\b(?:membership|member\s+(?:states?|countr(?:y|ies)|nations?)|accession|acceded)\b)|"
                        rf"(?i:\b(?:(?:re)?join(?:ed|s|ing)?|admitted\s+(?:to|into)|members?\s+of))\s+(?:the\s+)?{BODY}")


def clause_kind(words: str, when: When | None) -> str:
    """A clause's kind by general rules: "first ... to" a first visit; will, plans, expected, likely
    a prediction; a visit or a meeting with its date a visit date; member, membership, joined a
    membership; a decade a historical claim; anything else other."""
    member = MEMBERSHIP.search(words)  # (in the words as written: a body is named in capitals)
    words = words.lower()
    if FIRST_TO.search(words):
        return "first_visit"
    # (the forecast of the clause's own verb, never one in what it tells of: "Oil fell 1 percent amid speculation
    # that output will rise", "a young man who spent months planning to murder")
    # (nor a frame of what a reckoning shows: "Simple math will indicate that Trump has attended one briefing a week")
    # (nor one in an aside between commas: "The programme, which will be in its third year in 2020, costs $5 million";
    # "The mayor, who took office in 2019, will resign" is the mayor's forecast all the same)
    own = re.split(r"\b(?:amid|who|whom|whose)\b", RELATIVE_ASIDE.sub(",", words), maxsplit=1)[0]
    if PREDICTION.search(EVIDENCE_FRAME.sub(" ", own)):
        return "prediction"
    if when is not None and when.point and VISIT.search(words):
        return "visit_date"
    if member:
        return "membership"
    if when is not None and when.decade and not when.since:  # ("dating back to the 1970s": a span to now)
        return "historical"
    return "other"


def figure_kind(figure: Figure, words: str, sentence_lower: str, when: When | None) -> str:
    """Counts of meetings or visits are meeting counts; money in a sentence about trade (trade,
    exports, imports, turnover; not a market's trading in shares) a trade figure; a figure in a clause of
    another kind (a forecast, a first) takes that kind; else a percentage, money, or a count of what its
    unit counts."""
    ratio = figure.unit == "times" and RATIO.search(words.lower()) is not None
    if figure.unit in ("meetings", "visits"):  # (other times counted, "called nine times", "delayed 12 times", are counts)
        return "meeting_count"
    if figure.money and TRADE.search(sentence_lower) and (not MARKET.search(sentence_lower)
                                                          or PLAIN_TRADE.search(sentence_lower)):
        return "trade_figure"
    kind = clause_kind(words, when)
    if kind not in ("other", "visit_date"):  # (a figure told at a meeting, "At its Sept. 13 meeting, the commission
        return kind  # approved a $94.96 million budget", is the figure's: money, never a visit's date)
    if figure.unit in ("percent", "percentage points", "basis points"):
        return "percentage"
    return "money" if figure.money else "count" if figure.unit and not ratio else "other"
