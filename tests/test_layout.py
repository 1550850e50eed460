"""The project's layout: exit codes defined once, stages import no command module, packages are
regular packages."""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
COMMAND_MODULES = {"generator.cli", "generator.validatecmd", "generator.buildcmd", "generator.docs.commands",
                   "generator.diff.commands", "generator.preview.commands", "generator.importer.commands"}


def _sources():
    return sorted(PACKAGE.rglob("*.py"))


def test_exit_codes_are_defined_once():
    defined = [str(path.relative_to(PACKAGE)) for path in _sources()
               if re.search(r"^EXIT_\w+(\s*,\s*EXIT_\w+)*\s*=", path.read_text("utf-8"), re.M)]
    assert defined == ["exit_codes.py"]


def test_stages_import_no_command_module():
    stages = [PACKAGE / "validate", PACKAGE / "docs" / "check.py", PACKAGE / "spec", PACKAGE / "render"]
    for path in (p for stage in stages for p in ([stage] if stage.is_file() else stage.rglob("*.py"))):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert node.module not in COMMAND_MODULES, f"{path} imports {node.module}"


def test_every_python_folder_is_a_regular_package():
    folders = {path.parent for path in _sources()}
    assert [str(f) for f in sorted(folders) if not (f / "__init__.py").exists()] == []
