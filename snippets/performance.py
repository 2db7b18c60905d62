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
    "cold_build_s": "cold build (s)",
    "noop_rebuild_s": "no-op rebuild (s)",
    "floor_s": "floor (s)",
    "noop_over_floor": "no-op / floor",
    "one_page_edit_s": "one-page edit (s)",
    "publish_build_s": "publishing build (s)",
    "per_page_tests_s": "per-page tests (s)",
    "search_index_kib": "search index (KiB)",
    "first_visit_kib": "first visit (KiB)",
    "print_page_mib": "print page (MiB)",
    "peak_memory_gib": "peak memory (GiB)",
}
rows = pd.DataFrame(data["rows"], columns=["pages", *columns]).set_index("pages")
table = rows.rename(columns=columns)
print(f"Measured {data['measured']}, {data['machine']}. Columns: question pages.")
print(table.T.to_string(na_rep="not run"))
# --8<-- [end:table]
