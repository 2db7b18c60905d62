"""Every page as a reader's browser sees it: requests, console, images, math, palette, phone width, accessibility."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from scripts.pages import question_pages
from scripts.paths import DOCS
from tests.browser.conftest import site_pages

pytestmark = pytest.mark.browser
PAGES = site_pages()  # the one-page guide (print_page/) has its own test: test_print_and_offline_in_browser.py


# Material's search worker builds its index from this file on every page load, about a second of CPU for
# the whole guide, the same work on each of the ~90 visits. Here the worker gets the site's own file with its
# settings but no entries; tests/browser/test_search_and_keyboard.py searches the full index.
SEARCH_INDEX = "/search/search_index.json"


def open_page(context, url: str):
    """Load a page, recording console errors and every request; block (and record) any non-local request."""
    page = context.new_page()
    seen = {"requests": [], "errors": []}

    def route(r):
        seen["requests"].append(r.request.url)
        host = urlsplit(r.request.url).hostname
        if r.request.url.endswith(SEARCH_INDEX) and host == "127.0.0.1":
            served = r.fetch()  # the real file, from this site: it must be there
            if not served.ok:
                seen["errors"].append(f"{r.request.url}: HTTP {served.status}")
                return r.fulfill(response=served)
            r.fulfill(response=served, json={**served.json(), "docs": []})
        elif host == "127.0.0.1" or r.request.url.startswith("data:"):
            r.continue_()
        else:
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    # "load", not "networkidle" (which waits out 500 ms of quiet on every visit): the requests are recorded all
    # through the visit and checked at its end, and what the checks depend on is waited for by name below.
    page.goto(url, wait_until="load")
    page.wait_for_function(THEME_READY)
    return page, seen


# Material makes a code block that scrolls focusable (tabindex=0) once it has measured it, after the page has
# loaded; axe's scrollable-region-focusable fails on a block it has not reached yet.
THEME_READY = """() => [...document.querySelectorAll('pre > code')]
  .every(c => c.scrollWidth <= c.clientWidth || c.tabIndex === 0)"""


LOAD_ALL_IMAGES = """async () => {
  const imgs = [...document.querySelectorAll('img')];
  for (const img of imgs) img.loading = 'eager';
  // an image that neither loads nor fails within 20 s counts as broken (the test reports it, not a hang);
  // all at once, not one after another: the print page has some 400
  const settle = img => Promise.race([img.decode(), new Promise((_, no) => setTimeout(() => no('timeout'), 20000))]);
  const results = await Promise.allSettled(imgs.map(settle));
  const broken = [];
  results.forEach((r, i) => {
    const src = imgs[i].getAttribute('src');
    if (r.status === 'rejected') broken.push(src + ' (' + r.reason + ')');
    else if (!imgs[i].naturalWidth) broken.push(src);
  });
  return broken;
}"""

MATH_PROBLEMS = """() => {
  const problems = [];
  document.querySelectorAll('.arithmatex').forEach(el => {
    if (!el.querySelector('.katex')) problems.push('untypeset: ' + el.textContent.slice(0, 60));
  });
  if (document.querySelector('.katex-error')) problems.push('KaTeX error element');
  const article = document.querySelector('article');
  if (article) {
    const clone = article.cloneNode(true);
    clone.querySelectorAll('pre, code, annotation').forEach(n => n.remove());
    for (const raw of ['\\\\(', '\\\\[', '$$']) if (clone.textContent.includes(raw)) problems.push('raw ' + raw);
  }
  return problems;
}"""

# Formulas are laid out with the site's own math font (its MATH table stretches brackets and radicals)
MATH_FONT_LOADED = """async () => {
  await document.fonts.load('1em "Guide Math"', '\u2211');
  return [...document.fonts].some(f => f.family.replace(/"/g, '') === 'Guide Math' && f.status === 'loaded');
}"""

VISIBLE_FIGURES = """() => [...document.querySelectorAll('img[src*="#only-"]')]
  .filter(img => getComputedStyle(img).display !== 'none').map(img => img.getAttribute('src'))"""


OVERFLOW = """() => {
  const w = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('article *')]
    .filter(el => el.getBoundingClientRect().right > w + 1)
    .filter(el => !el.closest('pre, .highlight, .arithmatex, .md-typeset__scrollwrap, .tabbed-labels, .jp-OutputArea'))
    .map(el => el.tagName.toLowerCase() + '.' + el.className + ' ' + el.outerHTML.slice(0, 160));
  return {scroll: document.documentElement.scrollWidth, width: w, wide: wide.slice(0, 5)};
}"""


TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"

QUESTION_PATHS = {f"{p.relative_to(DOCS).with_suffix('').as_posix()}/" for p in question_pages()}


def to_dark_palette(page) -> None:
    page.locator('label[for="__palette_1"]').click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")


def check_figures_follow_the_palette(page, path: str) -> None:
    """A question page's figures have alt text, and only the variant for the palette shown is displayed."""
    alts = page.eval_on_selector_all("article img", "imgs => imgs.map(i => i.getAttribute('alt') || '')")
    assert alts and all(len(a.split()) >= 6 for a in alts), f"/{path}: figures without meaningful alt text: {alts}"
    figures = page.locator('img[src*="#only-light"]').count()
    light = page.evaluate(VISIBLE_FIGURES)
    assert len(light) == figures and all(s.endswith("#only-light") for s in light), f"/{path}: {light}"
    to_dark_palette(page)
    dark = page.evaluate(VISIBLE_FIGURES)
    assert len(dark) == figures and all(s.endswith("#only-dark") for s in dark), f"/{path}: {dark}"


def check_lab_figures_follow_the_palette(page, path: str) -> None:
    """Notebook figures are drawn once, for a light background; on the dark palette CSS inverts them."""
    figures = page.locator(".jupyter-wrapper .jp-RenderedImage img, .jupyter-wrapper .jp-RenderedSVG img")
    assert figures.count(), f"/{path} shows no figure"
    assert figures.first.evaluate("el => getComputedStyle(el).filter") == "none"
    to_dark_palette(page)
    assert "invert" in figures.first.evaluate("el => getComputedStyle(el).filter"), f"/{path}"


def test_every_question_page_and_lab_is_visited():
    """The palette checks above run inside the one visit per page: make sure those pages are visited."""
    labs = {p for p in PAGES if p.startswith("labs/lab_")}
    assert QUESTION_PATHS and labs and QUESTION_PATHS | labs <= set(PAGES)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_page_as_a_reader_sees_it(context, site_url, axe_source, path):
    """One visit per page: no request leaves 127.0.0.1, no console error, every image loads, math is typeset,
    no serious accessibility violation, figures follow the palette, and at 375 px nothing overflows."""
    page, seen = open_page(context, site_url + path)
    assert not page.evaluate(LOAD_ALL_IMAGES), f"/{path}: images that do not load"
    assert not page.evaluate(MATH_PROBLEMS), f"/{path}: math not typeset"
    if page.locator("article math").count():
        assert page.evaluate(MATH_FONT_LOADED), f"/{path}: the math font did not load"

    page.add_script_tag(content=axe_source)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, f"/{path}:\n" + "\n".join(serious)

    if path in QUESTION_PATHS:
        check_figures_follow_the_palette(page, path)
    elif path.startswith("labs/lab_"):
        check_lab_figures_follow_the_palette(page, path)

    page.set_viewport_size({"width": 375, "height": 740})
    page.evaluate(TWO_FRAMES)  # the theme's resize handlers have run and the page is laid out again
    overflow = page.evaluate(OVERFLOW)
    if overflow["wide"]:  # once seen under load (a paragraph mid-reflow): a real overflow is still there later
        page.wait_for_timeout(1000)
        overflow = page.evaluate(OVERFLOW)
    assert overflow["scroll"] <= overflow["width"], f"/{path} scrolls sideways at 375 px: {overflow}"
    assert not overflow["wide"], f"/{path}: elements wider than a 375 px screen: {overflow['wide']}"

    # Last, so that every request of the visit counts (the search index and anything loaded late, too).
    outside = [u for u in seen["requests"] if urlsplit(u).hostname not in ("127.0.0.1", None)]
    assert not outside, f"/{path} requested third-party URLs: {outside}"
    assert not seen["errors"], f"/{path} console errors: {seen['errors']}"
