"""The whole pipeline: a folder of articles -> every table, in stage order, as a stream.

The per-article stages (ingest, mentions, parse, events and their dates, claims, the names no
dictionary knows) run over batches of articles: in this process, in `jobs` worker processes, or on
a Dask cluster (`scheduler`). Each batch's rows are appended to a store as they come, so memory
does not grow with the corpus; the stages that look across articles (incidents, the summary of
unknown names) run once at the end over what was stored. The store is a folder of Parquet files,
built beside its final place and renamed into it only when complete: a failed run leaves nothing
half-written. Whatever runs the batches, the tables are the same, row for row.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .actor_dictionary import load_actor_dictionary, load_agents, load_places
from .actors import (CANDIDATE_COLUMNS, MENTION_COLUMNS, find_mentions, roll_up, summarise_unresolved,
                     unresolved_candidates)
from .claims import CLAIM_COLUMNS, find_claims
from .dates import resolve_dates
from .events import EVENT_COLUMNS, code_events
from .incidents import INCIDENT_COLUMNS, Lookups, block_of, claims_by_event, incident_ids, incident_rows, with_tops
from .ingest import (ARTICLE_COLUMNS, SENTENCE_COLUMNS, SET_ASIDE_COLUMNS, ArticleSource, Unreadable,
                     article_sources, list_article_files, load_boilerplate, read_manifest, read_sources,
                     unmatched_manifest_rows)
from .language import MODEL_DIR
from .parse import parse_sentences
from .patterns import event_labels, load_pattern_book, past_tenses
from .progress import Progress
from .project import DATA_DIR, PROJECT_ROOT, resolve_path
from .tables import replace_atomically, replace_folder

CACHE_DIR = PROJECT_ROOT / ".cache"
# Articles per batch: enough for the parser's own batching to pay, few enough that a batch's trees
# (the bulk of the memory in flight) stay small.
BATCH_ARTICLES = 64
# Rows per slice when a stored table is written out as CSV, and when incidents are put in order
# (each slice of which reads every block's incidents again).
CSV_SLICE_ROWS = 50_000
ORDER_SLICE_ROWS = 20_000
# How long to try to reach a Dask scheduler before saying it cannot be reached.
CONNECT_SECONDS = 10
# The tables each batch adds rows to, with their columns (`names`: the unknown names, per sentence).
PER_ARTICLE = {"articles": ARTICLE_COLUMNS, "sentences": SENTENCE_COLUMNS, "set_aside": SET_ASIDE_COLUMNS,
               "mentions": MENTION_COLUMNS, "events": EVENT_COLUMNS, "claims": CLAIM_COLUMNS,
               "names": CANDIDATE_COLUMNS}
TABLES = ["articles", "sentences", "set_aside", "actors", "mentions", "events", "claims", "incidents",
          "unresolved"]
ERRORS_FILE = "errors.json"


class ClusterError(Exception):
    """The Dask scheduler given with --scheduler cannot be reached."""


@dataclass
class Extraction:
    tables: dict[str, pd.DataFrame]
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Dictionaries:
    """What every batch codes with, built where the run starts (with a user's own actors) and sent
    to the workers once. The patterns, the CAMEO table and the parser each worker reads from its own
    installation of the project."""
    actors: pd.DataFrame
    agents: pd.DataFrame
    places: pd.DataFrame
    data_dir: str | None = None


@dataclass
class Batch:
    """The rows a batch of articles adds to each table, and the files of it that could not be read."""
    tables: dict[str, pd.DataFrame]
    errors: list[str]
    names: list[str]


def load_dictionaries(data_dir: str | Path | None = None, actor_files: list[str | Path] | tuple = ()) -> Dictionaries:
    """The actor dictionary (a bad --actors file stops the run here, before any work), agents and places."""
    tables = load_actor_dictionary(data_dir, actor_files), load_agents(data_dir), load_places(data_dir)
    return Dictionaries(*(as_python_strings(table) for table in tables), str(data_dir) if data_dir else None)


def as_python_strings(table: pd.DataFrame) -> pd.DataFrame:
    """Text columns as plain Python strings: every batch builds its lookups by walking these tables
    row by row, which is several times faster over Python objects than over Arrow-backed strings."""
    return table.astype({column: object for column in table.columns if pd.api.types.is_string_dtype(table[column])})


# --- one batch ----------------------------------------------------------------------------------

def code_batch(sources: list[ArticleSource | Unreadable], dictionaries: Dictionaries) -> Batch:
    """Every per-article stage over a batch of articles; a file that fails is named in `errors`."""
    corpus = read_sources(sources, load_boilerplate(dictionaries.data_dir))
    articles, sentences = corpus.articles, corpus.sentences
    actors, agents, places, data_dir = (dictionaries.actors, dictionaries.agents, dictionaries.places,
                                        dictionaries.data_dir)
    mentions = find_mentions(sentences, actors, articles, agents)
    parses = parse_sentences(sentences, past=past_tenses(load_pattern_book(data_dir)))
    events = code_events(sentences, parses, mentions, actors, agents, places, data_dir)
    events = resolve_dates(events, sentences, articles)
    claims = find_claims(sentences, parses, events, mentions, actors, agents, places, data_dir)
    tables = {"articles": articles, "sentences": sentences, "set_aside": corpus.set_aside, "mentions": mentions,
              "events": events, "claims": claims, "names": unresolved_candidates(sentences, parses, mentions)}
    return Batch(tables, corpus.errors, [source.name for source in sources])


# --- running the batches: here, in worker processes, or on a Dask cluster -------------------------

def batches_of(sources: Iterable, size: int) -> Iterator[list]:
    sources = iter(sources)
    while batch := list(islice(sources, size)):
        yield batch


def coded_batches(batches: Iterable[list], dictionaries: Dictionaries, jobs: int = 1,
                  scheduler: str | None = None) -> Iterator[Batch]:
    """Each batch coded, in the order given, by whichever runner was asked for."""
    if scheduler:
        yield from on_dask(batches, dictionaries, scheduler)
    elif jobs > 1:
        yield from in_processes(batches, dictionaries, jobs)
    else:
        for batch in batches:
            yield code_batch(batch, dictionaries)


def in_order(submit, batches: Iterable[list], in_flight: int) -> Iterator[Batch]:
    """Results in the order of the batches, with at most `in_flight` submitted and not yet taken, so
    that a fast reader of files cannot queue the whole corpus in memory."""
    waiting = deque()
    for batch in batches:
        waiting.append(submit(batch))
        if len(waiting) >= in_flight:
            yield waiting.popleft().result()
    while waiting:
        yield waiting.popleft().result()


def in_processes(batches: Iterable[list], dictionaries: Dictionaries, jobs: int) -> Iterator[Batch]:
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from in_order(lambda batch: pool.submit(code_batch, batch, dictionaries), batches, 2 * jobs)


def on_dask(batches: Iterable[list], dictionaries: Dictionaries, address: str) -> Iterator[Batch]:
    """Batches sent to a Dask distributed scheduler: the article texts travel, not their paths; the
    dictionaries are sent to every worker once."""
    from distributed import Client     # only a cluster run needs it (and it takes a while to import)

    try:
        client = Client(address, timeout=CONNECT_SECONDS)
    except (OSError, ValueError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    with client:
        shared = client.scatter(dictionaries, broadcast=True)
        slots = max(2, 2 * sum(client.nthreads().values()))
        yield from in_order(lambda batch: client.submit(code_batch, batch, shared, pure=False), batches, slots)


# --- the run ------------------------------------------------------------------------------------

def run_extraction(articles_dir: str | Path, store_dir: str | Path, dictionaries: Dictionaries,
                   jobs: int = 1, scheduler: str | None = None, progress: Progress | None = None,
                   batch_size: int = BATCH_ARTICLES) -> Path:
    """Every stage over a folder, into a store (see the module docstring); returns the store."""
    progress = progress or Progress()
    articles_dir, store_dir = resolve_path(articles_dir), Path(store_dir)
    files = list_article_files(articles_dir)
    manifest = read_manifest(articles_dir)
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.building-", dir=store_dir.parent))
    try:
        progress.start(len(files))
        claims_so_far, errors = 0, []
        batches = batches_of(article_sources(files, manifest), batch_size)
        jobs = min(jobs, -(-len(files) // batch_size))     # a worker without a batch only costs its start
        for number, batch in enumerate(coded_batches(batches, dictionaries, jobs, scheduler)):
            claims_so_far = append_batch(building, number, batch, claims_so_far)
            errors += batch.errors
            progress.advance(batch.names, batch.errors)
        unmatched = unmatched_manifest_rows(manifest, files, articles_dir)
        errors += unmatched
        progress.advance([], unmatched)
        progress.note("merging incidents")
        finish_store(building, dictionaries, errors)
        replace_folder(building, store_dir)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    finally:
        progress.close()
    return store_dir


def append_batch(building: Path, number: int, batch: Batch, claims_so_far: int) -> int:
    """A batch's rows as one Parquet part per table; claims are numbered across the whole run.
    Returns the number of claims so far."""
    tables = dict(batch.tables)
    claims = tables["claims"]
    tables["claims"] = claims.assign(claim_id=[f"c{claims_so_far + n + 1:03d}" for n in range(len(claims))])
    for name, table in tables.items():
        if not table.empty:     # an empty part has no column types to offer
            part = building / "parts" / name / f"{number:06d}.parquet"
            part.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.Table.from_pandas(table, preserve_index=False), part)
    return claims_so_far + len(claims)


def finish_store(building: Path, dictionaries: Dictionaries, errors: list[str]) -> None:
    """The per-article tables joined from their parts; the cross-article tables computed from them."""
    for name, columns in PER_ARTICLE.items():
        if name != "names":
            join_parts(building / "parts" / name, building / f"{name}.parquet", columns)
    write_stored(dictionaries.actors, building / "actors.parquet")
    names = (pq.read_table(part).to_pandas() for part in sorted((building / "parts" / "names").glob("*.parquet")))
    write_stored(summarise_unresolved(names), building / "unresolved.parquet")
    merge_stored_incidents(building, dictionaries.actors, event_labels(dictionaries.data_dir),
                           building / "incidents.parquet")
    (building / ERRORS_FILE).write_text(json.dumps(errors, ensure_ascii=False, indent=1), encoding="utf-8")
    shutil.rmtree(building / "parts", ignore_errors=True)


# What merging reads of an event and of a claim.
INCIDENT_INPUT = ["event_id", "article_id", "sentence_id", "source_actor", "target_actor", "cameo_code", "event_type",
                  "goldstein", "quad_class", "date_earliest", "date_latest", "location", "location_country",
                  "pattern", "violent"]
FIGURE_INPUT = ["article_id", "event_id", "claimant", "claimant_text", "kind", "value_min", "value_max", "qualifier",
                "victims"]
BLOCK_INPUT = ["source_actor", "target_actor", "cameo_code", "violent"]
BLOCK = "block"     # the column a bucket keeps each event's block in
# The incidents' sort key (`incidents.sort_key`) as columns: day, source, code, first event.
SORT_COLUMNS = ["sort_day", "sort_source", "sort_code", "sort_event"]
# Files the events are split into, by block, before merging: one bucket of events is in memory at a time.
BUCKETS = 16


def merge_stored_incidents(building: Path, actors: pd.DataFrame, labels: dict[str, str], path: Path) -> None:
    """The incidents table of a store's events, written to `path`. Events of different blocks never
    merge, so the events (and the claims on them) are first split on disk into buckets of whole
    blocks, then merged a bucket, and in it a block, at a time, each block's incidents written as
    they come; they are put in table order at the end, a slice at a time. Memory holds one block's
    events as Python objects, never the corpus's events or incidents."""
    top = roll_up(actors)
    articles = pq.read_table(building / "articles.parquet", columns=["article_id", "outlet"]).to_pandas()
    lookups = Lookups.of(actors, articles, labels)
    found, writer = building / "buckets" / "found.parquet", None
    for events_file, claims_file in split_into_buckets(building, building / "buckets", top):
        events = pq.read_table(events_file)
        claims = claims_by_event(pq.read_table(claims_file).to_pandas())
        blocks = events.column(BLOCK).to_pandas()
        events = events.drop_columns([BLOCK])
        for rows in blocks.groupby(blocks, sort=False).indices.values():
            chunk = sortable(incident_rows(with_tops(events.take(rows).to_pandas(), top), claims, lookups))
            writer = writer or pq.ParquetWriter(found, chunk.schema)
            writer.write_table(chunk.cast(writer.schema))
    if writer is None:
        write_stored(pd.DataFrame(columns=INCIDENT_COLUMNS), path)
    else:
        writer.close()
        write_in_order(pq.ParquetFile(found), path)
    shutil.rmtree(building / "buckets")


def write_in_order(found: pq.ParquetFile, path: Path) -> None:
    """The incidents found, block after block, into `path` in table order with their ids: a slice
    of the table at a time, gathered from every block's row group."""
    keys = found.read(columns=SORT_COLUMNS)
    order = pc.sort_indices(keys, sort_keys=[(column, "ascending") for column in SORT_COLUMNS]).to_numpy().astype(np.int64)
    starts = np.cumsum([0] + [found.metadata.row_group(g).num_rows for g in range(found.num_row_groups)])
    ids, writer = incident_ids(len(order)), None
    for first in range(0, len(order), ORDER_SLICE_ROWS):
        wanted, pieces, places = order[first:first + ORDER_SLICE_ROWS], [], []
        for group in range(found.num_row_groups):
            inside = np.flatnonzero((starts[group] <= wanted) & (wanted < starts[group + 1]))
            if len(inside):
                rows = found.read_row_group(group, columns=INCIDENT_COLUMNS).take(wanted[inside] - starts[group])
                pieces.append(rows)
                places.append(inside)
        table = pa.concat_tables(pieces).take(np.argsort(np.concatenate(places)))
        table = table.set_column(0, "incident_id", pa.array(ids[first:first + len(wanted)], table.schema.field(0).type))
        writer = writer or pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
    writer.close()


def sortable(rows: list[tuple[tuple, dict]]) -> pa.Table:
    """A block's incidents with their sort key as columns, so that no Python object outlives its block."""
    table = as_arrow(pd.DataFrame([row for _, row in rows], columns=INCIDENT_COLUMNS))
    days, *rest = zip(*(key for key, _ in rows))
    for name, values in zip(SORT_COLUMNS, [[day.isoformat() for day in days], *rest]):
        table = table.append_column(name, pa.array(values, pa.string()))
    return table


def split_into_buckets(building: Path, folder: Path, top: dict[str, str]) -> list[tuple[Path, Path]]:
    """The store's events into BUCKETS files, each block whole in one (its key in the column BLOCK),
    and the claims on them into files beside them, each claim with its event, in the order of the
    claims table."""
    claimed = set(pq.read_table(building / "claims.parquet", columns=["event_id"]).column(0).to_pylist())
    bucket_of: dict[str, int] = {}      # of the events that have claims
    with Buckets(folder, "events", building / "events.parquet", INCIDENT_INPUT, [pa.field(BLOCK, pa.string())]) as events:
        for table in events.tables():
            keys = block_of(with_tops(table.select(BLOCK_INPUT).to_pandas(), top))
            buckets = keys.map(lambda key: zlib.crc32(key.encode()) % BUCKETS)
            events.write(table.append_column(BLOCK, pa.array(keys.tolist(), pa.string())), buckets)
            bucket_of.update((event, bucket) for event, bucket in zip(table.column("event_id").to_pylist(), buckets)
                             if event in claimed)
    with Buckets(folder, "claims", building / "claims.parquet", FIGURE_INPUT) as claims:
        for table in claims.tables():
            claims.write(table, pd.Series([bucket_of.get(event, -1) for event in table.column("event_id").to_pylist()]))
    return [(folder / f"events-{n:02d}.parquet", folder / f"claims-{n:02d}.parquet") for n in range(BUCKETS)]


class Buckets:
    """Parquet files `<name>-NN.parquet`, one per bucket, written a slice of a source table at a time;
    every bucket's file exists when done, empty or not."""

    def __init__(self, folder: Path, name: str, source: Path, columns: list[str], added: list[pa.Field] = ()):
        self.source, self.columns = pq.ParquetFile(source), columns
        self.read_schema = pa.schema([self.source.schema_arrow.field(column) for column in columns])
        folder.mkdir(exist_ok=True)
        schema = pa.schema(list(self.read_schema) + list(added))      # what `write` is given: the columns read and any added
        self.writers = [pq.ParquetWriter(folder / f"{name}-{n:02d}.parquet", schema) for n in range(BUCKETS)]

    def tables(self) -> Iterator[pa.Table]:
        for batch in self.source.iter_batches(columns=self.columns):
            yield pa.Table.from_batches([batch], self.read_schema)

    def write(self, table: pa.Table, buckets: pd.Series) -> None:
        """Each row of `table` into its bucket (a bucket of -1: nowhere)."""
        for bucket, rows in buckets.groupby(buckets).indices.items():
            if bucket >= 0:
                self.writers[bucket].write_table(table.take(rows))

    def __enter__(self) -> Buckets:
        return self

    def __exit__(self, *_) -> None:
        for writer in self.writers:
            writer.close()


def join_parts(parts_dir: Path, path: Path, columns: list[str]) -> None:
    """One Parquet file from a table's parts, a part at a time: the table is never whole in memory."""
    parts = sorted(parts_dir.glob("*.parquet"))
    if not parts:
        write_stored(pd.DataFrame(columns=columns), path)
        return
    schema = pa.unify_schemas([pq.read_schema(part) for part in parts], promote_options="permissive")
    with pq.ParquetWriter(path, schema) as writer:
        for part in parts:
            writer.write_table(pq.read_table(part).cast(schema))


def write_stored(table: pd.DataFrame, path: Path) -> None:
    pq.write_table(as_arrow(table), path)


def as_arrow(table: pd.DataFrame) -> pa.Table:
    stored = pa.Table.from_pandas(table, preserve_index=False)
    # A column with no rows and no declared type is stored as text rather than as nothing.
    schema = pa.schema([pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in stored.schema],
                       metadata=stored.schema.metadata)     # pandas' own types (Int64) come back as they were
    return stored.cast(schema)


def read_stored(store_dir: Path, name: str) -> pd.DataFrame:
    return pq.read_table(store_dir / f"{name}.parquet").to_pandas()


def load_store(store_dir: str | Path, names: list[str] | None = None) -> Extraction:
    """The tables of a store (all, or those named) as DataFrames, with the run's errors."""
    store_dir = Path(store_dir)
    errors = json.loads((store_dir / ERRORS_FILE).read_text(encoding="utf-8"))
    return Extraction({name: read_stored(store_dir, name) for name in (TABLES if names is None else names)}, errors)


def write_csv_tables(store_dir: str | Path, out_dir: str | Path) -> list[tuple[Path, int]]:
    """Every table of a store as OUT_DIR/<name>.csv, streamed a slice at a time, each file replaced
    atomically; returns each path written with its number of rows."""
    written = []
    for name in TABLES:
        source = pq.ParquetFile(Path(store_dir) / f"{name}.parquet")
        path = replace_atomically(Path(out_dir) / f"{name}.csv", lambda temporary: stream_csv(source, temporary))
        written.append((path, source.metadata.num_rows))
    return written


def stream_csv(source: pq.ParquetFile, path: str) -> None:
    header = True
    for chunk in source.iter_batches(batch_size=CSV_SLICE_ROWS):
        chunk.to_pandas().to_csv(path, mode="w" if header else "a", header=header, index=False, encoding="utf-8")
        header = False
    if header:      # no rows: the header alone
        pd.DataFrame(columns=source.schema_arrow.names).to_csv(path, index=False, encoding="utf-8")


# --- the entry points -----------------------------------------------------------------------------

def extract_tables(articles_dir: str | Path, data_dir: str | Path | None = None,
                   progress: Progress | None = None, actor_files: list[str | Path] | tuple = (),
                   jobs: int = 1, scheduler: str | None = None) -> Extraction:
    """Every table of a folder, in memory, without a cache; files that fail are listed in `errors`.

    `actor_files` are a user's own actor dictionaries, merged over the project's (see README)."""
    dictionaries = load_dictionaries(data_dir, actor_files)     # a bad file stops us before any work
    with tempfile.TemporaryDirectory(prefix="extraction-") as scratch:
        store = run_extraction(articles_dir, Path(scratch) / "store", dictionaries, jobs, scheduler, progress)
        return load_store(store)


def actor_files_of(actors_file: str) -> list[Path]:
    """A notebook's `actors_file` parameter (empty: none) as the list `extract_tables` takes."""
    return [resolve_path(actors_file)] if actors_file else []


def content_key(articles_dir: Path, data_dir: Path, actor_files: list[Path] | tuple = ()) -> str:
    """A hash of everything an extraction depends on: articles, reference data, a user's own actors,
    the trained parser and the code."""
    digest = hashlib.sha256()
    code_dir = Path(__file__).parent
    sources = [(articles_dir, "*"), (data_dir, "**/*.*"), (code_dir, "*.py"), (MODEL_DIR, "**/*")]
    files = [path for folder, pattern in sources for path in sorted(folder.glob(pattern))] + list(actor_files)
    for path in files:
        if path.is_file():
            digest.update(str(path.name).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def stored_extraction(articles_dir: str | Path, data_dir: str | Path | None = None,
                      cache_dir: str | Path = CACHE_DIR, progress: Progress | None = None,
                      actor_files: list[str | Path] | tuple = (), jobs: int = 1,
                      scheduler: str | None = None) -> Path:
    """The store of a folder's tables, built once per content (a later call, from another notebook
    or command, finds it in `cache_dir`)."""
    articles_dir = resolve_path(articles_dir)
    data_dir = resolve_path(data_dir) if data_dir else None
    actor_files = [resolve_path(path) for path in actor_files]
    store_dir = Path(cache_dir) / f"extraction-{content_key(articles_dir, data_dir or DATA_DIR, actor_files)}"
    if (store_dir / ERRORS_FILE).exists():     # its actor files were read without fault when it was built
        (progress or Progress()).advance([], load_store(store_dir, []).errors)   # still named, run or not
    else:
        run_extraction(articles_dir, store_dir, load_dictionaries(data_dir, actor_files), jobs, scheduler, progress)
    return store_dir


def cached_extraction(articles_dir: str | Path, data_dir: str | Path | None = None,
                      cache_dir: str | Path = CACHE_DIR, progress: Progress | None = None,
                      actor_files: list[str | Path] | tuple = (), jobs: int = 1,
                      scheduler: str | None = None) -> Extraction:
    """`extract_tables`, run once per content: later calls (other notebooks) read the stored tables."""
    return load_store(stored_extraction(articles_dir, data_dir, cache_dir, progress, actor_files, jobs, scheduler))
