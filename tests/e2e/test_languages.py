"""The site in Chinese: from the first paint (a link's lang=, or the browser's language), through
the app's language switch while training goes on, to the error screens."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from playground import i18n
from tests.helpers.pages import RECORD_PROGRESS_JS, epoch, epoch_at_least, open_page, press, wait_for_state

CHINESE_BUTTONS = ["↺ 重置", "▶ 播放", "单步 ▸", "重新生成", "重新初始化权重"]
CHINESE_MENUS = ["学习率", "激活函数", "正则化", "正则化率", "问题类型", "优化器", "速度", "语言"]


def assert_chinese_app(page) -> None:
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    assert page.locator("header h1").inner_text() == "神经网络游乐场"
    for name in CHINESE_BUTTONS:
        assert page.get_by_role("button", name=name, exact=True).is_visible(), name
    for label in CHINESE_MENUS:
        assert page.get_by_label(label, exact=True).is_visible(), label


def test_a_chinese_link_opens_in_chinese_from_the_first_paint(chromium, base_url, results_dir):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})  # an English browser (en-US)
    context.add_init_script(RECORD_PROGRESS_JS)
    try:
        page, log = open_page(context, base_url + "#lang=zh-CN&networkShape=8,8,8,8,8,8&noSuchKey=1")
        assert page.evaluate("document.documentElement.lang") == "zh-CN"  # before Python runs
        assert page.locator("#progress-stage").inner_text().startswith("正在")
        assert [h.inner_text() for h in page.locator(".skeleton h2").all()] == ["数据", "特征", "网络", "输出"]
        assert wait_for_state(page) == "ready"

        texts = " / ".join(text for _, text, _ in page.evaluate("window.progressSeen"))
        for stage in ("正在下载 Python 运行环境…", "正在构建应用…"):
            assert stage in texts, texts
        # The packages download beside the runtime (preloaded), so they may have come before it has.
        assert "正在下载软件包…" in texts or "正在安装软件包…" in texts, texts
        assert_chinese_app(page)
        assert page.get_by_text("6 个隐藏层").is_visible() and page.get_by_text("8个神经元", exact=True).count() == 6
        assert page.get_by_text("链接中有一部分被忽略了：未知的键 'noSuchKey'（值为 '1'）").is_visible()
        assert "lang=zh-CN" in page.evaluate("location.hash")  # the link had it: the address keeps it
        page.screenshot(path=str(results_dir / "app-zh-CN.png"))
        assert log.console_errors() == [] and log.errors == []
    finally:
        context.close()


def test_the_switch_relabels_the_app_while_it_trains(context, base_url, results_dir):
    page, log = open_page(context, base_url)
    assert wait_for_state(page) == "ready"
    assert page.evaluate("document.documentElement.lang") == "en" and "lang=" not in page.evaluate("location.hash")
    press(page, "▶ Play")
    epoch_at_least(page, 30)

    page.get_by_label("Language", exact=True).select_option(label="简体中文")
    page.get_by_role("button", name="❚❚ 暂停").wait_for()
    switched_at = epoch(page)
    epoch_at_least(page, switched_at + 30)  # the same network trains on, never back to 0
    assert "lang=zh-CN" in page.evaluate("location.hash")
    assert page.get_by_label("学习率", exact=True).is_visible() and page.get_by_text("测试损失").is_visible()
    assert page.locator("header h1").inner_text() == "神经网络游乐场"
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    expect(page.get_by_role("slider", name="噪声", exact=True)).to_be_visible()  # sliders renamed too
    tree = page.locator("body").aria_snapshot()
    assert 'img "网络：' in tree and 'button "添加一个隐藏层"' in tree and 'checkbox "显示测试数据"' in tree
    press(page, "❚❚ 暂停")
    page.screenshot(path=str(results_dir / "app-zh-CN-switched.png"))

    page.get_by_label("语言", exact=True).select_option(label="English")
    page.get_by_role("button", name="▶ Play").wait_for()
    assert page.get_by_label("Learning rate", exact=True).is_visible() and epoch(page) > switched_at
    assert "lang=en" in page.evaluate("location.hash") and page.evaluate("document.documentElement.lang") == "en"
    assert log.console_errors() == [] and log.errors == []


def test_a_chinese_browser_opens_in_chinese_without_lang(chromium, base_url):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        page, log = open_page(context, base_url + "#dataset=xor")
        assert wait_for_state(page) == "ready"
        assert_chinese_app(page)
        assert "lang=" not in page.evaluate("location.hash")  # nobody chose it: the link follows each browser
        assert log.console_errors() == [] and log.errors == []
    finally:
        context.close()


@pytest.mark.parametrize("requested, preferred", [
    ("zh-CN", ["en-US"]), (None, ["zh-Hans-CN", "en"]), (None, ["fr-FR", "en-GB"]), ("fr", ["de"]),
    ("EN", []), ("zh", ["en"]), ("", ["zh-TW"]), (None, []),
])
def test_the_page_chooses_the_language_as_python_does(loaded_app, requested, preferred):
    chosen = loaded_app.page.evaluate("([requested, preferred]) => playground.words.choose(requested, preferred)",
                                      [requested, preferred])
    assert chosen == i18n.choose_language(requested, preferred)


def test_the_error_screens_and_banner_speak_chinese(chromium, base_url, results_dir):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        context.add_init_script("delete globalThis.WebAssembly")
        page, log = open_page(context, base_url)
        assert wait_for_state(page, 10_000) == "nowasm"
        assert "此浏览器无法运行 WebAssembly" in page.inner_text("#screen")
        page.screenshot(path=str(results_dir / "screen-no-wasm-zh-CN.png"))
    finally:
        context.close()

    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        page, log = open_page(context, base_url)
        assert wait_for_state(page) == "ready"
        page.evaluate("playground.pyodide.runPython('import panel as pn\\n"
                      "pn.state.add_periodic_callback(lambda: 1 / 0, period=10, count=1)')")
        banner = page.locator("#app-error")
        banner.wait_for(state="visible")
        assert re.search("应用出了点问题：\\s*ZeroDivisionError", banner.inner_text())
        assert banner.get_by_role("button", name="重新加载").is_visible()
        assert banner.get_by_role("button", name="关闭").is_visible()
        page.screenshot(path=str(results_dir / "banner-python-error-zh-CN.png"))
    finally:
        context.close()
