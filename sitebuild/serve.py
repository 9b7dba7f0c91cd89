"""Serve dist/ to one browser or a classroom: right MIME types, the build's compressed copies,
caching by whether an address can change, ranges.

Browsers insist on application/wasm for streaming compilation and on a JavaScript type
for module scripts. A file with compressed copies beside it (sitebuild/precompress.py)
is sent as the brotli copy when the browser accepts br, else the gzip one, else as it
is: nothing is compressed here. Every response carries an ETag (the sent bytes' sha256),
so a revalidation costs a 304. A file under a folder named by its version (BokehJS and
Panel's files, static/bokeh/3.10.2/, copied from the pinned wheels by sitebuild/assets.py)
can never change at its address: browsers keep it a year without asking. Everything
else (the page, the runtime, the images, our wheel: a rebuild changes them in place)
says Cache-Control: no-cache, so a rebuild is never masked by a stale cache. A Range (one
range of the bytes sent) lets a browser resume a broken download.

Made for a classroom's burst, 40 students loading at once: a thread per connection, a
listen queue long enough for all their connections at once, each file read and hashed
once and then sent from memory, no Nagle delay between a small response's headers and
body, and no line per request unless asked for.
"""
from __future__ import annotations

import hashlib
import re
import sys
import threading
import time
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from .precompress import ENCODINGS

TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
         ".json": "application/json", ".whl": "application/zip", ".zip": "application/zip",
         ".svg": "image/svg+xml", ".css": "text/css", ".html": "text/html; charset=utf-8",
         ".py": "text/x-python", ".ico": "image/x-icon", ".woff2": "font/woff2",
         ".md": "text/markdown; charset=utf-8",
         ".png": "image/png", ".webmanifest": "application/manifest+json",
         ".img": "application/octet-stream"}  # the package images (sitebuild/site_image.py)
HTML = TYPES[".html"]

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
VERSIONED = re.compile(r"(^|/)\d+(\.\d+)+/")  # a folder named by a version: static/panel/1.10.0/
RANGE = re.compile(r"bytes=(\d*)-(\d*)")


def cache_control(relative: str) -> str:
    """How long a browser may keep the file at RELATIVE (its path in dist/) without asking again."""
    return IMMUTABLE if VERSIONED.search(relative) else REVALIDATE


class Resource(NamedTuple):
    """What a response sends: the bytes, their ETag, and its headers' values."""

    body: bytes
    etag: str
    content_type: str
    encoding: str | None
    cache_control: str


