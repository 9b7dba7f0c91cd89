"""A TF Playground link gives TF's own picture: its points, its first weights, its losses.

The oracle is TF Playground's own code run on twelve setups and two seeds each
(``tests/tfp_reference/``, with a README on how it was made). TF's arithmetic in
its data is ours exactly; only ``sin``, ``cos`` and ``log`` may differ in the last
bit between JavaScript's engines and C's, so coordinates made with them are
compared to a few ulps of the view's scale, all others bit for bit.
"""

import json

import numpy as np
import pytest

from playground.cli import main
from playground.engine.datasets import DOMAIN, make_dataset
from playground.engine.seedrandom import SeedRandom
from playground.links import decode
from playground.trainer import Trainer
from playground.worker.protocol import adopt, request
from playground.worker.worker import Worker
from tests.helpers import ROOT

REFERENCE = ROOT / "tests" / "tfp_reference"
SETUPS = {path.stem: json.loads(path.read_text()) for path in sorted(REFERENCE.glob("*.json"))}
RUNS = [(name, index) for name, setup in SETUPS.items() for index in range(len(setup["runs"]))]
CHAOTIC = {"spiral-7-inputs-6x8-relu": 30}
"""Setups where a 1-ulp change grows into another curve, and the epochs still comparable."""
TRANSCENDENTAL = ("circle", "gauss", "spiral")
"""Data sets made with ``sin``, ``cos`` or ``log``."""
LAST_BITS = 2 * np.spacing(DOMAIN)


def link_of(name: str, index: int) -> str:
    setup = SETUPS[name]
    return f"#{setup['fragment']}&seed={setup['runs'][index]['seed']}"


def trainer_of(name: str, index: int) -> Trainer:
    state, _ = decode(link_of(name, index))
    return Trainer(state)


def test_the_stream_is_seedrandoms():
    """seedrandom's documented first draw for 'hello.', and the first of the references' seeds."""
    assert SeedRandom("hello.").random() == 0.9282578795792454
    assert SeedRandom("hello.").random(3)[2] == SeedRandom("hello.").random(3)[2] == 0.7316977468919549
    assert SeedRandom("0.66230").random() == 0.7187351007166869
    stream = SeedRandom("x")
    stream.random(10)
    twin = stream.copy()
    np.testing.assert_array_equal(stream.random(5), twin.random(5))


@pytest.mark.parametrize(("name", "index"), RUNS)
def test_points_in_tfs_shuffled_order(name, index):
    setup, run = SETUPS[name], SETUPS[name]["runs"][index]
    state = setup["state"]
    dataset = make_dataset(state["active_dataset"], state["noise"], state["percTrainData"], run["seed"])
    for part in ("train", "test"):
        expected = np.array(run["data"][part])
        points = getattr(dataset, part)
        np.testing.assert_array_equal(points.labels, expected[:, 2])
        if state["active_dataset"] in TRANSCENDENTAL:
            np.testing.assert_allclose(points.xy, expected[:, :2], rtol=0, atol=LAST_BITS)
        else:
            np.testing.assert_array_equal(points.xy, expected[:, :2])


@pytest.mark.parametrize(("name", "index"), RUNS)
def test_first_weights_bit_for_bit_in_tfs_draw_order(name, index):
    run = SETUPS[name]["runs"][index]
    network = trainer_of(name, index).network
    for weights, biases, expected in zip(network.weights, network.biases, run["initial"]["layers"]):
        np.testing.assert_array_equal(weights, expected["weights"])
        np.testing.assert_array_equal(biases, expected["biases"])
    drawn = np.concatenate([weights.T.ravel() for weights in network.weights])  # destination outer, source inner
    if not SETUPS[name]["state"]["initZero"]:
        np.testing.assert_array_equal(drawn, run["initial"]["draw_order"])


@pytest.mark.parametrize(("name", "index"), RUNS)
def test_losses_of_100_epochs_and_final_weights(name, index):
    run = SETUPS[name]["runs"][index]
    epochs = CHAOTIC.get(name, 100)
    trainer = trainer_of(name, index)
    trainer.step(epochs)
    np.testing.assert_allclose([m.train_loss for m in trainer.history], run["train_loss"][: epochs + 1],
                               rtol=0, atol=1e-9)
    np.testing.assert_allclose([m.test_loss for m in trainer.history], run["test_loss"][: epochs + 1],
                               rtol=0, atol=1e-9)
    if name not in CHAOTIC:
        for weights, expected in zip(trainer.network.weights, run["final"]["layers"]):
            np.testing.assert_allclose(weights, expected["weights"], rtol=0, atol=1e-9)


def test_the_worker_trains_tfs_epochs_too():
    """Leftover points at batch 30, trained in frames by the worker: TF's losses still."""
    run = SETUPS["spiral-leftover-batch30"]["runs"][0]
    trainer = trainer_of("spiral-leftover-batch30", 0)
    for _ in range(10):
        sent, message = request(trainer, 0.05, 5, 0)
        adopt(trainer, sent, Worker().handle(message))
    assert trainer.epoch == 50
    np.testing.assert_allclose([m.test_loss for m in trainer.history], run["test_loss"][:51], rtol=0, atol=1e-9)


def test_from_url_prints_tfs_losses(capsys):
    run = SETUPS["spiral-leftover-batch30"]["runs"][1]
    link = "https://playground.tensorflow.org/" + link_of("spiral-leftover-batch30", 1)
    assert main(["from-url", link, "--epochs", "100", "--json"]) == 0
    history = json.loads(capsys.readouterr().out)["history"]
    np.testing.assert_allclose([m["test_loss"] for m in history], run["test_loss"], rtol=0, atol=1e-9)
    np.testing.assert_allclose([m["train_loss"] for m in history], run["train_loss"], rtol=0, atol=1e-9)


def test_a_link_with_noise_above_80_gives_tfs_picture_at_50():
    run = SETUPS["noise-85-clamped"]["runs"][0]
    state, warnings = decode(link_of("noise-85-clamped", 0))
    assert state.noise == 50 and len(warnings) == 1
    np.testing.assert_array_equal(Trainer(state).dataset.train.labels, np.array(run["data"]["train"])[:, 2])
