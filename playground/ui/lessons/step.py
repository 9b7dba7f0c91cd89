"""The lesson panel: the open lesson's current step, its goal checked as the student works.

Built once and filled in place. A new step or a new language (it follows its ``Words``) rewrites
its panes; a frame (``show_goal_status``) touches only the goal's live status, and only when its text
changed, and the "goal reached" line and the Next button when the goal is first met. What the
buttons do to the lesson (another step, restart, close) is the caller's: the panel shows.
"""

from collections.abc import Callable
from functools import cache
from html import escape

import panel as pn
import param

from playground.assets import asset
from playground.lessons import LessonProgress
from playground.lessons.goals import Continue
from playground.words import Words


@cache
def _markdown():
    """CommonMark with raw HTML switched off: a lesson can format text, never script the page.
    Imported on the first lesson opened, so free play does without it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def markdown_html(source: str) -> str:
    return _markdown().render(source)


def _pane(**params) -> pn.pane.HTML:
    """Panel draws each pane in a shadow root of its own, so every pane carries the panel's style."""
    return pn.pane.HTML("", stylesheets=[asset("lesson_step.css")], sizing_mode="stretch_width", margin=(4, 10), **params)


def _button(on_click: Callable[[], None], **params) -> pn.widgets.Button:
    button = pn.widgets.Button(margin=(4, 10, 4, 0), **params)
    button.on_click(lambda event: on_click())
    return button


class LessonPanel(pn.viewable.Viewer):
    """Shows one ``LessonProgress``: lesson title, step k of n, instructions, goal and status,
    hints one at a time, the answer on request, and previous / next / restart / close."""

    visible = param.Boolean(default=True, doc="Shown: a lesson is open and the list of lessons is not out.")

    def __init__(self, words: Words, on_previous: Callable[[], None], on_next: Callable[[], None],
                 on_restart: Callable[[], None], on_close: Callable[[], None]):
        super().__init__()
        self.words = words
        self.progress: LessonProgress | None = None
        self.hints_shown = 0
        """Hints of this step revealed so far; they come one at a time."""
        self.heading = _pane()
        self.instructions = _pane()
        self.goal = _pane()
        self.status = _pane()
        self.reached = _pane(visible=False)
        self.hints = _pane()
        self.answer = _pane(visible=False)
        self.hint_button = _button(self.show_hint)
        self.answer_button = _button(self.show_answer, label=words("lessons.show_answer"))
        self.previous_button = _button(on_previous, width=110, label=words("lessons.previous"))
        self.next_button = _button(on_next, width=110)
        self.restart_button = _button(on_restart, width=110, label=words("lessons.restart"))
        self.close_button = _button(on_close, width=110, label=words("lessons.close"))
        self._layout = pn.Column(
            self.heading, self.instructions, self.goal, self.status, self.reached, self.hints, self.answer,
            pn.Row(self.hint_button, self.answer_button, margin=(0, 10), styles={"flex-wrap": "wrap"}),
            pn.Row(self.previous_button, self.next_button, margin=(6, 10, 0, 10), styles={"flex-wrap": "wrap"}),
            pn.Row(self.restart_button, self.close_button, margin=(0, 10), styles={"flex-wrap": "wrap"}),
            css_classes=["np-lesson"], sizing_mode="stretch_width", visible=self.param.visible,
        )
        self._status_text: str | None = None
        self._reached: bool | None = None
        # The panes are Markdown made into HTML for a step: made again, in place, in a new language
        # (revealed hints and answer stay revealed).
        words.param.watch(lambda event: self._render() if self.progress is not None else None, "language")

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout

    def show_step(self, progress: LessonProgress) -> None:
        """Show ``progress``'s current step from its start: no hint, no answer."""
        self.progress = progress
        self.hints_shown = 0
        self.answer.visible = False
        self._render()

    def show_hint(self) -> None:
        self.hints_shown = min(self.hints_shown + 1, len(self._step_text().hints))
        self._render_help()

    def show_answer(self) -> None:
        self.answer.visible = True
        self._render_help()

    def show_goal_status(self) -> None:
        """Bring the live parts up to date: the goal's status, "goal reached", Next. Cheap; run every frame."""
        progress, words = self.progress, self.words
        reached = progress.step.id in progress.done
        reading = isinstance(progress.step.goal, Continue)  # met once read: nothing to report
        status = "" if reached or reading else escape(progress.status(words.language))
        if status != self._status_text:
            self._status_text = self.status.object = status
            self.status.visible = bool(status)
        if reached != self._reached:
            self._reached = reached
            last = progress.index == len(progress.lesson.steps) - 1
            note = words.text("lessons.lesson_done" if last else "lessons.goal_reached")
            self.reached.object = f"<div class='np-goal-reached' role='status'>{note}</div>"
            self.reached.visible = reached and (last or not reading)
            self.next_button.param.update(disabled=not reached, color="primary" if reached else "default")

    def _step_text(self):
        """The open step's texts in the panel's language."""
        return self.progress.lesson.text(self.words.language).steps[self.progress.index]

    def _render(self) -> None:
        progress, words = self.progress, self.words
        lesson_text, step_text = progress.lesson.text(words.language), self._step_text()
        steps = len(progress.lesson.steps)
        self.heading.object = (
            f"<div class='np-lesson-title'>{escape(lesson_text.title)}</div>"
            f"<div class='np-lesson-step'>{words.text('lessons.step_of', k=progress.index + 1, n=steps)}</div>")
        intro = markdown_html(lesson_text.intro) if progress.index == 0 and lesson_text.intro else ""
        self.instructions.object = (f"{intro}<h3>{_markdown().renderInline(step_text.title)}</h3>"
                                    f"{markdown_html(step_text.instructions)}")
        goal = escape(progress.step.goal.describe(words.language))
        self.goal.object = f"<div class='np-lesson-goal'>{words.text('lessons.goal', goal=goal)}</div>"
        last = progress.index == steps - 1
        self.previous_button.disabled = progress.index == 0
        self.next_button.label = words.text("lessons.finish" if last else "lessons.next")
        self._status_text = self._reached = None  # so that show_goal_status() writes them in this language
        self._render_help()
        self.show_goal_status()

    def _render_help(self) -> None:
        """The hints revealed, the answer if asked for, and the buttons that reveal more."""
        words, step_text = self.words, self._step_text()
        self.hints.object = "".join(
            f"<div class='np-hint'><b>{words.text('lessons.hint', k=k)}</b>{markdown_html(hint)}</div>"
            for k, hint in enumerate(step_text.hints[:self.hints_shown], start=1))
        self.hints.visible = self.hints_shown > 0
        self.hint_button.param.update(
            label=words.text("lessons.show_hint", k=self.hints_shown + 1, n=len(step_text.hints)),
            visible=self.hints_shown < len(step_text.hints))
        self.answer.object = (f"<div class='np-answer'><b>{words.text('lessons.answer')}</b>"
                              f"{markdown_html(step_text.answer or '')}</div>")
        self.answer_button.visible = step_text.answer is not None and not self.answer.visible
