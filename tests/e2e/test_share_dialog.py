"""The Share / Embed dialog in the built site: a teacher copies the link of a setup, builds an
iframe snippet, previews it, and the snippet pasted into a course page on another origin loads
the playground as chosen.

Screenshots go to test-results/share/ (the dialog in English and Chinese, the preview, the host page).
"""
from __future__ import annotations

import re
from html import escape

import pytest
from playwright.sync_api import expect

from sitebuild import browser
from tests.helpers.pages import READY_TIMEOUT_MS, epoch, open_page, press, wait_for_address, wait_for_state, wait_until

HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Week 3: hidden layers</title></head>
<body style="font-family: sans-serif; margin: 24px">
<h1>Week 3: hidden layers</h1>
<p>Work through the playground below.</p>
{snippet}
</body></html>
"""


SHOTS_FOLDER = "share"
"""Where the screenshots go, in test-results/ (the ``shots`` fixture)."""


@pytest.fixture()
def teacher(chromium, base_url):
    """A browser profile that lets the site use the clipboard, as a teacher's browser does after a click."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    yield context
    context.close()


def ready(context, url: str):
    page, log = open_page(context, url)
    assert wait_for_state(page) == "ready"
    return page, log


def field(page, name: str):
    """The dialog's read-only text: ``link`` or ``snippet``."""
    return page.locator(f".np-share-{name} textarea")


def dialog(page):
    return page.locator(".np-share-dialog")


def tick(page, control: str) -> None:
    page.locator(".np-share-hide label", has_text=control).locator("input").check()


def frame_ready(page, selector: str = "iframe"):
    """The app inside the page's iframe, once it says it is ready."""
    handle = page.locator(selector).element_handle(timeout=READY_TIMEOUT_MS)
    frame = handle.content_frame()
    frame.wait_for_function("document.documentElement.dataset.state", timeout=READY_TIMEOUT_MS)
    assert frame.evaluate("document.documentElement.dataset.state") == "ready"
    return frame


