"""The hidden space: how the data looks to one hidden layer, drawn in two dimensions.

A layer of two neurons is drawn as it is: each point at its two activations. A wider
layer is projected on the plane of its two principal components (PCA of the points'
activations). Between two frames that plane turns a little, but a PCA's axes may
flip sign or swap order at any time; so each new pair of axes is turned, within its
plane, to lie as close as it can to the last frame's pair, and the picture moves
smoothly as the network learns.
"""

from dataclasses import dataclass

import numpy as np

from .network import Network

Array = np.ndarray


@dataclass(frozen=True)
class HiddenSpace:
    """One hidden layer's activations at some points, and where the points are drawn."""

    activations: Array
    """(points, neurons): each neuron's output at each point."""
    points: Array
    """(points, 2): where each point is drawn."""
    basis: Array
    """(neurons, 2): the two axes drawn, orthonormal columns; pass it back as the next frame's ``previous``."""
    centre: Array
    """(neurons,): subtracted before projecting (zeros when the activations are drawn as they are)."""


def hidden_space(network: Network, x: Array, layer: int, previous: Array | None = None) -> HiddenSpace:
    """Hidden layer ``layer`` (0 is the first) of ``network`` at the points ``x`` (network inputs), in 2-D.

    ``previous`` is the last frame's ``basis``: the new one is aligned to it (for the same layer's width).
    """
    if not 0 <= layer < len(network.hidden):
        raise ValueError(f"the network has {len(network.hidden)} hidden layers; no layer {layer}")
    with np.errstate(all="ignore"):
        activations = network.forward(x)[1][layer + 1]
    neurons = activations.shape[1]
    if neurons <= 2:
        basis = np.eye(neurons, 2)  # one neuron: drawn along the first axis
        return HiddenSpace(activations, activations @ basis, basis, np.zeros(neurons))
    centre = activations.mean(axis=0)
    centred = activations - centre
    same_width = previous is not None and previous.shape == (neurons, 2)
    if not np.isfinite(centred).all():  # a diverged network: no axes to find, the last ones are kept
        basis = previous if same_width else np.eye(neurons, 2)
    else:
        basis = principal_axes(centred)
        if same_width:
            basis = aligned(basis, previous)
    with np.errstate(all="ignore"):
        return HiddenSpace(activations, centred @ basis, basis, centre)


def output_in_picture(network: Network, layer: int, space: HiddenSpace, points: Array) -> Array:
    """The network's output at ``points`` (m, 2) of the picture: the boundary drawn in the hidden space.

    A point of the picture stands for the activations ``centre + basis · point`` (for a
    projection, those on the plane drawn), carried through the layers after ``layer``.
    """
    with np.errstate(all="ignore"):
        return network.output_from(layer, space.centre + points @ space.basis.T)


def principal_axes(centred: Array) -> Array:
    """The two directions of largest variance of centred rows, as orthonormal columns."""
    _, _, rows = np.linalg.svd(centred, full_matrices=False)
    return rows[:2].T


def aligned(basis: Array, previous: Array) -> Array:
    """``basis`` turned (or mirrored) within its plane to lie closest to ``previous``: orthogonal Procrustes."""
    u, _, vt = np.linalg.svd(basis.T @ previous)
    return basis @ (u @ vt)
