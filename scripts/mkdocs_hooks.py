"""MkDocs hooks: the one place where the build is extended (listed under `hooks:` in mkdocs.yml).

on_config      notebooks executed by the build use scripts/ipython (SVG figures, stable bytes)
on_pre_build   render stale snippet outputs and figures (scripts/generate.py, cached); practice material
               (scripts/practice.py: flashcards, Anki deck, CSV, formula sheet)
on_nav         order each round's pages by their `order` front matter (the folders come from mkdocs-awesome-nav)
on_files       publish generated figures under /figures/, downloads under /downloads/, mkdocs-quiz's engine under
               /assets/quiz/
on_page_markdown  check front matter and figure references, naming the file and line; add "Verified with";
                  switch mkdocs-quiz on for pages that hold a <quiz>
on_page_content   slim notebook pages (scripts/notebooks.py); add a page's `search_terms` (synonyms, misspellings) to
                  the search index, hidden; resolve `guide:` links (the print page, the offline zip)
on_page_context   typeset every arithmatex formula with KaTeX; a malformed one stops the build
on_post_page      typeset math outside the content (headings in the TOC); drop print-site's assets, which only
                  its own page uses (on_post_template: from 404.html too); link the quiz engine instead of
                  inlining it
Problems are reported all at once: each is logged with its file and line as it is found, a page that fails
its checks is built as a stub so the rest of the build goes on, and the build stops at the end (on_post_build)
if anything was wrong. One build names every broken page, not only the first.

on_post_build     finish print-site's one-page guide (scripts/print_page.py); write the math font, cut down to the
                  formulas' characters (scripts/math_font.py); build the offline copy of the site and zip it into
                  downloads/ (scripts/offline.py)
"""

from __future__ import annotations

import html
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url
from mkdocs_quiz import plugin as quiz_plugin

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import (  # noqa: E402
    lab_cache,
    math_font,
    notebooks,
    offline,
    pages,
    practice,
    print_page,
    provenance,
    reading_time,
    rounds,
)
from scripts.katex import KatexError, renderer  # noqa: E402
from scripts.paths import FIGURES_OUT, GENERATED, IFRAME_WORKER_SHIM, TS_FSRS, rel  # noqa: E402

# GUIDE_NO_EXEC=1 builds the same Markdown with the executable steps off (no snippet, figure or notebook
# runs; what generated/ already holds is used): the floor that `make bench` compares rebuilds with.
NO_EXEC = os.environ.get("GUIDE_NO_EXEC") == "1"
# GUIDE_OFFLINE=true: this build is the offline copy (see scripts/offline.py), which mkdocs.yml's `offline`
# plugin also reads.
OFFLINE = offline.is_offline_build()
_command = {"name": "build"}
log = logging.getLogger("mkdocs.hooks.guide")
_problems: list[str] = []


def report(message: str) -> None:
    """Log a problem (file and line first) and fail the build when it ends."""
    _problems.append(message)
    for line in message.splitlines():
        log.error(line)


def on_startup(command, dirty) -> None:
    _command["name"] = command


@event_priority(100)  # before Material's offline plugin, which adds unpkg.com's shim unless one is listed
def on_config(config):
    # Notebooks run by mkdocs-jupyter get this project's kernel settings (SVG figures, reproducible bytes).
    lab_cache.kernel_environment()
    if NO_EXEC and "mkdocs-jupyter" in config.plugins:
        config.plugins["mkdocs-jupyter"].config["execute"] = False
    config.extra["guide_build_date"] = provenance.commit_date()  # the print page's cover
    if OFFLINE:
        # Pages opened from disk: no instant navigation (it fetches pages with XHR), and search runs its
        # worker through the iframe-worker shim, served from this site.
        config.theme["features"] = [f for f in config.theme["features"] if not f.startswith("navigation.instant")]
        config.extra["polyfills"] = [offline.SHIM_URL]
    return config


