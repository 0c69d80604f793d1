"""Training the check-worthiness model of checker/reading/spot.py on ClaimBuster, and measuring it honestly.

scripts/train-spot calls build_model() on the whole training file and writes checker/spot_model.json;
bench/spot_bench.py cross-validates the same train() on balanced folds, scoring each held-out fold
with the run-time scorer, beside a TF-IDF baseline fitted on the same folds. Needs scikit-learn (the
[train] extra); never imported at run time.

The dataset's rules (data/claimbuster/README.md): train and tune only on train.json, by
cross-validation; measure F1 of the check-worthy class on balanced folds (every check-worthy sentence
of a fold and as many others drawn at random); credit the authors wherever the model ships.
train() tunes its two settings (the regularisation C and the decision margin) by an inner
cross-validation on the sentences it is given, so the bench's outer folds never see them.
"""
import json
import math
import pathlib
import random
import sys

import numpy
import scipy.sparse
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from checker.reading import spot  # noqa: E402
from claimbuster import FOLDS  # noqa: E402

SEED = 20200603  # folds, the negatives drawn for balance, the solver: every run gives the same file
C_GRID = (2.0, 4.0, 8.0)  # inverse L2 strength, chosen by the inner cross-validation
MARGINS = tuple(round(-1.2 + 0.1 * i, 1) for i in range(15))  # decision margins tried, -1.2 to 0.2
MIN_COUNT = 2  # a feature must occur in this many training sentences to get a weight
DIGITS = 4  # decimals kept in the JSON

DATASET = {
    "name": "ClaimBuster: A Benchmark Dataset of Check-worthy Factual Claims",
    "authors": ["Fatma Arslan", "Naeemul Hassan", "Chengkai Li", "Mark Tremayne"],
    "citation": ("Arslan, F., Hassan, N., Li, C., Tremayne, M. (2020). A Benchmark Dataset of Check-worthy "
                 "Factual Claims. Proceedings of the International AAAI Conference on Web and Social Media "
                 "(ICWSM 2020)."),
    "doi": "10.5281/zenodo.3609356",
    "url": "https://doi.org/10.5281/zenodo.3609356",
    "part_used": ("the two-class training split (data/two_class/train.json of utaresearch/claimbuster-spotter): "
                  "sentences from U.S. presidential debates 1960-2016 labelled check-worthy or not; "
                  "the test split was not read"),
}


def read_examples(path):
    """(texts, labels) of a ClaimBuster JSON file: a list of {"text", "label"}, label 1 = check-worthy."""
    rows = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    return [r["text"] for r in rows], [int(r["label"]) for r in rows]


# --- measuring ------------------------------------------------------------------------------------

def balanced_folds(labels, folds=FOLDS, seed=SEED):
    """[(train indices, balanced test indices)]: stratified folds; each test set holds every check-worthy
    sentence of its fold and as many others drawn at random from the same fold."""
    rng = random.Random(seed)
    positives = [i for i, y in enumerate(labels) if y == 1]
    negatives = [i for i, y in enumerate(labels) if y == 0]
    rng.shuffle(positives)
    rng.shuffle(negatives)
    fold_of = {}
    for group in (positives, negatives):
        for n, i in enumerate(group):
            fold_of[i] = n % folds
    result = []
    for k in range(folds):
        train_idx = [i for i in range(len(labels)) if fold_of[i] != k]
        fold_pos = [i for i in positives if fold_of[i] == k]
        fold_neg = [i for i in negatives if fold_of[i] == k]
        result.append((train_idx, sorted(fold_pos + rng.sample(fold_neg, len(fold_pos)))))
    return result


def f1(truth, predicted):
    """F1 of the check-worthy class."""
    tp = sum(1 for t, p in zip(truth, predicted) if t and p)
    fp = sum(1 for t, p in zip(truth, predicted) if not t and p)
    fn = sum(1 for t, p in zip(truth, predicted) if t and not p)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cross_validate(texts, labels, predict, folds=FOLDS, seed=SEED):
    """F1 on each balanced test fold of predict(train_texts, train_labels, test_texts) -> [bool]."""
    scores = []
    for train_idx, test_idx in balanced_folds(labels, folds, seed):
        predicted = predict([texts[i] for i in train_idx], [labels[i] for i in train_idx],
                            [texts[i] for i in test_idx])
        scores.append(f1([labels[i] for i in test_idx], predicted))
    return scores


def tune(items, labels, fit, grid=C_GRID, seed=SEED):
    """(C, margin) with the best mean F1 over inner balanced folds of these training items alone.
    fit(items, labels, c) returns a function from items to decision margins."""
    best = None
    folds = balanced_folds(labels, FOLDS, seed + 1)
    for c in grid:
        scores = {m: [] for m in MARGINS}
        for train_idx, test_idx in folds:
            margin_of = fit([items[i] for i in train_idx], [labels[i] for i in train_idx], c)
            margins = margin_of([items[i] for i in test_idx])
            truth = [labels[i] for i in test_idx]
            for m in MARGINS:
                scores[m].append(f1(truth, [z >= m for z in margins]))
        for m, s in scores.items():
            mean = sum(s) / len(s)
            if best is None or mean > best[0] + 1e-9:
                best = (mean, c, m)
    return best[1], best[2]


# --- our model --------------------------------------------------------------------------------------

