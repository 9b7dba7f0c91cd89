"""A trained network as JSON, and back: its shape, weights and biases, the setup's link, and all that
training on needs (the epoch, what the optimizer remembers, L1's dead weights, the points carried to
the next epoch, the loss history), so a loaded network trains on exactly as the saved one would.

Loading makes a new trainer and touches nothing else: a file that cannot be read leaves the
playground as it is, and says what is wrong with it (a ``Message``: in English, and in the page's
language where the Export menu says it).
"""

import json
import math

import numpy as np

from ..engine.optimizers import make_optimizer
from ..i18n import Message
from ..links import decode, encode
from ..trainer import HISTORY_LIMIT, Metrics, Progress, Trainer

FORMAT = "neural-playground network"
VERSION = 1


def export_weights(trainer: Trainer) -> str:
    """The network and its training state as JSON text."""
    progress = Progress.of(trainer)
    if not np.isfinite(progress.parameters).all():
        raise ValueError(Message("export.diverged"))
    optimizer = {key: [vector.tolist() for vector in value] if isinstance(value, list) else value
                 for key, value in progress.optimizer.items()}
    saved = {
        "format": FORMAT,
        "version": VERSION,
        "link": encode(trainer.state()),
        "weight_draw": trainer.weight_draw,
        "epoch": progress.epoch,
        "network": trainer.network.to_dict(),
        "training": {
            "optimizer": {"name": trainer.learner.optimizer.name, **optimizer},
            "dead": [dead.tolist() for dead in progress.dead],
            "carried": {"gradient": progress.carried[0].tolist(), "points": progress.carried[1]} if progress.carried else None,
            "divergence": progress.divergence,
        },
        "history": [{key: _finite_or_none(value) for key, value in metrics.to_dict().items()} for metrics in trainer.history],
    }
    return json.dumps(saved, allow_nan=False, indent=1) + "\n"


def load_weights(text: str, history_limit: int | None = HISTORY_LIMIT) -> Trainer:
    """A new trainer, at the saved epoch with the saved weights and training state (ValueError, its
    message naming what is wrong, for a file that is not one ``export_weights`` wrote)."""
    try:
        saved = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(Message("export.not_json", detail=str(error))) from None
    if not isinstance(saved, dict) or saved.get("format") != FORMAT:
        raise ValueError(Message("export.not_network", format=FORMAT))
    if saved.get("version") != VERSION:
        raise ValueError(Message("export.other_version", version=repr(saved.get("version")), supported=VERSION))
    try:
        return _trainer(saved, history_limit)
    except KeyError as error:
        raise ValueError(Message("export.missing", field=error.args[0])) from None
    except (TypeError, AttributeError) as error:
        raise ValueError(Message("export.malformed", detail=str(error))) from None


def _trainer(saved: dict, history_limit: int | None) -> Trainer:
    state, warnings = decode(_typed(saved["link"], str, "link"))
    if warnings:
        raise ValueError(Message("export.bad_link", warning=warnings[0]))
    trainer = Trainer(state, weight_draw=_count(saved["weight_draw"], "weight_draw"), history_limit=history_limit)
    network, data = trainer.network, saved["network"]
    shape = (data["layer_sizes"], data["activation"], data["head"])
    if shape != (network.layer_sizes, network.activation.name, network.head.name):
        raise ValueError(Message("export.other_network", saved=repr(shape),
                                 described=repr((network.layer_sizes, network.activation.name, network.head.name))))
    try:
        network.load_dict(data)
    except ValueError as error:
        raise ValueError(Message("export.bad_field", field="network", detail=str(error))) from None
    training = saved["training"]
    epoch = _count(saved["epoch"], "epoch")
    progress = Progress(epoch, network.parameter_vector.copy(), _optimizer(training["optimizer"], trainer),
                        _dead(training["dead"], trainer), _carried(training["carried"], trainer),
                        _typed(training["divergence"], str | None, "training.divergence"),
                        trainer.learner.learning_rate, [])
    progress.restore(trainer)
    trainer.history = _history(saved.get("history"), trainer)
    return trainer


def _optimizer(saved: dict, trainer: Trainer) -> dict:
    """The optimizer's state, checked against a fresh one of the setup's optimizer."""
    name = trainer.learner.optimizer.name
    if saved["name"] != name:
        raise ValueError(Message("export.other_optimizer", saved=repr(saved["name"]), described=repr(name)))
    state = {}
    for key, fresh in vars(make_optimizer(name)).items():
        value = saved[key]
        if fresh is None:  # vectors, once the optimizer has stepped
            state[key] = None if value is None else [_vector(vector, trainer, f"training.optimizer.{key}")
                                                     for vector in value]
        else:
            state[key] = _typed(value, type(fresh), f"training.optimizer.{key}")
    return state


def _vector(values: list, trainer: Trainer, where: str) -> np.ndarray:
    try:
        vector = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        vector = np.empty(0)
    if vector.shape != trainer.network.parameter_vector.shape or not np.isfinite(vector).all():
        raise ValueError(Message("export.needs_numbers", field=where, count=trainer.network.parameter_vector.size))
    return vector


def _dead(saved: list, trainer: Trainer) -> list[np.ndarray]:
    shapes = [weights.shape for weights in trainer.network.weights]
    try:  # a layer without inputs has none: [] stands for its (0, neurons)
        dead = [np.asarray(layer, dtype=bool).reshape(-1, shape[1]) for layer, shape in zip(saved, shapes)]
    except ValueError:
        dead = []
    if [layer.shape for layer in dead] != shapes:
        raise ValueError(Message("export.needs_flags", field="training.dead"))
    return dead


def _carried(saved: dict | None, trainer: Trainer) -> tuple[np.ndarray, int] | None:
    if saved is None:
        return None
    return _vector(saved["gradient"], trainer, "training.carried.gradient"), _count(saved["points"], "training.carried.points")


def _history(saved: list | None, trainer: Trainer) -> list[Metrics]:
    """The saved loss history, or (without one) the metrics now."""
    if saved is None:
        return [trainer.metrics()]
    history = [_metrics(entry) for entry in saved]
    epochs = [metrics.epoch for metrics in history]
    if not history or epochs != sorted(set(epochs)) or epochs[-1] != trainer.epoch:
        raise ValueError(Message("export.needs_history", field="history"))
    return history


def _metrics(saved: dict) -> Metrics:
    values = {name: _typed(saved[name], float | int | None, f"history.{name}") for name in Metrics.numbers()}
    values.update(epoch=_count(saved["epoch"], "history.epoch"),
                  train_loss=_or_nan(values["train_loss"]), test_loss=_or_nan(values["test_loss"]))
    return Metrics(**values)


def _or_nan(value: float | None) -> float:
    return math.nan if value is None else float(value)


def _count(value, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(Message("export.needs_count", field=where, value=repr(value)))
    return value


def _typed(value, kind, where: str):
    if isinstance(value, bool) or not isinstance(value, kind):
        raise ValueError(Message("export.needs_kind", field=where, kind=str(getattr(kind, "__name__", kind)),
                                 value=repr(value)))
    return value


def _finite_or_none(value):
    """JSON has no NaN: a diverged loss is saved as null."""
    return None if isinstance(value, float) and not math.isfinite(value) else value
