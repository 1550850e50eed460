"""The preview model → one self-contained HTML page (Jinja2, autoescaping on).

Every string from the connector reaches the page through autoescaping; the only markup not built
by the template is the page's own script, which holds no connector data. A Content-Security-Policy
allows that script alone (by its hash) and nothing from the network, so even a mistake in escaping
could not run injected code or fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache

import jinja2
from markupsafe import Markup

from generator.preview.model import Preview

# The build's compiled-template cache: a large page's template compiles in a tenth of a second.
from generator.render.render import TEMPLATES, _bytecode_cache

PAGE_TEMPLATE = "preview.html.j2"
SCRIPT_TEMPLATE = "preview.js.j2"
STYLE_TEMPLATE = "preview.css.j2"
# The brand colour goes into a style attribute: only a plain hex colour is let through.
_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              bytecode_cache=_bytecode_cache(), undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)


def render_page(preview: Preview) -> bytes:
    env = environment()
    script = env.get_template(SCRIPT_TEMPLATE).render()
    style = env.get_template(STYLE_TEMPLATE).render()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'"
    html = env.get_template(PAGE_TEMPLATE).render(
        preview=preview, policy=policy,
        brand_color=preview.brand_color if _HEX_COLOUR.fullmatch(preview.brand_color) else "",
        total_findings=len(preview.markers) + sum(len(card.all_markers()) for card in preview.cards)
        + sum(len(f.markers) for s in preview.connection for f in s.fields),
        deprecated_count=sum(card.deprecated for card in preview.cards),
        # Both are this module's own constant text (no connector data): safe to inline as they are.
        script=Markup(script), style=Markup(style))
    return (html.rstrip("\n") + "\n").encode("utf-8")
