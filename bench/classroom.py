"""A classroom's burst: 40 students opening the site at once, served from one laptop.

    python bench/classroom.py [--dist dist] [--students 40] [--runs 3] [--bandwidth 100]

Serves DIST with sitebuild/serve.py on 127.0.0.1, in a process of its own as `build.py
serve --lan` runs it, and has every student ask at once for everything a first visit
fetches (first_visit: the page, then the rest over six keep-alive connections, as a
browser does, accepting br and gzip). Then they all come back: a second visit revalidates
every file a browser would ask about again (ETag, 304) and skips the versioned ones. Prints
the wall time for all of them, each student's median and slowest, the bytes sent, and
every failure: a status other than 200 (304 when revalidating), another encoding than the
build's brotli copy, or a body of another length than the file sent.

Loopback has none of a Wi-Fi's limits: these are the server's own figures (and this
machine's CPU, shared with the students' side). ``--bandwidth N`` sends every response
through one N Mbit/s line (serve.py's Uplink), as a laptop's Wi-Fi shared by the room.
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import queue
import re
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitebuild import lock, manifest, serve  # noqa: E402

CONNECTIONS = 6  # a browser's connections to one host over HTTP/1.1
BOOT_CONFIG = re.compile(r'<script id="boot-config" type="application/json">(.*?)</script>', re.S)
NAMED_BY_PAGE = re.compile(r'<(?:script|link)\b[^>]*?\b(?:src|href)="([^"#:]+)"|new Worker\("([^"]+)"')
NAMED_BY_SCRIPT = re.compile(r'from "\./([^"]+)"|new Worker\((?:siteUrl\()?"([^"]+)"')


def first_visit(dist: Path) -> list[str]:
    """What a browser's first visit asks for, from dist/'s page: index.html; what its head names
    (styles, scripts, preloads, the download worker); the boot configuration's downloads (the
    stdlib, the two images, the lessons); the site's scripts those import or start as workers
    (the training worker) and the training worker's wheels. Not among them: Panel's few
    stylesheets (4 kB), which Python names as it builds the app."""
    page = (dist / "index.html").read_text(encoding="utf-8")
    boot = json.loads(BOOT_CONFIG.search(page).group(1))
    files = ["index.html", *(a or b for a, b in NAMED_BY_PAGE.findall(page)),
             boot["stdlib"]["file"], boot["compiled_image"]["file"], boot["image"]["file"], *boot["lessons"],
             boot["training_wheel"]]
    for name in files:  # grows as it goes: a script's imports and workers are read in turn
        if name.endswith(".js") and "/" not in name:
            files += [a or b for a, b in NAMED_BY_SCRIPT.findall((dist / name).read_text(encoding="utf-8"))]
    wheels = lock.wheel_files(json.loads((dist / boot["lock"]).read_text(encoding="utf-8")), boot["training_packages"])
    files += [boot["pyodide_dir"] + name for name in sorted(wheels)]
    return list(dict.fromkeys(files))


def sent_as(dist: Path, name: str) -> tuple[str | None, int]:
    """The encoding and size of what the server sends for NAME to a browser accepting br and gzip."""
    copy, encoding = serve.representation(dist / name, "br, gzip")
    return encoding, copy.stat().st_size


class Student:
    """One browser: the page first, then every other file over its six connections at once."""

    def __init__(self, address: tuple[str, int], files: list[str], expected: dict, etags: dict | None = None):
        self.address, self.files, self.expected = address, files, expected
        self.etags = etags  # a second visit's: what the first was sent
        self.seen_etags: dict[str, str] = {}
        self.bytes = 0
        self.failures: list[str] = []
        self.seconds = 0.0

    def visit(self, start: threading.Barrier) -> None:
        start.wait()
        began = time.perf_counter()
        first, *rest = self.files
        self._fetch_all(_queue([first]))
        waiting = _queue(rest)
        connections = [threading.Thread(target=self._fetch_all, args=(waiting,)) for _ in range(CONNECTIONS)]
        for connection in connections:
            connection.start()
        for connection in connections:
            connection.join()
        self.seconds = time.perf_counter() - began

    def _fetch_all(self, waiting: queue.SimpleQueue) -> None:
        """On one connection, fetch files from WAITING (shared with the other connections) until none is left."""
        link = http.client.HTTPConnection(*self.address, timeout=600)
        while True:
            try:
                name = waiting.get_nowait()
            except queue.Empty:
                break
            try:
                self._fetch(link, name)
            except (OSError, http.client.HTTPException) as error:
                self.failures.append(f"{name}: {error!r}")
                link.close()
                link = http.client.HTTPConnection(*self.address, timeout=600)
        link.close()

    def _fetch(self, link: http.client.HTTPConnection, name: str) -> None:
        """One request; a second visit asks with the ETag the first one got (if it got the file)."""
        etag = self.etags.get(name) if self.etags else None
        link.request("GET", "/" + name, headers={"Accept-Encoding": "br, gzip", **({"If-None-Match": etag} if etag else {})})
        response = link.getresponse()
        body = response.read()
        self.bytes += len(body)
        if response.status == 200:
            self.seen_etags[name] = response.headers["ETag"]
        wanted = (304, None, 0) if etag else (200, *self.expected[name])
        got = (response.status, response.headers.get("Content-Encoding"), len(body))
        if got != wanted:
            self.failures.append(f"{name}: got {got}, expected {wanted}")


def _queue(names: list[str]) -> queue.SimpleQueue:
    waiting = queue.SimpleQueue()
    for name in names:
        waiting.put(name)
    return waiting


def _serve(dist: Path, bandwidth: float | None, port: multiprocessing.Queue) -> None:
    server = serve.make_server(dist, 0, uplink_mbit=bandwidth)
    port.put(server.server_address[1])
    server.serve_forever()


def run_class(address, students: int, files: list[str], expected: dict, etags: list | None = None) -> list[Student]:
    """Every student's visit at once; returns them when the last one has everything."""
    room = [Student(address, files, expected, etags[i] if etags else None) for i in range(students)]
    start = threading.Barrier(students)
    threads = [threading.Thread(target=student.visit, args=(start,)) for student in room]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return room


