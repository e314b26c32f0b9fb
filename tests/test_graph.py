"""The actor graph against what the articles say, its exports, and its bad-input errors.

Seed facts checked by reading the articles: EFE (published Friday 19 January 2024) says Iran bombed
Jaish al-Adl in Pakistan "on Tuesday" (16 January) and that Pakistan attacked the BLA and BLF in Iran
"on Thursday" (18 January); Al Jazeera reports China "willing to mediate" and Guterres urging
"the two countries" to exercise restraint. Fixture facts: Dawn (published 19 March 2024) says Afghan
forces fired "on Monday after Pakistan bombed two villages", so the strike Reuters reports on the
Pakistani Taliban is on or before 18 March 2024 (Reuters' own "on Monday" has no year); neither names Iran.
"""
import re

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
import pytest

from helpers.graph import (INTERACTION_COLUMNS, actor_centrality, actor_layout, build_actor_graph, busiest_actors,
                           draw_actor_graph, dyad_summary, export_graph, interaction_table, parse_focus_actors,
                           select_interactions)
from helpers.display import save_figure, with_note
from helpers.pipeline import cached_extraction

from conftest import FIXTURES


@pytest.fixture(scope="module")
def fixture_tables():
    return cached_extraction(FIXTURES / "graph").tables


def edges_between(interactions, source, target):
    return interactions[(interactions["source"] == source) & (interactions["target"] == target)]


def test_iran_strikes_jaish_al_adl_on_16_january(seed_tables):
    strikes = edges_between(interaction_table(seed_tables), "IRN", "JAA")
    assert "2024-01-16" in set(strikes["date"])
    assert set(strikes["date"]) <= {"2024-01-16", ""}           # no other day is given for it
    assert (strikes["tone"] == "conflict").all() and (strikes["goldstein"] == -10.0).all()
    assert strikes["cameo_code"].str.startswith("19").all()
    # Both outlets report it: EFE's "bombed bases", Al Jazeera's "air raids against ... Jaish al-Adl".
    assert {"Al Jazeera", "EFE"} <= {outlet for sources in strikes["sources"] for outlet in sources.split("; ")}


def test_pakistan_strikes_bla_and_blf_on_18_january(seed_tables):
    interactions = interaction_table(seed_tables)
    for group in ("BLA", "BLF"):
        strike = edges_between(interactions, "PAK", group)
        assert list(strike["date"]) == ["2024-01-18"]
        assert list(strike["tone"]) == ["conflict"]


def test_third_parties_are_cooperation(seed_tables):
    interactions = interaction_table(seed_tables)
    china = interactions[interactions["source"] == "CHN"]
    assert not china.empty and set(china["cameo_code"]) == {"039"} and set(china["tone"]) == {"cooperation"}
    assert set(china["target"]) <= {"", "IRN", "PAK"}       # "a close ally of both ... willing to mediate"
    restraint = interactions[interactions["source"] == "UN"]
    assert sorted(restraint["target"]) == ["IRN", "PAK"]
    assert set(restraint["tone"]) == {"cooperation"}


def test_self_level_keeps_people_linked_to_their_organisation(seed_tables):
    interactions = interaction_table(seed_tables, "self")
    assert set(interactions[interactions["source"] == "GUTERRES"]["target"]) == {"IRN", "PAK"}
    graph = build_actor_graph(interactions, seed_tables["actors"], "self")
    part_of = [(u, v) for u, v, d in graph.edges(data=True) if d["kind"] == "part_of"]
    assert ("GUTERRES", "UN") in part_of
    assert graph.nodes["GUTERRES"]["type"] == "person"


def test_dyads_and_centrality(seed_tables):
    interactions = interaction_table(seed_tables)
    dyads = dyad_summary(interactions).set_index(["source_name", "target_name"])
    iran_on_jaa = dyads.loc[("Iran", "Jaish al-Adl")]
    assert iran_on_jaa["net_goldstein"] == -10.0 * iran_on_jaa["n_interactions"]
    assert iran_on_jaa["first_day"] == "2024-01-16"
    centrality = actor_centrality(build_actor_graph(interactions, seed_tables["actors"])).set_index("actor_id")
    # Each armed group deals with one state only, so no path between others runs through it.
    assert centrality.loc[["JAA", "BLA", "BLF"], "betweenness"].eq(0).all()
    assert centrality.loc["CHN", "received"] == 0


