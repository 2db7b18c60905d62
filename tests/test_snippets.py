"""Every snippet runs on its own, quickly, deterministically, and every part of it is shown on a page."""

from __future__ import annotations

import contextlib
import io
import os
import runpy
import time
from pathlib import Path

import pytest

from scripts.pages import outputs_included, parse
from scripts.paths import DOCS, OUTPUTS_OUT, SNIPPETS, rel
from scripts.sections import section_names

SNIPPET_FILES = sorted(p for p in SNIPPETS.glob("*.py") if not p.name.startswith("_"))
PAGES = sorted(DOCS.rglob("*.md"))
TIME_LIMIT_S = 5.0


@pytest.fixture(autouse=True)
def fresh_library_state():
    """Snippets run in this process one after another: undo global state one may set for the next."""
    import matplotlib
    import matplotlib.pyplot as plt
    import numpy as np

    printoptions = np.get_printoptions()
    yield
    np.set_printoptions(**printoptions)
    matplotlib.rcdefaults()
    plt.close("all")


def test_there_are_snippets():
    assert SNIPPET_FILES, "snippets/ holds no snippet"


@pytest.mark.parametrize("snippet", SNIPPET_FILES, ids=lambda p: p.stem)
def test_snippet_runs_quickly_and_prints_what_the_page_shows(snippet: Path, tmp_path, monkeypatch, generated):
    monkeypatch.chdir(tmp_path)  # a snippet that writes files writes them here
    monkeypatch.setenv("MPLBACKEND", "Agg")
    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(snippet), run_name="__main__")
    seconds = time.perf_counter() - start
    assert seconds < TIME_LIMIT_S, f"{rel(snippet)} took {seconds:.1f} s (limit {TIME_LIMIT_S} s)"
    # The page shows output captured in another process, section by section; a plain run must print the
    # same text, in the same order. This fails for a snippet whose output is not deterministic.
    printed = out.getvalue()
    position = 0
    for name in section_names(snippet):
        captured = (OUTPUTS_OUT / snippet.stem / f"{name}.txt").read_text(encoding="utf-8")
        found = printed.find(captured, position)
        assert found >= 0, (
            f"{rel(snippet)}: section '{name}' printed something else in a fresh run than the page shows "
            f"(non-deterministic output?)\n--- page shows ---\n{captured}\n--- fresh run ---\n{printed}"
        )
        position = found + len(captured)


def test_snippets_run_on_their_own_as_scripts(tmp_path):
    """`python snippets/<stem>.py` from any directory, as the page promises."""
    import subprocess
    import sys

    snippet = SNIPPET_FILES[0]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"MPLBACKEND": "Agg"}
    proc = subprocess.run([sys.executable, str(snippet)], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def _included_snippet_sections() -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for page in PAGES:
        for _, target, section in parse(page).includes():
            if target.startswith("snippets/"):
                used.setdefault(Path(target).stem, set()).add(section or "*")
    return used


@pytest.mark.parametrize("snippet", SNIPPET_FILES, ids=lambda p: p.stem)
def test_every_snippet_section_is_shown_on_a_page(snippet: Path):
    used = _included_snippet_sections().get(snippet.stem)
    assert used, f"{rel(snippet)} is not included by any page under docs/"
    if "*" not in used:
        unused = set(section_names(snippet)) - used
        assert not unused, f"{rel(snippet)}: sections never included by a page: {sorted(unused)}"


@pytest.mark.parametrize("snippet", SNIPPET_FILES, ids=lambda p: p.stem)
def test_every_section_that_prints_has_its_output_on_a_page(snippet: Path, generated):
    shown = {(p.parent.name, p.stem) for page in PAGES for p in outputs_included(parse(page))}  # (stem, section)
    for name in section_names(snippet):
        output = OUTPUTS_OUT / snippet.stem / f"{name}.txt"
        if output.read_text(encoding="utf-8").strip():
            assert (snippet.stem, name) in shown, (
                f"{rel(snippet)}: section '{name}' prints output that no page shows; include "
                f'--8<-- "generated/outputs/{snippet.stem}/{name}.txt" under its code'
            )
