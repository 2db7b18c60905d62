"""How the guide's build times and page weights grow with its size: the measurements
`make bench-scale` (scripts/bench_scale.py) wrote to snippets/data/performance.json.

Run on its own: python snippets/performance.py
"""

import json
from pathlib import Path

import pandas as pd

data = json.loads((Path(__file__).parent / "data" / "performance.json").read_text())

# --8<-- [start:table]
columns = {
    "measured": "measured on",
    "cold_build_s": "cold build (s)",
    "noop_rebuild_s": "no-op rebuild (s)",
    "floor_s": "floor (s)",
    "noop_over_floor": "no-op / floor",
    "one_page_edit_s": "one-page edit (s)",
    "publish_build_s": "publishing build (s)",
    "per_page_tests_s": "per-page tests (s)",
    "search_index_kib": "search index (KiB)",
    "first_visit_kib": "first visit (KiB)",
    "pagefind_index_kib": "Pagefind bundle (KiB)",
    "pagefind_build_s": "Pagefind build (s)",
    "pagefind_query_median_kib": "Pagefind query, median (KiB)",
    "pagefind_query_max_kib": "Pagefind query, largest (KiB)",
    "print_page_mib": "print page (MiB)",
    "peak_memory_gib": "peak memory (GiB)",
}
rows = pd.DataFrame(data["rows"], columns=["pages", *columns]).set_index("pages")
table = rows.rename(columns=columns)
print(f"{data['machine']}. Columns: question pages.")
print(table.T.to_string(na_rep="not run"))
# --8<-- [end:table]

# --8<-- [start:search]
bench = json.loads(
    (Path(__file__).parent / "data" / "performance.search.json").read_text()
)
engines = {"material": "Material (lunr)", "pagefind": "Pagefind 1.5.2"}


def row(key):
    return [bench[e].get(key, "in mkdocs build") for e in engines]


comparison = {}
for part, name in (("tune", "tuning"), ("held_out", "held-out")):
    n = bench["material"][part]["queries"]
    for key, label in (("top1", "first"), ("top3", "in top 3")):
        comparison[f"{name} ({n} queries): {label}"] = [
            f"{bench[e][part][key]:.0%}" for e in engines
        ]
comparison["first visit, before a query (KiB)"] = row("first_visit_kib")
comparison["one query, median (KiB)"] = row("median_query_kib")
comparison["one query, largest (KiB)"] = row("max_query_kib")
comparison["page load or cold query to results (s)"] = row("first_query_s")
comparison["index on disk (KiB)"] = row("index_kib")
comparison["index build (s)"] = row("index_build_s")
print(f"Measured {bench['measured']} on today's guide (scripts/search_bench.py).")
print(pd.DataFrame(comparison, index=list(engines.values())).T.to_string())

# What the choice rests on: Pagefind finds more on both parts
# and loads nothing before a query.
for part in ("tune", "held_out"):
    assert bench["pagefind"][part]["top3"] > bench["material"][part]["top3"]
assert bench["pagefind"]["first_visit_kib"] < bench["material"]["first_visit_kib"] / 10
# --8<-- [end:search]
