"""Events: sentences and actor mentions -> who did what to whom, by the patterns of data/event_patterns.yaml.

Source and target come from the sentence's structure around the trigger, not from the order of
names: a possessive or an actor adjective ("Iran's air raids against X", "an Iranian drone strike"),
a passive ("was attacked by X"; "X, which has been accused by Y"), the subject of the clause, of a
relative clause ("India's ministry, which summoned ...") or of a support verb ("X launched strikes
on Y"), reported speech ("Tehran claimed it had bombed ..." is an event by Iran, attributed to Iran;
"IRNA reported that nine people were killed when missiles hit" is not IRNA's), coordination ("the
BLF and the BLA"; "... and recalled its envoy" shares the subject), reciprocals ("accused each
other", "traded strikes", "strikes between X and Y") and anaphora ("it", "the two countries", "the
Persian country"). A violent event with no actor as its target targets the state of the place it
names ("struck targets in Panjgur").
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
# "as" opens a clause ("condemned the attack as ..."), except in "described as X", "such as X".
CLAUSE_BARRIER = re.compile(r";|\bwhich\b|\bwho\b|\bwhile\b|\bbut\b|\bwhereas\b|\bbecause\b|\bafter\b|\bbefore\b|"
                            r"\bfollowing\b|(?<!described )(?<!called )(?<!termed )(?<!such )\bas\b|"
                            r",\s*(?:and|but)\b|\band\s+(?:\w+ly\s+)?\w+ed\b",
                            re.IGNORECASE)
RELATIVE_PRONOUN = re.compile(r"which|who", re.IGNORECASE)
FUTURE_OR_NEGATED = re.compile(r"\b(?:will|would|shall|could|might|may|not|never|no|are to|is to|plans? to|"
                               r"planning to|set to|expected to|likely to|threatening to|(?:to be))\s+(?:\w+\s+)?$",
                               re.IGNORECASE)
SUPPORT_VERB = re.compile(r"\b(?:launch(?:ed|es|ing)?|carr(?:ied|ies|y|ying) out|conduct(?:ed|s|ing)?|stag(?:ed|es|ing)|"
                          r"mount(?:ed|s|ing)?|order(?:ed|s)?|responsibility for|behind|(?P<reciprocal>"
                          r"trad(?:ed|es|e|ing)|exchang(?:ed|es|e|ing))|retaliat(?:ed|es|ing)(?:\s+[\w-]+){0,4}?\s+with)"
                          r"\s+(?:[\w“”\"'’-]+\s+){0,4}$", re.IGNORECASE)
PRONOUN = re.compile(r"\b(?:it|its|they|their|them)\b", re.IGNORECASE)
# Pronouns that are never the subject of a clause.
NOT_SUBJECT_PRONOUNS = ("its", "their", "them")
GROUP_ANAPHOR = re.compile(r"\b(?:(?:the|both) (?:two )?(?:neighbou?ring |nuclear-armed |neighbou?r )?(?:countries|nations|"
                           r"neighbou?rs|sides|governments|states)|(?:the|both|its|their) two (?:foreign |prime )?"
                           r"(?:ministers|leaders|neighbou?rs|countries|nations)|both sides|both countries)\b", re.IGNORECASE)
SINGLE_ANAPHOR = re.compile(r"\bthe (?!two\b)(?:[\w-]+ ){0,2}?(?:country|nation|neighbou?r)\b(?![’']s)",
                            re.IGNORECASE)
# A trigger word right after these is a noun ("the attack", "retaliatory strikes"), not a verb; so it is
# after a determiner and up to two modifiers ("the Pulwama attack", "a night-time assault").
NOUN_CONTEXT = re.compile(r"(?:\b(?:the|a|an|this|that|these|those|its|their|his|her|our|following|after|amid|"
                          r"of|for|in|on|to|with|several|multiple|recent|such|any|no|retaliatory|cross-border|"
                          r"tit-for-tat|deadly|first|latest|further|new|similar|other|among|including|previous|earlier|past)|[’']s)\s+$|"
                          r"(?:\b(?:the|a|an|this|that|these|those|its|their|several|multiple|such|any)|[’']s)"
                          r"(?:\s+(?!(?:has|have|had|was|were|is|are|will|would)\b)[\w-]+){1,2}\s+$", re.IGNORECASE)
# A verb-only trigger right after a determiner is a noun the pattern does not code ("the demands").
DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|these|those|its|their)\s+$", re.IGNORECASE)
# "X said the strike had hit ...": the reported clause has a subject of its own that is not an actor.
OWN_SUBJECT = re.compile(r"\s+(?:that\s+)?(?:the|a|an|this|these|those|some|many|several|\d[\d,]*|one|two|three|four|"
                         r"five|six|seven|eight|nine|ten|dozens|scores|hundreds)\b", re.IGNORECASE)
# "... and recalled its envoy": a predicate coordinated with the one before shares its subject.
COORDINATED_PREDICATE = re.compile(r"\b(?:and|but|then)\s+(?:(?:also|later|then|subsequently|\w+ly)\s+)?$",
                                   re.IGNORECASE)
# Words after which a referent continues a list ("of X, Y and Z", "between X and Y").
LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:the\s+)?|\s*,\s*(?:the\s+)?", re.IGNORECASE)
EVENT_NOUNS = r"(?:attacks?|strikes?|air ?strikes?|raids?|bombings?|incursions?|violations?|actions?|operations?|" \
              r"offensives?|assaults?)"
RECIPROCAL = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:each other|one another)\b", re.IGNORECASE)


def is_possessive_pronoun(referent) -> bool:
    """'its', 'their', 'them' point at an actor but are never a clause's subject."""
    return referent.kind == "pronoun" and referent.surface.lower() in NOT_SUBJECT_PRONOUNS


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
    mutual: bool = False
    parties_by_default: bool = False


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
            mutual=bool(entry.get("mutual")),
            parties_by_default=bool(entry.get("parties_by_default")),
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
        if left.prepositional and continues_list(text, left, right):
            right.prepositional, right.locative = True, right.locative or left.locative
    return referents


