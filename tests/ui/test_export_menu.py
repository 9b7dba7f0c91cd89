"""The Export menu: made when first opened, each file named after the setup and the epoch, a saved
network loaded back in its place, a bad file changing nothing."""

import json
import subprocess
import sys

import numpy as np

from playground.app import PlaygroundApp
from playground.links import decode
from playground.state import PlaygroundState
from playground.ui.export_menu import FILES, PICTURES

LINK = "dataset=xor&networkShape=3&seed=0.50000&learningRate=0.1"


def app_at(epochs: int, link: str = LINK, **page) -> PlaygroundApp:
    state, warnings = decode(link)
    assert warnings == []
    state.param.update(**page)
    app = PlaygroundApp(state)
    app.layout()
    app.session.trainer.step(epochs)
    return app


def test_the_menu_is_made_when_first_opened_and_imports_the_exports_only_then():
    code = ("import sys; from playground.app import create_app; create_app('');"
            "print('playground.export' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split()[-1] == "False", result.stderr
    menu = app_at(0).exports
    assert menu.menu.objects == [] and not menu.menu.visible
    menu.toggle()
    assert menu.menu.visible and len(menu.menu.objects) == len(FILES) + len(PICTURES) + 3
    menu.toggle()
    assert not menu.menu.visible


def test_each_file_is_the_exports_text_named_after_the_setup_and_the_epoch():
    app = app_at(12)
    app.exports.toggle()
    names = {}
    for format in FILES:
        name, text = app.exports.file(format)
        names[format] = name
        assert text
    assert names == {"script": "xor-epoch-12.py", "notebook": "xor-epoch-12.ipynb",
                     "weights": "xor-epoch-12-network.json", "data": "xor-data.csv",
                     "losses": "xor-epoch-12-losses.csv"}
    download = app.exports.menu.objects[FILES.index("losses")]
    download._clicks += 1  # what a click sends
    assert download.filename == "xor-epoch-12-losses.csv" and download.data.startswith("data:text/")


def test_a_picture_is_asked_of_the_browser_by_name_and_a_click_again_is_asked_again():
    app = app_at(3)
    app.exports.toggle()
    app.exports.save_picture("playground")
    app.exports.save_picture("playground")
    request = json.loads(app.exports.picture_request.value)
    assert request == {"picture": "playground", "count": 2, "name": "xor-epoch-3-playground.png"}


def test_a_diverged_network_is_not_exported_and_the_menu_says_why():
    app = app_at(2)
    app.exports.toggle()
    app.session.trainer.network.weights[0][0, 0] = np.inf
    assert app.exports.file("weights") is None
    assert app.exports.notice.visible and "Not exported:" in app.exports.notice.object
    download = app.exports.menu.objects[FILES.index("weights")]
    download._clicks += 1
    assert download.data is None  # nothing saved


def test_a_saved_network_loads_back_at_its_epoch_with_its_weights_and_setup():
    saved = app_at(25)
    saved.exports.toggle()
    _, text = saved.exports.file("weights")
    app = app_at(0, "dataset=circle&networkShape=4,2", lang="zh-CN")
    app.exports.toggle()
    addresses = []
    app.session.state.param.watch(lambda event: addresses.append(app.address()), "dataset")

    app.exports.load(text.encode())

    trainer = app.session.trainer
    assert trainer.epoch == 25 and app.session.state.dataset == "xor" and app.session.state.networkShape == [3]
    for loaded, trained in zip(trainer.network.weights, saved.session.trainer.network.weights):
        np.testing.assert_array_equal(loaded, trained)
    assert app.session.state.lang == "zh-CN" and not app.exports.menu.visible
    assert "dataset=xor" in app.address() and addresses
    assert app.epoch.object.endswith("<div class='np-value'>000,025</div>")  # redrawn
    trainer.step(5)  # and it trains on as the saved one would
    saved.session.trainer.step(5)
    assert trainer.history[-1].test_loss == saved.session.trainer.history[-1].test_loss


def test_a_bad_file_changes_nothing_and_the_notice_says_what_is_wrong():
    app = app_at(4)
    app.exports.toggle()
    trainer = app.session.trainer
    for content, said in ((b"{not json", "not JSON"), (b'{"format": "something else"}', "format"),
                          (b"\xff\xfe", "it is not a text file")):
        app.exports.load(content)
        assert app.session.trainer is trainer and trainer.epoch == 4
        assert app.exports.notice.visible and said in app.exports.notice.object
        assert app.exports.notice.object.startswith("That file was not loaded, and nothing changed:")


def test_why_a_file_was_not_loaded_is_said_in_the_pages_language():
    app = app_at(1, lang="zh-CN")
    app.exports.toggle()
    for content, said in ((b"{not json", "它不是 JSON"), (b'{"format": "something else"}', "它不是保存的网络"),
                          (b"\xff\xfe", "它不是文本文件")):
        app.exports.load(content)
        assert app.exports.notice.object.startswith(f"未载入该文件，一切保持原样：{said}")


def saved_network(link: str, epochs: int) -> bytes:
    saved = app_at(epochs, link)
    saved.exports.toggle()
    return saved.exports.file("weights")[1].encode()


def test_a_network_that_would_change_a_locked_or_hidden_setting_is_refused_by_its_name():
    app = app_at(3, LINK + "&activation=relu", locked=["activation", "dataset"], hidden=["learningRate"])
    app.exports.toggle()
    trainer = app.session.trainer

    app.exports.load(saved_network("dataset=circle&networkShape=3&seed=0.50000&learningRate=0.03", 4))

    assert app.session.trainer is trainer and app.session.state.activation == "relu"
    assert app.exports.notice.object == ("That file was not loaded, and nothing changed: its settings differ in "
                                         "what this page keeps fixed: Activation, Data sets, Learning rate")
    app.exports.load(saved_network(LINK + "&activation=relu&noise=20", 6))  # only free settings differ: loaded
    assert app.session.trainer.epoch == 6 and app.session.state.noise == 20 and not app.exports.notice.visible


def test_the_same_file_chosen_again_loads_again():
    app = app_at(0)
    app.exports.toggle()
    text = saved_network(LINK, 9)
    app.exports.loader.value = text
    app.session.trainer.step(3)
    app.exports.loader.value = None  # what the page sends once the file is read (forget_file.js)
    assert app.session.trainer.epoch == 12 and not app.exports.notice.visible
    app.exports.toggle()
    app.exports.loader.value = text
    assert app.session.trainer.epoch == 9 and not app.exports.menu.visible


def test_the_menu_speaks_chinese_and_a_link_can_hide_it():
    app = app_at(0, LINK + "&hide=exportMenu", lang="zh-CN")
    root = app.exports.__panel__().get_root()
    buttons = [model for model in root.references() if "np-export-button" in getattr(model, "css_classes", [])]
    assert [button.label for button in buttons] == ["导出 ▾"]
    assert not app.exports.__panel__().visible
    assert "exportMenu" in PlaygroundState().param.hidden.objects

