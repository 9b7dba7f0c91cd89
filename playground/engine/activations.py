"""Activation functions and their derivatives, vectorised over arrays.

Each derivative takes both the pre-activation ``z`` and the output ``a`` so
that tanh and sigmoid can use their cheap output forms, as TF Playground does.
"""

from dataclasses import dataclass
from collections.abc import Callable

import numpy as np

Array = np.ndarray

LEAKY_SLOPE = 0.01
EXP_FORM_MIN_SIZE = 4096
"""From this many elements (the heatmaps' grids) tanh goes through exp; below, np.tanh's single call wins."""


def _tanh(z: Array) -> Array:
    """np.tanh, or on large arrays 1 − 2 / (e^2z + 1): Pyodide's np.tanh costs several exps per element.

    The exp form is within a few ulps of tanh; where e^2z overflows (callers
    silence that warning) it gives exactly ±1.
    """
    if z.size < EXP_FORM_MIN_SIZE:
        return np.tanh(z)
    e = np.exp(z * 2)
    e += 1
    np.divide(2, e, out=e)
    return np.subtract(1, e, out=e)


def _sigmoid(z: Array) -> Array:
    # exp of a large positive number overflows; this form never does.
    return 0.5 * (1.0 + _tanh(0.5 * z))


def _elu(z: Array) -> Array:
    return np.where(z > 0, z, np.expm1(np.minimum(z, 0.0)))


def _softplus(z: Array) -> Array:
    return np.logaddexp(0.0, z)


@dataclass(frozen=True)
class Activation:
    """A named nonlinearity: ``output(z)`` and ``derivative(z, a)`` = da/dz."""

    name: str
    output: Callable[[Array], Array]
    derivative: Callable[[Array, Array], Array]
    write: Callable[[Array, Array], object] | None = None
    """``out[...] = output(z)`` in one numpy call, for the training loop (which runs it per layer
    per batch, where each call's overhead counts); None where numpy has no such call."""

    def output_into(self, z: Array, out: Array) -> None:
        """Write the outputs for ``z`` into ``out``, without a temporary where numpy allows."""
        if self.write:
            self.write(z, out)
        else:
            np.copyto(out, self.output(z))


ACTIVATIONS: dict[str, Activation] = {
    activation.name: activation
    for activation in (
        Activation("tanh", _tanh, lambda z, a: 1.0 - a * a, lambda z, out: np.tanh(z, out=out)),
        Activation(
            "relu",
            lambda z: np.maximum(z, 0.0),
            lambda z, a: (z > 0).astype(z.dtype),
            lambda z, out: np.maximum(z, 0.0, out=out),
        ),
        Activation("sigmoid", _sigmoid, lambda z, a: a * (1.0 - a)),
        Activation("linear", lambda z: z, lambda z, a: np.ones_like(z)),
        Activation(
            "leakyrelu",
            lambda z: np.where(z > 0, z, LEAKY_SLOPE * z),
            lambda z, a: np.where(z > 0, 1.0, LEAKY_SLOPE),
        ),
        Activation("elu", _elu, lambda z, a: np.where(z > 0, 1.0, a + 1.0)),
        Activation("softplus", _softplus, lambda z, a: _sigmoid(z)),
    )
}

#: TF Playground's four, in its menu order; the rest are ours.
TF_ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear")
