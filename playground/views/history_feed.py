"""Which epochs of a trainer's history a chart has not drawn yet.

A chart streams a frame's new epochs only, so a long run costs each frame the same; a
history that did not grow from the one drawn (a reset, or the trainer's thinning of a
long one) is drawn afresh.
"""


class HistoryFeed:
    """Follows one history list: what came since the last look, and whether to start over."""

    def __init__(self):
        self._drawn = None  # the history list drawn: another list is a new or thinned history
        self._count = 0  # its entries drawn

    def new(self, history: list) -> tuple[list, bool]:
        """The entries of ``history`` not drawn yet, and whether the chart must start over with them."""
        restarted = history is not self._drawn or len(history) < self._count
        if restarted:
            self._drawn, self._count = history, 0
        new = history[self._count:]
        self._count = len(history)
        return new, restarted
