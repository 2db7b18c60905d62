"""Benchmark the pipeline and the pages: `make bench` (medians over several runs on this machine).

    python -m scripts.bench [--runs 3] [--test-runs 1]

Measures, each as the median wall time of --runs runs:
  1. cold pipeline: generated/ and site emptied, then a strict build (figures, outputs, notebooks, site)
  2. no-op rebuild: the same build again, nothing changed
  3. one-snippet edit: snippets/precision_recall.py changed, then a build; lists what was redone
  4. floor: the same Markdown built with the executable steps off (GUIDE_NO_EXEC=1)
  5. `pytest -n auto` (what `make test` runs after set-up), --test-runs times
  6. bytes each page kind loads in a browser (HTML, CSS, JS, fonts, images), and the search index size
  7. the offline copy: time a build with it takes, and the zip's size; the print page's size
Builds 1-4 skip the print page and the offline copy (no GUIDE_PUBLISH), as `mkdocs serve` does: they time the
edit loop.
It prints a Markdown table and writes it to docs/includes/benchmark.md, which the contributing docs include.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from scripts.paths import DOCS, GENERATED, ROOT, SNIPPETS

EDITED = SNIPPETS / "precision_recall.py"
PAGE_KINDS = {
    "home": "",
    "question (q09)": "evaluation/precision_recall/",
    "lab": None,  # the first lab, if there is one
    "plain Material page (topics, no math)": "topics/",
}


def build(site: Path, env: dict | None = None) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDE_PUBLISH": "false", **(env or {})},
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"build failed:\n{proc.stdout}\n{proc.stderr}")
    return seconds, proc.stdout + proc.stderr


def clean_generated() -> None:
    for name in ("figures", "outputs", "stamps", "pages", "mkdocs-jupyter"):
        shutil.rmtree(GENERATED / name, ignore_errors=True)


def median(xs: list[float]) -> str:
    return f"{statistics.median(xs):.1f} s" + (f" (min {min(xs):.1f}, max {max(xs):.1f})" if len(xs) > 1 else "")


def page_bytes(site: Path) -> dict[str, tuple[int, int]]:
    """(total bytes loaded, bytes of images) per page kind, measured in headless Chromium."""
    import functools
    import threading
    from http.server import ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS, QuietHandler, chromium_path

    labs = sorted((DOCS / "labs").glob("*.ipynb"))
    kinds = dict(PAGE_KINDS)
    kinds["lab"] = f"labs/{labs[0].stem}/" if labs else None
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for kind, path in kinds.items():
            if path is None:
                continue
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            sizes: list[tuple[str, int]] = []

            def record(response, sizes=sizes):
                with contextlib.suppress(Exception):  # redirects and aborted requests have no body
                    sizes.append((response.request.resource_type, len(response.body())))

            page.on("response", record)
            page.goto(base + path, wait_until="networkidle")
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy images load too
            page.wait_for_timeout(500)
            out[kind] = (sum(s for _, s in sizes), sum(s for t, s in sizes if t == "image"))
            page.close()
        browser.close()
    server.shutdown()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--test-runs", type=int, default=1)
    args = parser.parse_args()
    original = EDITED.read_text(encoding="utf-8")
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="mlig-bench-") as tmp:
        site = Path(tmp) / "site"
        cold = []
        for _ in range(args.runs):
            clean_generated()
            shutil.rmtree(site, ignore_errors=True)
            cold.append(build(site)[0])
        rows.append(("cold pipeline (caches emptied)", median(cold)))
        noop = [build(site)[0] for _ in range(args.runs)]
        rows.append(("no-op rebuild", median(noop)))
        edit, redone = [], set()
        try:
            for i in range(args.runs):
                EDITED.write_text(original + f"\n# benchmark edit {i}\n", encoding="utf-8")
                seconds, log = build(site)
                edit.append(seconds)
                redone.update(re.findall(r"generate: \[\d+/\d+\] (\w+) \(", log))
        finally:
            EDITED.write_text(original, encoding="utf-8")
            build(site)  # leave generated/ matching the sources
        rows.append((f"rebuild after editing {EDITED.name}", median(edit)))
        rows.append(("  redone by that edit", ", ".join(sorted(redone)) or "nothing"))
        floor = [build(site, {"GUIDE_NO_EXEC": "1"})[0] for _ in range(args.runs)]
        rows.append(("floor: same Markdown, executable steps off", median(floor)))
        rows.append(("no-op rebuild / floor", f"{statistics.median(noop) / statistics.median(floor):.2f}×"))
        tests, outcome = [], "passed"
        for _ in range(args.test_runs):
            start = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-n", "auto"], cwd=ROOT, capture_output=True, text=True
            )
            tests.append(time.perf_counter() - start)
            if proc.returncode != 0:
                outcome = "FAILED"
                print(proc.stdout[-3000:], file=sys.stderr)
        rows.append((f"`make test` after set-up (pytest -n auto, {outcome})", median(tests)))
        for kind, (total, images) in page_bytes(site).items():
            rows.append(
                (f"bytes loaded: {kind}", f"{total / 1024:.0f} KiB ({(total - images) / 1024:.0f} KiB without images)")
            )
        index = site / "search" / "search_index.json"
        rows.append(("search index", f"{index.stat().st_size / 1024:.0f} KiB"))
        full = [build(site, {"GUIDE_PUBLISH": "true"})[0] for _ in range(args.runs)]
        rows.append(("no-op build with the offline copy (`make site`)", median(full)))
        zipped = site / "downloads" / "ml-interview-guide-offline.zip"
        rows.append(("offline copy (zip)", f"{zipped.stat().st_size / 2**20:.1f} MiB"))
        printed = site / "print_page" / "index.html"
        rows.append(("print page (HTML)", f"{printed.stat().st_size / 2**20:.1f} MiB"))
    when = datetime.now(UTC).strftime("%Y-%m-%d")
    table = "\n".join(["| Measure | Result |", "|---|---|"] + [f"| {a} | {b} |" for a, b in rows])
    text = (
        f"<!-- generated by `make bench` (scripts/bench.py); do not edit -->\n"
        f"Measured on {when}: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"medians of {args.runs} runs.\n\n{table}\n"
    )
    (DOCS / "includes" / "benchmark.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
