"""Secrets never reach a report: values of secure parameters (``securestring``/``secureobject``,
``format: password``) and of credential-like names are masked in every finding's message and hint.

Masking happens where findings are made from a document's data (spec check, validation), so
every format — text, JSON, SARIF, GitHub annotations — gets the masked text."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from typing import Any

from generator.findings import Finding

MASK = "***"
#: Names whose values are credentials (compared lower-case, without '-', '_' and '.'): the end of
#: the name counts, so `tokenUrl` or `privateKeyFormat` are not credentials.
_CREDENTIAL_NAME = re.compile(
    r"(pass(word|wd|phrase)?|pwd|secret|apikey|accesskey|token|privatekey|credentials?|authorization|"
    r"subscriptionkey|connectionstring)$|^key$")
_SECURE_TYPES = {"securestring", "secureobject"}
#: Members of a parameter or schema that hold an actual value (not its description).
_VALUE_MEMBERS = ("default", "value", "example", "x-example", "x-ms-example")
#: Shorter values would mask ordinary words of the messages when written unquoted.
_MIN_RAW_LENGTH = 6


@functools.lru_cache(maxsize=4096)  # the same member names recur throughout a swagger
def is_credential_name(name: object) -> bool:
    return bool(_CREDENTIAL_NAME.search(re.sub(r"[-_.\s]", "", str(name).lower())))


def secret_values(*documents: Any) -> set[str]:
    """Every string in ``documents`` that is the value of a secure parameter or credential name."""
    found: set[str] = set()
    stack: list[dict | list] = [document for document in documents if isinstance(document, (dict, list))]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack += [item for item in node if isinstance(item, (dict, list))]
            continue
        secure = _is_secure(node)
        for key, value in node.items():
            if secure and key in _VALUE_MEMBERS:
                _add_all(value, found)
            elif isinstance(value, (dict, list)):
                if isinstance(value, dict) and is_credential_name(key):
                    for member in _VALUE_MEMBERS:
                        _add_all(value.get(member), found)
                stack.append(value)
            elif isinstance(value, (str, int, float)) and not isinstance(value, bool) and is_credential_name(key):
                found.add(str(value))
    found.discard("")
    return found


def _add_all(value: Any, found: set[str]) -> None:
    """Every scalar of a secret value (a secure object's members too), as text."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack += item.values()
        elif isinstance(item, list):
            stack += item
        elif isinstance(item, str):
            found.add(item)
        elif isinstance(item, (int, float)) and not isinstance(item, bool):
            found.add(str(item))


def _is_secure(node: dict) -> bool:
    kind, fmt, name = node.get("type"), node.get("format"), node.get("name")
    return (isinstance(kind, str) and kind.lower() in _SECURE_TYPES) or fmt == "password" or (
        isinstance(name, str) and node.get("in") in ("query", "header", "formData") and is_credential_name(name))


def mask_text(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every quoted (and every longer raw) occurrence of a secret replaced."""
    for secret in sorted(secrets, key=len, reverse=True):
        if secret not in text:
            continue
        for quoted in {repr(secret), json.dumps(secret), json.dumps(secret, ensure_ascii=False),
                       f"'{secret}'", f'"{secret}"'}:
            text = text.replace(quoted, quoted[0] + MASK + quoted[-1])
        if len(secret) >= _MIN_RAW_LENGTH:
            text = text.replace(secret, MASK)
    return text


def mask_findings(findings: list[Finding], secrets: set[str]) -> list[Finding]:
    if not secrets:
        return findings
    return [f._replace(message=mask_text(f.message, secrets), hint=mask_text(f.hint, secrets))
            for f in findings]
