"""Headless Chromium for the end-to-end tests and the site benchmark.

Which browser: $PLAYGROUND_CHROMIUM if set, else the system's Chromium (Debian's
/usr/bin/chromium), else Playwright's own download if one is installed. Every launch
is headless with a fresh profile and the flags that keep Chromium from calling home
(on a closed network those calls fail noisily and can stall start-up).
"""
from __future__ import annotations

import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    """The Chromium binary to use, or None for Playwright's own."""
    for candidate in (os.environ.get("PLAYGROUND_CHROMIUM"), shutil.which("chromium"),
                      "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def launch(playwright, extra_args: list[str] = ()):
    """A headless Chromium; each browser.new_context() is a fresh, empty profile."""
    return playwright.chromium.launch(executable_path=chromium_path(), headless=True,
                                      args=FLAGS + list(extra_args))


def launch_profile(playwright, user_data_dir: str):
    """A headless Chromium on its own profile directory (disk cache, like a real user)."""
    return playwright.chromium.launch_persistent_context(
        user_data_dir, executable_path=chromium_path(), headless=True, args=FLAGS,
        viewport={"width": 1280, "height": 900})


@contextmanager
def serving(dist: Path, uplink_mbit: float | None = None):
    """Serve DIST on a free 127.0.0.1 port in a thread (through a line of UPLINK_MBIT if
    given, sitebuild/serve.py); yields the base URL."""
    from .serve import make_server

    server = make_server(dist, 0, uplink_mbit=uplink_mbit)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
