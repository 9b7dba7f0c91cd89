"""Every option of the playground as one validated ``param`` class.

Parameter names are TF Playground's URL keys (``src/state.ts``), so a link's
``&learningRate=0.1`` names a parameter directly and widgets built from these
parameters carry the names teachers already know. Defaults are TF's.
"""

import random

import param

from playground.engine.activations import ACTIVATIONS, TF_ACTIVATIONS
from playground.engine.datasets import (
    CLASSIFICATION_DATASETS, NOISE_MAX, OUR_CLASSIFICATION_DATASETS, PROBLEMS, REGRESSION_DATASETS, class_counts,
)
from playground.engine.features import FEATURES
from playground.engine.losses import CLASS_COUNTS, LOSSES
from playground.engine.optimizers import OPTIMIZERS
from playground.engine.regularization import REGULARIZATIONS
from playground.i18n import LANGUAGES
from playground.yourdata import MAX_POINTS, YOURS
from playground.yourdata import point_code

#: TF's learning-rate menu (``index.html``), smallest first.
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10)
#: TF's regularization-rate menu.
REGULARIZATION_RATES = (0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10)
MAX_LAYERS = 6
MAX_NEURONS = 8

#: The views of how the network learns (ui/inside/), each opened by a button a link can hide.
INSIDE_VIEWS = ("gradientFlow", "hiddenSpace", "stepThrough")

#: Controls a link can hide (``hide=NAME,NAME``, or TF's ``NAME_hide=true``): TF's link builder's 15
#: (``playground.ts`` HIDABLE_CONTROLS), its per-layer ``numNodesK`` and
#: per-feature classes, then ours (the page's own buttons and menus, hidden for an
#: embed, and the buttons of the views inside the network). This order is the order links write them.
HIDABLE_CONTROLS = (
    "showTestData", "discretize", "playButton", "stepButton", "resetButton",
    "learningRate", "activation", "regularization", "regularizationRate",
    "problem", "dataset", "percTrainData", "noise", "batchSize", "numHiddenLayers",
    *(f"numNodes{layer}" for layer in range(1, MAX_LAYERS + 1)),
    *FEATURES,
    "optimizer", "loss", "stopAtEpoch", "epochsPerFrame", "classes",
    "lessonsButton", "languageMenu", "shareButton", "exportMenu", *INSIDE_VIEWS,
)

#: Seeds and tutorial names travel unescaped in links; TF's look like "0.66230".
NAME_PATTERN = r"^[A-Za-z0-9._-]{1,40}$"


def random_seed() -> str:
    """A fresh seed in TF's format (``Math.random().toFixed(5)``)."""
    return f"{random.random():.5f}"


class PointText(param.String):
    """A student's points as ``point_code`` writes them: at most MAX_POINTS, each inside the view."""

    def _validate(self, val):
        super()._validate(val)
        point_code.decode(val)
        if point_code.count(val) > MAX_POINTS:
            raise ValueError(f"{point_code.count(val)} points; at most {MAX_POINTS}")


class NetworkShape(param.List):
    """Neurons per hidden layer: 0–6 layers of 1–8 neurons, as TF's +/- buttons allow."""

    def _validate(self, val):
        super()._validate(val)
        if val is None:
            return
        if len(val) > MAX_LAYERS:
            raise ValueError(f"networkShape has {len(val)} layers; at most {MAX_LAYERS}")
        for size in val:
            if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= MAX_NEURONS:
                raise ValueError(f"networkShape layer size {size!r} is not a whole number 1–{MAX_NEURONS}")


def _feature(key: str, on: bool = False) -> param.Boolean:
    return param.Boolean(on, doc=f"Feed {FEATURES[key].label} to the first layer.")


