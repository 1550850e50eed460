"""Operation ids script.csx compares against, checked against the swagger and scriptOperations.

A stage of its own (after the file rules): it needs the script's text and both documents,
which neither a file rule (text only) nor a document rule (documents only) sees."""

from __future__ import annotations

import re

from generator.findings import Finding, Severity
from generator.source import Document

CODE = "ScriptOperationIdNotFound"
#: `OperationId == "X"` and `"X" == this.Context.OperationId`.
COMPARED = re.compile(r'OperationId\s*==\s*"([^"\\]+)"|"([^"\\]+)"\s*==\s*[\w.]*OperationId\b')


def script_operation_findings(script: Document, swagger, properties) -> list[Finding]:
    """Each compared id that is no operationId, or that scriptOperations does not route."""
    known = _operation_ids(swagger)
    routed = _script_operations(properties)
    found = []
    for match in COMPARED.finditer(script.text):
        name = match.group(1) or match.group(2)
        start = match.start(1) if match.group(1) else match.start(2)
        line, column = script.line_col(start)
        if name not in known:
            message, hint = ("the script compares OperationId with an operation that does not exist",
                             "use an operationId of the swagger; this branch of the script never runs")
        elif routed is not None and name not in routed:
            message, hint = ("the script handles an operation that scriptOperations does not route to it",
                             "add the operationId to apiProperties scriptOperations")
        else:
            continue
        found.append(Finding(CODE, Severity.WARNING, message, script.path, "", line, column, hint))
    return found


def _operation_ids(swagger) -> set[str]:
    paths = swagger.get("paths") if isinstance(swagger, dict) else None
    ids = set()
    for item in paths.values() if isinstance(paths, dict) else ():
        for operation in item.values() if isinstance(item, dict) else ():
            if isinstance(operation, dict) and isinstance(operation.get("operationId"), str):
                ids.add(operation["operationId"])
    return ids


def _script_operations(properties) -> set[str] | None:
    props = properties.get("properties") if isinstance(properties, dict) else None
    listed = props.get("scriptOperations") if isinstance(props, dict) else None
    return {name for name in listed if isinstance(name, str)} if isinstance(listed, list) else None
