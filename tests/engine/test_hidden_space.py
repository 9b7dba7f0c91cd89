"""The hidden space: two neurons drawn as they are, more by PCA on axes that do not jump between frames."""

import numpy as np
import pytest

from playground.engine import Learner, Network
from playground.engine.hidden_space import hidden_space, output_in_picture
from playground.engine.losses import make_head


def network_and_points(hidden, seed=0):
    rng = np.random.default_rng(seed)
    network = Network(2, hidden, "tanh", make_head("classification"), rng)
    x = rng.uniform(-5, 5, (200, 2))
    return network, x, np.where(x[:, 0] * x[:, 1] > 0, 1.0, -1.0)


def test_a_layer_of_two_neurons_is_drawn_at_its_activations():
    network, x, _ = network_and_points([5, 2])
    space = hidden_space(network, x, 1)
    expected = np.tanh(np.tanh(x @ network.weights[0] + network.biases[0]) @ network.weights[1] + network.biases[1])
    np.testing.assert_allclose(space.activations, expected)
    np.testing.assert_array_equal(space.points, space.activations)


def test_a_wider_layer_is_projected_on_its_two_principal_components():
    network, x, _ = network_and_points([6])
    space = hidden_space(network, x, 0)
    assert space.activations.shape == (200, 6) and space.points.shape == (200, 2)
    np.testing.assert_allclose(space.basis.T @ space.basis, np.eye(2), atol=1e-12)
    variances = np.linalg.eigvalsh(np.cov(space.activations.T, bias=True))
    np.testing.assert_allclose(space.points.var(axis=0).sum(), variances[-2:].sum())
    np.testing.assert_allclose(space.points, (space.activations - space.centre) @ space.basis)


@pytest.mark.parametrize("turn", [
    np.array([[-1.0, 0.0], [0.0, 1.0]]),  # the first axis flipped
    np.array([[0.0, 1.0], [1.0, 0.0]]),  # the axes swapped
    np.array([[np.cos(0.3), -np.sin(0.3)], [np.sin(0.3), np.cos(0.3)]]),  # turned in the plane
])
def test_the_axes_follow_the_last_frames_within_the_same_plane(turn):
    network, x, _ = network_and_points([6])
    first = hidden_space(network, x, 0)
    previous = first.basis @ turn
    again = hidden_space(network, x, 0, previous)
    np.testing.assert_allclose(again.basis, previous, atol=1e-12)


def test_training_moves_the_picture_a_little_not_by_a_jump():
    network, x, labels = network_and_points([8, 8])
    learner = Learner(network, learning_rate=0.03)
    space = hidden_space(network, x, 1)
    for step in range(200):  # a frame after each batch
        rows = slice(step % 20 * 10, step % 20 * 10 + 10)
        learner.train_batch(x[rows], labels[rows])
        following = hidden_space(network, x, 1, space.basis)
        assert np.abs(following.points - space.points).max() < 0.1  # of a picture about 2 wide
        space = following


def test_a_layer_the_network_lacks_is_refused():
    network, x, _ = network_and_points([3])
    with pytest.raises(ValueError, match="1 hidden layers; no layer 1"):
        hidden_space(network, x, 1)


@pytest.mark.parametrize("hidden", [[2], [5, 2], [6, 1], [3, 4]])
def test_the_output_in_the_picture_of_two_neurons_is_the_networks_at_the_points(hidden):
    network, x, _ = network_and_points(hidden)
    layer = len(hidden) - 1
    space = hidden_space(network, x, layer)
    if hidden[-1] <= 2:
        np.testing.assert_allclose(output_in_picture(network, layer, space, space.points), network.predict(x))
    else:  # a projection: the picture's points stand for the activations on its plane
        on_plane = space.centre + (space.activations - space.centre) @ space.basis @ space.basis.T
        np.testing.assert_allclose(output_in_picture(network, layer, space, space.points),
                                   network.output_from(layer, on_plane))


def test_a_diverged_layer_keeps_the_last_axes_and_draws_no_point():
    network, x, _ = network_and_points([6])
    before = hidden_space(network, x, 0)
    network.parameter_vector[:] = np.nan
    space = hidden_space(network, x, 0, before.basis)
    np.testing.assert_array_equal(space.basis, before.basis)
    assert np.isnan(space.points).all()
