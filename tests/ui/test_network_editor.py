"""Editing the network through its buttons changes the state, within TF's limits."""

import numpy as np
import panel as pn
import pytest

from playground.session import Session
from playground.state import PlaygroundState
from playground.ui.network_editor import FeatureToggles, LayerButtons, add_layer, remove_layer, resize_layer
from playground.ui.sizes import COMPACT, WHOLE_PAGE


def test_shape_edits_stay_within_tf_limits():
    assert add_layer([4, 2]) == [4, 2, 2]
    assert add_layer([8] * 6) == [8] * 6
    assert remove_layer([4, 2]) == [4] and remove_layer([]) == []
    assert resize_layer([4, 2], 0, +1) == [5, 2]
    assert resize_layer([8], 0, +1) == [8] and resize_layer([1], 0, -1) == [1]


def clicks(panel):
    """Every button in the layer buttons' panel, by its description."""
    return {widget.description: widget for widget in panel.select(lambda w: hasattr(w, "clicks"))}


def test_layer_buttons_change_the_network_the_session_trains():
    state = PlaygroundState()
    session = Session(state)
    buttons = LayerButtons(state, WHOLE_PAGE.network)

    clicks(buttons.__panel__())["Add a hidden layer"].clicks += 1
    assert state.networkShape == [4, 2, 2]
    clicks(buttons.__panel__())["Add a neuron to layer 3"].clicks += 1
    assert state.networkShape == [4, 2, 3]
    clicks(buttons.__panel__())["Remove a neuron from layer 1"].clicks += 1
    assert state.networkShape == [3, 2, 3]
    assert session.trainer.network.layer_sizes == [2, 3, 2, 3, 1]


def test_buttons_at_a_limit_are_disabled():
    buttons = LayerButtons(PlaygroundState(networkShape=[8] * 6), WHOLE_PAGE.network)
    found = clicks(buttons.__panel__())
    assert found["Add a hidden layer"].disabled and found["Add a neuron to layer 1"].disabled
    assert not found["Remove the last hidden layer"].disabled


def test_feature_toggles_and_state_agree_both_ways():
    state = PlaygroundState()
    toggles = FeatureToggles(state)
    assert toggles.widget.value == ["x", "y"]

    toggles.widget.value = ["x", "y", "sinX"]
    assert state.sinX and state.features() == ["x", "y", "sinX"]

    state.x = False
    assert toggles.widget.value == ["y", "sinX"]


def test_hidden_features_are_not_offered():
    toggles = FeatureToggles(PlaygroundState(hidden=["sinX", "cosX", "cosY"]))
    assert set(toggles.widget.options.values()) == {"x", "y", "xSquared", "ySquared", "xTimesY", "sinY"}


@pytest.mark.parametrize("sizes", [WHOLE_PAGE, COMPACT], ids=["whole page", "embed"])
def test_each_layers_buttons_sit_above_its_column_without_overlapping(sizes):
    from playground.ui.network_editor import layer_control_px
    from playground.views.network_layout import network_layout

    shape = [8] * 6
    row = LayerButtons(PlaygroundState(networkShape=shape), sizes.network, button_px=sizes.shape_button).__panel__().objects[1]
    centres, widths, edge = [], [], 0
    for item in row.objects:
        if not isinstance(item, pn.Spacer):
            centres.append(edge + item.width / 2)
            widths.append(item.width)
        edge += item.width
    drawn = network_layout([9, *shape, 1], *sizes.network).x[1:-1]  # all nine inputs: the tallest diagram
    assert np.abs(np.array(centres) - drawn).max() <= 1
    assert np.diff(centres).min() >= max(widths) and min(widths) >= layer_control_px(sizes.shape_button)
    assert edge <= sizes.network[0]


def test_a_lesson_that_hides_inputs_later_takes_their_buttons_away_and_gives_them_back():
    state = PlaygroundState()
    toggles = FeatureToggles(state)
    state.hidden = ["xSquared", "ySquared", "xTimesY", "sinX", "sinY", "cosX", "cosY"]
    assert list(toggles.widget.options.values()) == ["x", "y"]
    state.hidden = []
    assert len(toggles.widget.options) == 9 and toggles.widget.value == ["x", "y"]


def test_locked_inputs_stay_as_they_are():
    state = PlaygroundState(hidden=["xSquared", "ySquared", "xTimesY", "sinX", "sinY", "cosX"])
    toggles = FeatureToggles(state)
    state.locked = ["x", "y"]
    assert not toggles.widget.disabled, "cos(X₂) is shown and not locked"

    toggles.widget.value = ["x", "cosY"]  # y switched off, cos(X₂) on: only the second counts
    assert (state.y, state.cosY) == (True, True) and set(toggles.widget.value) == {"x", "y", "cosY"}

    state.hidden = [*state.hidden, "cosY"]
    assert toggles.widget.disabled, "every input shown is locked"


def test_locked_layers_and_neurons_have_their_buttons_disabled():
    state = PlaygroundState(networkShape=[4, 2])
    buttons = LayerButtons(state, WHOLE_PAGE.network)
    state.locked = ["numHiddenLayers", "numNodes2"]
    found = clicks(buttons.__panel__())
    assert found["Add a hidden layer"].disabled and found["Remove the last hidden layer"].disabled
    assert found["Remove a neuron from layer 2"].disabled and not found["Add a neuron to layer 1"].disabled
