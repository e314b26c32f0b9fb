"""The escalation sequence against what the articles say, and both notebooks on other articles.

Seed facts checked by reading the articles: EFE says Jaish al-Adl "claimed responsibility for an
attack that killed 11 police officers in Iran in December"; Iran bombed Jaish al-Adl "on Tuesday"
(16 January 2024), Pakistan struck the BLA and BLF "on Thursday" (18 January). Al Jazeera says
two people died in Iran's raids and Pakistan's strikes killed "at least nine people"; EFE says
Islamabad claimed two children were killed and Tehran said 10 foreign citizens were.
"""
import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
import pytest

from helpers.display import with_note
from helpers.escalation import (SEQUENCE_COLUMNS, best_reported, busiest_lanes, casualty_claims_by_source,
                                daily_intensity,
                                draw_escalation_intensity, draw_escalation_sequence, left_out_of_intensity,
                                sequence_table, time_segments, what_the_sequence_supports)
from helpers.pipeline import cached_extraction

from conftest import FIXTURES, ROOT


@pytest.fixture(scope="module")
def sequence(seed_tables):
    return sequence_table(seed_tables)


def incident(sequence, words):
    """The incident labelled so; when the coder splits one happening in two, the most precisely dated."""
    rows = sequence[sequence["label"].str.contains(words, regex=False)]
    assert len(rows) >= 1, f"no incident labelled {words!r}"
    return rows.assign(_undated=rows["date"] == "").sort_values(["_undated", "incident_id"]).iloc[0]


def test_background_attack_spans_december(sequence):
    attack = incident(sequence, "Jaish al-Adl attacks")
    assert (attack["precision"], attack["date_earliest"], attack["date_latest"]) == ("interval", "2023-12-01",
                                                                                     "2023-12-31")
    assert attack["killed"] == "11" and attack["tone"] == "conflict"


def test_strikes_in_order_and_in_their_lanes(sequence):
    iran = incident(sequence, "Iran strikes Jaish al-Adl")
    pakistan = incident(sequence, "Pakistan strikes")
    assert (iran["date"], pakistan["date"]) == ("2024-01-16", "2024-01-18")
    assert "Jaish al-Adl" in iran["lane"] and "BLA" in pakistan["lane"] and "BLF" in pakistan["lane"]
    # The background attack shares the lane of the strike that answered it.
    assert incident(sequence, "Jaish al-Adl attacks")["lane"] == iran["lane"]
    assert iran["killed"] == "2"


def test_de_escalation_signals_are_cooperation(sequence):
    assert incident(sequence, "China offers to mediate")["tone"] == "cooperation"
    assert incident(sequence, "United Nations urges restraint on Iran and Pakistan")["tone"] == "cooperation"


def test_intensity_counts_only_incidents_dated_to_the_day(sequence):
    intensity = daily_intensity(sequence)
    strikes = intensity[intensity["incidents"].str.contains(" strikes ")]
    assert list(strikes["day"]) == ["2024-01-16", "2024-01-18"]
    # The recall is dated only "by 19 January": left out, and said so.
    left_out = left_out_of_intensity(sequence)
    assert left_out["label"].str.contains("recalls its ambassador").any()
    assert not intensity["incidents"].str.contains("recalls its ambassador").any()


def test_time_axis_breaks_between_december_and_january(sequence):
    segments = time_segments(sequence)
    december = [s for s in segments if s[0] < pd.Timestamp("2023-12-01") < s[1]]
    january = [s for s in segments if s[0] < pd.Timestamp("2024-01-16") < s[1]]
    assert len(december) == len(january) == 1 and december[0][1] < january[0][0]


def test_casualty_claims_side_by_side(seed_tables):
    claims = casualty_claims_by_source(seed_tables)
    iran = claims[claims["label"].str.startswith("Iran strikes")]
    assert set(zip(iran["outlet"], iran["figure"], iran["according_to"])) == {
        ("Al Jazeera", "killed 2", "(the outlet's own reporting)"), ("EFE", "killed 2", "Islamabad (Pakistan)")}
    pakistan = claims[claims["label"].str.startswith("Pakistan strikes")]
    assert set(zip(pakistan["outlet"], pakistan["figure"], pakistan["according_to"])) == {
        ("Al Jazeera", "killed at least 9", "(the outlet's own reporting)"), ("EFE", "killed 10", "Iran")}


