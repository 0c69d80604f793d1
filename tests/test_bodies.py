"""The short name of a body the article named in full (reading/bodies.py), from a table of cases."""
import pytest

from checker.reading.bodies import name_bodies

TEXT = ("The Andrew Lloyd Webber Foundation funds schools. The American Theatre Wing runs the awards. "
        "The Ford Foundation and the Gates Foundation met. ")


@pytest.mark.parametrize("before,claim,expected", [
    # one body of that name before: the claim names it in full, as the text wrote it
    ("The American Theatre Wing", "In 2015, the Foundation gave $2 million.", "In 2015, the Andrew Lloyd Webber Foundation gave $2 million."),
    ("The Ford", "The Wing also trains designers.", "The American Theatre Wing also trains designers."),
    # two bodies of that name before: which one is left unsaid
    (None, "The Foundation met in May.", "The Foundation met in May."),
    # a word in lower case is no short name; "the Foundation of ..." is a name of its own
    ("The American Theatre Wing", "The foundation gave $2 million.", "The foundation gave $2 million."),
    ("The American Theatre Wing", "The Foundation of Hope gave $2 million.", "The Foundation of Hope gave $2 million."),
    # nothing named before
    ("The Andrew", "The Foundation gave $2 million.", "The Foundation gave $2 million."),
])
def test_a_short_name_is_the_body_named_in_full_before(before, claim, expected):
    at = TEXT.index(before) if before else len(TEXT)
    assert name_bodies(TEXT, at, claim) == expected
