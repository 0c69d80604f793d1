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
