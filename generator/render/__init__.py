"""Render a connector model into its files with Jinja2, and write them all-or-nothing."""

from generator.render.render import Artifact, RenderError, render_connector
from generator.render.write import write_atomically

__all__ = ["Artifact", "RenderError", "render_connector", "write_atomically"]