class PlaygroundState(param.Parameterized):
    """Everything a link can say about the playground; names are TF's URL keys."""

    # --- TF Playground's options, in its PROPS order -------------------------
    activation = param.Selector(
        default="tanh",
        objects=[*TF_ACTIVATIONS, *(name for name in ACTIVATIONS if name not in TF_ACTIVATIONS)],
        doc="Nonlinearity of every hidden layer (TF's four, then ours).",
    )
    regularization = param.Selector(default="none", objects=list(REGULARIZATIONS), doc="Weight penalty.")
    batchSize = param.Integer(10, bounds=(1, 30), step=1, doc="Examples per weight update.")
    dataset = param.Selector(
        default="circle", objects=[*CLASSIFICATION_DATASETS, *OUR_CLASSIFICATION_DATASETS, YOURS],
        doc="Classification data (TF's four, then ours, then the student's own).",
    )
    regDataset = param.Selector(default="reg-plane", objects=[*REGRESSION_DATASETS, YOURS], doc="Regression data.")
    learningRate = param.Number(
        0.03, bounds=(0, 10), inclusive_bounds=(False, True),
        doc="Step size. The menu offers LEARNING_RATES, but any rate in (0, 10] "
        "is kept so a hand-edited link runs the experiment its author wrote.",
    )
    regularizationRate = param.Number(0, bounds=(0, 10), doc="Penalty strength; menu REGULARIZATION_RATES.")
    noise = param.Integer(
        0, bounds=(0, int(NOISE_MAX)), softbounds=(0, 50), step=5,
        doc="Label noise in percent. The slider stops at 50; TF accepts links up to 80.",
    )
    networkShape = NetworkShape(default=[4, 2], doc="Neurons per hidden layer.")
    seed = param.String(
        "0.00000", regex=NAME_PATTERN,
        doc="Seeds data and initial weights. Fixed by default so a state is reproducible; "
        "the app draws random_seed() for a fresh page, as TF does for a link without one.",
    )
    showTestData = param.Boolean(False, doc="Draw the test points on the output map.")
    discretize = param.Boolean(False, doc="Show the output map as its classes, each in one colour, not a gradient.")
    percTrainData = param.Integer(50, bounds=(10, 90), step=10, doc="Percent of the points used for training.")
    x = _feature("x", on=True)
    y = _feature("y", on=True)
    xTimesY = _feature("xTimesY")
    xSquared = _feature("xSquared")
    ySquared = _feature("ySquared")
    cosX = _feature("cosX")
    sinX = _feature("sinX")
    cosY = _feature("cosY")
    sinY = _feature("sinY")
    collectStats = param.Boolean(False, doc="TF's analytics switch; kept so links round-trip.")
    tutorial = param.String("", regex=r"^$|" + NAME_PATTERN, doc="Name of a tutorial page; empty for none.")
    problem = param.Selector(default="classification", objects=list(PROBLEMS))
    initZero = param.Boolean(False, doc="Start every weight and bias at 0 instead of at random.")
    hideText = param.Boolean(False, doc="Hide the page's header and article text (for embedding).")

    # --- ours ------------------------------------------------------------------
    optimizer = param.Selector(default="sgd", objects=list(OPTIMIZERS), doc="Update rule; sgd is TF's.")
    loss = param.Selector(default="square", objects=list(LOSSES), doc="square is TF's ½(o−t)².")
    classes = param.Integer(
        2, bounds=(CLASS_COUNTS[0], CLASS_COUNTS[-1]),
        doc="Classes of a data set made for several (blobs, spiral): more than two train a softmax "
        "output with cross-entropy whatever ``loss`` says. TF's data sets keep their two, and the "
        "value is kept for when such a data set is chosen again.",
    )
    stopAtEpoch = param.Integer(0, bounds=(0, 1_000_000), doc="Pause when this epoch is reached; 0 = never.")
    epochsPerFrame = param.Integer(
        0, bounds=(0, 100), softbounds=(0, 20),
        doc="Training speed: epochs between redraws; 0 = as many as fit in a frame (fastest). "
        "1 is close to TF's one epoch per animation frame.",
    )
    yourData = PointText(
        "", doc="The student's own points (point_code's text), trained on when a data set is \"yours\". "
        "A link carries up to point_code.LINK_POINTS of them.",
    )
    lang = param.Selector(
        default="", objects=["", *LANGUAGES],
        doc="The interface's language, as the link or the language switch chose it; "
        "empty: the browser's (so a shared link speaks only a language someone chose).",
    )
    hidden = param.ListSelector(
        default=[], objects=list(HIDABLE_CONTROLS), instantiate=True,
        doc="Controls hidden from the learner (a link's hide=, or TF's NAME_hide=true keys).",
    )
    locked = param.ListSelector(
        default=[], objects=list(HIDABLE_CONTROLS), instantiate=True,
        doc="Controls shown but not changeable, while a lesson locks them. Not part of links.",
    )

    def values(self) -> dict:
        """Every option's value by its key (param's own ``name`` is not an option)."""
        return {key: value for key, value in self.param.values().items() if key != "name"}

    def offered_features(self) -> list[str]:
        """Keys of the features a student may switch: all but those a link hides."""
        return [key for key in FEATURES if key not in self.hidden]

    def features(self) -> list[str]:
        """Keys of the features fed to the network, in FEATURES order.

        A hidden feature is left out even when on: TF deletes it from its inputs.
        """
        return [key for key in self.offered_features() if getattr(self, key)]

    def active_dataset(self) -> str:
        """The dataset the current problem trains on."""
        return self.dataset if self.problem == "classification" else self.regDataset

    def test_points_shown(self) -> bool:
        """Whether the output map shows the test points: when asked, and always the student's own (a point
        drawn must be seen, whichever part it went to)."""
        return self.showTestData or self.active_dataset() == YOURS

    def class_count(self) -> int:
        """The classes trained: ``classes`` where the data set is made with that many, else two."""
        if self.active_dataset() == YOURS:
            return 2
        return self.classes if self.classes in class_counts(self.active_dataset()) else 2
