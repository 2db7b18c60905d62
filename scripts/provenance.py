"""'Verified with': the library versions a page's snippet ran with, and the date of the commit built."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from datetime import UTC, datetime
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from scripts.paths import ROOT, SNIPPETS

# Import names whose distribution is named differently.
DISTRIBUTIONS = {"sklearn": "scikit-learn", "PIL": "pillow", "yaml": "pyyaml"}


@cache
def commit_epoch() -> int:
    """SOURCE_DATE_EPOCH if set (as reproducible builds do), else the time of the last commit."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        proc = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
        epoch = proc.stdout.strip() or "0"
    return int(epoch)


def commit_date() -> str:
    return datetime.fromtimestamp(commit_epoch(), tz=UTC).strftime("%Y-%m-%d")


def snippet_libraries(stem: str) -> dict[str, str]:
    """Third-party distributions the snippet imports, with their installed versions."""
    path = SNIPPETS / f"{stem}.py"
    if not path.exists():
        return {}
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    found = {}
    for name in sorted(names - set(sys.stdlib_module_names)):
        dist = DISTRIBUTIONS.get(name, name)
        try:
            found[dist] = version(dist)
        except PackageNotFoundError:
            continue
    return found


def verified_with(stem: str) -> str:
    libs = ", ".join(f"{name} {v}" for name, v in snippet_libraries(stem).items())
    python = ".".join(map(str, sys.version_info[:3]))
    return (
        f'<p class="verified-with" markdown>Verified with Python {python}, {libs}; '
        f"built from the commit of {commit_date()}.</p>"
    )
