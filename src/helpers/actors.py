"""Actors: sentences -> `mentions` of the actors of the dictionary; names it does not know.

The dictionary itself (Phoenix's states, organisations, groups and office-holders under the curated
files and a user's own) is read by `actor_dictionary.py`. Mentions are found with spaCy's
PhraseMatcher on the sentences' tokens: names, capitals and demonyms ("Tehran said", "the Iranian
foreign ministry"), and the curated states' bodies written from their names ("Pakistan's embassy").
Proper names that act or speak in the parse (subjects, objects, agents of verbs) and that the
dictionary does not know go to the `unresolved` table.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .actor_dictionary import DictionaryError, in_office_on, load_actor_dictionary, without_accents  # noqa: F401 (re-exported)
from .datetext import MONTHS, WEEKDAYS
from .language import blank_english
from .project import PROJECT_ROOT
from .tables import cached_json

MENTION_COLUMNS = ["article_id", "sentence_id", "start", "end", "surface", "actor_id",
                   "sentence_start", "sentence_end"]
CANDIDATE_COLUMNS = ["name", "article_id", "sentence_id", "example"]
UNRESOLVED_COLUMNS = ["name", "n_mentions", "articles", "example_article_id", "example_sentence_id",
                      "example"]
ALIAS_SEPARATOR = "|"
NAMES_CACHE_DIR = PROJECT_ROOT / ".cache" / "dictionaries"


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

def name_key(words) -> tuple[str, ...]:
    """How a name is compared: lower case, curly apostrophes straight, accents dropped, hyphens
    ignored, so that "Jaish al-Adl", "Jaish al Adl" and "JAISH-AL-ADL" are one name, and "Lomé" is
    the dictionary's "Lome"."""
    return tuple(without_accents(word.lower().replace("’", "'")) for word in words if word not in HYPHENS)


HYPHENS = {"-", "‐", "–"}


def is_acronym(alias: str) -> bool:
    """Short capitalised names (UN, US, AP) match only as written, or 'us' would be the USA."""
    return len(alias.replace(".", "")) <= 4 and alias.replace(".", "").isupper()


@dataclass(frozen=True)
class NameIndex:
    """Every name of the dictionary as a sequence of tokens -> the actors it names."""
    by_words: dict[tuple[str, ...], tuple[str, ...]]
    acronyms: dict[tuple[str, ...], tuple[str, ...]]     # matched only as written
    longest: int
    first_words: frozenset[str]                           # what a name can start with, to skip the rest fast

    def matches(self, doc) -> list[tuple[int, int, tuple[str, ...]]]:
        """(first token, end token, actors) of the longest names, left to right, not overlapping."""
        words = [(token.i, token.text) for token in doc if token.text not in HYPHENS]
        keys = [name_key([text])[0] if text not in HYPHENS else "" for _, text in words]
        found, position = [], 0
        while position < len(words):
            if keys[position] not in self.first_words and words[position][1] not in self.first_words:
                position += 1
                continue
            for size in range(min(self.longest, len(words) - position), 0, -1):
                actors = self.acronyms.get(tuple(text for _, text in words[position:position + size]))
                if actors is None:
                    actors = self.by_words.get(tuple(keys[position:position + size]))
                if actors is not None:      # () is a role phrase: its words name no one
                    found.append((words[position][0], words[position + size - 1][0] + 1, actors))
                    position += size
                    break
            else:
                position += 1
        return found


def build_name_index(actors: pd.DataFrame, agents: pd.DataFrame | None = None) -> NameIndex:
    aliases = dict(zip(actors["actor_id"], actors["aliases"]))
    for actor, name in short_names(actors).items():
        aliases[actor] += ALIAS_SEPARATOR + name
    index = _name_index(tuple(aliases.items()))
    return index if agents is None else with_role_phrases(index, agents)


