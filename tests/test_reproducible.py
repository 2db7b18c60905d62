"""Two builds of the same commit give byte-identical sites (timestamps from SOURCE_DATE_EPOCH, stable SVG ids,
fixed zip dates in the Anki deck and the offline copy, sorted output everywhere)."""

from __future__ import annotations

import filecmp

from conftest import ROOT, mkdocs_build


def differences(a, b, prefix=""):
    cmp = filecmp.dircmp(a, b)
    out = [f"{prefix}{n} only in one build" for n in cmp.left_only + cmp.right_only]
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    out += [f"{prefix}{n} differs" for n in mismatch + errors]
    for sub in cmp.common_dirs:
        out += differences(a / sub, b / sub, f"{prefix}{sub}/")
    return out


def test_two_builds_are_byte_identical(built_site, tmp_path):
    proc = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "again", publish=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    diff = differences(built_site, tmp_path / "again")
    assert not diff, "the second build differs:\n" + "\n".join(diff[:30])
