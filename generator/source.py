"""Read JSON files as users write them: tolerate a BOM, report bad UTF-8 by byte offset, syntax
errors and duplicate keys by line:column, and turn any JSON pointer back into a line:column.

Parsing uses the C json module (fast); the position index is built lazily, only for files that
have findings to place.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.findings import Finding, Severity, escape_token, join_pointer, split_pointer
from generator.inputfile import InputRefused, read_input_bytes, read_input_text  # noqa: F401  (re-exported)
from generator.limits import MAX_DEPTH

BOM = "\ufeff"


@dataclass
class Document:
    """One parsed file: its data (None when unusable), its text, and the findings of reading it."""

    path: str
    text: str
    data: Any = None
    findings: list[Finding] = field(default_factory=list)
    _outline: _Outline | None = field(default=None, repr=False)
    _line_starts: list[int] | None = field(default=None, repr=False)

    @property
    def usable(self) -> bool:
        return self.data is not None or not any(f.severity is Severity.ERROR for f in self.findings)

    def line_col(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def locate(self, pointer: str, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at ``pointer`` (of its key with ``key=True``).

        Falls back to the nearest ancestor that exists, so a finding about a missing member points
        at the object that should hold it.
        """
        if self._outline is None:
            self._outline = _Outline(self.text)
        return self.line_col(self._outline.offset(split_pointer(pointer), key))

    def finding(self, code: str, severity: Severity, message: str, pointer: str = "",
                hint: str = "", key: bool = False) -> Finding:
        line, col = self.locate(pointer, key=key)
        return Finding(code, severity, message, self.path, pointer, line, col, hint)


_SPACE = re.compile(r"[ \t\n\r]*")
_SCAN = json.JSONDecoder().scan_once  # the C scanner: (value, end) of the value at an offset


class _Outline:
    """Where the keys and values of a valid JSON text start, worked out container by container
    as findings ask: the C scanner skips every value a pointer does not enter, so placing a
    finding costs a fraction of tokenising the whole file in Python."""

    def __init__(self, text: str):
        self.text = text
        self.root = _SPACE.match(text, 0).end()
        self.members: dict[int, dict[str, tuple[int, int]]] = {}

    def offset(self, tokens: list[str], key: bool = False) -> int:
        """Offset of the value at ``tokens`` (of its key with ``key``), else of the nearest
        ancestor that exists."""
        here = self.root
        for depth, token in enumerate(tokens):
            found = self.children(here).get(token)
            if found is None:
                return here
            if key and depth == len(tokens) - 1:
                return found[0]
            here = found[1]
        return here

    def children(self, start: int) -> dict[str, tuple[int, int]]:
        """(key offset, value offset) of each member of the container at ``start``, by its
        pointer token; a repeated key counts where it last occurs, as JSON readers keep the last."""
        known = self.members.get(start)
        if known is None:
            opener = self.text[start:start + 1]
            known = self._object(start) if opener == "{" else self._array(start) if opener == "[" else {}
            self.members[start] = known
        return known

    def _object(self, start: int) -> dict[str, tuple[int, int]]:
        text, found = self.text, {}
        position = _SPACE.match(text, start + 1).end()
        if text[position] == "}":
            return found
        while True:
            key_start = position
            name, position = json.decoder.scanstring(text, position + 1)
            position = _SPACE.match(text, _SPACE.match(text, position).end() + 1).end()  # past ':'
            found[name] = (key_start, position)
            position = _SPACE.match(text, _SCAN(text, position)[1]).end()
            if text[position] == "}":
                return found
            position = _SPACE.match(text, position + 1).end()  # past ','

    def _array(self, start: int) -> dict[str, tuple[int, int]]:
        text, found = self.text, {}
        position = _SPACE.match(text, start + 1).end()
        if text[position] == "]":
            return found
        while True:
            found[str(len(found))] = (position, position)
            position = _SPACE.match(text, _SCAN(text, position)[1]).end()
            if text[position] == "]":
                return found
            position = _SPACE.match(text, position + 1).end()  # past ','


