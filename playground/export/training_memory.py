"""A network's weights and what its training remembers, written as numpy source, for a program that
starts where the playground is (``program.py``'s ``start="current"``) or from nothing yet."""

import math
import textwrap

import numpy as np

from ..trainer import Progress, Trainer

OPTIMIZER_MEMORY = {"sgd": {}, "momentum": {"velocities": "velocities"}, "adam": {"mean": "first", "square": "second"}}
"""Per optimizer, what its program's ``memory`` calls each vector the engine's optimizer keeps."""


def memory_source(trainer: Trainer, progress: Progress | None, dead: bool, carried: bool) -> str:
    """The source of the program's ``memory`` dict: its optimizer's vectors, L1's dead weights (``dead``),
    the points carried to the next epoch (``carried``); zeros and nothing, or what ``progress`` holds."""
    saved = progress.optimizer if progress else {}
    optimizer = trainer.learner.optimizer.name
    entries = {"steps": repr(saved.get("steps", 0))} if optimizer == "adam" else {}
    for name, engine_name in OPTIMIZER_MEMORY[optimizer].items():
        vectors = saved.get(engine_name)
        entries[name] = layers_source(trainer, vectors[0]) if vectors else "[np.zeros_like(layer) for layer in layers]"
    if dead:
        entries["dead"] = (arrays_source(progress.dead) if progress
                           else "[np.zeros(layer[:-1].shape, dtype=bool) for layer in layers]")
    if carried:
        points = progress.carried if progress else None
        entries["carried"] = f"({layers_source(trainer, points[0])}, {points[1]})" if points else "None"
    if not entries:
        return "{}"
    lines = "".join(f'    "{name}": {textwrap.indent(value, "    ").lstrip()},\n' for name, value in entries.items())
    return "{\n" + lines + "}"


def layers_source(trainer: Trainer, vector: np.ndarray) -> str:
    """A parameter vector (the engine's layout) as numpy source: one matrix per layer, biases the last row."""
    return arrays_source(trainer.network.layer_matrices(np.asarray(vector)))


def arrays_source(arrays: list[np.ndarray]) -> str:
    """A list of 2-D arrays as numpy source, every number written to its last bit."""
    for array in arrays:
        if array.dtype.kind == "f" and not all(map(math.isfinite, array.ravel().tolist())):
            raise ValueError("the network holds numbers that are not finite: export its first weights")
    return "[\n" + "".join(f"    {_array_source(array)},\n" for array in arrays) + "]"


def _array_source(array: np.ndarray) -> str:
    if not array.size:  # a layer without inputs has no weights
        return f"np.zeros({array.shape}, dtype={array.dtype.name})"
    rows = "".join(f"        {row.tolist()!r},\n" for row in array)
    return f"np.array([\n{rows}    ])"
