"""The one spaCy pipeline every stage shares: blank English, no model to download."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=1)
def blank_english() -> Language:
    """Tokenizer and rule-based sentencizer; built once per process (it takes a moment)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
