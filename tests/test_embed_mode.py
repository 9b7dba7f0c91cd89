"""An embed in the app: ``embed=1`` gives the compact layout, ``embed`` and ``parent`` stay in every
address the app writes, and their problems are said in the link's notice, in the interface's language."""

import html
import re

import panel as pn
import pytest

from playground import app as app_module
from playground.state import HIDABLE_CONTROLS
from playground.assets import asset
from playground.ui.sizes import COMPACT, WHOLE_PAGE
from playground.links import Embedding

EMBED_LINK = "#activation=relu&embed=1&parent=https%3A%2F%2Fschool.example%2Chttp%3A%2F%2F127.0.0.1%3A8123"


@pytest.fixture
def addresses(monkeypatch) -> list[str]:
    """Every address the app writes."""
    written: list[str] = []
    monkeypatch.setattr(app_module, "write_fragment", written.append)
    return written


def texts(root: pn.viewable.Viewable) -> str:
    """Every text the rendered app holds, hidden parts too, as the page shows it (HTML unescaped)."""
    models = root.get_root().references()
    return html.unescape("\n".join(model.text for model in models if isinstance(getattr(model, "text", None), str)))


def activation_menu(root: pn.viewable.Viewable) -> pn.widgets.Select:
    return next(menu for menu in root.select(pn.widgets.Select) if "relu" in menu.options.values())


def test_the_address_keeps_embed_and_parent_after_every_change(addresses):
    root = app_module.create_app(EMBED_LINK)
    embed_keys = "&embed=1&parent=https%3A%2F%2Fschool.example%2Chttp%3A%2F%2F127.0.0.1%3A8123"
    assert addresses[-1].endswith(embed_keys) and "activation=relu&" in addresses[-1]
    activation_menu(root).value = "sigmoid"
    assert "activation=sigmoid&" in addresses[-1] and addresses[-1].endswith(embed_keys)


def test_a_lesson_in_an_embed_keeps_both_in_the_address(addresses, tmp_path, monkeypatch):
    from tests.helpers.lesson_files import write_lesson

    from playground.lessons import LESSONS_ENV
    write_lesson(tmp_path)
    monkeypatch.setenv(LESSONS_ENV, str(tmp_path))
    app_module.create_app("#embed=true&lesson=one-neuron&step=2")
    assert addresses[-1].endswith("&lesson=one-neuron&step=2&embed=1")


def test_bad_embed_keys_are_said_in_the_link_notice_and_left_out_of_the_address(addresses):
    root = app_module.create_app("#embed=yes&parent=https%3A%2F%2Fschool.example%2Fcourse%2Chttps%3A%2F%2Fok.example"
                                 "&hide=noise,shareButon")
    said = texts(root)
    assert "embed=yes: write embed=1 to embed; shown as a whole page" in said
    assert "not an origin: 'https://school.example/course'" in said
    assert "no control named 'shareButon'" in said
    assert "embed=" not in addresses[-1] and addresses[-1].endswith("&hide=noise&parent=https%3A%2F%2Fok.example")


def test_a_links_values_in_the_notice_are_text_not_links():
    said = texts(app_module.create_app("#parent=https%3A%2F%2Fevil.example%2Flogin&[click](https://evil.example)=1"))
    assert "not an origin: 'https://evil.example/login'" in said and "[click](https://evil.example)" in said
    assert "<a " not in said


def test_the_link_notice_says_embed_problems_in_chinese():
    said = texts(app_module.create_app("#lang=zh-CN&embed=0&parent=*"))
    assert "embed=0：嵌入请写 embed=1，按完整页面显示" in said and "parent=*：不是来源：'*'" in said


def test_an_embed_gets_the_compact_views_and_its_column_order():
    state = app_module.PlaygroundState()
    embedded = app_module.PlaygroundApp(state, embedding=Embedding(embedded=True))
    whole = app_module.PlaygroundApp(app_module.PlaygroundState())
    assert (embedded.diagram.width, embedded.diagram.height) == COMPACT.network
    assert (whole.diagram.width, whole.diagram.height) == WHOLE_PAGE.network
    assert asset("embed_columns.css") in _stylesheets(embedded.layout())
    assert asset("page_columns.css") in _stylesheets(whole.layout())


def _stylesheets(root: pn.viewable.Viewable) -> list:
    return [sheet for row in root.select(pn.Row) for sheet in row.stylesheets]


def visible_texts(model, found: set[str] | None = None) -> set[str]:
    """The texts of a rendered app's Bokeh model tree that are shown: none below an invisible model."""
    found = set() if found is None else found
    if getattr(model, "visible", True) is False:
        return found
    for name in ("label", "title", "text", "labels"):
        value = getattr(model, name) if name in model.properties() else None
        if isinstance(value, str):
            found.add(re.sub(r"<[^>]*>", "", html.unescape(value)).strip())
        elif isinstance(value, list):
            found.update(item for item in value if isinstance(item, str))
    for child in getattr(model, "children", None) or []:
        visible_texts(child[0] if isinstance(child, tuple) else child, found)
    return found


@pytest.fixture(scope="module")
def rendered():
    """An app and its rendered Bokeh model tree; six hidden layers, so each numNodesK has its column, and
    data made for several classes, so the classes menu is there."""
    app = app_module.PlaygroundApp(app_module.PlaygroundState(networkShape=[1, 2, 3, 4, 5, 6], dataset="blobs"))
    return app, app.layout().get_root()


@pytest.mark.parametrize("control", HIDABLE_CONTROLS)
def test_every_hidable_name_takes_its_control_away(rendered, control):
    app, root = rendered
    app.session.state.hidden = []
    everything = visible_texts(root)
    app.session.state.hidden = [control]
    assert everything - visible_texts(root), f"hide={control} hides nothing"
