"""The whole pipeline: a folder of articles -> every table, in stage order."""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .actor_dictionary import load_actor_dictionary, load_agents, load_places
from .actors import find_mentions, find_unresolved_names
from .claims import find_claims
from .dates import resolve_dates
from .events import code_events
from .incidents import merge_incidents
from .ingest import read_corpus
from .language import MODEL_DIR
from .parse import parse_sentences
from .patterns import event_labels
from .project import DATA_DIR, PROJECT_ROOT, resolve_path

CACHE_DIR = PROJECT_ROOT / ".cache"


@dataclass
class Extraction:
    tables: dict[str, pd.DataFrame]
    errors: list[str] = field(default_factory=list)


def extract_tables(articles_dir: str | Path, data_dir: str | Path | None = None,
                   progress=None, actor_files: list[str | Path] | tuple = ()) -> Extraction:
    """Run every stage over a folder; files that fail are listed in `errors`, the rest go on.

    `actor_files` are a user's own actor dictionaries, merged over the project's (see README)."""
    actors = load_actor_dictionary(data_dir, actor_files)     # a bad file stops us before any work
    agents, places = load_agents(data_dir), load_places(data_dir)
    corpus = read_corpus(resolve_path(articles_dir), data_dir, progress)
    mentions = find_mentions(corpus.sentences, actors, corpus.articles)
    parses = parse_sentences(corpus.sentences)
    events = code_events(corpus.sentences, parses, mentions, actors, agents, places, data_dir)
    events = resolve_dates(events, corpus.sentences, corpus.articles)
    claims = find_claims(corpus.sentences, parses, events, mentions, actors, agents, places, data_dir)
    incidents = merge_incidents(events, claims, actors, corpus.articles, event_labels(data_dir))
    unresolved = find_unresolved_names(corpus.sentences, parses, mentions)
    tables = {"articles": corpus.articles, "sentences": corpus.sentences, "set_aside": corpus.set_aside,
              "actors": actors, "mentions": mentions, "events": events, "claims": claims,
              "incidents": incidents, "unresolved": unresolved}
    return Extraction(tables, corpus.errors)


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


def cached_extraction(articles_dir: str | Path, data_dir: str | Path | None = None,
                      cache_dir: str | Path = CACHE_DIR, progress=None,
                      actor_files: list[str | Path] | tuple = ()) -> Extraction:
    """`extract_tables`, run once per content: later calls (other notebooks) reuse the result."""
    articles_dir = resolve_path(articles_dir)
    data_dir = resolve_path(data_dir) if data_dir else DATA_DIR
    actor_files = [resolve_path(path) for path in actor_files]
    cache_path = Path(cache_dir) / f"extraction-{content_key(articles_dir, data_dir, actor_files)}.pkl"
    if cache_path.exists():
        with cache_path.open("rb") as stream:
            return pickle.load(stream)
    extraction = extract_tables(articles_dir, data_dir, progress, actor_files)
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=cache_path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as stream:
        pickle.dump(extraction, stream)
    os.replace(temporary, cache_path)
    return extraction
