"""Debian's Chromium for the browser tests, launched as this closed machine needs: no sandbox (root),
nothing fetched in the background."""
import os
from contextlib import contextmanager

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-sync", "--disable-gpu", "--disable-quic"]


def require():
    """Skip when Chromium is missing, unless CHECKER_REQUIRE_BROWSER=1 (as .ci/run sets): then fail."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CHECKER_REQUIRE_BROWSER") == "1":
            raise RuntimeError(f"CHECKER_REQUIRE_BROWSER=1 but {CHROMIUM} is missing: apt-get install -y chromium")
        pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install -y chromium)",
                    allow_module_level=True)


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)


@contextmanager
def running(shots):
    """A launched Chromium for a module's tests, its screenshots going to ``shots`` (made if missing)."""
    from playwright.sync_api import sync_playwright

    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch(p)
        yield browser
        browser.close()
