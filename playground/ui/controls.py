"""Widgets bound to PlaygroundState parameters, labelled as in TF Playground.

Each widget is made from its parameter (``from_param``), so a widget and the
state can never disagree: a link, a lesson or a click all change the state,
and the widget follows. Labels, menu entries and descriptions are references
into the catalogs (``Words``), so a change of language relabels them in place.
"""

import panel as pn

from playground.engine.datasets import MULTICLASS_DATASETS
from playground.engine.losses import CLASS_COUNTS
from playground.i18n import LANGUAGES, value_name
from playground.state import LEARNING_RATES, REGULARIZATION_RATES, PlaygroundState
from playground.words import Words

SELECT_WIDTH = 120
#: The speed menu: epochs per frame, 0 for as many as fit in a frame.
SPEEDS = (0, 1, 5, 20)


def _menu(values, current) -> dict:
    """A numeric menu that also holds a value a link brought in from outside it."""
    return {f"{value:g}": value for value in sorted({*values, current})}


def _named(words: Words, state: PlaygroundState, key: str) -> dict:
    """The menu of ``key``'s values, each named as ``i18n.value_name`` says it, following the language."""
    return words.follow(lambda: {value_name(key, value, words.language): value for value in state.param[key].objects})


def shown(state: PlaygroundState, control: str):
    """A ``visible`` value that is False while a link (``hide=``) or a lesson hides ``control``."""
    return pn.bind(lambda hidden: control not in hidden, state.param.hidden)


def locked(state: PlaygroundState, control: str):
    """A ``disabled`` value that is True while a lesson locks ``control``."""
    return pn.bind(lambda locked: control in locked, state.param.locked)


def availability(state: PlaygroundState, control: str) -> dict:
    """``visible`` and ``disabled`` for a widget that a link can hide and a lesson can lock."""
    return {"visible": shown(state, control), "disabled": locked(state, control)}


def _select(state: PlaygroundState, words: Words, name: str, key: str, options) -> pn.widgets.Select:
    """The menu of parameter ``name``, labelled ``controls.{key}`` and described by ``controls.{key}_description``."""
    return pn.widgets.Select.from_param(
        state.param[name], label=words(f"controls.{key}"), options=options,
        description=words(f"controls.{key}_description"), width=SELECT_WIDTH, **availability(state, name),
    )


def top_bar(state: PlaygroundState, words: Words) -> list[pn.widgets.Select]:
    """TF Playground's top-bar menus, in its order."""
    return [
        _select(state, words, "learningRate", "learning_rate", _menu(LEARNING_RATES, state.learningRate)),
        _select(state, words, "activation", "activation",
                _named(words, state, "activation")),
        _select(state, words, "regularization", "regularization",
                _named(words, state, "regularization")),
        _select(state, words, "regularizationRate", "regularization_rate",
                _menu(REGULARIZATION_RATES, state.regularizationRate)),
        _select(state, words, "problem", "problem", _named(words, state, "problem")),
    ]


def data_controls(state: PlaygroundState, words: Words) -> list[pn.viewable.Viewable]:
    """TF Playground's data column below the dataset thumbnails: split, noise, batch."""
    return [
        pn.widgets.IntSlider.from_param(state.param.percTrainData, label=words("controls.train_percent"),
                                        start=10, end=90, step=10, width=180, **availability(state, "percTrainData")),
        pn.widgets.IntSlider.from_param(state.param.noise, label=words("controls.noise"), start=0,
                                        end=max(50, state.noise), step=5,  # a link may go beyond 50
                                        width=180, **availability(state, "noise")),
        pn.widgets.IntSlider.from_param(state.param.batchSize, label=words("controls.batch_size"), start=1, end=30,
                                        step=1, width=180, **availability(state, "batchSize")),
    ]


def classes_menu(state: PlaygroundState, words: Words) -> pn.widgets.Select:
    """How many classes the data has: shown for the data sets made for several (blobs, spiral); the
    others have two, whatever ``classes`` says, and it is kept for when such a data set is chosen again."""
    return pn.widgets.Select.from_param(
        state.param.classes, label=words("controls.classes"), options={str(k): k for k in CLASS_COUNTS},
        description=words("controls.classes_description"), width=180, disabled=locked(state, "classes"),
        visible=pn.bind(lambda hidden, problem, dataset: "classes" not in hidden and problem == "classification"
                        and dataset in MULTICLASS_DATASETS, state.param.hidden, state.param.problem, state.param.dataset),
    )


def _speeds(words: Words, current: int) -> dict:
    """The speed menu, with a link's own speed kept selectable."""
    return {
        words.counted("speeds.epochs_per_frame", speed) if speed else words.text("speeds.fastest"): speed
        for speed in sorted({*SPEEDS, current})
    }


def training_options(state: PlaygroundState, words: Words) -> list[pn.viewable.Viewable]:
    """What TF Playground never had: optimizer, loss, speed, a stop. TF's behaviour by default."""
    linked_speed = state.epochsPerFrame
    return [
        _select(state, words, "optimizer", "optimizer", _named(words, state, "optimizer")),
        pn.widgets.Select.from_param(
            state.param.loss, label=words("controls.loss"), options=_named(words, state, "loss"),
            description=words("controls.loss_description"), width=SELECT_WIDTH, disabled=locked(state, "loss"),
            visible=pn.bind(lambda hidden, problem: "loss" not in hidden and problem == "classification",
                            state.param.hidden, state.param.problem),
        ),
        _select(state, words, "epochsPerFrame", "speed", words.follow(lambda: _speeds(words, linked_speed))),
        pn.widgets.IntInput.from_param(state.param.stopAtEpoch, label=words("controls.stop_at_epoch"), start=0,
                                       description=words("controls.stop_at_epoch_description"),
                                       width=SELECT_WIDTH, **availability(state, "stopAtEpoch")),
    ]


def output_options(state: PlaygroundState, words: Words) -> list[pn.widgets.Checkbox]:
    """TF Playground's two switches under the output map."""
    return [
        pn.widgets.Checkbox.from_param(state.param.showTestData, label=words("controls.show_test_data"),
                                       **availability(state, "showTestData")),
        pn.widgets.Checkbox.from_param(state.param.discretize, label=words("controls.discretize"),
                                       **availability(state, "discretize")),
    ]


def language_switch(state: PlaygroundState, words: Words) -> pn.widgets.Select:
    """The interface's language, each named in itself. A choice here goes into the link
    (``lang=``), so whoever opens a shared link sees the language that was chosen; the
    menu shows the language spoken, whoever changed it."""
    switch = pn.widgets.Select(label=words("language.label"), options={name: tag for tag, name in LANGUAGES.items()},
                               value=words.language, width=SELECT_WIDTH, visible=shown(state, "languageMenu"))
    switch.param.watch(lambda event: setattr(state, "lang", event.new), "value")
    words.param.watch(lambda event: setattr(switch, "value", event.new), "language")
    return switch
