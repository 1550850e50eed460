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


def build_artifacts(spec_path: str | Path) -> list[Artifact]:
    source, connector = load_model(spec_path)
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
    return artifacts


def suppressions_artifact(entries: list) -> Artifact:
    """The spec's `suppress:` list as the folder's .pacgen.yaml, so that validating the built
    folder silences the same findings as validating the spec."""
    from generator.jsontext import dumps

    # JSON is YAML too, and our JSON writer is far cheaper than PyYAML's emitter.
    header = "# Written by pacgen build from the spec's `suppress:` list; edit the spec, not this file.\n"
    return Artifact(".pacgen.yaml", (header + dumps({"suppress": entries}) + "\n").encode("utf-8"))
