"""Page furniture (checker/pages/furniture.py) and datelines (reading/clauses.py): dropped at extraction
and never proposed, tested from tables and on the real pages of tests/data/proposals/."""
import gzip
import pathlib

import pytest
import yaml

from checker.pages.article_html import extract_html_article
from checker.pages.furniture import drop_furniture, furniture_around, furniture_kind, heading_alone, run_in_heading
from checker.reading.frame import core_span
from checker.text import display_text, fold

PAGES = pathlib.Path(__file__).parent / "data" / "proposals"


@pytest.mark.parametrize("paragraph,kind", [
    ("-- By Michael Russell Follow @tdmrussell", "byline"),
    ("By Jane Doe and John Roe", "byline"),
    ("By Tuesday, the council had voted to raise rates.", None),
    ("Update 4/3/2020, 6:20pm ET: This post was updated to include the new federal recommendation.", "editors' note"),  # (round 32)
    ("The views expressed in this article are the author’s own and do not necessarily reflect Al Jazeera’s editorial stance.",
     "editors' note"),
    ("Updated figures show sales rose 5% in May.", None),
    ("The views of voters changed little in May.", None),
    ("Ellesa Throwden reports.", "byline"),  # a broadcast's hand-over and its sign-off (round 30)
    ("MARK BANNERMAN: Olympian Bill Kirby ending that report from Ellesa Throwden.", "byline"),
    ("That was Jane Doe reporting.", "byline"),
    ("Reuters reports that the deal collapsed.", None),
    ("Officials disagreed with that report.", None),
    ("The Agency reports.", "byline"),
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
    # round 11: a box of links run together, where a story came from, a caption under several photos
    ("More Related to this Story Let’s look on the bright side of the economy The year of uncertainty: Retailers brace", "related"),
    ("This story was provided by SpaceNews, dedicated to covering all aspects of the space industry.", "editors' note"),
    ("The story was provided by a source who asked not to be named, police said.", None),
    ("Photos: Former Utah Attorneys General Mark Shurtleff (left) and John Swallow are shown after being released on Tuesday.",
     "photo credit"),
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
    # captions that end or open with a picture's credit, in brackets, after a label or after a slash
    ("Firefighters tackle the blaze at a warehouse in Salford, England (PA)", "caption"),
    ("Voters queue outside a polling station in Kano, Nigeria, on Saturday (AFP/Getty Images)", "caption"),
    ("A farmer inspects his flooded rice field near Sylhet (Reuters)", "caption"),
    ("Protesters gather outside Parliament House in Canberra. (AAP Image/Sam Reid)", "caption"),
    ("Students sit a university entrance exam in Daegu (Yonhap).", "caption"),
    ("Pilgrims circle the Kaaba in Mecca on the first day of Hajj (Photo: Saudi Press Agency)", "caption"),
    ("(AP Photo/Maria Lopez) Fans celebrate in the streets of Rosario after the final.", "caption"),
    ("(File 2019/The Canadian Press) A snowplough clears the Trans-Canada Highway near Golden. Drivers were told to "
     "stay home.", "caption"),
    ("Rescue workers search the rubble of a block of flats in Antakya. Photograph: Emre Kaya/Anadolu", "caption"),
    ("The first tram of the new line leaves the depot in Leith. REUTERS/Tom Hale", "caption"),
    ("Credit: Jane Okafor, SKYWATCH.com View full size image The comet over La Palma. See how it was tracked", "caption"),
    ("Credit: ESA/Hubble", "caption"),
    ("In this Sept. 4, 2020, file photo, workers unload vaccines at the airport in Entebbe, Uganda.", "caption"),
    ("This undated handout photo shows the missing hiker on a ridge above Zermatt.", "caption"),
    ("The rover snapped this shot of the crater rim on its 400th day on the surface. The picture was sent back in "
     "three parts.", "caption"),
    # slideshow counters, with the caption they head
    ("Photo 3 of 12", "slideshow"),
    ("2 of 9. Police cordon off the street in Marseille after the shooting.", "slideshow"),
    # credit lines, however long the list of names
    ("(Additional reporting by Ana Silva in LISBON and Tom Berg in OSLO; Writing by Rui Costa; Editing by Lena Hart)",
     "credit"),
    ("Editing by Priya Nair and Hugo Brandt", "credit"),
    ("Graphic by Marta Ruiz", "credit"),
    ("A special thanks to our data desk, who gathered the figures from 40 councils.", "credit"),
    ("Credit to photo editor Sam Lee and designer Ana Kim for putting together the gallery.", "credit"),
    ("The election map was built for The Herald by Ruth Ng and Omar Farouk using data from the electoral commission.",
     "credit"),
    ("Note: Totals may not add up because of rounding.", "credit"),
    ("Source: U.S. Census Bureau.", "credit"),
    # embedded social posts: the signature, the picture link, or the whole post ending in them
    ("— Jane Kim (@janekim_news) March 3, 2021", "embedded post"),
    ("Water over the main road into Carlisle this morning pic.twitter.com/AbC123xyz — Border Radio (@borderradio) "
     "14 July 2021", "embedded post"),
    ("pic.twitter.com/Zx81Qp", "embedded post"),
    ("The ferry has docked and every passenger is safe. — Coast Guard Ops (@cg_ops_demo) January 2, 2022", "embedded post"),
    # a chart's title and footnotes
    ("Unemployment rate, 2000-2020 (percent)", "chart"),
    ("Road deaths per year: 1990 – 2020 (per 100,000 people)", "chart"),
    ("* Figures for 2021 are provisional.", "chart"),
    ("† Excludes students living with their parents.", "chart"),
    ("** Includes 40 passengers whose nationality is not confirmed", "chart"),
    # newsletter and promo blurbs, teasers for a list or a gallery, links in brackets
    ("Morning Markets is a weekly newsletter from The Ledger that brings the week's biggest deals to your inbox.", "widget"),
    ("This article is part of our series on the future of farming in the Sahel.", "widget"),
    ("The best and worst of the Eurovision final.", "related"),
    ("(Explainer: why the rupee keeps falling)", "related"),
    ("You can read more about the new stadium here.", "related"),
    # a live blog's signposts, with or without the post's time stamp
    ("09.40 We're pausing our live coverage now and will be back in the morning with more.", "signpost"),
    ("More pictures are coming in from the flooded villages.", "signpost"),
    ("14:05 GMT - Here's the latest from our correspondent in Kyiv.", "signpost"),
    ("More on that announcement shortly.", "signpost"),
    ("The latest updates from our team in Nairobi.", "signpost"),
    ("21:40 – Our photo desk has put together a gallery of the night's best images.", "signpost"),
    ("There are more photos and videos on our Instagram page.", "signpost"),
    ("This live blog is now closed.", "signpost"),
    ("More from Aisha Bello in Abuja.", "signpost"),
    ("Disclaimer: The views expressed by experts on Example.com are their own. Example.com advises users to check "
     "with certified experts before taking any investment decisions.", "editors' note"),
    ("This story appears in the March 2019 issue of Harbour Life magazine. Read the print version in stores March 1.",
     "editors' note"),
    ("Priya Nair is a senior reporter at The Coast Daily. Follow her on Twitter.", "author"),
    ("Tom O'Hara is a freelance writer based in Cork. He can be reached at tom@example.com.", "author"),
    ("Dan Forbes, a CFP Board Ambassador, is a regular contributor on financial issues. He leads the firm Forbes Financial "
     "Planning, Inc in East Greenwich, RI and can be reached at dan@example.com.", "author"),  # (round 36)
    ("Jane Doe, a former minister, is a contributor to the party newsletter. She said the budget would pass.", None),
    ("The following chart summarizes the value of the 2019 seizures.", "signpost"),
    ("Here’s the most recent data on seizures — in pounds — from the border agency.", "signpost"),
    ("The table below lists the ten largest donors.", "signpost"),
    # ... and the story's own sentences of the same shapes, which stay
    ("This shows that prices rose 5% in 2019.", None),
    ("The following year, prices rose 5%.", None),
    ("Priya Nair is a senior reporter at The Coast Daily.", None),
    ("Priya Nair is a senior reporter at The Coast Daily, and she broke the story in 2019.", None),
    ("The disclaimer on the form was added in 2019.", None),
    ("This story appears to have started with a post on Facebook.", None),
    ("The AP reported that 12 people died in the fire.", None),
    ("Reuters said on Monday that the talks had collapsed.", None),
    ("(Reuters) - Oil prices fell 2 percent on Tuesday.", None),
    ("The outbreak was declared over by the World Health Organization (WHO).", None),
    ("Shares rose 2 percent on the Bombay Stock Exchange (BSE).", None),
    ("The economy grew 3 percent last year, measured by gross domestic product (GDP).", None),
    ("The limits are set by the Environmental Protection Agency (EPA).", None),
    ("The story was first reported by the Associated Press (AP).", None),
    ("“Connecting with our loved ones will give us strength to weather this difficult passage”. (IANS)", None),  # a wire's sign-off
    ("The minister said the talks would resume in May. (PTI)", None),
    ("Note that the figures exclude Northern Ireland.", None),
    ("Source of the leak was a corroded pipe, engineers said.", None),
    ("\"More photos are coming in every hour,\" the police spokesman said.", None),
    ("\"Reuters got the numbers wrong,\" the minister told parliament.", None),
    ("More than 90 divers are ready to search the wreck.", None),
    ("Reporting by The Guardian revealed that the firm had paid no tax.", None),
    ("Produced by Studio Nine, the film earned $40 million in its first week.", None),
    ("Here is what the data show: exports fell 4 percent in May.", None),
    ("1 of 4 adults in the region has diabetes.", None),
    ("In this image-obsessed age, teenagers post 30 photos a day.", None),
    ("Thanks to lower fuel prices, airlines made a profit of $30 billion.", None),
    ("Thanks to farmers who built dams, the valley survived the drought.", None),
    ("Credit to small firms fell 3 percent in March.", None),
    ("He served as mayor from 1990 to 1998.", None),
    ("More from the sale went to charity than expected.", None),
    ("The agency released three images: one of the crater and two of the rover.", None),
    ("Most Americans back the plan, according to an AP/NORC poll.", None),
    ("* The company cut 300 jobs in May.", None),
    ("The speed limit on the bridge is 30 mph (50 km/h).", None),
    ("Morning Markets is a weekly newsletter with 40,000 subscribers, the company said.", None),
    ("More on this later, the minister said.", None),
    ("Here's the latest on the strike: unions rejected the offer.", None),
    ("The latest news from the front is that the bridge held.", None),
    ("Officials from Agence France-Presse (AFP) were not available.", None),
    ("The vote split along party lines (Democrat/Republican).", None),
    ("The court took this view in 2019, ruling that the law stood.", None),
    ("Exports rose 40 percent 2010-2014 (in dollar terms).", None),
    ("The team's record, 2010-2014, was the best in the league.", None),
    ("* The plant, which employs 300 people, includes a new furnace.", None),
    ("The app was developed by a student in 2012 and now has 5 million users.", None),
    ("Related parties lent the company $5 million, the filing shows, and its auditors said nothing about it "
     "in the annual report that followed, nor in the one after that, although both were signed by the same partner.",
     None),  # long: never furniture
])
def test_furniture_kind(paragraph, kind):
    assert furniture_kind(paragraph) == kind


