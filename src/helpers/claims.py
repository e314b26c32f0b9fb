"""Claims: casualty figures in sentences -> the `claims` table, each with who says it.

Figures are found with regular expressions (numbers are what they are good at): "killing at least
nine people", "two children were killed", "dozens were wounded" (vague figures follow ACLED:
"dozens" counts as 12, data/event_patterns.yaml, casualties). Who gives a figure is read from the
tree: the subject of a verb of saying that governs it ("Tehran said it killed 10", "which Islamabad
claimed killed two children"), or the object of "according to" ("according to local police").
`claimant` is the actor; `claimant_text` the words, so that "hospital staff said" is never shown as
the outlet's own voice. Role nouns with no state of their own ("local police", "provincial
officials") belong to the state where the event they report happened. Both are empty only when
the outlet states the figure itself.

A figure belongs to the violent event of its sentence, or, when the sentence only refers back
("the attack, which ..."), to the latest violent event the article told before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc, Token

from .parse import offset_of, tokens_at
from .patterns import PatternBook, load_pattern_book
from .referents import NUMBER_WORDS, ActorIndex, Discourse, SentenceReader

CLAIM_COLUMNS = ["claim_id", "article_id", "sentence_id", "event_id", "claimant", "claimant_text", "kind",
                 "value_min", "value_max", "qualifier", "victims", "text"]
# "nine people, including four children, were killed": the total is the figure, the aside is skipped.
APPOSITIVE = r"(?:\s*,\s*(?:including|among them|among whom|mostly|most of them|many of them)\b[^,]{0,60},)?"
# Qualifiers that make a figure a lower or an upper bound.
LOWER_BOUND = {"at least", "more than", "over"}
UPPER_BOUND = {"up to", "as many as", "fewer than", "less than"}


def casualty_expressions(vocabulary: dict) -> list[tuple[str, re.Pattern]]:
    """(kind, expression) pairs: 'killed N victims' and 'N victims were killed' for each kind."""
    def alternation(words):
        return "|".join(sorted((w if "(" in w or "?" in w else re.escape(w) for w in words), key=len, reverse=True))
    vague = "|".join(sorted((re.escape(w) for w in vocabulary["vague_numbers"]), key=len, reverse=True))
    number = rf"(?P<number>\d[\d,]*|{'|'.join(NUMBER_WORDS)}|{vague})"
    qualifier = rf"(?:(?P<qualifier>{alternation(vocabulary['qualifiers'])})\s+)?"
    victim = alternation(vocabulary["victims"])
    victims = rf"(?P<victims>(?:[\w-]+\s+){{0,3}}?(?:{victim})(?:\s+and\s+(?:{victim}))?)"
    expressions = []
    for kind in ("killed", "injured"):
        verbs = alternation(vocabulary[kind])
        expressions.append((kind, re.compile(
            rf"\b(?:{verbs})\s+{qualifier}{number}\s+(?:of\s+)?{victims}?", re.IGNORECASE)))
        expressions.append((kind, re.compile(
            rf"\b{qualifier}{number}\s+{victims}{APPOSITIVE}\s+(?:\w+\s+){{0,3}}?(?:were\s+|was\s+|have been\s+|had been\s+|being\s+)?"
            rf"(?:{verbs})\b", re.IGNORECASE)))
    return expressions


def figure_value(number: str, vocabulary: dict) -> int | None:
    number = number.lower().replace(",", "")
    if number.isdigit():
        return int(number)
    return NUMBER_WORDS.get(number, vocabulary["vague_numbers"].get(number))


def figure_range(value: int, qualifier: str) -> tuple[str, str]:
    qualifier = qualifier.lower()
    if qualifier in LOWER_BOUND:
        return str(value), ""
    if qualifier in UPPER_BOUND:
        return "", str(value)
    return str(value), str(value)


def sentence_figures(text: str, expressions) -> list[tuple[str, re.Match]]:
    """Non-overlapping casualty figures of a sentence, in text order."""
    found, taken = [], []
    for kind, expression in expressions:
        for match in expression.finditer(text):
            span = match.span("number")
            if not any(s < span[1] and span[0] < e for s, e in taken):
                found.append((kind, match))
                taken.append(span)
    return sorted(found, key=lambda item: item[1].start())


@dataclass(frozen=True)
class Figure:
    kind: str
    number: str
    qualifier: str
    victims: str
    text: str
    start: int           # offset of the number in the sentence

    @classmethod
    def of(cls, kind: str, match: re.Match) -> "Figure":
        return cls(kind, match["number"], match["qualifier"] or "", (match["victims"] or "").strip(),
                   match.group().strip(), match.start("number"))


def breakdown(figures: list[Figure], doc: Doc, vocabulary: dict) -> list[Figure]:
    """'three women, two men and four children were among those killed': the figures coordinated
    with one the expressions found, each with its own victims, read off the tree."""
    extra, taken = [], {figure.start for figure in figures}
    for figure in figures:
        number = token_at(doc, figure.start)
        if number is None or number.dep_ != "nummod":
            continue
        first = number.head
        while first.dep_ == "conj":
            first = first.head
        for victims in [first] + [t for t in first.subtree if t.dep_ == "conj" and t.head.i in
                                  {first.i} | {c.i for c in first.subtree if c.dep_ == "conj"}]:
            count = next((c for c in victims.children if c.dep_ == "nummod"), None)
            if count is None or offset_of(count) in taken or figure_value(count.text, vocabulary) is None:
                continue
            taken.add(offset_of(count))
            extra.append(Figure(figure.kind, count.text, "", victims.text, f"{count.text} {victims.text}",
                                offset_of(count)))
    return extra


# --- who says it ------------------------------------------------------------------------------

def token_at(doc: Doc, position: int) -> Token | None:
    span = tokens_at(doc, position, position + 1)
    return span[0] if span is not None else None


def is_saying(token: Token, book: PatternBook) -> bool:
    """A verb of saying, but not 'claimed responsibility' (an act, not a report)."""
    speech = book.words("speech")
    if token.pos_ != "VERB" or not (token.lemma_.lower() in speech or book.verb_forms.get(token.lower_) in speech):
        return False
    return not any(c.dep_ in {"obj", "xcomp"} and c.lemma_.lower() in {"responsibility", "credit"} for c in token.children)


def says_through_auxiliary(verb: Token, book: PatternBook) -> bool:
    """'which it said killed ten': the parser may hang 'said' on 'killed' as an auxiliary, and its
    subject with it; the subject is then the speaker's, not the killer's."""
    return any(c.dep_ == "aux" and c.lemma_.lower() in book.words("speech") for c in verb.children)


def speaker(verb: Token, figure: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
    if subject is None or subject == figure or subject.is_ancestor(figure):
        return None
    return subject


def attribution(figure: Token, doc: Doc, book: PatternBook) -> Token | None:
    """The phrase that gives a figure: the subject of a verb of saying that governs it, 'according to
    X', else the subject of the verb of saying nearest to it ('..., officials said'; 'which it said
    killed', however the parser attached 'said')."""
    for ancestor in figure.ancestors:
        if is_saying(ancestor, book) and speaker(ancestor, figure) is not None:
            return speaker(ancestor, figure)
        if says_through_auxiliary(ancestor, book) and speaker(ancestor, figure) is not None:
            return speaker(ancestor, figure)
    for token in doc:
        if token.lower_ == "according" and token.dep_ in {"case", "mark", "advmod", "prep"}:
            return token.head if token.head != token else None
    nearest = sorted((t for t in doc if is_saying(t, book) and not t.is_ancestor(figure)),
                     key=lambda t: abs(t.i - figure.i))
    for verb in nearest:
        if speaker(verb, figure) is not None:
            return speaker(verb, figure)
    return None


