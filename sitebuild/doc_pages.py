"""The site's reading pages: the teachers' page and the lesson-writing guide, in every language.

Each is Markdown a teacher or translator edits (site/teachers/<language>.md,
lessons/README[.<language>].md), rendered with markdown-it-py into site/doc.html. In the
Markdown, ``<!-- insert: NAME -->`` becomes what the code or the build says (link_tables'
tables of a link's keys, controls and lessons; the site's size), so the page cannot fall
out of date; ``<!-- contents -->`` becomes the list of the page's sections.
Links between the Markdown sources (README.zh-CN.md) become links between the pages
(lessons-guide.zh-CN.html); a link to another .md file stops the build, as it would be
broken in dist/.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin

from playground import i18n

from . import link_tables

SITE_DIR = Path(__file__).resolve().parent.parent / "site"
TEMPLATE = SITE_DIR / "doc.html"
#: The embed's message schemas: the app reads them, the site ships them in dist/embed/.
SCHEMAS = sorted((SITE_DIR.parent / "playground" / "embed").glob("*.schema.json"))
#: Where the examples' site address stands; the page puts its own address there when served.
EXAMPLE_SITE = "https://playground.school.example/"
INSERT = re.compile(r"<!-- insert: ([\w-]+) -->")
CONTENTS = "<!-- contents -->"
HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>')
HREF = re.compile(r'href="([^"#:]+\.md)(#[^"]*)?"')
#: Chinese characters and punctuation: a line break between two of them is no space; nor between
#: one and the dashes, quotes and ellipses Chinese text shares with English (——, “”, …).
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
SHARED_PUNCTUATION = re.compile(r"[\u2014\u2018-\u201d\u2026]")


@dataclass(frozen=True)
class DocPage:
    """A page of the site made from one Markdown file per language."""

    name: str
    english: str
    """The English source: ``site/...`` in the site, anything else in the project. A language's
    source is beside it: ``<language>.md`` when the English one is ``en.md``, else ``<stem>.<language>.md``."""

    def source_path(self, project: Path, language: str) -> Path:
        english = SITE_DIR.parent / self.english if self.english.startswith("site/") else project / self.english
        if english.stem == i18n.DEFAULT_LANGUAGE:
            return english.with_name(f"{language}.md")
        return english if language == i18n.DEFAULT_LANGUAGE else english.with_name(f"{english.stem}.{language}.md")

    def output(self, language: str) -> str:
        """The page's file in dist/: teachers.html, teachers.zh-CN.html."""
        return f"{self.name}.html" if language == i18n.DEFAULT_LANGUAGE else f"{self.name}.{language}.html"


TEACHERS = DocPage("teachers", "site/teachers/en.md")
LESSONS_GUIDE = DocPage("lessons-guide", "lessons/README.md")
PAGES = (TEACHERS, LESSONS_GUIDE)


#: The playground. Its links carry no lang=: the address a teacher then copies and shares says only
#: what someone chose, and a link without lang follows each reader's browser.
PLAYGROUND = "index.html"


def render(dist: Path, project: Path) -> list[str]:
    """Write every page in every language into DIST; return their paths relative to DIST."""
    markdown = MarkdownIt("commonmark", {"html": True}).enable("table").use(anchors_plugin, max_level=3)
    markdown.add_render_rule("softbreak", _soft_break)
    written = []
    for page in PAGES:
        if not page.source_path(project, i18n.DEFAULT_LANGUAGE).exists():
            continue  # a project without lessons has no guide to them
        sources = {page.source_path(project, language).name: page.output(language) for language in i18n.LANGUAGES}
        for language in i18n.LANGUAGES:
            source = page.source_path(project, language)
            body = _with_inserts(source.read_text(encoding="utf-8"), source, language, project, dist)
            body = _scrolling_tables(_linked(markdown.render(body), sources, source))
            (dist / page.output(language)).write_text(_page(page, language, _with_contents(body, language)),
                                                      encoding="utf-8")
            written.append(page.output(language))
    return written


def _soft_break(renderer, tokens, index, options, env) -> str:
    """A line break in the source is a space in the page, except between Chinese characters
    (a translator wraps lines too; "你\n自己" must read 你自己)."""
    before = tokens[index - 1].content[-1:] if index else ""
    after = tokens[index + 1].content[:1] if index + 1 < len(tokens) else ""
    chinese = [bool(CJK.match(char)) for char in (before, after)]
    shared = [bool(SHARED_PUNCTUATION.match(char)) for char in (before, after)]
    joined = any(chinese) and all(c or s for c, s in zip(chinese, shared))
    return "" if joined else "\n"


