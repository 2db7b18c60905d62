"""Two builds of the same commit give byte-identical sites (timestamps from SOURCE_DATE_EPOCH, stable SVG ids,
fixed zip dates in the Anki deck and the offline copy, sorted output everywhere). Under pytest-xdist the
second build is the other worker's copy of the site, built at the same time as this worker's."""

from __future__ import annotations

import filecmp
import time
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build


def differences(a, b, prefix=""):
    cmp = filecmp.dircmp(a, b)
    out = [f"{prefix}{n} only in one build" for n in cmp.left_only + cmp.right_only]
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    out += [f"{prefix}{n} differs" for n in mismatch + errors]
    for sub in cmp.common_dirs:
        out += differences(a / sub, b / sub, f"{prefix}{sub}/")
    return out


def another_build(built_site: Path) -> Path | None:
    """The site another pytest worker built from the same commit (conftest.built_site), once it is done; None
    when no other worker has begun one (a run without pytest-xdist, or with one worker)."""
    for building in sorted(built_site.parent.glob("site-*.building")):
        other = building.with_suffix("")
        if other == built_site:
            continue
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline:
            if other.with_suffix(".done").exists():
                return other
            if other.with_suffix(".failed").exists():
                pytest.fail(f"the other worker's build failed (see its test report): {other}")
            time.sleep(1)
        pytest.fail(f"the other worker's build did not finish in 15 minutes: {other}")
    return None


def test_two_builds_are_byte_identical(built_site, tmp_path):
    again = another_build(built_site)
    if again is None:
        again = tmp_path / "again"
        proc = mkdocs_build(ROOT / "mkdocs.yml", again, publish=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    diff = differences(built_site, again)
    assert not diff, f"two builds differ ({built_site}, {again}):\n" + "\n".join(diff[:30])
