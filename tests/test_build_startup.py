"""`pacgen build` imports only what building needs (its start-up is most of its cost; figures in
bench/build_speed.py). Each check runs in a fresh interpreter: a pytest process has imported
everything already."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

# Modules a build of a valid spec never uses: each was measured on `pacgen build`'s path
# (valgrind --tool=callgrind) and is now imported only by the commands or the inputs that need it.
NOT_ON_THE_BUILD_PATH = (
    "generator.docs.compare",  # the docs package resolves its names on first use
    "generator.docs.reader",
    "generator.source",  # the spec is read by generator.inputfile
    "generator.report.mask",  # only findings are masked
    "html",  # only a reference-page cell with '&' needs html.unescape
)


def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout


def test_build_does_not_import_what_it_does_not_use(tmp_path):
    loaded = json.loads(run_python(
        "import json, sys\n"
        "from generator.cli import main\n"
        f"sys.argv = ['pacgen', 'build', 'spec/clicksend.yaml', '-o', {str(tmp_path / 'out')!r}]\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert exit.code == 0, exit.code\n"
        "print(json.dumps(sorted(sys.modules)))\n"))
    assert (tmp_path / "out" / "reference.md").is_file()  # the build did write the reference page
    assert "generator.docs.flatten" in loaded and "generator.docs.render" in loaded
    assert [name for name in NOT_ON_THE_BUILD_PATH if name in loaded] == []


def test_docs_compare_is_the_function_whichever_import_comes_first():
    for first in ("import generator.docs.compare", "from generator.docs import compare",
                  "from generator.docs.compare import CODES", "import generator.docs.check"):
        shown = run_python(
            f"{first}\nimport types\nimport generator.docs\nfrom generator.docs import compare\n"
            "print(type(compare).__name__, type(generator.docs.compare).__name__, compare.__module__)")
        assert shown.split() == ["function", "function", "generator.docs.compare"], first


def test_build_in_a_callers_process_leaves_its_garbage_collector_as_it_was(tmp_path):
    shown = run_python(
        "import gc\n"
        "from click.testing import CliRunner\n"
        "from generator.cli import main\n"
        "gc.set_threshold(1234, 5, 6)\n"
        "for out in ('a', 'b'):\n"
        f"    result = CliRunner().invoke(main, ['build', 'spec/clicksend.yaml', '-o', {str(tmp_path)!r} + '/' + out])\n"
        "    assert result.exit_code == 0, result.output\n"
        "print(gc.get_threshold(), gc.get_freeze_count(), gc.isenabled())\n"
        "gc.freeze()\n"
        f"CliRunner().invoke(main, ['build', 'spec/clicksend.yaml', '-o', {str(tmp_path)!r} + '/c'])\n"
        "print(gc.get_freeze_count() > 0)\n")  # what the caller froze stays frozen
    assert shown.split("\n")[:2] == ["(1234, 5, 6) 0 True", "True"]
    assert (tmp_path / "b" / "apiDefinition.swagger.json").is_file()


def test_the_console_script_is_the_command_line_with_its_exit_codes(tmp_path):
    import importlib.metadata

    [script] = [entry for entry in importlib.metadata.entry_points(group="console_scripts") if entry.name == "pacgen"]
    assert script.value == "generator.console:main"
    code = ("import gc, sys\n"
            "sys.argv = ['pacgen'] + sys.argv[1:]\n"
            "from generator.console import main\n"
            "try:\n    main()\nexcept SystemExit as exit:\n"
            "    print(exit.code, gc.get_threshold()[0])\n")
    missing = subprocess.run([sys.executable, "-c", code, "build", str(tmp_path / "none.yaml"), "-o", str(tmp_path / "o")],
                             cwd=ROOT, capture_output=True, text=True, check=True)
    assert missing.stdout.split() == ["2", "10000"]
    built = subprocess.run([sys.executable, "-c", code, "build", "spec/clicksend.yaml", "-o", str(tmp_path / "o")],
                           cwd=ROOT, capture_output=True, text=True, check=True)
    assert built.stdout.split() == ["0", "10000"] and (tmp_path / "o" / "reference.md").is_file()
