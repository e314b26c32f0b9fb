"""Convert the Phoenix actor and agent dictionaries (PETRARCH2, MIT licence) into data/phoenix/.

    .venv/bin/python scripts/convert_phoenix.py REFERENCE_DIR

REFERENCE_DIR is the folder holding Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt and Phoenix.agents.txt. Writes, each atomically:

- data/phoenix/actors.yaml   states, their bodies, office-holders with dated terms, IGOs, NGOs and
                             armed groups, in the schema of data/actors.yaml
- data/phoenix/places.csv    the cities, provinces and regions Phoenix lists as names of a state
- data/phoenix/agents.yaml   role nouns ("foreign minister", "rebels") and their agent codes

The format is PETRARCH's (docs/source/dictionaries.rst of PETRARCH2): a record is a primary phrase,
'+' synonyms and '[CODE date-restriction]' lines. The curated files in data/ override what is
written here (see helpers.actor_dictionary); data/capitals.csv is read to find each state's capital.
"""
from __future__ import annotations

import csv
import difflib
import os
import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[1]
OUTPUT_DIR = PROJECT_ROOT / "data" / "phoenix"
CAPITALS_FILE = PROJECT_ROOT / "data" / "capitals.csv"
SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
COUNTRIES, INTERNATIONAL, MILNONSTATE, AGENTS = (
    "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt")

# Phoenix.Countries.actors.txt says "Generated at: Thu Jan 30 16:06:18 2014". An open-ended term
# ('>date') means "still in office when the file was made": Phoenix cannot know of later changes,
# so the term is closed at that date. data/office_holders.yaml carries the terms after it.
PHOENIX_AS_OF = "2014-01-30"

# --- what the codes mean ---------------------------------------------------------------------

OFFICE_CODES = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP"}     # a person holds office under these
STATE_BODY_CODES = OFFICE_CODES                                # a body under these rolls up to its state
ARMED_CODES = {"REB", "INS", "UAF", "SEP"}


def actor_type_of_agent(agent: str) -> str:
    """Our actor type for a Phoenix agent code (the first three letters of it)."""
    agent = agent[:3]
    if agent in {"GOV", "LEG", "JUD"}:
        return "government"
    if agent in {"MIL", "SPY", "COP"}:
        return "military"
    if agent == "MED":
        return "media"
    if agent in ARMED_CODES:
        return "armed_group"
    if agent == "IGO":
        return "igo"
    return "other"


# --- curated decisions the rules cannot make ------------------------------------------------------

# Display names where Phoenix's first name is a formal or misspelt one.
STATE_DISPLAY_NAMES = {
    "USA": "United States", "RUS": "Russia", "ZAF": "South Africa", "TZA": "Tanzania",
    "MDG": "Madagascar", "BRN": "Brunei", "KNA": "Saint Kitts and Nevis", "CIV": "Côte d'Ivoire",
    "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo", "PSE": "Palestine",
    "SUN": "Soviet Union", "DDR": "East Germany", "TMP": "Timor-Leste", "MKD": "North Macedonia",
    "SWZ": "Eswatini", "GBR": "United Kingdom",
}
# Names a spelling rule cannot tie to the state (not close to its name, not a formal name).
STATE_EXTRA_NAMES = {
    "USA": ["America"], "GBR": ["Britain", "Great Britain", "UK"], "NLD": ["Holland"],
    "MMR": ["Burma"], "CIV": ["Ivory Coast", "Cote d'Ivoire"], "CZE": ["Czechia"],
    "MKD": ["Macedonia"], "SWZ": ["Swaziland"], "TUR": ["Türkiye", "Turkiye"],
    "TMP": ["East Timor"], "COD": ["DR Congo", "DRC"], "PRK": ["North Korea"],
    "KOR": ["South Korea"], "CPV": ["Cabo Verde"], "DDR": ["German Democratic Republic"],
}
# Demonyms the stem rule (stem of the name + -an, -ese, -ish, -i ...) does not find.
DEMONYM_EXCEPTIONS = {
    "FRA": ["French"], "NLD": ["Dutch"], "CHE": ["Swiss"], "GRC": ["Greek"], "GBR": ["British"],
    "IRL": ["Irish"], "DNK": ["Danish"], "FIN": ["Finnish"], "ESP": ["Spanish"], "POL": ["Polish"],
    "NOR": ["Norwegian"], "PHL": ["Filipino"], "THA": ["Thai"], "LAO": ["Lao", "Laotian"], "PER": ["Peruvian"],
    "USA": ["American"], "CIV": ["Ivorian"], "MMR": ["Burmese"], "SVK": ["Slovak"], "CZE": ["Czech"],
    "HRV": ["Croatian", "Croat"], "SRB": ["Serb", "Serbian"], "BIH": ["Bosnian"], "NZL": ["New Zealander"],
    "MDG": ["Malagasy"], "MCO": ["Monegasque"], "BHR": ["Bahraini"], "KNA": ["Kittitian"],
    # demonyms Phoenix does not list at all
    "BEL": ["Belgian"], "BFA": ["Burkinabe", "Burkinabè"], "COD": ["Congolese"], "CYP": ["Cypriot"],
    "NER": ["Nigerien"], "PAN": ["Panamanian"], "SVN": ["Slovenian"], "SWE": ["Swedish"], "TGO": ["Togolese"],
    "MUS": ["Mauritian"], "MDV": ["Maldivian"], "WSM": ["Samoan"], "PRT": ["Portuguese"], "ISL": ["Icelandic"],
    "NPL": ["Nepali", "Nepalese"], "DJI": ["Djiboutian"], "MOZ": ["Mozambican"], "CAF": ["Central African"],
    "KSV": ["Kosovar", "Kosovan"], "KAZ": ["Kazakh", "Kazakhstani"], "KGZ": ["Kyrgyz", "Kyrgyzstani"],
    "TJK": ["Tajik", "Tajikistani"], "UZB": ["Uzbek", "Uzbekistani"], "TKM": ["Turkmen"], "COM": ["Comoran"],
    "LUX": ["Luxembourgish"],
}
# Phoenix names that are nicknames, jokes or historical labels rather than names used in news.
ODD_NAMES = {
    "THE_GRAVEYARD_OF_EMPIRES", "SOVIET_OCCUPIED_AFGHANISTAN", "CELESTIAL_EMPIRE",
    "CROWN_JEWEL_OF_THE_BRITISH_EMPIRE", "YANKEE_LAND", "YANKEELAND", "AMERICALAND", "CITY_OF_LIGHT",
    "RED_KOREA", "SOVIET_KOREA", "COMMUNIST_KOREA", "KIM'S_JOSEON_DYNASTY", "UKANIA", "WINDWARD_COAST",
    "CHINESE_WALL", "HEART_OF_DIXIE", "EMPIRE_STATE_OF_THE_SOUTH", "ATHENS_ON_THE_KAW",
    "OLD_DOMINION", "L'HEXAGONE", "UNITEDSTATIAN",
}
# Words that are places or names in Phoenix but ordinary English words in news text; matching is
# case-insensitive, so they would turn "polish the report" or "a jersey" into an actor or a place.
# Found by checking every single-word Phoenix alias against an English word list (see SOURCES.md).
COMMON_WORDS = set()  # filled below from COMMON_WORDS_TEXT
COMMON_WORDS_TEXT = """
avengers bale buffalo canaries car champagne cork cornerstone elf emetic erg falcon fez foundation
gent hippo hum jersey lightning male marches mavericks meshed organization paradise providence saga
senate tamale youth zero
"""
# Entries of Phoenix.Countries that are people coded without dates: office-holders are coded only
# within their dates, so these are dropped.
UNDATED_PEOPLE = {
    "BASHAR_AL-ASSAD", "MOHAMMED_ALI_ALLAHDADI", "ABU_MOHAMMAD_AL_JAWLANI", "ABU_ABDUL_'AZIZ_AL-QATARI",
    "EDWARD_SNOWDEN", "ALBIN_KURTI", "AHMED_DARWISH", "SIDDARAMAIAH", "DENG_XIAOPING",
    "HOSSEIN_SHARIATMADARI", "SAMIR_GEAGEA", "FETHULLAH_GULEN", "EKMELEDDIN_IHSANOGLU",
    "SELAHATTIN_DEMIRTAS", "AHMAD_AWAD_BIN_MUBARAK",
}
FICTIONAL_STATES = {"KNT"}   # Kinakuta, the TABARI test country

