"""Gradient flow: each layer's gradient norm checked against finite differences, its update norm
against the weights' own change, and the vanishing gradients of a deep sigmoid network seen in it."""

import numpy as np
import pytest

from playground.engine import Learner, Network
from playground.engine.gradient_flow import gradient_flow
from playground.engine.losses import make_head
from playground.state import PlaygroundState
from playground.trainer import Trainer

EPS = 1e-6


def finite_difference_norms(network, x, targets):
    norms = []
    for weights in network.weights:
        gradient = np.zeros_like(weights)
        for index in np.ndindex(weights.shape):
            saved = weights[index]
            weights[index] = saved + EPS
            above = network.losses(x, targets).mean()
            weights[index] = saved - EPS
            below = network.losses(x, targets).mean()
            weights[index] = saved
            gradient[index] = (above - below) / (2 * EPS)
        norms.append(np.linalg.norm(gradient))
    return norms


@pytest.mark.parametrize("classes", [2, 3])
def test_gradient_norms_match_finite_differences_and_updates_the_weights_change(classes):
    rng = np.random.default_rng(4)
    network = Network(2, [5, 4], "tanh", make_head("classification", "cross-entropy", classes), rng)
    x = rng.uniform(-3, 3, (40, 2))
    targets = rng.integers(0, 3, 40).astype(float) if classes == 3 else rng.choice([-1.0, 1.0], 40)
    before = network.parameter_vector.copy()
    weights_before = [w.copy() for w in network.weights]
    learner = Learner(network, learning_rate=0.3, optimizer="adam", regularization="L2", regularization_rate=0.01)
    learner.train_epoch(x, targets, batch_size=10)

    flow = gradient_flow(network, x, targets, before)

    np.testing.assert_allclose(flow.gradients, finite_difference_norms(network, x, targets), rtol=1e-6)
    np.testing.assert_allclose(flow.updates, [np.linalg.norm(w - b) for w, b in zip(network.weights, weights_before)])
    assert all(update > 0 for update in flow.updates)


def test_the_trainer_records_the_flow_only_when_asked():
    trainer = Trainer(PlaygroundState(dataset="xor", networkShape=[4, 2]))
    trainer.step(2)
    assert all(metrics.gradient_flow is None for metrics in trainer.history)
    assert "gradient_flow" not in trainer.history[-1].to_dict()

    trainer.track_gradients = True
    before = trainer.network.parameter_vector.copy()
    trainer.step(1)
    flow = trainer.history[-1].gradient_flow
    assert len(flow.gradients) == len(flow.updates) == 3
    assert flow == gradient_flow(trainer.network, trainer.train_inputs, trainer.dataset.train.labels, before)


def test_a_deep_sigmoid_network_shows_its_gradients_vanishing_towards_the_inputs():
    trainer = Trainer(PlaygroundState(dataset="circle", activation="sigmoid", networkShape=[8] * 6, seed="0.5"))
    trainer.track_gradients = True
    gradients = trainer.step(1).gradient_flow.gradients
    assert gradients[0] < gradients[-1] / 100
