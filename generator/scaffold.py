"""`pacgen init NAME`: a commented, minimal spec for a new connector that builds and validates with
no errors and no warnings, so a maintainer starts from something that already passes.

The spec is assembled from fixed text; every value the user gives (name, host, ...) goes through
the importer's YAML scalar writer, so nothing they type can become YAML of its own.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from generator.cli import EXIT_UNUSABLE

AUTH_KINDS = ("none", "apikey", "basic", "oauth2")
#: Identity providers Power Platform knows by name, with the endpoints their connections need.
OAUTH_PROVIDERS = ("generic", "aad", "github", "google")
_HOST = re.compile(r"[A-Za-z0-9.-]+(:\d+)?")


def _scalar(value: str) -> str:
    from generator.importer.emit import string_text

    return string_text(value, flow=True)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "connector"


def auth_block(auth: str, provider: str, api_key_header: str) -> str:
    if auth == "none":
        return ("# No authentication. For an API key, basic or OAuth 2.0 sign-in, run\n"
                "# `pacgen init NAME --auth apikey|basic|oauth2` or see docs/spec.md.\n")
    if auth == "apikey":
        return (f"securityDefinitions: {{api_key: {{type: apiKey, in: header, name: {_scalar(api_key_header)}}}}}\n"
                "security: [{api_key: []}]\n"
                "# What the user enters when creating a connection; the value is sent in the header above.\n"
                "connectionParameters:\n"
                "  api_key: {type: securestring, title: API Key, description: Your API key, required: true}\n")
    if auth == "basic":
        return ("securityDefinitions: {basic_auth: {type: basic}}\n"
                "security: [{basic_auth: []}]\n"
                "connectionParameters:\n"
                "  username: {type: securestring, title: Username, description: Your user name, required: true}\n"
                "  password: {type: securestring, title: Password, description: Your password, required: true}\n")
    return _oauth_block(provider)


def _oauth_block(provider: str) -> str:
    urls = {
        "generic": ("https://login.example.com/oauth2/authorize", "https://login.example.com/oauth2/token"),
        "aad": ("https://login.microsoftonline.com/common/oauth2/authorize",
                "https://login.windows.net/common/oauth2/authorize"),
        "github": ("https://github.com/login/oauth/authorize", "https://github.com/login/oauth/access_token"),
        "google": ("https://accounts.google.com/o/oauth2/auth", "https://oauth2.googleapis.com/token"),
    }[provider]
    identity = "oauth2" if provider == "generic" else provider
    lines = [
        "# OAuth 2.0 (authorization code). Register an app with the provider and put its client id",
        "# below. With redirectMode GlobalPerConnector the maker portal shows this connector's own",
        "# redirect URL after the first upload: add it to the app. The client secret is given on the",
        "# first upload (PACGEN_CLIENT_SECRET=... make upload), never stored here.",
        "securityDefinitions:",
        "  oauth2_auth:",
        "    type: oauth2",
        "    flow: accessCode",
        f"    authorizationUrl: {urls[0]}",
        f"    tokenUrl: {urls[1]}",
        "    scopes: {}",
        "security: [{oauth2_auth: []}]",
        "connectionParameters:",
        "  token:",
        "    type: oauthSetting",
        "    oAuthSettings:",
        f"      identityProvider: {identity}",
        "      clientId: CLIENT-ID",
        "      scopes: []",
        "      redirectMode: GlobalPerConnector",
        "      redirectUrl: https://global.consent.azure-apim.net/redirect",
    ]
    if provider == "aad":
        lines += [
            "      properties: {IsFirstParty: 'False', AzureActiveDirectoryResourceId: 'https://graph.microsoft.com'}",
            "      customParameters:",
            "        loginUri: {value: 'https://login.microsoftonline.com'}",
            "        tenantId: {value: common}",
            "        resourceUri: {value: 'https://graph.microsoft.com'}",
            "        enableOnbehalfOfLogin: {value: 'false'}",
        ]
    elif provider == "generic":
        lines += [
            "      properties: {IsFirstParty: 'False'}",
            "      customParameters:",
            f"        authorizationUrl: {{value: '{urls[0]}'}}",
            f"        tokenUrl: {{value: '{urls[1]}'}}",
            f"        refreshUrl: {{value: '{urls[1]}'}}",
        ]
    else:
        lines.append("      properties: {IsFirstParty: 'False'}")
    lines.append("    title: Sign in")
    lines.append("    description: Sign in with your account")
    lines.append("    required: true")
    return "\n".join(lines) + "\n"


ACTION = """\
  # An action: what a flow step calls. `id` is the operationId (PascalCase, never renamed once
  # published: flows refer to it), `summary` the step's name, `title` a field's label.
  - id: ListItems
    get: /items
    summary: List items
    description: Lists the items of your account.
    visibility: important
    parameters:
      - {name: top, in: query, type: integer, title: Top, description: How many items to return, default: 10}
    responses:
      200:
        description: OK
        schema: {type: array, items: {$ref: '#/definitions/Item'}}
