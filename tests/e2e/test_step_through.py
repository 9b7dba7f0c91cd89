"""One point, step by step, in the built site: open the view, click a training point on the output map,
walk its steps with the buttons and the keys, and read the engine's numbers for that point; Play goes on
with the view following the weights. Screenshots at 1280 px and in the tablet layout (1024 px)."""
from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import expect

from playground.engine.datasets import DOMAIN
from playground.engine.one_point import step_through
from playground.state import PlaygroundState
from playground.trainer import Trainer
from playground.ui.inside.notation import number
from tests.helpers.pages import epoch_at_least, map_pixel, open_page, press, wait_for_state

SEED = "0.5"
STEP = "section[aria-label^='One point, step by step']"
"""The view's text: the step, its formula and its numbers (a region named for screen readers)."""


@pytest.fixture()
def page(context, base_url):
    page, log = open_page(context, base_url + f"#seed={SEED}")
    assert wait_for_state(page) == "ready"
    yield page
    assert log.console_errors() == [] and log.errors == []


def loneliest_training_point(trainer: Trainer) -> int:
    """The training point farthest from any other: a click a few pixels off still lands nearest it."""
    xy = trainer.dataset.train.xy
    distances = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(distances, np.inf)
    inside = np.abs(xy).max(axis=1) < DOMAIN - 0.5
    return int(np.argmax(np.where(inside, distances.min(axis=1), -1)))


def expect_step(page, *texts: str) -> None:
    for text in texts:
        expect(page.locator(STEP)).to_contain_text(text)


def test_click_a_point_and_walk_its_forward_and_backward_pass(page, results_dir):
    trainer = Trainer(PlaygroundState(seed=SEED))  # the page's setup, at epoch 0
    index = loneliest_training_point(trainer)
    (x1, x2), label = trainer.dataset.train.xy[index], trainer.dataset.train.labels[index]
    expected = step_through(trainer.network, trainer.train_inputs[index], label, trainer.learner.learning_rate)

    press(page, "One point, step by step")
    expect_step(page, "Click a training point on the output map")
    page.mouse.click(*map_pixel(page, x1, x2, DOMAIN))
    expect_step(page, f"Step 1 of 15 · point ({number(x1)}, {number(x2)})", "Forward: neuron 1 of layer 1",
                f"tanh(z) = {number(expected.layers[0].activations[0])}")
    for _ in range(6):
        press(page, "Next ▶")
    expect_step(page, "Step 7 of 15", "Forward: the output", f"o = tanh(z) = {number(expected.layers[-1].activations[0])}")
    press(page, "Next ▶")
    expect_step(page, "The loss", f"= {number(expected.loss)}")
    page.keyboard.press(".")  # the focus still on Next: a button keeps only space and Enter
    expect_step(page, "Backward: the output", f"= {number(expected.layers[-1].deltas[0])}",
                number(expected.layers[-1].weight_updates[0][0]))
    page.keyboard.press(".")
    expect_step(page, "Backward: neuron 1 of layer 2", f"= {number(expected.layers[1].deltas[0])}")
    page.wait_for_timeout(300)
    page.screenshot(path=str(results_dir / "step-through.png"), full_page=True)
    press(page, "◀ Back")
    expect_step(page, "Step 9 of 15", "Backward: the output")

    press(page, "▶ Play")  # training goes on, and the step follows the weights
    epoch_at_least(page, 300)
    press(page, "❚❚ Pause")
    expect(page.locator(STEP)).not_to_contain_text(f"= {number(expected.layers[-1].deltas[0])}")
    expect_step(page, "Step 9 of 15", "Backward: the output")
    page.wait_for_timeout(300)
    page.screenshot(path=str(results_dir / "step-through-trained.png"), full_page=True)
    page.set_viewport_size({"width": 1024, "height": 900})  # a tablet: the columns wrap
    page.wait_for_timeout(500)
    page.screenshot(path=str(results_dir / "step-through-1024.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024
