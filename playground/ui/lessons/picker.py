"""The lesson picker: every lesson with its level, its length and how far the student got.

Built once from the lessons (they do not change while the page is open); a title is a
button that calls ``on_choose(lesson)``. ``refresh`` says everything again from the saved
progress, in the picker's language.
"""

from collections.abc import Callable
from html import escape

import panel as pn

from playground.assets import asset
from playground.i18n import DEFAULT_LANGUAGE, text
from playground.lessons import Lesson
from playground.lessons.store import LessonStore

class LessonPicker:
    """A list of the lessons to open, each marked done, at step k, or not done."""

    def __init__(self, lessons: tuple[Lesson, ...], store: LessonStore, on_choose: Callable[[Lesson], None],
                 language: str = DEFAULT_LANGUAGE):
        self.lessons = lessons
        self.store = store
        self.language = language
        self.heading = pn.pane.HTML(stylesheets=[asset("lesson_picker.css")], css_classes=["np-lesson-about"],
                                    margin=(4, 10))
        self.buttons = [pn.widgets.Button(sizing_mode="stretch_width", css_classes=["np-lesson-choice"],
                                          stylesheets=[asset("lesson_picker.css")], margin=(8, 10, 0, 10)) for _ in lessons]
        for lesson, button in zip(lessons, self.buttons):
            button.on_click(lambda event, lesson=lesson: on_choose(lesson))
        self.marks = [pn.pane.HTML(stylesheets=[asset("lesson_picker.css")], css_classes=["np-lesson-about"],
                                   margin=(2, 12)) for _ in lessons]
        rows = [item for pair in zip(self.buttons, self.marks) for item in pair]
        self.panel = pn.Column(self.heading, *rows, css_classes=["np-lesson-picker"], sizing_mode="stretch_width",
                               visible=False)
        self.refresh()

    def set_language(self, language: str) -> None:
        self.language = language
        self.refresh()

    def refresh(self) -> None:
        """Titles and marks as the saved progress says now, in the picker's language."""
        language = self.language
        empty = "" if self.lessons else f"<p>{text('lessons.none', language)}</p>"
        self.heading.object = f"<h2>{text('lessons.picker_title', language)}</h2>{empty}"
        for lesson, button, mark in zip(self.lessons, self.buttons, self.marks):
            button.label = lesson.text(language).title
            about = [text(f"lessons.level.{lesson.level}", language),
                     text("lessons.minutes", language, minutes=lesson.minutes), self._progress(lesson)]
            mark.object = " · ".join(about)

    def _progress(self, lesson: Lesson) -> str:
        saved = self.store.saved(lesson)
        if saved is not None and saved.done:
            return f"<span class='np-lesson-done'>{escape(text('lessons.done', self.language))}</span>"
        step_ids = [step.id for step in lesson.steps]
        if saved is not None and saved.step in step_ids:
            return text("lessons.at_step", self.language, k=step_ids.index(saved.step) + 1, n=len(step_ids))
        return text("lessons.not_done", self.language)
