"""Every lesson of a directory, in the order of their file names, with every problem found.

The app reads ``default_catalog()``: in the browser the site writes the lessons into
Pyodide's file system and names that directory in ``$PLAYGROUND_LESSONS``; in CPython
the checkout's ``lessons/`` is used. A directory that is not there is an empty catalog,
so the app still runs where no lessons were shipped.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from .model import Lesson
from .parser import TRANSLATIONS, parse_lesson
from .problems import LessonError

LESSONS_ENV = "PLAYGROUND_LESSONS"
CHECKOUT_LESSONS = Path(__file__).resolve().parents[2] / "lessons"


@dataclass(frozen=True)
class Catalog:
    """The lessons that passed every check, and the problems of those that did not."""

    lessons: tuple[Lesson, ...]
    errors: tuple[LessonError, ...]

    def get(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)


def is_lesson_file(path: Path) -> bool:
    """An English lesson file: not a guide (README*), not a translation (*.zh-CN.md)."""
    return not path.name.startswith("README") and not any(path.name.endswith(f".{t}.md") for t in TRANSLATIONS)


def load_catalog(directory: Path) -> Catalog:
    """Every lesson in ``directory``, sorted by file name (``NN-`` orders them)."""
    paths = sorted(directory.glob("*.md")) if directory.is_dir() else []
    lessons: list[Lesson] = []
    errors: list[LessonError] = []
    for path in paths:
        if is_lesson_file(path):
            lesson, problems = parse_lesson(path)
            errors += problems
            if lesson and any(other.id == lesson.id for other in lessons):
                errors.append(LessonError(path, 1, f'another lesson has the id "{lesson.id}"'))
            elif lesson:
                lessons.append(lesson)
        elif not path.name.startswith("README") and not _english_of(path).exists():
            errors.append(LessonError(path, 1, f"a translation without its English file {_english_of(path).name}"))
    return Catalog(tuple(lessons), tuple(errors))


def _english_of(translation: Path) -> Path:
    language = next(t for t in TRANSLATIONS if translation.name.endswith(f".{t}.md"))
    return translation.with_name(translation.name.removesuffix(f".{language}.md") + ".md")


def lessons_dir() -> Path:
    """Where the app's lessons are: ``$PLAYGROUND_LESSONS`` if set, else the checkout's ``lessons/``."""
    return Path(os.environ.get(LESSONS_ENV) or CHECKOUT_LESSONS)


def default_catalog() -> Catalog:
    """The lessons the app offers."""
    return load_catalog(lessons_dir())
