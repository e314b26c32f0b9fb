"""Benchmark: the coder scored on the PLOVER gold standard records (GSR), a peer's hand coding.

Each record is one news sentence with its PLOVER category, source and target country codes. Every
record is written as one article (`<record id>.txt`, the sentence alone: ingest reads a one-line
file as one body paragraph, with no title or header cut off) into a temporary folder, with no
manifest, so the articles have no publication date and no office-holder is ruled out by a date
(the records' own dates are placeholders). The pipeline runs over the folder, and the events are
scored by `helpers.quality.score_plover` (how a record is found and an event counted right is
written there).

Usage: python benchmarks/plover_gsr.py PATH/gsr-dev.json [--misses] [--out records.csv]
The file is read where it is given; nothing of it is kept in the project.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from helpers.events import load_cameo_table
from helpers.pipeline import extract_tables
from helpers.progress import ProgressBar
from helpers.quality import NO_PLOVER_CATEGORY, GoldError, load_plover_records, score_plover
from helpers.tables import write_csv_atomically


def write_articles(records: pd.DataFrame, folder: Path) -> None:
    """One .txt file per record holding its sentence: the file name (its stem) is the record id."""
    for record in records.itertuples():
        (folder / f"{record.record_id}.txt").write_text(record.text + "\n", encoding="utf-8")


def unread_records(records: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> list[str]:
    """Records whose sentence did not become, word for word, the sentences of its article."""
    def squashed(text: str) -> str:
        return re.sub(r"\s+", "", text)

    read = tables["sentences"].groupby("article_id")["text"].apply(" ".join)
    return [record.record_id for record in records.itertuples()
            if squashed(read.get(record.record_id, "")) != squashed(record.text)]


def print_summary(per_record: pd.DataFrame, summary: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> None:
    overall = summary.iloc[0]
    without_category = int(summary.set_index("category")["system"].get(NO_PLOVER_CATEGORY, 0))
    print(f"\nrecords: {overall['gold']}, found: {overall['found']}")
    print(f"coded events: {overall['system']}, right: {overall['matched']}, "
          f"with a CAMEO code PLOVER has no category for: {without_category}")
    print(f"records with no event coded: {int((per_record['coded_events'] == 0).sum())}, "
          f"sentences read: {len(tables['sentences'])}, actor mentions: {len(tables['mentions'])}")
    print(f"precision {overall['precision']:.3f}  recall {overall['recall']:.3f}  F1 {overall['f1']:.3f}\n")
    print(summary.to_string(index=False))


def print_misses(per_record: pd.DataFrame) -> None:
    missed = per_record[~per_record["found"]]
    print(f"\nmissed records ({len(missed)}):")
    for record in missed.itertuples():
        targets = ",".join(record.targets) or "·"
        print(f"\n{record.record_id}  {record.gsr_category} -> {record.category}  "
              f"{','.join(record.sources)} -> {targets}\n  {record.text}\n  coded: {record.coded or 'nothing'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="a PLOVER GSR JSON file (e.g. gsr-dev.json)")
    parser.add_argument("--misses", action="store_true", help="list every record that was not found")
    parser.add_argument("--out", type=Path, help="write the per-record table to this CSV file")
    args = parser.parse_args(argv)
    try:
        records = load_plover_records(args.path)
    except GoldError as error:
        print(error, file=sys.stderr)
        return 2
    mapped = records.drop_duplicates("gsr_category").sort_values("gsr_category")
    print(f"{len(records)} records; categories in the file (GSR -> 2021): "
          + ", ".join(f"{old}->{new}" if old != new else old
                      for old, new in zip(mapped["gsr_category"], mapped["category"])))

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        write_articles(records, Path(folder))
        print(f"running the pipeline over {len(records)} one-sentence articles", flush=True)
        extraction = extract_tables(folder, progress=ProgressBar(), jobs=os.cpu_count() or 1)
    tables = extraction.tables
    print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)
    unread = unread_records(records, tables)
    if unread:
        print(f"  warning: {len(unread)} record(s) not read as their sentence: {', '.join(unread)}", file=sys.stderr)
    dated = int((tables["articles"]["published"] != "").sum())
    if dated:
        print(f"  note: {dated} article(s) got a publication date from a full date in their sentence")

    per_record, summary = score_plover(records, tables["events"], tables["actors"], load_cameo_table())
    print_summary(per_record, summary, tables)
    if args.misses:
        print_misses(per_record)
    if args.out:
        table = per_record.assign(sources=per_record["sources"].map("|".join),
                                  targets=per_record["targets"].map("|".join))
        write_csv_atomically(table, args.out)
        print(f"\nper-record table written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