class Fitted:
    """A logistic regression over spot.features(), each feature weighted by its idf and each
    sentence's vector scaled to unit length (as spot.score_text computes it)."""

    def __init__(self, rows, labels, c, min_count=MIN_COUNT, seed=SEED):
        counts = {}
        for feats in rows:
            for f in feats:
                counts[f] = counts.get(f, 0) + 1
        self.names = sorted(f for f, n in counts.items() if n >= min_count)
        self.vocabulary = {f: i for i, f in enumerate(self.names)}
        self.idf = numpy.array([math.log(len(rows) / counts[f]) + 1.0 for f in self.names])
        self.fit = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", random_state=seed,
                                      max_iter=1000)
        self.fit.fit(self.matrix(rows), numpy.asarray(labels))

    def matrix(self, rows):
        indices, indptr = [], [0]
        for feats in rows:
            indices.extend(sorted(self.vocabulary[f] for f in feats if f in self.vocabulary))
            indptr.append(len(indices))
        ones = scipy.sparse.csr_matrix((numpy.ones(len(indices)), indices, indptr),
                                       shape=(len(rows), len(self.names)))
        return normalize(ones @ scipy.sparse.diags(self.idf))

    def margins(self, rows):
        return list(self.fit.decision_function(self.matrix(rows)))


def fit_ours(rows, labels, c):
    return Fitted(rows, labels, c).margins


def train(texts, labels, seed=SEED):
    """A model dict for checker.reading.spot, tuned by inner cross-validation on these sentences only."""
    rows = [spot.features(t) for t in texts]
    c, margin = tune(rows, labels, fit_ours, seed=seed)
    fitted = Fitted(rows, labels, c, seed=seed)
    coef = fitted.fit.coef_[0]
    weights = {f: [round(float(w * idf), DIGITS), round(float(idf), DIGITS)]
               for f, w, idf in zip(fitted.names, coef, fitted.idf)}
    return {
        # the margin chosen is folded into the bias, so that spot.THRESHOLD (0.5) is the line
        "bias": round(float(fitted.fit.intercept_[0]) - margin, DIGITS),
        "weights": weights,
        "features_version": spot.FEATURES_VERSION,
        "tuning": {"C": c, "margin": margin},
    }


def predict_ours(train_texts, train_labels, test_texts):
    """Train as train-spot does, then score with the run-time scorer, from the JSON as shipped."""
    model = json.loads(json.dumps(train(train_texts, train_labels)))
    return [p >= spot.THRESHOLD for p in spot.score(test_texts, model=model)]


# --- the peer: TF-IDF ------------------------------------------------------------------------------

def fit_tfidf(texts, labels, c):
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    fit = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", random_state=SEED, max_iter=1000)
    fit.fit(vectorizer.fit_transform(texts), numpy.asarray(labels))
    return lambda items: list(fit.decision_function(vectorizer.transform(items)))


def predict_tfidf(train_texts, train_labels, test_texts):
    """TF-IDF of words and word pairs, logistic regression with balanced class weights, defaults."""
    return [z >= 0 for z in fit_tfidf(train_texts, train_labels, 1.0)(test_texts)]


def predict_tfidf_tuned(train_texts, train_labels, test_texts):
    """The same TF-IDF model, with C and margin tuned exactly as train() tunes ours."""
    c, margin = tune(train_texts, train_labels, fit_tfidf, grid=(1.0, 4.0, 8.0))
    return [z >= margin for z in fit_tfidf(train_texts, train_labels, c)(test_texts)]


# --- the shipped file -----------------------------------------------------------------------------

def build_model(path, folds=FOLDS):
    """Train on the whole file; record the cross-validated F1 and the dataset's credit beside the weights."""
    texts, labels = read_examples(path)
    model = train(texts, labels)
    cv = cross_validate(texts, labels, predict_ours, folds) if folds else []
    metadata = {
        "description": ("checker spot: check-worthiness of a sentence. A logistic regression over "
                        "checker.reading.spot.features (words, word pairs, stems, word classes, figures, dates, "
                        "names, attribution, comparisons, opinion). score = 1 / (1 + exp(-(bias + sum of "
                        "weight[f][0] / sqrt(sum of weight[f][1] ** 2)))) over the features f present; "
                        "check-worthy when score >= 0.5."),
        "dataset": DATASET,
        "training": {
            "script": "scripts/train-spot",
            "sentences": len(texts),
            "checkworthy": sum(labels),
            "seed": SEED,
            "min_count": MIN_COUNT,
            "class_weight": "balanced",
            "tuned_by": f"{FOLDS}-fold cross-validation on balanced folds of the training file",
            "scikit_learn": sklearn.__version__,
        },
        "evaluation": None if not folds else {
            "method": (f"{folds}-fold cross-validation on train.json with balanced test folds (every "
                       "check-worthy sentence of a fold and as many others drawn at random); each fold "
                       "trained and tuned as this file was, and scored by checker.reading.spot"),
            "f1_checkworthy_per_fold": [round(s, 4) for s in cv],
            "f1_checkworthy_mean": round(sum(cv) / len(cv), 4),
        },
    }
    return {"metadata": metadata, **model}


def write_model(model, out):
    """The model as JSON: the metadata indented, then one line per feature (readable, and diffs well)."""
    head = {k: v for k, v in model.items() if k != "weights"}
    lines = [json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ",", ' "weights": {']
    items = sorted(model["weights"].items())
    lines += [f"  {json.dumps(f, ensure_ascii=False)}: {json.dumps(w)}" + ("," if n < len(items) - 1 else "")
              for n, (f, w) in enumerate(items)]
    lines += [" }", "}"]
    pathlib.Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
