"""Exceptions raised by the checker library, all under one base class."""
from typing import Self


class CheckerError(Exception):
    """Base class: anything the library refuses, with a message fit for one line.

    ``field`` names the input at fault where there is one (quote, kind, source_2_url, ...),
    so that a form can show the message beside it; ``exit_code`` is the command line's exit status.
    """

    field: str | None = None
    exit_code = 1

    def at(self, field: str) -> Self:
        self.field = field
        return self


class DatabaseMissing(CheckerError):
    """Raised when a command other than ``init`` is pointed at a path with no database."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"no database at {path}: create it with `checker init --db {path}`")


class NotADatabase(CheckerError):
    """Raised when the file at the database path is not an SQLite database."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"{path} is not an SQLite database")


class DatabaseBusy(CheckerError):
    """Raised when another program held the database's write lock past the busy timeout: nothing of
    the change was written, and it may simply be tried again (exit status 75, "try again later")."""

    exit_code = 75

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"the database is busy: another program has held its write lock for {seconds:g} s; "
                         "try again when it finishes")


class StorageFailed(CheckerError):
    """Raised when the disk refused the database (full, an I/O error): nothing of the change was
    written (exit status 74)."""

    exit_code = 74


class DatabaseReadOnly(StorageFailed):
    """Raised when a database that can only be read here (a read-only mount, no write permission)
    is asked to change, or to be upgraded."""

    def __init__(self, path: str, why: str) -> None:
        self.path = path
        super().__init__(f"{path} is read-only here: {why}")


class InvalidInput(CheckerError):
    """Raised when a value is empty, malformed or outside its vocabulary."""


class InvalidFields(InvalidInput):
    """Raised when several fields of one input are wrong: ``errors`` maps each field to its message, in
    the order of the form; the message (one line) is the first, with how many more there are."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        first_field, first = next(iter(self.errors.items()))
        more = len(self.errors) - 1
        super().__init__(first + (f" (and {more} more: {', '.join(list(self.errors)[1:])})" if more else ""))
        self.field = first_field


class InvalidURL(InvalidInput):
    """Raised when a source URL is not an absolute http(s) URL."""

    def __init__(self, url: str, reason: str = "must be an absolute http:// or https:// URL") -> None:
        self.url = url
        super().__init__(f"invalid URL {url!r}: {reason}")


class QuoteNotInArticle(InvalidInput):
    """Raised when a claim's quote does not occur in its article's text, even compared forgivingly
    (quotes, dashes, whitespace and case aside: see text.find_in_article). The message names the
    article by its title, as people know it, and where the quote stops matching it (``stops``: the
    typed words that match, the typed words from there, the article's words from there; see
    text.quote_stops); ``article_id`` keeps its slug."""

    def __init__(self, quote: str, article_id: str, title: str | None = None,
                 stops: tuple[str, str, str] | None = None) -> None:
        self.quote = quote
        self.article_id = article_id
        self.title = title
        self.stops = stops
        article = f"“{title}”" if title else f"article {article_id!r}"
        if stops and len(stops[0].split()) >= 2:  # (a word or less in common says nothing of where it went wrong)
            matched, typed, written = (_ends(stops[0], first=False), _ends(stops[1]), _ends(stops[2]))
            super().__init__(f"the quote matches the text of {article} up to “{matched}”, then the article "
                             f"reads “{written}” where the quote has “{typed}”")
        else:
            short = quote if len(quote) <= 60 else quote[:57] + "..."
            super().__init__(f"quote {short!r} does not occur in the text of {article}")


def _ends(words: str, first: bool = True, size: int = 6) -> str:
    """The first (or last) few words of a stretch of text, with an ellipsis where it was cut."""
    parts = words.split()
    if len(parts) <= size:
        return " ".join(parts)
    return " ".join(parts[:size]) + " …" if first else "… " + " ".join(parts[-size:])


class NotFound(CheckerError):
    """Raised when an article, claim or source named by the caller does not exist."""

    def __init__(self, what: str, key: object) -> None:
        self.what = what
        self.key = key
        super().__init__(f"no {what} with id {key!r}")


class DuplicateLink(CheckerError):
    """Raised when a source is linked to a claim it is already linked to."""

    def __init__(self, claim_id: int | str, url: str) -> None:
        self.claim_id = claim_id
        self.url = url
        super().__init__(f"claim {claim_id} already cites {url}")


class ConstraintViolation(CheckerError):
    """Raised when the database itself refuses a row (a CHECK, trigger or foreign key)."""


class UnsupportedType(CheckerError):
    """Raised by extraction when a body is of a type we do not read (an image, an archive, a broken PDF)."""

    def __init__(self, content_type: str | None) -> None:
        self.content_type = content_type
        super().__init__(f"unsupported content type {content_type or 'unknown'}")


class FetchError(CheckerError):
    """Base of what stops one fetch; the fetcher turns each into a check's outcome, never lets it out."""