def test_a_teacher_shares_a_setup_and_embeds_a_lesson_in_a_course_page(teacher, base_url, tmp_path, shots):
    page, log = ready(teacher, base_url)
    page.get_by_label("Learning rate", exact=True).select_option(label="0.1")
    wait_for_address(page, "learningRate=0.1&")
    press(page, "▶ Play")

    press(page, "Share / Embed")
    dialog(page).wait_for()
    expect(field(page, "link")).to_have_value(page.evaluate("location.href"))
    link = field(page, "link").input_value()
    assert link.startswith(base_url + "#") and "learningRate=0.1&" in link
    trained = epoch(page)
    wait_until(page, lambda: epoch(page) > trained + 5, "training going on behind the dialog")

    page.locator(".np-share-link button.np-copy").click()
    page.locator(".np-share-link .np-copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == link
    assert not page.locator(".np-share-link .np-refused").is_visible()

    for control in ("Play button", "Speed", "Lessons button", "Language menu"):
        tick(page, control)
    page.get_by_label("Lesson", exact=True).select_option(label="Hidden layers solve XOR")
    page.get_by_label("Step", exact=True).select_option(label="2. Add a hidden layer")
    page.locator(".np-share-language select").select_option(label="简体中文")
    height = page.get_by_label("Height in pixels (300–2000)")
    height.fill("5000")
    height.press("Enter")
    page.locator(".np-share-problem").get_by_text("The previous height is kept").wait_for()
    assert 'height="720"' in field(page, "snippet").input_value()
    height.fill("640")
    height.press("Enter")
    expect(field(page, "snippet")).to_have_value(re.compile('height="640"'))
    assert not page.locator(".np-share-problem").is_visible()
    page.get_by_text("starts this lesson from the lesson's own setup").wait_for()
    snippet = field(page, "snippet").input_value()
    assert snippet.startswith(f'<iframe src="{escape(base_url)}#') and 'title="神经网络游乐场"' in snippet
    assert "lesson=xor&amp;step=2" in snippet and "embed=1" in snippet and "lang=zh-CN" in snippet
    assert 'allow="fullscreen"' in snippet and "sandbox" not in snippet
    page.set_viewport_size({"width": 1280, "height": 1300})  # the whole dialog in the picture
    dialog(page).screenshot(path=str(shots / "dialog-en.png"))

    press(page, "Show preview")
    preview = frame_ready(page, ".np-share-preview-frame iframe")
    preview.get_by_text("加一个隐藏层").first.wait_for()
    page.locator(".np-share-preview-frame iframe").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "preview.png"))
    press(page, "Close preview")
    expect(page.locator(".np-share-preview-frame iframe")).to_have_count(0)  # the preview unloaded

    page.evaluate("document.activeElement && document.activeElement.blur()")
    before = epoch(page)
    for key in ("r", " "):  # the playground's shortcuts do not act behind the dialog
        page.keyboard.press(key)
    page.wait_for_timeout(300)  # the behaviour under test: for 300 ms, the keys change nothing
    assert epoch(page) > before, "training neither reset nor paused by keys pressed over the dialog"
    page.keyboard.press("Escape")
    expect(dialog(page)).to_be_hidden()  # Escape closes it
    running = epoch(page)
    wait_until(page, lambda: epoch(page) > running, "training still going on")
    press(page, "❚❚ Pause")
    assert log.console_errors() == [] and log.errors == []

    (tmp_path / "index.html").write_text(HOST_PAGE.format(snippet=snippet), encoding="utf-8")
    with browser.serving(tmp_path) as host_url:
        assert host_url != base_url  # a second origin: another port
        host, host_log = open_page(teacher, host_url)
        course = frame_ready(host)
        course.get_by_text("加一个隐藏层").first.wait_for()
        assert course.evaluate("document.documentElement.lang") == "zh-CN"
        assert course.get_by_role("button", name="单步 ▸").is_visible()  # what was not hidden stays
        assert not course.get_by_role("button", name="▶ 播放").is_visible()
        assert not course.get_by_role("button", name="☰ 课程").is_visible()
        for menu in ("速度", "语言"):
            assert course.get_by_label(menu, exact=True).count() == 0 or not course.get_by_label(
                menu, exact=True).is_visible()
        frame = host.locator("iframe")
        assert frame.get_attribute("width") == "100%" and frame.get_attribute("height") == "640"
        assert frame.bounding_box()["height"] == 640
        host.screenshot(path=str(shots / "host-page.png"))

        # The snippet grants the frame no clipboard: Copy there selects the text for Ctrl+C instead.
        course.get_by_role("button", name="分享 / 嵌入").click()
        course.locator(".np-share-link button.np-copy").click()
        course.locator(".np-share-link .np-refused").wait_for()
        chosen = course.locator(".np-share-link textarea").evaluate(
            "box => [box.selectionStart, box.selectionEnd, box.value.length]")
        assert chosen[0] == 0 and chosen[1] == chosen[2] > 0
        host.screenshot(path=str(shots / "host-copy-refused.png"))
        assert host_log.errors == [], host_log.errors[0]


def test_the_dialog_speaks_chinese_and_closes_with_its_button(context, base_url, shots):
    page, log = ready(context, base_url + "#lang=zh-CN&lesson=xor&step=3")
    page.set_viewport_size({"width": 1280, "height": 1300})
    press(page, "分享 / 嵌入")
    dialog(page).wait_for()
    # The lesson open here is offered (Bokeh's menus hold their entries' names as values).
    assert page.get_by_label("课程", exact=True).input_value() == "隐藏层解决异或问题"
    assert page.get_by_label("步骤", exact=True).input_value() == "3. 看看里面"
    assert "lesson=xor&step=3" in field(page, "link").input_value()
    assert page.get_by_label("嵌入代码", exact=True).input_value().startswith("<iframe")  # named for screen readers
    page.get_by_text("逐步了解如何嵌入：教师页面").wait_for()
    assert page.locator(".np-share-teachers").get_attribute("href") == "teachers.zh-CN.html"
    dialog(page).screenshot(path=str(shots / "dialog-zh-CN.png"))
    page.locator(".np-share-close button").click()
    expect(dialog(page)).to_be_hidden()
    assert log.console_errors() == [] and log.errors == []


def test_a_link_can_hide_the_share_button(context, base_url):
    page, _ = ready(context, base_url + "#shareButton_hide=true")
    assert page.get_by_role("button", name="☰ Lessons").is_visible()
    assert not page.get_by_role("button", name="Share / Embed").is_visible()
