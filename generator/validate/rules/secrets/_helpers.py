"""Helpers only the secrets rules use (rule discovery skips modules whose name starts with "_")."""

from __future__ import annotations

import re

# --- secrets ------------------------------------------------------------------------------

#: Values that stand for a credential instead of being one: "<token>", "{apiKey}", "[[DUMMY]]",
#: "YOUR_API_KEY", "Value-From-Your-App-Registration", "****".
PLACEHOLDER = re.compile(r"<[^>]*>|\{[^}]*\}|\[\[[^\]]*\]\]|\byour\b|your[-_ ]|^\**$", re.IGNORECASE)


def is_real_value(value) -> bool:
    """A value that may be a credential: not empty and not an obvious placeholder."""
    if value in (None, "", {}, []):
        return False
    return not (isinstance(value, str) and PLACEHOLDER.search(value))


#: Names that say a value is a credential ("api_key", "X-Api-Key", "password", "client secret").
SECRET_NAME = re.compile(r"(api[-_ ]?key|apikey|pass(word|wd)|secret|access[-_ ]?token|auth[-_ ]?token"
                         r"|^authorization$)", re.IGNORECASE)

#: Values that look like a key whatever they are called: a long hex or base64url token, or a
#: ready-made Basic/Bearer credential.
KEY_LIKE = re.compile(r"^(?:[0-9a-fA-F]{32,}|(?=[A-Za-z0-9_\-]*\d)(?=[A-Za-z0-9_\-]*[A-Za-z])[A-Za-z0-9_\-]{32,}"
                      r"|(?:Basic|Bearer)\s+[A-Za-z0-9+/=._\-]{8,})$")


#: A platform expression: ``@connectionParameters('key')``, ``@parameters('x')``,
#: ``@headers('Authorization')``, ``@{...}``, also inside "Bearer @headers('Authorization')".
EXPRESSION = re.compile(r"@\{|@[A-Za-z]+\(")
#: Words that mark a value as a stand-in ("dummy-value", "sample key"), and values that are just
#: the word for a credential (an OAuth ``grant_type`` of "password").
STAND_IN = re.compile(r"dummy|placeholder|example|sample|changeme|xxxx"
                      r"|^(password|secret|token|api[-_ ]?key|client_credentials)$", re.IGNORECASE)


def is_expression(value: str) -> bool:
    """A reference the platform resolves at run time, never a credential."""
    return bool(EXPRESSION.search(value))


def is_literal_credential(value) -> bool:
    """A value that can be a written-out credential: a string (booleans and numbers are
    switches and counts), not empty, not a placeholder and not an expression."""
    return (isinstance(value, str) and is_real_value(value.strip()) and not is_expression(value)
            and not STAND_IN.search(value))


def looks_like_key(value) -> bool:
    """A literal that looks like a key even where nothing names it one."""
    return is_literal_credential(value) and bool(KEY_LIKE.match(value.strip()))
