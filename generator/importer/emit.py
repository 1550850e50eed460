"""Spec data → YAML text a maintainer would write: block style, keys in the given order, multi-line
text as literal blocks, short leaf objects on one line, comments just above what they are about.

A small emitter of our own: PyYAML's representer costs more than everything else in a corpus round
trip, and the spec needs only JSON values. Strings are written plain only when YAML reads them back
as the same string (never "yes", "1.0", "null", dates, ...); otherwise single- or double-quoted.
Floats always keep a dot (1.0 stays a float), integers of any size stay exact.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

import yaml

INDENT = "  "
BLOCK_PATHS = {("layout",)}  # always written in block style: one line per kind of entry
FLOW_WIDTH = 140  # a small object or list is written on one line when the line stays this short
LEAF_WIDTH = 200  # ... and an object of scalars alone (a property, a parameter) when it stays this short
_resolver = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
_RESOLVED_FIRST = frozenset(first for first in _resolver.yaml_implicit_resolvers if first) \
    if None not in _resolver.yaml_implicit_resolvers else None
# Characters YAML cannot hold raw in a quoted scalar, or reads as line breaks.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                            "\U00010000-\U0010ffff]")
_NOT_PLAIN_BLOCK = re.compile(r"[\t\"\\`]|: |:$| #|\s$|^[^\w/.($]")  # {}[], only matter in flow
_NOT_PLAIN_FLOW = re.compile(r"[\[\]{},\t\"\\`:?#]|\s$|^[^\w/.($]")


def dump_yaml(data: Any, comments: dict[tuple, list[str]] | None = None, share: bool = False) -> str:
    """``data`` (JSON values) as block YAML; ``comments`` by spec path (keys and list indices).
    With ``share``, a subtree written more than once is written once with an anchor (`&name`) and
    then as aliases (`*name`), which the spec loader expands into the same value."""
    lines: list[str] = []
    emitter = _Emitter(lines, comments or {})
    emitter.commented |= BLOCK_PATHS
    if share:
        emitter.anchors, emitter.aliases = plan_sharing(data, emitter.commented | set(comments or {}))
        # Objects holding an anchor or alias are written in block style too, so it has a line.
        emitter.commented |= {path[:end] for path in (*emitter.anchors, *emitter.aliases)
                              for end in range(len(path))}
    emitter.node(data, (), 0)
    return "\n".join(lines) + "\n"


def emit_spec(spec: dict, comments: dict[tuple, list[str]], header: list[str]) -> str:
    head = "".join(f"# {comment_text(line)}".rstrip() + "\n" for line in header)
    return head + dump_yaml(spec, comments, share=True)


#: Keys whose values are structure rather than names: not used to name an anchor.
_STRUCTURAL = frozenset(("schema", "items", "properties", "parameters", "responses", "headers", "allOf",
                         "operations", "definitions", "additionalProperties", "uiDefinition"))
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_]+")
MIN_SHARED_CHARS = 40  # smaller subtrees fit on one line: an alias would not make the spec shorter


def _needs_lines(value: dict | list, path: tuple) -> bool:
    """Would the value take more than its key's line (so that an alias makes the spec shorter)?"""
    indent = len(INDENT) * len(path) + len(str(path[-1])) + 4
    return flow_text(value, (LEAF_WIDTH if _is_leaf(value) else FLOW_WIDTH) - indent) is None


