"""One playground run: its data, its network, and the history of its losses.

The trainer turns a ``PlaygroundState`` into engine objects and keeps what the
views and the CLI read: the epoch, the loss curves, and every neuron's output
over the grid the heatmaps are drawn on.
"""

from dataclasses import dataclass

import numpy as np

from .engine import Learner, Network
from .engine.confusion import confusion_matrix
from .engine.datasets import DOMAIN, Dataset, make_dataset
from .engine.gradient_flow import GradientFlow, gradient_flow
from .engine.features import feature_matrix
from .engine.losses import make_head
from .engine.seedrandom import SeedRandom
from .state import PlaygroundState
from .yourdata import YOURS
from .yourdata.dataset import your_dataset

GRID_RESOLUTION = 100
THUMBNAIL_RESOLUTION = 20
"""Cells per side of a neuron's map in the network diagram (TF draws 10)."""
RECENT_EPOCHS = 2_000
"""The latest epochs the history always holds every one of: more than a frame trains, so a lesson's
goal, checked after each frame, sees each epoch."""
CONFIDENT = 0.999
"""The most confidence ``class_map`` gives a point, so that class k's values stay below k + 1."""
HISTORY_LIMIT = 4_000
"""Entries the history holds at most: past that, every other one older than RECENT_EPOCHS goes,
so an hour of training holds as many points as a few minutes (the loss chart is 380 px wide)."""


@dataclass(frozen=True)
class Metrics:
    """How the network does after ``epoch`` epochs (accuracy: classification only)."""

    epoch: int
    train_loss: float
    test_loss: float
    train_accuracy: float | None
    test_accuracy: float | None
    gradient_flow: GradientFlow | None = None
    """The epoch's gradient flow, while the trainer's ``track_gradients`` asks for it."""

    @classmethod
    def numbers(cls) -> tuple[str, ...]:
        """The names of the epoch, losses and accuracies (the gradient flow is for the views)."""
        return tuple(name for name in cls.__dataclass_fields__ if name != "gradient_flow")

    def to_dict(self) -> dict:
        """The epoch, losses and accuracies."""
        return {name: getattr(self, name) for name in self.numbers()}


def grid_points(resolution: int = GRID_RESOLUTION) -> np.ndarray:
    """Centres of a resolution × resolution grid over the domain, row-major from the bottom."""
    ticks = np.linspace(-DOMAIN, DOMAIN, resolution)
    x1, x2 = np.meshgrid(ticks, ticks)
    return np.column_stack([x1.ravel(), x2.ravel()])


def grid_rows(resolution: int) -> np.ndarray:
    """The rows of ``grid_points()`` nearest a resolution × resolution lattice, in the same order.

    The network's thumbnails are read from the output map's pass through these rows
    instead of from a pass of their own (a point moves by at most half a cell).
    """
    ticks = np.round(np.linspace(0, GRID_RESOLUTION - 1, resolution)).astype(int)
    return (ticks[:, None] * GRID_RESOLUTION + ticks).ravel()


def class_map(probabilities: np.ndarray) -> np.ndarray:
    """Each point's winning class k plus its confidence c, as k + c (float32, shape (n,)): c is 0 where every
    class is as likely (1/K) and CONFIDENT where the winner is sure. One number a point, so that the training
    worker sends as much for K classes as for two, and the map colours it by class, lighter when unsure.

    The winner is found class by class (the first of equals wins, as argmax's): in Pyodide, argmax and
    max along rows of 3 or 4 cost 4× as much."""
    classes = probabilities.shape[1]
    columns = probabilities.T
    winner, best = np.zeros(len(probabilities), np.float32), columns[0]
    for k in range(1, classes):
        better = columns[k] > best
        winner, best = np.where(better, np.float32(k), winner), np.where(better, columns[k], best)
    with np.errstate(invalid="ignore"):  # a diverged network's NaN stays NaN (drawn as no colour)
        sure = (best - 1 / classes) / (1 - 1 / classes)
        return winner + np.clip(sure, 0, CONFIDENT).astype(np.float32)


def decided(values: np.ndarray, classes: int = 2) -> np.ndarray:
    """A map's decisions alone ("Discretize output"): TF's ±1, or each point's ``class_map`` class at full confidence."""
    return np.where(values >= 0, 1.0, -1.0) if classes == 2 else np.floor(values) + CONFIDENT


@dataclass
class Picture:
    """What the views show of one set of weights: every neuron's thumbnail and the output's map."""

    parameters: np.ndarray
    """The weights pictured (the network's parameter vector then)."""
    thumbnails: list[np.ndarray]
    """Per layer [inputs, hidden…, output], every neuron at ``GRID[THUMBNAIL_ROWS]``."""
    output: np.ndarray
    """The output map at every point of ``grid_points()``, shape (n,): the output neuron's value, or for
    K > 2 classes the ``class_map`` of their probabilities."""


