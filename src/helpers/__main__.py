"""Command line: `python -m helpers extract ARTICLES_DIR --out OUT_DIR`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .ingest import ArticleError
from .pipeline import extract_tables
from .tables import write_tables


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_extract(args: argparse.Namespace) -> int:
    extraction = extract_tables(Path(args.articles_dir).resolve(), args.data_dir, progress=say)
    for error in extraction.errors:
        say(f"error: {error}")
    articles = extraction.tables["articles"]
    if articles.empty:
        say("error: no article could be read; nothing written")
        return 1
    for path in write_tables(extraction.tables, args.out):
        say(f"wrote {path} ({len(extraction.tables[path.stem])} rows)")
    return 1 if extraction.errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="write every table of a folder of articles as CSV")
    extract.add_argument("articles_dir", help="folder of .txt/.html articles (and optional manifest.csv)")
    extract.add_argument("--out", required=True, help="folder to write the CSV tables into")
    extract.add_argument("--data-dir", default=None, help="folder of reference data (default: data/)")
    extract.set_defaults(run=run_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except ArticleError as error:
        say(f"error: {error}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
