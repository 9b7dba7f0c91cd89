"""The toy data sets, their noise and the train/test split, exactly as TF Playground makes them.

Each generator is TF Playground's ``dataset.ts`` fed by TF's own random stream
(``seedrandom.SeedRandom``): the same draws in the same order, the same
arithmetic in the same order, so a seed gives TF's points to the last bit
(``sin``, ``cos`` and ``log`` may differ in the last bit between JavaScript
engines, as they do between browsers for TF itself). A point's draws are made
whatever the noise (times 0 at noise 0). TF's quirks are kept because links and
lessons rely on its pictures: circle, xor and the regression sets apply noise
only to the point used for the *label* (the drawn point stays put) while spiral
and gauss move the points; circle, gauss and spiral make ``ceil(n / 2)`` points
per class (TF's ``i < n / 2`` loops).

Ours for more than two classes: ``spiral`` with K arms (two arms are TF's spiral, to
the bit) and ``blobs``, K gaussian blobs on a circle, made the way ``gauss`` makes its
two. Their labels are the classes 0..K−1; with two classes TF's +1 and −1.

Generators take any ``rng`` with numpy's ``Generator.random`` form, so property
tests can feed them numpy's generators too.
"""

import functools
import math
import numbers
from dataclasses import dataclass

import numpy as np

from playground.engine.losses import CLASS_COUNTS
from playground.engine.seedrandom import SeedRandom

CLASSIFICATION_DATASETS = ("circle", "xor", "gauss", "spiral")
"""TF's; OUR_CLASSIFICATION_DATASETS follow them."""
OUR_CLASSIFICATION_DATASETS = ("blobs",)
MULTICLASS_DATASETS = ("blobs", "spiral")
"""The data sets made for any number of classes (CLASS_COUNTS); the others have two."""
REGRESSION_DATASETS = ("reg-plane", "reg-gauss")
DATASET_ALIASES = {"plane": "reg-plane", "multi-gaussian": "reg-gauss", "multigauss": "reg-gauss"}
NUM_SAMPLES = {"classification": 500, "regression": 1200}
PROBLEMS = ("classification", "regression")

DOMAIN = 6.0  # TF's square [-6, 6]²: every point lies in it, every heatmap shows it
REGRESSION_LABEL_LIMIT = 2.0  # TF's own labels reach ±1.8 (plane, noise 50)
NOISE_MAX = 80.0  # TF's units; its slider stops at 50, its links go up to 80; generators get noise / 100


@dataclass(frozen=True)
class Points:
    """Points ``xy`` (n, 2) and their ``labels`` (n,), read-only float64."""

    xy: np.ndarray
    labels: np.ndarray

    def __post_init__(self):
        xy = np.array(self.xy, dtype=np.float64)
        labels = np.array(self.labels, dtype=np.float64)
        if xy.ndim != 2 or xy.shape[1] != 2 or labels.shape != (len(xy),):
            raise ValueError(f"xy needs shape (n, 2), labels (n,); got {xy.shape}, {labels.shape}")
        xy.flags.writeable = labels.flags.writeable = False  # shared by views
        object.__setattr__(self, "xy", xy)
        object.__setattr__(self, "labels", labels)

    def __len__(self) -> int:
        return len(self.labels)


@dataclass(frozen=True)
class Dataset:
    """The shuffled split of one set of points, and what kind of problem it is."""

    train: Points
    test: Points
    problem: str
    random_after: SeedRandom | None = None
    """The seed's stream where making this data left it: TF draws the first weights next.
    Copy it before drawing (``SeedRandom.copy``): the data set is shared."""
    classes: int = 2
    """How many classes a classification's labels name: two are ±1, more are 0..classes−1."""


# --- generators: (n, noise as a fraction 0..0.8, rng) -> (xy, labels) -------
# Each line is the expression of dataset.ts in its order of operations, vectorised over points.


def _uniform(u, a, b):
    """TF's ``randUniform(a, b)`` of the draw ``u``."""
    return u * (b - a) + a


def _distance(dx, dy):
    """TF's ``dist``: not ``hypot``, whose last bit can differ."""
    return np.sqrt(dx * dx + dy * dy)


def _linear(x, domain, output_range, clamp=False):
    """d3 v3's ``scale.linear()``: uninterpolate over the domain, then interpolate the range."""
    t = (x - domain[0]) / (domain[1] - domain[0])
    if clamp:
        t = np.maximum(0, np.minimum(1, t))
    return output_range[0] * (1 - t) + output_range[1] * t


