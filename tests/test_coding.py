"""The coding round's graded problems: their tests are themselves tested.

Each problem's tests (snippets/coding/<stem>/test_<stem>.py) run three ways, in this process through pytester
(a second pytest run per solution costs a fraction of a second here, where a fresh interpreter costs two):
on the reference solution, inside the unpacked download exactly as a reader runs it, where every test must
pass; on the starter, where every test must fail; and on each plausible wrong solution, where the test it
names must fail with the message it names. The harness's own error messages are checked on broken files.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

# What the problems' tests import, imported here first: pytester drops the modules an in-process run imported
# when it ends, and NumPy cannot be imported twice in one process.
import numpy  # noqa: F401
import pytest
import scipy.special
import scipy.stats  # noqa: F401
import sklearn.cluster
import sklearn.linear_model
import sklearn.metrics
import sklearn.neighbors  # noqa: F401

from scripts import coding
from scripts.pages import parse
from scripts.paths import DOCS, GENERATED, SNIPPETS

PROBLEMS = coding.problems()
WRONG = [(stem, path) for stem in PROBLEMS for path in coding.wrong_solutions(stem)]
MIN_TESTS = 6  # a problem's tests check correctness on several seeds and its edge cases: a handful at least


@pytest.fixture
def run(pytester, monkeypatch):
    """Run a problem's tests on a solution file; only the plugins pytest itself brings (as in a download)."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")

    def run(*args: str):
        # importlib mode: the problems' harness conftest.py must not collide with tests/conftest.py
        return pytester.runpytest_inprocess("--import-mode=importlib", "-p", "no:cacheprovider", "-rA", *args)

    return run


def test_the_coding_round_has_its_eight_problems():
    assert len(PROBLEMS) >= 8, PROBLEMS
    for stem in PROBLEMS:
        assert (DOCS / "coding" / f"{stem}.md").exists(), f"snippets/coding/{stem}/ has no page docs/coding/{stem}.md"
        assert (SNIPPETS / f"{stem}.py").exists(), f"docs/coding/{stem}.md: no reference solution snippets/{stem}.py"
        assert (coding.folder(stem) / "starter.py").exists(), f"snippets/coding/{stem}/starter.py is missing"
        assert len(coding.wrong_solutions(stem)) >= 2, f"snippets/coding/{stem}/: fewer than two wrong_*.py"


def unpack(stem: str, dest: Path) -> Path:
    with zipfile.ZipFile(GENERATED / "downloads" / "coding" / f"{stem}.zip") as archive:
        archive.extractall(dest)
    return dest / stem


@pytest.mark.parametrize("stem", PROBLEMS)
def test_the_reference_passes_every_test_in_the_unpacked_download(stem, run, tmp_path, generated):
    folder = unpack(stem, tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [
            "README.md",
            "conftest.py",
            "pytest.ini",
            "requirements.txt",
            "solution.py",
            f"test_{stem}.py",
            f"{stem}.ipynb",
        ]
    )
    assert (folder / "solution.py").read_text() == (coding.folder(stem) / "starter.py").read_text()
    (folder / "solution.py").write_text((SNIPPETS / f"{stem}.py").read_text())
    result = run(str(folder), "--rootdir", str(folder), "-c", str(folder / "pytest.ini"))
    outcomes = result.parseoutcomes()
    assert result.ret == 0, f"snippets/{stem}.py fails its own problem's tests:\n" + "\n".join(result.outlines[-40:])
    assert outcomes.get("passed", 0) >= MIN_TESTS, f"{stem}: only {outcomes} (at least {MIN_TESTS} tests)"


@pytest.mark.parametrize("stem", PROBLEMS)
def test_the_starter_fails_every_test(stem, run):
    result = run(*coding.pytest_args(stem, coding.folder(stem) / "starter.py"))
    outcomes = result.parseoutcomes()
    assert result.ret == 1 and not outcomes.get("passed"), f"{stem}: the starter passes tests: {outcomes}"
    assert "is not written yet" in result.stdout.str(), f"{stem}: the starter's failures do not say it is unwritten"


