"""Reading times and study plans are computed from the pages, and add up."""

from __future__ import annotations

import json
import re

from scripts import reading_time, rounds, study_plan
from scripts.pages import parse, question_pages, round_pages
from scripts.paths import DOCS


def test_prose_and_code_are_counted_apart(tmp_path):
    page = tmp_path / "p.md"
    prose = " ".join(["word"] * 400)
    page.write_text(f"---\ntitle: T\ntags: [a]\n---\n\n{prose}\n\n```python\nx = 1\n\ny = 2\n```\n<!-- a comment -->\n")
    read = reading_time.of_file(page)
    assert (read.words, read.code_lines) == (400, 2)
    assert read.minutes == 400 / reading_time.PROSE_WPM + 2 / reading_time.CODE_LINES_PER_MINUTE
    assert read.rounded == 3  # 2.1 minutes, rounded up


def test_an_included_snippet_section_counts_its_lines(tmp_path):
    page = tmp_path / "p.md"
    page.write_text('Intro.\n\n```{.python notest}\n--8<-- "snippets/precision_recall.py:by_hand"\n```\n')
    source = (DOCS.parent / "snippets" / "precision_recall.py").read_text().splitlines()
    start = next(i for i, line in enumerate(source) if "[start:by_hand]" in line)
    end = next(i for i, line in enumerate(source) if "[end:by_hand]" in line)
    expected = sum(1 for line in source[start + 1 : end] if line.strip())
    assert expected > 0 and reading_time.of_file(page).code_lines == expected


def test_a_notebook_counts_markdown_words_and_code_lines(tmp_path):
    nb = {
        "cells": [
            {"cell_type": "markdown", "source": ["# Lab\n", "Three more words"]},
            {"cell_type": "code", "source": ["a = 1\n", "\n", "b = 2\n"], "outputs": [{"text": "ignored " * 99}]},
        ]
    }
    path = tmp_path / "lab.ipynb"
    path.write_text(json.dumps(nb))
    assert reading_time.of_file(path) == reading_time.Reading(4, 2)


def test_totals_read_as_hours_and_minutes():
    assert reading_time.total_label(45) == "45 min"
    assert reading_time.total_label(60) == "1 h"
    assert reading_time.total_label(125) == "2 h 05 min"


def test_every_page_is_in_each_study_plan_once_and_in_loop_order():
    pages = study_plan.pages()
    loop = [p.relative_to(DOCS).as_posix() for r in rounds.ROUNDS for p in round_pages(r.key)]
    assert [i.link for i in pages] == loop and len(loop) == len(question_pages())
    for days in (6, 20):
        groups = study_plan.split(pages, days)
        assert len(groups) == days
        assert [i for g in groups for i in g] == pages, "a page is missing, repeated or out of order"


def test_a_plans_days_add_up_to_its_rows():
    text = study_plan.render()["study-plan-1-week.md"]
    rows = [
        line for line in text.splitlines() if re.match(r"\| (?:<span [^>]*></span>)?Day \d", line)
    ]  # checklist mark
    assert len(rows) == 7
    for row in rows[:6]:
        read, minutes = row.split(" | ")[1], int(row.split(" | ")[-1].split()[0])
        pages = [int(m.split("(")[-1].split()[0]) for m in read.split("<br>") if m and m != "—"]
        assert minutes == sum(pages) + study_plan.FLASHCARDS_MINUTES, row


def test_the_longest_day_is_as_short_as_any_cut_allows():
    """Against every way to cut a small sequence into three consecutive days (brute force)."""
    from itertools import combinations

    minutes = [7, 2, 5, 10, 8, 3, 9]
    items = [study_plan.Item(str(i), "x.md", m) for i, m in enumerate(minutes)]
    best = min(
        max(sum(minutes[a:b]) for a, b in zip((0, *cut), (*cut, len(minutes))))
        for cut in combinations(range(1, len(minutes)), 2)
    )
    groups = study_plan.split(items, 3)
    assert max(sum(i.minutes for i in g) for g in groups) == best == 18


def test_a_coding_problem_is_planned_with_its_time_limit():
    """A plan gives a coding problem its reading time plus the time limit its timer counts down."""
    problems = [p for p in round_pages("coding")]
    assert problems
    items = {i.link: i for i in study_plan.pages()}
    for path in problems:
        item = items[f"coding/{path.name}"]
        limit = parse(path).meta["minutes"]
        assert item.solve == limit and item.minutes == reading_time.of_file(path).rounded + limit, item
        assert (
            f"{item.minutes} min: {item.minutes - limit} to read, {limit} to solve"
            in study_plan.render()["study-plan-4-weeks.md"]
        )


def test_a_lab_comes_in_the_week_its_first_page_is_read():
    text = study_plan.render()["study-plan-4-weeks.md"]
    weeks = {}
    for line in text.splitlines():
        m = re.search(r"Week (\d), day (\d)", line)
        if m:
            weeks.setdefault(int(m.group(1)), []).append(line)
    index = (DOCS / "labs" / "index.md").read_text(encoding="utf-8")
    labs = dict(study_plan._LAB_ROW.findall(index))
    assert len(labs) == len(list((DOCS / "labs").glob("lab_*.ipynb"))), "a lab is missing from the labs index"
    for lab, page in labs.items():
        week = next(n for n, rows in weeks.items() if any(f"(/{page})" in r for r in rows[:5]))
        assert f"(/labs/{lab})" in weeks[week][5], f"{lab} is not on the practice day of week {week}, where {page} is"
