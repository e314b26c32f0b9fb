"""The actor graph to explore: pan, zoom, and read each arrow's incidents and the sentences behind them.

The same graph as `graph.draw_actor_graph` (from `graph.build_actor_graph`), in the same places
(`graph.actor_layout`) and colours, drawn with Bokeh:

- `interactive_actor_graph(graph)` builds it: the figure, with a panel below it;
- `write_interactive_graph(graph, path)` writes it as one HTML page that opens offline (Bokeh's
  JavaScript inlined, nothing loaded from the network);
- `show_interactive_graph(graph)` shows it in a JupyterLab notebook, e.g. in notebook 03 after
  `graph = build_actor_graph(...)`: `from helpers.interactive import show_interactive_graph`, then
  `show_interactive_graph(graph)`.

Hovering over an arrow or the dot at its middle lists its incidents: when, what was done, the CAMEO
code and Goldstein value, the outlets, and the sentences that report it; tapping one keeps that list
in the panel below the figure. Hovering over or tapping an actor gives its name, type and country.

Article text is untrusted: it reaches the page only as data of the figure, which Bokeh's tooltips
and the panel show as text (the tooltip templates never use the `{safe}` format, which would read
it as HTML).
"""
from __future__ import annotations

import math
import textwrap
from pathlib import Path

import networkx as nx
import pandas as pd
from bokeh.core.properties import field
from bokeh.embed import components, file_html
from bokeh.io import output_notebook
from bokeh.layouts import column
from bokeh.models import (Arrow, ColumnDataSource, CustomJS, Div, HoverTool, Label, LabelSet, Legend,
                          NormalHead, TapTool)
from bokeh.plotting import figure
from bokeh.resources import INLINE, Resources

from .graph import (NODE_STYLES, SENTENCE_SEPARATOR, TONE_COLOURS, TONE_LEGEND, TYPE_LEGEND, actor_layout,
                    arc_point, drawn_edges, size_radius)
from .tables import replace_atomically

# What the figure needs of BokehJS (its core, and the widgets for the text panels), inlined into the
# notebook with its output: half the size of all of INLINE.
NOTEBOOK_RESOURCES = Resources(mode="inline", components=["bokeh", "bokeh-widgets"])
DEFAULT_TITLE = "Who did what to whom: actor interactions coded from the articles"
PLOT_WIDTH, PLOT_HEIGHT = 1100, 760
# matplotlib's markers of graph.NODE_STYLES, in Bokeh's names.
MARKERS = {"o": "circle", "s": "square", "^": "triangle", "D": "diamond"}
# graph.NODE_STYLES sizes are areas in points squared (matplotlib); Bokeh's are diameters in pixels.
PIXELS_PER_POINT = 0.85
PART_OF_COLOUR = "#999999"
ARC_STEPS = 40
DOT_SIZE = 11  # the dot at an arrow's middle, in pixels
NODE_LABEL_WIDTH, ARROW_LABEL_WIDTH = 18, 26
# Around the drawing, so that names below the outermost actors stay in view: a share of its extent
# (Bokeh's ranges), and in layout units for the initial scale.
RANGE_PADDING, MARGIN = 0.2, 0.5
LEGEND_WIDTH, HEADER_HEIGHT = 260, 80  # pixels the legend and the title with the toolbar take
PANEL_PROMPT = ("Tap an arrow, the dot on it, or an actor: what it stands for, with the sentences "
                "that report it, stays here.")
HOW_TO_READ = ("Drag to pan, scroll to zoom (the toolbar resets the view). Hover over an arrow or the dot "
               "at its middle for its incidents: date, action, CAMEO code, Goldstein value, outlets and the "
               "sentences that report it. Red: conflict; blue: cooperation; grey: neutral; dotted: part of.")
