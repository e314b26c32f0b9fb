"""Actor graph: incidents and the events behind them -> a directed multigraph of who did what to whom.

Nodes are actors; an edge is one incident between a source and one of its targets, with the CAMEO
code, Goldstein value, dates, outlets and sentence ids that support it. An incident with two targets
("Iran strikes Jaish al-Adl and Pakistan") is two edges. Actions with no target (convening a
meeting, offering to mediate, claiming an attack) are not edges: they are kept on their actor's
node (`own_actions`) and as rows with an empty target in the interaction table.
"""
from __future__ import annotations

import math
import re
import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from matplotlib.transforms import Bbox

from .actors import roll_up
from .patterns import event_labels, label_of
from .incidents import TRAILING_PREPOSITION
from .tables import replace_atomically, write_csv_atomically

CONFLICT, COOPERATION, NEUTRAL = "conflict", "cooperation", "neutral"
TONE_COLOURS = {CONFLICT: "#c0392b", COOPERATION: "#1f78b4", NEUTRAL: "#7f7f7f"}
TONE_LEGEND = {CONFLICT: "conflict (CAMEO quad class 3-4)", COOPERATION: "cooperation (quad class 1-2)",
               NEUTRAL: "neutral (Goldstein 0: claims, statements)"}
# Marker, colour and size per actor type: states are the large circles the rest hangs off.
NODE_STYLES = {
    "state": ("o", "#34495e", 1500), "igo": ("s", "#16a085", 1250), "armed_group": ("^", "#d35400", 1500),
    "government": ("o", "#7f8c8d", 850), "military": ("o", "#95a5a6", 850), "person": ("o", "#bdc3c7", 650),
    "media": ("D", "#8e44ad", 650), "other": ("D", "#8e44ad", 650),
}
TYPE_LEGEND = {"state": "state", "igo": "intergovernmental organisation", "armed_group": "armed group",
               "government": "government body", "military": "military or security body", "person": "person",
               "media": "news media", "other": "other"}
INTERACTION_COLUMNS = [
    "edge_id", "incident_id", "source", "target", "source_name", "target_name", "source_top", "target_top",
    "cameo_code", "event_type", "action", "incident_label", "goldstein", "quad_class", "tone", "date",
    "date_earliest", "date_latest", "day", "when", "location", "killed", "injured", "sources", "n_sources",
    "articles", "n_reports", "event_ids", "sentences", "sentence_texts"]
# Between the sentences of `sentence_texts`: a sentence's own line breaks are folded into spaces.
SENTENCE_SEPARATOR = "\n"
# Words a pattern label ends on because a target follows it ("recalls its ambassador from").
ROLL_UP_LEVELS = {"top": "people and bodies merged into their state or organisation",
                  "self": "people and bodies as their own nodes, linked to it"}


# --- parameters ---------------------------------------------------------------------------------

def check_roll_up(level: str) -> str:
    if level not in ROLL_UP_LEVELS:
        choices = "; ".join(f"'{name}' ({meaning})" for name, meaning in ROLL_UP_LEVELS.items())
        raise ValueError(f"unknown roll-up level {level!r}: use {choices}")
    return level


def parse_focus_actors(focus: str | list[str], actors: pd.DataFrame) -> list[str]:
    """'IRN, pak' or ['IRN', 'PAK'] -> ['IRN', 'PAK']; an id the actor dictionary lacks is an error.

    A notebook parameter is a string for papermill's sake, so a list arrives comma-separated.
    """
    wanted = [item.strip() for item in (focus.split(",") if isinstance(focus, str) else focus) if item.strip()]
    known = {actor.upper(): actor for actor in actors["actor_id"]}
    unknown = [item for item in wanted if item.upper() not in known]
    if unknown:
        raise ValueError(f"unknown focus actor(s) {', '.join(unknown)}: use actor ids from data/actors.yaml "
                         f"(e.g. {', '.join(sorted(known.values())[:6])})")
    return sorted({known[item.upper()] for item in wanted})


def check_date(text: str, name: str) -> str:
    """An empty string (no bound) or an ISO date."""
    if text and not re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        raise ValueError(f"{name} must be an ISO date such as 2024-01-16, or empty; got {text!r}")
    if text:
        pd.Timestamp(text)  # rejects 2024-02-30
    return text


# --- names and words -------------------------------------------------------------------------

def short_names(actors: pd.DataFrame, longest: int = 16) -> dict[str, str]:
    """actor_id -> a name short enough for a chart: long names give way to their acronym (BLA, TTP)."""
    names = {}
    for row in actors.itertuples(index=False):
        acronyms = [alias for alias in row.aliases.split("|")
                    if 2 <= len(alias) <= 5 and alias.isalpha() and alias.isupper()]
        names[row.actor_id] = min(acronyms, key=len) if len(row.name) > longest and acronyms else row.name
    return names


def action_words(data_dir: str | Path | None = None) -> dict[str, str]:
    """`event_labels` with the verb alone, without the preposition that waits for a target."""
    return {key: TRAILING_PREPOSITION.sub("", label) for key, label in event_labels(data_dir).items()}


def tone(quad_class: int, goldstein: float) -> str:
    """Conflict for quad classes 3-4, cooperation for 1-2, unless the code scores exactly 0."""
    if int(quad_class) >= 3:
        return CONFLICT
    return NEUTRAL if float(goldstein) == 0 else COOPERATION


def describe_when(exact: str, earliest: str, latest: str) -> str:
    """What the text lets us say about the date, in words an analyst reads without a legend."""
    if exact:
        return exact
    if earliest and latest:
        return f"{earliest} to {latest}"
    if latest:
        return f"on or before {latest}"
    return f"on or after {earliest}" if earliest else "undated"


def date_precision(exact: str, earliest: str, latest: str) -> str:
    """day, interval, by (only an upper bound: the publication date) or undated."""
    if exact:
        return "day"
    if earliest and latest:
        return "interval"
    return "by" if latest else "undated"


