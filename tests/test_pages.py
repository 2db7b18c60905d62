"""The page standard and the Markdown source rules, checked page by page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts import rounds
from scripts.pages import (
    QUIZ_INTRO,
    QUIZ_RESULTS,
    REQUIRED_SECTIONS,
    check_page_source,
    check_sections,
    check_short_answer,
    has_quiz,
    outputs_included,
    parse,
    question_pages,
    required_sections,
    short_answer_words,
)
from scripts.paths import DOCS, ROOT, SNIPPETS, rel

PAGES = sorted(DOCS.rglob("*.md"))
QUESTIONS = question_pages()


def test_the_exemplar_questions_exist():
    stems = {p.stem for p in QUESTIONS}
    assert {"bias_variance", "precision_recall", "lasso_ridge"} <= stems


@pytest.mark.parametrize("page", PAGES, ids=lambda p: rel(p))
def test_page_source_is_valid(page: Path, generated):
    errors = check_page_source(page)
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("page", QUESTIONS, ids=lambda p: p.stem)
def test_question_page_has_the_standard_outline_of_its_round(page: Path):
    source = parse(page)
    required = required_sections(source)
    assert required == list(rounds.get(page.parent.name).sections)
    headings = [t for _, t in source.headings(2)]
    assert [h for h in headings if h in required] == required


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
# Identifiers of sources are not results: URLs, DOIs (10.1023/...) and arXiv ids (arXiv:1603.02754).
SOURCE_ID = re.compile(r"https?://[^\s)>\]]+|\b10\.\d{4,9}/\S+|\barXiv:\s?\d{4}\.\d{4,5}(?:v\d+)?", re.I)


def computed_numbers(text: str) -> list[str]:
    return COMPUTED_NUMBER.findall(SOURCE_ID.sub(" ", text))


def test_source_identifiers_are_not_taken_for_computed_numbers():
    assert computed_numbers("Cortes & Vapnik, doi 10.1023/A:1022627411411, arXiv:1603.02754v3") == []
    assert computed_numbers("[paper](https://arxiv.org/abs/1603.02754) scores 0.9731") == ["0.9731"]


@pytest.mark.parametrize("page", QUESTIONS, ids=lambda p: p.stem)
def test_computed_numbers_in_prose_come_from_code(page: Path, generated):
    source = parse(page)
    evidence = "".join(p.read_text(encoding="utf-8") for p in outputs_included(source) if p.exists())
    snippet = SNIPPETS / f"{page.stem}.py"
    evidence += snippet.read_text(encoding="utf-8") if snippet.exists() else ""
    for line, text in source.prose_lines():
        for number in computed_numbers(text):
            assert number in evidence, (
                f"{rel(page)}:{line}: {number} is typed by hand; quote it from captured output or assert it in "
                f"snippets/{page.stem}.py"
            )


GOOD_QUIZ = """<quiz>
Which metric ignores true negatives?
- [ ] Accuracy
> Accuracy counts the true negatives.
- [x] Precision
- [ ] Specificity
> Specificity is the share of true negatives among the negatives.

