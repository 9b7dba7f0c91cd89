"""The lesson picker: every lesson with its level, its length and how far the student got.

Built once from the lessons (they do not change while the page is open); a title is a
button that calls ``on_choose(lesson)``. Its texts follow its ``Words``; ``refresh`` says the
marks again from the saved progress, which changes while the list is away.
"""

from collections.abc import Callable
from html import escape

import panel as pn
import param

from playground.assets import asset
from playground.lessons import Lesson
from playground.lessons.store import LessonStore
from playground.words import Words


class LessonPicker(pn.viewable.Viewer):
    """A list of the lessons to open, each marked done, at step k, or not done."""

    visible = param.Boolean(default=False, doc="The list is out to choose from.")
    saved = param.Event(doc="The saved progress may have changed: the marks are said again.")

    def __init__(self, lessons: tuple[Lesson, ...], store: LessonStore, on_choose: Callable[[Lesson], None],
                 words: Words):
        super().__init__()
        self.lessons = lessons
        self.store = store
        self.words = words
        self.heading = pn.pane.HTML(words.follow(self._heading), stylesheets=[asset("lesson_picker.css")],
                                    css_classes=["np-lesson-about"], margin=(4, 10))
        self.buttons = [pn.widgets.Button(label=words.follow(lambda lesson=lesson: lesson.text(words.language).title),
                                          sizing_mode="stretch_width", css_classes=["np-lesson-choice"],
                                          stylesheets=[asset("lesson_picker.css")], margin=(8, 10, 0, 10))
                        for lesson in lessons]
        for lesson, button in zip(lessons, self.buttons):
            button.on_click(lambda event, lesson=lesson: on_choose(lesson))
        self.marks = [pn.pane.HTML(words.follow(lambda saved, lesson=lesson: self._about(lesson), self.param.saved),
                                   stylesheets=[asset("lesson_picker.css")], css_classes=["np-lesson-about"],
                                   margin=(2, 12)) for lesson in lessons]
        rows = [item for pair in zip(self.buttons, self.marks) for item in pair]
        self._layout = pn.Column(self.heading, *rows, css_classes=["np-lesson-picker"], sizing_mode="stretch_width",
                                 visible=self.param.visible)

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout

    def refresh(self) -> None:
        """Say the marks again as the saved progress says now."""
        self.param.trigger("saved")

    def _heading(self) -> str:
        empty = "" if self.lessons else f"<p>{self.words.text('lessons.none')}</p>"
        return f"<h2>{self.words.text('lessons.picker_title')}</h2>{empty}"

    def _about(self, lesson: Lesson) -> str:
        """The lesson's level, its minutes and how far the student got."""
        words = self.words
        return " · ".join([words.text(f"lessons.level.{lesson.level}"),
                           words.text("lessons.minutes", minutes=lesson.minutes), self._progress(lesson)])

    def _progress(self, lesson: Lesson) -> str:
        saved, words = self.store.saved(lesson), self.words
        if saved is not None and saved.done:
            return f"<span class='np-lesson-done'>{escape(words.text('lessons.done'))}</span>"
        step_ids = [step.id for step in lesson.steps]
        if saved is not None and saved.step in step_ids:
            return words.text("lessons.at_step", k=step_ids.index(saved.step) + 1, n=len(step_ids))
        return words.text("lessons.not_done")
