"""Each guard rail fires on a broken copy of the project and names the file (and line) at fault."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import mkdocs_build

PAGE = "docs/questions/q09_precision_recall.md"
SNIPPET = "snippets/q09_precision_recall.py"


def edit(root: Path, rel_path: str, old: str, new: str) -> None:
    path = root / rel_path
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the guard-rail test expects {old!r} in {rel_path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(root: Path, rel_path: str, text: str) -> int:
    """Append text to a file; return the 1-based line number of its first line."""
    path = root / rel_path
    body = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(body + text, encoding="utf-8")
    return body.count("\n") + 1


def build_fails(root: Path) -> str:
    proc = mkdocs_build(root / "mkdocs.yml", root / "site")
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, f"the build should have failed:\n{output[-3000:]}"
    return output


def test_a_clean_copy_builds(scratch):
    proc = mkdocs_build(scratch / "mkdocs.yml", scratch / "site")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_malformed_latex_names_page_and_line(scratch):
    line = append(scratch, PAGE, "A broken formula: $\\frac{1}{2$ stops the build.\n")
    assert f"{PAGE}:{line}: malformed LaTeX" in build_fails(scratch)


def test_snippet_that_raises_names_file_and_line(scratch):
    edit(scratch, SNIPPET, 'print(f"TP={tp}', 'raise RuntimeError("broken on purpose")\nprint(f"TP={tp}')
    line = (scratch / SNIPPET).read_text().splitlines().index('raise RuntimeError("broken on purpose")') + 1
    out = build_fails(scratch)
    assert f"{SNIPPET}:{line}: the snippet raised RuntimeError: broken on purpose" in out


def test_unregistered_figure_names_page_and_line(scratch):
    line = append(scratch, PAGE, '--8<-- "generated/figures/q09_precision_recall_missing.md"\n')
    out = build_fails(scratch)
    assert f"{PAGE}:{line}: figure 'q09_precision_recall_missing' is not registered" in out


def test_broken_internal_link_names_page(scratch):
    append(scratch, PAGE, "See [a page that does not exist](q99_nowhere.md).\n")
    out = build_fails(scratch)
    assert "questions/q09_precision_recall.md" in out and "q99_nowhere.md" in out


def test_broken_anchor_names_page(scratch):
    append(scratch, PAGE, "See [a missing section](#no-such-section).\n")
    out = build_fails(scratch)
    assert "questions/q09_precision_recall.md" in out and "#no-such-section" in out


def test_missing_required_section_names_page(scratch):
    edit(scratch, PAGE, "## Pitfalls and follow-ups\n", "## Pitfalls\n")
    assert f"{PAGE}: missing required section '## Pitfalls and follow-ups'" in build_fails(scratch)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("difficulty: easy", "difficulty: trivial", "front matter 'difficulty' must be one of easy, medium, hard"),
        ("tags:\n  - metrics\n  - classification\n", "tags: metrics\n", "front matter 'tags' must be a non-empty list"),
        ("summary: Precision is", "abstract: Precision is", "front matter 'summary' is missing"),
        ("title: Define precision and recall", "title: [unclosed", "front matter is not valid YAML"),
    ],
    ids=["difficulty", "tags", "summary", "yaml"],
)
def test_invalid_front_matter_names_page(scratch, old, new, message):
    edit(scratch, PAGE, old, new)
    out = build_fails(scratch)
    assert f"{PAGE}:" in out and message in out


def test_runnable_fence_hidden_in_an_admonition_names_page_and_line(scratch):
    line = append(scratch, PAGE, '!!! note "Hidden"\n    ```python\n    assert False\n    ```\n') + 1
    out = build_fails(scratch)
    assert f"{PAGE}:{line}: this Python fence is indented" in out


def test_notebook_cell_that_raises_names_notebook_and_cell(scratch):
    import json

    lab = scratch / "docs" / "labs" / "lab_bias_variance.ipynb"
    nb = json.loads(lab.read_text())
    nb["cells"].insert(
        2,
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "broken",
            "metadata": {},
            "outputs": [],
            "source": ['raise ValueError("broken on purpose")'],
        },
    )
    lab.write_text(json.dumps(nb))
    out = re.sub(r"\x1b\[[0-9;]*m", "", build_fails(scratch))  # the traceback arrives in colour
    assert "lab_bias_variance.ipynb" in out
    assert 'raise ValueError("broken on purpose")' in out and "ValueError: broken on purpose" in out
