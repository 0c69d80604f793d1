"""Figures of speech that narrate a judgement (reading/figurative.py), from a table of cases."""
import pytest

from checker.reading.figurative import IDIOMS, figurative, phrase_pattern, verb_forms

CASES = [
    # a judgement dressed as an action: any form of the verb, an adverb or a possessive between
    ("Ten minutes later, the visitors hammered the final nail into the coffin.", True),
    ("Ten minutes later, the visitors hammered the nail into the coffin.", True),
    ("The union took a leaf out of the miners' book.", True),
    ("Trailing at half-time, Leinster took a page from Munster’s book.", True),
    ("The opposition has finally turned the tide.", True),
    ("With their backs against the wall, the council voted again.", True),
    ("Shareholders breathed a collective sigh of relief.", True),
    ("The governor weighed in on Tuesday.", True),
    ("The senator is the tip of the spear for the campaign.", True),
    ("The late substitution made all the difference.", True),
    ("The company faces an uphill battle in the courts.", True),
    ("The striker drops the ball far too often.", True),
    # literal words, or words of an idiom apart: no figure
    ("Police foiled the plot to bomb the station.", False),
    ("The weight of the ball is 450 grams.", False),
    ("The coffin was carried into the church.", False),
    ("She read the first page of the book aloud.", False),
    ("The tide turned at 4 a.m.", False),
    ("The charge was led by the prosecutor.", False),
]


@pytest.mark.parametrize("sentence,expected", CASES)
def test_figurative(sentence, expected):
    assert figurative(sentence, 0, len(sentence)) is expected


@pytest.mark.parametrize("verb,forms", [
    ("take", ["take", "takes", "took", "taken", "taking"]),
    ("turn", ["turn", "turns", "turned", "turning"]),
    ("raise", ["raise", "raises", "raised", "raising"]),
    ("drop", ["drop", "drops", "dropped", "dropping"]),
    ("weigh", ["weigh", "weighs", "weighed", "weighing"]),
    ("miss", ["miss", "misses", "missed", "missing"]),
])
def test_verb_forms(verb, forms):
    assert verb_forms(verb) == forms


def test_every_idiom_is_a_pattern_that_finds_itself_written_plainly():
    import re

    for phrase in IDIOMS:
        plain = " ".join(w[2:].split("/")[0] if w.startswith("V:") else "their" if w == "POSS"
                         else w.split("/")[0].replace("_", " ") for w in phrase.split())
        assert re.search(phrase_pattern(phrase), plain, re.I), phrase