def _circle(n, noise, rng):
    radius = 5
    half = math.ceil(n / 2)
    # positives inside first, then negatives in the ring; per point r, angle, noise x, noise y
    u = rng.random(8 * half).reshape(2 * half, 4)
    r = _uniform(u[:, 0], np.repeat([0, radius * 0.7], half), np.repeat([radius * 0.5, radius], half))
    angle = _uniform(u[:, 1], 0, 2 * math.pi)
    x, y = r * np.sin(angle), r * np.cos(angle)
    noise_x = _uniform(u[:, 2], -radius, radius) * noise
    noise_y = _uniform(u[:, 3], -radius, radius) * noise
    label = np.where(_distance(x + noise_x, y + noise_y) < radius * 0.5, 1.0, -1.0)
    return np.column_stack([x, y]), label


def _xor(n, noise, rng):
    u = rng.random(4 * n).reshape(n, 4)  # per point x, y, noise x, noise y
    x, y = _uniform(u[:, 0], -5, 5), _uniform(u[:, 1], -5, 5)
    padding = 0.3  # keeps points off the axes
    x, y = x + np.where(x > 0, padding, -padding), y + np.where(y > 0, padding, -padding)
    noise_x, noise_y = _uniform(u[:, 2], -5, 5) * noise, _uniform(u[:, 3], -5, 5) * noise
    return np.column_stack([x, y]), np.where((x + noise_x) * (y + noise_y) >= 0, 1.0, -1.0)


def _normal(rng, mean, variance):
    """TF's ``normalRandom``: the polar method, drawing pairs until one falls in the unit disc."""
    while True:
        v1, v2 = 2 * rng.random() - 1, 2 * rng.random() - 1
        s = v1 * v1 + v2 * v2
        if s <= 1:
            return mean + math.sqrt(variance) * (math.sqrt(-2 * math.log(s) / s) * v1)


def _gauss(n, noise, rng):
    variance = float(_linear(noise, (0, 0.5), (0.5, 4)))
    half = math.ceil(n / 2)
    xy = [(_normal(rng, cx, variance), _normal(rng, cy, variance))
          for cx, cy in ((2, 2), (-2, -2)) for _ in range(half)]
    return np.array(xy), np.repeat([1.0, -1.0], half)


