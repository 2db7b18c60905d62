"""`make new-question` scaffolds a page in its round that the guard rails refuse until it is filled in, and then
accept; the page appears in its round's navigation and index with no edit of mkdocs.yml."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml
from conftest import BUILD_ENV, mkdocs_build

from scripts import rounds
from scripts.pages import round_pages

STEM = "entropy"
FILES = [
    f"docs/evaluation/{STEM}.md",
    f"snippets/{STEM}.py",
    f"scripts/figures/{STEM}.py",
    f"tests/questions/test_{STEM}.py",
]


def run(root, *args):
    return subprocess.run(
        [sys.executable, *args], cwd=root, env=BUILD_ENV | {"PYTHONPATH": str(root)}, capture_output=True, text=True
    )


def scaffold(root):
    """`make new-question` in a scratch copy: the evaluation round's page 'What is entropy?'."""
    return run(
        root,
        "scripts/new_question.py",
        "What is entropy?",
        "--round",
        "evaluation",
        "--tags",
        "metrics,statistics",
        "--difficulty",
        "easy",
        "--slug",
        STEM,
        "--root",
        str(root),
    )


def test_scaffold_then_fill_in_passes_the_checks(scratch):
    """(That the build refuses the page unfilled, naming every placeholder, is checked in the guard rails'
    one broken build: tests/test_guard_rails.py.)"""
    mkdocs_yml = (scratch / "mkdocs.yml").read_bytes()
    proc = scaffold(scratch)
    assert proc.returncode == 0, proc.stderr
    for name in FILES:
        assert (scratch / name).exists(), name
    assert (scratch / "mkdocs.yml").read_bytes() == mkdocs_yml, "the scaffold edited mkdocs.yml"
    meta = yaml.safe_load((scratch / FILES[0]).read_text().split("---")[1])
    orders = [yaml.safe_load(p.read_text().split("---")[1]).get("order", 0) for p in round_pages("evaluation")]
    assert meta["round"] == "evaluation" and meta["order"] > max(o for o in orders if isinstance(o, int)), (
        "the scaffold should place the page last in its round"
    )

    # Filled in: the same page builds, and its own checks pass.
    for name in FILES:
        path = scratch / name
        path.write_text(path.read_text().replace("TODO-tag", "metrics").replace("TODO", "Filled"))
    proc = mkdocs_build(scratch / "mkdocs.yml", scratch / "site")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Last in its round's navigation (after the round's other pages), and in the round index's table.
    round_index = (scratch / "site" / "evaluation" / "index.html").read_text(encoding="utf-8")
    nav = round_index[round_index.index("md-nav--primary") :]
    links = re.findall(r'href="(?:\.\./)*(?:evaluation/)?([a-z0-9_]+)/"', nav[: nav.index("deep-learning/")])
    assert links and links[-1] == STEM, links
    table = round_index[round_index.index('id="questions-in-this-round"') :]
    assert f'href="{STEM}/"' in table, "the new page is not in its round's table"
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
        f"docs/evaluation/{STEM}.md",
    )
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert re.search(r"\d+ passed", proc.stdout)


def test_scaffold_refuses_a_taken_stem_even_in_another_round(scratch):
    args = ["scripts/new_question.py", "Define precision and recall", "--slug", "precision_recall"]
    proc = run(scratch, *args, "--round", "classical", "--root", str(scratch))
    taken = "the stem 'precision_recall' is taken by docs/evaluation/precision_recall.md"
    assert proc.returncode != 0 and taken in proc.stderr, proc.stderr
    assert not (scratch / "docs" / "classical" / "precision_recall.md").exists()


def test_scaffold_refuses_an_unknown_round_and_lists_the_rounds(scratch):
    proc = run(scratch, "scripts/new_question.py", "What is entropy?", "--round", "statistics", "--root", str(scratch))
    assert proc.returncode != 0
    assert f"unknown round 'statistics'; the rounds are: {', '.join(rounds.KEYS)}" in proc.stderr
    assert not list((scratch / "docs").glob("*/entropy.md"))


def test_scaffold_without_a_round_says_how_and_lists_the_rounds(scratch):
    proc = run(scratch, "scripts/new_question.py", "What is entropy?", "--root", str(scratch))
    assert proc.returncode != 0
    assert f"say which round the question belongs to with --round (ROUND=...): {', '.join(rounds.KEYS)}" in proc.stderr
