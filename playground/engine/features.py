"""Input features: the functions of a point (x1, x2) that feed the first layer.

Keys are TF Playground's URL keys (``x``, ``xSquared`` …) so a link's
``&sinX=true`` names a feature directly; ``short`` is the name the CLI accepts.
"""

from dataclasses import dataclass
from collections.abc import Callable

import numpy as np


@dataclass(frozen=True)
class Feature:
    """One input feature: its URL key, a short CLI name, a label and its map."""

    key: str
    short: str
    label: str
    compute: Callable[[np.ndarray, np.ndarray], np.ndarray]


FEATURES: dict[str, Feature] = {
    feature.key: feature
    for feature in (
        Feature("x", "x1", "X₁", lambda x1, x2: x1),
        Feature("y", "x2", "X₂", lambda x1, x2: x2),
        Feature("xSquared", "x1sq", "X₁²", lambda x1, x2: x1 * x1),
        Feature("ySquared", "x2sq", "X₂²", lambda x1, x2: x2 * x2),
        Feature("xTimesY", "x1x2", "X₁X₂", lambda x1, x2: x1 * x2),
        Feature("sinX", "sin1", "sin(X₁)", lambda x1, x2: np.sin(x1)),
        Feature("sinY", "sin2", "sin(X₂)", lambda x1, x2: np.sin(x2)),
        Feature("cosX", "cos1", "cos(X₁)", lambda x1, x2: np.cos(x1)),
        Feature("cosY", "cos2", "cos(X₂)", lambda x1, x2: np.cos(x2)),
    )
}

_BY_SHORT = {feature.short: feature.key for feature in FEATURES.values()}


def feature_key(name: str) -> str:
    """The URL key for a feature given by key (``sinX``) or short name (``sin1``)."""
    if name in FEATURES:
        return name
    if name in _BY_SHORT:
        return _BY_SHORT[name]
    known = ", ".join(f.short for f in FEATURES.values())
    raise ValueError(f"unknown feature {name!r}; choose from {known}")


def feature_matrix(xy: np.ndarray, keys: list[str]) -> np.ndarray:
    """Columns of the chosen features for points ``xy`` of shape (n, 2)."""
    x1, x2 = xy[:, 0], xy[:, 1]
    columns = [FEATURES[key].compute(x1, x2) for key in keys]
    return np.stack(columns, axis=1) if columns else np.empty((len(xy), 0))
