"""Ten real connectors from ../shared/corpus, edited the way real updates are made, with the exact
verdict each edit must get (codes and exit code)."""

from __future__ import annotations

import copy
import json
import shutil

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import CORPUS, need_shared

CONNECTORS = ["certified-connectors/AXtension Content Gate", "certified-connectors/DocJuris",
              "certified-connectors/DocuSign", "certified-connectors/Encodian", "certified-connectors/Mailform",
              "certified-connectors/ServiceDeskPlus Cloud", "certified-connectors/HiveCPQ - Product configurator",
              "custom-connectors/AzureADPhoneMethods", "custom-connectors/Facebook",
              "custom-connectors/ServiceNow"]
METHODS = ("get", "put", "post", "delete", "patch")


def operations(swagger: dict):
    for path, item in swagger["paths"].items():
        for method in METHODS:
            if isinstance(item.get(method), dict):
                yield path, method, item[method]


def first_action(swagger: dict):
    """The first visible, non-deprecated action (not a trigger): what an update would touch."""
    return next((path, method, op) for path, method, op in operations(swagger)
                if op.get("x-ms-visibility") != "internal" and not op.get("deprecated")
                and "x-ms-trigger" not in op and "operationId" in op)


def add_operation(swagger: dict) -> None:
    swagger["paths"]["/pacgen/added"] = {"get": {"operationId": "PacgenAdded", "summary": "Added",
                                                 "responses": {"200": {"description": "OK"}}}}


def deprecate_with_replacement(swagger: dict) -> None:
    path, method, op = first_action(swagger)
    family = op["operationId"]
    successor = copy.deepcopy(op)
    successor["operationId"] = family + "_V2"
    successor["x-ms-api-annotation"] = {"family": family, "revision": 2}
    op["deprecated"] = True
    op["x-ms-api-annotation"] = {"family": family, "revision": 1}
    swagger["paths"]["/v2" + path] = {method: successor}


def add_required_parameter(swagger: dict) -> None:
    _, _, op = first_action(swagger)
    op.setdefault("parameters", []).append({"name": "pacgenRegion", "in": "query", "type": "string",
                                            "required": True, "x-ms-summary": "Region"})


def widen_an_enum(swagger: dict) -> None:
    param = next(p for _, _, op in operations(swagger) for p in op.get("parameters", [])
                 if isinstance(p, dict) and "$ref" not in p and p.get("in") != "body"
                 and isinstance(p.get("enum"), list) and all(isinstance(v, str) for v in p["enum"]))
    param["enum"].append("pacgen-new-value")


def remove_an_operation(swagger: dict) -> None:
    path, method, _ = first_action(swagger)
    del swagger["paths"][path][method]


EDITS = {  # edit → (exact codes reported, exit code)
    add_operation: (["OperationAdded"], 0),
    deprecate_with_replacement: (["OperationAdded", "OperationDeprecated"], 0),
    add_required_parameter: (["RequiredInputAdded"], 1),
    widen_an_enum: (["InputEnumValueAdded"], 0),
    remove_an_operation: (["OperationRemoved"], 1),
}


@pytest.mark.parametrize("name", CONNECTORS)
def test_real_updates_get_exact_verdicts(tmp_path, name):
    original = need_shared(CORPUS / name)
    text = (original / "apiDefinition.swagger.json").read_text("utf-8-sig")
    for edit, (codes, status) in EDITS.items():
        edited = tmp_path / edit.__name__
        shutil.copytree(original, edited)
        swagger = json.loads(text)
        edit(swagger)
        (edited / "apiDefinition.swagger.json").write_text(json.dumps(swagger, indent=4), "utf-8")
        result = CliRunner().invoke(main, ["diff", str(original), str(edited), "--format", "json", "--strict"])
        found = json.loads(result.output)["findings"]
        assert (sorted(f["code"] for f in found), result.exit_code) == (codes, status), (edit.__name__, found)
        new_side = [f for f in found if f["code"] != "OperationRemoved"]
        assert all(f["file"].startswith(str(edited)) and f["line"] > 0 for f in new_side)


def test_every_corpus_connector_compared_with_itself_has_no_change(corpus_path):
    from generator.diff.engine import compare
    from generator.pipeline import load_connector

    folders = sorted({p.parent for p in corpus_path.rglob("apiDefinition.swagger.json")})
    assert len(folders) > 600
    changed = {}
    for folder in folders:
        connector = load_connector(folder)
        if isinstance(connector.swagger, dict):
            found = compare(connector, connector)
            if found:
                changed[folder.name] = found[:3]
    assert changed == {}
