"""Secrets never reach a report: values of secure parameters (``securestring``/``secureobject``,
``format: password``) and of credential-like names are masked in every finding's message and hint.

Masking happens where findings are made from a document's data (spec check, validation), so
every format — text, JSON, SARIF, GitHub annotations — gets the masked text."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from generator.findings import Finding

MASK = "***"
#: Names whose values are credentials (compared lower-case, without '-', '_' and '.').
_CREDENTIAL_NAME = re.compile(
    r"pass(word|wd|phrase)?$|pwd$|secret|apikey|accesskey|token$|accesstoken|refreshtoken|"
    r"privatekey|credential|authorization$|signature$|subscriptionkey|^key$")
_SECURE_TYPES = {"securestring", "secureobject"}
#: Members of a parameter or schema that hold an actual value (not its description).
_VALUE_MEMBERS = ("default", "value", "example", "x-example", "x-ms-example", "enum", "const")
#: Shorter values would mask ordinary words of the messages when written unquoted.
_MIN_RAW_LENGTH = 6


def is_credential_name(name: object) -> bool:
    return bool(_CREDENTIAL_NAME.search(re.sub(r"[-_.\s]", "", str(name).lower())))


def secret_values(*documents: Any) -> set[str]:
    """Every string in ``documents`` that is the value of a secure parameter or credential name."""
    found: set[str] = set()
    stack = [(document, False) for document in documents]
    while stack:
        node, secret = stack.pop()
        if isinstance(node, str):
            if secret and node:
                found.add(node)
        elif isinstance(node, list):
            stack += [(item, secret) for item in node]
        elif isinstance(node, dict):
            secure = secret or _is_secure(node)
            for key, value in node.items():
                if secure and key in _VALUE_MEMBERS:
                    stack.append((value, True))
                elif is_credential_name(key) and isinstance(value, (str, int, float)):
                    stack.append((value if isinstance(value, str) else str(value), True))
                elif is_credential_name(key) and isinstance(value, dict):
                    stack += [(value[member], True) for member in _VALUE_MEMBERS if member in value]
                    stack.append((value, False))
                else:
                    stack.append((value, False))
    return found


def _is_secure(node: dict) -> bool:
    kind, fmt = node.get("type"), node.get("format")
    return (isinstance(kind, str) and kind.lower() in _SECURE_TYPES) or fmt == "password" or (
        is_credential_name(node.get("name", "")) and node.get("in") in ("query", "header", "formData"))


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
