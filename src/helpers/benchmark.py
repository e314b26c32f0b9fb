"""Benchmark: what the dependency parse costs, what the whole extraction costs, and how both grow.

`python -m helpers benchmark DIR [--scale 4] [--jobs 1]` (`make benchmark` over a synthetic corpus
of 1,000 articles made by scripts/synthetic_corpus.py) measures, in one run on the same texts:

- the floor: the project's trained spaCy pipeline alone (`helpers.language.parser().pipe(texts)`,
  nothing else) over the sentences ingestion finds in the articles (`helpers.ingest`), i.e. the very
  texts the extraction parses, one by one. The texts are read before the clock starts. With
  `--jobs N` the sentences are cut into N equal shares, each piped in its own process;
- the whole extraction (`pipeline.run_extraction` into a temporary store: reading the files, every
  per-article stage, the Parquet parts, the incidents merged at the end), with `--jobs N`;
- the same extraction over the corpus `scale` times over: every file copied `scale` times under new
  names (each copy is an article of its own; manifest rows are copied with them), so the work is
  exactly `scale` times the work.

Each step runs in a fresh process (`python -m helpers.benchmark --measure floor|extract DIR`, which
prints one JSON line), so that its peak memory is its own and the model is loaded the same way in
each: peak RSS is the process's `ru_maxrss` and, with worker processes, the largest worker's
(RUSAGE_CHILDREN) counted once per worker. Load time (dictionaries, patterns, the parser, and a
one-article warm-up that fills the per-process caches) is measured apart; seconds, articles/s and
tokens/s time only the work. Tokens are those of the parser's tokenizer over the sentence texts,
the same count for the floor and the extraction.

Prints the figures, whether the scaling meets its targets (time at most 1.1 x scale the 1x time,
peak RSS at most 1.3 x the 1x peak) and, last, `ratio=<floor seconds / extraction seconds>`.
Progress goes to standard error. Asserts nothing: absolute times vary with the machine.
"""
from __future__ import annotations

import argparse
import bisect
import csv
import io
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

TIME_TARGET = 1.1       # the scale x corpus takes at most 1.1 x scale the time of the 1x one
MEMORY_TARGET = 1.3     # and at most 1.3 x its peak memory
PROGRESS_SECONDS = 10   # a progress line at least this often while a step runs
STEPS = ("floor", "extract")
WARM_UP_ARTICLE = """Iran and Pakistan trade strikes

Published January 19, 2024

ISLAMABAD, Jan 19 (Reuters) - Pakistan's military said on Thursday it had struck militant hideouts in Iran, \
killing at least nine people, a day after Iran launched missiles at targets in Balochistan.

Iran's foreign ministry condemned the attack and summoned Pakistan's charge d'affaires in Tehran.
"""


class BenchmarkError(Exception):
    """A step failed or the folder cannot be benchmarked; the message says which and why."""


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- memory -------------------------------------------------------------------------------------

