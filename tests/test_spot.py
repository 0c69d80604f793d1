import json
import math
import pathlib

import pytest

from checker.reading import spot
from checker.sentences import Sentence

ARTICLE = (pathlib.Path(__file__).parent.parent / "checker" / "seed" / "article.txt").read_text(encoding="utf-8")

# Clearly check-worthy news sentences: figures, currencies, dates, "the first ... to", attributions.
CHECKWORTHY = [
    # budgets and the economy
    ("budget, pounds", "The government will spend £1.2bn on flood defences over the next five years, the Treasury said."),
    ("budget, naira", "Nigeria's 2024 budget of ₦28.7 trillion is the largest in the country's history."),
    ("deficit, percent", "India's fiscal deficit narrowed to 5.6% of GDP in the year to March, from 6.4% a year earlier."),
    ("spending bill", "Congress approved a $1.7 trillion spending bill on Friday, averting a government shutdown."),
    ("budget, shillings", "Kenya's parliament approved a KSh3.9 trillion budget on Thursday."),
    ("unemployment", "Unemployment fell to 3.9% in October, the Office for National Statistics said."),
    # elections
    ("turnout", "Turnout was 67.4%, the highest since 1992, according to the electoral commission."),
    ("seats", "The ruling party won 240 of 543 seats, 63 fewer than in 2019."),
    ("first woman president", "Sheinbaum won 59.8% of the vote, becoming the first woman elected president of Mexico."),
    # health
    ("malaria deaths", "Malaria killed an estimated 608,000 people in 2022, the World Health Organization said."),
    ("measles cases", "Measles cases in Europe rose from 941 in 2022 to 42,200 in 2023."),
    ("life expectancy", "Life expectancy in the United States fell to 76.4 years in 2021, the lowest level since 1996."),
    # sport
    ("world record", "Mondo Duplantis cleared 6.26 metres in Paris, breaking his own world record for the ninth time."),
    ("first to win both", "She became the first woman to win the Tour de France and the Giro d'Italia in the same year."),
    ("most titles", "Real Madrid have won the Champions League 15 times, more than any other club."),
    # courts
    ("ruling", "The Supreme Court ruled 6-3 on Monday that the law was unconstitutional."),
    ("sentence", "The former minister was sentenced to seven years in prison for accepting $2.3 million in bribes."),
    # climate
    ("temperature", "Global temperatures in 2023 were 1.48C above pre-industrial levels, making it the hottest year on record."),
    ("emissions", "Carbon dioxide emissions from energy rose 1.1% in 2023 to a record 37.4 billion tonnes, the IEA reported."),
    # firsts, trade, attribution
    ("first head of state", "Putin became the first Russian head of state to visit Pakistan."),
    ("first country", "Rwanda was the first country in the world to ban plastic bags."),
    ("trade figure", "Two-way trade between Russia and Pakistan reached US$630 million in 2008."),
    ("census", "According to the census, the city's population grew by 12% between 2011 and 2021."),
]

# Clearly not: page furniture, greetings, questions, opinions and exhortations.
NOT_CHECKWORTHY = [
    ("share", "Share this article"),
    ("newsletter", "Sign up for our newsletter"),
    ("read more", "Read more"),
    ("subscribe", "Click here to subscribe"),
    ("thanks", "Thank you all for coming this evening."),
    ("welcome", "Good morning and welcome to the programme."),
    ("congratulations", "Congratulations to the whole team!"),
    ("what next", "What happens next?"),
    ("will they resign", "Will the minister resign?"),
    ("how did we get here", "How did we get here?"),
    ("i think", "I think we should all be a bit kinder to each other."),
    ("we must", "We must do better for our children."),
    ("sad day", "This is a sad day for everyone who loves the game."),
    ("move on", "It is time to move on."),
    ("let me be clear", "Let me be clear about one thing."),
    ("we hope", "We hope you enjoyed the show."),
    ("voters deserve", "Voters deserve better than this."),
]


@pytest.mark.parametrize("sentence", [s for _, s in CHECKWORTHY], ids=[n for n, _ in CHECKWORTHY])
def test_checkworthy_news_scores_above_the_threshold(sentence):
    [p] = spot.score([sentence])
    assert p >= spot.THRESHOLD, p


@pytest.mark.parametrize("sentence", [s for _, s in NOT_CHECKWORTHY], ids=[n for n, _ in NOT_CHECKWORTHY])
def test_not_checkworthy_scores_below_the_threshold(sentence):
    [p] = spot.score([sentence])
    assert p < spot.THRESHOLD, p


