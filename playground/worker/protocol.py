"""Training handed to another Python (the page's training worker), one frame at a time.

The page's own Python draws; a second one, in a Web Worker on another core, trains
meanwhile. The page's trainer stays the truth: each request carries what training
changes (epoch, parameters, optimizer state, L1's dead links, the gradients of the
points carried to the next epoch, divergence) and the worker, holding a trainer made
from the same recipe (same data, same code), trains on from there and sends back
what changed. A reply is taken only if nothing else
changed the trainer since its request (a reset, a step, a typed weight, a new
learning rate); otherwise it is dropped and the next request starts from the new
state. Requests and replies are pickles: both ends are this package.
"""

import pickle
import time
from dataclasses import dataclass

import numpy as np

from ..session import Session
from ..state import PlaygroundState
from ..trainer import Trainer

MIN_TRAINING_S = 0.005
"""Training a frame always gets in the worker, however long its picture takes."""


@dataclass
class Progress:
    """What training changes in a trainer, and the metrics of the epochs it trained."""

    epoch: int
    parameters: np.ndarray
    optimizer: dict
    dead: list[np.ndarray]
    carried: tuple[np.ndarray, int] | None
    divergence: str | None
    learning_rate: float
    history: list

    @classmethod
    def of(cls, trainer: Trainer, history: list | None = None) -> "Progress":
        learner = trainer.learner
        return cls(trainer.epoch, learner.network.parameter_vector.copy(), dict(vars(learner.optimizer)),
                   [dead.copy() for dead in learner.dead], learner.carried, learner.divergence,
                   learner.learning_rate, history or [])

    def restore(self, trainer: Trainer) -> None:
        """Make ``trainer`` (one of the same recipe) continue from here."""
        learner = trainer.learner
        np.copyto(learner.network.parameter_vector, self.parameters)  # in place: the layers are views
        vars(learner.optimizer).update(self.optimizer)
        learner.dead = self.dead
        learner.carried = self.carried
        learner.divergence = self.divergence
        learner.learning_rate = self.learning_rate
        trainer.epoch = self.epoch

    def matches(self, trainer: Trainer) -> bool:
        """Whether ``trainer`` is still where this was taken from."""
        return (trainer.epoch == self.epoch and trainer.learner.learning_rate == self.learning_rate
                and np.array_equal(trainer.network.parameter_vector, self.parameters))


def request(trainer: Trainer, budget_s: float, epochs_per_frame: int, stop_at_epoch: int) -> tuple[Progress, bytes]:
    """One frame of training for the worker, from where ``trainer`` is: where that is, and the request."""
    sent = Progress.of(trainer)
    return sent, pickle.dumps((trainer.recipe, trainer.weight_draw, sent, budget_s, epochs_per_frame, stop_at_epoch))


def adopt(trainer: Trainer, sent: Progress, reply: bytes) -> int:
    """Take the worker's reply into ``trainer`` if it is still where ``sent`` was; the epochs taken."""
    progress, picture = pickle.loads(reply)
    if not sent.matches(trainer):
        return 0
    progress.restore(trainer)
    trainer.history.extend(progress.history)
    trainer.keep_picture(picture)
    return progress.epoch - sent.epoch


class Worker:
    """The worker's side: trains the frames it is asked for and pictures their weights.

    The picture (the views' maps, a pass over the 100×100 grid) is made here too, so
    the page's Python only draws. A frame's training gets its budget less the time the
    last picture took, so the reply is back when the page asks for it.
    """

    def __init__(self):
        self._key = None
        self._session: Session | None = None
        self._picture_s = 0.0

    def handle(self, message: bytes) -> bytes:
        recipe, weight_draw, progress, budget_s, epochs_per_frame, stop_at_epoch = pickle.loads(message)
        session = self._session_for(recipe, weight_draw)
        trainer = session.trainer
        progress.restore(trainer)
        trainer.history = []  # so it holds the epochs of this frame only
        session.state.param.update(epochsPerFrame=epochs_per_frame, stopAtEpoch=stop_at_epoch)
        session.playing = True
        session.play_frame(max(MIN_TRAINING_S, budget_s - self._picture_s))
        start = time.perf_counter()
        picture = trainer.picture()
        self._picture_s = time.perf_counter() - start
        return pickle.dumps((Progress.of(trainer, trainer.history), picture))

    def _session_for(self, recipe: dict, weight_draw: int) -> Session:
        """The same session as the last request's when its recipe is the same (the data is made once)."""
        key = (recipe, weight_draw)
        if key != self._key:
            self._session = Session(PlaygroundState(**recipe), weight_draw=weight_draw)
            self._key = key
        return self._session
