"""TF Playground's random numbers: ``Math.random`` after ``Math.seedrandom(seed)``.

TF seeds the ``seedrandom`` package (David Bau's, v2) with the link's seed string
and draws everything from that one stream: the data point by point, the shuffle,
then the first weights. This is that generator, bit for bit: the seed's UTF-16
code units mixed into a key (``mixkey``), ARC4 keyed with it, its first 256
bytes dropped, and each double made from 7 or more bytes (52 significant bits).
"""

import numpy as np

_BYTES_PER_DOUBLE = 6
_SIGNIFICANCE = 2**52
_OVERFLOW = 2**53


def _mixkey(seed: str) -> list[int]:
    """seedrandom's key for a seed string: each code unit smeared into a byte."""
    units = np.frombuffer(seed.encode("utf-16-le"), dtype="<u2").tolist()
    key: list[int] = []
    smear = 0
    for j, unit in enumerate(units):
        if j < 256:  # JavaScript's key[j] is still undefined here: undefined * 19 smears 0
            key.append((smear + unit) & 255)
        else:
            smear ^= key[j & 255] * 19
            key[j & 255] = (smear + unit) & 255
    return key


class SeedRandom:
    """One seeded stream of doubles in [0, 1); ``random`` is numpy's ``Generator.random`` in form."""

    def __init__(self, seed: str):
        key = _mixkey(seed) or [0]  # seedrandom reads the empty key as [0]
        s = list(range(256))
        j = 0
        for i in range(256):
            j = (j + key[i % len(key)] + s[i]) & 255
            s[i], s[j] = s[j], s[i]
        self._s, self._i, self._j = s, 0, 0
        self._bytes(256)  # RC4-drop[256], as seedrandom does

    def _bytes(self, count: int) -> int:
        """The next ``count`` ARC4 bytes as one big-endian number."""
        s, i, j, number = self._s, self._i, self._j, 0
        for _ in range(count):
            i = (i + 1) & 255
            t = s[i]
            j = (j + t) & 255
            s[i] = s[j]
            s[j] = t
            number = (number << 8) | s[(s[i] + t) & 255]
        self._i, self._j = i, j
        return number

    def double(self) -> float:
        """The next ``Math.random()``: bytes are added until 52 bits are significant."""
        n, d, x = self._bytes(_BYTES_PER_DOUBLE), 2 ** (8 * _BYTES_PER_DOUBLE), 0
        while n < _SIGNIFICANCE:
            n, d, x = (n + x) * 256, d * 256, self._bytes(1)
        while n >= _OVERFLOW:
            n, d, x = n // 2, d // 2, x >> 1
        return (n + x) / d

    def random(self, size: int | None = None):
        """The next double, or the next ``size`` of them as an array (in the order drawn)."""
        if size is None:
            return self.double()
        return np.array([self.double() for _ in range(size)], dtype=np.float64)

    def copy(self) -> "SeedRandom":
        """An independent stream that goes on from where this one is."""
        twin = object.__new__(SeedRandom)
        twin._s, twin._i, twin._j = list(self._s), self._i, self._j
        return twin
