"""The output map's PNG (``--format png``): a file any decoder opens, whose pixels are the trained
network's classes in TF's colours (or for three or four, the page's class colours), with the points on them.

Pillow (Bokeh's own dependency) reads the file: a decoder other than the one that wrote it.
"""

import io
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from playground.colour_scale import CLASS_COLOURS, NEGATIVE, NEUTRAL, POSITIVE, rgb
from playground.engine.features import feature_matrix
from playground.export import export, file_name
from playground.export.output_map import PICTURE_PX, POINT_DIAMETER_PX
from tests.helpers import ROOT
from tests.helpers.exported import trained

XOR = "dataset=xor&networkShape=4&xTimesY=true&x=false&y=false"


def decoded(data: bytes) -> np.ndarray:
    picture = Image.open(io.BytesIO(data))
    assert (picture.format, picture.size, picture.mode) == ("PNG", (PICTURE_PX, PICTURE_PX), "RGBA")
    return np.asarray(picture.convert("RGBA"), dtype=float)


def at_pixels(trainer) -> np.ndarray:
    """The network's output at each pixel's centre, the top row at x2 = +6, as a size × size array."""
    centres = -6 + (np.arange(PICTURE_PX) + 0.5) * 12 / PICTURE_PX
    x1, x2 = np.meshgrid(centres, centres[::-1])
    points = np.column_stack([x1.ravel(), x2.ravel()])
    return trainer.network.predict(feature_matrix(points, trainer.features)).reshape(PICTURE_PX, PICTURE_PX)


def at_pixels_by_class(trainer) -> np.ndarray:
    """Each class's probability at each pixel's centre: size × size × K."""
    centres = -6 + (np.arange(PICTURE_PX) + 0.5) * 12 / PICTURE_PX
    x1, x2 = np.meshgrid(centres, centres[::-1])
    points = np.column_stack([x1.ravel(), x2.ravel()])
    return trainer.network.predict(feature_matrix(points, trainer.features)).reshape(PICTURE_PX, PICTURE_PX, -1)


def away_from(points: np.ndarray) -> np.ndarray:
    """Which pixels no point covers (a margin of two pixels around each)."""
    row, column = np.mgrid[0:PICTURE_PX, 0:PICTURE_PX]
    free = np.ones((PICTURE_PX, PICTURE_PX), dtype=bool)
    scale = PICTURE_PX / 12
    for x1, x2 in points:
        near = np.hypot(column + 0.5 - (x1 + 6) * scale, row + 0.5 - (6 - x2) * scale) < POINT_DIAMETER_PX / 2 + 2
        free &= ~near
    return free


def nearer_blue(pixels: np.ndarray) -> np.ndarray:
    rgb_pixels = pixels[..., :3]
    return (np.linalg.norm(rgb_pixels - rgb(POSITIVE), axis=-1) < np.linalg.norm(rgb_pixels - rgb(NEGATIVE), axis=-1))


@pytest.fixture(scope="module")
def xor():
    return trained(XOR, 150)


def test_the_picture_shows_the_side_of_the_boundary_the_trained_network_says(xor):
    pixels = decoded(export(xor, "png"))
    output = at_pixels(xor)
    sure = (np.abs(output) > 0.3) & away_from(xor.dataset.train.xy)
    assert sure.mean() > 0.5  # most of the map: the test means something
    assert np.array_equal(nearer_blue(pixels)[sure], output[sure] > 0)
    assert 0.3 < (output[sure] > 0).mean() < 0.7  # xor: both colours, in about equal parts
    assert np.all(pixels[..., 3] == 255)


def test_points_are_drawn_in_their_class_colour_and_test_points_only_when_shown(xor):
    pixels = decoded(export(xor, "png"))
    scale = PICTURE_PX / 12
    xy, labels = xor.dataset.train.xy, xor.dataset.train.labels
    apart = np.linalg.norm(xy[:, None] - xy[None], axis=-1) * scale > POINT_DIAMETER_PX + 1
    alone = apart.sum(axis=1) == len(xy) - 1  # no other point over this one
    assert alone.sum() > 50
    for (x1, x2), label in zip(xy[alone], labels[alone]):
        centre = pixels[int((6 - x2) * scale), int((x1 + 6) * scale), :3]
        assert np.abs(centre - rgb(POSITIVE if label > 0 else NEGATIVE)).max() < 30
    black = lambda data: int((decoded(data)[..., :3].sum(axis=-1) < 150).sum())  # noqa: E731
    assert black(export(xor, "png")) == 0  # test points hidden: no black outlines
    shown = trained(XOR + "&showTestData=true", 150)
    assert black(export(shown, "png")) > 20 * len(shown.dataset.test)


