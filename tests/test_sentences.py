import pathlib

import pytest
import yaml

from checker.sentences import Sentence, split_lines, split_sentences

CASES = yaml.safe_load((pathlib.Path(__file__).parent / "sentence_cases.yaml").read_text(encoding="utf-8"))["cases"]
ARTICLE = (pathlib.Path(__file__).parent.parent / "checker" / "seed" / "article.txt").read_text(encoding="utf-8")


def test_there_are_enough_cases():
    assert len(CASES) >= 40
    assert len({c["name"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case):
    sentences = split_sentences(case["text"])
    assert [s.text for s in sentences] == case["sentences"]
    for s in sentences:
        assert case["text"][s.start:s.end] == s.text


def test_offsets_cover_the_article_in_order():
    sentences = split_sentences(ARTICLE)
    assert len(sentences) == 26
    assert all(ARTICLE[s.start:s.end] == s.text for s in sentences)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))
    # nothing but whitespace is left between sentences
    gaps = [ARTICLE[a.end:b.start] for a, b in zip([Sentence("", 0, 0)] + sentences, sentences)]
    assert all(not gap.strip() for gap in gaps)
    assert not ARTICLE[sentences[-1].end:].strip()


def test_article_sentences_end_where_they_should():
    texts = [s.text for s in split_sentences(ARTICLE)]
    assert texts[0] == "This post first appeared on\u00a0Future Directions International on 21 March 2012."
    assert "In 2007, Russian Prime Minister Mikhail Fradkov visited Pakistan in what was deemed an historic visit." in texts
    assert any(t.startswith("As stated by the Consulate-General of Russia in Karachi:") and t.endswith("terrorism.’")
               for t in texts)


@pytest.mark.parametrize("text,lines", [
    ("First line\n\n  Second line  \nThird. Still third.\n", ["First line", "Second line", "Third. Still third."]),
    ("", []),
    ("\n \n", []),
    ("One", ["One"]),
])
def test_split_lines(text, lines):
    sentences = split_lines(text)
    assert [s.text for s in sentences] == lines
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_crlf_line_ends():
    text = "Budget passes\r\n\r\nThe vote was 52 to 48. It was close.\r\n"
    assert [s.text for s in split_sentences(text)] == ["Budget passes", "The vote was 52 to 48.", "It was close."]
