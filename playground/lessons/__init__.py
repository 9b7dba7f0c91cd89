"""Guided lessons: Markdown files with a YAML front matter, read, checked and followed.

A lesson (``lessons/NN-<id>.md`` and its ``.zh-CN.md`` translation; the format is in
``lessons/README.md``) gives a preset, steps with goals the app checks as the student
works, hints and answers. This package is pure Python on top of the state, links and
session: no Panel, so the command line and the tests load it quickly.

    parser    one lesson's files -> a checked Lesson, or every problem with file and line
    catalog   every lesson of a directory; default_catalog() for the app
    goals     the goal vocabulary: met / describe / status
    progress  LessonProgress: where a student is in a lesson, on a live session
    replay    do what each step's answer says and check the goal is reached
    store     a student's progress in every lesson, kept between visits (the browser's localStorage)
    tutor     Tutor: the lesson flow on one session (open, steps, close, links); ui.lessons shows it
"""

from .catalog import LESSONS_ENV, Catalog, default_catalog, lessons_dir, load_catalog
from .goals import Goal, Snapshot
from .model import Answer, Lesson, LessonText, Step, StepText
from .parser import parse_lesson
from .problems import LessonError
from .progress import LessonProgress
from .replay import replay

__all__ = [
    "LESSONS_ENV", "Answer", "Catalog", "Goal", "Lesson", "LessonError", "LessonProgress", "LessonText",
    "Snapshot", "Step", "StepText", "default_catalog", "lessons_dir", "load_catalog", "parse_lesson", "replay",
]
