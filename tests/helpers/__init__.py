"""What the tests share: test files import these modules, never one another.

embed_schema   the embed's messages against playground/embed/*.schema.json
embedded       an embedded session and the page around it, for the embed's events and commands
exported       a trained trainer, an exported program run on its own, its losses against the engine's
lesson_files   a small valid lesson to write and break
pages          the built site's pages in Chromium: open one, wait for the app, read and press
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The repository's root."""
