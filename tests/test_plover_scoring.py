"""Scoring against PLOVER gold standard records: loading them, actor codes, found records, right events.

The records (tests/fixtures/plover/records.json) are sentences written for these tests in the GSR's
JSON shape; the events, actors and CAMEO rows below are made up to go with them. Every expected
number is worked out by hand from the rules in helpers.quality (a record is found by one event with
its category, a source among its sources and, if it names targets, a target among them; precision =
right events / coded events, recall = found records / records).
"""
import pandas as pd
import pytest

from conftest import FIXTURES, ROOT
from helpers.actor_dictionary import ACTOR_COLUMNS
from helpers.quality import (GoldError, actor_country_code, load_plover_categories, load_plover_records,
                             score_plover)

RECORDS_FILE = FIXTURES / "plover" / "records.json"
AGREE, DEMAND, DISAPPROVE, FIGHT, INVESTIGATE = ("TEST-AGREE-0001", "TEST-DEMAND-0002", "TEST-DISAPPROVE-0003",
                                                 "TEST-FIGHT-0004", "TEST-INVESTIGATE-0005")

# A few CAMEO rows with their 2021 PLOVER category; 020 (appeal) has none.
CAMEO = pd.DataFrame({"cameo_code": ["020", "030", "090", "100", "112", "190"],
                      "plover": ["", "AGREE", "ACCUSE", "REQUEST", "ACCUSE", "ASSAULT"]})


def actor(actor_id, actor_type, cameo="", country="", parent=""):
    return {"actor_id": actor_id, "name": actor_id, "type": actor_type, "country": country, "parent": parent,
            "cameo": cameo, "role": "", "valid_from": "", "valid_until": "", "aliases": actor_id}


ACTORS = pd.DataFrame([
    actor("NOR", "state", "NOR"), actor("CHL", "state", "CHL"), actor("KEN", "state", "KEN"),
    actor("UGA", "state", "UGA"), actor("TZA", "state", "TZA"), actor("BOL", "state", "BOL"),
    actor("ETH", "state", "ETH"), actor("ERI", "state", "ERI"),
    actor("CHL_GOV", "government", "CHLGOV", "CHL", "CHL"),
    actor("KEN_MFA", "government", "KENMFA", "KEN", "KEN"),
    actor("ETH_MIL", "military", "ETHMIL", "ETH", "ETH"),
    actor("UN", "igo", "IGOUNO"), actor("UN_SG", "igo", "IGOUNO", parent="UN"),
    actor("REBELS", "armed_group", "AFGREB"), actor("ALQ", "armed_group", "IMGMUSALQ"),
    actor("ENVOY", "person", country="KEN"), actor("MEDIA", "media"),
], columns=ACTOR_COLUMNS)


def event(article_id, source, target, code):
    return {"event_id": f"{article_id}-{source}-{target}-{code}", "article_id": article_id, "sentence_id": 1,
            "source_actor": source, "target_actor": target, "cameo_code": code}


EVENTS = pd.DataFrame([
    event(AGREE, "NOR", "CHL", "030"),          # right: both sides of "Norway and Chile agreed"
    event(AGREE, "CHL", "NOR", "030"),          # right
    event(DEMAND, "KEN_MFA", "UGA", "100"),     # right: the ministry counts as Kenya
    event(DEMAND, "KEN_MFA", "TZA", "100"),     # wrong target
    event(DISAPPROVE, "UN_SG", "BOL", "020"),   # an appeal: no PLOVER category
    event(DISAPPROVE, "UN_SG", "BOL", "190"),   # wrong category (ASSAULT, the record is ACCUSE)
    event(FIGHT, "ERI", "ETH", "190"),          # wrong source
    event(FIGHT, "ETH_MIL", "", "190"),         # no target, where the record names one
    event(INVESTIGATE, "CHL_GOV", "", "090"),   # right: the record names no target
])


@pytest.fixture(scope="module")
def records():
    return load_plover_records(RECORDS_FILE)