class Trainer:
    """Trains the network a state describes, one or many epochs at a time."""

    def __init__(self, state: PlaygroundState, dataset: Dataset | None = None, weight_draw: int = 0,
                 history_limit: int | None = HISTORY_LIMIT):
        """``weight_draw`` > 0 picks other first weights for the same seed ("new weights"): the
        stream's next draws, as pressing TF's reset that many times would. ``history_limit``
        bounds the history (None keeps every epoch, as the command line's JSON does)."""
        self.recipe = state.values()
        """The state's values this trainer was made from: another process makes the same one from them."""
        self.weight_draw = weight_draw
        self.problem = state.problem
        self.features = state.features()
        self.batch_size = state.batchSize
        self.classes = dataset.classes if dataset else state.class_count()
        self._use(dataset or _dataset(state, self.classes))
        network = Network(
            num_inputs=len(self.features),
            hidden=state.networkShape,
            activation=state.activation,
            # Cross-entropy is for classes: regression keeps square loss, while the state
            # (and the link) keep the choice for when the problem is classification again.
            head=make_head(state.problem, state.loss if state.problem == "classification" else "square",
                           self.classes),
            rng=_weights_stream(self.dataset, state, weight_draw, self.classes),
            init_zero=state.initZero,
        )
        self.learner = Learner(
            network,
            learning_rate=state.learningRate,
            optimizer=state.optimizer,
            regularization=state.regularization,
            regularization_rate=state.regularizationRate,
        )
        self.epoch = 0
        self.track_gradients = False
        """Whether each epoch's metrics carry its gradient flow: a backward pass over the training set per
        epoch, so only while a view shows it."""
        self._grid: np.ndarray | None = None
        self._grid_inputs: np.ndarray | None = None
        self._maps: tuple[np.ndarray, np.ndarray, list[np.ndarray]] | None = None  # points, weights, maps
        self._picture: Picture | None = None
        self.history_limit = history_limit
        self.history: list[Metrics] = [self.metrics()]
        """The metrics after epoch 0 and after each epoch since, in order: every one of the latest
        RECENT_EPOCHS, fewer and fewer of the older ones once it holds ``history_limit``."""

    def _use(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.train_inputs = feature_matrix(dataset.train.xy, self.features)
        self.test_inputs = feature_matrix(dataset.test.xy, self.features)

    def take_points(self, state: PlaygroundState) -> None:
        """Train on from here on the student's points as ``state`` has them now: the same network, new data
        (points drawn while it trains). The history goes on, its last entry measured again on the new points."""
        self.recipe = {**self.recipe, "yourData": state.yourData}
        self._use(_dataset(state, self.classes))
        self.history[-1] = self.metrics()  # the losses now are on the new points

    def state(self) -> PlaygroundState:
        """The setup this trainer trains now: its recipe, with the learning rate it has now (which a
        student may have changed while training)."""
        return PlaygroundState(**{**self.recipe, "learningRate": self.learner.learning_rate})

    @property
    def network(self) -> Network:
        return self.learner.network

    @property
    def divergence(self) -> str | None:
        return self.learner.divergence

    def step(self, epochs: int = 1) -> Metrics:
        """Train up to ``epochs`` epochs (fewer if training diverges)."""
        for _ in range(epochs):
            if self.divergence:
                break
            before = self.network.parameter_vector.copy() if self.track_gradients else None
            self.learner.train_epoch(self.train_inputs, self.dataset.train.labels, self.batch_size)
            self.epoch += 1
            self.record([self.metrics(before)])
        return self.history[-1]

    def record(self, metrics: list[Metrics]) -> None:
        """Add the metrics of the epochs just trained (here, or in the training worker) to the history,
        thinning its older part once it is full: the history of an hour stays as long as a few minutes'."""
        self.history.extend(metrics)
        if self.history_limit is not None and len(self.history) > self.history_limit:
            older, recent = self.history[:-RECENT_EPOCHS], self.history[-RECENT_EPOCHS:]
            self.history = older[::2] + recent  # the first epoch stays

    def metrics_at(self, epoch: int) -> Metrics:
        """The history's metrics after ``epoch`` epochs, or, for an epoch thinned out, the last kept before it."""
        index = len(self.history) - 1 - (self.epoch - epoch)
        if 0 <= index < len(self.history) and self.history[index].epoch == epoch:
            return self.history[index]  # every recent epoch is in place
        return next(metrics for metrics in reversed(self.history) if metrics.epoch <= epoch)

    def metrics(self, parameters_before: np.ndarray | None = None) -> Metrics:
        """Losses (and accuracies for classification) on both sets, now, and the gradient flow
        since ``parameters_before`` when given."""
        train_loss, train_accuracy = self.learner.evaluate(self.train_inputs, self.dataset.train.labels)
        test_loss, test_accuracy = self.learner.evaluate(self.test_inputs, self.dataset.test.labels)
        if self.problem != "classification":
            train_accuracy = test_accuracy = None
        flow = None if parameters_before is None else gradient_flow(
            self.network, self.train_inputs, self.dataset.train.labels, parameters_before)
        return Metrics(self.epoch, train_loss, test_loss, train_accuracy, test_accuracy, flow)

    def confusion(self, part: str = "test") -> np.ndarray:
        """The confusion matrix of the "train" or "test" points now: counts by class (row) and
        predicted class (column)."""
        points = getattr(self.dataset, part)
        inputs = self.train_inputs if part == "train" else self.test_inputs
        with np.errstate(all="ignore"):
            predicted = self.network.head.decide(self.network.predict(inputs))
        return confusion_matrix(points.labels, predicted, self.classes)

    def neuron_maps(self, points: np.ndarray) -> list[np.ndarray]:
        """Every neuron's output at ``points`` in one pass: [inputs, hidden…, output].

        The last pass is kept while the weights stay the same: a paused network's
        redraws (a hover, a language) and its picture share it.
        """
        parameters = self.network.parameter_vector
        if self._maps and self._maps[0] is points and np.array_equal(self._maps[1], parameters):
            return self._maps[2]
        if points is not self._grid:  # the views ask for the same fixed grid every frame
            self._grid, self._grid_inputs = points, feature_matrix(points, self.features)
        with np.errstate(all="ignore"):  # a diverged network draws NaN, silently
            maps = self.network.layer_outputs(self._grid_inputs)
        self._maps = (points, parameters.copy(), maps)
        return maps

    def picture(self) -> Picture:
        """The views' picture of the current weights: made here, or the one a worker sent with them."""
        parameters = self.network.parameter_vector
        if self._picture is None or not np.array_equal(self._picture.parameters, parameters):
            maps = self.neuron_maps(GRID)
            output = self.network.head.scores(maps[-1])
            output = class_map(output) if self.classes > 2 else output
            self._picture = Picture(parameters.copy(), [values[THUMBNAIL_ROWS] for values in maps], output)
        return self._picture

    def keep_picture(self, picture: Picture) -> None:
        """Take a picture made elsewhere (by the training worker) of weights this trainer now has."""
        self._picture = picture


@dataclass
class Progress:
    """What training changes in a trainer, and the metrics of the epochs it trained: what the training
    worker's messages carry (``worker/protocol.py``), and a saved network (``export/weights.py``)."""

    epoch: int
    parameters: np.ndarray
    optimizer: dict
    dead: list[np.ndarray]
    carried: tuple[np.ndarray, int] | None
    divergence: str | None
    learning_rate: float
    history: list

    @classmethod
    def of(cls, trainer: Trainer, history: list | None = None) -> "Progress":
        learner = trainer.learner
        return cls(trainer.epoch, learner.network.parameter_vector.copy(), dict(vars(learner.optimizer)),
                   [dead.copy() for dead in learner.dead], learner.carried, learner.divergence,
                   learner.learning_rate, history or [])

    def restore(self, trainer: Trainer) -> None:
        """Make ``trainer`` (one of the same recipe) continue from here."""
        learner = trainer.learner
        np.copyto(learner.network.parameter_vector, self.parameters)  # in place: the layers are views
        vars(learner.optimizer).update(self.optimizer)
        learner.dead = self.dead
        learner.carried = self.carried
        learner.divergence = self.divergence
        learner.learning_rate = self.learning_rate
        trainer.epoch = self.epoch

    def matches(self, trainer: Trainer) -> bool:
        """Whether ``trainer`` is still where this was taken from."""
        return (trainer.epoch == self.epoch and trainer.learner.learning_rate == self.learning_rate
                and np.array_equal(trainer.network.parameter_vector, self.parameters))


def _dataset(state: PlaygroundState, classes: int) -> Dataset:
    """The data the state names: a generator's, or the student's own points."""
    if state.active_dataset() == YOURS:
        return your_dataset(state.yourData, state.problem, state.noise, state.percTrainData, state.seed)
    return make_dataset(state.active_dataset(), state.noise, state.percTrainData, state.seed, classes=classes)


def _weights_stream(dataset: Dataset, state: PlaygroundState, weight_draw: int, classes: int) -> SeedRandom:
    """TF's stream where the data left it (a copy), past ``weight_draw`` earlier networks' weights.

    Data that came without one (a user's own) draws from the seed's stream from its start.
    """
    stream = dataset.random_after.copy() if dataset.random_after else SeedRandom(state.seed)
    features = len(state.features())
    sizes = [features, *state.networkShape, 1 if classes == 2 else classes]
    stream.random(weight_draw * sum(n_in * n_out for n_in, n_out in zip(sizes, sizes[1:])))
    return stream


GRID = grid_points()
"""The output map's points, one array for all: a pass over it is kept for the next asker."""
THUMBNAIL_ROWS = grid_rows(THUMBNAIL_RESOLUTION)
"""The rows of ``GRID`` the thumbnails show: they are read from the output map's pass."""
