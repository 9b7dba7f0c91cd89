"""Guided lessons in the built site: a student follows lesson 1 to the end, progress survives a
reload, a teacher's link opens a step, and a lesson's hidden and locked controls are so.

Each test starts from a fresh browser profile (``context``), so no progress is saved before it.
"""
from __future__ import annotations

import json

from playwright.sync_api import expect

from tests.helpers.pages import GOAL_MS, open_page, press, touch_screen, wait_for_address, wait_for_state

LESSON_ONE = "One neuron draws a straight line"


def opened(context, url: str):
    page, log = open_page(context, url)
    assert wait_for_state(page) == "ready"
    return page, log


def lesson_step(page):
    """The lesson panel's "Step k of n" (its panes are in shadow roots, which locators reach)."""
    return page.locator(".np-lesson-step")


def at_step(page, k: int, n: int = 6, title: str | None = None) -> None:
    expect(lesson_step(page)).to_have_text(f"Step {k} of {n}")
    if title:
        assert page.get_by_role("heading", name=title).is_visible()


def play_until_the_goal(page) -> None:
    press(page, "▶ Play")
    page.get_by_text("✓ Goal reached").wait_for(timeout=GOAL_MS)
    press(page, "❚❚ Pause")


def saved_progress(page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('neural-playground.lessons')") or "{}")


def test_a_student_completes_lesson_one(context, base_url, results_dir):
    page, log = opened(context, base_url)
    press(page, "☰ Lessons")
    page.get_by_role("button", name=LESSON_ONE).click()
    at_step(page, 1, title="Meet the playground")
    press(page, "Next ›")

    at_step(page, 2, title="Train the neuron")  # Play until the test loss is below 0.02
    assert page.get_by_role("button", name="Next ›").is_disabled()
    play_until_the_goal(page)
    page.screenshot(path=str(results_dir / "lesson-panel-1280.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    press(page, "Next ›")

    at_step(page, 3)  # Why a straight line? Reading, then Next
    press(page, "Next ›")

    at_step(page, 4)  # Only X₁: switch X₂ off and train
    page.get_by_role("button", name="X₂", exact=True).click()
    wait_for_address(page, "y=false")
    play_until_the_goal(page)
    press(page, "Next ›")

    at_step(page, 5)  # A circle: X₂ back on, the Circle data, 100 epochs
    page.get_by_role("button", name="X₂", exact=True).click()
    page.get_by_role("button", name="Circle", exact=True).click()
    wait_for_address(page, "dataset=circle", "y=true")
    play_until_the_goal(page)
    press(page, "Next ›")

    at_step(page, 6)  # the last step is read: the lesson is complete
    page.get_by_text("✓ Lesson complete").wait_for()
    press(page, "Finish ✓")
    mark = page.locator(".np-lesson-picker").get_by_text("✓ Done")
    mark.wait_for()
    assert saved_progress(page)["lessons"]["one-neuron"]["done"] is True
    assert "lesson=" not in page.evaluate("location.hash")

    page.reload()
    assert wait_for_state(page) == "ready"
    press(page, "☰ Lessons")
    page.locator(".np-lesson-picker").get_by_text("✓ Done").wait_for()
    assert log.console_errors() == [] and log.errors == []


def test_a_reload_comes_back_to_the_step(context, base_url):
    page, log = opened(context, base_url)
    press(page, "☰ Lessons")
    page.get_by_role("button", name=LESSON_ONE).click()
    at_step(page, 1)
    press(page, "Next ›")
    at_step(page, 2)
    assert page.evaluate("location.hash").endswith("&lesson=one-neuron&step=2")
    saved = saved_progress(page)
    assert saved["open"] == "one-neuron"
    assert saved["lessons"]["one-neuron"] == {"version": 1, "step": "train", "steps_done": ["meet"], "done": False}

    page.reload()
    assert wait_for_state(page) == "ready"
    at_step(page, 2)

    page.goto(base_url)  # the bare address: the lesson left open comes back
    assert wait_for_state(page) == "ready"
    at_step(page, 2)
    press(page, "‹ Previous")
    at_step(page, 1)
    assert not page.get_by_role("button", name="Next ›").is_disabled(), "step 1 was done before the reload"
    assert log.console_errors() == [] and log.errors == []


def test_a_teachers_link_opens_its_step_on_a_tablet(chromium, base_url, results_dir):
    with touch_screen(chromium, 768, 1024) as tablet:
        page, log = opened(tablet, base_url + "#lesson=one-neuron&step=2")
        at_step(page, 2, title="Train the neuron")
        address = page.evaluate("location.hash")
        assert "dataset=gauss" in address and address.endswith("&lesson=one-neuron&step=2")
        assert page.evaluate("document.documentElement.scrollWidth") <= 768
        page.screenshot(path=str(results_dir / "lesson-panel-768.png"), full_page=True)
        assert log.console_errors() == [] and log.errors == []


def test_a_link_with_lang_opens_the_lesson_in_chinese(context, base_url, results_dir):
    page, log = opened(context, base_url + "#lang=zh-CN&lesson=one-neuron&step=2")
    expect(lesson_step(page)).to_have_text("第 2 步，共 6 步")
    assert page.get_by_role("heading", name="训练这个神经元").is_visible()
    assert page.get_by_role("button", name="☰ 课程").is_visible()
    assert page.get_by_role("button", name="下一步 ›").is_disabled()
    page.screenshot(path=str(results_dir / "lesson-panel-zh-1280.png"))
    assert log.console_errors() == [] and log.errors == []


def test_an_unknown_lesson_in_a_link_says_so_and_opens_the_list(context, base_url, results_dir):
    page, _ = opened(context, base_url + "#dataset=xor&lesson=no-such-lesson&step=2")
    page.get_by_text("there is no lesson “no-such-lesson”").wait_for()
    assert page.locator(".np-lesson-picker").get_by_role("button", name=LESSON_ONE).is_visible()
    assert "dataset=xor" in page.evaluate("location.hash"), "the rest of the link is used"
    page.screenshot(path=str(results_dir / "lesson-picker-1280.png"))


def test_a_lessons_locked_controls_are_disabled_and_hidden_ones_absent(context, base_url):
    page, log = opened(context, base_url + "#lesson=activation&step=1")  # locks data, layers, X₁ and X₂
    at_step(page, 1, n=5)
    button = page.get_by_role
    locked = [button("button", name="Circle", exact=True), button("button", name="Add a hidden layer"),
              button("button", name="X₁", exact=True)]
    assert all(control.is_disabled() for control in locked)
    assert page.get_by_label("Activation", exact=True).is_enabled()  # the lesson's subject
    assert not page.get_by_label("Learning rate", exact=True).is_visible()
    assert not page.get_by_text("Noise", exact=True).is_visible()

    press(page, "✕ Close")
    expect(page.get_by_label("Learning rate", exact=True)).to_be_visible()  # hidden controls back
    assert not any(control.is_disabled() for control in locked)
    assert "lesson=" not in page.evaluate("location.hash")
    assert log.console_errors() == [] and log.errors == []
