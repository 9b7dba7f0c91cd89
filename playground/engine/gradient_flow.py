"""Gradient flow: how large each layer's weight gradients and updates are, epoch after epoch.

Vanishing gradients (a deep sigmoid network) and exploding ones (a learning rate too
high) show as these norms shrinking or growing from layer to layer, and over time.
"""

from dataclasses import dataclass

import numpy as np

from .network import Network

Array = np.ndarray


@dataclass(frozen=True)
class GradientFlow:
    """Per layer of weights, the first (inputs → first layer) first: two Frobenius norms."""

    gradients: tuple[float, ...]
    """‖∂(mean loss over the points)/∂W‖ at the weights now; no penalty, no biases."""
    updates: tuple[float, ...]
    """‖W now − W before‖: how far the layer's weights moved (every step: the optimizer's and the penalty's)."""


def gradient_flow(network: Network, x: Array, targets: Array, parameters_before: Array) -> GradientFlow:
    """The flow from ``parameters_before`` (a copy of ``network.parameter_vector``) to now, the gradients
    taken on the points ``x`` (network inputs) and their ``targets``."""
    with np.errstate(all="ignore"):  # a diverging network's norms are inf or NaN, as its loss is
        gradients = network.gradients(x, targets).weights
        before = [layer[:-1] for layer in network.layer_matrices(parameters_before)]
        return GradientFlow(_norms(gradients), _norms([now - then for now, then in zip(network.weights, before)]))


def _norms(matrices: list[Array]) -> tuple[float, ...]:
    return tuple(float(np.sqrt((matrix * matrix).sum())) for matrix in matrices)
