"""The whole pipeline: a folder of articles -> every table, in stage order."""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .ingest import read_corpus
from .project import DATA_DIR, PROJECT_ROOT, resolve_path

CACHE_DIR = PROJECT_ROOT / ".cache"


@dataclass
class Extraction:
    tables: dict[str, pd.DataFrame]
    errors: list[str] = field(default_factory=list)


def extract_tables(articles_dir: str | Path, data_dir: str | Path | None = None,
                   progress=None) -> Extraction:
    """Run every stage over a folder; files that fail are listed in `errors`, the rest go on."""
    corpus = read_corpus(resolve_path(articles_dir), data_dir, progress)
    tables = {"articles": corpus.articles, "sentences": corpus.sentences,
              "set_aside": corpus.set_aside}
    return Extraction(tables, corpus.errors)


def content_key(articles_dir: Path, data_dir: Path) -> str:
    """A hash of everything an extraction depends on: articles, reference data and the code."""
    digest = hashlib.sha256()
    code_dir = Path(__file__).parent
    for folder, pattern in ((articles_dir, "*"), (data_dir, "*.*"), (code_dir, "*.py")):
        for path in sorted(folder.glob(pattern)):
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def cached_extraction(articles_dir: str | Path, data_dir: str | Path | None = None,
                      cache_dir: str | Path = CACHE_DIR, progress=None) -> Extraction:
    """`extract_tables`, run once per content: later calls (other notebooks) reuse the result."""
    articles_dir = resolve_path(articles_dir)
    data_dir = resolve_path(data_dir) if data_dir else DATA_DIR
    cache_path = Path(cache_dir) / f"extraction-{content_key(articles_dir, data_dir)}.pkl"
    if cache_path.exists():
        with cache_path.open("rb") as stream:
            return pickle.load(stream)
    extraction = extract_tables(articles_dir, data_dir, progress)
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=cache_path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as stream:
        pickle.dump(extraction, stream)
    os.replace(temporary, cache_path)
    return extraction
