"""Training and test loss over the epochs, as TF Playground's small chart."""

import holoviews as hv
import numpy as np

from ..accessibility import named_plot
from .live_source import LiveSource

TEST_COLOUR = "#000000"
TRAIN_COLOUR = "#999999"


class LossChart:
    """Two curves, redrawn from a trainer's history."""

    def __init__(self, width_px: int = 380, height_px: int = 110):
        self.curves = {"train": LiveSource(), "test": LiveSource()}
        self.element = hv.Overlay(
            [
                hv.Curve(([], []), "epoch", "loss", label=name).opts(
                    color=colour, line_width=2 if name == "test" else 1, hooks=[self.curves[name].hook]
                )
                for name, colour in (("train", TRAIN_COLOUR), ("test", TEST_COLOUR))
            ]
        ).opts(
            width=width_px, height=height_px, toolbar=None, default_tools=[], show_legend=False,
            xlabel="epoch", ylabel="loss", ylim=(0, None),
            hooks=[named_plot("Test loss (thick) and training loss (thin) over the epochs")],
        )

    def show(self, history) -> None:
        """Draw every epoch of ``history`` (a diverged loss leaves a gap)."""
        epochs = np.array([m.epoch for m in history], dtype=float)
        highest = 0.0
        for name, source in self.curves.items():
            losses = np.array([getattr(m, f"{name}_loss") for m in history], dtype=float)
            losses[~np.isfinite(losses)] = np.nan
            source.update(epoch=epochs, loss=losses)
            highest = max(highest, np.nanmax(losses, initial=0.0))
        handles = self.curves["test"].handles
        if handles:  # HoloViews fixed the axes to the first (empty) data; follow the curves
            handles["x_range"].end = max(epochs[-1], 1.0)
            handles["y_range"].end = max(highest * 1.05, 1e-3)
