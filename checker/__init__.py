"""checker: a fact-checking citation tracker over SQLite and Datasette."""
import importlib.metadata

__version__ = importlib.metadata.version("checker")

from .store.claims import add_article, add_claim, add_source, get_claim, list_claims, set_verdict
from .store.db import open_db
from .errors import CheckerError
from .store.seed import load_seed

__all__ = [
    "CheckerError",
    "add_article",
    "add_claim",
    "add_source",
    "get_claim",
    "list_claims",
    "load_seed",
    "open_db",
    "set_verdict",
]
