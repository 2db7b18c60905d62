"""Study plans, generated from the rounds and the pages' reading times (scripts/reading_time.py).

A plan walks the loop in round order (scripts/rounds.py), each round's pages in navigation order, and cuts
that sequence into as many study days as the plan has, so that the longest day is as short as it can be
(the pages keep their order: a round's basics come before what builds on them). Practice days hold the
labs and a mock interview. Every day's minutes are the sum of its items, so a plan fits its days by
construction, and it grows with the guide without an edit.

    generated/pages/study-plan-1-week.md    six study days and a mock-interview day
    generated/pages/study-plan-4-weeks.md   each week: five study days, a practice day, a day off
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from scripts import reading_time, rounds
from scripts.pages import parse, round_pages
from scripts.paths import DOCS

FLASHCARDS_MINUTES = 10  # a daily review of the cards of the pages read so far
MOCK_MINUTES = 30  # one mock interview: a question per round, answered aloud against the clock


@dataclass(frozen=True)
class Item:
    title: str
    link: str  # relative to docs/, as the generated Markdown links it
    minutes: int  # all of it: reading, and for a coding problem the time to solve it
    solve: int = 0  # a coding problem's timer (front matter `minutes`), included in `minutes`


def pages() -> list[Item]:
    items = []
    for r in rounds.ROUNDS:
        for path in round_pages(r.key):
            meta = parse(path).meta
            title = str(meta.get("title", path.stem))
            solve = meta.get("minutes") if isinstance(meta.get("minutes"), int) else 0
            read = reading_time.of_file(path).rounded
            items.append(Item(title, path.relative_to(DOCS).as_posix(), read + solve, solve))
    return items


def labs() -> list[Item]:
    items = []
    for path in sorted((DOCS / "labs").glob("lab_*.ipynb")):
        import json

        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        first = "".join(cells[0].get("source", [])) if cells else path.stem
        title = next((line.lstrip("# ").strip() for line in first.splitlines() if line.startswith("# ")), path.stem)
        items.append(Item(title, path.relative_to(DOCS).as_posix(), reading_time.of_file(path).rounded))
    return items


def split(items: list[Item], days: int) -> list[list[Item]]:
    """Cut `items` into at most `days` consecutive groups with the smallest possible largest group sum
    (the linear partition problem, solved by bisecting on that largest sum)."""
    if not items:
        return [[] for _ in range(days)]

    def groups_for(limit: int) -> list[list[Item]]:
        groups, current, total = [], [], 0
        for item in items:
            if current and total + item.minutes > limit:
                groups.append(current)
                current, total = [], 0
            current.append(item)
            total += item.minutes
        groups.append(current)
        return groups

    low, high = max(i.minutes for i in items), sum(i.minutes for i in items)
    while low < high:
        mid = (low + high) // 2
        if len(groups_for(mid)) <= days:
            high = mid
        else:
            low = mid + 1
    groups = groups_for(low)
    return groups + [[] for _ in range(days - len(groups))]


def _time(i: Item) -> str:
    if not i.solve:
        return reading_time.label(i.minutes)
    return f"{reading_time.label(i.minutes)}: {i.minutes - i.solve} to read, {i.solve} to solve"


def _links(items: list[Item]) -> str:
    return "<br>".join(f"[{i.title}](/{i.link}) ({_time(i)})" for i in items)


def _table(plan: str, rows: list[tuple[str, str, str, int]]) -> str:
    """A day with work gets an empty checklist mark, which the practice script makes a checkbox (kept in the
    reader's browser, counted by the progress page); without the script the table reads the same."""
    lines = ["| Day | Read | Practise | Time |", "|-----|------|----------|-----:|"]
    for day, read, practise, m in rows:
        mark = f'<span class="plan-day" data-plan="{plan}" data-day="{day}"></span>' if m else ""
        lines.append(f"| {mark}{day} | {read or '—'} | {practise or '—'} | {reading_time.label(m)} |")
    return "\n".join(lines)


def one_week() -> tuple[str, list[int]]:
    study = split(pages(), 6)
    rows, minutes = [], []
    for n, group in enumerate(study, start=1):
        m = sum(i.minutes for i in group) + FLASHCARDS_MINUTES
        rows.append((f"Day {n}", _links(group), f"Flashcards ({FLASHCARDS_MINUTES} min)", m))
        minutes.append(m)
    m = MOCK_MINUTES * 2 + FLASHCARDS_MINUTES
    rows.append(
        ("Day 7", "", f"Two mock interviews ({2 * MOCK_MINUTES} min); flashcards ({FLASHCARDS_MINUTES} min)", m)
    )
    minutes.append(m)
    return _table("1-week", rows), minutes


# A row of the labs index: | [title](lab_x.ipynb) | [first page it extends](../round/stem.md), ... |
_LAB_ROW = re.compile(r"^\|\s*\[[^\]]*\]\((lab_\w+\.ipynb)\)\s*\|\s*\[[^\]]*\]\(\.\./([\w/-]+\.md)", re.M)


def lab_weeks(study: list[list[Item]], per_week: int) -> list[list[Item]]:
    """Each lab goes to the practice day of the week in which the first page it extends (its row in the labs
    index) is read; a lab the index does not place goes to the last week."""
    week_of = {i.link: n // per_week for n, group in enumerate(study) for i in group}
    extends = dict(_LAB_ROW.findall((DOCS / "labs" / "index.md").read_text(encoding="utf-8")))
    weeks: list[list[Item]] = [[] for _ in range(len(study) // per_week)]
    for lab in labs():
        weeks[week_of.get(extends.get(Path(lab.link).name, ""), len(weeks) - 1)].append(lab)
    return weeks


def four_weeks() -> tuple[str, list[int]]:
    study = split(pages(), 20)
    lab_days = lab_weeks(study, 5)
    rows, minutes = [], []
    for week in range(4):
        for d in range(5):
            group = study[week * 5 + d]
            m = sum(i.minutes for i in group) + FLASHCARDS_MINUTES
            rows.append((f"Week {week + 1}, day {d + 1}", _links(group), f"Flashcards ({FLASHCARDS_MINUTES} min)", m))
            minutes.append(m)
        lab = lab_days[week]
        m = sum(i.minutes for i in lab) + MOCK_MINUTES
        practise = f"Mock interview ({MOCK_MINUTES} min)"
        rows.append((f"Week {week + 1}, day 6", _links(lab), practise, m))
        minutes.append(m)
        rows.append((f"Week {week + 1}, day 7", "", "Day off", 0))
    return _table("4-weeks", rows), minutes


PLANS = {"1-week": one_week, "4-weeks": four_weeks}
TITLES = {"1-week": "One-week plan", "4-weeks": "Four-week plan"}


def checklists() -> dict[str, dict]:
    """Each plan's title and the days that hold work, as their checklist keys (the day's label)."""
    day = re.compile(r'class="plan-day" data-plan="[^"]+" data-day="([^"]+)"')
    return {name: {"title": TITLES[name], "days": day.findall(build()[0])} for name, build in PLANS.items()}


def render() -> dict[str, str]:
    note = "<!-- generated by scripts/study_plan.py from the rounds and the pages' reading times; do not edit -->"
    out = {}
    for plan, build in PLANS.items():
        name, (table, minutes) = f"study-plan-{plan}.md", build()
        busy = [m for m in minutes if m]
        summary = (
            f"In all {reading_time.total_label(sum(minutes))}; the longest day takes "
            f"{reading_time.label(max(busy))}, the shortest {reading_time.label(min(busy))}."
        )
        out[name] = f"{note}\n{table}\n\n{summary}\n"
    return out


def write(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in render().items():
        path = out_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
