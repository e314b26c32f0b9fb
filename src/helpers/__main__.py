"""Command line: `python -m helpers extract ARTICLES_DIR --out OUT_DIR` writes every table as CSV;
`python -m helpers report ARTICLES_DIR --out REPORT_DIR` runs every notebook into an HTML report."""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from .actor_dictionary import DictionaryError
from .ingest import ArticleError
from .pipeline import ClusterError, load_store, stored_extraction, write_csv_tables
from .progress import ProgressBar
from .project import NOTEBOOKS_DIR


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_extract(args: argparse.Namespace) -> int:
    actor_files = [Path(args.actors).resolve()] if args.actors else []
    store = stored_extraction(Path(args.articles_dir).resolve(), args.data_dir, actor_files=actor_files,
                              jobs=args.jobs, scheduler=args.scheduler, progress=ProgressBar(args.verbose))
    extraction = load_store(store, ["articles"])
    if extraction.tables["articles"].empty:
        say("error: no article could be read; nothing written")
        return 1
    for path, rows in write_csv_tables(store, args.out):
        say(f"wrote {path} ({rows} rows)")
    return 1 if extraction.errors else 0


def run_benchmark_command(args: argparse.Namespace) -> int:
    from .benchmark import BenchmarkError, run_benchmark

    try:
        return run_benchmark(Path(args.articles_dir), scale=args.scale, jobs=args.jobs)
    except BenchmarkError as error:
        say(f"error: {error}")
        return 2


def run_report_command(args: argparse.Namespace) -> int:
    # papermill and nbconvert take seconds to import: only this command pays for them.
    from .report import ReportError, parse_parameter, run_report

    # papermill's own parameter reader misreads comments holding '=' and warns for each; the report
    # checks the parameters itself, before any kernel starts.
    logging.getLogger("papermill").setLevel(logging.ERROR)
    started = time.monotonic()
    try:
        parameters = {name: parse_parameter(value) for name, value in args.parameters}
        result = run_report(args.articles_dir, args.out, parameters, show_code=args.show_code,
                            notebooks_dir=args.notebooks, title=args.title, actors_file=args.actors,
                            jobs=args.jobs, scheduler=args.scheduler, extraction_progress=ProgressBar(args.verbose))
    except ReportError as error:
        say(f"error: {error}")
        return 2
    return tell_report_result(result, args.out, time.monotonic() - started)


def tell_report_result(result, out: str, seconds: float) -> int:
    """What became of the run, on standard error; the exit status (1 when anything failed)."""
    for run in result.failed:
        say(f"error: notebook {run.notebook} {run.status}")
    if result.failed:
        say(f"error: {len(result.failed)} notebook(s) failed; the failed run is kept at {result.report_dir}; "
            f"{out} was not changed")
        return 1
    say(f"wrote {result.report_dir / 'index.html'} ({len(result.runs)} notebooks, {seconds:.1f} s)")
    if result.read_errors:
        say(f"error: {len(result.read_errors)} file(s) could not be read and are left out of the report")
        return 1
    return 0


def add_run_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--jobs", type=positive_number, default=os.cpu_count() or 1, metavar="N",
                         help="worker processes for the per-article stages (default: the machine's cores, "
                              f"{os.cpu_count()} here); the tables are the same for any N")
    command.add_argument("--scheduler", metavar="ADDRESS", default=None,
                         help="a Dask distributed scheduler (tcp://host:8786) to run the per-article stages "
                              "on; its workers need the project installed (see README)")
    command.add_argument("--verbose", action="store_true", help="a line per article file as it is read")


def positive_number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="write every table of a folder of articles as CSV")
    extract.add_argument("articles_dir", help="folder of .txt/.html articles (and optional manifest.csv)")
    extract.add_argument("--out", required=True, help="folder to write the CSV tables into")
    extract.add_argument("--data-dir", default=None, help="folder of reference data (default: data/)")
    extract.add_argument("--actors", metavar="FILE", default=None,
                         help="a YAML of your own actors (the schema of data/actors.yaml), merged over the "
                              "built-in dictionaries: an existing id is replaced")
    add_run_options(extract)
    extract.set_defaults(run=run_extract)
    report = commands.add_parser("report", help="run every notebook over a folder of articles into an HTML report")
    report.add_argument("articles_dir", help="folder of .txt/.html articles (and optional manifest.csv)")
    report.add_argument("--out", required=True, help="report folder; replaced only when every notebook ran")
    report.add_argument("-p", "--parameter", nargs=2, action="append", default=[], dest="parameters",
                        metavar=("NAME", "VALUE"), help="a notebook parameter, read as papermill's -p reads it")
    report.add_argument("--show-code", action="store_true", help="show the code cells in the HTML")
    report.add_argument("--actors", metavar="FILE", default=None,
                        help="a YAML of your own actors, merged over the built-in dictionaries in every notebook")
    report.add_argument("--title", default="", help="the index page's title (default: Report on ARTICLES_DIR's name)")
    report.add_argument("--notebooks", default=NOTEBOOKS_DIR, help="folder of NN-*.ipynb notebooks to run "
                                                                    "(default: the project's notebooks/)")
    add_run_options(report)
    report.set_defaults(run=run_report_command)
    benchmark = commands.add_parser("benchmark", help="time the parser alone and the whole extraction over a "
                                                      "folder, and the extraction over it copied --scale times")
    benchmark.add_argument("articles_dir", help="folder of .txt/.html articles (make benchmark: a synthetic corpus)")
    benchmark.add_argument("--scale", type=positive_number, default=4,
                           help="the larger corpus is every file copied this many times (default 4)")
    benchmark.add_argument("--jobs", type=positive_number, default=1, metavar="N",
                           help="worker processes for the extraction and the parser alone (default 1)")
    benchmark.set_defaults(run=run_benchmark_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (ArticleError, DictionaryError, ClusterError) as error:
        say(f"error: {error}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
