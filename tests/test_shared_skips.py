"""One skip mechanism for ../shared (conftest.need_shared, the seed_path/corpus_path fixtures, the
``shared`` marker), and it honours PACGEN_REQUIRE_SHARED: with it set a missing file fails."""

import ast
from pathlib import Path

import conftest
import pytest

TESTS = Path(__file__).parent
#: Skips that are not about ../shared, each with its own switch to forbid it (PACGEN_REQUIRE_PACONN).
OTHER_SKIPS = {("test_upload.py", "paconn")}


def _skips(tree: ast.Module):
    """(module, function) for every pytest.skip(...), pytest.importorskip(...) and skipif mark;
    function is "<module>" outside functions (a mark assigned to a name, say)."""
    def found_in(node):
        return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                   and n.func.attr in ("skip", "skipif", "importorskip") for n in ast.walk(node))

    for statement in tree.body:
        functions = [statement] if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) else [
            n for n in getattr(statement, "body", ()) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        if isinstance(statement, ast.ClassDef) or functions:
            yield from (f.name for f in functions if found_in(f))
        elif found_in(statement):
            yield "<module>"


@pytest.mark.parametrize("module", sorted(p.name for p in TESTS.glob("test_*.py")))
def test_no_test_module_skips_on_its_own(module):
    where = {(module, name) for name in _skips(ast.parse((TESTS / module).read_text("utf-8")))}
    assert not where - OTHER_SKIPS, (
        f"{module} skips on its own in {sorted(name for _, name in where - OTHER_SKIPS)}: "
        "use conftest.need_shared or @pytest.mark.shared(PATH)")


def test_the_check_finds_a_skip():
    text = "import pytest\nmark = pytest.mark.skipif(True, reason='x')\n" \
           "def test_a():\n    pytest.skip('y')\n"
    assert list(_skips(ast.parse(text))) == ["<module>", "test_a"]


def test_a_missing_path_skips_without_the_switch(monkeypatch, tmp_path):
    monkeypatch.delenv("PACGEN_REQUIRE_SHARED", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not found"):
        conftest.need_shared(tmp_path / "absent")


def test_a_missing_path_fails_with_the_switch(monkeypatch, tmp_path):
    monkeypatch.setenv("PACGEN_REQUIRE_SHARED", "1")
    with pytest.raises(pytest.fail.Exception, match="PACGEN_REQUIRE_SHARED"):
        conftest.need_shared(tmp_path / "absent")
    assert conftest.need_shared(tmp_path) == tmp_path  # present: no skip, no failure


class _Item:
    def __init__(self, *paths):
        self.marker = pytest.mark.shared(*paths).mark

    def iter_markers(self, name):
        return [self.marker] if name == "shared" else []


def test_the_shared_marker_goes_through_need_shared(monkeypatch, tmp_path):
    monkeypatch.setenv("PACGEN_REQUIRE_SHARED", "1")
    conftest.pytest_runtest_setup(_Item(tmp_path))
    with pytest.raises(pytest.fail.Exception, match="absent"):
        conftest.pytest_runtest_setup(_Item(tmp_path, tmp_path / "absent"))
    monkeypatch.delenv("PACGEN_REQUIRE_SHARED")
    with pytest.raises(pytest.skip.Exception):
        conftest.pytest_runtest_setup(_Item(tmp_path / "absent"))
