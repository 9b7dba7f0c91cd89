"""Point a glyph's visual property at a column of our choosing, in every state it is drawn in."""

import dataclasses

from bokeh.core.property.vectorization import Field


def draw_from_column(plot, visual: str, column: str, through_scale: bool = True) -> None:
    """Make ``visual`` (e.g. ``line_color``) of the plot's glyph, and of its selected, unselected,
    hovered and muted variants, read ``column``: through the colour scale it had, if any and
    ``through_scale``, else as the values themselves."""
    renderer = plot.handles["glyph_renderer"]
    for glyph in (renderer.glyph, renderer.selection_glyph, renderer.nonselection_glyph, renderer.hover_glyph,
                  renderer.muted_glyph):
        if glyph is None or glyph == "auto":
            continue
        current = getattr(glyph, visual)
        scaled = through_scale and isinstance(current, Field)
        setattr(glyph, visual, dataclasses.replace(current, field=column) if scaled else Field(column))


def coloured_by(column: str, *visuals: str):
    """A plot hook: colour the glyph by ``column`` itself, through its colour scale, rather than
    by the copy HoloViews keeps in a ``color`` column, which every frame would send again."""
    def hook(plot, element) -> None:
        for visual in visuals:
            draw_from_column(plot, visual, column)
        plot.handles["source"].remove("color")
    return hook
