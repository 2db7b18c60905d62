"""Scaffold a new question in a round: page, snippet, figure module and test.

    python scripts/new_question.py "What is entropy?" --round evaluation --tags metrics,classification --difficulty medium
    make new-question ROUND=evaluation Q="What is entropy?" TAGS=metrics,classification DIFFICULTY=medium

The page goes to docs/<round>/<stem>.md, last in its round (front matter `order`); the navigation and the
round's index pick it up with no other edit. The files share one name stem (from the question, or --slug),
unique across rounds. Every place that needs your words holds a TODO placeholder; the page-standard check
refuses the page until none is left, and names each.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts import rounds  # noqa: E402
from scripts.pages import DIFFICULTIES, STEM, parse, round_pages  # noqa: E402

FRONT = """---
title: {title}
round: {round}
order: {order}
tags:
{tags}
difficulty: {difficulty}
summary: TODO one line that answers the question.
---
"""

# The snippet section, its captured output and the figure: under In code on a question page; on a page of a
# round with an outline of its own (scripts/rounds.py), under the first section after the opening one.
CODE_BLOCK = """```{{.python notest}}
--8<-- "snippets/{stem}.py:example"
```

```text title="Output"
--8<-- "generated/outputs/{stem}/example.txt"
```

--8<-- "generated/figures/{stem}_main.md"
"""

QUIZZES = """<!-- mkdocs-quiz intro -->

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

PAGE = (
    """
## Short answer

TODO what you would say in the first thirty seconds: at most 80 words.

## In depth

TODO the idea with its formulas, for example $\\hat y = f(x)$, and a displayed one:

$$
\\text{{TODO}} = 0
$$

??? note "Derivation"
    TODO a derivation, or delete this block.

## In code

TODO what the code shows.

"""
    + CODE_BLOCK
    + """
## Pitfalls and follow-ups

- TODO a common wrong answer, and what interviewers ask next.

## Check yourself

"""
    + QUIZZES
)

SNIPPET = '''"""{title_lines}

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

FIGURE = '''"""Figures for the page {stem}.md, drawn from the page's own snippet objects."""

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

TEST = '''"""Claims of the page {stem}.md checked beyond the one dataset its snippet uses."""

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
    return "_".join(kept[:4]) or "question"


def next_order(round_key: str) -> int:
    """After the round's last page, in steps of 10 (room to insert a page between two later)."""
    orders = [parse(p).meta.get("order") for p in round_pages(round_key)]
    numbers = [o for o in orders if isinstance(o, (int, float)) and not isinstance(o, bool)]
    return int(max(numbers, default=0)) // 10 * 10 + 10


def page_text(round_: rounds.Round, stem: str) -> str:
    if round_.sections == rounds.QUESTION_SECTIONS:
        return PAGE.format(stem=stem)
    parts = []
    for i, name in enumerate(round_.sections):
        parts.append(f"## {name}\n\nTODO {name.lower()}.\n")
        if i == 1:
            parts.append(CODE_BLOCK.format(stem=stem))
        if name == "Check yourself":
            parts.append(QUIZZES)
    return "\n" + "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("question", help='the question, e.g. "What is entropy?"')
    parser.add_argument("--round", help=f"the round: one of {', '.join(rounds.KEYS)}")
    parser.add_argument("--tags", default="", help="comma-separated tags")
    parser.add_argument("--difficulty", default="medium", choices=DIFFICULTIES)
    parser.add_argument("--slug", help="the stem (default: from the question)")
    parser.add_argument("--order", type=int, help="place in the round (default: after its last page)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if not args.round:
        parser.error(f"say which round the question belongs to with --round (ROUND=...): {', '.join(rounds.KEYS)}")
    if args.round not in rounds.KEYS:
        parser.error(f"unknown round {args.round!r}; the rounds are: {', '.join(rounds.KEYS)}")
    round_ = rounds.get(args.round)
    root = args.root.resolve()
    stem = args.slug or slugify(args.question)
    if not STEM.match(stem):
        parser.error(f"'{stem}' is not a valid stem (lowercase words joined by '_')")
    taken = sorted(p for key in rounds.KEYS for p in (root / "docs" / key).glob(f"{stem}.md"))
    if taken:
        parser.error(f"the stem '{stem}' is taken by {taken[0].relative_to(root)}: pass another --slug")
    tags = [t.strip() for t in args.tags.split(",") if t.strip()] or ["TODO-tag"]
    title = args.question.strip().replace('"', "'")
    front = FRONT.format(
        title=title,
        round=round_.key,
        order=args.order or next_order(round_.key),
        tags="\n".join(f"  - {t}" for t in tags),
        difficulty=args.difficulty,
    )
    files = {
        root / "docs" / round_.key / f"{stem}.md": front + page_text(round_, stem),
        # The snippet is shown on the page, 88 columns at most (snippets/ruff.toml): its docstring is wrapped.
        root / "snippets" / f"{stem}.py": SNIPPET.format(title_lines="\n".join(textwrap.wrap(title, 84)), stem=stem),
        root / "scripts" / "figures" / f"{stem}.py": FIGURE.format(stem=stem),
        root / "tests" / "questions" / f"test_{stem}.py": TEST.format(stem=stem),
    }
    clash = [str(p.relative_to(root)) for p in files if p.exists()]
    if clash:
        parser.error(f"already exists: {', '.join(clash)}")
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"created {path.relative_to(root)}")
    print(f"docs/{round_.key}/{stem}.md appears in the {round_.title} round's navigation and index")
    print(f"next: replace every TODO, then `make check-page STEM={stem}` and `make serve`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
