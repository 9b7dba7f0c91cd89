"""What the training worker's frame leaves for training: epochs a frame, and its picture's ms, at a set budget.

    python bench/worker_frame.py [--tree OTHER_TREE] [--budget-ms 28] [--seconds 6] [--pyodide [PYODIDE_DIR]]

Runs the worker's side (``Worker.handle``) frame after frame as the page asks for them (as many epochs
as fit the budget, less the last picture's time), for each of bench/picture.py's setups. The page's
default budget is its share of a 40 ms frame (``client.SHARE_OF_FRAME``, 0.7). One checkout a process
(both ends pickle its classes): compare two by running each in turn, alternating.
"""
import argparse
import sys
import time
from pathlib import Path

from picture import ROOT, SETUPS, in_pyodide


def measure(tree: Path, budget_s: float, seconds: float) -> None:
    sys.path.insert(0, str(tree))
    from playground.state import PlaygroundState
    from playground.trainer import Trainer
    from playground.worker import protocol
    from playground.worker.worker import Worker

    for name, setup in SETUPS.items():
        trainer, worker, frames, pictures = Trainer(PlaygroundState(seed="0.5", **setup)), Worker(), 0, 0.0
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            sent, message = protocol.request(trainer, budget_s, 0, 0)
            protocol.adopt(trainer, sent, worker.handle(message))
            frames, pictures = frames + 1, pictures + worker._picture_s
        print(f"{tree.name:>10} {name:34} {trainer.epoch / frames:6.1f} epochs a frame {1000 * pictures / frames:6.2f} ms picture"
              f" {trainer.epoch / (time.perf_counter() - start):6.0f} epochs/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose playground runs (default this one)")
    parser.add_argument("--budget-ms", type=float, default=28.0)
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--pyodide", type=Path, nargs="?", const=ROOT / "dist" / "pyodide",
                        help="run in Pyodide under Node, from this runtime (default dist/pyodide)")
    options = parser.parse_args()
    if options.pyodide:
        arguments = [f"--tree={options.tree.resolve()}", f"--budget-ms={options.budget_ms}", f"--seconds={options.seconds}"]
        in_pyodide(options.pyodide, arguments, [ROOT, options.tree], Path(__file__))
    else:
        measure(options.tree.resolve(), options.budget_ms / 1000, options.seconds)


if __name__ == "__main__":
    main()
