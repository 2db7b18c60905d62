"""The built site: strict build, links, anchors, images, math, and no third-party request."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from scripts import pages as page_source
from scripts import rounds, search_bench
from scripts.pages import question_pages
from scripts.paths import DOCS, ROOT

QUESTION_DIRS = {p.relative_to(DOCS).with_suffix("").as_posix() for p in question_pages()}


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@cache
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@cache
def anchors(path: Path) -> frozenset[str]:
    """Every id and name on a page (a set: the print page alone has thousands of links into itself)."""
    page = soup(path)
    return frozenset(el["id"] for el in page.find_all(id=True)) | frozenset(
        el["name"] for el in page.find_all(attrs={"name": True})
    )


@cache
def base_path() -> str:
    """The path part of site_url: 404.html links absolutely, from there."""
    import yaml

    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    return urlsplit(config["site_url"]).path


def resolve(site: Path, page: Path, url: str) -> tuple[Path, str]:
    parts = urlsplit(url)
    if parts.path.startswith(base_path()):
        target = (site / unquote(parts.path[len(base_path()) :])).resolve()
    else:
        target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def is_external(url: str) -> bool:
    """A URL that leaves the site (data: URLs are inline content, not requests)."""
    return (bool(urlsplit(url).scheme) and not url.startswith("data:")) or url.startswith("//")


def test_site_builds_strict(built_site):
    assert (built_site / "index.html").exists()


def test_internal_links_anchors_and_images_resolve(built_site):
    problems = []
    for page in html_pages(built_site):
        for tag, attr in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src"), ("source", "srcset")):
            for el in soup(page).find_all(tag):
                url = el.get(attr)
                if not url or is_external(url) or url.startswith(("mailto:", "javascript:", "data:")):
                    continue
                target, fragment = resolve(built_site, page, url)
                where = f"{page.relative_to(built_site)}: <{tag} {attr}={url!r}>"
                if not target.exists():
                    problems.append(f"{where} points to a missing file")
                elif fragment and target.suffix == ".html" and fragment not in ("", "only-light", "only-dark"):
                    if fragment not in anchors(target):
                        problems.append(f"{where}: no element with id '{fragment}'")
                elif fragment and target.suffix == ".svg" and fragment not in ("only-light", "only-dark"):
                    problems.append(f"{where}: unexpected fragment on an image")
    assert not problems, "\n".join(problems)


def test_css_urls_resolve(built_site):
    problems = []
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if url.startswith("data:") or url.startswith("#"):
                continue
            if is_external(url):
                problems.append(f"{css.relative_to(built_site)}: external url({url})")
            elif not (css.parent / urlsplit(url).path).exists():
                problems.append(f"{css.relative_to(built_site)}: url({url}) is missing")
    assert not problems, "\n".join(problems)


ASSET_TAGS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src"}
CDN_HOSTS = re.compile(
    r"https?://(?:[\w.-]*\.)?(unpkg\.com|jsdelivr\.net|cdnjs\.cloudflare\.com|fonts\.googleapis\.com|"
    r"fonts\.gstatic\.com|polyfill\.io|cdn\.[\w.-]+|ajax\.googleapis\.com|mathjax\.org)"
)


def test_no_page_loads_anything_from_a_third_party_host(built_site):
    problems = []
    for page in html_pages(built_site):
        doc = soup(page)
        rel_page = page.relative_to(built_site)
        for tag, attr in ASSET_TAGS.items():
            for el in doc.find_all(tag):
                if el.get(attr) and is_external(el[attr]):
                    problems.append(f"{rel_page}: <{tag} {attr}={el[attr]!r}>")
        for el in doc.find_all("link"):
            rels = set(el.get("rel") or [])
            if (
                el.get("href")
                and is_external(el["href"])
                and rels
                & {
                    "stylesheet",
                    "preload",
                    "modulepreload",
                    "icon",
                    "preconnect",
                    "dns-prefetch",
                    "manifest",
                    "prefetch",
                }
            ):
                problems.append(f"{rel_page}: <link rel={sorted(rels)} href={el['href']!r}>")
        for style in doc.find_all("style"):
            if re.search(r"@import|url\(\s*['\"]?(https?:)?//", style.get_text()):
                problems.append(f"{rel_page}: inline <style> loads an external resource")
        for script in doc.find_all("script", src=False):
            if CDN_HOSTS.search(script.get_text()):
                problems.append(f"{rel_page}: inline script names a CDN: {CDN_HOSTS.search(script.get_text())[0]}")
    assert not problems, "\n".join(problems)


def test_bundled_javascript_fetches_nothing_from_a_cdn(built_site):
    # Material's bundle names two CDN URLs, both behind a condition no page of this site meets:
    # the mermaid loader runs only on a page holding a `.mermaid` diagram (none here, asserted below), and the
    # resize-observer polyfill loads only in browsers without ResizeObserver (every browser since 2020 has it).
    # The browser tests prove that no request leaves the site.
    allowed = ("unpkg.com/mermaid", "unpkg.com/resize-observer-polyfill")
    problems = []
    for js in built_site.rglob("*.js"):
        for m in CDN_HOSTS.finditer(js.read_text(encoding="utf-8", errors="replace")):
            context = js.read_text(encoding="utf-8", errors="replace")[m.start() : m.start() + 80]
            if not any(a in context for a in allowed):
                problems.append(f"{js.relative_to(built_site)}: {context}")
    assert not problems, "\n".join(problems)
    assert not any(soup(p).select(".mermaid") for p in html_pages(built_site)), "a page has a mermaid diagram"


def test_math_is_typeset_at_build_time(built_site):
    problems = []
    for page in html_pages(built_site):
        doc = soup(page)
        for el in doc.select(".arithmatex"):
            if not el.select(".katex"):
                problems.append(f"{page.relative_to(built_site)}: untypeset math {el.get_text()[:60]!r}")
        if doc.select(".katex-error"):
            problems.append(f"{page.relative_to(built_site)}: KaTeX error element")
        body = doc.select_one("article")
        if body:
            body = copy.copy(body)  # soup() is cached and shared with the other tests: change a copy
            for code in body.select("pre, code, annotation"):  # annotation: the TeX source inside the MathML
                code.decompose()
            text = body.get_text()
            for raw in ("\\(", "\\[", "$$"):
                if raw in text:
                    problems.append(f"{page.relative_to(built_site)}: raw {raw} left in the page text")
    assert not problems, "\n".join(problems)


def test_question_pages_have_formulas_figures_and_output(built_site):
    from scripts import rounds

    sources = question_pages()
    assert len(sources) >= 3
    for source in sources:
        page = built_site / source.relative_to(DOCS).with_suffix("") / "index.html"
        doc = soup(page)
        if "In depth" in rounds.get(source.parent.name).sections:  # design pages have no formula section
            assert doc.select('math[display="block"]'), f"{page}: no display formula"
        assert doc.select('img[src$="#only-light"]') and doc.select('img[src$="#only-dark"]'), f"{page}: figures"
        titles = [t.get_text().strip() for t in doc.select(".highlight .filename")]
        # a coding problem shows what the reader's solution must print, captured from the reference
        output = "Expected output" if source.parent.name == "coding" else "Output"
        assert output in titles, f"{page}: no captured output block titled {output!r} (titles: {titles})"
        assert doc.find("meta", attrs={"name": "description"}), f"{page}: no meta description"


def test_search_index_covers_every_page_and_keeps_raw_tex(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    for page in html_pages(built_site):
        rel_dir = page.parent.relative_to(built_site).as_posix()
        if rel_dir in QUESTION_DIRS:
            assert f"{rel_dir}/" in locations, f"{rel_dir} is not in the search index"
    text = " ".join(d["text"] for d in index["docs"])
    assert "\\frac{TP}{TP + FP}" in text, "search should index formulas as their TeX source"
    assert "katex" not in text, "search indexed KaTeX's HTML instead of the TeX"


def test_pagefind_indexes_the_pages_materials_search_does_with_filters_and_keywords(built_site, tmp_path):
    """The markup Pagefind reads (scripts/mkdocs_hooks.py): every page in Material's index, and no other, has
    its article marked; a question page carries its round, difficulty and tags as filters and its
    `search_terms` as searchable metadata, hidden from readers and kept out of the page text Pagefind shows."""
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    marked = search_bench.body_pages(built_site)
    assert marked == locations, f"marked only {marked - locations}; in Material's index only {locations - marked}"

    page = next(p for p in question_pages() if page_source.parse(p).meta.get("search_terms"))
    meta = page_source.parse(page).meta
    html = soup(built_site / page.relative_to(DOCS).with_suffix("") / "index.html")
    filters = {el["data-pagefind-filter"] for el in html.select("article [data-pagefind-filter]")}
    expected = {f"round:{rounds.get(meta['round']).title}", f"difficulty:{meta['difficulty']}"}
    assert filters == expected | {f"tag:{tag}" for tag in meta["tags"]}, page
    terms = html.select_one("article p.search-terms")
    assert terms.has_attr("hidden") and terms.has_attr("data-pagefind-ignore"), terms
    assert terms["data-pagefind-meta"] == "keywords" and terms.get_text() == " ".join(meta["search_terms"])

    out = tmp_path / "pagefind"
    cmd = [sys.executable, "-m", "pagefind", "--site", str(built_site), "--output-path", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    entry = json.loads((out / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == len(locations), done.stdout


def test_labs_print_nothing_to_stderr(built_site):
    """A warning or a kernel log line in a lab's output is noise a reader should never see."""
    noisy = [
        f"{page.relative_to(built_site)}: {el.get_text()[:200]!r}"
        for page in sorted((built_site / "labs").glob("*/index.html"))
        for el in soup(page).select('[data-mime-type="application/vnd.jupyter.stderr"]')
    ]
    assert not noisy, "\n".join(noisy)


