"""Jinja2 lays out each file (key order, sections); the ``json`` filter writes every value, so
quotes, backslashes, ``{{ }}``, newlines and non-ASCII text arrive intact. Non-ASCII is written as
``\\uXXXX`` escapes: paconn reads files in the platform's default encoding, and escaped files
upload the same everywhere. Everything rendered is parsed back before anything is written."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Any, NamedTuple

import jinja2

from generator import jsontext
from generator.spec.model import Connector

TEMPLATES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "templates")


class Artifact(NamedTuple):
    """A file to write: its name in the output folder and its bytes."""

    name: str
    content: bytes


class RenderError(Exception):
    """A template produced something that is not the model (a bug in pacgen, not in the spec)."""


def json_value(value: Any, level: int = 0) -> str:
    """``value`` as JSON, indented to sit ``level`` levels deep in a 4-space-indented file."""
    return jsontext.dumps(value, level)


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs (Jinja2 checks they match the template source)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    directory = os.path.join(base, "pacgen", f"jinja-{jinja2.__version__}")
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError:
        return None  # a read-only home only costs speed
    return jinja2.FileSystemBytecodeCache(directory)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        # A plain folder loader: PackageLoader would import importlib.resources on every start.
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the json filter escapes; HTML escaping would corrupt values
        keep_trailing_newline=True,
    )
    env.filters["json"] = json_value
    return env


def _render(template: str, expected: Any | None = None, **context: Any) -> bytes:
    text = environment().get_template(template).render(**context).rstrip("\n") + "\n"
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RenderError(f"{template} rendered invalid JSON: {exc}") from None
    if expected is not None and parsed != expected:
        raise RenderError(f"{template} rendered a document that differs from the model")
    return text.encode("utf-8")


def render_connector(connector: Connector, icon: str | None = None,
                     script: str | None = None) -> list[Artifact]:
    """The connector's files, in memory: apiDefinition, apiProperties and paconn's settings."""
    return [
        Artifact("apiDefinition.swagger.json",
                 _render("apiDefinition.swagger.json.j2", connector.swagger, swagger=connector.swagger)),
        Artifact("apiProperties.json",
                 _render("apiProperties.json.j2", connector.properties, properties=connector.properties)),
        Artifact("settings.json", _render("settings.json.j2", icon=icon, script=script)),
    ]
