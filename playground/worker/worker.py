"""The training worker's own side: what site/training_worker.js runs in its Python.

It trains the frames the page asks for (``protocol.request``) on a trainer made from the
same recipe as the page's, and answers with what changed and the picture of the weights.
"""

import time

from ..session import Session
from ..state import PlaygroundState
from . import protocol

MIN_TRAINING_S = 0.005
"""Training a frame always gets in the worker, however long its picture takes."""


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
        recipe, weight_draw, progress, budget_s, epochs_per_frame, stop_at_epoch, track_gradients = \
            protocol.read_request(message)
        session = self._session_for(recipe, weight_draw)
        trainer = session.trainer
        progress.restore(trainer)
        trainer.track_gradients = track_gradients
        trainer.history = []  # so it holds the epochs of this frame only
        session.state.param.update(epochsPerFrame=epochs_per_frame, stopAtEpoch=stop_at_epoch)
        session.playing = True
        session.play_frame(max(MIN_TRAINING_S, budget_s - self._picture_s))
        start = time.perf_counter()
        picture = trainer.picture()
        self._picture_s = time.perf_counter() - start
        return protocol.reply(trainer, picture)

    def _session_for(self, recipe: dict, weight_draw: int) -> Session:
        """The same session as the last request's when its recipe is the same (the data is made once)."""
        key = (recipe, weight_draw)
        if key != self._key:
            self._session = Session(PlaygroundState(**recipe), weight_draw=weight_draw)
            self._key = key
        return self._session
