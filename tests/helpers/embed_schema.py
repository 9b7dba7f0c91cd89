"""Check messages against playground/embed/*.schema.json (JSON Schema draft 2020-12) with ``jsonschema``."""
from __future__ import annotations

import json
from functools import cache

from jsonschema import Draft202012Validator

from tests.helpers import ROOT

SCHEMAS = ROOT / "playground" / "embed"


def load(direction: str) -> dict:
    """``events`` or ``commands``."""
    return json.loads((SCHEMAS / f"{direction}.schema.json").read_text(encoding="utf-8"))


@cache
def validator(direction: str) -> Draft202012Validator:
    return Draft202012Validator(load(direction))


def check(message, direction: str) -> list[str]:
    """Why ``message`` does not match the ``direction`` schema (empty: it does)."""
    found = []
    for error in validator(direction).iter_errors(message):
        # Matching none of the schema's choices (one per type), say why not the choice for its own type.
        choices: dict[int, list] = {}
        for reason in error.context:
            choices.setdefault(reason.relative_schema_path[0], []).append(reason)
        own = [reason for reasons in choices.values() if all(r.json_path != "$.type" for r in reasons)
               for reason in reasons]
        found += [f"{reason.json_path}: {reason.message}" for reason in own or [error]]
    return list(dict.fromkeys(found))


def envelope(kind: str, data: dict) -> dict:
    return {"namespace": "neural-playground", "version": 1, "type": kind, "data": data}