def score(records, events):
    return score_plover(records, pd.DataFrame(events), ACTORS, CAMEO)


# --- reading the records --------------------------------------------------------------------------

def test_records_are_read_with_2021_categories_and_the_document_record_skipped(records):
    assert records["record_id"].tolist() == [AGREE, DEMAND, DISAPPROVE, FIGHT, INVESTIGATE]
    assert records["gsr_category"].tolist() == ["AGREE", "DEMAND", "DISAPPROVE", "FIGHT", "INVESTIGATE"]
    assert records["category"].tolist() == ["AGREE", "REQUEST", "ACCUSE", "ASSAULT", "ACCUSE"]


def test_sources_and_targets_are_code_tuples_empty_when_the_record_names_no_target(records):
    by_id = records.set_index("record_id")
    assert by_id.loc[AGREE, "sources"] == ("NOR", "CHL")
    assert by_id.loc[AGREE, "targets"] == ()          # "target": ""
    assert by_id.loc[INVESTIGATE, "targets"] == ()    # no "target" key at all
    assert by_id.loc[FIGHT, "targets"] == ("ERI",)    # the same code twice counts once
    assert by_id.loc[DEMAND, "text"].startswith("Kenya's foreign ministry demanded")


def test_older_category_names_map_to_the_2021_ones():
    categories = load_plover_categories()
    assert categories["DEMAND"] == "REQUEST"
    assert categories["DISAPPROVE"] == "ACCUSE"
    assert categories["INVESTIGATE"] == "ACCUSE"
    assert categories["FIGHT"] == "ASSAULT"
    assert categories["AGREE"] == "AGREE"


def test_every_mapped_category_is_one_the_cameo_table_uses():
    cameo = pd.read_csv(ROOT / "data" / "cameo.csv", dtype=str, keep_default_na=False)
    assert set(load_plover_categories().values()) == set(cameo["plover"]) - {""}


def test_a_missing_file_is_named(tmp_path):
    missing = tmp_path / "gsr-none.json"
    with pytest.raises(GoldError, match=r"gsr-none\.json: no such file"):
        load_plover_records(missing)


