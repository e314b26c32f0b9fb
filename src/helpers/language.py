"""The spaCy pipelines every stage shares, loaded once per process and never downloaded.

- `blank_english()`: tokenizer and rule-based sentencizer, for ingestion (splitting articles into
  sentences) and for matching names.
- `parser()`: the project's own tagger, morphologizer, dependency parser and lemmatizer, trained on
  the Universal Dependencies English Web Treebank (`models/en_standoff_ud`, `make parser` retrains it).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from .project import PROJECT_ROOT

MODEL_DIR = PROJECT_ROOT / "models" / "en_standoff_ud"


class ModelError(Exception):
    """The trained pipeline is missing or unreadable; the message says how to rebuild it."""


@lru_cache(maxsize=1)
def blank_english() -> Language:
    """Tokenizer and rule-based sentencizer; built once per process (it takes a moment)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=2)
def parser(model_dir: str | Path = MODEL_DIR) -> Language:
    """The trained pipeline (tagger, morphologizer, parser, lemmatizer) from the project's models/."""
    model_dir = Path(model_dir)
    if not (model_dir / "config.cfg").is_file():
        raise ModelError(f"{model_dir}: no trained pipeline here; rebuild it with "
                         f"`make parser TREEBANK=path/to/ud-english-ewt`")
    try:
        return spacy.load(model_dir)
    except (OSError, ValueError) as error:
        raise ModelError(f"{model_dir}: the trained pipeline cannot be loaded: {error}") from error


def without_final_s(word: str) -> str:
    """A lower-case word in -s without its ending: a regular plural's singular ("sanctions" ->
    "sanction") and a verb in the present its base ("denies" -> "deny", "pushes" -> "push")."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def third_person(lemma: str) -> str:
    """A verb's present after he or she: 'condemn' -> 'condemns', 'deny' -> 'denies', 'push' -> 'pushes'."""
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    return lemma + "s"
