"""The ML coding round's problems: what a reader downloads, the notebook Colab opens, and `make try`.

A problem `<stem>` is a page, `docs/coding/<stem>.md`, and a folder, `snippets/coding/<stem>/`:

* `starter.py`: what the reader starts from (the signature and docstring; the body raises);
* `test_<stem>.py`: the tests the reader runs on their file, through the `solution` fixture of the shared
  harness `snippets/coding/conftest.py`;
* `wrong_<what>.py`: plausible wrong solutions, each naming the test that must catch it (`CAUGHT_BY`) and a
  fragment of the message the reader then sees (`MESSAGE`);
* `<stem>.ipynb`: the same starter and tests as one notebook, for "Open in Colab". Colab opens notebooks
  only from a GitHub repository, so this one generated file is committed; tests/test_coding.py fails when
  it is out of date (`make notebooks` rewrites it).

The reference solution is the page's snippet, `snippets/<stem>.py`, rendered like every other snippet.

Usage: python -m scripts.coding try STEM FILE   (what `make try` runs)
       python -m scripts.coding notebooks       (rewrite the committed notebooks)
"""

from __future__ import annotations

import ast
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from scripts.paths import REQUIREMENTS, ROOT, SNIPPETS, rel

CODING = SNIPPETS / "coding"
HARNESS = ("conftest.py", "pytest.ini")
REPO = "ml-interview-guide/ml-interview-guide"  # mkdocs.yml repo_url
# What the downloaded tests may import, by import name and PyPI name (the reader installs only these)
ALLOWED = {"numpy": "numpy", "pytest": "pytest", "scipy": "scipy", "sklearn": "scikit-learn"}
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # a fixed date: the same sources give the same zip


def problems() -> list[str]:
    return sorted(p.name for p in CODING.iterdir() if p.is_dir() and (p / f"test_{p.name}.py").exists())


def folder(stem: str) -> Path:
    return CODING / stem


def wrong_solutions(stem: str) -> list[Path]:
    return sorted(folder(stem).glob("wrong_*.py"))


def expectation(path: Path) -> tuple[str, str]:
    """(CAUGHT_BY, MESSAGE) of a wrong solution, read without running it."""
    values = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        named = isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
        if named and node.targets[0].id in ("CAUGHT_BY", "MESSAGE") and isinstance(node.value, ast.Constant):
            values[node.targets[0].id] = node.value.value
    missing = [k for k in ("CAUGHT_BY", "MESSAGE") if not isinstance(values.get(k), str)]
    if missing:
        raise ValueError(f"{rel(path)}: a wrong solution sets {' and '.join(missing)} (a string) at the top")
    return values["CAUGHT_BY"], values["MESSAGE"]


def imports(path: Path) -> set[str]:
    """Top-level package names a file imports."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def pins() -> dict[str, str]:
    found = {}
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;]+)", line)
        if m:
            found[m.group(1).lower()] = m.group(2)
    return found


def requirements(stem: str) -> list[str]:
    """The pinned packages the problem's tests, starter and harness import: all a reader installs."""
    used = set()
    for path in (folder(stem) / f"test_{stem}.py", folder(stem) / "starter.py", CODING / "conftest.py"):
        used |= imports(path)
    used.add("pytest")
    stdlib = set(sys.stdlib_module_names)
    unknown = sorted(n for n in used - stdlib if n not in ALLOWED)
    if unknown:
        raise ValueError(
            f"{rel(folder(stem))}: the reader's files import {', '.join(unknown)}; "
            f"the download may need only {', '.join(ALLOWED.values())}"
        )
    versions = pins()
    return sorted(f"{ALLOWED[n]}=={versions[ALLOWED[n]]}" for n in used if n in ALLOWED)


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def readme(stem: str, title: str) -> str:
    needs = ", ".join(r.split("==")[0] for r in requirements(stem))
    return f"""# {title}

A problem from the ML interview guide's coding round:
https://ml-interview-guide.github.io/ml-interview-guide/coding/{stem}/

Write your solution in `solution.py` (it starts as the starter: the signature and docstring), then run
the tests. They need Python 3.11 or later and only {needs}:

    python -m venv .venv && . .venv/bin/activate
    python -m pip install -r requirements.txt
    python -m pytest                         # tests solution.py
    python -m pytest --solution mine.py      # or any other file

`{stem}.ipynb` holds the same starter and tests as one notebook (Jupyter or Colab).
"""


