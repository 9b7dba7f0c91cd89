"""Saved lesson progress: kept across page loads, discarded when the lesson's version changes."""

import json

from playground.lessons import parse_lesson
from playground.lessons.store import STORAGE_KEY, LessonStore, SavedLesson
from playground.page.storage import MemoryStorage
from tests.helpers.lesson_files import CHINESE, ENGLISH, write_lesson


def lesson_at(tmp_path, version: int = 1):
    versioned = {text: text.replace("version: 1", f"version: {version}") for text in (ENGLISH, CHINESE)}
    lesson, errors = parse_lesson(write_lesson(tmp_path, versioned[ENGLISH], versioned[CHINESE]))
    assert errors == []
    return lesson


def test_progress_is_read_back_by_the_next_page(tmp_path):
    lesson, storage = lesson_at(tmp_path), MemoryStorage()
    LessonStore(storage).save(lesson, SavedLesson(1, "train", ("watch",)))

    again = LessonStore(storage)

    assert again.open == "one-neuron"
    assert again.saved(lesson) == SavedLesson(1, "train", ("watch",), done=False)
    assert json.loads(storage.getItem(STORAGE_KEY)) == {
        "open": "one-neuron",
        "lessons": {"one-neuron": {"version": 1, "step": "train", "steps_done": ["watch"], "done": False}},
    }


def test_progress_saved_for_another_version_of_the_lesson_is_discarded(tmp_path):
    storage = MemoryStorage()
    LessonStore(storage).save(lesson_at(tmp_path / "old", version=1), SavedLesson(1, "relu", ("watch", "train"), True))

    store = LessonStore(storage)
    newer = lesson_at(tmp_path / "new", version=2)

    assert store.saved(newer) is None and not store.is_done(newer)
    assert store.open is None
    assert json.loads(storage.getItem(STORAGE_KEY)) == {"open": None, "lessons": {}}


def test_closing_keeps_every_lessons_progress(tmp_path):
    lesson, store = lesson_at(tmp_path), LessonStore(MemoryStorage())
    store.save(lesson, SavedLesson(1, "relu", ("watch", "train", "relu"), done=True))
    store.close()
    assert store.open is None and store.is_done(lesson)


def test_a_broken_record_or_entry_counts_as_no_progress(tmp_path):
    lesson, storage = lesson_at(tmp_path), MemoryStorage()
    storage.setItem(STORAGE_KEY, "{not json")
    assert LessonStore(storage).saved(lesson) is None

    storage.setItem(STORAGE_KEY, json.dumps({"open": 3, "lessons": {
        "one-neuron": {"version": 1, "step": "train"},  # fields missing
        "other": {"version": "1", "step": "a", "steps_done": [], "done": False},  # a version that is no number
        "third": {"version": 1, "step": "a", "steps_done": ["a"], "done": True},
    }}))
    store = LessonStore(storage)
    assert store.open is None and store.saved(lesson) is None
    assert list(store.lessons) == ["third"]


def test_storage_that_refuses_is_no_reason_to_fail(tmp_path):
    class Refusing:
        def getItem(self, key):  # noqa: N802
            raise RuntimeError("SecurityError: storage is disabled")

        def setItem(self, key, value):  # noqa: N802
            raise RuntimeError("QuotaExceededError")

    lesson, store = lesson_at(tmp_path), LessonStore(Refusing())
    store.save(lesson, SavedLesson(1, "train"))
    assert store.saved(lesson) == SavedLesson(1, "train")  # kept for as long as the page is open
