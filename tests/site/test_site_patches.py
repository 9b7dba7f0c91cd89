"""The build's pinned edits of third-party sources fail loudly when an upgrade moves the code."""
from __future__ import annotations

import pytest

from sitebuild.patches import Patch, Patcher

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
