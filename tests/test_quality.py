"""Scoring against a gold annotation: how rows are placed, matched and counted.

The small tables here are made up for the purpose; the scores they must give follow from the
definitions (precision = matched / system rows, recall = matched / gold rows), worked out by hand.
"""
import pandas as pd
import pytest

from helpers.actors import load_actor_dictionary
from helpers.quality import (GOLD_EVENT_COLUMNS, GoldError, at_top, claim_scores, date_accuracy, event_scores,
                             load_gold, locate_gold, match_events, read_gold, system_view)

SENTENCES = pd.DataFrame({
    "article_id": ["a", "a", "a", "b"],
    "sentence_id": [1, 2, 3, 1],
    "text": ["Iran struck bases of Jaish al-Adl on Tuesday.",
             "Pakistan recalled its ambassador and  expelled Iran's envoy.",
             "Kakar condemned the strike.",
             "Iran struck bases of Jaish al-Adl on Tuesday."],
})


def event(event_id, sentence_id, source, target, code, date="", earliest="", latest=""):
    return {"event_id": event_id, "article_id": "a", "sentence_id": sentence_id, "source_actor": source,
            "target_actor": target, "cameo_code": code, "date": date, "date_earliest": earliest,
            "date_latest": latest}


def gold_row(evidence, source, target, code, date="", article="a"):
    return {"article_id": article, "evidence": evidence, "source_actor": source, "target_actor": target,
            "cameo_code": code, "date": date, "date_earliest": date, "date_latest": date, "note": "",
            "gold_file": "events.csv", "gold_row": 2}


@pytest.fixture(scope="module")
def actors():
    return load_actor_dictionary()


@pytest.fixture(scope="module")
def gold():
    rows = [gold_row("struck bases of Jaish al-Adl", "IRN", "JAA", "195", "2024-01-16"),
            gold_row("recalled its ambassador", "PAK", "IRN", "161"),
            gold_row("expelled Iran's envoy", "PAK", "IRN", "174"),
            gold_row("Kakar condemned", "PAK", "IRN", "111")]
    return locate_gold(pd.DataFrame(rows), SENTENCES[SENTENCES["article_id"] == "a"])


def test_gold_rows_find_their_sentence_by_evidence_whatever_the_spacing():
    located = locate_gold(pd.DataFrame([gold_row("recalled its  ambassador and expelled", "PAK", "IRN", "161")]),
                          SENTENCES)
    assert located["sentence_id"].tolist() == [2]


def test_evidence_in_no_sentence_names_the_file_and_row():
    with pytest.raises(GoldError, match=r"events.csv row 2: evidence 'bombed the border' is in no sentence"):
        locate_gold(pd.DataFrame([gold_row("bombed the border", "IRN", "PAK", "195")]), SENTENCES)


def test_evidence_in_two_sentences_is_ambiguous():
    two = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [1, 2],
                        "text": ["Iran struck again.", "Iran struck again."]})
    with pytest.raises(GoldError, match="is in 2 sentences"):
        locate_gold(pd.DataFrame([gold_row("Iran struck", "IRN", "", "195")]), two)