def how_dated(rows: pd.DataFrame, label: str, noun: str, examples: int = 3) -> list[str]:
    """How much of a table of dated happenings the texts place in time, in sentences computed from
    it: how many are dated to the day, and which only to an interval, by the publication date, or not
    at all (with a few of them named)."""
    precision = [date_precision(*dates) for dates in zip(rows["date"], rows["date_earliest"], rows["date_latest"])]
    rows = rows.assign(_precision=precision)
    lines = [f"{precision.count('day')} of {len(rows)} {noun} are dated to the day: their order is what the "
             f"articles say."]
    for kind, words in (("interval", "only to an interval (a month, a stretch of days)"),
                        ("by", "only by the publication date: they happened on or before it, the articles "
                               "do not say when"),
                        ("undated", "not at all")):
        some = rows[rows["_precision"] == kind]
        if not some.empty:
            lines.append(f"{len(some)} dated {words}, e.g. {quoted(some, label, examples)}.")
    return lines


def what_the_graph_supports(interactions: pd.DataFrame, examples: int = 3) -> list[str]:
    """How far the arrows can be put in order, computed from these articles (see `how_dated`)."""
    if interactions.empty:
        return ["No interaction was coded from these articles: the graph is empty."]
    return how_dated(interactions, "incident_label", "interactions", examples)


def quoted(rows: pd.DataFrame, label: str, examples: int) -> str:
    """A few rows named by their label and date ('“X” (on or before 2024-01-19)'), then how many more."""
    shown = [f"“{row[label]}” ({row['when']})" for _, row in rows.head(examples).iterrows()]
    more = f" and {len(rows) - examples} more" if len(rows) > examples else ""
    return ", ".join(shown) + more


def known_day(exact: str, earliest: str, latest: str) -> str:
    """The day an incident is counted on: its date, else the last day it can have happened by."""
    return exact or latest or earliest


def outlet_names(articles: pd.DataFrame) -> dict[str, str]:
    return {row.article_id: row.outlet or row.article_id for row in articles.itertuples(index=False)}


def casualty_range(low, high) -> str:
    """'9-10', '2' or '' for no figure."""
    low, high = ("" if pd.isna(value) else str(value) for value in (low, high))
    return low if low == high else "-".join(value for value in (low, high) if value)


# --- the interaction table ---------------------------------------------------------------------

def interaction_table(tables: dict[str, pd.DataFrame], level: str = "top",
                      data_dir: str | Path | None = None) -> pd.DataFrame:
    """One row per incident, acting actor and target at the roll-up level ('top' or 'self').

    A report that names no target joins the edges of its incident, which already merged it with
    the reports that do: "Pakistan's strikes in Iran" supports "Pakistan strikes BLA".
    """
    check_roll_up(level)
    events, incidents, actors = tables["events"], tables["incidents"], tables["actors"]
    if incidents.empty:
        return pd.DataFrame(columns=INTERACTION_COLUMNS)
    at_level, top = roll_up(actors, level), roll_up(actors, "top")
    names, verbs, outlets = dict(zip(actors["actor_id"], actors["name"])), action_words(data_dir), \
        outlet_names(tables["articles"])
    texts = sentence_texts(tables["sentences"])
    reports = events.set_index("event_id")
    rows = []
    for incident in incidents.itertuples(index=False):
        told = reports.loc[incident.event_ids.split(";")].reset_index()
        told["source"] = told["source_actor"].map(lambda actor: at_level.get(actor, actor))
        told["target"] = told["target_actor"].map(lambda actor: at_level.get(actor, actor) if actor else "")
        action = label_of(verbs, representative_pattern(told, incident.cameo_code), incident.cameo_code) \
            or incident.event_type
        every_target = sorted(set(told["target"]) - {""})
        for source, own in told.groupby("source", sort=True):
            for target in sorted(set(own["target"]) - {""}) or every_target or [""]:
                evidence = own[own["target"].isin([target, ""])]
                rows.append(interaction_row(incident, source, target, evidence, action, names, top, outlets,
                                            texts))
    table = pd.DataFrame(rows, columns=INTERACTION_COLUMNS)
    return table.sort_values(["day", "incident_id", "source", "target"], key=undated_last).reset_index(drop=True)


def undated_last(column: pd.Series) -> pd.Series:
    return column.replace("", "9999-12-31") if column.name == "day" else column


def representative_pattern(told: pd.DataFrame, cameo_code: str) -> str:
    """The pattern of the report that gave the incident its code, preferring an exactly dated one."""
    coded = told[told["cameo_code"] == cameo_code]
    coded = (coded if not coded.empty else told).assign(undated=lambda rows: rows["date"] == "")
    return coded.sort_values(["undated", "event_id"])["pattern"].iloc[0]


def sentence_texts(sentences: pd.DataFrame) -> dict[str, str]:
    """'article_id:sentence_id' (as in the `sentences` column) -> the sentence, on one line."""
    return {f"{row.article_id}:{row.sentence_id}": " ".join(str(row.text).split())
            for row in sentences.itertuples(index=False)}


def interaction_row(incident, source: str, target: str, evidence: pd.DataFrame, action: str,
                    names: dict, top: dict, outlets: dict, texts: dict[str, str]) -> dict:
    articles = sorted(set(evidence["article_id"]))
    sources = sorted({outlets.get(article, article) for article in articles})
    sentences = sorted({f"{row.article_id}:{row.sentence_id}" for row in evidence.itertuples()})
    return {
        "edge_id": f"{incident.incident_id}:{source}>{target}" if target else f"{incident.incident_id}:{source}",
        "incident_id": incident.incident_id, "source": source, "target": target,
        "source_name": names.get(source, source), "target_name": names.get(target, target) if target else "",
        "source_top": top.get(source, source), "target_top": top.get(target, target) if target else "",
        "cameo_code": incident.cameo_code, "event_type": incident.event_type, "action": action,
        "incident_label": incident.label, "goldstein": float(incident.goldstein),
        "quad_class": int(incident.quad_class), "tone": tone(incident.quad_class, incident.goldstein),
        "date": incident.date, "date_earliest": incident.date_earliest, "date_latest": incident.date_latest,
        "day": known_day(incident.date, incident.date_earliest, incident.date_latest),
        "when": describe_when(incident.date, incident.date_earliest, incident.date_latest),
        "location": incident.location, "killed": casualty_range(incident.killed_low, incident.killed_high),
        "injured": casualty_range(incident.injured_low, incident.injured_high),
        "sources": "; ".join(sources), "n_sources": len(sources), "articles": ";".join(articles),
        "n_reports": len(evidence), "event_ids": ";".join(sorted(evidence["event_id"])),
        "sentences": ";".join(sentences),
        "sentence_texts": SENTENCE_SEPARATOR.join(texts[sentence] for sentence in sentences),
    }


