"""The picture of the weights the training worker makes every frame (``Trainer.picture``): ms each.

    python bench/picture.py [--against OTHER_TREE] [--rounds 3] [--pyodide [PYODIDE_DIR]]

Each setup trains 20 epochs, then its weights are nudged before each picture (so no pass is
kept) and the median of ``REPEATS`` pictures is printed, once per round. ``--against`` loads
another checkout's ``playground`` too (the same process, the same data) and measures it in turn
with this one, alternating, so both see the machine's same moments. ``--pyodide`` runs all of it
in Pyodide's wasm under Node (bench/in_pyodide.mjs), with the numpy the browser runs, from a
built site's runtime (default dist/pyodide): where the worker's picture costs its time.
"""
import argparse
import importlib
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVERY_INPUT = {key: True for key in ("x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY", "cosX", "cosY")}
SETUPS = {
    "default (circle 4,2, x1 x2)": {},
    "spiral 2×8": dict(dataset="spiral", networkShape=[8, 8]),
    "spiral 6×8, all inputs": dict(dataset="spiral", networkShape=[8] * 6, **EVERY_INPUT),
    "spiral 6×8 relu, all inputs": dict(dataset="spiral", networkShape=[8] * 6, activation="relu", **EVERY_INPUT),
    "blobs 4,2, 3 classes": dict(dataset="blobs", classes=3),
}
EPOCHS = 20
REPEATS = 30


def trainers(tree: Path) -> dict:
    """One trained trainer per setup, made by ``tree``'s playground (loaded apart from any other's)."""
    for name in [name for name in sys.modules if name == "playground" or name.startswith("playground.")]:
        del sys.modules[name]
    sys.path.insert(0, str(tree))
    try:
        state = importlib.import_module("playground.state")
        trainer = importlib.import_module("playground.trainer")
    finally:
        sys.path.remove(str(tree))
    made = {}
    for name, setup in SETUPS.items():
        made[name] = trainer.Trainer(state.PlaygroundState(seed="0.5", **setup))
        made[name].step(EPOCHS)
    return made


def picture_ms(trainer) -> float:
    """The median time of a picture of new weights."""
    times = []
    for _ in range(REPEATS):
        trainer.network.parameter_vector[-1] += 1e-6  # new weights: the last pass is not kept
        start = time.perf_counter()
        trainer.picture()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def measure(trees: dict[str, Path], rounds: int) -> None:
    made = {label: trainers(tree) for label, tree in trees.items()}
    figures = {(label, name): [] for label in trees for name in SETUPS}
    for _ in range(rounds):
        for name in SETUPS:
            for label in trees:
                figures[label, name].append(picture_ms(made[label][name]))
    print(f"{'picture ms, median of ' + str(REPEATS) + ' per round':34} " + " ".join(f"{label:>22}" for label in trees))
    for name in SETUPS:
        cells = (" / ".join(f"{ms:.2f}" for ms in figures[label, name]) for label in trees)
        print(f"{name:34} " + " ".join(f"{cell:>22}" for cell in cells))


def in_pyodide(pyodide_dir: Path, arguments: list[str], mounts: list[Path], script: Path = Path(__file__)) -> None:
    """Run ``script`` (this one) with ``arguments`` in Pyodide under Node, ``mounts`` (and the script's folder) seen."""
    script = script.resolve()
    options = {"mounts": sorted({str(path.resolve()) for path in [*mounts, script.parent]}), "argv": [str(script), *arguments]}
    subprocess.run(["node", str(ROOT / "bench" / "in_pyodide.mjs"), str(pyodide_dir), json.dumps(options)], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", type=Path, help="another checkout, measured in turn with this one")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pyodide", type=Path, nargs="?", const=ROOT / "dist" / "pyodide",
                        help="run in Pyodide under Node, from this runtime (default dist/pyodide)")
    options = parser.parse_args()
    trees = {"this": ROOT, **({"against": options.against.resolve()} if options.against else {})}
    if options.pyodide:
        arguments = [f"--rounds={options.rounds}", *([f"--against={options.against.resolve()}"] if options.against else [])]
        in_pyodide(options.pyodide, arguments, list(trees.values()))
    else:
        print(f"{sys.implementation.name} {sys.platform}, numpy {importlib.import_module('numpy').__version__}")
        measure(trees, options.rounds)


if __name__ == "__main__":
    main()