def with_role_phrases(index: NameIndex, agents: pd.DataFrame) -> NameIndex:
    """The index with role phrases that end in a name ('National Security Council', which ends in the
    UN's 'Security Council') read as names of no actor: the role is any state's, and its last words
    are no one's name there. A phrase the dictionary itself names stays that actor's."""
    phrases = {}
    for noun in (n for column in ("noun", "plural") for n in agents.get(column, [])):
        key = name_key(noun.split())
        if len(key) > 1 and key not in index.by_words and all(w.isalpha() for w in key) and \
                any(key[start:] in index.by_words for start in range(1, len(key))):
            phrases[key] = ()
    if not phrases:
        return index
    return NameIndex({**index.by_words, **phrases}, index.acronyms, max(index.longest, *map(len, phrases)),
                     index.first_words | {key[0] for key in phrases})


TITLES = {"president", "king", "prince", "queen", "emir", "sheikh", "general", "minister", "premier", "mr", "mrs",
          "ms", "dr", "secretary", "chancellor", "senator", "colonel", "ambassador"}
NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "abdul", "de", "del", "da", "dos", "van", "von", "der", "le", "la"}


def short_names(actors: pd.DataFrame) -> dict[str, str]:
    """'Alvaro Uribe' for the dictionary's 'Alvaro Uribe Velez': a person's three-word name without
    its last word, as news writes Spanish and Portuguese names, where no other name of the
    dictionary is written so."""
    people = actors.loc[actors["type"] == "person", ["actor_id", "aliases"]]
    known = {name_key(alias.split()) for names in actors["aliases"] for alias in names.split(ALIAS_SEPARATOR)}
    found: dict[tuple[str, ...], set[str]] = {}
    for actor, names in zip(people["actor_id"], people["aliases"]):
        for alias in names.split(ALIAS_SEPARATOR):
            words = alias.split()
            if len(words) == 3 and all(w.isalpha() and w[:1].isupper() and len(w) > 2 and
                                       w.lower() not in NAME_PARTICLES | TITLES for w in words):
                found.setdefault(name_key(words[:2]), set()).add(actor)
    return {next(iter(owners)): " ".join(key).title() for key, owners in found.items()
            if len(owners) == 1 and key not in known}


@lru_cache(maxsize=4)   # the same dictionary is matched by every stage and notebook of a run
def _name_index(aliases_by_actor: tuple[tuple[str, str], ...]) -> NameIndex:
    aliases = sorted({alias for _, names in aliases_by_actor for alias in names.split(ALIAS_SEPARATOR) if alias})
    tokens = tokenized_names(aliases)
    by_words: dict[tuple[str, ...], list[str]] = {}
    acronyms: dict[tuple[str, ...], list[str]] = {}
    for actor_id, names in aliases_by_actor:
        for alias in filter(None, names.split(ALIAS_SEPARATOR)):
            words = tuple(tokens[alias])
            if is_acronym(alias):
                acronyms.setdefault(words, []).append(actor_id)
                continue
            for key in (name_key(words), *plural_of(name_key(words))):
                by_words.setdefault(key, []).append(actor_id)
    longest = max((len(key) for key in list(by_words) + list(acronyms)), default=1)
    first_words = frozenset(key[0] for key in list(by_words) + list(acronyms) if key)
    return NameIndex({k: tuple(dict.fromkeys(v)) for k, v in by_words.items()},
                     {k: tuple(dict.fromkeys(v)) for k, v in acronyms.items()}, longest, first_words)