def select_interactions(interactions: pd.DataFrame, focus: list[str] | tuple = (), date_from: str = "",
                        date_to: str = "", min_sources: int = 1) -> pd.DataFrame:
    """Interactions touching a focus actor (itself or its top-level actor), in a date window, with enough outlets."""
    keep = (interactions["n_sources"] >= min_sources) & in_window(interactions, date_from, date_to)
    if focus:
        keep &= interactions[["source", "target", "source_top", "target_top"]].isin(focus).any(axis=1)
    return interactions[keep].reset_index(drop=True)


def busiest_actors(interactions: pd.DataFrame, limit: int) -> tuple[pd.DataFrame, str]:
    """The interactions among the `limit` actors in the most of them, and a note on the rest.

    A graph of hundreds of actors is a hairball: the drawing keeps the busiest ones, and the note
    ('+ 15 more actors, in 37 interactions, not drawn') says what it leaves out; the tables and
    exports keep everything. Actors are counted at the table's roll-up level, actions with no
    target included; ties go by actor id. At level 'self' a body's state is drawn beside it (see
    `build_actor_graph`), so it counts towards the limit too. An interaction is drawn when both its
    actors are. The note is empty when nothing is left out.
    """
    if limit < 1:
        raise ValueError(f"the number of actors to draw must be at least 1; got {limit}")
    ranked = interaction_counts(interactions)
    top = {**dict(zip(interactions["source"], interactions["source_top"])),
           **dict(zip(interactions["target"], interactions["target_top"]))}
    chosen: set[str] = set()
    for actor in ranked.index:
        needed = {actor, top[actor]} - chosen
        if len(chosen) + len(needed) > limit:
            break
        chosen |= needed
    kept = interactions["source"].isin(chosen) & interactions["target"].isin(chosen | {""})
    # A chosen actor whose partners were all left out has nothing left to draw: it is left out too.
    present = (set(interactions["source"][kept]) | set(interactions["target"][kept])) - {""}
    left_out = set(ranked.index) - present - {top[actor] for actor in present}
    if not left_out:
        return interactions, ""
    return interactions[kept].reset_index(drop=True), \
        f"+ {counted(len(left_out), 'more actor')}, in {counted(int((~kept).sum()), 'interaction')}, " \
        "not drawn; the edge table lists them all"


def interaction_counts(interactions: pd.DataFrame) -> pd.Series:
    """actor -> how many rows of the interaction table it takes part in, busiest first, ties by id."""
    actors = pd.concat([interactions["source"], interactions["target"][interactions["target"] != ""]])
    return actors.value_counts().sort_index().sort_values(ascending=False, kind="stable")


