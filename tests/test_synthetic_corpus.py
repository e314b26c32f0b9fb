"""The synthetic corpus builder (scripts/synthetic_corpus.py): deterministic, readable by ingest."""
import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from helpers.ingest import read_corpus

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "events"]


@pytest.fixture(scope="module")
def synthetic():
    if "synthetic_corpus" not in sys.modules:      # its dataclasses look their module up there
        spec = importlib.util.spec_from_file_location("synthetic_corpus", ROOT / "scripts" / "synthetic_corpus.py")
        sys.modules["synthetic_corpus"] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules["synthetic_corpus"])
    return sys.modules["synthetic_corpus"]


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_same_seed_same_bytes_and_n_files(synthetic, tmp_path):
    assert synthetic.write_corpus(SOURCES, tmp_path / "a", 12, seed=7) == 12
    synthetic.write_corpus(SOURCES, tmp_path / "b", 12, seed=7)
    synthetic.write_corpus(SOURCES, tmp_path / "c", 5, seed=8)
    first = contents(tmp_path / "a")
    assert len(first) == 12 and all(name.endswith(".txt") for name in first)
    assert first == contents(tmp_path / "b")
    assert contents(tmp_path / "c") != {name: first[name] for name in sorted(first)[:5]}
    # article i depends on the seed and i only: a smaller corpus is the start of a larger one
    synthetic.write_corpus(SOURCES, tmp_path / "d", 3, seed=7)
    assert contents(tmp_path / "d") == {name: first[name] for name in sorted(first)[:3]}
    with pytest.raises(synthetic.CorpusError):
        synthetic.write_corpus(SOURCES, tmp_path / "a", 2)      # never written over


def test_articles_read_through_ingest_with_shifted_dates(synthetic, tmp_path):
    synthetic.write_corpus(SOURCES, tmp_path / "corpus", 20, seed=3)
    corpus = read_corpus(tmp_path / "corpus")
    assert corpus.errors == []
    articles = corpus.articles
    assert len(articles) == 20
    # the sources are dated 2019-02-28 .. 2024-01-29; the shift is at most a year either way
    published = articles["published"].map(date.fromisoformat)
    assert (articles["date_source"] == "header").all()
    assert published.min() >= date(2018, 2, 28) and published.max() <= date(2025, 1, 28)
    assert published.nunique() > 10
    assert (articles["title"] != "").all() and (articles["outlet"] != "").all()
    pool = synthetic.read_pool(SOURCES)
    assert synthetic.shift_range(pool) == (date(2018, 2, 28), date(2025, 1, 28))
    assert set(articles["title"]) <= {title.text for title in pool.titles}
    # about a real article's length: 440 tokens on average, each within the target's spread
    tokens = corpus.sentences["text"].str.split().str.len().groupby(corpus.sentences["article_id"]).sum()
    assert tokens.between(200, 700).all()
    assert (corpus.set_aside["kind"].value_counts().to_dict() == {"header": 20, "dateline": 20})
