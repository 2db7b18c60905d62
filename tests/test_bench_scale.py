"""The scaling benchmark's synthetic pages are faithful copies under a new stem (scripts/bench_scale.py): they
include only their own snippet, outputs and figures, register figures the registry accepts, and keep valid
front matter, so a synthetic guide builds and costs what a real one of that size would."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from scripts import bench_scale
from scripts.paths import ROOT

# one page whose figures are named by a literal, one that names them f"{STEM}_...", one with a quoted title
SOURCES = [("classical", "knn"), ("evaluation", "train_validation_test"), ("classical", "hyperparameter_search")]


@pytest.fixture
def project(tmp_path):
    for round_, stem in SOURCES:
        for rel in (f"docs/{round_}/{stem}.md", f"snippets/{stem}.py", f"scripts/figures/{stem}.py",
                    f"tests/questions/test_{stem}.py"):  # fmt: skip
            (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, tmp_path / rel)
    return tmp_path


@pytest.mark.parametrize(("round_", "stem"), SOURCES)
def test_a_synthetic_copy_is_the_page_under_a_new_stem(project, round_, stem):
    new = bench_scale.add_copy(project, round_, stem, 7)
    assert new == f"{stem}_x007"
    page = (project / "docs" / round_ / f"{new}.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(page.split("---")[1])
    original = yaml.safe_load((project / "docs" / round_ / f"{stem}.md").read_text(encoding="utf-8").split("---")[1])
    assert meta["title"] == original["title"] + " (synthetic copy 7)" and meta["round"] == round_
    includes = re.findall(r'--8<-- "((?:snippets|generated)/[^"]+)"', page)
    assert includes and all(f"/{new}" in target for target in includes), includes

    module = (project / "scripts" / "figures" / f"{new}.py").read_text(encoding="utf-8")
    declared = dict(re.findall(r'^(STEM) = "(\w+)"', module, flags=re.M))
    names = [n.replace("{STEM}", declared.get("STEM", "")) for n in re.findall(r'@figure\(\s*f?"([^"]+)"', module)]
    assert names and all(n.startswith(f"{new}_") for n in names), names  # what scripts/figures requires
    shown = {t.removeprefix("generated/figures/").removesuffix(".md") for t in includes if "/figures/" in t}
    assert shown <= set(names), f"the page shows figures its module does not draw: {shown - set(names)}"
    assert f'snippet_namespace("{stem}")' not in module

    test = (project / "tests" / "questions" / f"test_{new}.py").read_text(encoding="utf-8")
    assert f'"{stem}"' not in test
    assert (project / "snippets" / f"{new}.py").read_bytes() == (project / "snippets" / f"{stem}.py").read_bytes()
