"""The compact text of points: exact on its grid, five characters a point, link-safe."""

import re

import numpy as np
import pytest

from playground.yourdata.point_code import CHARS_PER_POINT, LINK_POINTS, STEP, count, decode, encode


def test_round_trip_on_the_grid_is_exact():
    rng = np.random.default_rng(1)
    xy = np.round(rng.uniform(-6, 6, (300, 2)), 2)
    labels = np.round(rng.uniform(-1, 1, 300), 2)
    back_xy, back_labels = decode(encode(xy, labels))
    np.testing.assert_allclose(back_xy, xy, atol=1e-9)
    np.testing.assert_allclose(back_labels, labels, atol=1e-9)


def test_off_grid_values_move_by_at_most_half_a_step():
    rng = np.random.default_rng(2)
    xy, labels = rng.uniform(-6, 6, (100, 2)), rng.choice([-1.0, 1.0], 100)
    back_xy, back_labels = decode(encode(xy, labels))
    assert np.abs(back_xy - xy).max() <= STEP / 2 + 1e-9
    np.testing.assert_array_equal(back_labels, labels)  # the classes are exact


def test_the_corners_and_an_empty_list():
    xy, labels = np.array([[-6.0, -6.0], [6.0, 6.0]]), np.array([-1.0, 1.0])
    np.testing.assert_array_equal(decode(encode(xy, labels))[0], xy)
    assert encode(np.zeros((0, 2)), np.zeros(0)) == ""
    assert decode("")[0].shape == (0, 2)


def test_link_sized_and_url_safe():
    xy = np.zeros((LINK_POINTS, 2))
    text = encode(xy, np.ones(LINK_POINTS))
    assert len(text) == LINK_POINTS * CHARS_PER_POINT == 1000
    assert re.fullmatch(r"[A-Za-z0-9_-]*", text)
    assert count(text) == LINK_POINTS


@pytest.mark.parametrize("text", ["ABCD", "AB+DE", "ABCDé", "_____"])
def test_anything_else_is_refused(text):
    with pytest.raises(ValueError):
        decode(text)
