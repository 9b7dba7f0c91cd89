"""Mini-batch training of a network, with divergence reported as a state.

One epoch is one pass over the training set in its stored order, in batches
of ``batch_size``, and a batch's gradients are averaged, as in TF Playground.
TF's ``oneStep`` updates after every ``batch_size``-th point only: the points
left over at the end of an epoch are no short batch; their gradients stay
accumulated and join the first update of the next epoch (averaged over all the
points accumulated). Only an epoch without one full batch (a user's tiny data
set) updates at its end, or it would never learn. If the loss or a parameter
stops being a finite number, training stops and ``divergence`` says why; nothing raises.
"""

import math

import numpy as np

from .backprop import with_ones
from .network import Network
from .optimizers import make_optimizer
from .regularization import REGULARIZATIONS, apply_penalty

Array = np.ndarray
#: Why training stopped, as ``Learner.divergence`` says it.
LOSS_NOT_FINITE = "the loss is no longer a finite number"
PARAMETER_NOT_FINITE = "a weight or bias is no longer a finite number"


class Learner:
    """A network plus the rules that update it: rate, optimizer, penalty."""

    def __init__(
        self,
        network: Network,
        learning_rate: float = 0.03,
        optimizer: str = "sgd",
        regularization: str = "none",
        regularization_rate: float = 0.0,
    ):
        if regularization not in REGULARIZATIONS:
            raise ValueError(
                f"unknown regularization {regularization!r}; choose from {', '.join(REGULARIZATIONS)}"
            )
        self.network = network
        self.learning_rate = learning_rate
        self.optimizer = make_optimizer(optimizer)
        self.regularization = REGULARIZATIONS[regularization]
        self.regularization_rate = regularization_rate
        self.dead = [np.zeros(w.shape, dtype=bool) for w in network.weights]
        """Links that L1 pushed across zero: held at 0 until a new network."""
        self._gradient_vector = np.zeros_like(network.parameter_vector)
        self._gradient_layers = network.layer_matrices(self._gradient_vector)
        self.divergence: str | None = None
        """Why training stopped (loss or a parameter not finite), or None."""
        self.carried: tuple[Array, int] | None = None
        """The last epoch's leftover points: their summed gradient and how many they are."""

    def train_batch(self, x: Array, targets: Array) -> float:
        """One update on one batch; the batch's mean loss before the update."""
        with np.errstate(all="ignore"):
            loss = self._step(with_ones(x), targets)
            self._check_parameters()
        return loss

    def train_epoch(self, x: Array, targets: Array, batch_size: int) -> float:
        """One pass over (x, targets) in order; the mean of the batch losses."""
        if batch_size < 1:
            raise ValueError(f"batch size must be at least 1, not {batch_size}")
        losses = []
        x_ones = with_ones(x)  # its batches are views
        with np.errstate(all="ignore"):
            for start in range(0, len(x), batch_size):
                rows = slice(start, start + batch_size)
                update = start == 0 or start + batch_size <= len(x)
                losses.append(self._step(x_ones[rows], targets[rows], update))
                if self.divergence:
                    break
            self._check_parameters()
        return sum(losses) / len(losses) if losses else float("nan")

    def evaluate(self, x: Array, targets: Array) -> tuple[float, float]:
        """Mean loss (no penalty) and the share of points whose predicted label (the sign, for
        ±1 targets; the most probable class, for K) is theirs, from one forward pass."""
        if len(x) == 0:
            return float("nan"), float("nan")
        head = self.network.head
        with np.errstate(all="ignore"):
            pre_activations, outputs = self.network.forward(x)
            z, prediction = head.scores(pre_activations[-1]), head.scores(outputs[-1])
            loss = np.mean(head.loss(z, prediction, targets))
        accuracy = np.mean(head.decide(prediction) == targets)
        return float(loss), float(accuracy)

    def loss(self, x: Array, targets: Array) -> float:
        """Mean loss over a set of points (regularization not included)."""
        return self.evaluate(x, targets)[0]

    def accuracy(self, x: Array, labels: Array) -> float:
        """Share of points whose predicted label is theirs."""
        return self.evaluate(x, labels)[1]

    def _step(self, x_ones: Array, targets: Array, update: bool = True) -> float:
        """Backpropagate a batch, with the points carried from the last epoch; update unless told not to
        (then this batch is carried)."""
        if self.divergence:
            return float("nan")
        network = self.network
        loss = network.backprop.gradients_into(x_ones, targets, self._gradient_layers)
        if not math.isfinite(loss):
            self.divergence = LOSS_NOT_FINITE
            return loss
        count = len(x_ones) if self.carried is None else self._take_carried(len(x_ones))
        if not update:
            self.carried = (self._gradient_vector * count, count)
            return loss
        weights_before = [w.copy() for w in network.weights] if self._penalised else None
        self.optimizer.step([network.parameter_vector], [self._gradient_vector], self.learning_rate)
        if weights_before is not None:
            step = self.learning_rate * self.regularization_rate
            for before, after, dead in zip(weights_before, network.weights, self.dead):
                apply_penalty(self.regularization, before, after, step, dead)
        return loss

    def _take_carried(self, count: int) -> int:
        """Make the batch's mean gradient (of ``count`` points) the mean over it and the carried
        points; how many points that mean is over."""
        carried_sum, carried_count = self.carried
        self.carried = None
        self._gradient_vector *= count
        self._gradient_vector += carried_sum
        self._gradient_vector /= count + carried_count
        return count + carried_count

    @property
    def _penalised(self) -> bool:
        return self.regularization.name != "none" and self.regularization_rate != 0

    def _check_parameters(self) -> None:
        if self.divergence is None and not np.isfinite(self.network.parameter_vector).all():
            self.divergence = PARAMETER_NOT_FINITE
