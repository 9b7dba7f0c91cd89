"""An exported script, run by CPython on its own, prints the engine's losses (to 1e-9).

The engine is the oracle: the script shares none of its code at run time, only the text of
its data generators, so a mistake in the script's training, or a drift of either, shows here.
"""

import pytest

from playground.export.script import export_script
from tests.helpers.exported import assert_same_losses, run_script, trained

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
