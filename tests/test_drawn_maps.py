"""The maps the views draw are the network's predictions.

The views are given the trainer's maps: its picture (the output's map and every neuron's
thumbnail, made here or by the training worker) and ``neuron_maps`` (a neuron shown large, the
diagram's first draw). Each is checked against a plain forward pass written here from the
network's weights and biases, and so are the engine's three forward passes: ``forward``,
``layer_outputs`` (the maps' float32 pass) and backprop's own.
"""

import numpy as np
import pytest

from playground.engine.features import feature_matrix
from playground.state import PlaygroundState
from playground.trainer import GRID, THUMBNAIL_ROWS, Trainer
from playground.worker.protocol import adopt, request
from playground.worker.worker import Worker

INPUTS = {
    "x": lambda x1, x2: x1, "y": lambda x1, x2: x2, "xSquared": lambda x1, x2: x1 ** 2,
    "ySquared": lambda x1, x2: x2 ** 2, "xTimesY": lambda x1, x2: x1 * x2, "sinX": lambda x1, x2: np.sin(x1),
    "sinY": lambda x1, x2: np.sin(x2), "cosX": lambda x1, x2: np.cos(x1), "cosY": lambda x1, x2: np.cos(x2),
}
HIDDEN = {
    "tanh": np.tanh, "relu": lambda z: np.maximum(z, 0), "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "linear": lambda z: z, "leakyrelu": lambda z: np.where(z > 0, z, 0.01 * z),
    "elu": lambda z: np.where(z > 0, z, np.exp(np.minimum(z, 0)) - 1), "softplus": lambda z: np.log1p(np.exp(z)),
}
OUTPUT = {  # by head: a classifier's tanh, a regression's identity, cross-entropy's 2σ(z) − 1
    "tanh+square": np.tanh, "linear+square": lambda z: z, "sigmoid+cross-entropy": lambda z: 2 / (1 + np.exp(-z)) - 1,
}
EVERY_INPUT = {key: True for key in INPUTS}
SETUPS = {
    "circle 4,2 tanh (the default)": {},
    "spiral 8,8,8 relu, every input, adam": dict(dataset="spiral", networkShape=[8, 8, 8], activation="relu",
                                                 optimizer="adam", **EVERY_INPUT),
    "xor 3 sigmoid, cross-entropy, x1x2 only": dict(dataset="xor", networkShape=[3], activation="sigmoid",
                                                    loss="cross-entropy", x=False, y=False, xTimesY=True),
    "regression 5,3 softplus, L2": dict(problem="regression", regDataset="reg-gauss", networkShape=[5, 3],
                                        activation="softplus", regularization="L2", regularizationRate=0.003,
                                        xSquared=True),
    "circle 6,6 elu, L1, momentum": dict(networkShape=[6, 6], activation="elu", regularization="L1",
                                         regularizationRate=0.001, optimizer="momentum", sinX=True),
    "xor 5 leaky relu": dict(dataset="xor", networkShape=[5], activation="leakyrelu", learningRate=0.1),
    "gauss, no hidden layer, linear": dict(dataset="gauss", networkShape=[], activation="linear"),
}
KEPT = ["circle 4,2 tanh (the default)", "spiral 8,8,8 relu, every input, adam", "xor 3 sigmoid, cross-entropy, x1x2 only"]
"""Setups whose pictures are checked as later pictures are made: each of the pass's own forms (tanh, relu, sigmoid)."""
EPOCHS = 40
FLOAT32 = dict(rtol=1e-5, atol=1e-5)
"""The maps are float32 (``layer_outputs``): 7 digits, more than a colour shows."""
FLOAT64 = dict(rtol=1e-9, atol=1e-12)
"""A few ulps: large arrays' tanh goes through exp."""


def plain_forward(trainer: Trainer, points: np.ndarray) -> list[np.ndarray]:
    """Every neuron's output at ``points``, [inputs, hidden…, output], from the weights, in float64."""
    network = trainer.network
    x1, x2 = points[:, 0], points[:, 1]
    layers = [np.column_stack([INPUTS[key](x1, x2) for key in trainer.features])]
    last = len(network.weights) - 1
    for index, (weights, biases) in enumerate(zip(network.weights, network.biases)):
        activation = OUTPUT[network.head.name] if index == last else HIDDEN[network.activation.name]
        layers.append(activation(layers[-1] @ weights + biases))
    return layers


