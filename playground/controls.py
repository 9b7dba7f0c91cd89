"""Widgets bound to PlaygroundState parameters, labelled as in TF Playground.

Each widget is made from its parameter (``from_param``), so a widget and the
state can never disagree: a link, a lesson or a click all change the state,
and the widget follows.
"""

import panel as pn

from playground.state import LEARNING_RATES, REGULARIZATION_RATES, PlaygroundState

ACTIVATION_LABELS = {
    "relu": "ReLU", "tanh": "Tanh", "sigmoid": "Sigmoid", "linear": "Linear",
    "leakyrelu": "Leaky ReLU", "elu": "ELU", "softplus": "Softplus",
}
DATASET_LABELS = {
    "circle": "Circle", "xor": "Exclusive or", "gauss": "Gaussian", "spiral": "Spiral",
    "reg-plane": "Plane", "reg-gauss": "Multi Gaussian",
}
SELECT_WIDTH = 120


def _menu(values, current) -> dict:
    """A numeric menu that also holds a value a link brought in from outside it."""
    return {f"{value:g}": value for value in sorted({*values, current})}


def shown(state: PlaygroundState, control: str):
    """A ``visible`` value that is False while a link hides ``control`` (TF's NAME_hide)."""
    return pn.bind(lambda hidden: control not in hidden, state.param.hidden)


def locked(state: PlaygroundState, control: str):
    """A ``disabled`` value that is True while a lesson locks ``control``."""
    return pn.bind(lambda locked: control in locked, state.param.locked)


def availability(state: PlaygroundState, control: str) -> dict:
    """``visible`` and ``disabled`` for a widget that a link can hide and a lesson can lock."""
    return {"visible": shown(state, control), "disabled": locked(state, control)}


def _select(state: PlaygroundState, name: str, label: str, options: dict, description: str) -> pn.widgets.Select:
    return pn.widgets.Select.from_param(
        state.param[name], label=label, options=options, description=description, width=SELECT_WIDTH,
        **availability(state, name),
    )


def top_bar(state: PlaygroundState) -> list[pn.widgets.Select]:
    """TF Playground's top-bar menus, in its order."""
    return [
        _select(state, "learningRate", "Learning rate", _menu(LEARNING_RATES, state.learningRate),
                "How big a step each update takes."),
        _select(state, "activation", "Activation",
                {ACTIVATION_LABELS[a]: a for a in state.param.activation.objects},
                "The function each hidden neuron applies to its input."),
        _select(state, "regularization", "Regularization", {"None": "none", "L1": "L1", "L2": "L2"},
                "A penalty on large weights, to keep the network simple."),
        _select(state, "regularizationRate", "Regularization rate",
                _menu(REGULARIZATION_RATES, state.regularizationRate), "How strong the penalty is."),
        _select(state, "problem", "Problem type", {"Classification": "classification", "Regression": "regression"},
                "Sort points into two classes, or predict a number."),
    ]


def data_controls(state: PlaygroundState) -> list[pn.viewable.Viewable]:
    """TF Playground's data column below the dataset thumbnails: split, noise, batch."""
    return [
        pn.widgets.IntSlider.from_param(state.param.percTrainData, label="Ratio of training to test data (%)",
                                        start=10, end=90, step=10, width=180, **availability(state, "percTrainData")),
        pn.widgets.IntSlider.from_param(state.param.noise, label="Noise", start=0, end=max(50, state.noise), step=5,
                                        width=180, **availability(state, "noise")),  # a link may go beyond 50
        pn.widgets.IntSlider.from_param(state.param.batchSize, label="Batch size", start=1, end=30, step=1,
                                        width=180, **availability(state, "batchSize")),
    ]


SPEEDS = {"Fastest": 0, "1 epoch per frame": 1, "5 epochs per frame": 5, "20 epochs per frame": 20}


def training_options(state: PlaygroundState) -> list[pn.viewable.Viewable]:
    """What TF Playground never had: optimizer, loss, speed, a stop. TF's behaviour by default."""
    speeds = dict(SPEEDS)
    if state.epochsPerFrame not in speeds.values():  # a link's own speed stays selectable
        speeds[f"{state.epochsPerFrame} epochs per frame"] = state.epochsPerFrame
    return [
        _select(state, "optimizer", "Optimizer", {"SGD": "sgd", "Momentum": "momentum", "Adam": "adam"},
                "How each gradient becomes a step. SGD is TF Playground's."),
        pn.widgets.Select.from_param(
            state.param.loss, label="Loss", options={"Square": "square", "Cross-entropy": "cross-entropy"},
            description="What training minimises. Square is TF Playground's; cross-entropy is for classes.",
            width=SELECT_WIDTH, disabled=locked(state, "loss"),
            visible=pn.bind(lambda hidden, problem: "loss" not in hidden and problem == "classification",
                            state.param.hidden, state.param.problem),
        ),
        _select(state, "epochsPerFrame", "Speed", speeds, "Epochs trained between two redraws."),
        pn.widgets.IntInput.from_param(state.param.stopAtEpoch, label="Stop at epoch (0: never)", start=0,
                                       width=SELECT_WIDTH, **availability(state, "stopAtEpoch")),
    ]


def output_options(state: PlaygroundState) -> list[pn.widgets.Checkbox]:
    """TF Playground's two switches under the output map."""
    return [
        pn.widgets.Checkbox.from_param(state.param.showTestData, label="Show test data",
                                       **availability(state, "showTestData")),
        pn.widgets.Checkbox.from_param(state.param.discretize, label="Discretize output",
                                       **availability(state, "discretize")),
    ]
