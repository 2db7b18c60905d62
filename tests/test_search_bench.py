"""The search comparison (scripts/search_bench.py, issue #14) scores and indexes what it says it does: hits are
counted on distinct pages, both engines search the same pages, and Pagefind's bundle is built from them."""

from __future__ import annotations

import json

import pytest

from scripts import search_bench


def test_results_are_counted_by_distinct_page_in_the_order_found():
    urls = ["/a/b/#one", "/a/b/#two", "/c/", "/a/b/", "/d/#x"]
    assert search_bench.distinct_pages(urls) == ["a/b/", "c/", "d/"]


def test_top1_and_top3_count_the_wanted_page_among_the_first_found():
    rows = [
        {"text": "q1", "page": "a/", "found": ["a/", "b/"]},  # first
        {"text": "q2", "page": "a/", "found": ["b/", "c/", "a/"]},  # third
        {"text": "q3", "page": "a/", "found": ["b/", "c/", "d/"]},  # a miss: a/ would be fourth at best
        {"text": "q4", "page": "a/", "found": []},  # nothing found
    ]
    got = search_bench.rates(rows)
    assert (got["queries"], got["top1"], got["top3"]) == (4, 0.25, 0.5)
    assert [m["text"] for m in got["misses"]] == ["q3", "q4"]


def fake_site(tmp_path, marked: set[str]):
    site = tmp_path / "site"
    pages = {
        "index.html": "home page about bias and variance",
        "a/index.html": "precision and recall of a classifier",
        "print_page/index.html": "the whole guide on one page: precision and recall again",
        "404.html": "not found",
    }
    for rel, text in pages.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        body = " data-pagefind-body" if rel.removesuffix("index.html") in marked else ""
        path.write_text(
            f"<html lang=en><body><nav>menu</nav><article{body}><h1>T</h1><p>{text}</p></article></body></html>"
        )
    (site / "search").mkdir()
    docs = [{"location": "", "title": "Home"}, {"location": "a/", "title": "A"}, {"location": "a/#s", "title": "S"}]
    (site / "search" / "search_index.json").write_text(json.dumps({"config": {}, "docs": docs}))
    return site


def test_pagefind_indexes_the_pages_materials_index_holds(tmp_path):
    site = fake_site(tmp_path, {"", "a/"})
    seconds, kib = search_bench.index_with_pagefind(site)
    assert (site / "pagefind" / "pagefind.js").is_file()
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 2  # not the print page nor the 404 page
    assert kib > 0 and seconds > 0


def test_a_page_marked_for_one_engine_only_stops_the_comparison(tmp_path):
    site = fake_site(tmp_path, {"", "print_page/"})
    with pytest.raises(SystemExit, match=r"marked only \['print_page/'\], indexed by Material only \['a/'\]"):
        search_bench.index_with_pagefind(site)
