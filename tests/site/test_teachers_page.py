"""The teachers' page and the lesson guide, as the build writes them: complete, linked, self-contained.

The pages are rendered the way pipeline.build renders them (doc_pages.render into a
folder), which takes a second, so these tests run without the slow parts of the build.
"""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from playground import i18n
from playground.links import STATE_KEYS
from playground.state import HIDABLE_CONTROLS
from sitebuild import doc_pages, link_tables, manifest, page, pipeline
from tests.helpers import ROOT

LANGUAGES = list(i18n.LANGUAGES)
CJK = re.compile(r"[\u4e00-\u9fff]")


class Elements(HTMLParser):
    """Every start tag's attributes, every table's rows of cell texts, every id, the code blocks' texts."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.tables: dict[str, list[list[str]]] = {}
        self.ids: set[str] = set()
        self.code_blocks: list[str] = []
        self._table = self._cell = self._code = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "table":
            kind = (attrs.get("class") or "").split()[-1:]  # "reference state-keys" -> state-keys
            self._table = self.tables.setdefault("".join(kind), [])
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = []
        elif tag == "code" and self.tags[-2][0] == "pre":
            self._code = []

    def handle_endtag(self, tag):
        if tag == "table":
            self._table = None
        elif tag in ("td", "th") and self._cell is not None:
            self._table[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "code" and self._code is not None:
            self.code_blocks.append("".join(self._code))
            self._code = None

    def handle_data(self, data):
        for part in (self._cell, self._code):
            if part is not None:
                part.append(data)

    def body_rows(self, kind: str) -> list[list[str]]:
        return self.tables[kind][1:]  # the first row holds the headings

    def links(self) -> list[str]:
        return [attrs[name] for _, attrs in self.tags for name in ("href", "src") if name in attrs]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The reading pages as the build writes them, beside the static files they use."""
    dist = tmp_path_factory.mktemp("dist")
    for name, source in page.copied_files().items():
        (dist / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dist / name)
    (dist / "index.html").write_text("the playground", encoding="utf-8")
    written = doc_pages.render(dist, ROOT)
    assert sorted(written) == sorted(p.output(language) for p in doc_pages.PAGES for language in LANGUAGES)
    return dist


