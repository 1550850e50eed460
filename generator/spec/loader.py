"""Load a YAML spec safely, keeping the line and column of every key and value.

Only plain YAML data is accepted: tags that would construct objects are errors. Anchors, aliases
and merge keys (``<<: *envelope``) work, so shared blocks are written once. Duplicate keys are
errors (PyYAML would silently keep the last one). Dates stay strings.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from generator.findings import Finding, Severity
from generator.limits import ALIAS_EXPANSION_FACTOR, ALIAS_EXPANSION_FLOOR, MAX_DEPTH

Path_ = tuple  # a path of keys and indices into the spec data


class _SpecLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader without the timestamp resolver: '2024-01-31' stays a string."""


_SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class SpecSource:
    """The spec's data plus where each element stands in the file: ``values`` and ``keys`` map a
    path of keys and indices to the (line, column) of the value or of its key."""

    def __init__(self, path: str, data: Any):
        self.path = path
        self.data = data
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}

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


def load_spec_text(text: str, path: str = "<spec>") -> SpecSource:
    source = SpecSource(path, None)
    loader = _SpecLoader(text)
    try:
        builder = _Builder(loader, source)
        source.data = builder.document()
        if builder.findings:
            raise SpecError(builder.findings)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or str(exc)
        raise SpecError([Finding("YamlSyntaxError", Severity.ERROR, f"invalid YAML: {problem}", path, "",
                                 line, column, "fix the YAML at this position")]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: it has an offset only
        line, column = _line_column(text, exc.position)
        raise SpecError([Finding("YamlSyntaxError", Severity.ERROR,
                                 f"invalid YAML: character U+{exc.character:04X} is not allowed", path, "",
                                 line, column, "remove the control character (or write it as an escape"
                                 " in a double-quoted string)")]) from None
    finally:
        loader.dispose()
    return source


def _line_column(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def load_spec(path: str | Path) -> SpecSource:
    from generator.inputfile import read_input_text

    path = Path(path)
    try:
        text = read_input_text(path)
    except FileNotFoundError:
        raise SpecError([Finding("SpecNotFound", Severity.ERROR, "no such file", str(path), "", 0, 0,
                                 "check the path")]) from None
    except OSError as exc:
        raise SpecError([Finding("InputUnreadable", Severity.ERROR, f"cannot read: {exc.strerror or exc}",
                                 str(path), "", 0, 0, "point at a regular YAML file")]) from None
    except UnicodeDecodeError as exc:
        raise SpecError([Finding("InvalidUtf8", Severity.ERROR,
                                 f"not valid UTF-8 at byte offset {exc.start}", str(path), "", 1, 1,
                                 "save the spec as UTF-8")]) from None
    return load_spec_text(text, str(path))


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}


class _Builder:
    """Builds the spec's data straight from the parser's events, noting where every key and value
    starts (composing PyYAML nodes first and constructing from them cost more). Aliases give a
    fresh copy of their anchor's value, placed where the anchor was written. Merge keys as YAML
    defines them: merged keys first, in the order of the sources; of two sources that have the
    same key, the earlier one wins; the mapping's own keys win over all."""

    def __init__(self, loader: yaml.SafeLoader, source: SpecSource):
        self.loader = loader
        self.source = source
        self.values, self.keys = source.values, source.keys
        self.findings: list[Finding] = []
        self.resolvers = loader.yaml_implicit_resolvers
        self.tags: dict[str, str] = {}  # plain scalar → its tag; keys and values repeat a lot
        self.constructors = loader.yaml_constructors
        # Every position noted, in order (a later note of the same path wins):
        # (table, path, (line, column)). Anchors keep theirs relative to the anchored node.
        self.log: list[tuple[dict, tuple, tuple[int, int]]] = []
        self.anchors: dict[str, tuple[Any, list]] = {}
        self.written = 0  # nodes written in the file
        self.expanded = 0  # nodes (and keys) that aliases copied

    # --- document ---------------------------------------------------------------------------
    def document(self) -> Any:
        next_event = self.loader.get_event
        next_event()  # stream start
        if isinstance(self.loader.peek_event(), StreamEndEvent):
            raise SpecError([Finding("SpecEmpty", Severity.ERROR, "the spec is empty", self.source.path,
                                     "", 1, 1, "start from spec/clicksend.yaml or `pacgen import`")])
        next_event()  # document start
        data = self.node(())
        next_event()  # document end
        extra = next_event()
        if not isinstance(extra, StreamEndEvent):
            raise yaml.composer.ComposerError("expected a single document in the stream", None,
                                              "but found another document", extra.start_mark)
        for table, path, position in self.log:
            table[path] = position
        return data

    def error(self, code: str, message: str, event, hint: str) -> None:
        mark = event.start_mark
        self.findings.append(Finding(code, Severity.ERROR, message, self.source.path, "",
                                     mark.line + 1, mark.column + 1, hint))

    def too_deep(self, event) -> SpecError:
        mark = event.start_mark
        return SpecError([Finding("NestingTooDeep", Severity.ERROR,
                                  f"objects and arrays nest more than {MAX_DEPTH} levels deep here",
                                  self.source.path, "", mark.line + 1, mark.column + 1,
                                  f"flatten it: pacgen reads at most {MAX_DEPTH} levels")])

    # --- nodes ------------------------------------------------------------------------------
    def node(self, here: tuple) -> Any:
        event = self.loader.get_event()
        if type(event) is AliasEvent:
            value, relative = self.anchored(event, len(here))
            self.log += [(table, here + rest, position) for table, rest, position in relative]
            return _copy(value)
        self.written += 1
        if len(here) >= MAX_DEPTH and type(event) is not ScalarEvent:
            raise self.too_deep(event)
        start = len(self.log)
        mark = event.start_mark
        self.log.append((self.values, here, (mark.line + 1, mark.column + 1)))
        kind = type(event)
        if kind is ScalarEvent:
            value = self.scalar(event)
        elif kind is SequenceStartEvent:
            value = self.sequence(event, here)
        else:
            value = self.mapping(event, here)
        if event.anchor is not None:
            self.remember(event, value, self.relative(start, len(here)))
        return value

    def relative(self, start: int, cut: int) -> list:
        """The positions noted since ``start``, with the first ``cut`` steps of their paths removed."""
        return [(table, path[cut:], position) for table, path, position in self.log[start:]]

    def scalar(self, event) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolve(event.value) if event.implicit[0] else _STR
        if tag == _STR:
            return event.value
        if tag not in _SCALAR_TAGS:
            self.error("YamlTagNotAllowed", f"YAML tag {tag} is not allowed in a spec", event,
                       "write plain values; remove the tag")
            return None
        try:
            value = self.constructors[tag](self.loader, yaml.ScalarNode(tag, event.value))
        except (ValueError, KeyError, IndexError) as exc:  # `!!int abc`, 5,000 digits, `!!bool maybe`
            if "digits" in str(exc):
                self.error("NumberTooLong", "a number has more than 4300 digits: no connector can use it",
                           event, "write it as a string")
                return None
            kind = tag.rsplit(":", 1)[-1]  # the value is not quoted: it may be a credential
            self.error("YamlValueInvalid", f"this value is not a valid {kind}", event,
                       "write a valid value, or quote it to make it a string")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.error("YamlValueInvalid", f"{event.value} is not a JSON number", event,
                       "JSON has no infinity or NaN: write a number, or quote the value")
            return None
        return value

    def resolve(self, value: str) -> str:
        """The tag of a plain scalar, as PyYAML's resolver gives it (without timestamps)."""
        tag = self.tags.get(value)
        if tag is None:
            tag = next((tag for tag, pattern in self.resolvers.get(value[0] if value else "", ())
                        if pattern.match(value)), _STR)
            self.tags[value] = tag
        return tag

    def sequence(self, event, here: tuple) -> list:
        if event.tag not in (None, "!", _SEQ):
            self.error("YamlTagNotAllowed", f"YAML tag {event.tag} is not allowed in a spec", event,
                       "write plain values; remove the tag")
        items: list = []
        peek = self.loader.peek_event
        while type(peek()) is not SequenceEndEvent:
            items.append(self.node(here + (len(items),)))
        self.loader.get_event()
        return items

    def mapping(self, event, here: tuple) -> dict:
        if event.tag not in (None, "!", _MAP):
            self.error("YamlTagNotAllowed", f"YAML tag {event.tag} is not allowed in a spec", event,
                       "write plain values; remove the tag")
        loader, keys_table, log = self.loader, self.keys, self.log
        explicit: dict[str, Any] = {}
        merges: list[tuple[Any, list, Any]] = []
        while type(loader.peek_event()) is not MappingEndEvent:
            key_event = loader.get_event()
            key = self.key(key_event)
            if key is None:
                self.skip()
            elif key is _MERGE_KEY:
                merges.append(self.merge_source(here))
            else:
                mark = key_event.start_mark
                child = here + (key,)
                if key in explicit:
                    self.duplicate(key, child, key_event)
                log.append((keys_table, child, (mark.line + 1, mark.column + 1)))
                explicit[key] = self.node(child)
        loader.get_event()
        return self.merge(here, merges, explicit) if merges else explicit

    def duplicate(self, key: str, child: tuple, event) -> None:
        first = next(position for table, path, position in reversed(self.log)
                     if table is self.keys and path == child)
        self.error("DuplicateKey", f"duplicate key '{key}' (first defined on line {first[0]})", event,
                   "remove one of them; YAML would silently keep only the last")

    def key(self, event):
        """The key's text; _MERGE_KEY for `<<`; None (after a finding) for a key that is not plain."""
        if type(event) is ScalarEvent:
            tag = event.tag
            if tag is None or tag == "!":
                tag = self.resolve(event.value) if event.implicit[0] else _STR
            if tag == _MERGE:
                return _MERGE_KEY
            if tag in _SCALAR_TAGS:
                return event.value  # keys are strings in JSON: `200:` and `true:` give "200", "true"
        elif type(event) is not AliasEvent:
            self.skip_rest(event)
        self.error("YamlKeyNotScalar", "a key must be a plain value", event, "use a plain string key")
        return None

    # --- merge keys -------------------------------------------------------------------------
    def merge_source(self, here: tuple) -> tuple[Any, list, Any]:
        """The value of a `<<` key with its positions relative to it; they are noted only for the
        keys the merge gives the mapping."""
        event = self.loader.peek_event()
        if type(event) is AliasEvent:
            self.loader.get_event()
            value, relative = self.anchored(event, len(here))
            return _copy(value), relative, event
        start = len(self.log)
        value = self.node(here)
        relative = self.relative(start, len(here))
        del self.log[start:]
        return value, relative, event

    def merge(self, here: tuple, merges: list, explicit: dict) -> dict:
        sources: list[tuple[dict, list]] = []
        for value, relative, event in merges:
            if isinstance(value, dict):
                sources.append((value, relative))
            elif isinstance(value, list) and all(isinstance(item, dict) for item in value):
                for index, item in enumerate(value):
                    sources.append((item, [(table, rest[1:], position) for table, rest, position in relative
                                           if rest and rest[0] == index]))
            else:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", None,
                    "expected a mapping or a list of mappings for merging, but found "
                    + ("a list with other items" if isinstance(value, list) else "a single value"),
                    event.start_mark)
        result: dict[str, Any] = {}
        for value, _ in sources:
            for key, item in value.items():
                result.setdefault(key, item)  # the first source that has a key gives its value
        for _, relative in reversed(sources):  # so the first source's positions win
            self.log += [(table, here + rest, position) for table, rest, position in relative
                         if rest and rest[0] not in explicit]  # the mapping's own keys win
        result.update(explicit)
        return result

    # --- anchors and aliases ----------------------------------------------------------------
    def remember(self, event, value: Any, relative: list) -> None:
        if event.anchor in self.anchors:
            raise yaml.composer.ComposerError(
                f"found duplicate anchor {event.anchor!r}", None, "second occurrence", event.start_mark)
        self.anchors[event.anchor] = (value, relative)

    def anchored(self, event, depth: int) -> tuple[Any, list]:
        """The anchor's value and positions; an alias may neither expand the spec beyond the
        limit (a few bytes of nested aliases would take gigabytes) nor nest it too deeply."""
        if event.anchor not in self.anchors:
            raise yaml.composer.ComposerError(None, None, f"found undefined alias {event.anchor!r}",
                                              event.start_mark)
        value, relative = self.anchors[event.anchor]
        self.expanded += len(relative)
        allowed = max(ALIAS_EXPANSION_FLOOR, ALIAS_EXPANSION_FACTOR * self.written)
        if self.expanded > allowed:
            raise SpecError([Finding(
                "YamlAliasExpansion", Severity.ERROR,
                f"aliases expand the spec beyond {allowed:,} nodes ({ALIAS_EXPANSION_FACTOR} times the"
                f" {self.written:,} written, at least {ALIAS_EXPANSION_FLOOR:,})", self.source.path, "",
                event.start_mark.line + 1, event.start_mark.column + 1,
                "write the repeated blocks out, or nest fewer aliases")])
        if depth + _depth_of(relative) > MAX_DEPTH:
            raise self.too_deep(event)
        return value, relative

    # --- skipping -----------------------------------------------------------------------------
    def skip(self) -> None:
        """Consume one node's events without building it (the value of a refused key)."""
        self.skip_rest(self.loader.get_event())

    def skip_rest(self, event) -> None:
        depth = 1 if isinstance(event, (SequenceStartEvent, MappingStartEvent)) else 0
        while depth:
            event = self.loader.get_event()
            if isinstance(event, (SequenceStartEvent, MappingStartEvent)):
                depth += 1
            elif isinstance(event, (SequenceEndEvent, MappingEndEvent)):
                depth -= 1


_MERGE_KEY = object()


def _depth_of(relative: list) -> int:
    """How deep the containers of an anchored value reach below it."""
    return max((len(rest) for _, rest, _ in relative), default=0)


def _copy(value: Any) -> Any:
    """A fresh copy of plain YAML data, so that no two places in the spec share one object."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value
