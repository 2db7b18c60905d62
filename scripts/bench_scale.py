"""How the guide's costs grow with its size: `make bench-scale` (and the second half of `make bench`).

    python -m scripts.bench_scale [--sizes 150,300] [--no-tests]

For each size it makes a scratch copy of the project and adds synthetic question pages until the guide has that
many: each is a copy of a real question (page, snippet, figure module and claim tests, the files the scaffold,
`make new-question`, creates) under a new name stem, so a synthetic page costs what a real one does. The copies
cycle through every question of the written rounds (the coding round's problems carry starters and notebooks
of their own and are left out). Today's guide is measured as it is. For each size it reports:

  - cold build: generated/ emptied, then `mkdocs build --strict` (snippets, figures, labs and pages), the edit loop;
  - no-op rebuild, and the floor: the same Markdown with every executable step off (GUIDE_NO_EXEC=1);
  - one-page edit: one synthetic page's snippet changed, and what the rebuild redid;
  - the publishing build (`make site`: print page and offline zip);
  - test time of the per-page tests (the test files whose tests multiply with the pages, below);
  - bytes: the search index, the print page, and what a browser loads on a first visit of a question page;
  - Pagefind on the same build (the engine issue #14 weighs against Material's): its bundle, its build time,
    and the bytes one query loads with a cold cache;
  - peak memory: the largest resident size of any one process in a build or the test run.

Results go to snippets/data/performance.json (read by snippets/performance.py, which prints the table and
whose figure module draws time against pages on the performance page).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from scripts import rounds
from scripts.paths import ROOT

RESULTS = ROOT / "snippets" / "data" / "performance.json"
# every round but the coding one, whose problems carry starters and notebooks of their own
SOURCE_ROUNDS = tuple(key for key in rounds.KEYS if key != "coding")
# The tests that grow with the number of pages: one (or many) per page, snippet or figure.
PER_PAGE_TESTS = (
    "tests/questions",
    "tests/test_snippets.py",
    "tests/test_pages.py",
    "tests/test_figures.py",
    "tests/test_site.py",
    "tests/browser/test_pages_in_browser.py",
)
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", ".venv-latest", "node_modules", "site", "generated", "__pycache__", ".pytest_cache"
)


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int, str, int]:
    """(seconds, peak resident KiB of the largest process among it and its waited-for descendants, output,
    return code). os.wait4 gives the resource use of this one child, not of everything the benchmark ran."""
    start = time.perf_counter()
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **(env or {})}, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0)
        return seconds, usage.ru_maxrss, out.read(), proc.returncode


def source_questions(project: Path) -> list[tuple[str, str]]:
    """(round, stem) of every real question that has its snippet, figure module and claim tests."""
    found = []
    for round_ in SOURCE_ROUNDS:
        for page in sorted((project / "docs" / round_).glob("*.md")):
            stem = page.stem
            files = (f"snippets/{stem}.py", f"scripts/figures/{stem}.py", f"tests/questions/test_{stem}.py")
            if stem != "index" and all((project / f).exists() for f in files):
                found.append((round_, stem))
    return found


def add_copy(project: Path, round_: str, stem: str, n: int) -> str:
    """Copy question `stem` as synthetic page number n; return the new stem."""
    new = f"{stem}_x{n:03d}"
    module = (project / "scripts/figures" / f"{stem}.py").read_text(encoding="utf-8")
    renames = [
        (f"snippets/{stem}.py", f"snippets/{new}.py"),
        (f"outputs/{stem}/", f"outputs/{new}/"),
        (f'snippet_namespace("{stem}")', f'snippet_namespace("{new}")'),
        (f'STEM = "{stem}"', f'STEM = "{new}"'),  # modules that name their figures f"{STEM}_..."
        (f"/{stem}.md", f"/{new}.md"),
        (f"/{stem}/", f"/{new}/"),
    ]
    # a figure's name starts with its module's stem: "knn_boundaries" becomes "knn_x007_boundaries"
    renames.append((f"figures/{stem}_", f"figures/{new}_"))

    def renamed(text: str) -> str:
        for old, repl in renames:
            text = text.replace(old, repl)
        return text

    page = renamed((project / "docs" / round_ / f"{stem}.md").read_text(encoding="utf-8"))
    # the title stays valid YAML whether it is quoted or not
    page = re.sub(r"^title: ([\"']?)(.*?)\1$", rf"title: \1\2 (synthetic copy {n})\1", page, count=1, flags=re.M)
    page = re.sub(r"^order: \d+$", f"order: {1000 + n}", page, count=1, flags=re.M)
    (project / "docs" / round_ / f"{new}.md").write_text(page, encoding="utf-8")
    shutil.copy2(project / "snippets" / f"{stem}.py", project / "snippets" / f"{new}.py")
    module = re.sub(rf'(@figure\(\s*)"{stem}_', rf'\1"{new}_', renamed(module))
    (project / "scripts/figures" / f"{new}.py").write_text(module, encoding="utf-8")
    test = (project / "tests/questions" / f"test_{stem}.py").read_text(encoding="utf-8")
    (project / "tests/questions" / f"test_{new}.py").write_text(renamed(test), encoding="utf-8")
    return new


def scratch_guide(dest: Path, size: int) -> tuple[Path, list[str]]:
    """A copy of the project with synthetic question pages added up to `size` question pages."""
    from scripts.pages import question_pages

    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    results = dest / RESULTS.relative_to(ROOT)
    if not results.exists():  # the performance page's snippet reads it: a first run starts from no rows
        results.parent.mkdir(parents=True, exist_ok=True)
        results.write_text(json.dumps({"measured": "never", "machine": "-", "rows": []}), encoding="utf-8")
    sources = source_questions(dest)
    added = []
    for n in range(max(0, size - len(question_pages()))):
        round_, stem = sources[n % len(sources)]
        added.append(add_copy(dest, round_, stem, n))
    return dest, added


def first_visit_bytes(site: Path) -> int:
    from scripts.bench import page_bytes

    return page_bytes(site)["question (q09)"][0]


def pagefind_bytes(site: Path) -> dict:
    """What Pagefind, the other engine scripts/search_bench.py compares, would cost at this size: its bundle,
    its build time, and the bytes of a reader's first query (every query of the set, each with a cold cache).
    The synthetic pages are copies, so only the bytes mean anything here, not which page comes first."""
    from scripts.search_bench import compare

    found = compare(site, engines=())["pagefind"]
    return {
        "pagefind_index_kib": found["index_kib"],
        "pagefind_build_s": found["index_build_s"],
        "pagefind_query_median_kib": found["median_query_kib"],
        "pagefind_query_max_kib": found["max_query_kib"],
    }


def measure(size: int, tests: bool, work: Path) -> dict:
    from scripts.pages import question_pages

    project, added = scratch_guide(work / f"guide-{size}", size)
    py = sys.executable
    env = {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project), "GUIDE_PUBLISH": "false"}
    site = work / f"site-{size}"
    build = [py, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    row: dict = {"pages": len(question_pages()) + len(added), "synthetic": len(added)}
    peak = 0

    def step(name: str, cmd: list[str], extra: dict | None = None) -> str:
        nonlocal peak
        seconds, rss, out, code = run(cmd, project, {**env, **(extra or {})})
        if code != 0:
            log = work.parent / f"bench-scale-{size}-{name}.log"  # outside the scratch folder, which is deleted
            log.write_text(out, encoding="utf-8")
            sys.exit(f"{name} failed at {size} pages (whole log: {log}):\n{out[-4000:]}")
        row[name] = round(seconds, 1)
        peak = max(peak, rss)
        print(f"  {size} pages: {name} {seconds:.1f} s, peak {rss / 2**20:.2f} GiB", flush=True)
        return out

    step("cold_build_s", build)
    step("noop_rebuild_s", build)
    edited = project / "snippets" / f"{added[-1] if added else 'precision_recall'}.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# benchmark edit\n", encoding="utf-8")
    log = step("one_page_edit_s", build)
    row["edited"] = edited.stem
    row["redone"] = sorted(set(re.findall(r"generate: \[\d+/\d+\] ([\w/.]+) \(", log)))
    row["search_index_kib"] = round((site / "search" / "search_index.json").stat().st_size / 1024)
    row["first_visit_kib"] = round(first_visit_bytes(site) / 1024)
    step("publish_build_s", build, {"GUIDE_PUBLISH": "true"})
    row["print_page_mib"] = round((site / "print_page" / "index.html").stat().st_size / 2**20, 1)
    row.update(pagefind_bytes(site))
    # last: a build with the executable steps off leaves the next normal build work to redo
    step("floor_s", build, {"GUIDE_NO_EXEC": "1"})
    row["noop_over_floor"] = round(row["noop_rebuild_s"] / row["floor_s"], 2)
    if tests:
        out = step("per_page_tests_s", [py, "-m", "pytest", "-q", "-n", "auto", *PER_PAGE_TESTS], {"CI": "true"})
        row["per_page_tests"] = re.findall(r"=+ (.*) in [\d.]+s", out)[-1:] or ["?"]
    row["peak_memory_gib"] = round(peak / 2**20, 2)
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    return row


def save(rows: list[dict]) -> None:
    """Merge into the results file: a size measured now replaces its earlier row. Each row keeps the day it
    was measured, since a run may measure some sizes only."""
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    old = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {"rows": []}
    keep = [{"measured": old["measured"], **r} for r in old["rows"] if r["pages"] not in {r["pages"] for r in rows}]
    rows = [{"measured": today, **r} for r in rows]
    result = {
        "measured": today,
        "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}",
        "rows": sorted(keep + rows, key=lambda r: r["pages"]),
    }
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1), flush=True)


def main() -> int:
    from scripts.pages import question_pages

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=f"{len(question_pages())},150,300", help="question pages, comma-separated")
    parser.add_argument("--no-tests", action="store_true", help="skip the per-page tests (the longest step)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    from tests.browser.conftest import chromium_path

    if chromium_path() is None:  # the first-visit bytes need it: fail now, not after the cold build
        sys.exit("bench-scale: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)")
    rows = []
    with tempfile.TemporaryDirectory(prefix="mlig-scale-") as tmp:
        for size in sizes:
            rows.append(measure(size, not args.no_tests, Path(tmp)))
            save(rows)  # after each size: the largest takes longest, and what was measured is kept
    return 0


if __name__ == "__main__":
    sys.exit(main())