Precision is TP / (TP + FP).
</quiz>
"""


def check_yourself(tmp_path: Path, section: str) -> list[str]:
    """The page-standard errors of a page whose Check yourself section is `section`."""
    body = "".join(f"## {name}\n\nText with $x$.\n\n" for name in REQUIRED_SECTIONS[:-1])
    path = tmp_path / "page.md"
    path.write_text(f"---\ntitle: T\n---\n\n{body}## Check yourself\n\n{section}", encoding="utf-8")
    return check_sections(parse(path))


def test_a_well_formed_check_yourself_passes(tmp_path):
    assert check_yourself(tmp_path, f"{QUIZ_INTRO}\n\n{GOOD_QUIZ}\n{GOOD_QUIZ}\n{QUIZ_RESULTS}\n") == []


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (GOOD_QUIZ.replace("- [x] Precision", "- [ ] Precision"), "mark some but not all answers correct"),
        (
            GOOD_QUIZ.replace("- [ ] Accuracy", "- [x] Accuracy").replace("- [ ] Specificity", "- [x] Specificity"),
            "mark some but not all answers correct",
        ),
        (
            GOOD_QUIZ.replace(
                "- [ ] Specificity\n> Specificity is the share of true negatives among the negatives.\n", ""
            ),
            "2 answers",
        ),
        (GOOD_QUIZ.replace("\nPrecision is TP / (TP + FP).\n", ""), "no explanation after the answers"),
        (GOOD_QUIZ.replace("Which metric ignores true negatives?\n", ""), "no question before the answers"),
    ],
    ids=["no right answer", "all right", "two answers", "no explanation", "no question"],
)
def test_a_broken_quiz_is_named_with_its_line(tmp_path, broken, message):
    errors = check_yourself(tmp_path, f"{QUIZ_INTRO}\n\n{GOOD_QUIZ}\n{broken}\n{QUIZ_RESULTS}\n")
    lines = (tmp_path / "page.md").read_text(encoding="utf-8").splitlines()
    second_quiz = [i + 1 for i, text in enumerate(lines) if text == "<quiz>"][1]
    assert len(errors) == 1 and f"page.md:{second_quiz}: quiz: " in errors[0] and message in errors[0], errors


@pytest.mark.parametrize(
    ("section", "message"),
    [
        (f'{QUIZ_INTRO}\n\n??? question "Old style?"\n    Answer.\n\n{QUIZ_RESULTS}\n', "found 0"),
        (f"{QUIZ_INTRO}\n\n{GOOD_QUIZ}\n{QUIZ_RESULTS}\n", "found 1"),
        (f"{QUIZ_INTRO}\n\n{GOOD_QUIZ}\n{GOOD_QUIZ}\n", "needs the score panel"),
        (f"{GOOD_QUIZ}\n{GOOD_QUIZ}\n{QUIZ_RESULTS}\n", "(reset button) before its first quiz"),
    ],
    ids=["old format", "one quiz", "no score panel", "no intro"],
)
def test_check_yourself_needs_two_to_four_quizzes_with_intro_and_score(tmp_path, section, message):
    errors = check_yourself(tmp_path, section)
    assert len(errors) == 1 and message in errors[0], errors
    assert re.search(r"page\.md:\d+: 'Check yourself' needs", errors[0]), errors


def test_quizzes_are_recognised_outside_code_only():
    assert has_quiz(f"Text.\n\n{GOOD_QUIZ}")
    assert not has_quiz(f"The syntax:\n\n```markdown\n{GOOD_QUIZ}```\n")


def test_an_answer_that_is_only_a_formula_is_named_with_its_line(tmp_path):
    broken = GOOD_QUIZ.replace("- [ ] Specificity", "- [ ] $TN / (TN + FP)$")
    errors = check_yourself(tmp_path, f"{QUIZ_INTRO}\n\n{broken}\n{GOOD_QUIZ}\n{QUIZ_RESULTS}\n")
    lines = (tmp_path / "page.md").read_text(encoding="utf-8").splitlines()
    answer = lines.index("- [ ] $TN / (TN + FP)$") + 1
    assert len(errors) == 1 and f"page.md:{answer}: quiz: answer '$TN / (TN + FP)$' is only a formula" in errors[0]
    assert (
        check_yourself(
            tmp_path,
            f"{QUIZ_INTRO}\n\n{broken.replace('- [ ] $', '- [ ] Specificity, $')}\n{GOOD_QUIZ}\n{QUIZ_RESULTS}\n",
        )
        == []
    )


def round_page(tmp_path: Path, folder: str, front: str) -> Path:
    path = tmp_path / "docs" / folder / "entropy.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: What is entropy?\n{front}tags: [metrics]\ndifficulty: easy\nsummary: S.\n---\n")
    return path


@pytest.mark.parametrize(
    ("folder", "front", "message"),
    [
        ("evaluation", "order: 10\n", "front matter 'round' is missing (this page is in docs/evaluation/"),
        ("evaluation", "round: statistics\norder: 10\n", "front matter 'round' must be one of fundamentals, classical"),
        ("classical", "round: evaluation\norder: 10\n", "says round 'evaluation' but the page is in docs/classical/"),
        (
            "topics",
            "round: evaluation\norder: 10\n",
            "the page is outside every round folder; move it to docs/evaluation",
        ),
        ("evaluation", "round: evaluation\norder: first\n", "front matter 'order' must be a number"),
    ],
    ids=["missing", "unknown", "wrong folder", "outside the rounds", "order"],
)
def test_a_bad_round_or_order_is_named_with_file_and_line(tmp_path, folder, front, message):
    path = round_page(tmp_path, folder, front)
    errors = [e for e in check_page_source(path) if "'round'" in e or "round '" in e or "'order'" in e]
    lines = path.read_text().splitlines()
    key = "order" if "order" in message else "round"
    line = next((i + 1 for i, text in enumerate(lines) if text.startswith(f"{key}:")), 1)
    assert len(errors) == 1 and message in errors[0] and f"{folder}/entropy.md:{line}:" in errors[0], errors


def test_every_round_page_names_its_round_and_shares_its_stem():
    """Page, snippet, figure module and test share one stem, unique across the rounds; nothing drifts apart."""
    stems = [p.stem for p in QUESTIONS]
    assert len(stems) == len(set(stems)), "two rounds hold pages of the same stem"
    for page in QUESTIONS:
        assert parse(page).meta.get("round") == page.parent.name, rel(page)
    known = set(stems) | {p.stem for p in (DOCS / "labs").glob("lab_*.ipynb")}
    known |= {p.stem for p in (DOCS / "contributing").glob("*.md")}  # the performance page draws its figure
    orphans = [
        rel(p)
        for folder, pattern, strip in (
            (SNIPPETS, "*.py", ""),
            (ROOT / "scripts" / "figures", "*.py", ""),
            (ROOT / "tests" / "questions", "test_*.py", "test_"),
        )
        for p in folder.glob(pattern)
        if not p.name.startswith("_") and p.stem.removeprefix(strip) not in known
    ]
    assert not orphans, f"no page of the same stem for: {orphans} (renamed a page without its files?)"


def test_a_short_answer_over_80_words_is_named_with_its_line(tmp_path):
    def page(words: int) -> Path:
        path = tmp_path / "docs" / "evaluation" / "entropy.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        answer = " ".join(["word"] * (words - 1)) + " $\\frac{TP}{TP + FP}$"  # a formula is one word
        path.write_text(f"---\ntitle: T\nround: evaluation\n---\n\n## Short answer\n\n{answer}\n\n## In depth\n\nX.\n")
        return path

    assert check_short_answer(parse(page(80))) == []
    errors = check_short_answer(parse(page(81)))
    assert errors == [
        f"{rel(page(81))}:6: 'Short answer' is 81 words; at most 80 (about 30 seconds spoken). "
        "Move the detail to In depth or Pitfalls and follow-ups."
    ]


def test_every_short_answer_is_at_most_80_words():
    long = [f"{rel(p)}: {short_answer_words(parse(p))} words" for p in QUESTIONS if check_short_answer(parse(p))]
    assert not long, "\n".join(long)


def test_glossary_entries_are_sorted_and_one_block_each():
    """docs/includes/abbreviations.md is appended to every page and every flashcard. Kept as one block per entry
    (a blank line between definitions): as a single 140-line block it made each Markdown conversion 20 times
    slower and doubled the build's time. Sorted (case-insensitively) so that a duplicate sits next to its twin."""
    source = DOCS / "includes" / "abbreviations.md"
    lines = source.read_text(encoding="utf-8").splitlines()
    for n, (line, after) in enumerate(zip(lines, lines[1:]), start=1):
        assert not (line.strip() and after.strip()), f"{rel(source)}:{n + 1}: put a blank line between two entries"
    entries = [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    for n, line in entries:
        assert re.fullmatch(r"\*\[[^\]]+\]: \S.*", line), f"{rel(source)}:{n}: not an '*[ABBR]: meaning' entry"
    keys = [line[2 : line.index("]")] for _, line in entries]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    assert not dupes, f"{rel(source)}: defined twice: {dupes}"
    assert keys == sorted(keys, key=str.casefold), f"{rel(source)}: entries out of order"
