"""The page standard and the Markdown source rules, checked page by page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.pages import REQUIRED_SECTIONS, check_page_source, outputs_included, parse, question_pages
from scripts.paths import DOCS, ROOT, SNIPPETS, rel

PAGES = sorted(DOCS.rglob("*.md"))
QUESTIONS = question_pages()


def test_the_exemplar_questions_exist():
    stems = {p.stem for p in QUESTIONS}
    assert {"q03_bias_variance", "q09_precision_recall", "q20_lasso_ridge"} <= stems


@pytest.mark.parametrize("page", PAGES, ids=lambda p: rel(p))
def test_page_source_is_valid(page: Path, generated):
    errors = check_page_source(page)
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("page", QUESTIONS, ids=lambda p: p.stem)
def test_question_page_has_the_standard_outline(page: Path):
    headings = [t for _, t in parse(page).headings(2)]
    assert [h for h in headings if h in REQUIRED_SECTIONS] == REQUIRED_SECTIONS


@pytest.mark.parametrize("page", QUESTIONS, ids=lambda p: p.stem)
def test_question_page_has_a_snippet_and_figure_of_its_own_stem(page: Path):
    targets = [t for _, t, _ in parse(page).includes()]
    assert (SNIPPETS / f"{page.stem}.py").exists(), f"{rel(page)}: snippets/{page.stem}.py is missing"
    assert any(t.startswith(f"snippets/{page.stem}.py") for t in targets), f"{rel(page)} includes no own snippet"
    assert any(t.startswith(f"generated/figures/{page.stem}") for t in targets), f"{rel(page)} shows no figure"
    assert (ROOT / "tests" / "questions" / f"test_{page.stem}.py").exists(), f"tests/questions/test_{page.stem}.py"


# A number printed with three or more decimals looks like a computed result: if the prose quotes one, it must be
# in the output the page shows (captured at build) or in the snippet's source (where it is asserted).
COMPUTED_NUMBER = re.compile(r"(?<![\w.])\d+\.\d{3,}(?![\w.])")


@pytest.mark.parametrize("page", QUESTIONS, ids=lambda p: p.stem)
def test_computed_numbers_in_prose_come_from_code(page: Path, generated):
    source = parse(page)
    evidence = "".join(p.read_text(encoding="utf-8") for p in outputs_included(source) if p.exists())
    snippet = SNIPPETS / f"{page.stem}.py"
    evidence += snippet.read_text(encoding="utf-8") if snippet.exists() else ""
    for line, text in source.prose_lines():
        for number in COMPUTED_NUMBER.findall(text):
            assert number in evidence, (
                f"{rel(page)}:{line}: {number} is typed by hand; quote it from captured output or assert it in "
                f"snippets/{page.stem}.py"
            )
