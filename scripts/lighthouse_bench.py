"""Lighthouse (mobile) on the home page, a question page and a lab: `make bench-lighthouse`.

A benchmark, not a test: it prints the four category scores and the total byte weight of each page.
The site is served from site/ on 127.0.0.1 with gzip, as GitHub Pages serves it (Python's http.server
does not compress, which would cost performance points that readers never lose).
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

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


def main() -> int:
    site = ROOT / "site"
    if not (site / "index.html").exists():
        sys.exit("site/ is empty: run `make site` first")
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: npm ci --prefix scripts/lighthouse")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    env = {**os.environ, "CHROME_PATH": chromium_path() or ""}
    print("| Page | Performance | Accessibility | Best practices | SEO | Total bytes |")
    print("|---|---|---|---|---|---|")
    for name, path in PAGES.items():
        proc = subprocess.run(
            [
                str(LIGHTHOUSE),
                base + path,
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
            print(f"| {name} | Lighthouse failed: {proc.stderr.strip()[-200:]} |")
            continue
        report = json.loads(proc.stdout)
        scores = [
            round(report["categories"][c]["score"] * 100)
            for c in ("performance", "accessibility", "best-practices", "seo")
        ]
        weight = report["audits"]["total-byte-weight"]["numericValue"]
        print(f"| {name} | " + " | ".join(map(str, scores)) + f" | {weight / 1024:.0f} KiB |")
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