def test_the_quiz_engine_ships_only_with_quizzes_and_without_an_answer_key_comment(built_site):
    """mkdocs-quiz inlines ~60 KB of script and styles: only pages with a quiz carry them (the hook switches the
    plugin on there). The print page shows its quizzes as a static answer key (tests/test_print_and_offline.py)."""
    pages = [p for p in html_pages(built_site) if p.parent.name != "print_page"]
    with_quiz = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        has_quiz, has_engine = 'class="quiz"' in text, "window.mkdocsQuizConfig" in text
        assert has_quiz == has_engine, f"{page.relative_to(built_site)}: quiz {has_quiz}, quiz engine {has_engine}"
        assert "mkdocs-quiz-source" not in text, f"{page.relative_to(built_site)} carries its quiz source"
        if has_quiz:
            with_quiz.append(page.parent.name)
    questions = sorted(p.stem for p in question_pages() if page_source.has_quiz(p.read_text(encoding="utf-8")))
    assert len(questions) >= 20 and sorted(with_quiz) == questions


def test_only_the_print_page_loads_print_sites_assets(built_site):
    """mkdocs-print-site-plugin lists its CSS and script for every page; the hook keeps them on its page alone."""
    assets = re.compile(r"""(?:href|src)=["'][^"']*(?:css/print-site[\w-]*\.css|js/print-site\.js)["']""")
    loading = sorted(str(p.relative_to(built_site)) for p in html_pages(built_site) if assets.search(p.read_text()))
    assert loading == ["print_page/index.html"], loading
    assert len(assets.findall((built_site / "print_page" / "index.html").read_text(encoding="utf-8"))) == 3


