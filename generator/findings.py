"""The one value every stage produces: a finding about one place in one file."""

from __future__ import annotations

import enum
from typing import Any, NamedTuple


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Finding(NamedTuple):
    """Code, severity and message about the element at ``pointer`` (RFC 6901) in ``file``.

    ``line``/``column`` are 1-based; 0 means "unknown" (e.g. the file could not be read).
    (A NamedTuple rather than a frozen dataclass: it is created in every run, and defining a
    frozen dataclass costs `pacgen build` more start-up time than the whole render.)
    """

    code: str
    severity: Severity
    message: str
    file: str = ""
    pointer: str = ""
    line: int = 0
    column: int = 0
    hint: str = ""
    omitted: int = 0  # further findings of this code this one stands for (the findings cap)

    def located(self, file: str, line: int, column: int) -> Finding:
        return self._replace(file=file, line=line, column=column)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.file,
            "pointer": self.pointer,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "hint": self.hint,
            **({"omitted": self.omitted} if self.omitted else {}),
        }

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code, self.pointer, self.message)


def crash_finding(target: object, exc: BaseException, doing: str = "validate") -> Finding:
    """A failure of pacgen itself on one connector of a run, reported as that connector's finding so
    the run goes on with the others (the exception's type only: its text may quote the input)."""
    return Finding("ValidationCrashed", Severity.ERROR,
                   f"pacgen could not {doing} this connector ({type(exc).__name__})", str(target), "", 0, 0,
                   "this is a bug in pacgen: please report it with the connector; the other connectors"
                   " were checked")


def error(code: str, message: str, pointer: str = "", hint: str = "") -> Finding:
    return Finding(code, Severity.ERROR, message, pointer=pointer, hint=hint)


def escape_token(token: object) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer_of(*tokens: object) -> str:
    """JSON pointer from path tokens: pointer_of('paths', '/a', 'get') == '/paths/~1a/get'."""
    return "".join("/" + escape_token(t) for t in tokens)


def join_pointer(base: str, *tokens: object) -> str:
    return base + pointer_of(*tokens)


def split_pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [unescape_token(t) for t in pointer.split("/")[1:]]


def value_at(doc: Any, pointer: str) -> Any:
    """The value ``pointer`` names inside ``doc``, or None when it leads nowhere."""
    node = doc
    for token in split_pointer(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node
