"""HoloViews views, each built once and then updated in place every frame."""

# Options (.opts) need a plotting backend registered; importing it is all
# hv.extension("bokeh") does that we need, without notebook machinery.
import holoviews.plotting.bokeh  # noqa: F401
