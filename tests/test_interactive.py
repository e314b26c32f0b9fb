"""The actor graph to explore (Bokeh): what its arrows and actors say, and the page it is written to.

Seed facts, read in the articles: EFE's sentence 4 says Tehran "claimed to have bombed bases of the
Sunni terrorist group Jaish-al-Adl in Pakistan" on Tuesday (16 January 2024), and Al Jazeera's
sentence 5 speaks of "Iran's air raids against the armed group Jaish al-Adl"; both make one strike,
CAMEO 195 (Goldstein -10). The hostile fixture's article carries a <script> and an <img onerror> in
two sentences about Iran and Pakistan.
"""
import re

import nbformat
import networkx as nx
import pytest
from bokeh.models import HoverTool, PanTool, TapTool, WheelZoomTool
from nbclient import NotebookClient

from conftest import AL_JAZEERA, EFE, FIXTURES, ROOT
from helpers.graph import TONE_COLOURS, actor_layout, build_actor_graph, drawn_edges, interaction_table
from helpers.interactive import (actor_graph_figure, arrow_rows, interactive_graph_html, node_rows,
                                 write_interactive_graph)
from helpers.pipeline import cached_extraction
from helpers.report import KERNEL_ARGUMENTS, KERNEL_NAME, QuietShutdownKernelManager, html_exporter
from test_report import start_tags

EFE_STRIKE = ("Tensions between the two nations erupted on Tuesday when Tehran claimed to have bombed bases of "
              "the Sunni terrorist group Jaish-al-Adl in Pakistan.")
HOSTILE_SCRIPT = '<script>window.hostileRan = "script"</script>'
HOSTILE_IMAGE = "<img src=x onerror=\"window.hostileRan = 'img'\">"
PIXELS_PER_UNIT = 150


@pytest.fixture(scope="module")
def hostile_tables():
    return cached_extraction(FIXTURES / "report_hostile").tables


def graph_of(tables, level: str = "top") -> nx.MultiDiGraph:
    return build_actor_graph(interaction_table(tables, level), tables["actors"], level)


def arrow_between(arrows, source: str, target: str, tone: str):
    (row,) = arrows[(arrows["source"] == source) & (arrows["target"] == target) & (arrows["tone"] == tone)] \
        .itertuples()
    return row


# --- the sentences travel with the edges ---------------------------------------------------------

def test_each_interaction_carries_the_text_of_its_sentences(seed_tables):
    interactions = interaction_table(seed_tables)
    (strike,) = interactions[(interactions["source"] == "IRN") & (interactions["target"] == "JAA")
                             & interactions["sentences"].str.contains(f"{EFE}:4")].itertuples()
    texts = strike.sentence_texts.split("\n")
    assert len(texts) == len(strike.sentences.split(";"))
    assert texts[strike.sentences.split(";").index(f"{EFE}:4")] == EFE_STRIKE
    assert any("Iran’s air raids against the armed group Jaish al-Adl" in text for text in texts)


def test_the_sentence_texts_survive_graphml(seed_tables, tmp_path):
    graph = graph_of(seed_tables)
    nx.write_graphml(graph, tmp_path / "graph.graphml")
    loaded = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    texts = [d["sentence_texts"] for u, v, d in loaded.edges(data=True) if (u, v) == ("IRN", "JAA")]
    assert any(EFE_STRIKE in text for text in texts)


# --- what the figure shows -----------------------------------------------------------------------

def test_actors_sit_where_the_static_drawing_puts_them_with_its_markers(seed_tables):
    graph = graph_of(seed_tables)
    nodes = node_rows(graph, actor_layout(graph)).set_index("actor_id")
    layout = actor_layout(graph)
    assert {actor: (row.x, row.y) for actor, row in nodes.iterrows()} == layout
    assert nodes.loc["IRN", ["name", "type_name", "country", "marker"]].tolist() == \
        ["Iran", "state", "Iran (IRN)", "circle"]
    assert nodes.loc["JAA", ["type_name", "country", "marker"]].tolist() == ["armed group", "none", "triangle"]
    assert nodes.loc["UN", ["type_name", "marker"]].tolist() == ["intergovernmental organisation", "square"]
    assert nodes.loc["IRN", "size"] > nodes.loc["UN", "size"]          # states are the largest markers


def test_people_and_bodies_show_their_type_country_and_actions_with_no_target(seed_tables):
    graph = graph_of(seed_tables, "self")
    nodes = node_rows(graph, actor_layout(graph)).set_index("actor_id")
    assert nodes.loc["KAKAR", ["type_name", "country"]].tolist() == ["person", "Pakistan (PAK)"]
    assert nodes.loc["IRN_MFA", ["type_name", "country"]].tolist() == ["government body", "Iran (IRN)"]
    assert "◆ holds talks (2024-01-19)" in nodes.loc["KAKAR", "alone"]
    assert nodes.loc["UN", "alone"] == ""


def test_an_arrow_lists_date_action_code_goldstein_outlets_and_sentences(seed_tables):
    graph = graph_of(seed_tables)
    arrows = arrow_rows(graph, actor_layout(graph), PIXELS_PER_UNIT)
    strike = arrow_between(arrows, "IRN", "JAA", "conflict")
    assert strike.heading.startswith("Iran → Jaish al-Adl: ")
    assert strike.colour == TONE_COLOURS["conflict"]
    assert re.search(r"^2024-01-16: strikes \(CAMEO 195, Goldstein -10\.0\); reported by Al Jazeera; EFE$",
                     strike.incidents, re.MULTILINE)
    assert f"“{EFE_STRIKE}” [{EFE}:4]" in strike.incidents
    assert f"[{AL_JAZEERA}:5]" in strike.incidents
    mediation = arrow_between(arrows, "CHN", "PAK", "cooperation")
    assert "offers to mediate" in mediation.incidents and mediation.colour == TONE_COLOURS["cooperation"]


