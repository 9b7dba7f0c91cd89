"""A student's points made into a data set: noise jitters them, the train percent splits them.

Each point draws three numbers from the seed's stream, in the order the points were made:
whether it trains (below the train percent) and how far noise moves it on each axis (up to
±5 units times the noise, the reach of TF's circle's noise). So adding a point leaves
every earlier point where it was and in the part it was: drawing is calm to watch.
"""

import numpy as np

from playground.engine.datasets import DOMAIN, Dataset, Points
from playground.engine.seedrandom import SeedRandom

from . import point_code

JITTER = 5.0
"""How far the noise (at 100 %) moves a point on each axis, at most."""
_draws: dict[str, tuple[SeedRandom, np.ndarray]] = {}
"""Each seed's stream and the draws made from it so far (TF's stream is slow in pure Python)."""


def your_dataset(text: str, problem: str, noise: float, percent_train: float, seed: str) -> Dataset:
    """The data set of the points ``text`` holds (``point_code``)."""
    xy, labels = point_code.decode(text)
    if problem == "classification":  # values drawn for regression, then classified: by their sign
        labels = np.where(labels >= 0, 1.0, -1.0)
    draws = _first_draws(seed, 3 * len(xy)).reshape(-1, 3)
    xy = np.clip(xy + (2 * draws[:, 1:] - 1) * JITTER * noise / 100, -DOMAIN, DOMAIN)
    trains = draws[:, 0] < percent_train / 100
    if len(xy) and not trains.any():
        trains[np.argmin(draws[:, 0])] = True  # a network needs something to train on
    return Dataset(Points(xy[trains], labels[trains]), Points(xy[~trains], labels[~trains]), problem)


def _first_draws(seed: str, count: int) -> np.ndarray:
    """The first ``count`` numbers of the seed's stream."""
    stream, drawn = _draws.get(seed) or (SeedRandom(seed), np.zeros(0))
    if len(drawn) < count:
        drawn = np.concatenate([drawn, stream.random(count - len(drawn))])
        _draws.clear()  # one seed at a time
        _draws[seed] = (stream, drawn)
    return drawn[:count]