def counted(number: int, noun: str) -> str:
    """'1 interaction', '1,045 interactions'."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def in_window(rows: pd.DataFrame, date_from: str = "", date_to: str = "") -> pd.Series:
    """Rows (with date, date_earliest, date_latest) that can have happened between the two days.

    With a window set, undated rows are left out, since nothing places them inside it.
    """
    check_date(date_from, "date_from"), check_date(date_to, "date_to")
    keep = pd.Series(True, index=rows.index)
    if not (date_from or date_to):
        return keep
    earliest = rows["date"].where(rows["date"] != "", rows["date_earliest"])
    latest = rows["date"].where(rows["date"] != "", rows["date_latest"])
    keep &= (earliest != "") | (latest != "")
    if date_from:
        keep &= (latest == "") | (latest >= date_from)
    if date_to:
        keep &= (earliest == "") | (earliest <= date_to)
    return keep


# --- the graph ---------------------------------------------------------------------------------

def build_actor_graph(interactions: pd.DataFrame, actors: pd.DataFrame, level: str = "top") -> nx.MultiDiGraph:
    """Actors as nodes, interactions as edges; at level 'self', bodies and people link to their top actor."""
    graph = nx.MultiDiGraph(level=check_roll_up(level))
    present = sorted((set(interactions["source"]) | set(interactions["target"])) - {""})
    if level == "self":
        top = roll_up(actors, "top")
        present = sorted(set(present) | {top.get(actor, actor) for actor in present})
    info = actors.set_index("actor_id")
    alone = interactions[interactions["target"] == ""]
    for actor in present:
        graph.add_node(actor, **node_attributes(actor, info, alone[alone["source"] == actor]))
    for row in interactions[interactions["target"] != ""].itertuples(index=False):
        graph.add_edge(row.source, row.target, key=row.edge_id, **edge_attributes(row))
    if level == "self":
        for actor in present:
            if top.get(actor, actor) != actor:
                graph.add_edge(actor, top[actor], key=f"{actor}>{top[actor]}:part_of", **part_of_attributes())
    return graph


def node_attributes(actor: str, info: pd.DataFrame, own: pd.DataFrame) -> dict:
    known = actor in info.index
    kind = info.at[actor, "type"] if known else "other"
    actions = [f"{row.action} ({row.when})" for row in own.itertuples(index=False)]
    return {
        "label": info.at[actor, "name"] if known else actor, "type": kind,
        "country": (info.at[actor, "country"] or (actor if kind == "state" else "")) if known else "",
        "parent": info.at[actor, "parent"] if known else "",
        "own_actions": "; ".join(actions), "n_own_actions": len(actions),
        "own_action_tones": ";".join(own["tone"]), "own_action_sentences": ";".join(own["sentences"]),
    }


def edge_attributes(row) -> dict:
    """Scalar attributes only (GraphML and GEXF hold no lists): lists are joined into strings."""
    return {
        "kind": "interaction", "incident_id": row.incident_id, "cameo_code": row.cameo_code,
        "event_type": row.event_type, "label": row.action, "incident_label": row.incident_label,
        "goldstein": row.goldstein, "quad_class": row.quad_class, "tone": row.tone, "date": row.date,
        "date_earliest": row.date_earliest, "date_latest": row.date_latest, "when": row.when,
        "location": row.location, "killed": row.killed, "injured": row.injured, "sources": row.sources,
        "n_sources": row.n_sources, "articles": row.articles, "n_reports": row.n_reports,
        "event_ids": row.event_ids, "sentences": row.sentences, "sentence_texts": row.sentence_texts,
    }


def part_of_attributes() -> dict:
    blank = {key: "" for key in ("incident_id", "cameo_code", "event_type", "incident_label", "date",
                                 "date_earliest", "date_latest", "when", "location", "killed", "injured",
                                 "sources", "articles", "event_ids", "sentences", "sentence_texts")}
    return {**blank, "kind": "part_of", "label": "part of", "goldstein": 0.0, "quad_class": 0,
            "tone": "", "n_sources": 0, "n_reports": 0}


def interaction_edges(graph: nx.MultiDiGraph) -> list[tuple[str, str, str, dict]]:
    return sorted((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if d["kind"] == "interaction")


# --- what the graph says -------------------------------------------------------------------------

def dyad_summary(interactions: pd.DataFrame) -> pd.DataFrame:
    """Per source -> target: how many interactions, net Goldstein, first and last day, what was done."""
    columns = ["source_name", "target_name", "n_interactions", "n_conflict", "n_cooperation",
               "net_goldstein", "first_day", "last_day", "all_exactly_dated", "actions"]
    pairs = interactions[interactions["target"] != ""]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for (source, target), group in pairs.groupby(["source", "target"], sort=True):
        days = group["day"][group["day"] != ""]
        rows.append({
            "source_name": group["source_name"].iloc[0], "target_name": group["target_name"].iloc[0],
            "n_interactions": len(group), "n_conflict": int((group["tone"] == CONFLICT).sum()),
            "n_cooperation": int((group["tone"] == COOPERATION).sum()),
            "net_goldstein": round(float(group["goldstein"].sum()), 1),
            "first_day": days.min() if not days.empty else "", "last_day": days.max() if not days.empty else "",
            "all_exactly_dated": bool((group["date"] != "").all()),
            "actions": ", ".join(dict.fromkeys(group["action"])),
        })
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["n_interactions", "net_goldstein", "source_name", "target_name"],
                             ascending=[False, True, True, True]).reset_index(drop=True)


def actor_centrality(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Per actor: interactions sent and received, partners, actions alone, and betweenness.

    Betweenness is computed on the undirected graph of who interacted with whom (one link per
    pair, however many incidents): the share of shortest paths between other actors that pass
    through this one, i.e. how much an actor is the bridge between the others in this coverage.
    """
    columns = ["actor_id", "name", "type", "sent", "received", "degree", "partners", "actions_alone",
               "net_goldstein_sent", "net_goldstein_received", "betweenness"]
    links = undirected_links(graph.edge_subgraph(
        [(u, v, k) for u, v, k, _ in interaction_edges(graph)]).copy())
    links.add_nodes_from(sorted(graph.nodes))
    betweenness = nx.betweenness_centrality(links, normalized=True)
    edges = interaction_edges(graph)
    rows = []
    for actor in sorted(graph.nodes):
        sent = [d for u, _, _, d in edges if u == actor]
        received = [d for _, v, _, d in edges if v == actor]
        rows.append({
            "actor_id": actor, "name": graph.nodes[actor]["label"], "type": graph.nodes[actor]["type"],
            "sent": len(sent), "received": len(received), "degree": len(sent) + len(received),
            "partners": links.degree(actor), "actions_alone": graph.nodes[actor]["n_own_actions"],
            "net_goldstein_sent": round(sum(d["goldstein"] for d in sent), 1),
            "net_goldstein_received": round(sum(d["goldstein"] for d in received), 1),
            "betweenness": round(betweenness[actor], 3),
        })
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["degree", "betweenness", "actor_id"], ascending=[False, False, True]) \
        .reset_index(drop=True)


def describe_centrality(centrality: pd.DataFrame) -> str:
    """One sentence on who holds the graph together, read off the centrality table."""
    if centrality.empty:
        return "No actor interacts with another in these articles."
    hubs = centrality.sort_values(["betweenness", "degree", "actor_id"], ascending=[False, False, True])
    bridges = hubs[hubs["betweenness"] > 0]
    busiest = centrality.iloc[0]
    alone = centrality[(centrality["degree"] == 0) & (centrality["actions_alone"] > 0)]["name"].tolist()
    sentence = f"{busiest['name']} takes part in the most interactions ({busiest['degree']}). "
    if bridges.empty:
        sentence += "No actor bridges two others: every actor is linked directly to the others it meets."
    else:
        named = ", ".join(f"{row.name} ({row.betweenness:.2f})" for row in bridges.head(3).itertuples())
        sentence += f"Bridges between the other actors (betweenness): {named}."
    if alone:
        sentence += f" Acting only alone, with no target: {', '.join(alone)}."
    return sentence


# --- drawing -------------------------------------------------------------------------------------