_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"'                       # string
    r"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?"  # number
    r"|true|false|null"
    r"|[{}\[\]:,]"
    r"|\S"
)


def index_positions(text: str) -> tuple[dict[str, int], dict[str, int], list[str]]:
    """Map every JSON pointer of a (syntactically valid) document to the offset of its value and
    of its key; also list the pointers of members whose key repeats an earlier key."""
    values: dict[str, int] = {}
    keys: dict[str, int] = {}
    duplicates: list[str] = []
    # Stack entries: [pointer, is_object, next_index_or_pending_key, seen_keys]
    stack: list[list] = []
    expecting_key = False
    pending_key: str | None = None
    for match in _TOKEN.finditer(text):
        token = match.group()
        start = match.start()
        if token in ",:":
            if token == "," and stack and stack[-1][1]:
                expecting_key = True
            continue
        if token in "}]":
            stack.pop()
            expecting_key = False
            continue
        if stack and stack[-1][1] and expecting_key:
            pending_key = json.loads(token) if token.startswith('"') else token
            parent = stack[-1]
            here = parent[0] + "/" + escape_token(pending_key)
            if pending_key in parent[3]:
                duplicates.append(here)
            parent[3].add(pending_key)
            keys[here] = start
            expecting_key = False
            continue
        # A value.
        if not stack:
            here = ""
        elif stack[-1][1]:
            here = stack[-1][0] + "/" + escape_token(pending_key)
        else:
            here = stack[-1][0] + "/" + str(stack[-1][2])
            stack[-1][2] += 1
        values.setdefault(here, start)
        if token == "{":
            stack.append([here, True, 0, set()])
            expecting_key = True
        elif token == "[":
            stack.append([here, False, 0, set()])
    return values, keys, duplicates


def _pairs_hook(duplicates: list[str]):
    def hook(pairs):
        result = dict(pairs)
        if len(result) != len(pairs):
            duplicates.append("?")
        return result

    return hook


_LONG_NUMBER = re.compile(r"\d{4301,}")
_HUGE_EXPONENT = re.compile(r"[eE]\+?\d{3}")
_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _note_constant(seen: list[str]):
    def note(name: str) -> float:
        seen.append(name)
        return float(name)

    return note


def _unusable(doc: Document, offset: int, code: str, message: str, hint: str) -> Document:
    line, column = doc.line_col(offset)
    doc.findings.append(Finding(code, Severity.ERROR, message, doc.path, "", line, column, hint))
    doc.data = None
    return doc


def _too_deep_finding(doc: Document) -> Document:
    return _unusable(doc, _deepest_offset(doc.text), "NestingTooDeep",
                     f"objects and arrays nest more than {MAX_DEPTH} levels deep here",
                     "flatten it (a $ref to a definition instead of nesting)")


def _too_deep(data: Any) -> bool:
    """Whether ``data`` nests deeper than MAX_DEPTH, level by level (no recursion)."""
    level = [data]
    for _ in range(MAX_DEPTH):
        below = []
        for item in level:
            if isinstance(item, dict):
                below += [v for v in item.values() if isinstance(v, (dict, list))]
            elif isinstance(item, list):
                below += [v for v in item if isinstance(v, (dict, list))]
        if not below:
            return False
        level = below
    return True


