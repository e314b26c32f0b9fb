"""Benchmark: what the dependency parse costs, and how fast the whole pipeline codes a folder.

Copies the seed articles N times into a temporary folder (each copy its own article), then, in one
run on the same texts: the parse alone (the project's spaCy pipeline over every sentence, nothing
else: the floor any extraction stands on) and the whole extraction (every stage, dictionaries
loaded once beforehand so that their one-off cost is reported apart). Prints figures; asserts
nothing. Absolute times vary with the machine; compare the ratios.

    python benchmarks/pipeline_speed.py [N ...]        (default: 10 50)
"""
from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from helpers.actor_dictionary import load_actor_dictionary, load_agents
from helpers.actors import build_name_index
from helpers.ingest import read_corpus
from helpers.language import parser
from helpers.parse import parse_texts
from helpers.patterns import load_pattern_book
from helpers.pipeline import extract_tables
from helpers.project import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"


def copy_seeds(folder: Path, copies: int) -> int:
    articles = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")
    for n in range(copies):
        for article in articles:
            shutil.copy(article, folder / f"{article.stem}_{n:04d}.txt")
    return copies * len(articles)


def timed(work):
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def load_once() -> float:
    """Dictionaries, patterns and the trained pipeline: read once per process."""
    _, seconds = timed(lambda: (build_name_index(load_actor_dictionary()), load_agents(), load_pattern_book(),
                                parser()))
    return seconds


def main(sizes: list[int]) -> None:
    print(f"loading dictionaries, patterns and the parser: {load_once():.1f} s (once per process)")
    print(f"{'articles':>9} {'tokens':>8} {'parse s':>8} {'parse art/s':>12} {'extract s':>10} "
          f"{'extract art/s':>14} {'parse share':>12} {'peak MB':>8}")
    for copies in sizes:
        with tempfile.TemporaryDirectory() as folder:
            n_articles = copy_seeds(Path(folder), copies)
            texts = read_corpus(folder).sentences["text"].tolist()
            docs, parse_seconds = timed(lambda: list(parse_texts(texts)))
            tables, extract_seconds = timed(lambda: extract_tables(folder).tables)
        tokens = sum(len(doc) for doc in docs)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{n_articles:>9} {tokens:>8} {parse_seconds:>8.2f} {n_articles / parse_seconds:>12.1f} "
              f"{extract_seconds:>10.2f} {n_articles / extract_seconds:>14.1f} "
              f"{parse_seconds / extract_seconds:>12.2f} {peak:>8.0f}")
        print(f"{'':>9} {len(tables['events'])} events, {len(tables['claims'])} claims; "
              f"parse {tokens / parse_seconds:,.0f} tokens/s")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10, 50])
