"""The one-page guide and the offline copy in a real browser: the print page is reached from the home page
with its formulas, figures and answers ready for paper; the offline zip, unpacked, works from file:// with
search and without any network request."""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from scripts import offline
from tests.browser.test_pages_in_browser import LOAD_ALL_IMAGES, MATH_PROBLEMS, open_page

pytestmark = pytest.mark.browser


def test_home_page_link_opens_the_print_page_ready_for_paper(context, published_url, axe_source):
    page, seen = open_page(context, published_url)
    # the click a reader makes once the page has settled (Material's instant navigation has its sitemap.xml,
    # which leaves the print page out, so the click is a full page load)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.endsWith('sitemap.xml'))")
    # wait for the new document's load event (the print page is large and its scripts run last), not for the
    # old page's network to go quiet: that race failed CI once
    with page.expect_navigation(url=published_url + "print_page/", wait_until="load", timeout=60_000):
        page.get_by_role("link", name="The whole guide on one page").click()
    page.wait_for_load_state("networkidle")
    # print-site's script ran: no site navigation, and its table of contents was built
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    assert page.locator("#print-page-toc li").count() >= 25
    assert page.locator("#print-site-page h1", has_text="Define precision and recall").count() == 1
    assert not page.evaluate(LOAD_ALL_IMAGES) and not page.evaluate(MATH_PROBLEMS)
    assert page.locator("article details").count() > 0
    assert page.locator("article details:not([open])").count() == 0, "answers on the print page should be open"
    keys = page.locator("article .quiz-answer-key")
    assert (
        keys.count() > 40 and page.locator("article .quiz-answer-key section.content:visible").count() == keys.count()
    )
    assert not seen["errors"], seen["errors"]
    outside = [u for u in seen["requests"] if urlsplit(u).hostname not in ("127.0.0.1", None)]
    assert not outside, f"the print page requested third-party URLs: {outside}"
    # accessibility of what the print page adds (its pages are checked one by one in test_pages_in_browser.py;
    # axe over the whole 200-page document takes longer than the rest of this test)
    page.add_script_tag(content=axe_source)
    parts = ["#print-site-cover-page", "#print-site-banner", "#print-page-toc", ".md-header"]
    results = page.evaluate(
        "async (parts) => await axe.run({include: parts.map(p => [p])}, {resultTypes: ['violations']})", parts
    )
    serious = [v["id"] for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, serious

    banner = page.locator("#print-site-banner")
    assert banner.is_visible()
    page.emulate_media(media="print")
    assert not banner.is_visible(), "the banner must not be printed"
    assert not page.locator(".md-header").is_visible() and not page.locator(".md-search").is_visible()
    assert page.locator("#print-site-cover-page").is_visible()
    # the first pages and page 100 only (Chromium refuses a page range past the last page): printing all
    # 400-odd pages took 30 s, and page 100 existing says as much about the guide's length
    pdf = page.pdf(format="A4", page_ranges="1-3, 100")
    assert pdf.startswith(b"%PDF") and b"/Count 4" in pdf, "the printed guide should run to 100 pages or more"


def test_printing_a_question_page_prints_its_answers_open(context, site_url):
    page, _ = open_page(context, site_url + "evaluation/precision_recall/")
    closed = page.locator("article details:not([open])")
    before = closed.count()
    assert before > 0
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert closed.count() == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert closed.count() == before, "answers the reader had not opened close again after printing"


@pytest.fixture(scope="module")
def unpacked(built_site, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / offline.ZIP_PATH) as zf:
        zf.extractall(dest)
    return dest / offline.FOLDER


def open_from_disk(context, path: Path):
    page = context.new_page()
    seen = {"requests": [], "errors": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.route("http*://**/*", lambda r: r.abort())  # no network for the offline copy
    page.goto(path.as_uri(), wait_until="load")
    return page, seen


def test_offline_copy_searches_and_navigates_from_disk(context, unpacked):
    page, seen = open_from_disk(context, unpacked / "index.html")
    page.keyboard.press("/")
    page.keyboard.type("precission")  # a misspelling only the precision-and-recall page lists
    first = page.locator(".md-search-result__item .md-search-result__link").first
    first.wait_for(timeout=15_000)
    assert "precision_recall" in first.get_attribute("href"), first.get_attribute("href")
    with page.expect_navigation(wait_until="load"):  # the new document's load, not the old one's
        first.click()
    assert page.url.startswith((unpacked / "evaluation" / "precision_recall.html").as_uri())
    assert not page.evaluate(LOAD_ALL_IMAGES) and not page.evaluate(MATH_PROBLEMS)
    assert page.locator("article .katex").count() > 5
    page.locator("article .quiz input[data-correct] + label").first.click()  # Check yourself scores from disk
    assert "1 correct" in page.locator("#quiz-results").inner_text()
    # a link from a question page to its lab, and from the lab back to a question, open from disk
    with page.expect_navigation(wait_until="load"):
        page.locator("article a[href$='lab_imbalanced_metrics.html']").first.click()
    assert page.url == (unpacked / "labs" / "lab_imbalanced_metrics.html").as_uri()
    assert not page.evaluate(LOAD_ALL_IMAGES) and not page.evaluate(MATH_PROBLEMS)
    assert not seen["errors"], seen["errors"]
    outside = [u for u in seen["requests"] if not u.startswith(("file:", "data:"))]
    assert not outside, f"the offline copy fetched from the network: {outside}"


def test_offline_copy_flashcards_work_from_disk(context, unpacked):
    """The scheduler (ts-fsrs, a classic script) loads from disk, a graded card stays scheduled after a reload,
    and the progress page from disk counts it."""
    page, seen = open_from_disk(context, unpacked / "practice" / "flashcards.html")
    page.locator(".fc-card").click()
    assert page.locator(".fc-back").is_visible()
    page.locator(".fc-grades button[data-grade=Easy]").click()
    page.reload(wait_until="load")
    assert "Known: 1 of " in page.locator(".fc-status").inner_text(), "the schedule is kept from disk too"
    with page.expect_navigation(wait_until="load"):
        page.goto((unpacked / "practice" / "progress.html").as_uri(), wait_until="load")
    assert "1 of " in page.locator(".progress-table tfoot td").nth(2).inner_text()
    assert not seen["errors"], seen["errors"]
    outside = [u for u in seen["requests"] if not u.startswith(("file:", "data:"))]
    assert not outside, f"the offline copy fetched from the network: {outside}"
