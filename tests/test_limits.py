"""The bounds on what checker takes in (checker/limits.py): a file read within them, and each one named in
docs/limits.md with its value."""
import io
import os
import pathlib
import re
import threading

import pytest

from checker import limits
from checker.errors import TooLargeInput

LIMITS_DOC = (pathlib.Path(__file__).parent.parent / "docs" / "limits.md").read_text(encoding="utf-8")
LIMITS = {name: value for name, value in vars(limits).items() if name.startswith("MAX_")}


def regular(tmp_path, size, sparse=False):
    path = tmp_path / "file.txt"
    with open(path, "wb") as f:
        if sparse:
            f.truncate(size)  # as large as asked, without writing it
        else:
            f.write(b"x" * size)
    return path


# (name, how the file is made, limit, bytes read, or the start of the one-line refusal)
READS = [
    ("a regular file under the limit", lambda tmp: regular(tmp, 99), 100, 99),
    ("a regular file at the limit", lambda tmp: regular(tmp, 100), 100, 100),
    ("a regular file one byte over", lambda tmp: regular(tmp, 101), 100, "is 101 bytes: checker reads at most 100 bytes"),
    ("a sparse file of 11 MB", lambda tmp: regular(tmp, 11 * limits.MB, sparse=True), limits.MAX_FILE_BYTES,
     "is 11 MB: checker reads at most 10 MB from a file"),
    ("/dev/zero", lambda tmp: pathlib.Path("/dev/zero"), 1000, "holds more than 1000 bytes"),
    ("/dev/zero at the real limit", lambda tmp: pathlib.Path("/dev/zero"), limits.MAX_FILE_BYTES,
     "holds more than 10 MB: checker reads at most that much from a file"),
    ("an empty file", lambda tmp: regular(tmp, 0), 100, 0),
]


@pytest.mark.parametrize("name,make,limit,expected", READS, ids=[r[0] for r in READS])
def test_read_at_most(tmp_path, name, make, limit, expected):
    path = make(tmp_path)
    with open(path, "rb") as f:
        if isinstance(expected, int):
            assert len(limits.read_at_most(f, str(path), limit)) == expected
        else:
            with pytest.raises(TooLargeInput) as e:
                limits.read_at_most(f, str(path), limit)
            assert expected in str(e.value) and "\n" not in str(e.value)
            assert str(e.value).startswith(str(path))
            if path.is_file():
                assert f.tell() == 0, "a regular file over the limit is refused by its size, before any read"


def test_a_fifo_is_read_no_further_than_the_limit(tmp_path):
    fifo = tmp_path / "endless.txt"
    os.mkfifo(fifo)
    written = []

    def writer():  # writes until the reader goes away
        try:
            with open(fifo, "wb") as f:
                while True:
                    written.append(f.write(b"y" * 65536))
        except (BrokenPipeError, OSError):
            pass

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    with open(fifo, "rb") as f:
        with pytest.raises(TooLargeInput, match="holds more than 1000 KB"):
            limits.read_at_most(f, str(fifo), 1000 * 1024)
    thread.join(timeout=10)
    assert not thread.is_alive()


def test_an_in_memory_file_is_read_to_the_limit():
    assert limits.read_at_most(io.BytesIO(b"abc"), "-", 3) == b"abc"
    with pytest.raises(TooLargeInput, match="^- holds more than 3 bytes"):
        limits.read_at_most(io.BytesIO(b"abcd"), "-", 3)


@pytest.mark.parametrize("n,words", [(0, "0 bytes"), (1023, "1023 bytes"), (1024, "1 KB"), (1536, "1.5 KB"),
                                     (10 * limits.MB, "10 MB"), (12345678, "11.8 MB"), (150 * limits.MB + 1, "150 MB")])
def test_describe_bytes(n, words):
    assert limits.describe_bytes(n) == words


@pytest.mark.parametrize("name", sorted(LIMITS))
def test_every_limit_is_in_the_docs_with_its_value(name):
    value = LIMITS[name]
    shown = f"{value // limits.MB} MB" if value % limits.MB == 0 and value >= limits.MB else f"{value:,}"
    row = next((line for line in LIMITS_DOC.splitlines() if f"`{name}`" in line), None)
    assert row, f"{name} is not named in docs/limits.md"
    assert re.search(rf"(?<![\d,.]){re.escape(shown)}(?![\d,])", row), f"docs/limits.md's line for {name} does not say {shown}"
