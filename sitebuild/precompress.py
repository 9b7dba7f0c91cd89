"""Brotli and gzip copies of every compressible file, beside it: what a server sends.

A first visit downloads the wasm interpreter, the stdlib and the two package images. As
brotli at its highest level they come to 11 MB, against 15 MB gzipped on the fly by a
server and 16 MB as the build once gzipped them itself. So the build writes
`name.br` (brotli 11, 16 MB window) and `name.gz` (gzip 9) next to each file that
shrinks, and a server picks the copy the browser accepts (`sitebuild/serve.py`; nginx
`brotli_static`/`gzip_static`, Caddy's `precompressed`, GitLab Pages do the same). The
page asks for the plain name and gets the plain bytes; the browser decodes on its
network thread. Compressing is slow (a minute for the package image), so each result is
cached by the hash of its input.
"""
from __future__ import annotations

import gzip
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli

from . import fetch

# name suffix -> how it is decoded; a server sends the first the browser accepts.
ENCODINGS = {".br": "br", ".gz": "gzip"}
COMPRESSIBLE = {".wasm", ".mjs", ".js", ".json", ".svg", ".css", ".html", ".py", ".md", ".img", ".zip"}
SMALLEST = 1024  # bytes: below this a request's headers outweigh the saving
WORTH_IT = 0.9  # a copy is kept only if it is at most this fraction of the file


def _brotli(data: bytes) -> bytes:
    return brotli.compress(data, quality=11, lgwin=24)


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, 9, mtime=0)


CODECS = {".br": (_brotli, brotli.decompress), ".gz": (_gzip, gzip.decompress)}


def candidates(folder: Path) -> list[Path]:
    """The files under FOLDER worth compressing."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in COMPRESSIBLE
                  and p.stat().st_size >= SMALLEST)


def write(files: list[Path]) -> dict[Path, int]:
    """Write the compressed copies of FILES; return each file's smallest size on the wire."""
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        copies = pool.map(_compress_cached, files, chunksize=1)
        return {path: min([path.stat().st_size, *(c.stat().st_size for c in made)])
                for path, made in zip(files, copies)}


def _compress_cached(path: Path) -> list[Path]:
    """Both copies of PATH that are worth it, from the cache when this content was seen."""
    data = path.read_bytes()
    cache = fetch.cache_dir() / "precompressed"
    cache.mkdir(parents=True, exist_ok=True)
    key = fetch.sha256_bytes(data)
    written = []
    for suffix, (compress, _) in CODECS.items():
        hit = cache / (key + suffix)
        if not hit.exists():
            packed = compress(data)
            tmp = hit.with_name(f"{hit.name}.{os.getpid()}.tmp")
            tmp.write_bytes(packed if len(packed) <= len(data) * WORTH_IT else b"")
            os.replace(tmp, hit)  # an empty entry remembers "not worth it"
        packed = hit.read_bytes()
        if packed:
            copy = path.with_name(path.name + suffix)
            copy.write_bytes(packed)
            if not decodes_to_original(copy):  # a damaged cache entry: never ship it
                hit.unlink()
                raise RuntimeError(f"{copy.name} does not decode to {path.name}; build again")
            written.append(copy)
    return written


def original(copy: Path) -> Path | None:
    """The file a compressed copy stands for, or None if COPY is not one."""
    if copy.suffix in ENCODINGS and copy.with_suffix("").suffix in COMPRESSIBLE:
        return copy.with_suffix("")
    return None


def decodes_to_original(copy: Path) -> bool:
    """Does the compressed COPY decode to exactly its original's bytes?"""
    _, decompress = CODECS[copy.suffix]
    return decompress(copy.read_bytes()) == original(copy).read_bytes()
