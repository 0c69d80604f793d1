"""Benchmark: `checker propose` on articles of growing size, to show it is linear (run by hand, not by CI).

Each article is made of news paragraphs written for this benchmark (trade, budgets, elections, health,
courts, disasters, sport, climate: figures in several currencies, dates, titles, attributions and
quotations), repeated with their figures, years and names varied on each round so that no two rounds
say the same thing, with a cited link on each paragraph's first sentence. Each size runs in a fresh
database holding the seed article and its claims, and an earlier article of the same paragraphs (other
figures and names) whose proposals were all accepted as claims, so that proposals are compared with
recorded claims that share their words.

Per size it prints: the read phase (find_proposals) over the whole article, every proposal it holds
(no limit): seconds and seconds per MB; then a run as `checker propose` makes it, at most
MAX_NEW_PROPOSALS new proposals: its read phase, its write phase (save_proposals), and the write
phase's milliseconds per proposal saved. Last, the ratio of the read phase's seconds per MB at the
largest size to the smallest's (linear time gives about 1.0), and the process's peak RSS.

Usage: .venv/bin/python bench/propose_bench.py [--sizes 50K,250K,1M,5M] [--profile SIZE]
"""
import argparse
import cProfile
import os
import pstats
import resource
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from checker.store import claims
from checker import propose  # noqa: E402
from checker.store.db import open_db  # noqa: E402
from checker.errors import CheckerError  # noqa: E402
from checker.store.seed import load_seed  # noqa: E402
from checker.sentences import split_sentences  # noqa: E402

