"""Benchmark: `checker import` of pages built to exhaust memory or time, beside an ordinary page (run by hand).

Each page is written to a file and imported by the `checker` command in a process of its own, into a fresh
database; the run's wall time and its peak resident memory (the child's ru_maxrss) are printed, each also as a
multiple of the ordinary page's (the seed article in its blog page, tests/data/intake/seed_article.html). Before
the limits in checker/limits.py, the first of the pathological pages ran 134 s and was killed at 24 GB.

Usage: .venv/bin/python bench/import_bench.py
"""
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHECKER = pathlib.Path(sys.executable).parent / "checker"
PROSE = ("<p>The report was published on Monday by the ministry, which said that the figures were final and that "
         "no further revision was planned before the end of the year.</p>")


def page(body, head=""):
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>A page</title>{head}</head><body><article>"
            f"<h1>A page</h1>{PROSE}{body}</article></body></html>")


def links_in_paragraphs(links):
    return page("".join("<p>" + ", ".join(f'<a href="https://s{i + j}.example/r">source {i + j}</a>' for j in range(10))
                        + ".</p>\n" for i in range(0, links, 10)))


def links_in_one_paragraph(links):
    return page("<p>" + " ".join(f'see <a href="https://s{i}.example/r/{i}">source {i}</a>' for i in range(links))
                + "</p>")


def long_text(characters):
    paragraphs, length, i = [], 0, 0
    while length < characters:
        paragraphs.append(" ".join(f"On day {i}.{n} of the session the council approved item {i * 7 + n} of its "
                                   f"agenda; the vote was {(i + n) % 50} to {50 - (i + n) % 50}." for n in range(8)))
        length += len(paragraphs[-1]) + 9
        i += 1
    return page("".join(f"<p>{p}</p>\n" for p in paragraphs))


def seed_page(head=""):
    return (ROOT / "tests" / "data" / "intake" / "seed_article.html").read_text().replace("</head>", head + "</head>", 1)


PAGES = [
    ("the seed article's page (ordinary)", seed_page),
    ("100,000 links, 10 a paragraph", lambda: links_in_paragraphs(100_000)),
    ("100,000 links in one paragraph, no full stop", lambda: links_in_one_paragraph(100_000)),
    ("the seed article's page with JSON-LD nested 100,000 deep", lambda: seed_page('<script type="application/ld+json">'
                                                                  + "[" * 100_000 + "]" * 100_000 + "</script>")),
    ("9 MB of text in 1,000-character paragraphs", lambda: long_text(9_000_000)),
]


def main():
    with tempfile.TemporaryDirectory() as folder:
        rows = []
        for i, (name, build) in enumerate(PAGES):
            path = pathlib.Path(folder) / f"page-{i}.html"
            path.write_text(build(), encoding="utf-8")
            rows.append((name, path.stat().st_size, *measure(path, folder)))
        base_seconds, base_rss = rows[0][2], rows[0][3]
        print(f"{'page':<56} {'bytes':>10} {'seconds':>8} {'x':>6} {'peak MB':>8} {'x':>5}  notes")
        for name, size, seconds, rss, output in rows:
            notes = sum(line.startswith("note: ") for line in output.splitlines())
            print(f"{name:<56} {size:>10,} {seconds:>8.2f} {seconds / base_seconds:>6.1f} {rss:>8.0f} "
                  f"{rss / base_rss:>5.1f}  {notes}")
            if not output.startswith("imported "):
                print("   ", output.strip().replace("\n", "\n    "))


def measure(path, folder):
    """Seconds, peak resident memory in MB, and the output of `checker import path` in a database of its own."""
    db = os.path.join(folder, f"{path.stem}.db")
    subprocess.run([CHECKER, "init", "--empty", "--db", db], check=True, capture_output=True)
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        child = subprocess.Popen([CHECKER, "import", str(path), "--db", db], stdout=out, stderr=subprocess.STDOUT)
        _, _, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = 0  # reaped by wait4: Popen must not wait for it again
        out.seek(0)
        return seconds, usage.ru_maxrss / 1024, out.read().decode()


if __name__ == "__main__":
    main()
