"""The math font: Noto Sans Math, cut down at build time to the glyphs the site's formulas use.

KaTeX writes MathML only (scripts/katex_render.mjs) and the browser lays the formulas out itself. Stretched
brackets, radicals and big operators then need a font with an OpenType MATH table, which KaTeX's own fonts
lack, so without one Chromium leaves them at text size. Noto Sans Math (npm: @fontsource/noto-sans-math) has
the table, but whole it is 264 KiB. fontTools' subsetter keeps the MATH table and, through it, the size
variants and assembly parts of every glyph kept, so the site serves only what its formulas use (about 22 KiB).
The build writes it into the site after the last page is typeset (scripts/mkdocs_hooks.py, on_post_build).
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from scripts.paths import NODE_MODULES

SOURCE = NODE_MODULES / "@fontsource" / "noto-sans-math" / "files" / "noto-sans-math-latin-400-normal.woff2"
URL = "assets/math/noto-sans-math.woff2"  # extra.css names it (relative to assets/stylesheets/)

_ANNOTATION = re.compile(r"<annotation\b.*?</annotation>", re.S)
_TAG = re.compile(r"<[^>]+>")
_SINGLE_MI = re.compile(r"<mi>([^<])</mi>")


def characters(mathml: list[str]) -> set[str]:
    """Every character the formulas show, and the italic letter a browser draws for a one-letter <mi>
    (MathML Core's automatic italic maps x to U+1D465, so the font must have that glyph)."""
    chars: set[str] = set()
    for fragment in mathml:
        fragment = _ANNOTATION.sub("", fragment)  # the TeX source is not drawn
        chars |= set(html.unescape(_TAG.sub("", fragment)))
        for letter in _SINGLE_MI.findall(fragment):
            italic = styled(html.unescape(letter), "italic")
            if italic:
                chars.add(italic)
    if any("<msqrt" in f or "<mroot" in f for f in mathml):
        chars.add("\u221a")  # the radical sign: the browser draws it, it is not in the text
    return {c for c in chars if not c.isspace()}


# MathML mathvariant values whose Unicode style names differ from the value upper-cased
_STYLE_NAMES = {
    "bold-italic": "BOLD ITALIC",
    "bold-fraktur": "BOLD FRAKTUR",
    "bold-script": "BOLD SCRIPT",
    "bold-sans-serif": "SANS-SERIF BOLD",
    "sans-serif-italic": "SANS-SERIF ITALIC",
    "sans-serif-bold-italic": "SANS-SERIF BOLD ITALIC",
}


def styled(char: str, variant: str) -> str | None:
    """The Mathematical Alphanumeric Symbols form of a letter or digit (variant: a MathML mathvariant such as
    "bold" or "double-struck"), or None. From the Unicode names, so no table is typed here; the few letters
    Unicode had encoded before that block (the double-struck R, the script L, the italic h) have names
    without "MATHEMATICAL"."""
    try:
        name = unicodedata.name(char)
    except ValueError:
        return None
    m = re.fullmatch(r"(?:LATIN|GREEK) (CAPITAL|SMALL) LETTER (\w+)|DIGIT (\w+)", name)
    if not m:
        return None
    style = _STYLE_NAMES.get(variant, variant.upper())
    tail = f"{m.group(1)} {m.group(2)}" if m.group(2) else f"DIGIT {m.group(3)}"
    for candidate in (f"MATHEMATICAL {style} {tail}", f"{style} {tail}"):
        try:
            return unicodedata.lookup(candidate)
        except KeyError:
            continue
    if (variant, char) == ("italic", "h"):
        return "\u210e"  # PLANCK CONSTANT: the italic small h
    return None


_VARIANT = re.compile(r'<(mi|mn) mathvariant="(?!normal")([\w-]+)">([^<]*)</\1>')


def unicode_variants(mathml: str) -> str:
    """KaTeX marks \\mathbb{E}, \\mathbf{w} and the like with a mathvariant attribute, which MathML Core (what
    Chromium implements) ignores for all values but "normal": the letters are written as their styled
    Unicode characters instead (<mi>𝔼</mi>), which every browser draws."""

    def replace(m: re.Match) -> str:
        tag, variant, text = m.groups()
        chars = [styled(c, variant) for c in html.unescape(text)]
        if not all(chars):
            return m.group(0)  # a character without a styled form: leave KaTeX's markup as it is
        return f"<{tag}>{''.join(chars)}</{tag}>"

    return _VARIANT.sub(replace, mathml)


# KaTeX's MathML is written for MathML 3 renderers; three things it does come out wrong in MathML Core (Chromium),
# where TeX's spacing rules do not apply. Each is put right here, on KaTeX's own output:
_SCRIPT_APPLY = re.compile(r"(<mi>\w+</mi>)<mo>\u2061</mo>(?=</(?:msub|msup|msubsup|munder|mover|munderover)>)")
_APPLY = re.compile(r"<mo>\u2061</mo>(?!</mrow>|<mo\b[^>]*>[(\[{|\u2016\u27e8\u2225])")
_UNARY = re.compile(
    r"(<mo\b[^>]*>(?![)\]}|!\u2016\u2032\u2225\u27e9])[^<]*</mo>)<mo>([\u2212+])</mo>"
)  # not after ) or !


def core_fixes(mathml: str) -> str:
    """- \\lambda_{\\max} gives a script of two elements (the name and an invisible "function application"),
      which makes the whole subscript invalid: the invisible operator is dropped there;
    - \\log p is "logp" without TeX's thin space after an operator name: it is added, except before an
      opening bracket, as in TeX;
    - a minus right after another operator (= -x) is a sign, spaced as one (form="prefix"), not as a binary
      minus with space on both sides."""
    mathml = _SCRIPT_APPLY.sub(r"\1", mathml)
    mathml = _APPLY.sub('<mo>\u2061</mo><mspace width="0.1667em"></mspace>', mathml)
    return _UNARY.sub(r'\1<mo form="prefix">\2</mo>', mathml)


def write(chars: set[str], dest: Path) -> int:
    """Subset the font to these characters as WOFF2 at dest; returns its size in bytes."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    if not SOURCE.exists():
        raise RuntimeError(f"{SOURCE} is missing: run `npm ci` (or `make setup`)")
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # the font's math-related OpenType features (ssty: script-size letters)
    options.name_IDs = ["*"]  # its licence and copyright stay in the font
    font = TTFont(str(SOURCE))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(font)
    dest.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = "woff2"
    font.save(str(dest), reorderTables=False)
    return dest.stat().st_size
