"""Helpers only the security rules use (rule discovery skips modules whose name starts with "_")."""

from __future__ import annotations

from generator.findings import pointer_of

# --- Security requirements ------------------------------------------------------------------------

def requirements(security, base: str):
    """(pointer, scheme name, value) of every entry of a ``security`` list."""
    for index, requirement in enumerate(security if isinstance(security, list) else ()):
        if isinstance(requirement, dict):
            for name, value in requirement.items():
                yield f"{base}/security/{index}" + pointer_of(name), name, value


def scheme_of(ctx, name):
    definitions = ctx.swagger.get("securityDefinitions")
    return definitions.get(name) if isinstance(definitions, dict) else None
