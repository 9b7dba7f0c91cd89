"""What a locked or hidden control keeps: the settings behind it, compared between two states.

A lesson locks controls (``state.locked``), a link or a lesson hides some (``state.hidden``): the
student cannot change those settings there. A saved network loaded in the Export menu brings a whole
setup, so it is refused when it would change one of them (``ui/export_menu.py``).
"""

from .state import PlaygroundState
from .yourdata import YOURS


def _setting(state: PlaygroundState, control: str):
    """The value(s) ``control`` sets in ``state``; None for a button, which sets nothing."""
    if control == "dataset":
        data = state.active_dataset()
        return state.problem, data, state.class_count(), state.yourData if data == YOURS else ""
    if control == "numHiddenLayers":
        return len(state.networkShape)
    if control.startswith("numNodes"):
        layer = int(control.removeprefix("numNodes"))
        return state.networkShape[layer - 1:layer]
    return getattr(state, control) if control in state.param else None


def changed_fixed(state: PlaygroundState, other: PlaygroundState) -> list[str]:
    """The controls locked or hidden in ``state`` whose settings ``other`` has otherwise, in their order."""
    fixed = dict.fromkeys([*state.locked, *state.hidden])
    return [control for control in fixed if _setting(state, control) != _setting(other, control)]
