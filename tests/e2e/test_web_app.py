"""The site as an installed app (sitebuild/web_app.py) and, over plain http on a classroom's LAN,
as a site without a service worker that still works."""
from __future__ import annotations

import pytest

from sitebuild import browser
from tests.helpers.pages import epoch_at_least, open_page, press, wait_for_state

# How far, on average over its pixels and channels (0-255), each PNG icon is from the favicon as
# the browser draws it at the same size.
ICON_DIFFERENCE = """async ([svg, png, size]) => {
  const pixels = async (src) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    const canvas = new OffscreenCanvas(size, size);
    canvas.getContext("2d").drawImage(image, 0, 0, size, size);
    return { natural: image.naturalWidth, data: canvas.getContext("2d").getImageData(0, 0, size, size).data };
  };
  const [drawn, shipped] = await Promise.all([pixels(svg), pixels(png)]);
  let total = 0;
  for (let i = 0; i < drawn.data.length; i++) total += Math.abs(drawn.data[i] - shipped.data[i]);
  return { natural: shipped.natural, mean: total / drawn.data.length };
}"""


@pytest.fixture()
def installing_profile(playwright, tmp_path):
    """A browser on a profile of its own: Chromium installs no app from an incognito one."""
    context = browser.launch_profile(playwright, str(tmp_path / "profile"))
    yield context
    context.close()


def test_the_browser_can_install_the_site_as_an_app_with_the_favicon_as_icon(installing_profile, base_url, results_dir):
    page, log = open_page(installing_profile, base_url)
    assert wait_for_state(page) == "ready"
    page.evaluate("navigator.serviceWorker.ready")
    cdp = installing_profile.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == [] and manifest["url"] == base_url + "app.webmanifest"
    for size in (192, 512):
        icon = page.evaluate(ICON_DIFFERENCE, ["favicon.svg", f"icon-{size}.png", size])
        assert icon["natural"] == size and icon["mean"] < 2, icon
    assert log.console_errors() == [] and log.errors == []
    page.goto(base_url + "icon-512.png")  # for a look (the image alone asks for /favicon.ico: 404)
    page.screenshot(path=str(results_dir / "app-icon-512.png"))


@pytest.fixture()
def classroom_lan_browser(playwright):
    """A browser that reaches the test server by a name, as a student's reaches the teacher's laptop:
    plain http to a host that is not this machine is no secure context (no service worker, no
    Cache Storage). The name still leads to 127.0.0.1."""
    instance = browser.launch(playwright, ["--host-resolver-rules=MAP classroom.test 127.0.0.1"])
    yield instance
    instance.close()


def test_over_plain_http_on_a_lan_the_site_works_without_a_service_worker(classroom_lan_browser, base_url):
    context = classroom_lan_browser.new_context(viewport={"width": 1280, "height": 900})
    url = base_url.replace("127.0.0.1", "classroom.test")
    for visit in (1, 2):
        page, log = open_page(context, url)
        assert wait_for_state(page) == "ready", f"visit {visit}"
        assert page.evaluate("[window.isSecureContext, 'serviceWorker' in navigator]") == [False, False]
        press(page, "▶ Play")
        epoch_at_least(page, 20)
        press(page, "❚❚ Pause")
        assert log.console_errors() == [] and log.errors == []
        page.close()
    context.close()
