"""How an article calls a person (reading/pronouns.py), from a table of cases."""
import pytest

from checker.reading.pronouns import pronoun_of

CASES = [
    ("Though Ailes had married his college girlfriend, he used his power. Ailes left in 1968.", "Ailes", "he"),
    ("Moore said she would run. Later Moore told her staff.", "Moore", "she"),
    # a pronoun inside a quotation after the name is no word of the writer's about them
    ("Moore said: “He is wrong.” Moore left.", "Moore", None),
    # the first pronoun after the name in its sentence counts, once per mention; a tie says nothing
    ("Ailes offered her a job. Ailes and his wife left.", "Ailes", None),
    ("Nothing names anyone here.", "Ailes", None),
]


@pytest.mark.parametrize("text,surname,expected", CASES)
def test_pronoun_of(text, surname, expected):
    assert pronoun_of(text, surname) == expected
