"""Events: parsed sentences and actor mentions -> who did what to whom, by the patterns of the data files.

Read off the dependency tree of each sentence:

- the trigger: a verb of the pattern book (its lemma), or a nominal trigger ("air strikes", "the
  expulsion of"); its code is that of the most specific pattern its roles satisfy (object,
  preposition + noun, subject, complement), see `patterns.py`;
- the source: the subject, the passive's agent ("was expelled by X"), the subject shared by
  coordinated predicates ("... and recalled its envoy"), the controller of a complement ("agreed to
  de-escalate"), the noun a relative clause modifies ("India, which summoned ..."); for a nominal
  trigger its possessor ("Iran's strikes"), an actor adjective ("Pakistani drones"), "by X",
  "between X and Y", or the subject of the verb it is the object of ("X launched strikes");
- the target: the object, the actors inside it ("expelled Pakistan's envoy"), the pattern's
  preposition object, a target preposition ("on", "against", "with" ...), the passive's subject;
  for a violent act with no actor as target, the state of the place it hit ("struck camps in Panjgur");
- the frame, from the words that govern the trigger: reported speech ("X said Y did Z": Y's act,
  attributed to X), negation and hypotheticals (not coded), futures, plans and commitments (the act's
  intent code, 03x or 13x), threats (13x), appeals ("urged X to ...", 02x), demands, refusals (12x)
  and denials (016); `data/cameo.csv` holds the intent, appeal and refusal code of each act.

Who "it", "the two countries" or "the Caucasus republic" are is left to `referents.py`. A nominal
trigger with no actor of its own ("the attack", "following the strikes") tells an event again and is
not coded again; "condemned the attack" targets whoever carried it out. Dates are left to
`dates.resolve_dates`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc, Token

from .datetext import MONTHS
from .parse import TIME_NOUNS, offset_of
from .patterns import (VIOLENT_ROOTS, Coding, Entry, PatternBook, Roles, choose_coding, load_cameo_table,
                       load_pattern_book)
from .referents import SUBJECTS, ActorIndex, Discourse, SentenceReader, body_nouns

EVENT_COLUMNS = ["event_id", "article_id", "sentence_id", "source_actor", "target_actor", "cameo_code",
                 "event_type", "goldstein", "quad_class", "plover", "date", "date_earliest", "date_latest",
                 "date_basis", "location", "location_country", "attributed_to", "trigger",
                 "trigger_start", "trigger_end", "pattern", "violent"]

OBJECTS = {"obj", "iobj"}
RELATIVE_PRONOUNS = {"which", "who", "whom", "that", "whose"}
GENERIC_INTENT = "030"       # express intent to cooperate, not specified below
MEETING = "040"              # consult: a meeting, whose place is never its other party
GENERIC_DEMAND = "100"       # demand, not specified below
GENERIC_APPEAL = "020"       # make an appeal or request, not specified below
GENERIC_ENTRY = Entry(id="intent", origin="curated", code=GENERIC_INTENT, label="commits to", mutual=True)
CENSURE = "111"              # criticize or denounce
CENSURE_ENTRY = Entry(id="censure", origin="curated", code=CENSURE, label="condemns")
PRAISE = "051"               # praise or endorse: "welcomed the accord" is aimed at its parties
PRAISES = {PRAISE, "052"}    # and PETRARCH's "welcomed the decision", a verbal defence
THREAT_ENTRY = Entry(id="threaten", origin="curated", code="130", label="threatens")
CONFLICTUAL_ROOT = "10"      # codes from here on (demands to violence) are hostile
DEED_ROOT = "15"             # and from here on deeds, not words: what "the move", "the steps" refer to
OBLIQUES = {"obl", "obl:agent", "obl:unmarked", "nmod"}
# Prepositions whose object can be what an act is done to or with.
TARGET_CASES = {"on", "against", "at", "upon", "to", "toward", "towards", "with", "from", "into", "onto",
                "targeting", "over", "outside", "out"}
BACKGROUND_CASES = {"following", "after", "since", "amid", "before", "despite", "during", "over"}
LOCATIVE_CASES = {"in", "into", "inside", "within", "across", "near", "along"}
CONDITIONS = {"if", "unless", "whether"}
# "brought its people home without breaking off relations": what the clause says was not done
NOT_DONE = {"without"}
NEGATIONS = {"not", "n't", "never", "no"}
OPENING_QUOTES = {"\"", "“", "‘", "'"}


def lemma_of(token: Token) -> str:
    """The lemma, with a hyphenated prefix put back ('de-escalate', 'counter-attack')."""
    lemma = token.lemma_.lower()
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        return f"{doc[i - 2].lower_}-{lemma}"
    return lemma


def noun_forms(token: Token) -> list[str]:
    """The forms a noun is looked up by: its lemma, its word, and the word made singular, for a
    capitalised plural the lemmatizer leaves as it is ('Clashes between ...')."""
    word = token.lower_
    return list(dict.fromkeys([lemma_of(token), token.lemma_.lower(), word] +
                              ([word[:-2]] if word.endswith("es") else []) + ([word[:-1]] if word.endswith("s") else [])))


def object_infinitives(objects: list[Token]) -> list[Token]:
    """'ordered the envoy to leave' read as 'the envoy to leave': the infinitive still completes the verb."""
    return [c for o in objects for c in o.children if c.dep_ == "acl" and any(m.lower_ == "to" for m in c.children)]


def is_time(token: Token) -> bool:
    """'on Monday', 'on Sunday evening', 'on 5 March': a phrase that says on which day."""
    return (token.lower_ in TIME_NOUNS or token.lower_ in MONTHS) and \
        any(c.dep_ == "case" and c.lower_ == "on" for c in token.children)


def quoted_appositions(objects: list[Token]) -> list[Token]:
    """'called the ban "abhorrent"', read as an apposition of the object: the quoted word is what
    the verb makes of the object."""
    return [c for o in objects for c in o.children if c.dep_ == "appos" and c.i > o.i + 1 and
            c.doc[c.i - 1].text in OPENING_QUOTES]


def noun_modifiers(token: Token) -> list[Token]:
    """The adjectives and nouns before a noun, with an adjective of such a noun: 'a Syrian air
    strike', parsed with 'Syrian' on 'air'."""
    modifiers = [c for c in token.children if c.dep_ in {"amod", "compound"}]
    return modifiers + [g for c in modifiers if c.dep_ == "compound" for g in c.children if g.dep_ == "amod"]


def phrase_forms(token: Token) -> set[str]:
    """What a pattern item can say of a phrase: its head ('aid') and its head with the words that
    modify it ('military aid', 'improvised explosive device')."""
    head = lemma_of(token)
    modifiers = [c for c in token.lefts if c.dep_ in {"compound", "amod"}]
    forms = {head, token.lemma_.lower()}
    if token.pos_ == "PROPN":     # "Deputy Foreign Minister Abbas Araghchi" is also a minister
        forms |= {lemma_of(c) for c in token.lefts if c.dep_ in {"compound", "nmod:desc"} and c.pos_ in {"NOUN", "PROPN"}}
    for modifier in modifiers:
        forms.add(f"{lemma_of(modifier)} {head}")
        forms |= {f"{lemma_of(inner)} {lemma_of(modifier)} {head}" for inner in modifier.lefts
                  if inner.dep_ in {"compound", "amod"}}
    if len(modifiers) >= 2:
        forms.add(" ".join([lemma_of(m) for m in modifiers[-2:]] + [head]))
    return forms


@dataclass(frozen=True)
class CodeTable:
    """What the coder reads of data/cameo.csv: the codes, their quad class, and the code of intending,
    appealing for and refusing each act."""
    known: frozenset[str]
    quad: dict[str, str]
    intent: dict[str, str]
    appeal: dict[str, str]
    reject: dict[str, str]

    @classmethod
    def of(cls, cameo: pd.DataFrame) -> "CodeTable":
        column = lambda name: dict(zip(cameo["cameo_code"], cameo[name]))  # noqa: E731
        return cls(frozenset(cameo["cameo_code"]), column("quad_class"), column("intent_code"),
                   column("appeal_code"), column("reject_code"))


@dataclass
class Frame:
    """How the sentence presents a trigger: done, negated, intended, threatened, appealed for ..."""
    kind: str = "act"            # act | unreal | intent | threat | appeal | demand | refusal | denial
    governor: Token | None = None
    speakers: list[Token] = field(default_factory=list)
    addressed: Token | None = None   # "Both governments, X said, should show restraint": that clause
    deciders: list[Token] = field(default_factory=list)    # "decided to", "ordered": coded as the act
    governor_coded: bool = False     # the governor is an act of its own too ("urged X to A and to B")


@dataclass
class Told:
    """One coded trigger of a sentence, before it becomes rows."""
    token: Token
    coding: Coding
    sources: list[str]
    targets: list[str]
    reciprocal: bool
    attributed: list[str]
    location: tuple[str, str]
    frame: str = "act"


