"""The practice tools work in a real browser: a card flips and is scheduled by FSRS across a reload, a Check
yourself quiz scores, the mock interview scores an answer against its rubric, the progress page adds up what the
reader did, and the reader's data exports, imports and refuses a bad file."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def counts(page) -> dict[str, int]:
    """The flashcards' status line as numbers: Due today, New, Known and the selection's size."""
    text = page.locator(".fc-status").inner_text()  # "Due today: 0 · New: 104 · Known: 0 of 104 in this selection"
    due, new, known = (part.split(":")[1].split()[0] for part in text.split("·"))
    return {"due": int(due), "new": int(new), "known": int(known), "total": int(text.split(" of ")[1].split()[0])}


def test_flashcard_flips_is_graded_and_stays_scheduled_after_a_reload(context, site_url):
    page = context.new_page()
    noon = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
    page.clock.install(time=noon)  # "due today" ends at midnight: a run at 23:59 must not see "Again" as tomorrow
    page.goto(site_url + "practice/flashcards/", wait_until="networkidle")
    card = page.locator(".fc-card")
    assert not page.locator(".fc-back").is_visible() and not page.locator(".fc-grades").is_visible()
    card.click()
    assert page.locator(".fc-back").is_visible()
    card.focus()
    page.keyboard.press("Enter")
    assert not page.locator(".fc-back").is_visible()
    page.keyboard.press("Space")
    assert page.locator(".fc-back").is_visible()
    before = counts(page)
    assert before["new"] == before["total"] and before["known"] == before["due"] == 0
    labels = page.locator(".fc-grades button").all_inner_texts()
    assert [label.split(" · ")[0] for label in labels] == ["Again", "Hard", "Good", "Easy"], labels
    assert labels[0] == "Again · 1 min" and labels[3].endswith("days"), labels  # each names its next interval
    first = (page.locator(".fc-meta").inner_text(), page.locator(".fc-question").inner_text())
    easy_days = int(labels[3].split(" · ")[1].split()[0])
    page.locator(".fc-grades button[data-grade=Easy]").click()
    shown = (page.locator(".fc-meta").inner_text(), page.locator(".fc-question").inner_text())
    assert shown != first, "the graded card is still shown"
    after = counts(page)
    assert after["new"] == before["new"] - 1 and after["known"] == 1
    page.reload(wait_until="networkidle")
    assert counts(page) == after, "the schedule did not survive a reload"
    stored = json.loads(page.evaluate("localStorage.getItem('mlig:fsrs')"))
    assert len(stored) == 1
    (state,) = stored.values()
    due = datetime.fromisoformat(state["due"].replace("Z", "+00:00"))
    assert abs((due - noon) - timedelta(days=easy_days)) < timedelta(hours=13), state
    # "Again" keeps a card due today, a minute from now: it waits for its minute instead of coming straight back
    page.locator(".fc-card").click()
    again = (page.locator(".fc-meta").inner_text(), page.locator(".fc-question").inner_text())
    page.locator(".fc-grades button[data-grade=Again]").click()
    assert counts(page)["due"] == 1
    assert (page.locator(".fc-meta").inner_text(), page.locator(".fc-question").inner_text()) != again


def test_home_page_says_how_many_cards_are_due(context, site_url):
    page = context.new_page()
    page.goto(site_url, wait_until="networkidle")
    assert "No card reviewed yet" in page.locator("#practice-due").inner_text()
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    state = {
        "due": past,
        "stability": 3.0,
        "difficulty": 5.0,
        "elapsed_days": 0,
        "scheduled_days": 3,
        "reps": 2,
        "lapses": 0,
        "learning_steps": 0,
        "state": 2,
        "last_review": past,
    }
    page.evaluate("s => localStorage.setItem('mlig:fsrs', JSON.stringify(s))", {"knn": state, "pca": state})
    page.reload(wait_until="networkidle")
    assert page.locator("#practice-due").inner_text().startswith("Flashcards due today: 2.")


def test_flashcards_filter_by_tag_and_difficulty(context, site_url):
    page = context.new_page()
    page.goto(site_url + "practice/flashcards/", wait_until="networkidle")
    total = counts(page)["total"]
    page.select_option("#fc-difficulty", "hard")
    hard = counts(page)["total"]
    page.select_option("#fc-difficulty", "easy")
    easy = counts(page)["total"]
    assert easy + hard < total and easy > 0
    page.select_option("#fc-difficulty", "")
    page.select_option("#fc-tag", "metrics")
    metrics = counts(page)["total"]
    assert 0 < metrics < total
    assert "metrics" in page.locator(".fc-meta").inner_text()


def test_flashcards_and_mock_interview_filter_by_round(context, site_url):
    page = context.new_page()
    page.goto(site_url + "practice/flashcards/?round=evaluation", wait_until="networkidle")
    assert page.locator("#fc-round").input_value() == "evaluation", "a ?round= link preselects the round"
    in_round = counts(page)["total"]
    assert "Evaluation and experimentation" in page.locator(".fc-meta").inner_text()
    assert counts(page)["total"] == in_round
    page.select_option("#fc-round", "")
    total = counts(page)["total"]
    assert 0 < in_round < total
    page.goto(site_url + "practice/mock-interview/", wait_until="networkidle")
    page.select_option("#mi-round", "classical")
    page.click("#mi-draw")
    assert page.locator(".fc-meta").inner_text().startswith("Classical algorithms")


def test_check_yourself_quiz_scores_explains_and_keeps_the_score(context, site_url):
    """mkdocs-quiz on a question page reached by instant navigation: answers are scored and explained, the score
    survives a reload, and the reset button clears it."""
    page = context.new_page()
    page.goto(site_url + "evaluation/", wait_until="networkidle")
    page.locator("article a[href$='precision_recall/']").first.click()
    page.wait_for_url("**/precision_recall/")
    results = page.locator("#quiz-results")
    quizzes = page.locator("article .quiz")
    total = quizzes.count()
    assert total >= 2
    assert f"0 / {total} questions answered" in results.inner_text()
    first, second = quizzes.nth(0), quizzes.nth(1)
    assert not first.locator("section.content").is_visible()
    first.locator("input:not([data-correct]) + label").first.click()  # a wrong answer
    second.locator("input[data-correct] + label").click()  # the right one
    for quiz in (first, second):
        assert quiz.locator("section.content").is_visible(), "the explanation shows once answered"
    why = first.locator("input:not([data-correct]) ~ .answer-feedback").first.text_content().strip()
    assert why in first.locator(".quiz-feedback").inner_text(), "a wrong answer does not say why it is wrong"
    score = f"2 / {total} questions answered"
    page.wait_for_function(f"document.querySelector('#quiz-results').innerText.includes('{score}')", timeout=5000)
    assert "1 correct" in results.inner_text()
    page.reload(wait_until="networkidle")
    assert score in page.locator("#quiz-results").inner_text(), "the score did not survive a reload"
    page.once("dialog", lambda dialog: dialog.accept())  # the plugin asks before it resets
    page.locator(".quiz-intro-reset").click()
    page.wait_for_function(f"document.querySelector('#quiz-results').innerText.includes('0 / {total}')", timeout=5000)


def test_mock_interview_times_the_answer_then_scores_it_against_the_rubric(context, site_url):
    """A fake clock runs the countdown out; the rubric is the page's short answer cut into its points; the
    self-score is kept, shown again on the next draw of that question, and counted by the progress page."""
    page = context.new_page()
    page.clock.install()
    page.goto(site_url + "practice/mock-interview/", wait_until="load")
    page.select_option("#mi-round", "classical")
    page.select_option("#mi-minutes", "1")
    page.click("#mi-draw")
    assert page.locator(".fc-meta").inner_text().startswith("Classical algorithms")
    assert page.locator(".mi-timer").inner_text() == "1:00"
    assert not page.locator(".mi-rubric").is_visible() and not page.locator(".mi-answer").is_visible()
    page.clock.run_for(30_000)
    assert page.locator(".mi-timer").inner_text() == "0:30"
    page.clock.run_for(31_000)
    assert page.locator(".mi-timer").inner_text() == "0:00"
    assert "Time is up" in page.locator(".mi-why").inner_text()
    title = page.locator(".mi-question").inner_text()
    cards = json.loads(page.locator("#practice-cards").text_content())
    card = next(c for c in cards if c["title"] == title and c["kind"] == "question")
    points = page.locator(".mi-point")
    assert points.count() == len(card["rubric"]) >= 2
    assert page.locator(".mi-answer").is_visible(), "the short answer shows with the rubric"
    points.nth(0).check()
    points.nth(1).check()
    page.click("#mi-save")
    of = len(card["rubric"])
    assert page.locator(".mi-saved").inner_text().startswith(f"Saved: 2 of {of} points.")
    page.click("#mi-followups")
    assert page.locator(".mi-followups").is_visible()
    stored = json.loads(page.evaluate("localStorage.getItem('mlig:mock')"))
    assert [(s["score"], s["of"]) for s in stored[card["id"]]] == [(2, of)]
    page.goto(site_url + "practice/progress/", wait_until="load")
    row = page.locator(".progress-table tr[data-round=classical] td")
    assert row.nth(5).inner_text() == f"1 answer, {round(200 / of)} % of points"


READ = ["ml_paradigms", "bias_variance"]  # two fundamentals pages


def test_progress_page_adds_up_what_the_reader_did(context, site_url):
    """Pages marked read on their own page, a quiz answer, a solved problem, known and due cards and a study-plan
    day, each counted in its round's row, and the totals row is the sum of the rows."""
    page = context.new_page()
    for stem in READ:
        page.goto(site_url + f"fundamentals/{stem}/", wait_until="networkidle")
        mark = page.locator(".page-progress button")
        assert mark.get_attribute("aria-pressed") == "false"
        mark.click()
        assert mark.get_attribute("aria-pressed") == "true"
    page.locator("article .quiz input[data-correct] + label").first.click()  # one right answer on bias_variance
    page.goto(site_url + "coding/stable_softmax/", wait_until="networkidle")
    page.get_by_role("button", name="Mark this problem solved").click()
    page.goto(site_url + "practice/study-plans/", wait_until="networkidle")
    page.get_by_role("checkbox", name="Done: Day 1 of the 1-week plan").check()
    now = datetime.now(UTC)

    def state(due):
        return {
            "due": due.isoformat(),
            "stability": 9.0,
            "difficulty": 5.0,
            "elapsed_days": 0,
            "scheduled_days": 9,
            "reps": 1,
            "lapses": 0,
            "learning_steps": 0,
            "state": 2,
            "last_review": now.isoformat(),
        }

    schedule = {"knn": state(now + timedelta(days=5)), "pca.formula": state(now - timedelta(days=1))}
    page.evaluate("s => localStorage.setItem('mlig:fsrs', JSON.stringify(s))", schedule)
    page.goto(site_url + "practice/progress/", wait_until="networkidle")
    data = json.loads(page.locator("#practice-progress").text_content())

    def row(key):
        return page.locator(f".progress-table tr[data-round={key}] td").all_inner_texts()

    fundamentals = [p for p in data["pages"] if p["round"] == "fundamentals"]
    assert row("fundamentals")[0] == f"2 of {len(fundamentals)}"
    quizzes = sum(p["quizzes"] for p in fundamentals)
    assert row("fundamentals")[1] == f"1 right of 1 answered ({quizzes} questions)"
    classical = [c for p in data["pages"] if p["round"] == "classical" for c in p["cards"]]
    assert row("classical")[2] == f"1 of {len(classical)}" and row("classical")[3] == "1"
    review = page.locator(".progress-review")
    assert "Classical algorithms (1 due)" in review.inner_text()
    assert (
        review.get_by_role("link", name="Classical algorithms")
        .get_attribute("href")
        .endswith("practice/flashcards/?round=classical")
    )
    problems = [p for p in data["pages"] if p["kind"] == "problem"]
    assert row("coding")[4] == f"1 of {len(problems)}"
    rows = [row(r["key"]) for r in data["rounds"]]
    total = page.locator(".progress-table tfoot td").all_inner_texts()

    def first_number(cell):
        return int(cell.split()[0]) if cell != "—" else 0

    for column in (0, 2, 3, 4):
        assert first_number(total[column]) == sum(first_number(r[column]) for r in rows), (column, total, rows)
    assert total[0] == f"2 of {sum(p['kind'] == 'question' for p in data['pages'])}"
    chart = page.locator(".progress-chart svg").get_attribute("aria-label")  # the share of each round's pages done
    titles = {r["key"]: r["title"] for r in data["rounds"]}
    percent = lambda done, of: int(100 * done / of + 0.5)  # noqa: E731 (JavaScript's Math.round: halves go up)
    assert f"{titles['fundamentals']} {percent(2, len(fundamentals))} %" in chart, chart
    assert f"{titles['coding']} {percent(1, len(problems))} %" in chart, chart
    days = len(data["plans"]["1-week"]["days"])
    assert page.locator(".progress-plans li[data-plan='1-week']").inner_text().endswith(f"1 of {days} days done")


