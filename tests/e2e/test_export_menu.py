"""The Export menu in the built site: every entry saves a file the browser keeps, named after the setup
and the epoch, and each file is what it says (the script runs to the loss the page shows, the network
loads back, the CSVs parse, the pictures are PNGs); a saved network loads back in its place, a
broken file changes nothing and says why in the page's language, and Escape closes the menu.

Screenshots go to test-results/export/ (the open menu in English and Chinese, the two pictures).
"""
from __future__ import annotations

import csv
import io
import json
import struct
from pathlib import Path

from playwright.sync_api import expect

from playground.export import export, load_weights
from tests.helpers.exported import run_script, trained
from tests.helpers.pages import epoch, epoch_at_least, expect_epoch, open_page, press, shown_test_loss, wait_for_state

LINK = "dataset=xor&networkShape=3&seed=0.50000&learningRate=0.1"
STEPS = 6
"""Epochs the student trains before exporting, a Step each."""
FILES = {  # entry: (file name, what it is)
    "Python script (.py)": "xor-epoch-6.py",
    "Jupyter notebook (.ipynb)": "xor-epoch-6.ipynb",
    "Network (.json)": "xor-epoch-6-network.json",
    "Data (.csv)": "xor-data.csv",
    "Loss history (.csv)": "xor-epoch-6-losses.csv",
    "Output map (.png)": "xor-epoch-6-output.png",
    "Whole playground (.png)": "xor-epoch-6-playground.png",
}


SHOTS_FOLDER = "export"
"""Where the screenshots go, in test-results/ (the ``shots`` fixture)."""


def ready(context, link: str):
    page, log = open_page(context, link)
    assert wait_for_state(page) == "ready"
    return page, log


def saved(page, entry: str, folder: Path) -> Path:
    """Click ``entry`` of the open menu and keep the file the browser saves."""
    with page.expect_download() as download:
        page.get_by_role("button", name=entry, exact=True).click()
    path = folder / download.value.suggested_filename
    download.value.save_as(path)
    return path


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_each_export_is_a_file_named_after_the_setup_that_is_what_it_says(context, base_url, shots, tmp_path):
    page, log = ready(context, f"{base_url}#{LINK}")
    for _ in range(STEPS):
        press(page, "Step ▸")
    expect_epoch(page, STEPS)
    export_button = page.get_by_role("button", name="Export ▾", exact=True)
    export_button.focus()  # by keyboard
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Python script (.py)", exact=True)).to_be_visible()
    page.screenshot(path=str(shots / "menu.png"))

    files = {entry: saved(page, entry, tmp_path) for entry in FILES}

    assert {entry: path.name for entry, path in files.items()} == FILES
    lines = run_script(files["Python script (.py)"].read_text(encoding="utf-8"), tmp_path)
    assert lines[-1].startswith("final test loss") and round(float(lines[-1].split()[-1]), 3) == shown_test_loss(page)
    notebook = json.loads(files["Jupyter notebook (.ipynb)"].read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4 and notebook["cells"]
    network = load_weights(files["Network (.json)"].read_text(encoding="utf-8"))
    assert network.epoch == STEPS and network.state().dataset == "xor"
    data = list(csv.reader(io.StringIO(files["Data (.csv)"].read_text(encoding="utf-8"))))
    assert len(data) > 100 and all(len(row) == len(data[0]) for row in data)
    losses = list(csv.DictReader(io.StringIO(files["Loss history (.csv)"].read_text(encoding="utf-8"))))
    assert int(losses[-1]["epoch"]) == STEPS and round(float(losses[-1]["test_loss"]), 3) == shown_test_loss(page)
    output_width, output_height = png_size(files["Output map (.png)"])
    whole_width, whole_height = png_size(files["Whole playground (.png)"])
    assert 250 < output_width < whole_width and 250 < output_height < whole_height
    for picture in ("Output map (.png)", "Whole playground (.png)"):
        files[picture].replace(shots / files[picture].name)
    assert log.errors == [] and log.console_errors() == []


def test_a_saved_network_loads_back_and_a_broken_file_changes_nothing(context, base_url, shots, tmp_path):
    network = tmp_path / "xor-epoch-25-network.json"
    network.write_text(export(trained(LINK, 25), "weights"), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "neural-playground network", "version": 1}', encoding="utf-8")
    page, log = ready(context, f"{base_url}#dataset=circle&networkShape=4,2&lang=zh-CN")
    page.get_by_role("button", name="导出 ▾", exact=True).click()
    loader = page.locator(".np-export-load input[type=file]")

    loader.set_input_files(str(broken))
    notice = page.locator(".np-export-notice")
    expect(notice).to_contain_text("未载入该文件，一切保持原样")
    expect(notice).to_contain_text('保存的网络中没有 "link"')  # the reason too, in the page's language
    page.screenshot(path=str(shots / "menu-zh-CN-broken-file.png"))
    expect_epoch(page, 0)
    assert "dataset=circle" in page.evaluate("location.hash")

    loader.set_input_files(str(network))
    expect_epoch(page, 25)
    page.wait_for_function("location.hash.includes('dataset=xor') && location.hash.includes('networkShape=3')")
    assert "lang=zh-CN" in page.evaluate("location.hash")  # the page's own keys stay
    trainer = trained(LINK, 25)
    shown = float(page.locator(".np-metric").first.inner_text().split()[-1])
    assert shown == round(trainer.history[-1].test_loss, 3)
    page.screenshot(path=str(shots / "loaded-zh-CN.png"))
    page.get_by_role("button", name="▶ 播放", exact=True).click()  # and it trains on from there
    epoch_at_least(page, 60)
    page.get_by_role("button", name="❚❚ 暂停", exact=True).click()
    assert epoch(page) >= 60
    page.get_by_role("button", name="导出 ▾", exact=True).click()  # the same file again: back to its epoch
    loader.set_input_files(str(network))
    expect_epoch(page, 25)
    assert log.errors == [] and log.console_errors() == []


def test_escape_closes_the_menu_and_the_keyboard_goes_on_from_the_export_button(context, base_url):
    page, log = ready(context, f"{base_url}#{LINK}")
    export_button = page.get_by_role("button", name="Export ▾", exact=True)
    first_entry = page.get_by_role("button", name="Python script (.py)", exact=True)
    export_button.focus()
    page.keyboard.press("Enter")
    expect(first_entry).to_be_visible()
    page.keyboard.press("Tab")  # into the menu
    page.keyboard.press("Escape")
    expect(first_entry).to_be_hidden()
    expect(export_button).to_be_focused()
    page.keyboard.press("Escape")  # a closed menu stays closed
    page.wait_for_timeout(300)
    expect(first_entry).to_be_hidden()
    page.keyboard.press("Enter")  # and opens again from where the focus was left
    expect(first_entry).to_be_visible()
    assert log.errors == [] and log.console_errors() == []


def test_an_embed_can_hide_the_export_menu(context, base_url):
    page, log = ready(context, f"{base_url}#{LINK}&embed=1&hide=exportMenu")
    expect(page.locator(".np-output")).to_be_visible()
    assert page.get_by_role("button", name="Export ▾", exact=True).count() == 0
    assert log.errors == []
