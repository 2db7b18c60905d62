"""Fixtures for the browser tests: the built site served on 127.0.0.1, and Debian's Chromium via Playwright."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scripts.paths import DOCS, NODE_MODULES

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
HOW_TO_GET_ONE = (
    "No Chromium or Chrome found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; "
    "macOS: install Google Chrome) or point CHROMIUM_PATH at the executable. Do not use `playwright install`."
)


def chromium_path() -> str | None:
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit if Path(explicit).exists() else None
    return next((p for p in map(shutil.which, CANDIDATES) if p), None)


def site_pages() -> list[str]:
    """URL paths of every page the site builds from docs/ (Markdown pages and notebooks)."""
    urls = []
    for src in sorted(DOCS.rglob("*")):
        rel = src.relative_to(DOCS)
        if rel.parts[0] in ("includes", "assets") or src.suffix not in (".md", ".ipynb", ".py"):
            continue
        if src.suffix == ".py" and rel.parts[0] != "labs":
            continue
        stem = rel.with_suffix("")
        url = (
            ""
            if stem.name == "index" and len(stem.parts) == 1
            else (f"{stem.parent.as_posix()}/" if stem.name == "index" else f"{stem.as_posix()}/")
        )
        urls.append(url)
    return urls


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest output readable
        pass


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the print page asks for 200-odd figures at once; the default backlog is 5


def serve(site: Path):
    handler = functools.partial(QuietHandler, directory=str(site))
    server = SiteServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(dev_site) -> str:
    """The plain build, served: the published pages, less the print page and the offline zip."""
    yield from serve(dev_site)


@pytest.fixture(scope="session")
def published_url(built_site) -> str:
    """The publishing build, served: for the print page and the offline copy."""
    yield from serve(built_site)


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(HOW_TO_GET_ONE + " (CI must run the browser tests: a missing browser is a failure)")
        pytest.skip(HOW_TO_GET_ONE)  # reason written here: only outside CI, where the reader is told how to fix it
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    path = NODE_MODULES / "axe-core" / "axe.min.js"
    if not path.exists():
        pytest.fail("node_modules/axe-core is missing: run `make setup`")
    return path.read_text(encoding="utf-8")
