"""The search query set (issue #14): what readers type, each with the page that must come up.

Two files in tests/data: `search_queries_tune.toml`, which the search may be tuned against, and
`search_queries_held_out.toml`, which it never is (report both). Each is a list of `[[query]]` tables:

    [[query]]
    text = "elbow method"            # what the reader types
    page = "classical/kmeans_vs_knn/"  # the URL path of the page that must be in the first three results
    kind = "synonym"                 # one of KINDS
    baseline = "top-3"               # optional: what Material's search does today ("top-3" or "miss: why")

`search_queries(part)` reads one file and refuses a bad entry with the file and line.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from scripts.paths import DOCS, ROOT

DATA = Path(__file__).parent / "data"
PARTS = ("tune", "held_out")
KINDS = ("term", "synonym", "abbreviation", "misspelling", "api", "formula", "phrase")
FIELDS = {"text", "page", "kind", "baseline", "note"}


class QueryError(ValueError):
    pass


def path_of(part: str) -> Path:
    return DATA / f"search_queries_{part}.toml"


def target_exists(page: str) -> bool:
    """A page the site builds from docs/ (a Markdown page or a lab notebook), by its URL path."""
    if not page.endswith("/") or page.startswith("/") or page.endswith("index/"):
        return False
    stem = DOCS / page.removesuffix("/")
    return stem.with_suffix(".md").exists() or stem.with_suffix(".ipynb").exists()


def search_queries(part: str, path: Path | None = None) -> list[dict]:
    path = path or path_of(part)
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    if not path.exists():
        raise QueryError(f"{name}: the {part.replace('_', '-')} query file is missing")
    text = path.read_text(encoding="utf-8")
    try:
        queries = tomllib.loads(text).get("query", [])
    except tomllib.TOMLDecodeError as e:  # its message ends with "(at line N, column M)"
        raise QueryError(f"{name}: not valid TOML: {e}") from None
    # tomllib keeps no line numbers: the n-th [[query]] header is the n-th table
    lines = [i for i, line in enumerate(text.splitlines(), 1) if line.strip() == "[[query]]"]
    if len(lines) != len(queries):
        raise QueryError(f"{name}: write each query as a table of its own, opened by a [[query]] line")
    seen: dict[str, int] = {}
    for q, line in zip(queries, lines, strict=True):
        where = f"{name}, line {line}"
        if missing := {"text", "page", "kind"} - q.keys():
            raise QueryError(f"{where}: the query has no {', '.join(sorted(missing))}")
        if unknown := q.keys() - FIELDS:
            raise QueryError(
                f"{where}: unknown field {', '.join(sorted(unknown))} (fields: {', '.join(sorted(FIELDS))})"
            )
        if q["kind"] not in KINDS:
            raise QueryError(f"{where}: kind {q['kind']!r} is not one of {', '.join(KINDS)}")
        if not target_exists(q["page"]):
            raise QueryError(
                f"{where}: page {q['page']!r} is not the URL path of a page (such as 'evaluation/precision_recall/')"
            )
        baseline = q.get("baseline", "top-3")
        if not (baseline == "top-3" or re.fullmatch(r"miss: .+", baseline)):
            raise QueryError(f"{where}: baseline {baseline!r} must be 'top-3' or 'miss: <what came first>'")
        key = q["text"].strip().lower()
        if key in seen:
            raise QueryError(f"{where}: the query {q['text']!r} is already on line {seen[key]}")
        seen[key] = line
    return queries
