"""The numpy-only core: networks, training, datasets and features.

Nothing in this package imports panel, holoviews or bokeh, so it runs (and is
tested) anywhere numpy does, CPython and Pyodide alike.
"""

from .network import Gradients, Network
from .training import Learner

__all__ = ["Gradients", "Learner", "Network"]