def teachers(site: Path, language: str) -> Elements:
    return Elements((site / doc_pages.TEACHERS.output(language)).read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_state_key_is_documented_with_its_values_in_the_pages_language(site, language):
    rows = teachers(site, language).body_rows("state-keys")
    assert [row[0] for row in rows] == list(STATE_KEYS)
    for key, meaning, values, default in rows:
        assert meaning and values and default, key
        if language == "zh-CN":
            assert CJK.search(meaning), f"{key}: {meaning!r} is not in Chinese"
    by_key = {row[0]: row for row in rows}
    assert "relu" in by_key["activation"][2] and by_key["activation"][3] == "tanh"
    assert "1" in by_key["batchSize"][2] and "30" in by_key["batchSize"][2]  # the parameter's bounds
    assert "0.00001" in by_key["learningRate"][2]  # the menu's choices, written as a link writes them
    assert by_key["lang"][2] == ", ".join(i18n.LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_hidable_control_and_page_key_is_documented(site, language):
    page_words = teachers(site, language)
    controls = page_words.body_rows("controls")
    assert [row[0] for row in controls] == list(HIDABLE_CONTROLS)
    assert all(hides for _, hides in controls)
    if language == "zh-CN":
        assert all(CJK.search(hides) for _, hides in controls)
    assert [row[0] for row in page_words.body_rows("page-keys")] == ["hide", "lesson", "step", "embed", "parent"]
    lessons = page_words.body_rows("lessons")
    shipped = [path for path in (ROOT / "lessons").glob("[0-9]*.md") if "." not in path.stem]  # English files
    assert len(lessons) == len(shipped) and lessons[2][0] == "xor"  # every lesson shipped, in order


def test_a_key_or_control_without_its_words_stops_the_build(monkeypatch):
    monkeypatch.setattr(link_tables, "HIDABLE_CONTROLS", (*HIDABLE_CONTROLS, "zoomButton"))
    with pytest.raises(RuntimeError, match="teachers.controls.zoomButton"):
        link_tables.controls_table("zh-CN")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_snippet_has_the_specs_attributes(site, language):
    frames = [attrs for block in teachers(site, language).code_blocks
              for tag, attrs in Elements(block).tags if tag == "iframe"]
    assert len(frames) >= 3, "the snippet, in Jupyter Book's raw block, in the embed.js example"
    for attrs in frames:
        assert "sandbox" not in attrs
        assert attrs["src"].startswith(doc_pages.EXAMPLE_SITE + "#") and "embed=1" in attrs["src"]
        assert attrs["title"] == i18n.text("page.title", language)
        assert attrs["width"] == "100%" and attrs["height"].isdigit()
        assert attrs["allow"] == "fullscreen" and attrs["loading"] == "lazy"
        assert attrs["style"] == "border:0; max-width:1200px"


@pytest.mark.parametrize("name", [p.output(language) for p in doc_pages.PAGES for language in LANGUAGES])
def test_links_resolve_to_files_of_the_site_and_nothing_comes_from_another_host(site, name):
    text = (site / name).read_text(encoding="utf-8")
    elements = Elements(text)
    assert not [attrs for tag, attrs in elements.tags if tag in ("script", "link", "img") and
                re.match(r"(https?:)?//", attrs.get("src", attrs.get("href", "")))]
    assert manifest.foreign_urls(name, text.encode()) == []
    for link in elements.links():
        target, _, anchor = link.partition("#")
        assert not re.match(r"[a-z]+:|//", target), f"{name} links to another host: {link}"
        target_file = site / (target or name)
        assert target_file.is_file(), f"{name} links to {link}, which is not in dist"
        if anchor and target_file.suffix == ".html" and target != "index.html":
            assert anchor in Elements(target_file.read_text(encoding="utf-8")).ids, f"{name}: no #{anchor}"


@pytest.mark.parametrize("doc", doc_pages.PAGES, ids=lambda doc: doc.name)
def test_each_page_links_to_its_other_languages_and_back_to_the_playground(site, doc):
    for language in LANGUAGES:
        text = (site / doc.output(language)).read_text(encoding="utf-8")
        assert f'<html lang="{language}">' in text
        assert 'href="index.html"' in text  # no lang=: it would stick to every link copied from there
        for other in LANGUAGES:
            if other != language:
                assert f'<a href="{doc.output(other)}" hreflang="{other}"' in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_teachers_page_and_the_lesson_guide_link_each_other_in_their_language(site, language):
    guide, teachers_page = doc_pages.LESSONS_GUIDE.output(language), doc_pages.TEACHERS.output(language)
    assert f'href="{guide}"' in (site / teachers_page).read_text(encoding="utf-8")
    assert f'href="{teachers_page}"' in (site / guide).read_text(encoding="utf-8")


def test_chinese_lines_wrapped_in_the_source_are_not_split_by_spaces(site):
    text = (site / "teachers.zh-CN.html").read_text(encoding="utf-8")
    assert "一切都在学生自己的浏览器里运行" in text  # wrapped after 在 in zh-CN.md
    assert "同样的设置——同样的数据" in text  # wrapped after the dash
    english = (site / "teachers.html").read_text(encoding="utf-8")
    assert "same setup —\nthe same data" in english  # English keeps its space


def test_the_main_page_links_the_teachers_page_in_its_language(tmp_path):
    boot = {"runtime_wire_bytes": 1, "package_wire_bytes": 1, "pyodide_dir": "pyodide/", "lock": "pyodide/pyodide-lock.json",
            "compiled_image": {"file": "pyodide/site-packages-compiled.img", "integrity": "sha256-"},
            "image": {"file": "pyodide/site-packages.img", "integrity": "sha256-"},
            "stdlib": {"file": "pyodide/python_stdlib.zip", "integrity": "sha256-"}}
    page.render(tmp_path, scripts=[], boot=boot, data_svg="")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<a href="teachers.html" data-page="teachers" data-text="page.teachers_link">For teachers</a>' in index
    assert page.page_words()["pages"]["teachers"] == {"en": "teachers.html", "zh-CN": "teachers.zh-CN.html"}
    assert i18n.text("page.teachers_link", "zh-CN") == "教师指南"


@pytest.fixture
def project(tmp_path):
    """A copy of the site's sources and a project with lessons, so a test may change them."""
    root = tmp_path / "root"
    shutil.copytree(ROOT / "site", root / "site")
    (root / "sitebuild").symlink_to(ROOT / "sitebuild")
    project = tmp_path / "project"
    project.mkdir()
    (project / "playground").symlink_to(ROOT / "playground")
    shutil.copytree(ROOT / "lessons", project / "lessons")
    return root, project


def test_a_changed_page_source_changes_the_build_fingerprint(project, monkeypatch):
    root, project = project
    monkeypatch.setattr(pipeline, "ROOT", root)
    options = pipeline.Options(project=project)
    before = pipeline.fingerprint(options)
    (root / "site" / "teachers" / "zh-CN.md").write_text("# 改了\n", encoding="utf-8")
    after_page = pipeline.fingerprint(options)
    (project / "lessons" / "README.zh-CN.md").write_text("# 改了\n", encoding="utf-8")
    assert len({before, after_page, pipeline.fingerprint(options)}) == 3


def test_a_link_to_a_file_the_site_lacks_stops_the_build(project, tmp_path):
    _, project = project
    guide = project / "lessons" / "README.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nSee [the goals](../playground/lessons/goals.md).\n",
                     encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"README.md: links to \.\./playground/lessons/goals.md"):
        doc_pages.render(tmp_path, project)


def test_an_unknown_insert_stops_the_build(tmp_path):
    source = tmp_path / "en.md"
    with pytest.raises(RuntimeError, match="nothing to insert named 'state-key'"):
        doc_pages._with_inserts("<!-- insert: state-key -->", source, "en", ROOT, tmp_path)
