"""The output map in the built site shows the network's own output in TF's colours, pixel for pixel: the
page's colouring (BokehJS's colour mapper and image drawing, patched by sitebuild/patches.py) agrees
with colour_scale.py, which the exported picture uses too."""
from __future__ import annotations

import io

import numpy as np
from PIL import Image

from playground.colour_scale import colours
from playground.links import decode
from playground.trainer import DOMAIN, GRID_RESOLUTION, Trainer
from tests.helpers.pages import MAP_FRAME_JS, open_page, wait_for_state

LINK = "dataset=xor&seed=0.25"
"""Its first weights give a map from −0.28 (orange) to +0.46 (blue): light colours, but not one grey."""
POINT_RADIUS_PX = 6
"""A data point's circle and outline, drawn over the map: the cells under it are not compared."""


def test_the_map_paints_each_cell_in_the_colour_of_the_networks_output_there(context, base_url):
    page, log = open_page(context, base_url + "#" + LINK)
    assert wait_for_state(page) == "ready"
    trainer = Trainer(decode(LINK)[0])  # the same seed: the same points and first weights as the page's
    output = trainer.picture().output.reshape(GRID_RESOLUTION, GRID_RESOLUTION)
    expected = colours(output)  # row 0 at the bottom of the map (x2 = −6)

    left, top, width, height = page.evaluate(MAP_FRAME_JS)
    shot = np.asarray(Image.open(io.BytesIO(page.screenshot())).convert("RGB"), dtype=float)
    centres = (np.arange(GRID_RESOLUTION) + 0.5) / GRID_RESOLUTION
    columns = np.floor(left + centres * width).astype(int)
    rows = np.floor(top + (1 - centres) * height).astype(int)
    painted = shot[rows[:, None], columns[None, :]]
    points = np.concatenate([trainer.dataset.train.xy, trainer.dataset.test.xy])
    cells = np.stack(np.meshgrid(*2 * [(centres * 2 - 1) * DOMAIN]), axis=-1)  # each cell's centre (x1, x2)
    pixel = np.array([width, height]) / (2 * DOMAIN)  # a unit of x1, x2 in the page's pixels
    nearest_point_px = np.linalg.norm((cells[:, :, None] - points) * pixel, axis=-1).min(axis=-1)
    bare = nearest_point_px > POINT_RADIUS_PX  # no point drawn over the cell's centre
    bare[[0, -1], :] = bare[:, [0, -1]] = False  # nor the frame's edge

    off = np.abs(painted - expected).max(axis=-1)  # 0…255, the worst of red, green and blue
    assert bare.mean() > 0.25  # thousands of cells to compare
    assert np.mean(off[bare] <= 3) > 0.99, f"bare cells in their colour: {np.mean(off[bare] <= 3):.1%}"
    assert np.mean(np.abs(painted[bare] - colours(np.zeros(1))).max(axis=-1) > 10) > 0.5  # not a grey map
    assert log.console_errors() == [] and log.errors == []
