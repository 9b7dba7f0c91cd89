"""The app's two layouts: the whole page, and the compact one of an embed (``embed=1``).

An embed sits in a course page's column, 600 to 1,200 px wide, or on a phone. There the
network and the output map matter most, so its views are smaller and, when the four
columns do not fit in one row, the network and the output come first, side by side from
about 700 px, with the data and the features below them; below 600 px everything is one
column. The whole page keeps TF Playground's sizes and order.
"""

from dataclasses import dataclass

from playground.assets import asset
from playground.ui.network_editor import SHAPE_BUTTON_PX
from playground.views.network_diagram import HEIGHT_PX


@dataclass(frozen=True)
class ViewSizes:
    """Sizes of the views that take room, in px."""

    network: tuple[int, int]
    """The network diagram's width and height."""
    shape_button: int
    """Side of a "+" or "−" above the diagram: two of them must fit between its columns."""
    output_map: int
    """Side of the output map."""
    scale_below: bool
    """The output map's colour scale below it, not beside it."""
    loss_chart: tuple[int, int]
    """The loss chart's width and height."""


WHOLE_PAGE = ViewSizes(network=(500, HEIGHT_PX), shape_button=SHAPE_BUTTON_PX, output_map=280, scale_below=False,
                        loss_chart=(360, 110))
COMPACT = ViewSizes(network=(370, 430), shape_button=17, output_map=250, scale_below=True, loss_chart=(280, 110))
"""Network (380 px with its margins) and output (290 px) side by side in a 700 px iframe; the
network alone on a 400 px phone."""

def view_sizes(embedded: bool) -> ViewSizes:
    return COMPACT if embedded else WHOLE_PAGE


def column_order(embedded: bool) -> str:
    """The stylesheet ordering the row of the playground's columns, an embed's or the whole page's."""
    return asset("embed_columns.css" if embedded else "page_columns.css")
