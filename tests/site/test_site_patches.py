"""The build's pinned edits of third-party sources fail loudly when an upgrade moves the code."""
from __future__ import annotations

import sys

import pytest

from sitebuild.patches import Patch, Patcher, lazy_imports

IMPORT = Patch("pkg/io.py", "import pandas\n", "", "not shipped")


def test_a_patch_replaces_its_text_once_and_is_counted():
    patcher = Patcher([IMPORT])
    assert patcher("pkg/io.py", b"import os\nimport pandas\nx = 1\n") == b"import os\nx = 1\n"
    assert patcher("pkg/other.py", b"import pandas\n") == b"import pandas\n"
    patcher.check_all_applied()


@pytest.mark.parametrize("source", [b"import os\n", b"import pandas\nimport pandas\n"])
def test_a_patch_that_no_longer_fits_stops_the_build(source):
    with pytest.raises(RuntimeError, match="pkg/io.py no longer fits"):
        Patcher([IMPORT])("pkg/io.py", source)


def test_a_patch_whose_file_is_gone_stops_the_build():
    patcher = Patcher([IMPORT])
    patcher("pkg/renamed.py", b"import pandas\n")
    with pytest.raises(RuntimeError, match="not applied.*pkg/io.py"):
        patcher.check_all_applied()


def test_lazy_imports_load_a_module_when_one_of_its_names_is_first_asked_for(tmp_path, monkeypatch):
    package = tmp_path / "lazypkg"
    package.mkdir()
    (package / "heavy.py").write_text("Heavy = 'heavy'\nOther = 'other'\n")
    (package / "light.py").write_text("Light = 'light'\n")
    init = b"from .heavy import Heavy, Other  # noqa\nfrom .light import Light  # noqa\n"
    patcher = Patcher(lazy_imports("lazypkg/__init__.py", {".heavy": "Heavy, Other"},
                                   "from .light import Light  # noqa\n", "unused"))
    (package / "__init__.py").write_bytes(patcher("lazypkg/__init__.py", init))
    patcher.check_all_applied()
    monkeypatch.syspath_prepend(str(tmp_path))

    import lazypkg

    assert lazypkg.Light == "light" and "lazypkg.heavy" not in sys.modules
    assert (lazypkg.Heavy, lazypkg.Other) == ("heavy", "other")
    assert "lazypkg.heavy" in sys.modules
    with pytest.raises(AttributeError, match="has no attribute 'Missing'"):
        lazypkg.Missing  # noqa: B018
    for name in ("lazypkg", "lazypkg.heavy", "lazypkg.light"):
        sys.modules.pop(name, None)
