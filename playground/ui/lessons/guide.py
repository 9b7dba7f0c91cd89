"""Guided lessons in the app: the picker, the panel, and what an open lesson does to the playground.

Opening a lesson hides its ``hidden`` controls and locks its ``locked`` ones (through
``state.hidden`` and ``state.locked``, which the widgets follow), starts the playground
from the lesson's preset, with whatever a link sets itself on top, and shows a step. Closing it shows
and unlocks those controls again and leaves the playground as it is: back to free play.
Progress is saved at every change (``LessonStore``), and ``page_keys`` holds the
address's ``lesson`` and ``step`` while a lesson is open, so a reload or a copied address
comes back to the same step.

The lessons are read, and the picker and the panel made, only when first needed, so free
play costs neither the reading of every lesson nor their widgets.
"""

from collections.abc import Callable, Collection

import panel as pn
import param

from playground.i18n import DEFAULT_LANGUAGE, Message, text
from playground.lessons import Catalog, Lesson, LessonProgress, default_catalog
from playground.lessons.store import LessonStore, SavedLesson
from playground.session import Session
from playground.state import HIDABLE_CONTROLS
from playground.ui.controls import shown
from playground.ui.lessons.picker import LessonPicker
from playground.ui.lessons.step import LessonPanel

PAGE_SETTINGS = ("hideText", "lang")
"""Settings of the page around the playground, not of the exercise: opening a lesson keeps them."""

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


