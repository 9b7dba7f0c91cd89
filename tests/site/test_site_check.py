"""`python build.py check` refuses a dist/ whose own files point at another host."""
from __future__ import annotations

import pytest

from sitebuild import manifest

FOREIGN = [
    b'const { x } = await import("//cdn.example.org/a.js");',
    b"<script src='//cdn.example.org/bokeh.min.js'></script>",
    b"@font-face { src: url(//fonts.example.com/roboto.woff2); }",
    b"fetch(`//api.example.net:8080/data?x=1`)",
    b'<link href="https://cdn.example.org/style.css">',
    b'<script src="https://evil.example.com/a.js"></script>',  # example.com is a real host
]
HARMLESS = [
    b"// load the runtime first",
    b"x = a // b  # integer division",
    b'const root = "//";',
    b"<svg xmlns='http://www.w3.org/2000/svg'></svg>",
    b'const here = new URL(".", location.href);',
    # The teachers' page's examples: the reserved .example domain never resolves (RFC 2606).
    b'<code>&lt;iframe src="https://playground.school.example/#embed=1"&gt;</code>',
    b"parent=https%3A%2F%2Fcourse.school.example or https://course.school.example:8443/x",
    b"<p>If your course page uses <code>https://</code>, not <code>http://</code></p>",
]


@pytest.mark.parametrize("text", FOREIGN)
def test_foreign_addresses_are_found(text):
    assert manifest.foreign_urls("loader.js", text), text


@pytest.mark.parametrize("text", HARMLESS)
def test_comments_division_and_namespaces_are_not_addresses(text):
    assert manifest.foreign_urls("loader.js", text) == []


def test_an_absolute_url_is_reported_once():
    assert manifest.foreign_urls("a.js", b'fetch("http://127.0.0.1:8000/x")') == [
        "a.js: http://127.0.0.1:8000/x"]


def test_check_fails_a_dist_that_imports_from_a_cdn(tmp_path):
    (tmp_path / "index.html").write_text("<script type=module src=loader.js></script>")
    (tmp_path / "loader.js").write_text('await import("//cdn.example.org/pyodide.mjs");')
    manifest.write(tmp_path, {"index.html", "loader.js"}, info={})
    assert manifest.check(tmp_path) == [
        "foreign host in loader.js: //cdn.example.org/pyodide.mjs"]
