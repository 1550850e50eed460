"""script.csx beside a connector folder is read and checked; findings sit at the script's line:col."""

import json

from generator.pipeline import load_connector
from generator.validate.pipeline import validate

SWAGGER = {"swagger": "2.0", "info": {"title": "Contoso", "description": "Contoso sends text messages.",
                                      "version": "1.0"},
           "host": "api.contoso.com", "basePath": "/", "schemes": ["https"],
           "paths": {"/a": {"get": {"operationId": "GetA", "summary": "Get A", "description": "Gets A.",
                                    "responses": {"200": {"description": "OK"}}}}}}

SCRIPT = """using System.Net.Http;
using System.Data.SqlClient;

public class Script : ScriptBase
{
    public override async Task<HttpResponseMessage> ExecuteAsync()
    {
        // File.ReadAllText in a comment is not a call
        var text = File.ReadAllText("/tmp/x");
        var client = new HttpClient();
        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken);
    }
}
"""


def _folder(tmp_path, script: str | None):
    (tmp_path / "apiDefinition.swagger.json").write_text(json.dumps(SWAGGER, indent=4), "utf-8")
    (tmp_path / "apiProperties.json").write_text(json.dumps(
        {"properties": {"iconBrandColor": "#da3b01", "scriptOperations": ["GetA", "GetB"]}}, indent=4), "utf-8")
    if script is not None:
        (tmp_path / "script.csx").write_text(script, "utf-8")
    return tmp_path


def _script_findings(outcome):
    return sorted((f.code, f.line, f.column) for f in outcome.findings if f.file.endswith("script.csx"))


def test_every_script_finding_at_its_line_and_column(tmp_path):
    outcome = validate(load_connector(_folder(tmp_path, SCRIPT)))
    assert _script_findings(outcome) == [
        ("ScriptApiNotAllowed", 9, 20),
        ("ScriptConfigureAwaitMissing", 11, 16),
        ("ScriptHttpClientCreated", 10, 22),
        ("ScriptNamespaceNotSupported", 2, 7),
    ]
    assert "ScriptOperationNotFound" in {f.code for f in outcome.findings}


def test_a_script_without_the_script_class(tmp_path):
    outcome = validate(load_connector(_folder(tmp_path, "public class Helper { }\n")))
    assert _script_findings(outcome) == [("ScriptClassMissing", 1, 1)]


def test_no_script_no_script_findings(tmp_path):
    outcome = validate(load_connector(_folder(tmp_path, None)))
    assert _script_findings(outcome) == []


def test_a_script_over_one_megabyte_is_reported_with_its_size(tmp_path):
    body = "// padding\n" * 100_000  # 1,100,000 bytes
    script = SCRIPT.replace("using System.Data.SqlClient;\n", "") + body
    outcome = validate(load_connector(_folder(tmp_path, script)))
    large = [f for f in outcome.findings if f.code == "ScriptTooLarge"]
    assert len(large) == 1 and (large[0].line, large[0].column) == (1, 1)
    assert f"{len(script.encode()):,} bytes" in large[0].message


def test_a_script_of_exactly_one_megabyte_is_accepted(tmp_path):
    script = "x" * 1_048_576
    outcome = validate(load_connector(_folder(tmp_path, script)))
    assert "ScriptTooLarge" not in {f.code for f in outcome.findings}


REFERENCES = """public class Script : ScriptBase
{
    public override async Task<HttpResponseMessage> ExecuteAsync()
    {
        if (this.Context.OperationId == "GetA") { }
        if ("GetB" == this.Context.OperationId) { }
        if (this.Context.OperationId == "GetC") { }
        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken).ConfigureAwait(false);
    }
}
"""


def test_operation_ids_the_script_compares_exist_and_are_routed(tmp_path):
    swagger = json.loads(json.dumps(SWAGGER))
    swagger["paths"]["/c"] = {"get": {"operationId": "GetC", "summary": "Get C", "description": "Gets C.",
                                      "responses": {"200": {"description": "OK"}}}}
    folder = _folder(tmp_path, REFERENCES)
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(swagger, indent=4), "utf-8")
    outcome = validate(load_connector(folder))
    found = [(f.line, f.column, f.message) for f in outcome.findings if f.code == "ScriptOperationIdNotFound"]
    # GetB is no operation; GetC exists but scriptOperations ([GetA, GetB]) does not route it
    assert [(line, column) for line, column, _ in found] == [(6, 14), (7, 42)]
    assert "does not exist" in found[0][2] and "does not route" in found[1][2]
