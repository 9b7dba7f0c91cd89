"""Rewrite a wheel (or any zip, such as the stdlib's) file by file; a wheel's RECORD matches the result.

Stdlib only: the same code runs on the host (slimming) and inside Pyodide under Node
(bytecode compilation, where only the Python 3.14 interpreter can compile). Output is
deterministic: fixed timestamps, input order, RECORD last.
"""
from __future__ import annotations

import base64
import hashlib
import zipfile
from collections.abc import Callable, Iterable

Transform = Callable[[str, bytes], Iterable[tuple[str, bytes]]]
EPOCH = (1980, 1, 1, 0, 0, 0)


def record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def rewrite(src: str, dest: str, transform: Transform, deflate: bool = True) -> None:
    """Copy wheel SRC to DEST, passing each member through transform(name, data).

    transform yields the (name, data) pairs to write: none drops the file, one or more
    replace it. A wheel's RECORD is regenerated from what was written. deflate=False
    stores the members as they are, for a zip the server compresses as one stream.
    """
    with zipfile.ZipFile(src) as zin:
        record_name = next((n for n in zin.namelist() if n.endswith(".dist-info/RECORD")), None)
        written: list[tuple[str, bytes]] = []
        for name in zin.namelist():
            if name == record_name or name.endswith("/"):
                continue
            written.extend(transform(name, zin.read(name)))
    if record_name:
        lines = [record_line(n, d) for n, d in written] + [f"{record_name},,"]
        written.append((record_name, ("\n".join(lines) + "\n").encode()))
    method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(dest, "w", method, compresslevel=9 if deflate else None) as zout:
        for name, data in written:
            info = zipfile.ZipInfo(name, EPOCH)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            zout.writestr(info, data)
