"""`make new-question` scaffolds a page that the guard rails refuse until it is filled in, and then accept."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml
from conftest import BUILD_ENV, mkdocs_build

STEM = "q21_entropy"
FILES = [
    f"docs/questions/{STEM}.md",
    f"snippets/{STEM}.py",
    f"scripts/figures/{STEM}.py",
    f"tests/questions/test_{STEM}.py",
]


def run(root, *args):
    return subprocess.run(
        [sys.executable, *args], cwd=root, env=BUILD_ENV | {"PYTHONPATH": str(root)}, capture_output=True, text=True
    )


def test_scaffold_then_fill_in_passes_the_checks(scratch):
    proc = run(
        scratch,
        "scripts/new_question.py",
        "What is entropy?",
        "--tags",
        "metrics,statistics",
        "--difficulty",
        "easy",
        "--number",
        "21",
        "--slug",
        "entropy",
        "--root",
        str(scratch),
    )
    assert proc.returncode == 0, proc.stderr
    for name in FILES:
        assert (scratch / name).exists(), name
    nav = yaml.load((scratch / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]
    questions = next(item["Questions"] for item in nav if isinstance(item, dict) and "Questions" in item)
    entries = [q for q in questions if isinstance(q, str) and q.startswith("questions/q")]
    assert f"questions/{STEM}.md" in entries and entries == sorted(entries)

    # Unfilled: the build refuses the page and names every placeholder with file and line.
    proc = mkdocs_build(scratch / "mkdocs.yml", scratch / "site")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    for name in FILES:
        assert re.search(rf"{re.escape(name)}:\d+: leftover placeholder 'TODO'", out), f"{name} not named:\n{out}"

    # Filled in: the same page builds, and its own checks pass.
    for name in FILES:
        path = scratch / name
        path.write_text(path.read_text().replace("TODO-tag", "metrics").replace("TODO", "Filled"))
    proc = mkdocs_build(scratch / "mkdocs.yml", scratch / "site")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = run(
        scratch,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-n",
        "0",
        "-k",
        STEM,
        "tests/test_snippets.py",
        "tests/test_pages.py",
        "tests/test_figures.py",
        f"tests/questions/test_{STEM}.py",
        f"docs/questions/{STEM}.md",
    )
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert re.search(r"\d+ passed", proc.stdout)


def test_scaffold_refuses_to_overwrite(scratch):
    args = [
        "scripts/new_question.py",
        "Define precision and recall",
        "--number",
        "9",
        "--slug",
        "precision_recall",
        "--root",
        str(scratch),
    ]
    proc = run(scratch, *args)
    assert proc.returncode != 0 and "already exists: docs/questions/q09_precision_recall.md" in proc.stderr
