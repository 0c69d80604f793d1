"""The controlled vocabularies: claim kinds, verdicts and source relations."""

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
    "other",
)

# Ordered from "not yet looked at" through best to worst; the README explains each.
VERDICTS = (
    "unrated",
    "accurate",
    "mostly_accurate",
    "partly_accurate",
    "inaccurate",
    "unverifiable",
)

RELATIONS = ("cited", "supports", "contradicts", "context")


def sql_list(values):
    """Render a vocabulary as the body of an SQL ``IN (...)`` list."""
    return ", ".join("'{}'".format(v) for v in values)
