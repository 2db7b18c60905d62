"""Render what the pages include: snippet outputs and figures, each only when its sources changed.

    python -m scripts.generate            # what `make site`, `make serve` and the MkDocs hook run
    python -m scripts.generate --force    # ignore the cache

A job's cache key is the SHA-256 of every file it depends on plus the pinned requirements:
  * snippet output  <- snippets/<stem>.py, scripts/sections.py, requirements.txt
  * figure module   <- scripts/figures/<stem>.py, the snippet of the same stem (figures reuse its objects),
                       scripts/figures/__init__.py (palettes, SVG settings), requirements.txt
Stale jobs run in parallel subprocesses (fresh interpreters, so `mkdocs serve` sees edited code).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from scripts.paths import (
    DOCS,
    FIGURE_MODULES,
    FIGURES_OUT,
    GENERATED,
    OUTPUTS_OUT,
    REQUIREMENTS,
    ROOT,
    SCRIPTS,
    SNIPPETS,
    STAMPS,
    rel,
)


def digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(rel(p).encode() + b"\0")
        h.update(p.read_bytes() if p.exists() else b"<missing>")
        h.update(b"\0")
    return h.hexdigest()


@dataclass
class Job:
    kind: str  # "output" or "figures"
    stem: str
    inputs: list[Path]
    command: list[str]
    out_dir: Path
    key: str = field(init=False)

    def __post_init__(self) -> None:
        self.key = digest(self.inputs)

    @property
    def label(self) -> str:
        return f"{self.kind} {self.stem}"

    @property
    def stamp(self) -> Path:
        return STAMPS / f"{self.kind}-{self.stem}.json"

    def fresh(self) -> bool:
        try:
            saved = json.loads(self.stamp.read_text())
        except (OSError, ValueError):
            return False
        return saved.get("key") == self.key and all((self.out_dir / f).exists() for f in saved.get("files", []))

    def save_stamp(self) -> None:
        files = sorted(p.name for p in self.out_dir.iterdir() if p.is_file()) if self.out_dir.exists() else []
        if self.kind == "figures":
            files = [f for f in files if f.startswith(self.stem)]
        self.stamp.write_text(json.dumps({"key": self.key, "files": files}, indent=1))


def snippet_stems() -> list[str]:
    return sorted(p.stem for p in SNIPPETS.glob("*.py") if not p.name.startswith("_"))


def figure_stems() -> list[str]:
    return sorted(p.stem for p in FIGURE_MODULES.glob("*.py") if not p.name.startswith("_"))


def jobs() -> list[Job]:
    py = sys.executable
    out: list[Job] = []
    for stem in snippet_stems():
        src = SNIPPETS / f"{stem}.py"
        out.append(
            Job(
                "output",
                stem,
                [src, SCRIPTS / "sections.py", REQUIREMENTS],
                [py, "-m", "scripts.sections", str(src), str(OUTPUTS_OUT / stem)],
                OUTPUTS_OUT / stem,
            )
        )
    for stem in figure_stems():
        out.append(
            Job(
                "figures",
                stem,
                [FIGURE_MODULES / f"{stem}.py", SNIPPETS / f"{stem}.py", FIGURE_MODULES / "__init__.py", REQUIREMENTS],
                [py, "-m", "scripts.figures", "render", stem, str(FIGURES_OUT)],
                FIGURES_OUT,
            )
        )
    return out


def run_job(job: Job) -> tuple[Job, float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    if job.kind == "figures":  # a module's figures are all redrawn: drop the old ones first
        for old in FIGURES_OUT.glob(f"{job.stem}*"):
            old.unlink()
    env = {
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        **os.environ,
        "MPLBACKEND": "Agg",
        "PYTHONPATH": str(ROOT),
        "PYTHONHASHSEED": "0",
    }
    with tempfile.TemporaryDirectory(prefix="mlig-") as cwd:  # snippets may write files: not into the repo
        proc = subprocess.run(job.command, cwd=cwd, env=env, capture_output=True, text=True)
    return job, time.perf_counter() - start, proc


def remove_orphans(current: list[Job]) -> list[str]:
    """Delete outputs and figures whose snippet or figure module no longer exists."""
    keep = {j.stamp.name for j in current}
    removed = []
    for stamp in STAMPS.glob("*.json"):
        if stamp.name in keep:
            continue
        kind, stem = stamp.stem.split("-", 1)
        if kind == "output":
            shutil.rmtree(OUTPUTS_OUT / stem, ignore_errors=True)
        else:
            for f in FIGURES_OUT.glob(f"{stem}*"):
                f.unlink()
        stamp.unlink()
        removed.append(f"{kind} {stem}")
    return removed


def write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def round_tables() -> dict[str, str]:
    """Generated pages from the question pages' front matter: one table per round (its index page), the rounds
    on the home page, and the computed reading times that the home page quotes."""
    from scripts import reading_time, rounds
    from scripts.pages import parse, round_pages, section_text

    note = "<!-- generated by scripts/generate.py from the pages' front matter and text; do not edit -->"
    out: dict[str, str] = {}
    summary = [note, "| Round | What it tests | Questions | Reading time |", "|-------|---------------|--:|--:|"]
    n_pages, all_minutes, short = 0, 0, reading_time.ZERO
    for r in rounds.ROUNDS:
        rows = [note, "| Question | Difficulty | Reading time | Topics |", "|----------|------------|--:|--------|"]
        minutes = 0
        for path in round_pages(r.key):
            page = parse(path)
            meta = page.meta
            read = reading_time.of_file(path).rounded
            minutes += read
            short += reading_time.of_markdown(section_text(page, "Short answer"))
            tags = ", ".join(f"`{t}`" for t in meta.get("tags", []) or [])
            link = f"/{path.relative_to(DOCS).as_posix()}"
            title = str(meta.get("title", path.stem)).replace("|", "\\|")
            rows.append(f"| [{title}]({link}) | {meta.get('difficulty', '')} | {reading_time.label(read)} | {tags} |")
        count = len(rows) - 3
        n_pages += count
        all_minutes += minutes
        if count:
            rows.append(
                f"\n{count} {'page' if count == 1 else 'pages'}, {reading_time.total_label(minutes)} of reading in all."
            )
        else:
            rows = [
                note,
                "No question pages are in this round yet: the guidance above is the round's material for now.",
            ]
        out[f"rounds/{r.key}.md"] = "\n".join(rows) + "\n"
        summary.append(
            f"| [{r.title}](/{r.key}/index.md) | {r.tests} | {count} | {reading_time.total_label(minutes)} |"
        )
    out["rounds.md"] = "\n".join(summary) + "\n"
    out["reading-times.md"] = (
        f"{note}\nReading the Short answer of all {n_pages} pages takes about "
        f"{reading_time.total_label(short.rounded)}; reading every page in full, with its code, about "
        f"{reading_time.total_label(all_minutes)}.\n"
    )
    return out


def glossary() -> str:
    """The glossary table, from the abbreviation file every page appends (one definition, two uses)."""
    import re

    source = DOCS / "includes" / "abbreviations.md"
    rows = [
        f"<!-- generated by scripts/generate.py from {rel(source)}; do not edit -->",
        "| Abbreviation | Meaning |",
        "|--------------|---------|",
    ]
    for m in re.finditer(r"^\*\[([^\]]+)\]:\s*(.+)$", source.read_text(encoding="utf-8"), re.M):
        rows.append(f"| {m.group(1)} | {m.group(2).strip()} |")
    return "\n".join(rows) + "\n"


def generate(force: bool = False, log=print) -> bool:
    """Render what is stale. One run at a time: `mkdocs serve`, pytest workers and builds may overlap."""
    from filelock import FileLock

    GENERATED.mkdir(exist_ok=True)
    with FileLock(str(GENERATED / ".generate.lock")):
        return _generate(force, log)


def _generate(force: bool, log) -> bool:
    for d in (FIGURES_OUT, OUTPUTS_OUT, STAMPS, GENERATED / "pages"):
        d.mkdir(parents=True, exist_ok=True)
    (GENERATED / "pages" / "rounds").mkdir(exist_ok=True)
    for name, text in round_tables().items():
        write_if_changed(GENERATED / "pages" / name, text)
    from scripts import study_plan

    study_plan.write(GENERATED / "pages")
    write_if_changed(GENERATED / "pages" / "glossary.md", glossary())
    all_jobs = jobs()
    for gone in remove_orphans(all_jobs):
        log(f"generate: removed {gone} (its source is gone)")
    only = os.environ.get("GUIDE_ONLY")  # `make check-page STEM=...` renders just that stem
    if only:
        all_jobs = [j for j in all_jobs if j.stem == only]
    stale = [j for j in all_jobs if force or not j.fresh()]
    if not stale:
        log(f"generate: all {len(all_jobs)} outputs and figure sets up to date, nothing to do")
        return True
    log(f"generate: {len(stale)} of {len(all_jobs)} stale, rendering ...")
    ok = True
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = [pool.submit(run_job, j) for j in stale]
        for done, fut in enumerate(as_completed(futures), start=1):
            job, seconds, proc = fut.result()
            if proc.returncode == 0:
                job.save_stamp()
                log(f"generate: [{done}/{len(stale)}] {job.label} ({seconds:.1f} s)")
            else:
                ok = False
                job.stamp.unlink(missing_ok=True)
                log(f"generate: [{done}/{len(stale)}] {job.label} FAILED ({seconds:.1f} s)")
                log((proc.stderr or proc.stdout).rstrip())
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="re-render everything")
    args = parser.parse_args()
    return 0 if generate(force=args.force, log=lambda m: print(m, flush=True)) else 1


if __name__ == "__main__":
    sys.exit(main())
