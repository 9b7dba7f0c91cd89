"""The lesson flow on one session: which lesson is open, at which step, and what it does to the playground.

Opening a lesson hides its ``hidden`` controls and locks its ``locked`` ones (through
``state.hidden`` and ``state.locked``, which the widgets follow), starts the playground
from the lesson's preset, with whatever a link sets itself on top, and shows a step. Closing it shows
and unlocks those controls again and leaves the playground as it is: back to free play.
Progress is saved at every change (``LessonStore``), and ``page_keys`` holds the
address's ``lesson`` and ``step`` while a lesson is open, so a reload or a copied address
comes back to the same step.

No Panel here: the tutor says what changed through its parameters (``progress``, ``choosing``,
``notice``) and events (``new_step``: a step to show from its start; ``checked``: the goal was
checked), and ``playground.ui.lessons.guide`` shows it. The lessons are read only when first
needed, so free play costs no reading of every lesson.
"""

from collections.abc import Callable, Collection

import param

from playground.i18n import Message
from playground.lessons import Catalog, Lesson, LessonProgress, default_catalog
from playground.lessons.store import LessonStore, SavedLesson
from playground.session import Session
from playground.state import HIDABLE_CONTROLS

PAGE_SETTINGS = ("hideText", "lang")
"""Settings of the page around the playground, not of the exercise: opening a lesson keeps them."""


class Tutor(param.Parameterized):
    """The lessons of a catalog on one session: at most one open."""

    progress = param.ClassSelector(class_=LessonProgress, default=None, allow_None=True,
                                   doc="The open lesson's progress, or None in free play.")
    choosing = param.Boolean(default=False, doc="The list of lessons is out to choose from.")
    notice = param.ClassSelector(class_=Message, default=None, allow_None=True,
                                 doc="What was wrong with the link's lesson part, or None.")
    page_keys = param.Dict(default={}, doc="The address's lesson and step (from 1) while a lesson is open; else {}.")
    new_step = param.Event(doc="A step is to be shown from its start: a lesson opened, another step, a restart.")
    checked = param.Event(doc="The open step's goal was just checked against the playground.")
    goal_reached = param.Event(doc="The open step's goal was just reached for the first time.")

    def __init__(self, session: Session, catalog: Catalog | None = None, store: LessonStore | None = None):
        super().__init__()
        self.session = session
        self._catalog = catalog
        self.store = store if store is not None else LessonStore()
        self._presetting = False
        """True while the playground is set to a preset: no goal is checked halfway through it."""
        # A goal on a setting is met the moment it is set, even while paused and nothing redraws.
        session.state.param.watch(lambda *events: self.check_goal(), list(session.state.param))

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = default_catalog()
        return self._catalog

    def check_goal(self) -> None:
        """Check the open step's goal against the playground now; the app runs this after every frame."""
        progress = self.progress
        if progress is None or self._presetting:
            return
        steps_done = len(progress.done)
        progress.check()
        if len(progress.done) != steps_done:
            self._save()
            self.param.trigger("goal_reached")
        self.param.trigger("checked")

    def when_goal_reached(self, watcher: Callable[[Lesson, int], None]) -> None:
        """Call ``watcher(lesson, step index)`` each time the student reaches a step's goal
        (the page around an embedded playground is told)."""
        self.param.watch(lambda event: watcher(self.progress.lesson, self.progress.index), "goal_reached")

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
        self.param.update(progress=progress, notice=None, choosing=False)
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
        self.choosing = False
        self.progress.go_to(step - 1)
        self._show_step()
        return None

    def close(self) -> None:
        """Leave the lesson for free play; the playground stays as it is and the progress is kept."""
        self._leave()
        self.store.close()
        self.notice = None

    def next(self) -> None:
        """The next step; after the last one, back to free play with the list of lessons out, the lesson marked done."""
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
        self._from_preset(self.progress)
        self._show_step()

    def toggle_picker(self) -> None:
        """Bring out the list of lessons, or put it away again (back to the open lesson, if any)."""
        self.choosing = not self.choosing

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
            self.notice = Message("lessons.unknown_lesson", lesson=page_keys["lesson"])
            return
        asked = page_keys.get("step")
        step = None if asked is None else _step_index(asked, len(lesson.steps))
        bad_step = asked is not None and step is None
        self.open(lesson, 0 if bad_step else step, keep=link_keys)
        if bad_step:
            self.notice = Message("lessons.bad_step", step=asked, steps=len(lesson.steps))

    def _show_step(self) -> None:
        self.param.trigger("new_step")
        self.check_goal()
        self._save()

    def _from_preset(self, progress: LessonProgress, keep: Collection[str] = ()) -> None:
        """``progress.restart()``, but with the page's settings and those named in ``keep`` as they are."""
        state = self.session.state
        kept = {key: getattr(state, key) for key in {*keep, *PAGE_SETTINGS}}
        self._presetting = True
        try:
            progress.restart()
            state.param.update(kept)
        finally:
            self._presetting = False

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