_downloads: list[Path] = []
TS_FSRS_URL = "assets/javascripts/ts-fsrs.js"


def on_pre_build(config) -> None:
    _problems.clear()  # a new build (mkdocs serve rebuilds in the same process)
    if not NO_EXEC:
        proc = subprocess.run([sys.executable, "-m", "scripts.generate"], cwd=ROOT)
        if proc.returncode != 0:
            # Named above, with the snippet's file and line; its pages then miss that output, and say so.
            report("generating snippet outputs or figures failed (details above)")
    timestamp = float(os.environ.get("SOURCE_DATE_EPOCH") or provenance.commit_epoch())
    _downloads[:] = practice.generate(config, typeset, timestamp)


def on_files(files: Files, config) -> Files:
    for download in _downloads:
        files.append(File.generated(config, f"downloads/{download.name}", abs_src_path=str(download)))
    for archive in sorted((GENERATED / "downloads" / "coding").glob("*.zip")):
        # beside the problem's page source (docs/coding/<stem>.md links `<stem>.zip`), so links resolve
        files.append(File.generated(config, f"coding/{archive.name}", abs_src_path=str(archive)))
    for svg in sorted(FIGURES_OUT.glob("*.svg")):
        files.append(File.generated(config, f"figures/{svg.name}", abs_src_path=str(svg)))
    for url, source in QUIZ_ENGINE.items():
        files.append(File.generated(config, url, abs_src_path=str(source)))
    if OFFLINE:
        files.append(File.generated(config, offline.SHIM_URL, abs_src_path=str(IFRAME_WORKER_SHIM)))
    # The flashcards' scheduler (FSRS), from npm; the practice script loads it on the flashcards page only.
    files.append(File.generated(config, TS_FSRS_URL, abs_src_path=str(TS_FSRS)))
    return files


_nav_pages: list = []


def _check_nav_file(config) -> None:
    """docs/.nav.yml lists the round folders in the order of scripts/rounds.py."""
    import yaml

    nav_file = Path(config["docs_dir"]) / ".nav.yml"
    entries = yaml.safe_load(nav_file.read_text(encoding="utf-8")).get("nav", [])
    listed = [e for e in entries if isinstance(e, str) and e in rounds.KEYS]
    if listed != list(rounds.KEYS):
        raise PluginError(
            f"{rel(nav_file)}: the round folders must be listed in the order of scripts/rounds.py "
            f"({', '.join(rounds.KEYS)}); found {', '.join(listed) or 'none'}"
        )


def _sort_rounds(items) -> None:
    """mkdocs-awesome-nav sorts by path, filename or title only: a round's pages go by `order` front matter,
    with the round's index first. (Hook code, because no maintained plugin sorts by a front-matter key.)"""
    for item in items:
        if not item.is_section:
            continue
        _sort_rounds(item.children)
        sources = [Path(c.file.abs_src_path) for c in item.children if c.is_page and c.file.abs_src_path]
        if sources and any(pages.is_question(s) or pages.is_round_index(s) for s in sources):

            def key(child):
                if not child.is_page:
                    return (2, ())
                src = Path(child.file.abs_src_path)
                return (0, ()) if pages.is_round_index(src) else (1, pages.sort_key(src))

            item.children.sort(key=key)


def _flat_pages(items):
    for item in items:
        if item.is_page:
            yield item
        elif item.is_section:
            yield from _flat_pages(item.children)


def on_nav(nav, config, files):
    _check_nav_file(config)
    _sort_rounds(nav.items)
    # The flat page list (previous/next links in the footer, the print page's order) follows the new order.
    nav.pages[:] = list(_flat_pages(nav.items))
    for before, page, after in zip([None, *nav.pages[:-1]], nav.pages, [*nav.pages[1:], None]):
        page.previous_page, page.next_page = before, after
    # print-site (which ran first) keeps the nav to print; leave out sections with every page excluded
    if _printing(config):
        plugin = config.plugins["print-site"]
        plugin.renderer.items = print_page.without_empty_sections(plugin.renderer.items, plugin.config["exclude"])
    _nav_pages[:] = nav.pages
    return nav


