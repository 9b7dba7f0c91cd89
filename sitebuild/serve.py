"""Serve dist/ on 127.0.0.1: right MIME types, the build's compressed copies, revalidation caching.

Browsers insist on application/wasm for streaming compilation and on a JavaScript type
for module scripts. A file with compressed copies beside it (sitebuild/precompress.py)
is sent as the brotli copy when the browser accepts br, else the gzip one, else as it
is: nothing is compressed here. Every response carries an ETag (the sent bytes' sha256)
and Cache-Control: no-cache, so a warm load revalidates with cheap 304s and a rebuild is
never masked by a stale cache.
"""
from __future__ import annotations

import hashlib
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .precompress import ENCODINGS

TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
         ".json": "application/json", ".whl": "application/zip", ".zip": "application/zip",
         ".svg": "image/svg+xml", ".css": "text/css", ".html": "text/html; charset=utf-8",
         ".py": "text/x-python", ".ico": "image/x-icon", ".woff2": "font/woff2",
         ".md": "text/markdown; charset=utf-8"}


class _Cache:
    """(path, mtime, size) -> (etag, bytes): files are read and hashed once."""

    def __init__(self):
        self.entries: dict = {}
        self.lock = threading.Lock()

    def get(self, path: Path):
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        with self.lock:
            if key in self.entries:
                return self.entries[key]
        data = path.read_bytes()
        entry = ('"' + hashlib.sha256(data).hexdigest()[:32] + '"', data)
        with self.lock:
            self.entries[key] = entry
        return entry


def representation(path: Path, accept_encoding: str) -> tuple[Path, str | None]:
    """The file to send for PATH and its Content-Encoding, given the browser's Accept-Encoding."""
    accepted = {part.split(";")[0].strip() for part in accept_encoding.split(",")}
    for suffix, encoding in ENCODINGS.items():
        copy = path.with_name(path.name + suffix)
        if encoding in accepted and copy.is_file():
            return copy, encoding
    return path, None


class Uplink:
    """One line out of the server shared by every response, at most MBIT megabits a second:
    a school's connection, or a teacher's laptop serving the room (bench/site.py --bandwidth).
    Each chunk takes its slot on the line in turn, so parallel downloads share it as on a wire."""

    CHUNK = 16 * 1024

    def __init__(self, mbit: float):
        self.bytes_per_s = mbit * 1e6 / 8
        self.lock = threading.Lock()
        self.free_at = time.monotonic()

    def send(self, wfile, body: bytes) -> None:
        for start in range(0, len(body), self.CHUNK):
            chunk = body[start:start + self.CHUNK]
            with self.lock:
                self.free_at = max(self.free_at, time.monotonic()) + len(chunk) / self.bytes_per_s
                done_at = self.free_at
            time.sleep(max(0.0, done_at - time.monotonic()))
            wfile.write(chunk)


class Handler(SimpleHTTPRequestHandler):
    # HTTP/1.1: keep-alive for the ~40 requests of a load, and Chromium keeps
    # no-cache responses for revalidation (it did not for our HTTP/1.0 ones).
    protocol_version = "HTTP/1.1"
    cache = _Cache()

    def do_GET(self):
        self._respond(head=False)

    def do_HEAD(self):
        self._respond(head=True)

    def _respond(self, head: bool):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404, "Not found")
            return
        sent, encoding = representation(path, self.headers.get("Accept-Encoding", ""))
        etag, body = self.cache.get(sent)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(path.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        if head:
            return
        if self.server.uplink:
            self.server.uplink.send(self.wfile, body)
        else:
            self.wfile.write(body)

    def log_message(self, format, *args):
        if not self.server.quiet:
            super().log_message(format, *args)


class _Server(ThreadingHTTPServer):
    """Each server's own settings, which its handlers read (two may run in one process)."""

    daemon_threads = True
    quiet = True
    uplink: Uplink | None = None

    def handle_error(self, request, client_address):
        """A browser that drops a response it no longer needs (a reload, a closed tab) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(dist: Path, port: int = 0, verbose: bool = False, uplink_mbit: float | None = None) -> ThreadingHTTPServer:
    """A server for DIST on 127.0.0.1:PORT (0: any free port), its responses through a line of
    UPLINK_MBIT if given; call serve_forever()."""
    server = _Server(("127.0.0.1", port), partial(Handler, directory=str(dist)))
    server.quiet = not verbose
    server.uplink = Uplink(uplink_mbit) if uplink_mbit else None
    return server
