"""Practice material generated from the question pages (one source of truth).

Called by the MkDocs hook before each build. From every question page it takes the title, tags,
difficulty, Short answer, the first display formula of In depth and the Pitfalls and follow-ups (from a
coding problem, its Hints and Follow-ups), and writes to generated/practice/:

  cards.json             the cards, as typeset HTML, for the flashcards and mock-interview pages: one per
                         question (with its rubric, the short answer's sentences), one per key formula and
                         one per coding problem (its hints), each with an id that is its page's stem (plus
                         ".formula"), so an edited page keeps its cards' review history
  progress.json          the rounds, their pages (with their cards and quiz counts) and the study plans' days,
                         for the progress page and the study-plan checklist
  ml-interview-guide.apkg  an Anki deck (genanki), one sub-deck per round, byte-reproducible; Anki renders
                         the TeX itself
  ml-interview-guide.csv   the same cards as CSV
and generated/pages/formulas.md, the formula sheet: every display formula, grouped by round.
Cards come in round order (scripts/rounds.py), and within a round in navigation order.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import zipfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import markdown

from scripts import rounds
from scripts.pages import check_page_source, parse, round_pages
from scripts.paths import DOCS, GENERATED

OUT = GENERATED / "practice"
DECK_NAME = "ML Interview Guide"
FILE_STEM = "ml-interview-guide"
# Fixed ids keep the deck the same deck across releases (Anki matches notes by guid, models/decks by id).
MODEL_ID = 1_734_157_203
DECK_ID = 1_734_157_204  # the parent deck; each round's sub-deck id comes from its key (deck_id)
DISPLAY_MATH = re.compile(r"^\$\$\s*$(.*?)^\$\$\s*$", re.S | re.M)


@dataclass
class Card:
    id: str
    round: str  # the round's key
    round_title: str
    url: str  # relative to the site root
    title: str
    tags: list[str]
    difficulty: str
    summary: str
    answer: str  # Short answer, as Markdown
    formula: str  # TeX of the key formula, or ""
    followups: str  # Pitfalls and follow-ups, as Markdown
    kind: str = "question"  # "question"; "formula", a question's key formula to write down; "problem", coding
    rubric: list[str] = field(default_factory=list)  # the points a strong answer names (Markdown)


# The mock interview's rubric is the short answer cut into its sentences: each names one point a strong answer
# makes. A sentence ends at . ? or ! followed by a space and a capital, a digit, or Markdown (bold, code, math).
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9*`$(\[])")


def rubric(short_answer: str) -> list[str]:
    return [s for s in SENTENCE_END.split(" ".join(short_answer.split())) if s]


def formula_card_id(stem: str) -> str:
    return f"{stem}.formula"


def _section(lines: list[str], heads: list[tuple[int, str]], name: str) -> str:
    start = next(n for n, t in heads if t == name)
    end = next((n for n, t in heads if n > start), len(lines) + 1)
    return "\n".join(lines[start : end - 1]).strip()


def cards() -> list[Card]:
    result = []
    for path in (p for r in rounds.ROUNDS for p in round_pages(r.key)):
        page = parse(path)
        if check_page_source(path):
            continue  # the page's own build step reports what is wrong, with file and line
        heads = page.headings(2)
        names = {t for _, t in heads}
        if {"Problem", "Hints", "Follow-ups"} <= names:
            result.append(problem_card(path, page, heads))
            continue
        if not {"Short answer", "Pitfalls and follow-ups"} <= names:
            continue
        depth = _section(page.lines, heads, "In depth") if any(t == "In depth" for _, t in heads) else ""
        formula = DISPLAY_MATH.search(depth)
        answer = _section(page.lines, heads, "Short answer")
        question = Card(
            **_page_fields(path, page),
            answer=answer,
            formula=formula.group(1).strip() if formula else "",
            followups=_section(page.lines, heads, "Pitfalls and follow-ups"),
            rubric=rubric(answer),
        )
        result.append(question)
        if question.formula:
            result.append(
                replace(question, id=formula_card_id(path.stem), kind="formula", answer="", followups="", rubric=[])
            )
    return result


COLLAPSED = re.compile(r"^\?\?\?\+? ", re.M)


def page_url(path: Path) -> str:
    """A page's URL relative to the site root, as cards and the progress data name it."""
    return f"{path.relative_to(DOCS).with_suffix('').as_posix()}/"


def page_kind(round_: rounds.Round) -> str:
    """What a reader marks on a round's page: a question is read, a coding problem is solved."""
    return "question" if "Short answer" in round_.sections else "problem"


def _page_fields(path: Path, page) -> dict:
    """What every card takes from its page's path and front matter."""
    round_ = rounds.get(page.meta["round"])
    return {
        "id": path.stem,
        "round": round_.key,
        "round_title": round_.title,
        "url": page_url(path),
        "title": page.meta["title"],
        "tags": list(page.meta["tags"]),
        "difficulty": page.meta["difficulty"],
        "summary": page.meta["summary"],
    }


