"""The writer's appraisal as a clause's whole point (reading/appraisal.py), from a table of cases."""
import pytest

from checker.reading.appraisal import appraises

CASES = [
    # what the writer makes of it, as the predicate or a ranking by taste
    ("From the bench, the chief judge is a tough questioner of the government's lawyers.", True),
    ("Road conditions were not great across most of the Alps.", True),
    ("The Kenyan midfielder looked more comfortable on the left.", True),
    ("The final was simply brilliant.", True),
    ("The minister's defence of the budget rang hollow.", True),
    ("The new stadium isn't particularly impressive.", True),
    ("The singer has had a pretty stellar year.", True),
    ("It was the most riveting debate of the campaign.", True),
    ("The opening ceremony in Lagos became unforgettable.", True),
    # a fact about something, whatever word describes it
    ("The court found the company guilty of fraud.", False),
    ("The plan is controversial among farmers in Punjab.", False),
    ("The debt remains outstanding.", False),
    ("The election was free and fair, observers from the African Union concluded.", False),
    ("After an incredible opening ceremony, the two teams walked out in Seoul.", False),
    ("The most dangerous stretch of the road runs through the pass.", False),
    ("Congress passed tough new limits on campaign spending.", False),
    # someone's view, quoted or reported: theirs, not the writer's
    ("“The director is amazing.”", False),
    ("Voters said the new tax is more impressive than the old one.", False),
    ("Cotton is the most important export of Mali.", False),
    ("Analysts believe the merger is bold.", False),
    # an aside before it or a clause after it may hold a fact: not the writer's appraisal alone
    ("The mayor, who served two terms as a judge in Osaka, was a superb speaker.", False),
    ("His speech wasn't particularly remarkable – he has used the same lines at every rally since May.", False),
    ("The rhetoric was even more remarkable, as he attacked the judge sitting beside him.", False),
    ("The summit in Paris, which drew 40 leaders, was a remarkable event.", False),
    # ... but the commas of a list before its "and" part no aside
    ("Their clashes over abortion, vaccines, and regulation offer some of the most riveting exchanges at the court.", True),
    ("The talks on trade, energy and security were postponed.", False),
    ("The report on wages, prices and rents was a dismal read.", True),
    ("The festival of film, music, and dance in Accra was a stunning success.", True),
]


@pytest.mark.parametrize("clause,expected", CASES)
def test_appraises(clause, expected):
    assert appraises(clause, 0, len(clause)) is expected
