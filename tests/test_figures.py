"""The figure registry: every figure used is registered, every registered figure is used and described.
(That a fresh render gives the same SVG bytes is tested with the snippets: tests/test_snippets.py.)"""

from __future__ import annotations

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


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_light_and_dark_variants_differ_in_colour(name, generated):
    light = (FIGURES_OUT / f"{name}-light.svg").read_text()
    dark = (FIGURES_OUT / f"{name}-dark.svg").read_text()
    assert PALETTES["light"]["text"] in light and PALETTES["dark"]["text"] in dark
    assert light != dark


# A figure is one of the heaviest things a page loads (and the print page loads them all). A plot with one SVG
# element per data cell (pcolormesh, a dense scatter) passes every other check and weighs megabytes: draw such
# a layer as an image (imshow, or rasterized=True) instead. The largest today is about 310 KiB.
MAX_FIGURE_BYTES = 400 * 1024


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_figure_file_stays_light(name, generated):
    for palette in PALETTES:
        path = FIGURES_OUT / f"{name}-{palette}.svg"
        size = path.stat().st_size
        module = f"scripts/figures/{REGISTRY[name].stem}.py"
        assert size <= MAX_FIGURE_BYTES, (
            f"{module}: figure {name!r} is {size / 1024:.0f} KiB ({palette}), over {MAX_FIGURE_BYTES // 1024} KiB: "
            "draw its dense layer as an image (imshow or rasterized=True)"
        )