def continues_list(text: str, left: Referent, right: Referent) -> bool:
    """Whether `right` is the next item of a list that `left` is in: "X and Y", "X, Y and Z".

    A lone comma is not enough: in "In Tehran, the Pakistani envoy ..." the comma closes a phrase.
    """
    between = text[left.end:right.start]
    if not LIST_JOIN.fullmatch(between):
        return False
    return "," not in between or bool(re.search(r"\b(?:and|or)\b", between)) or \
        bool(re.match(r"\s*(?:,|and\b|or\b)", text[right.end:], re.IGNORECASE))


@dataclass
class Discourse:
    """What earlier sentences of the article said: for 'it', 'the country' and 'the attack'."""
    state_counts: dict[str, int] = field(default_factory=dict)
    state_order: list[str] = field(default_factory=list)     # states in order of last mention
    last_subject: list[str] = field(default_factory=list)
    violent_events: list[dict] = field(default_factory=list)
    # per sentence that told violent events: (its events, the top-level actors of its subject)
    violent_told: list[tuple[list[dict], set[str]]] = field(default_factory=list)

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
        # of the last trigger coded, for a coordinated predicate ("... and recalled its envoy")
        self.previous_sources: list[str] = []
        self.previous_targets: list[str] = []

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
            if not referent.prepositional and not is_possessive_pronoun(referent):
                return referent
        return None

    def subject_before(self, position: int) -> tuple[Referent | None, bool]:
        """(the subject of the clause a position is in, settled).

        The nearest subject-like referent before the position, within its clause; for a relative
        clause ("X, which summoned ...") the actor the pronoun stands for. `settled` is True when
        the clause is known to have a subject that is not an actor ("militants who stage attacks",
        "said the strike had hit"): then no other actor may stand in for it.
        """
        for referent in reversed([r for r in self.referents if r.end <= position]):
            between = self.text[referent.end:position]
            barriers = list(CLAUSE_BARRIER.finditer(between))
            if barriers:
                last = barriers[-1]
                if RELATIVE_PRONOUN.fullmatch(last.group()):
                    antecedent = self.relative_antecedent(referent.end + last.start())
                    return antecedent, True
                return None, False
            if self.reports_other_subject(between):
                return None, True
            if referent.prepositional or is_possessive_pronoun(referent):
                continue
            return referent, True
        return None, False

    def relative_antecedent(self, pronoun_start: int) -> Referent | None:
        """The actor a relative pronoun at `pronoun_start` stands for: the referent right before it."""
        for referent in self.referents:
            if referent.end <= pronoun_start and re.fullmatch(r"\s*,?\s*", self.text[referent.end:pronoun_start]):
                return referent
        return None

    def reports_other_subject(self, between: str) -> bool:
        """Whether a stretch holds a verb of saying followed by a non-actor subject ("said the strike ...")."""
        return any(OWN_SUBJECT.match(between[verb.end():]) for verb in self.coding.speech.finditer(between))

    def clause_subject(self, position: int) -> Referent | None:
        """The subject of the clause at a position, else the sentence's subject (unless settled)."""
        subject, settled = self.subject_before(position)
        if subject is None and not settled:
            subject = self.main_subject(before=position)
        return subject

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
            if not re.fullmatch(r"[\s,()“”\"]*(?:and|or|as well as|,|\()[\s,()“”\"]*(?:the\s+|both\s+|his\s+|her\s+|its\s+|their\s+)?", between):
                break
            group.append(other)
        return group

    def targets_after(self, position: int, pattern: EventPattern, own: set[str] = frozenset()) -> list[Referent]:
        """The first actor after the trigger in its clause, with actors coordinated to it.

        Actors of the source's own side are passed over ("bombed what New Delhi described as ...").
        """
        for referent in [r for r in self.referents if r.start >= position]:
            if CLAUSE_BARRIER.search(self.text[position:referent.start]):
                return []
            if referent.locative and not pattern.target_may_be_place:
                continue
            if referent.kind == "pronoun":
                if referent.surface.lower() == "them":
                    return self.plural_before(referent.start)
                continue
            if referent.kind == "name" and all(self.coding.top.get(a, a) in own for a in referent.actors):
                continue
            return self.coordinated(referent, forward=True)
        return []

    def plural_before(self, position: int) -> list[Referent]:
        """What 'them' stands for: the latest group ('both governments') or list of actors before it."""
        for referent in reversed([r for r in self.referents if r.end <= position]):
            if referent.kind == "group":
                return [referent]
            group = self.coordinated(referent, forward=False)
            if len(group) > 1:
                return group
        return []

    def attribution(self, trigger_start: int) -> list[str]:
        """Who the sentence says reported the event: 'X said/claimed ...' or '..., said X'."""
        speakers = [(r.start, r.end, self.resolve(r, r.start)) for r in self.referents if r.kind != "single"]
        return reported_by(self.text, trigger_start, speakers, self.coding.speech)

    def default_parties(self, source_ids: list[str]) -> list[str]:
        """The two states the article names most, less the source's own: the parties of 'offered to mediate'."""
        own = {self.state_of(s) or self.coding.top.get(s, s) for s in source_ids}
        return [state for state in self.discourse.main_pair() if state not in own]

    def place_target(self, match: re.Match, source_ids: list[str]) -> list[str]:
        """'struck targets in Panjgur': the state of a place named after the trigger in its clause,
        when no actor is; not the source's own state (an operation at home has no foreign target)."""
        place_state = state_of_place_after(self.text, match.end(), self.referents, self.coding.places, self)
        own = {self.state_of(s) for s in source_ids}
        return [place_state] if place_state and place_state not in own else []

    def referent_at(self, position: int) -> Referent | None:
        """The referent that starts at a position, or right after a 'the' there ("the two ministers")."""
        article = re.match(r"the\s+", self.text[position:], re.IGNORECASE)
        starts = {position, position + article.end()} if article else {position}
        return next((r for r in self.referents if r.start in starts), None)

    def source_of_nominal(self, match: re.Match, pattern: EventPattern) -> tuple[list[Referent], bool]:
        """(source referents, reciprocal) of a trigger noun; no source for a back-reference.

        Possessive ("Iran's air raids"), 'by X', a support verb ("X launched strikes", "X and Y
        traded strikes"), an actor adjective ("an Iranian missile strike"), 'between X and Y', or
        'with X' after the noun ("strikes with Iran": the clause's subject and X).
        """
        before, after = self.text[:match.start()], self.text[match.end():]
        possessor = [r for r in self.referents if r.end <= match.start() and
                     re.fullmatch(r"[’']s\s+(?:[\w-]+\s+){0,3}", self.text[r.end:match.start()])]
        if possessor:
            return self.coordinated(possessor[-1], forward=False), False
        by = re.match(r"\s+(?:carried out |conducted |launched )?by\s+", after)
        if by and self.referent_at(match.end() + by.end()):
            return self.coordinated(self.referent_at(match.end() + by.end()), forward=True), False
        between = re.match(r"\s+between\s+", after)
        if between and self.referent_at(match.end() + between.end()):
            return self.coordinated(self.referent_at(match.end() + between.end()), forward=True), True
        held = re.search(r"\b(?:in|during|over|on)\s+an?\s+(?:[\w-]+\s+)?$", before, re.IGNORECASE)
        if held and pattern.mutual:
            # "X and Y agreed in a phone call": a call or meeting is held by the clause's subjects
            subject = self.clause_subject(held.start())
            return (self.coordinated(subject, forward=False) if subject else []), False
        support = SUPPORT_VERB.search(before)
        if support and re.search(r"\b(?:after|before|following|since|amid|during|because)\b",
                                 before[support.start():], re.IGNORECASE):
            support = None
        if support:
            subject = self.clause_subject(support.start())
            if subject is not None:
                return self.coordinated(subject, forward=False), bool(support.group("reciprocal"))
            return [], False
        adjective = self.actor_adjective(match.start())
        if adjective is not None:
            return [adjective], False
        partner = re.match(r"\s+with\s+", after)
        if partner and self.referent_at(match.end() + partner.end()):
            subject = self.clause_subject(match.start())
            if subject is not None:
                return [subject, self.referent_at(match.end() + partner.end())], True
        # No actor of its own: "the attack", "following cross-border strikes" tell an event again.
        return [], False

    def actor_adjective(self, position: int) -> Referent | None:
        """'an Iranian missile strike', 'the Pakistani strikes': an actor named just before the noun,
        which it carries out as a possessor would ("Iran's air raids")."""
        for referent in self.referents:
            if referent.kind == "name" and not referent.prepositional and \
                    re.fullmatch(r"\s+(?:[\w-]+\s+){0,1}", self.text[referent.end:position]):
                return referent
        return None

    def source_of_verb(self, match: re.Match, pattern: EventPattern) -> tuple[list[str], list[str]]:
        """(source ids, target ids from the subject) for a verb: active subject, or the agent of a passive."""
        before = self.text[:match.start()]
        if re.search(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", before, re.IGNORECASE):
            by = re.match(r"\s+(?:[\w-]+\s+){0,4}?by\s+", self.text[match.end():])
            agent = self.referent_at(match.end() + by.end()) if by else None
            if agent is not None:
                return self.ids(self.coordinated(agent, True)), self.passive_patient(match, pattern)
            if pattern.violent:     # "X was attacked": the attacker is not named
                return [], []
        if COORDINATED_PREDICATE.search(before):
            if self.previous_sources:
                return self.previous_sources, []
            subject = self.main_subject(before=match.start())
            return (self.ids(self.coordinated(subject, forward=False)) if subject else []), []
        subject = self.clause_subject(match.start())
        if subject is None and pattern.violent and self.names_an_event(self.clause_opening(match.start())):
            # "The operation, codenamed ..., targeted X": by whoever carried out the operation
            return self.referenced_perpetrators_by_subject(), []
        return (self.ids(self.coordinated(subject, forward=False)) if subject else []), []

    def passive_patient(self, match: re.Match, pattern: EventPattern) -> list[str]:
        """Target ids of a passive: its subject ("X was struck by Y"); of an event noun, its actors
        ("The rapprochement between X and Y was welcomed by Z", "Iran's attack ... was condemned by Z")
        or, for 'The strike was condemned by Z', whoever carried out the strike."""
        patient = self.clause_subject(match.start())
        if patient is None:
            earlier = [r for r in self.referents if r.end <= match.start() and r.kind != "pronoun"]
            patient = earlier[0] if earlier else None
        if patient is not None:
            return self.ids(self.coordinated(patient, forward=True))
        if pattern.target_from_reference and self.names_an_event(self.text[:match.start()]):
            return self.referenced_perpetrators_by_subject()
        return []

    def clause_opening(self, position: int) -> str:
        """The text of the clause a position is in, from its start: after the last clause barrier or
        verb of saying ("said the strikes had targeted ...")."""
        starts = [m.end() for m in CLAUSE_BARRIER.finditer(self.text[:position])]
        starts += [m.end() for m in self.coding.speech.finditer(self.text[:position])]
        opening = max(starts, default=0)
        return re.sub(r"^\s*(?:that\b)?", "", self.text[opening:position])

    def names_an_event(self, clause_start: str) -> bool:
        """Whether a sentence opens with an event told before: 'The strike was ...', 'The operation, ...'."""
        return bool(re.match(r"\W*(?:the|this|these|those|that)\s+(?:[\w-]+\s+){0,2}?" + EVENT_NOUNS + r"\b",
                             clause_start, re.IGNORECASE))

    def top(self, actor: str) -> str:
        return self.coding.top.get(actor, actor)

    def code(self, pattern: EventPattern, match: re.Match, nominal: bool) -> list[dict]:
        """The events one trigger makes: one per (source, target) pair."""
        if FUTURE_OR_NEGATED.search(self.text[max(0, match.start() - 30):match.start()]):
            return []
        subject_targets, reciprocal = [], False
        if nominal:
            sources, reciprocal = self.source_of_nominal(match, pattern)
            source_ids = self.ids(sources)
        else:
            source_ids, subject_targets = self.source_of_verb(match, pattern)
        if not source_ids:
            return []
        reciprocal = reciprocal or bool(RECIPROCAL.match(self.text[match.end():])) or "each other" in match.group().lower()
        pairs = self.each_toward_the_others(source_ids) if reciprocal else \
            self.directed_pairs(match, nominal, pattern, source_ids, subject_targets)
        self.previous_sources = source_ids
        return [{"source_actor": s, "target_actor": t, "pattern": pattern, "match": match,
                 "attributed": self.attribution(match.start())} for s, t in pairs]

    def each_toward_the_others(self, source_ids: list[str]) -> list[tuple[str, str]]:
        """'accused each other', 'traded strikes': every actor toward those of the other side(s)."""
        return [(s, t) for s in source_ids for t in source_ids if self.top(t) != self.top(s)]

    def directed_pairs(self, match: re.Match, nominal: bool, pattern: EventPattern, source_ids: list[str],
                       subject_targets: list[str]) -> list[tuple[str, str]]:
        """(source, target) pairs of a one-way trigger; an empty target when none is named."""
        own = {self.top(s) for s in source_ids}
        targets = [t for t in subject_targets or self.target_ids(match, nominal, pattern, source_ids)
                   if t not in source_ids and self.top(t) not in own]
        if not targets and not nominal and COORDINATED_PREDICATE.search(self.text[:match.start()]):
            # "summoned Pakistan's envoy and lodged a strong protest": the protest is to Pakistan too
            targets = [t for t in self.previous_targets if self.top(t) not in own]
        self.previous_targets = targets
        if not targets and pattern.mutual and len(own) > 1:
            # "Iran and Pakistan pledged to de-escalate": each toward the other
            return self.each_toward_the_others(source_ids)
        return [(s, t) for s in source_ids for t in (targets or [""])]

    def target_ids(self, match: re.Match, nominal: bool, pattern: EventPattern, source_ids: list[str]) -> list[str]:
        """The target ids of an active trigger: the actor after it, else what the pattern allows instead."""
        start = match.end() if nominal else match.start() + len(match.group().split()[0])
        own = {self.coding.top.get(s, s) for s in source_ids}
        found = self.ids(self.targets_after(start, pattern, own), exclude=set(source_ids))
        found = [t for t in found if t not in source_ids and self.coding.top.get(t, t) not in own]
        if not found and pattern.target_from_reference:
            found = self.referenced_perpetrators(match.end())
        if not found and pattern.parties_by_default:
            found = self.default_parties(source_ids)
        if not found and pattern.violent:
            found = self.place_target(match, source_ids)
        return found

    def ids(self, referents: list[Referent], exclude: set[str] = frozenset()) -> list[str]:
        found = []
        for referent in referents:
            for actor in self.resolve(referent, referent.start, {self.state_of(a) for a in exclude} | set(exclude)):
                if actor not in found:
                    found.append(actor)
        return found

    def referenced_perpetrators(self, position: int) -> list[str]:
        """'condemned the attack': the sources of the violent event the noun after `position` refers to."""
        if not re.match(r"\s+(?:the|this|these|those|its|their)\s+(?:[\w-]+\s+){0,2}?" + EVENT_NOUNS + r"\b",
                        self.text[position:], re.IGNORECASE):
            return []
        return self.referenced_perpetrators_by_subject()

    def referenced_perpetrators_by_subject(self) -> list[str]:
        """The sources of the violent events of the latest sentence that told any; of those, the ones
        by that sentence's subject when there are some (its main clause tells the event it is about)."""
        if not self.discourse.violent_told:
            return []
        events, subject = self.discourse.violent_told[-1]
        by_subject = [e for e in events if self.coding.top.get(e["source_actor"], e["source_actor"]) in subject]
        return sorted({event["source_actor"] for event in (by_subject or events)})


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
        if verb.group().lower().startswith("according"):
            # "According to Iranian state media, nine ...": the source follows; its head noun comes last
            phrase_end = text.find(",", verb.end(), position)
            named = [s for s in speakers if verb.end() <= s[0] and s[1] <= (phrase_end if phrase_end >= 0 else position)]
            if named and named[-1][2]:
                return named[-1][2]
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
    found = [item for item in found if _reading_fits(item, found, text)]
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
    tail = re.match(r"\W*(?:[\w-]+\s+){0,3}?(?:with|using|by means of|in)\s+", text[match.end():])
    if not tail:
        return None
    rest = text[match.end() + tail.end():]
    for other in patterns:
        if other.violent and other.nouns is not None:
            weapon = other.nouns.match(rest) or other.nouns.match(re.sub(r"^(?:[\w-]+\s+)", "", rest))
            if weapon:
                return other.cameo
    return None


def _reading_fits(item, found, text: str) -> bool:
    """Whether a trigger is read as the form (verb or noun) its context calls for."""
    before = text[:item[3].start()]
    if item[4] == bool(NOUN_CONTEXT.search(before)):
        return True
    if _has_other_reading(item, found):
        return False
    return item[4] or not DETERMINER_BEFORE.search(before)


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
    opening = max([0] + [m.end() for m in CLAUSE_BARRIER.finditer(text[:position])])
    named = named_places(text, referents, places, coder)
    after = places_after(text, position, named)
    before = sorted((item for item in named if opening <= item[0] < position), reverse=True)
    # a named place beats a country named as a place
    for group in (after, before):
        for item in sorted(group, key=lambda item: (item[1] == coder.actor_name(item[2]),)):
            return item[1], item[2]
    return "", ""


def named_places(text: str, referents: list[Referent], places: pd.DataFrame,
                 coder: SentenceCoder) -> list[tuple[int, str, str]]:
    """(position, place, state) of the known places and the states named as places in a sentence."""
    named = []
    for place, country in zip(places["place"], places["country"]):
        named += [(m.start(), place, country) for m in re.finditer(rf"(?<![\w-]){re.escape(place)}(?![\w-])", text)]
    named += [(r.start, coder.actor_name(coder.state_of(r.actors[0])) or r.surface, coder.state_of(r.actors[0]))
              for r in referents if r.locative and r.kind == "name"]
    return named


def places_after(text: str, position: int, named: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The named places after a position, up to the end of its clause, in text order."""
    barrier = CLAUSE_BARRIER.search(text, position)
    limit = barrier.start() if barrier else len(text)
    return sorted(item for item in named if position <= item[0] < limit)


def state_of_place_after(text: str, position: int, referents: list[Referent], places: pd.DataFrame,
                         coder: SentenceCoder) -> str:
    """The state of the first place after a position in its clause that has one, else ''."""
    return next((state for _, _, state in places_after(text, position, named_places(text, referents, places, coder))
                 if state), "")


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
    if subject is None:
        discourse.last_subject = []      # "Traders said ... They appealed": not an actor from further back
    if any(row["violent"] for row in rows):
        subject_tops = {coding.top.get(a, a) for a in (coder.resolve(subject, subject.start) if subject else [])}
        discourse.violent_told.append(([row for row in rows if row["violent"]], subject_tops))
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
