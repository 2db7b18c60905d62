"""Practice material is generated from the question pages: cards, Anki deck, CSV and formula sheet."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import zipfile

from scripts import practice, rounds
from scripts.pages import parse, question_pages, round_pages, section_text
from scripts.practice import DISPLAY_MATH

# The pages that make cards: those with a short answer to say (a coding problem is solved, not said)
QUESTIONS = [p for p in question_pages() if "Short answer" in rounds.get(parse(p).meta["round"]).sections]


def embedded(site, page: str, name: str):
    html = (site / page / "index.html").read_text(encoding="utf-8")
    m = re.search(rf'<script type="application/json" id="practice-{name}">(.*?)</script>', html, re.S)
    assert m, f"{page}: no embedded practice-{name} data"
    return json.loads(m.group(1))


def key_formula(path) -> bool:
    """A page has a key formula (and so a formula card) when its In depth holds a display formula."""
    page = parse(path)
    return bool(DISPLAY_MATH.search(section_text(page, "In depth")))


FORMULAS = [p for p in QUESTIONS if key_formula(p)]
# A coding problem makes a card too: say the approach aloud, then compare with its hints
PROBLEMS = [p for p in question_pages() if "Hints" in rounds.get(parse(p).meta["round"]).sections]
CARDS = len(QUESTIONS) + len(FORMULAS) + len(PROBLEMS)


def test_one_card_per_question_page_and_one_per_key_formula(dev_site):
    cards = embedded(dev_site, "practice/flashcards", "cards")
    questions = [c for c in cards if c["kind"] == "question"]
    formulas = [c for c in cards if c["kind"] == "formula"]
    problems = [c for c in cards if c["kind"] == "problem"]
    assert len(questions) + len(formulas) + len(problems) == len(cards) == CARDS
    assert sorted(c["id"] for c in problems) == sorted(p.stem for p in PROBLEMS) and PROBLEMS
    for c in problems:
        assert "Hint 1" in c["answer"] and "<details" not in c["answer"], f"{c['id']}: the hints show open"
    # ids are the page's stem (plus ".formula"), never its text: an edited page keeps its cards' review history
    assert sorted(c["id"] for c in questions) == sorted(p.stem for p in QUESTIONS)
    assert sorted(c["id"] for c in formulas) == sorted(f"{p.stem}.formula" for p in FORMULAS)
    for c in questions:
        assert c["title"] == parse(next(p for p in QUESTIONS if p.stem == c["id"])).meta["title"]
        assert c["answer"].strip() and c["followups"].strip(), c["id"]
        assert "arithmatex" not in c["answer"] or "katex" in c["answer"], f"{c['id']}: untypeset math on a card"
    for c in formulas:
        assert not c["answer"] and "<math" in c["formula"], f"{c['id']}: a formula card shows its formula"


def test_the_rubric_is_the_short_answer_point_by_point():
    """The mock interview's rubric: the short answer cut at its sentence ends, nothing lost or added."""
    for card in (c for c in practice.cards() if c.kind == "question"):
        short = " ".join(section_text(parse(practice.source(card)), "Short answer").split())
        assert " ".join(card.rubric) == short, card.id
        assert 2 <= len(card.rubric) <= 8, f"{card.id}: {len(card.rubric)} rubric points"
        for point in card.rubric:  # each point is a whole sentence
            assert point.rstrip("*_)")[-1] in ".?!", f"{card.id}: a point ends mid-sentence: {point!r}"
    assert practice.rubric("A first point, e.g. this one. Then a second (with $x$). **Third** one?") == [
        "A first point, e.g. this one.",
        "Then a second (with $x$).",
        "**Third** one?",
    ]


def test_progress_data_lists_every_round_page_with_its_cards_and_quizzes(dev_site):
    data = embedded(dev_site, "practice/progress", "progress")
    assert [r["key"] for r in data["rounds"]] == list(rounds.KEYS)
    pages = [p for r in rounds.ROUNDS for p in round_pages(r.key)]
    assert [p["id"] for p in data["pages"]] == [p.stem for p in pages]
    cards = embedded(dev_site, "practice/flashcards", "cards")
    for entry, path in zip(data["pages"], pages, strict=True):
        kind = "question" if path in QUESTIONS else "problem"
        assert entry["kind"] == kind and entry["round"] == path.parent.name, entry["id"]
        assert entry["quizzes"] == path.read_text(encoding="utf-8").count("<quiz>"), entry["id"]
        assert sorted(entry["cards"]) == sorted(c["id"] for c in cards if c["url"] == entry["url"]), entry["id"]
        site_page = dev_site / entry["url"] / "index.html"
        mark = f'class="page-progress" data-page="{entry["id"]}" data-kind="{kind}"'
        assert mark in site_page.read_text(encoding="utf-8"), f"{entry['url']}: no read mark"