def plan_sharing(data: Any, commented: set) -> tuple[dict[tuple, str], dict[tuple, str]]:
    """(anchors, aliases) by path: every subtree that is written again later, is too large for one
    line and holds no comment is anchored where it first appears; later copies become aliases.
    A copy inside an aliased subtree is not counted (the alias carries it)."""
    first: dict[tuple, tuple] = {}  # (context, text) → path of the first copy
    repeats: dict[tuple, list[tuple]] = {}

    def walk(value: Any, path: tuple) -> None:
        if not isinstance(value, (dict, list)) or not value or path[:1] == ("layout",):
            return  # the layout is read as lists of names: no aliases there
        if path and path not in commented and len(path) > 1:
            text = json.dumps(value, ensure_ascii=False)
            if len(text) >= MIN_SHARED_CHARS:
                key = (_context(path), text)
                if key in first:
                    repeats.setdefault(key, []).append(path)
                    return
                first[key] = path
        for child_key, child in (value.items() if isinstance(value, dict) else enumerate(value)):
            walk(child, path + (child_key,))

    walk(data, ())
    anchors: dict[tuple, str] = {}
    aliases: dict[tuple, str] = {}
    taken: set[str] = set()
    for key, copies in sorted(repeats.items(), key=lambda item: _path_order(first[item[0]], data)):
        if not _needs_lines(_value_at(data, first[key]), first[key]):
            continue  # it fits on its key's line: an alias would not be shorter (nor would its parts)
        name = _anchor_name(first[key], data, taken)
        anchors[first[key]] = name
        for path in copies:
            aliases[path] = name
    return anchors, aliases


def _value_at(data: Any, path: tuple) -> Any:
    for token in path:
        data = data[token]
    return data


def _context(path: tuple) -> tuple:
    """What kind of element a path holds (a schema, a parameter, a response...): copies are shared
    only within one kind, so an alias always expands the way its anchor does."""
    parent = path[-2] if len(path) > 1 else None
    if isinstance(path[-1], int) or parent in ("properties", "responses", "definitions", "headers", "paths"):
        return (parent,)
    return (path[-1],)


def _path_order(path: tuple, data: Any) -> list:
    """A sort key putting paths in document order (dict members by position)."""
    order, value = [], data
    for token in path:
        order.append(token if isinstance(token, int) else list(value).index(token))
        value = value[token]
    return order


def _anchor_name(path: tuple, data: Any, taken: set[str]) -> str:
    """A name saying what the shared block is: a parameter's name, a property's or definition's
    name, or the operation and the section (`ListItems_responses`, `status_404`)."""
    value, owner = data, None
    for index, token in enumerate(path):
        value = value[token]
        if index == 1 and path[0] == "operations" and isinstance(value, dict) and isinstance(value.get("id"), str):
            owner = value["id"]
    last = path[-1]
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        base = value["name"] + ("_parameter" if path[-2:-1] == ("parameters",) or isinstance(last, int) else "")
    elif len(path) > 1 and path[-2] == "responses":
        base = f"status_{last}"
    elif isinstance(last, str) and last not in _STRUCTURAL:
        base = last
    else:
        words = [str(t) for t in path[:-1] if not isinstance(t, int) and t not in _STRUCTURAL]
        base = "_".join(filter(None, [owner if not words or words[-1] == "operations" else words[-1],
                                      str(last) if not isinstance(last, int) else "item"]))
    name = _ANCHOR_UNSAFE.sub("_", base).strip("_")[:40] or "shared"
    candidate, counter = name, 2
    while candidate in taken:
        candidate, counter = f"{name}_{counter}", counter + 1
    taken.add(candidate)
    return candidate


_NOT_IN_COMMENT = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                             "\U00010000-\U0010ffff]")


def comment_text(text: str) -> str:
    """One comment line whatever ``text`` holds: every character that could end the comment (line
    breaks of any kind) or that YAML refuses (control characters, lone surrogates) is written as
    an escape, so nothing read from an input can become YAML of its own."""
    return _NOT_IN_COMMENT.sub(_escape_char, text)