class SentenceCoder:
    """Codes one parsed sentence, given what the article said before it."""

    def __init__(self, doc: Doc, reader: SentenceReader, book: PatternBook, codes: "CodeTable",
                 discourse: Discourse):
        self.doc, self.reader, self.book, self.discourse = doc, reader, book, discourse
        self.index = reader.index
        self.intent, self.appeal, self.reject = codes.intent, codes.appeal, codes.reject
        self.known, self.quad = codes.known, codes.quad
        self.consumed: set[int] = set()      # frame verbs whose complement was coded instead of them

    def words(self, key: str) -> frozenset[str]:
        return self.book.words(key)

    # --- triggers -----------------------------------------------------------------------------

    def verb_lemma(self, token: Token) -> str:
        """The verb's lemma; a form the lemmatizer left as it was ('struck') is looked up in the
        inflections the pattern book knows."""
        lemma = lemma_of(token)
        known = self.book.verb_forms.get(token.lower_)
        if known and (lemma == token.lower_ or lemma not in self.book.verbs):
            return known
        return lemma

    @staticmethod
    def is_nominal_subject(token: Token) -> bool:
        """A subject the tagger took for a verb: a gerund ('Fighting broke out') or a capitalised
        plural ('Clashes between ...'); with no object or subject of its own, it is a noun."""
        return token.dep_ in {"nsubj", "nsubj:pass"} and token.tag_.startswith("VB") and \
            not any(c.dep_ in OBJECTS | {"nsubj", "nsubj:pass", "mark", "aux"} for c in token.children)

    def is_verb(self, token: Token) -> bool:
        """A verb, or a word the tagger took for a noun that governs like a verb ('Tehran condemns X')."""
        if token.dep_ in {"amod", "compound"} or self.is_nominal_subject(token):
            return False
        if token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX"):
            return True
        if token.dep_ in {"xcomp", "ccomp", "advcl", "conj", "ROOT"} and "-" in lemma_of(token) and \
                lemma_of(token) in self.book.verbs:
            return True          # "agreed to de-escalate": the tagger reads the hyphenated verb's tail as an adjective
        if token.pos_ == "ADJ" and token.dep_ in {"ccomp", "ROOT", "conj", "advcl"} and \
                any(c.dep_ in {"nsubj", "expl", "cop"} for c in token.children) and \
                self.book.verb_forms.get(token.lower_, "") in self.book.verbs:
            return True          # "it was committed to good relations": a participle read as an adjective
        if token.pos_ not in {"NOUN", "PROPN"} or self.book.verb_forms.get(token.lower_, "") not in self.book.verbs:
            return False
        # "Guinea cut ties", read as a noun with a compound before it
        return self.headline_subject(token) is not None or \
            (token.tag_ in {"NNS", "VBZ"} and any(c.dep_ in {"nsubj", "obj"} for c in token.children))

    def headline_subject(self, token: Token) -> Token | None:
        """'Tehran condemns Pakistani strikes': in a headline the tagger may read the verb as a plural
        noun and its subject as a compound before it; the name before a root 'noun' with an object
        is its subject."""
        if token.dep_ != "ROOT" or not any(c.dep_ == "obj" for c in token.children):
            return None
        return next((c for c in token.children if c.dep_ == "compound" and c.i < token.i and
                     (c.pos_ == "PROPN" or self.reader.named(c))), None)

    def noun_coding(self, token: Token) -> Coding | None:
        if token.pos_ not in {"NOUN", "PROPN"} and not self.is_nominal_subject(token) or token.dep_ == "compound":
            return None
        # "the closure of its airspace" is an airspace closure
        modifying = [c for c in token.children if c.dep_ in {"compound", "amod"} or
                     (c.dep_ == "nmod" and self.reader.case_of(c) == "of")]
        modifiers = frozenset(lemma_of(c) for c in modifying) | frozenset(c.lower_ for c in modifying)
        found = next((entries for form in noun_forms(token) if (entries := self.book.noun_entries(form, modifiers))), None)
        if not found:
            return None
        size, entry = max(found, key=lambda item: item[0])
        return Coding(entry.code, entry, None) if entry.code else None

    def verb_coding(self, token: Token) -> Coding | None:
        lemma = self.verb_lemma(token)
        if lemma in self.words("reciprocal") and any(c.dep_ in OBJECTS and self.noun_coding(c) for c in token.children):
            return None      # "traded missile strikes": the strikes are the act, each side's toward the other
        roles = self.roles(token)
        entries = self.book.verb_entries(lemma, roles.particles)
        if not entries:
            return None
        return choose_coding(entries, roles, lemma, passive=self.is_passive(token))

    def roles(self, token: Token) -> Roles:
        children = list(token.children)
        passive = self.is_passive(token)
        objects = [c for c in children if c.dep_ in OBJECTS or (passive and c.dep_ == "nsubj:pass")
                   or (c.dep_ == "xcomp" and c.pos_ == "NOUN") or self.is_particle_object(c)]
        # "rejected as baseless the accusation", parsed with the object under "baseless"
        objects += [g for c in children if c.dep_ in OBLIQUES and self.reader.case_of(c) == "as"
                    for g in c.children if g.dep_ in OBJECTS]
        if token.dep_ in {"acl:relcl", "relcl"}:   # "a charge (which) New Delhi rejects": the antecedent
            objects = [token.head if o.lower_ in RELATIVE_PRONOUNS else o for o in objects]
            if not objects and not passive and \
                    any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in children):
                objects = [token.head]
        objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
        # "closed Raja-Jooseppi, the last crossing still open": a name is also what its apposition says it is
        objects += [c for o in objects if o.pos_ == "PROPN" for c in o.children if c.dep_ == "appos"] + \
            [c for c in children if c.dep_ == "appos" and objects]     # the apposition hung on the verb
        objects += [c for o in objects if o.lemma_.lower() in self.words("partitive_nouns")
                    for c in o.children if c.dep_ == "nmod" and self.reader.case_of(c) == "of"]  # "a round of talks"
        subjects = [c for c in children if c.dep_ in {"nsubj", "csubj"}]
        # "hundreds of protesters gathered": the counted noun says who
        subjects += [c for s in subjects if s.lemma_.lower() in self.words("quantity_nouns")
                     for c in s.children if c.dep_ == "nmod" and self.reader.case_of(c) == "of"]
        # "demanded an apology on Monday": when is no role of a pattern ("push on" is an advance)
        obliques = [c for c in children if c.dep_ in OBLIQUES and not is_time(c)] + \
            [n for o in objects for n in o.children if n.dep_ == "nmod" and not is_time(n)]
        # "answered with a wave of air strikes": the strikes, with the wave's preposition
        preps_of_parts = [(self.reader.case_of(c), form) for c in obliques if c.lemma_.lower() in self.words("partitive_nouns")
                          for n in c.children if n.dep_ == "nmod" and self.reader.case_of(n) == "of"
                          for form in phrase_forms(n)]
        preps = [(self.reader.case_of(c), form) for c in obliques for form in phrase_forms(c)]
        # "described the raid as an act of aggression"
        preps += [("as", lemma_of(n)) for c in obliques if self.reader.case_of(c) == "as"
                  for n in c.children if n.dep_ == "amod" or (n.dep_ == "nmod" and self.reader.case_of(n) == "of")]
        preps += preps_of_parts + [(case, "") for case in map(self.reader.case_of, obliques)]
        particles = {c.lower_ for c in children if c.dep_ in {"compound:prt", "advmod"}}
        return Roles(
            subjects=frozenset(form for s in subjects for form in phrase_forms(s)),
            objects=frozenset(form for o in objects for form in phrase_forms(o)),
            object_modifiers=frozenset(lemma_of(m) for o in objects for m in o.children
                                       if m.dep_ in {"amod", "compound"}),
            prepositions=frozenset((case, noun) for case, noun in preps if case),
            complements=frozenset(form for c in children + object_infinitives(objects) + quoted_appositions(objects)
                                  if c.dep_ in {"xcomp", "ccomp", "advcl", "acl", "appos"} or self.is_second_object(c)
                                  for form in self.complement_forms(c)),
            particles=frozenset(particles | {case for case, _ in preps if case}),
        )

    @staticmethod
    def is_second_object(token: Token) -> bool:
        """'called the Netherlands "the capital of fascism"', parsed with two objects: the second is
        what the verb makes of the first."""
        return token.dep_ == "obj" and any(c.dep_ == "obj" and c.i < token.i for c in token.head.children)

    @staticmethod
    def is_particle_object(token: Token) -> bool:
        """'breaking off relations', 'throws out Sweden's envoy': parsed as an oblique whose case is
        the particle ('off', 'out'), right after the verb."""
        return token.dep_ in OBLIQUES and any(c.dep_ == "case" and (c.tag_ == "RP" or (
            c.lower_ in {"off", "out"} and c.i == token.head.i + 1)) for c in token.children)

    def complement_forms(self, token: Token) -> set[str]:
        """'to leave' -> {leave}; 'not to return' -> {not return}: a pattern can ask for either."""
        if token.dep_ == "advcl" and not self.is_infinitive(token) and \
                not any(c.dep_ == "mark" and c.lower_ == "in" for c in token.children):
            return set()     # but "offered help in ending the crisis" says what for
        lemma = self.verb_lemma(token) if token.pos_ == "VERB" else lemma_of(token)
        if self.negated(token):
            return {f"not {lemma}"}
        # "called the Netherlands the capital of fascism", "called the move an unjustifiable
        # intervention": what the noun is of, and its adjectives, say it too
        # "called the expulsions unjustified": a participle is also an adjective
        participle = {token.lower_} if token.tag_ == "VBN" else set()
        described = [c for c in token.children if token.pos_ == "NOUN" and (
            c.dep_ == "amod" or (c.dep_ == "nmod" and self.reader.case_of(c) == "of"))]
        return {lemma} | participle | {lemma_of(c) for c in described} | \
            {c.lower_ for c in described if c.tag_ == "VBN"}

    @staticmethod
    def is_passive(token: Token) -> bool:
        if any(c.dep_ in {"nsubj:pass", "aux:pass"} for c in token.children):
            return True
        # "the village struck by drones"; but "drones struck a village", which the parser may hang
        # on "drones" too, has an object
        return token.dep_ == "acl" and token.tag_ == "VBN" and not any(c.dep_ == "obj" for c in token.children)

    # --- the frame ------------------------------------------------------------------------------

    def negated(self, token: Token) -> bool:
        return any(c.lower_ in NEGATIONS and c.dep_ in {"advmod", "det", "neg"} for c in token.children)

    def modality(self, token: Token) -> str:
        """'unreal' (negated, hypothetical, conditional), 'intent' (future), 'demand' (must), 'appeal'
        (should), else ''."""
        if self.negated(token) or any(c.dep_ == "mark" and c.lower_ in CONDITIONS | NOT_DONE for c in token.children):
            return "unreal"
        auxiliaries = {c.lemma_.lower() for c in token.children if c.dep_ == "aux"} | \
            {c.lower_ for c in token.children if c.dep_ == "aux"}
        if auxiliaries & self.words("hypothetical"):
            return "unreal"
        if auxiliaries & self.words("obligation"):
            return "demand"
        if auxiliaries & self.words("recommendation"):
            return "appeal"
        if auxiliaries & self.words("future") or \
                any(c.dep_ == "mark" and c.lower_ in self.words("readiness") for c in token.children):
            return "intent"          # "are due to meet", read with "due to" as the verb's marker
        return ""

    def frame(self, token: Token) -> Frame:
        """Climb from the trigger through the words that govern it, collecting what they make of it."""
        frame, current = Frame(), token
        while True:
            modal = self.modality(current)
            if modal == "unreal":
                return Frame("unreal")
            if modal and frame.kind == "act":
                frame.kind = modal
                if modal in {"demand", "appeal"}:
                    frame.addressed = current
            head, dep = current.head, current.dep_
            if head is current:
                return frame
            lemma = self.verb_lemma(head) if head.pos_ in {"VERB", "AUX"} else head.lemma_.lower()
            if self.is_prevented(current, lemma):
                return Frame("unreal")
            if dep in {"xcomp", "ccomp", "advcl"} and self.is_infinitive(current):
                if lemma in self.words("speech"):
                    frame.speakers.append(head)     # "Tehran claimed to have bombed": attributed to Tehran
                kind = self.governing_kind(lemma, head)
                if kind == "purpose":
                    return Frame("unreal")
                if kind not in {"act", "decision"}:
                    if frame.kind != "act":        # "agreed to stop plans to ..." : too far from an act
                        return Frame("unreal")
                    frame.kind, frame.governor = kind, head
                elif kind == "decision":
                    frame.deciders.append(head)    # "decided to expel": the expulsion, not the decision
                current = head
                continue
            if dep == "acl" and self.is_infinitive(current) and head.dep_ in OBJECTS and self.is_verb(head.head) \
                    and self.verb_lemma(head.head) in self.words("causation"):
                current = head.head         # "prompted Armenia to recall its ambassador": Armenia's act
                continue
            if dep == "acl" and self.is_infinitive(current) and head.dep_ in OBJECTS and self.is_verb(head.head) \
                    and self.governing_kind(self.verb_lemma(head.head), head.head) not in {"purpose", "act"}:
                # "urged Sudan and Chad to exercise restraint", the infinitive hung on the object
                kind = self.governing_kind(self.verb_lemma(head.head), head.head)
                if kind != "decision":
                    if frame.kind != "act":
                        return Frame("unreal")
                    frame.kind, frame.governor = kind, head.head
                current = head.head
                continue
            if dep == "acl" and self.is_infinitive(current) and head.lemma_.lower() in self.words("intent_nouns"):
                # "signalled a desire to calm tensions": the intention of whoever signalled it
                if frame.kind != "act":
                    return Frame("unreal")
                frame.kind = "act" if head.lemma_.lower() == "decision" else "intent"
                current = head.head if head.dep_ in OBJECTS | {"nsubj", "nsubj:pass"} else head
                continue
            if dep == "ccomp" and lemma in self.words("wishes") and self.has_other_subject(current, head):
                # "China hoped the two sides would exercise restraint": China's appeal to them
                if frame.kind not in {"act", "intent"}:
                    return Frame("unreal")
                frame.kind, frame.governor, frame.addressed = "appeal", head, current
                current = head
                continue
            if dep == "ccomp" and lemma in self.words("speech"):
                frame.speakers.append(head)
                current = head
                continue
            if self.joined_in(current):
                frame.deciders.append(head)     # "joined Washington in criticising": the criticism is the act
                current = head
                continue
            if dep == "ccomp" and lemma in self.words("denial"):
                return Frame("denial", head)
            if dep == "ccomp" and lemma in self.words("demand"):
                frame.kind, frame.governor = "demand", head
                current = head
                continue
            if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in current.children):
                return Frame("unreal")
            if self.is_alleged(current) or \
                    dep == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in self.words("allegation_nouns"):
                return Frame("unreal")     # "accused Kabul of sheltering the Taliban": alleged, not told
            if dep == "conj" and self.is_infinitive(current) and lemma in self.words("appeal") | self.words("demand"):
                # "urged X to exercise restraint and to resolve ...", the second infinitive coordinated
                # with the verb of the appeal by the parser
                if frame.kind != "act":
                    return Frame("unreal")
                frame.kind, frame.governor, frame.governor_coded = self.governing_kind(lemma, head), head, True
                current = head
                continue
            if dep in {"conj"} and head.pos_ in {"VERB", "AUX"}:
                current = head           # coordinated predicates share their frame ("said it would X and Y")
                continue
            return frame

    def is_alleged(self, clause: Token) -> bool:
        """'accused X of sheltering Y', 'condemned X for violating': the clause an allegation governs,
        hung on the verb or on the accused."""
        if not any(c.dep_ in {"mark", "case"} and c.lower_ in {"of", "for"} for c in clause.children):
            return False
        head = clause.head
        if clause.dep_ == "acl" and head.dep_ in OBJECTS:
            head = head.head
        elif clause.dep_ not in {"advcl", "acl", "obl", "nmod"}:
            return False
        lemma = self.verb_lemma(head) if head.pos_ in {"VERB", "AUX"} else head.lemma_.lower()
        return lemma in self.words("allegation")

    def is_prevented(self, clause: Token, governor_lemma: str) -> bool:
        """'barred its citizens from travelling', 'refrain from escalating', 'avoid widening the war':
        a clause its governor keeps from happening."""
        if governor_lemma not in self.words("prevention") or clause.dep_ not in {"advcl", "xcomp", "ccomp", "obl", "acl"}:
            return False
        marked = any(c.dep_ in {"mark", "case"} and c.lower_ == "from" for c in clause.children)
        return marked or (clause.tag_ == "VBG" and governor_lemma in {"avoid", "refrain", "abstain"})

    def joined_in(self, clause: Token) -> bool:
        """'joined Washington in criticising the raid': the clause is an act of both."""
        return clause.dep_ == "advcl" and self.is_verb(clause.head) and \
            self.verb_lemma(clause.head) in self.words("accompaniment") and \
            any(c.dep_ in {"mark", "case"} and c.lower_ == "in" for c in clause.children)

    def has_other_subject(self, clause: Token, governor: Token) -> bool:
        """Whether a clause's subject is another party than its governor's ('hoped the two sides would')."""
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
        if subject is None or subject.lower_ in {"it", "they", "he", "she", "we", "i"}:
            return False
        theirs = self.reader.actors_of(subject)
        ours = self.verb_sources(governor)
        return bool(theirs) and not any(self.index.same_side(a, b) for a in theirs for b in ours)

    @staticmethod
    def is_infinitive(token: Token) -> bool:
        return token.dep_ == "xcomp" or any(c.lower_ == "to" and c.dep_ == "mark" for c in token.children)

    def governing_kind(self, lemma: str, head: Token) -> str:
        if lemma in self.words("instruction") and any(c.dep_ in OBJECTS for c in head.children):
            return "demand"            # "told London to cut its staff": a demand, not London's act
        if lemma in self.words("speech"):
            return "act"               # "Tehran claimed to have bombed ...": Tehran's act, as it says
        if lemma in self.words("causation") and any(c.dep_ in OBJECTS for c in head.children):
            return "act"               # "prompting Moldova to summon the envoy": Moldova's act
        for kind in ("intent", "readiness", "threat", "appeal", "demand", "decision", "refusal", "denial", "failure"):
            if lemma in self.words(kind):
                return {"readiness": "intent", "failure": "unreal"}.get(kind, kind)
        if head.dep_ == "ROOT" and head.lemma_ == "be":      # "Pakistan is to expel ..."
            return "intent"
        if any(c.dep_ in OBJECTS and c.lemma_.lower() in self.words("intent_nouns") for c in head.children):
            return "intent"                                  # "signalled a desire to calm tensions"
        if lemma in self.words("dispatch") and head.tag_ in {"VBD", "VBN"}:
            return "act"             # "sent jets to bomb targets": told as done, the mission is the act
        return "purpose" if head.pos_ in {"VERB", "NOUN"} else "act"

    # --- sources and targets ----------------------------------------------------------------------

    def verb_sources(self, token: Token, seen: frozenset[int] = frozenset()) -> list[str]:
        """The actors who did what a verb says: subject, passive agent, or a governing clause's."""
        if token.i in seen:
            return []
        seen = seen | {token.i}
        if self.is_passive(token):
            agent = next((c for c in token.children if c.dep_ == "obl:agent" or
                          (c.dep_ == "obl" and self.reader.case_of(c) == "by")), None)
            if agent is not None:
                return self.reader.actors_of(agent)
            patient = next((c for c in token.children if c.dep_ == "nsubj:pass"), None)
            if patient is None:
                return []
            if self.verb_lemma(token) in self.words("readiness") | self.words("intent"):
                return self.reader.actors_of(patient)       # "X was prepared to"
            # "X's ambassador was recalled", "was called home": by X
            if self.verb_lemma(token) in self.words("withdrawal") or any(c.lower_ == "home" for c in token.children):
                owners = [self.index.state_of(a) for a in self.reader.modifier_actors(patient, allow_pronoun=False)]
                return [state for state in dict.fromkeys(owners) if state]
            if self.verb_lemma(token) in self.words("summons"):
                return self.summoner(token, patient)
            return []
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "csubj"} or
                    (c.dep_ == "expl" and c.lower_ in {"it", "they"})]
        if subjects:        # "Islamabad, Kabul agree ...": a headline's list without its 'and'
            subjects = [c for c in token.lefts if c.dep_ == "vocative" and self.reader.named(c)] + subjects
        if not subjects and token.pos_ in {"NOUN", "PROPN"} and self.headline_subject(token) is not None:
            subjects = [self.headline_subject(token)]
        if not subjects:       # "Hezbollah denied ...": a name before the verb that the parser left unattached,
            # or read as an adverb ("Moscow, for its part, has accused Kyiv")
            subjects = [c for c in token.children if c.i < token.i and (
                c.dep_ in {"vocative", "dep"} and c.pos_ in {"PROPN", "NOUN"} or
                c.dep_ == "advmod" and c.tag_ == "RB" and c.is_title and self.reader.named(c))]
        if subjects:
            found = []
            for subject in subjects:     # "the BLF and the BLA have claimed": two subjects when the parse splits them
                if subject.lower_ in {"which", "who", "that"}:
                    found += self.reader.relative_antecedent(subject)
                else:
                    found += self.reader.actors_of(subject)
            if not found and token.dep_ == "conj" and self.is_verb(token.head) and \
                    all(self.unknown_speaker(subject) for subject in subjects):
                # "the State Department criticised ..., and spokesman Matthew Miller urged ...": a
                # person the dictionary does not know, in the same story as the subject before
                return self.verb_sources(token.head, seen)
            if not found and self.is_violent_verb(token) and self.verb_coding(token).curated:
                # "Thursday's retaliatory strikes hit hideouts": the strikes the article told
                event_nouns = [subject for subject in subjects if self.is_event_noun(subject)]
                if event_nouns:
                    return self.told_perpetrators(token)
            return list(dict.fromkeys(found))
        head = token.head
        # "Burundi shuts border, accuses neighbour ...": a headline's predicates without their "and"
        if (token.dep_ == "conj" or (token.dep_ == "parataxis" and self.doc.user_data.get("unpunctuated"))) \
                and (head.pos_ in {"VERB", "AUX"} or self.is_verb(head)):
            found = self.verb_sources(head, seen)
            if not found:       # "X said that the strikes had killed civilians, and vowed revenge": X's
                speaker = next((a for a in head.ancestors if a.pos_ in {"VERB", "AUX"} and a.i < token.i), None)
                found = self.verb_sources(speaker, seen) if speaker is not None else []
            return found
        if token.dep_ == "advcl" and token.tag_ == "VBG" and head.dep_ == "acl" and head.head.dep_ in OBJECTS:
            # "ordered the envoy to leave, accusing Paris ...": the participle is the clause's, not the envoy's
            return self.verb_sources(head.head.head, seen)
        if self.joined_in(token):
            joined = [a for c in head.children if c.dep_ in OBJECTS for a in self.reader.actors_of(c)]
            return list(dict.fromkeys(self.verb_sources(head, seen) + joined))   # both who joined and whom
        if token.dep_ in {"xcomp", "advcl", "ccomp"} and head.pos_ in {"VERB", "AUX", "ADJ"} and \
                (self.is_infinitive(token) or token.tag_ in {"VB", "VBG"}):
            # a complement without a subject of its own: the governing verb's ("denied carrying out",
            # "claimed to have bombed"); a finite clause ("which X claimed killed ...") has its own
            if self.verb_lemma(head) in self.words("appeal") | self.words("demand") | self.words("causation"):
                addressee = self.addressees(head)
                if addressee:
                    return addressee
            return self.verb_sources(head, seen)
        if token.dep_ == "acl" and self.is_infinitive(token) and head.lemma_.lower() in self.words("intent_nouns"):
            owner = self.reader.actors_of(head)          # "Iran's desire to ..." or "X signalled a desire to ..."
            return owner or (self.verb_sources(head.head, seen) if head.dep_ in OBJECTS else [])
        if token.dep_ == "acl" and self.is_infinitive(token) and head.dep_ in OBJECTS and self.is_verb(head.head):
            return self.reader.actors_of(head)       # "urged Sudan and Chad to exercise restraint"
        if token.dep_ in {"acl:relcl", "relcl", "acl"}:
            return self.reader.actors_of(head) or self.reader.issuer(head)
        return []

    def summoner(self, token: Token, envoy: Token) -> list[str]:
        """'Canada's envoy was summoned to the foreign ministry': summoned by the state whose ministry
        it is, else, when the place names no one ('to South Block'), by the other state of the story."""
        envoys = self.reader.modifier_actors(envoy, allow_pronoun=False)
        own = {self.index.state_of(a) for a in envoys}
        hosts = [self.index.state_of(a) for c in token.children if c.dep_ in OBLIQUES and
                 self.reader.case_of(c) == "to" for a in self.reader.actors_of(c)]
        hosts = [state for state in dict.fromkeys(hosts) if state and state not in own]
        return hosts or self.other_of_pair(envoys)

    def addressees(self, token: Token) -> list[str]:
        """Whom an appeal is made to: 'urged X to', 'called on X to', 'appealed to X'."""
        for child in token.children:
            if child.dep_ in OBJECTS:
                return self.reader.actors_of(child)
        for child in token.children:
            if child.dep_ in OBLIQUES and self.reader.case_of(child) in {"on", "upon", "to"}:
                return self.reader.actors_of(child)
        return []

    def other_side(self, actors: list[str], sources: list[str]) -> list[str]:
        return [a for a in actors if not any(self.index.same_side(a, s) for s in sources)]

    def phrase_targets(self, token: Token, sources: list[str]) -> list[str]:
        """Actors a phrase names, or that a non-actor phrase carries ('the envoy of X', 'X's camps');
        none for a setting ('on the sidelines of an OSCE gathering')."""
        if self.is_setting_noun(token):
            return []
        found = self.other_side(self.reader.actors_of(token), sources)
        if not found and token.lower_ in {"it", "them"} and token.dep_ in OBJECTS and self.charges(token.head, token):
            return self.named_before(token, sources)
        return found or self.actors_hung_on(token, sources, self.carries_owner)

    def charges(self, verb: Token, pronoun: Token) -> bool:
        """'accusing it of supporting terrorism', 'blamed them for the attack', 'asked it to hand over
        X', 'urged them to take measures': an allegation with what it alleges, an appeal with what it
        asks (not 'condemned them as offensive', 'flying them to Dubai', whose 'them' may be anything)."""
        clauses = [c for c in list(verb.children) + list(pronoun.children) if c.dep_ in {"advcl", "acl", "obl", "nmod", "xcomp"}]
        lemma = self.verb_lemma(verb)
        return (lemma in self.words("allegation") and any(self.is_alleged(c) for c in clauses)) or \
            (lemma in self.words("appeal") and any(self.is_infinitive(c) for c in clauses))

    def named_before(self, pronoun: Token, sources: list[str]) -> list[str]:
        """'cut ties with Qatar, accusing it of ...': the accused is not the accuser ('itself' would
        be), so it is the nearest other actor named before it."""
        spans = {span.start: actor for i, (actor, span) in self.reader.mention_at.items() if i < pronoun.i}
        named = [self.other_side([actor], sources) for _, actor in sorted(spans.items())]
        return next((found for found in reversed(named) if found), [])

    def carries_owner(self, child: Token) -> bool:
        """'X's camps', 'Iranian camps', 'the envoy of X': not where ('camps in X') nor a venue ('Doha
        ceasefire'). An "obl" on a noun is a parser's slip for "nmod" ("shuts border with Rwanda")."""
        if not (child.dep_ in {"nmod:poss", "nmod", "amod", "compound"} or
                (child.dep_ == "obl" and child.head.pos_ == "NOUN")):
            return False
        locative = child.dep_ in {"nmod", "obl"} and self.reader.case_of(child) in LOCATIVE_CASES
        return not locative and not self.is_setting_noun(child) and not self.reader.names_venue(child) and \
            not self.is_behest(child)

    def is_behest(self, token: Token) -> bool:
        """'at Turkey's request', 'at the invitation of Qatar': who asked for what the clause tells."""
        return lemma_of(token) in self.words("behest_nouns") and self.reader.case_of(token) in {"at", "on"}

    def is_setting_noun(self, token: Token) -> bool:
        """'on the sidelines of an OSCE gathering', 'on the eve of': where an act happens, no party to it."""
        return token.lemma_.lower() in self.words("setting_nouns")

    def carries_doer(self, child: Token) -> bool:
        """'Israel's strikes', 'the Turkish bombardment', 'the attack by X'."""
        return child.dep_ in {"nmod:poss", "amod", "compound"} or \
            (child.dep_ in {"nmod", "obl"} and self.reader.case_of(child) == "by")

    def actors_hung_on(self, token: Token, sources: list[str], carries: Callable[[Token], bool]) -> list[str]:
        """The first actors, other than the sources, of a modifier of the phrase that `carries` one, or
        of the agent of a passive clause on it ('the steps taken by both governments')."""
        for child in token.children:
            if carries(child):
                found = self.other_side(self.reader.actors_of(child) or self.trade_partners(child), sources)
                if found:
                    return found
            if child.dep_ == "acl" and self.is_passive(child):
                found = self.other_side(self.verb_sources(child), sources)
                if found:
                    return found
        return []

    def trade_partners(self, token: Token) -> list[str]:
        """'restrictions on exports to South Korea', 'a ban on imports from Iran': the trade's partner."""
        if lemma_of(token) not in self.words("trade_nouns"):
            return []
        return [a for c in token.children if c.dep_ == "nmod" and self.reader.case_of(c) in {"to", "from", "with"}
                for a in self.reader.actors_of(c)]

    def verb_targets(self, token: Token, coding: Coding, sources: list[str]) -> list[str]:
        children = list(token.children)
        if self.is_passive(token):
            patient = next((c for c in children if c.dep_ == "nsubj:pass"), None)
            if patient is None and token.dep_ == "acl":
                patient = token.head
            if patient is None:
                return []
            if coding.target_from_reference and self.is_event_noun(patient):
                return self.perpetrators_named(patient, sources) or \
                    self.referenced_perpetrators(sources, self.victims_named(patient, sources))
            found = self.phrase_targets(patient, sources)
            if found:
                return found
            if self.verb_lemma(token) in self.words("withdrawal"):
                return self.located_states(patient.children, sources)     # "X's envoy in Y was recalled"
            if coding.code in PRAISES:
                return self.praised_parties([patient], sources)
            if not self.is_weapon(patient):      # "projectiles were fired by X at Y": Y is in an oblique
                return []
        for child in children:
            if child.dep_ in OBJECTS and coding.target_from_reference and self.is_event_noun(child):
                found = self.perpetrators_named(child, sources)
                if found:
                    return found
                # "condemned the attacks on the Saudi embassy", the parser hanging "on ..." on the verb:
                # whom the act hit, so the target is whoever hit them
                hit = [a for c in children if c.dep_ in OBLIQUES and self.reader.case_of(c) in {"on", "against"}
                       for a in self.phrase_targets(c, sources)]
                if hit:
                    return self.referenced_perpetrators(sources, hit)
            elif (child.dep_ in OBJECTS or self.is_particle_object(child)) and not self.is_weapon(child):
                found = self.phrase_targets(child, sources)
                if found:
                    return found
        named = self.what_it_called(token, sources) or self.border_partners(token, sources)
        if named:
            return named
        preposition = coding.pattern.preposition if coding.pattern else ""
        obliques = sorted((c for c in children if c.dep_ in OBLIQUES),
                          key=lambda c: (self.reader.case_of(c) != preposition, c.i))
        # "the two ministers signed a declaration at the State Department": where parties acting on each
        # other met is no third party
        venue_cases = {"at", "in"} if coding.mutual and len(sources) > 1 else set()
        for child in obliques:
            case = self.reader.case_of(child)
            if (case == preposition or case in TARGET_CASES - venue_cases) and not self.is_setting_noun(child) and \
                    not self.is_behest(child):
                found = self.other_side(self.reader.actors_of(child), sources)
                if found:
                    return found
            if case == "between":
                return self.other_side(self.reader.actors_of(child), sources)
        for child in obliques:          # "appealed for friendly relations with the neighbouring country"
            for inner in child.children:    # "called for calm between X and Y"
                if inner.dep_ in {"nmod", "obl"} and self.reader.case_of(inner) in TARGET_CASES | {"between"} and \
                        not self.is_setting_noun(inner):
                    found = self.other_side(self.reader.actors_of(inner), sources)
                    if found:
                        return found
        if not coding.violent and not (coding.mutual and len(sources) > 1) and coding.code != MEETING:
            # "recalled its ambassador in Tehran", "returned to his post in Tehran": where it happens
            # ("X and Y will meet in Brazil", "convened a summit in Uganda": where they meet, not whom)
            places = obliques + [n for c in obliques + [c for c in children if c.dep_ in OBJECTS]
                                 for n in c.children if n.dep_ == "nmod"]
            found = self.located_states(places, sources)
            if found:
                return found
        if coding.target_from_reference:
            things = [c for c in children if c.dep_ in OBJECTS]
            events = [c for c in things if self.is_event_noun(c)]
            if events:
                act = self.noun_coding(events[0])
                if act is not None and not act.violent:    # "called the expulsions unjustified"
                    return self.last_makers(sources, of_roots([act.code]))
                return self.referenced_perpetrators(sources, self.victims_named(events[0], sources))
            if coding.code == CENSURE and any(lemma_of(c) in self.words("act_nouns") for c in things):
                return self.referenced_doers(sources)      # "called the move unjustifiable"
            if coding.code == CENSURE and any(lemma_of(c) in self.words("speech_nouns") for c in things):
                return self.referenced_speakers(sources)   # "denounced irresponsible statements"
            if coding.code == CENSURE and self.verb_lemma(token) in self.words("naming") and \
                    any(is_definite(c) for c in things):
                return self.referenced_doers(sources)      # "called the flights a provocation"
        if coding.code in PRAISES:
            return self.praised_parties([c for c in children if c.dep_ in OBJECTS], sources)
        if self.verb_lemma(token) in self.words("retaliation"):
            return self.attackers_of(token, sources)
        return []

    def border_partners(self, token: Token, sources: list[str]) -> list[str]:
        """'closed Raja-Jooseppi, the last crossing on its border with Russia': the state across the
        border an object's phrase names, however deep the parser hangs it."""
        borders = [t for c in token.children if c.dep_ in OBJECTS | {"appos"} for t in c.subtree
                   if lemma_of(t) in self.words("border_nouns")]
        return next((found for border in borders for c in border.children
                     if c.dep_ in OBLIQUES and self.reader.case_of(c) == "with"
                     and (found := self.other_side(self.reader.actors_of(c), sources))), [])

    def may_lack_target(self, token: Token, coding: Coding, nominal: bool) -> bool:
        """A claim or denial of responsibility, a ceasefire declared alone: no one to name. A meeting
        (040) with no one named is a body convening its own ('the Council met', 'convened an
        emergency session'), never a meeting only named ('the meeting') or a word to the press."""
        if coding.code not in self.words("targetless"):
            return False
        convener = token.head if nominal else token      # "called the meeting", "a meeting is being held"
        return coding.code != "040" or \
            (convener.pos_ in {"VERB", "AUX"} and self.verb_lemma(convener) in self.words("convening"))

    def attackers_of(self, token: Token, sources: list[str]) -> list[str]:
        """'X fired rockets at Y, and Y answered with air strikes': whom the retaliation answers, those
        who attacked its sources earlier in the sentence or in the last violent sentence told."""
        tops = {self.index.top.get(s, s) for s in sources}
        earlier = [verb for verb in self.doc[:token.i] if self.is_verb(verb)
                   and (coding := self.verb_coding(verb)) is not None and coding.violent]
        attackers = [a for verb in earlier for a in self.verb_sources(verb)]
        if not attackers and self.discourse.violent_told:
            events, _ = self.discourse.violent_told[-1]
            attackers = [e["source_actor"] for e in events
                         if self.index.top.get(e["target_actor"], e["target_actor"]) in tops]
        return self.other_side(list(dict.fromkeys(attackers)), sources)

    def what_it_called(self, token: Token, sources: list[str]) -> list[str]:
        """'bombed what New Delhi described as a camp of X', 'fired at what it called X bases': the
        target is what the free relative names."""
        whats = [t for c in token.children if c.dep_ in OBJECTS | OBLIQUES | {"advcl", "ccomp"}
                 for t in c.subtree if t.lower_ == "what"]
        for what in whats:
            # the naming verb: the one "what" is the object of, or the clause hung on "what"
            verbs = [what.head] + [c for c in what.children if c.dep_ in {"acl", "acl:relcl"}]
            for verb in verbs:
                named = [c for c in verb.children if c.i != what.i and
                         (c.dep_ in {"xcomp", "obj", "ccomp"} or (c.dep_ == "obl" and self.reader.case_of(c) == "as"))]
                for phrase in named:
                    found = self.phrase_targets(phrase, sources)
                    if found:
                        return found
        return []

    def is_weapon(self, token: Token) -> bool:
        return token.lemma_.lower() in self.words("weapons") and not self.reader.named(token)

    def is_event_noun(self, token: Token) -> bool:
        return self.noun_coding(token) is not None or token.lemma_.lower() in {"operation", "action", "incident"}

    def unknown_speaker(self, subject: Token) -> bool:
        """A name or a role the dictionary cannot place ('spokesman Matthew Miller', 'officials')."""
        return subject.pos_ == "PROPN" or bool(self.reader.unanchored_suffix(subject)) or \
            any(c.dep_ in {"nmod:desc", "obl:unmarked", "compound"} and self.reader.unanchored_suffix(c)
                for c in subject.children)

    def is_violent_verb(self, token: Token) -> bool:
        coding = self.verb_coding(token) if self.is_verb(token) else None
        return coding is not None and coding.violent

    def tells_again(self, token: Token, sources: list[str], targets: list[str]) -> bool:
        """'the strike had hit Pakistani soil', after the article told Iran's strike on Pakistan: a
        violent act whose subject is an event told before, on the same target, is not coded again."""
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
        if subject is None or not self.is_event_noun(subject) or not self.discourse.violent_told:
            return False
        events, _ = self.discourse.violent_told[-1]
        told = {(self.index.top.get(e["source_actor"], e["source_actor"]),
                 self.index.top.get(e["target_actor"], e["target_actor"])) for e in events}
        pairs = {(self.index.top.get(s, s), self.index.top.get(t, t)) for s in sources for t in targets}
        return bool(pairs) and pairs <= told

    def tells_toll(self, token: Token) -> bool:
        """'bombed two villages, killing eight': the participle tells what the act it hangs on did,
        not an act of its own."""
        head = token.head
        if token.dep_ != "advcl" or token.tag_ != "VBG" or any(c.dep_ in SUBJECTS for c in token.children):
            return False
        acts = [head] + [c for c in head.children if c.dep_ in OBJECTS]
        return any(coding is not None and coding.violent
                   for act in acts for coding in [self.verb_coding(act) if self.is_verb(act) else self.noun_coding(act)])

    def told_perpetrators(self, token: Token) -> list[str]:
        """Who carried out the strikes the article told: the speaker, when the sentence reports its
        own ('Islamabad said Thursday's retaliatory strikes hit ...'), else those told last."""
        if not self.discourse.violent_told:
            return []
        everyone = {self.index.top.get(e["source_actor"], e["source_actor"])
                    for events, _ in self.discourse.violent_told for e in events}
        speakers = [a for ancestor in token.ancestors if self.verb_lemma(ancestor) in self.words("speech")
                    for a in self.verb_sources(ancestor)]
        own = [a for a in speakers if self.index.top.get(a, a) in everyone]
        if own:
            return own
        events, _ = self.discourse.violent_told[-1]
        return sorted({event["source_actor"] for event in events})

    def perpetrators_named(self, act: Token, sources: list[str]) -> list[str]:
        """'condemned Israel's strikes on Lebanon', 'the attack carried out by X': who did the act a
        condemnation names; never whom it was done to ('the attack on the police')."""
        return self.actors_hung_on(act, sources, self.carries_doer)

    def victims_named(self, act: Token, sources: list[str]) -> list[str]:
        """'the attacks on the Saudi embassy': whom a violent noun says it hit."""
        return [a for c in act.children if c.dep_ == "nmod" and self.reader.case_of(c) in {"on", "against"}
                for a in self.phrase_targets(c, sources)]

    def referenced_perpetrators(self, sources: list[str], victims: list[str] = ()) -> list[str]:
        """'condemned the attack': those who carried out the violent events the article told last;
        'condemned the attacks on the Saudi embassy', 'Qatar condemned the attack': the last ones told
        on those it names as hit, else on the condemner itself."""
        if not self.discourse.violent_told:
            return []
        tops = {self.index.state_of(v) or self.index.top.get(v, v) for v in victims} or \
            {self.index.top.get(s, s) for s in sources}
        for events, _ in reversed(self.discourse.violent_told):
            on_them = {e["source_actor"] for e in events if self.index.top.get(e["target_actor"], e["target_actor"]) in tops
                       or self.index.state_of(e["target_actor"]) in tops}
            if on_them:
                return self.other_side(sorted(on_them), sources)
        events, subject = self.discourse.violent_told[-1]
        by_subject = [e for e in events if self.index.top.get(e["source_actor"], e["source_actor"]) in subject]
        found = sorted({event["source_actor"] for event in (by_subject or events)})
        return self.other_side(found, sources)

    def default_parties(self, sources: list[str]) -> list[str]:
        return self.other_side(self.discourse.main_pair(), sources)

    def place_target(self, token: Token, sources: list[str]) -> tuple[str, str]:
        """(place, state) a violent act hit when no actor is its target: not a state's own territory
        (an operation at home has no foreign target), but an armed group's attack at home hits its state."""
        if self.is_verb(token):
            # "fired rockets deep into Thai territory": the place may hang on the adverb
            scope = [t for c in token.children if c.dep_ in OBJECTS | OBLIQUES or
                     (c.dep_ in {"xcomp", "advmod"} and c.pos_ in {"ADJ", "ADV"}) for t in c.subtree]
        else:       # "an attack that killed 11 police officers in Iran"
            scope = [t for t in token.subtree if t.i != token.i]
        place, state = self.reader.place_state(scope)
        at_home = any(self.index.state_of(s) == state and self.is_state_side(s) for s in sources)
        if state and not at_home:
            return place, state
        return "", ""

    def is_state_side(self, actor: str) -> bool:
        return self.index.kind.get(self.index.top.get(actor, actor)) == "state"

    # --- nominal triggers -------------------------------------------------------------------------

    def noun_sources(self, token: Token) -> tuple[list[str], bool]:
        """(sources, reciprocal) of a nominal trigger; none when it only refers back to an event."""
        for child in token.children:
            if child.dep_ == "nmod:poss":
                found = self.reader.actors_of(child)
                if found:
                    return found, False
        for child in token.children:
            if child.dep_ in {"nmod", "obl"} and self.reader.case_of(child) == "by":
                return self.reader.actors_of(child), False
            if child.dep_ == "nmod" and self.reader.case_of(child) == "between":
                return self.reader.actors_of(child), True
            if child.dep_ == "acl" and self.is_passive(child):
                agent = self.verb_sources(child)
                if agent:
                    return agent, False
        for child in noun_modifiers(token):
            actor = self.reader.named(child)
            if actor and not self.reader.names_venue(child):
                return [actor], False       # "Iranian strikes"; not "the Doha talks"
        coding = self.noun_coding(token)
        for child in token.children:
            case = self.reader.case_of(child) if child.dep_ == "nmod" else ""
            if case == "of" and coding is not None and coding.mutual:
                found = self.reader.actors_of(child)          # "a meeting of the two ministers"
                if found:
                    return found, len(found) > 1
            if case == "with" and coding is not None and (coding.violent or coding.mutual):
                partner = self.reader.actors_of(child)        # "airstrikes with Iran": the clause's subject and Iran
                subject = self.clause_subject(token)
                if partner and subject:
                    return list(dict.fromkeys(subject + partner)), True
        head = token.head
        if head.lemma_.lower() == "responsibility" and self.reader.case_of(token) == "for":
            claim = head.head          # "X claimed responsibility for an attack": X's attack
            if claim.pos_ == "VERB" and claim.lemma_.lower() in {"claim", "admit", "accept", "take", "acknowledge"}:
                return self.verb_sources(claim), False
        if token.dep_ in {"obj", "nsubj:pass"} and head.pos_ == "VERB":
            lemma = self.verb_lemma(head)
            reciprocal = lemma in self.words("reciprocal")
            if reciprocal or self.announces(token) or \
                    (self.verb_coding(head) is None and lemma not in self.words("speech")):
                return self.verb_sources(head), reciprocal
        if token.dep_ in {"obl"} and head.pos_ == "VERB" and self.reader.case_of(token) in {"in", "during", "by"}:
            coding = self.noun_coding(token)
            if coding and coding.mutual:       # "X and Y agreed in a phone call"
                return self.verb_sources(head), False
        if token.dep_ == "nsubj" and coding is not None and coding.mutual and self.verb_coding(head) is None:
            for child in head.children:        # "Fighting broke out between X and Y": the parties, each on the other
                if child.dep_ == "obl" and self.reader.case_of(child) == "between":
                    return self.reader.actors_of(child), True
        return [], False

    def clause_subject(self, token: Token) -> list[str]:
        """The actors of the nearest clause above a phrase that has a subject."""
        for ancestor in token.ancestors:
            if self.is_verb(ancestor) or ancestor.pos_ == "AUX":
                found = self.verb_sources(ancestor)
                if found:
                    return found
        return []

    def noun_targets(self, token: Token, coding: Coding, sources: list[str]) -> list[str]:
        for child in token.children:
            if child.dep_ in {"nmod", "acl"}:
                case = self.reader.case_of(child)
                if case in TARGET_CASES | {"of", "targeting"}:
                    found = self.phrase_targets(child, sources)
                    if found:
                        return found
        if coding.violent and token.dep_ in {"obl", "obl:agent"} and self.is_verb(token.head) and \
                self.is_passive(token.head):
            # "Soleimani was killed in a US drone strike": the strike hit whom the verb says it hurt
            patient = next((c for c in token.head.children if c.dep_ == "nsubj:pass"), None)
            found = self.phrase_targets(patient, sources) if patient is not None else []
            if found:
                return found
        if not coding.violent:      # "the closure of its embassy in Bamako": where it is
            owned = [c for c in token.children if c.dep_ == "nmod" and self.reader.case_of(c) == "of"]
            return self.located_states([n for c in owned for n in c.children], sources)
        return []

    # --- one trigger ----------------------------------------------------------------------------

    def tell(self, token: Token) -> Told | None:
        nominal = not self.is_verb(token)
        coding = self.noun_coding(token) if nominal else self.verb_coding(token)
        if not nominal and (coding is None or coding.pattern is None) and self.commits_to_something(token):
            # "agreed to work together", "pledged to ...": an intention to cooperate, unless the
            # complement is itself an act the patterns know (then that act's intent code is coded instead)
            coding = Coding(GENERIC_INTENT, coding.entry if coding else GENERIC_ENTRY, None)
        if coding is None:
            return None
        if nominal and coding.mutual and not coding.violent and self.is_setting(token):
            return None                      # "at an emergency meeting of the Council, X said ..."
        if nominal and token.dep_ in OBJECTS | OBLIQUES and self.is_verb(token.head) and not self.announces(token) \
                and self.verb_coding(token.head) is not None and not self.has_own_actors(token):
            return None                      # part of the verb's pattern, or a back-reference
        if not nominal and self.purpose_of_a_thing(token):
            return None                      # "a request to send a delegation", "a mission to protect ships"
        if nominal and coding.violent and (self.is_disapproved(token) or not self.told_happening(token)):
            return None                      # "condemned Israel's strikes on X": the condemnation is the news
        frame = self.frame(token if not nominal else self.clause_of(token))
        coding = self.framed_coding(coding, frame)
        if coding is None:
            return None
        reciprocal = False
        if frame.addressed is not None and frame.governor is not None:
            sources = self.verb_sources(frame.governor)          # "China hoped the two sides would ..."
        elif frame.addressed is not None:
            # "Both governments, Dujarric said, should show restraint": the speaker asks it of them;
            # said in the outlet's own voice, it is an opinion, not an event
            sources = [a for speaker in frame.speakers for a in self.verb_sources(speaker)]
        elif nominal:
            sources, reciprocal = self.noun_sources(token)
        elif frame.kind in {"appeal", "demand"} and frame.governor is not None:
            sources = self.verb_sources(frame.governor)
        else:
            sources = self.verb_sources(token)
        if not sources:
            return None
        if frame.addressed is not None:
            targets = self.subject_targets(frame.addressed, sources) or \
                [a for speaker in frame.speakers for c in speaker.children if c.dep_ == "nsubj"
                 for a in self.other_side(self.reader.actors_of(c), sources)]   # "Both governments, X said, should"
        elif frame.kind in {"appeal", "demand"} and frame.governor is not None and not nominal:
            targets = self.other_side(self.addressees(frame.governor), sources) or self.subject_targets(token, sources)
        else:
            self.reader.avoid = {self.index.state_of(s) for s in sources}
            targets = self.noun_targets(token, coding, sources) if nominal else self.verb_targets(token, coding, sources)
            self.reader.avoid = set()
        # "the two armies traded fire", "traded barbs with X": each on the other
        reciprocal = reciprocal or self.says_each_other(token) or \
            (not nominal and (len(sources) > 1 or bool(targets)) and self.verb_lemma(token) in self.words("reciprocal"))
        location = self.location(token)
        if not targets and not reciprocal:
            # "Milei refused to apologise", "Malaysia refused": a refusal that names no one refuses the
            # other state
            targets = self.fallback_targets(token, coding, sources) or \
                (self.other_of_pair(sources) if frame.kind == "refusal" or self.bare_refusal(token) else [])
        if coding.code in self.words("untargeted"):
            targets, reciprocal = [], False
        if not targets and not reciprocal and not (coding.mutual and len(sources) > 1) and frame.kind != "denial" and \
                (coding.violent or not coding.curated or not self.may_lack_target(token, coding, nominal)):
            # "killing at least nine people": whom it hit is not said, or not read; and a verb of the
            # field's dictionary codes its subject acting on someone, never on no one
            return None
        if not nominal and coding.violent:
            coding = self.instrument_coding(token, coding)
        if coding.violent and (self.tells_again(token, sources, targets) or self.tells_toll(token)):
            return None
        if frame.governor is not None and not frame.governor_coded:
            self.consumed.add(frame.governor.i)
        if nominal and self.announces(token) and token.i not in self.consumed:
            # "ordered the closure of the embassy": the closure is the act; unless the verb's own
            # pattern already coded it ("ordered the expulsion of")
            self.consumed.add(token.head.i)
        self.consumed.update(decider.i for decider in frame.deciders)
        if not nominal and coding.pattern is not None and coding.pattern.object:
            # "requested a meeting", "suspended talks": the noun is what the verb's code is about
            self.consumed.update(c.i for c in token.children if c.dep_ in OBJECTS and lemma_of(c) in coding.pattern.object)
        if not nominal and coding.pattern is not None and coding.pattern.complement and "*" not in coding.pattern.complement:
            # "offered help in easing the tension": the easing is what the offer is for
            self.consumed.update(c.i for c in token.children if c.dep_ in {"xcomp", "ccomp", "advcl"}
                                 and self.complement_forms(c) & coding.pattern.complement)
        attributed = [a for speaker in frame.speakers for a in self.verb_sources(speaker)] or self.according_to()
        return Told(token, coding, sources, targets, reciprocal, attributed, location, frame.kind)

    def tell_threatened_response(self, token: Token, told: list[Told]) -> Told | None:
        """'vowed to respond', 'warned that Kabul would respond', 'reserves the right to respond to the
        aggression': a response promised names no act, so it is a threat (data/gold/CODING.md): with
        force (138) when it answers violence, else 130; aimed at whoever the response answers, in the
        sentence ('expelled four diplomats, and Tehran vowed to respond') or before it."""
        if not self.is_verb(token) or self.verb_lemma(token) not in self.words("retaliation") or \
                any(item.token.i == token.i for item in told) or self.verb_coding(token) is not None:
            return None
        frame = self.frame(token)
        if frame.kind not in {"intent", "threat"}:
            return None          # "Iran responded", "hit back with words": what was done is told elsewhere
        if any(item.token.head.i == token.i and item.token.dep_ == "conj" for item in told):
            return None          # "would respond in kind and order its diplomats to leave": that is the response
        if any(item.coding.code.startswith("13") and item.token.is_ancestor(token) for item in told):
            return None          # "warned of a response" coded already as the warning
        sources = self.verb_sources(token)
        if not sources:
            return None
        earlier = [item for item in told if item.token.i < token.i]
        provocations = self.provocations(sources, [rows for rows, _ in self.discourse.told] +
                                         [rows for item in earlier if (rows := self.rows_of(item))])
        answered = [c for c in token.children if c.dep_ in OBJECTS or
                    (c.dep_ in OBLIQUES and self.reader.case_of(c) in {"to", "for"})]
        # "accused Pakistan of breaching the truce and warned that Kabul would respond": the accused
        accused = [t for item in earlier if item.coding.code[:2] in {"11", "12"} and
                   any(self.index.same_side(a, b) for a in item.sources for b in sources) for t in item.targets]
        targets = [a for c in answered for a in self.censured(c, sources)] or self.other_side(accused, sources) or \
            self.other_side(list(dict.fromkeys(row["source_actor"] for row in provocations)), sources)
        if not targets:
            return None
        violent = any(self.is_event_noun(c) and (coding := self.noun_coding(c)) is not None and coding.violent
                      for c in answered) or any(row["cameo_code"][:2] in VIOLENT_ROOTS for row in provocations)
        code = "138" if violent else "130"
        if frame.governor is not None:
            self.consumed.add(frame.governor.i)
        attributed = [a for speaker in frame.speakers for a in self.verb_sources(speaker)] or self.according_to()
        return Told(token, Coding(code, THREAT_ENTRY, None), sources, targets, False, attributed,
                    self.location(token), frame.kind)

    def tell_behest(self, token: Token, told: list[Told]) -> Told | None:
        """'NATO held an emergency meeting at Turkey's request': Turkey asked it of NATO (020), when what
        was asked for is coded."""
        if not self.is_behest(token):
            return None
        asked = [item for item in told if item.token.i == token.head.i or item.token.i == token.head.head.i]
        askers = [a for c in token.children if c.dep_ == "nmod:poss" or (c.dep_ == "nmod" and self.reader.case_of(c) == "of")
                  for a in self.reader.actors_of(c)]
        if not asked or not askers:
            return None
        targets = self.other_side(list(dict.fromkeys(asked[0].sources)), askers)
        if not targets:
            return None
        return Told(token, Coding(GENERIC_APPEAL, GENERIC_ENTRY, None), askers, targets, False, [], self.location(token))

    def rows_of(self, item: Told) -> list[dict]:
        """What a trigger told, as the rows the discourse keeps of earlier sentences."""
        return [{"source_actor": s, "target_actor": t, "cameo_code": item.coding.code} for s, t in pairs(item, self.index)]

    def provocations(self, sources: list[str], told: list[list[dict]]) -> list[dict]:
        """The last hostile events told against the sources' side."""
        tops = {self.index.top.get(s, s) for s in sources} | {self.index.state_of(s) for s in sources}
        return last_told(told, lambda row: row["cameo_code"][:2] >= CONFLICTUAL_ROOT and (
            self.index.top.get(row["target_actor"], row["target_actor"]) in tops or
            self.index.state_of(row["target_actor"]) in tops))

    def is_disapproved(self, token: Token) -> bool:
        """Whether a noun is the object of a verb of disapproval (11x: 'condemned the strikes') or of a
        denial ('denies any hostility towards its neighbour')."""
        if token.dep_ not in OBJECTS or not self.is_verb(token.head):
            return False
        governing = self.verb_coding(token.head)
        if governing is not None and (governing.code.startswith("11") or governing.code == "016"):
            return True
        return self.verb_lemma(token.head) in self.words("denial")

    def purpose_of_a_thing(self, token: Token) -> bool:
        """An infinitive on a noun that is neither an actor nor an intention ('a request to send a
        delegation', 'efforts to persuade the captain', 'a mission to protect ships') says what the
        thing is for, not an act told; 'plans to fly', 'the only member to vote against' are."""
        head = token.head
        return token.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"} and self.is_infinitive(token) and \
            lemma_of(head) not in self.words("intent_nouns") and not self.reader.actors_of(head)

    def told_happening(self, token: Token) -> bool:
        """Whether a violent noun is told as happening ('the strike killed', 'launched strikes',
        'killed in a raid', a headline's 'Iranian strikes on X'), not as what another act is about
        ('called the attack unacceptable', 'a protest over the strikes', 'rallying against the
        offensive', 'used the attack as a pretext'); but 'in retaliation for X's strike' and
        'claimed responsibility for the attack' tell the act they follow."""
        while token.dep_ == "conj":
            token = token.head
        if token.dep_ in OBJECTS:
            head = token.head
            return not self.is_verb(head) or self.verb_lemma(head) in \
                self.words("performance") | self.words("reciprocal") | self.words("announcement") | self.words("decision")
        if token.dep_ in OBLIQUES:
            case = next((c for c in token.children if c.dep_ == "case"), None)
            if case is None or case.lower_ not in self.words("topic_cases"):
                return True
            # the sequel noun, whether the parser hung the phrase on it or on the verb
            sequel = self.words("sequel_nouns")
            return lemma_of(token.head) in sequel or (case.i > 0 and lemma_of(token.doc[case.i - 1]) in sequel)
        return True

    def instrument_coding(self, token: Token, coding: Coding) -> Coding:
        """'targeted each other with missile strikes': the weapon named gives the closer code."""
        for child in token.children:
            if self.reader.case_of(child) in {"with", "using", "by"}:
                found = self.noun_coding(child)
                if found is not None and found.violent and found.code[:2] == coding.code[:2]:
                    return Coding(found.code, coding.entry, coding.pattern)
        return coding

    def commits_to_something(self, token: Token) -> bool:
        """'agreed to ...', 'pledged that ... would ...': a verb of intent with a complement."""
        return self.verb_lemma(token) in self.words("intent") and \
            any(c.dep_ in {"xcomp", "ccomp"} or (c.dep_ == "advcl" and self.is_infinitive(c)) for c in token.children)

    def subject_targets(self, token: Token, sources: list[str]) -> list[str]:
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
        return self.other_side(self.reader.actors_of(subject), sources) if subject is not None else []

    def located_states(self, phrases, sources: list[str]) -> list[str]:
        """The other states named as where, among some phrases ('in Tehran', 'at the embassy in Kabul')."""
        for child in phrases:
            if child.dep_ in OBLIQUES and self.reader.case_of(child) in LOCATIVE_CASES:
                states = [a for a in self.reader.actors_of(child) if self.index.kind.get(a) == "state"]
                found = self.other_side(states, sources)
                if found:
                    return found
        return []

    def fallback_targets(self, token: Token, coding: Coding, sources: list[str]) -> list[str]:
        if not self.is_verb(token) or coding.pattern is None:
            found = self.complement_targets(token, sources)
            if found:
                return found
        if coding.parties_by_default:
            return self.default_parties(sources)
        if coding.code[:2] == "14":
            # a protest with no one named is against the protesters' own state
            own = [self.index.state_of(s) for s in sources if not self.is_state_side(s)]
            return [state for state in dict.fromkeys(own) if state]
        if coding.violent:
            _, state = self.place_target(token, sources)
            if state:
                return [state]
            # "the Pakistani strikes", in an article about India and Pakistan: on the other one
            return [] if self.is_verb(token) else self.other_of_pair(sources)
        if coding.code in self.words("counterpart") or coding.entry.id in self.words("counterpart_entries"):
            # "On 24 August, Algeria cut diplomatic ties"; "Kuwait recalled its ambassador", after others did
            return self.other_of_pair(sources) or self.conjoined_targets(token, sources) or \
                self.other_side(self.discourse.ruptured.get(coding.code, []), sources)
        return []

    def bare_refusal(self, token: Token) -> bool:
        """'Malaysia refused', 'Beijing refused, saying ...': a verb of refusal with nothing refused."""
        return self.is_verb(token) and self.verb_lemma(token) in self.words("refusal") and \
            not any(c.dep_ in OBJECTS | {"xcomp", "ccomp", "nsubj:pass"} for c in token.children)

    def conjoined_targets(self, token: Token, sources: list[str]) -> list[str]:
        """'Kuwait recalled its ambassador and gave Lebanon's charge d'affaires 48 hours to leave':
        the states another act of the same subject in the sentence is aimed at."""
        if not self.is_verb(token):
            return []
        head = [token.head] if token.dep_ == "conj" else []
        for verb in head + [c for c in token.children if c.dep_ == "conj"]:
            coding = self.verb_coding(verb) if self.is_verb(verb) else None
            # a later conjunct with a subject of its own is another actor's act
            other_subject = token.dep_ != "conj" and any(c.dep_ in SUBJECTS for c in verb.children)
            if coding is None or coding.code[:2] < CONFLICTUAL_ROOT or other_subject:
                continue
            states = [self.index.state_of(a) or a for a in self.verb_targets(verb, coding, sources)]
            found = self.other_side(list(dict.fromkeys(states)), sources)
            if found:
                return found
        return []

    def other_of_pair(self, sources: list[str]) -> list[str]:
        """The other of the two states the article is about, when the sources are one of them."""
        pair = self.discourse.main_pair()
        own = {self.index.state_of(s) for s in sources}
        if len(own) == 1 and own <= set(pair):
            return [state for state in pair if state not in own]
        return []

    def complement_targets(self, token: Token, sources: list[str]) -> list[str]:
        """Whom the act a verb governs is aimed at, when the verb itself names no one: 'threatened to
        cut off electricity to X', 'refused to lift the curfew on X', 'demanded that X cancel ...'."""
        if not self.is_verb(token):
            return []
        for complement in (c for c in token.children if c.dep_ in {"xcomp", "ccomp"}):
            subject = next((c for c in complement.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
            if subject is not None and complement.dep_ == "ccomp":
                found = self.other_side(self.reader.actors_of(subject), sources)
                if found:
                    return found
            for child in complement.children:
                if child.dep_ in OBJECTS and not self.is_weapon(child):
                    found = self.phrase_targets(child, sources)
                elif child.dep_ in OBLIQUES and self.reader.case_of(child) in TARGET_CASES | {"in"}:
                    found = self.other_side(self.reader.actors_of(child), sources)
                else:
                    continue
                if found:
                    return found
        return []

    def is_setting(self, token: Token) -> bool:
        """'At an emergency meeting of the Council', 'on the sidelines of the summit', 'leaving
        for the NATO summit': the meeting is where or when another act is told, not the act."""
        phrase = token
        while phrase.dep_ == "nmod" and self.reader.case_of(phrase) == "of":
            phrase = phrase.head
            if phrase.lemma_.lower() in self.words("setting_nouns"):
                return True
        return phrase.dep_ in OBLIQUES and self.reader.case_of(phrase) in self.words("setting_cases")

    def announces(self, token: Token) -> bool:
        """'announced the closure of its embassy', 'ordered the expulsion of': a nominal act made
        known or decided by the verb's subject is that subject's act."""
        return token.dep_ == "obj" and self.is_verb(token.head) and \
            self.verb_lemma(token.head) in self.words("announcement") | self.words("decision")

    def has_own_actors(self, token: Token) -> bool:
        return any(self.reader.named(c) for c in noun_modifiers(token)) or \
            any(c.dep_ == "nmod:poss" and self.reader.named(c) for c in token.children) or \
            any(c.dep_ == "nmod" and self.reader.case_of(c) in {"by", "between"} for c in token.children)

    def clause_of(self, token: Token) -> Token:
        """The verb whose frame a nominal trigger shares ('will launch strikes', 'no strikes'); not
        the clause an event is only the background of ('a meeting to review the situation following
        the strikes')."""
        if any(c.lower_ == "no" and c.dep_ == "det" for c in token.children):
            return token
        if token.dep_ in {"obl", "nmod"} and self.reader.case_of(token) in BACKGROUND_CASES:
            return token
        if token.dep_ in OBJECTS | {"nsubj", "nsubj:pass", "obl"} and token.head.pos_ in {"VERB", "AUX"}:
            return token.head
        return token

    def framed_coding(self, coding: Coding, frame: Frame) -> Coding | None:
        """The code the frame makes of the act: itself, its intent, threat, appeal, refusal or none."""
        code = coding.code
        if frame.kind == "unreal":
            return None
        if frame.kind == "denial":
            return Coding("016", coding.entry, coding.pattern) if "016" in self.known else None
        intent = self.intent.get(code, "") or (GENERIC_INTENT if self.quad.get(code) in {"1", "2"} else "")
        mapped = {"act": code, "intent": intent, "threat": self.intent.get(code, ""),
                  "appeal": self.appeal.get(code, ""), "refusal": self.reject.get(code, ""),
                  "demand": self.demand_code(code)}.get(frame.kind, code)
        if frame.kind == "threat" and mapped and not mapped.startswith("13"):
            return None
        if frame.kind == "intent" and mapped.startswith("13") is False and mapped and not mapped.startswith("03"):
            return None
        return Coding(mapped, coding.entry, coding.pattern) if mapped in self.known else None

    def demand_code(self, code: str) -> str:
        """Demands mirror appeals: 0256 appeal for de-escalation -> 1056 demand it; else 100."""
        appeal = self.appeal.get(code, "")
        mirrored = "10" + appeal[2:] if appeal.startswith("02") else ""
        return mirrored if mirrored in self.known else ("100" if appeal else "")

    def says_each_other(self, token: Token) -> bool:
        """'accused each other', 'targeted each other with strikes', 'against one another'."""
        scope = [t for c in token.children if c.dep_ in OBJECTS | OBLIQUES | {"advmod"} for t in c.subtree]
        if any(t.lower_ in {"other", "another"} and t.i > 0 and self.doc[t.i - 1].lower_ in {"each", "one"}
               for t in scope):
            return True
        # "Each side blamed the other"
        each = any(c.dep_ == "nsubj" and any(d.lower_ == "each" for d in c.children) for c in token.children)
        return each and any(c.dep_ in OBJECTS and c.lower_ == "other" for c in token.children)

    def according_to(self) -> list[str]:
        for token in self.doc:
            if token.lower_ == "according" and token.dep_ == "case":
                return self.reader.actors_of(token.head)
        return []

    def location(self, token: Token, triggers: list[Token] = ()) -> tuple[str, str]:
        """Where an act happened: a place among its objects and obliques, else anywhere in the sentence
        but in what another act says ('called the meeting a day after launching strikes in Iran')."""
        scope = [t for c in token.children if c.dep_ in OBJECTS | OBLIQUES for t in c.subtree]
        elsewhere = {t.i for other in triggers if other != token and not other.is_ancestor(token)
                     for t in other.subtree}
        return self.reader.place_state(scope + [t for t in self.doc if t not in scope and t.i not in elsewhere])

    # --- the sentence -----------------------------------------------------------------------------

    def code(self) -> list[Told]:
        told = [found for token in self.doc if (found := self.tell(token)) is not None]
        coded = {item.token.i for item in told}
        told += [found for token in self.doc if (found := self.tell_obligation(token, coded)) is not None]
        told += [found for token in self.doc if (found := self.tell_censure(token, coded)) is not None]
        told += [found for token in self.doc if (found := self.tell_threatened_response(token, told)) is not None]
        told += [found for token in self.doc if (found := self.tell_behest(token, told)) is not None]
        triggers = [item.token for item in told]
        return [replace(item, location=self.location(item.token, triggers))
                for item in told if item.token.i not in self.consumed]

    def tell_obligation(self, token: Token, coded: set[int]) -> Told | None:
        """'China must drop barriers, Washington declared': a demand (100), or with 'should' an
        appeal (020), of the speaker to the clause's subject, when the act itself is none the
        patterns know."""
        if token.i in coded or not token.children or not self.is_reported(token):
            return None
        kind = self.modality(token)
        if kind not in {"demand", "appeal"} or any(c.i in coded for c in token.subtree):
            return None
        speaker = self.verb_sources(token.head)
        targets = self.other_side(self.subject_targets(token, speaker), speaker) if speaker else []
        if not speaker or not targets:
            return None
        code = GENERIC_DEMAND if kind == "demand" else GENERIC_APPEAL
        return Told(token, Coding(code, GENERIC_ENTRY, None), speaker, targets, False, speaker, self.location(token), kind)

    def is_reported(self, clause: Token) -> bool:
        """'X said (that) ...': the clause a verb of speech reports."""
        return clause.dep_ == "ccomp" and self.verb_lemma(clause.head) in self.words("speech")

    def tell_censure(self, token: Token, coded: set[int]) -> Told | None:
        """'The embassy said the steps were unacceptable', 'told Congress that Morocco's conduct was
        "unacceptable"': the speaker censures (111) whoever did what the clause's subject names."""
        # "were unjustified" may be read as a passive verb: its word is the judgement then
        judged = self.complement_forms(token) | {token.lower_}
        if token.i in coded or not self.is_reported(token) or not judged & self.words("censure") or \
                not any(c.dep_ in {"cop", "aux:pass"} for c in token.children) or self.modality(token):
            return None
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
        if subject is not None and any(c.dep_ == "det" and c.lower_ in {"any", "no", "every"} for c in subject.children):
            return None          # "any involvement of a foreign government would be ...": no one in particular
        if lemma_of(token) in self.words("patient_nouns"):
            return None          # "the nation had been the victim of an aggression": the subject suffered it
        speaker = self.verb_sources(token.head)
        targets = self.censured(subject, speaker) if subject is not None and speaker else []
        if not targets:
            return None
        return Told(token, Coding(CENSURE, CENSURE_ENTRY, None), speaker, targets, False, speaker, self.location(token))

    def censured(self, thing: Token, sources: list[str]) -> list[str]:
        """Whom a censure of a phrase is aimed at: an actor it names ('the Netherlands'), whoever it
        says did the act ('Morocco's conduct', 'the behaviour of the British government'), or, for an
        act it only names ('the steps', 'the seizure'), whoever did the last hostile act told."""
        found = self.other_side(self.reader.actors_of(thing), sources)
        if found:
            return found
        event = self.is_event_noun(thing)
        named_act = not event and lemma_of(thing) in self.words("act_nouns")
        # "the behaviour of X" is X's; "the expulsion of X" is done to X
        found = self.actors_hung_on(thing, sources, lambda c: self.carries_doer(c) or (
            named_act and c.dep_ == "nmod" and self.reader.case_of(c) == "of"))
        if not found and lemma_of(thing) in self.words("speech_nouns"):
            return self.referenced_speakers(sources)       # "described the remarks as an affront"
        if found or not (event or named_act):
            return found
        coding = self.noun_coding(thing)
        if coding is None:
            return self.referenced_doers(sources)
        if coding.violent:
            return self.referenced_perpetrators(sources)
        return self.last_makers(sources, of_roots([coding.code]))      # "said the expulsions were unjustified"

    def referenced_doers(self, sources: list[str]) -> list[str]:
        """'called the move unjustifiable': those who did the last hostile deed the article told (not
        a word: a censure or a rejection is no move), other than the speaker."""
        return self.last_makers(sources, is_deed)

    def referenced_speakers(self, sources: list[str]) -> list[str]:
        """'denounced the remarks': those who said the last words the article told (a statement, an
        accusation, a threat; not a deed), other than the speaker."""
        return self.last_makers(sources, is_words)

    def praised_parties(self, things: list[Token], sources: list[str]) -> list[str]:
        """'welcomed the accord', 'hailed the withdrawal', 'the closure was welcomed by X': a praise
        that names the act, not who made it."""
        named = {lemma_of(c) for c in things}
        if named & self.words("accord_nouns"):
            return self.last_makers(sources, is_agreement)
        if named & (self.words("concession_nouns") | self.words("act_nouns")):
            return self.last_makers(sources, is_concession)
        acts = [coding.code for c in things if (coding := self.noun_coding(c)) is not None]
        if acts:
            return self.last_makers(sources, of_roots(acts))   # "welcomed the border closure"
        return []

    def last_makers(self, sources: list[str], kind: Callable[[str], bool]) -> list[str]:
        """The sources, other than the speaker's side, of the latest sentence that told an act of a
        kind: the makers of what a judgement names without naming them."""
        acts = last_told([rows for rows, _ in self.discourse.told], lambda row: kind(row["cameo_code"])
                         and bool(self.other_side([row["source_actor"]], sources)))
        return list(dict.fromkeys(row["source_actor"] for row in acts))


def is_definite(noun: Token) -> bool:
    """'the flights', 'these orders': a thing the reader has been told of before."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in {"the", "this", "these", "that", "those"}
                                       for c in noun.children)


def of_roots(codes: list[str]) -> Callable[[str], bool]:
    """Whether a code is in the family (CAMEO root) of one of these: what a noun naming an act refers to."""
    roots = {code[:2] for code in codes}
    return lambda code: code[:2] in roots


def is_deed(code: str) -> bool:
    """A deed, not a word (15x and on): what "the move", "the steps" refer to."""
    return code[:2] >= DEED_ROOT


def is_words(code: str) -> bool:
    """Words, not a deed: a statement, an accusation, a threat (below 15x)."""
    return code[:2] < DEED_ROOT


def is_agreement(code: str) -> bool:
    """An agreement or a commitment (03x), or an agreement signed (057)."""
    return code[:2] == "03" or code == "057"


def is_concession(code: str) -> bool:
    """A concession (08x: a withdrawal, a release, sanctions eased) or relations restored (050, 054)."""
    return code[:2] == "08" or code in {"050", "054"}


def last_told(told: list[list[dict]], keep: Callable[[dict], bool]) -> list[dict]:
    """The rows `keep` accepts of the latest sentence that told any."""
    return next((found for rows in reversed(told) if (found := [row for row in rows if keep(row)])), [])


def pairs(told: Told, index: ActorIndex) -> list[tuple[str, str]]:
    if told.reciprocal or (not told.targets and told.coding.mutual and len(told.sources) > 1):
        parties = list(dict.fromkeys(told.sources + (told.targets if told.reciprocal else [])))   # "traded barbs with X"
        return [(s, t) for s in parties for t in parties if not index.same_side(s, t)]
    return [(s, t) for s in told.sources for t in (told.targets or [""]) if not t or not index.same_side(s, t)]


def directed(told: Told, index: ActorIndex, two_way: frozenset[str]) -> list[tuple[str, str, str]]:
    found = []
    for source, target in pairs(told, index):
        code = source_type_code(told, source, index)
        found.append((source, target, code))
        if target and code in two_way:
            found.append((target, source, code))
    return found


def source_type_code(told: Told, source: str, index: ActorIndex) -> str:
    top = index.top.get(source, source)
    return told.coding.by_source_type.get(index.kind.get(top, ""), told.coding.code)


def pattern_name(told: Told) -> str:
    """The entry that coded an event, and what the sentence made of its act when that changed the
    code ('mediate:intent' for 'offered to mediate')."""
    return told.coding.entry.id + (f":{told.frame}" if told.frame not in {"act", ""} else "")


def event_rows(sentence, told: list[Told], index: ActorIndex, two_way: frozenset[str] = frozenset()) -> list[dict]:
    """One row per (source, target, code) of what the sentence tells; an act of both parties at once
    (a code in `two_way`: a meeting, a call, a signing) in both directions."""
    rows, seen = [], set()
    for item in told:
        for source, target, code in directed(item, index, two_way):
            key = (source, target, code)
            if key in seen:
                continue
            seen.add(key)
            token = item.token
            rows.append({"article_id": sentence.article_id, "sentence_id": sentence.sentence_id,
                         "source_actor": source, "target_actor": target, "cameo_code": code,
                         "location": item.location[0], "location_country": item.location[1],
                         "attributed_to": ";".join(dict.fromkeys(item.attributed)),
                         "trigger": token.text, "trigger_start": offset_of(token),
                         "trigger_end": offset_of(token) + len(token),
                         "pattern": pattern_name(item), "violent": item.coding.violent})
    return rows


def remember(discourse: Discourse, reader: SentenceReader, doc: Doc, rows: list[dict],
             counterpart: frozenset[str] = frozenset()) -> None:
    """What this sentence leaves for the next: states named, its subject (and the states of a
    subject that lists several), the violent events told, the people its titles named, the states
    its ruptures acted on."""
    named = list(dict.fromkeys(actor for _, (actor, _) in sorted(reader.mention_at.items())))
    parties = [actor for i, (actor, _) in sorted(reader.mention_at.items()) if not reader.names_venue(doc[i])]
    states = [reader.index.state_of(actor) for actor in parties]
    discourse.note_states(list(dict.fromkeys(s for s in states if s)))
    discourse.note_groups([a for a in named if reader.index.kind.get(reader.index.top.get(a, a)) == "armed_group"])
    tops = list(dict.fromkeys(reader.index.top.get(a, a) for a in parties))
    discourse.note_organisations([top for top in tops if reader.index.kind.get(top) == "igo"])
    discourse.bodies.update(body_nouns([mention for _, mention in sorted(reader.mention_at.items())], reader.index))
    discourse.people.update(reader.titled_people())
    for row in rows:
        if row["cameo_code"] in counterpart and row["target_actor"]:
            discourse.ruptured[row["cameo_code"]] = [reader.index.state_of(row["target_actor"]) or row["target_actor"]]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubj:pass"}), None) if root is not None else None
    subject_actors = reader.actors_of(subject) if subject is not None else []
    if subject_actors:
        discourse.last_subject = subject_actors
        listed = list(dict.fromkeys(s for s in map(reader.index.state_named, subject_actors) if s))
        if len(listed) > 2:
            discourse.subject_lists.append(listed)
        people = [a for a in subject_actors if reader.index.kind.get(a) == "person"]
        if people:
            discourse.last_person = people
    elif subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
        discourse.last_subject = []    # "Traders said ... They appealed": not an actor from further back
    if rows:
        discourse.told.append((rows, {reader.index.top.get(a, a) for a in subject_actors}))


def code_events(sentences: pd.DataFrame, parses: dict, mentions: pd.DataFrame, actors: pd.DataFrame,
                agents: pd.DataFrame, places: pd.DataFrame, data_dir: str | Path | None = None) -> pd.DataFrame:
    """The `events` table (dates empty: `dates.resolve_dates` fills them)."""
    book = load_pattern_book(data_dir)
    cameo = load_cameo_table(data_dir)
    codes = CodeTable.of(cameo)
    index = ActorIndex.build(actors, agents)
    place_states = {place.lower(): country for place, country in zip(places["place"], places["country"])}
    by_sentence = {key: list(zip(group["sentence_start"], group["sentence_end"], group["actor_id"]))
                   for key, group in mentions.groupby(["article_id", "sentence_id"])}
    rows = []
    for article_id, article in sentences.groupby("article_id", sort=True):
        discourse = Discourse()
        for sentence in article.sort_values("sentence_id").itertuples(index=False):
            doc = parses[(article_id, int(sentence.sentence_id))]
            reader = SentenceReader(doc, by_sentence.get((article_id, sentence.sentence_id), []), index,
                                    discourse, place_states, book.words)
            coder = SentenceCoder(doc, reader, book, codes, discourse)
            found = event_rows(sentence, coder.code(), index, book.words("two_way"))
            remember(discourse, reader, doc, found, book.words("counterpart"))
            rows += found
    return finish_events(pd.DataFrame(rows), cameo)


def finish_events(events: pd.DataFrame, cameo: pd.DataFrame) -> pd.DataFrame:
    """Number the events and add the CAMEO name, Goldstein value, quad class and PLOVER category."""
    if events.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    events = events.reset_index(drop=True)
    events["event_id"] = [f"{a}-s{s:02d}-e{n + 1}" for a, s, n in
                          zip(events["article_id"], events["sentence_id"],
                              events.groupby(["article_id", "sentence_id"]).cumcount())]
    table = cameo.set_index("cameo_code")
    events["event_type"] = events["cameo_code"].map(table["name"])
    events["goldstein"] = pd.to_numeric(events["cameo_code"].map(table["goldstein"]), errors="coerce")
    events["quad_class"] = events["cameo_code"].map(table["quad_class"]).astype(int)
    events["plover"] = events["cameo_code"].map(table["plover"]).fillna("")
    for column in ("date", "date_earliest", "date_latest"):
        events[column] = ""
    events["date_basis"] = "unknown"
    return events[EVENT_COLUMNS]