def test_a_gold_file_without_a_required_column_is_refused(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("article_id,evidence,source_actor\na,x,IRN\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"events.csv: missing column\(s\) target_actor, cameo_code"):
        read_gold(path, GOLD_EVENT_COLUMNS)


def test_gold_of_articles_not_in_the_run_is_left_out(tmp_path):
    events = pd.DataFrame([gold_row("struck bases", "IRN", "JAA", "195", article="b"),
                           gold_row("struck bases", "IRN", "JAA", "195", article="not-read")])
    events.drop(columns=["gold_file", "gold_row"]).to_csv(tmp_path / "events.csv", index=False)
    claims = pd.DataFrame(columns=["article_id", "evidence", "claimant", "kind", "value_min", "value_max",
                                   "qualifier", "victims", "event_source", "event_target", "note"])
    claims.to_csv(tmp_path / "claims.csv", index=False)
    gold_events, gold_claims = load_gold(tmp_path / "events.csv", tmp_path / "claims.csv", SENTENCES)
    assert gold_events["article_id"].tolist() == ["b"]
    assert gold_claims.empty


def test_people_and_ministries_are_rolled_up_before_comparing(gold, actors):
    system = pd.DataFrame([event("e1", 3, "KAKAR", "IRN_MFA", "111")])
    assert system_view(system, actors)[["source_top", "target_top"]].values.tolist() == [["PAK", "IRN"]]
    pairs = match_events(system_view(system, actors), gold, "strict")
    assert pairs.set_index("cameo_code").loc["111", "event_id"] == "e1"


def test_a_neighbouring_code_matches_at_the_root_only(gold, actors):
    system = pd.DataFrame([event("e1", 1, "IRN", "JAA", "190"), event("e2", 2, "PAK", "IRN", "161")])
    scores = event_scores(system, gold, actors).set_index("level")
    # strict: only the recall matches (1 of 2 system rows, 1 of 4 gold rows)
    assert scores.loc["strict", ["matched", "precision", "recall"]].tolist() == [1, 0.5, 0.25]
    # root: 190 and 195 share the root 19 -> 2 of 2, 2 of 4; F1 = 2*1*0.5/1.5
    assert scores.loc["root", ["matched", "precision", "recall", "f1"]].tolist() == [2, 1.0, 0.5, 0.667]


def test_one_system_event_pairs_with_one_gold_row_only(gold, actors):
    # "recalled" and "expelled" are two gold rows in one sentence; one system row 16x can match one of them
    system = pd.DataFrame([event("e1", 2, "PAK", "IRN", "161")])
    pairs = match_events(system_view(system, actors), gold, "root")
    assert (pairs["event_id"] == "e1").sum() == 1


def test_a_wrong_target_is_no_match(gold, actors):
    system = pd.DataFrame([event("e1", 1, "IRN", "PAK", "195")])
    assert event_scores(system, gold, actors).set_index("level").loc["root", "matched"] == 0


def test_dates_are_counted_as_same_day_or_held_by_the_interval(gold, actors):
    system = pd.DataFrame([event("e1", 1, "IRN", "JAA", "195", "", "2024-01-15", "2024-01-19"),
                           event("e2", 2, "PAK", "IRN", "161", "2024-01-17", "2024-01-17", "2024-01-17")])
    accuracy = date_accuracy(match_events(system_view(system, actors), gold, "root"))
    assert accuracy == {"matched events with a gold day": 1, "same day": 0, "interval holds the gold day": 1,
                        "matched events the gold leaves undated": 1, "left without a day": 0}


def test_claims_match_on_sentence_kind_figures_and_rolled_up_claimant(actors):
    gold = pd.DataFrame([{"article_id": "a", "sentence_id": 3, "kind": "killed", "value_min": "2",
                          "value_max": "2", "claimant": "PAK"},
                         {"article_id": "a", "sentence_id": 1, "kind": "killed", "value_min": "9",
                          "value_max": "", "claimant": ""}])
    claims = pd.DataFrame([{"claim_id": "c1", "article_id": "a", "sentence_id": 3, "kind": "killed",
                            "value_min": "2", "value_max": "2", "claimant": "PAK_MFA"},
                           {"claim_id": "c2", "article_id": "a", "sentence_id": 1, "kind": "killed",
                            "value_min": "9", "value_max": "", "claimant": "IRN"}])
    scores = claim_scores(claims, gold, actors)
    assert (scores["matched"], scores["precision"], scores["recall"]) == (1, 0.5, 0.5)


def test_the_held_out_articles_keep_their_measured_quality():
    """tests/fixtures/heldout was coded by hand before the pattern coder saw it; the parse coder was
    then developed reading its misses, so it is a development set now (README, "How good is it").

    Pattern coder, blind: 31 system events, 61 gold, root P 0.806 R 0.41 F1 0.543, strict F1 0.304.
    Parse coder: 40 system events, root P 0.925 R 0.607 F1 0.733, strict F1 0.475. The floors sit a
    little below, so that a change that loses these events fails here.
    """
    from conftest import FIXTURES
    from helpers.quality import score_folder

    folder = FIXTURES / "heldout"
    evaluation = score_folder(folder, folder / "expected_events.csv", folder / "expected_claims.csv")
    scores = evaluation["events"].set_index("level")
    assert scores.loc["root", "gold"] == 61
    assert scores.loc["root", "f1"] >= 0.70
    assert scores.loc["root", "precision"] >= 0.85
    assert scores.loc["strict", "f1"] >= 0.44


def test_gold_actors_are_rolled_up_as_the_system_s_are():
    # a writer's ICJ is the dictionary's UN body: scored as the UN, as the system's event is
    actors = pd.DataFrame({"actor_id": ["UN", "ICJ", "IRN"], "parent": ["", "UN", ""]})
    gold = pd.DataFrame({"source_actor": ["ICJ", "IRN", "NOT_IN_DICTIONARY"], "target_actor": ["IRN", "ICJ", ""]})
    rolled = at_top(gold, actors, ["source_actor", "target_actor"])
    assert rolled.to_dict("list") == {"source_actor": ["UN", "IRN", "NOT_IN_DICTIONARY"],
                                      "target_actor": ["IRN", "UN", ""]}