def actor_layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Fixed positions read off the graph's structure, so the same graph is always drawn the same way.

    Top-level actors are placed first (`skeleton_layout`); a person or body shown as its own node
    sits close to the actor it is part of, on the side facing away from the middle.
    """
    anchor = {u: v for u, v, d in graph.edges(data=True) if d["kind"] == "part_of"}
    skeleton = nx.MultiDiGraph()
    skeleton.add_nodes_from(sorted({anchor.get(node, node) for node in graph}))
    skeleton.add_edges_from(sorted((anchor.get(u, u), anchor.get(v, v)) for u, v, d in graph.edges(data=True)
                                   if d["kind"] == "interaction" and anchor.get(u, u) != anchor.get(v, v)))
    positions = tiled_layout(skeleton)
    satellites: dict[str, list[str]] = {}
    for node, parent in sorted(anchor.items()):
        satellites.setdefault(parent, []).append(node)
    for parent, members in satellites.items():
        x, y = positions[parent]
        middle = abs(x) <= MAIN_X + 0.1 and y <= 0.5     # the two main actors: room only below them
        away = 270 if middle else math.degrees(math.atan2(y - 0.3, x))
        positions.update(fan(members, centre=(x, y), facing=away, radius=1.0 if middle else 0.75,
                             spread=min(45 * (len(members) - 1), 120)))
    return positions


def tiled_layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """A few actors: `skeleton_layout`. More, in several unconnected crises (a folder that mixes
    them): each crisis laid out on its own, the largest first, in a grid of equal cells; actors with
    no partner share a last cell."""
    if graph.number_of_nodes() <= SKELETON_LIMIT:
        return skeleton_layout(graph)
    parts = sorted(nx.connected_components(undirected_links(graph)), key=lambda part: (-len(part), min(part)))
    linked = [part for part in parts if len(part) > 1]
    if len(linked) <= 1:
        return crisis_layout(graph)
    cells = [crisis_layout(graph.subgraph(part)) for part in linked]
    alone = sorted(node for part in parts if len(part) == 1 for node in part)
    if alone:
        cells.append({node: (ROW_STEP * index, 0.0) for index, node in enumerate(alone)})
    width = max(spread_of(cell, 0) for cell in cells) + CELL_MARGIN
    height = max(spread_of(cell, 1) for cell in cells) + CELL_MARGIN
    columns = math.ceil(math.sqrt(len(cells)))
    positions = {}
    for index, cell in enumerate(cells):
        row, column = divmod(index, columns)
        middle = [(min(xy[axis] for xy in cell.values()) + max(xy[axis] for xy in cell.values())) / 2
                  for axis in (0, 1)]
        for node, (x, y) in cell.items():
            positions[node] = (round(x - middle[0] + column * width, 6), round(y - middle[1] - row * height, 6))
    return positions


CELL_MARGIN = 2.5
SKELETON_LIMIT = 12     # beyond this many actors, two sides and a row above no longer hold them


def crisis_layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """`skeleton_layout` for a crisis of a few actors. A crowd of them (crises linked by the same
    mediators) goes on a circle wide enough to keep them apart, each group of actors that mostly
    deal with each other (modularity communities) side by side, so a crisis keeps its arrows short."""
    if graph.number_of_nodes() <= SKELETON_LIMIT:
        return skeleton_layout(graph)
    links = undirected_links(graph)
    groups = nx.community.greedy_modularity_communities(links)
    order = [node for group in sorted(groups, key=lambda g: (-len(g), min(g)))
             for node in sorted(group, key=lambda n: (-links.degree(n), n))]
    radius = 2 * NODE_GAP * len(order) / (2 * math.pi)
    return {node: (round(radius * math.cos(2 * math.pi * index / len(order) + math.pi / 2), 6),
                   round(radius * math.sin(2 * math.pi * index / len(order) + math.pi / 2), 6))
            for index, node in enumerate(order)}


def spread_of(cell: dict[str, tuple[float, float]], axis: int) -> float:
    values = [xy[axis] for xy in cell.values()]
    return max(values) - min(values)


def skeleton_layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """The two actors in the most interactions face each other in the middle; actors nearer one of
    them fan out on its outer side, actors as near to both (third parties) and actors with no
    partner sit in a row above. With fewer than two linked actors: a circle sorted by id.
    """
    links = undirected_links(graph)
    counts = {node: graph.in_degree(node) + graph.out_degree(node) for node in links}
    linked = sorted((node for node in links if links.degree(node)), key=lambda n: (-counts[n], n))
    if len(linked) < 2:
        return {node: (round(float(x), 6), round(float(y), 6))
                for node, (x, y) in nx.circular_layout(sorted(links.nodes)).items()}
    left, right = linked[0], linked[1]
    near_left = nx.single_source_shortest_path_length(links, left)
    near_right = nx.single_source_shortest_path_length(links, right)
    sides: dict[str, list[str]] = {"left": [], "right": [], "above": []}
    for node in sorted(links.nodes):
        if node not in (left, right):
            a, b = near_left.get(node), near_right.get(node)
            side = "above" if a == b else "left" if b is None or (a is not None and a < b) else "right"
            sides[side].append(node)
    positions = {left: (-MAIN_X, 0.0), right: (MAIN_X, 0.0)}
    positions.update(fan(sides["left"], centre=(-MAIN_X, 0.0), facing=180, **room_for(len(sides["left"]))))
    positions.update(fan(sides["right"], centre=(MAIN_X, 0.0), facing=0, **room_for(len(sides["right"]))))
    # Third parties first, then actors with no partner, along a row above the two main actors.
    above = sorted(sides["above"], key=lambda n: (links.degree(n) == 0, n))
    for index, node in enumerate(above):
        positions[node] = (round(ROW_STEP * (index - (len(above) - 1) / 2), 6), ROW_Y)
    return positions


MAIN_X, ROW_Y, ROW_STEP = 1.4, 1.8, 1.7
NODE_GAP = 0.7      # the least distance between two nodes on an arc, in layout units


def room_for(count: int) -> dict[str, float]:
    """Arc and radius for `count` nodes fanned on one side: wider, then farther out, as they grow in
    number (several crises in one folder), so that no two sit on each other."""
    spread = min(160.0, max(80.0, 25.0 * (count - 1)))
    radius = max(1.5, NODE_GAP * (count - 1) / math.radians(spread)) if count > 1 else 1.5
    return {"radius": round(radius, 6), "spread": spread}


def fan(nodes: list[str], centre: tuple[float, float], facing: float, radius: float = 1.5,
        spread: float = 80) -> dict[str, tuple[float, float]]:
    """Nodes on an arc around `centre`, centred on the direction `facing` (degrees), top to bottom."""
    positions = {}
    for index, node in enumerate(nodes):
        offset = spread / 2 - spread * index / (len(nodes) - 1) if len(nodes) > 1 else 0.0
        angle = math.radians(facing + (offset if math.cos(math.radians(facing)) >= 0 else -offset))
        positions[node] = (round(centre[0] + radius * math.cos(angle), 6),
                           round(centre[1] + radius * math.sin(angle), 6))
    return positions


def undirected_links(graph: nx.MultiDiGraph) -> nx.Graph:
    """One link per pair of actors that interacted (either way), nodes in sorted order."""
    links = nx.Graph()
    links.add_nodes_from(sorted(graph.nodes))
    links.add_edges_from(sorted({tuple(sorted((u, v))) for u, v in graph.edges() if u != v}))
    return links


def drawn_edges(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Interactions bundled per (source, target, tone): what one arrow on the drawing stands for."""
    rows = [{"source": u, "target": v, "tone": d["tone"], "label": d["label"], "goldstein": d["goldstein"],
             "day": d["date"] or d["date_latest"] or d["date_earliest"] or "9999", "kind": d["kind"]}
            for u, v, _, d in sorted(graph.edges(keys=True, data=True))]
    edges = pd.DataFrame(rows, columns=["source", "target", "tone", "label", "goldstein", "day", "kind"])
    if edges.empty:
        return edges.assign(count=[], labels=[], rad=[])
    edges = edges.sort_values(["source", "target", "tone", "day", "label"])
    bundles = edges.groupby(["source", "target", "tone", "kind"], sort=True).agg(
        count=("label", "size"), goldstein=("goldstein", "sum"),
        labels=("label", lambda labels: ", ".join(dict.fromkeys(labels)))).reset_index()
    # Each further arrow between the same two actors bends further out, so none lie on another.
    return bundles.assign(rad=0.15 + 0.22 * bundles.groupby(["source", "target"]).cumcount())


