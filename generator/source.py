"""Read JSON files as users write them: tolerate a BOM, report bad UTF-8 by byte offset, syntax
errors and duplicate keys by line:column, and turn any JSON pointer back into a line:column.

Parsing uses the C json module (fast); the position index is built lazily, only for files that
have findings to place.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.findings import Finding, Severity, escape_token, pointer_of, split_pointer

BOM = "\ufeff"


@dataclass
class Document:
    """One parsed file: its data (None when unusable), its text, and the findings of reading it."""

    path: str
    text: str
    data: Any = None
    findings: list[Finding] = field(default_factory=list)
    _positions: dict[str, int] | None = field(default=None, repr=False)
    _key_positions: dict[str, int] | None = field(default=None, repr=False)
    _line_starts: list[int] | None = field(default=None, repr=False)
    _duplicates: list[str] = field(default_factory=list, repr=False)
    offset_shift: int = 0

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
        if self._positions is None:
            self._positions, self._key_positions, dups = index_positions(self.text)
            self._duplicates = dups
        tokens = split_pointer(pointer)
        while True:
            current = pointer_of(*tokens)
            table = self._key_positions if key and tokens else self._positions
            if current in table:
                return self.line_col(table[current])
            if not tokens:
                return (1, 1)
            tokens.pop()
            key = False

    def finding(self, code: str, severity: Severity, message: str, pointer: str = "",
                hint: str = "", key: bool = False) -> Finding:
        line, col = self.locate(pointer, key=key)
        return Finding(code, severity, message, self.path, pointer, line, col, hint)


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


def parse_json_text(text: str, path: str = "<string>") -> Document:
    doc = Document(path=path, text=text)
    if text.startswith(BOM):
        doc.findings.append(Finding(
            "ByteOrderMark", Severity.WARNING, "the file starts with a UTF-8 byte-order mark",
            path, "", 1, 1, "save the file as UTF-8 without BOM: paconn refuses files with a BOM"))
        doc.text = text = text[1:]
    seen_duplicates: list[str] = []
    try:
        doc.data = json.loads(text, object_pairs_hook=_pairs_hook(seen_duplicates))
    except json.JSONDecodeError as exc:
        doc.findings.append(Finding(
            "JsonSyntaxError", Severity.ERROR, f"invalid JSON: {exc.msg}", path, "",
            exc.lineno, exc.colno, "fix the JSON syntax at this position"))
        return doc
    except RecursionError:
        doc.findings.append(Finding("JsonSyntaxError", Severity.ERROR, "JSON nested too deeply",
                                    path, "", 1, 1, "flatten the document"))
        return doc
    if seen_duplicates:
        doc.locate("")  # builds the index, which lists the duplicates exactly
        for dup in doc._duplicates:
            doc.findings.append(doc.finding(
                "DuplicateKey", Severity.ERROR,
                f"duplicate key '{split_pointer(dup)[-1]}': JSON readers silently keep only the last one",
                dup, "remove or rename one of the two members", key=True))
    return doc


def read_json(path: str | Path, display: str | None = None) -> Document:
    """Read a JSON file; never raises for bad content (findings say what is wrong)."""
    name = display or str(path)
    raw = Path(path).read_bytes()
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
