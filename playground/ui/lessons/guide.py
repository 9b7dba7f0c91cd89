"""Guided lessons in the app: the menu's button, and beside the playground the link's notice, the
list of lessons or the open lesson's panel, as the ``Tutor`` says.

The flow (which lesson is open, at which step, what it does to the playground) is
``playground.lessons.tutor``'s; this view watches the tutor and shows it, and its buttons call
the tutor. The picker and the panel are made only when first needed, so free play costs
neither the reading of every lesson nor their widgets. Every text follows the app's ``Words``.
"""

import panel as pn

from playground.lessons.tutor import Tutor
from playground.ui.controls import shown
from playground.ui.lessons.picker import LessonPicker
from playground.ui.lessons.step import LessonPanel
from playground.ui.notice import Notice
from playground.words import Words


class LessonGuide(pn.viewable.Viewer):
    """Shows a ``Tutor``: the lessons' menu button, and a column beside the playground (the viewable)."""

    def __init__(self, tutor: Tutor, words: Words | None = None):
        super().__init__()
        self.tutor = tutor
        self.words = words = words or Words()
        self.picker: LessonPicker | None = None
        self.lesson_panel: LessonPanel | None = None
        self.notice = Notice(
            words.follow(lambda notice: notice.in_language(words.language) if notice else "", tutor.param.notice),
            alert_type="warning", visible=pn.bind(lambda notice: notice is not None, tutor.param.notice), margin=(4, 10))
        self.menu_button = pn.widgets.Button(label=words("lessons.menu"), width=120, align="end",
                                             css_classes=["np-lessons-menu"],
                                             visible=shown(tutor.session.state, "lessonsButton"))
        self.menu_button.on_click(lambda event: tutor.toggle_picker())
        self.column = pn.Column(self.notice, css_classes=["np-lesson-column"], sizing_mode="stretch_width",
                                visible=False)
        """The lesson's place beside the playground: the link's notice, then the picker or the panel."""
        tutor.param.watch(lambda *events: self._show(), ["progress", "notice"])
        tutor.param.watch(lambda event: self._show_picker(), "choosing")
        tutor.param.watch(lambda event: self._show_step(), "new_step")
        tutor.param.watch(lambda event: self.lesson_panel.show_goal_status(), "checked")
        if tutor.choosing:
            self._show_picker()
        if tutor.progress is not None:
            self._show_step()
        self._show()

    def __panel__(self) -> pn.viewable.Viewable:
        return self.column

    def _show(self) -> None:
        """Show what is open: the notice, the picker and the panel, or nothing at all."""
        tutor = self.tutor
        if self.lesson_panel is not None:
            self.lesson_panel.visible = tutor.progress is not None and not tutor.choosing
        self.column.visible = tutor.notice is not None or tutor.choosing or tutor.progress is not None

    def _show_picker(self) -> None:
        """The list of lessons out, as it says now, or away again."""
        if self.tutor.choosing:
            picker = self._picker()
            picker.visible = True
            picker.refresh()
        elif self.picker is not None:
            self.picker.visible = False
        self._show()

    def _show_step(self) -> None:
        """The open lesson's step from its start."""
        self._lesson_panel().show_step(self.tutor.progress)
        self._show()

    def _picker(self) -> LessonPicker:
        """The list of lessons, made when first shown."""
        if self.picker is None:
            tutor = self.tutor
            self.picker = LessonPicker(tutor.catalog.lessons, tutor.store, on_choose=tutor.open, words=self.words)
            self.column.insert(1, self.picker)
        return self.picker

    def _lesson_panel(self) -> LessonPanel:
        """The lesson panel, made when a lesson first opens."""
        if self.lesson_panel is None:
            tutor = self.tutor
            self.lesson_panel = LessonPanel(self.words, on_previous=tutor.previous, on_next=tutor.next,
                                            on_restart=tutor.restart, on_close=tutor.close)
            self.column.append(self.lesson_panel)
        return self.lesson_panel