# {n}: a figure of every paragraph its own (no two paragraphs say the same); {n2}, {k}, {k2}: other figures; {y}, {y0},
# {y2}: years; {p}, {q}: people; {c}, {d}: places; {m}: a month.
PARAGRAPHS = (
    "Exports from {c} to {d} rose to US${n} million in {y}, up from US${n2} million a year earlier, according "
    "to the national statistics office. Officials said the increase came mostly from machinery and farm goods.",
    "Finance Minister {p} told parliament on {m} 14, {y} that the deficit would fall to {k}.{k2}% of output, about €{n} "
    "million, by the end of the next fiscal year. Opposition members said the forecast relied on growth that had not been seen "
    "since {y0}.",
    "The council approved a budget of €{n} million for road repairs, the largest in its history, after a vote "
    "of 31 to 12. Mayor {q} said work would begin in {m} and last about eighteen months.",
    "At least {k} people were killed and {n} injured when floods swept through the {c} valley on {m} 3, the "
    "regional governor said. Rescue teams were still searching for 14 missing villagers on Tuesday.",
    "“We have never seen demand like this before,” said {p}, who has run the cooperative since {y0}. The group "
    "sold {n} tonnes of coffee last season, twice what it sold in {y}.",
    "The court fined the company £{n} million for breaching competition rules between {y0} and {y}. Judge {q} "
    "said the firm had shared prices with three rivals at meetings in {d} and {c}.",
    "Turnout in the {y} election was {k}.{k2} percent, the lowest since the country's first free vote, the "
    "electoral commission said. The governing party won {n2} of the {n} seats in the lower house.",
    "Health officials recorded {n} new cases of measles in the first six months of {y}, against {n2} in the same "
    "period a year earlier. Dr {p}, the chief medical officer, urged parents to vaccinate their children.",
    "President {q} arrived in {d} on {m} 7 for a three-day state visit, the first by a head of state from {c} "
    "in more than {k} years. The two governments are expected to sign agreements worth US${n} million on energy and transport.",
    "The central bank raised its main interest rate by 0.{k2} percentage points to {k}.{k2}%, its {k}th increase "
    "since {m} {y0}. Governor {p} said inflation, at {k}.{k2}% in {m}, remained well above the target, and that lending had grown by "
    "€{n} million.",
    "Unemployment fell to {k}.{k2}% in the second quarter, the statistics agency said on Thursday. About {n},000 "
    "jobs were added in construction and retail, while manufacturing shed {n2},000 positions.",
    "The national team beat {d} 3-1 on Saturday in front of {n},000 spectators, its first win over its neighbour "
    "since {y0}. Coach {q} said the result showed what the young squad could do.",
    "Emissions from power stations in {c} fell by {k}% in {y}, the environment ministry reported, as {n} "
    "megawatts of wind and solar capacity came online. Campaigners said the cuts were still too slow.",
    "According to the ministry of defence, the navy will take delivery of {k} patrol ships by {y2}, at a cost "
    "of US${n} million. The contract was signed in {d} in {m} {y}.",
    "Police arrested {k} people after protests outside parliament on {m} 21, a spokesman said. He said {n} "
    "officers had been deployed and that two of them were treated in hospital.",
    "The airline carried {n},000 passengers in {y}, {k}% more than the year before, and posted a profit of "
    "${n2} million, its chief executive, {p}, said in a statement on Monday.",
    "Rainfall in {m} was {k}% below the long-term average, the weather service said, the driest {m} since records "
    "began in {y0}. Farmers in the north, who planted {n},000 hectares this year, have been told to expect water "
    "restrictions.",
    "The trade agreement, signed in {d} on {m} 12, {y}, removes duties on {n} goods and is expected to raise "
    "two-way trade between {c} and {d} to US${n2} billion by {y2}.",
    "Prime Minister {q} said on Wednesday that the government would build {n},000 homes over the next five "
    "years. Critics noted that a similar pledge in {y0} had produced fewer than {n2},000.",
    "Hospital waiting lists grew to {n},000 patients in {m}, a record, figures from the health service show. "
    "The number waiting more than a year rose by {k}% to {n2},000.",
    "The minister, {p}, resigned on {m} 30 after an inquiry found that she had misled parliament about contracts "
    "worth €{n} million. She denied any wrongdoing and said she would clear her name.",
    "Share prices in {c} fell {k}.{k2}% on Friday, their biggest one-day fall since {m} {y0}, after the "
    "government announced a windfall tax on banks. The tax is expected to raise US${n} million a year.",
    "{c} and {d} have held {k} rounds of talks on their border since {y0}, and a further meeting is planned for "
    "{m} {y2} in {d}, where a trade deal worth US${n} million could be signed, the foreign ministry said.",
    "The university said {n} students enrolled this year, {k}% more than last year, and that fees would rise by "
    "€{n2} from {m}. The students' union called the rise unfair.",
)
PEOPLE = ("Amara Okafor", "Lena Brandt", "Tomas Reyes", "Priya Nair", "Jonas Weber", "Sofia Marin", "Kwame Mensah",
          "Elif Demir", "Mateo Silva", "Hana Sato", "Oskar Lind", "Ines Duarte", "Ravi Menon", "Clara Novak",
          "Yusuf Aydin", "Maya Cohen", "Arjun Rao", "Nadia Haddad", "Pavel Kral", "Grace Mwangi")
PLACES = ("Norland", "Estavia", "Kareli", "Portmere", "Valdoria", "Ostrava Bay", "Lunaria", "Sarkand", "Belmora",
          "Tiranos", "Quellen", "Dravik")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
TITLE = "A year of figures: what the record shows"


def paragraph(template, i):
    """One paragraph of round i: its figures, years, people and places varied by i."""
    y = 2001 + i % 23
    return template.format(
        n=100 + i, n2=60 + (i * 13) % 400, k=2 + i % 17, k2=i % 10, y=y, y0=y - 1 - i % 9, y2=y + 2,
        p=PEOPLE[i % len(PEOPLE)], q=PEOPLE[(i * 7 + 3) % len(PEOPLE)], c=PLACES[i % len(PLACES)],
        d=PLACES[(i * 5 + 1) % len(PLACES)], m=MONTHS[i % 12])