def test_focus_window_and_sources(seed_tables):
    interactions = interaction_table(seed_tables)
    on_jaa = select_interactions(interactions, focus=["JAA"])
    assert set(on_jaa["source"]) | set(on_jaa["target"]) - {""} <= {"IRN", "JAA"}
    window = select_interactions(interactions, date_from="2024-01-17", date_to="2024-01-18")
    assert "2024-01-16" not in set(window["date"])                    # Iran's strike is before the window
    assert not edges_between(window, "PAK", "BLA").empty
    assert (window["when"] != "undated").all()
    both = select_interactions(interactions, min_sources=2)
    assert not both.empty and (both["n_sources"] >= 2).all()


def test_graphml_and_gexf_load_back(seed_tables, tmp_path):
    interactions = interaction_table(seed_tables, "self")
    graph = build_actor_graph(interactions, seed_tables["actors"], "self")
    paths = export_graph(graph, interactions, tmp_path)
    assert [path.name for path in paths] == ["actor_graph.graphml", "actor_graph.gexf", "actor_graph_edges.csv"]
    for loaded in (nx.read_graphml(paths[0], force_multigraph=True), nx.read_gexf(paths[1])):
        assert loaded.is_directed() and loaded.is_multigraph()
        assert sorted(loaded.nodes) == sorted(graph.nodes)
        assert loaded.nodes["JAA"]["type"] == "armed_group" and loaded.nodes["IRN"]["label"] == "Iran"
        assert loaded.number_of_edges() == graph.number_of_edges()
        (strike,) = [d for u, v, d in loaded.edges(data=True)
                     if (u, v) == ("IRN", "JAA") and "003_ae346129136baab4:4" in d["sentences"]]
        assert strike["date"] == "2024-01-16" and float(strike["goldstein"]) == -10.0
        assert strike["tone"] == "conflict" and strike["kind"] == "interaction"
        restraint = [d for u, v, d in loaded.edges(data=True) if u == "GUTERRES" and d["kind"] == "interaction"]
        assert {d["cameo_code"] for d in restraint} == {"0256"}       # the leading zero survives
    assert "lastmodifieddate" not in paths[1].read_text()


def test_bad_parameters_are_named(seed_tables):
    with pytest.raises(ValueError, match="unknown roll-up level 'country': use 'top'"):
        interaction_table(seed_tables, "country")
    with pytest.raises(ValueError, match=r"unknown focus actor\(s\) XYZ: use actor ids from data/actors.yaml"):
        parse_focus_actors("IRN, XYZ", seed_tables["actors"])
    with pytest.raises(ValueError, match="date_from must be an ISO date"):
        select_interactions(interaction_table(seed_tables), date_from="16 Jan 2024")
    assert parse_focus_actors(" irn,PAK ", seed_tables["actors"]) == ["IRN", "PAK"]


def test_other_articles_with_absent_actors(fixture_tables, tmp_path):
    interactions = interaction_table(fixture_tables)
    assert not {"IRN", "CHN", "UN", "JAA", "BLA", "BLF"} & (set(interactions["source"]) | set(interactions["target"]))
    # Dawn: Afghan forces fired "on Monday [18 March] after Pakistan bombed": on or before that day.
    strike = edges_between(interactions, "PAK", "TTP")
    assert list(strike["day"]) == ["2024-03-18"] and list(strike["tone"]) == ["conflict"]
    graph = build_actor_graph(interactions, fixture_tables["actors"])
    assert {"AFG", "PAK", "TTP"} <= set(graph.nodes)
    # Iran is a known actor but absent here: an empty graph, drawn with a note, not an error.
    empty = select_interactions(interactions, focus=parse_focus_actors("IRN", fixture_tables["actors"]))
    figure = draw_actor_graph(build_actor_graph(empty, fixture_tables["actors"]))
    assert [path.name for path in save_figure(figure, tmp_path, "empty")] == ["empty.png", "empty.svg"]
    plt.close(figure)


