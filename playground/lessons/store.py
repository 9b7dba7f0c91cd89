"""Lesson progress kept between visits: in the browser's localStorage, else in memory.

One JSON record under one key (``STORAGE_KEY``) holds a student's progress in every lesson::

    {"open": "one-neuron",
     "lessons": {"one-neuron": {"version": 1, "step": "train", "steps_done": ["meet"], "done": false}}}

``open`` is the lesson that was open when the page was left (null for none); ``step`` is
the id of the step shown last. Each lesson's progress is kept with the lesson's version:
a lesson whose steps changed (a new version) starts again, so a saved step never points
into steps it was not saved for. Storage that cannot be read or written (private
browsing, storage switched off, a broken record) counts as empty: saved progress is a
convenience, never a reason for the app to fail.
"""

import json
from dataclasses import asdict, dataclass

from playground.page.storage import page_storage

from .model import Lesson

STORAGE_KEY = "neural-playground.lessons"


@dataclass(frozen=True)
class SavedLesson:
    """Where a student was in one lesson of one version."""

    version: int
    step: str
    """The id of the step shown last."""
    steps_done: tuple[str, ...] = ()
    """Ids of the steps whose goal was met, in that order."""
    done: bool = False
    """The lesson's last step was completed (it stays done after a restart)."""


class LessonStore:
    """Every lesson's saved progress and the lesson left open, read once and written on each change."""

    def __init__(self, storage=None):
        self.storage = storage if storage is not None else page_storage()
        record = self._read()
        self.open: str | None = record["open"] if isinstance(record.get("open"), str) else None
        """The id of the lesson open when the page was left, or None."""
        self.lessons: dict[str, SavedLesson] = {}
        lessons = record.get("lessons")
        for lesson_id, fields in (lessons if isinstance(lessons, dict) else {}).items():
            try:
                self.lessons[lesson_id] = _saved_lesson(fields)
            except (KeyError, TypeError, ValueError):
                continue  # one broken entry costs only its own lesson

    def saved(self, lesson: Lesson) -> SavedLesson | None:
        """``lesson``'s progress; None if there is none, or if it was saved for another version (then it goes)."""
        saved = self.lessons.get(lesson.id)
        if saved is not None and saved.version != lesson.version:
            del self.lessons[lesson.id]
            if self.open == lesson.id:
                self.open = None
            self._write()
            return None
        return saved

    def is_done(self, lesson: Lesson) -> bool:
        saved = self.saved(lesson)
        return saved is not None and saved.done

    def save(self, lesson: Lesson, saved: SavedLesson) -> None:
        """Keep ``saved`` as ``lesson``'s progress, with the lesson open."""
        self.lessons[lesson.id] = saved
        self.open = lesson.id
        self._write()

    def close(self) -> None:
        """No lesson is open any more; every lesson's progress stays."""
        self.open = None
        self._write()

    def _read(self) -> dict:
        try:
            record = json.loads(self.storage.getItem(STORAGE_KEY) or "{}")
        except Exception:  # unreadable storage or a broken record: start empty
            return {}
        return record if isinstance(record, dict) else {}

    def _write(self) -> None:
        record = {"open": self.open, "lessons": {key: asdict(saved) for key, saved in self.lessons.items()}}
        try:
            self.storage.setItem(STORAGE_KEY, json.dumps(record, ensure_ascii=False))
        except Exception:  # full or refused: the progress lives on in this page until it closes
            pass


def _saved_lesson(fields: dict) -> SavedLesson:
    """A ``SavedLesson`` from its JSON fields; KeyError, TypeError or ValueError if they are not what
    ``_write`` writes."""
    version, step, steps_done, done = fields["version"], fields["step"], fields["steps_done"], fields["done"]
    if not (isinstance(version, int) and isinstance(step, str) and isinstance(done, bool)
            and isinstance(steps_done, list) and all(isinstance(s, str) for s in steps_done)):
        raise ValueError(f"not a saved lesson: {fields!r}")
    return SavedLesson(version, step, tuple(steps_done), done)
