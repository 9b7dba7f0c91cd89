"""Update rules that turn a gradient into a parameter change.

``sgd`` is TF Playground's plain rule. ``momentum`` and ``adam`` follow
PyTorch's definitions exactly (``torch.optim.SGD(momentum=…)`` and
``torch.optim.Adam`` with default betas and eps) so they can be checked
against it.
"""

import numpy as np

Array = np.ndarray


class SGD:
    """Plain gradient descent: p ← p − lr·g."""

    name = "sgd"

    def step(self, params: list[Array], grads: list[Array], learning_rate: float) -> None:
        for param, grad in zip(params, grads):
            param -= learning_rate * grad


class Momentum:
    """Heavy-ball momentum: v ← μv + g; p ← p − lr·v."""

    name = "momentum"

    def __init__(self, momentum: float = 0.9):
        self.momentum = momentum
        self.velocities: list[Array] | None = None

    def step(self, params: list[Array], grads: list[Array], learning_rate: float) -> None:
        if self.velocities is None:
            self.velocities = [grad.copy() for grad in grads]
        else:
            for velocity, grad in zip(self.velocities, grads):
                velocity *= self.momentum
                velocity += grad
        for param, velocity in zip(params, self.velocities):
            param -= learning_rate * velocity


class Adam:
    """Adam with bias correction (Kingma & Ba), as ``torch.optim.Adam``."""

    name = "adam"

    def __init__(self, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8):
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.steps = 0
        self.first: list[Array] | None = None
        self.second: list[Array] | None = None

    def step(self, params: list[Array], grads: list[Array], learning_rate: float) -> None:
        if self.first is None:
            self.first = [np.zeros_like(grad) for grad in grads]
            self.second = [np.zeros_like(grad) for grad in grads]
        self.steps += 1
        first_correction = 1.0 - self.beta1**self.steps
        second_correction = 1.0 - self.beta2**self.steps
        for param, grad, m, v in zip(params, grads, self.first, self.second):
            m *= self.beta1
            m += (1.0 - self.beta1) * grad
            v *= self.beta2
            v += (1.0 - self.beta2) * grad * grad
            denominator = np.sqrt(v / second_correction) + self.eps
            param -= (learning_rate / first_correction) * m / denominator


OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "adam": Adam}


def make_optimizer(name: str):
    """A fresh optimizer (with empty state) for the given name."""
    try:
        return OPTIMIZERS[name]()
    except KeyError:
        raise ValueError(f"unknown optimizer {name!r}; choose from {', '.join(OPTIMIZERS)}") from None