class LessonGuide(param.Parameterized):
    """The lessons of a catalog on one session: at most one open, shown beside the playground."""

    page_keys = param.Dict(default={}, doc="The address's lesson and step (from 1) while a lesson is open; else {}.")

    def __init__(self, session: Session, catalog: Catalog | None = None, store: LessonStore | None = None,
                 language: str = DEFAULT_LANGUAGE):
        super().__init__()
        self.session = session
        self._catalog = catalog
        self.store = store if store is not None else LessonStore()
        self.language = language
        self.progress: LessonProgress | None = None
        """The open lesson's progress, or None in free play."""
        self.picker: LessonPicker | None = None
        self.panel: LessonPanel | None = None
        self._notice: Message | None = None
        """What was wrong with the link's lesson part, said in each new language."""
        self._goal_watchers: list[Callable[[Lesson, int], None]] = []
        self.notice = pn.pane.Alert(alert_type="warning", visible=False, margin=(4, 10))
        self.menu_button = pn.widgets.Button(label=text("lessons.menu", language), width=120, align="end",
                                             css_classes=["np-lessons-menu"],
                                             visible=shown(session.state, "lessonsButton"))
        self.menu_button.on_click(lambda event: self.toggle_picker())
        self.column = pn.Column(self.notice, css_classes=["np-lesson-column"], sizing_mode="stretch_width",
                                visible=False)
        """The lesson's place beside the playground: the link's notice, then the picker or the panel."""
        # A goal on a setting is met the moment it is set, even while paused and nothing redraws.
        session.state.param.watch(lambda *events: self.follow(), list(session.state.param))
        self._show()

    def follow(self) -> None:
        """Check the open step's goal against the playground now; the app runs this after every frame."""
        progress = self.progress
        if progress is None:
            return
        steps_done = len(progress.done)
        progress.check()
        if len(progress.done) != steps_done:
            self._save()
            for watcher in self._goal_watchers:
                watcher(progress.lesson, progress.index)
        self.panel.follow()

    def when_goal_reached(self, watcher: Callable[[Lesson, int], None]) -> None:
        """Call ``watcher(lesson, step index)`` each time the student reaches a step's goal
        (the page around an embedded playground is told)."""
        self._goal_watchers.append(watcher)

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = default_catalog()
        return self._catalog

    def open(self, lesson: Lesson, step: int | None = None, keep: Collection[str] = ()) -> None:
        """Open ``lesson`` at step index ``step`` (None: where the student left it), from its preset
        but with the settings named in ``keep`` as they are (those a link sets itself)."""
        self._leave()
        state, saved = self.session.state, self.store.saved(lesson)
        state.param.update(hidden=_either(state.hidden, lesson.hidden), locked=_either(state.locked, lesson.locked))
        progress = LessonProgress(lesson, self.session)
        self._from_preset(progress, keep)
        step_ids = [s.id for s in lesson.steps]
        if saved is not None:
            progress.done = [step_id for step_id in saved.steps_done if step_id in step_ids]
        if step is None:
            resume = saved is not None and not saved.done and saved.step in step_ids
            step = step_ids.index(saved.step) if resume else 0
        progress.go_to(step)
        self.progress, self._notice = progress, None
        if self.picker is not None:
            self.picker.panel.visible = False
        self._show_step()

    def go_to(self, lesson_id: str, step: int) -> Message | None:
        """Show step ``step`` (from 1) of lesson ``lesson_id``, opening the lesson from its preset unless
        it is the one open; what was wrong instead, if anything (then nothing changes)."""
        lesson = self.catalog.get(lesson_id)
        if lesson is None:
            return Message("embed.unknown_lesson", lesson=lesson_id)
        if not 1 <= step <= len(lesson.steps):
            return Message("embed.bad_step", lesson=lesson_id, step=step, steps=len(lesson.steps))
        if self.progress is None or self.progress.lesson is not lesson:
            self.open(lesson, step - 1)
            return None
        if self.picker is not None:
            self.picker.panel.visible = False
        self.progress.go_to(step - 1)
        self._show_step()
        return None

    def close(self) -> None:
        """Leave the lesson for free play; the playground stays as it is and the progress is kept."""
        self._leave()
        self.store.close()
        self._notice = None
        self._show()

    def next(self) -> None:
        """The next step; after the last one, back to free play with the picker open, the lesson marked done."""
        progress = self.progress
        if progress.index < len(progress.lesson.steps) - 1:
            progress.next()
            self._show_step()
        else:
            self.close()
            self.toggle_picker()

    def previous(self) -> None:
        self.progress.previous()
        self._show_step()

    def restart(self) -> None:
        """Back to the first step and the preset; steps done are forgotten, a lesson done stays done."""
        progress, self.progress = self.progress, None  # no goal is checked halfway through the preset
        self._from_preset(progress)
        self.progress = progress
        self._show_step()

    def toggle_picker(self) -> None:
        """Show the list of lessons, or hide it again (back to the open lesson, if any)."""
        picker = self._picker()
        picker.panel.visible = not picker.panel.visible
        if picker.panel.visible:
            picker.refresh()
        self._show()

    def open_link(self, page_keys: dict[str, str], link_keys: Collection[str]) -> None:
        """Open what the address asks for (``lesson=ID&step=N``), with the settings the link gives
        itself (``link_keys``) kept over the preset. An address that gives neither a lesson nor a
        setting reopens the lesson the student left open. A bad part is said in a notice, and skipped."""
        if "lesson" not in page_keys:
            lesson = None if link_keys or self.store.open is None else self.catalog.get(self.store.open)
            if lesson is not None and self.store.saved(lesson) is not None:
                self.open(lesson)
            return
        lesson = self.catalog.get(page_keys["lesson"])
        if lesson is None:
            self.toggle_picker()
            self._say(Message("lessons.unknown_lesson", lesson=page_keys["lesson"]))
            return
        asked = page_keys.get("step")
        step = None if asked is None else _step_index(asked, len(lesson.steps))
        bad_step = asked is not None and step is None
        self.open(lesson, 0 if bad_step else step, keep=link_keys)
        if bad_step:
            self._say(Message("lessons.bad_step", step=asked, steps=len(lesson.steps)))

    def set_language(self, language: str) -> None:
        """Say everything again in ``language``, in place."""
        self.language = language
        self.menu_button.label = text("lessons.menu", language)
        for view in (self.picker, self.panel):
            if view is not None:
                view.set_language(language)
        self._show()

    def _say(self, notice: Message) -> None:
        self._notice = notice
        self._show()

    def _show(self) -> None:
        """Show what is open: the notice, the picker and the panel, or nothing at all."""
        if self._notice is not None:
            self.notice.object = self._notice.in_language(self.language)
        self.notice.visible = self._notice is not None
        choosing = self.picker is not None and self.picker.panel.visible
        if self.panel is not None:
            self.panel.panel.visible = self.progress is not None and not choosing
        self.column.visible = self.notice.visible or choosing or self.progress is not None

    def _picker(self) -> LessonPicker:
        """The list of lessons, made when first shown."""
        if self.picker is None:
            self.picker = LessonPicker(self.catalog.lessons, self.store, on_choose=self.open, language=self.language)
            self.column.insert(1, self.picker.panel)
        return self.picker

    def _panel(self) -> LessonPanel:
        """The lesson panel, made when a lesson first opens."""
        if self.panel is None:
            self.panel = LessonPanel(on_previous=self.previous, on_next=self.next, on_restart=self.restart,
                                     on_close=self.close, language=self.language)
            self.column.append(self.panel.panel)
        return self.panel

    def _show_step(self) -> None:
        self._panel().show(self.progress)
        self._show()
        self.follow()
        self._save()

    def _from_preset(self, progress: LessonProgress, keep: Collection[str] = ()) -> None:
        """``progress.restart()``, but with the page's settings and those named in ``keep`` as they are."""
        state = self.session.state
        kept = {key: getattr(state, key) for key in {*keep, *PAGE_SETTINGS}}
        progress.restart()
        state.param.update(kept)

    def _save(self) -> None:
        progress = self.progress
        lesson = progress.lesson
        saved = self.store.saved(lesson)
        done = (saved is not None and saved.done) or lesson.steps[-1].id in progress.done
        self.store.save(lesson, SavedLesson(lesson.version, progress.step.id, tuple(progress.done), done))
        self.page_keys = {"lesson": lesson.id, "step": str(progress.index + 1)}

    def _leave(self) -> None:
        """Show and unlock what the open lesson hid and locked; no lesson is open any more."""
        if self.progress is None:
            return
        lesson, state = self.progress.lesson, self.session.state
        self.progress = None
        state.param.update(hidden=[c for c in state.hidden if c not in lesson.hidden],
                           locked=[c for c in state.locked if c not in lesson.locked])
        self.page_keys = {}


def _either(controls: list[str], more: tuple[str, ...]) -> list[str]:
    """The controls in either list, in the order links write them."""
    return [control for control in HIDABLE_CONTROLS if control in controls or control in more]


def _step_index(step: str, steps: int) -> int | None:
    """The index of a link's ``step`` (counted from 1), or None if it is not one of 1–``steps``."""
    if not (step.isascii() and step.isdigit()) or not 1 <= int(step) <= steps:
        return None
    return int(step) - 1
