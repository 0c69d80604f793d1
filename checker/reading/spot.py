"""Which sentences are worth checking? A linear model over words and news features; pure Python.

Each sentence becomes a set of features: its words, word pairs and crude stems, with figures replaced
by their shape (a year, a percentage, an amount of money, a plain number); pairs of coarse word
classes ("he" then a past tense, a name then a past tense, "we" then "will"); and what a fact-checker
looks for in news: figures, currencies, dates, names (capitalised words inside the sentence),
attribution ("said", "according to"), comparisons and superlatives ("first", "largest", "record"),
and the marks of opinion (first and second person, "should", "I think", questions).
The model is a logistic regression over those features, each weighted by its idf and each sentence
scaled to unit length; its weights ship as plain JSON in spot_model.json, trained by
scripts/train-spot on the ClaimBuster dataset (the file's metadata credits it).
"""
import functools
import json
import math
import os
import pathlib
import re
from collections.abc import Iterable
from typing import Any, TypedDict

from ..sentences import Sentence, split_lines, split_sentences

MODEL_PATH = pathlib.Path(__file__).parent / "spot_model.json"
# A score at or above this is check-worthy. Training folds the decision margin it chose by
# cross-validation (balanced classes, best F1) into the model's bias, so the line stays at 0.5.
THRESHOLD = 0.5
FEATURES_VERSION = 1  # bump when features() changes: a model trained on other features is refused


class SpotModel(TypedDict):
    """spot_model.json: the bias, each feature's [weight times idf, idf], and what it is (its metadata)."""

    features_version: int
    bias: float
    weights: dict[str, list[float]]
    metadata: dict[str, Any]


class SpottedSentence(TypedDict):
    """One sentence as spot() gives it."""

    sentence: str
    score: float
    checkworthy: bool
    start: int
    end: int

TOKEN = re.compile(r"""
    (?P<money>(?:[A-Z]{1,3})?[$€£¥₹₦₽]\s?\d+(?:[,.]\d+)*)
  | (?P<number>\d+(?:[,.]\d+)*(?:\s?(?:%|per\s?cent\b|percent\b)|(?:st|nd|rd|th|s)\b)?)
  | (?P<word>[^\W\d_][\w'’.-]*[^\W_]|[^\W\d_])
  | (?P<mark>[?!%])
""", re.VERBOSE)

CURRENCY_WORDS = frozenset("""
dollar dollars euro euros pound pounds sterling yen yuan renminbi rupee rupees rouble roubles ruble
rubles naira rand shilling shillings peso pesos reais lira franc francs dirham riyal
crore crores lakh usd eur gbp jpy cny inr rs pkr rub ngn zar kes brl cad aud chf
""".split())
SCALE_WORDS = frozenset("hundred hundreds thousand thousands million millions billion billions trillion "
                        "trillions bn mn m k tn dozen dozens".split())
NUMBER_WORDS = frozenset("""
two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety half third thirds
quarter quarters fifth twice double doubled triple tripled tenfold percent percentage
""".split())
MONTHS = frozenset("january february march april may june july august september october november "
                   "december jan feb mar apr jun jul aug sep sept oct nov dec".split())
TIME_WORDS = frozenset("year years yearly annual annually decade decades century month months week weeks "
                       "day days since ago today yesterday monday tuesday wednesday thursday friday "
                       "saturday sunday".split())
