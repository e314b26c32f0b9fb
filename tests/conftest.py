from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")  # tests draw figures without a screen

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

AL_JAZEERA = "000_83a65fe50b011b24"
EFE = "003_ae346129136baab4"


@pytest.fixture(scope="session")
def seed_corpus():
    from helpers.ingest import read_corpus
    return read_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_tables():
    from helpers.pipeline import cached_extraction
    return cached_extraction(SEEDS).tables
