"""Goals: when each kind is met, and how it is said in English and Chinese."""

import math

import pytest

from playground.i18n import text
from playground.lessons.goals import (
    AllOf, AnyOf, Continue, CountGoal, Diverged, MetricGoal, ParamGoal, Snapshot,
)
from playground.links import STATE_KEYS
from playground.state import PlaygroundState
from playground.trainer import Metrics


def snapshot(state=None, epochs=0, diverged=False, **metrics):
    values = dict(epoch=10, train_loss=0.2, test_loss=0.2, train_accuracy=0.9, test_accuracy=0.9) | metrics
    return Snapshot(state or PlaygroundState(), Metrics(**values), diverged, epochs)


def test_continue_is_met_at_once():
    assert Continue().met(snapshot())


@pytest.mark.parametrize(
    ("goal", "met", "not_met"),
    [
        (MetricGoal("test_loss", "below", 0.05), dict(test_loss=0.049), dict(test_loss=0.05)),
        (MetricGoal("train_loss", "above", 0.5), dict(train_loss=0.6), dict(train_loss=0.5)),
        (MetricGoal("test_accuracy", "above", 0.95), dict(test_accuracy=0.96), dict(test_accuracy=None)),  # regression
        (MetricGoal("train_accuracy", "below", 0.6), dict(train_accuracy=0.5), dict(train_accuracy=0.7)),
        (MetricGoal("epoch", "above", 99), dict(epoch=100), dict(epoch=99)),
        (MetricGoal("test_loss", "below", 0.1), dict(test_loss=0.01), dict(test_loss=math.nan)),  # diverged
    ],
)
def test_a_metric_goal_compares_the_latest_metrics(goal, met, not_met):
    assert goal.met(snapshot(**met))
    assert not goal.met(snapshot(**not_met))


def test_within_counts_epochs_since_the_step_started():
    goal = MetricGoal("test_loss", "below", 0.05, within=300)
    assert goal.met(snapshot(test_loss=0.01, epochs=300))
    assert not goal.met(snapshot(test_loss=0.01, epochs=301))
    assert not goal.met(snapshot(test_loss=0.06, epochs=10))


def test_a_param_goal_compares_the_state_as_it_holds_values():
    relu = PlaygroundState(activation="relu", networkShape=[4, 2], learningRate=0.1)
    assert ParamGoal("activation", "equals", ("relu",)).met(snapshot(relu))
    assert not ParamGoal("activation", "equals", ("relu",)).met(snapshot())
    assert ParamGoal("networkShape", "equals", ([4, 2],)).met(snapshot(relu))
    assert ParamGoal("learningRate", "in", (0.1, 0.3)).met(snapshot(relu))
    assert not ParamGoal("learningRate", "in", (0.1, 0.3)).met(snapshot())
    assert ParamGoal("activation", "not_in", ("tanh", "sigmoid")).met(snapshot(relu))
    assert not ParamGoal("activation", "not_in", ("tanh", "sigmoid")).met(snapshot())


def test_a_count_goal_counts_neurons_layers_and_inputs():
    state = PlaygroundState(networkShape=[4, 3], x=True, y=False, xTimesY=True, sinX=True)
    assert CountGoal("hidden_neurons", "equals", 7).met(snapshot(state))
    assert CountGoal("hidden_layers", "at_most", 2).met(snapshot(state))
    assert not CountGoal("hidden_layers", "at_most", 1).met(snapshot(state))
    assert CountGoal("inputs", "at_least", 3).met(snapshot(state))
    assert not CountGoal("inputs", "at_least", 4).met(snapshot(state))
    hidden_input = PlaygroundState(x=True, y=True, hidden=["y"])  # a hidden input is not fed (TF's rule)
    assert CountGoal("inputs", "equals", 1).met(snapshot(hidden_input))


def test_diverged_is_met_only_once_training_has_diverged():
    assert Diverged().met(snapshot(diverged=True))
    assert not Diverged().met(snapshot())


