"""RGBA pixels as a PNG file, with numpy and the standard library only.

The command line's picture of the output map and the build's app icons (``sitebuild/icons.py``)
both write PNGs; neither needs an imaging library for it.
"""

import struct
import zlib

import numpy as np


def png(pixels: np.ndarray) -> bytes:
    """RGBA bytes (height x width x 4, uint8) as a PNG file."""
    height, width, _ = pixels.shape
    rows = b"".join(b"\0" + pixels[row].tobytes() for row in range(height))  # filter 0 on each row

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8 bits, RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
