"""Finish the one-page guide that mkdocs-print-site-plugin writes (print_page/ in the site).

The plugin assembles the page from each page's HTML in on_post_build, after every other page event, so two
things are left to do here (hand-written because the plugin has no hook for them):

- typeset its formulas with KaTeX, as every other page is (the plugin keeps the pages' HTML before the
  hooks' typesetting, which has to wait until the search plugin has indexed the raw TeX);
- make Material's `base` relative: the plugin renders the page with the 404 page's context, whose base is
  the absolute site path, which breaks search on the page in the offline copy (opened from disk);
- point links to pages left out of the print page (practice tools, contributing) at those pages: the plugin
  turns every internal link into an anchor inside the print page, which is dead for an excluded page;
- turn the Check yourself quizzes into an answer key: the plugin copies each page's HTML with the script and
  styles mkdocs-quiz inlined into it, which would run twenty quiz engines on one page with clashing ids.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from bs4.formatter import HTMLFormatter
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url
from mkdocs_print_site_plugin.exclude import exclude
from mkdocs_print_site_plugin.urls import get_page_key

_ID = re.compile(r"""\sid=["']([^"']+)["']""")
_ANCHOR_HREF = re.compile(r'href="#([^"]+)"')
_PAGE_SECTION = re.compile(r'(<section class="print-page" id="([^"]+)"[^>]*>)')


def _pages(items) -> list:
    out = []
    for item in items:
        if item.is_page:
            out.append(item)
        elif item.is_section:
            out.extend(_pages(item.children))
    return out


def without_empty_sections(items: list, excluded: list[str]) -> list:
    """The nav without sections whose pages are all excluded (print-site would print their bare titles)."""
    out = []
    for item in items:
        if item.is_section and all(exclude(p.file.src_path, excluded) for p in _pages(item.children)):
            continue
        out.append(item)
    return out


def prefix_ids(html: str) -> str:
    """Give the ids print-site leaves alone (it renames those of headings, footnotes and list items) their
    page's prefix where a link in the page expects it: code line anchors `__codelineno-0-1`, for one."""
    parts = _PAGE_SECTION.split(html)
    out = [parts[0]]
    for opening, key, body in zip(parts[1::3], parts[2::3], parts[3::3]):
        wanted = {h[len(key) + 1 :] for h in _ANCHOR_HREF.findall(body) if h.startswith(key + "-")}
        ids = set(_ID.findall(body))
        names = wanted & ids
        if names:  # one pass over the page for all its ids (one pass per id took 6 s on the whole guide)
            pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            body = re.sub(rf"""(\s(?:id|name)=["'])({pattern})(["'])""", rf"\g<1>{key}-\g<2>\g<3>", body)
        out += [opening, body]
    return "".join(out)


def relink(html: str, pages: list, print_url: str) -> tuple[str, list[str]]:
    """Dead `#page-key-anchor` links become links to the page itself; returns the HTML and what stays dead."""
    ids = set(_ID.findall(html))
    keys = sorted(((get_page_key(p.url), p) for p in pages), key=lambda kp: -len(kp[0]))
    dead: list[str] = []

    own_key = get_page_key(print_url)

    def replace(m: re.Match) -> str:
        target = m.group(1)
        if target in ids:
            return m.group(0)
        if target == own_key:  # a page's link to the print page itself: its top
            return 'href="#print-site-page"'

        for key, page in keys:
            if target == key or target.startswith(key + "-"):
                if key in ids:  # the page is in the print page, its anchor is not
                    break
                anchor = target[len(key) + 1 :]
                url = get_relative_url(page.url or ".", print_url)
                return f'href="{url}{"#" + anchor if anchor else ""}"'
        dead.append(target)
        return m.group(0)

    return _ANCHOR_HREF.sub(replace, html), dead


# What mkdocs-quiz puts on a page, matched as the plugin writes it: parsing the whole 4 MB page instead takes
# seconds on every build. The hook wraps the plugin's intro (reset) and score panel in <section data-search-exclude>;
# the progress sidebar ends with its mobile twin's </nav>; a quiz ends with its explanation's </section>.
_QUIZ = re.compile(r'<div class="quiz"[^>]*>.*?</section>\s*</div>', re.S)
_QUIZ_PANELS = re.compile(
    r'<section data-search-exclude>.*?</section>\s*|<div id="quiz-progress-sidebar".*?</nav>\s*', re.S
)
_INLINE = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1>\s*", re.S)
# Inside a quiz: its "#" link, submit button and feedback box (the answer key shows every answer's own note).
QUIZ_CONTROLS = ".quiz-header-link, .quiz-button, .quiz-feedback"


def _answer_key(match: re.Match) -> str:
    quiz = BeautifulSoup(match.group(0), "html.parser").div
    for node in quiz.select(QUIZ_CONTROLS):
        node.decompose()
    quiz["class"] = [*quiz["class"], "quiz-answer-key"]
    for node in quiz.select(".hidden"):
        node["class"] = [c for c in node["class"] if c != "hidden"]
    for box in quiz.select("input"):
        box["disabled"] = ""
        if box.has_attr("data-correct"):
            box["checked"] = ""
    return quiz.decode(formatter=_KEEP_ATTRIBUTE_ORDER)


def _without_quiz_engine(match: re.Match) -> str:
    body = match.group(2)
    return "" if "mkdocsQuiz" in body or (match.group(1) == "style" and ".quiz" in body) else match.group(0)


def static_quizzes(html: str) -> str:
    """Each quiz as an answer key: its right answer ticked, every answer's note and the explanation shown; the
    plugin's engine, styles, panels and sidebars removed (one copy per printed page would run at once)."""
    if 'class="quiz"' not in html:
        return html
    html = _INLINE.sub(_without_quiz_engine, _QUIZ_PANELS.sub("", html))
    return _QUIZ.sub(_answer_key, html)


class _AsWritten(HTMLFormatter):
    def attributes(self, tag):  # BeautifulSoup sorts attributes by default; the regexes here expect them as written
        return tag.attrs.items()


_KEEP_ATTRIBUTE_ORDER = _AsWritten()


def finish(config, typeset: Callable[[str, Path], str], pages: list) -> Path:
    plugin = config.plugins["print-site"]
    path = Path(plugin.print_file.abs_dest_path)
    html = path.read_text(encoding="utf-8")
    html = static_quizzes(typeset(html, Path(config.docs_dir)))
    base = get_relative_url(".", plugin.print_file.url)
    html, found = re.subn(r'"base": "[^"]*"', f'"base": "{base}"', html, count=1)
    if not found:
        raise PluginError(f"{plugin.print_file.dest_uri}: Material's configuration (base) not found: theme changed?")
    html = prefix_ids(html)
    html, dead = relink(html, pages, plugin.print_file.url)
    if dead:
        dead = sorted(set(dead))
        more = f" and {len(dead) - 10} more" if len(dead) > 10 else ""
        raise PluginError(f"{plugin.print_file.dest_uri}: links to anchors that are not on the page: {dead[:10]}{more}")
    path.write_text(html, encoding="utf-8")
    return path
