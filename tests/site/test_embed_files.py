"""The files a course page uses (site/embed.js, site/embed/*.schema.json) keep their promises."""

from pathlib import Path

from embed_schema import load

from playground.embed.commands import COMMANDS
from playground.i18n import LANGUAGES

SITE = Path(__file__).resolve().parents[2] / "site"


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
