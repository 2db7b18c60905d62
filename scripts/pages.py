"""The page standard, as code: what a question page must contain, checked with file and line.

Used by the MkDocs hook (so `mkdocs build` stops on a broken page) and by the tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs_quiz.parsing import CHECKBOX_REGEX, QUIZ_REGEX, collect_feedback, find_quizzes, mask_code_blocks

from scripts import rounds
from scripts.paths import DOCS, FIGURES_OUT, OUTPUTS_OUT, ROOT, SNIPPETS, rel

# A question page is docs/<round>/<stem>.md; the stem (lowercase words joined by _) is shared with
# snippets/<stem>.py, scripts/figures/<stem>.py and tests/questions/test_<stem>.py, so it is unique site-wide.
STEM = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
REQUIRED_SECTIONS = list(rounds.QUESTION_SECTIONS)  # the outline of the question rounds
DIFFICULTIES = ("easy", "medium", "hard")
# mkdocs-quiz's placeholders: a note that answers are kept in the browser with a reset button, and the score.
QUIZ_INTRO = "<!-- mkdocs-quiz intro -->"
QUIZ_RESULTS = "<!-- mkdocs-quiz results -->"
INLINE_MATH = re.compile(r"\$[^$]+\$")
PLACEHOLDER = re.compile(r"\bTODO\b|\bFIXME\b|<placeholder[^>]*>")  # upper case: `todo` in a name is fine

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
INCLUDE = re.compile(r'--8<--\s+"(?P<path>[^"]+)"')
SECTION_MARK = re.compile(r"^\s*#\s*--8<--\s*\[start:([\w-]+)\]")


@dataclass
class Fence:
    line: int  # 1-based line of the opening fence
    indent: str
    info: str
    body: list[str] = field(default_factory=list)

    @property
    def language(self) -> str:
        info = self.info.strip()
        m = re.match(r"\{\s*\.?([\w+-]+)", info) if info.startswith("{") else re.match(r"([\w+-]+)", info)
        return m.group(1).lower() if m else ""

    @property
    def runnable_python(self) -> bool:
        return self.language in ("python", "py", "python3") and "notest" not in self.info


@dataclass
class PageSource:
    path: Path
    meta: dict
    meta_error: str | None
    lines: list[str]  # the whole file
    body_start: int  # index in `lines` of the first line after the front matter
    fences: list[Fence]

    def prose_lines(self):
        """(line number, text) of every line outside fenced code, after the front matter."""
        inside = set()
        for f in self.fences:
            inside.update(range(f.line, f.line + len(f.body) + 2))
        for i in range(self.body_start, len(self.lines)):
            if i + 1 not in inside:
                yield i + 1, self.lines[i]

    def headings(self, level: int = 2):
        prefix = "#" * level + " "
        return [(n, t[len(prefix) :].strip()) for n, t in self.prose_lines() if t.startswith(prefix)]

    def includes(self):
        """(line, path, section) for every --8<-- include, in fences or not."""
        for n in range(self.body_start, len(self.lines)):
            for m in INCLUDE.finditer(self.lines[n]):
                target, _, section = m.group("path").partition(":")
                yield n + 1, target, section or None


def parse(path: Path) -> PageSource:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    meta: dict = {}
    meta_error = None
    body_start = 0
    if lines and lines[0].strip() == "---":
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        except StopIteration:
            meta_error = f"{rel(path)}:1: front matter opened with '---' is never closed"
            end = 0
        if end:
            body_start = end + 1
            try:
                loaded = yaml.safe_load("\n".join(lines[1:end])) or {}
                if isinstance(loaded, dict):
                    meta = loaded
                else:
                    meta_error = f"{rel(path)}:2: front matter must be a YAML mapping"
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark else 2
                meta_error = f"{rel(path)}:{line}: front matter is not valid YAML: {getattr(exc, 'problem', exc)}"
    fences: list[Fence] = []
    open_fence: tuple[Fence, str] | None = None
    for i in range(body_start, len(lines)):
        line = lines[i]
        if open_fence:
            fence, marker = open_fence
            if line.strip().startswith(marker[0] * len(marker)) and not line.strip().strip(marker[0]):
                fences.append(fence)
                open_fence = None
            else:
                fence.body.append(line)
            continue
        m = FENCE.match(line)
        if m:
            open_fence = (Fence(i + 1, m.group("indent"), m.group("info")), m.group("fence"))
    if open_fence:
        fences.append(open_fence[0])
    return PageSource(path, meta, meta_error, lines, body_start, fences)


def round_of_folder(path: Path) -> str | None:
    """The round whose folder holds `path` (docs/<round>/<page>), or None. By name, so that a scratch copy of
    the project (the guard-rail tests) is read like the real one."""
    parts = Path(path).parts
    return parts[-2] if len(parts) >= 3 and parts[-3] == "docs" and parts[-2] in rounds.KEYS else None


def is_round_index(path: Path) -> bool:
    return path.name == "index.md" and round_of_folder(path) is not None


def is_question(path: Path) -> bool:
    """A page of a round: any Markdown file in docs/<round>/ but the round's index."""
    return path.suffix == ".md" and path.name != "index.md" and round_of_folder(path) is not None


