from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "fixtures" / "samples"
EVAL = ROOT / "fixtures" / "eval"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def mini_taxonomy_path() -> Path:
    return DATA / "mini-taxonomy.yaml"
