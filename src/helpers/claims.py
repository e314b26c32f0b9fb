"""Claims: casualty figures in sentences -> the `claims` table, each with who says it.

"killing at least nine people" is the outlet's own figure (no claimant); "which Islamabad claimed
killed two children" is Pakistan's; "Tehran ... said it killed 10 foreign citizens" is Iran's.
A figure belongs to the violent event of its sentence, or, when the sentence only refers back
("the attack, which ..."), to the latest violent event the article told before it.
Vague figures follow ACLED: "dozens" counts as 12 (data/event_patterns.yaml, casualties).
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .events import load_patterns, reported_by, trigger_matches

CLAIM_COLUMNS = ["claim_id", "article_id", "sentence_id", "event_id", "claimant", "kind", "value_min",
                 "value_max", "qualifier", "victims", "text"]
NUMBER_WORDS = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100})
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


def find_claims(sentences: pd.DataFrame, events: pd.DataFrame, mentions: pd.DataFrame,
                data_dir: str | Path | None = None) -> pd.DataFrame:
    """The `claims` table."""
    patterns, speech, vocabulary = load_patterns(data_dir)
    expressions = casualty_expressions(vocabulary)
    violent = events[events["violent"]] if not events.empty else events
    rows = []
    for sentence in sentences.sort_values(["article_id", "sentence_id"]).itertuples(index=False):
        for kind, match in sentence_figures(sentence.text, expressions):
            value = figure_value(match["number"], vocabulary)
            if value is None:
                continue
            low, high = figure_range(value, match["qualifier"] or "")
            rows.append({
                "article_id": sentence.article_id, "sentence_id": sentence.sentence_id,
                "event_id": owning_event(violent, sentence, match.start(), patterns),
                "claimant": claimant(sentence, match.start(), mentions, speech),
                "kind": kind, "value_min": low, "value_max": high,
                "qualifier": (match["qualifier"] or "").lower() or
                             (match["number"].lower() if match["number"].lower() in vocabulary["vague_numbers"] else ""),
                "victims": (match["victims"] or "").strip(), "text": match.group().strip(),
            })
    claims = pd.DataFrame(rows, columns=CLAIM_COLUMNS[1:])
    claims.insert(0, "claim_id", [f"c{n + 1:03d}" for n in range(len(claims))])
    return claims


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


def owning_event(violent: pd.DataFrame, sentence, position: int, patterns) -> str:
    """The violent event the figure counts: in the sentence before the figure, else, when the sentence
    only refers back ('the attack, which ...'), the latest one the article told before it."""
    article = violent[violent["article_id"] == sentence.article_id]
    here = article[(article["sentence_id"] == sentence.sentence_id) & (article["trigger_start"] < position)]
    if not here.empty:
        return here.sort_values("trigger_start")["event_id"].iloc[-1]
    # "two children were killed in an Iranian strike": the event the victims died in, told after them
    later = article[(article["sentence_id"] == sentence.sentence_id) & (article["trigger_start"] > position)]
    for event in later.sort_values("trigger_start").itertuples(index=False):
        if re.fullmatch(r"[^;,]*\b(?:killed|died|dead|wounded|injured|hurt)\s+(?:in|by|during)\s+[^;,]*",
                        sentence.text[position:event.trigger_start]):
            return event.event_id
    # "militants attacked a post, killing seven": a violent verb of its own, by an actor we do not know.
    if any(p.violent and not nominal and m.start() < position for p, m, nominal in trigger_matches(sentence.text, patterns)):
        return ""
    earlier = article[article["sentence_id"] < sentence.sentence_id]
    return earlier.sort_values(["sentence_id", "trigger_start"])["event_id"].iloc[-1] if not earlier.empty else ""


def claimant(sentence, position: int, mentions: pd.DataFrame, speech: re.Pattern) -> str:
    """Who gives the figure ('which Islamabad claimed killed', '..., officials in Kabul said'); empty
    when the outlet says it. 'it'/'they' stand for the sentence's first actor."""
    named = mentions[(mentions["article_id"] == sentence.article_id) &
                     (mentions["sentence_id"] == sentence.sentence_id)].sort_values("sentence_start")
    speakers = [(s, e, [a]) for s, e, a in zip(named["sentence_start"], named["sentence_end"], named["actor_id"])]
    first = speakers[:1]
    speakers += [(m.start(), m.end(), first[0][2]) for m in re.finditer(r"\b(?:it|they)\b", sentence.text, re.IGNORECASE)
                 if first and m.start() > first[0][1]]
    speakers.sort()
    found = reported_by(sentence.text, position, speakers, speech, skip_responsibility=True)
    return found[0] if found else ""
