"""The float32 pass the maps are drawn from: every neuron's output at many points (the 100×100 grid).

The training worker makes this pass every frame, in Pyodide's numpy: no BLAS and no SIMD, so each
numpy call is a plain loop in wasm over the whole grid and the pass costs what its calls do. So a
layer here is a (neurons, points) array, each neuron's map one contiguous row: its bias adds along
rows (3× cheaper than across them), and einsum multiplies it 1.5–2× faster than matmul there. Each
nonlinearity works in place on the layer's own array; tanh and sigmoid cost one exp and three cheap
steps, as α + β / (1 + e^(s·z)) with s folded into the layer's weights (in Pyodide np.tanh costs
three exps, np.maximum as much as one).
"""

import sys
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Array = np.ndarray


@dataclass(frozen=True)
class Form:
    """How a layer's outputs come from its pre-activations, on a (neurons, points) array it may overwrite."""

    finish: Callable[[Array], Array]
    scale: float = 1.0
    """Multiplies the layer's weights and bias, so that ``finish`` is given scale · z (2 or ±1: exact)."""


def _logistic(scale: float, offset: float, factor: float) -> Form:
    """offset + factor / (1 + e^(scale · z)): one exp and three steps, in place."""

    def finish(scaled: Array) -> Array:
        np.exp(scaled, out=scaled)  # overflows to inf where the output is its limit: offset exactly
        scaled += 1
        np.divide(factor, scaled, out=scaled)
        if offset:
            scaled += offset
        return scaled

    return Form(finish, scale)


TANH = _logistic(2, 1, -2)
"""tanh z = 1 − 2 / (1 + e^2z)."""
IDENTITY = Form(lambda z: z)
FORMS = {
    "tanh": TANH,
    "tanh+square": TANH,
    "sigmoid": _logistic(-1, 0, 1),  # σ(z) = 1 / (1 + e^−z)
    "sigmoid+cross-entropy": _logistic(1, 1, -2),  # the head's 2σ(z) − 1 = 1 − 2 / (1 + e^z)
    "relu": Form(lambda z: np.where(z < 0, 0, z)),  # as np.maximum(z, 0), NaN kept, for half its cost
    "linear": IDENTITY,
    "linear+square": IDENTITY,
}
"""By activation name (hidden layers) and head name (the output layer); the others use their own functions."""


def _product_einsum(weights: Array, inputs: Array) -> Array:
    return np.einsum("in,ip->np", weights, inputs)


def _product_matmul(weights: Array, inputs: Array) -> Array:
    return weights.T @ inputs


_product = _product_einsum if sys.platform == "emscripten" else _product_matmul
"""weightsᵀ · inputs: einsum without BLAS (Pyodide), matmul with it (3× faster than einsum there)."""


def layer_outputs(network, x: Array) -> list[Array]:
    """Every neuron's output for every row of ``x``: [x, layer 1, …, output], (points, neurons) float32 each.

    Each is a fresh array (the transpose of a (neurons, points) one), never written again: a picture
    may keep them while the next pass runs.
    """
    outputs = [np.ascontiguousarray(x.T, dtype=np.float32)]
    last = len(network.weights) - 1
    for index, (weights, bias) in enumerate(zip(network.weights, network.biases)):
        form = _form(network, index == last)
        z = _product((weights * form.scale).astype(np.float32), outputs[-1])
        z += (bias * form.scale).astype(np.float32)[:, None]
        outputs.append(form.finish(z))
    return [values.T for values in outputs]


def _form(network, output_layer: bool) -> Form:
    """The form of a hidden layer's activation or of the output layer's head."""
    if output_layer:
        head = network.head
        return FORMS.get(head.name) or Form(lambda z: head.predict(z.T).T)  # softmax: across a point's row
    return FORMS.get(network.activation.name) or Form(network.activation.output)
