"""What crosses between the page and its training worker: one frame of training asked, its reply.

The page's own Python draws; a second one, in a Web Worker on another core, trains
meanwhile. The page's trainer stays the truth: each request carries what training
changes (epoch, parameters, optimizer state, L1's dead links, the gradients of the
points carried to the next epoch, divergence) and the worker, holding a trainer made
from the same recipe (same data, same code), trains on from there and sends back
what changed. A reply is taken only if nothing else
changed the trainer since its request (a reset, a step, a typed weight, a new
learning rate); otherwise it is dropped and the next request starts from the new
state. Requests and replies are pickles: both ends are this package, and each is made and
read here only.
"""

import pickle

from ..trainer import Picture, Progress, Trainer


def request(trainer: Trainer, budget_s: float, epochs_per_frame: int, stop_at_epoch: int) -> tuple[Progress, bytes]:
    """One frame of training for the worker, from where ``trainer`` is: where that is, and the request."""
    sent = Progress.of(trainer)
    return sent, pickle.dumps((trainer.recipe, trainer.weight_draw, sent, budget_s, epochs_per_frame, stop_at_epoch,
                               trainer.track_gradients))


def read_request(message: bytes) -> tuple[dict, int, Progress, float, int, int, bool]:
    """What ``request`` sent: the recipe, the weight draw, where the trainer was, the budget in s, the epochs
    per frame, the epoch to stop at and whether the epochs' metrics carry their gradient flow."""
    return pickle.loads(message)


def reply(trainer: Trainer, picture: Picture) -> bytes:
    """The worker's answer: where ``trainer`` is now, the epochs of its ``history``, and the picture of its weights."""
    return pickle.dumps((Progress.of(trainer, trainer.history), picture))


def adopt(trainer: Trainer, sent: Progress, reply: bytes) -> int:
    """Take the worker's reply into ``trainer`` if it is still where ``sent`` was; the epochs taken."""
    progress, picture = pickle.loads(reply)
    if not sent.matches(trainer):
        return 0
    progress.restore(trainer)
    trainer.record(progress.history)
    trainer.keep_picture(picture)
    return progress.epoch - sent.epoch
