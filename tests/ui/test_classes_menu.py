"""The classes menu: offered where the data can have several classes, and a choice trains that many."""

from playground.app import PlaygroundApp
from playground.i18n import text
from playground.links import decode, encode
from playground.state import PlaygroundState
from playground.ui.controls import classes_menu
from playground.words import Words


def test_the_menu_shows_for_blobs_and_spiral_only_and_a_choice_trains_that_many_classes():
    app = PlaygroundApp(PlaygroundState(dataset="circle"))
    menu = classes_menu(app.session.state, app.words)
    state = app.session.state
    assert not menu.visible  # TF's data sets have two classes
    state.dataset = "spiral"
    assert menu.visible and menu.options == {"2": 2, "3": 3, "4": 4}
    menu.value = 4
    assert app.session.trainer.network.layer_sizes[-1] == 4 and encode(state).endswith("&classes=4")
    assert decode(encode(state))[0].class_count() == 4  # the link brings the four classes back
    for elsewhere in ({"dataset": "yours"}, {"problem": "regression"}, {"dataset": "blobs", "hidden": ["classes"]}):
        state.param.update(**elsewhere)
        assert not menu.visible, elsewhere
    state.param.update(problem="classification", dataset="blobs", hidden=[], locked=["classes"])
    assert menu.visible and menu.disabled  # a lesson may lock it


def test_your_data_keeps_two_classes_whatever_the_link_says():
    state, problems = decode("dataset=yours&classes=3")
    assert problems == [] and state.class_count() == 2
    assert PlaygroundApp(state).session.trainer.network.layer_sizes[-1] == 1


def test_the_menu_speaks_chinese():
    state = PlaygroundState(dataset="blobs", lang="zh-CN")
    menu = classes_menu(state, Words(language="zh-CN"))
    assert menu.label == text("controls.classes", "zh-CN") == "类别数"
    assert menu.description == text("controls.classes_description", "zh-CN")
