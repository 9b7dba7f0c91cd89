"""The teachers' page in Chromium: both languages, reached from the main page's header, readable
on a phone, every link of it answered by the site, and the snippets naming the site's own address.

Screenshots (desktop 1280 px and phone 400 px, each language, and the main page's header) go to
test-results/teachers/.
"""
from __future__ import annotations

from urllib.parse import urljoin

import pytest

from playground import i18n
from playground.links import STATE_KEYS
from playground.state import HIDABLE_CONTROLS
from tests.helpers.pages import open_page, touch_screen, wait_for_state

PAGES = {"en": "teachers.html", "zh-CN": "teachers.zh-CN.html"}
HEADINGS = {"en": "Neural Playground for teachers", "zh-CN": "神经网络游乐场：教师指南"}


SHOTS_FOLDER = "teachers"
"""Where the screenshots go, in test-results/ (the ``shots`` fixture)."""


@pytest.mark.parametrize("language", list(PAGES))
def test_the_page_in_each_language(chromium, base_url, shots, language):
    other = next(tag for tag in PAGES if tag != language)
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page, log = open_page(context, base_url + PAGES[language])
        assert page.locator("h1").inner_text() == HEADINGS[language]
        assert page.evaluate("document.documentElement.lang") == language
        assert page.locator("table.state-keys tbody tr").count() == len(STATE_KEYS)
        assert page.locator("table.controls tbody tr").count() == len(HIDABLE_CONTROLS)
        # Served from a web server, the snippets name this site rather than the placeholder.
        snippet = page.locator("pre code.language-html").first.inner_text()
        assert snippet.startswith(f'<iframe src="{base_url}#embed=1')
        assert "school.example/#" not in page.locator("main").inner_text()
        page.screenshot(path=str(shots / f"teachers-{language}-desktop.png"))

        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))"):
            address = urljoin(page.url, href).split("#")[0]
            assert page.request.get(address).status == 200, f"{href} is not answered by the site"

        back = page.get_by_role("link", name=i18n.text("teachers.back", language))
        assert back.get_attribute("href") == "index.html"
        page.locator("header nav").get_by_role("link", name=i18n.LANGUAGES[other]).click()
        page.wait_for_url(base_url + PAGES[other])
        assert page.locator("h1").inner_text() == HEADINGS[other]
        assert log.hosts() == {"127.0.0.1"} and log.errors == [] and log.console_errors() == []
    finally:
        context.close()


@pytest.mark.parametrize("language", list(PAGES))
def test_the_page_reads_on_a_phone(chromium, base_url, shots, language):
    with touch_screen(chromium, 400, 860) as context:
        page, log = open_page(context, base_url + PAGES[language])
        page.screenshot(path=str(shots / f"teachers-{language}-phone.png"))
        # Nothing makes the whole page wider than the phone: wide tables and code scroll in their own box.
        assert page.evaluate("document.documentElement.scrollWidth") <= 400
        assert page.locator("main").bounding_box()["width"] <= 400
        tables = page.locator("table.state-keys")
        tables.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / f"teachers-{language}-phone-table.png"))
        page.locator("pre code.language-html").first.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / f"teachers-{language}-phone-snippet.png"))
        assert log.errors == []


@pytest.mark.parametrize("language", list(PAGES))
def test_the_main_pages_header_links_the_teachers_page_in_its_language(chromium, base_url, shots, language):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page, _ = open_page(context, base_url + f"#lang={language}")
        link = page.locator("header a[data-page=teachers]")
        assert link.inner_text() == i18n.text("page.teachers_link", language)  # before Python runs
        page.locator("header").screenshot(path=str(shots / f"index-header-{language}.png"))
        link.click()
        page.wait_for_url(base_url + PAGES[language])
        assert page.locator("h1").inner_text() == HEADINGS[language]
    finally:
        context.close()


def test_the_header_link_follows_the_apps_language_switch(chromium, base_url):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page, log = open_page(context, base_url)
        assert wait_for_state(page) == "ready"
        link = page.locator("header a[data-page=teachers]")
        assert link.inner_text() == "For teachers" and link.get_attribute("href") == "teachers.html"
        page.get_by_label("Language", exact=True).select_option(label="简体中文")
        page.wait_for_function("document.documentElement.lang === 'zh-CN'")
        assert link.inner_text() == "教师指南"
        assert link.evaluate("a => a.href") == base_url + "teachers.zh-CN.html"
        assert log.errors == []
    finally:
        context.close()


def test_the_snippet_copied_from_the_page_shows_the_lesson_in_a_course_page(chromium, base_url, shots):
    context = chromium.new_context(viewport={"width": 1100, "height": 900})
    try:
        page, _ = open_page(context, base_url + PAGES["en"])
        snippet = page.locator("pre code.language-html").first.inner_text()
        course = context.new_page()
        course.set_content(f"<!doctype html><title>Week 3</title><h1>Week 3: hidden layers</h1>\n{snippet}")
        frame = course.locator("iframe").element_handle().content_frame()
        assert wait_for_state(frame) == "ready"
        frame.get_by_text("Hidden layers solve XOR").first.wait_for()
        course.screenshot(path=str(shots / "snippet-in-a-course-page.png"))
    finally:
        context.close()
