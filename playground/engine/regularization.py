"""Weight penalties (TF Playground's L1 and L2) applied after each update.

As in TF Playground the penalty is applied as its own step after the gradient
step, using the derivative at the weight *before* the update, and it touches
weights only, never biases. Under L1 a weight that the penalty pushes across
zero is set to 0 and marked dead: it never changes again until a reset.
"""

from dataclasses import dataclass
from collections.abc import Callable

import numpy as np

Array = np.ndarray


@dataclass(frozen=True)
class Regularization:
    """A named penalty: ``penalty(w)`` summed into the objective, ``derivative(w)``."""

    name: str
    penalty: Callable[[Array], Array]
    derivative: Callable[[Array], Array]
    kills_crossing_weights: bool = False


REGULARIZATIONS: dict[str, Regularization] = {
    reg.name: reg
    for reg in (
        Regularization("none", lambda w: np.zeros_like(w), lambda w: np.zeros_like(w)),
        Regularization("L1", np.abs, np.sign, kills_crossing_weights=True),
        Regularization("L2", lambda w: 0.5 * w * w, lambda w: w),
    )
}


def apply_penalty(
    regularization: Regularization,
    weights_before: Array,
    weights_after_step: Array,
    step: float,
    dead: Array,
) -> None:
    """Shrink ``weights_after_step`` in place by ``step`` × penalty derivative.

    ``step`` is learning rate × regularization rate. ``dead`` (bool, same
    shape) is updated in place with weights that L1 just pushed across zero.
    """
    if regularization.name == "none" or step == 0:
        return
    shrunk = weights_after_step - step * regularization.derivative(weights_before)
    if regularization.kills_crossing_weights:
        dead |= weights_after_step * shrunk < 0
    shrunk[dead] = 0.0
    weights_after_step[...] = shrunk
