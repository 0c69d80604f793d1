"""Every vocabulary in plain words, one for the command line and the pages alike: a label to show
and a sentence to explain it, and one way of writing a day. The codes stay in the data and in JSON;
people read these."""
from datetime import date

VERDICTS = {
    "unrated": ("unrated", "Nobody has rated this claim yet."),
    "accurate": ("accurate", "The record confirms the claim as the article states it."),
    "mostly_accurate": ("mostly accurate", "The record confirms the substance; a detail is off or unconfirmed."),
    "partly_accurate": ("partly accurate", "Part of the claim holds and part does not, or it needs an important qualification."),
    "inaccurate": ("inaccurate", "The record contradicts the claim."),
    "unverifiable": ("unverifiable", "No source available to us confirms or refutes it."),
}

HEALTHS = {
    "supported": ("supported", "A source backs the claim in what it last said."),
    "contradicted": ("contradicted", "A source gives another figure or date than the claim in what it last said."),
    "at_risk": ("at risk", "A source that backed the claim no longer does, or every backing page is dead with no archive copy."),
    "unsupported": ("unsupported", "Sources were read and none of them backs the claim."),
    "unchecked": ("not checked yet", "No source of this claim has been read yet."),
}

STATES = {
    "alive": ("reachable", "The page answered at its last check."),
    "failing": ("could not be reached", "The latest checks failed; not yet confirmed dead."),
    "dead": ("dead", "At least three failed checks over at least three days."),
    "blocked": ("blocked", "A paywall, an anti-bot wall, robots.txt or our address policy kept us out; the page may be fine."),
    "unchecked": ("not checked yet", "This source has never been fetched."),
}

SUPPORTS = {
    "supports": ("backs it", "What was last read states the claim's facts."),
    "contradicts": ("contradicts it", "What was last read gives another figure or date in place of the claim's."),
    "partial": ("partly backs it", "Some of the claim's facts were found, or the passage nearly is."),
    "missing": ("does not say it", "What was last read does not state the claim's facts."),
    "unreachable": ("nothing read", "An old record: nothing could be read at that check."),
}

RELATIONS = {
    "cited": ("cited", "The article cites this source for the claim."),
    "supports": ("supports", "A source found to back the claim."),
    "contradicts": ("contradicts", "A source that contradicts the claim."),
    "context": ("context", "Bears on the claim without settling it."),
}

READ_IN = {
    "live_page": ("the live page", "Read on the source's own page, live, at its own address."),
    "stored_copy": ("a stored copy", "Read in a stored copy of the page kept under the page's own address (a search store's)."),
    "archive_capture": ("an archive capture", "Read in an archive capture, whose own address is given as where the passage was found."),
}

KINDS = {
    "trade_figure": ("trade figure", "A figure of trade between countries."),
    "visit_date": ("visit or meeting", "When a visit or meeting took place."),
    "meeting_count": ("meeting count", "How many times people met."),
    "first_visit": ("first visit", "A claim that someone was the first to do something."),
    "attribution": ("attribution", "Who said or reported something."),
    "quote": ("quotation", "Words quoted from someone."),
    "membership": ("membership", "Who belongs to what."),
    "title": ("title", "The office or title given to a person."),
    "historical": ("history", "A statement about the past."),
    "prediction": ("prediction", "A statement about what will happen."),
    "percentage": ("percentage", "A share or a rate: turnout, growth, a poll."),
    "money": ("money", "An amount of money that is not trade: a budget, a cost, a fine."),
    "count": ("count", "A count of people or things: deaths, votes, cases, jobs."),
    "other": ("other", "Any other checkable statement."),
}

# Outcomes of a check, in four families that the pages colour alike.
OUTCOME_FAMILIES = {
    "alive": ("ok", "not_modified"),
    "blocked": ("blocked", "robots_disallowed", "refused_address"),
    "failing": ("not_found", "gone", "soft_404", "server_error", "rate_limited", "too_many_redirects", "too_large",
                "unsupported_type", "invalid_url"),
    "unreachable": ("dns_error", "connection_error", "timeout", "tls_error"),
}
FAMILIES = {
    "alive": ("alive", "The page was read, or had not changed since."),
    "blocked": ("blocked", "A paywall, robots.txt or our address policy kept us out: the page may be fine."),
    "failing": ("failing", "The site answered, with an error or a page we cannot use."),
    "unreachable": ("could not reach", "No answer: no such host, no connection, no secure connection, or too slow."),
}
OUTCOMES = {
    "ok": ("read", "The page was fetched and read."),
    "not_modified": ("unchanged", "The page said it had not changed since the last check."),
    "soft_404": ("page gone", "The site answered with a page that says it does not exist."),
    "not_found": ("not found", "The site says the page does not exist (404 or another 4xx)."),
    "gone": ("gone", "The site says the page was removed for good (410)."),
    "blocked": ("blocked", "A paywall or anti-bot wall (401, 403, 451)."),
    "rate_limited": ("rate limited", "The site asked us to slow down (429)."),
    "server_error": ("server error", "The site failed (5xx)."),
    "timeout": ("timed out", "No complete answer before the deadline."),
    "dns_error": ("no such host", "The site's name did not resolve: no network, or the site is gone."),
    "connection_error": ("could not connect", "The connection failed or was cut."),
    "tls_error": ("TLS failed", "The secure connection could not be set up."),
    "too_many_redirects": ("redirect loop", "Too many redirects, or a loop."),
    "too_large": ("too large", "The page was larger than the size cap."),
    "unsupported_type": ("not readable", "An answer of a type we do not read (an image, an archive)."),
    "robots_disallowed": ("robots.txt says no", "The site's robots.txt asks crawlers not to fetch it."),
    "refused_address": ("refused address", "It points at a private or local address, which checks never fetch."),
    "invalid_url": ("invalid address", "Not an http(s) address."),
}

STATUSES = {
    "unstarted": ("unstarted", "No editor has started on this claim."),
    "in_progress": ("in progress", "An editor is checking this claim."),
    "in_review": ("in review", "Its verdict waits for a second editor to review and publish it."),
    "published": ("published", "Reviewed by a second editor and published, with its ClaimReview on this page."),
}

VOCABULARIES = {"status": STATUSES, "verdict": VERDICTS, "health": HEALTHS, "state": STATES, "support": SUPPORTS, "relation": RELATIONS,
                "kind": KINDS, "outcome": OUTCOMES, "family": FAMILIES, "read_in": READ_IN}


def family(outcome: str) -> str:
    """The family of a check's outcome (OUTCOME_FAMILIES): how the pages colour it."""
    return next((name for name, members in OUTCOME_FAMILIES.items() if outcome in members), "failing")


def label(vocabulary: str, value: str | None) -> str:
    """A code of a vocabulary in plain words ('health', 'at_risk' -> 'at risk')."""
    return VOCABULARIES[vocabulary].get(str(value), (str(value).replace("_", " "), ""))[0]


def explain(vocabulary: str, value: str | None) -> str:
    """What a code of a vocabulary means, in a sentence."""
    return VOCABULARIES[vocabulary].get(str(value), ("", ""))[1]


def who(name: str | None) -> str:
    """Who did something, as a sentence says it: an editor by name, the seed dataset as itself."""
    return "the seed dataset" if name == "seed" else (name or "someone")


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(day: date, year: bool = True) -> str:
    """date(2026, 12, 2) -> "2 Dec 2026" (or "2 Dec" where the year goes without saying)."""
    return f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")
