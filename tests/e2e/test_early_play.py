"""Play pressed before Python is ready (issue 12): the skeleton's Play button keeps the press, and
the app starts training as soon as it can, without a second press; pressed again, it does not.
On a slow classroom laptop the page takes seconds to be ready, and a student presses Play at once.

Screenshot: test-results/early-play.png (the skeleton with Play pressed).
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sitebuild import browser
from tests.helpers.pages import epoch, epoch_at_least, open_page, wait_for_state

SKELETON_PLAY = ".skeleton .sk-play"
SCHOOL_LINE_MBIT = 20
"""The site through a school's shared line (sitebuild/serve.py's Uplink): a first visit's 12 MB take
about five seconds, as in a classroom, so the page is still loading when Play is pressed."""


@pytest.fixture()
def slow_url(dist):
    with browser.serving(dist, uplink_mbit=SCHOOL_LINE_MBIT) as url:
        yield url


def loading(page) -> bool:
    return page.evaluate("document.documentElement.dataset.state") is None


def test_play_pressed_while_loading_starts_training_once_ready(context, slow_url, results_dir):
    page, log = open_page(context, slow_url)
    play = page.locator(SKELETON_PLAY)
    play.click()
    expect(play).to_have_text("❚❚ Pause")
    expect(play).to_have_attribute("aria-pressed", "true")
    assert loading(page), "the page was ready before Play could be pressed early"
    page.screenshot(path=str(results_dir / "early-play.png"))
    assert wait_for_state(page) == "ready"
    epoch_at_least(page, 3)  # nobody pressed the app's own Play
    expect(page.get_by_role("button", name="❚❚ Pause")).to_be_visible()
    assert not log.errors


def test_play_pressed_twice_while_loading_leaves_the_network_untrained(context, slow_url):
    page, log = open_page(context, f"{slow_url}#lang=zh-CN")
    play = page.locator(SKELETON_PLAY)
    expect(play).to_have_text("▶ 播放")
    play.click()
    expect(play).to_have_text("❚❚ 暂停")
    play.click()
    expect(play).to_have_text("▶ 播放")
    assert loading(page)
    assert wait_for_state(page) == "ready"
    page.wait_for_timeout(1500)
    assert epoch(page) == 0
    expect(page.get_by_role("button", name="▶ 播放")).to_be_visible()


def test_a_link_that_hides_play_hides_it_while_loading_too(context, slow_url):
    page, log = open_page(context, f"{slow_url}#hide=playButton")
    expect(page.locator(".skeleton .ph-play")).to_be_visible()
    expect(page.locator(SKELETON_PLAY)).to_be_hidden()
    assert loading(page)


def test_once_ready_the_only_play_button_is_the_apps(context, base_url):
    page, log = open_page(context, base_url)
    assert wait_for_state(page) == "ready"
    expect(page.locator(".skeleton")).to_have_count(0)
    expect(page.get_by_role("button", name="▶ Play")).to_have_count(1)