def test_a_crowded_drawing_leaves_out_labels_that_would_cover_text_and_says_so(seed_tables):
    crowded = cached_extraction(FIXTURES / "blind").tables  # five crises linked by mediators, 19 actors
    titles = []
    for tables in (seed_tables, crowded):
        graph = build_actor_graph(interaction_table(tables, "top"), tables["actors"], "top")
        figure = draw_actor_graph(graph)
        titles.append(figure.axes[0].get_legend().get_title().get_text())
        plt.close(figure)
    assert titles[0] == ""  # the seeds' seven actors leave room for every label
    assert re.fullmatch(r"\d+ arrow label\(s\) left out where they would cover other text; "
                        r"the edge table lists every interaction", titles[1])


def crises(*pairs: tuple[str, str]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for source, target in pairs:
        graph.add_edge(source, target, kind="interaction")
    return graph


def nearest_two(positions: dict) -> float:
    points = list(positions.values())
    return min(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5
               for i, a in enumerate(points) for b in points[i + 1:])


def test_many_actors_linked_by_mediators_sit_apart_and_each_crisis_together():
    # Four crises of four actors each, tied together by one mediator that calls one party of each.
    blocs = [[f"{crisis}{n}" for n in range(4)] for crisis in "ABCD"]
    pairs = [(a, b) for bloc in blocs for a in bloc for b in bloc if a < b] + [("M", bloc[0]) for bloc in blocs]
    positions = actor_layout(crises(*pairs))
    assert len(positions) == 17 and nearest_two(positions) >= 0.69
    # the members of a crisis are neighbours on the circle: closer to each other than to other crises
    centre = {crisis: [sum(positions[n][axis] for n in bloc) / 4 for axis in (0, 1)] for crisis, bloc in zip("ABCD", blocs)}
    for crisis, bloc in zip("ABCD", blocs):
        own = max(((positions[n][0] - centre[crisis][0]) ** 2 + (positions[n][1] - centre[crisis][1]) ** 2) ** 0.5
                  for n in bloc)
        others = min(((positions[n][0] - centre[crisis][0]) ** 2 + (positions[n][1] - centre[crisis][1]) ** 2) ** 0.5
                     for other in blocs if other is not bloc for n in other)
        assert own < others


def test_unconnected_crises_are_laid_out_in_cells_of_their_own():
    blocs = [[f"{crisis}{n}" for n in range(5)] for crisis in "ABC"]
    pairs = [(bloc[0], member) for bloc in blocs for member in bloc[1:]]
    positions = actor_layout(crises(*pairs))
    boxes = [[(min(positions[n][axis] for n in bloc), max(positions[n][axis] for n in bloc)) for axis in (0, 1)]
             for bloc in blocs]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:     # no two crises' boxes overlap on both axes
            assert a[0][1] < b[0][0] or b[0][1] < a[0][0] or a[1][1] < b[1][0] or b[1][1] < a[1][0]
    assert nearest_two(positions) >= 0.69


# --- many actors: the drawing keeps the busiest ----------------------------------------------------

def synthetic_interactions(counts: list[tuple[str, str, int]], tops: dict[str, str] | None = None) -> pd.DataFrame:
    """`count` rows of the interaction table from source to target ('' for an action with no target)."""
    tops = tops or {}
    rows = [{**dict.fromkeys(INTERACTION_COLUMNS, ""), "edge_id": f"{source}>{target}:{n}",
             "incident_id": f"{source}>{target}:{n}", "source": source, "target": target, "source_name": source,
             "target_name": target, "source_top": tops.get(source, source), "target_top": tops.get(target, target),
             "action": "meets", "incident_label": f"{source} meets {target}", "goldstein": 1.0, "quad_class": 1,
             "tone": "cooperation", "when": "undated", "n_sources": 1, "n_reports": 1}
            for source, target, count in counts for n in range(count)]
    return pd.DataFrame(rows, columns=INTERACTION_COLUMNS)


def synthetic_actors(ids: list[str], parents: dict[str, str] | None = None) -> pd.DataFrame:
    parents = parents or {}
    return pd.DataFrame({"actor_id": ids, "name": ids, "type": ["state"] * len(ids), "country": [""] * len(ids),
                         "parent": [parents.get(actor, "") for actor in ids], "aliases": ids})


def forty_actors() -> pd.DataFrame:
    """A01-A24 in twelve pairs with 29 down to 18 interactions each; A25 meets A01 five times;
    A26-A40 meet A02 twice each; A01 and A40 each act once with no target.
    Busiest first: A02 (59), A01 (35), A03-A24 (28 down to 18), A25 (5), A40 (3), A26-A39 (2)."""
    names = [f"A{number:02d}" for number in range(1, 41)]
    pairs = [(names[2 * k], names[2 * k + 1], 29 - k) for k in range(12)]
    return synthetic_interactions(pairs + [("A01", "A25", 5)] + [("A02", actor, 2) for actor in names[25:]]
                                  + [("A01", "", 1), ("A40", "", 1)])


def test_a_graph_of_forty_actors_draws_the_busiest_25_and_counts_the_rest():
    interactions = forty_actors()
    assert len(interactions) == 319
    kept, note = busiest_actors(interactions, 25)
    assert note == "+ 15 more actors, in 31 interactions, not drawn; the edge table lists them all"
    assert len(kept) == 319 - 31                              # 15 actors x 2 meetings with A02, and A40's own act
    assert set(kept["source"]) | set(kept["target"]) - {""} == {f"A{number:02d}" for number in range(1, 26)}
    graph = build_actor_graph(kept, synthetic_actors(sorted(set(interactions["source"]) | {"A40"})))
    assert graph.number_of_nodes() == 25
    figure = draw_actor_graph(graph, title=with_note("Who did what to whom", note))
    assert figure.axes[0].get_title(loc="left") == f"Who did what to whom\n{note}"
    plt.close(figure)


def test_an_actor_whose_partners_are_all_left_out_is_left_out_too():
    # X is third busiest (5), but each of its partners meets only X: none is among the three drawn.
    interactions = synthetic_interactions([("P", "Q", 10)] + [("X", f"Y{number}", 1) for number in range(5)])
    kept, note = busiest_actors(interactions, 3)
    assert set(kept["source"]) | set(kept["target"]) == {"P", "Q"} and len(kept) == 10
    assert note == "+ 6 more actors, in 5 interactions, not drawn; the edge table lists them all"


def test_a_few_actors_are_all_drawn_and_nothing_is_said():
    interactions = synthetic_interactions([("IRN", "PAK", 3), ("PAK", "IRN", 2), ("CHN", "", 1)])
    kept, note = busiest_actors(interactions, 25)
    assert kept is interactions and note == ""


def test_at_level_self_a_body_and_its_state_count_as_two_actors():
    tops = {"IRN_MFA": "IRN"}
    interactions = synthetic_interactions([("IRN_MFA", "PAK", 3), ("CHN", "PAK", 1)], tops)
    kept, note = busiest_actors(interactions, 3)      # PAK (4), then IRN_MFA with IRN: three; CHN is one too many
    assert list(kept["source"].unique()) == ["IRN_MFA"]
    assert note == "+ 1 more actor, in 1 interaction, not drawn; the edge table lists them all"
    graph = build_actor_graph(kept, synthetic_actors(["CHN", "IRN", "IRN_MFA", "PAK"], {"IRN_MFA": "IRN"}), "self")
    assert sorted(graph.nodes) == ["IRN", "IRN_MFA", "PAK"]
    with pytest.raises(ValueError, match="at least 1"):
        busiest_actors(interactions, 0)
