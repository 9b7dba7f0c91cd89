"""Views of how the network learns (issue 16), each opened beside the playground by its own button.

A view is built when first opened and drawn only while open: the page's start and its frames
cost nothing for a view nobody opened. A link or a lesson hides a view's button (``hide=KEY``,
the keys are ``state.INSIDE_VIEWS``), as it hides any other control.
"""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Protocol

import panel as pn

from playground.session import Session
from playground.trainer import Trainer
from playground.ui.controls import shown
from playground.words import Words


VIEW_WIDTH = 290
"""A view's width, px: with its margins, as wide as the data and features columns it sits under on a
wide page (assets/lesson_column.css), so the network beside it keeps its width."""


class Drawn(Protocol):
    """What an open view is: something Panel shows, redrawn at each frame of the playground."""

    def __panel__(self) -> pn.viewable.Viewable: ...

    def show(self, trainer: Trainer) -> None: ...


@dataclass(frozen=True)
class InsideView:
    """One view: its ``key`` (in ``state.INSIDE_VIEWS``; its words are ``inside.KEY``) and how it is built."""

    key: str
    build: Callable[[], Drawn]
    tracks_gradients: bool = False
    """While it is open, every epoch's metrics carry the gradient flow (a backward pass over the training
    set each: closed, the view costs nothing)."""


def built_later(module: str, name: str, *arguments) -> Callable[[], Drawn]:
    """A view's ``build`` that imports its module (``playground.ui.inside.MODULE``) when first called:
    the page's start does not even import a view nobody opened."""
    return lambda: getattr(import_module(f"playground.ui.inside.{module}"), name)(*arguments)


class InsideViews(pn.viewable.Viewer):
    """The "Inside the network" column: a button per view, and the views open below them, in that order."""

    def __init__(self, session: Session, words: Words, views: list[InsideView]):
        super().__init__()
        self.session, self.views = session, views
        self.built: dict[str, Drawn] = {}
        self.toggles = {view.key: pn.widgets.Toggle(label=words(f"inside.{view.key}"), width=180,
                                                    visible=shown(session.state, view.key),
                                                    css_classes=[f"np-inside-{view.key}"])
                        for view in views}
        for key, toggle in self.toggles.items():
            toggle.param.watch(lambda event, key=key: self._open(key, event.new), "value")
        session.param.watch(lambda event: self._track_gradients(), "revision")  # a new trainer
        self.opened = pn.Column()  # one under another: on a wide page, under data and features (VIEW_WIDTH)
        self._layout = pn.Column(
            pn.pane.HTML(words.follow(lambda: f"<h2 class='np-heading'>{words.text('headings.inside')}</h2>"),
                         margin=(0, 10)),
            *self.toggles.values(), self.opened, css_classes=["np-inside"], visible=bool(views))

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout

    def open(self, key: str, is_open: bool = True) -> None:
        """Open (or close) a view as its button does, for a lesson or a command."""
        self.toggles[key].value = is_open

    def open_all(self, keys: tuple[str, ...]) -> None:
        """Open the views named (a lesson's ``open``), those of this playground only."""
        for key in keys:
            if key in self.toggles:
                self.open(key)

    def show(self, trainer: Trainer) -> None:
        """Redraw the open views for this frame."""
        for key, view in self.built.items():
            if self.toggles[key].value:
                view.show(trainer)

    def _open(self, key: str, is_open: bool) -> None:
        if is_open and key not in self.built:
            self.built[key] = next(view for view in self.views if view.key == key).build()
        self.opened.objects = [self.built[view.key] for view in self.views
                               if view.key in self.built and self.toggles[view.key].value]
        self._track_gradients()
        if is_open:
            self.built[key].show(self.session.trainer)

    def _track_gradients(self) -> None:
        """The trainer's epochs carry their gradient flow while a view that draws it is open."""
        self.session.trainer.track_gradients = any(view.tracks_gradients and self.toggles[view.key].value
                                                   for view in self.views)