def test_a_discretized_map_has_only_the_two_colours_away_from_the_points():
    trainer = trained(XOR + "&discretize=true", 30)
    pixels = decoded(export(trainer, "png"))[away_from(trainer.dataset.train.xy)][:, :3]
    assert {tuple(colour) for colour in pixels.astype(int)} == {tuple(rgb(POSITIVE)), tuple(rgb(NEGATIVE))}


def test_a_regression_is_drawn():
    assert decoded(export(trained("problem=regression&regDataset=reg-plane", 5), "png")).shape == (400, 400, 4)


def test_three_classes_each_show_in_their_colour_where_the_network_predicts_them_lighter_where_unsure():
    trainer = trained("dataset=blobs&classes=3&seed=0.5", 300)
    pixels = decoded(export(trainer, "png"))[..., :3]
    probabilities = at_pixels_by_class(trainer)
    winner, sure = probabilities.argmax(axis=-1), probabilities.max(axis=-1)
    free = away_from(trainer.dataset.train.xy)
    palette = np.array([rgb(colour) for colour in CLASS_COLOURS])
    away, ends = pixels - rgb(NEUTRAL), palette - rgb(NEUTRAL)  # from the unsure grey: towards which class?
    towards = (away @ ends.T / np.linalg.norm(ends, axis=-1)).argmax(axis=-1)
    for k in range(3):
        surest = free & (winner == k) & (sure > 0.99)
        assert surest.sum() > 1000  # a region of each class: the test means something
        assert np.abs(pixels[surest] - palette[k]).max() < 8  # in the class's own colour
        assert np.all(towards[free & (winner == k) & (sure > 0.6)] == k)  # paler where less sure, the same hue
    unsure = free & (sure < 0.45)
    assert unsure.any() and np.all(np.linalg.norm(pixels[unsure] - rgb(NEUTRAL), axis=-1)
                                   < np.linalg.norm(pixels[unsure] - palette[winner[unsure]], axis=-1))


def test_four_classes_discretized_are_their_four_colours_and_the_points_their_class_colour_outlined_white():
    trainer = trained("dataset=blobs&classes=4&seed=0.5&discretize=true", 100)
    pixels = decoded(export(trainer, "png"))[..., :3]
    xy, labels = trainer.dataset.train.xy, trainer.dataset.train.labels
    map_colours = {tuple(colour) for colour in pixels[away_from(xy)].astype(int)}
    assert map_colours == {tuple(rgb(colour).astype(int)) for colour in CLASS_COLOURS}
    scale = PICTURE_PX / 12
    row, column = np.rint((6 - xy[0, 1]) * scale).astype(int), np.rint((xy[0, 0] + 6) * scale).astype(int)
    centre_fill = pixels[row - 1:row + 1, column - 1:column + 1].reshape(-1, 3)
    assert any(np.abs(fill - rgb(CLASS_COLOURS[int(labels[0])])).max() < 30 for fill in centre_fill)
    assert (pixels.min(axis=-1) > 250).sum() > 5 * len(xy)  # the white outlines


def test_the_command_line_writes_it_named_after_the_setup_or_to_standard_output(tmp_path):
    run = lambda *args: subprocess.run([sys.executable, "-m", "playground", "export", "#" + XOR, "--epochs", "20",  # noqa: E731
                                        "--format", "png", *args], cwd=tmp_path, capture_output=True, timeout=120,
                                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    written = run()
    assert written.returncode == 0, written.stderr
    name = file_name(trained(XOR, 20), "png")
    assert name == "xor-epoch-20-output.png"
    assert written.stdout.decode() == f"wrote {name}: the png at epoch 20\n"
    piped = run("-o", "-")
    assert piped.returncode == 0 and piped.stdout == (tmp_path / name).read_bytes()
    assert np.array_equal(decoded(piped.stdout), decoded(export(trained(XOR, 20), "png")))
