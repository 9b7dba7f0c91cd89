"""A running playground: its state, its trainer and the play / pause loop.

The session applies TF Playground's rules of what resets what: a new learning
rate goes to the running network, while anything that changes the data, the
inputs or the network's shape builds a new trainer. Training is measured in
frames: each frame trains as many epochs as fit in its time budget, then the
views redraw once. The budget is what the last redraw left of a 16th of a
second, so a cheap network gets more epochs and a costly one keeps redrawing.
"""

import time

import param

from .state import PlaygroundState
from .trainer import Trainer

FRAME_PERIOD_S = 1 / 16
"""From one frame to the next: 16 a second, so that with the last epoch's overrun the views
still redraw at least 15 times a second where they can."""
MIN_BUDGET_S = 0.015
"""Training time a frame always gets, so a network whose redraw fills a frame still learns."""

#: Parameters that change only how the network learns from here on (TF resets
#: on everything else, the regularization rate included).
LIVE_PARAMETERS = ("learningRate",)
#: Parameters that change only what is drawn.
DISPLAY_PARAMETERS = (
    "showTestData", "discretize", "hideText", "collectStats", "tutorial", "hidden", "epochsPerFrame", "stopAtEpoch",
    "lang", "locked",
)


class Session(param.Parameterized):
    """Play, pause, step and reset one playground state."""

    playing = param.Boolean(False, doc="Whether frames train the network.")
    frame_budget_s = param.Number(0.03, bounds=(0.001, 1), doc="Most training time per frame, seconds.")
    revision = param.Integer(0, doc="Bumped whenever the trainer is replaced (reset).")
    weight_draw = param.Integer(0, doc="Which first weights the seed gives; 0 is the link's own.")

    def __init__(self, state: PlaygroundState | None = None, **params):
        super().__init__(**params)
        self.state = state or PlaygroundState()
        self.trainer = Trainer(self.state, weight_draw=self.weight_draw)
        self.state.param.watch(self._on_state_change, list(self.state.param))
        self.clock = time.perf_counter
        self._trained_until: float | None = None  # when the last frame's training ended, while playing

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

    def play_frame(self, budget_s: float | None = None) -> int:
        """Train this frame's epochs (for ``budget_s`` if given); how many it trained."""
        if not self.playing:
            return 0
        start = self.clock()
        budget = self._budget(start) if budget_s is None else budget_s
        epochs = 0
        while self._frame_wants_more(epochs, start, budget) and not self.trainer.divergence:
            self.trainer.step(1)
            epochs += 1
            if self.reached_stop():
                break
        if self.trainer.divergence or self.reached_stop():
            self.playing = False
        self._trained_until = self.clock()
        return epochs

    def _budget(self, start: float) -> float:
        """What the time since the last frame's training (the redraw, the browser) left of a frame."""
        if self._trained_until is None:
            return self.frame_budget_s
        left = FRAME_PERIOD_S - (start - self._trained_until)
        return min(self.frame_budget_s, max(MIN_BUDGET_S, left))

    @param.depends("playing", watch=True)
    def _forget_the_last_frame(self) -> None:
        self._trained_until = None  # a pause is not a slow redraw

    def _frame_wants_more(self, epochs: int, start: float, budget: float) -> bool:
        """``epochsPerFrame`` epochs, or with 0 as many as fit in the frame's budget."""
        if self.state.epochsPerFrame:
            return epochs < self.state.epochsPerFrame
        return self.clock() - start < budget

    def reached_stop(self) -> bool:
        """Whether the epoch to stop at (``stopAtEpoch``) has been reached."""
        return 0 < self.state.stopAtEpoch <= self.trainer.epoch

    def _on_state_change(self, *events) -> None:
        names = {event.name for event in events}
        # Hiding an input that is on takes it out of the network, as TF deletes it: that one rebuilds.
        if names <= set(DISPLAY_PARAMETERS) and self.trainer.features == self.state.features():
            return
        if names <= set(LIVE_PARAMETERS):
            self.trainer.learner.learning_rate = self.state.learningRate
            return
        self.reset()
