"""Every snippet runs on its own, quickly, deterministically, and every part of it is shown on a page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import render
from scripts.figures import PALETTES, load
from scripts.pages import outputs_included, parse
from scripts.paths import DOCS, GENERATED, OUTPUTS_OUT, SNIPPETS, STAMPS, rel
from scripts.sections import section_names

SNIPPET_FILES = sorted(p for p in SNIPPETS.glob("*.py") if not p.name.startswith("_"))
PAGES = sorted(DOCS.rglob("*.md"))
TIME_LIMIT_S = 5.0  # CPU seconds for one snippet (see scripts/render.py)
FIGURES = load()


def test_there_are_snippets():
    assert SNIPPET_FILES, "snippets/ holds no snippet"


def quickest(snippet: Path, seconds: float, tmp_path: Path) -> float:
    """The snippet's CPU time as the least of its measurements: this render's, the build's (its stamp) and,
    only if both are over the limit, one more render. CPU time still grows when the other worker and the
    browser share the cores and caches (a 2.6 s snippet once measured 5.6 s in CI), and the least of
    several timings is the one least disturbed by other processes, as the `timeit` documentation advises
    (https://docs.python.org/3/library/timeit.html#timeit.Timer.repeat)."""
    stamp = STAMPS / f"{snippet.stem}.json"
    if stamp.exists():
        seconds = min(seconds, json.loads(stamp.read_text())["seconds"])
    if seconds >= TIME_LIMIT_S:
        again = render.render_page(snippet.stem, tmp_path / "again", palettes=("light",))
        seconds = min(seconds, again.get("seconds", seconds))
    return seconds


def test_quickest_takes_the_least_measurement_and_renders_again_only_when_over(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "STAMPS", tmp_path)
    snippet = SNIPPETS / "knn.py"
    (tmp_path / "knn.json").write_text(json.dumps({"seconds": 1.5}))
    calls = []
    monkeypatch.setattr(render, "render_page", lambda *a, **k: calls.append(a) or {"seconds": 7.0})
    assert quickest(snippet, 2.0, tmp_path) == 1.5 and calls == []
    (tmp_path / "knn.json").write_text(json.dumps({"seconds": 6.0}))
    assert quickest(snippet, 8.0, tmp_path) == 6.0 and len(calls) == 1  # still over: the test fails


@pytest.mark.parametrize("snippet", SNIPPET_FILES, ids=lambda p: p.stem)
def test_a_fresh_run_prints_and_draws_what_the_page_shows_quickly(snippet: Path, tmp_path, generated):
    """Render the page again in a new process (as scripts/generate.py does, reseeded): the snippet is quick,
    and every output and figure comes out byte for byte as the build's copy. This fails for output or a
    figure that is not deterministic (a seed left out, a date or a random id in an SVG).

    The figures are drawn again in the light palette only: the dark variant is the same drawing function
    run on the same objects under other colours (scripts/figures/__init__.py, `render`), so it repeats what
    the light one shows, and drawing figures is most of a render's cost. The build's dark copies are
    still checked here for a date, and by tests/test_figures.py and the browser tests for what they show."""
    result = render.render_page(snippet.stem, tmp_path / "generated", palettes=("light",))
    assert "error" not in result, result.get("error")
    seconds = quickest(snippet, result["seconds"], tmp_path)
    assert seconds < TIME_LIMIT_S, (
        f"{rel(snippet)} took {seconds:.1f} s of CPU time at best (limit {TIME_LIMIT_S} s): "
        f"the build's render, this one and one more were all over it"
    )
    fresh, built = tmp_path / "generated", GENERATED
    for section in section_names(snippet):
        name = f"outputs/{snippet.stem}/{section}.txt"
        assert (fresh / name).read_text(encoding="utf-8") == (built / name).read_text(encoding="utf-8"), (
            f"{rel(snippet)}: section '{section}' printed something else in a fresh run than the page shows "
            f"(non-deterministic output?)\n--- page shows ---\n{(built / name).read_text(encoding='utf-8')}"
            f"\n--- fresh run ---\n{(fresh / name).read_text(encoding='utf-8')}"
        )
    assert result["figures"] == sorted(n for n, spec in FIGURES.items() if spec.stem == snippet.stem)
    for figure in result["figures"]:
        name = f"figures/{figure}-light.svg"
        svg = (fresh / name).read_bytes()
        assert svg == (built / name).read_bytes(), f"{name} differs from the build's copy"
        for palette in PALETTES:
            name = f"figures/{figure}-{palette}.svg"
            assert b"<dc:date>" not in (built / name).read_bytes(), f"{name} records a date"


def test_snippets_run_on_their_own_as_scripts(tmp_path):
    """`python snippets/<stem>.py` from any directory, as the page promises."""
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
