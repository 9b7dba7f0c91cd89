"""Backpropagation checked against finite differences, for every combination.

The objective is what training minimises: the batch's mean loss plus the
regularization rate times the summed penalty of every weight.
"""

import itertools

import numpy as np
import pytest

from playground.engine import Network
from playground.engine.activations import ACTIVATIONS
from playground.engine.losses import make_head
from playground.engine.regularization import REGULARIZATIONS

HEADS = [("classification", "square"), ("regression", "square"), ("classification", "cross-entropy")]
RATE = 0.03
EPS = 1e-6


def objective(network, regularization, x, targets):
    penalty = sum(regularization.penalty(w).sum() for w in network.weights)
    return network.losses(x, targets).mean() + RATE * penalty


def analytic_gradient(network, regularization, x, targets):
    grads = network.gradients(x, targets)
    weights = [g + RATE * regularization.derivative(w) for g, w in zip(grads.weights, network.weights)]
    return weights + grads.biases


def numeric_gradient(network, regularization, x, targets):
    result = []
    for param in network.parameters():
        grad = np.zeros_like(param)
        for index in np.ndindex(param.shape):
            saved = param[index]
            param[index] = saved + EPS
            above = objective(network, regularization, x, targets)
            param[index] = saved - EPS
            below = objective(network, regularization, x, targets)
            param[index] = saved
            grad[index] = (above - below) / (2 * EPS)
        result.append(grad)
    return result


def assert_backpropagation_matches_finite_differences(network, regularization, x, targets):
    analytic = analytic_gradient(network, regularization, x, targets)
    numeric = numeric_gradient(network, regularization, x, targets)
    for layer, (a, n) in enumerate(zip(analytic, numeric)):
        np.testing.assert_allclose(a, n, rtol=1e-5, atol=1e-8, err_msg=f"parameter array {layer}")


@pytest.mark.parametrize(
    "activation, head, regularization",
    list(itertools.product(ACTIVATIONS, HEADS, REGULARIZATIONS)),
)
def test_backpropagation_matches_finite_differences(activation, head, regularization):
    rng = np.random.default_rng(7)
    network = Network(3, [4, 3], activation, make_head(*head), rng)
    # Larger weights than the default init so every layer matters to the loss.
    network.weights = [w * 3 for w in network.weights]
    x = rng.uniform(-2, 2, (9, 3))
    targets = rng.choice([-1.0, 1.0], 9) if head[0] == "classification" else rng.uniform(-1, 1, 9)
    reg = REGULARIZATIONS[regularization]

    assert_backpropagation_matches_finite_differences(network, reg, x, targets)


def test_a_network_without_hidden_layers_has_the_gradient_of_a_single_neuron():
    rng = np.random.default_rng(3)
    network = Network(2, [], "tanh", make_head("classification"), rng)
    x = rng.normal(size=(5, 2))
    targets = np.array([1.0, -1.0, 1.0, 1.0, -1.0])
    output = np.tanh(x @ network.weights[0][:, 0] + network.biases[0][0])
    delta = (output - targets) * (1 - output**2) / len(x)

    grads = network.gradients(x, targets)

    np.testing.assert_allclose(grads.weights[0][:, 0], x.T @ delta)
    np.testing.assert_allclose(grads.biases[0], [delta.sum()])


@pytest.mark.parametrize("classes", [3, 4])
@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid"])
@pytest.mark.parametrize("regularization", ["none", "L2"])
def test_softmax_cross_entropy_backpropagation_matches_finite_differences(classes, activation, regularization):
    rng = np.random.default_rng(11)
    network = Network(3, [4, 3], activation, make_head("classification", classes=classes), rng)
    network.weights = [w * 3 for w in network.weights]
    x = rng.uniform(-2, 2, (9, 3))
    labels = rng.integers(0, classes, 9).astype(float)
    reg = REGULARIZATIONS[regularization]

    assert_backpropagation_matches_finite_differences(network, reg, x, labels)


def test_softmax_cross_entropy_is_minus_the_log_of_the_labels_probability():
    network = Network(2, [], "tanh", make_head("classification", classes=3), np.random.default_rng(2))
    x = np.array([[0.5, -1.0], [2.0, 1.0]])
    labels = np.array([2.0, 0.0])
    probabilities = network.predict(x)

    np.testing.assert_allclose(probabilities.sum(axis=1), 1)
    np.testing.assert_allclose(network.losses(x, labels), -np.log(probabilities[[0, 1], [2, 0]]))


def test_softmax_stays_finite_for_huge_scores():
    network = Network(1, [], "tanh", make_head("classification", classes=3), init_zero=True)
    network.weights = [np.array([[1000.0, -1000.0, 0.0]])]
    losses = network.losses(np.array([[1.0], [-1.0]]), np.array([0.0, 0.0]))
    np.testing.assert_allclose(losses, [0.0, 2000.0])


@pytest.mark.parametrize("classes", [3, 4])
def test_training_gets_from_one_softmax_pass_the_loss_and_gradient_of_its_parts(classes):
    head = make_head("classification", classes=classes)
    rng = np.random.default_rng(5)
    z = rng.normal(0, 3, (10, classes))
    z[0] = [1000.0, -1000.0, *[0.0] * (classes - 2)]  # huge scores: still finite
    labels = rng.integers(0, classes, 10).astype(float)
    labels[0] = 1.0
    loss, delta = head.mean_loss_and_delta(z, labels)
    probabilities = head.predict(z)
    assert np.isfinite(loss) and loss == pytest.approx(head.loss(z, probabilities, labels).mean(), rel=1e-12)
    np.testing.assert_allclose(delta, head.gradient(z, probabilities, labels) / len(z), rtol=1e-12, atol=1e-15)
