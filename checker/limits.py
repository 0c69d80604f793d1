"""The bounds on what checker takes in from one page, file or article, in one place, and a file read within them.

Each is far above what a real news article needs, so that only a page or file built to exhaust memory or
time (5 MB of HTML holding 100,000 links, /dev/zero given as a text file, JSON-LD nested 100,000 deep) ever
meets one: it is then refused in one line, or cut short with a note in the command's output saying what
was dropped. docs/limits.md lists them.
"""
import os
import stat
from typing import BinaryIO

from .errors import TooLargeInput

MB = 1024 * 1024

# A file read for its text (add-article --text-file, import of a .html, .htm, .txt or .pdf file, spot), and a
# page fetched by `checker import` (and by `checker check` unless --max-bytes says otherwise).
MAX_FILE_BYTES = 10 * MB
MAX_PAGE_BYTES = MAX_FILE_BYTES

# Elements of a page's HTML read (the first, in reading order): an article page has a few thousand, navigation
# and comments included. The extractor's time grows faster than their number, so a longer page is cut there.
MAX_PAGE_ELEMENTS = 10_000

# An article's text, in characters: about 300,000 words. A long read runs to 10,000 words, a book to 100,000.
# An imported page's text is cut after its last paragraph that fits; add-article refuses a longer text.
MAX_TEXT_CHARS = 2_000_000

# Cited links kept per article (the first in reading order): a long investigation cites a few hundred.
MAX_LINKS = 3_000

# A sentence, in characters: one of news prose stays under 1,000. A longer one is a table, a list or a page
# without full stops run together: propose leaves it out (and says so), and a cited link in it keeps this
# much of it, around the link, as its sentence.
MAX_SENTENCE_CHARS = 2_000

# Embedded ClaimReviews read from one page, and places where the claim appeared read from one review: a
# fact-check carries one review, a round-up a few dozen; each becomes a claim with its sources.
MAX_REVIEWS = 200
MAX_APPEARANCES = 100

# How deeply a JSON-LD block may nest for it to be read for ClaimReview markup: schema.org markup nests
# under ten levels; a deeper block is skipped (with a note), never parsed.
MAX_JSON_DEPTH = 100

# References between RDFa nodes expanded when reading one page's markup: a ClaimReview needs a handful. Nodes
# that cite each other twice over would otherwise double the work at every step.
MAX_RDFA_EXPANSIONS = 10_000

# New proposals one `checker propose` run adds: a 10,000-word article gives about 1,000. Run it again for
# the rest. Each saved proposal costs the database a pass over the article's text (m010's triggers check
# that its quote and sentence are there), so the cap also bounds the write transaction.
MAX_NEW_PROPOSALS = 1_000


def read_at_most(file: BinaryIO, name: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of an open binary file, refused (TooLargeInput) when it holds more than limit: a regular
    file by its size, before anything is read; anything else (a pipe, a FIFO, /dev/zero) by reading at
    most limit + 1 bytes."""
    try:
        status = os.fstat(file.fileno())
    except (AttributeError, OSError, ValueError):  # an in-memory file, as click's test runner gives
        status = None
    size = status.st_size if status is not None and stat.S_ISREG(status.st_mode) else None
    if size is not None and size > limit:
        raise TooLargeInput(f"{name} is {describe_bytes(size)}: checker reads at most {describe_bytes(limit)} "
                            "from a file")
    body = file.read(limit + 1)
    if len(body) > limit:
        raise TooLargeInput(f"{name} holds more than {describe_bytes(limit)}: checker reads at most that much "
                            "from a file")
    return body


def describe_bytes(n: int) -> str:
    """10485760 -> "10 MB", 12345678 -> "11.8 MB", 2048 -> "2 KB"."""
    for unit, size in (("MB", MB), ("KB", 1024)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) or value >= 100 else f"{value:.1f} {unit}"
    return f"{n} bytes"