def test_the_seed_article_flags_its_trade_figures():
    found = spot.spot(ARTICLE)
    trade = [s for s in found if "US$630 million" in s["sentence"]]
    assert len(trade) == 1 and trade[0]["checkworthy"]
    assert trade[0]["sentence"].startswith("For example, according to the website of the Consulate-General")
    dated = [s for s in found if "Mikhail Fradkov" in s["sentence"] or "in February 2003" in s["sentence"]]
    assert len(dated) == 2 and all(s["checkworthy"] for s in dated)
    # the trade sentence outranks most of the article's analysis
    assert trade[0]["score"] >= sorted(s["score"] for s in found)[len(found) // 2]


def test_spot_gives_each_sentence_with_its_offsets():
    found = spot.spot(ARTICLE)
    assert len(found) == 26
    for s in found:
        assert set(s) == {"sentence", "score", "checkworthy", "start", "end"}
        assert ARTICLE[s["start"]:s["end"]] == s["sentence"]
        assert 0.0 <= s["score"] <= 1.0
        assert s["checkworthy"] == (s["score"] >= spot.THRESHOLD)
    json.dumps(found)  # what `checker spot --json` prints


def test_spot_lines_takes_each_line_as_a_sentence():
    text = "Turnout was 67.4%. It was the highest since 1992.\n\nShare this article\n"
    found = spot.spot(text, lines=True)
    assert [s["sentence"] for s in found] == ["Turnout was 67.4%. It was the highest since 1992.", "Share this article"]
    assert [text[s["start"]:s["end"]] for s in found] == [s["sentence"] for s in found]
    assert found[0]["checkworthy"] and not found[1]["checkworthy"]


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_nothing_to_spot(text):
    assert spot.spot(text) == [] and spot.spot(text, lines=True) == []


def test_score_takes_strings_or_sentences():
    text = "Unemployment fell to 3.9% in October."
    assert spot.score([text]) == spot.score([Sentence(text, 0, len(text))])
    assert spot.score([]) == []


@pytest.mark.parametrize("sentence,expected", [
    ("Trade reached US$630 million in 2008.", {"f:money", "f:scale", "f:<year>", "f:figure", "w:<money>"}),
    ("Inflation was 3.5% in March.", {"f:<percent>", "f:month", "w:<percent>"}),
    ("It rose 12 per cent in the 1990s.", {"f:<percent>", "f:<decade>"}),
    ("According to Reuters, the talks failed.", {"f:attribution", "f:names=1", "p:according to"}),
    ("It was the largest protest since 1989.", {"f:comparison", "f:<year>", "f:past"}),
    ("I think we should cut taxes.", {"f:opinion", "f:first", "f:modal", "p:i think", "k:^ FIRST"}),
    ("Why did he do it?", {"f:question", "k:^ WH"}),
    ("Fradkov visited Pakistan.", {"k:w PAST", "k:PAST NAME", "f:names=1", "f:past", "s:visit"}),
])
def test_features(sentence, expected):
    assert expected <= spot.features(sentence)


def test_the_model_is_plain_json_that_credits_the_dataset():
    raw = spot.MODEL_PATH.read_bytes()
    assert not raw.startswith(b"\x80")  # a pickle's opening byte
    model = json.loads(raw.decode("utf-8"))
    dataset = model["metadata"]["dataset"]
    assert dataset["doi"] == "10.5281/zenodo.3609356"
    assert dataset["authors"] == ["Fatma Arslan", "Naeemul Hassan", "Chengkai Li", "Mark Tremayne"]
    assert "A Benchmark Dataset of Check-worthy Factual Claims" in dataset["citation"]
    assert "ICWSM 2020" in dataset["citation"]
    assert model["features_version"] == spot.FEATURES_VERSION
    assert isinstance(model["bias"], float) and math.isfinite(model["bias"])
    assert len(model["weights"]) > 1000
    for feature, entry in model["weights"].items():
        assert isinstance(feature, str) and len(feature) < 200
        assert isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, (int, float)) for x in entry)
    evaluation = model["metadata"]["evaluation"]
    assert evaluation["f1_checkworthy_mean"] >= 0.85


def test_no_pickled_models_ship_in_the_package():
    package = spot.MODEL_PATH.parent
    assert not [p for ext in ("pkl", "pickle", "joblib", "npy", "npz") for p in package.rglob(f"*.{ext}")]


def test_a_model_for_other_features_is_refused(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"features_version": 0, "bias": 0.0, "weights": {}}), encoding="utf-8")
    with pytest.raises(ValueError, match="train-spot"):
        spot.load_model(path)


def test_a_model_can_be_passed_in():
    model = {"features_version": spot.FEATURES_VERSION, "bias": 0.0, "weights": {"f:<percent>": [4.0, 1.0]}}
    assert spot.score(["Inflation was 3.5%.", "Hello."], model=model) == [1 / (1 + math.exp(-4.0)), 0.5]


@pytest.mark.parametrize("program", [["scripts/train-spot"], ["bench/spot_bench.py", "--data"]])
def test_without_the_training_file_the_scripts_say_how_to_fetch_it(tmp_path, program):
    """ClaimBuster's file is not shipped (data/claimbuster/README.md): one line naming the command that
    fetches it, exit status 1, no traceback."""
    import subprocess
    import sys

    repo = pathlib.Path(__file__).parent.parent
    result = subprocess.run([sys.executable, str(repo / program[0]), *program[1:], str(tmp_path / "train.json")],
                            capture_output=True, text=True, timeout=120, cwd=repo)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "no ClaimBuster training file" in result.stderr and "curl -L --create-dirs -o data/claimbuster/train.json" in result.stderr