DESIGNATOR_WORDS = {"REPUBLIC", "KINGDOM", "STATE", "STATES", "FEDERATION", "FEDERAL", "EMIRATE",
                    "EMIRATES", "SULTANATE", "PRINCIPALITY", "COMMONWEALTH", "UNION", "ISLAMIC", "ARAB",
                    "DEMOCRATIC", "PEOPLE'S", "PEOPLES", "PEOPLES'", "SOCIALIST", "UNITED", "GRAND",
                    "DUCHY", "HASHEMITE", "BOLIVARIAN", "INDEPENDENT", "NATION", "OF", "THE", "AND"}
DEMONYM_SUFFIXES = ("IAN", "EAN", "ESE", "ISH", "ENE", "INE", "ITE", "AN", "IC", "ER", "OT", "I")
ORGANISATION_WORDS = {"PARTY", "MOVEMENT", "FRONT", "ARMY", "COUNCIL", "ASSEMBLY", "BRIGADE",
                      "BRIGADES", "COMMITTEE", "FORCE", "FORCES", "UNION", "CONGRESS", "LEAGUE",
                      "ALLIANCE", "ORGANIZATION", "ORGANISATION", "AGENCY", "COMMISSION", "FUND",
                      "PROGRAMME", "PROGRAM", "BANK", "COURT", "TRIBUNAL", "ASSOCIATION", "OFFICE",
                      "PANEL", "MISSION", "NATIONS", "COMMUNITY", "CONFERENCE", "CENTRE", "CENTER",
                      "INSTITUTE", "FOUNDATION", "GROUP", "SOCIETY", "NETWORK", "WATCH", "CROSS",
                      "CRESCENT", "INTERNATIONAL", "AUTHORITY", "PARLIAMENT", "SECRETARIAT", "BUREAU",
                      "INITIATIVE", "TREATY", "MARKET", "COOPERATION", "PARTNERSHIP", "FEDERATION",
                      "COALITION", "TASK", "GOVERNMENT", "MINISTRY", "DEPARTMENT", "SERVICE",
                      "SERVICES", "POLICE", "GUARD", "GUARDS", "CORPS", "DIRECTORATE", "REPUBLIC"}
PLACE_KINDS = [("PROVINCE", "province"), ("GOVERNORATE", "province"), ("DISTRICT", "district"),
               ("REGION", "region"), ("RIVER", "river"), ("LAKE", "lake"), ("MOUNT", "mountain"),
               ("MOUNTAINS", "mountain"), ("DESERT", "desert"), ("ISLAND", "island"),
               ("ISLANDS", "island"), ("VALLEY", "valley"), ("PENINSULA", "peninsula"),
               ("CITY", "city"), ("STATE", "state")]
# Acronyms kept upper case inside longer names ("US Congress"); titles written in mixed case.
KNOWN_ACRONYMS = {"US", "UK", "UN", "EU", "USA", "UAE", "NATO", "U.S.", "U.K.", "U.N."}
ABBREVIATIONS = {"MR": "Mr", "MRS": "Mrs", "DR": "Dr", "ST": "St", "MT": "Mt", "JR": "Jr", "SR": "Sr"}
LOWERCASE_PARTICLES = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "da", "do", "dos", "das",
                       "del", "della", "di", "du", "des", "la", "le", "van", "von", "der", "den", "al",
                       "el", "ul", "ud", "bin", "ibn", "e", "i", "y", "wa", "ash", "ad"}


# --- reading the PETRARCH format ---------------------------------------------------------------------

@dataclass
class Restriction:
    """'[PAKGOV 901106-930418]': a code and the dates it applies between (ISO, '' when open)."""
    code: str
    valid_from: str = ""
    valid_until: str = ""
    dated: bool = False


@dataclass
class Record:
    names: list[str]                                  # Phoenix phrases, the primary one first
    restrictions: list[Restriction] = field(default_factory=list)

    @property
    def primary(self) -> str:
        return self.names[0]