def test_bad_window_is_named(seed_tables):
    with pytest.raises(ValueError, match="date_to must be an ISO date"):
        sequence_table(seed_tables, date_to="Jan 19")


def test_window_and_focus(seed_tables):
    window = sequence_table(seed_tables, date_from="2024-01-17")
    assert "2024-01-16" not in set(window["date"])
    assert (window["precision"] != "undated").all()
    china = sequence_table(seed_tables, focus=["CHN"])
    assert len(china) == 1 and china["label"].iloc[0].startswith("China offers to mediate")


def test_other_articles_draw(tmp_path):
    tables = cached_extraction(FIXTURES / "graph").tables
    sequence = sequence_table(tables)
    assert not sequence["actors"].str.contains("Iran|China|United Nations").any()
    strike = incident(sequence, "Pakistan strikes")
    assert (strike["date"] or strike["date_latest"]) == "2024-03-18"
    chart = draw_escalation_sequence(sequence)
    rows = [label.get_text() for ax in chart.axes for label in ax.texts + ax.get_yticklabels()]
    assert any(row.startswith("Pakistan strikes") and "[8 killed]" in row for row in rows)
    assert "Pakistan commits to good relations with Afghanistan" in rows
    intensity = draw_escalation_intensity(daily_intensity(sequence))
    days = [label.get_text() for label in intensity.axes[-1].get_xticklabels()]
    assert days == ["18 Mar\n2024", "19 Mar\n2024"]
    empty = sequence_table(tables, focus=["IRN"])
    assert empty.empty
    notes = [[text.get_text() for ax in figure.axes for text in ax.texts]
             for figure in (draw_escalation_sequence(empty), draw_escalation_intensity(daily_intensity(empty)))]
    assert notes == [["No incidents in these articles"], ["No incident is dated to the day"]]
    plt.close("all")


def test_what_the_sequence_supports_is_read_from_the_articles_at_hand():
    # Dawn: "at least eight women and children, officials in Kabul said"; Reuters: "killing eight
    # people, a spokesperson for the Afghan government said" - one strike, two figures.
    tables = cached_extraction(FIXTURES / "graph").tables
    sequence = sequence_table(tables)
    lines = what_the_sequence_supports(sequence, casualty_claims_by_source(tables))
    assert lines[0].endswith("are dated to the day: their order is what the articles say.")
    disagreement = next(line for line in lines if line.startswith("The sources disagree"))
    assert "at least 8 women and children (Dawn" in disagreement and "8 people (Reuters" in disagreement
    assert "Signals of cooperation or de-escalation: “Pakistan commits to good relations with Afghanistan” " \
           "(2024-03-19)." in lines
    assert not any(word in " ".join(lines) for word in ("Iran", "Jaish", "China", "nine"))
    empty = what_the_sequence_supports(sequence.iloc[0:0], casualty_claims_by_source(tables))
    assert empty == ["No incident was coded from these articles: there is no sequence to read."]


def test_notebooks_run_on_other_articles(tmp_path):
    """Both notebooks under papermill on the fixture folder, writing into a temporary folder."""
    papermill = pytest.importorskip("papermill")
    parameters = {"articles_dir": str(FIXTURES / "graph"), "output_dir": str(tmp_path / "out"),
                  "roll_up": "self", "min_sources": 1}
    for name in ("03-actor-graph", "04-escalation-sequence"):
        papermill.execute_notebook(str(ROOT / "notebooks" / f"{name}.ipynb"), str(tmp_path / f"{name}.ipynb"),
                                   parameters=parameters, kernel_name="python3", cwd=str(ROOT / "notebooks"),
                                   progress_bar=False, report_mode=False)
    out = tmp_path / "out"
    assert sorted(path.name for path in (out / "figures").iterdir()) == [
        "actor_graph.png", "actor_graph.svg", "escalation_intensity.png", "escalation_intensity.svg",
        "escalation_sequence.png", "escalation_sequence.svg"]
    graph = nx.read_graphml(out / "actor_graph.graphml", force_multigraph=True)
    assert "IRN" not in graph and {"PAK", "TTP", "AFG_MFA"} <= set(graph.nodes)    # roll_up "self" was applied
    strike = [d for u, v, d in graph.edges(data=True) if (u, v) == ("PAK", "TTP")]
    assert [d["date"] or d["date_latest"] for d in strike] == ["2024-03-18"]
    sequence = pd.read_csv(out / "escalation_sequence.csv", dtype=str, keep_default_na=False)
    assert sequence["label"].str.contains("Pakistan strikes").any()


