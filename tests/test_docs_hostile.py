"""Reference pages and docs commands under broken input (issue 11): a located message, exit 2
for an unusable page, never a traceback."""

import json

import pytest
from click.testing import CliRunner

from generator.cli import main

SWAGGER = {"swagger": "2.0", "info": {"title": "A", "version": "1", "description": "A."}, "host": "a.com",
           "basePath": "/", "schemes": ["https"],
           "paths": {"/a": {"get": {"operationId": "GetA", "summary": "Get A",
                                    "parameters": [{"name": "q", "in": "query", "type": "string",
                                                    "format": {"a": 1}}],
                                    "responses": {"200": {"description": "OK", "schema": {
                                        "type": "object",
                                        "properties": {"n": {"type": "number", "format": {"x": [1]}}}}}}}}}}


def invoke(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@pytest.fixture
def connector(tmp_path):
    folder = tmp_path / "A"
    folder.mkdir()
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(SWAGGER))
    return folder


def test_schema_format_that_is_an_object_renders_and_checks(connector, tmp_path):
    rendered = invoke("docs", "render", connector, "-o", tmp_path / "page")
    assert rendered.exit_code == 0, rendered.output
    page = tmp_path / "page" / "reference.md"
    assert invoke("docs", "check", connector, page).exit_code == 0
    validated = invoke("validate", connector, "--docs", page)
    assert validated.exit_code == 1 and "OpenApiInvalid" in validated.output  # the format is reported


# (page JSON, message words, line, column)
BAD_PAGES = [
    ({"operations": 5}, "'operations' must be a list of objects", 1, 16),
    ({"operations": [1, None]}, "'operations' item 0 must be an object", 1, 17),
    ({"operations": [{"name": "x", "parameters": [None]}]}, "'parameters' item 0 must be an object", 1, 46),
    ({"operations": [{"name": "x", "returns": 3}]}, "'returns' must be a list of objects", 1, 42),
    ({"throttling": [{"calls": "x"}]}, "'calls' must be a whole number", 1, 27),
    ({"format": {"a": 1}}, "not a pacgen docs page", 1, 12),
    ([], "a page must be a JSON object", 1, 1),
]


@pytest.mark.parametrize("data,words,line,column", BAD_PAGES)
def test_malformed_json_page_is_located_and_unusable(connector, tmp_path, data, words, line, column):
    page = tmp_path / "page.json"
    page.write_text(json.dumps(data))
    for args in (("docs", "check", connector, page), ("docs", "extract", page)):
        result = invoke(*args)
        assert result.exit_code == 2, result.output
        assert f"{page}:{line}:{column}: cannot read the page: {words}" in result.output
    validated = invoke("validate", connector, "--docs", page)
    assert f"{page}:{line}:{column}: error DocsPageUnreadable: cannot read the page: {words}" in validated.output


def test_deeply_nested_json_page_is_refused(connector, tmp_path):
    page = tmp_path / "page.json"
    page.write_text('{"operations": [{"name": "x", "description": ' + "[" * 2000 + "]" * 2000 + "}]}")
    result = invoke("docs", "extract", page)
    assert result.exit_code == 2 and "nest more than 100 levels" in result.output


def test_control_characters_and_lone_surrogates_render_as_references_and_read_back(tmp_path):
    folder = tmp_path / "S"
    folder.mkdir()
    (folder / "apiDefinition.swagger.json").write_text(
        '{"swagger": "2.0", "info": {"title": "A\\ud800\\u001b[31m", "version": "1", "description": "D"},'
        ' "host": "a.com", "basePath": "/", "schemes": ["https"], "paths": {"/a": {"get": {'
        '"operationId": "GetA", "summary": "Get \\u202e A", "parameters": [{"name": "q", "in": "query",'
        ' "type": "string", "description": "x\\u001by"}], "responses": {"200": {"description": "OK"}}}}}}')
    rendered = invoke("docs", "render", folder, "-o", tmp_path / "page")
    assert rendered.exit_code == 0, rendered.output
    text = (tmp_path / "page" / "reference.md").read_text(encoding="utf-8")
    assert "\x1b" not in text and "\u202e" not in text
    assert "# A&#55296;&#27;[31m" in text and "x&#27;y" in text
    assert invoke("docs", "check", folder, tmp_path / "page" / "reference.md").exit_code == 0
