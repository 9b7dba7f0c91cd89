"""Engine speed in CPython: epochs per second and one 100×100 grid pass.

Run: ``python bench/engine.py``. Prints one line per configuration; the
figures go in the README. Each figure is the median of several repeats.
"""

import statistics
import time
from functools import partial

from playground.engine.features import FEATURES, feature_matrix
from playground.state import PlaygroundState
from playground.trainer import Trainer, grid_points

CONFIGS = {
    "default (circle, 4,2, x1 x2)": {},
    "spiral 2×8 tanh, batch 10": dict(dataset="spiral", networkShape=[8, 8]),
    "spiral 6×8, all features": dict(dataset="spiral", networkShape=[8] * 6, **{k: True for k in FEATURES}),
    "blobs, 2 classes (4,2)": dict(dataset="blobs", classes=2),
    "blobs, 3 classes (4,2)": dict(dataset="blobs", classes=3),
    "blobs, 4 classes (4,2)": dict(dataset="blobs", classes=4),
}
REPEATS = 5


def median_seconds(action, repeats=REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


TRACKED = "spiral 2×8 tanh, batch 10"
"""Measured again with the gradient flow recorded (a view of it open)."""


def measure(name: str, trainer: Trainer, grid) -> None:
    epochs = 50
    seconds = median_seconds(partial(trainer.step, epochs))
    inputs = feature_matrix(grid, trainer.features)  # the pass itself (neuron_maps keeps the last one)
    grid_seconds = median_seconds(partial(trainer.network.layer_outputs, inputs), repeats=20)
    print(f"{name:34} {epochs / seconds:9.0f} {1000 * seconds / epochs:9.2f} {1000 * grid_seconds:13.2f}")


def main() -> None:
    grid = grid_points()
    print(f"{'configuration':34} {'epochs/s':>9} {'ms/epoch':>9} {'grid pass ms':>13}")
    for name, options in CONFIGS.items():
        measure(name, Trainer(PlaygroundState(seed="0.5", **options)), grid)
    tracked = Trainer(PlaygroundState(seed="0.5", **CONFIGS[TRACKED]))
    tracked.track_gradients = True
    measure(f"{TRACKED}, gradient flow", tracked, grid)


if __name__ == "__main__":
    main()
