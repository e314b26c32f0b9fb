"""The whole pipeline: a folder of articles -> every table, in stage order."""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .actors import find_mentions, find_unresolved_names, load_actor_dictionary
from .claims import find_claims
from .dates import resolve_dates
from .events import code_events, load_patterns
from .incidents import merge_incidents
from .ingest import read_corpus
from .project import DATA_DIR, PROJECT_ROOT, resolve_path

CACHE_DIR = PROJECT_ROOT / ".cache"
# Sentence-initial words and calendar names that look like names but are not actors.
NOT_NAMES = {"The", "A", "An", "In", "On", "At", "But", "However", "Meanwhile", "It", "He", "She", "They",
             "This", "That", "These", "Those", "Its", "Their", "His", "Her", "After", "Before", "As", "While",
             "When", "Earlier", "Later", "Also", "And", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
             "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
             "Sep", "Sept", "Oct", "Nov", "Dec", "Twitter", "X"}


@dataclass
class Extraction:
    tables: dict[str, pd.DataFrame]
    errors: list[str] = field(default_factory=list)


def extract_tables(articles_dir: str | Path, data_dir: str | Path | None = None,
                   progress=None) -> Extraction:
    """Run every stage over a folder; files that fail are listed in `errors`, the rest go on."""
    corpus = read_corpus(resolve_path(articles_dir), data_dir, progress)
    actors = load_actor_dictionary(data_dir)
    mentions = find_mentions(corpus.sentences, actors, corpus.articles)
    patterns, speech, _ = load_patterns(data_dir)
    events = code_events(corpus.sentences, mentions, actors, data_dir)
    events = resolve_dates(events, corpus.sentences, corpus.articles)
    claims = find_claims(corpus.sentences, events, mentions, data_dir)
    incidents = merge_incidents(events, claims, actors, corpus.articles,
                                {pattern.id: pattern.label for pattern in patterns})
    cues = [speech.pattern] + [p.verbs.pattern for p in patterns if p.verbs is not None]
    unresolved = find_unresolved_names(corpus.sentences, mentions, cues, NOT_NAMES)
    tables = {"articles": corpus.articles, "sentences": corpus.sentences, "set_aside": corpus.set_aside,
              "actors": actors, "mentions": mentions, "events": events, "claims": claims,
              "incidents": incidents, "unresolved": unresolved}
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
