"""Check messages against site/embed/*.schema.json without a dependency.

The schemas use a small part of JSON Schema (draft 2020-12): local ``$ref``, ``oneOf``,
``type``, ``const``, ``enum``, ``required``, ``properties``, ``additionalProperties: false``,
``minimum``, ``minLength``/``maxLength``, ``items``/``minItems``. ``problems`` reads exactly
those, and refuses a schema using anything else, so a keyword added later cannot pass unread.
Where ``jsonschema`` happens to be installed, ``check`` asks it too.
"""
from __future__ import annotations

import json
from pathlib import Path

SCHEMAS = Path(__file__).resolve().parents[1] / "site" / "embed"
READ = {"$schema", "$id", "$defs", "$ref", "title", "description", "oneOf", "type", "const", "enum", "required",
        "properties", "additionalProperties", "minimum", "minLength", "maxLength", "items", "minItems"}
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def load(direction: str) -> dict:
    """``events`` or ``commands``."""
    return json.loads((SCHEMAS / f"{direction}.schema.json").read_text(encoding="utf-8"))


def _is(value, kind: str) -> bool:
    if kind in ("integer", "number"):
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        return number and (kind == "number" or float(value).is_integer())
    return isinstance(value, TYPES[kind])


def problems(value, schema: dict, root: dict | None = None, where: str = "message") -> list[str]:
    """Why ``value`` does not match ``schema`` (empty: it does)."""
    root = root or schema
    unread = set(schema) - READ
    assert not unread, f"the schema uses {unread}, which this checker does not read"
    if "$ref" in schema:
        return problems(value, root["$defs"][schema["$ref"].removeprefix("#/$defs/")], root, where)
    if "oneOf" in schema:
        matching = [branch for branch in schema["oneOf"] if not problems(value, branch, root, where)]
        return [] if len(matching) == 1 else [f"{where}: matches {len(matching)} of the schema's choices, not 1"]
    kinds = schema.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else kinds
    if kinds and not any(_is(value, kind) for kind in kinds):
        return [f"{where}: {value!r} is not {' or '.join(kinds)}"]
    found = []
    if "const" in schema and value != schema["const"]:
        found.append(f"{where}: {value!r} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if isinstance(value, dict):
        found += [f"{where}: no {key!r}" for key in schema.get("required", []) if key not in value]
        properties = schema.get("properties", {})
        if schema.get("additionalProperties") is False:
            found += [f"{where}: unexpected {key!r}" for key in value if key not in properties]
        for key, sub in properties.items():
            if key in value:
                found += problems(value[key], sub, root, f"{where}.{key}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            found.append(f"{where}: fewer than {schema['minItems']} items")
        for index, item in enumerate(value):
            found += problems(item, schema.get("items", {}), root, f"{where}[{index}]")
    if isinstance(value, str) and not schema.get("minLength", 0) <= len(value) <= schema.get("maxLength", len(value)):
        found.append(f"{where}: length {len(value)} out of bounds")
    if _is(value, "number") and value < schema.get("minimum", value):
        found.append(f"{where}: {value} below {schema['minimum']}")
    return found


def check(message, direction: str) -> list[str]:
    """Problems of ``message`` against the ``direction`` schema, by this checker and by jsonschema if present."""
    schema = load(direction)
    found = problems(message, schema)
    try:
        import jsonschema
    except ImportError:
        return found
    validator = jsonschema.Draft202012Validator(schema)
    agreed = [f"jsonschema: {error.message}" for error in validator.iter_errors(message)]
    return found + agreed if bool(found) != bool(agreed) else found


def envelope(kind: str, data: dict) -> dict:
    return {"namespace": "neural-playground", "version": 1, "type": kind, "data": data}