"""

TRIGGER = """\
  # A webhook trigger: the platform calls this operation with its callback URL when a flow is
  # turned on (`notificationUrl: true` marks that field) and the API posts events to that URL.
  - id: OnItemCreated
    post: /webhooks
    summary: When an item is created
    description: Starts the flow when an item is created.
    trigger: single
    notificationContent: {description: The new item, schema: {$ref: '#/definitions/Item'}}
    parameters:
      - name: body
        in: body
        required: true
        schema:
          type: object
          required: [url]
          properties:
            url: {type: string, title: Callback URL, description: Where events are sent, notificationUrl: true, visibility: internal}
    responses:
      201:
        description: Created
        headers: {Location: {type: string, description: "The webhook's URL, used to delete it"}}
  # Called by the platform when the flow is turned off: it removes the webhook again.
  - id: DeleteWebhook
    delete: /webhooks/{id}
    summary: Delete webhook
    description: Removes the webhook of a trigger.
    visibility: internal
    parameters:
      - {name: id, in: path, required: true, type: string, title: Webhook ID, description: The webhook to delete, urlEncoding: single}
    responses:
      200: {description: OK}
"""

DEFINITIONS = """\
definitions:
  Item:
    type: object
    properties:
      id: {type: string, title: Item ID, description: The item's identifier}
      name: {type: string, title: Name, description: The item's name}
"""


#: Microsoft's colour for independent publishers: neutral, and accepted by certification.
DEFAULT_BRAND_COLOR = "#da3b01"
_BRAND_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def init_spec(name: str, auth: str = "none", provider: str = "generic", host: str = "api.example.com",
              base_path: str = "/", action: bool = True, trigger: bool = False,
              api_key_header: str = "X-API-Key", brand_color: str = DEFAULT_BRAND_COLOR) -> str:
    """The text of a new spec (see the module's docstring)."""
    from generator.importer.emit import comment_text

    parts = [
        f"# {comment_text(name)}: written by `pacgen init`. Build it with `pacgen build SPEC -o DIR`,\n"
        "# check it with `pacgen validate SPEC`; the format is described in docs/spec.md.\n",
        "info:\n",
        f"  title: {_scalar(name)}\n",
        "  # 30 to 500 characters, in English: shown where the connector is listed.\n",
        f"  description: {_scalar(f'Connects flows and apps to {name} to read and create items.')}\n",
        '  version: "1.0"\n',
        f"host: {_scalar(host)}\n",
        f"basePath: {_scalar(base_path)}\n",
        "schemes: [https]\n",
        "consumes: [application/json]\n",
        "produces: [application/json]\n",
        "# Shown on the connector's page; certification requires all three.\n",
        f"website: https://{host.split(':')[0]}\n",
        f"privacyPolicy: https://{host.split(':')[0]}/privacy\n",
        "categories: [Productivity]\n",
        "# Who publishes the connector and who owns the API; certification requires both.\n",
        f"publisher: {_scalar(name)}\n",
        f"stackOwner: {_scalar(name)}\n",
        "# The icon's background colour: your brand's (certification rejects #007ee5 and #ffffff).\n",
        f"brandColor: {_scalar(brand_color.lower())}\n",
        auth_block(auth, provider, api_key_header),
        "\n# Actions and triggers; each becomes an entry of `paths` in the swagger.\n",
        "operations:\n",
    ]
    if action:
        parts.append(ACTION)
    if trigger:
        parts.append(TRIGGER)
    if not action and not trigger:
        parts[-1] = "operations: []\n"
    if action or trigger:
        parts.append("\n" + DEFINITIONS)
    return "".join(parts)


@click.command("init")
@click.argument("name")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Spec file to write (default: spec/SLUG.yaml from NAME).")
@click.option("--auth", type=click.Choice(AUTH_KINDS), default="none", show_default=True,
              help="How users sign in to the API.")
@click.option("--provider", type=click.Choice(OAUTH_PROVIDERS), default="generic", show_default=True,
              help="OAuth 2.0 identity provider (with --auth oauth2).")
@click.option("--api-key-header", default="X-API-Key", show_default=True, help="Header carrying the API key.")
@click.option("--host", default="api.example.com", show_default=True, help="The API's host name.")
@click.option("--base-path", default="/", show_default=True, help="Path prefix of every operation.")
@click.option("--action/--no-action", default=True, show_default=True, help="A first action (ListItems).")
@click.option("--trigger/--no-trigger", default=False, show_default=True,
              help="A first webhook trigger (OnItemCreated).")
@click.option("--brand-color", default=DEFAULT_BRAND_COLOR, show_default=True,
              help="The icon's background colour, #RRGGBB (not #007ee5 or #ffffff).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT when it exists.")
def init(name, output, auth, provider, api_key_header, host, base_path, action, trigger, brand_color,
         force) -> None:
    """Write a commented, minimal spec for a new connector called NAME; it builds and validates
    with no errors and no warnings."""
    from generator.render import write_atomically
    from generator.validate.rules.metadata.value_contains_restricted_words import restricted_words
    from generator.validate.rules.review.brand_color_not_allowed import REJECTED_COLORS

    problems = []
    if not name.strip() or len(name) > 30:
        problems.append("NAME must be 1 to 30 characters (Power Platform's limit for a connector title)")
    restricted = restricted_words(name)
    if restricted:
        problems.append(f"NAME {name!r} uses {', '.join(map(repr, restricted))}, which certification refuses in a "
                        "connector title: name the service or company only (e.g. 'Contoso Messaging')")
    if not _HOST.fullmatch(host):
        problems.append(f"--host {host!r} is not a host name (e.g. api.example.com)")
    if not base_path.startswith("/"):
        problems.append("--base-path must start with '/'")
    if not re.fullmatch(r"[A-Za-z0-9-]+", api_key_header):
        problems.append("--api-key-header must be a header name (letters, digits and '-')")
    if not _BRAND_COLOR.fullmatch(brand_color):
        problems.append(f"--brand-color {brand_color!r} is not a colour written #RRGGBB (e.g. {DEFAULT_BRAND_COLOR})")
    elif brand_color.lower() in REJECTED_COLORS:
        problems.append(f"--brand-color {brand_color.lower()} is {REJECTED_COLORS[brand_color.lower()]}, which "
                        "certification rejects: use your brand's colour")
    if provider != "generic" and auth != "oauth2":
        problems.append("--provider needs --auth oauth2")
    if problems:
        for problem in problems:
            click.echo(f"error: {problem}", err=True)
        sys.exit(EXIT_UNUSABLE)
    output = output or Path("spec") / f"{slug(name)}.yaml"
    if (output.exists() or output.is_symlink()) and not force:
        click.echo(f"{output} exists: pass --force to overwrite it", err=True)
        sys.exit(EXIT_UNUSABLE)
    text = init_spec(name, auth, provider, host, base_path, action, trigger, api_key_header, brand_color)
    try:
        write_atomically(output.parent, [(output.name, text.encode("utf-8"))])
    except OSError as exc:
        click.echo(f"{output}: cannot write: {exc.strerror or exc}; nothing was changed", err=True)
        sys.exit(EXIT_UNUSABLE)
    click.echo(f"wrote {output}: {_build_hint(output)}", err=True)


def _build_hint(spec: Path) -> str:
    """How to build the new spec: into the folder the project configuration gives it, if any."""
    from generator.project import ProjectError, find_project
    from generator.targets import shown_path

    try:
        project = find_project()
    except ProjectError:
        project = None
    listed = project.connector_for_spec(spec) if project else None
    if listed is not None:
        return f"`pacgen build {spec}` renders it into {shown_path(listed.out)}"
    return f"`pacgen build {spec} -o connectors/{spec.stem}` renders it"