@pytest.mark.parametrize("text,sentence,furniture", [
    ("2 of 9. Police cordon off the street.\n\nThe council raised rates by 5 percent.", "Police cordon off the street.", True),
    ("2 of 9. Police cordon off the street.\n\nThe council raised rates by 5 percent.",
     "The council raised rates by 5 percent.", False),
    ("Intro.\n\nWe will win. — Jane Kim (@janekim_news) March 3, 2021\n\nMore.", "We will win.", True),
    ("Intro.\n\n(AP Photo/Jo Lee) Crews repair the main. It cost $3 million.\n\nMore.", "It cost $3 million.", True),
    ("Intro.\n\nThe AP said crews repaired the main. It cost $3 million.\n\nMore.", "It cost $3 million.", False),
])
def test_a_sentence_of_a_furniture_paragraph(text, sentence, furniture):
    start = text.index(sentence)
    assert furniture_around(text, start, start + len(sentence)) is furniture


class Paragraph:
    def __init__(self, text):
        self.text = text


def test_a_caption_that_its_credit_line_repeats_is_dropped():
    paragraphs = [Paragraph(t) for t in (
        "The moon has a crust 40 miles thick.", "The far side of the moon at dawn.",
        "Credit: NASA View full size image The far side of the moon at dawn.", "The lander reached it in 2019.",
        "Its dust is finer than flour.", "Credit: NASA View full size image")]
    assert [p.text for p in drop_furniture(paragraphs)] == [
        "The moon has a crust 40 miles thick.", "The lander reached it in 2019.", "Its dust is finer than flour."]


