"""Lighthouse (mobile) on the home page, a question page and a lab: `make bench-lighthouse`.

A benchmark, not a test: for each page, the medians over --runs runs (default 5: scores move by several points
between runs on a 2-core machine) of the four category scores, the paint and blocking times, the DOM size and
the total byte weight.
The site is served from site/ on 127.0.0.1 with gzip, as GitHub Pages serves it (Python's http.server
does not compress, which would cost performance points that readers never lose).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import statistics
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from scripts.paths import ROOT
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path

PAGES = {"home": "", "question (q09)": "evaluation/precision_recall/", "lab": "labs/lab_imbalanced_metrics/"}
LIGHTHOUSE = ROOT / "scripts" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it. Hand-written because the standard library's
    server has no compression and this is all the benchmark needs of one (a dozen lines)."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not path.endswith(COMPRESSIBLE) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        try:
            with open(path, "rb") as f:
                body = gzip.compress(f.read())
        except OSError:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def run_lighthouse(url: str, env: dict) -> dict | str:
    proc = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            "--only-categories=performance,accessibility,best-practices,seo",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        return f"Lighthouse failed: {proc.stderr.strip()[-200:]}"
    return json.loads(proc.stdout)


CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TIMINGS = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint", "TBT": "total-blocking-time"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per page; the table gives medians (default 5)")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default site/)")
    args = parser.parse_args()
    site = args.site
    if not (site / "index.html").exists():
        sys.exit(f"{site} is empty: run `make site` first")
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: npm ci --prefix scripts/lighthouse")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    env = {**os.environ, "CHROME_PATH": chromium_path() or ""}
    print(f"Medians of {args.runs} runs (Lighthouse mobile; performance of each run in brackets)\n")
    print("| Page | Performance | Accessibility | Best practices | SEO | FCP | LCP | TBT | DOM nodes | Total bytes |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, path in PAGES.items():
        reports = [run_lighthouse(base + path, env) for _ in range(args.runs)]
        failed = [r for r in reports if isinstance(r, str)]
        # a run Lighthouse could not score (its runtimeError says why) is reported, not averaged in
        unscored = [
            r
            for r in reports
            if not isinstance(r, str) and any(r["categories"][c]["score"] is None for c in CATEGORIES)
        ]
        reports = [r for r in reports if not isinstance(r, str) and r not in unscored]
        for r in unscored:
            print(f"{name}: a run was not scored: {r.get('runtimeError', {}).get('message', 'no reason given')}")
        if failed or not reports:
            print(f"| {name} | {failed[0] if failed else 'no run was scored'} |")
            continue
        scores = {c: [round(r["categories"][c]["score"] * 100) for r in reports] for c in CATEGORIES}
        timings = {k: statistics.median(r["audits"][a]["numericValue"] for r in reports) for k, a in TIMINGS.items()}
        dom = statistics.median(r["audits"]["dom-size"]["numericValue"] for r in reports)
        weight = statistics.median(r["audits"]["total-byte-weight"]["numericValue"] for r in reports)
        perf = f"{statistics.median(scores['performance']):g} ({', '.join(map(str, scores['performance']))})"
        others = " | ".join(f"{statistics.median(scores[c]):g}" for c in CATEGORIES[1:])
        print(
            f"| {name} | {perf} | {others} | {timings['FCP'] / 1000:.1f} s | {timings['LCP'] / 1000:.1f} s | "
            f"{timings['TBT']:.0f} ms | {dom:.0f} | {weight / 1024:.0f} KiB |"
        )
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