@event_priority(100)  # before mkdocs-quiz, which reads page.meta["quiz"] in its own on_page_markdown
def on_page_markdown(markdown: str, page, config, files) -> str:
    errors = pages.check_page_source(Path(page.file.abs_src_path))
    if errors:
        report("\n".join(errors))
        # A stub, so the rest of the build goes on; with its front matter gone, the plugins after this hook
        # (tags, quiz) do not stop the build on what was just reported.
        title = str(page.meta.get("title") or page.file.src_uri)
        page.meta.clear()
        page.meta["title"] = title
        return f"# {title}\n\nThis page failed the build's checks; the build log names each problem.\n"
    if "quiz" not in page.meta and pages.has_quiz(markdown):
        page.meta["quiz"] = {"enabled": True}  # mkdocs-quiz runs only where there is a quiz (mkdocs.yml)
        # Its reset note and score panel are controls, not content: out of the search index (the panel's
        # "Quiz Complete!" heading would otherwise be appended to the Check yourself section's title). A
        # <section>, because Material's search parser matches elements by tag, and the panel nests <div>s.
        for placeholder in (pages.QUIZ_INTRO, pages.QUIZ_RESULTS):
            markdown = markdown.replace(placeholder, f"<section data-search-exclude>\n{placeholder}\n</section>")
    if page.meta.get("summary") and not page.meta.get("description"):
        page.meta["description"] = page.meta["summary"]  # Material's <meta name="description">
    src = Path(page.file.abs_src_path)
    if pages.is_question(src):
        # The question (front matter `title`) becomes the page's h1, so every view of the page (the page
        # itself, the print version, search) starts with it; the source keeps one copy of the title. Under it:
        # the round, the difficulty and the reading time (computed from the page's words and code).
        round_ = rounds.get(page.meta["round"])
        minutes = reading_time.of_file(src).rounded
        meta_line = f"[{round_.title}](index.md) · {page.meta['difficulty']} · {minutes} min read\n{{: .page-meta }}"
        markdown = f"# {page.meta['title']}\n\n{meta_line}\n\n{markdown}"
        markdown += "\n\n" + provenance.verified_with(src.stem) + "\n"
    elif pages.is_round_index(src):
        minutes = reading_time.of_file(src).rounded
        markdown = re.sub(r"^(# .+)$", rf"\1\n\n{minutes} min read\n{{: .page-meta }}", markdown, count=1, flags=re.M)
    return markdown


# `guide:NAME` links in Markdown name build products that are not documentation files (MkDocs would report
# them as broken); they become relative URLs here.
_GUIDE_LINK = re.compile(r'href="guide:([^"]*)"')


def _printing(config) -> bool:
    """print-site is on: the publishing build (mkdocs.yml: `enabled: !ENV [GUIDE_PUBLISH, false]`)."""
    return "print-site" in config.plugins and bool(config.plugins["print-site"].config.get("enabled"))


def _guide_links(content: str, page, config) -> str:
    def replace(m: re.Match) -> str:
        name = m.group(1)
        if name == "print-page":
            if _printing(config):
                return f'href="{config.plugins["print-site"].print_file.url_relative_to(page.file)}"'
            return f'href="{config.site_url}print_page/"'  # `make serve`: the published one
        if name == "offline-zip":
            if OFFLINE or not offline.is_publishing():  # the offline copy does not hold itself; `make serve`
                return f'href="{config.site_url}{offline.ZIP_PATH}"'
            return f'href="{File(offline.ZIP_PATH, "", "", False).url_relative_to(page.file)}"'
        raise PluginError(
            f"{rel(Path(page.file.abs_src_path))}: unknown link 'guide:{name}' (known: guide:print-page, guide:offline-zip)"
        )

    return _GUIDE_LINK.sub(replace, content)


