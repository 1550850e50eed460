import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_a19dba9c8847947d.txt"
CORPUS = SHARED / "corpus"


def need_shared(path: Path) -> Path:
    """Skip (with the reason) when ../shared is absent — except in CI, where it must exist."""
    if path.exists():
        return path
    if os.environ.get("PACGEN_REQUIRE_SHARED"):
        pytest.fail(f"{path} is missing but PACGEN_REQUIRE_SHARED is set (CI always has ../shared)")
    pytest.skip(f"{path} not found: tests that compare with ../shared need it beside the checkout")


@pytest.fixture
def seed_path() -> Path:
    return need_shared(SEED)


@pytest.fixture
def corpus_path() -> Path:
    return need_shared(CORPUS)


@pytest.fixture
def mini_spec() -> Path:
    return ROOT / "tests" / "fixtures" / "mini.yaml"
