"""The weights of the frames a view drew, so that a paused student can go back through the epochs."""

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

from playground.engine import Network
from playground.trainer import Trainer

KEPT = 240
"""Frames kept at most: past that, every other one of the older half goes (the latest stay close together)."""


class PastFrames:
    """(epoch, weights) of each frame drawn since the trainer started."""

    def __init__(self):
        self.trainer: Trainer | None = None
        self.frames: list[tuple[int, np.ndarray]] = []

    def keep(self, trainer: Trainer) -> None:
        """Keep the weights ``trainer`` has now, unless its epoch is kept already; a new trainer starts afresh."""
        if trainer is not self.trainer:
            self.trainer, self.frames = trainer, []
        if not self.frames or self.frames[-1][0] != trainer.epoch:
            self.frames.append((trainer.epoch, trainer.network.parameter_vector.copy()))
        if len(self.frames) > KEPT:
            self.frames = self.frames[:-KEPT // 2][::2] + self.frames[-KEPT // 2:]

    @property
    def epochs(self) -> tuple[int, int]:
        """The first and the last epoch kept."""
        return self.frames[0][0], self.frames[-1][0]

    @contextmanager
    def at(self, epoch: int) -> Iterator[Network]:
        """The trainer's network with the weights of the last frame kept at or before ``epoch``, for the
        time of a drawing (they are put back after it)."""
        weights = next((kept for at, kept in reversed(self.frames) if at <= epoch), self.frames[0][1])
        vector = self.trainer.network.parameter_vector
        now = vector.copy()
        np.copyto(vector, weights)  # in place: the layers are views of it
        try:
            yield self.trainer.network
        finally:
            np.copyto(vector, now)
