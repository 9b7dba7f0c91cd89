"""Guided lessons in the app: the menu's button, and beside the playground the link's notice, the
list of lessons or the open lesson's panel, as the ``Tutor`` says.

The flow (which lesson is open, at which step, what it does to the playground) is
``playground.lessons.tutor``'s; this view watches the tutor and shows it, and its buttons call
the tutor. The picker and the panel are made only when first needed, so free play costs
neither the reading of every lesson nor their widgets.
"""

import panel as pn

from playground.i18n import DEFAULT_LANGUAGE, text
from playground.lessons.tutor import Tutor
from playground.ui.controls import shown
from playground.ui.lessons.picker import LessonPicker
from playground.ui.lessons.step import LessonPanel
from playground.ui.notice import Notice

BESIDE_PLAYGROUND = """
.np-lesson-column { order: -1; flex: 0 0 100%; }  /* narrow screens: above the playground */
@media (min-width: 1260px) {  /* room for the playground's four columns: the lesson takes data's and features' top */
  :host { display: grid; grid-template-columns: repeat(4, auto); justify-content: start; align-items: start; }
  .np-lesson-column { grid-area: 1 / 1 / 2 / 3; contain: inline-size; }
  .np-network { grid-area: 1 / 3 / 3 / 4; }
  .np-output { grid-area: 1 / 4 / 3 / 5; }
}
"""
"""A stylesheet for the row of the playground's columns (data, features, network, output) with the
lesson column first among them: at 1260 px and more the lesson sits above data and features, so
the network and the output stay where they always are; on narrower screens it spans the row above
them. Data and features fall into the first free cells, the top row when no lesson is open."""


class LessonGuide:
    """Shows a ``Tutor``: the lessons' menu button, and a column beside the playground."""

    def __init__(self, tutor: Tutor, language: str = DEFAULT_LANGUAGE):
        self.tutor = tutor
        self.language = language
        self.picker: LessonPicker | None = None
        self.panel: LessonPanel | None = None
        self.notice = Notice(alert_type="warning", visible=False, margin=(4, 10))
        self.menu_button = pn.widgets.Button(label=text("lessons.menu", language), width=120, align="end",
                                             css_classes=["np-lessons-menu"],
                                             visible=shown(tutor.session.state, "lessonsButton"))
        self.menu_button.on_click(lambda event: tutor.toggle_picker())
        self.column = pn.Column(self.notice, css_classes=["np-lesson-column"], sizing_mode="stretch_width",
                                visible=False)
        """The lesson's place beside the playground: the link's notice, then the picker or the panel."""
        tutor.param.watch(lambda *events: self._show(), ["progress", "notice"])
        tutor.param.watch(lambda event: self._show_picker(), "choosing")
        tutor.param.watch(lambda event: self._show_step(), "new_step")
        tutor.param.watch(lambda event: self.panel.follow(), "checked")
        if tutor.choosing:
            self._show_picker()
        if tutor.progress is not None:
            self._show_step()
        self._show()

    def set_language(self, language: str) -> None:
        """Say everything again in ``language``, in place."""
        self.language = language
        self.menu_button.label = text("lessons.menu", language)
        for view in (self.picker, self.panel):
            if view is not None:
                view.set_language(language)
        self._show()

    def _show(self) -> None:
        """Show what is open: the notice, the picker and the panel, or nothing at all."""
        tutor = self.tutor
        if tutor.notice is not None:
            self.notice.object = tutor.notice.in_language(self.language)
        self.notice.visible = tutor.notice is not None
        if self.panel is not None:
            self.panel.panel.visible = tutor.progress is not None and not tutor.choosing
        self.column.visible = self.notice.visible or tutor.choosing or tutor.progress is not None

    def _show_picker(self) -> None:
        """The list of lessons out, as it says now, or away again."""
        if self.tutor.choosing:
            picker = self._picker()
            picker.panel.visible = True
            picker.refresh()
        elif self.picker is not None:
            self.picker.panel.visible = False
        self._show()

    def _show_step(self) -> None:
        """The open lesson's step from its start."""
        self._panel().show(self.tutor.progress)
        self._show()

    def _picker(self) -> LessonPicker:
        """The list of lessons, made when first shown."""
        if self.picker is None:
            tutor = self.tutor
            self.picker = LessonPicker(tutor.catalog.lessons, tutor.store, on_choose=tutor.open,
                                       language=self.language)
            self.column.insert(1, self.picker.panel)
        return self.picker

    def _panel(self) -> LessonPanel:
        """The lesson panel, made when a lesson first opens."""
        if self.panel is None:
            tutor = self.tutor
            self.panel = LessonPanel(on_previous=tutor.previous, on_next=tutor.next, on_restart=tutor.restart,
                                     on_close=tutor.close, language=self.language)
            self.column.append(self.panel.panel)
        return self.panel
