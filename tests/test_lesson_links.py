"""A lesson in the app: lesson and step are the page's keys, set apart before a link is decoded and
written after the setup; the language switch speaks to the lesson too."""

import pytest

from playground import app as app_module
from playground.lessons import LESSONS_ENV
from playground.links import decode, given_keys, split_page_keys, with_page_keys
from tests.helpers.lesson_files import write_lesson


def test_page_keys_are_set_apart_from_the_playgrounds():
    setup, page = split_page_keys("https://example.org/#dataset=xor&lesson=one-neuron&noise=5&step=2")
    assert setup == "#dataset=xor&noise=5" and page == {"lesson": "one-neuron", "step": "2"}
    assert decode(setup)[1] == [], "decode never sees them, so it has nothing to warn about"


def test_a_link_with_only_a_lesson_has_no_setup_and_page_keys_are_percent_decoded():
    assert split_page_keys("#lesson=my%20lesson&step=1&lesson=xor") == ("", {"lesson": "xor", "step": "1"})
    assert split_page_keys("") == ("", {})


def test_the_settings_a_link_gives_itself_are_known():
    assert given_keys("#hideText=true&noise_hide=true&nope=1&lang=zh-CN") == {"hideText", "lang"}
    assert given_keys("") == set()


def test_the_address_ends_with_the_page_keys():
    assert with_page_keys("dataset=xor", {"lesson": "a b", "step": "2"}) == "dataset=xor&lesson=a%20b&step=2"
    assert with_page_keys("dataset=xor", {}) == "dataset=xor"


@pytest.fixture
def addresses(tmp_path, monkeypatch) -> list[str]:
    """Every address the app writes, with the example lesson installed."""
    write_lesson(tmp_path)
    monkeypatch.setenv(LESSONS_ENV, str(tmp_path))
    written: list[str] = []
    monkeypatch.setattr(app_module, "write_fragment", written.append)
    return written


def test_a_teachers_link_opens_the_lesson_at_its_step_and_the_address_keeps_it(addresses):
    app_module.create_app("#lesson=one-neuron&step=2")
    assert addresses[-1].endswith("&lesson=one-neuron&step=2")
    assert "dataset=gauss" in addresses[-1] and "&hide=" in addresses[-1] and "regularization," in addresses[-1]


def test_the_address_of_a_lesson_reopens_it_with_its_setup(addresses):
    app_module.create_app("#dataset=xor&learningRate=0.1&lesson=one-neuron&step=3")
    assert "dataset=xor" in addresses[-1] and "learningRate=0.1" in addresses[-1]
    assert addresses[-1].endswith("&lesson=one-neuron&step=3")


def test_a_link_embedding_a_lesson_gets_its_preset_and_keeps_its_own_settings(addresses):
    app_module.create_app("#hideText=true&lesson=one-neuron&step=2")
    assert "dataset=gauss" in addresses[-1] and "hideText=true" in addresses[-1]


def test_closing_the_lesson_takes_it_out_of_the_address(addresses):
    app = app_module.PlaygroundApp(app_module.PlaygroundState())
    app.lessons.open_link({"lesson": "one-neuron"}, ())
    app.lessons.next()
    assert addresses[-1].endswith("&lesson=one-neuron&step=2")
    app.lessons.close()
    assert "lesson=" not in addresses[-1] and "hide=" not in addresses[-1]


def test_the_language_switch_relabels_the_lesson_and_a_lesson_keeps_the_language(addresses):
    app = app_module.PlaygroundApp(app_module.PlaygroundState())
    app.lessons.open_link({"lesson": "one-neuron", "step": "2"}, ())
    app.session.state.lang = "zh-CN"
    assert "第 2 步，共 3 步" in app.guide.lesson_panel.heading.object and app.guide.menu_button.label == "☰ 课程"

    app.lessons.restart()
    app.lessons.close()
    app.lessons.open(app.lessons.catalog.lessons[0])
    assert app.session.state.lang == "zh-CN" and "lang=zh-CN" in addresses[-1]


def test_a_link_without_a_seed_gets_a_fresh_one_in_the_address_as_in_tf(addresses, monkeypatch):
    seeds = iter(["0.13579", "0.24680"])
    monkeypatch.setattr(app_module, "random_seed", lambda: next(seeds))
    app_module.create_app("")
    assert "&seed=0.13579&" in addresses[-1]
    app_module.create_app("#dataset=xor")
    assert "&seed=0.24680&" in addresses[-1]
    app_module.create_app("#dataset=xor&seed=0.55555")
    assert "&seed=0.55555&" in addresses[-1]


def test_a_lesson_starts_from_its_own_seed_on_a_fresh_page(addresses):
    app_module.create_app("#lesson=one-neuron")
    assert "&seed=0.10000&" in addresses[-1]  # the example lesson's preset
