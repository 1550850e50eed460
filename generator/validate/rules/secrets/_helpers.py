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