def problem_card(path: Path, page, heads) -> Card:
    """A coding problem's card: say the approach aloud, then compare with its hints (open on the card)."""
    return Card(
        **_page_fields(path, page),
        answer=COLLAPSED.sub("!!! ", _section(page.lines, heads, "Hints")),
        formula="",
        followups=_section(page.lines, heads, "Follow-ups"),
        kind="problem",
    )


def _renderer(config) -> markdown.Markdown:
    # The site's own Markdown extensions, so a card reads exactly like its page (math stays arithmatex TeX).
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


# Rendered card HTML, by content hash. Each build renders some 270 card fields with the site's Markdown
# extensions (the glossary is appended to every one), about 7 s; the publishing build does it twice (the
# offline copy is a second build), and `mkdocs serve` on every reload. The key holds the text and every file
# the rendering depends on, so an edit anywhere in them renders afresh. A malformed formula in a card is also
# on its page, whose own typesetting reports it with the file and line, cached here or not.
CACHE = OUT / "html-cache.json"
_RENDERING_INPUTS = (
    "mkdocs.yml",
    "docs/includes/abbreviations.md",
    "scripts/practice.py",
    "scripts/katex.py",
    "scripts/katex_render.mjs",
    "package-lock.json",
    "requirements.txt",
)
_cache: dict[str, str] = {}
_salt = ""


