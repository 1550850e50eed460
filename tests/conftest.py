import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_a19dba9c8847947d.txt"
CORPUS = SHARED / "corpus"


def need_shared(path: Path) -> Path:
    """Skip (with the reason) when ../shared is absent — except in CI, where it must exist.

    The one way a test depends on ../shared: call this, use the ``seed_path``/``corpus_path``
    fixtures, or mark the test ``@pytest.mark.shared(PATH)`` (tests/test_shared_skips.py checks
    that no test module skips over ../shared on its own)."""
    if path.exists():
        return path
    if os.environ.get("PACGEN_REQUIRE_SHARED"):
        pytest.fail(f"{path} is missing but PACGEN_REQUIRE_SHARED is set (CI always has ../shared)")
    pytest.skip(f"{path} not found: tests that compare with ../shared need it beside the checkout")


def pytest_configure(config):
    config.addinivalue_line("markers", "shared(path): the test reads PATH under ../shared (see need_shared)")


def pytest_runtest_setup(item):
    for marker in item.iter_markers(name="shared"):
        for path in marker.args:
            need_shared(Path(path))


@pytest.fixture
def seed_path() -> Path:
    return need_shared(SEED)


@pytest.fixture
def corpus_path() -> Path:
    return need_shared(CORPUS)


@pytest.fixture
def mini_spec() -> Path:
    return ROOT / "tests" / "fixtures" / "mini.yaml"


def assert_findings_are_sound(findings, swagger, properties, rules) -> None:
    """What any run of the rules must give, however odd the input: findings of the rules that ran,
    each with a message and a pointer whose parent exists in the document it names (a finding
    about a missing member points at or into the object that should hold it)."""
    from generator.findings import Severity, split_pointer

    codes = {rule.code for rule in rules}
    for finding in findings:
        assert finding.code in codes, finding
        assert isinstance(finding.severity, Severity) and finding.message.strip(), finding
        in_properties = finding.pointer == "/properties" or finding.pointer.startswith("/properties/")
        node = properties if in_properties else swagger
        tokens = split_pointer(finding.pointer)
        for token in tokens[:-1]:
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise AssertionError(f"{finding.code}: {finding.pointer!r} is not in the document")
