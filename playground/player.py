"""The player (TF Playground's name for it): the one loop that plays a session.

While the session plays, frames follow each other: each trains (in the training worker once
it is ready, else here), shows what changed, and waits until the browser has painted it, so
every frame shown is seen. In a page that wait is the pace: the next frame starts as soon as
the last is painted, as TF Playground's does, up to the screen's rate. Without a page to paint
(``panel serve``) frames come FRAME_RATE a second (Panel's periodic callback). Where training
stops (divergence, the epoch to stop at) is the session's rule, ``Session.stop_if_done``.
"""

import time
from collections.abc import Callable

from panel.io.callbacks import PeriodicCallback

from .page.browser import next_paint, paints_pace_frames
from .session import Session
from .worker.client import TrainingWorker

FRAME_RATE = 30
"""Frames a second without a page to pace them, and the rate the page's own training plans for."""
FRAME_PERIOD_S = 1 / FRAME_RATE
PAINT_PACED_PERIOD_MS = 1
"""The periodic callback's period in a page: no wait of its own besides the paint's. (A frame of
18 ms that then waited out a 33 ms period often missed a screen refresh and took 50 ms.)"""
MIN_TRAINING_S = 0.015
"""Training a frame trained here always gets, so a network whose redraw fills a frame still learns."""


class Player:
    """Plays ``session``, calling ``show()`` after each frame that trained."""

    def __init__(self, session: Session, show: Callable[[], None], worker: TrainingWorker | None = None,
                 clock: Callable[[], float] = time.perf_counter):
        self.session = session
        self.show = show
        self.worker = worker or TrainingWorker()
        self.clock = clock
        self._trained_until: float | None = None  # when this side's last frame of training ended
        # In the background: Panel would otherwise count every frame in and out of its busy
        # state (pn.state.busy), whose watchers cost the page ~5 ms a frame; nothing here shows it.
        period_ms = PAINT_PACED_PERIOD_MS if paints_pace_frames() else round(1000 * FRAME_PERIOD_S)
        self._frames = PeriodicCallback(callback=self.frame, period=period_ms, background=True)
        session.param.watch(lambda event: self._follow(event.new), "playing")

    async def frame(self) -> None:
        """Train one frame, show it, and return once the browser has painted it."""
        if self.worker.ready:
            trained = await self.worker.frame(self.session)
        else:
            trained = self.train_here()
        if trained:
            self.show()
        await next_paint()

    def train_here(self) -> int:
        """One frame's training in this Python; how many epochs it trained."""
        epochs = self.session.play_frame(self.training_budget())
        self._trained_until = self.clock()
        return epochs

    def training_budget(self) -> float:
        """What the last frame's redraw and paint left of a frame's period, never less than
        MIN_TRAINING_S nor more than the session's budget: a cheap network gets more epochs,
        a costly one keeps its frame rate."""
        budget = self.session.frame_budget_s
        if self._trained_until is not None:
            left = FRAME_PERIOD_S - (self.clock() - self._trained_until)
            budget = min(budget, max(MIN_TRAINING_S, left))
        return budget

    def _follow(self, playing: bool) -> None:
        if playing and not self._frames.running:
            self._frames.start()
        elif not playing:
            if self._frames.running:
                self._frames.stop()
            self.worker.forget()  # its frame in flight is not taken later
            self._trained_until = None  # a pause is not a slow redraw
