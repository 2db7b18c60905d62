"""Shared fixtures. Tests that need the built site share one strict build per pytest worker."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# One BLAS/OpenMP thread per process (as the Makefile sets): pytest-xdist already runs one worker per core.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.paths import GENERATED  # noqa: E402
from scripts.provenance import commit_epoch  # noqa: E402

# Builds in tests are reproducible like `make site`: dates come from the commit (SOURCE_DATE_EPOCH).
BUILD_ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHONPATH": str(ROOT),
    "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or str(commit_epoch()),
}


def mkdocs_build(config: Path, site_dir: Path, publish: bool = False) -> subprocess.CompletedProcess:
    """`mkdocs build --strict`; the publishing build (the print page, and the offline copy: a second build,
    zipped) only when asked for: scratch builds that test an error do not need it."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(config),
            "--site-dir",
            str(site_dir),
        ],
        cwd=config.parent,
        env={**BUILD_ENV, "GUIDE_PUBLISH": "true" if publish else "false"},
        capture_output=True,
        text=True,
    )


def shared_tmp(tmp_path_factory) -> Path:
    """A temporary folder all pytest-xdist workers of this run see (each worker's own lies inside it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def built_site(generated, tmp_path_factory) -> Path:
    """The publishing build (`mkdocs build --strict`), once per pytest worker. The two workers build at the
    same time, and tests/test_reproducible.py compares their sites instead of building a third time. Markers
    beside each site say whether its build is under way, done or failed."""
    site = shared_tmp(tmp_path_factory) / f"site-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    site.with_suffix(".building").touch()
    proc = mkdocs_build(ROOT / "mkdocs.yml", site, publish=True)
    if proc.returncode != 0:
        site.with_suffix(".failed").touch()
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}", pytrace=False)
    site.with_suffix(".done").touch()
    return site


@pytest.fixture(scope="session")
def generated() -> Path:
    """Snippet outputs and figures, rendered (or found up to date) once; safe under pytest-xdist."""
    from scripts.generate import generate

    lines: list[str] = []
    ok = generate(log=lines.append)
    if not ok:
        pytest.fail("scripts.generate failed:\n" + "\n".join(lines), pytrace=False)
    return GENERATED


def copy_project(dest: Path) -> Path:
    """A scratch copy of the project (generated files included, so nothing is re-rendered)."""
    import shutil

    for name in ("mkdocs.yml", "requirements.txt", "CONTRIBUTING.md", "README.md", "pyproject.toml"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, dest / name)
    ignore = shutil.ignore_patterns("__pycache__", "test-site*", "*.lock")
    for name in ("docs", "snippets", "scripts", "tests", "overrides", "generated"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


@pytest.fixture
def scratch(tmp_path, generated) -> Path:
    return copy_project(tmp_path)
