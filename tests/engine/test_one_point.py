"""One point step by step: its numbers are the engine's for a batch of that one point."""

import json

import numpy as np
import pytest

from playground.engine import Learner, Network
from playground.engine.losses import make_head
from playground.engine.one_point import step_through

HEADS = [("classification", "square", 2, 1.0), ("classification", "cross-entropy", 2, -1.0),
         ("classification", "cross-entropy", 3, 2.0), ("regression", "square", 2, 0.4)]


@pytest.mark.parametrize("problem, loss, classes, target", HEADS)
@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid", "linear"])
def test_its_gradients_loss_and_updates_are_the_engines_for_that_point(problem, loss, classes, target, activation):
    rng = np.random.default_rng(3)
    network = Network(3, [4, 3], activation, make_head(problem, loss, classes), rng)
    point = rng.uniform(-2, 2, 3)

    steps = step_through(network, point, target, learning_rate=0.1)
    engine = network.gradients(point[None, :], np.array([target]))

    for layer, expected_w, expected_b in zip(steps.layers, engine.weights, engine.biases):
        np.testing.assert_allclose(layer.weight_gradients, expected_w, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(layer.bias_gradients, expected_b, rtol=1e-12, atol=1e-15)
    assert steps.loss == pytest.approx(engine.loss, rel=1e-12)

    before = [w.copy() for w in network.weights] + [b.copy() for b in network.biases]
    Learner(network, learning_rate=0.1).train_batch(point[None, :], np.array([target]))
    changes = [layer.weight_updates for layer in steps.layers] + [layer.bias_updates for layer in steps.layers]
    for then, now, change in zip(before, network.weights + network.biases, changes):
        np.testing.assert_allclose(now - then, change, rtol=1e-9, atol=1e-15)


def test_the_forward_pass_is_each_neurons_weighted_sum_and_activation():
    network = Network(2, [2], "tanh", make_head("classification"), np.random.default_rng(1))
    steps = step_through(network, [0.5, -1.0], 1.0, learning_rate=0.03)
    hidden, output = steps.layers
    z = np.array([0.5, -1.0]) @ network.weights[0] + network.biases[0]
    np.testing.assert_allclose(hidden.weighted_sums, z)
    np.testing.assert_allclose(hidden.activations, np.tanh(z))
    np.testing.assert_allclose(output.weighted_sums, np.tanh(z) @ network.weights[1] + network.biases[1])
    assert steps.loss == pytest.approx(0.5 * (output.activations[0] - 1.0) ** 2)
    derivative = 1 - np.tanh(z) ** 2
    np.testing.assert_allclose(hidden.deltas, derivative * network.weights[1][:, 0] * output.deltas[0])


def test_it_is_plain_data_for_a_view():
    network = Network(2, [3], "relu", make_head("classification", classes=4), np.random.default_rng(0))
    steps = step_through(network, [1.0, 2.0], 3.0, learning_rate=0.3)
    data = json.loads(json.dumps(steps.to_dict()))
    assert data["target"] == 3.0 and len(data["layers"]) == 2
    assert len(data["layers"][1]["activations"]) == 4 and sum(data["layers"][1]["activations"]) == pytest.approx(1)
    assert np.shape(data["layers"][0]["weight_gradients"]) == (2, 3)
