"""The shapes of the rows the store hands to the workflows and the fronts, as TypedDicts: a table's row,
and the rows a query adds keys to (get_claim's claim, select_sources' sources, list_proposals' proposals)."""
from typing import NotRequired, TypedDict


class ArticleRow(TypedDict):
    """A row of the articles table."""

    id: str
    title: str
    author: str | None
    publisher: str | None
    published: str | None
    url: str | None
    text: str
    added_at: str
    imported_from: str | None
    imported_at: str | None
    locale: str | None
    locale_from: str | None


class ArticleTitle(TypedDict):
    id: str
    title: str


class ClaimRow(TypedDict):
    """A row of the claims table: what the matcher (reading.facts.ClaimFields) and the fronts read."""

    id: int
    article_id: str
    quote: str
    claim: str
    kind: str
    verdict: str
    verdict_note: str | None
    verdict_at: str | None
    verdict_by: str | None
    value: float | None
    unit: str | None
    date_start: str | None
    date_end: str | None
    added_at: str
    added_by: str | None
    seed_key: str | None
    status: str  # vocab.STATUSES
    assignee: str | None
    workflow_at: str | None
    workflow_by: str | None


class ClaimSummary(TypedDict):
    """One line of list_claims."""

    id: int
    kind: str
    verdict: str
    health: str
    sources: int
    claim: str


class ClaimStatus(TypedDict):
    health: str
    sources: int
    supporting: int
    unreachable: int
    unreachable_since: str | None
    latest_check_at: str | None


class ClaimSource(TypedDict):
    """A source of get_claim's claim: the link, the source's state and the latest evidence for the link."""

    id: int
    url: str
    title: str | None
    publisher: str | None
    relation: str
    passage: str | None
    note: str | None
    passage_found_at: str | None
    passage_checked_on: str | None
    passage_read_in: str | None  # vocab.PASSAGE_READ_IN; None: not recorded
    source_state: str
    latest_outcome: str | None
    latest_check_at: str | None
    unreachable_since: str | None
    support: str | None
    score: float | None
    snippet: str | None
    facts_found: list[str]
    facts_missing: list[str]
    facts_where: list[dict[str, str]]  # where each name was found (reading/context.py's NameFound)
    read_at: str | None
    read_from_archive: int
    read_archive_url: str | None


class ClaimDetail(ClaimRow):
    """get_claim's claim: its row and the keys it gains there."""

    article_title: str
    health_status: ClaimStatus
    sources: list[ClaimSource]


class SourceFields(TypedDict):
    """A sources row as a typed source becomes one (sources.source_row)."""

    url: str
    title: str | None
    publisher: str | None


class SourceToCheck(TypedDict):
    """A source select_sources picks for a check: what the last good check left, and its citation date."""

    id: int
    url: str
    cited_on: str | None
    etag: str | None
    last_modified: str | None
    snapshot_id: int | None


class ReviewEntry(TypedDict):
    """A row of the review queue (the view review_queue)."""

    claim_id: int
    claim: str
    verdict: str
    verdict_at: str | None
    previous_health: str
    health: str
    changed_at: str
    source_id: int | None
    source_url: str | None
    outcome: str | None
    previous_support: str | None
    support: str | None
    diff: str | None
    atom_id: str
    atom_title: str
    atom_updated: str
    atom_content: str
    atom_link: str


class Repeat(TypedDict):
    """A recorded claim a proposal repeats (proposals.repeats holds these as JSON)."""

    claim_id: int
    score: float
    verdict: str | None


class NewProposal(TypedDict):
    """A proposal find_proposals found, as the row save_proposals inserts."""

    article_id: str
    quote: str
    kind: str
    claim: str
    value: float | None
    unit: str | None
    date_start: str | None
    date_end: str | None
    score: float
    sentence: str
    cited_urls: str  # JSON: a list of URLs
    repeats: str  # JSON: a list of Repeat


class ProposalFields(TypedDict):
    id: int
    article_id: str
    quote: str
    kind: str
    claim: str
    value: float | None
    unit: str | None
    date_start: str | None
    date_end: str | None
    score: float
    status: str
    claim_id: int | None
    created_at: str
    sentence: str | None


class Proposal(ProposalFields):
    """A row of the proposals table."""

    cited_urls: str
    repeats: str


class ListedProposal(ProposalFields):
    """A proposal as list_proposals gives it: its URLs and repeats decoded, and how it stands in its article."""

    cited_urls: list[str]
    repeats: list[Repeat]
    standing: str  # current, sentence_changed or quote_gone
    sentence_now: NotRequired[str | None]  # when its sentence changed: the sentence that holds its quote now


class CandidateClaim(TypedDict):
    """A recorded claim a proposal is compared with (RepeatFinder.candidates)."""

    id: int
    article_id: str
    quote: str
    claim: str
    kind: str
    value: float | None
    unit: str | None
    date_start: str | None
    date_end: str | None
    verdict: str


class WorkItem(TypedDict):
    """A claim on an editor's list (store/workflow.py): yours, or awaiting your review."""

    id: int
    claim: str
    status: str
    verdict: str
    verdict_by: str | None
    assignee: str | None
    workflow_at: str | None
