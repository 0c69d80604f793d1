"""Every vocabulary in plain words: a label to show and a sentence to explain it (the badges'
tooltips and the pages' legend)."""

from ..words import (  # the vocabularies in words, shared with the command line
    VERDICTS, HEALTHS, STATES, SUPPORTS, RELATIONS, READ_IN, KINDS,
    OUTCOME_FAMILIES, FAMILIES, OUTCOMES, STATUSES, VOCABULARIES, MONTHS, family, label, explain, short_date,
)

# The vocabulary of each column that holds a code, so that Datasette's facets show its values in words.
COLUMN_VOCABULARY = {"verdict": "verdict", "to_verdict": "verdict", "kind": "kind", "health": "health",
                     "state": "state", "outcome": "outcome", "latest_outcome": "outcome", "support": "support",
                     "relation": "relation", "to_status": "status", "from_status": "status"}
# Column names that plain words say better than the name with its underscores as spaces.
COLUMN_WORDS = {"id": "number", "article_id": "article", "to_verdict": "new verdict", "to_status": "new status",
                "from_status": "old status", "via_archive": "from the archive",
                "latest_outcome": "latest check"}
# A claim as a card on a phone (the claims table at 480 px or less): these columns, in plain words.
CLAIM_CARD = ("id", "claim", "verdict", "kind", "article_id")


def column_words(column: str) -> str:
    """A column's name as a reader says it: 'article_id' -> 'Article', 'date_start' -> 'Date start'."""
    words = COLUMN_WORDS.get(column, column.replace("_", " "))
    return words[:1].upper() + words[1:]


def column_value(column: str, value) -> str:
    """A value of a column in words: a code of a vocabulary as its label, anything else as it is."""
    vocabulary = COLUMN_VOCABULARY.get(column)
    return label(vocabulary, value) if vocabulary and value is not None else str(value if value is not None else "")


# Datasette's filter operators (?column__op=value), as a sentence says them.
OPERATOR_WORDS = {"exact": "is", "not": "is not", "contains": "contains", "startswith": "starts with",
                  "endswith": "ends with", "gt": "is over", "gte": "is at least", "lt": "is under",
                  "lte": "is at most", "like": "is like", "in": "is one of", "notin": "is none of",
                  "isnull": "is empty", "notnull": "is not empty", "isblank": "is blank", "notblank": "is not blank"}


def filter_words(args) -> list[str]:
    """A table page's filters (its query's pairs) in words: [('verdict', 'mostly_accurate'),
    ('date_start__gte', '2010')] -> ['Verdict is mostly accurate', 'Date start is at least 2010'].
    Arguments of Datasette's own (_sort, _facet, _search...) are not filters."""
    said = []
    for key, value in args:
        if key.startswith("_"):
            continue
        column, _, op = key.partition("__")
        verb = OPERATOR_WORDS.get(op or "exact", op.replace("_", " "))
        said.append(f"{column_words(column)} {verb}" + ("" if op in ("isnull", "notnull", "isblank", "notblank")
                                                       else f" {column_value(column, value)}"))
    return said