# Values go in through @field without a format: Bokeh escapes them, so article text stays text.
ARROW_TOOLTIP = """<div style="max-width: 36em; font-size: 12px; line-height: 1.35">
<div style="font-weight: bold; margin-bottom: 0.3em">@heading</div>
<div style="white-space: pre-wrap">@incidents</div>
</div>"""
NODE_TOOLTIP = """<div style="max-width: 30em; font-size: 12px; line-height: 1.35">
<div style="font-weight: bold">@name</div>
<div>@type_name; country: @country</div>
<div style="white-space: pre-wrap">@alone</div>
</div>"""
# The panel shows the tapped arrow, else the tapped actor; Div.render_as_text keeps it text.
SHOW_SELECTION = """
const arrow = arrows.selected.indices, node = nodes.selected.indices;
panel.text = arrow.length ? arrows.data.details[arrow[0]]
    : node.length ? nodes.data.details[node[0]] : prompt;
"""


# --- what is drawn, as tables --------------------------------------------------------------------

def node_rows(graph: nx.MultiDiGraph, positions: dict) -> pd.DataFrame:
    """One row per actor: where, how it is drawn, and what its tooltip says."""
    rows = []
    for node in sorted(graph.nodes):
        attributes = graph.nodes[node]
        marker, colour, area = NODE_STYLES.get(attributes["type"], NODE_STYLES["other"])
        name, type_name = attributes["label"], TYPE_LEGEND.get(attributes["type"], attributes["type"])
        country, alone = country_name(graph, attributes["country"]), actions_alone(attributes)
        rows.append({
            "actor_id": node, "x": positions[node][0], "y": positions[node][1], "name": name,
            "label": "\n".join(textwrap.wrap(name, NODE_LABEL_WIDTH)), "type_name": type_name,
            "country": country, "alone": alone, "marker": MARKERS[marker], "colour": colour,
            "size": marker_diameter(area), "label_offset": -(marker_diameter(area) / 2 + 3),
            "details": "\n".join(line for line in (f"{name} ({node})", f"{type_name}; country: {country}",
                                                   alone) if line),
        })
    return pd.DataFrame(rows, columns=NODE_COLUMNS)


NODE_COLUMNS = ["actor_id", "x", "y", "name", "label", "type_name", "country", "alone", "marker", "colour",
                "size", "label_offset", "details"]


def marker_diameter(area: float) -> float:
    return round(2 * size_radius(area) * PIXELS_PER_POINT, 1)


def country_name(graph: nx.MultiDiGraph, country: str) -> str:
    """'Iran (IRN)' when the country is an actor of the graph, else its id; 'none' for no country."""
    if not country:
        return "none"
    return f"{graph.nodes[country]['label']} ({country})" if country in graph else country


def actions_alone(attributes: dict) -> str:
    actions = [action for action in attributes["own_actions"].split("; ") if action]
    return "\n".join(["With no target:"] + [f"◆ {action}" for action in actions]) if actions else ""


def arrow_rows(graph: nx.MultiDiGraph, positions: dict, pixels_per_unit: float) -> pd.DataFrame:
    """One row per arrow of the static drawing (interactions bundled per actors and tone): its curve
    between the rims of the two markers at the initial zoom, its arrowhead, and what it stands for."""
    radii = {row.actor_id: row.size / 2 / pixels_per_unit for row in node_rows(graph, positions).itertuples()}
    rows = []
    for bundle in drawn_edges(graph).itertuples(index=False):
        start, end = positions[bundle.source], positions[bundle.target]
        points = arrow_curve(start, end, bundle.rad, radii[bundle.source], radii[bundle.target])
        (head_x0, head_y0), (head_x1, head_y1) = points[-3], points[-1]
        middle = arc_point(start, end, bundle.rad, 0.5)
        heading, incidents, style = arrow_heading(graph, bundle), bundle_incidents(graph, bundle), arrow_style(bundle)
        rows.append({
            "source": bundle.source, "target": bundle.target, "kind": bundle.kind, "tone": bundle.tone,
            "count": bundle.count, **style, "hit_width": max(style["width"] + 8, DOT_SIZE + 2),
            "xs": [x for x, _ in points], "ys": [y for _, y in points],
            "head_x0": head_x0, "head_y0": head_y0, "head_x1": head_x1, "head_y1": head_y1,
            "mid_x": middle[0], "mid_y": middle[1],
            "heading": heading, "incidents": incidents, "details": f"{heading}\n\n{incidents}",
        })
    return pd.DataFrame(rows, columns=ARROW_COLUMNS)