def _etag(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


def page(html: str) -> Resource:
    """A page the server makes itself (the classroom's /join page), revalidated as dist/'s page is."""
    body = html.encode()
    return Resource(body, _etag(body), HTML, None, REVALIDATE)


class _Cache:
    """(path, mtime, size) -> (etag, bytes): each file is read and hashed once, by one thread
    (the other 39 students' requests wait for it rather than reading it again)."""

    def __init__(self):
        self.entries: dict = {}
        self.lock = threading.Lock()

    def get(self, path: Path) -> tuple[str, bytes]:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        with self.lock:
            if key not in self.entries:
                data = path.read_bytes()
                self.entries[key] = (_etag(data), data)
            return self.entries[key]


def representation(path: Path, accept_encoding: str) -> tuple[Path, str | None]:
    """The file to send for PATH and its Content-Encoding, given the browser's Accept-Encoding."""
    accepted = {part.split(";")[0].strip() for part in accept_encoding.split(",")}
    for suffix, encoding in ENCODINGS.items():
        copy = path.with_name(path.name + suffix)
        if encoding in accepted and copy.is_file():
            return copy, encoding
    return path, None


def matches(if_none_match: str | None, etag: str) -> bool:
    """Does an If-None-Match header name ETAG (or any, "*")? Weak tags compare by their value."""
    if not if_none_match:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in tags or etag in tags


class Unsatisfiable(ValueError):
    """A Range that asks for nothing the body has: 416."""


def requested_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The first and last byte that a Range header asks of a SIZE-byte body, or None for the whole
    body: no Range, or one not served (several ranges, another unit, a malformed one), which
    RFC 9110 lets a server ignore. Raises Unsatisfiable when it asks for no byte the body has."""
    found = RANGE.fullmatch(header.strip()) if header else None
    if not found or found.groups() == ("", ""):
        return None
    first, last = found.groups()
    if not first:  # bytes=-N: the last N bytes
        if int(last) == 0 or size == 0:
            raise Unsatisfiable(header)
        return max(0, size - int(last)), size - 1
    if last and int(last) < int(first):
        return None
    if int(first) >= size:
        raise Unsatisfiable(header)
    return int(first), min(int(last), size - 1) if last else size - 1


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
    # HTTP/1.1: keep-alive for the ~50 requests of a load, and Chromium keeps
    # no-cache responses for revalidation (it did not for our HTTP/1.0 ones).
    protocol_version = "HTTP/1.1"
    # A response's headers and body are two writes: the body goes out without waiting for the
    # client to acknowledge the headers (Nagle's algorithm).
    disable_nagle_algorithm = True
    cache = _Cache()

    def do_GET(self):
        self._respond(head=False)

    def do_HEAD(self):
        self._respond(head=True)

    def _respond(self, head: bool):
        self.server.note_device(self.client_address[0])
        resource = self._resource()
        if resource is None:
            self.send_error(404, "Not found")
            return
        if matches(self.headers.get("If-None-Match"), resource.etag):
            self.send_response(304)
            self._validators(resource)
            self.end_headers()
            return
        body = memoryview(resource.body)
        if_range = self.headers.get("If-Range")
        try:
            span = requested_range(self.headers.get("Range"), len(body)) if if_range in (None, resource.etag) else None
        except Unsatisfiable:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{len(body)}")
            self.send_header("Content-Length", "0")
            self._validators(resource)
            self.end_headers()
            return
        if span:
            first, last = span
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {first}-{last}/{len(body)}")
            body = body[first:last + 1]
        else:
            self.send_response(200)
        self.send_header("Content-Type", resource.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        if resource.encoding:
            self.send_header("Content-Encoding", resource.encoding)
        self._validators(resource)
        self.end_headers()
        if head:
            return
        if self.server.uplink:
            self.server.uplink.send(self.wfile, body)
        else:
            self.wfile.write(body)

    def _resource(self) -> Resource | None:
        """What this request's path names: a page the server made, or a file of dist/ as the
        browser accepts it; None if neither."""
        made = self.server.pages.get(urlsplit(self.path).path)
        if made:
            return made
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return None
        sent, encoding = representation(path, self.headers.get("Accept-Encoding", ""))
        etag, body = self.cache.get(sent)
        relative = path.relative_to(self.directory).as_posix()
        return Resource(body, etag, TYPES.get(path.suffix, "application/octet-stream"), encoding,
                        cache_control(relative))

    def _validators(self, resource: Resource) -> None:
        """The headers a 200, a 206, a 304 and a 416 share: how to cache what was asked for."""
        self.send_header("ETag", resource.etag)
        self.send_header("Cache-Control", resource.cache_control)
        self.send_header("Vary", "Accept-Encoding")

    def log_message(self, format, *args):
        if not self.server.quiet:
            super().log_message(format, *args)


class _Server(ThreadingHTTPServer):
    """Each server's own settings, which its handlers read (two may run in one process)."""

    daemon_threads = True
    # Connections waiting to be accepted: a browser opens six at once, so a room of 40 opens 240
    # (with socketserver's 5, the rest were dropped and tried again a second later).
    request_queue_size = 512
    quiet = True
    uplink: Uplink | None = None
    pages: dict[str, Resource] = {}
    on_new_device: Callable[[str, int], None] | None = None

    def note_device(self, address: str) -> None:
        """Tell on_new_device (if set) the first time ADDRESS asks for anything, with how many
        devices have come: a teacher sees the room arrive, one line a device, not one a request."""
        if self.on_new_device is None:
            return
        with self.devices_lock:
            if address in self.devices:
                return
            self.devices.add(address)
            count = len(self.devices)
        self.on_new_device(address, count)

    def handle_error(self, request, client_address):
        """A browser that drops a response it no longer needs (a reload, a closed tab) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(dist: Path, port: int = 0, verbose: bool = False, uplink_mbit: float | None = None,
                host: str = "127.0.0.1", pages: dict[str, Resource] | None = None,
                on_new_device: Callable[[str, int], None] | None = None) -> ThreadingHTTPServer:
    """A server for DIST on HOST:PORT (0: any free port), its responses through a line of
    UPLINK_MBIT if given, with PAGES (URL path -> page()) beside dist/'s files; call serve_forever().
    VERBOSE logs every request; ON_NEW_DEVICE(address, count) hears of each new client."""
    server = _Server((host, port), partial(Handler, directory=str(dist)))
    server.quiet = not verbose
    server.uplink = Uplink(uplink_mbit) if uplink_mbit else None
    server.pages = dict(pages or {})
    server.on_new_device = on_new_device
    server.devices, server.devices_lock = set(), threading.Lock()
    return server
