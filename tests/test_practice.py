"""Practice material is generated from the question pages: cards, Anki deck, CSV and formula sheet."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import zipfile

from scripts import rounds
from scripts.pages import parse, question_pages
from scripts.practice import DISPLAY_MATH

# The pages that make cards: those with a short answer to say (a coding problem is solved, not said)
QUESTIONS = [p for p in question_pages() if "Short answer" in rounds.get(parse(p).meta["round"]).sections]


def test_one_card_per_question_page(dev_site):
    cards = json.loads(
        re.search(
            r'<script type="application/json" id="practice-cards">(.*?)</script>',
            (dev_site / "practice" / "flashcards" / "index.html").read_text(encoding="utf-8"),
            re.S,
        ).group(1)
    )
    assert sorted(c["id"] for c in cards) == sorted(p.stem for p in QUESTIONS)
    for c in cards:
        assert c["title"] == parse(next(p for p in QUESTIONS if p.stem == c["id"])).meta["title"]
        assert c["answer"].strip() and c["followups"].strip(), c["id"]
        assert "arithmatex" not in c["answer"] or "katex" in c["answer"], f"{c['id']}: untypeset math on a card"


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
    assert len(fields) == len(QUESTIONS)
    assert all(len(f) == 5 and all(x.strip() for x in f) for f in fields)
    assert sorted(f[0] for f in fields) == sorted(parse(p).meta["title"] for p in QUESTIONS)


def test_csv_has_the_same_cards(dev_site):
    with (dev_site / "downloads" / "ml-interview-guide.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(QUESTIONS) and all(r["question"] and r["answer"] for r in rows)


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
        pages = [p for p in QUESTIONS if p.parent.name == r.key]
        if pages:
            assert counts.get(r.deck) == len(pages), f"{r.deck}: {counts.get(r.deck)} cards for {len(pages)} pages"
    assert set(counts) <= {r.deck for r in rounds.ROUNDS}