ARROW_COLUMNS = ["source", "target", "kind", "tone", "count", "tone_name", "colour", "dash", "width", "head_size",
                 "label", "hit_width", "xs", "ys", "head_x0", "head_y0", "head_x1", "head_y1", "mid_x", "mid_y",
                 "heading", "incidents", "details"]


def arrow_style(bundle) -> dict:
    """Colour, width and label as the static drawing has them: by tone, as wide as the count;
    part-of links dotted and grey, with no label."""
    if bundle.kind == "part_of":
        return {"tone_name": "part of (roll-up link)", "colour": PART_OF_COLOUR, "dash": "dotted", "width": 1.2,
                "head_size": 9, "label": ""}
    return {"tone_name": TONE_LEGEND[bundle.tone], "colour": TONE_COLOURS[bundle.tone], "dash": "solid",
            "width": 1.0 + 1.6 * bundle.count, "head_size": 10 + 2 * min(bundle.count, 5),
            "label": "\n".join(textwrap.wrap(bundle.labels, ARROW_LABEL_WIDTH))}


def arrow_curve(start: tuple[float, float], end: tuple[float, float], rad: float, start_radius: float,
                end_radius: float) -> list[tuple[float, float]]:
    """Points along the static drawing's curve, from where it leaves the start's marker to where it
    meets the end's."""
    first = leaving_fraction(start, end, rad, start_radius, from_end=False)
    last = leaving_fraction(start, end, rad, end_radius, from_end=True)
    return [arc_point(start, end, rad, first + (last - first) * step / ARC_STEPS)
            for step in range(ARC_STEPS + 1)]


