"""Proposed claims: an article's check-worthy sentences (spot.py) taken apart into atomic claims
(atomic.py), each with the links the article gives for it and the claims already recorded that it
repeats; a person accepts one (it becomes a claim) or rejects it. The library behind `checker
propose`, `checker proposals`, `checker accept` and `checker reject`."""
import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from rapidfuzz import fuzz
from sqlite_utils import Database

from .pages.furniture import furniture_around, heading_alone, run_in_heading
from .reading import spot
from .reading.antecedent import led_in_statement, quoted_paragraph_speaker
from .reading.panel import quoted_turn
from .reading.atomic import Atom, iter_atoms
from .reading.speech import named_speaker, quotation_speaker, quoted_person
from .store.claims import add_claim, current_user, get_article
from .store.db import transaction
from .errors import DuplicateClaim, InvalidInput, NotFound
from .reading.facts import Fact, claim_facts, index_page
from .limits import MAX_NEW_PROPOSALS, MAX_SENTENCE_CHARS
from .reading.match import assess
from .reading.cited_links import ArticleLinks, LinkRow
from .reading.names import FUNCTION_WORDS
from .reading.page_index import PageIndex
from .reading.wording import Wording, same_words, shared_run, words_of
from .sentences import Sentence, split_sentences
from .store.rows import CandidateClaim, ListedProposal, NewProposal, Proposal, Repeat
from .text import clean, quote_occurs
from .urls import http_urls, normalise_url
from .vocab import PROPOSAL_STATUSES

MAX_REPEATS = 10  # a proposal names at most this many claims it repeats, the closest first
CANDIDATES = 60  # claims a proposal is compared with in full, found by full-text search and by figure
WORDING = 60  # rapidfuzz, 0-100: how alike the wording of claims whose facts agree must be to repeat
FIGURE_TOLERANCE = 0.005  # figures this close (a share of the larger) are the same figure



@dataclass
class ProposeResult:
    article_id: str
    sentences: int
    checkworthy: int
    added: list[int] = field(default_factory=list)  # ids of the new proposals
    already: int = 0  # proposals found again, already recorded
    repeating: int = 0  # new proposals that repeat a recorded claim
    more: bool = False  # the run stopped at its limit of new proposals: another run adds the rest
    too_long: int = 0  # check-worthy sentences left out for being over MAX_SENTENCE_CHARS (a table run together)


@dataclass
class FoundProposals:
    """What the read phase (find_proposals) found, for the write phase (save_proposals) to record."""

    article_id: str
    text: str  # the article's text they were made from: saving refuses them if it has changed since
    sentences: int
    checkworthy: int
    rows: list[NewProposal] = field(default_factory=list)  # new proposals, as rows of the proposals table
    already: int = 0
    more: bool = False  # stopped at the limit, with more new proposals to come
    too_long: int = 0  # check-worthy sentences left out for being over MAX_SENTENCE_CHARS


def propose(db: Database, article_id: str, *, model: spot.SpotModel | None = None,
            limit: int | None = MAX_NEW_PROPOSALS) -> ProposeResult:
    """Propose the atomic claims of an article's check-worthy sentences, at most ``limit`` new ones
    (None: all); rerunning adds only what is new (a proposal is its article, quote and restatement),
    so a run stopped at the limit is continued by the next. Returns a ProposeResult.

    Two phases, so that a server can run the long one off its write connection: find_proposals
    only reads; save_proposals writes what it found in one short transaction."""
    return save_proposals(db, find_proposals(db, article_id, model=model, limit=limit))