def test_a_file_that_is_not_json_is_named_with_where_it_breaks(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('[\n {"id": "X-1", "event": "AGREE",\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"broken\.json: not valid JSON \(.* at line 3"):
        load_plover_records(broken)


def test_a_category_the_table_does_not_map_is_refused(tmp_path):
    path = tmp_path / "odd.json"
    path.write_text('[{"id": "X-1", "event": "CELEBRATE", "source": [{"actorText": "Chile", "code": "CHL"}],'
                    ' "text": "Chile celebrated."}]', encoding="utf-8")
    with pytest.raises(GoldError, match=r"odd\.json: record X-1 has category 'CELEBRATE'"):
        load_plover_records(path)


# --- actor codes ----------------------------------------------------------------------------------

@pytest.mark.parametrize("actor_id, code", [
    ("KEN", "KEN"),
    ("KEN_MFA", "KEN"),    # a ministry rolls up to its state
    ("UN_SG", "IGO"),      # rolls up to UN, whose CAMEO code IGOUNO starts with IGO
    ("REBELS", "AFG"),     # AFGREB: an armed group counts as the country it fights in
    ("ALQ", "IMG"),        # IMGMUSALQ
    ("ENVOY", "KEN"),      # no CAMEO code: its country
    ("MEDIA", "MEDIA"),    # neither: its id
    ("XYZ_GOV", "XYZ_GOV"),  # not in the dictionary: its id
    ("", ""),
])
def test_actors_become_gsr_codes(actor_id, code):
    assert actor_country_code(actor_id, ACTORS) == code


# --- found records and right events ---------------------------------------------------------------

def test_records_are_found_by_category_source_and_target(records):
    per_record, _ = score(records, EVENTS)
    by_id = per_record.set_index("record_id")
    # AGREE: both events right; DEMAND: the KEN_MFA->UGA event; DISAPPROVE: no category, then the
    # wrong one; FIGHT: wrong source, then no target; INVESTIGATE: right with no target.
    assert by_id["found"].to_dict() == {AGREE: True, DEMAND: True, DISAPPROVE: False, FIGHT: False,
                                        INVESTIGATE: True}
    assert by_id["right_events"].to_dict() == {AGREE: 2, DEMAND: 1, DISAPPROVE: 0, FIGHT: 0, INVESTIGATE: 1}
    assert by_id["coded_events"].to_dict() == {AGREE: 2, DEMAND: 2, DISAPPROVE: 2, FIGHT: 2, INVESTIGATE: 1}


def test_a_record_without_target_takes_any_target_or_none(records):
    per_record, summary = score(records, [event(AGREE, "NOR", "", "030"), event(AGREE, "CHL", "UGA", "030")])
    assert per_record.set_index("record_id").loc[AGREE, ["found", "right_events"]].tolist() == [True, 2]
    assert summary.set_index("category").loc["all", ["system", "matched"]].tolist() == [2, 2]


def test_a_record_with_a_target_refuses_an_event_without_one(records):
    per_record, _ = score(records, [event(FIGHT, "ETH_MIL", "", "190")])
    assert not per_record.set_index("record_id").loc[FIGHT, "found"]


def test_a_source_that_is_a_ministry_counts_as_its_state(records):
    per_record, _ = score(records, [event(DEMAND, "KEN_MFA", "UGA", "100")])
    assert per_record.set_index("record_id").loc[DEMAND, "found"]


def test_a_wrong_target_is_a_false_positive(records):
    _, summary = score(records, [event(DEMAND, "KEN_MFA", "UGA", "100"), event(DEMAND, "KEN_MFA", "TZA", "100")])
    # 1 of 2 events right; 1 of 5 records found; F1 = 2 * 0.5 * 0.2 / 0.7 = 0.2857
    row = summary.set_index("category").loc["all"]
    assert row[["system", "matched", "found", "precision", "recall", "f1"]].tolist() == [2, 1, 1, 0.5, 0.2, 0.286]


def test_both_sides_of_a_reciprocal_record_are_right(records):
    per_record, summary = score(records, [event(AGREE, "NOR", "CHL", "030"), event(AGREE, "CHL", "NOR", "030")])
    assert per_record.set_index("record_id").loc[AGREE, "right_events"] == 2
    assert summary.set_index("category").loc["AGREE", ["gold", "found", "system", "matched"]].tolist() == [1, 1, 2, 2]


def test_events_of_articles_that_are_not_records_are_left_out(records):
    _, summary = score(records, [event("another-article", "NOR", "CHL", "030")])
    assert summary.set_index("category").loc["all", "system"] == 0


def test_precision_recall_and_f1_overall_and_per_category(records):
    _, summary = score(records, EVENTS)
    table = summary.set_index("category")[["gold", "found", "system", "matched", "precision", "recall", "f1"]]
    # all: 3 of 5 records found, 4 of 9 events right; F1 = 2 * (4/9) * (3/5) / ((4/9) + (3/5)) = 24/47
    assert table.loc["all"].tolist() == [5, 3, 9, 4, 0.444, 0.6, 0.511]
    assert table.loc["AGREE"].tolist() == [1, 1, 2, 2, 1.0, 1.0, 1.0]
    assert table.loc["REQUEST"].tolist() == [1, 1, 2, 1, 0.5, 1.0, 0.667]
    # ACCUSE: the DISAPPROVE and INVESTIGATE records; the one ACCUSE event (090) is right
    assert table.loc["ACCUSE"].tolist() == [2, 1, 1, 1, 1.0, 0.5, 0.667]
    # ASSAULT: the FIGHT record, and three wrong events (wrong source, no target, the 190 on DISAPPROVE)
    assert table.loc["ASSAULT"].tolist() == [1, 0, 3, 0, 0.0, 0.0, 0.0]
    assert table.loc["(no PLOVER category)"].tolist() == [0, 0, 1, 0, 0.0, 0.0, 0.0]
