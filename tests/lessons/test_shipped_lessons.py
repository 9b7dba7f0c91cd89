"""The lessons in lessons/: each reads cleanly, speaks every language, and can be done."""

import pytest

from playground.i18n import LANGUAGES
from playground.lessons import load_catalog, replay
from playground.lessons.catalog import CHECKOUT_LESSONS

CATALOG = load_catalog(CHECKOUT_LESSONS)


def test_every_shipped_lesson_reads_cleanly():
    assert [str(error) for error in CATALOG.errors] == []


@pytest.mark.parametrize("lesson", CATALOG.lessons, ids=lambda lesson: lesson.id)
def test_every_shipped_lesson_speaks_every_language(lesson):
    assert lesson.languages == tuple(LANGUAGES)


@pytest.mark.parametrize("lesson", CATALOG.lessons, ids=lambda lesson: lesson.id)
def test_following_the_answers_reaches_every_goal(lesson):
    assert replay(lesson) == []