def _load_cache() -> None:
    global _salt
    digest = hashlib.sha256()
    for name in _RENDERING_INPUTS:
        path = DOCS.parent / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"") + b"\0")
    _salt = digest.hexdigest()
    _cache.clear()
    try:
        saved = json.loads(CACHE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = {}  # no cache yet, or a corrupted one: render everything
    if isinstance(saved, dict) and saved.get("salt") == _salt and isinstance(saved.get("html"), dict):
        _cache.update(saved["html"])


def _save_cache(used: set[str]) -> None:
    data = {"salt": _salt, "html": {k: v for k, v in sorted(_cache.items()) if k in used}}
    write_atomically(CACHE, json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8"))


_used: set[str] = set()


def _html(md: markdown.Markdown, text: str, typeset=None) -> str:
    key = hashlib.sha256(f"{_salt}\0{bool(typeset)}\0{text}".encode()).hexdigest()
    _used.add(key)
    if key not in _cache:
        md.reset()
        _cache[key] = typeset(md.convert(text)) if typeset else md.convert(text)
    return _cache[key]


def source(card: Card) -> Path:
    return DOCS / f"{card.url.rstrip('/')}.md"


def card_json(all_cards: list[Card], config, typeset) -> str:
    """typeset(html, page_path) turns arithmatex markup into KaTeX HTML (the hook's own function)."""
    md = _renderer(config)
    payload = []
    for c in all_cards:

        def tex(html: str, c=c) -> str:
            return typeset(html, source(c))

        item = asdict(c)
        item["answer"] = _html(md, c.answer, tex)
        item["formula"] = _html(md, f"$$\n{c.formula}\n$$", tex) if c.formula else ""
        item["followups"] = _html(md, c.followups, tex) if c.followups else ""
        item["rubric"] = [_html(md, point, tex) for point in c.rubric]
        payload.append(item)
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True)


def deck_id(round_key: str) -> int:
    """A round's sub-deck id: fixed by its key, so a release that adds rounds keeps every deck's id."""
    return int(hashlib.sha256(f"{DECK_ID}:{round_key}".encode()).hexdigest()[:12], 16) % (1 << 31) + (1 << 30)


def _anki_fields(md: markdown.Markdown, c: Card) -> list[str]:
    back = _html(md, c.answer, None) if c.answer else ""
    if c.formula:
        back += f"<p>\\[{c.formula}\\]</p>"
    return [front(c), back, " ".join(c.tags), c.difficulty, c.url]


def front(c: Card) -> str:
    """What a card asks: the question, or for a formula card the formula to write down."""
    return f"Key formula: {c.title}" if c.kind == "formula" else c.title


def write_anki(all_cards: list[Card], config, path: Path, site_url: str, timestamp: float) -> None:
    import genanki

    model = genanki.Model(
        MODEL_ID,
        f"{DECK_NAME} card",
        fields=[{"name": n} for n in ("Question", "Answer", "Tags", "Difficulty", "Page")],
        templates=[
            {
                "name": "Question → answer",
                "qfmt": "<div class=q>{{Question}}</div><div class=meta>{{Difficulty}} · {{Tags}}</div>",
                "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}"
                f'<p class=meta><a href="{site_url}{{{{Page}}}}">Read the full page</a></p>',
            }
        ],
        css=".card{font-family:sans-serif;font-size:18px;text-align:left;max-width:40em;margin:auto}"
        ".q{font-weight:bold}.meta{color:#777;font-size:14px}",
    )
    decks = {r.key: genanki.Deck(deck_id(r.key), r.deck, description=f"{r.title}: {r.tests}.") for r in rounds.ROUNDS}
    md = _renderer(config)
    for c in all_cards:
        tags = [re.sub(r"\s+", "_", t) for t in c.tags] + [f"difficulty::{c.difficulty}", f"round::{c.round}"]
        note = genanki.Note(model=model, fields=_anki_fields(md, c), tags=tags, guid=genanki.guid_for(c.id))
        decks[c.round].add_note(note)
    raw = io.BytesIO()
    genanki.Package([d for d in decks.values() if d.notes]).write_to_file(raw, timestamp=timestamp)
    # genanki stamps zip entries with the current time; rewrite them with a fixed date so builds are identical.
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    write_atomically(path, out.getvalue())


def write_csv(all_cards: list[Card], config, path: Path) -> None:
    md = _renderer(config)
    f = io.StringIO(newline="")
    writer = csv.writer(f)
    writer.writerow(["question", "answer", "tags", "difficulty", "page", "round"])
    for c in all_cards:
        writer.writerow(_anki_fields(md, c) + [c.round_title])
    write_atomically(path, f.getvalue().encode("utf-8"))


def write_atomically(path: Path, data: bytes) -> None:
    """Replace a file in one step: two builds may run at once (the tests build twice in parallel), and one
    must never copy the other's half-written download into its site."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def formula_sheet(all_cards: list[Card]) -> str:
    """Every display formula of every question page, grouped by round (in round order), then by page."""
    groups: dict[str, list[str]] = {}
    for c in (c for c in all_cards if c.kind == "question"):
        formulas = [m.group(1).strip() for m in DISPLAY_MATH.finditer(source(c).read_text(encoding="utf-8"))]
        for tex in formulas:
            groups.setdefault(c.round, []).append(
                f"$$\n{tex}\n$$\n\nFrom [{c.title}](/{c.url.rstrip('/')}.md)\n{{: .formula-source }}\n"
            )
    parts = ["<!-- generated by scripts/practice.py from the question pages; do not edit -->"]
    for r in rounds.ROUNDS:
        if r.key not in groups:
            continue
        parts.append(f'<section class="formula-topic" markdown>\n\n## {r.title}\n')
        parts.extend(groups[r.key])
        parts.append("</section>\n")
    return "\n".join(parts)


QUIZ = re.compile(r"^\s*<quiz>", re.M)  # mkdocs-quiz's syntax: one <quiz> block per question


def progress_data(all_cards: list[Card]) -> dict:
    """What the progress page counts against: every round, its pages in navigation order (a coding problem is
    solved, any other page is read), each page's cards and the number of its Check yourself questions, and the
    days of the study plans that hold work (their checklist keys)."""
    from scripts import study_plan

    by_page: dict[str, list[str]] = {}
    for c in all_cards:
        by_page.setdefault(c.url, []).append(c.id)
    pages = []
    for r in rounds.ROUNDS:
        for path in round_pages(r.key):
            url = page_url(path)
            pages.append(
                {
                    "id": path.stem,
                    "round": r.key,
                    "url": url,
                    "title": str(parse(path).meta.get("title", path.stem)),
                    "kind": page_kind(r),
                    "quizzes": len(QUIZ.findall(path.read_text(encoding="utf-8"))),
                    "cards": by_page.get(url, []),
                }
            )
    return {
        "rounds": [{"key": r.key, "title": r.title} for r in rounds.ROUNDS],
        "pages": pages,
        "plans": study_plan.checklists(),
    }


def generate(config, typeset, timestamp: float) -> list[Path]:
    """Write every practice file; return the downloads to publish."""
    OUT.mkdir(parents=True, exist_ok=True)
    (GENERATED / "pages").mkdir(parents=True, exist_ok=True)
    all_cards = cards()
    _load_cache()
    _used.clear()
    write_atomically(OUT / "cards.json", card_json(all_cards, config, typeset).encode("utf-8"))
    progress = json.dumps(progress_data(all_cards), ensure_ascii=False, indent=1, sort_keys=True)
    write_atomically(OUT / "progress.json", progress.encode("utf-8"))
    write_anki(all_cards, config, OUT / f"{FILE_STEM}.apkg", config["site_url"] or "", timestamp)
    write_csv(all_cards, config, OUT / f"{FILE_STEM}.csv")
    _save_cache(_used)
    sheet = GENERATED / "pages" / "formulas.md"
    text = formula_sheet(all_cards)
    if not sheet.exists() or sheet.read_text(encoding="utf-8") != text:
        write_atomically(sheet, text.encode("utf-8"))
    return [OUT / f"{FILE_STEM}.apkg", OUT / f"{FILE_STEM}.csv"]
