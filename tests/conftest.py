"""Shared fixtures. Tests that need the built site share one strict build per run, made in the background."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
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


# The sites the tests read are built once per run, in the background, as soon as the snippet outputs exist:
# first the plain build (`mkdocs build`, what `mkdocs serve` shows), which the browser tests visit, then the
# publishing build (`make site`: the plain one plus the print page and the offline zip), which the tests of
# the built files read. tests/test_reproducible.py checks that the two make the same pages byte for byte, so
# a browser test on the first sees what the published site shows. Meanwhile both pytest workers run the
# tests that need no site; those that do are collected last (below) and wait for a marker beside the site:
# NAME.done, or NAME.failed with the build's log in NAME.log.
BUILDS = (("site-dev", False), ("site", True))
BUILD_TIMEOUT_S = 900


def start_builds(shared: Path) -> None:
    """Start the background builds unless a worker of this run already has (an exclusive marker file)."""
    try:
        os.close(os.open(shared / "builds.started", os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return
    steps = []
    for name, publish in BUILDS:
        site = shared / name
        command = " ".join(
            shlex.quote(a)
            for a in (
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "-f",
                str(ROOT / "mkdocs.yml"),
                "-d",
                str(site),
            )
        )
        flag = "true" if publish else "false"
        steps.append(
            f"(GUIDE_PUBLISH={flag} {command} > {shlex.quote(str(site))}.log 2>&1 "
            f"&& touch {shlex.quote(str(site))}.done || touch {shlex.quote(str(site))}.failed)"
        )
    subprocess.Popen(["sh", "-c", "; ".join(steps)], cwd=ROOT, env=BUILD_ENV, start_new_session=True)


def wait_for_build(shared: Path, name: str) -> Path:
    site = shared / name
    deadline = time.monotonic() + BUILD_TIMEOUT_S
    while time.monotonic() < deadline:
        if site.with_suffix(".done").exists():
            return site
        if site.with_suffix(".failed").exists():
            log = site.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
            pytest.fail(f"mkdocs build --strict ({name}) failed:\n{log[-6000:]}", pytrace=False)
        time.sleep(0.5)
    pytest.fail(f"the background build {site} did not finish in {BUILD_TIMEOUT_S} s", pytrace=False)


@pytest.fixture(scope="session")
def built_site(generated, tmp_path_factory) -> Path:
    """The publishing build (`mkdocs build --strict`, print page and offline zip included), once per run."""
    shared = shared_tmp(tmp_path_factory)
    start_builds(shared)
    return wait_for_build(shared, "site")


@pytest.fixture(scope="session")
def dev_site(generated, tmp_path_factory) -> Path:
    """The plain build (no print page, no offline copy), once per run: ready a minute before the other."""
    shared = shared_tmp(tmp_path_factory)
    start_builds(shared)
    return wait_for_build(shared, "site-dev")


@pytest.fixture(scope="session")
def generated(request, tmp_path_factory) -> Path:
    """Snippet outputs and figures, rendered (or found up to date) once; safe under pytest-xdist. Once they
    exist, the site's background builds start, if this run holds tests that read the site."""
    from scripts.generate import generate

    lines: list[str] = []
    ok = generate(log=lines.append)
    if not ok:
        pytest.fail("scripts.generate failed:\n" + "\n".join(lines), pytrace=False)
    if getattr(request.config, "guide_needs_site", False):
        start_builds(shared_tmp(tmp_path_factory))
    return GENERATED


DEV_SITE_FIXTURES = {"dev_site", "site_url"}
PUBLISHED_SITE_FIXTURES = {"built_site", "published_url"}


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected: the flag is for the tests that will run
def pytest_collection_modifyitems(config, items) -> None:
    """Tests that read a built site run last, those of the publishing build at the very end, so that both
    workers have other work while the sites build (a stable sort: the same order in every pytest-xdist
    worker, which it requires)."""

    def reads_site(item) -> int:
        """0: no site; 1: the plain build; 2: the publishing build, ready last."""
        names = set(getattr(item, "fixturenames", ()))
        return 2 if PUBLISHED_SITE_FIXTURES & names else 1 if DEV_SITE_FIXTURES & names else 0

    items.sort(key=reads_site)
    config.guide_needs_site = any(map(reads_site, items))


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
