"""Which canvas layer a glyph is painted on."""


def on_top_layer(plot, element) -> None:
    """A plot hook: draw the element's glyph on the plot's top canvas layer (Bokeh's "overlay"
    level). A frame that changes only what is drawn there repaints that layer alone, not the
    axes, labels and the rest beneath; glyphs up there are drawn in the order they were added."""
    plot.handles["glyph_renderer"].level = "overlay"