def _deepest_offset(text: str) -> int:
    """Where the text first opens its (MAX_DEPTH + 1)th level of nesting."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif token in "]}":
            depth -= 1
    return 0


def _non_finite_pointers(data: Any):
    stack = [(data, "")]
    while stack:
        value, pointer = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            yield pointer
        elif isinstance(value, dict):
            stack += [(item, join_pointer(pointer, key)) for key, item in reversed(value.items())]
        elif isinstance(value, list):
            stack += [(item, join_pointer(pointer, index)) for index, item in reversed(list(enumerate(value)))]


def parse_json_text(text: str, path: str = "<string>") -> Document:
    doc = Document(path=path, text=text)
    if text.startswith(BOM):
        doc.findings.append(Finding(  # validation makes it an error (generator.pipeline): import need not
            "ByteOrderMark", Severity.WARNING, "the file starts with a UTF-8 byte-order mark",
            path, "", 1, 1, "save the file as UTF-8 without BOM: paconn refuses files with a BOM"))
        doc.text = text = text[1:]
    seen_duplicates: list[str] = []
    non_finite: list[str] = []
    try:
        doc.data = json.loads(text, object_pairs_hook=_pairs_hook(seen_duplicates),
                              parse_constant=_note_constant(non_finite))
    except json.JSONDecodeError as exc:
        doc.findings.append(Finding(
            "JsonSyntaxError", Severity.ERROR, f"invalid JSON: {exc.msg}", path, "",
            exc.lineno, exc.colno, "fix the JSON syntax at this position"))
        return doc
    except RecursionError:
        return _too_deep_finding(doc)
    except ValueError:  # a number with more digits than Python converts (4,300)
        match = _LONG_NUMBER.search(text)
        return _unusable(doc, match.start() if match else 0, "NumberTooLong",
                         "a number has more than 4300 digits: no connector can use it", "write it as a string")
    if _too_deep(doc.data):
        return _too_deep_finding(doc)
    if non_finite or _HUGE_EXPONENT.search(text):  # 1e400 reads as infinity
        for pointer in _non_finite_pointers(doc.data):
            doc.findings.append(doc.finding(
                "JsonSyntaxError", Severity.ERROR,
                "NaN, Infinity and numbers beyond ±1.8e308 are not JSON numbers paconn and Power Platform"
                " accept", pointer, "write a number, or the value as a string"))
        if any(f.code == "JsonSyntaxError" for f in doc.findings):
            doc.data = None
            return doc
    if seen_duplicates:
        _, _, duplicates = index_positions(text)  # the pointers of the members that repeat a key
        for dup in duplicates:
            doc.findings.append(doc.finding(
                "DuplicateKey", Severity.ERROR,
                f"duplicate key '{split_pointer(dup)[-1]}': JSON readers silently keep only the last one",
                dup, "remove or rename one of the two members", key=True))
    return doc


def read_json(path: str | Path, display: str | None = None) -> Document:
    """Read a JSON file; never raises for bad content (findings say what is wrong)."""
    name = display or str(path)
    try:
        raw = read_input_bytes(path)
    except OSError as exc:
        return Document(path=name, text="", findings=[Finding(
            "InputUnreadable", Severity.ERROR, f"cannot read: {exc.strerror or exc}", name, "", 0, 0,
            "point at a regular JSON file")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", errors="replace")
        line = prefix.count("\n") + 1
        column = len(prefix) - (prefix.rfind("\n") + 1) + 1
        return Document(path=name, text="", findings=[Finding(
            "InvalidUtf8", Severity.ERROR,
            f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset {exc.start}", name, "",
            line, column, "re-save the file with UTF-8 encoding")])
    return parse_json_text(text, name)


def find_file(folder: str | Path, name: str) -> Path | None:
    """The file called ``name`` in ``folder``, matching the name case-insensitively."""
    folder = Path(folder)
    exact = folder / name
    if exact.is_file():
        return exact
    wanted = name.lower()
    for candidate in sorted(folder.iterdir()) if folder.is_dir() else ():
        if candidate.name.lower() == wanted and candidate.is_file():
            return candidate
    return None


def find_entry(folder: str | Path, name: str) -> Path | None:
    """Like ``find_file``, but also whatever else is called ``name``: a FIFO, a folder, a dangling or
    looping symlink. Reading it then says why, where skipping it would treat the file as absent."""
    folder = Path(folder)
    found = find_file(folder, name)
    if found is not None or not folder.is_dir():
        return found
    wanted = name.lower()
    return next((c for c in sorted(folder.iterdir()) if c.name.lower() == wanted), None)
