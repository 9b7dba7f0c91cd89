"""Training handed to the worker's Python: the same epochs as the page's own, and a reply
that arrives after the page's trainer changed is not taken."""

import numpy as np
import pytest

from playground.state import PlaygroundState
from playground.trainer import Trainer
from playground.worker.protocol import adopt, request
from playground.worker.worker import Worker


def train_remotely(trainer: Trainer, worker: Worker, frames: int, epochs_per_frame: int = 3, stop_at: int = 0):
    for _ in range(frames):
        sent, message = request(trainer, 0.05, epochs_per_frame, stop_at)
        adopt(trainer, sent, worker.handle(message))


@pytest.mark.parametrize("setup", [
    dict(dataset="spiral", networkShape=[8, 8], optimizer="adam"),
    dict(dataset="xor", networkShape=[4, 3], regularization="L1", regularizationRate=0.01, learningRate=0.1),
    dict(problem="regression", regDataset="reg-gauss", networkShape=[5], optimizer="momentum", batchSize=3),
    dict(dataset="spiral", batchSize=30, learningRate=0.1),  # 10 points left over each epoch, carried
    dict(dataset="spiral", classes=3, networkShape=[6, 6], learningRate=0.1),
])
def test_frames_trained_by_the_worker_equal_the_same_epochs_trained_here(setup):
    state = PlaygroundState(**setup)
    here, there = Trainer(state), Trainer(state)

    train_remotely(there, Worker(), frames=4)
    here.step(12)

    assert there.epoch == 12
    np.testing.assert_array_equal(there.network.parameter_vector, here.network.parameter_vector)
    assert there.history == here.history
    for a, b in zip(there.learner.dead, here.learner.dead):
        np.testing.assert_array_equal(a, b)
    assert (there.learner.carried is None) == (here.learner.carried is None)
    if here.learner.carried is not None:
        np.testing.assert_array_equal(there.learner.carried[0], here.learner.carried[0])
    sent, made_here = there.picture(), here.picture()  # the worker's picture came with its weights
    np.testing.assert_array_equal(sent.output, made_here.output)
    for a, b in zip(sent.thumbnails, made_here.thumbnails):
        np.testing.assert_array_equal(a, b)


def test_the_worker_records_the_gradient_flow_while_the_page_asks_for_it():
    state = PlaygroundState(dataset="xor", networkShape=[4, 3])
    here, there = Trainer(state), Trainer(state)
    here.track_gradients = there.track_gradients = True
    train_remotely(there, Worker(), frames=2)
    here.step(6)
    assert there.history == here.history and len(there.history[-1].gradient_flow.gradients) == 3

    there.track_gradients = False
    train_remotely(there, Worker(), frames=1)
    assert there.history[-1].gradient_flow is None


def test_the_points_carried_to_the_next_epoch_travel_with_a_request():
    """Each frame to a new worker, whose trainer has carried nothing itself: 10 spiral points
    left over per epoch at batch 30 must come from the page's trainer."""
    state = PlaygroundState(dataset="spiral", batchSize=30, learningRate=0.1)
    here, there = Trainer(state), Trainer(state)
    for _ in range(4):
        train_remotely(there, Worker(), frames=1)
    here.step(12)
    assert here.learner.carried[1] == 10
    assert there.history == here.history


def test_the_worker_stops_at_the_epoch_to_stop_at_and_at_divergence():
    trainer = Trainer(PlaygroundState(networkShape=[4]))
    train_remotely(trainer, Worker(), frames=3, epochs_per_frame=4, stop_at=10)
    assert trainer.epoch == 10

    diverging = Trainer(PlaygroundState(problem="regression", activation="relu", learningRate=10,
                                        networkShape=[8, 8, 8], noise=50))
    train_remotely(diverging, Worker(), frames=5, epochs_per_frame=20)
    assert diverging.divergence is not None
    assert diverging.epoch < 100


@pytest.mark.parametrize("change", [
    lambda trainer: trainer.step(1),
    lambda trainer: trainer.network.set_weight(0, 0, 0, 0.5),
    lambda trainer: setattr(trainer.learner, "learning_rate", 0.3),
])
def test_a_reply_to_a_trainer_changed_since_its_request_is_not_taken(change):
    trainer = Trainer(PlaygroundState())
    sent, message = request(trainer, 0.05, 5, 0)
    reply = Worker().handle(message)
    change(trainer)
    changed = trainer.network.parameter_vector.copy()

    assert adopt(trainer, sent, reply) == 0
    np.testing.assert_array_equal(trainer.network.parameter_vector, changed)


def test_the_worker_trains_on_the_students_points_as_they_are_drawn():
    from playground.yourdata import point_code

    rng = np.random.default_rng(0)
    xy = rng.uniform(-5, 5, (30, 2))
    state = PlaygroundState(dataset="yours", yourData=point_code.encode(xy, np.sign(xy[:, 0])), seed="0.3")
    here, there = Trainer(state), Trainer(state)
    worker = Worker()
    train_remotely(there, worker, frames=2)
    here.step(6)
    state.yourData += point_code.encode(np.array([[4.0, 4.0]]), np.array([-1.0]))
    for trainer in (here, there):
        trainer.take_points(state)
    train_remotely(there, worker, frames=2)
    here.step(6)
    np.testing.assert_array_equal(there.network.parameter_vector, here.network.parameter_vector)
    assert there.history[-1] == here.history[-1]


def test_the_picture_of_four_classes_costs_the_page_no_more_to_receive_than_two():
    replies = {}
    for classes in (2, 4):
        trainer = Trainer(PlaygroundState(dataset="blobs", classes=classes, networkShape=[4]))
        sent, message = request(trainer, 0.01, 1, 0)
        replies[classes] = Worker().handle(message)
        adopt(trainer, sent, replies[classes])
        assert trainer.picture().output.shape == (100 * 100,)  # one number a pixel, the map's
    # the same map, and the thumbnails of 3 more output neurons (20 × 20 each) and their weights
    assert len(replies[4]) - len(replies[2]) < 3 * 20 * 20 * 4 + 2_000
