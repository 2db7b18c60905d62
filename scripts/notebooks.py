"""Make mkdocs-jupyter's notebook HTML look and weigh like the rest of the site.

mkdocs-jupyter inlines about 600 KB of JupyterLab CSS into every notebook page, plus a MathJax configuration,
a clipboard script and a mermaid import from a CDN. No option turns these off, so this module rewrites the
page's HTML (with BeautifulSoup) before the search plugin indexes it:

* drops every inlined <style> and <script>, and JupyterLab's clipboard widget (whose hidden copy of each
  cell's source also doubled every code cell in the search index);
* turns code cells into Material code blocks (`.highlight > pre > code`, so Material styles them and adds
  its own copy button);
* marks `$...$` and `$$...$$` in Markdown cells as arithmatex math, typeset by the same KaTeX step as pages;
* adds "Download notebook" and "Open in Colab" links under the title.

Links in Markdown cells point at the Markdown sources (`../fundamentals/bias_variance.md`), as pages do, so
they work on GitHub; `resolve_links` turns them into page URLs as MkDocs does for pages (mkdocs-jupyter
leaves them alone), which keeps them right for the offline copy's `.html` URLs too.
"""

from __future__ import annotations

import html
import posixpath
import re

from bs4 import BeautifulSoup, Comment
from mkdocs.exceptions import PluginError

DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)(.+?)(?<![\\$])\$")


def _mark_math(fragment: str) -> str:
    fragment = DISPLAY_MATH.sub(lambda m: f'<div class="arithmatex">\\[{m.group(1)}\\]</div>', fragment)
    return INLINE_MATH.sub(lambda m: f'<span class="arithmatex">\\({m.group(1)}\\)</span>', fragment)


_MD_LINK = re.compile(r'href="([^":#]+\.md)(#[^"]*)?"')


def resolve_links(content: str, page, files) -> str:
    def replace(m: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), m.group(1)))
        file = files.get_file_from_path(target)
        if file is None:
            raise PluginError(f"docs/{page.file.src_uri}: link to {m.group(1)!r}, which is not in docs/")
        return f'href="{file.url_relative_to(page.file)}{m.group(2) or ""}"'

    return _MD_LINK.sub(replace, content)


def clean(content: str, notebook_name: str, colab_url: str) -> str:
    soup = BeautifulSoup(content, "html.parser")
    for el in soup.select("style, script, .zeroclipboard-container, .clipboard-copy-txt, .jp-Collapser, a.anchor-link"):
        el.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for block in soup.select("div.highlight-ipynb"):
        language = next((c[3:] for c in block.get("class", []) if c.startswith("hl-")), "python")
        block["class"] = ["language-" + language, "highlight"]
        pre = block.find("pre")
        if pre is not None and pre.code is None:
            code = soup.new_tag("code")
            for child in list(pre.children):
                code.append(child.extract())
            pre.append(code)
    for cell in soup.select(".jp-RenderedMarkdown"):
        for p in cell.find_all(["p", "li", "td"]):
            inner = p.decode_contents()
            if "$" not in inner:
                continue
            if p.name == "p" and DISPLAY_MATH.fullmatch(inner.strip()):  # a display formula is not a paragraph
                p.replace_with(BeautifulSoup(_mark_math(inner.strip()), "html.parser"))
                continue
            p.clear()
            p.append(BeautifulSoup(_mark_math(inner), "html.parser"))
    for pre in soup.select(".jp-OutputArea-output pre"):
        pre["tabindex"] = "0"  # a long output scrolls sideways: keyboard users must be able to reach it
    for wrapper in soup.select("[tabindex]"):
        if "jp-Cell-inputWrapper" in wrapper.get("class", []):
            del wrapper["tabindex"]
    links = BeautifulSoup(
        '<p class="lab-links">'
        f'<a class="md-button" href="{html.escape(notebook_name)}" download>Download notebook</a> '
        f'<a class="md-button" href="{html.escape(colab_url)}">Open in Colab</a></p>',
        "html.parser",
    )
    title = soup.find("h1")
    if title is not None:
        title.insert_after(links)
    else:
        soup.insert(0, links)
    return str(soup)
