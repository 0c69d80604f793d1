"""Benchmark: check-worthiness, F1 against a TF-IDF peer and sentences a second (run by hand, not by CI).

Quality: 5-fold cross-validation on ClaimBuster's training file with balanced test folds (every
check-worthy sentence of a fold and as many others drawn at random, fixed seed), as the dataset's
README asks. Each fold trains and tunes exactly as scripts/train-spot does (scripts/spot_training.py)
and is scored by checker.reading.spot from the JSON it would ship. On the same folds: the TF-IDF baseline
(words and word pairs, logistic regression, balanced class weights, defaults), and the same baseline
tuned as ours is (C and decision margin by inner cross-validation). Targets: F1 >= 0.85.

Speed: checker.reading.spot.score on the seed article's sentences (news prose, longer than most), repeated,
with the shipped model; and spot() on the article's text, segmentation included. Target: 5,000
sentences a second.

The quality half needs the [train] extra (scikit-learn) and the training file, which is not shipped
(data/claimbuster/README.md says how to fetch it; without it this says so in one line and exits 1);
--speed-only runs with the runtime alone.
Usage: .venv/bin/python bench/spot_bench.py [--data PATH] [--folds 5] [--sentences 20000] [--repeat 3]
       [--speed-only]
"""
import argparse
import os
import pathlib
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "scripts"))

from checker.reading import spot  # noqa: E402
from checker.sentences import split_sentences  # noqa: E402
from claimbuster import DEFAULT_DATA, missing  # noqa: E402

ARTICLE = pathlib.Path(__file__).parent.parent / "checker" / "seed" / "article.txt"
F1_TARGET = 0.85
SPEED_TARGET = 5000


def quality(path, folds):
    try:
        import spot_training  # scikit-learn: only the quality half needs the [train] extra
    except ImportError as e:
        sys.exit(f"spot_bench: {e}; install the training extra first: .venv/bin/pip install -e '.[train]' "
                 "(or run with --speed-only)")

    texts, labels = spot_training.read_examples(path)
    print(f"{path}: {len(texts)} sentences, {sum(labels)} check-worthy; {folds}-fold cross-validation, "
          f"balanced test folds of {2 * sum(labels) // folds} sentences on average, seed {spot_training.SEED}")
    results = {}
    for name, predict in [
        ("checker spot (scripts/train-spot, scored by checker.reading.spot)", spot_training.predict_ours),
        ("baseline: TF-IDF words and pairs + logistic regression", spot_training.predict_tfidf),
        ("baseline tuned like ours (C, margin by inner CV)", spot_training.predict_tfidf_tuned),
    ]:
        started = time.perf_counter()
        scores = spot_training.cross_validate(texts, labels, predict, folds)
        results[name] = scores
        print(f"  {name:58} F1 {statistics.mean(scores):.4f}  folds "
              + " ".join(f"{s:.3f}" for s in scores) + f"  ({time.perf_counter() - started:.0f} s)")
    ours, baseline, tuned = (statistics.mean(s) for s in results.values())
    print(f"  ours / baseline: {ours / baseline:.3f}x; ours / tuned baseline: {ours / tuned:.3f}x; "
          f"target F1 >= {F1_TARGET}: {'met' if ours >= F1_TARGET else 'NOT met'}")


def speed(count, repeat, data):
    article = ARTICLE.read_text(encoding="utf-8")
    sentences = [s.text for s in split_sentences(article)]
    corpus = (sentences * (count // len(sentences) + 1))[:count]
    words = statistics.mean(len(s.split()) for s in sentences)
    started = time.perf_counter()
    spot.load_model.cache_clear()
    spot.load_model()
    load_ms = (time.perf_counter() - started) * 1000
    timings = []
    for _ in range(repeat):
        spot.stem.cache_clear()
        started = time.perf_counter()
        spot.score(corpus)
        timings.append(time.perf_counter() - started)
    rate = count / statistics.median(timings)
    text = "\n\n".join([article] * max(1, count // len(sentences)))
    started = time.perf_counter()
    found = spot.spot(text)
    whole = len(found) / (time.perf_counter() - started)
    print(f"speed (model loaded in {load_ms:.0f} ms):")
    print(f"  score(), the seed article's {len(sentences)} sentences ({words:.0f} words on average) repeated to "
          f"{count:,}: {rate:,.0f} sentences/s (median of {repeat}); target {SPEED_TARGET:,}: "
          f"{'met' if rate >= SPEED_TARGET else 'NOT met'}")
    print(f"  spot() on the article repeated, segmentation included: {whole:,.0f} sentences/s ({len(found):,} sentences)")
    if pathlib.Path(data).is_file():
        import json

        distinct = [r["text"] for r in json.loads(pathlib.Path(data).read_text(encoding="utf-8"))]
        spot.stem.cache_clear()
        started = time.perf_counter()
        spot.score(distinct)
        cold = len(distinct) / (time.perf_counter() - started)
        print(f"  score(), {len(distinct):,} distinct sentences of the training file "
              f"({statistics.mean(len(t.split()) for t in distinct):.0f} words on average), one cold pass: "
              f"{cold:,.0f} sentences/s")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--sentences", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--speed-only", action="store_true")
    args = parser.parse_args()
    if not args.speed_only:
        problem = missing(args.data, "spot_bench")
        if problem:
            sys.exit(problem + "; or run with --speed-only")
        quality(args.data, args.folds)
    speed(args.sentences, args.repeat, args.data)


if __name__ == "__main__":
    main()