ATTRIBUTION = frozenset("""
said says say told tells reported reports report according announced announces stated states
confirmed confirms estimated estimates showed shows found finds revealed released published
voted vote votes signed passed ruled testified admitted claimed claims wrote data figures
statistics survey poll study census records record
""".split())
COMPARISON = frozenset("""
first last only largest biggest highest lowest smallest fastest slowest worst best most least
more less fewer greater higher lower larger bigger smaller record records unprecedented ever never
increase increased increases increasing decrease decreased decreases rise rose risen rising fall
fell fallen falling grew grown growth grow drop dropped declined decline cut cuts doubled tripled
halved surged plunged jumped soared reduced raised lost gained since compared than average per
""".split())
OPINION = frozenset("""
think believe feel hope wish want should must ought need needs going gonna let let's lets please
thank thanks welcome folks good great wonderful terrible bad wrong right important honor honored
proud agree disagree
""".split())
IRREGULAR_PAST = frozenset("""
was were had did said made went took gave got came saw knew left paid told thought brought bought
built sent spent lost won led became began ran wrote fought stood held kept met sold taught
understood fell rose grew
""".split())
# Coarse word classes, a poor man's part-of-speech: pairs of them ("he PAST", "NAME PAST", "we MODAL")
# say who did what, whatever the words.
WORD_CLASSES = {
    **dict.fromkeys("i we me us my our myself ourselves i'm i've i'd i'll we're we've we'd we'll".split(), "FIRST"),
    **dict.fromkeys("you your yours yourself you're you've you'd you'll".split(), "SECOND"),
    **dict.fromkeys("he she they it him her them his their its he's she's they're it's".split(), "THIRD"),
    **dict.fromkeys("would could should might must can may will shall wo ca".split(), "MODAL"),
    **dict.fromkeys("not n't never no".split(), "NEG"),
    **dict.fromkeys("is are am be been being".split(), "BE"),
    **dict.fromkeys("the a an this that these those".split(), "DET"),
    **dict.fromkeys("in of to for on at by with from since into over under during after before than".split(), "PREP"),
    **dict.fromkeys("and but or so because if".split(), "CONJ"),
    **dict.fromkeys("what why how who when where which".split(), "WH"),
}
NOT_NAMES = frozenset("""
i i'm i've i'd i'll a an the and but or so if in on at of to for by as it its this that these those
there here he she they we you my our your his her their what when where why how who which well now
then yes no not mr mrs ms dr
""".split())
# Page furniture: a short line that opens so ("Share this article", "Sign up for our newsletter") is no
# claim, whatever the model says; the debates it learnt from have no such lines to teach it.
PAGE_FURNITURE = re.compile(
    r"(?i)\s*(?:share|tweet|email|print|subscribe|sign (?:up|in)|log ?in|register|follow us|read more|"
    r"click|advertisement|related|comments?|skip to|back to top|cookies?|accept|menu|home|next|previous)\b")
