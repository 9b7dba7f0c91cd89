"""TF Playground's dataset thumbnails: a picture of each data set, click to choose it.

Each thumbnail is a real ``<button>`` (Panel ``Button``), so it has a role and
a name for screen readers and tests, and works by Tab + Enter/Space and touch.
Its picture is an inline SVG drawn once from the real generator (noise 0, a
fixed seed, 200 points as TF), so it always shows the data a click trains on (Blobs and Spiral
drawn again with the classes chosen). The seed
is drawn by seedrandom, as the data's own, not numpy.random: importing that costs the
page's first start ~0.3 s (measured in Node), and nothing else in it needs numpy's generators.
Nothing is fetched: the SVG travels inside the page.
"""

import numpy as np
import panel as pn

from .controls import locked, shown
from ..assets import asset
from ..engine.datasets import (CLASSIFICATION_DATASETS, DOMAIN, MULTICLASS_DATASETS, OUR_CLASSIFICATION_DATASETS,
                               REGRESSION_DATASETS, generate)
from ..engine.seedrandom import SeedRandom
from ..state import PlaygroundState
from ..words import Words
from ..yourdata import YOURS
from ..views.palette import CLASS_COLOURS, diverging

THUMBNAIL_PX = 50
"""Shown size of a picture (TF: 34 px, drawn on a 100-unit canvas as here)."""
THUMBNAIL_POINTS = 200
VIEWBOX = 100
SQUARE = 4
"""Side of one point's square in viewbox units: TF's ``fillRect(…, 4, 4)``."""
SELECTED = "np-dataset-selected"
"""The chosen thumbnail's class (its look: assets/dataset_picker.css)."""
#: Which state parameter each set of thumbnails chooses, and what it shows.
CHOICES = {"classification": ("dataset", CLASSIFICATION_DATASETS + OUR_CLASSIFICATION_DATASETS),
           "regression": ("regDataset", REGRESSION_DATASETS)}
YOURS_SVG = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {VIEWBOX} {VIEWBOX}" aria-hidden="true" '
             'focusable="false"><rect width="100" height="100" fill="#fff"/>'
             '<path d="M50 30v40M30 50h40" stroke="#777" stroke-width="6"/>'
             '<circle cx="22" cy="24" r="6" fill="#0877bd"/><circle cx="78" cy="76" r="6" fill="#f59322"/>'
             '<circle cx="76" cy="22" r="6" fill="#0877bd"/><circle cx="24" cy="78" r="6" fill="#f59322"/></svg>')
""""Your data"'s picture: a blank map to draw on, a plus, and points of both classes (the palette's ends)."""

def thumbnail_points(name: str, classes: int = 2):
    """The points a thumbnail shows: the generator's own, noise 0, always the same."""
    return generate(name, 0, SeedRandom("thumbnails"), THUMBNAIL_POINTS, classes)


def thumbnail_svg(name: str, classes: int = 2) -> str:
    """An SVG of the data set: squares coloured as the output map (−1 orange … +1 blue, or a colour
    per class for more than two), x2 up.

    One ``<path>`` per colour keeps it ~4 KB; the picture is decoration for
    assistive technology (``aria-hidden``), the button's text names it.
    """
    points = thumbnail_points(name, classes)
    if classes > 2:
        palette, colour = CLASS_COLOURS, points.labels.astype(int)
    else:
        palette = diverging()
        colour = np.rint((np.clip(points.labels, -1, 1) + 1) / 2 * (len(palette) - 1)).astype(int)
    scale = VIEWBOX / (2 * DOMAIN)
    left = (points.xy[:, 0] + DOMAIN) * scale - SQUARE / 2
    top = (DOMAIN - points.xy[:, 1]) * scale - SQUARE / 2
    paths = "".join(
        f'<path fill="{palette[c]}" d="'
        + "".join(f"M{x:.1f} {y:.1f}h{SQUARE}v{SQUARE}h-{SQUARE}z" for x, y in zip(left[colour == c], top[colour == c]))
        + '"/>'
        for c in np.unique(colour)
    )
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {VIEWBOX} {VIEWBOX}" aria-hidden="true" '
            f'focusable="false"><rect width="{VIEWBOX}" height="{VIEWBOX}" fill="#fff"/>{paths}</svg>')


class DatasetPicker(pn.viewable.Viewer):
    """Thumbnails of the current problem's data sets; the chosen one has a dark border."""

    def __init__(self, state: PlaygroundState, words: Words | None = None, **params):
        super().__init__(**params)
        self.state = state
        words = words or Words()
        self.buttons: dict[str, pn.widgets.Button] = {}
        """One button per data set (TF's six, then ours, then "Your data", for either problem), by URL name."""
        groups = []
        for problem, (key, names) in CHOICES.items():
            for name in names:
                button = self._button(words(f"datasets.{name}"), thumbnail_svg(name, _classes(state, name)), state)
                button.on_click(lambda event, key=key, name=name: setattr(state, key, name))
                self.buttons[name] = button
            groups.append(pn.GridBox(*(self.buttons[n] for n in names), ncols=2,
                                     visible=pn.bind(lambda current, p=problem: current == p, state.param.problem)))
        self.buttons[YOURS] = self._button(words(f"datasets.{YOURS}"), YOURS_SVG, state)
        self.buttons[YOURS].on_click(lambda event: setattr(state, CHOICES[state.problem][0], YOURS))
        self._layout = pn.Column(*groups, pn.Row(self.buttons[YOURS]), width=200, visible=shown(state, "dataset"))
        state.param.watch(lambda *events: self._highlight(), ["dataset", "regDataset", "problem"])
        state.param.watch(lambda event: self._draw_classes(), "classes")
        self._highlight()

    def _draw_classes(self) -> None:
        """Draw the data sets made for several classes with as many as the state asks."""
        for name in MULTICLASS_DATASETS:
            self.buttons[name].icon = thumbnail_svg(name, _classes(self.state, name))

    @staticmethod
    def _button(label, svg: str, state: PlaygroundState) -> pn.widgets.Button:
        return pn.widgets.Button(
            label=label, icon=svg, icon_size=f"{THUMBNAIL_PX}px",
            width=90, stylesheets=[asset("dataset_picker.css")],  # no description: its tooltip would cover the neighbour
            disabled=locked(state, "dataset"),
        )

    def _highlight(self) -> None:
        chosen = {self.state.dataset, self.state.regDataset} - {YOURS} | {self.state.active_dataset()}
        for name, button in self.buttons.items():
            button.css_classes = ["np-dataset", SELECTED] if name in chosen else ["np-dataset"]

    def selected(self) -> list[str]:
        """Names of the highlighted thumbnails (one per problem)."""
        return [name for name, button in self.buttons.items() if SELECTED in button.css_classes]

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout


def _classes(state: PlaygroundState, name: str) -> int:
    """The classes a thumbnail shows: the state's, for a data set made for several; else two."""
    return state.classes if name in MULTICLASS_DATASETS else 2
