"""A running playground: its state, its trainer and the play / pause loop.

The session applies TF Playground's rules of what resets what: a new learning
rate goes to the running network, while anything that changes the data, the
inputs or the network's shape builds a new trainer. Training is measured in
frames: each frame trains as many epochs as fit in its time budget, then the
views redraw once.
"""

import time

import param

from .state import PlaygroundState
from .trainer import Trainer

#: Parameters that change only how the network learns from here on (TF resets
#: on everything else, the regularization rate included).
LIVE_PARAMETERS = ("learningRate",)
#: Parameters that change only what is drawn.
DISPLAY_PARAMETERS = (
    "showTestData", "discretize", "hideText", "collectStats", "tutorial", "hidden", "epochsPerFrame", "stopAtEpoch",
)


class Session(param.Parameterized):
    """Play, pause, step and reset one playground state."""

    playing = param.Boolean(False, doc="Whether frames train the network.")
    frame_budget_s = param.Number(0.03, bounds=(0.001, 1), doc="Training time per frame, seconds.")
    revision = param.Integer(0, doc="Bumped whenever the trainer is replaced (reset).")
    weight_draw = param.Integer(0, doc="Which first weights the seed gives; 0 is the link's own.")

    def __init__(self, state: PlaygroundState | None = None, **params):
        super().__init__(**params)
        self.state = state or PlaygroundState()
        self.trainer = Trainer(self.state, weight_draw=self.weight_draw)
        self.state.param.watch(self._on_state_change, list(self.state.param))

    def reset(self) -> None:
        """A new trainer from the state: same seed, same data, same first weights."""
        self.trainer = Trainer(self.state, weight_draw=self.weight_draw)
        self.revision += 1

    def new_weights(self) -> None:
        """Start again from other random first weights, on the same data."""
        self.weight_draw += 1
        self.reset()

    def step(self) -> None:
        """Train exactly one epoch."""
        self.trainer.step(1)

    def play_frame(self) -> int:
        """Train this frame's epochs; how many it trained."""
        if not self.playing:
            return 0
        start = time.perf_counter()
        epochs = 0
        while self._frame_wants_more(epochs, start) and not self.trainer.divergence:
            self.trainer.step(1)
            epochs += 1
            if self._reached_stop():
                break
        if self.trainer.divergence or self._reached_stop():
            self.playing = False
        return epochs

    def _frame_wants_more(self, epochs: int, start: float) -> bool:
        """``epochsPerFrame`` epochs, or with 0 as many as fit in the frame's budget."""
        if self.state.epochsPerFrame:
            return epochs < self.state.epochsPerFrame
        return time.perf_counter() - start < self.frame_budget_s

    def _reached_stop(self) -> bool:
        return 0 < self.state.stopAtEpoch <= self.trainer.epoch

    def _on_state_change(self, *events) -> None:
        names = {event.name for event in events}
        if names <= set(DISPLAY_PARAMETERS):
            return
        if names <= set(LIVE_PARAMETERS):
            self.trainer.learner.learning_rate = self.state.learningRate
            return
        self.reset()