def test_progress_exports_imports_and_refuses_a_bad_file(context, site_url, tmp_path):
    page = context.new_page()
    page.goto(site_url + "evaluation/precision_recall/", wait_until="networkidle")
    page.locator(".page-progress button").click()
    page.goto(site_url + "practice/progress/", wait_until="networkidle")
    with page.expect_download() as download:
        page.click("#progress-export")
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "ml-interview-guide-progress" and list(data["read"]) == ["precision_recall"]
    page.once("dialog", lambda dialog: dialog.accept())  # the reset asks first
    page.click("#progress-reset")
    assert page.evaluate("localStorage.getItem('mlig:read')") is None
    assert page.locator(".progress-table tr[data-round=evaluation] td").first.inner_text().startswith("0 of")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "ml-interview-guide-progress", "version": 1, "read": {"knn": 3}}', encoding="utf-8")
    page.set_input_files("#progress-import-file", bad)
    message = page.locator(".progress-message")  # the file is read asynchronously: expect() waits for the message
    expect(message).to_have_text(
        "bad.json was not imported: its pages marked read are not in the expected form. Nothing was changed."
    )
    assert page.evaluate("localStorage.getItem('mlig:read')") is None, "a refused import changed the store"
    page.once("dialog", lambda dialog: dialog.dismiss())  # importing replaces what is saved: it asks first
    page.set_input_files("#progress-import-file", exported)
    expect(message).to_have_text("Nothing was imported.")
    page.once("dialog", lambda dialog: dialog.accept())
    page.set_input_files("#progress-import-file", exported)
    expect(message).to_contain_text("Imported progress.json")
    expect(page.locator(".progress-table tr[data-round=evaluation] td").first).to_have_text(re.compile(r"^1 of"))
    page.evaluate("localStorage.setItem('mlig:fsrs', '{not json')")  # a corrupted store
    page.reload(wait_until="networkidle")
    warning = page.locator(".practice-problems").inner_text()
    assert "Your saved flashcard schedule could not be read" in warning and "Nothing else changed" in warning
    assert page.locator(".progress-table tr[data-round=evaluation] td").first.inner_text().startswith("1 of")
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('mlig:fsrs.unreadable'))")
    assert len(kept) == 1 and page.evaluate(f"localStorage.getItem('{kept[0]}')") == "{not json"
    page.reload(wait_until="networkidle")
    assert kept[0] in page.locator(".practice-problems").inner_text(), "the warning stays until the reader acts"
    page.click("#progress-forget-unreadable")
    assert not page.locator(".practice-problems").count()
    assert page.evaluate(f"localStorage.getItem('{kept[0]}')") is None


