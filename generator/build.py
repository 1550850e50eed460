"""Spec → model → artifacts: what `pacgen build` runs on every edit, so it imports only what
it needs (connector loading for validation lives in ``generator.pipeline``)."""

from __future__ import annotations

from pathlib import Path

from generator.render import Artifact, render_connector
from generator.spec.check import check_spec
from generator.spec.loader import SpecError, SpecSource, load_spec
from generator.spec.model import Connector, expand


def load_model(spec_path: str | Path) -> tuple[SpecSource, Connector]:
    """Load, check and expand a spec; raises SpecError with located findings."""
    source = load_spec(spec_path)
    findings = check_spec(source)
    if findings:
        raise SpecError(findings)
    return source, expand(source.data)


def spec_extras(source: SpecSource) -> dict[str, str]:
    """Files the spec names beside itself (icon, script), as name → path."""
    extras = {}
    for key, default_name in (("icon", "icon.png"), ("script", "script.csx")):
        value = source.data.get(key)
        if isinstance(value, str):
            extras[default_name] = str(Path(source.path).parent / value)
    return extras


def build_artifacts(spec_path: str | Path, reference: bool = False) -> list[Artifact]:
    """Every file of the connector folder; ``reference`` adds the English reference page.
    Raises SpecError (located in the spec) when the spec is unusable or would build a swagger
    that is not valid OpenAPI 2.0, so that nothing invalid is ever written."""
    source, connector = load_model(spec_path)
    refuse_invalid_swagger(source, connector)
    extras = spec_extras(source)
    artifacts = render_connector(connector, icon="icon.png" if "icon.png" in extras else None,
                                 script="script.csx" if "script.csx" in extras else None)
    for name, path in sorted(extras.items()):
        try:
            artifacts.append(Artifact(name, Path(path).read_bytes()))
        except OSError as exc:
            key = "icon" if name == "icon.png" else "script"
            raise SpecError([source.finding("SpecFileMissing", f"cannot read {path}: {exc.strerror}",
                                            (key,), "check the path (relative to the spec)")]) from None
    if isinstance(source.data.get("readme"), dict):
        from generator.render.readme import render_readme

        artifacts.append(render_readme(connector, source.data["readme"]))
    if source.data.get("suppress"):
        artifacts.append(suppressions_artifact(source.data["suppress"]))
    if reference:
        artifacts.append(reference_artifact(connector))
    return artifacts


def refuse_invalid_swagger(source: SpecSource, connector: Connector) -> None:
    """Every OpenAPI 2.0 error validate would report about the built swagger, at the spec's line."""
    from generator.validate.oas2 import check_oas2

    problems = [problem for problem in check_oas2(connector.swagger)
                if not _suppressed(source.data.get("suppress"), "OpenApiInvalid", problem.pointer)]
    if problems:
        from generator.spec.terms import in_spec_terms

        raise SpecError([in_spec_terms(source.finding(
            "OpenApiInvalid", problem.message, connector.origin(problem.pointer),
            "the built swagger would not be valid OpenAPI 2.0: fix this element of the spec (docs/spec.md)"))
            for problem in problems])


def _suppressed(entries: object, code: str, pointer: str) -> bool:
    """Whether the spec's `suppress:` list silences ``code`` at ``pointer`` (as validate would)."""
    return isinstance(entries, list) and any(
        isinstance(entry, dict) and entry.get("code") == code and str(entry.get("reason", "")).strip()
        and pointer.startswith(str(entry.get("pointer", ""))) for entry in entries)


def reference_artifact(connector: Connector) -> Artifact:
    """The English reference page (what `pacgen docs render` prints), as reference.md."""
    from generator.docs.flatten import page_from_connector
    from generator.docs.render import render_page

    info = connector.swagger.get("info") if isinstance(connector.swagger.get("info"), dict) else {}
    description = info.get("description") if isinstance(info.get("description"), str) else ""
    page = page_from_connector(connector.swagger, connector.properties, connector.throttling)
    text = render_page(page, str(info.get("title", "")), description)
    return Artifact("reference.md", text.encode("utf-8"))


def suppressions_artifact(entries: list) -> Artifact:
    """The spec's `suppress:` list as the folder's .pacgen.yaml, so that validating the built
    folder silences the same findings as validating the spec."""
    from generator.jsontext import dumps

    # JSON is YAML too, and our JSON writer is far cheaper than PyYAML's emitter.
    header = "# Written by pacgen build from the spec's `suppress:` list; edit the spec, not this file.\n"
    return Artifact(".pacgen.yaml", (header + dumps({"suppress": entries}) + "\n").encode("utf-8"))