def test_arrows_are_the_static_drawings_bundles_running_from_actor_to_actor(seed_tables):
    graph = graph_of(seed_tables)
    layout = actor_layout(graph)
    arrows = arrow_rows(graph, layout, PIXELS_PER_UNIT)
    bundles = drawn_edges(graph)
    assert sorted(zip(arrows["source"], arrows["target"], arrows["tone"], arrows["count"])) == \
        sorted(zip(bundles["source"], bundles["target"], bundles["tone"], bundles["count"]))
    nodes = node_rows(graph, layout).set_index("actor_id")
    for arrow in arrows.itertuples():
        start, end = (arrow.xs[0], arrow.ys[0]), (arrow.xs[-1], arrow.ys[-1])
        # each end at the rim of its actor's marker: outside it, yet within a step of the curve
        for point, actor in ((start, arrow.source), (end, arrow.target)):
            distance = ((point[0] - layout[actor][0]) ** 2 + (point[1] - layout[actor][1]) ** 2) ** 0.5
            radius = nodes.loc[actor, "size"] / 2 / PIXELS_PER_UNIT
            assert radius <= distance < radius + 0.25, (arrow.source, arrow.target)
        assert (arrow.head_x1, arrow.head_y1) == end


def test_rolled_up_links_are_dotted_and_say_part_of(seed_tables):
    graph = graph_of(seed_tables, "self")
    arrows = arrow_rows(graph, actor_layout(graph), PIXELS_PER_UNIT)
    link = arrow_between(arrows, "KAKAR", "PAK", "")
    assert (link.dash, link.heading) == ("dotted", "Anwaar-ul-Haq Kakar → Pakistan: part of")
    assert set(arrows[arrows["kind"] == "interaction"]["dash"]) == {"solid"}


def test_the_figure_pans_zooms_and_answers_hover_and_tap(seed_tables):
    plot = actor_graph_figure(graph_of(seed_tables))
    kinds = {type(tool) for tool in plot.tools}
    assert {PanTool, WheelZoomTool, HoverTool, TapTool} <= kinds
    templates = [tool.tooltips for tool in plot.select(type=HoverTool)]
    assert any("@incidents" in template for template in templates)
    assert any("@country" in template for template in templates)
    assert not any("{safe}" in template for template in templates)  # {safe} would read article text as HTML


def test_an_empty_graph_says_so(hostile_tables):
    empty = build_actor_graph(interaction_table(hostile_tables).iloc[0:0], hostile_tables["actors"])
    html = interactive_graph_html(empty)
    assert "No actor interactions in these articles" in html


# --- the page ------------------------------------------------------------------------------------

def test_the_page_stands_alone_offline(hostile_tables, tmp_path):
    path = write_interactive_graph(graph_of(hostile_tables), tmp_path / "actor_graph.html")
    page = path.read_text(encoding="utf-8")
    tags = start_tags(page)
    scripts = [attributes for tag, attributes in tags if tag == "script"]
    assert scripts and all("src" not in attributes for attributes in scripts)     # Bokeh inlined
    assert not [attributes for tag, attributes in tags if tag == "link"]
    assert "Bokeh.embed.embed_items" in page
    assert [path.name for path in tmp_path.iterdir()] == ["actor_graph.html"]   # no temporary file left


def test_hostile_sentences_reach_the_page_only_as_escaped_data(hostile_tables):
    graph = graph_of(hostile_tables)
    arrows = arrow_rows(graph, actor_layout(graph), PIXELS_PER_UNIT)
    strike = arrow_between(arrows, "IRN", "PAK", "conflict")
    assert HOSTILE_SCRIPT in strike.incidents and HOSTILE_IMAGE in strike.incidents   # the data keeps the text
    page = interactive_graph_html(graph)
    assert "<script>window.hostileRan" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.hostileRan" in page and "&lt;img src=x onerror=" in page
    tags = start_tags(page)
    assert [tag for tag, _ in tags if tag in ("img", "iframe", "object", "embed", "a")] == []
    assert not [attributes for _, attributes in tags if any(name.startswith("on") for name in attributes)]


def test_shown_in_a_notebook_the_hostile_sentences_stay_text_in_its_html_export():
    """What the report does with a notebook: run it, then convert it to a page with nbconvert."""
    cell = nbformat.v4.new_code_cell(
        "from helpers.graph import build_actor_graph, interaction_table\n"
        "from helpers.interactive import show_interactive_graph\n"
        "from helpers.pipeline import cached_extraction\n"
        f"tables = cached_extraction({str(FIXTURES / 'report_hostile')!r}).tables\n"
        "show_interactive_graph(build_actor_graph(interaction_table(tables), tables['actors']))")
    notebook = nbformat.v4.new_notebook(cells=[cell])
    NotebookClient(notebook, kernel_name=KERNEL_NAME, extra_arguments=KERNEL_ARGUMENTS,
                   kernel_manager_class=QuietShutdownKernelManager, resources={"metadata": {"path": str(ROOT)}}
                   ).execute()
    outputs = notebook.cells[0].outputs
    assert [output.output_type for output in outputs] == ["display_data", "display_data"]
    assert "application/javascript" in outputs[0].data                       # BokehJS, inlined
    page, _ = html_exporter(show_code=False).from_notebook_node(notebook)
    assert "Bokeh.embed.embed_items" in page
    assert "<script>window.hostileRan" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.hostileRan" in page
    tags = start_tags(page)
    assert [attributes for tag, attributes in tags if tag == "script" and "src" in attributes] == []
    assert [tag for tag, _ in tags if tag in ("img", "iframe", "object", "embed")] == []