def report(label: str, room: list[Student], wall_s: float) -> None:
    times = [student.seconds for student in room]
    failures = [failure for student in room for failure in student.failures]
    sent = sum(student.bytes for student in room)
    print(f"  {label:28s} all {len(room)}: {wall_s:6.2f} s   each: median {statistics.median(times):5.2f} s, "
          f"slowest {max(times):5.2f} s   sent {sent / 1e6:7.1f} MB ({sent / 1e6 / wall_s:6.0f} MB/s)   "
          f"failures {len(failures)}")
    for failure in failures[:10]:
        print(f"    {failure}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bandwidth", type=float, help="serve through one line of this many Mbit/s (the room's Wi-Fi)")
    args = parser.parse_args(argv)
    if manifest.check(args.dist):
        print(f"{args.dist} is not a valid build: run python build.py", file=sys.stderr)
        return 1
    files = first_visit(args.dist)
    expected = {name: sent_as(args.dist, name) for name in files}
    revalidated = [name for name in files if serve.cache_control(name) == serve.REVALIDATE]
    print(f"a first visit: {len(files)} files, {sum(size for _, size in expected.values()) / 1e6:.1f} MB as sent "
          f"(brotli where the build made a copy); a second asks again about {len(revalidated)} of them")
    port = multiprocessing.Queue()
    server = multiprocessing.Process(target=_serve, args=(args.dist, args.bandwidth, port), daemon=True)
    server.start()
    address = ("127.0.0.1", port.get(timeout=60))
    line = f"one {args.bandwidth:g} Mbit/s line" if args.bandwidth else "loopback"
    print(f"{args.students} students at once, {CONNECTIONS} connections each, served on {line} by a process of its own")
    try:
        for run in range(args.runs):
            print(f"run {run + 1}")
            began = time.perf_counter()
            room = run_class(address, args.students, files, expected)
            report("first visit", room, time.perf_counter() - began)
            began = time.perf_counter()
            again = run_class(address, args.students, revalidated, expected,
                              [student.seen_etags for student in room])
            report("second visit (revalidated)", again, time.perf_counter() - began)
    finally:
        server.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