@pytest.mark.parametrize("stem,wrong", WRONG, ids=[f"{s}-{p.stem}" for s, p in WRONG])
def test_a_wrong_solution_fails_the_test_it_names_with_its_message(stem, wrong, run):
    caught_by, message = coding.expectation(wrong)
    # only the test it names (all its parametrisations): whether the others also fail is no matter here
    result = run(*coding.pytest_args(stem, wrong), "-k", caught_by)
    assert result.parseoutcomes().get("failed", 0) + result.parseoutcomes().get("passed", 0) > 0, (
        f"{wrong.name}: CAUGHT_BY names {caught_by}, which is not a test of {stem}"
    )
    failed = [line for line in result.outlines if line.startswith("FAILED ")]
    assert result.ret == 1, f"{wrong.name} passes every test of {stem}: the tests miss its mistake"
    assert any(f"::{caught_by}" in line for line in failed), (
        f"{wrong.name}: {caught_by} should fail, but the failures are:\n" + "\n".join(failed)
    )
    assert message in result.stdout.str(), f"{wrong.name}: the output does not contain {message!r}"


BROKEN = {
    "missing": (None, "no such file"),
    "syntax": ("def f(:\n", "does not parse"),
    "import": ("import numpy as np\nnp.zeros(-1)\n", ":2: importing solution.py raised ValueError"),
    "no function": ("def something_else():\n    pass\n", "defines no function"),
    "raises": (None, "raised ZeroDivisionError"),
}


RAISES = """import importlib.util, inspect
spec = importlib.util.spec_from_file_location("reference", "{reference}")
reference = importlib.util.module_from_spec(spec)
spec.loader.exec_module(reference)
for name, f in vars(reference).items():
    if inspect.isfunction(f) and f.__module__ == "reference":
        globals()[name] = lambda *args, **kwargs: 1 / 0
"""


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_solution_gets_one_line_naming_the_file_and_function(case, run, pytester):
    """Bad input to the test runner: what the reader sees names their file (and line) and the function."""
    stem = PROBLEMS[0]
    path = pytester.path / "solution.py"
    source, expected = BROKEN[case]
    if case == "raises":  # the reference's functions, each replaced by one that divides by zero
        source = RAISES.format(reference=SNIPPETS / f"{stem}.py")
    if source is not None:
        path.write_text(source)
    result = run(*coding.pytest_args(stem, path))
    text = result.stdout.str() + result.stderr.str()
    assert result.ret != 0 and expected in text, f"{case}: expected {expected!r} in:\n{text[-3000:]}"
    assert "solution.py" in text
    assert "Traceback" not in text, f"{case}: the reader sees a traceback from the harness:\n{text[-3000:]}"


@pytest.mark.parametrize("stem", PROBLEMS)
def test_the_colab_notebook_is_up_to_date(stem):
    path = coding.folder(stem) / f"{stem}.ipynb"
    assert path.exists(), f"{path.relative_to(SNIPPETS.parent)} is missing: run `make notebooks`"
    assert path.read_text(encoding="utf-8") == coding.notebook(stem, coding.title_of(stem)), (
        f"{path.relative_to(SNIPPETS.parent)} is out of date with the starter or tests: run `make notebooks`"
    )
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    assert cells[-1]["source"] == ["!python -m pytest -q"]


@pytest.mark.parametrize("stem", PROBLEMS)
def test_the_download_needs_only_the_stated_requirements(stem, generated):
    with zipfile.ZipFile(io.BytesIO((GENERATED / "downloads" / "coding" / f"{stem}.zip").read_bytes())) as archive:
        stated = archive.read(f"{stem}/requirements.txt").decode().split()
        readme = archive.read(f"{stem}/README.md").decode()
    assert stated == coding.requirements(stem)
    assert {r.split("==")[0] for r in stated} <= set(coding.ALLOWED.values())
    for requirement in stated:
        assert requirement.split("==")[0] in readme, f"{stem}: the README does not name {requirement}"


def test_requirements_refuse_a_package_the_reader_would_not_have(tmp_path, monkeypatch):
    problem = tmp_path / "toy"
    problem.mkdir()
    (problem / "test_toy.py").write_text("import pandas\n")
    (problem / "starter.py").write_text("import numpy as np\n")
    monkeypatch.setattr(coding, "CODING", tmp_path)
    (tmp_path / "conftest.py").write_text("import pytest\n")
    with pytest.raises(ValueError, match="import pandas"):
        coding.requirements("toy")


@pytest.mark.parametrize("stem", PROBLEMS)
def test_the_page_offers_the_download_colab_and_the_timer(stem, generated):
    page = parse(DOCS / "coding" / f"{stem}.md")
    targets = [t for _, t, _ in page.includes()]
    assert f"generated/pages/coding/{stem}.md" in targets, f"docs/coding/{stem}.md does not include its try block"
    block = (GENERATED / "pages" / "coding" / f"{stem}.md").read_text()
    assert f"]({stem}.zip)" in block and coding.colab_url(stem) in block
    assert f'data-minutes="{page.meta["minutes"]}"' in block