class AddressRefused(FetchError):
    """Raised when a host resolves to an address the policy refuses (loopback, private, reserved...)."""


class NameNotResolved(FetchError):
    """Raised when a host name does not resolve to any address."""


class DeadlineExceeded(FetchError):
    """Raised when a fetch runs past its total deadline (its request, headers or body still pending)."""


class TooLarge(FetchError):
    """Raised when a body grows (after decompression) past the size cap."""


class ArchiveError(CheckerError):
    """Raised when the web archive answers a lookup with an error (429, 5xx, malformed JSON);
    ``outcome`` is the check outcome the failed lookup is recorded as."""

    def __init__(self, outcome: str, message: str) -> None:
        self.outcome = outcome
        super().__init__(message)


class NoTurn(FetchError):
    """Raised when a request waited longer than the generous turn timeout for its host's turn: the
    page was not fetched at all (this is our queue, not the page's timeout)."""


class DuplicateClaim(CheckerError):
    """Raised when a claim with the same article, quote and restatement is already recorded."""

    def __init__(self, article_id: str, claim: str) -> None:
        self.article_id = article_id
        self.claim = claim
        short = claim if len(claim) <= 60 else claim[:57] + "..."
        super().__init__(f"article {article_id!r} already has the claim {short!r} with that quote")


class SourceUnreadable(InvalidInput):
    """Raised when an import's source cannot be had: a URL refused, failing or timing out, a file
    missing or unreadable, a path of a type we do not import."""


class NotAnArticle(InvalidInput):
    """Raised when a source was read but holds no article: no main text, an image, a "not found" page."""


class RefreshRefused(CheckerError):
    """Raised when ``--refresh`` would drop the quote of a claim made on the article's current text."""


class LockUnusable(CheckerError):
    """Raised when the check lock beside the database (``claims.db.check-lock``) is not a regular file
    we can open: a FIFO, a directory, a device, a symlink (even to a regular file), or unreadable."""

    def __init__(self, path: str, why: str) -> None:
        self.path = path
        super().__init__(f"cannot use the check lock {path}: {why}; remove it (checker makes a new one)")


class TooLargeInput(InvalidInput):
    """Raised when a file or a text is over one of the bounds in limits.py (a file of more than
    MAX_FILE_BYTES, an article's text of more than MAX_TEXT_CHARS); nothing of it is kept."""


class WorkflowRefused(InvalidInput):
    """Raised when a change of a claim's status or assignee breaks the editorial workflow's rules: review or
    publication without a verdict, publication from anywhere but review, an assignee who is not an editor's name."""


class SecondEditorNeeded(WorkflowRefused):
    """Raised when the editor who set a claim's verdict tries to publish it: a second editor publishes."""

    def __init__(self, claim_id: int, editor: str) -> None:
        self.claim_id = claim_id
        self.editor = editor
        super().__init__(f"claim {claim_id}: {editor} set its verdict, so a second editor must publish it")
