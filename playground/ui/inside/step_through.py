"""One training point, step by step: its forward pass neuron by neuron, the loss, then its backward pass.

A student picks a point by clicking it on the output map (a tap there draws while the data set is
"Your data", so there the Next point button picks instead, as it does for a keyboard). Choosing a
point pauses training, so its numbers hold still; Play goes on, and the view follows the weights.
Back and Next (or the "," and "." keys) walk the steps; each shows its formula with the point's
numbers, writes them on the network picture and rings the point on the map. The maths is
``engine.one_point``'s; ``point_steps`` writes it.
"""

import numpy as np
import panel as pn

from ...assets import asset
from ...engine.datasets import DOMAIN
from ...engine.features import FEATURES
from ...engine.one_point import step_through
from ...page.keyboard import bind_shortcuts
from ...page.one_patch import one_patch
from ...session import Session
from ...trainer import Trainer
from ...views.boundary import DecisionBoundary
from ...views.network_diagram import NetworkDiagram
from ...words import Words
from ...yourdata import YOURS
from ..readout import Readout
from .notation import label, number
from . import VIEW_WIDTH
from .point_steps import Place, PointSteps, places

class StepThrough(pn.viewable.Viewer):
    """The "One point, step by step" view, open while ``button`` (its toggle) is down."""

    def __init__(self, session: Session, words: Words, diagram: NetworkDiagram, boundary: DecisionBoundary,
                 button: pn.widgets.Toggle):
        super().__init__()
        self.session, self.words, self.diagram, self.boundary, self.button = session, words, diagram, boundary, button
        self.point: tuple[float, float] | None = None
        """The chosen training point's (x1, x2): it stays chosen through a reset, as the seed makes it again."""
        self.step = 0
        """The step shown, counted from 0 in ``places``' order."""
        self.back_button = pn.widgets.Button(label=words("stepThrough.back"), width=VIEW_WIDTH // 3 - 10)
        self.next_button = pn.widgets.Button(label=words("stepThrough.next"), width=VIEW_WIDTH // 3 - 10)
        self.point_button = pn.widgets.Button(label=words("stepThrough.next_point"), width=VIEW_WIDTH // 3 - 10)
        self.back_button.on_click(lambda event: self.go(-1))
        self.next_button.on_click(lambda event: self.go(+1))
        self.point_button.on_click(lambda event: self.next_point())
        self.shown = Readout("", width=VIEW_WIDTH, margin=(0, 10), stylesheets=[asset("step_through.css")],
                             css_classes=["np-step"])
        """The step: where it is in the walk, its title, its formula with the point's numbers."""
        self._layout = pn.Column(pn.Row(self.back_button, self.next_button, self.point_button), self.shown,
                                 width=VIEW_WIDTH + 20, css_classes=["np-step-through"])
        button.param.watch(lambda event: self._opened(event.new), "value")
        boundary.on_pointer(self.pointer)
        bind_shortcuts({",": lambda: self.go(-1), ".": lambda: self.go(+1)}, suspended=lambda: not button.value)

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout

    @property
    def taps_choose(self) -> bool:
        """Whether a tap on the map chooses a point: while the view is open, and not on the student's own
        data, where a tap draws."""
        return self.button.value and self.session.state.active_dataset() != YOURS

    def pointer(self, kind: str, x1: float | None, x2: float | None) -> None:
        """A tap on the map chooses the training point nearest it."""
        if kind != "tap" or not self.taps_choose or x1 is None or x2 is None or max(abs(x1), abs(x2)) > DOMAIN:
            return
        train = self.session.trainer.dataset.train.xy
        if len(train):
            self.choose(int(np.argmin(np.hypot(train[:, 0] - x1, train[:, 1] - x2))))

    def next_point(self) -> None:
        """The training point after the chosen one (the first if none): a way without a mouse."""
        index = self._index(self.session.trainer)
        self.choose(0 if index is None else index + 1)

    def choose(self, index: int) -> None:
        """Explain training point ``index`` (counted round), from its first step; training pauses."""
        train = self.session.trainer.dataset.train.xy
        if not len(train):
            return
        self.point, self.step = tuple(float(v) for v in train[index % len(train)]), 0
        self.session.playing = False
        self.redraw()

    def go(self, steps: int) -> None:
        """Walk ``steps`` steps on (back if negative), staying within the walk."""
        self.step += steps
        self.redraw()

    def redraw(self) -> None:
        with one_patch():
            self.show(self.session.trainer)

    def show(self, trainer: Trainer) -> None:
        """The step shown, for the network's weights now."""
        index = self._index(trainer)
        if index is None:
            self.point = None
            self._say(f"<p class='np-note'>{self._prompt()}</p>")
            self.diagram.show_values({}, {})
            self.boundary.show_chosen(None)
            self.back_button.disabled = self.next_button.disabled = True
            return
        walk = places(trainer.network.layer_sizes)
        self.step = min(max(self.step, 0), len(walk) - 1)
        shown = self._step(trainer, index, walk[self.step])
        self._say(f"<div class='np-step-position'>{self._position(trainer, index, len(walk))}</div>"
                  f"<h3>{shown.title}</h3>{shown.html}")
        self.diagram.show_values(shown.neurons, shown.links, shown.current)
        self.boundary.show_chosen(self.point)
        self.back_button.disabled = self.step == 0
        self.next_button.disabled = self.step == len(walk) - 1

    def _say(self, html: str) -> None:
        """Show ``html`` as the view's text, a region a screen reader names and reads again at each step."""
        name = self.words.text("stepThrough.name")
        self.shown.object = f"<section aria-label='{name}' aria-live='polite'>{html}</section>"

    def _step(self, trainer: Trainer, index: int, place: Place):
        learning_rate = trainer.learner.learning_rate
        point = step_through(trainer.network, trainer.train_inputs[index], trainer.dataset.train.labels[index],
                             learning_rate)
        names = [FEATURES[key].label for key in trainer.features]
        return PointSteps(trainer.network, point, names, self.words).step(place)

    def _index(self, trainer: Trainer) -> int | None:
        """The chosen point's place among the trainer's training points, None if it is not one of them."""
        if self.point is None:
            return None
        found = np.flatnonzero(np.all(trainer.dataset.train.xy == self.point, axis=1))
        return int(found[0]) if len(found) else None

    def _position(self, trainer: Trainer, index: int, steps: int) -> str:
        return self.words.text("stepThrough.position", step=self.step + 1, steps=steps,
                               x1=number(self.point[0]), x2=number(self.point[1]),
                               label=label(trainer.dataset.train.labels[index]))

    def _prompt(self) -> str:
        key = "stepThrough.choose" if self.session.state.active_dataset() != YOURS else "stepThrough.choose_yours"
        return self.words.text(key)

    def _opened(self, is_open: bool) -> None:
        """Closed, the view takes its numbers off the picture and its ring off the map."""
        if not is_open:
            with one_patch():
                self.diagram.show_values({}, {})
                self.boundary.show_chosen(None)
