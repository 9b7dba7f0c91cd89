"""PyTorch as an independent oracle: the same network, weights and batches
must give the same losses step by step. Skipped where torch is not installed."""

import numpy as np
import pytest

from playground.engine import Learner, Network
from playground.engine.losses import make_head

torch = pytest.importorskip("torch", reason="PyTorch is not installed: the oracle comparison is skipped")

TORCH_ACTIVATIONS = {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid}


def torch_losses(network, x, targets, optimizer_name, head, activation, steps, batch_size):
    weights = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in network.weights]
    biases = [torch.tensor(b, dtype=torch.float64, requires_grad=True) for b in network.biases]
    params = weights + biases
    optimizer = {
        "sgd": lambda: torch.optim.SGD(params, lr=0.05),
        "momentum": lambda: torch.optim.SGD(params, lr=0.05, momentum=0.9),
        "adam": lambda: torch.optim.Adam(params, lr=0.05),
    }[optimizer_name]()
    xs, ts = torch.tensor(x), torch.tensor(targets)
    losses = []
    for step in range(steps):
        start = (step * batch_size) % len(x)
        a, t = xs[start : start + batch_size], ts[start : start + batch_size]
        for w, b in zip(weights[:-1], biases[:-1]):
            a = TORCH_ACTIVATIONS[activation](a @ w + b)
        z = (a @ weights[-1] + biases[-1])[:, 0]
        if head == "cross-entropy":
            loss = torch.nn.functional.softplus(-t * z).mean()
        else:
            loss = (0.5 * (torch.tanh(z) - t) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid"])
@pytest.mark.parametrize("head", ["square", "cross-entropy"])
def test_fifty_steps_match_pytorch(optimizer, activation, head):
    rng = np.random.default_rng(5)
    x = rng.uniform(-3, 3, (100, 2))
    labels = np.where(x[:, 0] * x[:, 1] > 0, 1.0, -1.0)
    network = Network(2, [6, 4], activation, make_head("classification", head), rng)
    expected = torch_losses(network, x, labels, optimizer, head, activation, steps=50, batch_size=10)

    learner = Learner(network, learning_rate=0.05, optimizer=optimizer)
    ours = [learner.train_batch(x[(s * 10) % 100 :][:10], labels[(s * 10) % 100 :][:10]) for s in range(50)]

    np.testing.assert_allclose(ours, expected, rtol=0, atol=1e-6)
    assert ours[-1] != ours[0]


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
@pytest.mark.parametrize("classes", [3, 4])
def test_softmax_and_cross_entropy_match_pytorch(optimizer, classes):
    rng = np.random.default_rng(6)
    x = rng.uniform(-3, 3, (100, 2))
    labels = (np.floor((np.arctan2(x[:, 1], x[:, 0]) + np.pi) / (2 * np.pi) * classes) % classes).astype(float)
    network = Network(2, [6, 4], "tanh", make_head("classification", classes=classes), rng)
    weights = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in network.weights]
    biases = [torch.tensor(b, dtype=torch.float64, requires_grad=True) for b in network.biases]
    params = weights + biases
    torch_optimizer = (torch.optim.SGD(params, lr=0.05) if optimizer == "sgd" else torch.optim.Adam(params, lr=0.05))
    learner = Learner(network, learning_rate=0.05, optimizer=optimizer)

    for step in range(50):
        rows = slice((step * 10) % 100, (step * 10) % 100 + 10)
        a = torch.tensor(x[rows])
        for w, b in zip(weights[:-1], biases[:-1]):
            a = torch.tanh(a @ w + b)
        loss = torch.nn.functional.cross_entropy(a @ weights[-1] + biases[-1], torch.tensor(labels[rows]).long())
        torch_optimizer.zero_grad()
        loss.backward()
        gradients = network.gradients(x[rows], labels[rows])
        for ours, theirs in zip(gradients.weights + gradients.biases, params):
            np.testing.assert_allclose(ours, theirs.grad.numpy(), rtol=0, atol=1e-9)
        torch_optimizer.step()
        assert learner.train_batch(x[rows], labels[rows]) == pytest.approx(loss.item(), abs=1e-9)
