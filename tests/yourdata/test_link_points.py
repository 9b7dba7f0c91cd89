"""The student's points in a link: up to LINK_POINTS travel, more stay out, a bad key is a warning."""

import numpy as np

from playground.links import decode, encode, points_in_link
from playground.state import PlaygroundState
from playground.yourdata import point_code
from playground.yourdata.point_code import LINK_POINTS


def points(n: int) -> str:
    xy = np.column_stack([np.linspace(-6, 6, n), np.linspace(6, -6, n)])
    return point_code.encode(xy, np.where(np.arange(n) % 2, 1.0, -1.0))


def test_a_link_carries_up_to_link_points_and_reopens_them():
    state = PlaygroundState(dataset="yours", yourData=points(LINK_POINTS))
    link = encode(state)
    assert f"yourData={state.yourData}" in link
    assert len(link) < 2_000
    again, warnings = decode(link)
    assert warnings == [] and again.yourData == state.yourData and again.dataset == "yours"


def test_more_points_stay_out_of_the_link():
    state = PlaygroundState(dataset="yours", yourData=points(LINK_POINTS + 1))
    assert not points_in_link(state)
    assert "yourData" not in encode(state)


def test_points_set_aside_for_another_data_set_travel_too():
    state = PlaygroundState(dataset="circle", yourData=points(3))
    again, warnings = decode(encode(state))
    assert warnings == [] and again.dataset == "circle" and again.yourData == state.yourData
    again.dataset = "yours"  # chosen again after a reload: the drawing is there
    assert point_code.count(again.yourData) == 3


def test_a_bad_key_is_a_warning_and_no_points():
    state, warnings = decode("#dataset=yours&yourData=AB*DE")
    assert state.yourData == "" and len(warnings) == 1 and "yourData" in warnings[0]