def test_a_press_release_box_on_its_firm_is_dropped_to_the_end():
    story = ["Loan approval rates fell to 11.8% in April.", "Big banks approved 13.1% of requests."]
    about = ["About Biz2Credit", "Founded in 2007, Biz2Credit is responsible for more than $3 billion in financing.",
             "Visit www.biz2credit.com."]
    assert [p.text for p in drop_furniture([Paragraph(t) for t in story + about])] == story
    # a paragraph of the story that opens so, or a heading far from the end, stays
    early = ["About Biz2Credit", *story, "Its index covers 1,000 firms.", "It is published monthly.", "More data follows.",
             "The next report is due in June."]
    assert [p.text for p in drop_furniture([Paragraph(t) for t in early])] == early
    kept = [*story, "About 300 firms applied in May."]
    assert [p.text for p in drop_furniture([Paragraph(t) for t in kept])] == kept


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
    # a list's numbered heading in title case, ending in a quotation (round 11); a sentence of names is no heading
    ("Intro.\n\n2. Shurtleff Allegedly Had A Fixer Who Threatened To 'Bust People Up'\n\nMore.",
     "2. Shurtleff Allegedly Had A Fixer Who Threatened To 'Bust People Up'", True),
    ("Intro.\n\nPrime Minister Justin Trudeau Met President Barack Obama.\n\nMore.",
     "Prime Minister Justin Trudeau Met President Barack Obama.", False),
    ("Intro.\n\nThe mayor said the plan would “Make Toronto Work Again”\n\nMore.",
     "The mayor said the plan would “Make Toronto Work Again”", False),
    # a numbered heading that is a quotation with no stop in it (round 24)
    ("Intro.\n\n3. \"Not some irregular channel\"\n\nMore.", '3. "Not some irregular channel"', True),
    # a line of a list of figures, a name and a colon before what it counts, is a fact; a page's own label is no claim (round 39)
    ("These states have a lot at stake:\n\nIllinois: 10,180 metric tons of spent nuclear fuel\n\nPennsylvania: 7,330 metric "
     "tons", "Illinois: 10,180 metric tons of spent nuclear fuel", False),
    ("Illinois: 10,180 metric tons\n\nNew York: 4,180 metric tons", "New York: 4,180 metric tons", False),
    ("Intro.\n\nUpdated: 5 hours ago\n\nMore.", "Updated: 5 hours ago", True),
    ("Intro.\n\nComments: 312\n\nMore.", "Comments: 312", True),
    ("Intro.\n\nPosted: 12:30 pm\n\nMore.", "Posted: 12:30 pm", True),
])
def test_a_heading_alone(text, span, alone):
    start = text.index(span)
    assert heading_alone(text, start, start + len(span)) is alone