def notebook(stem: str, title: str) -> str:
    """The starter and the tests as one notebook: write the files, edit the solution cell, run pytest."""

    def cell(kind: str, text: str) -> dict:
        lines = text.splitlines(keepends=True)
        base = {"cell_type": kind, "metadata": {}, "source": lines}
        return base | ({"execution_count": None, "outputs": []} if kind == "code" else {})

    def writefile(name: str, text: str) -> dict:
        return cell("code", f"%%writefile {name}\n{text}")

    cells = [
        cell(
            "markdown",
            f"# {title}\n\nThe problem statement, hints and solution are on the guide's page: "
            f"https://ml-interview-guide.github.io/ml-interview-guide/coding/{stem}/\n\n"
            "Run the first cells once: they write the tests and the harness. Then write your solution in the "
            "`solution.py` cell, run it, and run the last cell to test it.",
        ),
        writefile("conftest.py", _text(CODING / "conftest.py")),
        writefile("pytest.ini", _text(CODING / "pytest.ini")),
        writefile(f"test_{stem}.py", _text(folder(stem) / f"test_{stem}.py")),
        cell("markdown", "Your solution (edit this cell, then run it):"),
        writefile("solution.py", _text(folder(stem) / "starter.py")),
        cell("code", "!python -m pytest -q"),
    ]
    nb = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    for i, c in enumerate(nb["cells"]):
        c["id"] = f"{stem[:40]}-{i}"
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def title_of(stem: str) -> str:
    from scripts.pages import parse

    return str(parse(ROOT / "docs" / "coding" / f"{stem}.md").meta.get("title", stem))


def download(stem: str) -> bytes:
    """The zip a reader downloads: `<stem>/` with solution.py (the starter), the tests, the harness, the
    notebook, requirements.txt and a README. The same sources give the same bytes."""
    title = title_of(stem)
    members = {
        "solution.py": _text(folder(stem) / "starter.py"),
        f"test_{stem}.py": _text(folder(stem) / f"test_{stem}.py"),
        **{name: _text(CODING / name) for name in HARNESS},
        "requirements.txt": "\n".join(requirements(stem)) + "\n",
        "README.md": readme(stem, title),
        f"{stem}.ipynb": notebook(stem, title),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(f"{stem}/{name}", date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, members[name])
    return buffer.getvalue()


def colab_url(stem: str) -> str:
    return f"https://colab.research.google.com/github/{REPO}/blob/main/snippets/coding/{stem}/{stem}.ipynb"


def try_block(stem: str, minutes: int) -> str:
    """The "Test your solution" block of a problem's page: downloads, commands, the timer."""
    needs = ", ".join(r.split("==")[0] for r in requirements(stem))
    return f"""<!-- generated by scripts/coding.py; do not edit -->
[Download the problem]({stem}.zip){{ .md-button .md-button--primary }}
[Open in Colab]({colab_url(stem)}){{ .md-button }}

<div class="coding-timer" data-minutes="{minutes}" markdown>
Practise it as in the interview: {minutes} minutes, the usual time for this problem.
</div>

The download holds `solution.py` (the starter), the tests, and the same as a notebook. Write your solution,
then run the tests offline; they need only {needs}:

```bash
cd {stem}
python -m pip install -r requirements.txt
python -m pytest                      # tests solution.py
python -m pytest --solution mine.py   # or your own file
```

In a clone of the guide, `make try PROBLEM={stem} FILE=mine.py` does the same.
"""


def pytest_args(stem: str, solution: Path) -> list[str]:
    """Arguments that run a problem's tests on a solution file, as a reader does in the download."""
    return ["-c", str(CODING / "pytest.ini"), "--rootdir", str(CODING), str(folder(stem)), f"--solution={solution}"]


def main(argv: list[str]) -> int:
    if argv[:1] == ["notebooks"]:
        for stem in problems():
            path = folder(stem) / f"{stem}.ipynb"
            text = notebook(stem, title_of(stem))
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                print(f"wrote {rel(path)}")
        return 0
    if argv[:1] == ["try"] and len(argv) == 3:
        stem, file = argv[1], Path(argv[2])
        if stem not in problems():
            print(f"error: no problem {stem!r}; the problems are: {', '.join(problems())}", file=sys.stderr)
            return 2
        if not file.is_file():
            print(f"error: {file}: no such file (usage: make try PROBLEM={stem} FILE=mine.py)", file=sys.stderr)
            return 2
        return subprocess.call([sys.executable, "-m", "pytest", *pytest_args(stem, file.resolve())])
    print(__doc__.strip().splitlines()[-2].strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