def test_all_and_any_combine_and_nest():
    relu = ParamGoal("activation", "equals", ("relu",))
    low = MetricGoal("test_loss", "below", 0.1)
    relu_state = PlaygroundState(activation="relu")
    assert AllOf((relu, low)).met(snapshot(relu_state, test_loss=0.05))
    assert not AllOf((relu, low)).met(snapshot(test_loss=0.05))
    assert AnyOf((relu, low)).met(snapshot(test_loss=0.05))
    assert not AnyOf((relu, low)).met(snapshot(test_loss=0.5))
    nested = AnyOf((Diverged(), AllOf((relu, low))))
    assert nested.met(snapshot(relu_state, test_loss=0.05)) and nested.met(snapshot(diverged=True))
    assert not nested.met(snapshot(relu_state, test_loss=0.5))


@pytest.mark.parametrize(
    ("goal", "english", "chinese"),
    [
        (MetricGoal("test_loss", "below", 0.05, within=300),
         "Test loss below 0.05 within 300 epochs", "300 个周期内测试损失低于 0.05"),
        (MetricGoal("test_accuracy", "above", 0.95), "Test accuracy above 95%", "测试准确率高于 95%"),
        (ParamGoal("activation", "equals", ("relu",)), "Activation: ReLU", "激活函数：ReLU"),
        (ParamGoal("learningRate", "in", (0.1, 0.3)), "Learning rate: one of 0.1, 0.3", "学习率：0.1、0.3 之一"),
        (ParamGoal("xTimesY", "equals", (True,)), "Input X₁X₂: on", "输入 X₁X₂：开"),
        (ParamGoal("networkShape", "not_in", ([4, 2],)), "Neurons per hidden layer: not 4,2", "每个隐藏层的神经元数：不是 4,2"),
        (CountGoal("hidden_layers", "at_most", 1), "Hidden layers: at most 1", "隐藏层：最多 1"),
        (Diverged(), "Training diverges", "训练发散"),
        (AllOf((ParamGoal("activation", "equals", ("relu",)), MetricGoal("test_loss", "below", 0.1))),
         "Activation: ReLU; test loss below 0.1", "激活函数：ReLU；测试损失低于 0.1"),
        (AnyOf((Diverged(), AllOf((CountGoal("inputs", "equals", 2), Diverged())))),
         "Training diverges or (inputs: exactly 2; training diverges)", "训练发散 或 （输入：恰好 2；训练发散）"),
    ],
)
def test_each_goal_says_what_it_wants_in_both_languages(goal, english, chinese):
    assert goal.describe("en") == english
    assert goal.describe("zh-CN") == chinese


def test_the_status_says_where_the_student_is():
    goal = MetricGoal("test_loss", "below", 0.05, within=300)
    midway = snapshot(test_loss=0.08312, epochs=120)
    assert goal.status(midway, "en") == "test loss 0.0831 (goal: below 0.05); epoch 120 of 300"
    assert goal.status(midway, "zh-CN") == "测试损失 0.0831（目标：低于 0.05）；第 120/300 个周期"
    late = goal.status(snapshot(epochs=301), "en")
    assert late.endswith("301 epochs, more than 300: press Reset to try again")
    assert ParamGoal("activation", "equals", ("relu",)).status(snapshot(), "en") == "activation Tanh (goal: ReLU)"
    circle = ParamGoal("dataset", "in", ("circle", "xor")).status(snapshot(), "zh-CN")
    assert "圆形" in circle and "异或" in circle and "circle" not in circle  # menu values as the menus say them
    assert Diverged().status(snapshot(), "en") == "not diverged yet"
    assert Continue().status(snapshot(), "en") == ""


def test_every_state_key_has_a_name_for_goals():
    """English names them all; test_i18n checks every language has what English has."""
    for key in STATE_KEYS:
        assert text(f"goal.setting.{key}", "en").strip()
