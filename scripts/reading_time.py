"""Reading time of a page, computed at build from its words and its code (never typed by hand).

A page's prose is read at PROSE_WPM words a minute and its code at CODE_LINES_PER_MINUTE lines a minute.
Code counts the fences of the page and the snippet sections and captured outputs it includes with `--8<--`,
so a page that shows more code reads longer. Front matter, HTML comments and include lines are not words.
For a notebook, Markdown cells are prose and code cells are code (outputs are not counted).

The rates are conventions, not measurements of our readers: about 200 words a minute is the usual figure for
technical prose (Medium and most blogs use 200-265 for general prose), and a line of code takes a few seconds
to follow. Written by hand because the reading-time plugins for MkDocs count words only, and only after
rendering, so they cannot give the home page and the round tables their figures before the pages are built.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from scripts.paths import ROOT

PROSE_WPM = 200
CODE_LINES_PER_MINUTE = 20  # three seconds a line
WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF]+(?:['’.-][A-Za-z0-9]+)*")
INCLUDE = re.compile(r'^\s*(?:-{2}8<-{2})\s+"(?P<path>[^"]+)"\s*$')
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
COMMENT = re.compile(r"<!--.*?-->", re.S)
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
SECTION_MARK = re.compile(r"^\s*#\s*-{2}8<-{2}\s*\[(start|end):[\w-]+\]")


@dataclass(frozen=True)
class Reading:
    words: int
    code_lines: int

    @property
    def minutes(self) -> float:
        return self.words / PROSE_WPM + self.code_lines / CODE_LINES_PER_MINUTE

    @property
    def rounded(self) -> int:
        """Whole minutes, at least one."""
        return max(1, math.ceil(self.minutes - 1e-9))

    def __add__(self, other: Reading) -> Reading:
        return Reading(self.words + other.words, self.code_lines + other.code_lines)


ZERO = Reading(0, 0)


def words(text: str) -> int:
    text = COMMENT.sub(" ", text)
    text = LINK_TARGET.sub("]", text)
    text = TAG.sub(" ", text)
    return len(WORD.findall(text))


def _included_lines(target: str) -> int:
    """Lines a `--8<-- "path[:section]"` include puts on the page (0 for fragments such as figures)."""
    path_part, _, section = target.partition(":")
    path = ROOT / path_part
    if path_part.startswith("generated/figures/") or not path.exists() or path.suffix not in (".py", ".txt"):
        return 0
    lines = path.read_text(encoding="utf-8").splitlines()
    if section:
        inside, kept = False, []
        for line in lines:
            m = re.match(rf"^\s*#\s*-{{2}}8<-{{2}}\s*\[(start|end):{re.escape(section)}\]", line)
            if m:
                inside = m.group(1) == "start"
                continue
            if inside:
                kept.append(line)
        lines = kept
    return sum(1 for line in lines if line.strip() and not SECTION_MARK.match(line))


def of_markdown(text: str) -> Reading:
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":  # front matter
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        lines = lines[end + 1 :]
    prose, code, fence = [], 0, None
    for line in lines:
        m = FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip().strip(fence[0]):
                fence = None
                continue
            inc = INCLUDE.match(line)
            code += _included_lines(inc.group("path")) if inc else int(bool(line.strip()))
            continue
        if m:
            fence = m.group(1)
            continue
        inc = INCLUDE.match(line)
        if inc:
            code += _included_lines(inc.group("path"))
            continue
        prose.append(line)
    return Reading(words("\n".join(prose)), code)


def of_notebook(path: Path) -> Reading:
    nb = json.loads(path.read_text(encoding="utf-8"))
    total = ZERO
    for cell in nb.get("cells", []):
        source = "".join(cell.get("source", []))
        if cell.get("cell_type") == "markdown":
            total += Reading(words(source), 0)
        elif cell.get("cell_type") == "code":
            total += Reading(0, sum(1 for line in source.splitlines() if line.strip()))
    return total


def of_file(path: Path) -> Reading:
    if path.suffix == ".ipynb":
        return of_notebook(path)
    return of_markdown(path.read_text(encoding="utf-8"))


def label(minutes: int) -> str:
    return f"{minutes} min"


def total_label(minutes: int) -> str:
    """A sum of page times, as hours and minutes when it passes an hour."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"