def claimant_of(phrase: Token | None, reader: SentenceReader, event: pd.Series | None) -> tuple[str, str]:
    """(actor id, words) of who gives a figure; a role noun with no state of its own ('local police',
    'hospital staff') belongs to the state where the event happened."""
    if phrase is None:
        return "", ""
    if phrase.lower_ in {"which", "who", "that"} and phrase.head.dep_ in {"acl:relcl", "relcl", "acl"}:
        phrase = phrase.head.head          # "Pakistan, which said ...": the words are Pakistan's
    words = "" if phrase.pos_ == "PRON" else " ".join(t.text for t in name_words(phrase))   # not 'it (Iran)'
    if reader.unanchored_suffix(phrase) and event is not None and event["location_country"]:
        return event["location_country"], words      # "according to local police": where it happened
    actors = reader.actors_of(phrase)
    if actors:
        return actors[0], words
    if event is not None:
        state = event["location_country"] or (reader.index.state_of(event["target_actor"]) if event["target_actor"] else "")
        return state, words
    place, state = reader.place_state(list(reader.doc))
    return state, words


def name_words(head: Token) -> list[Token]:
    """The words naming a speaker: the head with its compounds, adjectives, possessors and flat parts
    ("Iran's official news agency IRNA"), not the clauses hanging from it; only the run of them
    that touches the head."""
    words = {t.i: t for t in modifier_tree(head)}
    first, last = head.i, head.i
    while first - 1 in words:
        first -= 1
    while last + 1 in words:
        last += 1
    return [words[i] for i in range(first, last + 1)]


def modifier_tree(head: Token) -> list[Token]:
    words = [head]
    for child in head.children:
        if child.dep_ in {"compound", "amod", "flat", "nmod:poss", "appos", "nummod"} or \
                (child.dep_ == "case" and child.head.dep_ == "nmod:poss"):
            words += modifier_tree(child)
    return words


# --- which event it counts ---------------------------------------------------------------------

