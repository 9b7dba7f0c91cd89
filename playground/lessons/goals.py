"""A step's goal: what the student must reach, checked against the running playground.

The vocabulary is closed (continue, a metric, a parameter, a count, divergence, and
``all`` / ``any`` of those) so that the app can check any goal every frame and say it
in every language: each goal answers ``met(snapshot)``, ``describe(language)`` ("Test
loss below 0.05 within 300 epochs") and ``status(snapshot, language)`` (where the
student is now). Words come from the ``[goal]`` section of the i18n catalogs.
"""

import math
import operator
from dataclasses import dataclass

from playground.i18n import text, value_name
from playground.state import PlaygroundState
from playground.trainer import Metrics

#: What a metric goal can watch: a field of the trainer's Metrics.
METRICS = ("test_loss", "train_loss", "test_accuracy", "train_accuracy", "epoch")
#: Metrics that exist for classification only, as fractions 0–1.
ACCURACY_METRICS = ("test_accuracy", "train_accuracy")
METRIC_RELATIONS = {"below": operator.lt, "above": operator.gt}
PARAM_RELATIONS = ("equals", "in", "not_in")
#: What a count goal counts, read from the state.
COUNTS = {
    "hidden_neurons": lambda state: sum(state.networkShape),
    "hidden_layers": lambda state: len(state.networkShape),
    "inputs": lambda state: len(state.features()),
}
COUNT_RELATIONS = {"at_most": operator.le, "at_least": operator.ge, "equals": operator.eq}
#: The catalog key saying each count relation ("at most 4"); "equals" reads "exactly".
COUNT_WORDS = {"at_most": "goal.at_most", "at_least": "goal.at_least", "equals": "goal.exactly"}


@dataclass(frozen=True)
class Snapshot:
    """The playground as a goal sees it at one epoch."""

    state: PlaygroundState
    metrics: Metrics
    diverged: bool
    epochs: int
    """Epochs trained since the step started; back to 0 when the student resets."""


class Goal:
    """What every goal answers. ``phrase`` is lower case so goals can be joined."""

    def met(self, snapshot: Snapshot) -> bool:
        raise NotImplementedError

    def phrase(self, language: str) -> str:
        raise NotImplementedError

    def status(self, snapshot: Snapshot, language: str) -> str:
        raise NotImplementedError

    def describe(self, language: str) -> str:
        """The goal as a sentence for the student: "Test loss below 0.05 within 300 epochs"."""
        phrase = self.phrase(language)
        return phrase[:1].upper() + phrase[1:]


@dataclass(frozen=True)
class Continue(Goal):
    """Nothing to reach: the step is done once read, and the student moves on with Next."""

    def met(self, snapshot):
        return True

    def phrase(self, language):
        return text("goal.continue", language)

    def status(self, snapshot, language):
        return ""


@dataclass(frozen=True)
class MetricGoal(Goal):
    """A loss, an accuracy or the epoch below or above a value, optionally within N epochs."""

    metric: str
    relation: str
    value: float
    within: int | None = None

    def met(self, snapshot):
        current = getattr(snapshot.metrics, self.metric)
        if current is None or not math.isfinite(current):
            return False  # no accuracy in regression; a diverged loss reaches nothing
        in_time = self.within is None or snapshot.epochs <= self.within
        return in_time and METRIC_RELATIONS[self.relation](current, self.value)

    def phrase(self, language):
        goal = text("goal.metric_goal", language, name=self._name(language), target=self._target(language))
        return goal if self.within is None else text("goal.within", language, goal=goal, epochs=self.within)

    def status(self, snapshot, language):
        current = _metric_value(self.metric, getattr(snapshot.metrics, self.metric))
        parts = [text("goal.status", language, name=self._name(language), value=current,
                      target=self._target(language))]
        if self.within is not None:
            late = snapshot.epochs > self.within
            parts.append(text("goal.status_late" if late else "goal.status_within", language,
                              epochs=snapshot.epochs, within=self.within))
        return text("goal.and", language).join(parts)

    def _name(self, language):
        return text(f"goal.metric.{self.metric}", language)

    def _target(self, language):
        return text(f"goal.{self.relation}", language, value=_metric_value(self.metric, self.value, "g"))


