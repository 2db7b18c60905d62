"""Each guard rail fires on a broken copy of the project and names the file (and line) at fault.

Every breakage sits on a page of its own in ONE scratch copy, built once: the build reports every problem
with its file and line and fails at the end (scripts/mkdocs_hooks.py), so one build checks them all. A
notebook cell that raises stops mkdocs-jupyter at once, so it has a build of its own.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs_build, shared_tmp
from test_scaffold import FILES as SCAFFOLDED
from test_scaffold import scaffold


def edit(root: Path, rel_path: str, pattern: str, new: str) -> int:
    """Replace the first match of a regex (multiline); return the 1-based line where it was."""
    path = root / rel_path
    text = path.read_text(encoding="utf-8")
    m = re.search(pattern, text, re.M)
    assert m, f"the guard-rail test expects /{pattern}/ in {rel_path}"
    path.write_text(text[: m.start()] + new + text[m.end() :], encoding="utf-8")
    return text.count("\n", 0, m.start()) + 1


def append(root: Path, rel_path: str, text: str) -> int:
    """Append text to a file; return the 1-based line number of its first line."""
    path = root / rel_path
    body = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(body + text, encoding="utf-8")
    return body.count("\n") + 1


def build_fails(root: Path) -> str:
    proc = mkdocs_build(root / "mkdocs.yml", root / "site")
    output = re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout + proc.stderr)  # tracebacks may arrive in colour
    assert proc.returncode != 0, f"the build should have failed:\n{output[-3000:]}"
    return output


# One page per breakage (pages of the first rounds; each must exist).
LATEX = "docs/evaluation/precision_recall.md"
SNIPPET = "snippets/confusion_matrix.py"
FIGURE = "docs/evaluation/f1_vs_accuracy.md"
LINK = "docs/evaluation/type_i_ii_errors.md"
ANCHOR = "docs/evaluation/cross_validation.md"
SECTION = "docs/fundamentals/bias_variance.md"
FENCE = "docs/fundamentals/overfitting.md"
FRONT_MATTER = {
    "difficulty": ("docs/classical/knn.md", r"^difficulty: .*$", "difficulty: trivial"),
    "tags": ("docs/classical/naive_bayes.md", r"^tags:\n(?:  - .*\n)+", "tags: metrics\n"),
    "summary": ("docs/classical/lasso_ridge.md", r"^summary:", "abstract:"),
    "yaml": ("docs/classical/kmeans_vs_knn.md", r"^title: .*$", "title: [unclosed"),
    "round": ("docs/fundamentals/ml_paradigms.md", r"^round: .*$", "round: statistics"),
    "round folder": ("docs/fundamentals/semi_supervised.md", r"^round: .*$", "round: classical"),
    "practice": ("docs/practice/flashcards.md", r"^practice: .*$", "practice: flashcard"),
}
FRONT_MATTER_MESSAGES = {
    "difficulty": "front matter 'difficulty' must be one of easy, medium, hard",
    "tags": "front matter 'tags' must be a non-empty list",
    "summary": "front matter 'summary' is missing",
    "yaml": "front matter is not valid YAML",
    "round": "front matter 'round' must be one of fundamentals, classical, evaluation",
    "round folder": "front matter says round 'classical' but the page is in docs/fundamentals/",
    "practice": "front matter 'practice' must be one of cards, progress",
}


# One worker runs every test of the broken copy, so it is built once (the notebook test, with its own build,
# runs beside them on the other worker).
in_one_build = pytest.mark.xdist_group("guard_rails")


@pytest.fixture(scope="module")
def broken(tmp_path_factory, generated) -> tuple[str, dict]:
    """The build log of one scratch copy with every breakage below, and where each one is."""
    try:  # a marker all workers see: a second worker here means the copy is built twice
        os.close(os.open(shared_tmp(tmp_path_factory) / "guard_rails.worker", os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        pytest.fail(
            "a second pytest-xdist worker runs the guard rails, so the broken copy is built twice: --dist "
            "loadgroup is not grouping them (see pytest-dev/pytest-xdist#1386 and the pytest pin in requirements.in)"
        )
    root = copy_project(tmp_path_factory.mktemp("broken"))
    where: dict[str, int] = {}
    where["latex"] = append(root, LATEX, "A broken formula: $\\frac{1}{2$ stops the build.\n")
    where["snippet"] = edit(root, SNIPPET, r"^print\(", 'raise RuntimeError("broken on purpose")\nprint(')
    stem = Path(FIGURE).stem
    where["figure"] = append(root, FIGURE, f'--8<-- "generated/figures/{stem}_missing.md"\n')
    append(root, LINK, "See [a page that does not exist](nowhere.md).\n")
    append(root, ANCHOR, "See [a missing section](#no-such-section).\n")
    edit(root, SECTION, r"^## Pitfalls and follow-ups$", "## Pitfalls")
    where["fence"] = append(root, FENCE, '!!! note "Hidden"\n    ```python\n    assert False\n    ```\n') + 1
    for name, (page, pattern, new) in FRONT_MATTER.items():
        where[name] = edit(root, page, pattern, new)
    proc = scaffold(root)  # a page scaffolded and not filled in
    assert proc.returncode == 0, proc.stderr
    return build_fails(root), where


@in_one_build
def test_malformed_latex_names_page_and_line(broken):
    out, where = broken
    assert f"{LATEX}:{where['latex']}: malformed LaTeX" in out


@in_one_build
def test_snippet_that_raises_names_file_and_line(broken):
    out, where = broken
    assert f"{SNIPPET}:{where['snippet']}: the snippet raised RuntimeError: broken on purpose" in out


@in_one_build
def test_unregistered_figure_names_page_and_line(broken):
    out, where = broken
    stem = Path(FIGURE).stem
    assert f"{FIGURE}:{where['figure']}: figure '{stem}_missing' is not registered" in out


@in_one_build
def test_broken_internal_link_names_page(broken):
    out, _ = broken
    assert re.search(rf"{re.escape(Path(LINK).relative_to('docs').as_posix())}.*nowhere\.md", out), out[-3000:]


@in_one_build
def test_broken_anchor_names_page(broken):
    out, _ = broken
    assert re.search(rf"{re.escape(Path(ANCHOR).relative_to('docs').as_posix())}.*#no-such-section", out)


@in_one_build
def test_missing_required_section_names_page(broken):
    out, _ = broken
    assert f"{SECTION}: missing required section '## Pitfalls and follow-ups'" in out


@in_one_build
@pytest.mark.parametrize("name", list(FRONT_MATTER), ids=str)
def test_invalid_front_matter_names_page_and_line(broken, name):
    out, where = broken
    page = FRONT_MATTER[name][0]
    # A YAML error names the line the parser stopped on; a missing key, the front matter's first line.
    line = r"\d+" if name == "yaml" else "1" if name == "summary" else str(where[name])
    message = FRONT_MATTER_MESSAGES[name]
    assert re.search(rf"{re.escape(page)}:{line}: {re.escape(message)}", out), f"{page}:{line}: {message} not logged"


@in_one_build
def test_runnable_fence_hidden_in_an_admonition_names_page_and_line(broken):
    out, where = broken
    assert f"{FENCE}:{where['fence']}: this Python fence is indented" in out


@in_one_build
@pytest.mark.parametrize("name", SCAFFOLDED, ids=str)
def test_unfilled_scaffold_names_each_placeholder_with_file_and_line(broken, name):
    out, _ = broken
    assert re.search(rf"{re.escape(name)}:\d+: leftover placeholder 'TODO'", out), f"{name} not named"


@in_one_build
def test_every_problem_is_reported_in_one_build(broken):
    """The build went on after the first problem: it names all of them, then fails once at the end."""
    out, _ = broken
    assert re.search(r"\d+ problem\(s\) found, each named above with its file and line", out)


def test_notebook_cell_that_raises_names_notebook_and_cell(tmp_path, generated):
    import json

    root = copy_project(tmp_path)
    lab = root / "docs" / "labs" / "lab_bias_variance.ipynb"
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
    out = build_fails(root)
    assert "lab_bias_variance.ipynb" in out
    assert 'raise ValueError("broken on purpose")' in out and "ValueError: broken on purpose" in out
