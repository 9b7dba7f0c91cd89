"""Download-once cache with sha256 verification.

Every third-party input is fetched through the registry's ordinary client (npm, pip)
or, for the Pyodide CDN, plain HTTP with a hard deadline. Whatever arrives is checked
against its pinned sha256 before it enters the cache, so a cached file is trusted and
a rebuild works offline.
"""
from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.request
from pathlib import Path
from collections.abc import Callable


class HashMismatch(RuntimeError):
    """A file's bytes differ from its pin: the build must stop."""

    def __init__(self, name: str, expected: str, actual: str):
        super().__init__(f"sha256 mismatch for {name}: expected {expected}, got {actual}")


def cache_dir() -> Path:
    """Where downloads live: $NEURAL_PLAYGROUND_CACHE or ~/.cache/neural-playground."""
    default = Path.home() / ".cache" / "neural-playground"
    path = Path(os.environ.get("NEURAL_PLAYGROUND_CACHE", default))
    path.mkdir(parents=True, exist_ok=True)
    return path


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def integrity(sha256: str) -> str:
    """The Subresource Integrity value of a file with this sha256 (hex), as a browser's fetch takes it."""
    return "sha256-" + base64.b64encode(bytes.fromhex(sha256)).decode()


def verify(path: Path, expected: str, name: str | None = None) -> Path:
    actual = sha256_file(path)
    if actual != expected:
        raise HashMismatch(name or path.name, expected, actual)
    return path


def cached(name: str, sha256: str, produce: Callable[[Path], Path]) -> Path:
    """Return cache/NAME if its hash is right; else call produce(tmpdir) and keep its file."""
    target = cache_dir() / name
    if target.exists() and sha256_file(target) == sha256:
        return target
    with tempfile.TemporaryDirectory(dir=cache_dir()) as tmp:
        made = verify(produce(Path(tmp)), sha256, name)
        os.replace(made, target)
    return target


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a client quietly; on failure show its output, which names the real problem."""
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise RuntimeError(f"command failed ({proc.returncode}): {' '.join(cmd)}")
    return proc


def npm_pack(spec: str, dest: Path) -> Path:
    """`npm pack SPEC` into DEST; returns the tarball (npm prints its file name last)."""
    proc = run(["npm", "pack", spec, "--silent", "--pack-destination", str(dest)])
    return dest / proc.stdout.strip().splitlines()[-1]


def pip_download(requirements: list[str], dest: Path, *, any_platform: bool = False,
                 sdist: bool = False) -> None:
    """`pip download --no-deps`; any_platform picks py3-none-any wheels for Python 3.14."""
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest)]
    if any_platform:
        cmd += ["--only-binary=:all:", "--python-version", "3.14", "--implementation", "py",
                "--abi", "none", "--platform", "any"]
    if sdist:
        # Only these projects as sdists (":all:" would build setuptools and Cython from
        # source too: minutes); the host's setuptools reads their metadata.
        names = ",".join(r.split("==")[0] for r in requirements)
        cmd += [f"--no-binary={names}", "--no-build-isolation"]
    run(cmd + requirements)


def http_get(url: str, deadline_s: float) -> bytes | None:
    """GET url, giving up after deadline_s whatever the network does (DNS included).

    urllib's timeout does not bound name resolution, so the request runs in a daemon
    thread and is abandoned at the deadline. None means unreachable or refused.
    """
    result: list[bytes] = []

    def worker():
        try:
            with urllib.request.urlopen(url, timeout=deadline_s) as resp:
                result.append(resp.read())
        except Exception:
            pass

    thread = threading.Thread(target=worker, daemon=True)
    thread.start()
    thread.join(deadline_s)
    return result[0] if result else None


def copy_into(src: Path, dest_dir: Path, name: str | None = None) -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    target = dest_dir / (name or src.name)
    shutil.copyfile(src, target)
    return target
