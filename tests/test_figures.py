"""The figure registry: every figure used is registered, every registered figure is used, SVGs are reproducible."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.figures import PALETTES, load, module_stems
from scripts.pages import parse
from scripts.paths import DOCS, FIGURES_OUT, ROOT, SNIPPETS

REGISTRY = load()
PAGES = sorted(DOCS.rglob("*.md"))


def used_figures() -> dict[str, str]:
    used = {}
    for page in PAGES:
        for line, target, _ in parse(page).includes():
            if target.startswith("generated/figures/"):
                used[Path(target).stem] = f"{page.relative_to(ROOT)}:{line}"
    return used


def test_every_registered_figure_is_used_by_a_page():
    unused = sorted(set(REGISTRY) - set(used_figures()))
    assert not unused, f"registered in scripts/figures/ but shown on no page: {unused}"


def test_every_figure_a_page_uses_is_registered():
    missing = {name: where for name, where in used_figures().items() if name not in REGISTRY}
    assert not missing, "used but not registered: " + ", ".join(f"{w} uses '{n}'" for n, w in missing.items())


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_figure_has_descriptive_alt_text(name):
    alt = REGISTRY[name].alt
    assert len(alt.split()) >= 10, f"figure '{name}': alt text should say what the figure shows: {alt!r}"


@pytest.mark.parametrize("stem", module_stems())
def test_figure_module_shares_a_stem_with_a_page_and_snippet(stem):
    assert list(DOCS.glob(f"*/{stem}.md")) or (DOCS / "labs" / f"{stem}.py").exists(), f"no page of stem {stem}"
    assert (SNIPPETS / f"{stem}.py").exists()


@pytest.mark.parametrize("stem", module_stems())
def test_figures_are_byte_reproducible(stem, tmp_path, generated):
    """Rendering again in a new process gives the same bytes as the build's copy: no dates, no random ids."""
    proc = subprocess.run(
        [sys.executable, "-m", "scripts.figures", "render", stem, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        # The environment scripts/generate.py renders in (it passes os.environ through): OpenBLAS reads
        # OPENBLAS_CORETYPE and the thread count from it, and another kernel or thread count sums floats in
        # another order, which moved a contour of deep_vs_classical's MLP by one digit in the last place.
        env={
            **os.environ,
            "MPLBACKEND": "Agg",
            "PYTHONHASHSEED": "0",
            "OMP_NUM_THREADS": "1",
            "OPENBLAS_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
        },
    )
    assert proc.returncode == 0, proc.stderr
    names = [n for n, spec in REGISTRY.items() if spec.stem == stem]
    for name in names:
        for palette in PALETTES:
            fresh = (tmp_path / f"{name}-{palette}.svg").read_bytes()
            assert fresh == (FIGURES_OUT / f"{name}-{palette}.svg").read_bytes(), f"{name}-{palette}.svg differs"
            assert not re.search(rb"<dc:date>", fresh)


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_light_and_dark_variants_differ_in_colour(name, generated):
    light = (FIGURES_OUT / f"{name}-light.svg").read_text()
    dark = (FIGURES_OUT / f"{name}-dark.svg").read_text()
    assert PALETTES["light"]["text"] in light and PALETTES["dark"]["text"] in dark
    assert light != dark