def key_line(page: PageSource, key: str) -> int:
    """The 1-based line of a front-matter key (for messages), or 1 when it is absent."""
    for i in range(1, max(page.body_start - 1, 1)):
        if re.match(rf"{re.escape(key)}\s*:", page.lines[i]):
            return i + 1
    return 1


def check_round(page: PageSource) -> list[str]:
    """`round:` names a known round, and the page lives in that round's folder."""
    folder = round_of_folder(page.path)
    value = page.meta.get("round")
    where = f"{rel(page.path)}:{key_line(page, 'round')}"
    valid = ", ".join(rounds.KEYS)
    if value is None:
        if folder is None:
            return []
        return [f"{where}: front matter 'round' is missing (this page is in docs/{folder}/: add `round: {folder}`)"]
    if value not in rounds.KEYS:
        return [f"{where}: front matter 'round' must be one of {valid}, got {value!r}"]
    if folder != value:
        here = f"in docs/{folder}/" if folder else "outside every round folder"
        return [f"{where}: front matter says round '{value}' but the page is {here}; move it to docs/{value}/"]
    return []


def check_front_matter(page: PageSource) -> list[str]:
    where = f"{rel(page.path)}:1"
    if page.meta_error:
        return [page.meta_error]
    meta, errors = page.meta, []
    if not page.meta:
        return [f"{where}: a question page needs front matter (title, round, order, tags, difficulty, summary)"]
    if not isinstance(meta.get("title"), str) or not meta["title"].strip():
        errors.append(f"{where}: front matter 'title' is missing or not text")
    tags = meta.get("tags")
    if not isinstance(tags, list) or not tags or not all(isinstance(t, str) and t.strip() for t in tags):
        errors.append(
            f"{rel(page.path)}:{key_line(page, 'tags')}: front matter 'tags' must be a non-empty list of words, "
            f"got {tags!r}"
        )
    if meta.get("difficulty") not in DIFFICULTIES:
        errors.append(
            f"{rel(page.path)}:{key_line(page, 'difficulty')}: front matter 'difficulty' must be one of "
            f"{', '.join(DIFFICULTIES)}, got {meta.get('difficulty')!r}"
        )
    order = meta.get("order")
    if isinstance(order, bool) or not isinstance(order, (int, float)):
        errors.append(
            f"{rel(page.path)}:{key_line(page, 'order')}: front matter 'order' must be a number (the page's place "
            f"in its round's navigation and index, lowest first), got {order!r}"
        )
    summary = meta.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        errors.append(f"{where}: front matter 'summary' is missing (one line: what the page answers)")
    elif "\n" in summary.strip():
        errors.append(f"{where}: front matter 'summary' must be one line")
    if meta.get("round") == "coding":  # a problem is timed: the usual time limit in an interview
        minutes = meta.get("minutes")
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 5 <= minutes <= 120:
            errors.append(
                f"{rel(page.path)}:{key_line(page, 'minutes')}: front matter 'minutes' must be a whole number of "
                f"minutes from 5 to 120 (the problem's usual time limit), got {minutes!r}"
            )
    terms = meta.get("search_terms", [])
    if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
        errors.append(f"{where}: front matter 'search_terms' must be a list of words, got {terms!r}")
    return errors


def required_sections(page: PageSource) -> list[str]:
    key = page.meta.get("round") if isinstance(page.meta, dict) else None
    return list(rounds.get(key).sections) if key in rounds.KEYS else REQUIRED_SECTIONS


def check_sections(page: PageSource) -> list[str]:
    required = required_sections(page)
    found = [t for _, t in page.headings(2)]
    errors = [
        f"{rel(page.path)}: missing required section '## {name}' (sections: {', '.join(required)})"
        for name in required
        if name not in found
    ]
    order = [t for t in found if t in required]
    if not errors and order != required:
        errors.append(f"{rel(page.path)}: required sections are out of order: {order} (expected {required})")
    if errors:
        return errors
    heads = page.headings(2)
    if "Check yourself" in required:
        start = next(n for n, t in heads if t == "Check yourself")
        end = next((n for n, t in heads if n > start), len(page.lines) + 1)
        errors += check_quizzes(page, start, end)
    if "In depth" in required:
        depth = next(n for n, t in heads if t == "In depth")
        depth_end = next((n for n, t in heads if n > depth), len(page.lines) + 1)
        depth_text = "\n".join(page.lines[depth : depth_end - 1])
        if "$" not in depth_text and "\\[" not in depth_text:
            errors.append(f"{rel(page.path)}:{depth}: 'In depth' has no formula ($...$ or $$...$$)")
    return errors


