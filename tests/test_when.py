"""Times read against the article's date (checker/reading/when.py), from tests/when_cases.yaml."""
import pathlib

import pytest
import yaml

from checker.reading.page_index import fold_page
from checker.reading.when import parse_published, read_times

CASES = yaml.safe_load((pathlib.Path(__file__).parent / "when_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_times_read_against_the_article_date(case):
    text = case["text"]
    found = read_times(fold_page(text), text, 0, len(text), parse_published(str(case["published"])),
                       locale=case.get("locale"))
    assert [[text[w.start:w.end], w.first, w.last] for w in found] == [[str(v) for v in t] for t in case["times"]]
    if "written" in case:
        assert found[0].written == case["written"]
    if "bound" in case:  # a bound of what the sentence says ("since 2003", "after the 2008 crisis"), not its time
        assert [w.since for w in found] == case["bound"]


# A day given without its year after the last day written in full, in an earlier year and near it, is of that year: a
# story set then goes on (reading/relative.py story_year; round 39: "6 December 2010" for a submarine sunk in 1941)
@pytest.mark.parametrize("before,sentence,published,expected", [
    ("HMS Perseus sank on 6 December 1941, off Kefalonia. ", "On the rough winter night of 6 December, the crew escaped.",
     "2011-12-05", "1941-12-06"),
    ("Noon approached on September 1, 1859, and Carrington was at work. ", "It began with a similar incident on August 28.",
     "2012-05-02", "1859-08-28"),
    ("The siege began on 3 August 1914. ", "In August, the town fell.", "2014-06-01", "1914-08"),
    # a day far from the last one written in full, or after a full day of the article's own year: the article's date decides
    ("The firm was founded on March 3, 1998. ", "On August 28, it cut 500 jobs.", "2012-10-02", "2012-08-28"),
    ("The law took effect on January 1, 2012. ", "On January 10, the governor signed it.", "2012-10-02", "2012-01-10"),
])
def test_a_story_set_in_another_year_dates_its_days_in_that_year(before, sentence, published, expected):
    text = before + sentence
    found = read_times(fold_page(text), text, len(before), len(text), parse_published(published))
    assert [w.first for w in found] == [expected]