def compact_when(when: str) -> str:
    """'on or before 2024-01-19' -> 'by 19 Jan', '2023-12-01 to 2023-12-31' -> 'Dec 2023'."""
    def day(iso: str) -> str:
        return pd.Timestamp(iso).strftime("%-d %b")
    if match := re.fullmatch(r"(\d{4})-(\d\d)-01 to \1-\2-(\d\d)", when):
        last = pd.Timestamp(f"{match[1]}-{match[2]}-01").days_in_month
        if int(match[3]) == last:
            return pd.Timestamp(f"{match[1]}-{match[2]}-01").strftime("%b %Y")
    if match := re.fullmatch(r"(\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d)", when):
        return f"{day(match[1])} to {day(match[2])}"
    if match := re.fullmatch(r"on or (before|after) (\d{4}-\d\d-\d\d)", when):
        return f"{'by' if match[1] == 'before' else 'from'} {day(match[2])}"
    return day(when) if re.fullmatch(r"\d{4}-\d\d-\d\d", when) else when


def draw_actor_graph(graph: nx.MultiDiGraph, title: str = "", positions: dict | None = None,
                     figsize: tuple[float, float] = (12, 9)) -> plt.Figure:
    """Who did what to whom: arrows coloured by conflict or cooperation, as wide as their count."""
    figure, ax = plt.subplots(figsize=figsize)
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=13, loc="left")
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "No actor interactions in these articles", ha="center", va="center", fontsize=12)
        return figure
    positions = positions or actor_layout(graph)
    bundles = drawn_edges(graph)
    ax.set_aspect("equal")
    bends = [arc_point(positions[b.source], positions[b.target], b.rad, 0.5) for b in bundles.itertuples()]
    xs, ys = zip(*(list(positions.values()) + bends))
    ax.set_xlim(min(xs) - 0.3, max(xs) + 0.3)
    ax.set_ylim(min(ys) - 0.3, max(ys) + 0.3)
    sizes = {node: NODE_STYLES.get(graph.nodes[node]["type"], NODE_STYLES["other"])[2] for node in graph}
    draw_nodes(ax, graph, positions)
    add_graph_legend(ax, graph)
    figure.tight_layout()
    # Names and actions beside nodes reach beyond the nodes: widen the view to hold them, then
    # place them again at the new scale.
    for _ in range(3):
        fit_view_to_texts(ax, draw_node_labels(ax, graph, positions, sizes, bundles))
    draw_node_labels(ax, graph, positions, sizes, bundles)
    hidden = draw_edge_bundles(ax, bundles, positions, sizes)
    if hidden:  # said above the legend, where it cannot cover the drawing
        ax.get_legend().set_title(f"{hidden} arrow label(s) left out where they would cover other text; "
                                  "the edge table lists every interaction", prop={"size": 9, "style": "italic"})
    return figure


def draw_nodes(ax, graph: nx.MultiDiGraph, positions: dict) -> None:
    for node in sorted(graph.nodes):
        marker, colour, size = NODE_STYLES.get(graph.nodes[node]["type"], NODE_STYLES["other"])
        x, y = positions[node]
        ax.scatter([x], [y], s=size, marker=marker, c=colour, edgecolors="white", linewidths=2, zorder=3)