def check_quizzes(page: PageSource, start: int, end: int) -> list[str]:
    """Check yourself holds 2-4 mkdocs-quiz questions, with the plugin's intro (reset) and score panel.

    mkdocs-quiz itself only logs a warning for a quiz without answers and accepts one without an explanation;
    the page standard wants each question to teach: 3+ answers, 1+ correct but not all, and an explanation; and
    every answer to have words, since many screen readers read MathML inside a form label poorly or not at all,
    and an answer that is only a formula can leave its radio button without a usable name. The plugin's own parsing patterns are reused, so both read
    a quiz the same way.
    """
    where = f"{rel(page.path)}:{start}"
    section = "\n".join(page.lines[start : end - 1])
    errors = []
    quizzes = list(re.finditer(QUIZ_REGEX, section, re.S))
    if not 2 <= len(quizzes) <= 4:
        errors.append(
            f"{where}: 'Check yourself' needs 2-4 questions written as <quiz> blocks "
            f"(see docs/contributing/page-standard.md), found {len(quizzes)}"
        )
    for quiz in quizzes:
        line = start + 1 + section[: quiz.start()].count("\n")  # the <quiz> line; lines[i] is at line + 1 + i
        lines = quiz.group(1).strip("\n").splitlines()
        first = next((i for i, text in enumerate(lines) if CHECKBOX_REGEX.match(text)), len(lines))
        problems: list[tuple[int, str]] = []
        answers, i = [], first
        while i < len(lines) and (m := CHECKBOX_REGEX.match(lines[i])):
            answers.append(m.group(1).lower() == "x")
            if not re.search(r"\w", INLINE_MATH.sub("", m.group(2))):
                problems.append((line + 1 + i, f"answer {m.group(2)!r} is only a formula: its label reads as empty"))
            _, i = collect_feedback(lines, i + 1)
        if not "\n".join(lines[:first]).strip():
            problems.append((line, "no question before the answers"))
        if len(answers) < 3:
            problems.append((line, f"{len(answers)} answers (`- [x] right`, `- [ ] wrong`), needs 3 or more"))
        elif not any(answers) or all(answers):
            problems.append((line, "mark some but not all answers correct with `- [x]`"))
        if not "\n".join(lines[i:]).strip():
            problems.append((line, "no explanation after the answers (a blank line, then why the answer is right)"))
        errors += [f"{rel(page.path)}:{n}: quiz: {text}" for n, text in problems]
    if quizzes and not (0 <= section.find(QUIZ_INTRO) < quizzes[0].start()):
        errors.append(f"{where}: 'Check yourself' needs `{QUIZ_INTRO}` (reset button) before its first quiz")
    if quizzes and section.rfind(QUIZ_RESULTS) < quizzes[-1].end():
        errors.append(f"{where}: 'Check yourself' needs the score panel `{QUIZ_RESULTS}` after its last quiz")
    return errors


def has_quiz(markdown: str) -> bool:
    """A <quiz> block outside fenced code (a page that shows the syntax in a code block has none)."""
    return bool(find_quizzes(mask_code_blocks(markdown)[0]))


def check_placeholders(page: PageSource) -> list[str]:
    """TODO and friends left by the scaffold, in the page and in its snippet, figure module and test."""
    stem = page.path.stem
    siblings = [
        SNIPPETS / f"{stem}.py",
        ROOT / "scripts" / "figures" / f"{stem}.py",
        ROOT / "tests" / "questions" / f"test_{stem}.py",
    ]
    errors = []
    for path, lines in [(page.path, page.lines)] + [
        (p, p.read_text(encoding="utf-8").splitlines()) for p in siblings if p.exists()
    ]:
        errors += [
            f"{rel(path)}:{i + 1}: leftover placeholder {m.group(0)!r}: {line.strip()[:70]}"
            for i, line in enumerate(lines)
            for m in [PLACEHOLDER.search(line)]
            if m
        ]
    return errors


def check_hidden_fences(page: PageSource) -> list[str]:
    """pytest-markdown-docs silently skips indented fences: a runnable one there would never run."""
    return [
        f"{rel(page.path)}:{f.line}: this Python fence is indented (inside an admonition, tab or list), "
        "where pytest-markdown-docs does not run it; move it to column 0 or mark it {.python notest}"
        for f in page.fences
        if f.indent and f.runnable_python
    ]