def test_navigation_has_the_six_rounds_in_order_with_their_pages(built_site):
    """One nav section per round, in scripts/rounds.py order, each opening on its index and listing its pages in
    `order`; a page added to a round folder appears without an edit of mkdocs.yml."""
    from scripts import rounds
    from scripts.pages import round_pages

    nav = soup(built_site / "index.html").select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a.md-nav__link")]
    round_links = [h for h in hrefs if h.strip("./").rstrip("/") in rounds.KEYS]
    assert [h.strip("./").rstrip("/") for h in round_links] == list(rounds.KEYS), round_links
    for r in rounds.ROUNDS:
        expected = [f"{r.key}/{p.stem}/" for p in round_pages(r.key)]
        listed = [h.lstrip("./") for h in hrefs if h.lstrip("./").startswith(f"{r.key}/") and h.count("/") >= 2]
        assert listed == expected, f"{r.key}: nav lists {listed}, expected {expected}"


def test_old_question_urls_redirect_to_their_round(built_site):
    """The first 20 questions moved from questions/qNN_topic/ to <round>/<topic>/: the old URLs still work."""
    import yaml

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    maps = next(p["redirects"]["redirect_maps"] for p in config["plugins"] if isinstance(p, dict) and "redirects" in p)
    assert len(maps) == 21
    for old, new in maps.items():
        stub = built_site / old.removesuffix(".md").removesuffix("index") / "index.html"
        target = "" if new == "index.md" else new.removesuffix(".md") + "/"
        assert (built_site / target / "index.html").exists(), f"{old} redirects to a missing page {new}"
        refresh = soup(stub).find("meta", attrs={"http-equiv": "refresh"})
        assert refresh, f"{old}: no redirect page"
        url = refresh["content"].split("url=", 1)[1]
        landed = (stub.parent / url).resolve()
        assert landed == (built_site / target).resolve(), f"{old} redirects to {url}, not to {target}"


