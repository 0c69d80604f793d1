"""Proposals grounded in the article's words, on real sentences: every sentence the keys of
tests/data/proposals/ log (news pages of six publishers) is taken apart as `checker propose` takes it
apart, and every proposal must quote it word for word and claim only what it says: its own words, or a
restatement the matcher finds backed by it (reading/grounding.py), with no figure or date it lacks."""
import pathlib
from collections import defaultdict

import pytest
import yaml

from checker.reading.atomic import atomise, read_article, sentence_times
from checker.reading.frame import core_span
from checker.reading.restatement import written
from checker.reading.speech import find_quotations
from checker.reading.figures import NUMBER_WORDS
from checker.reading.grounding import grounded, own_words
from checker.sentences import Sentence

KEYS = pathlib.Path(__file__).parent / "data" / "proposals" / "keys"


def real_sentences():
    """(publisher, published, sentence) of every sentence the keys log, each once."""
    seen, found = set(), []
    for path in sorted(KEYS.glob("*.yaml")):
        key = yaml.safe_load(path.read_text(encoding="utf-8"))
        for claim in key["claims"]:
            sentence = " ".join(claim["sentence"].split())
            if sentence not in seen:
                seen.add(sentence)
                found.append((key["publisher"], str(key["published"]), sentence))
    return found


SENTENCES = real_sentences()


def test_the_table_is_large_and_varied():
    publishers = defaultdict(int)
    for publisher, _, _ in SENTENCES:
        publishers[publisher] += 1
    assert len(SENTENCES) >= 100 and len(publishers) >= 6, dict(publishers)


@pytest.mark.parametrize("publisher,published,sentence", SENTENCES, ids=[s[2][:60] for s in SENTENCES])
def test_every_proposal_says_only_what_its_sentence_says(publisher, published, sentence):
    reading = read_article(sentence, published)
    lo, hi = core_span(sentence, 0, len(sentence))
    whens = sentence_times(reading, Sentence(sentence, 0, len(sentence)), find_quotations(sentence, lo, hi))
    said = written(sentence, lo, hi, whens)
    words = reading.folded.replace("-", " ").split()
    numbers = [amount for _, _, amount, _ in reading.numbers] + [NUMBER_WORDS[w] for w in words if w in NUMBER_WORDS]
    for atom in atomise(sentence, published=published):
        assert sentence[atom.start:atom.end] == atom.quote
        assert atom.kind == "title" or own_words(atom.claim, said) or grounded(
            atom.claim, said, atom.value, atom.unit, atom.date_start, atom.date_end), atom.claim
        if atom.value is not None:  # a figure the sentence gives, whatever its scale or currency
            assert any(abs(atom.value - n) <= 0.01 * abs(n) for n in numbers), (atom.value, atom.claim)
        if atom.date_start is not None and atom.kind != "title":  # a time the sentence gives or implies
            # (a claim of several dates that are no series spans them: its start and its end are each given)
            assert any(w.first <= atom.date_start <= w.last + "\uffff" for w in whens) and any(
                w.first <= (atom.date_end or atom.date_start) <= w.last + "\uffff" for w in whens), (atom.date_start, atom.claim)
