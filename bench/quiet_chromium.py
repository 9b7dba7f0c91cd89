"""A headless Chromium driven over the DevTools protocol without its Network domain, for reading a
tab's memory as a student's tab holds it.

Playwright enables the Network domain in every page and worker it attaches to, and Chromium then
keeps each response body the tab fetches (as base64, up to its 10–20 MB a file) for the DevTools
client to ask for: the runtime, the stdlib and numpy's image, twice over with the training worker,
about 48 MB of the renderer's memory that no student's tab holds (bench/RESULTS.md). Here no domain
is enabled but the few a reading needs (Runtime, Performance, HeapProfiler, Target).
"""
from __future__ import annotations

import itertools
import json
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import websocket

from sitebuild import browser


class Session:
    """One DevTools connection to a page, and any worker it starts (auto-attached, flat sessions)."""

    def __init__(self, socket_url: str):
        self.socket = websocket.create_connection(socket_url, timeout=300, suppress_origin=True)
        self.ids = itertools.count(1)
        self.workers: dict[str, str] = {}  # session id → the worker's URL

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Send a command and wait for its result (events met meanwhile note the workers attached)."""
        message_id = next(self.ids)
        message = {"id": message_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv())
            if reply.get("method") == "Target.attachedToTarget":
                self.workers[reply["params"]["sessionId"]] = reply["params"]["targetInfo"]["url"]
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply["result"]

    def evaluate(self, expression: str, session: str | None = None):
        """The value of EXPRESSION (awaited if a promise), in the page or in a worker's SESSION."""
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True}, session)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}…: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def worker(self, url_part: str) -> str | None:
        """The session of the attached worker whose URL contains URL_PART, if any."""
        self.send("Runtime.evaluate", {"expression": "0"})  # takes in the attach events sent so far
        return next((session for session, url in self.workers.items() if url_part in url), None)


@contextmanager
def tab(profile: str, url: str):
    """A headless Chromium on PROFILE showing URL, and a Session on its page."""
    process = subprocess.Popen([browser.chromium_path(), "--headless", *browser.FLAGS, f"--user-data-dir={profile}",
                                "--remote-debugging-port=0", "--window-size=1280,900", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = Path(profile) / "DevToolsActivePort"
        for _ in range(300):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as response:
            target = next(t for t in json.load(response) if t["type"] == "page")
        session = Session(target["webSocketDebuggerUrl"])
        session.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": True})
        session.send("Page.navigate", {"url": url})
        try:
            yield session
        finally:
            session.socket.close()
    finally:
        process.terminate()
        process.wait()