class _SettingGoal(Goal):
    """A goal on the setup, said as "name: target" and "name current (goal: target)"."""

    def phrase(self, language):
        return text("goal.setting_goal", language, name=self._name(language), target=self._target(language))

    def status(self, snapshot, language):
        return text("goal.status", language, name=self._name(language), value=self._current(snapshot, language),
                    target=self._target(language))


@dataclass(frozen=True)
class ParamGoal(_SettingGoal):
    """A state key equal to a value, in a set of values, or not in it (values as the state holds them)."""

    key: str
    relation: str
    values: tuple

    def met(self, snapshot):
        current = getattr(snapshot.state, self.key)
        if self.relation == "equals":
            return current == self.values[0]
        return (current in self.values) == (self.relation == "in")

    def _current(self, snapshot, language):
        return _setting_value(self.key, getattr(snapshot.state, self.key), language)

    def _name(self, language):
        return text(f"goal.setting.{self.key}", language)

    def _target(self, language):
        values = text("goal.list", language).join(_setting_value(self.key, value, language) for value in self.values)
        return values if self.relation == "equals" else text(f"goal.{self.relation}", language, values=values)


@dataclass(frozen=True)
class CountGoal(_SettingGoal):
    """Hidden neurons, hidden layers or inputs: at most, at least or exactly N."""

    count: str
    relation: str
    value: int

    def met(self, snapshot):
        return COUNT_RELATIONS[self.relation](COUNTS[self.count](snapshot.state), self.value)

    def _current(self, snapshot, language):
        return COUNTS[self.count](snapshot.state)

    def _name(self, language):
        return text(f"goal.count.{self.count}", language)

    def _target(self, language):
        return text(COUNT_WORDS[self.relation], language, value=self.value)


@dataclass(frozen=True)
class Diverged(Goal):
    """Training stopped because the loss or the weights were no longer finite."""

    def met(self, snapshot):
        return snapshot.diverged

    def phrase(self, language):
        return text("goal.diverged", language)

    def status(self, snapshot, language):
        return text("goal.status_diverged" if snapshot.diverged else "goal.status_training", language)


@dataclass(frozen=True)
class Compound(Goal):
    """Several goals joined; ``joiner`` is the catalog key of the word between them."""

    goals: tuple[Goal, ...]
    joiner = "goal.and"

    def phrase(self, language):
        parts = (_grouped(goal, language) for goal in self.goals)
        return text(self.joiner, language).join(parts)

    def status(self, snapshot, language):
        parts = (goal.status(snapshot, language) for goal in self.goals)
        return text("goal.and", language).join(part for part in parts if part)


class AllOf(Compound):
    """Every one of the goals at once."""

    def met(self, snapshot):
        return all(goal.met(snapshot) for goal in self.goals)


class AnyOf(Compound):
    """At least one of the goals."""

    joiner = "goal.or"

    def met(self, snapshot):
        return any(goal.met(snapshot) for goal in self.goals)


def _grouped(goal: Goal, language: str) -> str:
    """A goal's phrase, bracketed when it is itself an all/any, so nesting reads unambiguously."""
    phrase = goal.phrase(language)
    return text("goal.group", language, goal=phrase) if isinstance(goal, Compound) else phrase


def _metric_value(metric: str, value: float | None, digits: str = ".3g") -> str:
    """Accuracies as percentages, epochs whole; a measured loss to three significant digits
    (``digits``), while a target keeps every digit the teacher wrote (``digits="g"``)."""
    if value is None:
        return "—"
    if metric in ACCURACY_METRICS:
        return f"{value * 100:{digits}}%"
    return f"{value:.0f}" if metric == "epoch" else f"{value:{digits}}"


def _setting_value(key: str, value, language: str) -> str:
    """A state value as the student sees it: on/off, "4,2", 0.03, ReLU (a menu's own name)."""
    if isinstance(value, bool):
        return text("goal.on" if value else "goal.off", language)
    if isinstance(value, list):
        return ",".join(str(size) for size in value)
    return f"{value:g}" if isinstance(value, float) else value_name(key, value, language)
