"""Material's built-in search against Pagefind on the query set (issue #14), side by side in one run.

    python -m scripts.search_bench [--site site] [--out snippets/data/performance.search.json]

Takes a built site (`make site`), copies it and indexes the copy with Pagefind's CLI. Pagefind reads the markup
scripts/mkdocs_hooks.py writes for it: only the article of the pages Material's index holds (so both engines
search the same pages, and neither the navigation nor the print page is indexed), with a page's `search_terms`
as searchable metadata rather than page text. It serves the copy on 127.0.0.1 and in Chromium asks each engine
every query of tests/data/search_queries_{tune,held_out}.toml: Material through its own search box (as
tests/browser/test_search_and_keyboard.py does), Pagefind through its JavaScript API (`pagefind.search`, the
call its UI makes), each Pagefind query in a new browser context so that its bytes are those of a reader's
first query. For each engine and part it reports the share of queries whose page is first and among the first
three distinct pages, the bytes a page loads for search before any query, the median and largest bytes one
query loads, and the index's size and build time, and it lists each miss with what came first. The results go
to --out as JSON (the performance page prints them) and are printed as a table.

Pagefind's ranking is left at its defaults: the point is to choose an engine by the numbers before tuning it.
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
from datetime import UTC, datetime
from http.server import ThreadingHTTPServer
from pathlib import Path

from scripts.paths import ROOT
from tests.browser.conftest import CHROMIUM_ARGS, QuietHandler, chromium_path
from tests.search_queries import PARTS, search_queries

# The data (URL, excerpt) of the first five results: what Pagefind's own UI loads first (its pageSize, 5).
PAGEFIND_SEARCH = """async (query) => {
    window.__pf ??= await import("/pagefind/pagefind.js");
    const result = await window.__pf.search(query);
    const data = await Promise.all(result.results.slice(0, 5).map((r) => r.data()));
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


def rates(rows: list[dict]) -> dict:
    n = len(rows)
    return {
        "queries": n,
        "top1": sum(r["found"][:1] == [r["page"]] for r in rows) / n,
        "top3": sum(r["page"] in r["found"][:3] for r in rows) / n,
        "misses": [r for r in rows if r["page"] not in r["found"][:3]],
    }


def run_material(browser, base: str, queries: dict[str, list[dict]]) -> dict:
    """Every query through Material's own search box, in one page: its index is fetched once, on load."""
    from tests.browser.test_search_and_keyboard import search as material_search

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    counter = Bytes(page, lambda u: "/search/" in u or "/workers/search." in u)
    start = time.perf_counter()
    page.goto(base + "classical/knn/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    # The worker builds its lunr index in the browser, on every first visit: ready once the meta line is set.
    page.wait_for_function("document.querySelector('.md-search-result__meta')?.textContent.trim() !== ''")
    ready_s = time.perf_counter() - start
    first_visit = counter.total
    out = {}
    for part, items in queries.items():
        rows = []
        for q in items:
            try:
                found = material_search(page, q["text"])
            except Exception:  # no result at all within the wait
                found = []
            rows.append({"text": q["text"], "page": q["page"], "found": found[:3]})
        out[part] = rates(rows)
    context.close()
    # Once the index is in, a query fetches nothing: all of its cost is paid by the first visit.
    return {
        "first_visit_kib": round(first_visit / 1024, 1),
        "median_query_kib": 0.0,
        "max_query_kib": 0.0,
        "first_query_s": round(ready_s, 2),  # page load to a search box that answers
        **out,
    }


def run_pagefind(browser, base: str, queries: dict[str, list[dict]]) -> dict:
    """Every query through Pagefind's JavaScript API, each in a new browser context (empty HTTP cache), so
    that a query's bytes are those a reader's first query costs: pagefind.js, its WebAssembly, the index
    chunks the query's words fall in, and the fragments of the results shown."""
    out, per_query, seconds, first_visit = {}, [], [], None
    for part, items in queries.items():
        rows = []
        for q in items:
            context = browser.new_context()
            page = context.new_page()
            counter = Bytes(page, lambda u: "/pagefind/" in u)
            page.goto(base + "classical/knn/", wait_until="networkidle")
            if first_visit is None:
                first_visit = counter.total  # nothing is fetched until the first query
            before, start = counter.total, time.perf_counter()
            found = distinct_pages(page.evaluate(PAGEFIND_SEARCH, q["text"]))
            seconds.append(time.perf_counter() - start)
            page.wait_for_load_state("networkidle")
            per_query.append(counter.total - before)
            context.close()
            rows.append({"text": q["text"], "page": q["page"], "found": found[:3]})
        out[part] = rates(rows)
    return {
        "first_visit_kib": round(first_visit / 1024, 1),
        "median_query_kib": round(statistics.median(per_query) / 1024, 1),
        "max_query_kib": round(max(per_query) / 1024, 1),
        "first_query_s": round(statistics.median(seconds), 2),  # a cold query: load pagefind.js, search, fetch
        **out,
    }


def body_pages(site: Path) -> set[str]:
    """The pages whose article carries `data-pagefind-body` (scripts/mkdocs_hooks.py marks them): once any page
    has it, Pagefind indexes those pages only."""
    return {
        html.relative_to(site).as_posix().removesuffix("index.html")
        for html in site.rglob("*.html")
        if "data-pagefind-body" in html.read_text(encoding="utf-8", errors="replace")
    }


def index_with_pagefind(site: Path) -> tuple[float, float]:
    """Index a built site in place with Pagefind's CLI; the seconds it took and the KiB of the bundle it wrote.
    Both engines must search the same pages: those Material's index holds (not the print page, the whole guide
    on one page, nor the 404 page) are the ones marked for Pagefind, or this stops and names the difference."""
    material = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    wanted = {doc["location"].split("#")[0] for doc in material["docs"]}
    marked = body_pages(site)
    if marked != wanted:
        sys.exit(
            f"search_bench: {site}: pages marked data-pagefind-body differ from Material's index: "
            f"marked only {sorted(marked - wanted)}, indexed by Material only {sorted(wanted - marked)}"
        )
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site)], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"search_bench: pagefind failed on {site}:\n{done.stdout}\n{done.stderr}")
    seconds = time.perf_counter() - start
    return seconds, sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file()) / 1024