PRACTICE_DATA = {"cards": "cards", "progress": "progress"}  # front matter `practice:` → generated/practice/*.json


@event_priority(50)  # before print-site keeps each page's HTML for its one-page guide
def on_page_content(content: str, page, config, files) -> str:
    content = _guide_links(content, page, config)
    if page.file.src_uri.endswith(".ipynb"):
        content = notebooks.resolve_links(content, page, files)
        name = Path(page.file.src_uri).name
        colab = f"https://colab.research.google.com/github/{config.repo_name}/blob/main/docs/{page.file.src_uri}"
        content = notebooks.clean(content, name, colab)
        minutes = reading_time.of_file(Path(page.file.abs_src_path)).rounded
        content = content.replace("</h1>", f'</h1>\n<p class="page-meta">{minutes} min read</p>', 1)
    if "practice" in page.meta and page.meta["practice"] not in PRACTICE_DATA:
        source = Path(page.file.abs_src_path)
        line = pages.key_line(pages.parse(source), "practice")
        report(f"{rel(source)}:{line}: front matter 'practice' must be one of {', '.join(PRACTICE_DATA)}")
    elif page.meta.get("practice") in PRACTICE_DATA:  # flashcards, mock interview, progress: their data, embedded
        name = PRACTICE_DATA[page.meta["practice"]]
        data = (GENERATED / "practice" / f"{name}.json").read_text(encoding="utf-8").replace("</", "<\\/")
        content += f'\n<script type="application/json" id="practice-{name}">{data}</script>\n'
    round_ = rounds.BY_KEY.get(page.meta.get("round"))
    if round_ and page.file.abs_src_path and pages.is_question(Path(page.file.abs_src_path)):
        # The reader's "read" (or, for a coding problem, "solved") mark, which the practice script fills in.
        content += (
            f'\n<div class="page-progress" data-page="{html.escape(Path(page.file.src_uri).stem)}" '
            f'data-kind="{practice.page_kind(round_)}" data-pagefind-ignore></div>\n'
        )
    return _search_markup(page) + content


def _search_markup(page) -> str:
    """What the search engines read at the top of a page and readers never see.

    `search_terms` in front matter (other names and common misspellings a reader types) go in a hidden
    paragraph: Material's index reads its text, and Pagefind keeps it as the searchable `keywords` metadata
    instead of page text, so its excerpts never show the list. A question page's round, difficulty and tags
    become Pagefind filters on empty elements, which add no words to Material's index."""
    out = []
    terms = page.meta.get("search_terms")
    if terms:
        out.append(
            '<p hidden class="search-terms" data-pagefind-ignore data-pagefind-meta="keywords">'
            f"{html.escape(' '.join(terms))}</p>"
        )
    filters = []
    if page.meta.get("round") in rounds.KEYS:
        filters.append(("round", rounds.get(page.meta["round"]).title))
    if isinstance(page.meta.get("difficulty"), str):
        filters.append(("difficulty", page.meta["difficulty"]))
    filters += [("tag", tag) for tag in page.meta.get("tags") or [] if isinstance(tag, str)]
    out += [f'<span data-pagefind-filter="{html.escape(f"{key}:{value}")}"></span>' for key, value in filters]
    return "".join(line + "\n" for line in out)


# Pagefind indexes only the article of the pages Material's search indexes (not the print page or the 404
# page), which also keeps the header, navigation and footer out of its index.
_ARTICLE = '<article class="md-content__inner md-typeset">'


def _mark_search_body(output: str, page) -> str:
    if (page.meta.get("search") or {}).get("exclude"):
        return output
    return output.replace(_ARTICLE, _ARTICLE.removesuffix(">") + " data-pagefind-body>", 1)


# arithmatex (generic mode) wraps inline math as <span class="arithmatex">\(...\)</span>
# and display math as <div class="arithmatex">\[...\]</div>.
_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])</(?P=tag)>',
    re.S,
)