def trained(setup: dict, where: str) -> Trainer:
    trainer = Trainer(PlaygroundState(**setup))
    if where == "here":
        trainer.step(EPOCHS)
    else:  # frames trained by the training worker, whose picture the page's trainer keeps with its weights
        worker = Worker()
        for _ in range(EPOCHS // 10):
            sent, message = request(trainer, 1.0, 10, 0)
            adopt(trainer, sent, worker.handle(message))
    assert trainer.epoch == EPOCHS and not trainer.divergence
    return trainer


def assert_layers_equal(maps: list[np.ndarray], expected: list[np.ndarray], tolerance: dict, what: str) -> None:
    assert [m.shape for m in maps] == [e.shape for e in expected], what
    for layer, (values, wanted) in enumerate(zip(maps, expected)):
        np.testing.assert_allclose(values, wanted, **tolerance, err_msg=f"{what}, layer {layer}")


@pytest.mark.parametrize("where", ["here", "in the worker"])
@pytest.mark.parametrize("setup", SETUPS.values(), ids=SETUPS.keys())
def test_every_map_the_views_are_given_is_the_networks_prediction(setup, where):
    trainer = trained(setup, where)
    expected = plain_forward(trainer, GRID)

    picture = trainer.picture()
    np.testing.assert_allclose(picture.output, expected[-1][:, 0], **FLOAT32, err_msg="the output's map")
    assert_layers_equal(picture.thumbnails, [values[THUMBNAIL_ROWS] for values in expected], FLOAT32, "thumbnails")
    assert_layers_equal(trainer.neuron_maps(GRID), expected, FLOAT32, "a neuron shown large")
    points = GRID[THUMBNAIL_ROWS]  # the network diagram's points (NetworkDiagram.points)
    assert_layers_equal(trainer.neuron_maps(points), plain_forward(trainer, points), FLOAT32, "the diagram's maps")


@pytest.mark.parametrize("setup", [SETUPS[name] for name in KEPT], ids=KEPT)
def test_a_picture_kept_is_not_written_over_by_the_next_weights_pass(setup):
    """The page draws (and the worker pickles) a picture while the next frame's pass runs: each picture,
    and each list of maps handed out, stays its own weights' as new weights are pictured."""
    trainer = trained(setup, "here")
    pictures, maps, expected = [], [], []
    for _ in range(3):
        pictures.append(trainer.picture())
        maps.append(trainer.neuron_maps(GRID))
        expected.append(plain_forward(trainer, GRID))
        trainer.step(5)

    assert not np.allclose(pictures[0].output, pictures[-1].output, **FLOAT32)  # the weights did change
    for picture, neuron_maps, wanted in zip(pictures, maps, expected):
        np.testing.assert_allclose(picture.output, wanted[-1][:, 0], **FLOAT32, err_msg="the output's map")
        assert_layers_equal(picture.thumbnails, [values[THUMBNAIL_ROWS] for values in wanted], FLOAT32, "thumbnails")
        assert_layers_equal(neuron_maps, wanted, FLOAT32, "maps handed out")


@pytest.mark.parametrize("setup", SETUPS.values(), ids=SETUPS.keys())
def test_the_engines_three_forward_passes_agree(setup):
    trainer = trained(setup, "here")
    network = trainer.network
    points = np.concatenate([trainer.dataset.train.xy, trainer.dataset.test.xy, GRID])
    x, targets = feature_matrix(points, trainer.features), np.sign(points[:, 0] * points[:, 1])
    expected = plain_forward(trainer, points)

    assert_layers_equal(network.forward(x)[1], expected, FLOAT64, "forward")
    assert_layers_equal(network.layer_outputs(x), expected, FLOAT32, "layer_outputs")
    np.testing.assert_allclose(network.predict(x), expected[-1][:, 0], **FLOAT64)

    loss = network.gradients(x, targets).loss
    # Backprop's forward pass stays in arrays of its own: each hidden layer's outputs, every pre-activation.
    _, hidden, pre_activations = network.backprop._arrays_for(len(x))
    backprop = [x, *hidden, network.head.predict(pre_activations[-1])]
    assert_layers_equal(backprop, expected, FLOAT64, "backprop")
    assert loss == pytest.approx(network.losses(x, targets).mean(), rel=1e-12)
