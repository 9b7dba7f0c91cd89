"""What the export tests share: a trained trainer, an exported program run on its own, its losses
held to the engine's."""

import os
import subprocess
import sys

import pytest

from playground.links import decode
from playground.trainer import Trainer

TOLERANCE = 1e-9


def trained(link: str, epochs: int, weight_draw: int = 0) -> Trainer:
    state, warnings = decode(link)
    assert warnings == []
    trainer = Trainer(state, weight_draw=weight_draw, history_limit=None)
    trainer.step(epochs)
    return trainer


def run_script(text: str, folder) -> list[str]:
    """The script's printed lines, run by this Python in an empty folder, with no access to this package."""
    path = folder / "exported.py"
    path.write_text(text, encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run([sys.executable, "-I", path.name], cwd=folder, env=environment,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def printed_losses(lines: list[str]) -> dict[int, tuple[float, float]]:
    """Each ``epoch N  train loss A  test loss B`` line's losses by epoch."""
    rows = [line.split() for line in lines if line.startswith("epoch")]
    return {int(row[1]): (float(row[4]), float(row[7])) for row in rows}


def assert_same_losses(lines: list[str], trainer: Trainer, first_epoch: int, epochs: int) -> None:
    losses = printed_losses(lines)
    assert first_epoch in losses and first_epoch + epochs in losses
    for epoch, (train_loss, test_loss) in losses.items():
        metrics = trainer.metrics_at(epoch)
        assert metrics.epoch == epoch
        assert train_loss == pytest.approx(metrics.train_loss, abs=TOLERANCE)
        assert test_loss == pytest.approx(metrics.test_loss, abs=TOLERANCE)
    assert float(lines[-1].split()[-1]) == pytest.approx(trainer.metrics_at(first_epoch + epochs).test_loss, abs=TOLERANCE)
