"""The practice tools work in a real browser: a card flips, progress survives a reload, Check yourself
scores, the mock interview reveals its answer."""

from __future__ import annotations

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


def test_check_yourself_keeps_a_score(context, site_url):
    page = context.new_page()
    page.goto(site_url + "questions/q09_precision_recall/", wait_until="networkidle")
    score = page.locator(".practice-score")
    assert "0 of " in score.inner_text()
    first = page.locator("#check-yourself ~ details.question").first
    first.locator("summary").click()
    first.get_by_role("button", name="I knew it").click()
    assert "1 of " in score.inner_text()
    page.reload(wait_until="networkidle")
    assert "1 of " in page.locator(".practice-score").inner_text()


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
