"""The trainer: its bounded history (what the loss chart and the goals read), and its picture of several classes."""

import numpy as np

from playground.state import PlaygroundState
from playground.trainer import CONFIDENT, GRID, HISTORY_LIMIT, RECENT_EPOCHS, Trainer, class_map

LONG_RUN = 3 * HISTORY_LIMIT  # about an hour of Play is a hundred times this: it holds no more


def small_setup(**limits) -> Trainer:
    return Trainer(PlaygroundState(dataset="xor", networkShape=[1], percTrainData=10), **limits)


def test_a_long_run_holds_a_bounded_history_with_every_recent_epoch():
    trainer = small_setup()
    for _ in range(LONG_RUN // 500):
        trainer.step(500)

    epochs = [metrics.epoch for metrics in trainer.history]
    assert len(epochs) <= HISTORY_LIMIT
    assert epochs[0] == 0 and epochs[-1] == LONG_RUN == trainer.epoch
    assert epochs == sorted(set(epochs))  # in order, none twice
    assert epochs[-RECENT_EPOCHS:] == list(range(LONG_RUN - RECENT_EPOCHS + 1, LONG_RUN + 1))
    assert trainer.metrics_at(LONG_RUN - 7).epoch == LONG_RUN - 7
    thinned = next(epoch for epoch in range(LONG_RUN) if epoch not in epochs)
    assert trainer.metrics_at(thinned).epoch == thinned - 1  # the last kept before it


def test_the_command_line_keeps_every_epoch():
    trainer = small_setup(history_limit=None)
    trainer.step(HISTORY_LIMIT + 10)
    assert [metrics.epoch for metrics in trainer.history] == list(range(HISTORY_LIMIT + 11))


def test_three_blobs_train_a_softmax_to_high_accuracy_with_its_confusion_matrix():
    trainer = Trainer(PlaygroundState(dataset="blobs", classes=3, networkShape=[8, 8], seed="0.5"))
    assert trainer.network.layer_sizes == [2, 8, 8, 3]
    final = trainer.step(100)
    assert final.test_accuracy > 0.95
    confusion = trainer.confusion()
    assert confusion.shape == (3, 3) and confusion.sum() == len(trainer.dataset.test)
    assert np.trace(confusion) / confusion.sum() == final.test_accuracy
    probabilities = trainer.neuron_maps(GRID)[-1]
    output = trainer.picture().output  # one number a point, as for two classes: the worker sends no more
    assert output.shape == (100 * 100,)
    np.testing.assert_array_equal(np.floor(output), probabilities.argmax(axis=1))  # the winner's colour
    sure = probabilities.max(axis=1) > 0.99
    assert sure.any() and np.all(output[sure] % 1 > 0.98)  # sure: the class's full colour


def test_the_class_map_is_the_winning_class_plus_how_sure_it_is():
    probabilities = np.array([[1 / 3, 1 / 3, 1 / 3], [0.1, 0.6, 0.3], [0, 0, 1], [np.nan, np.nan, np.nan]])
    np.testing.assert_allclose(class_map(probabilities), [0, 1.4, 2 + CONFIDENT, np.nan], rtol=1e-6)


def test_tf_data_sets_keep_two_classes_whatever_classes_says():
    state = PlaygroundState(dataset="circle", classes=3)
    assert state.class_count() == 2
    assert Trainer(state).network.layer_sizes[-1] == 1
    state.problem = "regression"
    assert state.class_count() == 2
