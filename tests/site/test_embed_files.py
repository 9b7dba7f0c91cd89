"""The files a course page uses (site/embed.js, site/embed/*.schema.json) keep their promises."""


from jsonschema import Draft202012Validator

from playground.embed.commands import COMMANDS
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
    assert set(commands["$defs"]) == set(COMMANDS)
    assert set(events["$defs"]["commandRejected"]["properties"]["command"]["enum"]) == set(COMMANDS)
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
