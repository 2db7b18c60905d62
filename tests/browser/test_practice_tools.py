"""The practice tools work in a real browser: a card flips, progress survives a reload, a Check yourself quiz
scores, the mock interview reveals its answer."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.browser


def test_flashcard_flips_with_click_and_keyboard_and_progress_survives_a_reload(context, site_url):
    page = context.new_page()
    page.goto(site_url + "practice/flashcards/", wait_until="networkidle")
    card = page.locator(".fc-card")
    assert not page.locator(".fc-back").is_visible()
    card.click()
    assert page.locator(".fc-back").is_visible()
    card.focus()
    page.keyboard.press("Enter")
    assert not page.locator(".fc-back").is_visible()
    page.keyboard.press("Space")
    assert page.locator(".fc-back").is_visible()
    status = page.locator(".fc-status")
    assert status.inner_text().startswith("0 of ")
    page.get_by_role("button", name="Knew it").click()
    assert status.inner_text().startswith("1 of ")
    page.reload(wait_until="networkidle")
    assert page.locator(".fc-status").inner_text().startswith("1 of ")
    page.get_by_role("button", name="Reset progress").click()
    assert page.locator(".fc-status").inner_text().startswith("0 of ")


def test_flashcards_filter_by_tag_and_difficulty(context, site_url):
    page = context.new_page()
    page.goto(site_url + "practice/flashcards/", wait_until="networkidle")
    total = int(page.locator(".fc-status").inner_text().split("·")[1].split()[0])
    page.select_option("#fc-difficulty", "hard")
    hard = int(page.locator(".fc-status").inner_text().split("·")[1].split()[0])
    page.select_option("#fc-difficulty", "easy")
    easy = int(page.locator(".fc-status").inner_text().split("·")[1].split()[0])
    assert easy + hard < total and easy > 0
    page.select_option("#fc-difficulty", "")
    page.select_option("#fc-tag", "metrics")
    metrics = int(page.locator(".fc-status").inner_text().split("·")[1].split()[0])
    assert 0 < metrics < total
    assert "metrics" in page.locator(".fc-meta").inner_text()


def test_flashcards_and_mock_interview_filter_by_round(context, site_url):
    page = context.new_page()
    page.goto(site_url + "practice/flashcards/?round=evaluation", wait_until="networkidle")
    assert page.locator("#fc-round").input_value() == "evaluation", "a ?round= link preselects the round"
    in_round = int(page.locator(".fc-status").inner_text().split("·")[1].split()[0])
    assert "Evaluation and experimentation" in page.locator(".fc-meta").inner_text()
    page.select_option("#fc-round", "")
    total = int(page.locator(".fc-status").inner_text().split("·")[1].split()[0])
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


def test_mock_interview_draws_times_and_reveals(context, site_url):
    page = context.new_page()
    page.goto(site_url + "practice/mock-interview/", wait_until="networkidle")
    page.click("#mi-draw")
    question = page.locator(".mi-question").inner_text()
    assert question.strip()
    page.wait_for_function("document.querySelector('.mi-timer').textContent !== '0:00'", timeout=5000)
    assert not page.locator(".mi-answer").is_visible()
    page.click("#mi-answer")
    assert page.locator(".mi-answer").is_visible() and page.locator(".mi-answer").inner_text().strip()
    page.click("#mi-followups")
    assert page.locator(".mi-followups").is_visible()


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
