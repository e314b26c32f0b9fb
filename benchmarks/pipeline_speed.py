"""Benchmark: how fast the pipeline codes a folder of articles, and its peak memory.

Copies the seed articles N times into a temporary folder (each copy its own article) and runs
every stage over it. Prints figures; asserts nothing. Usage: python benchmarks/pipeline_speed.py [N ...]
"""
from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from helpers.pipeline import extract_tables
from helpers.project import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"


def copy_seeds(folder: Path, copies: int) -> int:
    articles = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")
    for n in range(copies):
        for article in articles:
            shutil.copy(article, folder / f"{article.stem}_{n:04d}.txt")
    return copies * len(articles)


def main(sizes: list[int]) -> None:
    print(f"{'articles':>9} {'sentences':>10} {'events':>7} {'seconds':>8} {'articles/s':>11} {'peak MB':>8}")
    for copies in sizes:
        with tempfile.TemporaryDirectory() as folder:
            n_articles = copy_seeds(Path(folder), copies)
            started = time.perf_counter()
            tables = extract_tables(folder).tables
            elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{n_articles:>9} {len(tables['sentences']):>10} {len(tables['events']):>7} {elapsed:>8.2f} "
              f"{n_articles / elapsed:>11.1f} {peak:>8.0f}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1, 25, 100])
