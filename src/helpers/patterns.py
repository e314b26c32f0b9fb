"""Event patterns: which words make an event and which CAMEO code it gets, read as data.

Two files share one schema (see the header of data/event_patterns.yaml):

- data/petrarch/verb_patterns.yaml: the field's CAMEO verb dictionary (PETRARCH2), converted by
  scripts/convert_petrarch.py: verb lemmas in blocks, each with a code for the verb alone and
  patterns on the verb's roles in the tree (object, preposition + noun, subject, complement);
- data/event_patterns.yaml: the curated patterns, which an analyst edits. A verb lemma the curated
  file names is tried with the curated patterns first and takes its code for the verb alone from
  the curated file; `ignore_lemmas` silences a noisy PETRARCH verb; and the curated file also holds the nominal triggers ("air
  strike", "expulsion"), the grammar words that frame an event (speech, future, appeal, threat ...)
  and the casualty vocabulary.

A trigger's code is that of the most specific pattern its roles satisfy; with none, the entry's own
code for the verb alone; a null code codes nothing.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from .language import third_person
from .project import data_file

CURATED_FILE = "event_patterns.yaml"
PETRARCH_FILE = "petrarch/verb_patterns.yaml"
GRAMMAR_KEYS = ("speech", "future", "hypothetical", "obligation", "intent", "readiness", "threat", "appeal",
                "demand", "decision", "refusal", "denial", "failure", "allegation", "allegation_nouns",
                "reciprocal", "weapons", "place_nouns", "epithets", "pair_epithets", "intent_nouns",
                "recommendation", "causation", "targetless", "untargeted", "group_epithets", "quantity_nouns", "wishes",
                "two_way", "title_nouns", "counterpart", "counterpart_entries", "dispatch", "kingdoms", "emirates",
                "setting_cases", "setting_nouns", "summons", "announcement", "partitive_nouns", "accompaniment", "withdrawal",
                "retaliation", "convening", "state_voices", "crowd_nouns", "document_nouns", "performance",
                "topic_cases", "sequel_nouns", "censure", "act_nouns", "patient_nouns", "prevention",
                "behest_nouns", "trade_nouns", "accord_nouns", "concession_nouns", "speech_nouns", "instruction",
                "border_nouns", "naming", "organisation_epithets")


def preposition_of(value) -> str:
    """YAML reads an unquoted `on` as true (and `off` as false): they are the prepositions meant."""
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value or "").lower()


class PatternError(Exception):
    """A problem in an event patterns file; the message names the file and the entry."""


@dataclass(frozen=True)
class Roles:
    """What a trigger's patterns can look at: its roles in the tree, each as the forms a pattern item
    can take (the head's lemma, and "modifier head" for compounds such as "military aid")."""
    subjects: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    object_modifiers: frozenset[str] = frozenset()
    prepositions: frozenset[tuple[str, str]] = frozenset()     # (preposition, a form of its object)
    complements: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Pattern:
    code: str | None
    object: frozenset[str] = frozenset()
    object_modifiers: frozenset[str] = frozenset()
    preposition: str = ""
    noun: frozenset[str] = frozenset()
    subject: frozenset[str] = frozenset()
    complement: frozenset[str] = frozenset()
    particle: frozenset[str] = frozenset()
    passive_code: str | None = None

    @property
    def specificity(self) -> int:
        return sum(map(bool, (self.object, self.object_modifiers, self.preposition, self.noun, self.subject,
                              self.complement, self.particle)))

    def fits(self, roles: Roles) -> bool:
        if self.particle and not self.particle & roles.particles:
            return False
        if self.object and not self.object & roles.objects:
            return False
        if self.object_modifiers and not self.object_modifiers <= roles.object_modifiers:
            return False
        if self.subject and not self.subject & roles.subjects:
            return False
        if self.complement and not (self.complement & roles.complements or
                                    ("*" in self.complement and roles.complements)):
            return False
        if self.preposition:
            return any(prep == self.preposition and (not self.noun or noun in self.noun)
                       for prep, noun in roles.prepositions)
        return not self.noun or bool(self.noun & roles.objects)


@dataclass(frozen=True)
class Entry:
    """A verb block or a nominal trigger: its words, code, patterns and how its actors are read."""
    id: str
    origin: str                                    # curated | petrarch
    code: str | None
    code_given: bool = True                        # False: no `code` key, the word alone is PETRARCH's
    patterns: tuple[Pattern, ...] = ()
    lemma_codes: Mapping[str, str] = field(default_factory=dict)
    passive_code: str | None = None
    lemma_passive_codes: Mapping[str, str] = field(default_factory=dict)
    label: str = ""
    violent: bool = False
    mutual: bool = False
    cameo_by_source_type: Mapping[str, str] = field(default_factory=dict)
    target_from_reference: bool = False
    parties_by_default: frozenset[str] = frozenset()    # codes read so; "*": every code of the entry


# How a code reads its actors when the curated file does not say (PETRARCH's entries carry no flags).
VIOLENT_ROOTS = {"18", "19", "20"}
MUTUAL_ROOTS = {"03", "04", "06"}
# of diplomatic cooperation (05), relations restored and an agreement signed are between the parties;
# a praise, a defence, a recognition or an apology ("X and Y endorsed the application") has a target
MUTUAL_CODES = {"050", "057"}
MEDIATION_CODES = {"039", "045"}


@dataclass(frozen=True)
class Coding:
    """(code, the entry it came from, the pattern that decided it or None for the word alone).

    A curated entry says how its actors are read (violent, mutual, ...); for the others it follows
    from the code: violence is CAMEO 18-20, condemning and accusing (11) refer to an event told
    before, consulting and cooperating (03, 04, 06, relations restored and agreements signed in 05)
    and de-escalating (087) are mutual between their sources, mediating (039, 045) is between the
    article's two parties by default.
    """
    code: str
    entry: Entry
    pattern: Pattern | None

    @property
    def curated(self) -> bool:
        return self.entry.origin == "curated"

    @property
    def violent(self) -> bool:
        return (self.entry.violent or not self.curated) and self.code[:2] in VIOLENT_ROOTS

    @property
    def mutual(self) -> bool:
        if self.curated:
            return self.entry.mutual
        return self.code[:2] in MUTUAL_ROOTS or self.code in MUTUAL_CODES or self.code.startswith("087")

    @property
    def target_from_reference(self) -> bool:
        return (self.entry.target_from_reference or not self.curated) and self.code[:2] == "11"

    @property
    def parties_by_default(self) -> bool:
        if not self.curated:
            return self.code in MEDIATION_CODES
        return bool({"*", self.code} & self.entry.parties_by_default)

    @property
    def by_source_type(self) -> Mapping[str, str]:
        """An armed group's use of force is unconventional violence (180), not a state's 19x."""
        if self.code[:2] != "19":
            return {}
        return self.entry.cameo_by_source_type if self.curated else {"armed_group": "180"}


@dataclass(frozen=True)
class PatternBook:
    verbs: Mapping[str, tuple[tuple[str, Entry], ...]]     # verb lemma -> ((particle or "", entry), ...)
    nouns: Mapping[str, tuple[tuple[tuple[str, ...], Entry], ...]]   # head lemma -> ((modifiers, entry), ...)
    verb_forms: Mapping[str, str]                          # inflected form -> lemma, for a lemmatizer's slips
    grammar: Mapping[str, frozenset[str]]
    casualties: Mapping
    labels: Mapping[str, str]                              # "entry id:code" -> label

    def verb_entries(self, lemma: str, particles: frozenset[str]) -> list[Entry]:
        found = [(particle, entry) for particle, entry in self.verbs.get(lemma, ()) if not particle or particle in particles]
        # a phrasal verb the curated file teaches is another verb: "hit back" is no "hit"
        phrasal = any(particle and entry.origin == "curated" for particle, entry in found)
        return [entry for particle, entry in found if particle or not phrasal]

    def noun_entries(self, lemma: str, modifiers: frozenset[str]) -> list[tuple[int, Entry]]:
        """(number of modifier words required, entry) of the nominal triggers this head can be."""
        return [(len(words), entry) for words, entry in self.nouns.get(lemma, ()) if set(words) <= modifiers]

    def words(self, key: str) -> frozenset[str]:
        if key == "event_nouns":          # the heads of the nominal triggers
            return frozenset(self.nouns)
        return self.grammar.get(key, frozenset())


def choose_coding(entries: list[Entry], roles: Roles, lemma: str, passive: bool = False) -> Coding | None:
    """The most specific pattern the roles satisfy (curated first on ties), else the word's own code:
    the curated one when the curated file names the word (even as null), else PETRARCH's."""
    best: tuple[int, int, Pattern, Entry] | None = None
    for order, entry in enumerate(entries):
        for pattern in entry.patterns:
            if pattern.fits(roles) and (best is None or pattern.specificity > best[0]):
                best = (pattern.specificity, order, pattern, entry)
    if best is not None:
        pattern, entry = best[2], best[3]
        code = (pattern.passive_code if passive else None) or pattern.code
        if entry.origin != "curated":
            # PETRARCH's pattern gives the code the curated entry gives the word ("troops clashed"):
            # its actors are read as the curated entry says (mutual, violent, ...)
            entry = next((e for e in entries if e.origin == "curated" and e.code_given and e.code == code), entry)
        return Coding(code, entry, pattern) if code else None
    curated = [entry for entry in entries if entry.origin == "curated" and entry.code_given]
    # the curated file's word wins, a null there included ("this verb alone codes nothing")
    for entry in curated or [entry for entry in entries if entry.origin != "curated"]:
        if lemma in entry.lemma_codes:
            code = (entry.lemma_passive_codes.get(lemma) if passive else None) or entry.lemma_codes[lemma]
        else:
            code = (entry.passive_code if passive else None) or entry.code
        if code:
            return Coding(code, entry, None)
    return None


# --- reading the files -------------------------------------------------------------------------

def _words(value, path: Path, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise PatternError(f"{path}: {where}: expected a word or a list of words, got {value!r}")
    return frozenset(word.lower() for word in value)


def _code(value, path: Path, where: str, known: set[str]) -> str | None:
    if value is None:
        return None
    code = str(value)
    if code not in known:
        raise PatternError(f"{path}: {where}: CAMEO code {code} is not in cameo.csv")
    return code


def read_pattern(spec: dict, path: Path, where: str, known: set[str]) -> Pattern:
    if not isinstance(spec, dict) or "code" not in spec:
        raise PatternError(f"{path}: {where}: a pattern needs a code (null to code nothing): {spec!r}")
    return Pattern(code=_code(spec["code"], path, where, known),
                   object=_words(spec.get("object"), path, where),
                   object_modifiers=_words(spec.get("object_modifiers"), path, where),
                   preposition=preposition_of(spec.get("preposition")),
                   noun=_words(spec.get("noun"), path, where),
                   subject=_words(spec.get("subject"), path, where),
                   complement=_words(spec.get("complement"), path, where),
                   particle=_words(spec.get("particle"), path, where),
                   passive_code=_code(spec.get("passive_code"), path, where, known))


def read_entry(spec: dict, path: Path, origin: str, known: set[str]) -> Entry:
    if not isinstance(spec, dict) or not spec.get("id"):
        raise PatternError(f"{path}: every entry needs an id: {spec!r}")
    where = f"entry '{spec['id']}'"
    patterns = tuple(read_pattern(p, path, where, known) for p in spec.get("patterns") or [])
    return Entry(
        id=str(spec["id"]), origin=origin, code=_code(spec.get("code"), path, where, known), patterns=patterns,
        code_given="code" in spec,
        lemma_codes={str(k).lower(): _code(v, path, where, known) for k, v in (spec.get("lemma_codes") or {}).items()},
        passive_code=_code(spec.get("passive_code"), path, where, known),
        lemma_passive_codes={str(k).lower(): _code(v, path, where, known)
                             for k, v in (spec.get("lemma_passive_codes") or {}).items()},
        label=str(spec.get("label") or ""), violent=bool(spec.get("violent")), mutual=bool(spec.get("mutual")),
        cameo_by_source_type={k: _code(v, path, where, known) for k, v in (spec.get("cameo_by_source_type") or {}).items()},
        target_from_reference=bool(spec.get("target_from_reference")),
        parties_by_default=_default_parties(spec.get("parties_by_default"), path, where, known),
    )


def _default_parties(value, path: Path, where: str, known: set[str]) -> frozenset[str]:
    """`parties_by_default`: true (every code of the entry) or a list of the codes it holds for."""
    if value is True:
        return frozenset({"*"})
    if not value:
        return frozenset()
    if not isinstance(value, list):
        raise PatternError(f"{path}: {where}: parties_by_default must be true or a list of codes, not {value!r}")
    return frozenset(_code(code, path, where, known) for code in value)


def load_yaml(path: Path) -> dict:
    try:
        # the C loader reads the converted dictionary several times faster than the pure-Python one
        spec = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise PatternError(f"{path}: not valid YAML: {error}") from error
    except OSError as error:
        raise PatternError(f"{path}: cannot be read: {error}") from error
    if not isinstance(spec, dict):
        raise PatternError(f"{path}: expected a mapping with 'verbs', 'nouns', ...")
    return spec


def split_phrasal(lemma: str) -> tuple[str, str]:
    """'beef up' -> ('beef', 'up'); 'condemn' -> ('condemn', '')."""
    words = lemma.lower().split()
    return words[0], " ".join(words[1:])


def index_verbs(entries_with_lemmas: list[tuple[Entry, list[str]]], silenced: set[str]) -> dict:
    """verb lemma -> its entries, curated ones first; PETRARCH's silenced ones left out."""
    index: dict[str, list[tuple[str, Entry]]] = {}
    for entry, lemmas in entries_with_lemmas:
        for lemma in lemmas:
            verb, particle = split_phrasal(lemma)
            if entry.origin == "curated" or verb not in silenced:
                index.setdefault(verb, []).append((particle, entry))
    return {verb: tuple(entries) for verb, entries in index.items()}


def index_nouns(entries_with_nouns: list[tuple[Entry, list[str]]]) -> dict:
    index: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for entry, nouns in entries_with_nouns:
        for noun in nouns:
            words = noun.lower().split()
            index.setdefault(words[-1], []).append((tuple(words[:-1]), entry))
    return {head: tuple(entries) for head, entries in index.items()}


def inflections(lemma: str) -> set[str]:
    """Regular English verb forms of a lemma ('expel' -> expels, expelled, expelling ...)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def past_tenses(book: PatternBook) -> dict[str, str]:
    """A known verb's present in -s -> a past form ('condemns' -> 'condemned', 'sends' -> 'sent'),
    for reading headlines: the parser, trained on past-tense news, reads 'Tajikistan condemned
    shelling' right and 'Tajikistan condemns shelling' as a noun phrase."""
    irregular: dict[str, list[str]] = {}
    for form, lemma in book.verb_forms.items():
        if form not in inflections(lemma) and not form.endswith(("s", "ing")):
            irregular.setdefault(lemma, []).append(form)
    found = {}
    for lemma in book.verbs:
        if " " in lemma or not lemma.isalpha():
            continue
        present = third_person(lemma)
        if lemma in irregular:
            found[present] = min(irregular[lemma], key=len)
        elif lemma.endswith("e"):
            found[present] = lemma + "d"
        elif present.endswith("ies"):
            found[present] = lemma[:-1] + "ied"
        else:
            found[present] = lemma + "ed"
    return found


def verb_forms(lemmas: set[str]) -> dict[str, str]:
    """Inflected form -> lemma; a form two lemmas share is left to the lemmatizer."""
    owners: dict[str, set[str]] = {}
    for lemma in lemmas:
        for form in inflections(lemma):
            owners.setdefault(form, set()).add(lemma)
    return {form: next(iter(found)) for form, found in owners.items() if len(found) == 1}


def load_cameo_table(data_dir: str | Path | None = None) -> pd.DataFrame:
    """data/cameo.csv: every CAMEO code with its name, Goldstein value, quad class, PLOVER category and
    the codes of intending, appealing for and refusing it."""
    return pd.read_csv(data_file("cameo.csv", data_dir), dtype=str, keep_default_na=False)


def labelled_code(entry: Entry) -> str:
    """The code an entry's label was written for: its own, else its first pattern's ('called X a
    violation' condemns; 'called a meeting' does not)."""
    return entry.code or (entry.patterns[0].code if entry.patterns else "") or ""


def label_key(pattern: str, code: str) -> str:
    """The key of a curated label: the entry id (without the frame an event row adds) and the code."""
    return f"{pattern.split(':')[0]}:{code}"


def label_of(labels: Mapping[str, str], pattern: str, code: str) -> str:
    """An event's words from `event_labels`: its curated entry's, else its code's; empty if neither."""
    return labels.get(label_key(pattern, code)) or labels.get(code) or ""


def event_labels(data_dir: str | Path | None = None) -> dict[str, str]:
    """A few words for charts: by the curated entry that coded an event when the event has the code
    the label was written for ('strikes'), else by its CAMEO code (data/cameo.csv's `label`:
    'offers to mediate between'); see `label_key`."""
    cameo = load_cameo_table(data_dir)
    return {**dict(zip(cameo["cameo_code"], cameo["label"])), **load_pattern_book(data_dir).labels}


def known_codes(data_dir: str | Path | None) -> set[str]:
    return set(load_cameo_table(data_dir)["cameo_code"])


def load_pattern_book(data_dir: str | Path | None = None) -> PatternBook:
    return _load_pattern_book(str(data_file(CURATED_FILE, data_dir)), str(data_file(PETRARCH_FILE, data_dir)),
                              str(data_file("cameo.csv", data_dir)))


@lru_cache(maxsize=4)   # the converted dictionary is large; one reading per process and data folder
def _load_pattern_book(curated_path: str, petrarch_path: str, cameo_path: str) -> PatternBook:
    known = known_codes(Path(cameo_path).parent)
    curated_file, petrarch_file = Path(curated_path), Path(petrarch_path)
    curated = load_yaml(curated_file)
    curated_verbs = [(read_entry(spec, curated_file, "curated", known), list(spec.get("lemmas") or []))
                     for spec in curated.get("verbs") or []]
    silenced = {str(word).lower() for word in curated.get("ignore_lemmas") or []}
    petrarch_verbs, irregular = [], {}
    if petrarch_file.is_file():
        petrarch = load_yaml(petrarch_file)
        irregular = {str(form).lower(): str(lemma).lower() for form, lemma in (petrarch.get("irregular_forms") or {}).items()}
        petrarch_verbs = [(read_entry(spec, petrarch_file, "petrarch", known),
                           list(spec.get("lemmas") or []))
                          for spec in petrarch.get("verbs") or []]
    nouns = [(read_entry(spec, curated_file, "curated", known), list(spec.get("nouns") or []))
             for spec in curated.get("nouns") or []]
    unknown = sorted(set(curated.get("grammar") or {}) - set(GRAMMAR_KEYS))
    if unknown:
        raise PatternError(f"{curated_file}: grammar: unknown key(s) {', '.join(map(str, unknown))}; "
                           f"known: {', '.join(GRAMMAR_KEYS)}")
    grammar = {key: _words(curated.get("grammar", {}).get(key), curated_file, f"grammar: {key}")
               for key in GRAMMAR_KEYS}
    all_lemmas = {split_phrasal(lemma)[0] for _, lemmas in curated_verbs + petrarch_verbs for lemma in lemmas}
    entries = [entry for entry, _ in curated_verbs + petrarch_verbs + nouns]
    return PatternBook(
        verbs=index_verbs(curated_verbs + petrarch_verbs, silenced),
        nouns=index_nouns(nouns),
        verb_forms={**verb_forms(all_lemmas | set(grammar["speech"])), **irregular},
        grammar=grammar,
        casualties=curated.get("casualties") or {},
        labels={label_key(entry.id, labelled_code(entry)): entry.label for entry in entries if entry.label},
    )