def compare(built: Path, engines: tuple[str, ...] = ("material", "pagefind")) -> dict:
    """Both engines (or those named) on every query, on a copy of the built site `built`."""
    from playwright.sync_api import sync_playwright

    queries = {part: search_queries(part) for part in PARTS}
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="mlig-search-") as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(built, site)
        pagefind_s, pagefind_kib = index_with_pagefind(site)
        server, base = serve(site)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            if "material" in engines:
                results["material"] = run_material(browser, base, queries)
            results["pagefind"] = run_pagefind(browser, base, queries)
            browser.close()
        server.shutdown()
    if "material" in engines:
        results["material"]["index_kib"] = round((built / "search" / "search_index.json").stat().st_size / 1024)
    results["pagefind"]["index_kib"] = round(pagefind_kib)
    results["pagefind"]["index_build_s"] = round(pagefind_s, 1)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "snippets" / "data" / "performance.search.json")
    args = parser.parse_args()
    if not (args.site / "search" / "search_index.json").exists():
        sys.exit(f"search_bench: {args.site} is not a built site with Material's search index (run `make site`)")
    if chromium_path() is None:
        sys.exit("search_bench: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)")
    results = {"measured": datetime.now(UTC).strftime("%Y-%m-%d"), **compare(args.site)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")

    results.pop("measured")
    header = f"{'':28}" + "".join(f"{e:>12}" for e in results)
    print(header)
    for part in PARTS:
        for metric in ("top1", "top3"):
            cells = "".join(f"{results[e][part][metric]:>12.0%}" for e in results)
            print(f"{part + ' ' + metric + ' (' + str(results['material'][part]['queries']) + ')':28}{cells}")
    for key in ("first_visit_kib", "median_query_kib", "max_query_kib", "first_query_s", "index_kib", "index_build_s"):
        print(f"{key:28}" + "".join(f"{results[e].get(key, '-')!s:>12}" for e in results))
    for engine in results:
        for part in PARTS:
            for miss in results[engine][part]["misses"]:
                print(f"miss [{engine}, {part}] {miss['text']!r}: wanted {miss['page']}, got {miss['found']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
