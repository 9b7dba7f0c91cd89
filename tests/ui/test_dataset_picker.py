"""The dataset thumbnails draw the real data and choose it, as TF Playground's do."""

import re

import numpy as np
import pytest
from bokeh.models import Button as BokehButton

from playground.i18n import text
from playground.state import PlaygroundState
from playground.ui.dataset_picker import CHOICES, SELECTED, VIEWBOX, DatasetPicker, thumbnail_svg
from playground.views.palette import CLASS_COLOURS, diverging

PALETTE = diverging()
DATASETS = [name for _, names in CHOICES.values() for name in names]


def drawn_points(svg: str):
    """Read a thumbnail back: data coordinates (n, 2) and colour values (n,) in −1…1."""
    xy, values = [], []
    for colour, path in re.findall(r'<path fill="(#[0-9a-f]{6})" d="([^"]*)"', svg):
        value = PALETTE.index(colour) / (len(PALETTE) - 1) * 2 - 1
        for left, top in re.findall(r"M([-\d.]+) ([-\d.]+)h", path):
            # the square's centre, in data units; x2 points up as on the output map
            xy.append(((float(left) + 2) * 12 / VIEWBOX - 6, 6 - (float(top) + 2) * 12 / VIEWBOX))
            values.append(value)
    return np.array(xy), np.array(values)


def test_each_thumbnail_shows_its_generators_data_in_the_output_maps_colours():
    # An oracle apart from the generators: TF's rule for each picture's colours.
    circle_xy, circle = drawn_points(thumbnail_svg("circle"))
    assert len(circle) == 200
    # blue inside radius 2.5, orange in the ring from 3.5 (the drawing rounds a point by ~0.01)
    assert np.array_equal(circle > 0, np.hypot(*circle_xy.T) < 3)
    xor_xy, xor = drawn_points(thumbnail_svg("xor"))
    assert np.array_equal(xor > 0, xor_xy[:, 0] * xor_xy[:, 1] > 0)  # blue where x1·x2 > 0
    gauss_xy, gauss = drawn_points(thumbnail_svg("gauss"))
    assert gauss_xy[gauss > 0].mean(axis=0) == pytest.approx([2, 2], abs=0.3)  # blue around (2, 2)
    plane_xy, plane = drawn_points(thumbnail_svg("reg-plane"))
    assert plane == pytest.approx(np.clip(plane_xy.sum(axis=1) / 10, -1, 1), abs=0.03)  # (x1 + x2) / 10
    assert len({thumbnail_svg(name) for name in DATASETS}) == 7


def test_thumbnails_are_self_contained_and_small():
    for name in DATASETS:
        svg = thumbnail_svg(name)
        assert "href" not in svg and "url(" not in svg and svg.count("http") == 1  # the xmlns only
        assert len(svg) < 10_000


def offered(picker: DatasetPicker) -> list[str]:
    """Labels of the thumbnails a learner sees now."""
    if not picker.__panel__().visible:
        return []
    return [button.label for group in picker.__panel__() if group.visible for button in group]


def test_each_thumbnail_is_a_button_named_by_its_label_without_a_tooltip():
    picker = DatasetPicker(PlaygroundState())
    assert {name: b.label for name, b in picker.buttons.items()} == {name: text(f"datasets.{name}", "en")
                                                                     for name in (*DATASETS, "yours")}
    assert all(not b.description for b in picker.buttons.values())  # tooltips cover neighbours


def test_clicking_a_thumbnail_chooses_its_data_set():
    state = PlaygroundState()
    picker = DatasetPicker(state)
    picker.buttons["xor"].clicks += 1
    assert state.dataset == "xor" and picker.selected() == ["xor", "reg-plane"]

    state.problem = "regression"
    picker.buttons["reg-gauss"].clicks += 1
    assert state.regDataset == "reg-gauss" and state.dataset == "xor"
    assert state.active_dataset() == "reg-gauss"


def test_the_problem_decides_which_thumbnails_are_offered():
    state = PlaygroundState()
    picker = DatasetPicker(state)
    assert offered(picker) == ["Circle", "Exclusive or", "Gaussian", "Spiral", "Blobs", "Your data"]
    state.problem = "regression"
    assert offered(picker) == ["Plane", "Multi Gaussian", "Your data"]
    state.problem = "classification"
    assert offered(picker) == ["Circle", "Exclusive or", "Gaussian", "Spiral", "Blobs", "Your data"]


def test_a_change_from_elsewhere_moves_the_highlight_in_the_page_too():
    state = PlaygroundState(dataset="gauss")
    picker = DatasetPicker(state)
    root = picker.__panel__().get_root()  # the Bokeh models a page shows
    models = {m.label: m for m in root.select({"type": BokehButton})}
    assert SELECTED in models["Gaussian"].css_classes

    state.param.update(dataset="spiral", regDataset="reg-gauss")  # e.g. a link or a lesson

    assert picker.selected() == ["spiral", "reg-gauss"]
    assert SELECTED in models["Spiral"].css_classes and SELECTED not in models["Gaussian"].css_classes


def test_a_link_that_hides_the_dataset_hides_the_thumbnails():
    state = PlaygroundState(hidden=["dataset"])
    picker = DatasetPicker(state)
    assert offered(picker) == []
    state.hidden = ["noise"]
    assert offered(picker) == ["Circle", "Exclusive or", "Gaussian", "Spiral", "Blobs", "Your data"]


def test_your_data_is_chosen_for_the_problem_at_hand():
    state = PlaygroundState()
    picker = DatasetPicker(state)
    picker.buttons["yours"].clicks += 1
    assert state.dataset == "yours" and picker.selected() == ["reg-plane", "yours"]
    state.problem = "regression"
    assert picker.selected() == ["reg-plane"]
    picker.buttons["yours"].clicks += 1
    assert state.regDataset == "yours" and state.dataset == "yours" and picker.selected() == ["yours"]


def test_blobs_and_spiral_are_drawn_with_the_classes_chosen_in_their_colours():
    state = PlaygroundState(dataset="blobs")
    picker = DatasetPicker(state)
    assert picker.buttons["blobs"].icon == thumbnail_svg("blobs")  # two classes: TF's two colours
    state.classes = 4
    for name in ("blobs", "spiral"):
        fills = re.findall(r'<path fill="(#[0-9a-f]{6})"', picker.buttons[name].icon)
        assert fills == list(CLASS_COLOURS)  # a path per class, in the map's class colours
    assert picker.buttons["circle"].icon == thumbnail_svg("circle")  # TF's keep their two
