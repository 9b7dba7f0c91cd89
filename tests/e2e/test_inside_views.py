"""Inside the network's Gradient flow and Hidden space in the built site: not loaded until opened, drawn
while the training worker trains, in the tablet layout too.

Screenshots go to test-results/inside/: the whole page with both views open and trained, each view
before and after training, and the tablet layout.
"""
from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.helpers.pages import GOAL_MS, epoch_at_least, open_page, press, touch_screen, wait_for_state, wait_until

LINK = "dataset=xor&networkShape=4,2&seed=0.31415"
WORKER_READY_MS = 60_000
VIEW_MODULES = ("playground.ui.inside.gradient_flow", "playground.ui.inside.hidden_space",
                "playground.views.gradient_flow", "playground.views.hidden_space")
FLOW = "[aria-label^='Gradient flow:']"
SPACE = "[aria-label^='Hidden space:']"

# What reached the page's Python: the epochs of the history with a gradient flow (the worker trains them),
# and whether the trainer is asked for it.
TRACKED_PY = """
import gc
app = next(o for o in gc.get_objects() if type(o).__name__ == 'PlaygroundApp')
trainer = app.session.trainer
[sum(m.gradient_flow is not None for m in trainer.history), trainer.track_gradients]
"""


SHOTS_FOLDER = "inside"
"""Where the screenshots go, in test-results/ (the ``shots`` fixture)."""


def python(page, code: str):
    return page.evaluate("code => window.playground.pyodide.runPython(code).toJs()", code)


def test_both_views_open_and_change_as_the_network_trains(context, base_url, shots):
    page, log = open_page(context, f"{base_url}#{LINK}")
    assert wait_for_state(page) == "ready"
    page.wait_for_function("window.playground.trainingWorker.ready", timeout=WORKER_READY_MS)
    loaded = f"import sys; [name for name in {VIEW_MODULES!r} if name in sys.modules]"
    assert python(page, loaded) == []  # closed, a view costs the start nothing

    page.get_by_role("button", name="Gradient flow", exact=True).click()
    page.get_by_role("button", name="Hidden space", exact=True).click()
    flow, space = page.locator(FLOW), page.locator(SPACE)
    expect(flow).to_be_visible()
    expect(space).to_be_visible()
    expect(page.get_by_text("Each data point where layer 2 puts it")).to_be_visible()
    space.scroll_into_view_if_needed()
    flow_before = flow.screenshot(path=str(shots / "gradient-flow-epoch-0.png"))
    space_before = space.screenshot(path=str(shots / "hidden-space-epoch-0.png"))

    press(page, "▶ Play")
    epoch_at_least(page, 150)
    press(page, "❚❚ Pause")
    epochs_with_flow, tracked = python(page, TRACKED_PY)
    assert epochs_with_flow >= 100 and tracked  # the worker's epochs brought their gradient flow

    space.scroll_into_view_if_needed()
    assert flow.screenshot(path=str(shots / "gradient-flow-trained.png")) != flow_before
    space_trained = space.screenshot(path=str(shots / "hidden-space-trained.png"))
    assert space_trained != space_before

    page.locator(".np-epoch-shown .noUi-handle").focus()  # paused, the slider goes back: by keyboard
    page.keyboard.press("Home")
    expect(page.get_by_role("slider", name="Epoch shown")).to_have_attribute("aria-valuenow", re.compile(r"^0(\.0+)?$"))
    wait_until(page, lambda: space.screenshot() != space_trained, "the picture of epoch 0")
    space.screenshot(path=str(shots / "hidden-space-back-at-epoch-0.png"))
    page.get_by_label("Hidden layer", exact=True).select_option(label="layer 1")
    expect(page.get_by_text("Layer 1 has 4 neurons")).to_be_visible()
    space.screenshot(path=str(shots / "hidden-space-layer-1-pca.png"))
    page.screenshot(path=str(shots / "both-views-trained.png"), full_page=True)
    page.locator(".np-inside").screenshot(path=str(shots / "inside-column.png"))  # the README's

    page.get_by_role("button", name="Gradient flow", exact=True).click()  # closed: no longer tracked
    expect(flow).to_have_count(0)
    assert python(page, TRACKED_PY)[1] is False
    assert log.console_errors() == [] and log.errors == []


def test_the_views_fit_the_tablet_layout(chromium, base_url, shots):
    with touch_screen(chromium, 1024, 768) as tablet:
        page, log = open_page(tablet, f"{base_url}#{LINK}&lang=zh-CN")
        assert wait_for_state(page) == "ready"
        page.get_by_role("button", name="梯度流", exact=True).tap()
        page.get_by_role("button", name="隐藏空间", exact=True).tap()
        expect(page.locator("[aria-label^='梯度流：']")).to_be_visible()
        expect(page.locator("[aria-label^='隐藏空间：']")).to_be_visible()
        press(page, "▶ 播放")
        epoch_at_least(page, 100)
        press(page, "❚❚ 暂停")
        assert page.evaluate("document.documentElement.scrollWidth") <= 1024
        page.screenshot(path=str(shots / "tablet-1024-zh-CN.png"), full_page=True)
        assert log.console_errors() == [] and log.errors == []


def test_a_lesson_opens_the_view_it_uses(context, base_url, shots):
    page, log = open_page(context, f"{base_url}#lesson=hidden-space&step=2")
    assert wait_for_state(page) == "ready"
    expect(page.locator(SPACE)).to_be_visible()
    press(page, "▶ Play")
    expect(page.get_by_text("Goal reached")).to_be_visible(timeout=GOAL_MS)
    press(page, "❚❚ Pause")
    page.screenshot(path=str(shots / "lesson-11-hidden-space.png"), full_page=True)
    assert log.console_errors() == [] and log.errors == []
