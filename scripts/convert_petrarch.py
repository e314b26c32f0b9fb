"""Convert PETRARCH2's CAMEO verb dictionary into the project's verb patterns.

    python scripts/convert_petrarch.py REFERENCE_DIR

REFERENCE_DIR holds `CAMEO.2.0.txt` from the openeventdata/petrarch2 repository. The script writes
`data/petrarch/verb_patterns.yaml` (replaced atomically) and prints what it could not convert and why.

The dictionary is written for constituency parses: verb blocks (`--- NAME [code] ---`), verb lines
with irregular forms `{...}` and their own codes `[...]`, synonym sets `&NAME`, and pattern lines
`- [pre-verb nouns] * [post-verb nouns] (PREP NOUN) [CODE]`. Here each pattern becomes a set of
lemmas in dependency roles (subject, object, preposition and its noun, particle, complement).
How codes with a colon are read comes from PETRARCH2's own code (`utilities.convert_code` and
`PETRtree.VerbPhrase.get_code/get_meaning`): see `data/SOURCES.md`.
"""
from __future__ import annotations

import itertools
import json
import os
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from helpers.language import without_final_s

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "data" / "petrarch" / "verb_patterns.yaml"
SOURCE_FILE = "CAMEO.2.0.txt"
SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"

# The project never writes a catch-all statement: verbs of saying are handled as attribution.
STATEMENT_CODE = "010"

# Headwords written in an inflected form in CAMEO.2.0.txt, with their lemma.
INFLECTED_HEADWORDS = {
    "ANGERED": "anger", "BURNT": "burn", "IS": "be", "DETERRING": "deter", "DISPELLING": "dispel",
    "LOSING": "lose", "TOURING": "tour", "UNDERSTOOD": "understand", "WORRIED": "worry",
}

# Words after the verb that are its particle ("set OUT views", "put UP barricades").
PARTICLES = {"ABOUT", "AHEAD", "APART", "ASIDE", "AWAY", "BACK", "DOWN", "FORWARD", "OFF", "OUT",
             "OVER", "TOGETHER", "UP"}

# Prepositions, in parentheses or written without them ("* FOR &INVESTIGATION", a TABARI-style word
# sequence that PETRARCH2's reader took for two nouns; read here as the prepositional phrase it spells).
PREPOSITIONS = {"ABOUT", "AFTER", "AGAINST", "ALONG", "AMID", "AMONG", "AS", "AT", "BEFORE", "BEHIND",
                "BETWEEN", "BY", "DESPITE", "DURING", "FOR", "FROM", "IN", "INSIDE", "INTO", "OF", "ON",
                "OUTSIDE", "OVER", "THROUGH", "TO", "TOWARD", "TOWARDS", "UNDER", "UNTIL", "UPON", "WITH",
                "WITHOUT"}

# Words that cannot be the head or a modifier of a noun phrase: a phrase holding one is malformed.
FUNCTION_WORDS = {"a", "an", "and", "or", "the", "of", "to", "that", "when", "not", "will", "been"}

# Marks of source or target positions that a pattern in dependency roles cannot express.
ROLE_MARKERS = {"$", "+", "%", "^"}

# Plurals that the suffix rules below get wrong, and words whose lemma ends in -s (as in the UD
# English treebank the project's parser learns from: "troops" stays "troops", "arms" is "arm").
IRREGULAR_PLURALS = {"men": "man", "buses": "bus", "children": "child", "feet": "foot", "analyses": "analysis",
                     "crises": "crisis", "criteria": "criterion", "knives": "knife", "lives": "life",
                     "kroner": "krone", "nazis": "nazi", "ties": "tie", "lies": "lie"}
SINGULAR_IN_S = {"afterwards", "alias", "always", "atlas", "auspices", "barracks", "bias", "christmas",
                 "economics", "gallows", "gas", "goods", "headquarters", "lats", "litas", "means", "news",
                 "odds", "ourselves", "overseas", "perhaps", "politics", "series", "sometimes", "species",
                 "teargas", "thanks", "themselves", "troops", "whereas"}

PATTERN_FIELDS = ("code", "passive_code", "subject", "particle", "object", "object_modifiers", "complement",
                  "preposition", "noun")
LIST_FIELDS_MERGED = ("object", "noun", "subject", "complement")  # "any of" lists


class Unconvertible(Exception):
    """A line that cannot be expressed in dependency roles; its message is the reason counted."""


@dataclass
class Block:
    name: str
    code: str | None
    passive_code: str | None
    lemmas: dict[str, tuple[str | None, str | None] | None] = field(default_factory=dict)
    patterns: dict[tuple, tuple[str | None, str | None, int]] = field(default_factory=dict)