def test_study_plan_checklist_days_are_the_progress_pages_days(dev_site):
    data = embedded(dev_site, "practice/progress", "progress")
    html = (dev_site / "practice" / "study-plans" / "index.html").read_text(encoding="utf-8")
    for plan, entry in data["plans"].items():
        days = re.findall(rf'class="plan-day" data-plan="{re.escape(plan)}" data-day="([^"]+)"', html)
        assert days == entry["days"] and days, plan
    assert len(data["plans"]["1-week"]["days"]) == 7 and len(data["plans"]["4-weeks"]["days"]) == 24


def test_anki_deck_holds_one_note_per_question_with_fields(dev_site, tmp_path):
    with zipfile.ZipFile(dev_site / "downloads" / "ml-interview-guide.apkg") as deck:
        assert "collection.anki2" in deck.namelist()
        db = tmp_path / "collection.anki2"  # not in the site, which another test compares with a second build
        db.write_bytes(deck.read("collection.anki2"))
    try:
        rows = sqlite3.connect(db).execute("select flds from notes").fetchall()
    finally:
        db.unlink()
    fields = [r[0].split("\x1f") for r in rows]
    assert len(fields) == CARDS
    assert all(len(f) == 5 and all(x.strip() for x in f) for f in fields)
    titles = [parse(p).meta["title"] for p in QUESTIONS + PROBLEMS]
    titles += [f"Key formula: {parse(p).meta['title']}" for p in FORMULAS]
    assert sorted(f[0] for f in fields) == sorted(titles)


def test_csv_has_the_same_cards(dev_site):
    with (dev_site / "downloads" / "ml-interview-guide.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == CARDS and all(r["question"] and r["answer"] for r in rows)


def test_formula_sheet_collects_every_display_formula(dev_site):
    sheet = (dev_site / "practice" / "formulas" / "index.html").read_text(encoding="utf-8")
    expected = sum(len(DISPLAY_MATH.findall(p.read_text(encoding="utf-8"))) for p in QUESTIONS)
    assert sheet.count('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">') == expected
    for p in QUESTIONS:
        if DISPLAY_MATH.search(p.read_text(encoding="utf-8")):
            assert f"../../{p.parent.name}/{p.stem}/" in sheet, f"no link back to {p.stem}"


def test_anki_deck_has_one_sub_deck_per_round_holding_its_cards(dev_site, tmp_path):
    from scripts import rounds

    with zipfile.ZipFile(dev_site / "downloads" / "ml-interview-guide.apkg") as deck:
        db = tmp_path / "collection.anki2"
        db.write_bytes(deck.read("collection.anki2"))
    con = sqlite3.connect(db)
    decks = {int(k): v["name"] for k, v in json.loads(con.execute("select decks from col").fetchone()[0]).items()}
    per_deck = dict(con.execute("select did, count(*) from cards group by did").fetchall())
    con.close()
    counts = {decks[did]: n for did, n in per_deck.items()}
    for r in rounds.ROUNDS:
        pages = [p for p in QUESTIONS + PROBLEMS if p.parent.name == r.key]
        if pages:
            expected = len(pages) + sum(p in FORMULAS for p in pages)
            assert counts.get(r.deck) == expected, f"{r.deck}: {counts.get(r.deck)} cards for {len(pages)} pages"
    assert set(counts) <= {r.deck for r in rounds.ROUNDS}


def test_the_flashcards_page_states_ts_fsrs_default_retention():
    """The page's "90 % by default" is ts-fsrs's own default, read from the pinned package."""
    from scripts.paths import DOCS, TS_FSRS

    default = re.search(r"default_request_retention = ([0-9.]+)", TS_FSRS.read_text(encoding="utf-8"))
    assert default, "ts-fsrs no longer names default_request_retention"
    page = (DOCS / "practice" / "flashcards.md").read_text(encoding="utf-8")
    assert f"{round(float(default.group(1)) * 100)} % by default in ts-fsrs" in page
