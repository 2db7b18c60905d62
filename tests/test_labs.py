"""Labs: stored without outputs, linked both ways with the question pages they extend."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scripts.paths import DOCS, rel

LABS = sorted((DOCS / "labs").glob("*.ipynb"))
# Relative links to the Markdown source, as on the question pages: they work on GitHub, and the build turns
# them into page URLs (and reports a broken one with the notebook's name).
LINK_TO_QUESTION = re.compile(r"\(\.\./([\w-]+/[a-z0-9_]+)\.md(?:#[\w-]+)?\)")


def cells(lab: Path) -> list[dict]:
    return json.loads(lab.read_text(encoding="utf-8"))["cells"]


def test_there_are_at_least_four_labs():
    assert len(LABS) >= 4


@pytest.mark.parametrize("lab", LABS, ids=lambda p: p.stem)
def test_lab_is_stored_without_outputs(lab):
    """Outputs are produced by the build; stored ones would go stale and bloat the diffs."""
    for i, cell in enumerate(cells(lab)):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, f"{rel(lab)}: cell {i}"


@pytest.mark.parametrize("lab", LABS, ids=lambda p: p.stem)
def test_lab_has_a_title_and_exercises(lab):
    markdown = ["".join(c["source"]) for c in cells(lab) if c["cell_type"] == "markdown"]
    assert markdown and markdown[0].startswith("# Lab: "), f"{rel(lab)} must open with '# Lab: ...'"
    assert any(m.startswith("## Exercises") for m in markdown), f"{rel(lab)} has no '## Exercises' section"


@pytest.mark.parametrize("lab", LABS, ids=lambda p: p.stem)
def test_lab_and_its_questions_link_to_each_other(lab):
    text = "".join("".join(c["source"]) for c in cells(lab) if c["cell_type"] == "markdown")
    questions = set(LINK_TO_QUESTION.findall(text))
    assert questions, f"{rel(lab)} links to no question page"
    questions = {q for q in questions if not q.startswith("labs/")}
    assert questions, f"{rel(lab)} links to no question page"
    for target in questions:
        page = DOCS / f"{target}.md"
        assert page.exists(), f"{rel(lab)} links to missing {target}"
        assert f"../labs/{lab.name}" in page.read_text(encoding="utf-8"), f"{rel(page)} does not link to {lab.name}"


def test_lab_cache_key_is_mkdocs_jupyters_own():
    """scripts/lab_cache.py runs the labs before the build under the key mkdocs-jupyter computes; were the
    plugin to hash other options or defaults, the build would miss the cache and run every lab again."""
    import pathlib

    from mkdocs_jupyter.plugin import Plugin, _compute_cache_key, _get_cache_path

    from scripts import lab_cache
    from scripts.paths import ROOT

    plugin = Plugin()
    errors, _ = plugin.load_config(lab_cache.yaml_options())  # validated by the plugin, its defaults filled in
    assert not errors, errors
    for lab in LABS:
        execute = plugin.config["execute"] and not any(
            pathlib.PurePath(lab).match(p) for p in plugin.config["execute_ignore"]
        )
        expected = ROOT / _get_cache_path(
            plugin.config["cache_dir"], _compute_cache_key(str(lab), plugin.config, execute)
        )
        assert lab_cache.cache_path(lab, lab_cache.plugin_options()) == expected, rel(lab)


def test_the_build_runs_no_lab_itself(dev_site):
    """Every lab was run once, in parallel, by scripts/generate.py: the build only reads them from the cache."""
    log = dev_site.with_suffix(".log").read_text(encoding="utf-8")
    hits = set(re.findall(r"Cache hit: (\S+\.ipynb)", log))
    assert {str(lab) for lab in LABS} <= hits, f"labs the build ran itself: {sorted({str(x) for x in LABS} - hits)}"
    assert "Cache miss" not in log


def test_lab_cache_is_emptied_when_a_pin_changes(tmp_path, monkeypatch):
    """mkdocs-jupyter's key ignores package versions: a re-pin must run the labs again, not reuse old outputs."""
    from scripts import lab_cache

    entry = tmp_path / "0123abcd.json"
    entry.write_text("{}")
    assert lab_cache.forget_on_new_pins(tmp_path) and not entry.exists()  # no digest yet: emptied
    entry.write_text("{}")
    assert not lab_cache.forget_on_new_pins(tmp_path) and entry.exists()  # same pins: kept
    pins = tmp_path / "requirements.txt"
    pins.write_text(lab_cache.REQUIREMENTS.read_text() + "numpy==0.0.1\n")
    monkeypatch.setattr(lab_cache, "REQUIREMENTS", pins)
    assert lab_cache.forget_on_new_pins(tmp_path) and not entry.exists()  # a new pin: emptied
