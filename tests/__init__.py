"""The tests: a package, so that ``tests.helpers`` is this folder's whatever else is installed.

pytest imports each test file by its path (``--import-mode=importlib``, pyproject.toml), so
test files may share a name and never import one another: what they share is in helpers/.
"""
