"""TF Playground's dataset thumbnails: a picture of each data set, click to choose it.

Each thumbnail is a real ``<button>`` (Panel ``Button``), so it has a role and
a name for screen readers and tests, and works by Tab + Enter/Space and touch.
Its picture is an inline SVG drawn once from the real generator (noise 0, a
fixed seed, 200 points as TF), so it always shows the data a click trains on. The seed
is drawn by seedrandom, as the data's own, not numpy.random: importing that costs the
page's first start ~0.3 s (measured in Node), and nothing else in it needs numpy's generators.
Nothing is fetched: the SVG travels inside the page.
"""

import numpy as np
import panel as pn

from .controls import locked, shown
from ..assets import asset
from ..engine.datasets import CLASSIFICATION_DATASETS, REGRESSION_DATASETS, DOMAIN, generate
from ..engine.seedrandom import SeedRandom
from ..state import PlaygroundState
from ..words import Words
from ..views.palette import diverging

THUMBNAIL_PX = 50
"""Shown size of a picture (TF: 34 px, drawn on a 100-unit canvas as here)."""
THUMBNAIL_POINTS = 200
VIEWBOX = 100
SQUARE = 4
"""Side of one point's square in viewbox units: TF's ``fillRect(…, 4, 4)``."""
SELECTED = "np-dataset-selected"
"""The chosen thumbnail's class (its look: assets/dataset_picker.css)."""
#: Which state parameter each set of thumbnails chooses, and what it shows.
CHOICES = {"classification": ("dataset", CLASSIFICATION_DATASETS),
           "regression": ("regDataset", REGRESSION_DATASETS)}

def thumbnail_points(name: str):
    """The points a thumbnail shows: the generator's own, noise 0, always the same."""
    return generate(name, 0, SeedRandom("thumbnails"), THUMBNAIL_POINTS)


def thumbnail_svg(name: str) -> str:
    """An SVG of the data set: squares coloured as the output map (−1 orange … +1 blue), x2 up.

    One ``<path>`` per colour keeps it ~4 KB; the picture is decoration for
    assistive technology (``aria-hidden``), the button's text names it.
    """
    points = thumbnail_points(name)
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
        """One button per data set (all six), by URL name."""
        groups = []
        for problem, (key, names) in CHOICES.items():
            for name in names:
                button = pn.widgets.Button(
                    label=words(f"datasets.{name}"), icon=thumbnail_svg(name), icon_size=f"{THUMBNAIL_PX}px",
                    width=90, stylesheets=[asset("dataset_picker.css")],  # no description: its tooltip would cover the neighbour
                    disabled=locked(state, "dataset"),
                )
                button.on_click(lambda event, key=key, name=name: setattr(state, key, name))
                self.buttons[name] = button
            groups.append(pn.GridBox(*(self.buttons[n] for n in names), ncols=2,
                                     visible=pn.bind(lambda current, p=problem: current == p, state.param.problem)))
        self._layout = pn.Column(*groups, width=200, visible=shown(state, "dataset"))
        state.param.watch(lambda *events: self._highlight(), ["dataset", "regDataset"])
        self._highlight()

    def _highlight(self) -> None:
        chosen = {self.state.dataset, self.state.regDataset}
        for name, button in self.buttons.items():
            button.css_classes = ["np-dataset", SELECTED] if name in chosen else ["np-dataset"]

    def selected(self) -> list[str]:
        """Names of the highlighted thumbnails (one per problem)."""
        return [name for name, button in self.buttons.items() if SELECTED in button.css_classes]

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout
