"""The player's frames, in this Python (no page, so no training worker): what they train, when they
stop, and how long a frame may train after a slow or a quick redraw."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from playground.player import FRAME_PERIOD_S, MIN_TRAINING_S, Player
from playground.session import Session
from playground.state import PlaygroundState


class Clock:
    """A clock the test moves by hand."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def run(frame) -> None:
    """Await ``frame`` on an event loop of its own (another test's loop may be running in this thread)."""
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, frame).result()


def played(state: PlaygroundState | None = None, budget_s: float = 0.02):
    shown = []
    session = Session(state or PlaygroundState(), frame_budget_s=budget_s)
    clock = Clock()
    return Player(session, lambda: shown.append(session.trainer.epoch), clock=clock), shown, clock


def test_a_frame_trains_then_shows_what_it_trained():
    player, shown, _ = played()
    player.session.playing = True
    run(player.frame())
    assert player.session.trainer.epoch > 0 and shown == [player.session.trainer.epoch]


def test_a_paused_session_trains_and_shows_nothing():
    player, shown, _ = played()
    run(player.frame())
    assert player.session.trainer.epoch == 0 and shown == []


def test_frames_stop_at_the_epoch_to_stop_at():
    player, shown, _ = played(PlaygroundState(stopAtEpoch=7), budget_s=1.0)
    player.session.playing = True
    run(player.frame())
    assert player.session.trainer.epoch == 7 and not player.session.playing and shown == [7]


def test_frames_stop_when_the_network_diverges():
    state = PlaygroundState(problem="regression", activation="relu", learningRate=10, networkShape=[8, 8, 8], noise=50)
    player, _, _ = played(state, budget_s=0.05)
    player.session.playing = True
    for _ in range(100):
        run(player.frame())
    assert player.session.trainer.divergence and not player.session.playing


def test_a_slow_redraw_leaves_the_next_frame_less_training_but_never_none():
    player, _, clock = played(budget_s=0.03)
    player.session.playing = True
    assert player.training_budget() == 0.03  # the first frame: nothing to go by
    player.train_here()

    clock.now += 2 * FRAME_PERIOD_S  # the redraw and the paint took two frames' time
    assert player.training_budget() == MIN_TRAINING_S
    player.train_here()
    clock.now += 0.005  # a quick redraw
    assert player.training_budget() == pytest.approx(min(0.03, FRAME_PERIOD_S - 0.005))


def test_a_pause_is_not_taken_for_a_slow_redraw():
    player, _, clock = played(budget_s=0.03)
    player.session.playing = True
    player.train_here()
    player.session.playing = False
    clock.now += 10  # paused for ten seconds
    player.session.playing = True
    assert player.training_budget() == 0.03