def phoenix_date(text: str) -> str:
    """YYYYMMDD or YYMMDD -> ISO. As in PETRARCH's dstr_to_ordate: more than 7 characters is
    YYYYMMDD (extra characters ignored), otherwise YYMMDD with YY <= 30 read as 20YY, else 19YY."""
    digits = text.strip()
    if len(digits) > 7:
        year, month, day = digits[:4], digits[4:6], digits[6:8]
    else:
        year, month, day = digits[:2], digits[2:4], digits[4:6]
        year = str(2000 + int(year) if int(year) <= 30 else 1900 + int(year))
    iso = f"{year}-{month}-{day}"
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", iso):
        raise ValueError(f"not a date: {text!r}")
    return iso


def parse_restriction(text: str, as_of: str = PHOENIX_AS_OF) -> Restriction | None:
    """'PAKGOV 901106-930418', 'PAKGOV >20130909', 'USRARM <900823', 'PAKGOV' -> Restriction.
    Returns None for a null code ('---') or a date that cannot be read."""
    parts = text.split()
    if not parts:
        return None
    if parts[0].startswith("---"):
        return Restriction("---")                     # the null code: "not an actor"
    code, dates = parts[0], "".join(parts[1:])
    try:
        if not dates:
            return Restriction(code)
        if dates.startswith(">"):
            return Restriction(code, phoenix_date(dates[1:]), as_of, True)
        if dates.startswith("<"):
            return Restriction(code, "", phoenix_date(dates[1:]), True)
        start, _, end = dates.partition("-")
        return Restriction(code, phoenix_date(start), phoenix_date(end), True)
    except ValueError:
        return None


def read_records(path: Path, as_of: str = PHOENIX_AS_OF) -> list[Record]:
    """The records of a Phoenix .actors file, in file order.

    A primary line with no code of its own, directly followed by another record, shares that
    record's codes: the files list a person's other names this way (IVO_JOSIPOVIC_ /
    PRESIDENT_JOSIPOVIC_ / JOSIPOVIC_ [HRVGOV >20120219]).
    """
    return merge_codeless_records(parse_records(path.read_bytes().decode("utf-8", errors="replace"), as_of))


def parse_records(text: str, as_of: str = PHOENIX_AS_OF) -> list[Record]:
    records: list[Record] = []
    for raw in text.splitlines():
        line = raw.split("#")[0].strip()
        if not line or line.startswith("<!"):
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        phrase = re.sub(r"\[[^\]]*\]?", "", line).strip()
        if line.startswith("["):
            if not records:
                continue
        elif line.startswith("+") and records:
            records[-1].names += [name for name in phrase[1:].split("+") if name.strip()]
        else:
            records.append(Record([phrase]))
        for code in codes:
            restriction = parse_restriction(code, as_of)
            records[-1].restrictions.append(restriction or Restriction("?unreadable"))
    return records


def merge_codeless_records(records: list[Record]) -> list[Record]:
    merged, pending = [], []
    for record in records:
        if not record.restrictions:
            pending += record.names
            continue
        codes = [r for r in record.restrictions if r.code != "---"]
        if codes:                                      # a record coded '---' is not an actor
            merged.append(Record(pending + record.names, codes))
        pending = []
    return merged


# --- names in natural case ---------------------------------------------------------------------

def phrase_words(phrase: str) -> list[str]:
    """'INTER-SERVICES_INTELLIGENCE_' -> ['INTER-SERVICES', 'INTELLIGENCE']."""
    return [word for word in re.split(r"[_\s]+", phrase.strip().upper()) if word]


def is_odd(phrase: str) -> bool:
    """Database-style or broken phrases ('KOREA,_NORTH', 'CHINA_(PRC)', '\ufffd'), and joke names."""
    key = "_".join(phrase_words(phrase))
    return bool(re.search(r"[(),;:/\\\[\]{}+\ufffd$]", phrase)) or key in ODD_NAMES or not key


def initials(words: list[str], skip_connectors: bool) -> str:
    words = [w for part in words for w in part.split("-")]
    if skip_connectors:
        words = [w for w in words if w.lower() not in {"of", "the", "and", "for"}]
    return "".join(w[0] for w in words if w and w[0].isalpha())


def acronyms_of(phrases: list[str]) -> set[str]:
    """Single-word phrases of a record that are the initials of another of its phrases ('ISI' for
    'INTER-SERVICES_INTELLIGENCE', 'DPRK' for 'DEMOCRATIC_PEOPLES_REPUBLIC_OF_KOREA'), or dotted."""
    found = set()
    long_forms = [phrase_words(p) for p in phrases if len(phrase_words(p)) > 1]
    for phrase in phrases:
        words = phrase_words(phrase)
        if len(words) != 1:
            continue
        letters = words[0].replace(".", "")
        if not letters.isalpha() or len(letters) > 6:
            continue
        if re.fullmatch(r"([A-Z]{1,2}\.)+[A-Z]{0,2}\.?", words[0]) or any(letters in {initials(f, True), initials(f, False)} or
                                  (len(letters) >= 2 and initials(f, True).startswith(letters) and
                                   len(letters) >= len(initials(f, True)) - 1)
                                  for f in long_forms):
            found.add(words[0])
    return found


def natural_case(phrase: str, acronyms: set[str] = frozenset()) -> str:
    """'ISLAMIC_REPUBLIC_OF_AFGHANISTAN_' -> 'Islamic Republic of Afghanistan'; acronyms stay upper."""
    words = phrase_words(phrase)
    return " ".join(_case_word(word, position == 0, acronyms) for position, word in enumerate(words))


def _case_word(word: str, first: bool, acronyms: set[str]) -> str:
    if word.rstrip(".") in ABBREVIATIONS:
        return ABBREVIATIONS[word.rstrip(".")] + word[len(word.rstrip(".")):]
    if word in acronyms or word in KNOWN_ACRONYMS or re.fullmatch(r"([A-Z]{1,2}\.)+[A-Z]{0,2}\.?", word) or \
            (len(word) > 1 and word.isalpha() and not re.search(r"[AEIOUY]", word)):
        return word
    parts = re.split(r"([-.])", word)
    cased = [_case_part(part, first and i == 0) if part not in "-." else part for i, part in enumerate(parts)]
    return "".join(cased)


def _case_part(part: str, first: bool) -> str:
    lower = part.lower()
    if lower in LOWERCASE_PARTICLES and not first:
        return lower
    if "'" in part:
        head, _, tail = part.partition("'")
        if tail.lower() == "s":
            return head.capitalize() + "'s"
        if len(head) == 1:                                # d'Ivoire, O'Neill
            head = head.lower() if head in "DL" and not first else head.upper()
            return f"{head}'{tail.capitalize()}"
        return f"{head.capitalize()}'{tail.lower()}"      # Xi'an
    return lower.capitalize()


