"""The files a course page uses (site/embed.js, playground/embed/*.schema.json, in dist/embed/) keep their promises."""


from jsonschema import Draft202012Validator

from playground.embed.commands import SHAPE_KEYWORDS, SHAPES, EmbedCommands
from playground.i18n import LANGUAGES
from tests.helpers import ROOT
from tests.helpers.embed_schema import load

SITE = ROOT / "site"
ANNOTATIONS = {"$schema", "$id", "$defs", "title", "description"}


def keywords(schema: dict) -> set[str]:
    """The keywords ``schema`` and its subschemas use (``const`` and ``enum`` hold values, not schemas)."""
    found = set(schema)
    for key, value in schema.items():
        if key in ("const", "enum"):
            continue
        subschemas = value.values() if key in ("properties", "$defs") else value if isinstance(value, list) else [value]
        for subschema in subschemas:
            if isinstance(subschema, dict):
                found |= keywords(subschema)
    return found


def test_embed_js_is_tiny():
    assert (SITE / "embed.js").stat().st_size < 3 * 1024


def test_the_schemas_name_what_python_reads_and_speaks():
    commands, events = load("commands"), load("events")
    assert all(callable(getattr(EmbedCommands, f"_{kind}", None)) for kind in SHAPES), "a command without a handler"
    assert set(events["$defs"]["commandRejected"]["properties"]["command"]["enum"]) == set(SHAPES)
    assert events["$defs"]["ready"]["properties"]["language"]["enum"] == list(LANGUAGES)
    for schema in (commands, events):
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert [branch["properties"]["type"]["const"] for branch in schema["oneOf"]] == list(schema["$defs"])


def test_the_schemas_are_valid_and_every_keyword_in_them_is_checked():
    """A misspelt keyword would be ignored by every validator, and so check nothing."""
    for direction in ("commands", "events"):
        schema = load(direction)
        Draft202012Validator.check_schema(schema)
        assert keywords(schema) - ANNOTATIONS <= set(Draft202012Validator.VALIDATORS), direction


def test_the_command_shapes_use_only_what_python_and_the_bridge_read():
    """Python (embed.commands.fits) and site/embed_bridge.js read each command's shape from the schema
    with a few keywords only: another would be ignored by both, and so check nothing."""
    def objects(shape):
        yield shape
        for inner in shape.get("properties", {}).values():
            yield from objects(inner)

    for kind, shape in SHAPES.items():
        assert keywords(shape) <= SHAPE_KEYWORDS, kind
        for inner in objects(shape):
            assert inner["type"] in ("object", "string", "integer"), kind
            assert inner["type"] != "object" or inner["additionalProperties"] is False, kind
