"""The whole guide on one page (mkdocs-print-site-plugin, finished by scripts/print_page.py) and the offline
copy (Material's offline plugin, zipped by scripts/offline.py), checked in the built site. The browser tests
in tests/browser/test_print_and_offline_in_browser.py open both."""

from __future__ import annotations

import copy
import functools
import re
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from scripts import mkdocs_hooks, notebooks, offline, print_page
from scripts.pages import question_pages
from scripts.paths import ROOT

PRINT_PAGE = Path("print_page") / "index.html"


def nav_sources() -> list[str]:
    """The navigation's pages, in order, as source paths: mkdocs-awesome-nav builds it from docs/, so it is read
    from MkDocs itself (the same config and plugins as the build)."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation

    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    return [page.file.src_uri for page in nav.pages]


def printed_and_excluded() -> tuple[list[str], list[str]]:
    """Site paths (as built with directory URLs) of the pages the print page holds, and of those it leaves out."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    plugin = next(p["print-site"] for p in config["plugins"] if isinstance(p, dict) and "print-site" in p)
    printed, excluded = [], []
    for src in nav_sources():
        stem = src.rsplit(".", 1)[0]
        url = stem[: -len("index")] if stem.endswith("index") else stem + "/"
        left_out = any(src.startswith(x) if x.endswith("/") else src == x for x in plugin["exclude"])
        (excluded if left_out else printed).append(url)
    return printed, excluded