def peak_rss_mb() -> tuple[float, float]:
    """(this process's peak RSS, the largest finished child's peak RSS), in MB (Linux: ru_maxrss in KB)."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def current_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def memory_figures(jobs: int) -> dict:
    main, worker = peak_rss_mb()
    workers = jobs if jobs > 1 else 0
    return {"peak_rss_mb": main + workers * worker, "main_peak_rss_mb": main,
            "worker_peak_rss_mb": worker if workers else 0.0}


# --- progress -------------------------------------------------------------------------------------

class Ticker:
    """A line on standard error when asked, at most every PROGRESS_SECONDS (and always when forced)."""

    def __init__(self, label: str):
        self.label, self.started, self.last = label, time.perf_counter(), 0.0

    def tell(self, done: int, total: int, force: bool = False, what: str = "articles") -> None:
        now = time.perf_counter()
        if force or now - self.last >= PROGRESS_SECONDS:
            self.last = now
            say(f"  {self.label}: {done:,}/{total:,} {what} ({now - self.started:.0f} s)")


def extraction_progress(label: str):
    from .progress import Progress

    class Lines(Progress):
        def start(self, total: int) -> None:
            self.total, self.done, self.ticker = total, 0, Ticker(label)
            self.ticker.tell(0, total, force=True)

        def advance(self, names: list[str], errors: list[str]) -> None:
            self.done += len(names)
            if names:
                self.ticker.tell(self.done, self.total, force=self.done == self.total)

        def note(self, message: str) -> None:
            say(f"  {label}: {message}")

    return Lines()


# --- the texts ------------------------------------------------------------------------------------

def sentence_texts(articles_dir: Path) -> tuple[list[str], list[int], int]:
    """The sentence texts ingestion finds in a folder, in the order the extraction reads them, with
    the running count of sentences after each article read, and the number of files not read."""
    from .ingest import read_corpus

    corpus = read_corpus(articles_dir)
    per_article = corpus.sentences.groupby("article_id", sort=False).size()
    ends = per_article.reindex(corpus.articles["article_id"], fill_value=0).cumsum().tolist()
    return corpus.sentences["text"].tolist(), ends, len(corpus.errors)


# --- the floor: the parser alone ------------------------------------------------------------------

_SHARED_TEXTS: list[str] = []       # what forked workers of the floor read their share from


def _pipe_share(start: int, end: int, label: str) -> int:
    from .language import parser
    from .parse import BATCH_SIZE

    tokens, ticker = 0, Ticker(f"{label}, sentences {start + 1:,}-{end:,}")
    for number, doc in enumerate(parser().pipe(_SHARED_TEXTS[start:end], batch_size=BATCH_SIZE), start=1):
        tokens += len(doc)
        if number % 256 == 0:
            ticker.tell(number, end - start, what="sentences")
    ticker.tell(end - start, end - start, force=True, what="sentences")
    return tokens


def measure_floor(articles_dir: Path, jobs: int = 1, label: str = "floor") -> dict:
    """`parser().pipe` over the folder's sentence texts; the texts are read and the model loaded
    before the clock starts."""
    global _SHARED_TEXTS
    from .language import parser
    from .parse import BATCH_SIZE

    say(f"  {label}: loading the parser")
    started = time.perf_counter()
    nlp = parser()
    list(nlp.pipe(["Pakistan struck militant hideouts in Iran on Thursday."]))
    load_seconds = time.perf_counter() - started
    say(f"  {label}: reading the articles' sentences (helpers.ingest)")
    texts, ends, failed = sentence_texts(articles_dir)
    rss_after_load = current_rss_mb()
    ticker = Ticker(label)
    ticker.tell(0, len(ends), force=True)
    started = time.perf_counter()
    if jobs > 1:
        _SHARED_TEXTS = texts
        share = -(-len(texts) // jobs)
        bounds = [(start, min(start + share, len(texts))) for start in range(0, len(texts), share)]
        say(f"  {label}: {len(bounds)} processes, {share:,} sentences each")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork")) as pool:
            tokens = sum(pool.map(_pipe_share, *zip(*bounds), [label] * len(bounds))) if bounds else 0
    else:
        tokens = 0
        for number, doc in enumerate(nlp.pipe(texts, batch_size=BATCH_SIZE), start=1):
            tokens += len(doc)
            if number % 256 == 0:
                ticker.tell(bisect.bisect_right(ends, number), len(ends))
    seconds = time.perf_counter() - started
    memory = memory_figures(jobs)
    ticker.tell(len(ends), len(ends), force=True)
    return {"step": "floor", "articles": len(ends), "failed": failed, "sentences": len(texts), "tokens": tokens,
            "load_seconds": load_seconds, "seconds": seconds, "rss_after_load_mb": rss_after_load, "jobs": jobs,
            **memory}


# --- the whole extraction -------------------------------------------------------------------------

def load_everything():
    """Dictionaries, name index, patterns, the parser, and one small article through every stage:
    what a run loads once per process. Workers forked later inherit it."""
    from .actors import build_name_index
    from .ingest import ArticleSource
    from .language import parser
    from .patterns import load_pattern_book
    from .pipeline import code_batch, load_dictionaries

    dictionaries = load_dictionaries()
    build_name_index(dictionaries.actors)
    load_pattern_book()
    parser()
    code_batch([ArticleSource("warm-up.txt", "warm-up.txt", WARM_UP_ARTICLE.encode("utf-8"))], dictionaries)
    return dictionaries


def store_counts(store: Path) -> dict:
    import pyarrow.parquet as pq

    counts = {name: pq.ParquetFile(store / f"{name}.parquet").metadata.num_rows
              for name in ("articles", "sentences", "events", "claims", "incidents")}
    counts["failed"] = len(json.loads((store / "errors.json").read_text(encoding="utf-8")))
    return counts


def stored_tokens(store: Path) -> int:
    """Tokens of the stored sentences, by the parser's own tokenizer."""
    import pyarrow.parquet as pq

    from .language import parser

    tokenizer = parser().tokenizer
    table = pq.ParquetFile(store / "sentences.parquet")
    return sum(len(doc) for batch in table.iter_batches(batch_size=10_000, columns=["text"])
               for doc in tokenizer.pipe(batch.column(0).to_pylist()))


