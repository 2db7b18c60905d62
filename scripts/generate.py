"""Render what the pages include: snippet outputs and figures, each only when its sources changed.

    python -m scripts.generate            # what `make site`, `make serve` and the MkDocs hook run
    python -m scripts.generate --force    # ignore the cache

A page's job runs `python -m scripts.render <stem>`: its snippet once, section by section, for the outputs,
then its figures from the same run's objects. The cache key is the SHA-256 of every file that job reads:
snippets/<stem>.py, scripts/figures/<stem>.py, the runners (scripts/render.py, scripts/sections.py,
scripts/figures/__init__.py with the palettes and SVG settings) and the pinned requirements.
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


RUNNERS = [SCRIPTS / "render.py", SCRIPTS / "sections.py", FIGURE_MODULES / "__init__.py", REQUIREMENTS]


@dataclass
class Job:
    """Everything one page includes from generated/: its snippet's outputs and its figures."""

    stem: str
    inputs: list[Path] = field(init=False)
    key: str = field(init=False)

    def __post_init__(self) -> None:
        self.inputs = [SNIPPETS / f"{self.stem}.py", FIGURE_MODULES / f"{self.stem}.py", *RUNNERS]
        self.key = digest(self.inputs)

    @property
    def label(self) -> str:
        return self.stem

    @property
    def stamp(self) -> Path:
        return STAMPS / f"{self.stem}.json"

    def saved(self) -> dict:
        try:
            return json.loads(self.stamp.read_text())
        except (OSError, ValueError):
            return {}

    def fresh(self) -> bool:
        saved = self.saved()
        return saved.get("key") == self.key and all((GENERATED / f).exists() for f in saved.get("files", []))


def snippet_stems() -> list[str]:
    return sorted(p.stem for p in SNIPPETS.glob("*.py") if not p.name.startswith("_"))


def jobs() -> list[Job]:
    return [Job(stem) for stem in snippet_stems()]


def files_of(stem: str, result: dict) -> list[str]:
    """What a render wrote, relative to generated/ (the stamp lists them, so a re-render removes exactly these)."""
    files = [f"outputs/{stem}/{name}.txt" for name in result["outputs"]]
    for name in result["figures"]:
        files += [f"figures/{name}-light.svg", f"figures/{name}-dark.svg", f"figures/{name}.md"]
    return files


def remove_files(stamp: Path) -> None:
    try:
        files = json.loads(stamp.read_text()).get("files", [])
    except (OSError, ValueError):
        files = []
    for f in files:
        (GENERATED / f).unlink(missing_ok=True)


def run_job(job: Job) -> tuple[Job, float, subprocess.CompletedProcess]:
    from scripts.render import render_env

    start = time.perf_counter()
    remove_files(job.stamp)  # a page's outputs and figures are all redrawn: drop the old ones first
    with tempfile.TemporaryDirectory(prefix="mlig-") as cwd:  # snippets may write files: not into the repo
        proc = subprocess.run(
            [sys.executable, "-m", "scripts.render", job.stem, str(GENERATED)],
            cwd=cwd,
            env=render_env(),
            capture_output=True,
            text=True,
        )
    return job, time.perf_counter() - start, proc


def save_stamp(job: Job, proc: subprocess.CompletedProcess) -> dict:
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    stamp = {"key": job.key, "seconds": result["seconds"], "files": files_of(job.stem, result)}
    job.stamp.write_text(json.dumps(stamp, indent=1))
    return result


def remove_orphans(current: list[Job]) -> list[str]:
    """Delete the outputs and figures of a snippet that no longer exists (and stamps of an older layout)."""
    keep = {j.stamp.name for j in current}
    removed = []
    for stamp in STAMPS.glob("*.json"):
        if stamp.name in keep:
            continue
        remove_files(stamp)
        shutil.rmtree(OUTPUTS_OUT / stamp.stem, ignore_errors=True)
        stamp.unlink()
        removed.append(stamp.stem)
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
        log(f"generate: all {len(all_jobs)} pages' outputs and figures up to date, nothing to do")
        return True
    log(f"generate: {len(stale)} of {len(all_jobs)} stale, rendering ...")
    ok = True
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = [pool.submit(run_job, j) for j in stale]
        for done, fut in enumerate(as_completed(futures), start=1):
            job, seconds, proc = fut.result()
            if proc.returncode == 0:
                result = save_stamp(job, proc)
                log(f"generate: [{done}/{len(stale)}] {job.label} ({seconds:.1f} s, snippet {result['seconds']:.1f} s)")
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