@dataclass
class Conversion:
    blocks: list[Block] = field(default_factory=list)
    dropped: Counter = field(default_factory=Counter)   # reason -> number of source lines
    notes: Counter = field(default_factory=Counter)     # converted, with a remark worth reporting
    synsets: dict = field(default_factory=dict)
    forms: dict = field(default_factory=dict)           # irregular verb form -> lemma
    pattern_lines: int = 0
    converted_lines: int = 0
    patterns_written: int = 0


# --- codes ------------------------------------------------------------------------------------

def parse_code(text: str) -> tuple[str | None, str | None]:
    """`[042:043]` -> ("042", "043"); `[:173]` -> (None, "173"); `[---]` -> (None, None).

    PETRARCH2 (utilities.convert_code) splits the code at the colon: the first part is the code of
    the event from the verb's subject to its object, the second the code of the event with the roles
    reversed (the object or the by/from/in phrase acting on the subject). Anything after `]` ("[120]---")
    and a stray `!` ("[080!]") are ignored, as PETRARCH2's reader ends up doing.
    """
    match = re.fullmatch(r"\[([^\]]*)\]-*", text.strip())
    if not match:
        raise Unconvertible("malformed code")
    inner = match.group(1).replace("!", "")
    active, _, passive = inner.partition(":")
    return code_or_none(active), code_or_none(passive)


def code_or_none(text: str) -> str | None:
    text = text.strip()
    if text in ("", "---"):
        return None
    if not re.fullmatch(r"\d{3,4}", text):
        raise Unconvertible("malformed code")
    return text


def without_statement(codes: tuple[str | None, str | None], notes: Counter, what: str):
    """The 010 "make statement" code becomes no code: the project never writes a catch-all statement."""
    if STATEMENT_CODE in codes:
        notes[f"statement code 010 read as no code ({what})"] += 1
    return tuple(None if code == STATEMENT_CODE else code for code in codes)


# --- words ------------------------------------------------------------------------------------

