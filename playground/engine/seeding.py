"""One seed string for all randomness, split into independent streams.

TF Playground keeps its seed as a string such as ``"0.66230"`` in the URL. We
hash that string together with a purpose (``"data"``, ``"weights"``) so that
the same seed always gives the same points and the same initial weights, and
changing the network's shape never changes the data.
"""

import hashlib

import numpy as np


def rng_for(seed: str, purpose: str) -> np.random.Generator:
    """A generator determined by ``seed`` and ``purpose`` alone."""
    digest = hashlib.sha256(f"{seed}\x00{purpose}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:16], "little"))
