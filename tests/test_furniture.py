"""Page furniture (checker/pages/furniture.py) and datelines (reading/clauses.py): dropped at extraction
and never proposed, tested from tables and on the real pages of tests/data/proposals/."""
import gzip
import pathlib

import pytest
import yaml

from checker.pages.article_html import extract_html_article
from checker.pages.furniture import furniture_kind, heading_alone
from checker.reading.frame import core_span
from checker.text import display_text, fold

PAGES = pathlib.Path(__file__).parent / "data" / "proposals"


@pytest.mark.parametrize("paragraph,kind", [
    ("-- By Michael Russell Follow @tdmrussell", "byline"),
    ("By Jane Doe and John Roe", "byline"),
    ("By Tuesday, the council had voted to raise rates.", None),
    ("CNN’s Christine Romans and Emily Jane Fox contributed to this report", "credit"),
    ("Reporting by Jane Doe in Nairobi; editing by John Roe", "credit"),
    ("This story has been updated with additional developments.", "credit"),
    ("CNN", "photo credit"),
    ("Getty Images", "photo credit"),
    ("Photo: Jane Doe/Reuters", "photo credit"),
    ("Image caption, The bridge before the flood", "photo credit"),
    ("(Reporting by Jane Doe in London; Editing by John Roe)", "credit"),
    ("Contact the reporter at jane@example.com.", "credit"),
    ("Our Standards: The Trust Principles.", "credit"),
    ("(Sourcing: much of this list was obtained from the National Conference of State Legislatures).", "credit"),
    ("Source: Office for National Statistics", "credit"),
    ("Sources said the deal was close, and the minister agreed.", None),
    ("Related: Trade talks stall again", "related"),
    ("Read more: the budget in charts", "related"),
    ("Watch: the minister's speech", "related"),
    ("Loading weather data ...", "widget"),
    ("Advertisement", "widget"),
    ("Sign up for our morning newsletter.", "widget"),
    ("Continue reading the main story", "widget"),
    ("Copyright 2023 Cable News Network", "widget"),
    ("Follow The Daily Planet on Facebook and Twitter for more football news.", "widget"),
    ("Follow us on Instagram", "widget"),
    ("312 comments", "count"),
    ("1.2k shares", "count"),
    ("Updated 10:47 AM ET, Mon November 6, 2023", "date"),
    ("Published: 6 November 2023", "date"),
    ("November 2023", "date"),
    ("Correction: This report has been amended to give the right number of flights cancelled, 212, and other "
     "figures that depended on it. An earlier version of this report said 312. The airline confirmed the figure.",
     "editors' note"),
    ("An earlier version of this article misspelled the name of the Kenyan health minister.", "editors' note"),
    ("A previous version of this post said the bridge opened in 1998.", "editors' note"),
    ("Clarification: The survey covered households in Quebec only.", "editors' note"),
    ("EDITOR’S NOTE — The reporter owns shares in neither company.", "editors' note"),
    ("This article originally appeared on The Conversation and is republished under a Creative Commons licence.",
     "editors' note"),
    ("This piece was originally published in Le Monde.", "editors' note"),
    ("Anyone with information about the fire is asked to call Crimestoppers anonymously on 0800 555 111.", "appeal"),
    ("Those with information on the hit-and-run are asked to contact the Gauteng police tip line at 08600 10111 "
     "or send a message through the MySAPS app.", "appeal"),
    ("Detectives are urging anyone who witnessed the collision to come forward.", "appeal"),
    ("Police ask anyone with doorbell footage from the street to contact them.", "appeal"),
    ("Anonymous tips can also be submitted online.", "appeal"),
    ("Got a news tip? Email the newsroom.", "appeal"),
    ("Follow Priya Raman on Twitter.", "widget"),
    ("Okafor A, Mensah K, et al. 2019. Rainfall and well depth in the Sahel. Climate Letters 12(3): 101-109. "
     "doi:10.1234/cl.2019.0512", "reference"),
    ("Bauer, H. & Lindqvist, E. (2021). Reindeer herding under warmer winters. Polar Ecology 44: 7-19. "
     "https://doi.org/10.5555/pe.2021.44", "reference"),
    ("doi:10.1016/j.marpol.2020.104233", "reference"),
    # the story's own sentences, however they start
    ("Corrections officers in three states went on strike in 2019.", None),
    ("Clarification of the rules is expected from the regulator in May.", None),
    ("The story first appeared in a Lagos weekly in 2009 and was soon picked up abroad.", None),
    ("An earlier version of the bill would have cut the levy by half.", None),
    ("An earlier version of this story, published in March, gave the 2019 figure as well.", None),  # another story, not a correction
    ("Those with knowledge of the talks said the premier may call an election in March.", None),
    ("The council urged residents with flooded basements to call 311, and 4,000 did.", None),
    ("Anyone with information about the fraud could face charges, the prosecutor said.", None),
    ("Exports rose 5 percent in 2023.", None),
    ("Subscribers rose 12 percent last year.", None),
    ("Share prices fell 3 percent.", None),
    ("In November 2023 the council met.", None),
    ("NASA said the launch was delayed.", None),
    ("Follow-on orders for the jets came from Poland in 2023.", None),
    ("Police followed the suspects on the motorway for an hour.", None),
    ("Video, shared on social media, shows soldiers firing.", None),
    ("Contact tracing began on Monday, officials said.", None),
    ("The lesson, as always: you are what you search.", None),
    ("The study, by Okafor and colleagues, appeared in Climate Letters on Monday (doi:10.1234/cl.2019.0512).", None),
    ("Related parties lent the company $5 million, the filing shows, and its auditors said nothing about it "
     "in the annual report that followed, nor in the one after that, although both were signed by the same partner.",
     None),  # long: never furniture
])
def test_furniture_kind(paragraph, kind):
    assert furniture_kind(paragraph) == kind


