"""The output neuron and its loss, chosen together as a *head*.

TF Playground uses a tanh output with the square loss ½(o−t)² for
classification (labels ±1) and a linear output with the same loss for
regression. We add a sigmoid output with binary cross-entropy. For labels
t = ±1 that loss is log(1 + e^(−t·z)), computed stably from the output's
pre-activation z; its prediction 2σ(z)−1 stays on the ±1 scale of the labels
so every view and metric reads the same for every head.
"""

from dataclasses import dataclass
from collections.abc import Callable

import numpy as np

from .activations import ACTIVATIONS

Array = np.ndarray

LOSSES = ("square", "cross-entropy")


@dataclass(frozen=True)
class Head:
    """Output activation plus loss; each function works on (n,) arrays."""

    name: str
    predict: Callable[[Array], Array]
    loss: Callable[[Array, Array, Array], Array]
    gradient: Callable[[Array, Array, Array], Array]
    """d loss / d z from (z, prediction, target)."""

    def mean_loss(self, z: Array, prediction: Array, targets: Array) -> float:
        return float(self.loss(z, prediction, targets).sum()) / len(z)  # np.mean's Python wrapper costs more


def _square_head(activation: str) -> Head:
    act = ACTIVATIONS[activation]
    return Head(
        name=f"{activation}+square",
        predict=act.output,
        loss=lambda z, o, t: 0.5 * (o - t) ** 2,
        gradient=lambda z, o, t: (o - t) * act.derivative(z, o),
    )


def _cross_entropy_loss(z: Array, o: Array, t: Array) -> Array:
    return np.logaddexp(0.0, -t * z)


def _cross_entropy_gradient(z: Array, o: Array, t: Array) -> Array:
    # d/dz log(1 + e^(−tz)) = −t·σ(−tz); with o = 2σ(z)−1 this is (o − t)/2 for t = ±1.
    return 0.5 * (o - t)


CROSS_ENTROPY = Head(
    name="sigmoid+cross-entropy",
    predict=lambda z: np.tanh(0.5 * z),
    loss=_cross_entropy_loss,
    gradient=_cross_entropy_gradient,
)


def make_head(problem: str, loss: str = "square") -> Head:
    """The head for a problem ("classification" / "regression") and loss name."""
    if loss == "square":
        return _square_head("tanh" if problem == "classification" else "linear")
    if loss == "cross-entropy":
        if problem != "classification":
            raise ValueError("cross-entropy loss needs a classification problem")
        return CROSS_ENTROPY
    raise ValueError(f"unknown loss {loss!r}; choose from {', '.join(LOSSES)}")


HEADS = {head.name: head for head in (make_head("classification"), make_head("regression"), CROSS_ENTROPY)}
"""Every head by name, so a saved network comes back with the output it was trained with."""