def alias_key(alias: str) -> str:
    """How two spellings of a name are compared: case, a leading 'the', hyphens and dots ignored."""
    key = re.sub(r"[-\s]+", " ", alias.lower().replace(".", "")).strip()
    return re.sub(r"^the ", "", key)


def without_leading_the(alias: str) -> str:
    return re.sub(r"^[Tt]he ", "", alias)


def letters(text: str) -> str:
    return re.sub(r"[^A-Z]", "", text.upper())


# --- states ---------------------------------------------------------------------------------------

def read_capitals(path: Path = CAPITALS_FILE) -> dict[str, list[tuple[str, str]]]:
    """state id -> [(name, kind)] from data/capitals.csv (kind: capital or metonym)."""
    capitals = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            capitals[row["state"]].append((row["name"], row["kind"]))
    return capitals


def current_state_code(record: Record) -> str:
    """The 3-letter code a record has today (undated, or open-ended), if it names a state."""
    for restriction in record.restrictions:
        if len(restriction.code) == 3 and restriction.code.isalpha() and \
                (not restriction.dated or (restriction.valid_from and not restriction.valid_until) or
                 restriction.valid_until == PHOENIX_AS_OF):
            return restriction.code
    return ""


@dataclass
class StateNames:
    names: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    places: list[tuple[str, str]] = field(default_factory=list)    # (place, kind)
    dropped: list[tuple[str, str]] = field(default_factory=list)   # (phrase, reason)


def classify_state_names(state_id: str, display: str, phrases: list[str],
                         capitals: list[tuple[str, str]]) -> StateNames:
    """Sort a state's Phoenix phrases into names, demonyms, capital, places and dropped ones.

    Rules, in order: odd phrases are dropped; the capital and metonyms of data/capitals.csv are
    kept; initials of another name are acronyms (UK, DPRK); the name's stem plus a demonym ending
    is a demonym (Pakistan+i, Afghan, Chin+ese); a formal name (designator words around the name:
    'Islamic Republic of Afghanistan') or a spelling within 80% of the name is a name, unless it
    is a common English word. Phoenix lists a state's names before its capital and its cities
    after it: what is left before the capital is a foreign or odd form and is dropped, what comes
    after it is a place.
    """
    result = StateNames()
    capital_names = {alias_key(name): name for name, _ in capitals}
    anchors = [display] + STATE_EXTRA_NAMES.get(state_id, [])
    acronyms = acronyms_of(phrases + [a.upper().replace(" ", "_") for a in anchors])
    boundary = names_end(phrases, anchors, capital_names)
    demonym_exceptions = {alias_key(d) for d in DEMONYM_EXCEPTIONS.get(state_id, [])}
    for position, phrase in enumerate(phrases):
        text = without_leading_the(natural_case(phrase, acronyms))
        key = alias_key(text)
        if is_odd(phrase):
            result.dropped.append((phrase, "odd"))
        elif key in capital_names:
            result.capitals.append(capital_names[key])
        elif phrase_words(phrase)[-1] in acronyms and len(phrase_words(phrase)) == 1:
            result.names.append(text)
        elif key in demonym_exceptions or is_demonym(phrase, anchors):
            result.demonyms.append(text)
        elif is_formal_name(phrase, anchors) or any(alias_key(a) == key for a in anchors):
            result.names.append(text)
        elif is_spelling_of(phrase, anchors):
            if key in COMMON_WORDS:
                result.dropped.append((phrase, "common word"))
            else:
                result.names.append(text)
        elif position < boundary:
            result.dropped.append((phrase, "foreign or odd form"))
        elif key in COMMON_WORDS:
            result.dropped.append((phrase, "common word"))
        else:
            result.places.append((natural_case(phrase, acronyms), place_kind(phrase)))
    return result


def names_end(phrases: list[str], anchors: list[str], capital_names: dict) -> int:
    """Where the state's own names end in Phoenix's list: at the capital when it follows them
    closely, else right after the last name that looks like the state's (Argentina lists its
    capital last, after its cities)."""
    capital = next((i for i, p in enumerate(phrases) if alias_key(natural_case(p)) in capital_names), None)
    name_like = [i for i, p in enumerate(phrases) if not is_odd(p) and
                 (is_spelling_of(p, anchors) or is_demonym(p, anchors) or is_formal_name(p, anchors))]
    last_name = max(name_like, default=-1)
    if capital is not None and capital <= last_name + 3:
        return capital
    return last_name + 1


def is_demonym(phrase: str, anchors: list[str]) -> bool:
    """'PAKISTANI', 'AFGHAN', 'EMIRATI', 'SOUTH_KOREAN': a stem of a word of the name (4+ letters,
    or all of a short word) with a demonym ending, not just a respelling of that word; leading
    words, if any, are the name's own ('SOUTH')."""
    words = phrase_words(phrase)
    for anchor in anchors:
        anchor_words = phrase_words(anchor)
        if len(words) > 1:
            if words[:-1] != anchor_words[:len(words) - 1] or len(words) != len(anchor_words):
                continue
            name_words = [anchor_words[-1]]
        else:
            name_words = [w for w in anchor_words if w not in DESIGNATOR_WORDS]
        last = letters(words[-1])
        for name_word in map(letters, name_words):
            for suffix in DEMONYM_SUFFIXES:
                stem = last[:-len(suffix)]
                if last.endswith(suffix) and len(last) != len(name_word) and \
                        len(stem) >= min(4, len(name_word)) and name_word.startswith(stem):
                    return True
    return False


def is_formal_name(phrase: str, anchors: list[str]) -> bool:
    """The name with designator words only around it: 'ISLAMIC_REPUBLIC_OF_AFGHANISTAN'."""
    words = [w.replace("'", "'") for w in phrase_words(phrase)]
    for anchor in anchors:
        anchor_words = phrase_words(anchor)
        for start in range(len(words) - len(anchor_words) + 1):
            if words[start:start + len(anchor_words)] == anchor_words:
                rest = words[:start] + words[start + len(anchor_words):]
                if rest and all(w in DESIGNATOR_WORDS for w in rest):
                    return True
    return False


