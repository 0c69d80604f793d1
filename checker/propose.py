"""Proposed claims: an article's check-worthy sentences (spot.py) taken apart into atomic claims
(atomic.py), each with the links the article gives for it and the claims already recorded that it
repeats; a person accepts one (it becomes a claim) or rejects it. The library behind `checker
propose`, `checker proposals`, `checker accept` and `checker reject`."""
import json
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from . import spot
from .atomic import atomise
from .claims import add_claim, get_article
from .db import transaction
from .errors import InvalidInput, NotFound
from .facts import claim_facts, index_page
from .match import assess
from .names import FUNCTION_WORDS
from .sentences import split_sentences
from .text import clean, display_text, normalise, quote_occurs
from .urls import http_urls, normalise_url
from .vocab import PROPOSAL_STATUSES

MAX_REPEATS = 10  # a proposal names at most this many claims it repeats, the closest first
CANDIDATES = 60  # claims a proposal is compared with in full, found by full-text search and by figure
WORDING = 60  # rapidfuzz, 0-100: how alike the wording of claims whose facts agree must be to repeat
SHARED_RUN = 6  # words in a row that two quotes share and that make them the same words of some article
FIGURE_TOLERANCE = 0.005  # figures this close (a share of the larger) are the same figure


@dataclass
class ProposeResult:
    article_id: str
    sentences: int
    checkworthy: int
    added: list = field(default_factory=list)  # ids of the new proposals
    already: int = 0  # proposals found again, already recorded
    repeating: int = 0  # new proposals that repeat a recorded claim


def propose(db, article_id, *, model=None):
    """Propose the atomic claims of an article's check-worthy sentences; rerunning adds only what is
    new (a proposal is its article, quote and restatement). Returns a ProposeResult."""
    article = get_article(db, article_id)
    text = article["text"]
    sentences = split_sentences(text)
    scores = spot.score(sentences, model)
    kept = {s: round(p, 4) for s, p in zip(sentences, scores) if p >= spot.THRESHOLD}
    atoms = atomise(text, list(kept), published=article.get("published"))
    result = ProposeResult(article["id"], len(sentences), len(kept))
    recorded = {(r["quote"], r["claim"]) for r in db.query(
        "SELECT quote, claim FROM proposals WHERE article_id = ?", [article["id"]])}
    links = [dict(r) for r in db.query(
        "SELECT url, anchor, sentence, paragraph FROM article_links WHERE article_id = ? ORDER BY paragraph, id",
        [article["id"]])]
    breaks = [m.end() for m in re.finditer(r"\n[ \t\r\f\v\u00a0]*\n\s*", text)]
    finder = RepeatFinder(db, article["id"])
    rows = []
    for atom in atoms:
        if (atom.quote, atom.claim) in recorded:
            result.already += 1
            continue
        recorded.add((atom.quote, atom.claim))
        paragraph = sum(1 for b in breaks if b <= atom.sentence.start)
        repeats = finder.find(atom)
        result.repeating += bool(repeats)
        rows.append({
            "article_id": article["id"], "quote": atom.quote, "kind": atom.kind, "claim": atom.claim,
            "value": atom.value, "unit": atom.unit, "date_start": atom.date_start, "date_end": atom.date_end,
            "score": kept[atom.sentence], "sentence": atom.sentence.text,
            "cited_urls": json.dumps(http_urls(cited_urls(links, atom.sentence.text, paragraph))),
            "repeats": json.dumps(repeats),
        })
    with transaction(db):
        for row in rows:
            result.added.append(db["proposals"].insert(row).last_pk)
    return result


def cited_urls(links, sentence, paragraph):
    """The article's links that bear on a sentence: those standing in it, else those of its
    paragraph whose sentence was not recorded."""
    mine = " ".join(normalise(sentence).split())

    def same(other):
        other = " ".join(normalise(other).split())
        return other == mine or (min(len(other), len(mine)) >= 20 and (other in mine or mine in other))

    urls = [link["url"] for link in links if link["sentence"] and same(link["sentence"])]
    if not urls:
        urls = [link["url"] for link in links if not link["sentence"] and link["paragraph"] == paragraph]
    return list(dict.fromkeys(urls))


