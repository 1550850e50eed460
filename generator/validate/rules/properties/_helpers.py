"""Helpers only the properties rules use (rule discovery skips modules whose name starts with "_")."""

from __future__ import annotations

from functools import lru_cache

from generator.findings import unescape_token


def element_label(schema) -> str:
    if schema.role == "header":
        return f"response header '{schema.name}'"
    return f"schema '{schema.name}'" if schema.name else "a schema"


# --- Keywords by Swagger object -------------------------------------------------------------------

#: Members of a non-body parameter that a body parameter expresses through its ``schema``.
NON_BODY_KEYWORDS = ("type", "format", "items", "collectionFormat", "default", "maximum",
                     "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength",
                     "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf",
                     "allowEmptyValue", "properties", "additionalProperties", "allOf", "example",
                     "readOnly", "title")


def metadata_entries(doc) -> list[tuple[int, dict]]:
    """(index, entry) of the x-ms-connector-metadata entries that are objects."""
    entries = doc.get("x-ms-connector-metadata") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        return []
    return [(index, entry) for index, entry in enumerate(entries) if isinstance(entry, dict)]


def member(entry: dict, name: str):
    """``entry[name]`` looked up case-insensitively (certified connectors write PropertyName)."""
    if name in entry:
        return entry[name]
    for key, value in entry.items():
        if isinstance(key, str) and key.lower() == name.lower():
            return value
    return None


def property_name(entry: dict) -> str | None:
    value = member(entry, "propertyName")
    return value.strip() if isinstance(value, str) else None


def category_entries(doc):
    """(pointer, [category, ...]) for each Categories entry whose value is a string."""
    for index, entry in metadata_entries(doc):
        name = property_name(entry)
        value = member(entry, "propertyValue")
        if name and name.lower() == "categories" and isinstance(value, str):
            key = next((k for k in entry if isinstance(k, str) and k.lower() == "propertyvalue"),
                       "propertyValue")
            names = [part.strip() for part in value.split(";") if part.strip()]
            yield f"/x-ms-connector-metadata/{index}/{key}", names


# --- Input schemas and filterFunctions ------------------------------------------------------------

def filter_functions(node) -> tuple[str, object] | None:
    """(pointer suffix, value) of ``x-ms-capabilities.filterFunctions`` on a node, if present."""
    caps = node.get("x-ms-capabilities") if isinstance(node, dict) else None
    if isinstance(caps, dict) and "filterFunctions" in caps:
        return "/x-ms-capabilities/filterFunctions", caps["filterFunctions"]
    return None


def _definition_of_ref(ref) -> str | None:
    if isinstance(ref, str) and ref.startswith("#/definitions/"):
        return _definition_name(ref)
    return None


@lru_cache(maxsize=4096)
def _definition_name(ref: str) -> str:
    return unescape_token(ref[len("#/definitions/"):].split("/")[0])


def definition_of_pointer(pointer: str) -> str | None:
    """The definition a pointer lies in (``/definitions/<name>/...``), or None."""
    if pointer.startswith("/definitions/"):
        return unescape_token(pointer.split("/")[2])
    return None


class InputDefinitions:
    """Collects, from the schema handler, which ``#/definitions`` an input schema reaches
    through ``$ref`` (directly or through other definitions). Call ``see`` for every schema and
    ``reached`` in ``finish``."""

    def __init__(self):
        self.roots: set[str] = set()
        self.edges: dict[str, set[str]] = {}

    def see(self, schema) -> None:
        target = _definition_of_ref(schema.node.get("$ref"))
        if target is None:
            return
        if schema.direction == "input":
            self.roots.add(target)
        elif schema.direction == "definition":
            source = definition_of_pointer(schema.pointer)
            if source is not None:
                self.edges.setdefault(source, set()).add(target)

    def reached(self) -> set[str]:
        seen: set[str] = set()
        stack = list(self.roots)
        while stack:
            name = stack.pop()
            if name not in seen:
                seen.add(name)
                stack.extend(self.edges.get(name, ()))
        return seen

    def is_input(self, schema, reached: set[str]) -> bool:
        if schema.direction == "input":
            return True
        return schema.direction == "definition" and definition_of_pointer(schema.pointer) in reached
