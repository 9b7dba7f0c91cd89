"""The page's side of the training worker (site/training_worker.js).

While the page's Python draws a frame and the browser paints it, the worker trains the
next one on the other core: each frame takes the epochs the worker trained since the
last and asks for the next ones at once. The worker's time per frame should end just
as the page comes back for its reply: a frame that had to wait for the reply gives the
next one that much less, and a frame whose reply was already there gives a little more.
"""

import time

from ..page.browser import training_worker
from ..session import Session
from . import protocol

MIN_BUDGET_S = 0.005
MAX_BUDGET_S = 0.100
GROWTH_S = 0.002
"""How much longer the worker trains after a frame whose reply was in before the page asked."""
WAIT_TOLERANCE_S = 0.001
SHARE_OF_FRAME = 0.7
"""The most of the page's frame the worker trains for, leaving the browser's own threads a share of its core."""


class TrainingWorker:
    """Frames of training asked of the worker, one in flight at a time."""

    def __init__(self):
        self._pending = None  # (trainer, where it was sent from, the reply's promise)
        self._budget_s = MIN_BUDGET_S
        self._last_ask: float | None = None

    @property
    def ready(self) -> bool:
        """Whether the page started a worker and it has booted (and not failed since)."""
        handle = training_worker()
        return bool(handle and handle.ready)

    def forget(self) -> None:
        """Drop the frame in flight (on pause: its epochs are not taken later)."""
        self._pending = None

    async def frame(self, session: Session) -> int:
        """Take the epochs of the frame in flight, ask for the next; how many epochs were taken."""
        epochs = 0
        if self._pending is not None:
            trainer, sent, promise = self._pending
            self._pending = None
            asked = time.perf_counter()
            reply = await promise
            self._pace(time.perf_counter() - asked)
            if reply is not None and session.playing and session.trainer is trainer:
                epochs = protocol.adopt(trainer, sent, reply.to_bytes())
                session.stop_if_done()
        if session.playing:
            self._ask(session)
        return epochs

    def _pace(self, waited_s: float) -> None:
        """The next frame's training time, from how long this one waited for its reply."""
        budget = self._budget_s - waited_s if waited_s > WAIT_TOLERANCE_S else self._budget_s + GROWTH_S
        now = time.perf_counter()
        if self._last_ask is not None:
            budget = min(budget, SHARE_OF_FRAME * (now - self._last_ask))
        self._budget_s = min(MAX_BUDGET_S, max(MIN_BUDGET_S, budget))

    def _ask(self, session: Session) -> None:
        from pyodide.ffi import to_js

        self._last_ask = time.perf_counter()
        trainer, state = session.trainer, session.state
        sent, request = protocol.request(trainer, self._budget_s, state.epochsPerFrame, state.stopAtEpoch)
        self._pending = (trainer, sent, training_worker().advance(to_js(request)))