def plural_of(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """'Pakistani' -> 'Pakistanis', 'Iranian' -> 'Iranians': a demonym used as a noun for people."""
    if len(key) == 1 and key[0].endswith(("an", "i")) and key[0][:1].isalpha():
        return [(key[0] + "s",)]
    return []


def tokenized_names(aliases: list[str]) -> dict[str, list[str]]:
    """Each name split into tokens as sentences are; kept in .cache/ by the names' hash, since
    tokenizing the tens of thousands of names of the dictionary takes seconds."""
    digest = hashlib.sha256("\n".join(aliases).encode("utf-8")).hexdigest()[:24]

    def tokenize() -> dict[str, list[str]]:
        docs = blank_english().tokenizer.pipe(aliases)
        return {alias: [token.text for token in doc] for alias, doc in zip(aliases, docs)}
    return cached_json(NAMES_CACHE_DIR / f"names-{digest}.json", tokenize)


def active_on(actors: pd.DataFrame, published: str) -> set[str]:
    """Actors whose dictionary dates do not rule them out for an article published on that day."""
    dated = office_dates(actors)
    return {actor for actor in actors["actor_id"] if in_office(dated, actor, published)}


def office_dates(actors: pd.DataFrame) -> dict[str, tuple[str, str, str]]:
    """actor id -> (valid_from, valid_until, terms), for the actors that have any."""
    terms = actors["terms"] if "terms" in actors else pd.Series("", index=actors.index)
    return {actor: (start, end, periods) for actor, start, end, periods in
            zip(actors["actor_id"], actors["valid_from"], actors["valid_until"], terms) if start or end or periods}


def in_office(dated: dict[str, tuple[str, str, str]], actor: str, published: str) -> bool:
    """Whether an actor's dates do not rule it out on a publication day (no day: nothing is ruled out);
    a person out of office between two terms is not coded either."""
    if not published or actor not in dated:
        return True
    start, end, periods = dated[actor]
    return (not start or start <= published) and (not end or published <= end) and in_office_on(periods, published)


def find_mentions(sentences: pd.DataFrame, actors: pd.DataFrame,
                  articles: pd.DataFrame, agents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every actor mention, longest name first, with offsets into the raw file and the sentence.
    A name several actors share goes to the first of them in office on the publication day. A
    person named in full once ("Rafael Correa") is then also named by surname alone ("Correa")
    anywhere in the same article."""
    names = build_name_index(actors, agents)
    published = dict(zip(articles["article_id"], articles["published"]))
    dated = office_dates(actors)
    people = set(actors.loc[actors["type"] == "person", "actor_id"])
    rows = []
    docs = blank_english().tokenizer.pipe(sentences["text"].tolist())
    by_article: dict[str, list] = {}
    for sentence, doc in zip(sentences.itertuples(index=False), docs):
        day = published.get(sentence.article_id, "")
        found = []
        for start, end, candidates in names.matches(doc):
            actor = next((a for a in candidates if in_office(dated, a, day)), "")
            if actor:
                found.append((start, end, actor))
        by_article.setdefault(sentence.article_id, []).append((sentence, doc, found))
    for article in by_article.values():
        surnames = surnames_of(article, people)
        for sentence, doc, found in article:
            found = found + surname_mentions(doc, found, surnames)
            rows += [mention_row(sentence, doc[start:end], actor) for start, end, actor in sorted(found)]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def surnames_of(article: list, people: set[str]) -> dict[str, str]:
    """Surname -> person, from the people an article names in full; a surname two of them share
    names neither."""
    found: dict[str, set[str]] = {}
    for _, doc, mentions in article:
        for start, end, actor in mentions:
            words = [token.text for token in doc[start:end] if token.text not in HYPHENS]
            if actor in people and len(words) >= 2 and words[-1][:1].isupper():
                found.setdefault(name_key(words[-1:])[0], set()).add(actor)
            elif actor in people and len(words) >= 3 and words[-1].islower() and words[-3][:1].isupper() and \
                    end - start >= 4 and doc[end - 2].text in HYPHENS:
                # "Moon Jae-in", "Kim Jong-un": a hyphenated given name after the family name
                found.setdefault(name_key(words[-3:-2])[0], set()).add(actor)
    return {surname: next(iter(actors)) for surname, actors in found.items() if len(actors) == 1}


def surname_mentions(doc, mentions: list[tuple[int, int, str]], surnames: dict[str, str]) -> list[tuple[int, int, str]]:
    """A capitalised word outside the sentence's mentions that is the surname of a person the article
    names: alone or after a title, not after another given name ("Shehbaz Sharif" is not Nawaz)."""
    taken = {i for start, end, _ in mentions for i in range(start, end)}
    return [(token.i, token.i + 1, surnames[key]) for token in doc
            if token.i not in taken and token.text[:1].isupper() and (key := name_key([token.text])[0]) in surnames
            and not after_given_name(doc, token.i)]


def after_given_name(doc, i: int) -> bool:
    """Whether the word before is a capitalised word that may be a given name: not a function word
    ("But Correa said"), a title or a day ("On Sunday Correa")."""
    before = doc[i - 1] if i > 0 else None
    return before is not None and before.text[:1].isupper() and before.is_alpha and not before.is_stop and \
        before.lower_ not in TITLES and before.text not in CALENDAR


def mention_row(sentence, span, actor: str) -> dict:
    # Offsets in the raw file: sentence text is a verbatim slice for .txt; for .html, entities
    # may make the slice longer, so raw offsets of a mention are only exact at sentence level.
    raw_start = sentence.start + span.start_char if _verbatim(sentence) else sentence.start
    raw_end = sentence.start + span.end_char if _verbatim(sentence) else sentence.end
    return {"article_id": sentence.article_id, "sentence_id": sentence.sentence_id,
            "start": raw_start, "end": raw_end, "surface": span.text, "actor_id": actor,
            "sentence_start": span.start_char, "sentence_end": span.end_char}


def _verbatim(sentence) -> bool:
    return sentence.end - sentence.start == len(sentence.text)


# --- names the dictionary does not know ----------------------------------------------------------

# Roles in which an unknown name acts or speaks: a subject, object, agent or possessor.
ACTING_ROLES = {"nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "nmod:poss", "appos"}
NAME_PARTS = {"compound", "flat", "flat:name"}
CALENDAR = {word.capitalize() for word in list(MONTHS) + list(WEEKDAYS)}


def unresolved_candidates(sentences: pd.DataFrame, parses: dict, mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per unknown name acting in a sentence (name, article_id, sentence_id, example): what
    each batch of articles adds, summarised once over them all."""
    covered: dict[tuple, list[tuple[int, int]]] = {}
    for row in mentions.itertuples():
        covered.setdefault((row.article_id, row.sentence_id), []).append((row.sentence_start, row.sentence_end))
    found = []
    for sentence in sentences.itertuples(index=False):
        doc = parses[(sentence.article_id, int(sentence.sentence_id))]
        spans = covered.get((sentence.article_id, sentence.sentence_id), [])
        for name in acting_names(doc):
            if not any(s < name.end_char and name.start_char < e for s, e in spans):
                found.append((name.text, sentence.article_id, sentence.sentence_id, sentence.text))
    return pd.DataFrame(found, columns=CANDIDATE_COLUMNS)


def acting_names(doc) -> list:
    """Spans of proper names heading an acting role ('Ararat Mirzoyan said', 'talks with Kaja Kallas')."""
    names = []
    for token in doc:
        if token.pos_ != "PROPN" or token.dep_ not in ACTING_ROLES or token.text in CALENDAR:
            continue
        parts = [t for t in token.subtree if t.i == token.i or (t.dep_ in NAME_PARTS and t.head.i == token.i)]
        first, last = min(t.i for t in parts), max(t.i for t in parts)
        span = doc[first:last + 1]
        if all(t.pos_ in {"PROPN", "PUNCT", "ADP", "X"} for t in span) and len(span.text) >= 3:
            names.append(span)
    return names


def summarise_unresolved(tables: pd.DataFrame | Iterable[pd.DataFrame]) -> pd.DataFrame:
    """The `unresolved` table: per name, how often and in which articles, with its first example.
    Takes the candidates as one table or as parts in order, folded a part at a time."""
    found: dict[str, list] = {}     # name -> [mentions, articles, first example's article, sentence, text]
    for table in [tables] if isinstance(tables, pd.DataFrame) else tables:
        for name, article, sentence, example in table[CANDIDATE_COLUMNS].itertuples(index=False):
            entry = found.setdefault(name, [0, set(), article, sentence, example])
            entry[0] += 1
            entry[1].add(article)
    rows = [(name, n, ";".join(sorted(articles)), article, sentence, example)
            for name, (n, articles, article, sentence, example) in found.items()]
    summary = pd.DataFrame(rows, columns=UNRESOLVED_COLUMNS)
    return summary.sort_values(["n_mentions", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
