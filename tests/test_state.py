"""PlaygroundState: TF Playground's defaults and ranges, enforced by param."""

import math
import re

import pytest

from playground.engine.activations import ACTIVATIONS, TF_ACTIVATIONS
from playground.engine.features import FEATURES
from playground.state import (
    HIDABLE_CONTROLS,
    LEARNING_RATES,
    NAME_PATTERN,
    REGULARIZATION_RATES,
    PlaygroundState,
    random_seed,
)

# TF Playground's State class field initialisers (src/state.ts); seed is ours.
TF_DEFAULTS = {
    "activation": "tanh", "regularization": "none", "batchSize": 10, "dataset": "circle",
    "regDataset": "reg-plane", "learningRate": 0.03, "regularizationRate": 0, "noise": 0,
    "networkShape": [4, 2], "showTestData": False, "discretize": False, "percTrainData": 50,
    "x": True, "y": True, "xTimesY": False, "xSquared": False, "ySquared": False,
    "cosX": False, "sinX": False, "cosY": False, "sinY": False, "collectStats": False,
    "tutorial": "", "problem": "classification", "initZero": False, "hideText": False,
}
# playground.ts HIDABLE_CONTROLS, the link builder's checkboxes.
TF_HIDABLE = (
    "showTestData", "discretize", "playButton", "stepButton", "resetButton", "learningRate",
    "activation", "regularization", "regularizationRate", "problem", "dataset",
    "percTrainData", "noise", "batchSize", "numHiddenLayers",
)


def test_defaults_are_tf_playgrounds():
    state = PlaygroundState()
    assert {key: getattr(state, key) for key in TF_DEFAULTS} == TF_DEFAULTS
    assert re.fullmatch(NAME_PATTERN, state.seed)


def test_our_defaults_behave_like_tf():
    state = PlaygroundState()
    assert (state.optimizer, state.loss, state.stopAtEpoch, state.epochsPerFrame) == ("sgd", "square", 0, 0)
    assert state.hidden == []


def test_menus_match_tf():
    assert LEARNING_RATES == (1e-5, 1e-4, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10)
    assert REGULARIZATION_RATES == (0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10)
    objects = PlaygroundState.param.activation.objects
    assert tuple(objects[:4]) == TF_ACTIVATIONS and set(objects) == set(ACTIVATIONS)
    assert PlaygroundState.param.regularization.objects == ["none", "L1", "L2"]
    assert PlaygroundState.param.dataset.objects[:4] == ["circle", "xor", "gauss", "spiral"]  # then ours
    assert PlaygroundState.param.regDataset.objects == ["reg-plane", "reg-gauss", "yours"]  # then the student's


def test_every_menu_value_is_accepted():
    state = PlaygroundState()
    for rate in LEARNING_RATES:
        state.learningRate = rate
    for rate in REGULARIZATION_RATES:
        state.regularizationRate = rate


def test_hidable_controls_cover_tf_layers_and_features():
    assert HIDABLE_CONTROLS[: len(TF_HIDABLE)] == TF_HIDABLE
    assert {f"numNodes{k}" for k in range(1, 7)} <= set(HIDABLE_CONTROLS)
    assert set(FEATURES) <= set(HIDABLE_CONTROLS)
    assert len(set(HIDABLE_CONTROLS)) == len(HIDABLE_CONTROLS)


@pytest.mark.parametrize(
    "key, value",
    [
        ("activation", "swish"), ("regularization", "l1"), ("problem", "ranking"),
        ("dataset", "reg-plane"), ("regDataset", "circle"), ("optimizer", "rmsprop"),
        ("loss", "hinge"), ("batchSize", 0), ("batchSize", 31), ("batchSize", 2.5),
        ("learningRate", 0), ("learningRate", 10.5), ("learningRate", math.nan),
        ("learningRate", math.inf), ("regularizationRate", -0.1), ("regularizationRate", 11),
        ("noise", -5), ("noise", 85), ("percTrainData", 5), ("percTrainData", 95),
        ("networkShape", [9]), ("networkShape", [0]), ("networkShape", [2] * 7),
        ("networkShape", [2.0]), ("networkShape", [True]), ("networkShape", "4,2"),
        ("seed", ""), ("seed", "a b"), ("seed", "x" * 41), ("tutorial", "../etc"),
        ("hidden", ["nope"]), ("stopAtEpoch", -1), ("epochsPerFrame", -1), ("epochsPerFrame", 101),
        ("x", "yes"),
    ],
)
def test_param_rejects_bad_values(key, value):
    with pytest.raises(ValueError):
        PlaygroundState(**{key: value})


@pytest.mark.parametrize(
    "key, value",
    [
        ("networkShape", []), ("networkShape", [8] * 6), ("learningRate", 0.05),
        ("learningRate", 10), ("noise", 80), ("activation", "leakyrelu"),
        ("seed", "42"), ("tutorial", "intro-1"), ("hidden", ["learningRate", "numNodes6", "sinX"]),
    ],
)
def test_param_accepts_edge_values(key, value):
    assert getattr(PlaygroundState(**{key: value}), key) == value


def test_instances_do_not_share_lists():
    first, second = PlaygroundState(), PlaygroundState()
    first.networkShape.append(3)
    first.hidden.append("noise")
    assert second.networkShape == [4, 2] and second.hidden == []


def test_features_in_feature_order_without_hidden_ones():
    state = PlaygroundState(sinY=True, xSquared=True, cosX=True)
    assert state.features() == ["x", "y", "xSquared", "sinY", "cosX"]
    state.hidden = ["x", "cosX"]
    assert state.features() == ["y", "xSquared", "sinY"]


def test_active_dataset_follows_problem():
    state = PlaygroundState(dataset="spiral", regDataset="reg-gauss")
    assert state.active_dataset() == "spiral"
    state.problem = "regression"
    assert state.active_dataset() == "reg-gauss"


def test_random_seed_looks_like_tfs_and_is_valid():
    seed = random_seed()
    assert re.fullmatch(r"0\.\d{5}", seed)
    assert PlaygroundState(seed=seed).seed == seed
