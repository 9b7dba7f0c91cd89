"""The output neuron and its loss, chosen together as a *head*.

TF Playground uses a tanh output with the square loss ½(o−t)² for
classification (labels ±1) and a linear output with the same loss for
regression. We add a sigmoid output with binary cross-entropy. For labels
t = ±1 that loss is log(1 + e^(−t·z)), computed stably from the output's
pre-activation z; its prediction 2σ(z)−1 stays on the ±1 scale of the labels
so every view and metric reads the same for every head.

Three or four classes take a softmax output layer, one neuron per class, with
cross-entropy −log p_t against labels 0..K−1; TF's heads stay as they are for two.
"""

from dataclasses import dataclass
from collections.abc import Callable

import numpy as np

from .activations import ACTIVATIONS

Array = np.ndarray

LOSSES = ("square", "cross-entropy")
CLASS_COUNTS = (2, 3, 4)
"""How many classes a classification can have: two (TF's heads, labels ±1) or more (softmax, labels 0..K−1)."""


@dataclass(frozen=True)
class Head:
    """Output activation plus loss; ``z`` and the prediction are (n,) arrays, or (n, K) for K classes."""

    name: str
    predict: Callable[[Array], Array]
    loss: Callable[[Array, Array, Array], Array]
    gradient: Callable[[Array, Array, Array], Array]
    """d loss / d z from (z, prediction, target)."""
    decide: Callable[[Array], Array] = lambda o: np.where(o >= 0, 1.0, -1.0)
    """The label each prediction stands for: its sign, or the most probable class."""
    outputs: int = 1
    """Neurons of the output layer: one on the labels' scale, or one per class."""

    def mean_loss(self, z: Array, prediction: Array, targets: Array) -> float:
        return float(self.loss(z, prediction, targets).sum()) / len(z)  # np.mean's Python wrapper costs more

    def scores(self, layer_output: Array) -> Array:
        """The output layer's (n, outputs) array as this head's functions take it."""
        return layer_output[:, 0] if self.outputs == 1 else layer_output


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


def _softmax(z: Array) -> Array:
    e = np.exp(z - z.max(axis=1, keepdims=True))  # shifted: exp never overflows
    return e / e.sum(axis=1, keepdims=True)


def _one_hot(labels: Array, classes: int) -> Array:
    return labels[:, None] == np.arange(classes)


def _softmax_head(classes: int) -> Head:
    """Softmax over ``classes`` outputs with cross-entropy −log p_t = logsumexp(z) − z_t."""

    def loss(z, p, t):
        top = z.max(axis=1)
        return top + np.log(np.exp(z - top[:, None]).sum(axis=1)) - z[np.arange(len(z)), t.astype(int)]

    return Head(
        name=f"softmax{classes}+cross-entropy",
        predict=_softmax,
        loss=loss,
        gradient=lambda z, p, t: p - _one_hot(t, classes),
        decide=lambda p: p.argmax(axis=1).astype(np.float64),
        outputs=classes,
    )


def make_head(problem: str, loss: str = "square", classes: int = 2) -> Head:
    """The head for a problem ("classification" / "regression"), loss name and number of classes.

    More than two classes is always softmax with cross-entropy: ``loss`` is TF's choice for two.
    """
    if classes not in CLASS_COUNTS:
        raise ValueError(f"a classification has {', '.join(map(str, CLASS_COUNTS))} classes, not {classes!r}")
    if classes > 2:
        if problem != "classification":
            raise ValueError(f"{classes} classes need a classification problem, not {problem}")
        return _softmax_head(classes)
    if loss == "square":
        return _square_head("tanh" if problem == "classification" else "linear")
    if loss == "cross-entropy":
        if problem != "classification":
            raise ValueError("cross-entropy loss needs a classification problem")
        return CROSS_ENTROPY
    raise ValueError(f"unknown loss {loss!r}; choose from {', '.join(LOSSES)}")


HEADS = {head.name: head for head in (make_head("classification"), make_head("regression"), CROSS_ENTROPY,
                                      *(_softmax_head(classes) for classes in CLASS_COUNTS[1:]))}
"""Every head by name, so a saved network comes back with the output it was trained with."""