# --- many lanes: the chart keeps the busiest ----------------------------------------------------------

def synthetic_sequence(lanes: list[tuple[str, int]]) -> pd.DataFrame:
    """`count` incidents per lane, in the given order, one a day from 1 January 2024, all strikes."""
    rows = []
    for lane, count in lanes:
        for _ in range(count):
            day = (pd.Timestamp("2024-01-01") + pd.Timedelta(days=len(rows) % 20)).strftime("%Y-%m-%d")
            rows.append({**dict.fromkeys(SEQUENCE_COLUMNS, ""), "incident_id": f"i{len(rows):03d}", "lane": lane,
                         "when": day, "precision": "day", "date": day, "date_earliest": day, "date_latest": day,
                         "label": f"{lane} strike", "short_label": f"{lane} strike", "tone": "conflict",
                         "goldstein": -10.0, "n_sources": 1})
    return pd.DataFrame(rows, columns=SEQUENCE_COLUMNS)


def test_the_busiest_lanes_are_drawn_in_their_order_ties_to_the_earlier_lane():
    sequence = synthetic_sequence([("A", 1), ("B", 3), ("C", 2), ("D", 2), ("E", 1)])
    kept, note = busiest_lanes(sequence, 2)
    assert list(kept["lane"]) == ["B", "B", "B", "C", "C"]           # C and D tie: C comes first
    assert note == "+ 3 more lanes, with 4 incidents, not drawn; the sequence table lists them all"


def test_a_chart_of_fifteen_lanes_draws_twelve_and_says_so():
    # Lane number k holds k incidents: the three smallest (1 + 2 + 3 incidents) are left out.
    sequence = synthetic_sequence([(f"lane {number:02d}", number) for number in range(1, 16)])
    kept, note = busiest_lanes(sequence, 12)
    assert note == "+ 3 more lanes, with 6 incidents, not drawn; the sequence table lists them all"
    assert list(kept["lane"].unique()) == [f"lane {number:02d}" for number in range(4, 16)]
    figure = draw_escalation_sequence(kept, title=with_note("The escalation in sequence", note))
    assert figure.get_suptitle() == f"The escalation in sequence\n{note}"
    headers = [label.get_text() for label in figure.axes[0].get_yticklabels() if label.get_fontweight() == "bold"]
    assert headers == [f"lane {number:02d}" for number in range(4, 16)]
    plt.close(figure)


def test_a_few_lanes_are_all_drawn_and_nothing_is_said(sequence):
    kept, note = busiest_lanes(sequence, 12)              # the seeds' eight lanes
    assert kept is sequence and note == ""
    with pytest.raises(ValueError, match="at least 1"):
        busiest_lanes(sequence, 0)


def test_a_long_lane_draws_its_incidents_told_by_the_most_outlets_and_says_how_many_are_left_out():
    sequence = synthetic_sequence([("A", 5), ("B", 2)])
    sequence["n_sources"] = [1, 3, 2, 3, 1, 1, 1]          # A's second and fourth, then its third
    kept, note = best_reported(sequence, 3)
    assert kept["incident_id"].tolist() == ["i001", "i002", "i003", "i005", "i006"]   # in the table's order
    assert note == ("+ 2 incidents reported by fewer outlets, in the drawn lanes, not drawn; "
                    "the sequence table lists them all")
    figure = draw_escalation_sequence(kept, title=with_note("The escalation in sequence", "", note))
    assert figure.get_suptitle() == f"The escalation in sequence\n{note}"
    plt.close(figure)


def test_short_lanes_are_drawn_whole_and_nothing_is_said(sequence):
    kept, note = best_reported(sequence, 20)
    assert kept is sequence and note == ""
    with pytest.raises(ValueError, match="at least 1"):
        best_reported(sequence, 0)
