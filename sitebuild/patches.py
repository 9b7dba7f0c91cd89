"""Small, pinned edits to third-party sources, made while slimming their wheels.

Each patch names the file, the exact text it replaces (found exactly once, or the build
stops: an upgrade that moved the code must be looked at again) and why. Every patch must
be applied in a build, so one left behind by an upgrade is noticed too.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Patch:
    path: str
    old: str
    new: str
    why: str


PATCHES = [
    # Upstream: Panel could import pandas inside the wrappers, or wrap read_csv/read_json
    # only when pandas is already imported (an issue to file at holoviz/panel).
    Patch("panel/io/pyodide.py", "import pandas\n", "",
          "Panel 1.10 imports pandas under Pyodide only to let read_csv/read_json open URLs; "
          "the app never uses pandas, which costs 5 MB and 1.5 s of every load"),
    Patch("panel/io/pyodide.py",
          '# Patch pandas.read_csv\n'
          '_read_csv_original = pandas.read_csv\n'
          '@functools.wraps(pandas.read_csv)\n'
          'def _read_csv(*args, **kwargs):\n'
          '    args, kwargs = _read_file(*args, **kwargs)\n'
          '    return _read_csv_original(*args, **kwargs)\n'
          'pandas.read_csv = _read_csv  # type: ignore\n'
          '\n'
          '# Patch pandas.read_json\n'
          '_read_json_original = pandas.read_json\n'
          '@functools.wraps(pandas.read_json)\n'
          'def _read_json(*args, **kwargs):\n'
          '    args, kwargs = _read_file(*args, **kwargs)\n'
          '    return _read_json_original(*args, **kwargs)\n'
          'pandas.read_json = _read_json  # type: ignore\n',
          "", "the wrapping of pandas' readers, which needs the import above"),
    # Upstream: Panel already imports panel.ui lazily "until Panel 2.0"; chat and template
    # could go the same way.
    Patch("panel/__init__.py", "from . import template  # noqa\n", "",
          "Panel's templates (0.15 s of imports in the browser) are imported when first asked for"),
    Patch("panel/__init__.py", "from .template import Template  # noqa\n", "", "the same, for pn.Template"),
    Patch("panel/__init__.py", "from . import chat  # isort:skip noqa has to be after widgets\n", "",
          "Panel's chat components (0.1 s) are imported when first asked for"),
    Patch("panel/__init__.py",
          "    if name == 'ui':\n        import importlib\n        return importlib.import_module('panel.ui')\n",
          "    import importlib\n"
          "    if name in ('ui', 'chat', 'template'):  # imported when first asked for (sitebuild/patches.py)\n"
          "        return importlib.import_module(f'panel.{name}')\n"
          "    if name == 'Template':\n"
          "        return importlib.import_module('panel.template').Template\n",
          "pn.chat, pn.template and pn.Template work as before, imported on first use"),
]


class Patcher:
    """Applies PATCHES to wheel members and remembers which were applied."""

    def __init__(self, patches: list[Patch] = PATCHES):
        self.patches = patches
        self.applied: set[int] = set()

    def __call__(self, name: str, data: bytes) -> bytes:
        for index, patch in enumerate(self.patches):
            if patch.path != name:
                continue
            text = data.decode("utf-8")
            if text.count(patch.old) != 1:
                raise RuntimeError(f"patch of {name} no longer fits ({text.count(patch.old)} matches "
                                   f"of {patch.old!r}); see sitebuild/patches.py: {patch.why}")
            data = text.replace(patch.old, patch.new).encode("utf-8")
            self.applied.add(index)
        return data

    def check_all_applied(self) -> None:
        missing = [p for i, p in enumerate(self.patches) if i not in self.applied]
        if missing:
            raise RuntimeError("patches not applied (file gone?): "
                               + ", ".join(f"{p.path}: {p.why}" for p in missing))