class _Emitter:
    def __init__(self, lines: list[str], comments: dict[tuple, list[str]]) -> None:
        self.lines = lines
        self.comments = comments
        self.anchors: dict[tuple, str] = {}
        self.aliases: dict[tuple, str] = {}
        # Objects holding a commented member are written in block style, so the comment has a line.
        self.commented = {path[:end] for path in comments for end in range(len(path))}

    def comment(self, path: tuple, depth: int) -> None:
        for text in self.comments.get(path, ()):
            for line in text.split("\n"):
                self.lines.append(f"{INDENT * depth}# {comment_text(line)}".rstrip())

    def node(self, value: Any, path: tuple, depth: int) -> None:
        """A top-level value (the spec is a mapping; anything else is written on one line)."""
        if isinstance(value, dict) and value:
            self.mapping(value, path, depth, "")
        elif isinstance(value, list) and value:
            self.sequence(value, path, depth)
        else:
            self.lines.append(scalar(value, flow=False) if not isinstance(value, (dict, list))
                              else ("{}" if isinstance(value, dict) else "[]"))

    def mapping(self, value: dict, path: tuple, depth: int, first_prefix: str) -> None:
        """Members at ``depth``; the first line starts with ``first_prefix`` (a list item's "- ")."""
        pad = INDENT * depth
        for index, (key, member) in enumerate(value.items()):
            here = path + (key,)
            lead = first_prefix if index == 0 and first_prefix else pad
            if not (index == 0 and first_prefix):
                self.comment(here, depth)
            self.member(lead + key_text(key) + ":", member, here, depth)

    def member(self, head: str, value: Any, path: tuple, depth: int) -> None:
        """``head`` ("key:" or "-") followed by the value, inline or as a nested block."""
        if path in self.aliases:
            self.lines.append(f"{head} *{self.aliases[path]}")
            return
        if path in self.anchors:
            self.anchored(head + f" &{self.anchors[path]}", value, path, depth)
            return
        inline = None if path in self.commented and isinstance(value, (dict, list)) \
            else inline_text(value, len(head) + 1)
        if inline is not None:
            self.lines.append(f"{head} {inline}")
        elif path[:1] == ("layout",) and isinstance(value, list) and all(isinstance(v, str) for v in value):
            self.lines.extend(wrapped_flow(head, value, INDENT * (depth + 1)))
        elif isinstance(value, str):
            self.literal(head, value, depth + 1)
        elif isinstance(value, dict):
            if head.endswith("-"):
                first_key = next(iter(value))
                self.comment(path + (first_key,), depth)
                self.mapping(value, path, depth + 1, head + " ")
            else:
                self.lines.append(head)
                self.mapping(value, path, depth + 1, "")
        else:
            self.lines.append(head)
            self.sequence(value, path, depth + 1)

    def anchored(self, head: str, value: dict | list, path: tuple, depth: int) -> None:
        """An anchored object or list: on the line of its anchor when it fits, else below it (a
        list item's mapping cannot start on the anchor's line: the anchor would name its first key)."""
        inline = None if path in self.commented else inline_text(value, len(head) + 1)
        if inline is not None:
            self.lines.append(f"{head} {inline}")
            return
        self.lines.append(head)
        if isinstance(value, dict):
            self.mapping(value, path, depth + 1, "")
        else:
            self.sequence(value, path, depth + 1)

    def sequence(self, value: list, path: tuple, depth: int) -> None:
        pad = INDENT * depth
        for index, item in enumerate(value):
            self.comment(path + (index,), depth)
            self.member(pad + "-", item, path + (index,), depth)

    def literal(self, head: str, value: str, depth: int) -> None:
        chomp = "" if value.endswith("\n") else "-"
        self.lines.append(f"{head} |{chomp}")
        pad = INDENT * depth
        body = value[:-1] if value.endswith("\n") else value
        self.lines.extend(pad + line if line else "" for line in body.split("\n"))


def wrapped_flow(head: str, names: list[str], pad: str) -> list[str]:
    """A long list of names as a flow sequence over several lines (`[a, b,` / `  c]`), which
    reads as a list of names better than one name a line."""
    lines, line = [], head + " ["
    for index, name in enumerate(names):
        piece = scalar(name, flow=True) + ("]" if index == len(names) - 1 else ",")
        if len(line) + 1 + len(piece) > FLOW_WIDTH and not line.endswith("["):
            lines.append(line)
            line = pad + piece
        else:
            line += ("" if line.endswith("[") else " ") + piece
    return lines + [line]


def inline_text(value: Any, used: int) -> str | None:
    """The value on the same line as its key, or None when it needs a block of its own."""
    if isinstance(value, str):
        return None if literal_ok(value) else scalar(value, flow=False)
    if not isinstance(value, (dict, list)):
        return scalar(value, flow=False)
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    flow = flow_text(value)
    if flow is None or used + len(flow) > (LEAF_WIDTH if _is_leaf(value) else FLOW_WIDTH):
        return None
    return flow