def draw_node_labels(ax, graph: nx.MultiDiGraph, positions: dict, sizes: dict, bundles: pd.DataFrame) -> list:
    """The name beside the node, then each action it took alone, in its tone's colour.

    Each side of the node is tried on the canvas; the block goes where it covers the fewest points
    of the arrows, and no node or text drawn before. Ties go to the side facing away from the middle.
    """
    renderer = ax.figure.canvas.get_renderer()
    ax.apply_aspect()
    arrows = arrow_samples(ax, positions, bundles, sizes)
    obstacles = node_extents(ax, positions, sizes)
    placed = []
    for node in sorted(graph.nodes):
        lines = node_text(graph.nodes[node])
        x, y = positions[node]
        outward = "left" if x < -MAIN_X - 0.1 else "right" if x > MAIN_X + 0.1 else "above" if y > 0.5 else "below"
        sides = [outward] + [side for side in LABEL_SIDES if side != outward]
        best = None
        for rank, side in enumerate(sides):
            block = place_text_block(ax, positions[node], lines, side, size_radius(sizes[node]) + 4)
            extents = [text.get_window_extent(renderer) for text in block]
            crossed = sum(1 for px, py in arrows if any(e.x0 <= px <= e.x1 and e.y0 <= py <= e.y1 for e in extents))
            covered = sum(1 for e in extents for other in obstacles if e.overlaps(other))
            score = (covered, crossed, rank)
            if best is None or score < best[0]:
                for text in best[1] if best else []:
                    text.remove()
                best = (score, block, extents)
            else:
                for text in block:
                    text.remove()
        placed += best[1]
        obstacles += best[2]
    return placed


LABEL_SIDES = ("below", "right", "left", "above", "below right", "below left", "above right", "above left")


def fit_view_to_texts(ax, texts: list) -> None:
    """Widen the axes' limits to hold the given texts, then remove them."""
    renderer = ax.figure.canvas.get_renderer()
    to_data = ax.transData.inverted()
    corners = [to_data.transform([(e.x0, e.y0), (e.x1, e.y1)])
               for e in (text.get_window_extent(renderer) for text in texts)]
    for text in texts:
        text.remove()
    if corners:
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        ax.set_xlim(min([x0] + [c[0][0] for c in corners]) - 0.05, max([x1] + [c[1][0] for c in corners]) + 0.05)
        ax.set_ylim(min([y0] + [c[0][1] for c in corners]) - 0.05, max([y1] + [c[1][1] for c in corners]) + 0.05)
        ax.apply_aspect()


def node_text(node: dict) -> list[tuple[str, dict, float]]:
    """(text, style, line height in points): the wrapped name, then one line per action alone."""
    lines = [(line, {"fontsize": 11, "fontweight": "bold", "color": "black"}, 14)
             for line in textwrap.wrap(node["label"], 18)]
    actions = [action for action in node["own_actions"].split("; ") if action]
    for action, action_tone in zip(actions, node["own_action_tones"].split(";")):
        verb, when = re.fullmatch(r"(.*) \((.*)\)", action).groups()
        lines.append((f"◆ {verb}, {compact_when(when)}",
                      {"fontsize": 9.5, "style": "italic", "color": TONE_COLOURS.get(action_tone, "black")}, 13))
    return lines


def arrow_samples(ax, positions: dict, bundles: pd.DataFrame, sizes: dict) -> list[tuple[float, float]]:
    """Points along every arrow on the canvas, arrowheads included, except those under a node."""
    points = [ax.transData.transform(arc_point(positions[row.source], positions[row.target], row.rad, t / 40))
              for row in bundles.itertuples() for t in range(1, 40)]
    nodes = [(ax.transData.transform(positions[node]), size_radius(sizes[node]) * ax.figure.dpi / 72)
             for node in sorted(positions)]
    return [(px, py) for px, py in points
            if all((px - nx_) ** 2 + (py - ny_) ** 2 > radius ** 2 for (nx_, ny_), radius in nodes)]


def place_text_block(ax, anchor: tuple[float, float], lines: list, side: str, gap: float) -> list:
    """Lines of text stacked on one side of a point, offsets in points so they scale with nothing."""
    height = sum(step for _, _, step in lines)
    diagonal = gap * 0.75
    # Beside a node, arrows leave at an angle: keep a wider gap so the block's corners clear them.
    x_offset, align = {"left": (-gap - 10, "right"), "right": (gap + 10, "left"),
                       "below right": (diagonal, "left"), "above right": (diagonal, "left"),
                       "below left": (-diagonal, "right"), "above left": (-diagonal, "right")}.get(side, (0, "center"))
    y = {"left": height / 2, "right": height / 2, "above": gap + height, "above right": diagonal + height,
         "above left": diagonal + height, "below right": -diagonal, "below left": -diagonal}.get(side, -gap)
    block = []
    for text, style, step in lines:
        block.append(ax.annotate(text, anchor, xytext=(x_offset, y), textcoords="offset points", ha=align,
                                 va="top", zorder=5,
                                 bbox=dict(boxstyle="square,pad=0.05", fc="white", ec="none", alpha=0.8), **style))
        y -= step
    return block


def size_radius(size: float) -> float:
    """A scatter marker's radius in points (its size is an area in points squared)."""
    return size ** 0.5 / 2


