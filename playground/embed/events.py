"""What the playground tells the page around it when embedded (``playground/embed/events.schema.json``).

Each event's data is built here from the session and the lessons' tutor, then handed to
``post(type, data)``: in the browser that is ``playground.page.bridge``'s seam to ``site/embed_bridge.js``,
which wraps it in the envelope and posts it to the host; in tests it is a list. Nothing here
needs a browser. Progress is throttled (a frame comes 16 times a second; the host needs 2),
and ``stateChanged`` is coalesced: a lesson opening changes twenty settings at once, the host
hears of the result. Everything said before ``ready`` is held and follows it, so the host
hears ``ready`` first.
"""

import math
import time
from collections.abc import Callable
from contextlib import contextmanager

from playground.lessons import Lesson
from playground.lessons.tutor import Tutor
from playground.session import Session

PROGRESS_PERIOD_S = 0.5
"""At most two progress events a second while training."""
STATE_PERIOD_S = 0.25
"""At most one stateChanged event every quarter of a second."""

Post = Callable[[str, dict], None]
Later = Callable[[float, Callable[[], None]], None]
"""``later(seconds, callback)``: run ``callback`` once, that much later (the event loop's ``call_later``)."""


class EmbedEvents:
    """Tells the page around the playground what happens in it, as the spec's events."""

    def __init__(self, session: Session, lessons: Tutor, post: Post, later: Later,
                 clock: Callable[[], float] = time.monotonic):
        self.session, self._post, self._later, self._clock = session, post, later, clock
        self._held: list[tuple[str, dict]] | None = []
        """Events said before ``ready``; None once ready."""
        self._progress_at = -math.inf
        self._link_sent: str | None = None
        self._link_waiting: str | None = None
        self._link_sent_at = -math.inf
        self._pause_reason: str | None = None
        session.param.watch(lambda event: self._playing_changed(event.new), "playing")
        lessons.when_goal_reached(self._goal_reached)

    def ready(self, link: str, language: str, page_keys: dict[str, str], embed: bool) -> None:
        """The app is built: say so with its setup first, then whatever happened while it was built."""
        step = page_keys.get("step")
        self._link_sent, self._link_sent_at = link, self._clock()
        self._post("ready", {"link": link, "language": language, "lesson": page_keys.get("lesson"),
                             "step": int(step) if step else None, "embed": embed})
        held, self._held = self._held, None
        for kind, data in held:
            self._post(kind, data)

    def state_changed(self, link: str) -> None:
        """The setup is now ``link``: said at once after a quiet spell, else at the end of the period."""
        if self._held is not None:
            return  # ready will carry the link
        waiting, self._link_waiting = self._link_waiting, link
        if waiting is not None:
            return  # a send is already scheduled; it will take this link
        wait = self._link_sent_at + STATE_PERIOD_S - self._clock()
        if wait > 0:
            self._later(wait, self._send_link)
        else:
            self._send_link()

    def frame(self) -> None:
        """A frame trained: progress, if the last one is old enough."""
        if self._clock() - self._progress_at >= PROGRESS_PERIOD_S:
            self._progress()

    def rejected(self, command: str, problems: list[str]) -> None:
        """A command from the host was understood but (partly) refused, for these reasons."""
        self._say("commandRejected", {"command": command, "problems": problems})

    @contextmanager
    def pausing_for(self, reason: str):
        """Any pause inside this block happens for ``reason`` (a command from the host)."""
        self._pause_reason = reason
        try:
            yield
        finally:
            self._pause_reason = None

    def _send_link(self) -> None:
        link, self._link_waiting = self._link_waiting, None
        if link is None or link == self._link_sent:
            return
        self._link_sent, self._link_sent_at = link, self._clock()
        self._say("stateChanged", {"link": link})

    def _playing_changed(self, playing: bool) -> None:
        epoch = self.session.trainer.epoch
        if playing:
            self._say("trainingStarted", {"epoch": epoch})
            return
        self._say("trainingPaused", {"epoch": epoch, "reason": self._why_paused()})
        self._progress()

    def _why_paused(self) -> str:
        if self.session.trainer.divergence:
            return "diverged"
        if self.session.reached_stop():
            return "stopAtEpoch"
        return self._pause_reason or "user"

    def _progress(self) -> None:
        self._progress_at = self._clock()
        metrics = self.session.trainer.history[-1]
        self._say("progress", {"epoch": self.session.trainer.epoch, "trainingLoss": _number(metrics.train_loss),
                               "testLoss": _number(metrics.test_loss), "testAccuracy": _number(metrics.test_accuracy)})

    def _goal_reached(self, lesson: Lesson, index: int) -> None:
        steps = len(lesson.steps)
        self._say("lessonStepCompleted", {"lesson": lesson.id, "step": index + 1, "steps": steps})
        if index == steps - 1:
            self._say("lessonCompleted", {"lesson": lesson.id, "steps": steps})

    def _say(self, kind: str, data: dict) -> None:
        if self._held is not None:
            self._held.append((kind, data))
        else:
            self._post(kind, data)


def _number(value: float | None) -> float | None:
    """A metric as JSON can carry it: None where it is not finite or not defined."""
    return float(value) if value is not None and math.isfinite(value) else None