def _source_line(path: Path, tex: str) -> int:
    text = path.read_text(encoding="utf-8")
    probe = tex.strip().splitlines()[0].strip() if tex.strip() else tex
    index = text.find(probe)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


def typeset(content: str, src_path: Path) -> str:
    def replace(m: re.Match) -> str:
        display = m.group("display") is not None
        tex = html.unescape(m.group("display") if display else m.group("inline"))
        try:
            rendered = renderer().render(tex, display)
        except KatexError as exc:
            line = _source_line(src_path, tex)
            report(f"{rel(src_path)}:{line}: malformed LaTeX {tex.strip()!r}: {exc}")
            return f"<code>{html.escape(tex)}</code>"
        if display:
            return f'<div class="arithmatex" tabindex="0">{rendered}</div>'
        return f'<span class="arithmatex">{rendered}</span>'

    return _MATH.sub(replace, content)


@event_priority(-100)  # after Material's search has indexed the page, so the index keeps the raw TeX
def on_page_context(context, page, config, nav):
    page.content = typeset(page.content, Path(page.file.abs_src_path))
    return context


# print-site lists its stylesheets and script in the site-wide config, so every page loads them, but only its
# own page (rendered apart, in on_post_build) uses them: two render-blocking requests less on every other page.
_PRINT_SITE_ASSETS = re.compile(
    r'<link rel="stylesheet" href="[^"]*css/print-site[\w-]*\.css">\s*|<script src="[^"]*js/print-site\.js"></script>\s*'
)


# mkdocs-quiz inlines its engine (44 KB of script, 10 KB of styles) into every page with a quiz, so no page can
# reuse another's copy from the cache: the site serves the plugin's own two files instead, and each quiz page
# links them (the styles from the head, the script deferred where the plugin put it, after its settings).
_QUIZ_PACKAGE = Path(quiz_plugin.__file__).parent
QUIZ_ENGINE = {
    "assets/quiz/quiz.css": _QUIZ_PACKAGE / "css" / "quiz.css",
    "assets/quiz/quiz.js": _QUIZ_PACKAGE / "js" / "quiz.js",
}


def _link_quiz_engine(output: str, page) -> str:
    if not quiz_plugin.js_script or quiz_plugin.js_script not in output:
        return output
    css, js = (get_relative_url(url, page.url) for url in QUIZ_ENGINE)
    output = output.replace(quiz_plugin.js_script, f'<script src="{js}" defer></script>', 1)
    output = output.replace(quiz_plugin.style, "", 1)
    return output.replace("</head>", f'<link rel="stylesheet" href="{css}">\n</head>', 1)


@event_priority(-100)
def on_post_page(output: str, page, config) -> str:
    output = _mark_search_body(_link_quiz_engine(_PRINT_SITE_ASSETS.sub("", output), page), page)
    # Math outside page.content (a formula in a heading reaches the table of contents and the page title)
    if 'class="arithmatex">\\(' in output or 'class="arithmatex">\\[' in output:
        return typeset(output, Path(page.file.abs_src_path or config.docs_dir))
    return output


def on_post_template(output: str, template_name: str, config) -> str:
    return _PRINT_SITE_ASSETS.sub("", output)  # 404.html


def on_post_build(config) -> None:
    if _problems:
        renderer().close()
        renderer.cache_clear()
        raise PluginError(f"{len(_problems)} problem(s) found, each named above with its file and line")
    # Runs after print-site's on_post_build (hooks come after plugins), which wrote the page with the raw TeX.
    try:
        if _printing(config):
            print_page.finish(config, typeset, _nav_pages)
        # The math font, cut down to the characters of every formula typeset above (pages, cards, print page).
        math_font.write(math_font.characters(renderer().rendered()), Path(config.site_dir) / math_font.URL)
    finally:
        renderer().close()
        renderer.cache_clear()
    if not OFFLINE and offline.wanted(_command["name"]):
        offline.build_zip(config)
