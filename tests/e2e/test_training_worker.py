"""The training worker in Chromium: a second Python that trains while the page draws.

It must train exactly what the page's own Python would (same data, same epochs, same
numbers), and a page whose worker cannot start must still train, in the page.
"""
from __future__ import annotations

from playwright.sync_api import expect

from tests.helpers.pages import epoch_at_least, expect_epoch, open_page, press, shown_test_loss, wait_for_state

WORKER_READY_MS = 60_000
STOP_AT = 80

SAME_AS_HERE_PY = f"""
import gc
from playground.trainer import Trainer
app = next(o for o in gc.get_objects() if type(o).__name__ == 'PlaygroundApp')
here = Trainer(app.session.state)
here.step({STOP_AT})
there = app.session.trainer
same_weights = bool((there.network.parameter_vector == here.network.parameter_vector).all())
[there.epoch, there.history[-1] == here.history[-1], same_weights]
"""


def test_the_worker_trains_the_same_epochs_the_page_would(context, base_url):
    page, log = open_page(context, base_url + f"#dataset=spiral&networkShape=8,8&optimizer=adam&stopAtEpoch={STOP_AT}")
    assert wait_for_state(page) == "ready"
    page.wait_for_function("window.playground.trainingWorker.ready", timeout=WORKER_READY_MS)
    start_loss = shown_test_loss(page)

    press(page, "▶ Play")
    expect_epoch(page, STOP_AT)
    expect(page.get_by_role("button", name="▶ Play")).to_be_visible()  # paused there

    assert page.evaluate("window.playground.trainingWorker.requests") > 0
    assert page.evaluate("code => window.playground.pyodide.runPython(code).toJs()", SAME_AS_HERE_PY) == [
        STOP_AT, True, True]
    assert shown_test_loss(page) < start_loss
    assert log.console_errors() == [] and log.errors == []


def test_without_its_worker_the_page_trains_itself(context, base_url):
    context.route("**/training_worker.js", lambda route: route.abort())
    page, log = open_page(context, base_url + "#dataset=xor")
    assert wait_for_state(page) == "ready"
    page.wait_for_function("window.playground.trainingWorker.failed", timeout=WORKER_READY_MS)

    press(page, "▶ Play")
    epoch_at_least(page, 30)
    press(page, "❚❚ Pause")

    assert page.evaluate("window.playground.trainingWorker.requests") == 0
    assert log.errors == []


def test_a_worker_that_fails_to_start_is_ended_and_the_page_trains_itself(context, base_url):
    # Only the training worker fetches this package's wheel (the page has it in its image): its
    # start fails after its Python began to load, as one that ran out of memory would.
    context.route("**/neural_playground-*.whl", lambda route: route.abort())
    page, log = open_page(context, base_url + "#dataset=xor")
    assert wait_for_state(page) == "ready"
    page.wait_for_function("window.playground.trainingWorker.failed", timeout=WORKER_READY_MS)
    for _ in range(50):  # Playwright hears of the worker's end a moment later
        if not [worker for worker in page.workers if "training_worker" in worker.url]:
            break
        page.wait_for_timeout(100)
    assert not [worker for worker in page.workers if "training_worker" in worker.url]  # ended, its memory freed

    press(page, "▶ Play")
    epoch_at_least(page, 30)
    press(page, "❚❚ Pause")
    assert page.evaluate("window.playground.trainingWorker.requests") == 0
    assert log.errors == []
