"""Load a YAML spec safely, keeping the line and column of every key and value.

Only plain YAML data is accepted: tags that would construct objects are errors. Anchors, aliases
and merge keys (``<<: *envelope``) work, so shared blocks are written once. Duplicate keys are
errors (PyYAML would silently keep the last one). Dates stay strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.findings import Finding, Severity

Path_ = tuple  # a path of keys and indices into the spec data


class _SpecLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader without the timestamp resolver: '2024-01-31' stays a string."""


_SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class SpecSource:
    """The spec's data plus where each element stands in the file."""

    path: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """Line and column of the element at ``path`` (or of its key), else of its nearest ancestor."""
        path = tuple(path)
        while True:
            table = self.keys if key and path in self.keys else self.values
            if path in table:
                return table[path]
            if not path:
                return (1, 1)
            path = path[:-1]
            key = False

    def finding(self, code: str, message: str, path: Path_, hint: str = "", key: bool = False,
                severity: Severity = Severity.ERROR) -> Finding:
        line, column = self.locate(path, key)
        pointer = "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in path)
        return Finding(code, severity, message, self.path, pointer, line, column, hint)


class SpecError(Exception):
    """The spec cannot be used; ``findings`` say where and why."""

    def __init__(self, findings: list[Finding]):
        super().__init__("\n".join(f.message for f in findings))
        self.findings = findings


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def load_spec_text(text: str, path: str = "<spec>") -> SpecSource:
    source = SpecSource(path, None)
    loader = _SpecLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise SpecError([Finding("SpecEmpty", Severity.ERROR, "the spec is empty", path, "", 1, 1,
                                     "start from spec/clicksend.yaml or `pacgen import`")])
        findings: list[Finding] = []
        source.data = _build(loader, root, (), source, findings)
        if findings:
            raise SpecError(findings)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or str(exc)
        raise SpecError([Finding("YamlSyntaxError", Severity.ERROR, f"invalid YAML: {problem}", path, "",
                                 line, column, "fix the YAML at this position")]) from None
    finally:
        loader.dispose()
    return source


def load_spec(path: str | Path) -> SpecSource:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError([Finding("SpecNotFound", Severity.ERROR, "no such file", str(path), "", 0, 0,
                                 "check the path")]) from None
    except UnicodeDecodeError as exc:
        raise SpecError([Finding("InvalidUtf8", Severity.ERROR,
                                 f"not valid UTF-8 at byte offset {exc.start}", str(path), "", 1, 1,
                                 "save the spec as UTF-8")]) from None
    return load_spec_text(text, str(path))


_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}


def _build(loader: yaml.SafeLoader, node: yaml.Node, here: Path_, source: SpecSource,
           findings: list[Finding]) -> Any:
    source.values[here] = _mark(node)  # later wins, as explicit keys win over merged ones
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return node.value  # most values: skip PyYAML's constructor machinery
        if node.tag not in _SCALAR_TAGS:
            line, column = _mark(node)
            findings.append(Finding("YamlTagNotAllowed", Severity.ERROR,
                                    f"YAML tag {node.tag} is not allowed in a spec", source.path, "",
                                    line, column, "write plain values; remove the tag"))
            return None
        return loader.construct_object(node)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            findings.append(_tag_finding(node, source))
        return [_build(loader, item, here + (i,), source, findings) for i, item in enumerate(node.value)]
    if node.tag != "tag:yaml.org,2002:map":
        findings.append(_tag_finding(node, source))
    if _check_duplicate_keys(node, source, findings):
        loader.flatten_mapping(node)  # resolves `<<` merge keys; explicit keys win
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_TAGS:
            line, column = _mark(key_node)
            findings.append(Finding("YamlKeyNotScalar", Severity.ERROR, "a key must be a plain value",
                                    source.path, "", line, column, "use a plain string key"))
            continue
        # Keys are strings in JSON: `200:` and `true:` become "200" and "true".
        key = key_node.value
        child = here + (key,)
        source.keys[child] = _mark(key_node)
        result[key] = _build(loader, value_node, child, source, findings)
    return result


def _tag_finding(node: yaml.Node, source: SpecSource) -> Finding:
    line, column = _mark(node)
    return Finding("YamlTagNotAllowed", Severity.ERROR, f"YAML tag {node.tag} is not allowed in a spec",
                   source.path, "", line, column, "write plain values; remove the tag")


def _check_duplicate_keys(node: yaml.MappingNode, source: SpecSource, findings: list[Finding]) -> bool:
    """Report keys written twice; True when the mapping has a `<<` merge key to resolve."""
    seen: dict[str, yaml.Node] = {}
    merges = False
    for key_node, _ in node.value:
        if key_node.tag == _MERGE:
            merges = True
            continue
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        name = key_node.value
        if name in seen:
            line, column = _mark(key_node)
            first_line = seen[name].start_mark.line + 1
            findings.append(Finding(
                "DuplicateKey", Severity.ERROR,
                f"duplicate key '{name}' (first defined on line {first_line})", source.path,
                "", line, column, "remove one of them; YAML would silently keep only the last"))
        else:
            seen[name] = key_node
    return merges
