"""Two builds of the same commit give byte-identical pages (timestamps from SOURCE_DATE_EPOCH, stable SVG ids,
sorted output everywhere), and the publishing build's archives carry fixed dates.

The other build is the plain one (`mkdocs build`, no print page and no offline copy) that tests/conftest.py
runs in the background before the publishing build: a third of the cost of a second publishing build. The
pages both builds make must match byte for byte, except that the plain build, having no print page or offline
zip, links the published ones by absolute URL where the publishing build links its own by relative URL.
"""

from __future__ import annotations

import filecmp
import re
import zipfile
from pathlib import Path

from conftest import shared_tmp, wait_for_build

# The publishing build's own artefacts, which the plain build links on the published site instead
PUBLISH_ONLY = re.compile(r'href="[^"]*?(print_page/|downloads/ml-interview-guide-offline\.zip)"')
PUBLISH_ONLY_PATHS = {"print_page", "downloads/ml-interview-guide-offline.zip", "css", "js"}


def normalised(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix != ".html":
        return data
    return PUBLISH_ONLY.sub(lambda m: f'href="{m.group(1)}"', data.decode("utf-8")).encode("utf-8")


def differences(a: Path, b: Path, prefix: str = "") -> list[str]:
    cmp = filecmp.dircmp(a, b)
    only = [n for n in cmp.left_only + cmp.right_only if f"{prefix}{n}" not in PUBLISH_ONLY_PATHS]
    out = [f"{prefix}{n} only in one build" for n in only]
    out += [f"{prefix}{n} differs" for n in cmp.common_files if normalised(a / n) != normalised(b / n)]
    for sub in cmp.common_dirs:
        out += differences(a / sub, b / sub, f"{prefix}{sub}/")
    return out


def test_two_builds_make_byte_identical_pages(built_site, tmp_path_factory):
    again = wait_for_build(shared_tmp(tmp_path_factory), "site-dev")
    diff = differences(built_site, again)
    assert not diff, f"two builds differ ({built_site}, {again}):\n" + "\n".join(diff[:30])


def test_the_normalisation_hides_only_links_to_publish_only_files():
    a = b'<a href="https://example.org/guide/print_page/">x</a><a href="../faq/">y</a>'
    assert PUBLISH_ONLY.sub("", a.decode()) == '<a >x</a><a href="../faq/">y</a>'


def test_the_published_archives_have_fixed_dates_and_sorted_members(built_site):
    """What a second publishing build would show if a date or an order leaked into a zip."""
    archives = sorted(built_site.rglob("*.zip")) + sorted(built_site.rglob("*.apkg"))
    assert archives, "the publishing build made no archive"
    for path in archives:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            dates = {i.date_time for i in infos}
            names = [i.filename for i in infos]
        assert len(dates) == 1, f"{path.name}: members carry {len(dates)} different dates (the build's clock?)"
        assert names == sorted(names) or path.suffix == ".apkg", f"{path.name}: members are not in sorted order"