def test_a_coding_problem_times_the_reader_and_offers_its_download(context, site_url):
    """The timer counts the problem's minutes down (a fake clock: no test waits twenty minutes), pauses,
    says when time is up, and resets; the download link fetches the problem's zip."""
    page = context.new_page()
    page.clock.install()
    page.goto(site_url + "coding/stable_softmax/", wait_until="load")
    clock = page.locator(".coding-timer__clock")
    assert clock.inner_text() == "20:00"
    start = page.locator(".coding-timer button").first
    assert start.inner_text() == "Start the 20-minute timer"
    start.click()
    page.clock.run_for(61_000)
    assert clock.inner_text() == "18:59" and start.inner_text() == "Pause"
    start.click()
    page.clock.run_for(10_000)
    assert clock.inner_text() == "18:59", "the timer kept running while paused"
    start.click()
    page.clock.run_for(20 * 60_000)
    assert clock.inner_text() == "0:00"
    assert "Time is up" in page.locator(".coding-timer__status").inner_text()
    page.get_by_role("button", name="Reset").click()
    assert clock.inner_text() == "20:00"
    href = page.get_by_role("link", name="Download the problem").get_attribute("href")
    assert urljoin(page.url, href) == site_url + "coding/stable_softmax.zip", href
    response = page.request.get(urljoin(page.url, href))
    assert response.ok and response.body().startswith(b"PK"), "the download is not a zip"
