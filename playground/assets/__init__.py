"""The CSS and JavaScript the app hands to the browser, as files of this package, not Python strings.

Panel draws each component in a shadow root of its own, which the page's CSS cannot reach, so a
component carries its stylesheet (``stylesheets=[asset("lesson_step.css")]``); scripts run by
BokehJS (a click, a hover) are the code of a ``CustomJS`` or an inline handler. Every colour is a
custom property of ``palette.css``, defined once; the build ships that file to the page too.
"""

import re
from functools import cache
from importlib.resources import files


@cache
def asset(name: str) -> str:
    """The text of the file ``name`` (``"share_dialog.css"``, ``"copy_field.js"``)."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def palette() -> dict[str, str]:
    """The palette's colours by name, without ``--np-`` (``{"negative": "#f59322", ...}``)."""
    return dict(re.findall(r"--np-([\w-]+):\s*([^;]+);", asset("palette.css")))