def is_spelling_of(phrase: str, anchors: list[str]) -> bool:
    """A misspelling or variant: at least 80% alike letter for letter ('PAKSTAN', 'AFGANISTAN')."""
    return any(difflib.SequenceMatcher(None, letters(phrase), letters(anchor)).ratio() >= 0.8
               for anchor in anchors)


def place_kind(phrase: str) -> str:
    words = set(phrase_words(phrase))
    return next((kind for word, kind in PLACE_KINDS if word in words), "place")


# --- people, bodies and territories of a state ------------------------------------------------------

def is_organisation_name(phrase: str) -> bool:
    return bool(set(phrase_words(phrase)) & ORGANISATION_WORDS)


def office_terms(record: Record, states: set[str]) -> list[Restriction]:
    """The dated periods in which a person held an office of a state (GOV, MIL, LEG, JUD, SPY, COP)."""
    return [r for r in record.restrictions
            if r.dated and r.code[:3] in states and r.code[3:6] in OFFICE_CODES]


def person_parent(state: str, code: str) -> str:
    agent = code[3:6]
    return f"{state}_{agent}" if agent in {"GOV", "MIL"} else state


def body_entry(record: Record, code: str, states: set[str]) -> dict | None:
    """A state's body ([PAKSPY]), a group tied to a state ([SYRREB]) or an IGO/NGO by its code."""
    state, agent = code[:3], code[3:6]
    if state not in states:
        return None
    kind = actor_type_of_agent(agent)
    is_state_body = agent in STATE_BODY_CODES or code[3:9] == "GOVMED"
    return {"type": kind, "country": state, "parent": state if is_state_body else "", "cameo": code}


# --- assembling the actors -------------------------------------------------------------------------

@dataclass
class Conversion:
    actors: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    dropped: Counter = field(default_factory=Counter)
    ids: set[str] = field(default_factory=set)

    def unique_id(self, wanted: str) -> str:
        base = re.sub(r"[^A-Z0-9]+", "_", wanted.upper()).strip("_") or "ACTOR"
        candidate, n = base, 2
        while candidate in self.ids:
            candidate, n = f"{base}_{n}", n + 1
        self.ids.add(candidate)
        return candidate


def convert_countries(records: list[Record], capitals: dict, conversion: Conversion) -> None:
    """States first (so that bodies and people can name them), then bodies, territories, people."""
    states = find_states(records, capitals, conversion)
    state_ids = set(states)
    for record in records:
        if record.primary in states.values():
            continue
        convert_country_record(record, state_ids, conversion)


def find_states(records: list[Record], capitals: dict, conversion: Conversion) -> dict[str, str]:
    """state id -> the primary phrase of its record; a later record with the same code adds its
    names when its first name is a name of the state, else its names are places of the state."""
    by_state: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        code = current_state_code(record)
        if code and code not in FICTIONAL_STATES:
            by_state[code].append(record)
    primaries = {}
    for state_id, state_records in by_state.items():
        # a record that belonged to another state before lists what joined this one later
        # ("LEIPZIG_ ... [DDR 491007-901003] [DEU >19901003]" is not Germany's name)
        main = min(state_records, key=lambda record: any(r.code != state_id and r.code in by_state
                                                         for r in record.restrictions))
        display = STATE_DISPLAY_NAMES.get(state_id) or natural_case(main.primary)
        phrases, extra_places = list(main.names), []
        for other in (record for record in state_records if record is not main):
            if is_spelling_of(other.primary, [display]) or is_formal_name(other.primary, [display]):
                phrases += other.names
            else:
                extra_places += other.names
        names = classify_state_names(state_id, display, phrases, capitals.get(state_id, []))
        for name in STATE_EXTRA_NAMES.get(state_id, []):
            names.names.append(name)
        conversion.dropped.update(reason for _, reason in names.dropped)
        aliases = unique([display] + names.names + [c for c in names.capitals])
        demonyms = unique(names.demonyms + DEMONYM_EXCEPTIONS.get(state_id, []))
        conversion.ids.add(state_id)
        conversion.actors.append({"id": state_id, "name": display, "type": "state", "cameo": state_id,
                                  "aliases": aliases, "demonyms": demonyms})
        places = names.places + [(natural_case(p), place_kind(p)) for p in extra_places if not is_odd(p)]
        conversion.places += [{"place": p, "country": state_id, "kind": k} for p, k in places]
        primaries[state_id] = main.primary
    return {state_id: primaries[state_id] for state_id in sorted(primaries)}


def convert_country_record(record: Record, states: set[str], conversion: Conversion) -> None:
    key = "_".join(phrase_words(record.primary))
    undated = [r for r in record.restrictions if not r.dated]
    terms = office_terms(record, states)
    if key in UNDATED_PEOPLE:
        conversion.dropped["person without dated office"] += 1
    elif any(r.dated for r in record.restrictions) and not is_organisation_name(record.primary):
        add_person(record, terms, conversion)
    elif undated and undated[0].code[:3] in states and len(undated[0].code) >= 6:
        add_body_or_territory(record, undated[0].code, states, conversion)
    elif any(r.dated for r in record.restrictions):          # an organisation with dated codes
        latest = max(record.restrictions, key=lambda r: r.valid_from or "")
        add_body_or_territory(record, latest.code, states, conversion)
    else:
        conversion.dropped["record with no usable code"] += 1


def add_person(record: Record, terms: list[Restriction], conversion: Conversion) -> None:
    if not terms:
        conversion.dropped["person without dated office"] += 1
        return
    terms = sorted(terms, key=lambda t: (t.valid_from, t.valid_until))
    latest = max(terms, key=lambda t: (t.valid_until or "9999", t.valid_from))
    state = latest.code[:3]
    aliases = clean_aliases(record.names)
    if not aliases:
        conversion.dropped["person without usable name"] += 1
        return
    name = aliases[0]
    conversion.actors.append({
        "id": conversion.unique_id(name), "name": name, "type": "person", "country": state,
        "parent": person_parent(state, latest.code), "cameo": latest.code, "aliases": aliases,
        "terms": merge_terms([{"valid_from": t.valid_from, "valid_until": t.valid_until} for t in terms]),
    })


