"""One image of the pure-Python packages' files, which the loader writes into site-packages.

Pyodide installs a wheel by fetching it, checking its hash and unzipping it in Python, one
wheel at a time: about half a second of every load for our eighteen pure wheels (under
Node). The image holds every file of those wheels after an index, uncompressed, and the
page writes it in one pass with FS.writeFile. On the wire it is one compressed stream,
which compresses across files: 4.4 MB as brotli, 6.5 MB as gzip, against 7.4 MB of
wheels (sitebuild/precompress.py writes those copies for the server). The wheels with
compiled code (numpy) have an image of their own: the page links their libraries before
Python starts (site/startup_snapshot.js), so it needs them sooner.

Format: the index's length (4 bytes, little-endian), the index (JSON:
[[path in site-packages, size], ...]), then the files' bytes in the index's order.
"""
from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

from . import fetch

FILE = "site-packages.img"
COMPILED_FILE = "site-packages-compiled.img"


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
    dest.write_bytes(raw)
    return {"file": f"{dest.parent.name}/{dest.name}", "integrity": fetch.integrity(fetch.sha256_file(dest))}
