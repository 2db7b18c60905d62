"""The search query set (issue #14) is well formed, large enough, spread over every round and kind, and its two
parts are apart: the held-out part shares no query with the part the search is tuned against."""

from __future__ import annotations

from collections import Counter

import pytest

from scripts import rounds
from tests.search_queries import KINDS, PARTS, QueryError, search_queries

SETS = {part: search_queries(part) for part in PARTS}


def test_the_set_has_at_least_150_queries_and_a_held_out_part_of_at_least_50():
    assert len(SETS["tune"]) + len(SETS["held_out"]) >= 150
    assert len(SETS["held_out"]) >= 50


def test_no_query_is_in_both_parts():
    tune = {q["text"].strip().lower() for q in SETS["tune"]}
    shared = sorted(q["text"] for q in SETS["held_out"] if q["text"].strip().lower() in tune)
    assert not shared, f"in both the tuning and the held-out set: {shared}"


@pytest.mark.parametrize("part", PARTS)
def test_every_round_and_every_kind_has_queries(part):
    by_round = Counter(q["page"].split("/")[0] for q in SETS[part])
    by_kind = Counter(q["kind"] for q in SETS[part])
    assert not [r for r in rounds.KEYS if by_round[r] < 3], f"{part}: queries per round {dict(by_round)}"
    assert not [k for k in KINDS if by_kind[k] < 3 and k != "abbreviation"], f"{part}: queries per kind {dict(by_kind)}"


def test_the_held_out_part_records_no_baseline():
    """A baseline is a result seen on the held-out query, which is what the held-out part must not be tuned on."""
    assert not [q["text"] for q in SETS["held_out"] if "baseline" in q]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('text = "elbow method"\npage = "classical/kmeans_vs_knn/"\n', "line 1: the query has no kind"),
        ('text = "elbow"\npage = "classical/kmeans/"\nkind = "term"\n', "line 1: page 'classical/kmeans/' is not"),
        ('text = "elbow"\npage = "classical/index/"\nkind = "term"\n', "page 'classical/index/' is not"),
        ('text = "elbow"\npage = "labs/lab_bias_variance/"\nkind = "guess"\n', "kind 'guess' is not one of"),
        ('text = "elbow"\npage = "classical/knn/"\nkind = "term"\nrank = 1\n', "unknown field rank"),
        ('text = "elbow"\npage = "classical/knn/"\nkind = "term"\nbaseline = "ok"\n', "baseline 'ok' must be"),
        ('text = "elbow\npage = "classical/knn/"\n', "not valid TOML"),
    ],
)
def test_a_bad_entry_is_named_with_file_and_line(tmp_path, entry, message):
    path = tmp_path / "queries.toml"
    path.write_text("[[query]]\n" + entry.replace("\n", "\n", 1), encoding="utf-8")
    with pytest.raises(QueryError, match=r"queries\.toml") as e:
        search_queries("tune", path)
    assert message.replace("line 1", "line 1") in str(e.value)


def test_a_repeated_query_names_both_lines(tmp_path):
    one = '[[query]]\ntext = "{}"\npage = "classical/knn/"\nkind = "term"\n\n'
    path = tmp_path / "queries.toml"
    path.write_text(one.format("KNN") + one.format("k-NN") + one.format("knn "), encoding="utf-8")
    with pytest.raises(QueryError, match=r"line 11: the query 'knn ' is already on line 1"):
        search_queries("tune", path)
