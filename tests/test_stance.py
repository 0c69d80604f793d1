"""Who a sentence gives words to, and when that keeps it from backing a claim (checker/reading/stance.py)."""
import pytest

from checker.reading.stance import said_by_other, speakers

SPEAKERS = [
    # the name before the verb, with or without titles and an apposition
    ("Mario Draghi said the ECB was ready.", ["Mario Draghi"]),
    ("Prime Minister Imran Khan told reporters that trade grew.", ["Imran Khan"]),
    ("Draghi, the bank's president, said it was ready.", ["Draghi"]),
    ("In Islamabad, Nawaz Sharif told reporters that trade would grow.", ["Nawaz Sharif"]),
    ("Khan's spokesman said trade grew.", ["Khan"]),
    # the order turned, and "according to"
    ("\"We are ready,\" said Christine Lagarde, the new president.", ["Christine Lagarde"]),
    ("Trade grew, Sharif said.", ["Sharif"]),
    ("According to Draghi, the ECB is ready.", ["Draghi"]),
    ("Trade grew, according to Cyril Ramaphosa.", ["Cyril Ramaphosa"]),
    ("Trade \"grew,\" Lagarde said, citing Draghi.", ["Lagarde"]),
    # two speakers
    ("Frydenberg said Morrison told him the cost.", ["Frydenberg", "Morrison"]),
    # no named person: a role, a pronoun, a place, an organisation, an acronym, a weekday
    ("The minister said it.", []),
    ("\"It is done,\" he said.", []),
    ("Trade grew, said the ministry.", []),
    ("In Islamabad on Monday, the minister said so.", []),
    ("The Commerce Commission said Kiwibank was fined.", []),
    ("The ECB said it was ready.", []),
    ("Pakistan said trade grew.", []),
    ("Sharif met Khan, who said trade grew.", []),
    # no verb of saying
    ("Olaf Scholz set up a fund in February 2022.", []),
]


@pytest.mark.parametrize("text, expected", SPEAKERS)
def test_speakers(text, expected):
    assert speakers(text) == expected


SAID_BY = [
    # claim, the page's sentence, the claim's names, expected (claim's speaker, sentence's) or None
    ("Draghi said the ECB was ready.", "Lagarde said the ECB was ready.", ["Draghi", "ECB"], ("Draghi", "Lagarde")),
    ("Draghi said the ECB was ready.", "Lagarde, citing Draghi, said it.", ["Draghi", "ECB"], ("Draghi", "Lagarde")),
    ("Draghi said the ECB was ready.", "Mario Draghi said the ECB was ready.", ["Draghi", "ECB"], None),
    ("Draghi said the ECB was ready.", "Lagarde said Draghi told her.", ["Draghi", "ECB"], None),
    ("Draghi said the ECB was ready.", "The ECB was ready, the bank said.", ["Draghi", "ECB"], None),
    # a claim's "speaker" that is not among its names (a common word at the start) settles nothing
    ("Organisers said the Games cost ¥1.42 trillion.", "Koike said the Games cost ¥1.42 trillion.", ["Games"], None),
    # a claim that gives no words to anyone
    ("The ECB raised rates in July 2012.", "Lagarde said the ECB raised rates.", ["ECB"], None),
]


@pytest.mark.parametrize("claim, sentence, names, expected", SAID_BY)
def test_said_by_other(claim, sentence, names, expected):
    assert said_by_other(claim, sentence, names) == expected