def draw_edge_bundles(ax, bundles: pd.DataFrame, positions: dict, sizes: dict) -> int:
    """Curved arrows; the curvature grows per bundle between the same two actors so none overlap.

    Labels of the widest arrows are placed first, each at the middle of its arrow or slid along it
    to where it covers least of the text already drawn. A label that would still cover a good part
    of other text is left out (a crowded drawing stays legible); returns how many were.
    """
    hidden = 0
    renderer = ax.figure.canvas.get_renderer()
    ax.apply_aspect()
    taken = [text.get_window_extent(renderer) for text in ax.texts] + node_extents(ax, positions, sizes)
    labels = []
    for bundle in bundles.itertuples(index=False):
        start, end, rad = positions[bundle.source], positions[bundle.target], bundle.rad
        part_of = bundle.kind == "part_of"
        colour = "#999999" if part_of else TONE_COLOURS[bundle.tone]
        ax.add_patch(FancyArrowPatch(start, end, connectionstyle=f"arc3,rad={rad}", arrowstyle="-|>",
                                     mutation_scale=18, lw=1.2 if part_of else 1.0 + 1.6 * bundle.count,
                                     linestyle=":" if part_of else "-", color=colour, alpha=0.85,
                                     shrinkA=size_radius(sizes[bundle.source]) + 2,
                                     shrinkB=size_radius(sizes[bundle.target]) + 4, zorder=2))
        if not part_of:
            labels.append((-bundle.count, bundle.source, bundle.target, bundle.tone, bundle.labels, start, end, rad))
    for _, _, _, bundle_tone, words, start, end, rad in sorted(labels, key=lambda item: item[:4]):
        colour = TONE_COLOURS[bundle_tone]
        label = ax.text(0, 0, "\n".join(textwrap.wrap(words, 26)), ha="center", va="center", fontsize=9.5,
                        color=colour, zorder=4,
                        bbox=dict(boxstyle="round,pad=0.2", fc="white", ec=colour, lw=0.6, alpha=0.95))
        best = min((arc_point(start, end, rad, fraction) for fraction in LABEL_FRACTIONS),
                   key=lambda point: overlap_with(label, point, taken, renderer))
        box = label.get_window_extent(renderer)
        if overlap_with(label, best, taken, renderer) > MAX_LABEL_OVERLAP * box.width * box.height:
            label.remove()
            hidden += 1
            continue
        taken.append(label.get_window_extent(renderer))
    return hidden


# The share of a label's area that may cover other text before the label is left out.
MAX_LABEL_OVERLAP = 0.15
# Where along an arrow its label may go, best first.
LABEL_FRACTIONS = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.2, 0.8)


def overlap_with(label, point: tuple[float, float], taken: list, renderer) -> float:
    """Area (in square pixels) the label would cover of what is already drawn, were it at `point`."""
    label.set_position(point)
    box = label.get_window_extent(renderer)
    return sum(max(0.0, min(box.x1, other.x1) - max(box.x0, other.x0)) *
               max(0.0, min(box.y1, other.y1) - max(box.y0, other.y0)) for other in taken)


def node_extents(ax, positions: dict, sizes: dict) -> list:
    """Each node marker's square on the canvas, so no arrow label is put on top of a node."""
    extents = []
    for node, (x, y) in sorted(positions.items()):
        cx, cy = ax.transData.transform((x, y))
        radius = size_radius(sizes[node]) * ax.figure.dpi / 72
        extents.append(Bbox.from_extents(cx - radius, cy - radius, cx + radius, cy + radius))
    return extents


def control_point(start: tuple[float, float], end: tuple[float, float], rad: float) -> tuple[float, float]:
    """The control point of matplotlib's arc3 curve (equal aspect keeps it in data units)."""
    (x1, y1), (x2, y2) = start, end
    return (x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1)


def arc_point(start: tuple[float, float], end: tuple[float, float], rad: float, t: float) -> tuple[float, float]:
    """A point on the arc3 curve, a quadratic Bezier: t=0 at the start, 1 at the end."""
    (x1, y1), (x2, y2) = start, end
    cx, cy = control_point(start, end, rad)
    return ((1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t ** 2 * x2,
            (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t ** 2 * y2)


def add_graph_legend(ax, graph: nx.MultiDiGraph) -> None:
    """Below the drawing, so it never covers a node or an arrow: actors | tones | widths and marks."""
    kinds = sorted({graph.nodes[node]["type"] for node in graph}, key=list(NODE_STYLES).index)
    actors = [Line2D([], [], linestyle="", marker=NODE_STYLES[kind][0], markersize=11,
                     markerfacecolor=NODE_STYLES[kind][1], markeredgecolor="white", label=TYPE_LEGEND[kind])
              for kind in kinds]
    used = {d["tone"] for _, _, d in graph.edges(data=True) if d["kind"] == "interaction"} | \
        {t for n in graph for t in graph.nodes[n]["own_action_tones"].split(";") if t}
    tones = [Line2D([], [], color=TONE_COLOURS[t], lw=3, label=TONE_LEGEND[t]) for t in TONE_COLOURS if t in used]
    marks = [Line2D([], [], color="black", lw=1.0 + 1.6, label="arrow width: 1 incident"),
             Line2D([], [], color="black", lw=1.0 + 1.6 * 3, label="arrow width: 3 incidents"),
             Line2D([], [], linestyle="", marker="$◆$", color="black", markersize=9,
                    label="beside a name: an action with no target")]
    if any(d["kind"] == "part_of" for _, _, d in graph.edges(data=True)):
        marks.append(Line2D([], [], color="#999999", lw=1.2, linestyle=":", label="part of (roll-up link)"))
    rows = max(len(actors), len(tones), len(marks))
    blank = Line2D([], [], linestyle="", label=" ")
    handles = [h for column in (actors, tones, marks) for h in column + [blank] * (rows - len(column))]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=3, frameon=False,
              fontsize=10, columnspacing=2.0, handlelength=2.5)


# --- files -----------------------------------------------------------------------------------------

def export_graph(graph: nx.MultiDiGraph, interactions: pd.DataFrame, directory: str | Path,
                 name: str = "actor_graph") -> list[Path]:
    """GraphML and GEXF (for Gephi) of the graph, and every interaction (actions alone too) as CSV."""
    directory = Path(directory)
    # networkx stamps GEXF files with today's date; without it, a re-run gives the same file.
    gexf = re.sub(r' lastmodifieddate="[^"]*"', "", "\n".join(nx.generate_gexf(graph))) + "\n"
    paths = [replace_atomically(directory / f"{name}.graphml", lambda temporary: nx.write_graphml(graph, temporary)),
             replace_atomically(directory / f"{name}.gexf",
                                lambda temporary: Path(temporary).write_text(gexf, encoding="utf-8"))]
    write_csv_atomically(interactions, directory / f"{name}_edges.csv")
    return paths + [directory / f"{name}_edges.csv"]