def _spiral(n, noise, rng, classes):
    """TF's spiral with ``classes`` arms, each turned by 2π / classes from the last (TF's two: by π)."""
    arm = n / classes  # may be fractional, as in TF
    i = np.tile(np.arange(math.ceil(arm)), classes)
    delta_t = np.repeat([2 * math.pi * k / classes for k in range(classes)], len(i) // classes)
    r = i / arm * 5
    t = 1.75 * i / arm * 2 * math.pi + delta_t
    u = rng.random(2 * len(i)).reshape(len(i), 2)  # per point noise x, noise y
    x = r * np.sin(t) + _uniform(u[:, 0], -1, 1) * noise
    y = r * np.cos(t) + _uniform(u[:, 1], -1, 1) * noise
    return np.column_stack([x, y]), np.repeat(np.arange(classes, dtype=np.float64), len(i) // classes)


BLOBS_RADIUS = 3.5
"""How far from the centre ``blobs`` puts its blobs' centres, the first straight up."""


def _blobs(n, noise, rng, classes):
    """``classes`` gaussian blobs, ``ceil(n / classes)`` points each, spread as ``gauss`` spreads its two."""
    variance = float(_linear(noise, (0, 0.5), (0.5, 4)))
    per_class = math.ceil(n / classes)
    angles = [2 * math.pi * k / classes for k in range(classes)]
    xy = [(_normal(rng, BLOBS_RADIUS * math.sin(a), variance), _normal(rng, BLOBS_RADIUS * math.cos(a), variance))
          for a in angles for _ in range(per_class)]
    return np.array(xy), np.repeat(np.arange(classes, dtype=np.float64), per_class)


def _uniform_with_label_noise(n, noise, rng):
    """TF's regression layout: uniform points, and the noisy point their label is read at."""
    radius = 6
    u = rng.random(4 * n).reshape(n, 4)  # per point x, y, noise x, noise y
    xy = _uniform(u[:, :2], -radius, radius)
    return xy, xy + _uniform(u[:, 2:], -radius, radius) * noise


def _reg_plane(n, noise, rng):
    xy, noisy = _uniform_with_label_noise(n, noise, rng)
    return xy, _linear(noisy[:, 0] + noisy[:, 1], (-10, 10), (-1, 1))


_GAUSSIANS = np.array([[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1],
                       [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]], dtype=np.float64)


def _reg_gauss(n, noise, rng):
    xy, noisy = _uniform_with_label_noise(n, noise, rng)
    d = _distance(noisy[:, :1] - _GAUSSIANS[:, 0], noisy[:, 1:] - _GAUSSIANS[:, 1])
    values = _GAUSSIANS[:, 2] * _linear(d, (0, 2), (1, 0), clamp=True)
    best = np.argmax(np.abs(values), axis=1)  # first of equals wins, as TF's strict ">"
    return xy, values[np.arange(n), best] + 0.0  # + 0.0 turns -0.0 into TF's 0


GENERATORS = {"circle": _circle, "xor": _xor, "gauss": _gauss, "spiral": _spiral, "blobs": _blobs,
              "reg-plane": _reg_plane, "reg-gauss": _reg_gauss}
"""Each data set's generator by its URL name (an exported script copies the one it uses)."""


# --- public API -------------------------------------------------------------


def dataset_name(name: str) -> str:
    """The canonical (URL) name for a data set given by name or CLI alias."""
    key = DATASET_ALIASES.get(str(name).strip().lower(), str(name).strip().lower())
    if key in GENERATORS:
        return key
    choices = ", ".join(CLASSIFICATION_DATASETS + OUR_CLASSIFICATION_DATASETS + REGRESSION_DATASETS
                        + tuple(DATASET_ALIASES))
    raise ValueError(f"unknown dataset {name!r}; choose from {choices}")


def problem_of(name: str) -> str:
    """``"classification"`` or ``"regression"``: which problem a data set poses."""
    return "regression" if dataset_name(name) in REGRESSION_DATASETS else "classification"


def class_counts(name: str) -> tuple[int, ...]:
    """How many classes the data set can be made with: any of CLASS_COUNTS, two, or none (regression)."""
    key = dataset_name(name)
    if key in MULTICLASS_DATASETS:
        return CLASS_COUNTS
    return () if key in REGRESSION_DATASETS else (2,)


def _is_real(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)  # True is no noise level


def _check_problem(problem: str) -> None:
    if problem not in PROBLEMS:
        raise ValueError(f"unknown problem {problem!r}; choose from {', '.join(PROBLEMS)}")


def generate(name: str, noise: float, rng,
             num_samples: int | None = None, classes: int = 2) -> Points:
    """Unshuffled points of a data set; ``noise`` in TF's units 0..80 (its slider: 0..50)."""
    key = dataset_name(name)
    if not (_is_real(noise) and 0 <= noise <= NOISE_MAX):
        raise ValueError(f"noise must be a number from 0 to {NOISE_MAX:g}, got {noise!r}")
    n = NUM_SAMPLES[problem_of(key)] if num_samples is None else num_samples
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError(f"num_samples must be an integer of at least 2, got {n!r}")
    if key not in MULTICLASS_DATASETS:
        if classes != 2:
            raise ValueError(f"{key} has {'two classes' if problem_of(key) == 'classification' else 'no classes'}, "
                             f"not {classes}; {' and '.join(MULTICLASS_DATASETS)} have {_listed(CLASS_COUNTS)}")
        return Points(*GENERATORS[key](int(n), noise / 100, rng))
    if classes not in CLASS_COUNTS:
        raise ValueError(f"{key} has {_listed(CLASS_COUNTS)} classes, not {classes!r}")
    xy, labels = GENERATORS[key](int(n), noise / 100, rng, classes)
    return Points(xy, 1.0 - 2.0 * labels if classes == 2 else labels)  # two classes: TF's +1 first, then −1


def _listed(counts: tuple[int, ...]) -> str:
    return ", ".join(map(str, counts[:-1])) + f" or {counts[-1]}"


def shuffled_order(n: int, rng) -> list[int]:
    """TF's Fisher–Yates ``shuffle`` of ``n`` points: the order they end up in."""
    order = list(range(n))
    for counter, u in zip(range(n, 0, -1), rng.random(n).tolist()):
        index = math.floor(u * counter)
        order[counter - 1], order[index] = order[index], order[counter - 1]
    return order


def split(points: Points, percent_train: float, rng, problem: str, classes: int = 2) -> Dataset:
    """Shuffle (TF's Fisher–Yates), then the first ``floor(n * percent / 100)`` points train, as TF.

    With fewer than 10 points that count is kept within 1..n-1 so neither part
    is empty; from 10 points on TF's rule already guarantees it. A ``SeedRandom``
    is kept, where the shuffle left it, as the data set's ``random_after``.
    """
    _check_problem(problem)
    if not (_is_real(percent_train) and 10 <= percent_train <= 90):
        raise ValueError(f"percent_train must be from 10 to 90 (%), got {percent_train!r}")
    n = len(points)
    if n < 2:
        raise ValueError(f"need at least 2 points to split into train and test, got {n}")
    k = min(max(math.floor(n * percent_train / 100), 1), n - 1)
    order = shuffled_order(n, rng)
    train, test = order[:k], order[k:]
    return Dataset(Points(points.xy[train], points.labels[train]),
                   Points(points.xy[test], points.labels[test]), problem,
                   rng.copy() if isinstance(rng, SeedRandom) else None, classes)


@functools.lru_cache(maxsize=8)
def make_dataset(name: str, noise: float, percent_train: float, seed: str,
                 num_samples: int | None = None, classes: int = 2) -> Dataset:
    """Generate and split a data set from TF's stream for ``seed``, as TF's ``generateData``.

    Made once for the same arguments (TF's stream, in pure Python, takes 15–40 ms here and
    more in Pyodide), so a reset that keeps the data does not make it again.
    """
    rng = SeedRandom(str(seed))
    return split(generate(name, noise, rng, num_samples, classes), percent_train, rng, problem_of(name), classes)


_COLUMNS = ("x1", "x2", "label")


def _parse_rows(rows) -> np.ndarray:
    """An (n, 3) float array from user rows; errors name the 1-based row."""
    if isinstance(rows, np.ndarray) and rows.dtype.kind in "biuf":
        if rows.ndim != 2 or rows.shape[1] != 3:
            raise ValueError(f"rows must have shape (n, 3) for (x1, x2, label), got {rows.shape}")
        return rows.astype(np.float64)
    if rows is None or isinstance(rows, (str, bytes, dict)):
        raise ValueError("rows must be a list of (x1, x2, label) rows")
    parsed = []
    for number, row in enumerate(rows, start=1):
        if isinstance(row, (str, bytes, dict)) or not hasattr(row, "__iter__"):
            raise ValueError(f"row {number}: expected 3 values (x1, x2, label), got {row!r}")
        values = list(row)
        if len(values) != 3:
            raise ValueError(f"row {number}: expected 3 values (x1, x2, label), got {len(values)}")
        for column, value in zip(_COLUMNS, values):
            try:
                parsed.append(float(value))
            except (TypeError, ValueError):
                raise ValueError(f"row {number}: {column} is not a number: {value!r}") from None
    return np.array(parsed, dtype=np.float64).reshape(-1, 3)


def _fail_at(bad: np.ndarray, values: np.ndarray, message: str) -> None:
    """Raise ``message`` (``{value}`` filled in) for the first row where ``bad`` holds."""
    if bad.any():
        row = int(np.argmax(bad))
        raise ValueError(f"row {row + 1}: " + message.format(value=f"{values[row]:g}"))


def points_from_rows(rows, problem: str) -> Points:
    """Validated user data: rows of (x1, x2, label), rows numbered from 1.

    Coordinates must lie in TF's view [-6, 6]² (points outside are never drawn
    and the features assume that scale). Classification labels are -1/1, or
    0/1 with 0 read as -1 (spreadsheets use 0/1); mixing 0 and -1 is refused as
    ambiguous. Regression labels must lie in [-2, 2]: the output is linear,
    but TF's colours span -1..1, its own labels reach ±1.8, and learning rates
    are tuned for targets of that size, so larger values mean "rescale first".
    """
    _check_problem(problem)
    data = _parse_rows(rows)
    if len(data) < 2:
        raise ValueError(f"{problem} data needs at least 2 points (train and test), got {len(data)}")
    for j, column in enumerate(_COLUMNS):
        _fail_at(~np.isfinite(data[:, j]), data[:, j], column + " must be a finite number, got {value}")
    for j, column in enumerate(_COLUMNS[:2]):
        _fail_at(np.abs(data[:, j]) > DOMAIN, data[:, j],
                 f"{column} must lie in [-{DOMAIN:g}, {DOMAIN:g}] (the view), got {{value}}")
    labels = data[:, 2]
    if problem == "classification":
        _fail_at(~np.isin(labels, (-1.0, 0.0, 1.0)), labels,
                 "classification label must be -1 or 1 (or 0 or 1), got {value}")
        if (labels == 0).any() and (labels == -1).any():
            later = max(np.argmax(labels == 0), np.argmax(labels == -1))
            _fail_at(np.arange(len(labels)) == later, labels,
                     "classification label {value} mixes 0 and -1 labels; use -1/1 or 0/1 throughout")
        labels = np.where(labels == 0, -1.0, labels)
    else:
        _fail_at(np.abs(labels) > REGRESSION_LABEL_LIMIT, labels,
                 f"regression label must lie in [-{REGRESSION_LABEL_LIMIT:g}, "
                 f"{REGRESSION_LABEL_LIMIT:g}] (rescale your labels), got {{value}}")
    return Points(data[:, :2], labels)


def dataset_from_rows(rows, problem: str, percent_train: float, seed: str) -> Dataset:
    """User data, validated, then shuffled and split like a generated set."""
    return split(points_from_rows(rows, problem), percent_train, SeedRandom(str(seed)), problem)
