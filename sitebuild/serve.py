"""Serve dist/ on 127.0.0.1: right MIME types, gzip when accepted, revalidation caching.

Browsers insist on application/wasm for streaming compilation and on a JavaScript type
for module scripts. Files are gzipped on first request and kept in memory (the wasm
shrinks 9.6 -> 3.5 MB). Every response carries an ETag (content sha256) and
Cache-Control: no-cache, so a warm load revalidates with cheap 304s and a rebuild is
never masked by a stale cache.
"""
from __future__ import annotations

import gzip
import hashlib
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
         ".json": "application/json", ".whl": "application/zip", ".zip": "application/zip",
         ".svg": "image/svg+xml", ".css": "text/css", ".html": "text/html; charset=utf-8",
         ".py": "text/x-python", ".ico": "image/x-icon", ".woff2": "font/woff2",
         ".md": "text/markdown; charset=utf-8"}
COMPRESSIBLE = {".wasm", ".mjs", ".js", ".json", ".svg", ".css", ".html", ".py", ".zip", ".md"}


class _Cache:
    """(path, mtime, size) -> (etag, raw bytes, gzipped bytes or None)."""

    def __init__(self):
        self.entries: dict = {}
        self.lock = threading.Lock()

    def get(self, path: Path):
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        with self.lock:
            if key in self.entries:
                return self.entries[key]
        raw = path.read_bytes()
        etag = '"' + hashlib.sha256(raw).hexdigest()[:32] + '"'
        packed = gzip.compress(raw, 6) if path.suffix in COMPRESSIBLE else None
        if packed is not None and len(packed) >= len(raw) * 0.95:
            packed = None
        with self.lock:
            self.entries[key] = (etag, raw, packed)
        return self.entries[key]


class Handler(SimpleHTTPRequestHandler):
    # HTTP/1.1: keep-alive for the ~40 requests of a load, and Chromium keeps
    # no-cache responses for revalidation (it did not for our HTTP/1.0 ones).
    protocol_version = "HTTP/1.1"
    cache = _Cache()
    quiet = True

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
        etag, raw, packed = self.cache.get(path)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            return
        use_gzip = packed is not None and "gzip" in self.headers.get("Accept-Encoding", "")
        body = packed if use_gzip else raw
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(path.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Vary", "Accept-Encoding")
        if use_gzip:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, format, *args):
        if not self.quiet:
            super().log_message(format, *args)


def make_server(dist: Path, port: int = 0, verbose: bool = False) -> ThreadingHTTPServer:
    """A server for DIST on 127.0.0.1:PORT (0: any free port); call serve_forever()."""
    handler = partial(Handler, directory=str(dist))
    Handler.quiet = not verbose
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    return server