@functools.cache  # read only: three tests compare every page with the print page, and each page is parsed once
def article(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")


@pytest.fixture(scope="module")
def print_soup(built_site) -> BeautifulSoup:
    return BeautifulSoup((built_site / PRINT_PAGE).read_text(encoding="utf-8"), "html.parser")


def test_print_page_holds_every_question_lab_and_reference_page_in_nav_order(built_site, print_soup):
    printed, excluded = printed_and_excluded()
    assert len(printed) >= len(question_pages()) + 4 and excluded
    sections = [s["id"] for s in print_soup.select("section.print-page[id]:not(.md-section)")]
    keys = [print_page.get_page_key(url) for url in printed]
    assert sections == keys, "the print page's sections are not the printed pages, in nav order"
    for url in printed:
        h1 = article(built_site, url).find("h1")
        assert h1 is not None, url
        section = print_soup.find("section", id=print_page.get_page_key(url))
        assert section.find("h1").get_text(" ", strip=True) == h1.get_text(" ", strip=True), url
    for url in excluded:
        assert print_soup.find("section", id=print_page.get_page_key(url)) is None, f"{url} should be left out"
    # no empty section headings for nav sections whose pages are all left out (Practice, Contributing)
    section_titles = [h.get_text(strip=True) for h in print_soup.select("section.md-section > h1")]
    assert "Practice" not in section_titles and "Contributing" not in section_titles, section_titles


def test_print_page_has_every_formula_typeset_and_every_figure(built_site, print_soup):
    printed, _ = printed_and_excluded()
    pages = [article(built_site, url) for url in printed]
    formulas = sum(len(a.select(".arithmatex")) for a in pages)
    figures = sum(len(a.select("img")) for a in pages)
    content = print_soup.select_one("#print-site-page")
    assert formulas > 100 and figures > 40
    assert len(content.select(".arithmatex")) == formulas
    assert len(content.select(".arithmatex .katex")) == formulas, "a formula on the print page is not typeset"
    assert len(content.select("img")) == figures
    prose = copy.copy(content)  # the TeX source KaTeX keeps in the MathML's annotation, and code, are not prose
    for el in prose.select("annotation, pre, code"):
        el.decompose()
    text = prose.get_text()
    assert "\\(" not in text and "\\[" not in text, "raw TeX left on the print page"


def test_print_page_shows_each_quiz_as_an_answer_key(built_site, print_soup):
    printed, _ = printed_and_excluded()
    expected = sum(len(article(built_site, url).select(".quiz")) for url in printed)
    keys = print_soup.select("#print-site-page .quiz")
    assert len(keys) == expected >= 2 * len(question_pages())
    for quiz in keys:
        assert "quiz-answer-key" in quiz["class"]
        right = quiz.select("input[data-correct]")
        assert right and all(box.has_attr("checked") for box in right), "the right answer is not ticked"
        assert all(box.has_attr("disabled") for box in quiz.select("input"))
        assert quiz.select_one("section.content").get_text(strip=True), "the explanation is missing"
        assert not quiz.select(".hidden"), "part of the answer key is hidden"
    assert not print_soup.select("#quiz-progress-sidebar, #quiz-progress-mobile, .quiz-results, .quiz-intro")
    engines = [s for s in print_soup.find_all(["script", "style"]) if "mkdocsQuiz" in s.get_text()]
    assert not engines, "the print page still runs mkdocs-quiz"


def test_print_page_search_base_is_relative(print_soup):
    """print-site renders with the 404 page's context, whose base is absolute: search then breaks off-site."""
    config = print_soup.select_one("#__config").get_text()
    assert '"base": ".."' in config, config[:200]


def test_guide_links_resolve_on_the_built_pages(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    practice = (built_site / "practice" / "index.html").read_text(encoding="utf-8")
    assert 'href="print_page/"' in home and f'href="{offline.ZIP_PATH}"' in home
    assert 'href="../print_page/"' in practice and f'href="../{offline.ZIP_PATH}"' in practice
    assert 'href="guide:' not in home + practice


def test_offline_zip_is_the_site_for_reading_from_disk(built_site):
    with zipfile.ZipFile(built_site / offline.ZIP_PATH) as zf:
        names = zf.namelist()
        assert all(n.startswith(offline.FOLDER + "/") for n in names)
        inner = {n[len(offline.FOLDER) + 1 :] for n in names}
        assert {"index.html", "print_page.html", "search/search_index.js", offline.SHIM_URL} <= inner
        assert offline.ZIP_PATH not in inner, "the offline copy must not hold a zip of itself"
        # the coding problems' downloads are part of the site the copy is for: their pages link them
        assert {"coding/kmeans_from_scratch.zip", "coding/stable_softmax.zip"} <= inner
        assert not any(n.endswith(".zip") for n in inner if not n.startswith("coding/")), "only the coding downloads"
        pages = sorted(n for n in inner if n.endswith(".html"))
        assert "evaluation/precision_recall.html" in pages and "evaluation/precision_recall/index.html" not in pages
        q09 = zf.read(f"{offline.FOLDER}/evaluation/precision_recall.html").decode()
        printed = zf.read(f"{offline.FOLDER}/print_page.html").decode()
        shim = zf.read(f"{offline.FOLDER}/{offline.SHIM_URL}")
    assert b"iframe" in shim and len(shim) > 500
    assert '"base": "."' in printed, "search on the offline print page needs a relative base"
    soup = BeautifulSoup(q09, "html.parser")
    assert soup.select_one(f'script[src="../{offline.SHIM_URL}"]'), "the shim is not loaded from the copy itself"
    assert '"navigation.instant"' not in q09, "instant navigation cannot fetch pages from disk"
    for a in soup.select("a[href]"):
        href = a["href"]
        if not re.match(r"[a-z]+:|#", href):
            assert not href.endswith("/"), f"directory URL {href!r} does not open from disk"
    # links from a lab (Markdown links in a notebook) follow the copy's .html URLs
    with zipfile.ZipFile(built_site / offline.ZIP_PATH) as zf:
        lab = zf.read(f"{offline.FOLDER}/labs/lab_imbalanced_metrics.html").decode()
    assert 'href="../evaluation/precision_recall.html"' in lab


# Units: the failure paths, without a build.


def _page(src_uri: str, url: str) -> SimpleNamespace:
    file = File(src_uri, "/docs", "/site", use_directory_urls=True)
    file.url = url  # as MkDocs (and mkdocs-jupyter, for a notebook) sets it
    return SimpleNamespace(file=file, url=url)


def test_guide_links_point_at_this_build_when_publishing_and_at_the_published_site_otherwise(monkeypatch):
    page = _page("practice/index.md", "practice/")
    page.file.abs_src_path = str(ROOT / "docs" / "practice" / "index.md")
    config = SimpleNamespace(plugins={}, site_url="https://example.org/")
    monkeypatch.setenv("GUIDE_PUBLISH", "true")
    assert mkdocs_hooks._guide_links('<a href="guide:offline-zip">', page, config) == (
        f'<a href="../{offline.ZIP_PATH}">'
    )
    monkeypatch.setenv("GUIDE_PUBLISH", "false")  # make serve: the zip and the print page are not built
    assert mkdocs_hooks._guide_links('<a href="guide:offline-zip">', page, config) == (
        f'<a href="https://example.org/{offline.ZIP_PATH}">'
    )
    assert mkdocs_hooks._guide_links('<a href="guide:print-page">', page, config) == (
        '<a href="https://example.org/print_page/">'
    )


def test_unknown_guide_link_names_the_page():
    page = _page("practice/index.md", "practice/")
    page.file.abs_src_path = str(ROOT / "docs" / "practice" / "index.md")
    config = SimpleNamespace(plugins={}, site_url="https://example.org/")
    with pytest.raises(PluginError, match=r"docs/practice/index\.md: unknown link 'guide:print-pag'"):
        mkdocs_hooks._guide_links('<a href="guide:print-pag">', page, config)


def test_notebook_link_to_a_missing_page_names_the_notebook():
    files = Files([File("evaluation/precision_recall.md", "/docs", "/site", use_directory_urls=True)])
    lab = _page("labs/lab_x.ipynb", "labs/lab_x/")
    ok = notebooks.resolve_links('<a href="../evaluation/precision_recall.md#short-answer">', lab, files)
    assert ok == '<a href="../../evaluation/precision_recall/#short-answer">'
    with pytest.raises(PluginError, match=r"docs/labs/lab_x\.ipynb: link to '\.\./questions/q99\.md'"):
        notebooks.resolve_links('<a href="../questions/q99.md">', lab, files)


def test_print_page_relinks_left_out_pages_and_reports_dead_anchors():
    pages = [_page("practice/flashcards.md", "practice/flashcards/"), _page("faq.md", "faq/")]
    html = '<section id="faq"><h1 id="faq-top">FAQ</h1></section><a href="#practice-flashcards-deck">'
    out, dead = print_page.relink(html, pages, "print_page/")
    assert 'href="../practice/flashcards/#deck"' in out and not dead
    _, dead = print_page.relink(html + '<a href="#faq-missing">', pages, "print_page/")
    assert dead == ["faq-missing"]


def test_print_page_prefixes_the_ids_its_links_expect():
    html = (
        '<section class="print-page" id="q01" heading-number="1">'
        '<a id="__codelineno-0-1" name="__codelineno-0-1" href="#q01-__codelineno-0-1"></a></section>'
    )
    out = print_page.prefix_ids(html)
    assert 'id="q01-__codelineno-0-1" name="q01-__codelineno-0-1"' in out
