"""A saved network comes back able to train on exactly as if it had never left; a bad file is refused,
with what is wrong with it, and changes nothing."""

import json

import numpy as np
import pytest

from playground.export.weights import export_weights, load_weights
from tests.helpers.exported import trained

LINKS = [
    "dataset=spiral&networkShape=8,8&sinX=true&sinY=true&seed=0.31416",
    "dataset=gauss&noise=35&activation=sigmoid&regularization=L2&regularizationRate=0.01&optimizer=momentum",
    "dataset=circle&activation=leakyrelu&regularization=L1&regularizationRate=0.003&optimizer=adam&batchSize=30",
    "problem=regression&regDataset=reg-gauss&activation=softplus&networkShape=6,3&learningRate=0.01&batchSize=7",
]


def losses(trainer) -> list[tuple]:
    return [(m.epoch, m.train_loss, m.test_loss) for m in trainer.history]


@pytest.mark.parametrize("link", LINKS)
def test_a_loaded_network_trains_on_as_the_saved_one(link):
    trainer = trained(link, 13)
    loaded = load_weights(export_weights(trainer), history_limit=None)
    assert loaded.epoch == 13 and losses(loaded) == losses(trainer)
    assert np.array_equal(loaded.network.parameter_vector, trainer.network.parameter_vector)
    trainer.step(11)
    loaded.step(11)
    assert losses(loaded) == losses(trainer)
    assert np.array_equal(loaded.network.parameter_vector, trainer.network.parameter_vector)


def test_the_file_says_what_a_reader_needs():
    trainer = trained(LINKS[2], 3)
    saved = json.loads(export_weights(trainer))
    assert saved["link"].startswith("activation=leakyrelu") and "optimizer=adam" in saved["link"]
    assert saved["network"]["layer_sizes"] == [2, 4, 2, 1] and saved["network"]["activation"] == "leakyrelu"
    assert saved["epoch"] == 3 and len(saved["history"]) == 4
    assert saved["training"]["optimizer"]["steps"] == 3 * 8  # 250 points: 8 full batches of 30 an epoch
    assert len(saved["network"]["weights"]) == len(saved["network"]["biases"]) == 3


def test_a_learning_rate_changed_while_training_is_kept():
    trainer = trained(LINKS[0], 2)
    trainer.learner.learning_rate = 0.1
    loaded = load_weights(export_weights(trainer))
    assert loaded.learner.learning_rate == 0.1 and loaded.state().learningRate == 0.1


def edited(change) -> str:
    saved = json.loads(export_weights(trained(LINKS[2], 3)))
    change(saved)
    return json.dumps(saved)


BAD_FILES = {
    "not JSON": ("{'weights': [1, 2", "not JSON"),
    "another file's JSON": ('{"cells": []}', "not a saved network"),
    "a later version": (edited(lambda s: s.update(version=2)), "version 2"),
    "a link the playground cannot read": (edited(lambda s: s.update(link="activation=swish")), "link: "),
    "a network that is not the link's": (edited(lambda s: s["network"].update(layer_sizes=[2, 3, 1])),
                                         r"its network \(\[2, 3, 1\].* is not the one its link describes"),
    "a weight that is missing": (edited(lambda s: s["network"]["weights"][0].pop()), "network: parameter shapes"),
    "a weight that is text": (edited(lambda s: s["network"]["weights"][0][0].__setitem__(0, "x")), "malformed|network"),
    "no epoch": (edited(lambda s: s.pop("epoch")), 'no "epoch"'),
    "a negative epoch": (edited(lambda s: s.update(epoch=-1)), "epoch: needs a whole number"),
    "another optimizer": (edited(lambda s: s["training"]["optimizer"].update(name="sgd")), "training.optimizer: 'sgd'"),
    "text in an optimizer vector": (edited(lambda s: s["training"]["optimizer"]["second"][0].__setitem__(1, "x")),
                                    "training.optimizer.second"),
    "a short optimizer vector": (edited(lambda s: s["training"]["optimizer"]["first"][0].pop()), "training.optimizer.first"),
    "dead weights of another shape": (edited(lambda s: s["training"]["dead"].pop()), "training.dead"),
    "a history that ends elsewhere": (edited(lambda s: s["history"].pop()), "history: "),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_is_refused_with_what_is_wrong(case):
    text, message = BAD_FILES[case]
    with pytest.raises(ValueError, match=message):
        load_weights(text)


def test_a_diverged_network_has_no_weights_to_save():
    trainer = trained(LINKS[0], 1)
    trainer.network.parameter_vector[0] = np.nan
    with pytest.raises(ValueError, match="diverged"):
        export_weights(trainer)