def measure_extraction(articles_dir: Path, jobs: int = 1, label: str = "extract") -> dict:
    """`run_extraction` into a temporary store, after everything it loads once is loaded."""
    from .pipeline import run_extraction

    say(f"  {label}: loading dictionaries, patterns and the parser")
    started = time.perf_counter()
    dictionaries = load_everything()
    load_seconds = time.perf_counter() - started
    rss_after_load = current_rss_mb()
    with tempfile.TemporaryDirectory(prefix="benchmark-store-") as scratch:
        started = time.perf_counter()
        store = run_extraction(articles_dir, Path(scratch) / "store", dictionaries, jobs=jobs,
                               progress=extraction_progress(label))
        seconds = time.perf_counter() - started
        memory = memory_figures(jobs)
        counts = store_counts(store)
        tokens = stored_tokens(store)
    return {"step": "extract", **counts, "tokens": tokens, "load_seconds": load_seconds, "seconds": seconds,
            "rss_after_load_mb": rss_after_load, "jobs": jobs, **memory}


# --- the parent: each step in a fresh process -----------------------------------------------------

def measure_in_subprocess(step: str, articles_dir: Path, jobs: int, label: str) -> dict:
    command = [sys.executable, "-m", "helpers.benchmark", "--measure", step, str(articles_dir),
               "--jobs", str(jobs), "--label", label]
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise BenchmarkError(f"{label} failed (exit status {done.returncode})")
    return json.loads(lines[-1])


