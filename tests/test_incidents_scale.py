"""Merging reports into incidents: small cases with known answers, and, on large random tables, the
same incidents as the straightforward grouping that compares every report with every incident.

The random tables are those of benchmarks/incident_merging.py, which times the merge on them.
"""
import importlib.util
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from helpers.actors import roll_up
from helpers import pipeline
from helpers.events import EVENT_COLUMNS
from helpers.incidents import (INCIDENT_COLUMNS, OPEN_EARLY, OPEN_LATE, Lookups, family, incident_row,
                               interval, merge_incidents, precision)
from helpers.pipeline import read_stored, write_stored

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "incident_merging.py"


def load_benchmark():
    spec = importlib.util.spec_from_file_location("incident_merging", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


random_events = load_benchmark().random_events


# --- the reference: every report compared with every incident built so far ---------------------

@dataclass(eq=False)
class Reported:
    rows: list = field(default_factory=list)
    earliest: date = OPEN_EARLY
    latest: date = OPEN_LATE

    @property
    def first(self):
        return self.rows[0]


def reference_compatible(incident: Reported, event) -> bool:
    first = incident.first
    if (first.source_top, family(first)) != (event.source_top, family(event)):
        return False
    earliest, latest = interval(event)
    if max(earliest, incident.earliest) > min(latest, incident.latest):
        return False
    countries = {row.location_country for row in incident.rows if row.location_country}
    if event.location_country and countries and event.location_country not in countries:
        return False
    if event.violent or any((r.article_id, r.sentence_id) == (event.article_id, event.sentence_id) for r in incident.rows):
        return True
    targets = {row.target_top for row in incident.rows if row.target_top}
    return not event.target_top or not targets or event.target_top in targets


def reference_grouping(events: pd.DataFrame) -> list[Reported]:
    incidents: list[Reported] = []
    ordered = sorted(events.itertuples(index=False), key=lambda e: (precision(e), e.article_id, e.sentence_id, e.event_id))
    for event in ordered:
        candidates = [i for i in incidents if reference_compatible(i, event)]
        if candidates:
            chosen = max(candidates, key=lambda i: (min(i.latest, interval(event)[1]), -incidents.index(i)))
        else:
            chosen = Reported()
            incidents.append(chosen)
        chosen.rows.append(event)
        earliest, latest = interval(event)
        chosen.earliest, chosen.latest = max(chosen.earliest, earliest), min(chosen.latest, latest)
    return sorted(incidents, key=lambda i: (i.earliest if i.earliest > OPEN_EARLY else i.latest, i.first.source_top,
                                             i.first.cameo_code, min(r.event_id for r in i.rows)))


def reference_merge(events, claims, actors, articles, labels) -> pd.DataFrame:
    top = roll_up(actors)
    events = events.assign(source_top=events["source_actor"].map(lambda a: top.get(a, a)),
                           target_top=events["target_actor"].map(lambda a: top.get(a, a) if a else ""))
    lookups = Lookups.of(actors, articles, labels)
    rows = []
    for n, incident in enumerate(reference_grouping(events), start=1):
        event_ids = [row.event_id for row in incident.rows]
        figures = list(claims[claims["event_id"].isin(event_ids)].itertuples()) if not claims.empty else []
        rows.append(incident_row(n, incident, figures, lookups))
    return pd.DataFrame(rows, columns=INCIDENT_COLUMNS)


@pytest.mark.parametrize("n, seed, days", [(400, 1, None), (400, 2, 5), (400, 3, 60), (600, 4, 10),
                                           (1500, 5, None), (1500, 6, 20)])
def test_random_tables_give_the_incidents_of_the_quadratic_grouping(n, seed, days):
    tables = random_events(n, seed, days)
    assert_frame_equal(merge_incidents(**tables), reference_merge(**tables))


@pytest.mark.parametrize("n, seed, days", [(600, 7, 10), (1500, 8, None)])
def test_a_store_merged_a_bucket_and_a_slice_at_a_time_gives_the_same_incidents(n, seed, days, tmp_path, monkeypatch):
    """The streaming pipeline's merge (events split into buckets of blocks on disk, incidents put
    in order a slice at a time) against the merge of the whole table in memory, both as stored."""
    tables = random_events(n, seed, days)
    for name in ("events", "claims", "articles"):
        write_stored(tables[name], tmp_path / f"{name}.parquet")
    monkeypatch.setattr(pipeline, "BUCKETS", 3)
    monkeypatch.setattr(pipeline, "ORDER_SLICE_ROWS", 37)
    pipeline.merge_stored_incidents(tmp_path, tables["actors"], tables["labels"], tmp_path / "incidents.parquet")
    write_stored(merge_incidents(**tables), tmp_path / "expected.parquet")
    stored, expected = read_stored(tmp_path, "incidents"), read_stored(tmp_path, "expected")
    assert len(expected) > 2 * 37 and stored["incident_id"].is_unique
    assert_frame_equal(stored, expected)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["articles.parquet", "claims.parquet",
                                                                "events.parquet", "expected.parquet",
                                                                "incidents.parquet"]     # no buckets left


def test_the_random_tables_hold_every_kind_of_report():
    tables = random_events(1500, 5)
    events, incidents = tables["events"], merge_incidents(**tables)
    exact = (events["date_earliest"] != "") & (events["date_earliest"] == events["date_latest"])
    ranged = (events["date_earliest"] != "") & (events["date_latest"] != "") & ~exact
    assert exact.any() and ranged.any()
    assert ((events["date_earliest"] == "") & (events["date_latest"] != "")).any()     # up to publication
    assert ((events["date_earliest"] != "") & (events["date_latest"] == "")).any()     # from some day on
    assert ((events["date_earliest"] == "") & (events["date_latest"] == "")).any()     # undated
    assert events["violent"].any() and not events["violent"].all()
    assert (events["target_actor"] == "").any() and (events["location_country"] != "").any()
    assert events.duplicated(["article_id", "sentence_id"]).any()                      # a sentence, two events
    assert (incidents["n_reports"] > 1).sum() > 100 and (incidents["casualty_figures"] != "").any()


# --- small cases ---------------------------------------------------------------------------------

ACTORS = pd.DataFrame({"actor_id": ["IRN", "IRN_IRGC", "PAK", "JAA", "UN"],
                       "name": ["Iran", "Islamic Revolutionary Guard Corps", "Pakistan", "Jaish al-Adl",
                                "United Nations"],
                       "parent": ["", "IRN", "", "", ""]})
ARTICLES = pd.DataFrame({"article_id": ["aj", "efe", "dawn"], "outlet": ["Al Jazeera", "EFE", "Dawn"]})
LABELS = {"195": "bombs from the air", "strike:195": "strikes", "040": "holds talks with", "111": "condemns",
          "020": "urges"}
CODES = {"195": ("employ aerial weapons", -10.0, 4, True), "190": ("use conventional military force", -10.0, 4, True),
         "040": ("consult", 1.0, 1, False), "111": ("criticize or denounce", -2.0, 3, False),
         "020": ("make an appeal or request", 3.0, 1, False)}


def event(article, sentence, source, target, code, earliest, latest, place=("", ""), n=1, pattern=""):
    event_type, goldstein, quad_class, violent = CODES[code]
    return {"event_id": f"{article}-s{sentence:02d}-e{n}", "article_id": article, "sentence_id": sentence,
            "source_actor": source, "target_actor": target, "cameo_code": code, "event_type": event_type,
            "goldstein": goldstein, "quad_class": quad_class, "plover": "",
            "date": earliest if earliest and earliest == latest else "", "date_earliest": earliest,
            "date_latest": latest, "date_basis": "", "location": place[0], "location_country": place[1],
            "attributed_to": "", "trigger": "", "trigger_start": 0, "trigger_end": 0, "pattern": pattern,
            "violent": violent}


def claim(event_id, value, kind="killed"):
    article, sentence = event_id.split("-s")[0], int(event_id.split("-s")[1][:2])
    return {"claim_id": f"c-{event_id}-{kind}", "article_id": article, "sentence_id": sentence, "event_id": event_id,
            "claimant": "", "claimant_text": "", "kind": kind, "value_min": value, "value_max": value,
            "qualifier": "", "victims": "people", "text": ""}


def merged(*events, claims=()):
    claims = pd.DataFrame(list(claims), columns=list(claim("x-s01-e1", "1")))
    return merge_incidents(pd.DataFrame(list(events), columns=EVENT_COLUMNS), claims, ACTORS, ARTICLES, LABELS)


PANJGUR = ("Panjgur", "PAK")


def test_two_overlapping_reports_of_one_strike_are_one_incident():
    incidents = merged(event("aj", 3, "IRN", "JAA", "195", "2024-01-16", "2024-01-16", PANJGUR, pattern="strike"),
                       event("efe", 5, "IRN_IRGC", "JAA", "190", "2024-01-15", "2024-01-17"),
                       claims=[claim("aj-s03-e1", "2"), claim("efe-s05-e1", "3")])
    assert incidents[["incident_id", "event_ids", "outlets", "n_reports", "date", "source_actor", "target_actor",
                      "location", "label", "killed_low", "killed_high"]].values.tolist() == [
        ["i01", "aj-s03-e1;efe-s05-e1", "Al Jazeera;EFE", 2, "2024-01-16", "IRN", "JAA", "Panjgur",
         "Iran strikes Jaish al-Adl in Panjgur", "2", "3"]]
    assert incidents["casualty_figures"].iloc[0] == "killed 2 people (Al Jazeera, according to its own reporting); " \
                                                    "killed 3 people (EFE, according to its own reporting)"


def test_the_same_dyad_doing_another_kind_of_act_is_another_incident():
    incidents = merged(event("aj", 1, "IRN", "PAK", "040", "2024-01-20", "2024-01-20"),
                       event("efe", 1, "IRN", "PAK", "111", "2024-01-20", "2024-01-20"))
    assert incidents[["incident_id", "cameo_code", "label"]].values.tolist() == [
        ["i01", "040", "Iran holds talks with Pakistan"], ["i02", "111", "Iran condemns Pakistan"]]


def test_reports_whose_dates_do_not_meet_are_two_incidents():
    incidents = merged(event("aj", 1, "IRN", "JAA", "195", "2024-01-10", "2024-01-12"),
                       event("efe", 1, "IRN", "JAA", "195", "2024-01-13", "2024-01-13"))
    assert incidents[["event_ids", "date_earliest", "date_latest"]].values.tolist() == [
        ["aj-s01-e1", "2024-01-10", "2024-01-12"], ["efe-s01-e1", "2024-01-13", "2024-01-13"]]


def test_strikes_in_different_countries_are_two_incidents():
    incidents = merged(event("aj", 1, "IRN", "JAA", "195", "2024-01-16", "2024-01-16", PANJGUR),
                       event("efe", 1, "IRN", "JAA", "195", "2024-01-16", "2024-01-16", ("Saravan", "IRN")))
    assert incidents["event_ids"].tolist() == ["aj-s01-e1", "efe-s01-e1"]


def test_a_vaguely_dated_report_joins_the_nearest_compatible_incident_only():
    incidents = merged(event("aj", 1, "IRN", "JAA", "195", "2024-01-10", "2024-01-10"),
                       event("aj", 2, "IRN", "JAA", "195", "2024-01-16", "2024-01-16"),
                       event("efe", 1, "IRN", "JAA", "195", "", "2024-01-18"),             # "before publication"
                       event("efe", 2, "IRN", "JAA", "195", "", "2024-01-12"),
                       event("dawn", 1, "IRN", "JAA", "195", "2024-01-08", "2024-01-20"),  # "this month"
                       event("dawn", 2, "IRN", "JAA", "195", "", ""))                      # undated
    assert incidents[["event_ids", "date"]].values.tolist() == [
        ["aj-s01-e1;efe-s02-e1", "2024-01-10"],
        ["aj-s02-e1;dawn-s01-e1;dawn-s02-e1;efe-s01-e1", "2024-01-16"]]


def test_of_two_incidents_equally_near_the_older_is_joined():
    # Two talks on the 10th with different partners; a report naming none could be either: the one
    # grouped first (article "aj" before "efe") takes it.
    incidents = merged(event("efe", 1, "IRN", "PAK", "040", "2024-01-10", "2024-01-10"),
                       event("aj", 1, "IRN", "JAA", "040", "2024-01-10", "2024-01-10"),
                       event("dawn", 1, "IRN", "", "040", "2024-01-09", "2024-01-11"))
    assert incidents[["event_ids", "target_actor"]].values.tolist() == [
        ["aj-s01-e1;dawn-s01-e1", "JAA"], ["efe-s01-e1", "PAK"]]


def test_one_sentence_urging_two_parties_is_one_incident():
    incidents = merged(event("aj", 4, "UN", "IRN", "020", "2024-01-19", "2024-01-19", n=1),
                       event("aj", 4, "UN", "PAK", "020", "2024-01-19", "2024-01-19", n=2),
                       event("efe", 2, "UN", "PAK", "020", "2024-01-19", "2024-01-19"))
    assert incidents[["event_ids", "target_actor", "label"]].values.tolist() == [
        ["aj-s04-e1;aj-s04-e2;efe-s02-e1", "IRN;PAK", "United Nations urges Iran and Pakistan"]]


def test_no_events_give_an_empty_table_with_its_columns():
    incidents = merged()
    assert incidents.empty and list(incidents.columns) == INCIDENT_COLUMNS
