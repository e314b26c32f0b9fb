"""Actors: the actor dictionary (data/actors.yaml) -> the `actors` table; sentences -> `mentions`.

Mentions are found with spaCy's PhraseMatcher on a blank English pipeline: names, capitals and
demonyms ("Tehran said", "the Iranian foreign ministry"), and each state's bodies written from its
names ("Pakistan's embassy", "the Persian country's ambassador"). Capitalised names next to verbs
of saying or acting that the dictionary does not know go to the `unresolved` table.
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from .language import blank_english
from .project import data_file

ACTOR_TYPES = {"state", "government", "military", "armed_group", "igo", "person", "media", "other"}
ACTOR_COLUMNS = ["actor_id", "name", "type", "country", "parent", "cameo", "role",
                 "valid_from", "valid_until", "aliases"]
MENTION_COLUMNS = ["article_id", "sentence_id", "start", "end", "surface", "actor_id",
                   "sentence_start", "sentence_end"]
UNRESOLVED_COLUMNS = ["name", "n_mentions", "articles", "example_article_id", "example_sentence_id",
                      "example"]
ALIAS_SEPARATOR = "|"


# --- the dictionary --------------------------------------------------------------------------

from .actor_dictionary import DictionaryError, in_office_on, load_actor_dictionary  # noqa: E402,F401


def check_entry(entry: dict, path: Path) -> None:
    for key in ("id", "name", "type", "aliases"):
        if not entry.get(key):
            raise DictionaryError(f"{path}: actor {entry.get('id', entry)} has no '{key}'")
    if entry["type"] not in ACTOR_TYPES:
        raise DictionaryError(f"{path}: actor {entry['id']} has unknown type '{entry['type']}' "
                              f"(one of {', '.join(sorted(ACTOR_TYPES))})")


def check_references(table: pd.DataFrame, path: Path) -> None:
    duplicated = table["actor_id"][table["actor_id"].duplicated()].tolist()
    if duplicated:
        raise DictionaryError(f"{path}: actor id(s) defined twice: {', '.join(duplicated)}")
    known = set(table["actor_id"])
    for column in ("country", "parent"):
        unknown = table[(table[column] != "") & ~table[column].isin(known)]
        for row in unknown.itertuples():
            raise DictionaryError(f"{path}: actor {row.actor_id} has {column} '{getattr(row, column)}', "
                                  f"which is not an actor id")


def role_actor(state: dict, role: dict) -> dict:
    """A state's body (its foreign ministry, army, ...), with aliases written from the state's names."""
    names = [name for name in state["aliases"] if not name.lower().startswith("the ")]
    definite = [name for name in state["aliases"] if name.lower().startswith("the ")]
    aliases = []
    for word in role["aliases"]:
        aliases += [f"{name}'s {word}" for name in names + definite]
        aliases += [f"{name} {word}" for name in names + state.get("demonyms", [])]
        aliases += [f"{word} of {name}" for name in names]
    return {"id": f"{state['id']}_{role['suffix']}", "name": f"{state['name']} {role['name']}",
            "type": role["type"], "country": state["id"], "parent": state["id"],
            "cameo": f"{state.get('cameo', state['id'])}{role['suffix']}", "aliases": aliases}


def actor_row(entry: dict) -> dict:
    aliases = list(entry["aliases"]) + list(entry.get("demonyms") or [])
    return {
        "actor_id": entry["id"], "name": entry["name"], "type": entry["type"],
        "country": entry.get("country") or "", "parent": entry.get("parent") or "",
        "cameo": entry.get("cameo") or "", "role": entry.get("role") or "",
        "valid_from": str(entry.get("valid_from") or ""), "valid_until": str(entry.get("valid_until") or ""),
        "aliases": ALIAS_SEPARATOR.join(aliases),
    }


def roll_up(actors: pd.DataFrame, level: str = "top") -> dict[str, str]:
    """actor_id -> the actor it rolls up to: 'top' follows parents to the end, 'self' keeps it."""
    parents = dict(zip(actors["actor_id"], actors["parent"]))
    if level == "self":
        return {actor: actor for actor in parents}
    top = {}
    for actor in parents:
        current, seen = actor, set()
        while parents.get(current) and current not in seen:
            seen.add(current)
            current = parents[current]
        top[actor] = current
    return top


# --- finding mentions ------------------------------------------------------------------------

def spelling_variants(alias: str) -> set[str]:
    """Hyphens and spaces inside a name are interchangeable ("Jaish al-Adl", "Jaish-al-Adl")."""
    parts = re.split(r"[- ]", alias)
    if len(parts) > 6:
        return {alias}
    return {"".join(itertools.chain.from_iterable(zip(parts, joins + ("",))))
            for joins in itertools.product(("-", " "), repeat=len(parts) - 1)}


def is_acronym(alias: str) -> bool:
    """Short capitalised names (UN, US, AP) match only as written, or 'us' would be the USA."""
    return len(alias.replace(".", "")) <= 4 and alias.replace(".", "").isupper()


def build_matchers(actors: pd.DataFrame) -> tuple[PhraseMatcher, PhraseMatcher]:
    """(case-insensitive matcher on NORM, exact matcher for acronyms), labelled with actor ids."""
    return _matchers(tuple(zip(actors["actor_id"], actors["aliases"])))


@lru_cache(maxsize=4)   # building takes seconds; the same dictionary is matched many times
def _matchers(aliases_by_actor: tuple[tuple[str, str], ...]) -> tuple[PhraseMatcher, PhraseMatcher]:
    nlp = blank_english()
    by_norm, exact = PhraseMatcher(nlp.vocab, attr="NORM"), PhraseMatcher(nlp.vocab, attr="ORTH")
    for actor_id, aliases in aliases_by_actor:
        words = {v for alias in aliases.split(ALIAS_SEPARATOR) for v in spelling_variants(alias)}
        acronyms = sorted(word for word in words if is_acronym(word))
        names = sorted(words - set(acronyms))
        if names:
            by_norm.add(actor_id, list(nlp.tokenizer.pipe(name.lower() for name in names)))
        if acronyms:
            exact.add(actor_id, list(nlp.tokenizer.pipe(acronyms)))
    return by_norm, exact


def active_on(actors: pd.DataFrame, published: str) -> set[str]:
    """Actors whose dictionary dates do not rule them out for an article published on that day."""
    if not published:
        return set(actors["actor_id"])
    ok = ((actors["valid_from"] == "") | (actors["valid_from"] <= published)) & \
         ((actors["valid_until"] == "") | (actors["valid_until"] >= published))
    if "terms" in actors:   # a person out of office between two terms is not coded either
        ok &= actors["terms"].map(lambda terms: in_office_on(terms, published))
    return set(actors.loc[ok, "actor_id"])


def find_mentions(sentences: pd.DataFrame, actors: pd.DataFrame,
                  articles: pd.DataFrame) -> pd.DataFrame:
    """Every actor mention, longest match first, with offsets into the raw file and the sentence."""
    nlp = blank_english()
    matchers = build_matchers(actors)
    published = dict(zip(articles["article_id"], articles["published"]))
    active = {article: active_on(actors, day) for article, day in published.items()}
    rows = []
    docs = nlp.pipe(sentences["text"].tolist())
    for sentence, doc in zip(sentences.itertuples(index=False), docs):
        for span in sentence_mentions(doc, matchers):
            if span.label_ not in active.get(sentence.article_id, ()):
                continue
            rows.append(mention_row(sentence, span))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def sentence_mentions(doc, matchers) -> list:
    spans = [span for matcher in matchers for span in matcher(doc, as_spans=True)]
    return sorted(filter_spans(spans), key=lambda span: span.start)


def mention_row(sentence, span) -> dict:
    # Offsets in the raw file: sentence text is a verbatim slice for .txt; for .html, entities
    # may make the slice longer, so raw offsets of a mention are only exact at sentence level.
    raw_start = sentence.start + span.start_char if _verbatim(sentence) else sentence.start
    raw_end = sentence.start + span.end_char if _verbatim(sentence) else sentence.end
    return {"article_id": sentence.article_id, "sentence_id": sentence.sentence_id,
            "start": raw_start, "end": raw_end, "surface": span.text, "actor_id": span.label_,
            "sentence_start": span.start_char, "sentence_end": span.end_char}


def _verbatim(sentence) -> bool:
    return sentence.end - sentence.start == len(sentence.text)


# --- names the dictionary does not know ----------------------------------------------------------

NAME = re.compile(r"\b(?:[A-Z][\w’'.-]*[a-z][\w’'.-]*|[A-Z]{2,})(?:[ -](?:(?:al|ul|el|bin|de|of|the)[ -])?"
                  r"(?:[A-Z][\w’'.-]*[a-z][\w’'.-]*|[A-Z]{2,}))*")


def find_unresolved_names(sentences: pd.DataFrame, mentions: pd.DataFrame,
                          cues: list[str], ignore_words: set[str]) -> pd.DataFrame:
    """Capitalised names right before or after a verb of saying or acting, not in the dictionary.

    `cues` are regular expressions for those verbs (the speech verbs and event verbs of the patterns).
    """
    verbs = "|".join(cues)
    near_verb = re.compile(rf"^\W{{0,3}}(?:{verbs})\b|\b(?:{verbs})\W{{0,3}}(?:by\s+)?$", re.IGNORECASE)
    covered = {}
    for row in mentions.itertuples():
        covered.setdefault((row.article_id, row.sentence_id), []).append((row.sentence_start, row.sentence_end))
    found = []
    for sentence in sentences.itertuples(index=False):
        spans = covered.get((sentence.article_id, sentence.sentence_id), [])
        for match in NAME.finditer(sentence.text):
            name = re.sub(r"[’']s$", "", match.group())
            if _is_candidate(name, match, sentence.text, spans, near_verb, ignore_words):
                found.append((name, sentence.article_id, sentence.sentence_id, sentence.text))
    return summarise_unresolved(found)


def _is_candidate(name, match, text, spans, near_verb, ignore_words) -> bool:
    if name.split()[0] in ignore_words or name in ignore_words or len(name) < 3:
        return False
    if any(start < match.end() and match.start() < end for start, end in spans):
        return False
    before, after = text[max(0, match.start() - 25):match.start()], text[match.end():match.end() + 25]
    return bool(near_verb.search(after) or near_verb.search(before))


def summarise_unresolved(found: list[tuple]) -> pd.DataFrame:
    if not found:
        return pd.DataFrame(columns=UNRESOLVED_COLUMNS)
    table = pd.DataFrame(found, columns=["name", "article_id", "sentence_id", "example"])
    grouped = table.groupby("name", sort=True)
    summary = grouped.agg(n_mentions=("article_id", "size"),
                          articles=("article_id", lambda ids: ";".join(sorted(set(ids)))),
                          example_article_id=("article_id", "first"),
                          example_sentence_id=("sentence_id", "first"),
                          example=("example", "first")).reset_index()
    return summary.sort_values(["n_mentions", "name"], ascending=[False, True])[UNRESOLVED_COLUMNS]
