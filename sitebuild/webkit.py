"""WebKitGTK, Safari's engine, for the smoke test of other browsers.

Debian's webkit2gtk-driver (WebKitWebDriver) drives its MiniBrowser in automation mode
over classic WebDriver, through Selenium. MiniBrowser needs an X display: a private Xvfb
is started unless $DISPLAY names one. Classic WebDriver does not report the page's console,
so a listener put in after the page's load records errors from then on; what goes wrong
before it shows on the page's own error screens.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

from .driven_page import DrivenPage

MINIBROWSER = "/usr/lib/*/webkit2gtk-4.*/MiniBrowser"

# Records uncaught errors, rejections and console errors in window.pageErrors.
RECORD_ERRORS_JS = """
if (!window.pageErrors) {
  window.pageErrors = [];
  const error = console.error.bind(console);
  console.error = (...parts) => { window.pageErrors.push("console: " + parts.join(" ")); error(...parts); };
  addEventListener("error", (event) => window.pageErrors.push("javascript: " + event.message));
  addEventListener("unhandledrejection", (event) => window.pageErrors.push("javascript: " + event.reason));
}
"""


def minibrowser_path() -> str | None:
    found = sorted(glob.glob(MINIBROWSER))
    return found[-1] if found else None


def missing() -> str | None:
    """Why WebKitGTK cannot be driven here, or None."""
    if not shutil.which("WebKitWebDriver") or not minibrowser_path():
        return "no WebKitGTK driver (apt-get install webkit2gtk-driver)"
    if not os.environ.get("DISPLAY") and not shutil.which("Xvfb"):
        return "no X display for MiniBrowser (apt-get install xvfb)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "no Selenium (pip install '.[test]')"
    return None


class WebKitPage(DrivenPage):
    """MiniBrowser's one tab, through Selenium."""

    engine = "WebKitGTK"

    def __init__(self, driver):
        self.driver = driver
        self.version = driver.capabilities["browserVersion"]
        driver.set_window_size(self.VIEWPORT["width"], self.VIEWPORT["height"])
        driver.set_script_timeout(120)

    def open(self, url: str) -> None:
        self.driver.get(url)
        self.driver.execute_script(RECORD_ERRORS_JS)

    def run(self, body: str):
        import json

        return json.loads(self.driver.execute_script(f"return {self.as_json_expression(body)}"))

    def click(self, element: str) -> None:
        from selenium.webdriver.common.actions.action_builder import ActionBuilder

        x, y = self.run(self.center_of(element))
        actions = ActionBuilder(self.driver)
        actions.pointer_action.move_to_location(x, y).click()
        actions.perform()

    def screenshot(self, path: Path) -> None:
        self.driver.save_screenshot(str(path))

    def errors(self) -> list[str]:
        return self.driver.execute_script("return window.pageErrors || []")


@contextmanager
def launch():
    """MiniBrowser under WebKitWebDriver, on a private Xvfb unless $DISPLAY is set; yields its WebKitPage."""
    from selenium import webdriver

    with _display() as display:
        options = webdriver.WebKitGTKOptions()
        options.binary_location = minibrowser_path()
        options.add_argument("--automation")
        service = webdriver.WebKitGTKService(executable_path=shutil.which("WebKitWebDriver"),
                                             env={**os.environ, "DISPLAY": display})
        driver = webdriver.WebKitGTK(options=options, service=service)
        try:
            yield WebKitPage(driver)
        finally:
            driver.quit()


@contextmanager
def _display():
    """$DISPLAY, or a private Xvfb's for as long as the context lasts."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as announced:
        number = announced.readline().strip()
    try:
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)