def find_proposals(db: Database, article_id: str, *, model: spot.SpotModel | None = None,
                   limit: int | None = MAX_NEW_PROPOSALS) -> FoundProposals:
    """The read phase: the new proposals of an article (a FoundProposals), at most ``limit`` (None:
    all), the first in reading order; it reads the database and writes nothing. Its time grows with
    the article's length and with the proposals it finds, no faster."""
    article = get_article(db, article_id)
    text = article["text"]
    # a heading, a caption or a line of furniture, or a sentence of a paragraph that is one, is never a claim
    sentences = [s for s in split_sentences(text)
                 if not heading_alone(text, s.start, s.end) and not furniture_around(text, s.start, s.end)
                 and not run_in_heading(text, s.start, s.end)]
    scores = spot.score(sentences, model)
    # who said what is check-worthy whatever the model scores it: a statement given to a named speaker
    worthy = [(s, p) for s, p in zip(sentences, scores)
              if p >= spot.THRESHOLD or named_speaker(text, s.start, s.end) or quotation_speaker(text, s.start, s.end)
              or quoted_person(text, s.start, s.end) or led_in_statement(text, s.start) is not None
              or quoted_paragraph_speaker(text, s.start) or quoted_turn(text, s.start)]
    kept = {s: round(p, 4) for s, p in worthy if len(s.text) <= MAX_SENTENCE_CHARS}
    atoms = iter_atoms(text, list(kept), published=article.get("published"), locale=article.get("locale"))
    found = FoundProposals(article["id"], text, len(sentences), len(worthy), too_long=len(worthy) - len(kept))
    recorded = recorded_proposals(db, article["id"])
    links = ArticleLinks([cast(LinkRow, dict(r)) for r in db.query(
        "SELECT url, anchor, sentence, paragraph FROM article_links WHERE article_id = ? ORDER BY paragraph, id",
        [article["id"]])])
    breaks = [m.end() for m in re.finditer(r"\n[ \t\r\f\v\u00a0]*\n\s*", text)]
    finder = RepeatFinder(db, article["id"])
    for atom in atoms:
        if (atom.quote, atom.claim) in recorded:
            found.already += 1
            continue
        if limit is not None and len(found.rows) >= limit:
            found.more = True
            break
        recorded.add((atom.quote, atom.claim))
        paragraph = bisect_right(breaks, atom.sentence.start)  # the breaks before it
        found.rows.append({
            "article_id": article["id"], "quote": atom.quote, "kind": atom.kind, "claim": atom.claim,
            "value": atom.value, "unit": atom.unit, "date_start": atom.date_start, "date_end": atom.date_end,
            "score": kept[atom.sentence], "sentence": atom.sentence.text,
            "cited_urls": json.dumps(http_urls(links.urls(atom.sentence.text, paragraph))),
            "repeats": json.dumps(finder.find(atom)),
        })
    return found


def recorded_proposals(db: Database, article_id: str) -> set[tuple[str, str]]:
    """The (quote, claim) of every proposal already made from an article."""
    return {(r["quote"], r["claim"]) for r in db.query(
        "SELECT quote, claim FROM proposals WHERE article_id = ?", [article_id])}


