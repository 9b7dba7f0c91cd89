"""Training rules: TF Playground's update, L1's dead weights, divergence,
and agreement with PyTorch where it is installed."""

import numpy as np
import pytest

from playground.engine import Learner, Network
from playground.engine.losses import make_head


def small_problem(seed=0, n=40):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3, 3, (n, 2))
    labels = np.where(x[:, 0] * x[:, 1] > 0, 1.0, -1.0)
    return rng, x, labels


def test_sgd_step_then_penalty_as_tf_playground():
    rng, x, labels = small_problem()
    network = Network(2, [3], "tanh", make_head("classification"), rng)
    before = [w.copy() for w in network.weights]
    bias_before = [b.copy() for b in network.biases]
    grads = network.gradients(x[:10], labels[:10])
    learner = Learner(network, learning_rate=0.1, regularization="L2", regularization_rate=0.3)

    learner.train_batch(x[:10], labels[:10])

    for w0, g, w in zip(before, grads.weights, network.weights):
        np.testing.assert_allclose(w, w0 - 0.1 * g - 0.1 * 0.3 * w0)
    for b0, g, b in zip(bias_before, grads.biases, network.biases):
        np.testing.assert_allclose(b, b0 - 0.1 * g)  # biases are never penalised


def test_l1_weight_crossing_zero_dies_and_stays_dead():
    rng, x, labels = small_problem()
    network = Network(2, [2], "tanh", make_head("classification"), rng)
    network.weights[0][0, 0] = 1e-4  # the L1 step (lr·rate = 0.001) pushes it past zero
    learner = Learner(network, learning_rate=0.1, regularization="L1", regularization_rate=0.01)
    no_x1 = x[:10] * [0.0, 1.0]  # so the data gradient leaves that weight where it is

    learner.train_batch(no_x1, labels[:10])
    assert network.weights[0][0, 0] == 0.0
    assert learner.dead[0][0, 0]

    for _ in range(20):
        learner.train_epoch(x, labels, batch_size=5)
    assert network.weights[0][0, 0] == 0.0
    assert all((w[dead] == 0).all() for w, dead in zip(network.weights, learner.dead))
    assert np.count_nonzero(network.weights[0]) > 0  # the living weights still learn


def test_an_epoch_updates_after_every_full_batch_and_carries_the_leftover_points():
    """TF's ``oneStep``: 23 points in batches of 10 update twice; the last 3 join the next epoch's
    first update, averaged over all 13 points (not a short batch of their own)."""
    rng, x, labels = small_problem(n=23)
    network = Network(2, [3], "relu", make_head("classification"), rng)
    twin = Network(2, [3], "relu", make_head("classification"), np.random.default_rng(0))
    twin.load_dict(network.to_dict())
    by_batch = Learner(twin, learning_rate=0.05)
    for start in (0, 10):
        by_batch.train_batch(x[start : start + 10], labels[start : start + 10])
    carried_and_first = np.r_[20:23, 0:10]
    by_batch.train_batch(x[carried_and_first], labels[carried_and_first])

    learner = Learner(network, learning_rate=0.05)
    learner.train_epoch(x, labels, batch_size=10)
    assert learner.carried is not None and learner.carried[1] == 3
    learner.train_epoch(x[:10], labels[:10], batch_size=10)  # the next epoch's first batch

    assert learner.carried is None
    for a, b in zip(network.parameters(), twin.parameters()):
        np.testing.assert_allclose(a, b, rtol=1e-12)


def test_an_epoch_without_a_full_batch_still_updates_once():
    rng, x, labels = small_problem(n=6)
    network = Network(2, [3], "tanh", make_head("classification"), rng)
    before = network.parameter_vector.copy()
    learner = Learner(network, learning_rate=0.05)
    learner.train_epoch(x, labels, batch_size=10)
    assert learner.carried is None and not np.array_equal(network.parameter_vector, before)


def test_divergence_is_reported_not_raised():
    rng, x, labels = small_problem()
    network = Network(2, [8, 8], "relu", make_head("regression"), rng)
    learner = Learner(network, learning_rate=10.0)
    targets = labels * 1e3

    losses = [learner.train_epoch(x, targets, batch_size=10) for _ in range(60)]

    assert learner.divergence is not None
    assert not np.isfinite(losses[-1])
    weights_after = [p.copy() for p in network.parameters()]
    learner.train_epoch(x, targets, batch_size=10)  # a no-op once diverged
    for a, b in zip(weights_after, network.parameters()):
        np.testing.assert_array_equal(a, b)


def test_training_lowers_the_loss():
    rng, x, labels = small_problem(n=200)
    features = np.column_stack([x, x[:, 0] * x[:, 1]])
    learner = Learner(Network(3, [4], "tanh", make_head("classification"), rng), learning_rate=0.03)
    start = learner.loss(features, labels)
    for _ in range(50):
        learner.train_epoch(features, labels, batch_size=10)
    assert learner.loss(features, labels) < start / 3
    assert learner.accuracy(features, labels) > 0.95


@pytest.mark.parametrize("problem, loss", [("classification", "square"), ("regression", "square"),
                                           ("classification", "cross-entropy")])
def test_json_round_trip_keeps_predictions(problem, loss):
    rng, x, _ = small_problem()
    network = Network(2, [5, 3], "sigmoid", make_head(problem, loss), rng)
    network.biases[-1][:] = 3.0  # outside tanh's near-linear range, so every head predicts differently
    copy = Network.from_json(network.to_json())
    np.testing.assert_array_equal(copy.predict(x), network.predict(x))
    assert copy.head.name == network.head.name


def test_bad_parameters_are_refused_with_a_message():
    network = Network(2, [2], "tanh", make_head("classification"), np.random.default_rng(0))
    with pytest.raises(ValueError, match="finite"):
        network.set_weight(0, 0, 0, float("nan"))
    with pytest.raises(ValueError, match="shapes"):
        network.load_dict({"weights": [[[1.0]]], "biases": [[0.0]]})
    with pytest.raises(ValueError, match="activation"):
        Network(2, [2], "swish")
    with pytest.raises(ValueError, match="neurons"):
        Network(2, [0])


def test_weights_of_another_shape_are_refused_and_the_network_keeps_training_its_own():
    rng, x, labels = small_problem()
    network = Network(2, [3], "tanh", make_head("classification"), rng)
    before = [w.copy() for w in network.weights]

    with pytest.raises(ValueError, match="shapes"):
        network.weights = [np.ones((3, 3)), np.ones((3, 1))]

    for a, b in zip(before, network.weights):
        np.testing.assert_array_equal(a, b)
    network.weights = [w * 2 for w in before]  # same shapes: taken, and training moves them
    Learner(network, learning_rate=0.1).train_epoch(x, labels, batch_size=10)
    assert not np.allclose(network.weights[0], before[0] * 2)
