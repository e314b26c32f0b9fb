"""The PETRARCH2 verb dictionary converter (scripts/convert_petrarch.py), its committed output
data/petrarch/verb_patterns.yaml, and the CAMEO table's intent codes.

The snippets are written in CAMEO.2.0.txt's own format; the expected entries are what the
converter must write for them.
"""
import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from helpers.events import load_cameo_table

ROOT = Path(__file__).resolve().parents[1]
PATTERNS_FILE = ROOT / "data" / "petrarch" / "verb_patterns.yaml"


def load_converter():
    spec = importlib.util.spec_from_file_location("convert_petrarch", ROOT / "scripts" / "convert_petrarch.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


convert_petrarch = load_converter()

SYNSETS = """\
####### SYNONYM SETS #######

&CEASEFIRE
+TRUCE
+ARMISTICE
+CEASE_FIRE

####### VERB PATTERNS #######
"""


def convert(snippet: str) -> tuple[dict, object]:
    """The converted snippet, as the coder will load it: {block id: block}, and the conversion's counts."""
    text, conversion = convert_petrarch.converted_yaml(SYNSETS + snippet)
    return {block["id"]: block for block in yaml.safe_load(text)["verbs"]}, conversion


# --- the parsing functions, on snippets of the real format ------------------------------------------

def test_a_block_with_irregular_forms_and_a_verb_with_its_own_code():
    blocks, _ = convert("""\
---  DEMAND   [100]  ---
BID {BIDS BIDDING BADE BIDDEN}
DEMAND
WANT [030]
- * WITHDRAWAL                                        [1056]        # DEMAND
""")
    assert blocks["DEMAND"] == {"id": "DEMAND", "code": "100", "lemmas": ["bid", "demand", "want"],
                                "lemma_codes": {"want": "030"},
                                "patterns": [{"code": "1056", "object": ["withdrawal"]}]}


def test_a_phrasal_verb_and_a_particle_in_a_pattern():
    blocks, _ = convert("""\
---  STRENGTHEN   [---]  ---
+BEEF_UP {+BEEFS_UP +BEEFED_UP +BEEFING_UP}
PUT {PUTS PUTTING }
- * UP BARRICADE                                      [144]         # PUT
""")
    assert blocks["STRENGTHEN"]["lemmas"] == ["beef up", "put"]
    assert blocks["STRENGTHEN"]["patterns"] == [{"code": "144", "particle": "up", "object": ["barricade"]}]


def test_a_synonym_set_is_expanded_into_lemmas():
    snippet = """\
---  URGE   [---]  ---
URGE
- * (FOR &CEASEFIRE)                                  [0256]        # URGE
"""
    blocks, _ = convert(snippet)
    assert blocks["URGE"]["patterns"] == [
        {"code": "0256", "preposition": "for", "noun": ["armistice", "cease fire", "truce"]}]
    text, _ = convert_petrarch.converted_yaml(SYNSETS + snippet)
    assert "noun: *ceasefire" in text   # written once under synonym_sets, then by its alias


def test_braces_give_the_head_and_its_modifiers():
    blocks, _ = convert("""\
---  ACCUSE   [112]  ---
ACCUSE
- * {HUMAN RIGHTS}                                    [1122]        # ACCUSE
""")
    assert blocks["ACCUSE"]["patterns"] == [{"code": "1122", "object": ["right"], "object_modifiers": ["human"]}]


def test_a_synonym_set_before_the_head_gives_compounds():
    blocks, _ = convert("""\
---  ASK   [---]  ---
ASK     [020]
- * {&CEASEFIRE PROPOSAL}                             [026]         # DELIVER
""")
    # a member of several words modifies the head by its last word ("cease fire" -> "fire proposal")
    assert blocks["ASK"]["patterns"] == [
        {"code": "026", "object": ["armistice proposal", "fire proposal", "truce proposal"]}]


def test_a_prepositional_phrase_with_a_braced_noun():
    blocks, _ = convert("""\
---  ASK   [---]  ---
ASK     [020]
- * (FOR {FINANCIAL AID})                             [0231]        # ASK
- * (AGAINST)                                         [113]         # REQUEST
""")
    assert blocks["ASK"]["code"] is None
    assert blocks["ASK"]["lemma_codes"] == {"ask": "020"}
    assert blocks["ASK"]["patterns"] == [
        {"code": "0231", "preposition": "for", "noun": ["financial aid"]},   # a compound: head "aid"
        {"code": "113", "preposition": "against"}]


def test_a_noun_before_the_verb_is_its_subject():
    blocks, _ = convert("""\
---  DEMAND   [100]  ---
DEMAND
- PROTESTER * REMOVAL                                 [1412]        # DEMAND
""")
    assert blocks["DEMAND"]["patterns"] == [{"code": "1412", "subject": ["protester"], "object": ["removal"]}]


def test_a_null_code_blocks_the_verbs_own_code():
    blocks, _ = convert("""\
---  DEMAND   [100]  ---
WANT [030]
DEMAND
- * DIVORCE                                           [---]         # WANT
""")
    assert blocks["DEMAND"]["patterns"] == [{"code": None, "object": ["divorce"]}]


def test_a_code_after_the_colon_is_the_code_with_the_roles_reversed():
    blocks, _ = convert("""\
---  VISIT   [042:043]  ---
VISIT
---  APPEAR   [---]  ---
APPEAR
- * (BEFORE COURT)                                    [:173]        # APPEAR
- * (TO)                                              [042:043]     # RUSH
""")
    assert (blocks["VISIT"]["code"], blocks["VISIT"]["passive_code"]) == ("042", "043")
    assert blocks["APPEAR"]["patterns"] == [
        {"code": None, "passive_code": "173", "preposition": "before", "noun": ["court"]},
        {"code": "042", "passive_code": "043", "preposition": "to"}]


def test_codes_are_read_as_petrarch2_reads_them():
    assert convert_petrarch.parse_code("[062:062]") == ("062", "062")
    assert convert_petrarch.parse_code("[:110]") == (None, "110")
    assert convert_petrarch.parse_code("[---]") == (None, None)
    assert convert_petrarch.parse_code("[120]---") == ("120", None)   # a block header's "]---" typo
    assert convert_petrarch.parse_code("[080!]") == ("080", None)


def test_the_statement_code_codes_nothing():
    blocks, conversion = convert("""\
---  EXPLAIN_VERBAL   [010]  ---
SAY  {SAID SAYING }
CLARIFY {CLARIFIES CLARIFIED CLARIFYING} [040]
- * INITIATIVE                                        [036]         # ANNOUNCE
""")
    assert blocks["EXPLAIN_VERBAL"]["code"] is None
    assert blocks["EXPLAIN_VERBAL"]["lemma_codes"] == {"clarify": "040"}
    assert blocks["EXPLAIN_VERBAL"]["patterns"] == [{"code": "036", "object": ["initiative"]}]


def test_a_to_infinitive_is_a_complement_and_plurals_become_singular():
    blocks, _ = convert("""\
---  DEMAND   [100]  ---
DEMAND
- * TO ACT                                            [124]         # URGE
- * SANCTIONS (AGAINST)                               [1312]        # DEMAND
""")
    assert blocks["DEMAND"]["patterns"] == [
        {"code": "1312", "object": ["sanction"], "preposition": "against"},
        {"code": "124", "complement": ["act"]}]


def test_the_later_of_two_lines_with_the_same_words_wins_as_in_petrarch2():
    blocks, _ = convert("""\
---  DEMAND   [100]  ---
DEMAND
- * WITHDRAWAL                                        [1056]        # DEMAND
- * WITHDRAWAL                                        [105]         # DEMAND
""")
    assert blocks["DEMAND"]["patterns"] == [{"code": "105", "object": ["withdrawal"]}]


def test_what_cannot_be_expressed_is_dropped_and_counted():
    blocks, conversion = convert("""\
---  EXPLAIN_VERBAL   [010]  ---
SAY  {SAID SAYING }
+KILLED_AND {}
- * + MISSION                                         [050]         # SAY
- * (TO FUTURE) (WITH OPTIMISM)                       [013]         # LOOK
- * (IN &WEATHER) [---]
- * {&CEASEFIRE &CEASEFIRE}                           [0871]        # DECLARE
~ a (a b ATTACK) SAY = a b 015
""")
    assert blocks["EXPLAIN_VERBAL"]["lemmas"] == ["say"]
    assert blocks["EXPLAIN_VERBAL"]["patterns"] == []
    assert conversion.dropped == {"source or target marker ($ + % ^)": 1, "several prepositional phrases": 1,
                                  "undefined synonym set": 1, "two synonym sets in one phrase": 1,
                                  "coordinated verbs": 1, "verb transformation (~)": 1}


def test_the_same_input_gives_the_same_text():
    snippet = SYNSETS + "---  URGE   [---]  ---\nURGE\n- * &CEASEFIRE [0256]\n- * {HUMAN RIGHTS} [0243]\n"
    assert convert_petrarch.converted_yaml(snippet)[0] == convert_petrarch.converted_yaml(snippet)[0]


# --- the committed file ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def verbs():
    return {block["id"]: block for block in yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8"))["verbs"]}


def test_every_code_of_the_converted_dictionary_is_in_the_cameo_table(verbs):
    known = set(load_cameo_table()["cameo_code"])
    codes = set()
    for block in verbs.values():
        codes |= {block["code"], block.get("passive_code")}
        codes |= set(block.get("lemma_codes", {}).values()) | set(block.get("lemma_passive_codes", {}).values())
        codes |= {code for pattern in block["patterns"] for code in (pattern["code"], pattern.get("passive_code"))}
    assert codes - {None} <= known
    assert all(isinstance(code, str) for code in codes - {None})


def test_entries_checked_by_hand_against_the_dictionary(verbs):
    demand = verbs["DEMAND"]
    assert demand["code"] == "100" and demand["lemma_codes"] == {"want": "030"}
    # "- * &CEASEFIRE [1056]", "- PROTESTER * REMOVAL [1412]", "- * TO ACT [124]", "- * DIVORCE [---]"
    assert {"code": "1056", "object": ["armistice", "cease fire", "cease-fire", "ceasefire", "truce"]} in demand["patterns"]
    assert {"code": "1412", "subject": ["protester"], "object": ["removal"]} in demand["patterns"]
    assert {"code": "124", "complement": ["act"]} in demand["patterns"]
    assert {"code": None, "object": ["divorce"]} in demand["patterns"]
    # "* WITHDRAWAL" is written [1056] twice, then [105]: PETRARCH2 keeps the last line's code
    assert {"code": "105", "object": ["withdrawal"]} in demand["patterns"]
    assert {"code": "0231", "preposition": "for", "noun": ["financial aid"]} in verbs["ASK"]["patterns"]
    assert {"code": None, "passive_code": "173", "preposition": "before", "noun": ["court"]} in verbs["APPEAR"]["patterns"]
    assert {"code": "144", "particle": "up", "object": ["barricade"]} in verbs["ARRANGE"]["patterns"]
    assert (verbs["VISIT"]["code"], verbs["VISIT"]["passive_code"]) == ("042", "043")
    assert (verbs["HOST"]["code"], verbs["HOST"]["passive_code"]) == ("043", "042")
    assert (verbs["OFFEND"]["code"], verbs["OFFEND"]["passive_code"]) == (None, "110")
    assert verbs["EXPLAIN_VERBAL"]["code"] is None   # [010]
    assert "beef up" in verbs["STRENGTHEN"]["lemmas"]


# --- intent codes of the CAMEO table ----------------------------------------------------------------

@pytest.fixture(scope="module")
def cameo():
    return load_cameo_table().set_index("cameo_code")


@pytest.mark.parametrize("code, intent", [
    ("161", "1313"), ("087", "0356"), ("195", "1384"), ("045", "039"), ("111", ""), ("040", "036"),
    ("057", "030"), ("062", "0312"), ("073", "0333"), ("163", "1312"), ("172", "132"), ("191", "1381"),
    ("204", "1385"), ("141", "133"), ("010", ""), ("036", ""), ("138", "")])
def test_intent_codes(cameo, code, intent):
    assert cameo.loc[code, "intent_code"] == intent


def test_every_intent_code_is_a_code_of_the_table(cameo):
    intents = set(cameo["intent_code"]) - {""}
    assert intents <= set(cameo.index)
    assert all(code[:2] in ("03", "13") for code in intents)


def test_the_table_keeps_its_columns_and_every_verb_pattern_code_has_a_name(cameo):
    assert list(load_cameo_table().columns) == ["cameo_code", "name", "goldstein", "quad_class", "plover",
                                                "plover_mode", "source", "intent_code", "appeal_code", "reject_code",
                                                "label"]
    assert (cameo["name"] != "").all() and (cameo["label"] != "").all() and cameo.index.is_unique
    assert cameo.loc["195", "label"] == "strikes" and cameo.loc["039", "label"] == "offers to mediate between"
    assert cameo.loc["0256", "goldstein"] == "-0.3" and cameo.loc["1056", "goldstein"] == "-5.0"


@pytest.mark.parametrize("code, appeal, reject", [
    ("087", "0256", "1246"),    # urged to de-escalate / refused to de-escalate
    ("040", "026", "125"),      # urged to hold talks / rejected talks
    ("045", "028", "126"),      # urged to accept mediation / rejected mediation
    ("057", "027", "127"),      # urged to sign a settlement / rejected the plan
    ("073", "0233", "1223"),    # appealed for humanitarian aid / refused it
    ("195", "", ""),            # an air strike has no appeal or refusal mirror
])
def test_appeal_and_reject_codes(cameo, code, appeal, reject):
    row = cameo.loc[code]
    assert (row["appeal_code"], row["reject_code"]) == (appeal, reject)


def test_irregular_verb_forms_are_kept_for_the_coder():
    snippet = "--- STRIKE [195] ---\nSTRIKE {STRIKES STRUCK STRIKING}\n+STRIKE_DOWN {+STRUCK_DOWN}\n"
    text, _ = convert_petrarch.converted_yaml(SYNSETS + snippet)
    assert yaml.safe_load(text)["irregular_forms"] == {"strikes": "strike", "struck": "strike", "striking": "strike"}