def make_article(size, first=0):
    """News text of at least size characters, paragraphs apart (first: the round to start from)."""
    parts, length, i = [], 0, 0
    while length < size:
        round_ = i + first * len(PARAGRAPHS)
        text = paragraph(PARAGRAPHS[i % len(PARAGRAPHS)], round_ // len(PARAGRAPHS) * 31 + round_)
        parts.append(text)
        length += len(text) + 2
        i += 1
    return "\n\n".join(parts)


def size_of(text):
    units = {"K": 1000, "M": 1000 * 1000}
    text = text.strip().upper()
    return int(float(text[:-1]) * units[text[-1]]) if text[-1] in units else int(text)


def prepare(db):
    """The seed, and an earlier article from one round of the paragraphs (other figures and names) whose
    proposals were all accepted: claims for the benchmark's proposals to be compared with."""
    load_seed(db)
    claims.add_article(db, id="earlier", title="Earlier coverage", text=make_article(8000, first=7),
                       published="2023-01-15")
    propose.propose(db, "earlier")
    for (proposal_id,) in db.execute("SELECT id FROM proposals WHERE article_id = 'earlier'").fetchall():
        try:
            propose.accept(db, proposal_id, by="bench")
        except CheckerError:
            pass  # a restatement recorded twice


def add_article(db, article_id, size):
    """An article of about size characters, with a link on the first sentence of each paragraph."""
    text = make_article(size)
    # inserted as Datasette's JSON API would: add_article refuses a text over MAX_TEXT_CHARS, which 5 MB is
    db["articles"].insert({"id": article_id, "title": TITLE, "text": text, "published": "2024-06-30"})
    links = []
    for index, body in enumerate(text.split("\n\n")):
        sentence = split_sentences(body)[0].text
        links.append({"article_id": article_id, "url": f"https://stats.example/{index}", "anchor": sentence[:20],
                      "sentence": sentence, "paragraph": index})
    db["article_links"].insert_all(links)
    return text


def run(size, folder, profile=False):
    """propose on an article of about size characters, in a database of its own: the read phase over
    the whole article (every proposal it holds, uncapped), then a run as `checker propose` makes it
    (at most MAX_NEW_PROPOSALS new ones: its read phase, then its write phase)."""
    db = open_db(os.path.join(folder, f"bench-{size}.db"), create=True)
    prepare(db)
    article_id = f"bench-{size}"
    text = add_article(db, article_id, size)
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    everything = propose.find_proposals(db, article_id, limit=None)
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(40)
    read_all = time.perf_counter() - started
    started = time.perf_counter()
    found = propose.find_proposals(db, article_id)
    read = time.perf_counter() - started
    started = time.perf_counter()
    result = propose.save_proposals(db, found)
    write = time.perf_counter() - started
    db.conn.close()
    return {"bytes": len(text.encode("utf-8")), "sentences": everything.sentences, "all": len(everything.rows),
            "read_all": read_all, "added": len(result.added), "read": read, "write": write}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="50K,250K,1M,5M", help="article sizes, in characters (K, M)")
    parser.add_argument("--profile", metavar="SIZE", help="profile the read phase at this size (cProfile) and stop")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.profile:
            run(size_of(args.profile), folder, profile=True)
            return
        per_mb = []
        print(f"{'':>10} {'':>9} | {'read phase, every proposal':^30} | {'a run of checker propose':^43}")
        print(f"{'bytes':>10} {'sentences':>9} | {'proposals':>9} {'seconds':>9} {'s per MB':>9} | "
              f"{'new':>5} {'read s':>7} {'write s':>8} {'ms per write':>12} {'total s':>7}")
        for size in [size_of(s) for s in args.sizes.split(",")]:
            r = run(size, folder)
            per_mb.append(r["read_all"] / (r["bytes"] / 1e6))
            print(f"{r['bytes']:>10,} {r['sentences']:>9,} | {r['all']:>9,} {r['read_all']:>9.2f} {per_mb[-1]:>9.2f} | "
                  f"{r['added']:>5,} {r['read']:>7.2f} {r['write']:>8.2f} {1000 * r['write'] / r['added']:>12.2f} "
                  f"{r['read'] + r['write']:>7.2f}", flush=True)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"read phase, largest / smallest seconds per MB: {per_mb[-1] / per_mb[0]:.2f} (linear: about 1.0); "
              f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
