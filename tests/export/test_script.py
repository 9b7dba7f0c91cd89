"""An exported script, run by CPython on its own, prints the engine's losses (to 1e-9).

The engine is the oracle: the script shares none of its code at run time, only the text of
its data generators, so a mistake in the script's training, or a drift of either, shows here.
"""

import os
import subprocess
import sys

import pytest

from playground.links import decode
from playground.trainer import Trainer
from playground.export.script import export_script

TOLERANCE = 1e-9

LINKS = [
    "dataset=spiral&networkShape=8,8&sinX=true&sinY=true&seed=0.31416",  # TF's defaults: tanh, square, sgd
    "dataset=xor&networkShape=4&activation=relu&x=false&y=false&xTimesY=true&seed=0.66230",
    "dataset=gauss&noise=35&activation=sigmoid&regularization=L2&regularizationRate=0.01&optimizer=momentum",
    "dataset=circle&activation=leakyrelu&regularization=L1&regularizationRate=0.003&optimizer=adam&batchSize=30",
    "dataset=circle&activation=elu&loss=cross-entropy&learningRate=0.1&percTrainData=30&batchSize=7&seed=x",
    "problem=regression&regDataset=reg-plane&activation=linear&networkShape=3&noise=20&learningRate=0.01",
    "problem=regression&regDataset=reg-gauss&activation=softplus&networkShape=6,3&optimizer=adam&learningRate=0.01"
    "&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&cosX=true&cosY=true",
    "dataset=xor&networkShape=&initZero=true&xTimesY=true&learningRate=0.3",
]
EPOCHS = 12


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


@pytest.mark.parametrize("link", LINKS)
def test_a_script_from_the_first_weights_prints_the_engines_losses(link, tmp_path):
    trainer = trained(link, EPOCHS)
    text = export_script(trainer)
    assert "playground" not in "".join(line for line in text.splitlines() if line.startswith(("import", "from")))
    assert_same_losses(run_script(text, tmp_path), trainer, 0, EPOCHS)


@pytest.mark.parametrize("link", [LINKS[2], LINKS[3], LINKS[4]])  # momentum, adam with L1 and carried points, carried points
def test_a_script_from_the_weights_now_trains_on_as_the_engine_does(link, tmp_path):
    trainer = trained(link, 7)
    text = export_script(trainer, epochs=9, start="current")
    trainer.step(9)
    assert_same_losses(run_script(text, tmp_path), trainer, 7, 9)


def test_new_weights_are_the_ones_the_script_draws(tmp_path):
    trainer = trained(LINKS[0], 5, weight_draw=2)
    assert_same_losses(run_script(export_script(trainer), tmp_path), trainer, 0, 5)


def test_a_longer_run_stays_within_the_tolerance(tmp_path):
    trainer = trained(LINKS[1], 300)
    assert_same_losses(run_script(export_script(trainer), tmp_path), trainer, 0, 300)


def test_bad_requests_are_refused_with_their_reason():
    trainer = trained(LINKS[1], 2)
    with pytest.raises(ValueError, match="start"):
        export_script(trainer, start="middle")
    with pytest.raises(ValueError, match="epochs"):
        export_script(trainer, epochs=-1)
