"""The built site in Firefox and in WebKitGTK (Safari's engine), as a student first meets it:
it loads, Play trains (the epoch moves), a lesson opens, and the page reports no error and
fetches nothing from another host. Chromium does all this and more in the other e2e tests.

Skipped, with the reason, where a browser or its driver is absent; tests/run.sh installs
them on Debian (firefox-esr; webkit2gtk-driver and xvfb). Screenshots: test-results/
{firefox,webkit}-trained.png and -lesson.png.
"""
from __future__ import annotations

import time

import pytest

from sitebuild import firefox, webkit
from tests.helpers.pages import READY_TIMEOUT_MS, WAIT_MS

# Selenium's own WebKitGTK driver sets an address its RemoteConnection has deprecated.
pytestmark = pytest.mark.filterwarnings("ignore:setting remote_server_addr:DeprecationWarning")
ENGINES = {"firefox": firefox, "webkit": webkit}
LESSON_ONE = "One neuron draws a straight line"
EPOCHS = 30
"""Epochs a student sees pass before we call it training (a few seconds in the slowest engine)."""


def button(label: str) -> str:
    return f"deep('button', {label!r})"


def wait_for_button(page, label: str) -> None:
    wait_until(lambda: page.run(f"return {button(label)} !== null"), f"the button {label}")


def press(page, label: str) -> None:
    """Click the button labelled ``label`` once it is there."""
    wait_for_button(page, label)
    page.click(button(label))


def shown_epoch(page) -> int:
    """The epoch the app shows (its only .np-value, in the shadow root of .np-epoch)."""
    return int(page.run("return deep('.np-value').textContent").replace(",", ""))


def playground_state(page) -> str:
    """The loader's state (ready, error, missing, file, nowasm; empty while loading)."""
    return page.run("return document.documentElement.dataset.state || ''")


def wait_until(condition, what: str, timeout_ms: int = WAIT_MS):
    deadline = time.monotonic() + timeout_ms / 1000
    while not (value := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.25)
    return value


@pytest.fixture(params=sorted(ENGINES))
def page(request):
    engine = ENGINES[request.param]
    why = engine.missing()
    if why:
        pytest.skip(f"{request.param}: {why}")
    with engine.launch() as page:
        yield page


def test_a_student_plays_and_opens_a_lesson(page, base_url, results_dir, request):
    name = request.node.callspec.params["page"]
    page.open(base_url)
    state = wait_until(lambda: playground_state(page), "the app to load", READY_TIMEOUT_MS)
    assert state == "ready", page.run("return document.getElementById('screen').innerText")
    assert shown_epoch(page) == 0

    press(page, "▶ Play")
    wait_for_button(page, "❚❚ Pause")
    wait_until(lambda: shown_epoch(page) >= EPOCHS, f"epoch {EPOCHS} ({page.engine} {page.version})")
    page.screenshot(results_dir / f"{name}-trained.png")
    press(page, "❚❚ Pause")
    wait_for_button(page, "▶ Play")

    press(page, "☰ Lessons")
    press(page, LESSON_ONE)
    wait_until(lambda: page.run("return deep('.np-lesson-step')?.textContent") == "Step 1 of 6", "lesson 1, step 1")
    page.screenshot(results_dir / f"{name}-lesson.png")

    assert page.errors() == []
    assert page.run("return document.getElementById('app-error').hidden") is True
    hosts = page.run("return [...new Set(performance.getEntriesByType('resource').map((r) => new URL(r.name).hostname))]")
    assert set(hosts) <= {"127.0.0.1"}, hosts
