"""The engine alone learns TF Playground's classic problems within a budget.

Each problem uses TF's defaults (tanh, learning rate 0.03, batch 10, 50 %
training data, noise 0) apart from what is named, on several seeds, and must
reach the target test loss within its epoch budget. Measured epochs needed
(seeds below): circle 8–10, xor 4–6, spiral 47–105; the budgets leave room.
"""

import pytest

from playground.engine.features import FEATURES
from playground.state import PlaygroundState
from playground.trainer import Trainer

SEEDS = ["0.10000", "0.20000", "0.30000", "0.66230"]

PROBLEMS = {
    "circle with x1², x2²": (dict(dataset="circle", features={"xSquared", "ySquared"}), 0.05, 50),
    "xor with x1·x2": (dict(dataset="xor", features={"xTimesY"}), 0.05, 50),
    "spiral, 2×8 tanh, sin": (
        dict(dataset="spiral", networkShape=[8, 8], features={"x", "y", "sinX", "sinY"}),
        0.15,
        400,
    ),
}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("problem", PROBLEMS)
def test_reaches_target_test_loss_within_budget(problem, seed):
    options, target, budget = PROBLEMS[problem]
    options = dict(options)
    features = options.pop("features")
    trainer = Trainer(PlaygroundState(seed=seed, **{key: key in features for key in FEATURES}, **options))
    start = trainer.history[-1].test_loss

    while trainer.history[-1].test_loss >= target and trainer.epoch < budget:
        trainer.step()

    assert start >= target, "the problem must not be solved before training"
    assert trainer.history[-1].test_loss < target, f"test loss after {budget} epochs: {trainer.history[-1].test_loss}"
