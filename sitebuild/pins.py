"""Read pins.toml: the single place where shipped third-party files are named."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

PINS_FILE = Path(__file__).with_name("pins.toml")


@dataclass(frozen=True)
class Pin:
    """One pinned file: the project name it provides, its file name, its sha256."""

    name: str
    file: str
    sha256: str


@dataclass(frozen=True)
class Pins:
    """Everything pins.toml says, typed."""

    pyodide_version: str
    npm_file: str
    npm_sha256: str
    runtime_files: list[str]
    cdn: str
    redistributor: dict
    official: list[str]
    pure: list[Pin]
    sdists: list[Pin]
    omit: dict[str, str]


def load(path: Path = PINS_FILE) -> Pins:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    pyo = data["pyodide"]

    def pins(table: dict) -> list[Pin]:
        return [Pin(name, spec["file"], spec["sha256"]) for name, spec in table.items()]

    return Pins(
        pyodide_version=pyo["version"],
        npm_file=pyo["npm_file"],
        npm_sha256=pyo["npm_sha256"],
        runtime_files=pyo["runtime"],
        cdn=pyo["cdn"],
        redistributor=pyo["redistributor"],
        official=data["official"]["packages"],
        pure=pins(data["pure"]),
        sdists=pins(data["sdist"]),
        omit=data["omit"],
    )
