"""One training point, step by step: every number of its forward and backward pass.

For a view that shows the maths neuron by neuron: each neuron's weighted sum and
activation, the loss, each neuron's delta, each weight's gradient and the step plain
gradient descent takes at the learning rate. It is the backpropagation of ``Backprop``
written out a layer at a time so each intermediate number is kept; the tests hold its
gradients equal to the engine's for a batch of that one point.
"""

from dataclasses import asdict, dataclass

import numpy as np

from .network import Network

Array = np.ndarray


@dataclass(frozen=True)
class LayerStep:
    """One layer of neurons for one point: j counts its neurons, i the previous layer's (its inputs)."""

    weighted_sums: list[float]
    """z_j = Σ_i w_ij · a_i + b_j."""
    activations: list[float]
    """a_j = f(z_j): the hidden activation, or the output's (the head's) in the last layer."""
    deltas: list[float]
    """δ_j = ∂loss/∂z_j: from the loss at the output, then δ_j = f'(z_j) · Σ_k w_jk · δ_k going back."""
    weight_gradients: list[list[float]]
    """[i][j]: ∂loss/∂w_ij = a_i · δ_j."""
    bias_gradients: list[float]
    """∂loss/∂b_j = δ_j."""
    weight_updates: list[list[float]]
    """[i][j]: −learning rate · ∂loss/∂w_ij, the change one step of gradient descent makes."""
    bias_updates: list[float]


@dataclass(frozen=True)
class OnePoint:
    """A point's whole pass: ``layers[0]`` is the first hidden layer, ``layers[-1]`` the output."""

    inputs: list[float]
    """The network's inputs (the features) at the point."""
    target: float
    """Its label: ±1, a class 0..K−1, or a regression value."""
    layers: list[LayerStep]
    loss: float
    learning_rate: float

    def to_dict(self) -> dict:
        """Plain lists and numbers (JSON-ready)."""
        return asdict(self)


def step_through(network: Network, inputs: Array, target: float, learning_rate: float) -> OnePoint:
    """The forward and backward pass of the point with network ``inputs`` (features) and ``target``."""
    x, t = np.asarray(inputs, dtype=float)[None, :], np.array([target], dtype=float)
    head = network.head
    with np.errstate(all="ignore"):
        sums, outputs = network.forward(x)
        z, prediction = head.scores(sums[-1]), head.scores(outputs[-1])
        loss = float(head.loss(z, prediction, t)[0])
        delta = np.reshape(head.gradient(z, prediction, t), (1, -1))
        deltas = [delta]
        for layer in range(len(network.weights) - 1, 0, -1):
            delta = (delta @ network.weights[layer].T) * network.activation.derivative(sums[layer - 1], outputs[layer])
            deltas.insert(0, delta)
    layers = []
    for layer, delta in enumerate(deltas):
        gradient = outputs[layer].T @ delta
        layers.append(LayerStep(
            weighted_sums=sums[layer][0].tolist(),
            activations=outputs[layer + 1][0].tolist(),
            deltas=delta[0].tolist(),
            weight_gradients=gradient.tolist(),
            bias_gradients=delta[0].tolist(),
            weight_updates=(-learning_rate * gradient).tolist(),
            bias_updates=(-learning_rate * delta[0]).tolist(),
        ))
    return OnePoint(x[0].tolist(), float(target), layers, loss, learning_rate)
