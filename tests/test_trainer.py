"""The trainer's history: what the loss chart and a lesson's goals read, bounded however long a class trains."""

from playground.state import PlaygroundState
from playground.trainer import HISTORY_LIMIT, RECENT_EPOCHS, Trainer

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
