"""Formulas are KaTeX's MathML, put right for MathML Core and set in a math font cut down to what they use
(scripts/math_font.py)."""

from __future__ import annotations

import pytest

from scripts import math_font
from scripts.katex import renderer


@pytest.fixture(scope="module")
def tex():
    r = renderer()
    yield lambda source, display=False: r.render(source, display).split("<annotation")[0]
    r.close()
    renderer.cache_clear()


@pytest.mark.parametrize(
    ("char", "variant", "expected"),
    [
        ("E", "double-struck", "\U0001d53c"),
        ("R", "double-struck", "\u211d"),  # encoded before the Mathematical Alphanumeric block
        ("L", "script", "\u2112"),
        ("w", "bold", "\U0001d430"),
        ("θ", "bold-italic", "\U0001d73d"),
        ("1", "double-struck", "\U0001d7d9"),
        ("h", "italic", "\u210e"),
        ("x", "bold-sans-serif", "\U0001d605"),
        ("+", "bold", None),
    ],
)
def test_styled_letters_are_the_unicode_math_characters(char, variant, expected):
    assert math_font.styled(char, variant) == expected


def test_mathvariant_becomes_the_styled_character(tex):
    out = tex(r"\mathbb{E}[\mathbf{w}] \in \mathbb{R}, \mathcal{L}, \boldsymbol{\theta}, \mathrm{d}x")
    assert "<mi>\U0001d53c</mi>" in out and "<mi>\U0001d430</mi>" in out and "<mi>\u211d</mi>" in out
    assert "<mi>\u2112</mi>" in out and "<mi>\U0001d73d</mi>" in out
    assert 'mathvariant="normal"' in out  # upright is the one value MathML Core keeps
    assert not [v for v in ("double-struck", "bold", "script") if f'mathvariant="{v}"' in out]


def test_operator_names_in_scripts_stay_valid_and_get_their_thin_space(tex):
    assert "<msub><mi>λ</mi><mi>max</mi></msub>" in tex(r"\lambda_{\max}")  # a two-child script, as MathML needs
    assert '<mo>\u2061</mo><mspace width="0.1667em"></mspace><mi>x</mi>' in tex(r"\log x")
    assert "<mspace" not in tex(r"\log(x)")  # TeX puts no space before a bracket either


def test_a_sign_is_spaced_as_a_sign_and_a_minus_as_a_minus(tex):
    assert '<mo>=</mo><mo form="prefix">−</mo>' in tex("L = -x")
    assert "<mi>a</mi><mo>−</mo><mi>b</mi>" in tex("a - b")
    assert '<mo stretchy="false">)</mo><mo>−</mo>' in tex("(a) - b")  # after a closing bracket: binary


def test_characters_include_the_radical_and_the_automatic_italic(tex):
    chars = math_font.characters([tex(r"\sqrt{x} + \alpha")])
    assert {"\u221a", "x", "\U0001d465", "α", "\U0001d6fc", "+"} <= chars
    assert not any(c in chars for c in "\\{}")  # the TeX in the annotation is not drawn


def test_the_subset_keeps_the_math_table_and_every_character(tmp_path, tex):
    from fontTools.ttLib import TTFont

    chars = math_font.characters([tex(r"\left(\frac{a}{b}\right)^2 = \sqrt{\sum_i x_i}", True)])
    size = math_font.write(chars, tmp_path / "m.woff2")
    font = TTFont(str(tmp_path / "m.woff2"))
    assert "MATH" in font, "without the MATH table the browser cannot stretch brackets and radicals"
    assert size < 16 * 1024
    cmap = font.getBestCmap()
    source = TTFont(str(math_font.SOURCE)).getBestCmap()
    assert {c for c in chars if ord(c) in source and ord(c) not in cmap} == set()
