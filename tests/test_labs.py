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