def test_question_pages_show_their_computed_reading_time_and_round(built_site):
    from scripts import reading_time, rounds

    for page in question_pages():
        html = soup(built_site / page.relative_to(DOCS).with_suffix("") / "index.html")
        meta = html.select_one("article p.page-meta")
        minutes = reading_time.of_file(page).rounded
        assert meta and f"{minutes} min read" in meta.get_text(), f"{rel_page(page)}: {meta}"
        assert rounds.get(page.parent.name).title in meta.get_text()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Half an hour" not in home
    for r in rounds.ROUNDS:
        assert r.title in home


def rel_page(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


def test_math_font_is_served_with_every_character_the_site_shows(built_site):
    """The build writes the cut-down math font after the last formula (pages, cards, print page): a page whose
    formulas were typeset elsewhere would show characters the subset lacks."""
    from fontTools.ttLib import TTFont

    from scripts import math_font

    path = built_site / math_font.URL
    assert path.exists(), f"{math_font.URL} is missing from the site"
    font = TTFont(str(path))
    assert "MATH" in font and path.stat().st_size < 64 * 1024, "the math font lost its MATH table or grew"
    mathml = [str(m) for page in html_pages(built_site) for m in soup(page).select("span.katex")]
    source, served = TTFont(str(math_font.SOURCE)).getBestCmap(), font.getBestCmap()
    missing = sorted(c for c in math_font.characters(mathml) if ord(c) in source and ord(c) not in served)
    assert not missing, f"characters in formulas that the served math font lacks: {missing}"
    css = (built_site / "assets" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert 'url("../math/noto-sans-math.woff2")' in css and math_font.URL.endswith("math/noto-sans-math.woff2")


def test_quiz_pages_link_the_quiz_engine_instead_of_inlining_it(built_site):
    """54 KB of script and styles per quiz page, once for the whole site (and cached between pages)."""
    from mkdocs_quiz import plugin as quiz_plugin

    page = built_site / "evaluation" / "precision_recall" / "index.html"
    text = page.read_text(encoding="utf-8")
    doc = soup(page)
    assert doc.select(".quiz") and quiz_plugin.js_script not in text and quiz_plugin.style not in text
    assert doc.select_one('head link[rel="stylesheet"][href="../../assets/quiz/quiz.css"]')
    script = doc.select_one('script[src="../../assets/quiz/quiz.js"]')
    assert script is not None and script.has_attr("defer")
    settings = [s for s in doc.find_all("script") if "window.mkdocsQuizConfig" in s.get_text()]
    assert settings and settings[0].sourceline < script.sourceline, "the engine must run after its settings"
    served = (built_site / "assets" / "quiz" / "quiz.js").read_text(encoding="utf-8")
    assert served and served in quiz_plugin.js_script
