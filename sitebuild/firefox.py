"""Firefox for the smoke test of other browsers, driven over WebDriver BiDi.

Firefox speaks WebDriver BiDi itself (its Remote Agent, on --remote-debugging-port), so
no geckodriver is needed, and Debian packages none. This is the little of the protocol
the smoke test uses, over one WebSocket (websocket-client). The Remote Agent sets the
preferences that keep an automated Firefox off the network (updates, telemetry, safe
browsing). Which Firefox: $PLAYGROUND_FIREFOX, else the system's firefox-esr or firefox.
"""
from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from .driven_page import DrivenPage

LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")


def firefox_path() -> str | None:
    for candidate in (os.environ.get("PLAYGROUND_FIREFOX"), shutil.which("firefox-esr"), shutil.which("firefox")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def missing() -> str | None:
    """Why Firefox cannot be driven here, or None."""
    if not firefox_path():
        return "no Firefox (apt-get install firefox-esr, or set PLAYGROUND_FIREFOX)"
    try:
        import websocket  # noqa: F401
    except ImportError:
        return "no websocket-client (pip install '.[test]')"
    return None


class BiDiError(RuntimeError):
    pass


class Session:
    """One BiDi session: commands answered in order, events kept until read."""

    def __init__(self, url: str, timeout_s: float):
        import websocket

        self.socket = websocket.create_connection(f"{url}/session", timeout=timeout_s, suppress_origin=True)
        self.events: list[dict] = []
        self._ids = 0
        self.capabilities = self.send("session.new", capabilities={})["capabilities"]

    def send(self, method: str, **params):
        self._ids += 1
        self.socket.send(json.dumps({"id": self._ids, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("type") == "event":
                self.events.append(message)
            elif message.get("id") == self._ids:
                if message["type"] == "error":
                    raise BiDiError(f"{method}: {message['error']}: {message.get('message')}")
                return message["result"]

    def close(self) -> None:
        try:
            self.send("session.end")
        finally:
            self.socket.close()


class FirefoxPage(DrivenPage):
    """The one tab of a headless Firefox."""

    engine = "Firefox"

    def __init__(self, session: Session):
        self.session = session
        self.version = session.capabilities["browserVersion"]
        self.context = session.send("browsingContext.getTree")["contexts"][0]["context"]
        session.send("browsingContext.setViewport", context=self.context, viewport=self.VIEWPORT)
        session.send("session.subscribe", events=["log.entryAdded"])

    def open(self, url: str) -> None:
        self.session.send("browsingContext.navigate", context=self.context, url=url, wait="complete")

    def run(self, body: str):
        result = self.session.send("script.evaluate", expression=self.as_json_expression(body),
                                   target={"context": self.context}, awaitPromise=True)
        if result["type"] == "exception":
            raise BiDiError(result["exceptionDetails"]["text"])
        return json.loads(result["result"]["value"])

    def click(self, element: str) -> None:
        x, y = self.run(self.center_of(element))
        self.session.send("input.performActions", context=self.context, actions=[{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "x": x, "y": y},
                        {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}])

    def screenshot(self, path: Path) -> None:
        data = self.session.send("browsingContext.captureScreenshot", context=self.context)["data"]
        path.write_bytes(base64.b64decode(data))

    def errors(self) -> list[str]:
        self.session.send("session.status")  # takes in the events sent so far
        return [f"{entry['params']['type']}: {entry['params'].get('text')}" for entry in self.session.events
                if entry["method"] == "log.entryAdded" and entry["params"]["level"] == "error"]


@contextmanager
def launch(timeout_s: float = 180):
    """A headless Firefox on a fresh profile; yields its FirefoxPage."""
    with tempfile.TemporaryDirectory(prefix="playground-firefox-") as folder:
        profile, log = Path(folder, "profile"), Path(folder, "firefox.log")
        profile.mkdir()
        with log.open("w") as output:
            process = subprocess.Popen(
                [firefox_path(), "--headless", "--no-remote", "--profile", str(profile), "--remote-debugging-port", "0"],
                stdout=output, stderr=output)
        try:
            url = _listening_address(process, log, timeout_s)
            session = Session(url, timeout_s)
            try:
                yield FirefoxPage(session)
            finally:
                session.close()
        finally:
            process.terminate()
            process.wait(timeout=30)


def _listening_address(process: subprocess.Popen, log: Path, timeout_s: float) -> str:
    """The BiDi address Firefox writes in its log once its Remote Agent listens."""
    deadline = time.monotonic() + timeout_s
    while process.poll() is None and time.monotonic() < deadline:
        found = LISTENING.search(log.read_text(errors="replace"))
        if found:
            return found.group(1)
        time.sleep(0.1)
    raise BiDiError("Firefox did not listen for WebDriver BiDi:\n" + log.read_text(errors="replace")[-2000:])