@pytest.mark.parametrize("text,span,run_in", [
    # a numbered heading a paragraph opens with, run in before its body (round 24); never a numbered item alone or one
    # with a figure
    ("Intro.\n\n1. Seeing it too much. How often do you see it?", "1. Seeing it too much.", True),
    ("Intro.\n\n3. Jealousy. It is common.", "3. Jealousy.", True),
    ("Intro.\n\n2. Voters backed it.\n\nMore.", "2. Voters backed it.", False),
    ("Intro.\n\n2. Sales rose 5%. Profit fell.", "2. Sales rose 5%.", False),
    ("Intro. 1. Seeing it too much. How often?", "1. Seeing it too much.", False),  # inside a paragraph
])
def test_a_run_in_heading(text, span, run_in):
    start = text.index(span)
    assert run_in_heading(text, start, start + len(span)) is run_in


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
            "(AP Photo/Jo Lee) Crews repair a burst main. The repairs cost NZ$3 million in 2024.\n\n"
            "Updated 10:47 AM ET, Mon November 6, 2025")
    add_article(empty_db, id="rates", title="Rates rise", text=text, published="2025-11-06")
    propose(empty_db, "rates")
    quotes = [r[0] for r in empty_db.execute("SELECT quote FROM proposals")]
    assert quotes and not [q for q in quotes if "PARIS" in q or "third year" in q or "contributed" in q or "Updated" in q
                              or "21 percent" in q or "0800" in q or "NZ$3 million" in q]
    assert "The council raised water rates by 12 percent in 2025, the mayor said" in quotes
