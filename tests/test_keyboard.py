"""Which keys a focused control keeps for itself, and which still reach the page's shortcuts."""
import pytest

from playground.page.keyboard import control_kind, uses_key


def kept(tag: str, key: str, role: str = "", input_type: str = "", editable: bool = False, ctrl: bool = False) -> bool:
    return uses_key(control_kind(tag, role, input_type, editable), key, ctrl)


@pytest.mark.parametrize("key", ["ArrowRight", "ArrowLeft", "Home", "End", "PageUp"])
def test_a_slider_keeps_its_moves_whether_bokehs_handle_or_a_range_input(key):
    assert kept("DIV", key, role="slider")
    assert kept("INPUT", key, input_type="range")


@pytest.mark.parametrize("key", [" ", ".", ",", "r"])
def test_a_slider_leaves_the_other_keys_to_the_shortcuts(key):
    assert not kept("DIV", key, role="slider")


def test_a_button_keeps_space_and_enter_only():
    assert kept("BUTTON", " ") and kept("BUTTON", "Enter") and kept("INPUT", " ", input_type="checkbox")
    for key in (".", ",", "ArrowRight", "r"):
        assert not kept("BUTTON", key), key


@pytest.mark.parametrize("tag,input_type,editable", [("INPUT", "text", False), ("INPUT", "", False),
                                                     ("TEXTAREA", "", False), ("SELECT", "", False),
                                                     ("DIV", "", True)])
def test_a_text_field_or_a_select_keeps_every_typed_key_and_the_arrows(tag, input_type, editable):
    for key in (" ", "r", ".", "ArrowRight", "Home"):
        assert kept(tag, key, input_type=input_type, editable=editable), key
    assert not kept(tag, "Escape", input_type=input_type, editable=editable)


def test_ctrl_keys_belong_to_text_fields_only():
    assert kept("TEXTAREA", "z", ctrl=True)
    assert not kept("BUTTON", "z", ctrl=True) and not kept("DIV", "z", role="slider", ctrl=True)


def test_a_menu_keeps_its_moves_and_presses():
    assert kept("DIV", "ArrowRight", role="menuitem") and kept("DIV", " ", role="menu")
    assert not kept("DIV", ".", role="menu")


def test_no_control_focused_keeps_nothing():
    assert not any(kept(tag, key) for tag in ("BODY", "DIV", "canvas") for key in (" ", "ArrowRight", ".", "r"))
