"""One skip mechanism for ../shared (conftest.need_shared, the seed_path/corpus_path fixtures, the
``shared`` marker), and it honours PACGEN_REQUIRE_SHARED: with it set a missing file fails."""

import ast
from pathlib import Path

import conftest
import pytest

TESTS = Path(__file__).parent
#: Skips that are not about ../shared, each with its own switch to forbid it (PACGEN_REQUIRE_PACONN,
#: PACGEN_REQUIRE_BROWSER).
OTHER_SKIPS = {("test_upload.py", "paconn"), ("test_preview_browser.py", "_need_browser")}


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


def _outcome(call, *args):
    """The exception class a call ends with (pytest's skip and fail are BaseExceptions: caught here
    so that a skip cannot pass as this test being skipped)."""
    try:
        call(*args)
    except BaseException as exc:  # the outcome is what is tested
        return type(exc), str(exc)
    return None, ""


def test_a_missing_path_skips_without_the_switch(monkeypatch, tmp_path):
    monkeypatch.delenv("PACGEN_REQUIRE_SHARED", raising=False)
    kind, message = _outcome(conftest.need_shared, tmp_path / "absent")
    assert kind is pytest.skip.Exception and "not found" in message


def test_a_missing_path_fails_with_the_switch(monkeypatch, tmp_path):
    monkeypatch.setenv("PACGEN_REQUIRE_SHARED", "1")
    kind, message = _outcome(conftest.need_shared, tmp_path / "absent")
    assert kind is pytest.fail.Exception and "PACGEN_REQUIRE_SHARED" in message
    assert conftest.need_shared(tmp_path) == tmp_path  # present: no skip, no failure


class _Item:
    def __init__(self, *paths):
        self.marker = pytest.mark.shared(*paths).mark

    def iter_markers(self, name):
        return [self.marker] if name == "shared" else []


def test_the_shared_marker_goes_through_need_shared(monkeypatch, tmp_path):
    monkeypatch.setenv("PACGEN_REQUIRE_SHARED", "1")
    assert _outcome(conftest.pytest_runtest_setup, _Item(tmp_path)) == (None, "")
    kind, message = _outcome(conftest.pytest_runtest_setup, _Item(tmp_path, tmp_path / "absent"))
    assert kind is pytest.fail.Exception and "absent" in message
    monkeypatch.delenv("PACGEN_REQUIRE_SHARED")
    assert _outcome(conftest.pytest_runtest_setup, _Item(tmp_path / "absent"))[0] is pytest.skip.Exception
