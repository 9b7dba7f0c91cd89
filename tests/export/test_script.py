"""An exported script, run by CPython on its own, prints the engine's losses (to 1e-9).

The engine is the oracle: the script shares none of its code at run time, only the text of
its data generators, so a mistake in the script's training, or a drift of either, shows here.
"""

import numpy as np
import pytest

from playground.export.script import export_script
from playground.yourdata import point_code
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
    # several classes: a softmax output layer with cross-entropy
    "dataset=blobs&classes=3&networkShape=5&noise=20&learningRate=0.1",
    "dataset=spiral&classes=4&networkShape=8,6&activation=relu&optimizer=adam&sinX=true&sinY=true&batchSize=7",
    "dataset=blobs&classes=2&networkShape=3",  # made as classes 0 and 1, trained as TF's ±1
]
EPOCHS = 12


@pytest.mark.parametrize("link", LINKS)
def test_a_script_from_the_first_weights_prints_the_engines_losses(link, tmp_path):
    trainer = trained(link, EPOCHS)
    text = export_script(trainer)
    assert "playground" not in "".join(line for line in text.splitlines() if line.startswith(("import", "from")))
    assert_same_losses(run_script(text, tmp_path), trainer, 0, EPOCHS)


@pytest.mark.parametrize("link", [LINKS[2], LINKS[3], LINKS[4], LINKS[9].replace("adam", "momentum")
                                  + "&regularization=L2&regularizationRate=0.01"])
# momentum, adam with L1 and carried points, carried points, 4 classes with momentum, L2 and carried points
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


def your_points(problem: str) -> str:
    """A link of 60 points of the student's own: a ring of one class around the other, or a slope of values."""
    angles = np.linspace(0, 2 * np.pi, 60, endpoint=False)
    radii = np.where(np.arange(60) % 2, 4.5, 1.5)
    xy = np.column_stack([radii * np.cos(angles), radii * np.sin(angles)])
    labels = np.where(radii > 3, -1.0, 1.0) if problem == "classification" else xy[:, 0] / 6
    key = "dataset" if problem == "classification" else "problem=regression&regDataset"
    return f"{key}=yours&yourData={point_code.encode(xy, labels)}"


@pytest.mark.parametrize("link", [
    your_points("classification") + "&noise=10&percTrainData=70&batchSize=4&xSquared=true&ySquared=true",
    your_points("regression") + "&networkShape=3&optimizer=adam&learningRate=0.01",
])
def test_a_script_of_your_own_points_carries_them_and_prints_the_engines_losses(link, tmp_path):
    trainer = trained(link, EPOCHS)
    text = export_script(trainer)
    assert "def make_data" in text and "shuffled_order" not in text  # no generator: the points themselves
    assert f"{[*trainer.dataset.test.xy[0].tolist(), trainer.dataset.test.labels[0].item()]!r}" in text
    assert_same_losses(run_script(text, tmp_path), trainer, 0, EPOCHS)
    text = export_script(trainer, epochs=5, start="current")
    trainer.step(5)
    assert_same_losses(run_script(text, tmp_path), trainer, EPOCHS, 5)