def save_proposals(db: Database, found: FoundProposals) -> ProposeResult:
    """The write phase: record what find_proposals found, in one transaction, and return a
    ProposeResult. A proposal recorded in between (another run) counts as already proposed; an
    article whose text changed in between is refused, and nothing is written."""
    result = ProposeResult(found.article_id, found.sentences, found.checkworthy, already=found.already,
                           more=found.more, too_long=found.too_long)
    with transaction(db):
        if get_article(db, found.article_id)["text"] != found.text:
            raise InvalidInput(f"the text of article {found.article_id!r} changed while its claims were proposed: "
                               "propose again")
        recorded = recorded_proposals(db, found.article_id)
        for row in found.rows:
            if (row["quote"], row["claim"]) in recorded:
                result.already += 1
                continue
            columns = list(row)
            cursor = db.execute(f"INSERT INTO proposals ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                                [row[c] for c in columns])  # type: ignore[literal-required]  # row's own keys
            result.added.append(cast(int, cursor.lastrowid))
            result.repeating += row["repeats"] != "[]"
    return result


# --- repeats ---------------------------------------------------------------------------------

class RepeatFinder:
    """Finds, for a proposal, the claims of other articles that state the same fact: the same words
    of an article (a run of words the quotes share), or the same figures, dates and names (the
    matcher's reading of the claim, found in the proposal's quote and sentence) in like wording. A
    figure of another size is another fact, whatever the words."""

    def __init__(self, db: Database, article_id: str) -> None:
        self.db = db
        self.article_id = article_id
        self.any = db.execute("SELECT EXISTS (SELECT 1 FROM claims WHERE article_id != ?)", [article_id]).fetchone()[0]
        self.facts: dict[int, list[Fact]] = {}
        self.wordings: dict[int, Wording] = {}  # claim id -> its Wording, read once a run

    def find(self, atom: Atom) -> list[Repeat]:
        """[{"claim_id", "score" (0-1), "verdict"}] of the claims an Atom repeats, the closest first."""
        if not self.any:
            return []
        page: PageIndex | None
        mine: Wording | None
        page = mine = None
        found: list[Repeat] = []
        for claim in self.candidates(atom):
            if page is None:
                page = index_page(atom.quote + "\n" + atom.sentence.text)
                mine = Wording(atom.quote, atom.claim)
            score = self.score(atom, claim, page, mine)
            if score:
                found.append({"claim_id": claim["id"], "score": score, "verdict": claim["verdict"]})
        found.sort(key=lambda r: (-r["score"], r["claim_id"]))
        return found[:MAX_REPEATS]

    def candidates(self, atom: Atom) -> list[CandidateClaim]:
        """A cheap first cut: claims sharing the quote's rarer words (full-text search, best first) or
        its figure."""
        terms = [w for w in dict.fromkeys(words_of(atom.quote))
                 if (len(w) > 2 or w.isdigit()) and w not in FUNCTION_WORDS][:40]
        columns = "id, article_id, quote, claim, kind, value, unit, date_start, date_end, verdict"
        rows: dict[int, Any] = {}  # id -> a CandidateClaim
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

    def score(self, atom: Atom, claim: CandidateClaim, page: PageIndex, mine: Wording | None = None) -> float:
        """How surely an Atom repeats a claim, 0 (not at all) to 1. mine: the atom's Wording, when the
        caller has it."""
        if atom.value is not None and claim["value"] is not None:
            larger = max(abs(float(atom.value)), abs(float(claim["value"])))
            if (atom.unit or "").upper() != (claim["unit"] or "").upper() or \
                    abs(float(atom.value) - float(claim["value"])) > FIGURE_TOLERANCE * larger:
                return 0
        mine = mine or Wording(atom.quote, atom.claim)
        theirs = self.wordings.get(claim["id"])
        if theirs is None:
            theirs = self.wordings[claim["id"]] = Wording(claim["quote"], claim["claim"])
        run = shared_run(mine.words, theirs.words)
        wording = max(fuzz.token_set_ratio(mine.claim, theirs.claim), fuzz.partial_ratio(mine.quote, theirs.quote))
        if same_words(run, mine.words, theirs.words, atom.quote):
            return round(max(wording, 90) / 100, 2)
        facts = self.facts.get(claim["id"])
        if facts is None:
            facts = self.facts[claim["id"]] = claim_facts(claim)
        if not facts or wording < WORDING:
            return 0
        quote_end = mine.quote_end
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

def get_proposal(db: Database, proposal_id: int) -> Proposal:
    rows = list(db["proposals"].rows_where("id = ?", [proposal_id]))
    if not rows:
        raise NotFound("proposal", proposal_id)
    return cast(Proposal, rows[0])


def list_proposals(db: Database, *, article_id: str | None = None, status: str | None = None) -> list[ListedProposal]:
    """Proposals (all, or of one article, or in one status), each with its cited URLs and repeats
    decoded and the repeated claims' verdicts as they stand now."""
    where, params = [], []
    if clean(status) is not None:
        if clean(status) not in PROPOSAL_STATUSES:
            raise InvalidInput(f"unknown status {status!r}: expected one of {', '.join(PROPOSAL_STATUSES)}").at("status")
        where.append("status = ?")
        params.append(clean(status))
    if clean(article_id) is not None:
        get_article(db, cast(str, clean(article_id)))
        where.append("article_id = ?")
        params.append(clean(article_id))
    rows: list[Any] = [dict(r) for r in db.query(  # each becomes a ListedProposal below
        "SELECT * FROM proposals" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY article_id, id",
        params)]
    ids = {r["claim_id"] for row in rows for r in json.loads(row["repeats"])}
    verdicts: dict[int, str] = {}
    if ids:
        verdicts = {r["id"]: r["verdict"] for r in db.query(
            f"SELECT id, verdict FROM claims WHERE id IN ({', '.join('?' * len(ids))})", list(ids))}
    texts = {article: get_article(db, article)["text"] for article in {row["article_id"] for row in rows}}
    sentences: dict[str, list[Sentence]] = {}  # each article's, split once, and only when a proposal needs them
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


def standing(proposal: Proposal | ListedProposal, text: str) -> str:
    """How a proposal stands in its article's text, which `checker import --refresh` may have changed
    since: "current" (its sentence is there word for word), "sentence_changed" (its quote is there,
    but not the sentence it was made from: its restatement may describe the earlier wording), or
    "quote_gone" (its words are not there at all, and it cannot become a claim as it is)."""
    if not quote_occurs(proposal["quote"], text):
        return "quote_gone"
    if (sentence := proposal.get("sentence")) and not quote_occurs(sentence, text):
        return "sentence_changed"
    return "current"


def sentence_now(proposal: Proposal | ListedProposal, text: str, sentences: list[Sentence] | None = None) -> str | None:
    """The sentence of the article's text that now holds a proposal's quote (None if none does):
    what to compare its restatement with once that sentence has changed. ``sentences``: the text's
    own, when the caller has split it already."""
    at = text.find(proposal["quote"])
    if at < 0:
        return None
    return next((s.text for s in sentences or split_sentences(text) if s.start <= at < s.end), None)


def on_earlier_text(db: Database, article_id: str) -> list[int]:
    """The ids of an article's open proposals made from sentences its text no longer has."""
    return [row["id"] for row in list_proposals(db, article_id=article_id, status="proposed")
            if row["standing"] != "current"]


def describe_repeats(repeats: Sequence[Repeat]) -> str:
    """"repeats claim 23 (rated inaccurate)", for a proposal's repeats; "" when there are none."""
    if not repeats:
        return ""

    def one(r: Repeat) -> str:
        verdict = r.get("verdict") or "unrated"
        return f"{r['claim_id']} ({'unrated' if verdict == 'unrated' else 'rated ' + verdict.replace('_', ' ')})"

    return f"repeats claim{'s' if len(repeats) > 1 else ''} " + ", ".join(one(r) for r in repeats)


def _open(db: Database, proposal_id: int, action: str) -> Proposal:
    proposal = get_proposal(db, proposal_id)
    if proposal["status"] != "proposed":
        also = f" as claim {proposal['claim_id']}" if proposal["claim_id"] else ""
        raise InvalidInput(f"proposal {proposal['id']} is already {proposal['status']}{also}: "
                           f"only a proposed one can be {action}")
    return proposal


def accept(db: Database, proposal_id: int, *, claim: str | None = None, kind: str | None = None,
           value: str | float | None = None, unit: str | None = None, date_start: str | None = None,
           date_end: str | None = None, by: str | None = None) -> int:
    """Turn a proposal into a claim, its cited URLs as `cited` sources, and mark it accepted, in one
    transaction; returns the claim's id. Each field given replaces the proposal's: a value keeps the
    proposal's unit unless a unit is given too, and a date start without a date end is a date of
    its own (the proposal's end is dropped)."""
    with transaction(db):
        proposal = _open(db, proposal_id, "accepted")
        refuse_acceptance(db, proposal, claim)
        fields: dict[str, Any] = {k: proposal[k] for k in ("kind", "claim", "value", "unit", "date_start", "date_end")}
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
        same = same_fact(db, proposal["article_id"], proposal["quote"], fields)
        if same is not None:  # the fact recorded already, in other words ("..., according to X" beside the bare figure)
            raise DuplicateClaim(proposal["article_id"], same)
        urls: dict[str, str] = {}
        for url in json.loads(proposal["cited_urls"]):
            urls.setdefault(normalise_url(url), url)
        claim_id = add_claim(db, article_id=proposal["article_id"], quote=proposal["quote"],
                             sources=[{"url": u} for u in urls.values()], added_by=by, **fields)
        db.table("proposals").update(proposal["id"], {"status": "accepted", "claim_id": claim_id, "decided_by": _who(by)})
    return claim_id


def same_fact(db: Database, article_id: str, quote: str, fields: dict[str, Any]) -> str | None:
    """The restatement of a claim the article has with this quote and the same figure and dates (one of them
    set), if any: the same fact, however it is worded."""
    if fields.get("value") is None and not fields.get("date_start"):
        return None
    for row in db.query("SELECT claim, value, unit, date_start, date_end FROM claims WHERE article_id = ? AND quote = ?",
                        [article_id, quote]):
        if (row["value"], row["unit"], row["date_start"], row["date_end"]) == (
                fields.get("value"), fields.get("unit"), fields.get("date_start"), fields.get("date_end")):
            return cast(str, row["claim"])
    return None


def mark_accepted(db: Database, proposal_id: int, claim_id: int, by: str | None = None) -> None:
    """Record that a proposal became a claim the editor wrote (the workbench's pre-filled form), by the
    same rule as `accept`."""
    with transaction(db):
        proposal = _open(db, proposal_id, "accepted")
        refuse_acceptance(db, proposal, db.table("claims").get(claim_id)["claim"])
        db.table("proposals").update(proposal["id"], {"status": "accepted", "claim_id": claim_id, "decided_by": _who(by)})


def refuse_acceptance(db: Database, proposal: Proposal, claim: str | None) -> None:
    """Refuse to make a claim of a proposal whose words its article no longer has, or, when only the
    sentence around them changed, without a restatement of its own (``claim`` unset or the proposal's
    own, which describes the earlier wording). One rule for the command line and the workbench."""
    where = standing(proposal, get_article(db, proposal["article_id"])["text"])
    if where == "quote_gone":
        raise InvalidInput(
            f"proposal {proposal['id']} quotes words that article {proposal['article_id']} no longer has (its "
            f"text changed on a refresh): reject it, or run `checker propose {proposal['article_id']}` for the new "
            "text").at("quote")
    if where == "sentence_changed" and clean(claim) in (None, proposal["claim"]):
        raise InvalidInput(
            f"proposal {proposal['id']} was made from a sentence that article {proposal['article_id']} no longer "
            "has word for word (its text changed on a refresh): read the new sentence, then restate the claim for "
            "it (accept --claim, or the claim field of the workbench's form), or reject it").at("claim")


def reject(db: Database, proposal_id: int, reason: str | None, by: str | None = None) -> int:
    """Mark a proposal rejected, for a reason (kept with it and in proposal_history; reopen undoes it)."""
    reason = clean(reason)
    if reason is None:
        raise InvalidInput("say why the proposal is rejected: a reason such as 'not in the article's words' "
                           "or 'opinion, nothing to check'").at("reason")
    with transaction(db):
        proposal = _open(db, proposal_id, "rejected")
        db.table("proposals").update(proposal["id"], {"status": "rejected", "rejected_because": reason,
                                                      "decided_by": _who(by)})
    return proposal["id"]


def reopen(db: Database, proposal_id: int, by: str | None = None) -> int:
    """Undo a rejection: the proposal is open again, its reason kept in proposal_history."""
    with transaction(db):
        proposal = get_proposal(db, proposal_id)
        if proposal["status"] != "rejected":
            raise InvalidInput(f"proposal {proposal['id']} is {proposal['status']}: only a rejected one can be reopened")
        db.table("proposals").update(proposal["id"], {"status": "proposed", "rejected_because": None,
                                                      "decided_by": _who(by)})
    return proposal["id"]


def _who(by: str | None) -> str:
    """Who decides: the name given, else the person at the command line."""
    return clean(by) or current_user() or "unknown"