# --- repeats ---------------------------------------------------------------------------------

def words_of(text):
    return re.findall(r"\w+", normalise(text))


def shared_run(a, b):
    """The longest run of words two texts share, as a list of (folded) words."""
    best, previous = (0, 0), [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        current = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                current[j] = previous[j - 1] + 1
                if current[j] > best[0]:
                    best = (current[j], i)
        previous = current
    return a[best[1] - best[0]:best[1]]


def same_words(run, mine, theirs, quote):
    """True when two quotes are the same words of an article: one holds the whole of the other (of
    two words or more), or they share a long run of words that says more than a name ("the visit
    will take place in September this year", not "the Consulate-General of Russia in Karachi")."""
    if len(run) >= 2 and len(run) == min(len(mine), len(theirs)):
        return True
    if len(run) < SHARED_RUN:
        return False
    capitalised = {w.lower() for w in re.findall(r"\w+", display_text(quote)) if w[:1].isupper()}
    said = [w for w in run if w not in capitalised and w not in FUNCTION_WORDS and not w.isdigit()]
    return len(said) >= 2


class RepeatFinder:
    """Finds, for a proposal, the claims of other articles that state the same fact: the same words
    of an article (a run of words the quotes share), or the same figures, dates and names (the
    matcher's reading of the claim, found in the proposal's quote and sentence) in like wording. A
    figure of another size is another fact, whatever the words."""

    def __init__(self, db, article_id):
        self.db = db
        self.article_id = article_id
        self.any = db.execute("SELECT EXISTS (SELECT 1 FROM claims WHERE article_id != ?)", [article_id]).fetchone()[0]
        self.facts = {}

    def find(self, atom):
        """[{"claim_id", "score" (0-1), "verdict"}] of the claims an Atom repeats, the closest first."""
        if not self.any:
            return []
        page = None
        found = []
        for claim in self.candidates(atom):
            if page is None:
                page = index_page(atom.quote + "\n" + atom.sentence.text)
            score = self.score(atom, claim, page)
            if score:
                found.append({"claim_id": claim["id"], "score": score, "verdict": claim["verdict"]})
        found.sort(key=lambda r: (-r["score"], r["claim_id"]))
        return found[:MAX_REPEATS]

    def candidates(self, atom):
        """A cheap first cut: claims sharing the quote's rarer words (full-text search, best first) or
        its figure."""
        terms = [w for w in dict.fromkeys(words_of(atom.quote))
                 if (len(w) > 2 or w.isdigit()) and w not in FUNCTION_WORDS][:40]
        columns = "id, article_id, quote, claim, kind, value, unit, date_start, date_end, verdict"
        rows = {}
        if terms:
            query = "{quote claim} : (" + " OR ".join(f'"{t}"' for t in terms) + ")"
            for r in self.db.query(
                    f"SELECT {', '.join('claims.' + c.strip() for c in columns.split(','))} FROM claims_fts "
                    "JOIN claims ON claims.rowid = claims_fts.rowid WHERE claims_fts MATCH ? AND claims.article_id != ? "
                    f"ORDER BY rank LIMIT {CANDIDATES}", [query, self.article_id]):
                rows[r["id"]] = dict(r)
        if atom.value is not None:
            margin = abs(float(atom.value)) * FIGURE_TOLERANCE
            for r in self.db.query(
                    f"SELECT {columns} FROM claims WHERE unit = ? AND value BETWEEN ? AND ? AND article_id != ? "
                    f"LIMIT {CANDIDATES}", [atom.unit, atom.value - margin, atom.value + margin, self.article_id]):
                rows.setdefault(r["id"], dict(r))
        return list(rows.values())

    def score(self, atom, claim, page):
        """How surely an Atom repeats a claim, 0 (not at all) to 1."""
        if atom.value is not None and claim["value"] is not None:
            larger = max(abs(float(atom.value)), abs(float(claim["value"])))
            if (atom.unit or "").upper() != (claim["unit"] or "").upper() or \
                    abs(float(atom.value) - float(claim["value"])) > FIGURE_TOLERANCE * larger:
                return 0
        mine, theirs = words_of(atom.quote), words_of(claim["quote"])
        run = shared_run(mine, theirs)
        wording = max(fuzz.token_set_ratio(normalise(atom.claim), normalise(claim["claim"])),
                      fuzz.partial_ratio(normalise(atom.quote), normalise(claim["quote"])))
        if same_words(run, mine, theirs, atom.quote):
            return round(max(wording, 90) / 100, 2)
        facts = self.facts.get(claim["id"])
        if facts is None:
            facts = self.facts[claim["id"]] = claim_facts(claim)
        if not facts or wording < WORDING:
            return 0
        quote_end = len(display_text(atom.quote))
        for fact in facts:
            hits = fact.find(page)
            if not hits or (fact.kind != "name" and min(hits) >= quote_end):
                return 0  # every fact on the page; figures and dates in the quote itself
        if all(f.kind == "name" for f in facts) and wording < 85:
            return 0
        result = assess(claim, None, page)
        if result.support != "supports":
            return 0
        same_kind = 5 if atom.kind == claim["kind"] else 0
        return round(min(100, (wording + result.score) / 2 + same_kind) / 100, 2)


# --- reading, accepting, rejecting -------------------------------------------------------------

def get_proposal(db, proposal_id):
    rows = list(db["proposals"].rows_where("id = ?", [proposal_id]))
    if not rows:
        raise NotFound("proposal", proposal_id)
    return rows[0]


def list_proposals(db, *, article_id=None, status=None):
    """Proposals (all, or of one article, or in one status), each with its cited URLs and repeats
    decoded and the repeated claims' verdicts as they stand now."""
    where, params = [], []
    if clean(status) is not None:
        if clean(status) not in PROPOSAL_STATUSES:
            raise InvalidInput(f"unknown status {status!r}: expected one of {', '.join(PROPOSAL_STATUSES)}").at("status")
        where.append("status = ?")
        params.append(clean(status))
    if clean(article_id) is not None:
        get_article(db, clean(article_id))
        where.append("article_id = ?")
        params.append(clean(article_id))
    rows = [dict(r) for r in db.query(
        "SELECT * FROM proposals" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY article_id, id",
        params)]
    ids = {r["claim_id"] for row in rows for r in json.loads(row["repeats"])}
    verdicts = {}
    if ids:
        verdicts = {r["id"]: r["verdict"] for r in db.query(
            f"SELECT id, verdict FROM claims WHERE id IN ({', '.join('?' * len(ids))})", list(ids))}
    texts = {article: get_article(db, article)["text"] for article in {row["article_id"] for row in rows}}
    sentences = {}  # each article's, split once, and only when a proposal needs them
    for row in rows:
        row["cited_urls"] = json.loads(row["cited_urls"])
        row["repeats"] = [{**r, "verdict": verdicts.get(r["claim_id"], r.get("verdict"))}
                          for r in json.loads(row["repeats"])]
        text = texts[row["article_id"]]
        row["standing"] = standing(row, text)
        if row["standing"] == "sentence_changed":
            if row["article_id"] not in sentences:
                sentences[row["article_id"]] = split_sentences(text)
            row["sentence_now"] = sentence_now(row, text, sentences[row["article_id"]])
    return rows


def standing(proposal, text):
    """How a proposal stands in its article's text, which `checker import --refresh` may have changed
    since: "current" (its sentence is there word for word), "sentence_changed" (its quote is there,
    but not the sentence it was made from: its restatement may describe the earlier wording), or
    "quote_gone" (its words are not there at all, and it cannot become a claim as it is)."""
    if not quote_occurs(proposal["quote"], text):
        return "quote_gone"
    if proposal.get("sentence") and not quote_occurs(proposal["sentence"], text):
        return "sentence_changed"
    return "current"


def sentence_now(proposal, text, sentences=None):
    """The sentence of the article's text that now holds a proposal's quote (None if none does):
    what to compare its restatement with once that sentence has changed. ``sentences``: the text's
    own, when the caller has split it already."""
    at = text.find(proposal["quote"])
    if at < 0:
        return None
    return next((s.text for s in sentences or split_sentences(text) if s.start <= at < s.end), None)


def on_earlier_text(db, article_id):
    """The ids of an article's open proposals made from sentences its text no longer has."""
    return [row["id"] for row in list_proposals(db, article_id=article_id, status="proposed")
            if row["standing"] != "current"]


def describe_repeats(repeats):
    """"repeats claim 23 (rated inaccurate)", for a proposal's repeats; "" when there are none."""
    if not repeats:
        return ""

    def one(r):
        verdict = r.get("verdict") or "unrated"
        return f"{r['claim_id']} ({'unrated' if verdict == 'unrated' else 'rated ' + verdict.replace('_', ' ')})"

    return f"repeats claim{'s' if len(repeats) > 1 else ''} " + ", ".join(one(r) for r in repeats)


def _open(db, proposal_id, action):
    proposal = get_proposal(db, proposal_id)
    if proposal["status"] != "proposed":
        also = f" as claim {proposal['claim_id']}" if proposal["claim_id"] else ""
        raise InvalidInput(f"proposal {proposal['id']} is already {proposal['status']}{also}: "
                           f"only a proposed one can be {action}")
    return proposal


def accept(db, proposal_id, *, claim=None, kind=None, value=None, unit=None, date_start=None, date_end=None,
           by=None):
    """Turn a proposal into a claim, its cited URLs as `cited` sources, and mark it accepted, in one
    transaction; returns the claim's id. Each field given replaces the proposal's: a value keeps the
    proposal's unit unless a unit is given too, and a date start without a date end is a date of
    its own (the proposal's end is dropped)."""
    with transaction(db):
        proposal = _open(db, proposal_id, "accepted")
        where = standing(proposal, get_article(db, proposal["article_id"])["text"])
        if where == "quote_gone":
            raise InvalidInput(
                f"proposal {proposal['id']} quotes words that article {proposal['article_id']} no longer has (its "
                f"text changed on a refresh): reject it, or run `checker propose {proposal['article_id']}` for the new text")
        if where == "sentence_changed" and clean(claim) is None:
            raise InvalidInput(
                f"proposal {proposal['id']} was made from a sentence that article {proposal['article_id']} no longer "
                "has word for word (its text changed on a refresh): read the new sentence, then accept with --claim "
                "restating it, or reject it")
        fields = {k: proposal[k] for k in ("kind", "claim", "value", "unit", "date_start", "date_end")}
        if clean(claim) is not None:
            fields["claim"] = claim
        if clean(kind) is not None:
            fields["kind"] = kind
        if value is not None and str(value).strip():
            fields["value"] = value
        if clean(unit) is not None:
            fields["unit"] = unit
        if clean(date_start) is not None:
            fields["date_start"], fields["date_end"] = date_start, None
        if clean(date_end) is not None:
            fields["date_end"] = date_end
        urls = {}
        for url in json.loads(proposal["cited_urls"]):
            urls.setdefault(normalise_url(url), url)
        claim_id = add_claim(db, article_id=proposal["article_id"], quote=proposal["quote"],
                             sources=[{"url": u} for u in urls.values()], added_by=by, **fields)
        db["proposals"].update(proposal["id"], {"status": "accepted", "claim_id": claim_id})
    return claim_id


def mark_accepted(db, proposal_id, claim_id):
    """Record that a proposal became a claim the editor wrote (the workbench's pre-filled form)."""
    with transaction(db):
        proposal = _open(db, proposal_id, "accepted")
        db["proposals"].update(proposal["id"], {"status": "accepted", "claim_id": claim_id})


def reject(db, proposal_id):
    """Mark a proposal rejected."""
    with transaction(db):
        proposal = _open(db, proposal_id, "rejected")
        db["proposals"].update(proposal["id"], {"status": "rejected"})
    return proposal["id"]
