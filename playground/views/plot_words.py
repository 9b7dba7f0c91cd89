"""Words drawn inside plots (axis labels, hover names, names for screen readers) in the interface's language.

HoloViews writes them into the Bokeh models once, when it draws the plot. A new
language is written into the same models: drawing again would start the live
sources (and the loss chart) afresh.
"""

from collections.abc import Callable

from ..words import Words


class PlotWords:
    """A plot hook that calls ``write(plot, words)`` when the plot is drawn and in each new language."""

    def __init__(self, words: Words, write: Callable):
        self.words = words
        self.write = write
        self.plot = None
        """The HoloViews plot drawn last (a page draws each plot once)."""
        words.param.watch(lambda event: self.rewrite(), "language")

    def hook(self, plot, element) -> None:
        self.plot = plot
        self.write(plot, self.words)

    def rewrite(self) -> None:
        """Write the words again: in a new language, or for what the plot shows now."""
        if self.plot is not None:
            self.write(self.plot, self.words)
