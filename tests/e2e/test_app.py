"""The playground itself in the built site: play, step, reset, learning rate.

The tests that take ``app`` share one loaded page and leave it as they found it (see
conftest.app), so each passes alone and in any order; the others open pages of their own.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.helpers.pages import (EPOCH, WAIT_MS, epoch, epoch_at_least, expect_epoch, open_page, press,
                                 shown_test_loss, touch_screen, wait_for_address, wait_for_state, wait_until)


def checkbox(page, label: str):
    """Bokeh draws a checkbox as <input> beside a <div> label (no <label> element)."""
    boxes = page.locator("input[type=checkbox]")
    for index in range(boxes.count()):
        if boxes.nth(index).evaluate("e => e.nextElementSibling?.textContent") == label:
            return boxes.nth(index)
    raise AssertionError(f"no checkbox labelled {label!r}")


def test_play_trains_and_pause_stops(app, results_dir):
    page = app.page
    start_loss = shown_test_loss(page)

    press(page, "▶ Play")
    epoch_at_least(page, 100)
    press(page, "❚❚ Pause")
    expect(page.get_by_role("button", name="▶ Play")).to_be_visible()

    paused_at = epoch(page)
    page.wait_for_timeout(500)  # the behaviour under test: no epoch comes while paused
    assert epoch(page) == paused_at >= 100
    assert shown_test_loss(page) < start_loss / 2
    page.screenshot(path=str(results_dir / "app-trained.png"))
    press(page, "↺ Reset")


def test_step_advances_exactly_one_epoch(app):
    page = app.page
    press(page, "Step ▸")
    expect_epoch(page, 1)
    page.wait_for_timeout(300)  # the behaviour under test: no second epoch follows
    assert epoch(page) == 1
    press(page, "↺ Reset")


def test_changing_the_learning_rate_keeps_the_network(app):
    page = app.page
    press(page, "Step ▸")
    expect_epoch(page, 1)
    page.get_by_label("Learning rate", exact=True).select_option(label="0.1")
    wait_for_address(page, "learningRate=0.1&")
    page.wait_for_timeout(300)  # the behaviour under test: no reset follows the new rate
    assert epoch(page) == 1
    press(page, "Step ▸")
    expect_epoch(page, 2)
    page.get_by_label("Learning rate", exact=True).select_option(label="0.03")
    press(page, "↺ Reset")


def test_reset_returns_to_epoch_zero(app):
    page = app.page
    press(page, "Step ▸")
    expect_epoch(page, 1)
    press(page, "↺ Reset")
    expect_epoch(page, 0)


def test_the_address_follows_the_state_and_data_changes_reset(app):
    page = app.page
    press(page, "Step ▸")
    expect_epoch(page, 1)
    page.get_by_label("Regularization", exact=True).select_option(label="L2")
    expect_epoch(page, 0)  # a reset
    assert "regularization=L2" in page.evaluate("location.hash")
    page.get_by_label("Regularization", exact=True).select_option(label="None")


def test_a_tf_playground_link_opens_its_configuration(context, base_url, results_dir):
    link = ("#activation=relu&dataset=xor&learningRate=0.1&networkShape=3&x=false&y=false&xTimesY=true"
            "&showTestData=true&noSuchKey=1")
    page, log = open_page(context, base_url + link)
    assert wait_for_state(page) == "ready"
    assert page.get_by_label("Learning rate", exact=True).input_value() == "0.1"
    assert page.get_by_label("Activation", exact=True).input_value() == "ReLU"  # the option shown
    assert checkbox(page, "Show test data").is_checked()
    assert not checkbox(page, "Discretize output").is_checked()
    assert page.get_by_text(re.compile("ignored: unknown key 'noSuchKey'")).is_visible()
    address = page.evaluate("location.hash")
    assert "networkShape=3&" in address and "xTimesY=true" in address and "noSuchKey" not in address
    page.screenshot(path=str(results_dir / "app-tf-link.png"))
    assert log.console_errors() == [] and log.errors == []


# Links as teachers' pages carry them: TF Playground writes every key, in its own order.
TF_LINKS = {
    "regression, L2, 8-4 relu": (
        "#activation=relu&batchSize=20&dataset=circle&regDataset=reg-gauss&learningRate=0.01"
        "&regularizationRate=0.003&noise=10&networkShape=8,4&seed=0.12345&showTestData=false&discretize=false"
        "&percTrainData=70&x=true&y=true&xTimesY=false&xSquared=true&ySquared=true&cosX=false&sinX=false"
        "&cosY=false&sinY=false&collectStats=false&problem=regression&initZero=false&hideText=false"
        "&regularization=L2",
        {"Learning rate": "0.01", "Activation": "ReLU", "Regularization": "L2", "Regularization rate": "0.003",
         "Problem type": "Regression"},
        ["2 hidden layers", "8 neurons", "4 neurons", "Noise: 10", "Batch size: 20"],
        {"X₁", "X₂", "X₁²", "X₂²"},
    ),
    "no hidden layer, linear, on xor (an MLCC exercise)": (
        "#activation=linear&batchSize=10&dataset=xor&regDataset=reg-plane&learningRate=0.3&regularizationRate=0"
        "&noise=0&networkShape=&seed=0.77695&showTestData=false&discretize=false&percTrainData=50&x=true&y=true"
        "&xTimesY=true&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false"
        "&collectStats=false&problem=classification&initZero=false&hideText=false",
        {"Learning rate": "0.3", "Activation": "Linear", "Regularization": "None", "Problem type": "Classification"},
        ["0 hidden layers"],
        {"X₁", "X₂", "X₁X₂"},
    ),
}


@pytest.mark.parametrize("link, menus, texts, inputs", TF_LINKS.values(), ids=TF_LINKS.keys())
def test_real_tf_playground_links_show_their_setup(context, base_url, link, menus, texts, inputs):
    page, log = open_page(context, base_url + link)
    assert wait_for_state(page) == "ready"
    for label, shown in menus.items():
        assert page.get_by_label(label, exact=True).input_value() == shown, label
    for text in texts:
        assert page.get_by_text(text, exact=True).first.is_visible(), text
    expect(page.get_by_role("button", pressed=True).first).to_be_visible()  # the feature buttons named
    pressed = set(re.findall(r'button "([^"]+)" \[pressed\]', page.locator("body").aria_snapshot()))
    assert pressed == inputs
    assert page.get_by_text("Part of the link was ignored").count() == 0
    assert log.console_errors() == [] and log.errors == []


def test_adding_a_layer_and_a_feature_rebuilds_the_network(app):
    page = app.page
    press(page, "Step ▸")
    expect_epoch(page, 1)
    page.get_by_role("button", name="Add a hidden layer").click()
    wait_for_address(page, "networkShape=4,2,2&")
    expect_epoch(page, 0)
    page.get_by_role("button", name="sin(X₁)").click()
    wait_for_address(page, "sinX=true")
    page.get_by_role("button", name="sin(X₁)").click()
    page.get_by_role("button", name="Remove the last hidden layer").click()


def test_keyboard_space_plays_and_pauses_arrow_steps_r_resets(app):
    page = app.page
    page.evaluate("""() => {  // leave no control focused: keys then go to the page
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        element?.blur();
    }""")
    page.keyboard.press("ArrowRight")
    expect_epoch(page, 1)
    page.wait_for_timeout(300)  # the behaviour under test: one epoch, no more
    assert epoch(page) == 1
    page.keyboard.press(" ")
    epoch_at_least(page, 30)
    page.keyboard.press(" ")
    expect(page.get_by_role("button", name="▶ Play")).to_be_visible()
    paused_at = epoch(page)
    page.wait_for_timeout(400)  # the behaviour under test: no epoch comes while paused
    assert epoch(page) == paused_at
    page.keyboard.press("r")
    expect_epoch(page, 0)


# Every epoch the counter shows from now on, however briefly (the counter's text lives in a shadow root).
RECORD_EPOCHS_JS = """value => {
    const root = value.getRootNode();
    window.epochsShown = [];
    new MutationObserver(() => window.epochsShown.push(root.querySelector('.np-value')?.textContent))
        .observe(root, {childList: true, subtree: true, characterData: true});
}"""


def test_arrows_on_a_focused_slider_move_the_slider_and_step_no_epoch(app):
    page = app.page
    page.locator(EPOCH).evaluate(RECORD_EPOCHS_JS)
    noise = page.get_by_role("slider", name="Noise")
    noise.focus()
    page.keyboard.press("ArrowRight")
    expect(noise).to_have_attribute("aria-valuenow", re.compile(r"^5(\.0+)?$"))
    wait_for_address(page, "noise=5")
    page.wait_for_timeout(300)  # the behaviour under test: no epoch comes, not even one redrawn over by the reset
    assert epoch(page) == 0 and set(page.evaluate("window.epochsShown")) <= {"000,000"}
    page.keyboard.press("ArrowLeft")
    expect(noise).to_have_attribute("aria-valuenow", re.compile(r"^0(\.0+)?$"))


def test_hide_keys_hide_those_controls(context, base_url):
    link = "#learningRate_hide=true&playButton_hide=true&noise_hide=true&numHiddenLayers_hide=true&hideText=true"
    page, log = open_page(context, base_url + link)
    assert wait_for_state(page) == "ready"
    assert page.get_by_label("Activation", exact=True).is_visible()  # what is not hidden stays
    assert page.get_by_role("button", name="Step ▸").is_visible()
    assert page.get_by_label("Learning rate", exact=True).count() == 0 or not page.get_by_label(
        "Learning rate", exact=True).is_visible()
    assert not page.get_by_role("button", name="▶ Play").is_visible()
    assert not page.get_by_text("Noise", exact=True).is_visible()
    assert not page.get_by_text("2 hidden layers").is_visible()
    assert page.get_by_text("4 neurons").is_visible()  # numNodes1 is not hidden
    assert not page.locator("header.topbar").is_visible()
    assert "&hide=playButton,learningRate,noise,numHiddenLayers" in page.evaluate("location.hash")


def test_our_training_options_change_the_setup_and_new_weights_restart(context, base_url):
    page, log = open_page(context, base_url)  # new weights cannot be taken back: a page of its own
    assert wait_for_state(page) == "ready"
    page.get_by_label("Optimizer", exact=True).select_option(label="Adam")
    wait_for_address(page, "optimizer=adam")
    press(page, "Step ▸")
    expect_epoch(page, 1)
    press(page, "New weights")
    expect_epoch(page, 0)
    assert log.console_errors() == [] and log.errors == []


def test_clicking_a_link_lets_you_type_its_weight(context, base_url):
    from playground.views.network_diagram import HEIGHT_PX
    from playground.views.network_layout import links, network_layout

    page, log = open_page(context, base_url + "#networkShape=4,2")
    assert wait_for_state(page) == "ready"
    first = {name: column[0] for name, column in links(network_layout([2, 4, 2, 1], 500, HEIGHT_PX)).items()}
    canvas = page.locator("canvas").first.bounding_box()  # the network diagram comes first
    page.mouse.click(canvas["x"] + (first["x0"] + first["x1"]) / 2,
                     canvas["y"] + canvas["height"] - (first["y0"] + first["y1"]) / 2)
    page.get_by_text("Weight from X₁ to neuron 1 of layer 1").wait_for()
    field = page.get_by_role("textbox", name="New value")
    field.fill("3")
    press(page, "Set")
    page.mouse.move(canvas["x"] + (first["x0"] + first["x1"]) / 2,
                    canvas["y"] + canvas["height"] - (first["y0"] + first["y1"]) / 2)
    page.get_by_text("3.000").first.wait_for()  # the hover now shows the typed weight
    assert epoch(page) == 0
    assert log.console_errors() == [] and log.errors == []


def test_a_dataset_thumbnail_chooses_the_data(app):
    page = app.page
    press(page, "Step ▸")
    expect_epoch(page, 1)
    page.get_by_role("button", name="Exclusive or", exact=True).click()
    wait_for_address(page, "dataset=xor")
    expect_epoch(page, 0)
    page.get_by_role("button", name="Circle", exact=True).click()


def test_clicking_a_neuron_shows_its_map_in_the_output(context, base_url, results_dir):
    from playground.views.network_diagram import HEIGHT_PX
    from playground.views.network_layout import network_layout

    page, log = open_page(context, base_url + "#networkShape=4,2")
    assert wait_for_state(page) == "ready"
    layout = network_layout([2, 4, 2, 1], 500, HEIGHT_PX)
    canvas = page.locator("canvas").first.bounding_box()
    neuron = (canvas["x"] + layout.x[1], canvas["y"] + canvas["height"] - layout.y[1][0])
    elsewhere = (canvas["x"] + 5, canvas["y"] + 5)
    page.mouse.move(*neuron)  # TF's hover: shown while the pointer is on it
    page.get_by_text("Showing neuron 1 of layer 1 below: move away").wait_for()
    page.mouse.move(*elsewhere)
    page.get_by_text("Showing neuron 1 of layer 1 below").wait_for(state="hidden")
    page.mouse.click(*neuron)  # a tap pins it (touch has no hover)
    page.get_by_text("Showing neuron 1 of layer 1 below: tap it again").wait_for()
    page.mouse.move(*elsewhere)
    page.wait_for_timeout(300)  # the behaviour under test: moving away does not unpin it
    assert page.get_by_text("Showing neuron 1 of layer 1 below: tap it again").is_visible()
    page.screenshot(path=str(results_dir / "app-neuron-focus.png"))
    page.mouse.click(*neuron)
    page.mouse.move(*elsewhere)
    page.get_by_text("Showing neuron 1 of layer 1 below").wait_for(state="hidden")


def input_thumbnail(page, feature: str) -> tuple[float, float]:
    """Page coordinates of an input's map in the network diagram (the page's first canvas)."""
    from playground.engine.features import FEATURES
    from playground.views.network_diagram import HEIGHT_PX
    from playground.views.network_layout import network_layout

    layout = network_layout([len(FEATURES), 1], 500, HEIGHT_PX)
    page.locator("canvas").first.scroll_into_view_if_needed()
    canvas = page.locator("canvas").first.bounding_box()
    return canvas["x"] + layout.x[0], canvas["y"] + canvas["height"] - layout.y[0][list(FEATURES).index(feature)]


def test_a_diverging_network_pauses_and_says_why_and_reset_recovers(context, base_url, results_dir):
    # Under TF's rules a classifier's tanh output saturates and its ReLUs die at this rate rather
    # than overflow; a regression's linear output overflows within a few epochs.
    page, log = open_page(context, base_url + "#activation=relu&problem=regression&learningRate=10")
    assert wait_for_state(page) == "ready"
    press(page, "▶ Play")
    notice = page.get_by_text(re.compile("Training stopped at epoch .*choose a lower one"))
    notice.wait_for(timeout=WAIT_MS)
    page.get_by_role("button", name="▶ Play").wait_for()  # paused by itself
    stopped_at = epoch(page)
    page.wait_for_timeout(400)  # the behaviour under test: no epoch comes after the stop
    assert epoch(page) == stopped_at
    page.screenshot(path=str(results_dir / "app-diverged.png"))
    press(page, "↺ Reset")
    notice.wait_for(state="hidden")
    assert epoch(page) == 0 and shown_test_loss(page) < 10
    assert log.console_errors() == [] and log.errors == []


def test_spiral_on_six_layers_of_eight_with_every_input(context, base_url, results_dir):
    inputs = "&".join(f"{key}=true" for key in ("x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY",
                                                  "cosX", "cosY"))
    page, log = open_page(context, base_url + f"#dataset=spiral&networkShape=8,8,8,8,8,8&{inputs}")
    assert wait_for_state(page) == "ready"
    assert page.get_by_text("6 hidden layers").is_visible()
    assert page.get_by_text("8 neurons", exact=True).count() == 6
    press(page, "▶ Play")
    epoch_at_least(page, 150)
    press(page, "❚❚ Pause")
    page.screenshot(path=str(results_dir / "app-spiral-6x8.png"))
    assert log.console_errors() == [] and log.errors == []


def test_regression_shows_its_datasets_and_trains(context, base_url, results_dir):
    page, log = open_page(context, base_url + "#problem=regression&regDataset=reg-gauss")
    assert wait_for_state(page) == "ready"
    assert page.get_by_role("button", name="Multi Gaussian", exact=True).is_visible()
    assert not page.get_by_role("button", name="Spiral", exact=True).is_visible()
    assert page.get_by_text("Test accuracy").count() == 0  # no classes, no accuracy
    start_loss = shown_test_loss(page)
    press(page, "▶ Play")
    epoch_at_least(page, 150)
    press(page, "❚❚ Pause")
    assert shown_test_loss(page) < start_loss
    page.screenshot(path=str(results_dir / "app-regression.png"))


def test_a_tablet_sees_everything_without_sideways_scrolling_and_can_tap(chromium, base_url, results_dir):
    with touch_screen(chromium, 768, 1024) as tablet:
        page, log = open_page(tablet, base_url)
        assert wait_for_state(page) == "ready"
        assert page.evaluate("document.documentElement.scrollWidth") <= 768
        page.get_by_role("button", name="X₁X₂").tap()
        page.get_by_role("button", name="Add a neuron to layer 1").tap()
        wait_for_address(page, "xTimesY=true", "networkShape=5,2")  # a feature and a neuron by touch
        page.touchscreen.tap(*input_thumbnail(page, "sinX"))  # TF's way: tap the input in the network
        wait_for_address(page, "sinX=true")
        page.screenshot(path=str(results_dir / "app-tablet.png"), full_page=True)
        assert log.console_errors() == [] and log.errors == []


UNNAMED_CONTROL = re.compile(r"^\s*- (button|slider|checkbox|combobox|textbox|spinbutton|radio|switch)( \[[^\]]*\])*:?$")


def test_every_control_and_plot_has_an_accessible_name(loaded_app):
    page = loaded_app.page  # only read
    snapshot = lambda: page.locator("body").aria_snapshot()  # noqa: E731
    wait_until(page, lambda: not [line for line in snapshot().splitlines() if UNNAMED_CONTROL.match(line)],
               "a name for every control")
    tree = snapshot()
    assert 'button "Add a hidden layer"' in tree and 'button "Remove a neuron from layer 1"' in tree
    assert 'slider "Noise"' in tree and 'checkbox "Show test data"' in tree
    assert 'button "X₁" [pressed]' in tree  # on by default; cos(X₂) off
    assert re.search(r'button "cos\(X₂\)"$', tree, re.MULTILINE)
    assert 'img "The network' in tree and 'img "Output' in tree
