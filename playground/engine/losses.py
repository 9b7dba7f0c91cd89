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
from functools import cache, reduce

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
    fused: Callable[[Array, Array], tuple[float, Array]] | None = None
    """``mean_loss_and_delta`` in one pass, for a head where predict, loss and gradient apart would
    compute the same things twice (softmax: its exp)."""

    def mean_loss_and_delta(self, z: Array, targets: Array) -> tuple[float, Array]:
        """A batch's mean loss and its gradient d(mean loss)/dz: what training needs of the head."""
        if self.fused is not None:
            return self.fused(z, targets)
        prediction = self.predict(z)
        loss = float(self.loss(z, prediction, targets).sum()) / len(z)  # np.mean's Python wrapper costs more
        return loss, self.gradient(z, prediction, targets) * (1 / len(z))

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


# Training's batches are ~10 points, where a softmax head's cost is its count of numpy calls (the
# label's entry of each row is picked by flat index); the maps' 100×100 grid and the evaluation of
# every point each epoch are where the arithmetic counts.


def across_columns(ufunc: np.ufunc, rows: Array) -> Array:
    """``ufunc`` over each row's few entries (a class's each), e.g. each row's largest: shape (n, 1).
    Column by column, since numpy's own reduction along rows of 3 or 4 costs ~30× more on 10,000 rows
    (and as much on 10)."""
    return reduce(ufunc, rows.T)[:, None]


def _shifted_exp(z: Array) -> tuple[Array, Array, Array]:
    """``z`` less each row's largest (so exp never overflows), its exp, and each row's sum of that (n, 1)."""
    shifted = z - across_columns(np.maximum, z)
    exp = np.exp(shifted)
    return shifted, exp, across_columns(np.add, exp)


@cache
def _row_starts(rows: int, classes: int) -> Array:
    """Where each row of an (rows, classes) array starts in its flat order."""
    starts = np.arange(0, rows * classes, classes)
    starts.flags.writeable = False
    return starts


def _label_entries(z: Array, t: Array) -> Array:
    """The flat index of each row's label entry: row · K + t."""
    return _row_starts(*z.shape) + t.astype(np.intp)


def _softmax(z: Array) -> Array:
    _, exp, total = _shifted_exp(z)
    exp /= total
    return exp


def _softmax_loss(z: Array, p: Array, t: Array) -> Array:
    """Cross-entropy −log p_t = logsumexp(z) − z_t, each row's."""
    shifted, _, total = _shifted_exp(z)
    return np.log(total[:, 0]) - shifted.ravel()[_label_entries(z, t)]


def _softmax_fused(z: Array, t: Array) -> tuple[float, Array]:
    """The mean cross-entropy and its gradient (p − onehot(t)) / n, from one exp."""
    rows = len(z)
    shifted, delta, total = _shifted_exp(z)
    entries = _label_entries(z, t)
    loss = (np.add.reduce(np.log(total), axis=None) - np.add.reduce(shifted.ravel()[entries])) / rows
    delta /= total
    delta.ravel()[entries] -= 1
    delta *= 1 / rows
    return float(loss), delta


def _one_hot(labels: Array, classes: int) -> Array:
    return labels[:, None] == np.arange(classes)


def _softmax_head(classes: int) -> Head:
    """Softmax over ``classes`` outputs with cross-entropy −log p_t = logsumexp(z) − z_t."""
    return Head(
        name=f"softmax{classes}+cross-entropy",
        predict=_softmax,
        loss=_softmax_loss,
        gradient=lambda z, p, t: p - _one_hot(t, classes),
        decide=lambda p: p.argmax(axis=1).astype(np.float64),
        outputs=classes,
        fused=_softmax_fused,
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
