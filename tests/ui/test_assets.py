"""The app's CSS and the page's use one palette: every colour they name is defined in
playground/assets/palette.css, and none is written anywhere else (a colour missing from the
palette would draw as nothing at all)."""
import re

import pytest

from playground.assets import asset, palette
from tests.helpers import ROOT

ASSETS = ROOT / "playground" / "assets"
STYLED = sorted(ASSETS.glob("*.css")) + [ROOT / "site" / name for name in ("style.css", "doc.css", "join.html")]
COLOUR = re.compile(r"#[0-9a-fA-F]{3,6}\b|rgba?\(")


@pytest.mark.parametrize("path", STYLED, ids=lambda path: path.name)
def test_every_colour_named_is_the_palettes(path):
    named = set(re.findall(r"var\(--np-([\w-]+)\)", path.read_text(encoding="utf-8")))
    assert named - set(palette()) == set()


@pytest.mark.parametrize("path", [p for p in STYLED if p.name != "palette.css" and p.parent == ASSETS],
                         ids=lambda path: path.name)
def test_the_apps_stylesheets_write_no_colour_of_their_own(path):
    assert COLOUR.findall(path.read_text(encoding="utf-8")) == []


def test_the_plots_scale_ends_in_the_palettes_orange_and_blue():
    from playground.views.palette import diverging

    scale = diverging()
    assert (scale[0], scale[-1]) == (palette()["negative"], palette()["positive"])
    assert "--np-negative: #f59322;" in asset("palette.css")  # TF Playground's own orange
