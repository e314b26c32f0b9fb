"""Events: sentences and actor mentions -> who did what to whom, by the patterns of data/event_patterns.yaml.

Source and target come from the sentence's structure around the trigger, not from the order of
names: a possessive ("Iran's air raids against X"), a passive ("was attacked by X"), the subject of
the clause, or of a support verb ("X launched strikes on Y"), reported speech ("Tehran claimed it
had bombed ..." is an event by Iran, attributed to Iran), coordination ("the BLF and the BLA"),
reciprocals ("accused each other") and anaphora ("it", "the two countries", "the Persian country").
Dates are left to `dates.resolve_dates`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from .actors import roll_up
from .project import data_file

EVENT_COLUMNS = ["event_id", "article_id", "sentence_id", "source_actor", "target_actor", "cameo_code",
                 "event_type", "goldstein", "quad_class", "plover", "date", "date_earliest", "date_latest",
                 "date_basis", "location", "location_country", "attributed_to", "trigger",
                 "trigger_start", "trigger_end", "pattern", "violent"]

# Words that make a following noun phrase not an actor in the subject position.
PREPOSITIONS = r"(?:of|with|to|for|against|on|upon|at|by|about|over|between|from|toward|towards|into|" \
               r"in|inside|within|across|near|than|like|among|amid|via)"
LOCATIVE = r"(?:in|into|inside|within|across|near|from|toward|towards|throughout)"
PLACE_NOUNS = r"(?:southwestern |southeastern |northwestern |northeastern |eastern |western |southern |northern )?" \
              r"(?:border )?(?:province|provinces|region|city|town|village|soil|territory|airspace|border|side)"
CLAUSE_BARRIER = re.compile(r";|\bwhich\b|\bwho\b|\bwhile\b|\bbut\b|\bwhereas\b|\bbecause\b|\bafter\b|\bbefore\b|"
                            r"\bfollowing\b|\bas\b|,\s*(?:and|but)\b|\band\s+(?:\w+ly\s+)?\w+ed\b",
                            re.IGNORECASE)
FUTURE_OR_NEGATED = re.compile(r"\b(?:will|would|shall|could|might|may|not|never|no|are to|is to|plans? to|"
                               r"planning to|set to|expected to|likely to|threatening to|(?:to be))\s+(?:\w+\s+)?$",
                               re.IGNORECASE)
SUPPORT_VERB = re.compile(r"\b(?:launch(?:ed|es|ing)?|carr(?:ied|ies|y|ying) out|conduct(?:ed|s|ing)?|stag(?:ed|es|ing)|"
                          r"mount(?:ed|s|ing)?|order(?:ed|s)?|responsibility for|behind)\s+(?:[\w“”\"'’-]+\s+){0,4}$",
                          re.IGNORECASE)
PRONOUN = re.compile(r"\b(?:it|its|they|their)\b", re.IGNORECASE)
GROUP_ANAPHOR = re.compile(r"\b(?:(?:the|both) (?:two )?(?:neighbou?ring |nuclear-armed |neighbou?r )?(?:countries|nations|"
                           r"neighbou?rs|sides|governments|states)|both sides|both countries)\b", re.IGNORECASE)
SINGLE_ANAPHOR = re.compile(r"\bthe (?!two\b)(?:[\w-]+ ){0,2}?(?:country|nation|neighbou?r)\b(?![’']s)",
                            re.IGNORECASE)
# A trigger word right after these is a noun ("the attack", "retaliatory strikes"), not a verb.
NOUN_CONTEXT = re.compile(r"(?:\b(?:the|a|an|this|that|these|those|its|their|his|her|our|following|after|amid|"
                          r"of|for|in|on|to|with|several|multiple|recent|such|any|no|retaliatory|cross-border|"
                          r"tit-for-tat|deadly|first|latest|further|new|similar)|[’']s)\s+$", re.IGNORECASE)
RECIPROCAL = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:each other|one another)\b", re.IGNORECASE)


class PatternError(Exception):
    """A problem in the event patterns file; the message names the file and the pattern."""


@dataclass(frozen=True)
class EventPattern:
    id: str
    cameo: str
    verbs: re.Pattern | None
    nouns: re.Pattern | None
    cameo_by_source_type: dict = field(default_factory=dict)
    target_may_be_place: bool = False
    target_from_reference: bool = False
    violent: bool = False
    label: str = ""


@dataclass(frozen=True)
class Coding:
    """Everything the event coder reads: patterns, speech verbs, actors, places and the CAMEO table."""
    patterns: list[EventPattern]
    speech: re.Pattern
    actors: pd.DataFrame
    top: dict[str, str]
    actor_type: dict[str, str]
    places: pd.DataFrame
    cameo: pd.DataFrame
    names: dict[str, str] = field(default_factory=dict)
    country: dict[str, str] = field(default_factory=dict)


# --- reference data -----------------------------------------------------------------------

def _alternation(words: list[str], path: Path, pattern_id: str) -> re.Pattern | None:
    if not words:
        return None
    try:
        return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.IGNORECASE)
    except re.error as error:
        raise PatternError(f"{path}: pattern '{pattern_id}' has a bad expression: {error}") from error


def load_patterns(data_dir: str | Path | None = None) -> tuple[list[EventPattern], re.Pattern, dict]:
    """(event patterns, speech-verb expression, casualty vocabulary) from data/event_patterns.yaml."""
    path = data_file("event_patterns.yaml", data_dir)
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    patterns = []
    for entry in spec["patterns"]:
        if not entry.get("id") or not entry.get("cameo") or not (entry.get("verbs") or entry.get("nouns")):
            raise PatternError(f"{path}: every pattern needs id, cameo and verbs or nouns: {entry}")
        patterns.append(EventPattern(
            id=entry["id"], cameo=str(entry["cameo"]),
            verbs=_alternation(entry.get("verbs"), path, entry["id"]),
            nouns=_alternation(entry.get("nouns"), path, entry["id"]),
            cameo_by_source_type={k: str(v) for k, v in (entry.get("cameo_by_source_type") or {}).items()},
            target_may_be_place=bool(entry.get("target_may_be_place")),
            target_from_reference=bool(entry.get("target_from_reference")),
            violent=bool(entry.get("violent")),
            label=entry.get("label", ""),
        ))
    speech = _alternation([re.escape(word) for word in spec["speech_verbs"]], path, "speech_verbs")
    return patterns, speech, spec["casualties"]


def load_cameo_table(data_dir: str | Path | None = None) -> pd.DataFrame:
    return pd.read_csv(data_file("cameo.csv", data_dir), dtype=str, keep_default_na=False)


def load_places(data_dir: str | Path | None = None) -> pd.DataFrame:
    return pd.read_csv(data_file("places.csv", data_dir), dtype=str, keep_default_na=False)


def check_codes(patterns: list[EventPattern], cameo: pd.DataFrame, path: Path) -> None:
    known = set(cameo["cameo_code"])
    for pattern in patterns:
        for code in [pattern.cameo, *pattern.cameo_by_source_type.values()]:
            if code not in known:
                raise PatternError(f"{path}: pattern '{pattern.id}' uses CAMEO code {code}, "
                                   f"which is not in cameo.csv")


# --- referents: who a stretch of text points at ----------------------------------------------

@dataclass
class Referent:
    start: int
    end: int
    actors: list[str]        # actor ids (two for "the two countries")
    surface: str
    kind: str                # name, pronoun, group, single
    locative: bool = False
    prepositional: bool = False


def sentence_referents(text: str, mentions: list[tuple[int, int, str, str]]) -> list[Referent]:
    """Dictionary mentions plus pronouns and anaphors, each marked as place or prepositional object."""
    referents = [Referent(start, end, [actor], surface, "name") for start, end, actor, surface in mentions]
    taken = [(r.start, r.end) for r in referents]
    for kind, pattern in (("group", GROUP_ANAPHOR), ("single", SINGLE_ANAPHOR), ("pronoun", PRONOUN)):
        for match in pattern.finditer(text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                referents.append(Referent(match.start(), match.end(), [], match.group(), kind))
                taken.append((match.start(), match.end()))
    for referent in referents:
        before, after = text[:referent.start], text[referent.end:]
        referent.locative = bool(re.search(rf"\b{LOCATIVE}\s+(?:the\s+)?$", before, re.IGNORECASE)) or \
            bool(re.match(rf"\s*[’']s\s+(?:[\w-]+\s+){{0,2}}?{PLACE_NOUNS}\b", after, re.IGNORECASE)) or \
            bool(re.match(r"\s*[’']s\s+(?:[A-Z][\w-]+\s+)?(?:province|city|region)\b", after))
        referent.prepositional = referent.locative or \
            bool(re.search(rf"\b{PREPOSITIONS}\s+(?:the\s+|both\s+|its\s+|their\s+)?$", before, re.IGNORECASE))
    referents.sort(key=lambda r: r.start)
    for left, right in zip(referents, referents[1:]):
        # "of both Pakistan and Iran": what governs the first of a pair governs the second.
        if left.prepositional and re.fullmatch(r"\s*(?:,|and|or)\s*(?:the\s+)?", text[left.end:right.start]):
            right.prepositional, right.locative = True, right.locative or left.locative
    return referents


@dataclass
class Discourse:
    """What earlier sentences of the article said: for 'it', 'the country' and 'the attack'."""
    state_counts: dict[str, int] = field(default_factory=dict)
    state_order: list[str] = field(default_factory=list)     # states in order of last mention
    last_subject: list[str] = field(default_factory=list)
    violent_events: list[dict] = field(default_factory=list)

    def note_states(self, states: list[str]) -> None:
        for state in states:
            self.state_counts[state] = self.state_counts.get(state, 0) + 1
            if state in self.state_order:
                self.state_order.remove(state)
            self.state_order.append(state)

    def main_pair(self) -> list[str]:
        ranked = sorted(self.state_counts, key=lambda s: (-self.state_counts[s], self.state_order.index(s)))
        return sorted(ranked[:2]) if len(ranked) >= 2 else []

    def latest_state(self, exclude: set[str]) -> list[str]:
        for state in reversed(self.state_order):
            if state not in exclude:
                return [state]
        return []


# --- the coder ------------------------------------------------------------------------------

class SentenceCoder:
    """Codes one sentence, given the discourse of the sentences before it."""

    def __init__(self, coding: Coding, discourse: Discourse, text: str, referents: list[Referent]):
        self.coding, self.discourse, self.text, self.referents = coding, discourse, text, referents

    def actor_name(self, actor: str) -> str:
        return self.coding.names.get(actor, "")

    # state-level view of an actor, for anaphora
    def state_of(self, actor: str) -> str:
        row_country = self.coding.country.get(actor, "")
        top = self.coding.top.get(actor, actor)
        if self.coding.actor_type.get(top) == "state":
            return top
        return row_country or ""

    def resolve(self, referent: Referent, position: int, exclude: set[str] = frozenset()) -> list[str]:
        """The actor ids a referent points at; pronouns and anaphors looked up in context."""
        if referent.kind == "name":
            return referent.actors
        if referent.kind == "group":
            return self.discourse.main_pair()
        if referent.kind == "single":
            earlier = [self.state_of(a) for r in self.referents if r.end <= referent.start and r.kind == "name"
                       for a in r.actors]
            earlier = [s for s in earlier if s and s not in exclude]
            return [earlier[-1]] if earlier else self.discourse.latest_state(set(exclude))
        subject = self.main_subject(before=referent.start)
        if subject and subject is not referent:
            return self.resolve(subject, subject.start, exclude)
        return list(self.discourse.last_subject)

    def main_subject(self, before: int | None = None) -> Referent | None:
        """The first referent that is neither a place nor a prepositional object: the clause's subject."""
        for referent in self.referents:
            if before is not None and referent.start >= before:
                return None
            if not referent.prepositional and not (referent.kind == "pronoun" and referent.surface.lower() in ("its", "their")):
                return referent
        return None

    def subject_before(self, position: int) -> Referent | None:
        """The nearest subject-like referent before a position, within its clause."""
        for referent in reversed([r for r in self.referents if r.end <= position]):
            if CLAUSE_BARRIER.search(self.text[referent.end:position]):
                break
            if referent.prepositional or (referent.kind == "pronoun" and referent.surface.lower() in ("its", "their")):
                continue
            return referent
        return None

    def coordinated(self, first: Referent, forward: bool) -> list[Referent]:
        """A referent and those joined to it by 'and', 'or' or commas ('the BLF and the BLA')."""
        group, ordered = [first], self.referents if forward else list(reversed(self.referents))
        index = ordered.index(first)
        for other in ordered[index + 1:]:
            left, right = (group[-1], other) if forward else (other, group[-1])
            between = self.text[left.end:right.start]
            if re.fullmatch(r"\s*", between):      # "Secretary-General Antonio Guterres": one person
                group[-1] = right if forward else group[-1]
                continue
            if not re.fullmatch(r"[\s,()“”\"]*(?:and|or|as well as|,|\()[\s,()“”\"]*(?:the\s+|both\s+)?", between):
                break
            group.append(other)
        return group

    def targets_after(self, position: int, pattern: EventPattern, limit: int | None = None) -> list[Referent]:
        """The first actor after the trigger in its clause, with actors coordinated to it."""
        for referent in [r for r in self.referents if r.start >= position and (limit is None or r.start < limit)]:
            if CLAUSE_BARRIER.search(self.text[position:referent.start]):
                return []
            if referent.locative and not pattern.target_may_be_place:
                continue
            if referent.kind == "pronoun":
                continue
            return self.coordinated(referent, forward=True)
        return []

    def attribution(self, trigger_start: int) -> list[str]:
        """Who the sentence says reported the event: 'X said/claimed ...' or '..., said X'."""
        speakers = [(r.start, r.end, self.resolve(r, r.start)) for r in self.referents if r.kind != "single"]
        return reported_by(self.text, trigger_start, speakers, self.coding.speech)

    def source_of_nominal(self, match: re.Match) -> tuple[list[Referent], bool]:
        """(source referents, explicit): possessive, support verb or 'by X'; none for a back-reference."""
        before = self.text[:match.start()]
        possessor = [r for r in self.referents if r.end <= match.start() and
                     re.fullmatch(r"[’']s\s+(?:[\w-]+\s+){0,3}", self.text[r.end:match.start()])]
        if possessor:
            return self.coordinated(possessor[-1], forward=False), True
        by = re.match(r"\s+(?:carried out |conducted |launched )?by\s+(?:the\s+)?", self.text[match.end():])
        if by:
            after = [r for r in self.referents if r.start == match.end() + by.end()]
            if after:
                return self.coordinated(after[0], forward=True), True
        support = SUPPORT_VERB.search(before)
        if support:
            subject = self.subject_before(support.start())
            if subject is not None:
                return self.coordinated(subject, forward=False), True
            subject = self.main_subject(before=support.start())
            if subject is not None:
                return self.coordinated(subject, forward=False), True
        # No actor of its own: "the attack", "following cross-border strikes" tell an event again.
        return [], False

    def source_of_verb(self, match: re.Match, pattern: EventPattern) -> tuple[list[Referent], list[Referent]]:
        """(source, target-from-subject) for a verb: active subject, or the agent of a passive."""
        before = self.text[:match.start()]
        if re.search(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", before, re.IGNORECASE):
            by = re.match(r"\s+(?:[\w-]+\s+){0,4}?by\s+(?:the\s+)?", self.text[match.end():])
            agents = [r for r in self.referents if by and r.start == match.end() + by.end()]
            if agents:
                patient = self.subject_before(match.start())
                return self.coordinated(agents[0], True), (self.coordinated(patient, False) if patient else [])
            if pattern.violent:     # "X was attacked": the attacker is not named
                return [], []
        subject = self.subject_before(match.start())
        if subject is None:
            subject = self.main_subject(before=match.start())
        return (self.coordinated(subject, forward=False) if subject else []), []

    def code(self, pattern: EventPattern, match: re.Match, nominal: bool) -> list[dict]:
        """The events one trigger makes: one per (source, target) pair."""
        if FUTURE_OR_NEGATED.search(self.text[max(0, match.start() - 30):match.start()]):
            return []
        passive_target = []
        if nominal:
            sources, explicit = self.source_of_nominal(match)
            if not explicit:
                return []
        else:
            sources, passive_target = self.source_of_verb(match, pattern)
        source_ids = self.ids(sources)
        if not source_ids:
            return []
        reciprocal = bool(RECIPROCAL.match(self.text[match.end():])) or "each other" in match.group().lower()
        if reciprocal:
            pairs = [(s, t) for s in source_ids for t in source_ids if s != t]
        else:
            start = match.end() if nominal else match.start() + len(match.group().split()[0])
            targets = passive_target or self.targets_after(start, pattern)
            own = {self.coding.top.get(s, s) for s in source_ids}
            target_ids = [t for t in self.ids(targets, exclude=set(source_ids))
                          if t not in source_ids and self.coding.top.get(t, t) not in own]
            if not target_ids and pattern.target_from_reference:
                target_ids = self.referenced_perpetrators(match.end())
            pairs = [(s, t) for s in source_ids for t in (target_ids or [""])]
        return [{"source_actor": s, "target_actor": t, "pattern": pattern, "match": match,
                 "attributed": self.attribution(match.start())} for s, t in pairs]

    def ids(self, referents: list[Referent], exclude: set[str] = frozenset()) -> list[str]:
        found = []
        for referent in referents:
            for actor in self.resolve(referent, referent.start, {self.state_of(a) for a in exclude} | set(exclude)):
                if actor not in found:
                    found.append(actor)
        return found

    def referenced_perpetrators(self, position: int) -> list[str]:
        """'condemned the attack': the sources of the latest violent event already told."""
        if not re.match(r"\s+(?:the|this|these|those|its|their)\s+(?:[\w-]+\s+){0,2}?"
                        r"(?:attacks?|strikes?|air ?strikes?|raids?|bombings?|incursions?|violations?|actions?)\b",
                        self.text[position:], re.IGNORECASE):
            return []
        latest = self.discourse.violent_events[-1:] if self.discourse.violent_events else []
        return sorted({event["source_actor"] for event in latest})


def reported_by(text: str, position: int, speakers: list[tuple[int, int, list[str]]], speech: re.Pattern,
                skip_responsibility: bool = False) -> list[str]:
    """Who a sentence says reported what stands at `position`.

    'X said (that) ...', 'which X claimed killed ...' before it; '..., officials in Kabul said',
    '..., said UN spokesperson X', 'according to X' after it. `speakers` are (start, end, actor ids).
    """
    verbs = list(speech.finditer(text))
    for verb in reversed([v for v in verbs if v.end() <= position]):
        if re.search(r";|\.\s", text[verb.end():position]):
            continue
        if skip_responsibility and re.match(r"\s+responsibility\b", text[verb.end():]):
            continue
        near = [s for s in speakers if s[1] <= verb.start() and re.fullmatch(r"[\s\w’'-]{0,30}", text[s[1]:verb.start()])]
        if near and near[-1][2]:
            return near[-1][2]
    for verb in [v for v in verbs if v.start() >= position]:
        comma = text.rfind(",", position, verb.start())
        if comma < 0 and not verb.group().lower().startswith("according"):
            continue
        near = [s for s in speakers if max(comma, position) < s[0] < verb.start()]
        near += [s for s in speakers if s[0] >= verb.end() and re.fullmatch(r"[\s\w.-]{0,40}", text[verb.end():s[0]])]
        if near and near[0][2]:
            return near[0][2]
    return []


def trigger_matches(text: str, patterns: list[EventPattern]) -> list[tuple[EventPattern, re.Match, bool]]:
    """Every trigger in a sentence; of overlapping ones, the first pattern (then the longer) wins."""
    found = []
    for order, pattern in enumerate(patterns):
        for expression, nominal in ((pattern.verbs, False), (pattern.nouns, True)):
            if expression is None:
                continue
            for match in expression.finditer(text):
                found.append((order, -(match.end() - match.start()), pattern, match, nominal))
    kept, taken = [], []
    found = [item for item in found if item[4] == bool(NOUN_CONTEXT.search(text[:item[3].start()]))
             or not _has_other_reading(item, found)]
    for order, _, pattern, match, nominal in sorted(found, key=lambda item: (item[0], item[1])):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        kept.append((pattern, match, nominal))
        taken.append((match.start(), match.end()))
    return sorted(kept, key=lambda item: item[1].start())


def instrument_code(text: str, match: re.Match, pattern: EventPattern,
                    patterns: list[EventPattern]) -> str | None:
    """'targeted each other with missile strikes': the weapon named after the verb gives the code."""
    if not pattern.violent:
        return None
    tail = re.match(r"\W*(?:[\w-]+\s+){0,3}?(?:with|using|by means of)\s+", text[match.end():])
    if not tail:
        return None
    rest = text[match.end() + tail.end():]
    for other in patterns:
        if other.violent and other.nouns is not None:
            weapon = other.nouns.match(rest) or other.nouns.match(re.sub(r"^(?:[\w-]+\s+)", "", rest))
            if weapon:
                return other.cameo
    return None


def _has_other_reading(item, found) -> bool:
    """Whether the same words also match this pattern's other form (verb or noun)."""
    return any(other[2] is item[2] and other[4] != item[4] and other[3].span() == item[3].span()
               for other in found)


def find_location(text: str, position: int, referents: list[Referent], places: pd.DataFrame,
                  coder: SentenceCoder) -> tuple[str, str]:
    """(place, its country) of the trigger's clause: a known place name, else a state named as a place.

    Places after the trigger come first ("struck camps in Panjgur"), then those before it in the
    same clause ("Panjgur was struck by ...").
    """
    barrier = CLAUSE_BARRIER.search(text, position)
    limit = barrier.start() if barrier else len(text)
    opening = max([0] + [m.end() for m in CLAUSE_BARRIER.finditer(text[:position])])
    named = []
    for place, country in zip(places["place"], places["country"]):
        named += [(m.start(), place, country) for m in re.finditer(rf"(?<![\w-]){re.escape(place)}(?![\w-])", text)]
    named += [(r.start, coder.actor_name(coder.state_of(r.actors[0])) or r.surface, coder.state_of(r.actors[0]))
              for r in referents if r.locative and r.kind == "name"]
    after = sorted(item for item in named if position <= item[0] < limit)
    before = sorted((item for item in named if opening <= item[0] < position), reverse=True)
    # a named place beats a country named as a place
    for group in (after, before):
        for item in sorted(group, key=lambda item: (item[1] == coder.actor_name(item[2]),)):
            return item[1], item[2]
    return "", ""


def code_events(sentences: pd.DataFrame, mentions: pd.DataFrame, actors: pd.DataFrame,
                data_dir: str | Path | None = None) -> pd.DataFrame:
    """The `events` table (dates empty: `dates.resolve_dates` fills them)."""
    patterns, speech, _ = load_patterns(data_dir)
    cameo = load_cameo_table(data_dir)
    check_codes(patterns, cameo, data_file("event_patterns.yaml", data_dir))
    coding = Coding(patterns, speech, actors, roll_up(actors), dict(zip(actors["actor_id"], actors["type"])),
                    load_places(data_dir), cameo, dict(zip(actors["actor_id"], actors["name"])),
                    dict(zip(actors["actor_id"], actors["country"])))
    by_sentence = {key: list(zip(group["sentence_start"], group["sentence_end"], group["actor_id"], group["surface"]))
                   for key, group in mentions.groupby(["article_id", "sentence_id"])}
    rows = []
    for article_id, article in sentences.groupby("article_id", sort=True):
        discourse = Discourse()
        for sentence in article.sort_values("sentence_id").itertuples(index=False):
            mentioned = by_sentence.get((article_id, sentence.sentence_id), [])
            rows += code_sentence(coding, discourse, sentence, mentioned)
    return finish_events(pd.DataFrame(rows), coding)


def code_sentence(coding: Coding, discourse: Discourse, sentence, mentioned) -> list[dict]:
    referents = sentence_referents(sentence.text, mentioned)
    coder = SentenceCoder(coding, discourse, sentence.text, referents)
    discourse.note_states([s for r in referents if r.kind == "name" for a in r.actors
                           if (s := coder.state_of(a))])
    rows, seen = [], set()
    for pattern, match, nominal in trigger_matches(sentence.text, coding.patterns):
        for event in coder.code(pattern, match, nominal):
            code = instrument_code(sentence.text, match, pattern, coding.patterns) or pattern.cameo
            code = pattern.cameo_by_source_type.get(coding.actor_type.get(coding.top.get(event["source_actor"])), code)
            key = (event["source_actor"], event["target_actor"], code[:2] if pattern.violent else code)
            if key in seen:
                continue
            seen.add(key)
            place, country = find_location(sentence.text, match.start(), referents, coding.places, coder)
            row = {"article_id": sentence.article_id, "sentence_id": sentence.sentence_id,
                   "source_actor": event["source_actor"], "target_actor": event["target_actor"],
                   "cameo_code": code, "location": place, "location_country": country,
                   "attributed_to": ";".join(event["attributed"]), "trigger": match.group(),
                   "trigger_start": match.start(), "trigger_end": match.end(), "pattern": pattern.id,
                   "violent": pattern.violent}
            rows.append(row)
    discourse.violent_events += [row for row in rows if row["violent"]]
    subject = coder.main_subject()
    if subject is not None and subject.kind == "name":
        discourse.last_subject = subject.actors
    return rows


def finish_events(events: pd.DataFrame, coding: Coding) -> pd.DataFrame:
    """Number the events and add the CAMEO name, Goldstein value, quad class and PLOVER category."""
    if events.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    events = events.reset_index(drop=True)
    events["event_id"] = [f"{a}-s{s:02d}-e{n + 1}" for a, s, n in
                          zip(events["article_id"], events["sentence_id"],
                              events.groupby(["article_id", "sentence_id"]).cumcount())]
    table = coding.cameo.set_index("cameo_code")
    events["event_type"] = events["cameo_code"].map(table["name"])
    events["goldstein"] = events["cameo_code"].map(table["goldstein"]).astype(float)
    events["quad_class"] = events["cameo_code"].map(table["quad_class"]).astype(int)
    events["plover"] = events["cameo_code"].map(table["plover"]).fillna("")
    for column in ("date", "date_earliest", "date_latest"):
        events[column] = ""
    events["date_basis"] = "unknown"
    return events[EVENT_COLUMNS]
