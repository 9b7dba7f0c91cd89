"""A TF Playground link in Chromium draws TF's own training points, in TF's order.

The page's output map is read as BokehJS holds it (the training points' source), and
compared with TF Playground's own points for the same link (tests/tfp_reference):
labels exactly, coordinates to 2 ulps of the view (sin and cos may differ in the last
bit between engines, as they do between browsers for TF itself).
"""
from __future__ import annotations

import json

import numpy as np

from tests.helpers import ROOT
from tests.helpers.pages import open_page, shown_test_loss, wait_for_state

SETUP = json.loads((ROOT / "tests" / "tfp_reference" / "spiral-sin-8x8.json").read_text())
LAST_BITS = 2 * np.spacing(6.0)

DRAWN_POINTS_JS = """count => {
    for (const model of Bokeh.documents[0].all_models) {
        const data = model.data;
        if (data && data.x1 && data.color && data.x1.length === count) {
            return [Array.from(data.x1), Array.from(data.x2), Array.from(data.color)];
        }
    }
    return null;
}"""


def test_a_tf_link_draws_tfs_training_points(context, base_url):
    run = SETUP["runs"][0]
    page, log = open_page(context, base_url + f"#{SETUP['fragment']}&seed={run['seed']}")
    assert wait_for_state(page) == "ready"
    expected = np.array(run["data"]["train"])

    page.wait_for_function(f"count => ({DRAWN_POINTS_JS})(count) !== null", arg=len(expected))
    drawn = page.evaluate(DRAWN_POINTS_JS, len(expected))

    x1, x2, labels = (np.array(column) for column in drawn)
    np.testing.assert_array_equal(labels, expected[:, 2])
    np.testing.assert_allclose(np.column_stack([x1, x2]), expected[:, :2], rtol=0, atol=LAST_BITS)
    assert shown_test_loss(page) == round(run["test_loss"][0], 3)
    assert f"seed={run['seed']}" in page.evaluate("location.hash")
    assert log.errors == []