def merge_terms(terms: list[dict]) -> list[dict]:
    """Overlapping or touching periods become one (Phoenix often lists a post twice)."""
    merged: list[dict] = []
    for term in terms:
        if merged and merged[-1]["valid_until"] and term["valid_from"] and \
                term["valid_from"] <= merged[-1]["valid_until"]:
            if term["valid_until"] > merged[-1]["valid_until"] or not term["valid_until"]:
                merged[-1]["valid_until"] = term["valid_until"]
        elif merged and not merged[-1]["valid_until"]:
            continue
        else:
            merged.append(dict(term))
    return merged


def add_body_or_territory(record: Record, code: str, states: set[str], conversion: Conversion) -> None:
    agent = code[3:6]
    if agent and actor_type_of_agent(agent) == "other" and agent not in KNOWN_AGENT_CODES:
        # USAGUM, GBRGIB, PSEGZA: a dependent territory, a place of the state
        conversion.places += [{"place": natural_case(p), "country": code[:3], "kind": "territory"}
                              for p in record.names if not is_odd(p)]
        return
    if agent in {"ELI"}:
        conversion.dropped["elite or person without office"] += 1
        return
    entry = body_entry(record, code, states)
    aliases = clean_aliases(record.names)
    if not entry or not aliases:
        conversion.dropped["record with no usable code"] += 1
        return
    same = next((a for a in conversion.actors if a.get("cameo") == code and a["type"] != "person"
                 and alias_key(a["name"]) == alias_key(aliases[0])), None)
    if same:
        same["aliases"] = unique(same["aliases"] + aliases)
        return
    conversion.actors.append({"id": conversion.unique_id(f"{code[:3]}_{short_name(record.names)}"),
                              "name": aliases[0], **entry, "aliases": aliases})


def short_name(phrases: list[str]) -> str:
    """An acronym of the record if it has one (ISI, PLA, IDF), else its first name; of two acronyms
    as short, the one Phoenix lists first (a set's order would change with each run)."""
    def first_listed(acronym: str) -> int:
        return next((i for i, phrase in enumerate(phrases) if acronym in phrase_words(phrase)), len(phrases))
    acronyms = sorted(acronyms_of(phrases), key=lambda acronym: (len(acronym), first_listed(acronym), acronym))
    return acronyms[0].replace(".", "") if acronyms else "_".join(phrase_words(phrases[0]))


def clean_aliases(phrases: list[str], short_words_are_acronyms: bool = False) -> list[str]:
    """Natural-case aliases of a record: odd phrases and single common words left out; the
    acronym in a name like 'HIZBUL_MUJAHIDEEN_(HM)_' becomes an alias of its own. In the
    International and MilNonState files a single word of up to six letters is an acronym (BEAC)."""
    expanded = []
    for phrase in phrases:
        match = re.fullmatch(r"(.*?)_?\(([^()]*)\)_?", phrase.strip())
        if not match:
            expanded.append(phrase)
            continue
        expanded.append(match.group(1))
        if re.fullmatch(r"[A-Z][A-Z.-]{2,7}", match.group(2)):    # an acronym of 3+ letters: (JEM)
            expanded.append(match.group(2))
    acronyms = acronyms_of(expanded) | {p for p in expanded if re.fullmatch(r"[A-Z]{3,6}", p.strip("_"))
                                        and len(phrase_words(p)) == 1 and p not in phrases}
    if short_words_are_acronyms:
        acronyms |= {phrase_words(p)[0] for p in expanded if is_short_acronym(p)}
    aliases = []
    for phrase in expanded:
        if is_odd(phrase):
            continue
        text = without_leading_the(natural_case(phrase, acronyms))
        if len(text.split()) == 1 and alias_key(text) in COMMON_WORDS:
            continue
        aliases.append(text)
    return unique(aliases)


def unique(items: list[str]) -> list[str]:
    seen, kept = set(), []
    for item in items:
        if alias_key(item) not in seen:
            seen.add(alias_key(item))
            kept.append(item)
    return kept


# --- international organisations and armed groups --------------------------------------------------

def convert_international(records: list[Record], states: set[str], conversion: Conversion) -> None:
    """IGOs (IGO* codes) and NGOs (NGO*), one actor per organisation; people, companies (MNC*)
    and elites are left out. Records of one code that share a name or an acronym are one actor."""
    groups: dict[str, list[list[Record]]] = defaultdict(list)
    for record in records:
        code = next((r.code for r in record.restrictions if not r.dated), "")
        family = code[:3]
        if family not in {"IGO", "NGO"} and not (family == "MED" and not code[3:]):
            conversion.dropped[f"{family or 'no'} code in International (company, person, state)"] += 1
            continue
        if not is_organisation_name(record.primary) and not acronyms_of(record.names) and \
                not is_short_acronym(record.primary):
            conversion.dropped["person or unnamed body in International"] += 1
            continue
        join_group(groups[code], record)
    actor_of_code: dict[str, str] = {}
    for code in sorted(groups):
        for group in groups[code]:
            actor = organisation_actor(code, group, conversion)
            if actor:
                actor_of_code.setdefault(code, actor["id"])
    for actor in conversion.actors:
        if actor["type"] in {"igo", "other", "media"} and actor.get("_code"):
            actor["parent"] = parent_organisation(actor.pop("_code"), actor_of_code)


def is_short_acronym(phrase: str) -> bool:
    words = phrase_words(phrase)
    return len(words) == 1 and 2 <= len(words[0].replace(".", "")) <= 6 and words[0].replace(".", "").isalpha()


def join_group(groups: list[list[Record]], record: Record) -> None:
    """Put a record with the organisation it names (a shared name, or one is the other's acronym)."""
    keys = record_keys(record)
    for group in groups:
        if any(keys & record_keys(other) for other in group):
            group.append(record)
            return
    groups.append([record])


def record_keys(record: Record) -> set[str]:
    keys = {letters(p) for p in record.names if not is_odd(p)}
    keys |= {initials(phrase_words(p), True) for p in record.names if len(phrase_words(p)) >= 2}
    return {key for key in keys if len(key) >= 2}


def organisation_actor(code: str, group: list[Record], conversion: Conversion) -> dict | None:
    phrases = [p for record in group for p in record.names]
    aliases = clean_aliases(phrases, short_words_are_acronyms=True)
    if not aliases:
        return None
    long_names = [a for a in aliases if len(a.split()) > 1] or aliases
    acronyms = sorted((a for a in aliases if a.replace(".", "").isupper() and len(a.split()) == 1), key=len)
    wanted = acronyms[0].replace(".", "") if acronyms else long_names[0]
    actor = {"id": conversion.unique_id(wanted), "name": long_names[0], "type": actor_type_of_agent(code),
             "cameo": code, "aliases": aliases, "_code": code}
    conversion.actors.append(actor)
    return actor


