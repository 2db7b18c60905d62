"""Run a snippet file section by section and capture what each named section prints.

Snippets mark the code a page shows with pymdownx.snippets section markers:

    # --8<-- [start:fit]
    model = Lasso(alpha=0.1).fit(X, y)
    print(model.coef_)
    # --8<-- [end:fit]

The page includes the code with `--8<-- "snippets/<stem>.py:fit"` and the captured output
with `--8<-- "generated/outputs/<stem>/fit.txt"`. Written by hand because no library runs a
file in pymdownx's own section syntax and keeps each section's stdout apart; it is small:
split on the markers, exec the chunks in order in one namespace, redirect stdout per chunk.
`python -m scripts.render <stem> OUT_ROOT` runs a snippet this way and writes its outputs.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import traceback
from dataclasses import dataclass
from pathlib import Path

from scripts.paths import rel

MARKER = re.compile(r"^\s*#\s*--8<--\s*\[(start|end):([\w-]+)\]\s*$")


class SnippetError(Exception):
    """A snippet is malformed or raised; the message names the file and line."""


@dataclass
class Chunk:
    name: str | None  # None for code outside any named section
    first_line: int  # 1-based line number of the chunk's first line in the file
    source: str


def split_sections(path: Path) -> list[Chunk]:
    """Split a snippet into alternating anonymous and named chunks, checking the markers."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    chunks: list[Chunk] = []
    current: str | None = None
    start = 1
    buf: list[str] = []
    seen: set[str] = set()

    def flush(next_start: int) -> None:
        nonlocal buf, start
        if "".join(buf).strip():
            chunks.append(Chunk(current, start, "".join(buf)))
        buf = []
        start = next_start

    for lineno, line in enumerate(lines, start=1):
        m = MARKER.match(line)
        if not m:
            buf.append(line)
            continue
        kind, name = m.groups()
        if kind == "start":
            if current is not None:
                raise SnippetError(f"{rel(path)}:{lineno}: section '{name}' starts inside section '{current}'")
            if name in seen:
                raise SnippetError(f"{rel(path)}:{lineno}: section '{name}' is defined twice")
            if line != line.lstrip():
                raise SnippetError(f"{rel(path)}:{lineno}: section markers must start at column 0")
            flush(lineno + 1)
            current = name
            seen.add(name)
        else:
            if current != name:
                raise SnippetError(f"{rel(path)}:{lineno}: end of section '{name}' but the open section is {current!r}")
            flush(lineno + 1)
            current = None
    if current is not None:
        raise SnippetError(f"{rel(path)}: section '{current}' is never closed with '# --8<-- [end:{current}]'")
    flush(len(lines) + 1)  # the code after the last section (often the asserts) runs too
    return chunks


def section_names(path: Path) -> list[str]:
    return [c.name for c in split_sections(path) if c.name]


def _compile(chunk: Chunk, path: Path):
    try:
        tree = ast.parse(chunk.source, filename=str(path))
    except SyntaxError as exc:
        line = (exc.lineno or 1) + chunk.first_line - 1
        where = f"section '{chunk.name}'" if chunk.name else "code outside sections"
        raise SnippetError(
            f"{rel(path)}:{line}: {where} is not valid Python on its own "
            f"(a section must hold whole statements): {exc.msg}"
        ) from None
    ast.increment_lineno(tree, chunk.first_line - 1)
    return compile(tree, str(path), "exec")


def run_sections(path: Path, namespace: dict | None = None) -> dict[str, str]:
    """Execute the snippet chunk by chunk; return {section name: captured stdout}. Pass a dict as `namespace`
    to keep the snippet's globals (the figures draw from them)."""
    path = Path(path).resolve()
    if namespace is None:
        namespace = {}
    namespace.update({"__name__": "__main__", "__file__": str(path)})
    outputs: dict[str, str] = {}
    for chunk in split_sections(path):
        code = _compile(chunk, path)
        buffer = io.StringIO()
        try:
            with contextlib.redirect_stdout(buffer):
                exec(code, namespace)
        except Exception as exc:
            tb = traceback.extract_tb(exc.__traceback__)
            frames = [f for f in tb if Path(f.filename).resolve() == path]
            line = frames[-1].lineno if frames else chunk.first_line
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            raise SnippetError(f"{rel(path)}:{line}: the snippet raised {detail}") from exc
        if chunk.name:
            outputs[chunk.name] = buffer.getvalue()
    return outputs