def owning_event(violent: pd.DataFrame, sentence, position: int, figure: Token | None, book: PatternBook) -> str:
    """The violent event the figure counts: in the sentence before the figure, else, when the sentence
    only refers back ('the attack, which ...'), the latest one the article told before it."""
    article = violent[violent["article_id"] == sentence.article_id]
    here = article[(article["sentence_id"] == sentence.sentence_id) & (article["trigger_start"] < position)]
    if not here.empty:
        return here.sort_values("trigger_start")["event_id"].iloc[-1]
    later = article[(article["sentence_id"] == sentence.sentence_id) & (article["trigger_start"] > position)]
    if not later.empty:
        # "two children were killed in an Iranian strike": the event the victims died in, told after them
        return later.sort_values("trigger_start")["event_id"].iloc[0]
    if figure is not None and any(is_violent_verb(a, book) and not done_by_event(a, book) for a in figure.ancestors):
        return ""       # "militants attacked a post, killing seven": an act by someone we do not know
    earlier = article[article["sentence_id"] < sentence.sentence_id]
    return earlier.sort_values(["sentence_id", "trigger_start"])["event_id"].iloc[-1] if not earlier.empty else ""


def done_by_event(verb: Token, book: PatternBook) -> bool:
    """'the attack, which ... killed two children', 'the strikes killed nine': the killing is the
    event told before, not an act of its own."""
    events = book.words("event_nouns")
    while True:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
        saying = verb.lemma_.lower() in book.words("speech") or says_through_auxiliary(verb, book)
        # "which Islamabad claimed killed": not Islamabad
        if subject is not None and subject.lower_ not in {"which", "that"} and not saying:
            return subject.lemma_.lower() in events
        if verb.dep_ in {"acl:relcl", "relcl", "acl"}:
            return verb.head.lemma_.lower() in events        # "the attack, which (Islamabad claimed) killed"
        if verb.dep_ not in {"xcomp", "ccomp", "conj"} or verb.head == verb:
            return False
        verb = verb.head


def is_violent_verb(token: Token, book: PatternBook) -> bool:
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    lemma = lemma if lemma in book.verbs else book.verb_forms.get(token.lower_, lemma)
    return any(entry.violent or (entry.code or "")[:2] in {"18", "19", "20"} for _, entry in book.verbs.get(lemma, ()))


# --- the table ----------------------------------------------------------------------------------

def find_claims(sentences: pd.DataFrame, parses: dict, events: pd.DataFrame, mentions: pd.DataFrame,
                actors: pd.DataFrame, agents: pd.DataFrame, places: pd.DataFrame,
                data_dir: str | Path | None = None) -> pd.DataFrame:
    """The `claims` table."""
    book = load_pattern_book(data_dir)
    vocabulary = book.casualties
    expressions = casualty_expressions(vocabulary)
    index = ActorIndex.build(actors, agents)
    place_states = {place.lower(): country for place, country in zip(places["place"], places["country"])}
    by_sentence = {key: list(zip(group["sentence_start"], group["sentence_end"], group["actor_id"]))
                   for key, group in mentions.groupby(["article_id", "sentence_id"])}
    violent = events[events["violent"].astype(bool)] if not events.empty else events
    by_id = events.set_index("event_id") if not events.empty else None
    rows = []
    for sentence in sentences.sort_values(["article_id", "sentence_id"]).itertuples(index=False):
        figures = sentence_figures(sentence.text, expressions)
        if not figures:
            continue
        key = (sentence.article_id, int(sentence.sentence_id))
        doc = parses[key]
        reader = SentenceReader(doc, by_sentence.get((sentence.article_id, sentence.sentence_id), []), index,
                                Discourse(), place_states, book.words)
        found = [Figure.of(kind, match) for kind, match in figures]
        found += breakdown(found, doc, vocabulary)
        for item in found:
            value = figure_value(item.number, vocabulary)
            if value is None:
                continue
            low, high = figure_range(value, item.qualifier)
            figure = token_at(doc, item.start)
            event_id = owning_event(violent, sentence, item.start, figure, book)
            event = by_id.loc[event_id] if event_id and by_id is not None else None
            claimant, claimant_text = claimant_of(attribution(figure, doc, book) if figure is not None else None,
                                                  reader, event)
            rows.append({
                "article_id": sentence.article_id, "sentence_id": sentence.sentence_id, "event_id": event_id,
                "claimant": claimant, "claimant_text": claimant_text, "kind": item.kind,
                "value_min": low, "value_max": high,
                "qualifier": item.qualifier.lower() or
                             (item.number.lower() if item.number.lower() in vocabulary["vague_numbers"] else ""),
                "victims": item.victims, "text": item.text,
            })
    claims = pd.DataFrame(rows, columns=CLAIM_COLUMNS[1:])
    claims.insert(0, "claim_id", [f"c{n + 1:03d}" for n in range(len(claims))])
    return claims