def _is_leaf(value: dict | list) -> bool:
    return isinstance(value, dict) and not any(isinstance(item, (dict, list)) and item for item in value.values())


def flow_text(value: dict | list, budget: int | None = None) -> str | None:
    """A small object or list as `{a: 1, b: {c: x}}` / `[a, b]`; None when it does not fit in
    ``budget`` characters or holds multi-line text."""
    budget = LEAF_WIDTH if budget is None else budget
    if len(value) > FLOW_WIDTH // 4:
        return None
    parts: list[str] = []
    used = 2
    for key, item in (value.items() if isinstance(value, dict) else enumerate(value)):
        prefix = f"{key_text(key, flow=True)}: " if isinstance(value, dict) else ""
        if isinstance(item, (dict, list)):
            text = flow_text(item, budget - used - len(prefix)) if item else ("{}" if isinstance(item, dict) else "[]")
            if text is None:
                return None
        elif isinstance(item, str) and "\n" in item:
            return None
        else:
            text = scalar(item, flow=True)
        parts.append(prefix + text)
        used += len(parts[-1]) + 2
        if used > budget:
            return None
    return "{" + ", ".join(parts) + "}" if isinstance(value, dict) else "[" + ", ".join(parts) + "]"


def literal_ok(value: str) -> bool:
    """Multi-line text that a literal block (`|` / `|-`) carries exactly."""
    if "\n" not in value or value.endswith("\n\n") or value.startswith((" ", "\n")) \
            or "\r" in value or "\t" in value:
        return False
    if _NOT_PRINTABLE.search(value.replace("\n", "")):
        return False
    return all(line == line.rstrip() for line in value.split("\n"))


@lru_cache(maxsize=16384)
def key_text(key: str, flow: bool = False) -> str:
    # The spec loader keeps every key as the text written (`200:` is "200"), so keys need quotes only
    # where YAML syntax does; "<<" would be a merge key.
    key = str(key)
    if key and len(key) < 1000 and not (_NOT_PLAIN_FLOW if flow else _NOT_PLAIN_BLOCK).search(key) \
            and not _NOT_PRINTABLE.search(key) and "\n" not in key \
            and not key.startswith(("<<", "-", "?", "=")):
        return key
    return quoted(key)


def scalar(value: Any, flow: bool) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return float_text(value)
    return string_text(value, flow)


def float_text(value: float) -> str:
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    if "." not in text and "e" in text:
        text = text.replace("e", ".0e", 1)  # YAML 1.1 floats need the dot: 1e-07 → 1.0e-07
    if "e" in text and text.split("e")[1][0] not in "+-":
        text = text.replace("e", "e+", 1)
    return text


def string_text(value: str, flow: bool) -> str:
    if plain_ok(value, flow):
        return value
    return quoted(value)


@lru_cache(maxsize=65536)
def plain_ok(value: str, flow: bool) -> bool:
    if not value or (_NOT_PLAIN_FLOW if flow else _NOT_PLAIN_BLOCK).search(value):
        return False
    if _NOT_PRINTABLE.search(value) or value.startswith(("-", "?", ":", "<<")) or "\n" in value:
        return False
    if _RESOLVED_FIRST is not None and value[0] not in _RESOLVED_FIRST:  # PyYAML picks its resolvers by the first character
        return True
    return _resolver.resolve(yaml.ScalarNode, value, (True, False)) == _STR


def quoted(value: str) -> str:
    if not _NOT_PRINTABLE.search(value) and "\n" not in value and "\t" not in value:
        return "'" + value.replace("'", "''") + "'"
    return _double_quoted(value)


def _double_quoted(value: str) -> str:
    # JSON string escapes are valid YAML escapes; YAML additionally needs its non-printable
    # characters (and the Unicode line breaks) escaped.
    text = json.dumps(value, ensure_ascii=False)
    return _NOT_PRINTABLE.sub(_escape_char, text)


def _escape_char(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
