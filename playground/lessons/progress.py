"""Where a student is in a lesson: the current step and its goal, checked on a live session.

The app calls ``check()`` after every frame. It looks at each epoch trained since the
last look (the trainer keeps every recent epoch's metrics), so a goal reached in the middle of
a frame is not missed and ``within`` counts exactly. Epochs count from the step's start;
when the session's trainer is replaced (Reset, New weights, or a change that rebuilds
the network, all of which bump ``Session.revision``) the student has started again, and
so does the count, from 0.
"""

import param

from playground.links import STATE_KEYS
from playground.session import Session

from .goals import Snapshot
from .model import Lesson, Step, settings


class LessonProgress(param.Parameterized):
    """One student's way through one lesson, on one session."""

    index = param.Integer(0, bounds=(0, None), doc="The current step, counted from 0.")
    done = param.List(default=[], item_type=str, doc="Ids of the steps whose goal was met, in that order.")

    def __init__(self, lesson: Lesson, session: Session, **params):
        super().__init__(**params)
        self.lesson = lesson
        self.session = session
        self._begin_step()

    @property
    def step(self) -> Step:
        return self.lesson.steps[self.index]

    @property
    def complete(self) -> bool:
        """Every step's goal has been met."""
        return len(self.done) == len(self.lesson.steps)

    @property
    def epochs_in_step(self) -> int:
        """Epochs trained since the step started, or since the last reset if that came later."""
        self._follow_resets()
        return self.session.trainer.epoch - self._start_epoch

    def snapshot(self) -> Snapshot:
        """The playground as the current goal sees it now."""
        self._follow_resets()
        return self._snapshot_at(self.session.trainer.epoch)

    def check(self) -> bool:
        """Whether the current step is done; marks it done when its goal is met."""
        if self.step.id in self.done:
            return True
        self._follow_resets()
        last = self.session.trainer.epoch
        # The latest epoch always counts again: a param or count goal can be met while paused.
        for epoch in range(min(self._checked, last), last + 1):
            if self.step.goal.met(self._snapshot_at(epoch)):
                self.done = [*self.done, self.step.id]
                break
        self._checked = last + 1
        return self.step.id in self.done

    def status(self, language: str) -> str:
        """Where the student is against the current goal, in ``language``."""
        return self.step.goal.status(self.snapshot(), language)

    def go_to(self, index: int) -> None:
        """Show step ``index``; its epochs count from now."""
        if not 0 <= index < len(self.lesson.steps):
            raise IndexError(f"lesson {self.lesson.id} has steps 0–{len(self.lesson.steps) - 1}, not {index}")
        self.index = index
        self._begin_step()

    def next(self) -> None:
        self.go_to(min(self.index + 1, len(self.lesson.steps) - 1))

    def previous(self) -> None:
        self.go_to(max(self.index - 1, 0))

    def restart(self) -> None:
        """Back to the lesson's first step and its preset, with the first weights and nothing done."""
        session = self.session
        session.playing = False
        session.weight_draw = 0
        start = self.lesson.start_state()
        revision = session.revision
        session.state.param.update({key: getattr(start, key) for key in STATE_KEYS})
        if session.revision == revision:  # nothing that rebuilds the network changed
            session.reset()
        self.done = []
        self.go_to(0)

    def apply_answer(self) -> None:
        """Do what the current step's answer says before training: set, reset, new weights."""
        answer = self.step.answer
        if answer is None:
            return
        if answer.set:
            self.session.state.param.update(settings(answer.set))
        if answer.new_weights:
            self.session.new_weights()
        elif answer.reset:
            self.session.reset()

    def _begin_step(self) -> None:
        self._revision = self.session.revision
        self._start_epoch = self.session.trainer.epoch
        self._checked = self._start_epoch  # the next epoch check() looks at

    def _follow_resets(self) -> None:
        if self.session.revision != self._revision:
            self._revision = self.session.revision
            self._start_epoch = self._checked = 0

    def _snapshot_at(self, epoch: int) -> Snapshot:
        trainer = self.session.trainer
        diverged = trainer.divergence is not None and epoch == trainer.epoch
        return Snapshot(self.session.state, trainer.metrics_at(epoch), diverged, epoch - self._start_epoch)