def parent_organisation(code: str, actor_of_code: dict[str, str]) -> str:
    """The UN's agencies (IGOUNOIAE, the IAEA) roll up to the UN (IGOUNO). Other codes start with a
    region or a sector (IGOAFR..., IGOBUS...), which is not an organisation of its own."""
    if code.startswith("IGOUNO") and code != "IGOUNO":
        return actor_of_code.get("IGOUNO", "")
    return ""


def convert_armed_groups(records: list[Record], states: set[str], conversion: Conversion) -> None:
    """MilNonState: armed groups; country is the code's leading state code when it is one."""
    for record in records:
        code = next((r.code for r in record.restrictions if not r.dated),
                    record.restrictions[-1].code if record.restrictions else "")
        aliases = clean_aliases(record.names, short_words_are_acronyms=True)
        if not aliases or not code or code.startswith("?"):
            conversion.dropped["armed group without name or code"] += 1
            continue
        country = code[:3] if code[:3] in states else ""
        conversion.actors.append({"id": conversion.unique_id(short_group_id(aliases)), "name": aliases[0],
                                  "type": "armed_group", "country": country, "cameo": code,
                                  "aliases": aliases})


def short_group_id(aliases: list[str]) -> str:
    return aliases[0]


# --- agents ------------------------------------------------------------------------------------------

KNOWN_AGENT_CODES = {"GOV", "MIL", "REB", "CRM", "OPP", "BUS", "CVL", "JUD", "COP", "MED", "LEG",
                     "HLH", "EDU", "UAF", "SPY", "AGR", "REL", "MUS", "LAB", "REF", "PTY", "ENV",
                     "CHR", "HIN", "JEW", "NGO", "HRI", "ELI", "BUD", "RAD", "PPL", "IGO", "IMG",
                     "DEV", "INS", "SEP", "MOD", "NGM", "SET", "UNR", "OCC", "AUT", "ATH", "BAH",
                     "CON", "JAN", "SIK", "TAO", "ZRO", "ITH"}


def plural_of(noun: str) -> str:
    """PETRARCH's regular plural (-ies after y, -es after s, else -s), with English's vowel+y
    ('attorney' -> 'attorneys') and -ch/-sh/-x endings ('coach' -> 'coaches') put right."""
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return noun + "es"
    return noun + "s"


def read_agents(path: Path) -> list[dict]:
    """Every agent noun of Phoenix.agents.txt, substitution sets and plurals expanded."""
    return parse_agents(path.read_bytes().decode("utf-8", errors="replace"))


def parse_agents(text: str) -> list[dict]:
    substitutions: dict[str, list[str]] = {}
    agents: list[dict] = []
    for raw in text.splitlines():
        line = raw.split("#")[0].strip()
        if not line or line.startswith("<!"):
            continue
        marker = re.fullmatch(r"!(\w+)!\s*=\s*(.+)", line)
        if marker:
            substitutions[marker.group(1)] = [w.strip() for w in marker.group(2).split(",") if w.strip()]
            continue
        entry = re.fullmatch(r"([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[([^\]]+)\]", line)
        if not entry:
            continue                                   # PETRARCH skips a line without a code too
        phrase, plural, code = entry.group(1), entry.group(2), entry.group(3).strip()
        agents += agent_nouns(phrase, plural, code, substitutions)
    return agents


def agent_nouns(phrase: str, plural: str | None, code: str, substitutions: dict) -> list[dict]:
    marker = re.search(r"!(\w+)!", phrase)
    if marker:                                         # each substitute, with no plural of its own
        return [agent_row(phrase.replace(marker.group(0), s), "", code)
                for s in substitutions.get(marker.group(1), [])]
    noun = agent_text(phrase)
    if plural is None:
        plural_text = plural_of(noun)
    else:
        plural_text = agent_text(plural)             # '{}' means no plural (police)
    return [agent_row(phrase, plural_text, code)]


def agent_text(phrase: str) -> str:
    return " ".join(w for w in re.split(r"[_\s]+", phrase.strip().lower()) if w)


def agent_row(phrase: str, plural: str, code: str) -> dict:
    position = "before" if code.endswith("~") else "after"
    bare = code.strip("~")
    return {"noun": agent_text(phrase), "plural": plural, "code": bare, "suffix": bare[:3],
            "type": actor_type_of_agent(bare), "position": position}


# --- cleaning across the whole layer ----------------------------------------------------------------

TYPE_PRIORITY = {"state": 0, "government": 1, "military": 1, "media": 1, "igo": 2, "armed_group": 3,
                 "other": 4, "person": 5}


def remove_shared_aliases(conversion: Conversion) -> None:
    """An alias two actors share is kept by the one of the higher kind (a state over a body, a body
    over a group, ...), by the first of two bodies or groups of one kind, and by neither of two
    people ('President Bush'): the matcher cannot tell them apart. Places that are actor names go."""
    owners = defaultdict(list)
    for actor in conversion.actors:
        for alias in actor["aliases"] + actor.get("demonyms", []):
            owners[alias_key(alias)].append(actor)
    for key, actors in owners.items():
        unique_actors = {id(a): a for a in actors}.values()
        if len(unique_actors) < 2:
            continue
        best = min(TYPE_PRIORITY[a["type"]] for a in unique_actors)
        keepers = [a for a in unique_actors if TYPE_PRIORITY[a["type"]] == best]
        if best != TYPE_PRIORITY["person"]:
            keepers = keepers[:1]        # the same body or group listed twice: the first one keeps it
        for actor in unique_actors:
            if actor in keepers and len(keepers) == 1:
                continue
            actor["aliases"] = [a for a in actor["aliases"] if alias_key(a) != key or actor["type"] == "state"
                                and a == actor["name"] and len(keepers) == 1]
            if "demonyms" in actor:
                actor["demonyms"] = [d for d in actor["demonyms"] if alias_key(d) != key]
        conversion.dropped["alias shared by actors of one kind"] += int(len(keepers) > 1)
    names = set(owners)
    kept_places, seen = [], set()
    for place in conversion.places:
        key = (alias_key(place["place"]), place["country"])
        if alias_key(place["place"]) in names or key in seen or alias_key(place["place"]) in COMMON_WORDS:
            conversion.dropped["place that is an actor name, a repeat or a common word"] += 1
            continue
        seen.add(key)
        kept_places.append(place)
    conversion.places = kept_places
    before = len(conversion.actors)
    conversion.actors = [a for a in conversion.actors if a["aliases"] or a["type"] == "state"]
    conversion.dropped["actor left without aliases"] += before - len(conversion.actors)