FURNITURE_WORDS = 8
SUFFIXES = ("ations", "ation", "ingly", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly")


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem, so that "increase", "increased" and "increasing" share a feature."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word


def number_shape(token: str) -> str:
    """A figure as what it is: a year, a decade, a percentage, an ordinal, a small or a large number."""
    lowered = token.lower()
    if "%" in lowered or "cent" in lowered:
        return "<percent>"
    if lowered.endswith(("st", "nd", "rd", "th")):
        return "<ordinal>"
    if lowered.endswith("s"):
        return "<decade>"
    if len(token) == 4 and token.isdigit() and token[:2] in ("18", "19", "20"):
        return "<year>"
    if "." in token:
        return "<decimal>"
    return "<number>" if len(token.replace(",", "")) > 2 else "<small>"


def word_class(token: str, lowered: str, first: bool) -> str:
    """The coarse class of a word (see WORD_CLASSES), or "w" for any other."""
    if lowered in WORD_CLASSES:
        return WORD_CLASSES[lowered]
    if lowered.endswith("n't"):
        return "NEG"
    if not first and token[0].isupper():
        return "NAME"
    if lowered in IRREGULAR_PAST or (len(lowered) > 4 and lowered.endswith("ed")):
        return "PAST"
    if len(lowered) > 5 and lowered.endswith("ing"):
        return "ING"
    if lowered in ("most", "least", "first", "only", "record") or (len(lowered) > 5 and lowered.endswith("est")):
        return "MOST"
    if len(lowered) > 4 and lowered.endswith("ly"):
        return "ADV"
    return "w"


def features(sentence: str) -> set[str]:
    """The features of one sentence: a set of strings (words w:, word pairs p:, stems s:, pairs of
    word classes k:, and what a fact-checker looks for, f:)."""
    feats: set[str] = set()
    words: list[str] = []
    classes = ["^"]
    names = 0
    first = True
    for m in TOKEN.finditer(sentence):
        kind = m.lastgroup
        token = m.group()
        if kind == "word":
            lowered = token.lower().replace("’", "'")
            if lowered.endswith("'s") and lowered not in WORD_CLASSES:
                lowered = lowered[:-2]
            cls = word_class(token, lowered, first)
            if cls == "NAME":
                if lowered in NOT_NAMES:
                    cls = "w"
                else:
                    names += 1
                    if token.isupper() and len(token) > 1:
                        feats.add("f:acronym")
            if lowered in CURRENCY_WORDS:
                feats.add("f:money")
            elif lowered in SCALE_WORDS:
                feats.add("f:scale")
            elif lowered in NUMBER_WORDS:
                feats.add("f:number-word")
            elif lowered in MONTHS and not first:
                feats.add("f:month")
            if lowered in TIME_WORDS:
                feats.add("f:time")
            if lowered in ATTRIBUTION:
                feats.add("f:attribution")
            if lowered in COMPARISON or cls == "MOST":
                feats.add("f:comparison")
            if lowered in OPINION:
                feats.add("f:opinion")
            if cls in ("FIRST", "SECOND", "MODAL", "NEG", "PAST"):
                feats.add("f:" + cls.lower())
            words.append(lowered)
            feats.add("s:" + stem(lowered))
            if cls != "NAME" or classes[-1] != "NAME":  # a run of names is one name
                classes.append(cls)
        elif kind == "money":
            feats.add("f:money")
            feats.add("f:figure")
            words.append("<money>")
            classes.append("NUM")
        elif kind == "number":
            shape = number_shape(token)
            feats.add("f:figure")
            feats.add("f:" + shape)
            words.append(shape)
            classes.append("NUM")
        elif token == "?":
            feats.add("f:question")
            classes.append("?")
        elif token == "!":
            feats.add("f:exclamation")
        elif token == "%":
            feats.add("f:<percent>")
        first = False
    classes.append("$")
    feats.add("f:names=%d" % min(names, 3))
    feats.add("f:length=%d" % min(len(words) // 6, 6))
    feats.update(["w:" + w for w in words])
    feats.update(["p:%s %s" % pair for pair in zip(words, words[1:])])
    feats.update(["k:%s %s" % pair for pair in zip(classes, classes[1:])])
    if words:
        feats.add("p:^ " + words[0])
    return feats


@functools.cache
def load_model(path: str | os.PathLike[str] = MODEL_PATH) -> SpotModel:
    """The shipped model: a dict with "bias", "weights" (feature -> [weight times idf, idf]) and
    "metadata" (what it is, the dataset it was trained on and its credit, how it measured)."""
    model: SpotModel = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    if model.get("features_version") != FEATURES_VERSION:
        raise ValueError(f"{path} was trained on features version {model.get('features_version')}, "
                         f"not {FEATURES_VERSION}: rerun scripts/train-spot")
    return model


def is_page_furniture(text: str) -> bool:
    return bool(PAGE_FURNITURE.match(text)) and len(text.split()) <= FURNITURE_WORDS and not any(
        c.isdigit() for c in text)


def score_text(text: str, model: SpotModel) -> float:
    """The model's score for one sentence: its features' weights over the length of their idf vector
    (each feature's weight is [weight times idf, idf], as scripts/spot_training.py exports them)."""
    if is_page_furniture(text):
        return 0.0
    weights = model["weights"]
    total = norm = 0.0
    for f in features(text):
        entry = weights.get(f)
        if entry is not None:
            total += entry[0]
            norm += entry[1] * entry[1]
    margin = model["bias"] + (total / math.sqrt(norm) if norm else 0.0)
    if margin >= 0:
        return 1.0 / (1.0 + math.exp(-margin))
    odds = math.exp(margin)  # the same, written so that a very negative margin cannot overflow
    return odds / (1.0 + odds)


def score(sentences: Iterable[str | Sentence], model: SpotModel | None = None) -> list[float]:
    """The check-worthiness, from 0 to 1, of each sentence (a string or a Sentence)."""
    model = model or load_model()
    return [score_text(s if isinstance(s, str) else s.text, model) for s in sentences]


def spot(text: str, lines: bool = False, model: SpotModel | None = None) -> list[SpottedSentence]:
    """Every sentence of a text (or every line, with lines) with its score and whether it is check-worthy."""
    sentences = split_lines(text) if lines else split_sentences(text)
    found: list[SpottedSentence] = []
    for s, p in zip(sentences, score(sentences, model)):
        p = round(p, 4)
        found.append({"sentence": s.text, "score": p, "checkworthy": p >= THRESHOLD, "start": s.start, "end": s.end})
    return found