def check_includes(page: PageSource) -> list[str]:
    errors = []
    for line, target, section in page.includes():
        where = f"{rel(page.path)}:{line}"
        path = ROOT / target
        if target.startswith("generated/figures/"):
            name = Path(target).stem
            if not path.exists():
                errors.append(
                    f"{where}: figure '{name}' is not registered: no function in scripts/figures/ "
                    f'is decorated with @figure("{name}", ...) (or generation failed above)'
                )
        elif target.startswith("generated/outputs/"):
            stem, sec = Path(target).parent.name, Path(target).stem
            snippet = SNIPPETS / f"{stem}.py"
            if not snippet.exists():
                errors.append(f"{where}: output of '{stem}' but snippets/{stem}.py does not exist")
            elif sec not in snippet_sections(snippet):
                errors.append(f"{where}: output of section '{sec}', but snippets/{stem}.py has no such section")
            elif not path.exists():
                errors.append(f"{where}: {target} was not generated (did the snippet fail above?)")
        elif target.startswith("snippets/"):
            if not path.exists():
                errors.append(f"{where}: {target} does not exist")
            elif section and section not in snippet_sections(path):
                errors.append(
                    f"{where}: {target} has no section '{section}' "
                    f"(it has: {', '.join(snippet_sections(path)) or 'none'})"
                )
    return errors


def snippet_sections(path: Path) -> list[str]:
    return [
        m.group(1) for line in path.read_text(encoding="utf-8").splitlines() for m in [SECTION_MARK.match(line)] if m
    ]


def check_page_source(path: Path) -> list[str]:
    """Every check that can run on the Markdown source alone. Question pages get the full standard."""
    page = parse(path)
    errors = check_hidden_fences(page) + check_includes(page)
    if page.meta_error:
        return [page.meta_error] + errors
    if is_question(path):
        errors = check_front_matter(page) + check_round(page) + check_stem(page) + errors
        errors += check_sections(page) + check_short_answer(page) + check_placeholders(page)
    else:
        errors = check_round(page) + errors
    return errors


def check_stem(page: PageSource) -> list[str]:
    if not STEM.match(page.path.stem):
        return [
            f"{rel(page.path)}:1: '{page.path.stem}' is not a valid stem: lowercase words joined by '_' "
            "(it names the page, its snippet, figure module and test)"
        ]
    return []


def question_pages() -> list[Path]:
    """Every page of every round, sorted by path (so by round folder, then stem)."""
    return sorted(p for key in rounds.KEYS for p in (DOCS / key).glob("*.md") if is_question(p))


def outputs_included(page: PageSource) -> list[Path]:
    return [ROOT / t for _, t, _ in page.includes() if t.startswith("generated/outputs/")]


__all__ = ["parse", "check_page_source", "question_pages", "REQUIRED_SECTIONS", "OUTPUTS_OUT", "FIGURES_OUT"]


def sort_key(path: Path) -> tuple:
    """A round's pages in navigation order: `order` front matter, then title (a page without one goes last)."""
    meta = parse(path).meta
    order = meta.get("order")
    number = order if isinstance(order, (int, float)) and not isinstance(order, bool) else float("inf")
    return (number, str(meta.get("title", path.stem)).lower(), path.name)


def round_pages(key: str) -> list[Path]:
    """The question pages of one round, in navigation order."""
    return sorted((p for p in (DOCS / key).glob("*.md") if is_question(p)), key=sort_key)


def section_text(page: PageSource, name: str) -> str:
    """The Markdown of one `## name` section (empty if the page has none)."""
    heads = page.headings(2)
    start = next((n for n, t in heads if t == name), None)
    if start is None:
        return ""
    end = next((n for n, t in heads if n > start), len(page.lines) + 1)
    return "\n".join(page.lines[start : end - 1]).strip()


SHORT_ANSWER_MAX_WORDS = 80  # about 30 seconds spoken, at the 150-160 words a minute of conversational speech


def short_answer_words(page: PageSource) -> int:
    """Words of the Short answer as a candidate would say them: a formula ($...$) counts as one word."""
    from scripts.reading_time import words

    return words(INLINE_MATH.sub(" formula ", section_text(page, "Short answer")))


def check_short_answer(page: PageSource) -> list[str]:
    if "Short answer" not in required_sections(page):
        return []
    line = next((n for n, t in page.headings(2) if t == "Short answer"), 1)
    count = short_answer_words(page)
    if count > SHORT_ANSWER_MAX_WORDS:
        return [
            f"{rel(page.path)}:{line}: 'Short answer' is {count} words; at most {SHORT_ANSWER_MAX_WORDS} "
            "(about 30 seconds spoken). Move the detail to In depth or Pitfalls and follow-ups."
        ]
    return []
