"""checker: a fact-checking citation tracker over SQLite and Datasette.

The library's front: open a database, add articles, claims and sources, rate and list them. The names
are loaded on first use, so that a command that needs none of them (``checker --help``) starts
without the storage layer."""
import importlib

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
_HOMES = {
    "CheckerError": "errors",
    "add_article": "store.claims",
    "add_claim": "store.claims",
    "add_source": "store.claims",
    "get_claim": "store.claims",
    "list_claims": "store.claims",
    "load_seed": "store.seed",
    "open_db": "store.db",
    "set_verdict": "store.claims",
}


def __getattr__(name):
    if name == "__version__":
        from importlib import metadata

        return metadata.version("checker")
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted([*globals(), *__all__, "__version__"])
