"""A running playground: its state, its trainer, play / pause, and when training stops.

The session applies TF Playground's rules of what resets what: a new learning
rate goes to the running network, while anything that changes the data, the
inputs or the network's shape builds a new trainer. Training is measured in
frames, which the player (player.py) runs: each trains the epochs its budget
allows, then the views redraw once.
"""

import time

import param

from .state import PlaygroundState
from .trainer import Trainer
from .yourdata import YOURS

#: Parameters that change only how the network learns from here on (TF resets
#: on everything else, the regularization rate included).
LIVE_PARAMETERS = ("learningRate",)
#: Parameters that change only what is drawn.
DISPLAY_PARAMETERS = (
    "showTestData", "discretize", "hideText", "collectStats", "tutorial", "hidden", "epochsPerFrame", "stopAtEpoch",
    "lang", "locked",
)
#: Those of them the views draw from (the points shown, the map's colours, the inputs pictured):
#: a change redraws every view from the data.
VIEW_PARAMETERS = ("showTestData", "discretize", "hidden")
#: Parameters that belong to the page showing a network, not to the network: a loaded one keeps the page's.
PAGE_PARAMETERS = ("lang", "hidden", "locked", "hideText")


class Session(param.Parameterized):
    """Play, pause, step and reset one playground state."""

    playing = param.Boolean(False, doc="Whether frames train the network.")
    frame_budget_s = param.Number(0.03, bounds=(0.001, 1), doc="Most training time per frame, seconds.")
    revision = param.Integer(0, doc="Bumped whenever the trainer is replaced (reset).")
    weight_draw = param.Integer(0, doc="Which first weights the seed gives; 0 is the link's own.")
    data_revision = param.Integer(0, doc="Bumped when the trainer takes new points of the student's (no reset).")

    def __init__(self, state: PlaygroundState | None = None, **params):
        super().__init__(**params)
        self._adopting = False  # while the state takes a loaded trainer's setup, which must not reset it
        self.state = state or PlaygroundState()
        self.trainer = Trainer(self.state, weight_draw=self.weight_draw)
        self.state.param.watch(self._on_state_change, list(self.state.param))

    def reset(self) -> None:
        """A new trainer from the state: same seed, same data, same first weights."""
        self.trainer = Trainer(self.state, weight_draw=self.weight_draw)
        self.revision += 1

    def adopt(self, trainer: Trainer) -> None:
        """Go on from ``trainer`` as it is (a loaded network): the state takes its setup without the reset
        a new setup makes, and the trainer takes the place of this one, paused."""
        self.playing = False
        setup = {key: value for key, value in trainer.state().values().items() if key not in PAGE_PARAMETERS}
        self.trainer = trainer  # first: whatever follows the state's change draws this trainer
        self.weight_draw = trainer.weight_draw
        self._adopting = True
        try:
            self.state.param.update(**setup)
        finally:
            self._adopting = False
        self.revision += 1

    def new_weights(self) -> None:
        """Start again from other random first weights, on the same data."""
        self.weight_draw += 1
        self.reset()

    def step(self) -> None:
        """Train exactly one epoch."""
        self.trainer.step(1)

    def play_frame(self, budget_s: float | None = None) -> int:
        """Train this frame's epochs, for ``budget_s`` (else ``frame_budget_s``); how many it trained."""
        if not self.playing:
            return 0
        budget = self.frame_budget_s if budget_s is None else budget_s
        start = time.perf_counter()
        epochs = 0
        while self._frame_wants_more(epochs, start, budget) and not self.trainer.divergence:
            self.trainer.step(1)
            epochs += 1
            if self.reached_stop():
                break
        self.stop_if_done()
        return epochs

    def _frame_wants_more(self, epochs: int, start: float, budget: float) -> bool:
        """``epochsPerFrame`` epochs, or with 0 as many as fit in the frame's budget."""
        if self.state.epochsPerFrame:
            return epochs < self.state.epochsPerFrame
        return time.perf_counter() - start < budget

    def stop_if_done(self) -> None:
        """Stop playing once the network has diverged or reached the epoch to stop at; wherever the
        epochs were trained (here or in the training worker), this is the rule."""
        if self.trainer.divergence or self.reached_stop():
            self.playing = False

    def reached_stop(self) -> bool:
        """Whether the epoch to stop at (``stopAtEpoch``) has been reached."""
        return 0 < self.state.stopAtEpoch <= self.trainer.epoch

    def _on_state_change(self, *events) -> None:
        if self._adopting:
            return
        names = {event.name for event in events}
        # Hiding an input that is on takes it out of the network, as TF deletes it: that one rebuilds.
        if names <= set(DISPLAY_PARAMETERS) and self.trainer.features == self.state.features():
            return
        if names == {"yourData"}:
            if self.state.active_dataset() == YOURS:  # a point drawn while training: train on, on the new data
                self.trainer.take_points(self.state)
                self.data_revision += 1
            return
        if names <= set(LIVE_PARAMETERS):
            self.trainer.learner.learning_rate = self.state.learningRate
            return
        self.reset()