def _with_inserts(text: str, source: Path, language: str, project: Path, dist: Path) -> str:
    """Each ``<!-- insert: NAME -->`` replaced by what NAME makes from the code or the build."""
    inserts = {
        "state-keys": lambda: link_tables.state_keys_table(language),
        "page-keys": lambda: link_tables.page_keys_table(language),
        "controls": lambda: link_tables.controls_table(language),
        "lessons": lambda: link_tables.lessons_table(language, project / "lessons", PLAYGROUND),
        "schemas": lambda: _schema_links(language),
        "site-size": lambda: f"{sum(f.stat().st_size for f in dist.rglob('*') if f.is_file()) / 1e6:.0f}",
    }

    def insert(marker: re.Match) -> str:
        if marker.group(1) not in inserts:
            raise RuntimeError(f"{source}: nothing to insert named {marker.group(1)!r}; there are {', '.join(inserts)}")
        return inserts[marker.group(1)]()

    return INSERT.sub(insert, text)


def _schema_links(language: str) -> str:
    """Links to the message schemas the site ships (playground/embed/*.schema.json, in dist/embed/), each
    with its title."""
    if not SCHEMAS:
        return ""
    items = "".join(map(_schema_item, SCHEMAS))
    return f'<p>{link_tables.word("teachers.schemas", language)}</p>\n<ul class="schemas">{items}</ul>'


def _schema_item(path: Path) -> str:
    title = json.loads(path.read_text(encoding="utf-8")).get("title")
    return f'<li><a href="embed/{path.name}">{path.name}</a>{" — " + html.escape(title) if title else ""}</li>'


def _linked(body: str, sources: dict[str, str], source: Path) -> str:
    """Links to the Markdown sources of this page made links to its pages; any other .md link refused."""
    def page_link(link: re.Match) -> str:
        target, anchor = link.group(1), link.group(2) or ""
        if target not in sources:
            raise RuntimeError(f"{source}: links to {target}, which is not a page of the site")
        return f'href="{sources[target]}{anchor}"'

    return HREF.sub(page_link, body)


def _scrolling_tables(body: str) -> str:
    """The Markdown's tables in a box of their own that scrolls sideways, so a phone's page does not."""
    return re.sub(r"<table>.*?</table>", lambda table: f'<div class="table-scroll">{table.group(0)}</div>',
                  body, flags=re.S)


def _with_contents(body: str, language: str) -> str:
    """``<!-- contents -->`` replaced by a list of links to the page's sections (its h2 headings)."""
    items = "".join(f'<li><a href="#{anchor}">{text}</a></li>' for anchor, text in HEADING.findall(body))
    nav = (f'<nav class="contents" aria-label="{link_tables.word("teachers.contents", language)}">'
           f'<p>{link_tables.word("teachers.contents", language)}</p><ol>{items}</ol></nav>')
    return body.replace(CONTENTS, nav)


def _page(page: DocPage, language: str, body: str) -> str:
    """The HTML page: the site's header with the way back and the other languages, then the body."""
    title = re.search(r"<h1[^>]*>(.*?)</h1>", body)
    others = "".join(f'<a href="{page.output(other)}" hreflang="{other}" lang="{other}">{html.escape(name)}</a>'
                     for other, name in i18n.LANGUAGES.items() if other != language)
    fields = {
        "lang": language,
        "title": re.sub(r"<[^>]+>", "", title.group(1)) if title else page.name,
        "site_title": link_tables.word("page.title", language),
        "home": PLAYGROUND,
        "back": link_tables.word("teachers.back", language),
        # The guide is read from the teachers' page; its header leads back there too.
        "teachers_link": "" if page == TEACHERS else
        f'<a href="{TEACHERS.output(language)}">{link_tables.word("page.teachers_link", language)}</a>',
        "languages_label": link_tables.word("teachers.languages", language),
        "language_links": others,
        "example_site": EXAMPLE_SITE,
        "body": body,
    }
    return re.sub(r"\{\{ (\w+) \}\}", lambda field: fields[field.group(1)], TEMPLATE.read_text(encoding="utf-8"))


def page_files(page: DocPage) -> dict[str, str]:
    """Language -> the page's file, for links that follow the reader's language (index.html's header)."""
    return {language: page.output(language) for language in i18n.LANGUAGES}
