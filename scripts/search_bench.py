"""Material's built-in search against Pagefind on the query set (issue #14), side by side in one run.

    python -m scripts.search_bench [--site site] [--out generated/search-bench.json]

Takes a built site (`make site` or the tests' dev build), copies it, indexes the copy with Pagefind (its
CLI, `--root-selector article`, so that the navigation and the footer are not indexed) and serves both on
127.0.0.1. In Chromium it then asks each engine every query of tests/data/search_queries_{tune,held_out}.toml:
Material through its own search box (as tests/browser/test_search_and_keyboard.py does), Pagefind through
its JavaScript API (`pagefind.search`, the call its UI makes). For each engine and part it reports the share
of queries whose page is first and among the first three distinct pages, the bytes a page loads for search
before any query, the median bytes one query loads, and the time to build the index, and it lists each miss
with what came first. The results go to --out as JSON and are printed as a table.

Pagefind's defaults are used as they are (no weights, no tuning): the point is to choose an engine by the
numbers before tuning either.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

from scripts.paths import GENERATED, ROOT
from tests.browser.conftest import CHROMIUM_ARGS, QuietHandler, chromium_path
from tests.search_queries import PARTS, search_queries

PAGEFIND_SEARCH = """async (query) => {
    window.__pf ??= await import("/pagefind/pagefind.js");
    const result = await window.__pf.search(query);
    const data = await Promise.all(result.results.slice(0, 10).map((r) => r.data()));
    return data.map((d) => d.url);
}"""


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def distinct_pages(urls: list[str]) -> list[str]:
    from urllib.parse import urlparse

    return list(dict.fromkeys(urlparse(u).path.lstrip("/").split("#")[0] for u in urls))


class Bytes:
    """Response bytes a page receives, by URL, from the moment it is attached."""

    def __init__(self, page, match) -> None:
        self.total = 0
        self.match = match
        page.on("response", self.add)

    def add(self, response) -> None:
        if self.match(response.url):
            # a redirect or an aborted request has no body
            with contextlib.suppress(Exception):
                self.total += len(response.body())


def run_engine(browser, base: str, engine: str, queries: dict[str, list[dict]]) -> dict:
    from tests.browser.test_search_and_keyboard import search as material_search

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    is_search = (lambda u: "/search/" in u) if engine == "material" else (lambda u: "/pagefind/" in u)
    counter = Bytes(page, is_search)
    page.goto(base + "classical/knn/", wait_until="networkidle")
    if engine == "material":
        page.locator("input.md-search__input").click()
        page.wait_for_function("document.querySelector('.md-search-result__meta')?.textContent.trim() !== ''")
    first_visit = counter.total  # Material fetches its whole index on load; Pagefind nothing until a query
    per_query, out = [], {}
    for part, items in queries.items():
        rows = []
        for q in items:
            before = counter.total
            if engine == "material":
                try:
                    found = material_search(page, q["text"])
                except Exception:  # no result at all within the wait
                    found = []
            else:
                found = distinct_pages(page.evaluate(PAGEFIND_SEARCH, q["text"]))
            per_query.append(counter.total - before)
            rows.append({"text": q["text"], "page": q["page"], "found": found[:3]})
        n = len(rows)
        out[part] = {
            "queries": n,
            "top1": sum(r["found"][:1] == [r["page"]] for r in rows) / n,
            "top3": sum(r["page"] in r["found"][:3] for r in rows) / n,
            "misses": [r for r in rows if r["page"] not in r["found"][:3]],
        }
    context.close()
    return {
        "first_visit_kib": round(first_visit / 1024, 1),
        "median_query_kib": round(statistics.median(per_query) / 1024, 1),
        "max_query_kib": round(max(per_query) / 1024, 1),
        **out,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=GENERATED / "search-bench.json")
    args = parser.parse_args()
    if not (args.site / "search" / "search_index.json").exists():
        sys.exit(f"search_bench: {args.site} is not a built site with Material's search index (run `make site`)")
    if chromium_path() is None:
        sys.exit("search_bench: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)")
    queries = {part: search_queries(part) for part in PARTS}
    from playwright.sync_api import sync_playwright

    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="mlig-search-") as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(args.site, site)
        start = time.perf_counter()
        cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article"]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"search_bench: pagefind failed:\n{done.stdout}\n{done.stderr}")
        pagefind_s = time.perf_counter() - start
        index_kib = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file()) / 1024
        server, base = serve(site)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            for engine in ("material", "pagefind"):
                results[engine] = run_engine(browser, base, engine, queries)
            browser.close()
        server.shutdown()
    results["material"]["index_kib"] = round((args.site / "search" / "search_index.json").stat().st_size / 1024)
    results["material"]["index_build_s"] = None  # built inside `mkdocs build` by the search plugin
    results["pagefind"]["index_kib"] = round(index_kib)
    results["pagefind"]["index_build_s"] = round(pagefind_s, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")

    header = f"{'':28}" + "".join(f"{e:>12}" for e in results)
    print(header)
    for part in PARTS:
        for metric in ("top1", "top3"):
            cells = "".join(f"{results[e][part][metric]:>12.0%}" for e in results)
            print(f"{part + ' ' + metric + ' (' + str(results['material'][part]['queries']) + ')':28}{cells}")
    for key in ("first_visit_kib", "median_query_kib", "max_query_kib", "index_kib", "index_build_s"):
        print(f"{key:28}" + "".join(f"{results[e][key]!s:>12}" for e in results))
    for engine in results:
        for part in PARTS:
            for miss in results[engine][part]["misses"]:
                print(f"miss [{engine}, {part}] {miss['text']!r}: wanted {miss['page']}, got {miss['found']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
