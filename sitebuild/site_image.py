"""One image of the pure-Python packages' files, which the loader writes into site-packages.

Pyodide installs a wheel by fetching it, checking its hash and unzipping it in Python, one
wheel at a time: about half a second of every load for our eighteen pure wheels (under
Node). The image holds every file of those wheels after an index, gzipped as one stream
(6.5 MB against 7.4 MB of wheels: the stream compresses across files), and the page
writes it in one pass with FS.writeFile. The build gzips it, not the server: the page
inflates it (DecompressionStream), so any static host serves it small. The wheels with
compiled code (numpy) have an image of their own: the page links their libraries before
Python starts (site/startup_snapshot.js), so it needs them sooner.

Format, before gzip: the index's length (4 bytes, little-endian), the index (JSON:
[[path in site-packages, size], ...]), then the files' bytes in the index's order.
"""
from __future__ import annotations

import gzip
import json
import struct
import zipfile
from pathlib import Path

from . import fetch

FILE = "site-packages.img.gz"
COMPILED_FILE = "site-packages-compiled.img.gz"


def has_compiled_code(wheel: Path) -> bool:
    with zipfile.ZipFile(wheel) as zf:
        return any(name.endswith(".so") for name in zf.namelist())


def write(wheels: list[Path], dest: Path) -> dict:
    """Write the image of WHEELS to DEST; return what the page needs to fetch it."""
    index, parts = [], []
    for wheel in sorted(wheels):
        with zipfile.ZipFile(wheel) as zf:
            for info in zf.infolist():
                if not info.is_dir():
                    data = zf.read(info)
                    index.append([info.filename, len(data)])
                    parts.append(data)
    header = json.dumps(index, separators=(",", ":")).encode()
    raw = struct.pack("<I", len(header)) + header + b"".join(parts)
    dest.write_bytes(gzip.compress(raw, 9, mtime=0))
    return {"file": f"{dest.parent.name}/{dest.name}", "size": dest.stat().st_size,
            "integrity": fetch.integrity(fetch.sha256_file(dest))}