def copy_scaled(articles_dir: Path, out_dir: Path, scale: int) -> int:
    """Every article file of a folder copied `scale` times into `out_dir` (NAME_x0.txt ...), its
    manifest rows with them; returns the number of files written."""
    from .ingest import MANIFEST_NAME, list_article_files

    files = list_article_files(articles_dir)
    for path in files:
        for copy in range(scale):
            shutil.copyfile(path, out_dir / f"{path.stem}_x{copy}{path.suffix}")
    manifest = articles_dir / MANIFEST_NAME
    if manifest.is_file():
        rows = list(csv.reader(io.StringIO(manifest.read_text(encoding="utf-8-sig"), newline="")))
        header, named = rows[0], {path.name: path for path in files}
        column = header.index("file") if "file" in header else 0
        copied = [header]
        for row in rows[1:]:
            path = named.get(row[column].strip()) if len(row) > column else None
            copies = range(scale) if path else [None]
            copied += [row if copy is None else
                       [f"{path.stem}_x{copy}{path.suffix}" if n == column else cell for n, cell in enumerate(row)]
                       for copy in copies]
        with open(out_dir / MANIFEST_NAME, "w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(copied)
    return len(files) * scale


def run_benchmark(articles_dir: str | Path, scale: int = 4, jobs: int = 1, out=None) -> int:
    """The three steps, one process each, and their figures on `out` (standard output)."""
    from .ingest import list_article_files

    out = out or sys.stdout
    show = lambda line="": print(line, file=out, flush=True)
    articles_dir = Path(articles_dir).resolve()
    if scale < 2:
        raise BenchmarkError(f"--scale must be at least 2, got {scale}")
    n_files = len(list_article_files(articles_dir))
    say(f"benchmark: {articles_dir} ({n_files:,} article files), jobs {jobs}, scale {scale}")
    big = f"extract_{scale}x"
    say(f"benchmark: 1/3 floor, the parser alone over {n_files:,} articles")
    floor = measure_in_subprocess("floor", articles_dir, jobs, "floor")
    say(f"benchmark: 2/3 extraction over {n_files:,} articles")
    extract = measure_in_subprocess("extract", articles_dir, jobs, "extract 1x")
    with tempfile.TemporaryDirectory(prefix=f"benchmark-{scale}x-") as scratch:
        say(f"benchmark: copying every file {scale} times")
        n_scaled = copy_scaled(articles_dir, Path(scratch), scale)
        say(f"benchmark: 3/3 extraction over {n_scaled:,} articles ({scale}x)")
        scaled = measure_in_subprocess("extract", Path(scratch), jobs, f"extract {scale}x")

    show(f"benchmark of {articles_dir}: {n_files:,} article files; jobs {jobs}; scale {scale}")
    show("texts: the sentences helpers.ingest finds (what the extraction parses); tokens by the parser's tokenizer")
    show("floor: parser().pipe(sentence texts), nothing else" +
         (f", the sentences cut into {jobs} shares, one process each" if jobs > 1 else ", one process"))
    show(f"extraction: pipeline.run_extraction into a temporary store, jobs {jobs}")
    show(f"{scale}x corpus: every file copied {scale} times under new names (manifest rows too)")
    show("load s: dictionaries/patterns/parser and a warm-up article, not in the timed seconds")
    show("peak RSS: each step's own process" +
         (f" + {jobs} x its largest worker (an upper bound: pages shared with the parent counted in each)"
          if jobs > 1 else ""))
    show()
    show(f"{'step':<12} {'articles':>8} {'sentences':>9} {'tokens':>9} {'load_s':>7} {'seconds':>8} "
         f"{'articles/s':>10} {'tokens/s':>9} {'RSS_load_MB':>11} {'peak_RSS_MB':>11}")
    for name, result in (("floor", floor), ("extract_1x", extract), (big, scaled)):
        seconds = max(result["seconds"], 1e-9)
        show(f"{name:<12} {result['articles']:>8} {result['sentences']:>9} {result['tokens']:>9} "
             f"{result['load_seconds']:>7.1f} {result['seconds']:>8.2f} {result['articles'] / seconds:>10.2f} "
             f"{result['tokens'] / seconds:>9.0f} {result['rss_after_load_mb']:>11.0f} {result['peak_rss_mb']:>11.0f}")
    if jobs > 1:
        for name, result in (("floor", floor), ("extract_1x", extract), (big, scaled)):
            workers = (f"largest worker {result['worker_peak_rss_mb']:.0f} MB" if result["worker_peak_rss_mb"]
                       else "no worker process (one batch: the pipeline ran it in its own process)")
            show(f"  {name}: main process {result['main_peak_rss_mb']:.0f} MB, {workers}")
    show()
    for name, result in (("extract_1x", extract), (big, scaled)):
        show(f"{name}: {result['events']} events, {result['incidents']} incidents, {result['claims']} claims, "
             f"{result['failed']} files not read")
    time_ratio = scaled["seconds"] / max(extract["seconds"], 1e-9)
    memory_ratio = scaled["peak_rss_mb"] / max(extract["peak_rss_mb"], 1e-9)
    time_limit = TIME_TARGET * scale
    verdict = lambda ok: "met" if ok else "NOT met"
    show(f"scaling {scale}x: time {time_ratio:.2f}x (target <= {time_limit:.1f}x: {verdict(time_ratio <= time_limit)}), "
         f"peak RSS {memory_ratio:.2f}x (target <= {MEMORY_TARGET:.1f}x: {verdict(memory_ratio <= MEMORY_TARGET)})")
    ratio = floor["seconds"] / max(extract["seconds"], 1e-9)
    show(f"the parse alone takes {ratio:.0%} of the extraction's time; the extraction takes "
         f"{1 / max(ratio, 1e-9):.2f}x the parse's")
    show(f"ratio={ratio:.2f}")
    return 0


# --- one measured step (the child) ----------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.benchmark",
                                     description="one measured step of `python -m helpers benchmark`; "
                                                 "prints a JSON line")
    parser.add_argument("--measure", choices=STEPS, required=True)
    parser.add_argument("articles_dir")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--label", default="")
    args = parser.parse_args(argv)
    measure = measure_floor if args.measure == "floor" else measure_extraction
    result = measure(Path(args.articles_dir), args.jobs, args.label or args.measure)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
