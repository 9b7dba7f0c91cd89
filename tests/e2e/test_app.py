"""The playground itself in the built site: play, step, reset, learning rate.

These share one loaded page (see conftest.loaded_app) and run in file order,
as a student would use the controls one after another.
"""
from __future__ import annotations

import re

WAIT_MS = 30_000


def epoch(page) -> int:
    return int(page.locator(".np-epoch .np-value").inner_text().replace(",", ""))


def shown_test_loss(page) -> float:
    text = page.locator(".np-metric", has_text="Test loss").inner_text()
    return float(re.search(r"Test loss\s+([0-9.]+)", text).group(1))


def press(page, name: str) -> None:
    page.get_by_role("button", name=name).click()


def wait_until(page, condition, what: str) -> None:
    """Poll ``condition()`` (Panel's widgets live in shadow DOM, out of reach of
    page.wait_for_function) until it holds or WAIT_MS pass."""
    for _ in range(WAIT_MS // 100):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"timed out waiting for {what}")


def epoch_at_least(page, n: int) -> None:
    wait_until(page, lambda: epoch(page) >= n, f"epoch {n}")


def test_play_trains_and_pause_stops(loaded_app, results_dir):
    page = loaded_app.page
    assert epoch(page) == 0
    start_loss = shown_test_loss(page)

    press(page, "▶ Play")
    epoch_at_least(page, 100)
    press(page, "❚❚ Pause")
    page.get_by_role("button", name="▶ Play").wait_for()

    paused_at = epoch(page)
    page.wait_for_timeout(500)
    assert epoch(page) == paused_at >= 100
    assert shown_test_loss(page) < start_loss / 2
    page.screenshot(path=str(results_dir / "app-trained.png"))


def test_step_advances_exactly_one_epoch(loaded_app):
    page = loaded_app.page
    before = epoch(page)
    press(page, "Step ▸")
    epoch_at_least(page, before + 1)
    page.wait_for_timeout(300)
    assert epoch(page) == before + 1


def test_changing_the_learning_rate_keeps_the_network(loaded_app):
    page = loaded_app.page
    before = epoch(page)
    page.locator("select").first.select_option(label="0.1")
    page.wait_for_timeout(500)
    assert epoch(page) == before > 0
    press(page, "Step ▸")
    epoch_at_least(page, before + 1)


def test_reset_returns_to_epoch_zero(loaded_app):
    page = loaded_app.page
    assert epoch(page) > 0
    press(page, "↺ Reset")
    wait_until(page, lambda: epoch(page) == 0, "epoch 0")


def test_no_errors_while_using_the_app(loaded_app):
    assert loaded_app.log.console_errors() == []
    assert loaded_app.log.errors == []
    assert loaded_app.log.hosts() == {"127.0.0.1"}