def leaving_fraction(start: tuple[float, float], end: tuple[float, float], rad: float, radius: float,
                     from_end: bool) -> float:
    """Where along the curve (0 to 1) it leaves a circle of `radius` around its start (or end)."""
    centre = end if from_end else start
    for step in range(ARC_STEPS // 2):
        fraction = 1 - step / ARC_STEPS if from_end else step / ARC_STEPS
        if math.dist(arc_point(start, end, rad, fraction), centre) >= radius:
            return fraction
    return 0.5


def bundle_edges(graph: nx.MultiDiGraph, bundle) -> list[dict]:
    """The edges one arrow stands for, in the order of the day they happened."""
    edges = [data for u, v, _, data in sorted(graph.edges(keys=True, data=True))
             if (u, v, data["tone"], data["kind"]) == (bundle.source, bundle.target, bundle.tone, bundle.kind)]
    return sorted(edges, key=lambda data: (data["date"] or data["date_latest"] or data["date_earliest"] or "9999",
                                           data["label"], data["incident_id"]))


def arrow_heading(graph: nx.MultiDiGraph, bundle) -> str:
    names = f"{graph.nodes[bundle.source]['label']} → {graph.nodes[bundle.target]['label']}"
    if bundle.kind == "part_of":
        return f"{names}: part of"
    return f"{names}: {bundle.count} incident{'s' if bundle.count != 1 else ''}, {bundle.tone}"


def bundle_incidents(graph: nx.MultiDiGraph, bundle) -> str:
    """Each incident of the arrow: a line of what happened, then the sentences that say so."""
    if bundle.kind == "part_of":
        return "A person or body, linked to the actor it belongs to."
    return "\n\n".join(incident_text(data) for data in bundle_edges(graph, bundle))


def incident_text(edge: dict) -> str:
    """'2024-01-16: strikes (CAMEO 195, Goldstein -10.0); reported by Al Jazeera; EFE', then each
    sentence quoted, with its id."""
    summary = f"{edge['when']}: {edge['label']} (CAMEO {edge['cameo_code']}, Goldstein {edge['goldstein']:+.1f})"
    summary += f"; reported by {edge['sources']}" if edge["sources"] else ""
    ids = [sentence for sentence in edge["sentences"].split(";") if sentence]
    texts = edge["sentence_texts"].split(SENTENCE_SEPARATOR) if edge["sentence_texts"] else []
    quotes = [f"  “{text}” [{sentence}]" for sentence, text in zip(ids, texts)]
    return "\n".join([summary] + quotes)


# --- the figure ----------------------------------------------------------------------------------

def pixels_per_unit(positions: dict, width: int, height: int) -> float:
    """The initial scale: the actors' extent, with margins, fitted into the drawing area at equal aspect."""
    xs, ys = [x for x, _ in positions.values()], [y for _, y in positions.values()]
    area_width, area_height = width - LEGEND_WIDTH, height - HEADER_HEIGHT
    return min(area_width / (max(xs) - min(xs) + 2 * MARGIN), area_height / (max(ys) - min(ys) + 2 * MARGIN))


def actor_graph_figure(graph: nx.MultiDiGraph, title: str = DEFAULT_TITLE, positions: dict | None = None,
                       width: int = PLOT_WIDTH, height: int = PLOT_HEIGHT) -> figure:
    """The actor graph as a Bokeh figure (pan, wheel zoom, hover, tap), drawn as `draw_actor_graph` draws it."""
    plot = figure(title=title, width=width, height=height, match_aspect=True, name="actor_graph",
                  tools="pan,wheel_zoom,box_zoom,reset,save", active_scroll="wheel_zoom",
                  toolbar_location="above")
    plot.axis.visible = False
    plot.grid.visible = False
    if graph.number_of_nodes() == 0:
        plot.add_layout(Label(x=width / 2, y=height / 2, x_units="screen", y_units="screen", text_align="center",
                              text="No actor interactions in these articles"))
        return plot
    positions = positions or actor_layout(graph)
    plot.x_range.range_padding = plot.y_range.range_padding = RANGE_PADDING
    legend = Legend(location="top_left", label_text_font_size="10pt")
    plot.add_layout(legend, "right")
    arrows = data_source(arrow_rows(graph, positions, pixels_per_unit(positions, width, height)), "arrows")
    nodes = data_source(node_rows(graph, positions), "nodes")
    arrow_renderer = draw_arrows(plot, arrows)
    node_renderer = draw_nodes(plot, nodes)
    plot.add_tools(HoverTool(renderers=[arrow_renderer], tooltips=ARROW_TOOLTIP, line_policy="interp"),
                   HoverTool(renderers=[node_renderer], tooltips=NODE_TOOLTIP),
                   TapTool(renderers=[arrow_renderer, node_renderer]))
    return plot


def data_source(rows: pd.DataFrame, name: str) -> ColumnDataSource:
    # From plain columns: given the DataFrame, Bokeh adds its index as a column and pandas warns.
    return ColumnDataSource(data=rows.to_dict("list"), name=name)


def draw_arrows(plot: figure, arrows: ColumnDataSource):
    """Curves as wide as their count, arrowheads, a dot and the actions at each middle; returns the
    renderer that hovering and tapping answer to.

    That one is an invisible band along each curve, wider than the curve and its dot: a thin arrow is
    easy to point at, and the dot on it gives one tooltip, not one for the dot and one for the line.
    """
    plot.multi_line("xs", "ys", source=arrows, line_color="colour", line_width="width", line_dash="dash",
                    line_alpha=0.85, hover_line_alpha=1.0, selection_line_alpha=1.0, nonselection_line_alpha=0.35,
                    legend_field="tone_name")
    plot.add_layout(Arrow(source=arrows, x_start="head_x0", y_start="head_y0", x_end="head_x1", y_end="head_y1",
                          line_alpha=0, end=NormalHead(size=field("head_size"), fill_color=field("colour"),
                                                       line_color=field("colour"))))
    plot.scatter("mid_x", "mid_y", source=arrows, size=DOT_SIZE, marker="circle", fill_color="white",
                 line_color="colour", line_width=2, hover_fill_color="colour", selection_fill_color="colour",
                 nonselection_fill_alpha=0.5)
    plot.add_layout(LabelSet(source=arrows, x="mid_x", y="mid_y", text="label", y_offset=-9, text_align="center",
                             text_baseline="top", text_font_size="9pt", text_color="colour",
                             background_fill_color="white", background_fill_alpha=0.8))
    return plot.multi_line("xs", "ys", source=arrows, line_width="hit_width", line_alpha=0, hover_line_alpha=0,
                           selection_line_alpha=0, nonselection_line_alpha=0, name="arrow_hits")


def draw_nodes(plot: figure, nodes: ColumnDataSource):
    renderer = plot.scatter("x", "y", source=nodes, marker="marker", size="size", fill_color="colour",
                            line_color="white", line_width=2, legend_field="type_name",
                            nonselection_fill_alpha=0.6)
    plot.add_layout(LabelSet(source=nodes, x="x", y="y", text="label", y_offset="label_offset",
                             text_align="center", text_baseline="top", text_font_size="10pt",
                             text_font_style="bold", background_fill_color="white", background_fill_alpha=0.7))
    return renderer


def interactive_actor_graph(graph: nx.MultiDiGraph, title: str = DEFAULT_TITLE, positions: dict | None = None,
                            width: int = PLOT_WIDTH, height: int = PLOT_HEIGHT):
    """How to read it, the figure, and below it a panel that keeps what was tapped."""
    plot = actor_graph_figure(graph, title, positions, width, height)
    # disable_math: text between $$ would otherwise be typeset, with MathJax fetched from a CDN.
    guide = Div(text=HOW_TO_READ, render_as_text=True, disable_math=True, width=width,
                styles={"font-size": "13px"})
    panel = Div(text=PANEL_PROMPT, render_as_text=True, disable_math=True, width=width, name="details",
                styles={"white-space": "pre-wrap", "font-size": "13px", "border-top": "1px solid #d0d7de",
                        "padding-top": "0.5em"})
    sources = {source.name: source for source in plot.select(type=ColumnDataSource)}
    if sources:
        show_selection = CustomJS(args={"arrows": sources["arrows"], "nodes": sources["nodes"], "panel": panel,
                                        "prompt": PANEL_PROMPT}, code=SHOW_SELECTION)
        for source in sources.values():
            source.selected.js_on_change("indices", show_selection)
    return column(guide, plot, panel)


# --- pages and notebooks -------------------------------------------------------------------------

def interactive_graph_html(graph: nx.MultiDiGraph, title: str = DEFAULT_TITLE) -> str:
    """A whole HTML page, Bokeh's JavaScript inlined: it opens from disk with no network."""
    return file_html(interactive_actor_graph(graph, title), resources=INLINE, title=title)


def write_interactive_graph(graph: nx.MultiDiGraph, path: str | Path, title: str = DEFAULT_TITLE) -> Path:
    """The page of `interactive_graph_html`, written atomically to `path`."""
    html = interactive_graph_html(graph, title)
    return replace_atomically(Path(path), lambda temporary: Path(temporary).write_text(html, encoding="utf-8"))


def show_interactive_graph(graph: nx.MultiDiGraph, title: str = DEFAULT_TITLE) -> None:
    """The figure in a notebook, with Bokeh's JavaScript inlined (no CDN) and without its banner.

    Not bokeh.io.show: it writes the figure's data as raw JSON into the script of its output, where a
    sentence holding '</script>' would end that script once the notebook is exported to HTML
    (nbconvert, the report), and the rest of the sentence would be read as markup. `components`
    hands the data over HTML-escaped, inside a JavaScript string.
    """
    from IPython.display import HTML, display  # only a notebook needs it

    output_notebook(resources=NOTEBOOK_RESOURCES, hide_banner=True)
    script, div = components(interactive_actor_graph(graph, title))
    display(HTML(div + script))
