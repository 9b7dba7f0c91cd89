"""A checked lesson: its setup, its steps with goals and answers, its text in each language.

Everything here is frozen: a lesson is read and checked once (``parser.parse_lesson``)
and then only read, by the app, the replay and the tests. State values are held as the
state holds them (``learningRate`` 0.1, ``networkShape`` [4, 2]), already validated.
"""

from dataclasses import dataclass
from pathlib import Path

from playground.i18n import DEFAULT_LANGUAGE
from playground.state import PlaygroundState

from .goals import Goal

LEVELS = ("beginner", "intermediate", "advanced")


@dataclass(frozen=True)
class Answer:
    """What the prose answer tells the student to do, so a machine can do it too."""

    set: tuple[tuple[str, object], ...] = ()
    """State keys and values, applied in this order at the step's start."""
    train: int = 0
    """Epochs to train afterwards (pressing Play)."""
    reset: bool = False
    """Press Reset before training."""
    new_weights: bool = False
    """Press "New weights" before training."""


@dataclass(frozen=True)
class Step:
    """One step: its id (unique in the lesson), its goal and its answer (None for some continue steps)."""

    id: str
    goal: Goal
    answer: Answer | None


@dataclass(frozen=True)
class StepText:
    """A step's words in one language; every text is Markdown."""

    title: str
    instructions: str
    hints: tuple[str, ...]
    answer: str | None


@dataclass(frozen=True)
class LessonText:
    """A lesson's words in one language; ``steps`` follow ``Lesson.steps``."""

    title: str
    intro: str
    steps: tuple[StepText, ...]


@dataclass(frozen=True)
class Lesson:
    """A lesson as its files describe it, checked."""

    id: str
    version: int
    level: str
    minutes: int
    preset: tuple[tuple[str, object], ...]
    """State keys the lesson starts from; every other key keeps the playground's default."""
    locked: tuple[str, ...]
    """Controls shown but not changeable (names from state.HIDABLE_CONTROLS)."""
    hidden: tuple[str, ...]
    """Controls not shown (same names)."""
    steps: tuple[Step, ...]
    texts: dict[str, LessonText]
    """Language tag -> text; English always, then the translations present."""
    files: dict[str, Path]
    """Language tag -> the file its text came from."""
    data: Path | None = None
    """The CSV of the lesson's own points (already in ``preset`` as ``yourData``), shipped with it."""
    open_views: tuple[str, ...] = ()
    """The views inside the network opened with the lesson (names from state.INSIDE_VIEWS)."""

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.texts)

    @property
    def paths(self) -> tuple[Path, ...]:
        """Every file the lesson is made of, to ship: its text in each language, and its points' CSV."""
        return (*self.files.values(), *([self.data] if self.data else []))

    def text(self, language: str) -> LessonText:
        """The lesson's words in ``language``, or in English where there is no translation."""
        return self.texts.get(language) or self.texts[DEFAULT_LANGUAGE]

    def start_state(self) -> PlaygroundState:
        """A fresh state with the preset on top of the defaults (seed included: "0.00000")."""
        return PlaygroundState(**settings(self.preset))


def settings(pairs: tuple[tuple[str, object], ...]) -> dict[str, object]:
    """State values ready to assign; lists are copied so no state shares the lesson's own."""
    return {key: list(value) if isinstance(value, list) else value for key, value in pairs}
