"""What each workbench action would do, said before it is done. A GET of an action's address shows
this with a button that POSTs it: a link followed from another site (it carries the editor's
SameSite=lax cookie) changes nothing."""
from dataclasses import dataclass

from ..store.claims import get_article, get_claim_row
from ..errors import NotFound
from ..propose import get_proposal
from ..store.sources import select_sources
from ..text import plural


@dataclass
class Confirmation:
    title: str  # the page's heading, a question
    what: str  # what pressing the button does, in plain words
    action: str  # the path the button POSTs to
    back: str  # where "Cancel" leads
    button: str | None = None  # None: there is nothing left to do (the page says why)
    asks_reason: bool = False  # a removal records why


def quoted(text, limit=160):
    return "“" + (text if len(text) <= limit else text[:limit - 1] + "…") + "”"


def remove_source(db, claim_id: int, source_id: int) -> Confirmation:
    claim = get_claim_row(db, claim_id)
    link = db.execute("SELECT sources.url, sources.title FROM claim_sources JOIN sources ON sources.id = source_id"
                      " WHERE claim_id = ? AND source_id = ?", [claim_id, source_id]).fetchone()
    if link is None:
        raise NotFound("source of this claim", source_id)
    return Confirmation(
        title=f"Remove a source from claim {claim_id}?",
        what=f"Take {quoted(link[1] or link[0])} off claim {claim_id}, {quoted(claim['claim'])}"
             f"{'' if claim['claim'].rstrip().endswith(('.', '!', '?')) else '.'} The removal is recorded with who "
             "removed it and why; the source's checks stay on record.",
        action=f"/-/claim/{claim_id}/source/{source_id}/remove", back=f"/-/claim/{claim_id}#source-{source_id}",
        button="Remove this source", asks_reason=True)


def recheck_claim(db, claim_id: int) -> Confirmation:
    claim = get_claim_row(db, claim_id)
    count = len(select_sources(db, claims=[claim_id]))
    return Confirmation(
        title=f"Recheck the sources of claim {claim_id}?",
        what=f"Fetch the {plural(count, 'source')} of claim {claim_id}, {quoted(claim['claim'])}, again in the "
             "background, with the same rules as every check, and record what each says now." if count else
             f"Claim {claim_id} has no sources: a recheck would find nothing to fetch.",
        action=f"/-/claim/{claim_id}/recheck", back=f"/-/claim/{claim_id}", button="Recheck these sources")


def recheck_article(db, article_id: str, back: str) -> Confirmation:
    article = get_article(db, article_id)
    count = len(select_sources(db, articles=[article_id]))
    return Confirmation(
        title="Recheck the whole article?",
        what=f"Fetch the {plural(count, 'source')} of every claim of {quoted(article['title'])} again in the "
             "background, with the same rules as every check, and record what each says now.",
        action=f"/-/article/{article_id}/recheck?back={back}", back=back, button="Recheck the whole article")


def propose(db, article_id: str) -> Confirmation:
    article = get_article(db, article_id)
    return Confirmation(
        title="Propose claims?",
        what=f"Read {quoted(article['title'])} for check-worthy sentences and propose a claim for each one not "
             "proposed already. Nothing becomes a claim until an editor accepts it.",
        action=f"/-/article/{article_id}/propose", back=f"/-/article/{article_id}", button="Propose claims")


def reject(db, proposal_id: int) -> Confirmation:
    proposal = get_proposal(db, proposal_id)
    back = f"/-/article/{proposal['article_id']}#proposal-{proposal_id}"
    if proposal["status"] != "proposed":
        return Confirmation(title=f"Proposal {proposal_id} is already {proposal['status']}",
                            what="Only a proposal still open can be rejected: there is nothing to do.",
                            action=f"/-/proposal/{proposal_id}/reject", back=back)
    return Confirmation(
        title=f"Reject proposal {proposal_id}?",
        what=f"Mark the proposed claim {quoted(proposal['claim'])}, from the words {quoted(proposal['quote'])}, "
             "as rejected, for the reason you give. It stays on record, and Reopen undoes it.",
        action=f"/-/proposal/{proposal_id}/reject", back=back, button="Reject", asks_reason=True)


def reopen(db, proposal_id: int) -> Confirmation:
    proposal = get_proposal(db, proposal_id)
    back = f"/-/article/{proposal['article_id']}#proposal-{proposal_id}"
    if proposal["status"] != "rejected":
        return Confirmation(title=f"Proposal {proposal_id} is {proposal['status']}",
                            what="Only a rejected proposal can be reopened: there is nothing to do.",
                            action=f"/-/proposal/{proposal_id}/reopen", back=back)
    return Confirmation(
        title=f"Reopen proposal {proposal_id}?",
        what=f"Undo the rejection of {quoted(proposal['claim'])}: it is open again, to accept or reject.",
        action=f"/-/proposal/{proposal_id}/reopen", back=back, button="Reopen")
