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
