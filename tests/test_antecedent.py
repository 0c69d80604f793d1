"""Whom "he" or "she" in a quotation's tag means, and who speaks a statement a paragraph before leads into
(reading/antecedent.py), from tables of cases: the last sentence of each text is the one asked about."""
import pytest

from checker.reading.antecedent import antecedent, led_in_statement, name_in_tag, pronoun_speaker, quoted_paragraph_speaker
from checker.sentences import split_sentences

CASES = [
    # a single word the article never gives in full may be a body ("Reuters said"): no one
    ("Abney said Wednesday that she arrived two hours early at Washington's Reagan National Airport.\n\n"
     "\"I thought the lines were going to be ridiculous,\" she said in an e-mail.", None),
    # the person the paragraph before named and quoted; a surname alone is given its full name from earlier in the article
    ("Travellers like Latasha Abney joined 43 million Americans on the road.\n\n"
     "Abney said Wednesday that she arrived two hours early.\n\n"
     "\"I thought the lines were going to be ridiculous,\" she said in an e-mail.", "Latasha Abney"),
    ("Ahmed Azza, 37, says he is stopped at every checkpoint. He has been detained twice this year.\n\n"
     "“It’s a violation of our privacy,” he says.", "Ahmed Azza"),
    # sentences naming no one are read past, up to LOOK_BACK
    ("Finance Minister Nirmala Sitharaman said the deficit would narrow. She spoke in Delhi. It rained.\n\n"
     "“We will keep to the path,” she said.", "Nirmala Sitharaman"),
    # two people in the nearest sentence that names anyone: not certain
    ("“No, Justice Alito,” Prelogar said. “I was making a point about students.”\n\n"
     "“Then why speak of business,” he rejoined.\n\n“Because business,” she said, “relies on a pipeline.”", None),
    ("Kofi Mensah met Ama Owusu in Accra, said the report. Mensah said he was pleased.\n\nOwusu said nothing.\n\n"
     "“It went well,” she said.", "Ama Owusu"),
    # two people of one surname in the nearest sentence: not certain ("Ann" given in full earlier is Ann Carter)
    ("According to Ann Carter, the agents believe Bob was one of several people targeted.\n\n"
     "Bob Carter died in August, and his wife Ann says the calls went on. He called the Carter home nine times.\n\n"
     "“What I’m angry about is the peace it took away,” she says.", None),
    # ... nor is a family ("the Carter’s home") someone the pronoun means
    ("According to Ann Carter, the agents believe Bob was one of several people targeted.\n\n"
     "Bob Carter died in August, and his wife Ann says he was harassed. He called the Carter’s home nine times.\n\n"
     "“What I’m angry about is the peace it took away,” she says.", None),
    # an unnamed speaker between: the pronoun may be theirs
    ("Tahseen Elayyan said the work had stopped.\n\n“We are not just numbers,” says a doctor from Hebron. "
     "He now lives in Ramallah.\n\n“There is a tragedy inside every one of us,” he says.", None),
    # a place that looks like a name is no one; nor is a person the article never quotes
    ("Crowds filled San Diego on Tuesday.\n\n“Instead the roads were dead,” he said in an e-mail.", None),
    ("Maria Lopez was seen at the market.\n\n“It was busy,” she said.", None),
    # a surname the article never gave in full stops the reading: never read past it to someone else
    ("Jessica Chastain said the director had cast her early.\n\nChandor praised the two actors' friendship.\n\n"
     "“It was just meant to be,” he said.", None),
    # a place after "in" is no one; a title before a full name is no part of it
    ("Publisher CEO John Sargent said the deal was fair. He spoke in Frankfurt.\n\n“Irony prospers,” he added.",
     "John Sargent"),
    # a title joined by a hyphen to how it was held or to its rank is no part of the name
    ("Ex-President Donald Trump said the trial was unfair.\n\n“It is a witch hunt,” he said.", "Donald Trump"),
    ("Lieutenant-Governor Kathy Hochul said the budget was late.\n\n“We will pass it,” she said.", "Kathy Hochul"),
    ("Then-Chancellor Angela Merkel said the border would stay open.\n\n“We can do this,” she said.", "Angela Merkel"),
    # ... but a hyphenated surname ending in a title's word is the name
    ("Mary Smith-King said the vote was close.\n\n“We lost,” she said.", "Mary Smith-King"),
    # "But she said ..." is the same she, no unnamed speaker
    ("Sister Mary Ann Zollman said the review was over. But she said the talks had been hard.\n\n"
     "“This was about trust,” she said.", "Mary Ann Zollman"),
    # an honorific of the other pronoun
    ("Mrs Jane Holt said the vote was close.\n\n“We lost,” he said.", None),
    ("Mr John Holt said the vote was close.\n\n“We lost,” he said.", "John Holt"),
    ("Sir Keith Joseph said the plan was sound.\n\n“It had to go ahead,” she said.", None),
    # more than two paragraphs back is too far
    ("Patrol Chief James Hall with the city police said Wednesday the parade would go ahead.\n\n"
     "“It looks good,” he said.", "James Hall"),
    ("Yuki Tanaka said the plant would close.\n\nThe plant opened in 1990.\n\nIt employs 400.\n\n"
     "“It is a sad day,” she said.", None),
    # the tag names its speaker: nothing to resolve
    ("Abney said she was early.\n\n“It was quiet,” Abney said.", None),
    # someone the article calls by the other pronoun is not whom the tag's pronoun means ("on Ailes after she told them he
    # assaulted her"), nor is anyone named in a sentence that opens with the pronoun itself (round 37)
    ("Roger Ailes ran the network, and he hired its anchors. A former model said her parents called the police on Ailes "
     "after she told them he assaulted her.\n\n“I remember Ailes sweet-talking my parents,” she says.", None),
    ("Roger Ailes ran the network, and he hired its anchors. She remembers Ailes’s reply: “That is one side of me.”\n\n"
     "“I was terrified,” she said.", None),
    ("Jane Moore ran the network, and she hired its anchors. Moore said the ratings rose.\n\n“We won,” she said.", "Jane Moore"),
    # whom the pronoun told is not the pronoun (round 38)
    ("Since the split, Lady Gaga has insisted they are friends. “I’m very close to Taylor,” she told Howard Stern.\n\n"
     "“He’s been my friend for a really long time,” she said.", None),
    # "they" may be a body or several people: never resolved
    ("Anna Berg said the union would strike.\n\n“We are ready,” they said.", None),
    # a word the article speaks of as a body (founded, a firm, headquarters) is no one the pronoun means (round 39)
    ("Jim Kelvey cofounded Squaro in 2009. Squaro was founded in St. Louis.\n\nIn 2010, a year after Squaro was founded, "
     "Kelvey said he would step back.\n\n\"That slowed me down,\" he told Mashable.", "Jim Kelvey"),
    ("Then NBC executive David Zaslav said the law firm Proskauer Rose would look into it. Zaslav told Proskauer investigators "
     "he feared for his safety.\n\n“I view him as a dangerous man,” he said.", "David Zaslav"),
    ("Jim Kelvey met Squaro in 2009. Kelvey stepped back after Squaro spoke.\n\n\"That slowed me down,\" he said.", None),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_pronoun_speaker(text, expected):
    last = split_sentences(text)[-1]
    assert pronoun_speaker(text, last.start, last.end) == expected


def test_middle_of_a_quotation_goes_with_its_tag():
    text = ("Latasha Abney said she was early.\n\n"
            "“I thought the lines were long,” she said. “I was second in line at the desk.”")
    last = split_sentences(text)[-1]
    assert pronoun_speaker(text, last.start, last.end) == "Latasha Abney"


def test_antecedent_reads_only_before():
    text = "“We lost,” he said. John Holt said the vote was close."
    assert antecedent(text, 0, "he") is None


@pytest.mark.parametrize("claim,who,expected", [
    ("“We lost,” he said.", "John Holt", "“We lost,” John Holt said."),
    ('"We lost," she said in an e-mail.', "Jane Holt", '"We lost," Jane Holt said in an e-mail.'),
    ("“He lost,” said he.", "John Holt", "“He lost,” said John Holt."),  # (only the tag's pronoun)
    ("“We lost,” he said.", None, "“We lost,” he said."),
    ("No quotation here, he said.", "John Holt", "No quotation here, he said."),
])
def test_name_in_tag(claim, who, expected):
    assert name_in_tag(claim, who) == expected


LEAD_INS = [
    # the paragraph after a lead-in that ends in a colon is its speaker's, named by the lead-in however it is written
    ("The agency chief, Tatang Zaenudin, said:\n\nThis morning, we recovered four bodies.", "Tatang Zaenudin"),
    ("Moazzam Malik, the British Ambassador to Indonesia, said:\n\nThe branch has long experience.", "Moazzam Malik"),
    ("Speaking at the airport on Monday, Priya Nair told reporters:\n\nThe runway will reopen on Friday.", "Priya Nair"),
    ("In a statement, the Ministry of Health said:\n\nWaiting lists fell by 20 percent.", "the Ministry of Health"),
    ("The minister said:\n\nWe have cut waiting lists by 20 percent.", "The minister"),
    # "she said:" is the one person the sentences before quote, or stays as written
    ("Ana Souza said the port would close.\n\nShe added:\n\nWe have no other choice.", "Ana Souza"),
    ("The port will close.\n\nHe said:\n\nWe have no other choice.", "He"),
    ("Finance Minister Anna Berg wrote to the committee on Monday. In the letter she says:\n\nInflation will fall.",
     "Anna Berg"),
    ("At New York, David Edelstein says that critics of the film are wrong. He adds:\n\nIt means more than a joke.",
     "David Edelstein"),  # (a place's name, whatever word opens it, is no one)
    # later paragraphs go on with the statement while they speak in the first person
    ("The mayor, Lena Berg, said:\n\nThe bridge is closed.\n\nWe will reopen it by June.", "Lena Berg"),
    ("The mayor, Lena Berg, said:\n\nThe bridge is closed.\n\nTraffic was diverted through the centre.", None),
    # ... never the writer's "our" of everyone ("how close our planet is to its star"; round 39)
    ("A reporter for the Times, Ed Royce, continued:\n\nThe heavens were in a livid red flame.\n\nPopular accounts "
     "appeared everywhere, a reminder of how close our planet is to its star.", None),
    # a lone closing mark may end the statement
    ("Moazzam Malik, the ambassador, said:\n\nOur thoughts are with them.\n\nThe branch has long experience. We stand "
     "ready to help.\"", "Moazzam Malik"),
    # a colon that leads into no statement, quotation marks of the paragraph's own, or no lead-in at all: nobody
    ("The ingredients are:\n\nFlour, 200 grams of sugar and eggs.", None),
    ("Here is what we know:\n\nThe plane left with 162 people on board.", None),
    ("Kofi Annan said:\n\n“We must act now,” he said.", None),
    ("Kofi Annan said the vote was close.\n\nThe plan passed.", None),
]


@pytest.mark.parametrize("text,expected", LEAD_INS)
def test_led_in_statement(text, expected):
    last = split_sentences(text)[-1]
    found = led_in_statement(text, last.start)
    assert (found[0] if found else None) == expected


QUOTED_PARAGRAPHS = [
    # a paragraph that opens with a quotation, after a lead-in that names its speaker
    ("The judge asked about the loans. Trump said:\n\n“The bank liked me very much.”", "Trump"),
    ("Here is an excerpt from an email interview the Tribune did with Dana Cole, the owner.\n\n“We collected 4,000 "
     "signatures.”", "Dana Cole"),
    ("Below is the full text of the statement by Minister Ama Owusu.\n\n“The port will reopen.”", "Ama Owusu"),
    ("Here is an excerpt from an interview a station did with C.K. Walker aka “Lindsey”, who began it.\n\n“We got mixed "
     "reactions.”", "C.K. Walker"),
    # a lead-in that names no one, or a pronoun only, or no lead-in: nobody (the quotation stays as written)
    ("The port will close. He said:\n\n“We have no other choice.”", None),
    ("The mayor spoke next.\n\n“We will rebuild the bridge.”", None),
    # the quotation's own tag, with the speaker's age in it, is its speaker's, never the lead-in's (round 39)
    ("Obama has said he is not inviting Netanyahu.\n\n“I deeply regret it,” Netanyahu, 65, told lawmakers.", None),
    ("Trump said:\n\nThe bank liked me very much.", None),  # (no quotation: led_in_statement's)
]


@pytest.mark.parametrize("text,expected", QUOTED_PARAGRAPHS)
def test_quoted_paragraph_speaker(text, expected):
    last = split_sentences(text)[-1]
    assert quoted_paragraph_speaker(text, last.start) == expected