def convert(reference_dir: Path, capitals: dict, as_of: str = PHOENIX_AS_OF) -> Conversion:
    conversion = Conversion()
    countries = read_records(reference_dir / COUNTRIES, as_of)
    convert_countries(countries, capitals, conversion)
    states = {a["id"] for a in conversion.actors if a["type"] == "state"}
    convert_international(read_records(reference_dir / INTERNATIONAL, as_of), states, conversion)
    convert_armed_groups(read_records(reference_dir / MILNONSTATE, as_of), states, conversion)
    add_listed_capitals(conversion, capitals)
    remove_shared_aliases(conversion)
    return conversion


def add_listed_capitals(conversion: Conversion, capitals: dict) -> None:
    """Every capital and metonym of data/capitals.csv named by its state, also those Phoenix does not
    list ("Casa Rosada"); but not one another actor is named by ("White House" is the US executive's,
    "Kremlin" the Russian presidency's) nor an English word ("Malé" would be every "male")."""
    taken = {alias_key(a) for actor in conversion.actors if actor["type"] != "state" for a in actor["aliases"]}
    for actor in conversion.actors:
        if actor["type"] != "state":
            continue
        listed = [name for name, _ in capitals.get(actor["id"], [])
                  if alias_key(name) not in taken and unaccented(alias_key(name)) not in COMMON_WORDS]
        actor["aliases"] = unique(actor["aliases"] + listed)


def unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# --- writing -------------------------------------------------------------------------------------------

HEADER = """# Generated by scripts/convert_phoenix.py from {files}
# (openeventdata/petrarch2, commit {commit}, MIT licence; see data/SOURCES.md).
# Do not edit: change the converter, or override an entry in data/actors.yaml (same id: replaced;
# same name: taken from this file's actor) or in your own actors file.
"""
ACTORS_NOTE = """#
# Schema as data/actors.yaml. People have `terms`: the periods they held the office of their
# `cameo` code; they are coded only inside one of them. Terms open in Phoenix ('>date') are
# closed at {as_of}, the date Phoenix.Countries.actors.txt was generated.
"""
AGENTS_NOTE = """#
# agents: one row per noun form. noun and plural as written in news (lower case; plural empty
# when Phoenix gives none, e.g. "police"); code: Phoenix's agent code (GOVFRM); suffix: its primary
# three-letter code (GOV government, MIL military, COP police, SPY intelligence, JUD judiciary,
# LEG legislature, MED media, REB rebels, OPP opposition, CVL civilians, BUS business, ...), the
# suffix of the state's body the noun names (PAK + GOV = PAK_GOV); type: the actor type of such a
# body; position: "after" when the code follows the state's (PAKGOV), "before" when it comes first
# (IGO~, NGO~). Substitution sets (!PERSON!, !MINIST!) are expanded; regular plurals are PETRARCH's
# (-ies, -es, -s) with vowel+y and -ch/-sh/-x put right.
"""


class _Dumper(yaml.SafeDumper):
    pass


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def yaml_text(key: str, rows: list[dict]) -> str:
    body = yaml.dump({key: rows}, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=None, width=110)
    return body


def actor_for_output(actor: dict) -> dict:
    order = ["id", "name", "type", "country", "parent", "cameo", "aliases", "demonyms", "terms"]
    return {key: actor[key] for key in order if actor.get(key)}


def places_text(places: list[dict]) -> str:
    lines = ["place,country,kind"]
    for place in sorted(places, key=lambda p: (p["country"], p["place"])):
        lines.append(",".join(_csv_cell(place[c]) for c in ("place", "country", "kind")))
    return "\n".join(lines) + "\n"


def _csv_cell(value: str) -> str:
    return f'"{value}"' if any(ch in value for ch in ',"') else value


def write_outputs(conversion: Conversion, agents: list[dict], output_dir: Path = OUTPUT_DIR,
                  as_of: str = PHOENIX_AS_OF) -> None:
    actors_header = HEADER.format(files=f"{COUNTRIES}, {INTERNATIONAL}, {MILNONSTATE}", commit=SOURCE_COMMIT)
    write_atomically(output_dir / "actors.yaml", actors_header + ACTORS_NOTE.format(as_of=as_of) +
                     yaml_text("actors", [actor_for_output(a) for a in conversion.actors]))
    write_atomically(output_dir / "places.csv", places_text(conversion.places))
    agents_header = HEADER.format(files=AGENTS, commit=SOURCE_COMMIT)
    write_atomically(output_dir / "agents.yaml", agents_header + AGENTS_NOTE + yaml_text("agents", agents))


def summary(conversion: Conversion, agents: list[dict]) -> str:
    types = Counter(a["type"] for a in conversion.actors)
    people = [a for a in conversion.actors if a["type"] == "person"]
    states = [a for a in conversion.actors if a["type"] == "state"]
    lines = [f"states {len(states)}, demonyms {sum(len(s.get('demonyms', [])) for s in states)}, "
             f"places {len(conversion.places)}, people {len(people)}, "
             f"terms {sum(len(p['terms']) for p in people)}, agent nouns {len(agents)}",
             "actors by type: " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())),
             "dropped: " + "; ".join(f"{reason} {n}" for reason, n in sorted(conversion.dropped.items()))]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not Path(argv[1]).is_dir():
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        print("usage: convert_phoenix.py REFERENCE_DIR", file=sys.stderr)
        return 2
    reference_dir = Path(argv[1])
    conversion = convert(reference_dir, read_capitals())
    agents = read_agents(reference_dir / AGENTS)
    write_outputs(conversion, agents)
    print(summary(conversion, agents))
    return 0


COMMON_WORDS.update(w.strip() for w in COMMON_WORDS_TEXT.split() if w.strip())

if __name__ == "__main__":
    sys.exit(main(sys.argv))