@pytest.mark.parametrize("sentence,core", [
    ("(CNN) -- The Pennsylvania official was talking about one area.", "The Pennsylvania official was talking about one area"),
    ("PARIS — The talks ended without a deal.", "The talks ended without a deal"),
    ("WASHINGTON (AP) — The Senate passed the bill.", "The Senate passed the bill"),
    ("LONDON (Reuters) - Britain's economy grew 0.2%.", "Britain's economy grew 0.2%"),
    ("NAIROBI, June 3 (Reuters) - Kenya's inflation eased to 4.4% in May.", "Kenya's inflation eased to 4.4% in May"),
    ("NEW YORK, N.Y. -- A judge ruled on Monday.", "A judge ruled on Monday"),
    ("The US — and China — agreed.", "The US — and China — agreed"),
    ("GDP — the broadest measure — fell.", "GDP — the broadest measure — fell"),
])
def test_a_dateline_is_in_no_claim(sentence, core):
    lo, hi = core_span(sentence, 0, len(sentence))
    assert sentence[lo:hi] == core


@pytest.mark.parametrize("text,span,alone", [
    ("Intro.\n\nThe campaign comes to the courtroom\n\nTrump said it.", "The campaign comes to the courtroom", True),
    ("Intro.\n\nStorm prompts airlines to relax travel policies\n\nMore.", "Storm prompts airlines to relax travel policies", True),
    ("Intro.\n\nThe campaign came to the courtroom.\n\nMore.", "The campaign came to the courtroom.", False),
    ("Intro.\n\nIt came in “two weeks”\n\nMore.", "It came in “two weeks”", False),
    ("Intro. The campaign comes to the courtroom", "The campaign comes to the courtroom", False),  # inside a paragraph
    ("Intro.\n\nDefeating the champions 3-0 in front of a full home crowd in Seoul, the same team that lost the final a year "
     "ago finally made amends\n\nMore.", "Defeating the champions 3-0 in front of a full home crowd in Seoul, the same team "
     "that lost the final a year ago finally made amends", False),  # a lede that lost its full stop: too long for a heading
    # a roundup's headline with the outlet it comes from
    ("Intro.\n\nTraders Brace For A Weaker Rand In 2015 (Business Day)\n\nMore.",
     "Traders Brace For A Weaker Rand In 2015 (Business Day)", True),
    ("Intro.\n\nPrices rose sharply in May (see the chart below)\n\nMore.", "Prices rose sharply in May (see the chart below)", False),
    ("Intro.\n\nThe rand fell 3% in May (a record).\n\nMore.", "The rand fell 3% in May (a record).", False),
])
def test_a_heading_alone(text, span, alone):
    start = text.index(span)
    assert heading_alone(text, start, start + len(span)) is alone


def folded(text):
    return " ".join(fold(display_text(text)).split())


@pytest.mark.parametrize("page", sorted(p.name[:-len(".html.gz")] for p in (PAGES / "pages").glob("*.html.gz")))
def test_real_pages_lose_their_furniture_and_keep_their_story(page):
    """Every paragraph kept is the story's, and every sentence of the page's key is still there."""
    article = extract_html_article(gzip.decompress((PAGES / "pages" / f"{page}.html.gz").read_bytes()))
    paragraphs = article.text.split("\n\n")
    assert [p for p in paragraphs if furniture_kind(p)] == []
    for furniture in ("contributed to this report", "Loading weather data", "By Michael Russell Follow"):
        assert furniture not in article.text
    text = folded(article.text)
    key = yaml.safe_load((PAGES / "keys" / f"{page}.yaml").read_text(encoding="utf-8"))
    assert [c["sentence"] for c in key["claims"] if folded(c["sentence"]) not in text] == []


def test_headings_and_furniture_are_never_proposed(empty_db):
    from checker.propose import propose
    from checker.store.claims import add_article

    text = ("PARIS — The council raised water rates by 12 percent in 2025, the mayor said.\n\n"
            "Rates rise again for the third year\n\n"
            "The utility spent NZ$45 million on pipe repairs in 2024, according to its annual report.\n\n"
            "Jane Doe and John Roe contributed to this report.\n\n"
            "Correction: An earlier version of this story gave the rise as 21 percent.\n\n"
            "Anyone with information on the burst main is asked to call the utility at 0800 123 456.\n\n"
            "Updated 10:47 AM ET, Mon November 6, 2025")
    add_article(empty_db, id="rates", title="Rates rise", text=text, published="2025-11-06")
    propose(empty_db, "rates")
    quotes = [r[0] for r in empty_db.execute("SELECT quote FROM proposals")]
    assert quotes and not [q for q in quotes if "PARIS" in q or "third year" in q or "contributed" in q or "Updated" in q
                              or "21 percent" in q or "0800" in q]
    assert "The council raised water rates by 12 percent in 2025, the mayor said" in quotes