def singular(word: str) -> str:
    """The singular of a lower-case noun, the form a lemmatizer gives ("sanctions" -> "sanction")."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("men") and len(word) > 4 and word not in ("specimen", "regimen", "abdomen"):
        return word[:-3] + "man"   # gunmen, servicemen, women
    if (len(word) <= 3 or not word.endswith("s") or word in SINGULAR_IN_S
            or word.endswith(("ss", "us", "is", "ous", "'s"))):
        return word
    return without_final_s(word)


def noun_lemma(word: str) -> str:
    word = word.strip("_").lower()
    if word in FUNCTION_WORDS or not word:
        raise Unconvertible("function word where a noun must be")
    return singular(word)


def verb_lemma(headword: str) -> str:
    return INFLECTED_HEADWORDS.get(headword, headword.lower())


# --- synonym sets ---------------------------------------------------------------------------------

def read_synsets(lines: list[str], notes: Counter | None = None) -> dict[str, list[list[str]]]:
    """`&CEASEFIRE` followed by `+TRUCE`, `+CEASE_FIRE` ... -> {"&CEASEFIRE": [["truce"], ["cease", "fire"]]}.

    Members are lemmas, a multi-word member a compound whose last word is the head. A trailing `_`
    (on the set's name or a member) only stops plural generation: it is dropped. A member that is
    not a compound ("WEAPON_OF_MASS_DESTRUCTION", "BOW_AND_ARROW") cannot be written as modifiers
    and a head: it is left out of the set.
    """
    synsets: dict[str, list[list[str]]] = {}
    name = None
    for line in lines:
        text = line.split("#")[0].strip()
        if text.startswith("&"):
            name = synset_name(text)
            synsets[name] = []
        elif text.startswith("+") and name:
            try:
                synsets[name].append([noun_lemma(word) for word in text[1:].strip().strip("_").split("_")])
            except Unconvertible:
                if notes is not None:
                    notes["synonym-set member that is not a noun compound, left out of its set"] += 1
    return synsets


def synset_name(token: str) -> str:
    return token.rstrip("_")


# --- verb lines ---------------------------------------------------------------------------------

def parse_block_header(line: str) -> tuple[str, str | None, str | None]:
    """`---  DEMAND   [100]  ---` -> ("DEMAND", "100", None)."""
    parts = line.split()
    if len(parts) < 3:
        raise Unconvertible("malformed block header")
    return parts[1], *parse_code(parts[2])


def parse_verb_line(line: str) -> tuple[str, tuple[str | None, str | None] | None]:
    """A verb line -> (lemma, own code or None).

    `BRING {BRINGS BRINGING BROUGHT}` -> ("bring", None); `+ASK_FOR {...} [020]` -> ("ask for", ("020", None)).
    A multi-word verb keeps its other words after the verb ("beef up"); words before the verb
    (`WIRE_+TAP`) and coordinated verbs (`+KILLED_AND`) cannot be one verb of a dependency tree.
    """
    text = re.split(r"[#;]", line)[0]   # `;` starts a comment in the older TABARI lines
    own_code = None
    code_match = re.search(r"(?<=[\s}])(\[[^\]]*\]\S*)\s*$", " " + text)
    if code_match:
        own_code = parse_code(code_match.group(1))
        text = (" " + text)[:code_match.start()]
    text = re.sub(r"\{[^}]*\}", " ", text).split()
    if len(text) != 1:
        raise Unconvertible("malformed verb line")
    headword = text[0]
    if "+" not in headword:
        if "_" in headword:
            raise Unconvertible("malformed verb line")
        return verb_lemma(headword), own_code
    before, _, after = headword.partition("+")
    if before:
        raise Unconvertible("multi-word verb with words before the verb")
    verb, *rest = after.split("_")
    if any(word in ("AND", "OR") for word in rest):
        raise Unconvertible("coordinated verbs")
    return " ".join([verb_lemma(verb)] + [word.lower() for word in rest if word]), own_code


def irregular_forms(line: str) -> list[str]:
    """`BRING {BRINGS BRINGING BROUGHT}` -> [brings, bringing, brought]; of a multi-word verb
    (`+STRIKE_DOWN {+STRUCK_DOWN ...}`) the verb's own form ("struck")."""
    braces = re.search(r"\{([^}]*)\}", re.split(r"[#;]", line)[0])
    if not braces:
        return []
    forms = []
    for word in braces.group(1).split():
        verb = word.partition("+")[2] if "+" in word else word
        verb = verb.split("_")[0].lower()
        if verb.isalpha():
            forms.append(verb)
    return forms


# --- pattern lines --------------------------------------------------------------------------------

TOKEN = re.compile(r"\([^()]*\)|\{[^{}]*\}|[^\s(){}]+")


def tokenize(text: str) -> list[str]:
    tokens = TOKEN.findall(text)
    if re.sub(r"\s", "", "".join(tokens)) != re.sub(r"\s", "", text):
        raise Unconvertible("malformed pattern")
    return tokens


def phrase_alternatives(words: list[str], synsets: dict, keep_modifiers: bool) -> list[tuple[tuple, str]]:
    """Words of a noun phrase -> [(modifiers, head item), ...], lemmas, synonym sets expanded.

    With keep_modifiers (the object), `{HUMAN RIGHTS}` -> [(("human",), "right")]. Otherwise, or when a
    synonym set stands before the head, the phrase is one compound item whose last word is the head:
    `{FINANCIAL AID}` -> [((), "financial aid")], `{&MILITARY AID}` -> [((), "army aid"), ((), "force aid"), ...]
    (before the head, a member of several words counts by its last word, the one that modifies the head).
    A member of a synonym set with several words stays one compound item: `&CEASEFIRE` -> [((), "cease fire"),
    ((), "truce"), ...]. Words joined by `_` are consecutive words, a compound; `A/B` are alternatives.
    """
    *before, last = words
    # before the head, a set's member counts by the word of it that attaches to the head ("armed force" -> force)
    choices = [sorted({(member[-1],) for member in word_choices(word, synsets)}) for word in before]
    heads = word_choices(last, synsets)
    if keep_modifiers and all(len(choice) == 1 for choice in choices):
        modifiers = tuple(word for choice in choices for word in choice[0])
        return sorted({(modifiers, " ".join(head)) for head in heads})
    return sorted({((), " ".join(word for member in combination for word in member))
                   for combination in itertools.product(*choices, heads)})


def word_choices(word: str, synsets: dict) -> list[list[str]]:
    """The alternatives one written word stands for, each a list of lemmas (a compound when several)."""
    if word.startswith("&"):
        return synset_members(word, synsets)
    if "/" in word:
        return [[noun_lemma(part)] for part in word.split("/")]   # "FAVOUR/FAVOR"
    return [[noun_lemma(part) for part in word.split("_")]]


def synset_members(token: str, synsets: dict) -> list[list[str]]:
    if synset_name(token) not in synsets:
        raise Unconvertible("undefined synonym set")
    return synsets[synset_name(token)]


def noun_phrase(token: str, synsets: dict) -> list[str]:
    """A bare word, `&SET` or `{...}` -> its words as written, checked (phrase_alternatives reads them)."""
    words = token[1:-1].split() if token.startswith("{") else [token]
    if not words:
        raise Unconvertible("malformed pattern")
    if sum(word.startswith("&") for word in words) > 1:
        # {&MILITARY &AIRCRAFT}: every member of one set with every member of the other ("navy drone",
        # "battalion airliner", ...) is a list of hundreds of compounds, mostly nonsense
        raise Unconvertible("two synonym sets in one phrase")
    for word in words:
        word_choices(word, synsets)   # an undefined set or a function word fails here, whatever its role
    return words


@dataclass
class Slots:
    """What one side of `*` asks for; a noun phrase as its written words ({FINANCIAL AID}: [FINANCIAL, AID])."""
    nouns: list = field(default_factory=list)
    particle: str | None = None
    complement: list = field(default_factory=list)
    prepositions: list = field(default_factory=list)   # [([prepositions], noun phrase or None)]


def read_side(tokens: list[str], synsets: dict, notes: Counter) -> Slots:
    """The tokens on one side of `*` -> the roles they ask for."""
    slots = Slots()
    position = 0
    while position < len(tokens):
        token = tokens[position]
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if token.startswith("("):
            read_parenthesized(token[1:-1].split(maxsplit=1), slots, synsets)
        elif token == "TO" and following and not following.startswith(("(", "{", "&")):
            slots.complement.append(verb_lemma(following))   # "* TO ACT"
            position += 1
        elif token.startswith("TO_") and token.count("_") == 1:
            slots.complement.append(verb_lemma(token[3:]))   # "* TO_WITHDRAW"
        elif token in PARTICLES and (following is None or following[0] in "({&" or following not in PREPOSITIONS):
            set_particle(slots, token)   # before or after the object: "put UP barricades", "pull staff OUT"
        elif token in PREPOSITIONS and not (following or "").startswith("("):
            nouns = noun_phrase(following, synsets) if following else None   # "* SANCTIONS AGAINST"
            slots.prepositions.append(([token.lower()], nouns))
            notes["preposition written without parentheses, read as a prepositional phrase"] += 1
            position += 1
        else:
            slots.nouns.append(noun_phrase(token, synsets))
        position += 1
    return slots


def read_parenthesized(words: list[str], slots: Slots, synsets: dict) -> None:
    """`(FOR {FINANCIAL AID})` is a prepositional phrase; `(ASIDE RIFT)`, `(OUT)` a particle and its object.

    `(BY/WITH SANCTIONS)`: prepositions separated by `/` are alternatives.
    """
    if not words:
        raise Unconvertible("malformed pattern")
    first, rest = words[0], (words[1].strip() if len(words) > 1 else None)
    if rest and len(tokenize(rest)) != 1:
        raise Unconvertible("several nouns in sequence (needs word order)")
    nouns = noun_phrase(rest, synsets) if rest else None
    if first in PARTICLES and first not in PREPOSITIONS:
        set_particle(slots, first)
        if nouns:
            slots.nouns.append(nouns)
        return
    prepositions = first.split("/")
    if not all(preposition in PREPOSITIONS for preposition in prepositions):
        raise Unconvertible("parentheses that do not open with a preposition")
    slots.prepositions.append(([preposition.lower() for preposition in prepositions], nouns))


def set_particle(slots: Slots, word: str) -> None:
    if slots.particle is not None:
        raise Unconvertible("several nouns in sequence (needs word order)")
    slots.particle = word.lower()


def pattern_entries(body: str, synsets: dict, notes: Counter) -> list[dict]:
    """The words of a pattern line (between `-` and its code) -> atomic entries, one head per slot."""
    if body.count("*") != 1:
        raise Unconvertible("malformed pattern")
    before, after = body.split("*")
    before_tokens, after_tokens = tokenize(before), tokenize(after)
    inner_words = [word for token in before_tokens + after_tokens for word in token.strip("(){}").split()]
    if any(word in ROLE_MARKERS for word in inner_words):
        raise Unconvertible("source or target marker ($ + % ^)")
    pre = read_side(before_tokens, synsets, notes)
    post = read_side(after_tokens, synsets, notes)
    if pre.prepositions or pre.particle or pre.complement:
        raise Unconvertible("a word before the verb that is not its subject")
    if len(pre.nouns) > 1 or len(post.nouns) > 1 or len(post.complement) > 1:
        raise Unconvertible("several nouns in sequence (needs word order)")
    if len(post.prepositions) > 1:
        raise Unconvertible("several prepositional phrases")
    if post.complement and (post.nouns or post.prepositions):
        raise Unconvertible("several nouns in sequence (needs word order)")
    subjects = alternatives(pre.nouns[0] if pre.nouns else None, synsets, keep_modifiers=False)
    objects = alternatives(post.nouns[0] if post.nouns else None, synsets, keep_modifiers=True)
    prepositions, noun_words = post.prepositions[0] if post.prepositions else ([None], None)
    nouns = alternatives(noun_words, synsets, keep_modifiers=False)
    entries = []
    for subject, obj, preposition, noun in itertools.product(subjects, objects, prepositions, nouns):
        entries.append({"subject": subject and (subject[1],), "particle": post.particle,
                        "object": obj and (obj[1],), "object_modifiers": (obj and obj[0]) or None,
                        "complement": tuple(post.complement) or None, "preposition": preposition,
                        "noun": noun and (noun[1],)})
    return entries


def alternatives(words: list[str] | None, synsets: dict, keep_modifiers: bool) -> list:
    return phrase_alternatives(words, synsets, keep_modifiers) if words else [None]


def parse_pattern_line(line: str) -> tuple[str, tuple[str | None, str | None]]:
    """`- * WITHDRAWAL  [1056]  # DEMAND` -> ("* WITHDRAWAL", ("1056", None))."""
    text = line.split("#")[0].rstrip()
    match = re.search(r"\s(\[[^\]\s]*\][^\s\[\]]*)$", text)
    if not match:
        raise Unconvertible("malformed code")
    return text[1:match.start()], parse_code(match.group(1))


# --- the whole dictionary -------------------------------------------------------------------------

def convert_dictionary(text: str) -> Conversion:
    lines = text.splitlines()
    # synonym sets come first, up to the "VERB PATTERNS" heading (or the first block)
    verbs_start = next((i + 1 for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS")),
                       next((i for i, line in enumerate(lines) if line.startswith("---")), len(lines)))
    conversion = Conversion()
    synsets = conversion.synsets = read_synsets(lines[:verbs_start], conversion.notes)
    block = None
    for number, line in enumerate(lines[verbs_start:], verbs_start + 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped.startswith("<!"):
            continue
        try:
            if stripped.startswith("~"):
                raise Unconvertible("verb transformation (~)")
            if block is None and not stripped.startswith("---"):
                raise Unconvertible("line outside a verb block")
            if stripped.startswith("---"):
                name, *codes = parse_block_header(stripped)
                block = Block(name, *without_statement(tuple(codes), conversion.notes, "block"))
                conversion.blocks.append(block)
            elif stripped.startswith("-"):
                conversion.pattern_lines += 1
                add_pattern(block, stripped, number, synsets, conversion)
                conversion.converted_lines += 1
            else:
                lemma, own_code = parse_verb_line(stripped)
                for form in irregular_forms(stripped):
                    conversion.forms.setdefault(form, lemma.split()[0])
                if own_code:
                    own_code = without_statement(own_code, conversion.notes, "verb")
                block.lemmas.setdefault(lemma, own_code)   # PETRARCH2 keeps a verb's first code
        except Unconvertible as reason:
            conversion.dropped[str(reason)] += 1
    return conversion


def add_pattern(block: Block, line: str, number: int, synsets: dict, conversion: Conversion) -> None:
    body, codes = parse_pattern_line(line)
    entries = pattern_entries(body, synsets, conversion.notes)
    code, passive_code = without_statement(codes, conversion.notes, "pattern: it blocks the verb's own code")
    overrides = False
    for entry in entries:
        key = tuple(entry[name] for name in PATTERN_FIELDS[2:])
        if not any(key):
            # "- *" alone: PETRARCH2 gives every verb of the block this code
            block.code, block.passive_code = code, passive_code
            block.lemmas = dict.fromkeys(block.lemmas)
            conversion.notes["pattern without words: the block's code"] += 1
            continue
        previous = block.patterns.get(key)
        overrides |= bool(previous) and previous[:2] != (code, passive_code)
        first_line = previous[2] if previous else number
        block.patterns[key] = (code, passive_code, first_line)
    if overrides:
        conversion.notes["same words as an earlier line, another code: the later line wins, as in PETRARCH2"] += 1


# --- output ---------------------------------------------------------------------------------------

MODIFIERS_POSITION = PATTERN_FIELDS[2:].index("object_modifiers")


def is_subsumed(key: tuple, codes: tuple, patterns: dict) -> bool:
    """True when the same pattern without the object's modifiers exists with the same codes."""
    if key[MODIFIERS_POSITION] is None:
        return False
    general = patterns.get(key[:MODIFIERS_POSITION] + (None,) + key[MODIFIERS_POSITION + 1:])
    return general is not None and general[:2] == codes[:2]


def merged_patterns(block: Block) -> list[dict]:
    """Atomic entries -> entries whose lists hold every head that shares all other fields."""
    entries = [dict(zip(PATTERN_FIELDS[2:], key), code=code, passive_code=passive, line=line)
               for key, (code, passive, line) in block.patterns.items()
               if not is_subsumed(key, (code, passive), block.patterns)]
    for name in LIST_FIELDS_MERGED:
        groups: dict[tuple, dict] = {}
        for entry in entries:
            rest = tuple((key, value) for key, value in sorted(entry.items()) if key not in (name, "line"))
            if entry[name] is None:
                rest += (("line", entry["line"]),)   # nothing to merge on
            if rest in groups:
                group = groups[rest]
                group[name] = tuple(sorted(set(group[name]) | set(entry[name])))
                group["line"] = min(group["line"], entry["line"])
            else:
                groups[rest] = dict(entry)
        entries = list(groups.values())
    entries.sort(key=lambda entry: (-specificity(entry), entry["line"], pattern_text(entry)))
    return [{name: entry[name] for name in PATTERN_FIELDS if entry[name] is not None or name == "code"}
            for entry in entries]


def without_default_repeats(patterns: list[dict], default: tuple, notes: Counter) -> list[dict]:
    """Leave out the patterns that only repeat the code every verb of the block has alone.

    Such a pattern changes nothing unless a pattern after it, with another code, could match the
    same words: then it is kept, as it stops that pattern. (The dictionary's own notes say it holds
    many patterns "which simply go to the default code in the verb block".)
    """
    kept = []
    for position, pattern in enumerate(patterns):
        if (pattern["code"], pattern.get("passive_code")) == default and not any(
                (later["code"], later.get("passive_code")) != default and may_match_together(pattern, later)
                for later in patterns[position + 1:]):
            notes["pattern that only repeats the code of the verb alone, left out"] += 1
            continue
        kept.append(pattern)
    return kept


def may_match_together(first: dict, second: dict) -> bool:
    """Could words that match `first` also match `second`? (True when unsure.)"""
    for name, value in second.items():
        if name in ("code", "passive_code") or name not in first or name.endswith("_modifiers"):
            continue
        if isinstance(value, tuple) and not set(value) & set(first[name]):
            return False
        if isinstance(value, str) and value != first[name]:
            return False
    return True


def without_redundant_compounds(items: tuple[str, ...]) -> tuple[str, ...]:
    """("assault rifle", "rifle") -> ("rifle",): the compound adds nothing when its head is there alone."""
    return tuple(item for item in items if item.split()[-1] == item or item.split()[-1] not in items)


def specificity(entry: dict) -> int:
    return sum(len(value) if isinstance(value, tuple) and name.endswith("modifiers") else 1
               for name, value in entry.items()
               if name not in ("code", "passive_code", "line") and value is not None)


def pattern_text(entry: dict) -> str:
    return json.dumps({key: value for key, value in entry.items() if key != "line"}, sort_keys=True)


def synonym_set_lists(synsets: dict) -> dict[str, tuple[str, ...]]:
    """The lists written once and named: each synonym set as the items a role holds when it is used."""
    lists = {}
    for name, members in synsets.items():
        items = tuple(sorted({" ".join(member) for member in members}))
        if len(items) >= 3:
            lists[name[1:].lower()] = items
    return lists


def with_synonym_sets(pattern: dict, lists: dict[str, tuple[str, ...]]) -> list[dict]:
    """Split a list that holds a whole synonym set into an entry naming the set and one with the rest.

    Written once and named, the large sets (weapons, aircraft) keep the file small and quick to load.
    """
    for name in LIST_FIELDS_MERGED:
        items = pattern.get(name)
        if not isinstance(items, tuple):
            continue
        for set_name, set_items in sorted(lists.items(), key=lambda item: (-len(item[1]), item[0])):
            if set(set_items) <= set(items):
                rest = tuple(item for item in items if item not in set_items)
                parts = with_synonym_sets({**pattern, name: set_name}, lists)
                if rest:
                    parts += with_synonym_sets({**pattern, name: rest}, lists)
                return parts
    return [{name: without_redundant_compounds(value) if name in LIST_FIELDS_MERGED and isinstance(value, tuple)
             else value for name, value in pattern.items()}]


def block_document(block: Block, lists: dict[str, tuple[str, ...]], notes: Counter) -> dict:
    """A block as written to the file; a role naming a synonym set holds the set's name (a str)."""
    lemma_codes, lemma_passive_codes = {}, {}
    for lemma, own in sorted(block.lemmas.items()):
        if own is not None and own != (block.code, block.passive_code):
            lemma_codes[lemma] = own[0]
            if own[1]:
                lemma_passive_codes[lemma] = own[1]
    document = {"id": block.name, "code": block.code}
    if block.passive_code:
        document["passive_code"] = block.passive_code
    document["lemmas"] = sorted(block.lemmas)
    if lemma_codes:
        document["lemma_codes"] = lemma_codes
    if lemma_passive_codes:
        document["lemma_passive_codes"] = lemma_passive_codes
    patterns = merged_patterns(block)
    if not lemma_codes:
        patterns = without_default_repeats(patterns, (block.code, block.passive_code), notes)
    document["patterns"] = [part for pattern in patterns for part in with_synonym_sets(pattern, lists)]
    return document


# --- YAML -----------------------------------------------------------------------------------------
# Written by hand rather than with yaml.safe_dump: one line per pattern in flow style, the synonym
# sets as anchors, codes always quoted. PyYAML's pure-Python loader reads this in about a second.

# Plain words that YAML 1.1 (PyYAML) would read as booleans or null.
YAML_KEYWORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def yaml_word(value: str) -> str:
    if re.fullmatch(r"[A-Za-z][A-Za-z_-]*( [A-Za-z][A-Za-z_-]*)*", value) and value.lower() not in YAML_KEYWORDS:
        return value
    return json.dumps(value, ensure_ascii=False)   # a JSON string is a YAML double-quoted scalar


def yaml_code(code: str | None) -> str:
    return "null" if code is None else f'"{code}"'


class YamlWriter:
    """Renders the blocks; a role that holds a whole synonym set is written as its alias (`*weapon`)."""

    def __init__(self, lists: dict[str, tuple[str, ...]]):
        self.lists = lists
        self.used: set[str] = set()

    def alias(self, name: str) -> str:
        self.used.add(name)
        return f"*{name}"

    def words(self, value) -> str:
        if isinstance(value, str):
            return self.alias(value) if value in self.lists else f"[{yaml_word(value)}]"
        return "[" + ", ".join(yaml_word(item) for item in value) + "]"

    def pattern(self, pattern: dict) -> str:
        parts = []
        for key, value in pattern.items():
            if key in ("code", "passive_code"):
                text = yaml_code(value)
            elif key in LIST_FIELDS_MERGED or key == "object_modifiers":
                text = self.words(value)
            else:
                text = yaml_word(value)
            parts.append(f"{key}: {text}")
        return "{" + ", ".join(parts) + "}"

    def block(self, block: dict) -> list[str]:
        out = [f"  - id: {yaml_word(block['id'])}", f"    code: {yaml_code(block['code'])}"]
        if "passive_code" in block:
            out.append(f"    passive_code: {yaml_code(block['passive_code'])}")
        out.append(f"    lemmas: {self.words(tuple(block['lemmas']))}")
        for key in ("lemma_codes", "lemma_passive_codes"):
            if key in block:
                codes = ", ".join(f"{yaml_word(lemma)}: {yaml_code(code)}" for lemma, code in block[key].items())
                out.append(f"    {key}: {{{codes}}}")
        out.append("    patterns:" if block["patterns"] else "    patterns: []")
        out += [f"      - {self.pattern(pattern)}" for pattern in block["patterns"]]
        return out


def render_yaml(blocks: list[dict], lists: dict[str, tuple[str, ...]], forms: dict[str, str] | None = None) -> str:
    writer = YamlWriter(lists)
    verbs = [line for block in blocks for line in writer.block(block)]
    sets = [f"  {name}: &{name} {writer.words(lists[name])}" for name in sorted(writer.used)]
    irregular = [f"  {yaml_word(form)}: {yaml_word(lemma)}" for form, lemma in sorted((forms or {}).items())]
    return "\n".join([HEADER, "synonym_sets:", *sets, "irregular_forms:", *irregular, "verbs:", *verbs]) + "\n"


HEADER = f"""\
# Generated by scripts/convert_petrarch.py from {SOURCE_FILE} (openeventdata/petrarch2 commit
# {SOURCE_COMMIT}, MIT licence, Open Event Data Alliance). Do not edit: override in
# data/event_patterns.yaml. data/SOURCES.md says what was converted, what was dropped and why.
#
# verbs: one entry per verb block of the PETRARCH2 dictionary, in the dictionary's order.
#   id            the block's name
#   code          CAMEO code of the block's verbs used alone: the verb's subject acts on its object
#                 (or prepositional object). null: the verb alone codes nothing (blocks coded [---],
#                 and the 010 "make statement" blocks: verbs of saying are handled as attribution)
#   passive_code  (only when present) CAMEO code of the event with the roles reversed: the other party
#                 (the object, the prepositional object or the passive's agent) acts on the subject.
#                 PETRARCH2's [042:043] ("X visits Y": X visits Y, and Y hosts X) gives code 042 and
#                 passive_code 043; [:173] ("X appeared in court") gives code null, passive_code 173.
#   lemmas        lower-case verb lemmas; a multi-word verb is the verb's lemma followed by its other
#                 words as written ("beef up", "ask for", "take leave")
#   lemma_codes   verbs of the block with a code of their own, used instead of code and passive_code
#                 when that verb is used alone (null: it codes nothing)
#   lemma_passive_codes  the reversed-roles code of such a verb, when it has one
#   patterns      most specific first: the first that matches gives its code (and passive_code);
#                 code null: this combination codes nothing (it blocks the verb's own code).
#                 Every field present must match. A list means "any of these":
#     subject            head lemma of the verb's subject (the pattern's noun before the verb)
#     particle           the verb's particle or adverb ("put UP barricades": up)
#     object             head lemma of the verb's direct object (PETRARCH2 matched the head of any
#                        noun or adverb phrase after the verb: a few are adjectives or adverbs)
#     object_modifiers   words before the head in the braced phrase ({{HUMAN RIGHTS}}: [human]), all
#                        of them modifying it (compound, amod)
#     complement         lemma of a to-infinitive complement ("* TO ACT": xcomp act)
#     preposition        a prepositional phrase on the verb or on its object: the preposition ...
#     noun               ... and the head lemma of its object (absent: any noun, or none)
#   An item of several words is a compound: its last word is the head and the words before it must
#   modify it, directly or through one another (compound, amod). They come from synonym sets
#   ("improvised explosive device"), from a braced subject or noun ("(FOR {{FINANCIAL AID}})": noun
#   [financial aid]) and from an object braced around a synonym set ("{{&MILITARY AID}}": object
#   [army aid, military aid, navy aid, ...]).
# irregular_forms: the inflected forms PETRARCH2 lists in braces, each with its verb's lemma
#   ("struck": strike), for the coder to find a verb the lemmatizer missed.
# Nouns are singular lemmas ("SANCTIONS" and "SANCTION" are one word here). Synonym sets (&CEASEFIRE)
# are expanded; the large ones are written once under synonym_sets and referred to by a YAML alias
# (*ceasefire), which yaml.safe_load expands into the list itself. A verb may belong to several
# blocks: each block is kept as written.
"""


def converted_yaml(dictionary: str) -> tuple[str, Conversion]:
    """The text of a PETRARCH2 verb dictionary -> the YAML file's text, and what happened to each line."""
    conversion = convert_dictionary(dictionary)
    lists = synonym_set_lists(conversion.synsets)
    documents = [block_document(block, lists, conversion.notes) for block in conversion.blocks]
    conversion.patterns_written = sum(len(document["patterns"]) for document in documents)
    return render_yaml(documents, lists, conversion.forms), conversion


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)   # mkstemp makes the file private
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def report(conversion: Conversion, output: Path) -> str:
    lemma_blocks = Counter(lemma for block in conversion.blocks for lemma in block.lemmas)
    lines = [f"wrote {output}",
             f"blocks: {len(conversion.blocks)}",
             f"verb lemmas: {sum(len(block.lemmas) for block in conversion.blocks)} "
             f"({len(lemma_blocks)} distinct; {sum(n > 1 for n in lemma_blocks.values())} in several blocks)",
             f"pattern lines: {conversion.pattern_lines}, converted: {conversion.converted_lines}",
             f"patterns written: {conversion.patterns_written}",
             "dropped lines, by reason:"]
    lines += counted(conversion.dropped)
    lines.append("converted, with a remark:")
    lines += counted(conversion.notes)
    return "\n".join(lines)


def counted(counts: Counter) -> list[str]:
    return [f"  {count:5d}  {what}" for what, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    source = Path(argv[0]) / SOURCE_FILE
    if not source.is_file():
        print(f"error: {source}: not found", file=sys.stderr)
        return 2
    text, conversion = converted_yaml(source.read_text(encoding="utf-8"))
    write_atomically(OUTPUT, text)
    print(report(conversion, OUTPUT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
