"""Codes in plain words where Datasette shows them: column names, their values, a table's filters."""
import pytest

from checker.web.labels import column_value, column_words, filter_words


@pytest.mark.parametrize("column,words", [
    ("verdict", "Verdict"), ("article_id", "Article"), ("date_start", "Date start"), ("id", "Number"),
    ("to_verdict", "New verdict"), ("latest_outcome", "Latest check"),
])
def test_column_words(column, words):
    assert column_words(column) == words


@pytest.mark.parametrize("column,value,words", [
    ("verdict", "mostly_accurate", "mostly accurate"), ("kind", "trade_figure", "trade figure"),
    ("health", "unchecked", "not checked yet"), ("latest_outcome", "dns_error", "no such host"),
    ("claim", "a_b", "a_b"),  # not a code: as it is
    ("verdict", None, ""), ("unit", 3, "3"),
])
def test_column_value(column, value, words):
    assert column_value(column, value) == words


@pytest.mark.parametrize("args,said", [
    ([], []),
    ([("verdict", "mostly_accurate")], ["Verdict is mostly accurate"]),
    ([("verdict__exact", "inaccurate"), ("kind__not", "trade_figure")], ["Verdict is inaccurate", "Kind is not trade figure"]),
    ([("date_start__gte", "2010"), ("_sort", "id"), ("_facet", "kind")], ["Date start is at least 2010"]),
    ([("verdict_note__isnull", "1")], ["Verdict note is empty"]),
    ([("claim__glob", "*x*")], ["Claim glob *x*"]),
])
def test_filter_words(args, said):
    assert filter_words(args) == said
