"""The controlled vocabularies: claim kinds, verdicts, source relations, check outcomes, supports and healths."""

KINDS = (
    "trade_figure",
    "visit_date",
    "meeting_count",
    "first_visit",
    "attribution",
    "quote",
    "membership",
    "title",
    "historical",
    "prediction",
    "percentage",
    "money",
    "count",
    "other",
)

# Ordered from "not yet looked at" through best to worst; docs/verdicts.md explains each.
VERDICTS = (
    "unrated",
    "accurate",
    "mostly_accurate",
    "partly_accurate",
    "inaccurate",
    "unverifiable",
)

RELATIONS = ("cited", "supports", "contradicts", "context")

# Where a link's passage was read (claim_sources.passage_read_in; NULL: not recorded): on the source's own live
# page, in a stored copy kept under the page's own address (a search store's), or in an archive capture whose own
# address is passage_found_at.
PASSAGE_READ_IN = ("live_page", "stored_copy", "archive_capture")

# Where a claim stands in the editorial workflow (claims.status): no one has started it, an editor is on it, it
# awaits a second editor's review, it is published (docs/workbench.md).
STATUSES = ("unstarted", "in_progress", "in_review", "published")

# Where a proposed claim stands (checker propose, accept, reject).
PROPOSAL_STATUSES = ("proposed", "accepted", "rejected")

# Kinds whose value counts something that exists (money traded, meetings held): it is more than 0.
POSITIVE_KINDS = ("trade_figure", "meeting_count")

# What decided the locale a page was read in (snapshots.locale_from): its declared language, its
# address's country domain, or the currency it writes (reading/locales.py).
LOCALE_SOURCES = ("lang", "domain", "currency")

# What one attempt to retrieve a source came to.
OUTCOMES = (
    "ok",
    "not_modified",
    "soft_404",
    "not_found",
    "gone",
    "blocked",
    "rate_limited",
    "server_error",
    "timeout",
    "dns_error",
    "connection_error",
    "tls_error",
    "too_many_redirects",
    "too_large",
    "unsupported_type",
    "robots_disallowed",
    "refused_address",
    "invalid_url",
)
ALIVE_OUTCOMES = ("ok", "not_modified")
# A server that answers with something we cannot read (an image) is still there.
LIVE_STATE_OUTCOMES = ALIVE_OUTCOMES + ("unsupported_type",)
# Anti-bot walls, paywalls, robots.txt and our own address policy: the page may be fine.
BLOCKED_OUTCOMES = ("blocked", "robots_disallowed", "refused_address")

# Whether a source still backs its claim (reading/match.py), and a claim's health from its links (store/health.py).
SUPPORTS = ("supports", "contradicts", "partial", "missing", "unreachable")
HEALTHS = ("supported", "contradicted", "at_risk", "unsupported", "unchecked")
