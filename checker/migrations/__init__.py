"""Named, ordered, append-only schema steps; ``apply`` runs whatever is pending on every open.

A step that has landed is never edited, and means the same thing forever: each carries its own
literal vocabularies instead of reading vocab.py, whose values may grow. To change a vocabulary,
add a step that rebuilds the affected CHECK (tests/test_schema.py fails until one does), and
regenerate checker/schema.sql with ./scripts/dump-schema. The steps live in modules named for the
release or the change that brought them, imported here in order.
"""
from sqlite_utils.migrations import Migrations

migrations = Migrations("checker")

from . import release_1  # noqa: E402,F401  (m001-m004)
from . import health_from_reading  # noqa: E402,F401  (m005)
from . import safe_ledger  # noqa: E402,F401  (m006)
from . import provenance  # noqa: E402,F401  (m007)
from . import intake  # noqa: E402,F401  (m008)
from . import workbench  # noqa: E402,F401  (m009)
from . import refresh  # noqa: E402,F401  (m010)
from . import server_stamps  # noqa: E402,F401  (m011)
from . import contradiction  # noqa: E402,F401  (m012)
from . import names_found  # noqa: E402,F401  (m013)
from . import page_locale  # noqa: E402,F401  (m014)
from . import claim_kinds  # noqa: E402,F401  (m015)
from . import passage_read_in  # noqa: E402,F401  (m016)
from . import article_locale  # noqa: E402,F401  (m017)
from . import editorial_workflow  # noqa: E402,F401  (m018)
from . import proposal_decisions  # noqa: E402,F401  (m019)


def apply(db):
    """Apply every pending step, each in its own transaction."""
    migrations.apply(db)
