"""Scaffold a new question: page, snippet, figure module, test, and its navigation entry.

    python scripts/new_question.py "What is entropy?" --tags metrics,classification --difficulty medium
    make new-question Q="What is entropy?" TAGS=metrics,classification DIFFICULTY=medium

The files share one name stem (q21_what_is_entropy by default, or --slug). Every place that needs your
words holds a TODO placeholder; the page-standard check refuses the page until none is left, and names each.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.pages import DIFFICULTIES, QUESTIONS  # noqa: E402

PAGE = """---
title: {title}
tags:
{tags}
difficulty: {difficulty}
summary: TODO one line that answers the question.
---

## Short answer

TODO what you would say in the first thirty seconds.

## In depth

TODO the idea with its formulas, for example $\\hat y = f(x)$, and a displayed one:

$$
\\text{{TODO}} = 0
$$

??? note "Derivation"
    TODO a derivation, or delete this block.

## In code

TODO what the code shows.

```{{.python notest}}
--8<-- "snippets/{stem}.py:example"
```

```text title="Output"
--8<-- "generated/outputs/{stem}/example.txt"
```

--8<-- "generated/figures/{stem}_main.md"

## Pitfalls and follow-ups

- TODO a common wrong answer, and what interviewers ask next.

## Check yourself

<!-- mkdocs-quiz intro -->

<quiz>
TODO a question with one right answer?
- [ ] TODO a wrong answer that people really give
> TODO why it is wrong.
- [x] TODO the right answer
- [ ] TODO another wrong answer
> TODO why it is wrong.

TODO why the right answer is right.
</quiz>

<quiz>
TODO another question?
- [x] TODO the right answer
- [ ] TODO a wrong answer
> TODO why it is wrong.
- [ ] TODO another wrong answer
> TODO why it is wrong.

TODO why the right answer is right.
</quiz>

<!-- mkdocs-quiz results -->
"""

SNIPPET = '''"""{title}

TODO one sentence: what this snippet shows. Run on its own: python snippets/{stem}.py
"""

import numpy as np

rng = np.random.default_rng(0)  # fixed seed: the page shows this exact output

# --8<-- [start:example]
x = rng.normal(size=1000)
print(f"mean of 1000 standard normal draws: {{x.mean():.3f}}")
# --8<-- [end:example]

# TODO assert every fact the page states about this code, for example:
assert abs(x.mean()) < 0.1
'''

FIGURE = '''"""Figures for questions/{stem}.md, drawn from the page's own snippet objects."""

import matplotlib.pyplot as plt

from scripts.figures import figure, snippet_namespace


@figure("{stem}_main", alt="TODO say what the figure shows, in a sentence of ten words or more.")
def main():
    ns = snippet_namespace("{stem}")
    fig, ax = plt.subplots()
    ax.hist(ns["x"], bins=40)
    ax.set(xlabel="TODO x label", ylabel="count")
    fig.tight_layout()
    return fig
'''

TEST = '''"""Claims of questions/{stem}.md checked beyond the one dataset its snippet uses."""

import numpy as np
import pytest


@pytest.mark.parametrize("seed", range(5))
def test_todo_a_claim_of_the_page_holds_for_other_seeds(seed):
    # TODO replace with a claim the page makes; every test must be able to fail.
    x = np.random.default_rng(seed).normal(size=1000)
    assert abs(x.mean()) < 0.1
'''


def slugify(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    stop = {"a", "an", "the", "what", "is", "are", "of", "and", "or", "in", "how", "do", "does", "why", "when"}
    kept = [w for w in words if w not in stop] or words
    return "_".join(kept[:4])


def next_number() -> int:
    numbers = [int(p.name[1:3]) for p in QUESTIONS.glob("q[0-9][0-9]_*.md")]
    return max(numbers, default=0) + 1


def add_to_nav(mkdocs_yml: Path, page: str) -> None:
    """Insert the page under Questions, keeping the question entries in numeric order."""
    lines = mkdocs_yml.read_text(encoding="utf-8").splitlines(keepends=True)
    entries = [i for i, line in enumerate(lines) if re.match(r"\s+- questions/q\d\d_", line)]
    if not entries:
        raise SystemExit(f"{mkdocs_yml}: no 'questions/qNN_...' entry in nav to insert next to")
    indent = re.match(r"(\s+)", lines[entries[0]]).group(1)
    new = f"{indent}- {page}\n"
    after = [i for i in entries if lines[i].strip()[2:] < page]
    lines.insert((after[-1] + 1) if after else entries[0], new)
    mkdocs_yml.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("question", help='the question, e.g. "What is entropy?"')
    parser.add_argument("--tags", default="", help="comma-separated tags")
    parser.add_argument("--difficulty", default="medium", choices=DIFFICULTIES)
    parser.add_argument("--slug", help="the part of the stem after qNN_ (default: from the question)")
    parser.add_argument("--number", type=int, help="question number (default: the next free one)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    root = args.root.resolve()
    number = args.number or next_number()
    stem = f"q{number:02d}_{args.slug or slugify(args.question)}"
    if not re.fullmatch(r"q\d\d_[a-z0-9_]+", stem):
        parser.error(f"'{stem}' is not a valid stem (qNN_lowercase_words)")
    tags = [t.strip() for t in args.tags.split(",") if t.strip()] or ["TODO-tag"]
    title = args.question.strip().replace('"', "'")
    files = {
        root / "docs" / "questions" / f"{stem}.md": PAGE.format(
            title=title, tags="\n".join(f"  - {t}" for t in tags), difficulty=args.difficulty, stem=stem
        ),
        root / "snippets" / f"{stem}.py": SNIPPET.format(title=title, stem=stem),
        root / "scripts" / "figures" / f"{stem}.py": FIGURE.format(stem=stem),
        root / "tests" / "questions" / f"test_{stem}.py": TEST.format(stem=stem),
    }
    clash = [str(p.relative_to(root)) for p in files if p.exists()]
    if clash:
        parser.error(f"already exists: {', '.join(clash)}")
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"created {path.relative_to(root)}")
    add_to_nav(root / "mkdocs.yml", f"questions/{stem}.md")
    print(f"added questions/{stem}.md to the nav in mkdocs.yml")
    print(f"next: replace every TODO, then `make check-page STEM={stem}` and `make serve`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
