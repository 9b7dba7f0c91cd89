"""An embedded session and the page around it, for the tests of the embed's events and commands."""
from __future__ import annotations

from playground.embed.events import EmbedEvents
from playground.lessons import load_catalog
from playground.lessons.store import LessonStore
from playground.page.storage import MemoryStorage
from playground.session import Session
from playground.state import PlaygroundState
from playground.lessons.tutor import Tutor
from tests.helpers import ROOT
from tests.helpers.embed_schema import check, envelope

LESSONS = load_catalog(ROOT / "lessons")


class Host:
    """The page around: what it was posted, and a clock and timers the test moves by hand."""

    def __init__(self):
        self.heard: list[tuple[str, dict]] = []
        self.now = 100.0
        self.timers: list[tuple[float, object]] = []

    def post(self, kind: str, data: dict) -> None:
        assert check(envelope(kind, data), "events") == []
        self.heard.append((kind, data))

    def later(self, seconds: float, callback) -> None:
        self.timers.append((self.now + seconds, callback))

    def wait(self, seconds: float) -> None:
        self.now += seconds
        due = [timer for timer in self.timers if timer[0] <= self.now]
        self.timers = [timer for timer in self.timers if timer[0] > self.now]
        for _, callback in due:
            callback()

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.heard]

    def take(self) -> list[tuple[str, dict]]:
        heard, self.heard = self.heard, []
        return heard


def embedded(state: PlaygroundState | None = None) -> tuple[EmbedEvents, Host]:
    """Events about a new session with the shipped lessons (``events.lessons``), heard by a new host."""
    host = Host()
    session = Session(state or PlaygroundState(), frame_budget_s=0.01)
    lessons = Tutor(session, LESSONS, LessonStore(MemoryStorage()))
    events = EmbedEvents(session, lessons, host.post, host.later, clock=lambda: host.now)
    events.lessons = lessons
    return events, host
