"""Escalation sequence: incidents in time, in lanes of the actors involved, and their intensity per day.

An incident is drawn where its dates put it: a dot on its day, a bar over an interval ("in
December"), an open circle with a dashed lead-in when only the publication date bounds it ("on or
before 19 Jan"), and in a column of its own when nothing dates it. Nothing is moved to a day the
articles do not give.
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .graph import TONE_COLOURS, TONE_LEGEND, casualty_range, counted, date_precision, describe_when, \
    how_dated, in_window, quoted, short_names, tone
from .incidents import claims_side_by_side

SEQUENCE_COLUMNS = ["incident_id", "lane", "when", "precision", "date", "date_earliest", "date_latest",
                    "actors", "label", "short_label", "tone", "goldstein", "killed", "injured", "casualty_figures",
                    "outlets", "n_sources", "sentences"]
# How an incident is dated, in the order the chart's legend explains them.
PRECISION_LEGEND = {"day": "on a stated day", "interval": "within a stated interval ('in December')",
                    "by": "on or before a day (only the publication date bounds it)", "undated": "undated"}
# A gap longer than this between dated incidents breaks the time axis, so a month-old background
# event does not squeeze the days of the crisis into a sliver.
GAP_DAYS = 10
# Inches a further line of a chart's title takes.
TITLE_LINE = 0.25
LANE_COLOURS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]


# --- the sequence as a table -----------------------------------------------------------------------

def sequence_table(tables: dict[str, pd.DataFrame], focus: list[str] | tuple = (), date_from: str = "",
                   date_to: str = "", min_sources: int = 1) -> pd.DataFrame:
    """One row per incident, in lanes, in the order a reader follows them: lane by lane, in time."""
    incidents, actors = tables["incidents"], tables["actors"]
    if incidents.empty:
        return pd.DataFrame(columns=SEQUENCE_COLUMNS)
    names, short = dict(zip(actors["actor_id"], actors["name"])), short_names(actors)
    rows = incidents.assign(
        targets=incidents["target_actor"].map(lambda value: [t for t in value.split(";") if t]),
        n_sources=incidents["outlets"].map(lambda value: len([o for o in value.split(";") if o])))
    keep = (rows["n_sources"] >= min_sources) & in_window(rows, date_from, date_to)
    if focus:
        keep &= pd.Series([source in focus or any(t in focus for t in targets)
                           for source, targets in zip(rows["source_actor"], rows["targets"])], index=rows.index)
    rows = rows[keep]
    if rows.empty:
        return pd.DataFrame(columns=SEQUENCE_COLUMNS)
    lanes = assign_lanes(rows, names, actors)
    table = pd.DataFrame({
        "incident_id": rows["incident_id"],
        "lane": lanes,
        "when": [describe_when(*dates) for dates in zip(rows["date"], rows["date_earliest"], rows["date_latest"])],
        "precision": [date_precision(*dates) for dates in zip(rows["date"], rows["date_earliest"], rows["date_latest"])],
        "date": rows["date"], "date_earliest": rows["date_earliest"], "date_latest": rows["date_latest"],
        "actors": [" → ".join([names.get(s, s)] + ([", ".join(names.get(t, t) for t in targets)] if targets else []))
                   for s, targets in zip(rows["source_actor"], rows["targets"])],
        # A label whose target is missing ends on its preposition ("commits to good relations with").
        "label": rows["label"],
        "short_label": [shorten_names(label, names, short) for label in rows["label"]],
        "tone": [tone(q, g) for q, g in zip(rows["quad_class"], rows["goldstein"])],
        "goldstein": rows["goldstein"].astype(float),
        "killed": [casualty_range(lo, hi) for lo, hi in zip(rows["killed_low"], rows["killed_high"])],
        "injured": [casualty_range(lo, hi) for lo, hi in zip(rows["injured_low"], rows["injured_high"])],
        "casualty_figures": rows["casualty_figures"], "outlets": rows["outlets"].str.replace(";", "; "),
        "n_sources": rows["n_sources"], "sentences": rows["sentences"].str.replace(";", "; "),
    }, columns=SEQUENCE_COLUMNS)
    return order_by_lane_and_time(table)


def order_by_lane_and_time(table: pd.DataFrame) -> pd.DataFrame:
    """Lanes in the order of their first dated incident; within a lane, by date, undated last."""
    start = table["date"].where(table["date"] != "", table["date_earliest"])
    start = start.where(start != "", table["date_latest"]).replace("", "9999-12-31")
    lane_start = start.groupby(table["lane"]).transform("min")
    return (table.assign(_lane=lane_start, _start=start)
            .sort_values(["_lane", "lane", "_start", "incident_id"])
            .drop(columns=["_lane", "_start"]).reset_index(drop=True))


def assign_lanes(incidents: pd.DataFrame, names: dict[str, str], actors: pd.DataFrame) -> pd.Series:
    """Each incident's lane, named after the actors it stands for: its source and the targets its label names.

    The label leaves out a state that is only the place of a strike ("Iran strikes Jaish al-Adl in
    Balochistan"), so the lane does too. An incident with no target joins the busiest lane its actor
    is in (an armed group's own attack sits with the strikes on it), else a lane of its own.
    """
    def labelled(row) -> frozenset:
        named = [t for t in row.targets if names.get(t, t) in row.label]
        return frozenset([row.source_actor, *(named or row.targets)])

    own = {row.incident_id: labelled(row) for row in incidents.itertuples(index=False)}
    # The actor a lane of three or more reads from: the source of the incident that made it.
    leads = {members: row.source_actor for row in incidents.iloc[::-1].itertuples(index=False)
             for members in [own[row.incident_id]]}
    sizes = pd.Series([members for members in own.values() if len(members) > 1]).value_counts()
    short, kinds = short_names(actors), dict(zip(actors["actor_id"], actors["type"]))
    lanes = {}
    for row in incidents.itertuples(index=False):
        members = own[row.incident_id]
        if len(members) == 1:
            joined = sorted((-count, sorted(lane), lane) for lane, count in sizes.items() if row.source_actor in lane)
            members = joined[0][2] if joined else members
        lanes[row.incident_id] = lane_name(members, leads.get(members, ""), short, kinds)
    return incidents["incident_id"].map(lanes)


def lane_name(members: frozenset, lead: str, short: dict[str, str], kinds: dict[str, str]) -> str:
    """'Iran – Pakistan' (states first), 'Pakistan → BLA, BLF' and 'UN → Iran, Pakistan' (from their lead), 'China'."""
    def rank(actor: str) -> tuple:
        return kinds.get(actor) != "state", short.get(actor, actor)
    if len(members) == 1:
        return short.get(lead or next(iter(members)), lead)
    if len(members) == 2:
        first, second = sorted(members, key=rank)
        return f"{short.get(first, first)} – {short.get(second, second)}"
    others = sorted(members - {lead}, key=rank)
    return f"{short.get(lead, lead)} → {', '.join(short.get(actor, actor) for actor in others)}"


def shorten_names(label: str, names: dict[str, str], short: dict[str, str]) -> str:
    """'Pakistan strikes Balochistan Liberation Army ...' -> 'Pakistan strikes BLA ...', for a chart row."""
    for actor, name in sorted(names.items(), key=lambda item: -len(item[1])):
        if short.get(actor, name) != name and name in label:
            label = label.replace(name, short[actor])
    return label


def busiest_lanes(sequence: pd.DataFrame, limit: int) -> tuple[pd.DataFrame, str]:
    """The incidents of the `limit` lanes with the most of them, in the table's order, and a note on
    the rest ('+ 12 more lanes, with 340 incidents, not drawn'; empty when nothing is left out).

    The sequence chart gives every incident a row: hundreds of lanes would make it metres tall (so
    would one lane of hundreds of incidents: this caps the lanes only). The table and its CSV keep
    every lane. Ties go to the lane that starts first.
    """
    if limit < 1:
        raise ValueError(f"the number of lanes to draw must be at least 1; got {limit}")
    sizes = sequence["lane"].value_counts(sort=False).reindex(sequence["lane"].unique())
    drawn = sizes.sort_values(ascending=False, kind="stable").index[:limit]
    left_out = sequence[~sequence["lane"].isin(drawn)]
    if left_out.empty:
        return sequence, ""
    return sequence[sequence["lane"].isin(drawn)].reset_index(drop=True), \
        f"+ {counted(left_out['lane'].nunique(), 'more lane')}, with {counted(len(left_out), 'incident')}, " \
        "not drawn; the sequence table lists them all"


def best_reported(sequence: pd.DataFrame, per_lane: int) -> tuple[pd.DataFrame, str]:
    """In each lane, the `per_lane` incidents told by the most outlets (ties: the earlier in the
    table), in the table's order, and a note on the rest (empty when nothing is left out).

    A lane of hundreds of incidents would still make the chart metres tall: this caps the rows the
    way `busiest_lanes` caps the lanes. The table and its CSV keep every incident."""
    if per_lane < 1:
        raise ValueError(f"the number of incidents to draw in a lane must be at least 1; got {per_lane}")
    rank = sequence.sort_values("n_sources", ascending=False, kind="stable").groupby("lane", sort=False).cumcount()
    kept = sequence[rank.reindex(sequence.index) < per_lane]
    if len(kept) == len(sequence):
        return sequence, ""
    return kept.reset_index(drop=True), \
        f"+ {counted(len(sequence) - len(kept), 'incident')} reported by fewer outlets, in the drawn lanes, " \
        "not drawn; the sequence table lists them all"


# --- casualty figures --------------------------------------------------------------------------------

def casualty_claims_by_source(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per incident with a casualty figure: what each outlet printed, and on whose word."""
    side = claims_side_by_side(tables["incidents"], tables["claims"], tables["articles"], tables["actors"])
    columns = ["incident_id", "label", "outlet", "figure", "victims", "according_to", "sentence"]
    if side.empty:
        return pd.DataFrame(columns=columns)
    side = side.assign(figure=side["kind"] + " " + side["figure"],
                       according_to=side["says"].replace("the outlet itself", "(the outlet's own reporting)"))
    return side[columns].sort_values(["incident_id", "outlet", "sentence"]).reset_index(drop=True)


# --- intensity per day ---------------------------------------------------------------------------------

def daily_intensity(sequence: pd.DataFrame) -> pd.DataFrame:
    """Net Goldstein per lane and day, and its running total, from incidents dated to the day.

    Incidents dated only by an interval or by the publication date are left out: summing them on
    a day the articles do not give would invent the timing this view is meant to show.
    """
    columns = ["lane", "day", "n_incidents", "net_goldstein", "cumulative", "incidents"]
    dated = sequence[sequence["precision"] == "day"]
    if dated.empty:
        return pd.DataFrame(columns=columns)
    daily = (dated.groupby(["lane", "date"], sort=True)
             .agg(n_incidents=("incident_id", "size"), net_goldstein=("goldstein", "sum"),
                  incidents=("short_label", "; ".join))
             .reset_index().rename(columns={"date": "day"}))
    daily["net_goldstein"] = daily["net_goldstein"].round(1)
    daily["cumulative"] = daily.groupby("lane")["net_goldstein"].cumsum().round(1)
    lane_order = list(dict.fromkeys(sequence["lane"]))
    return (daily.assign(_order=daily["lane"].map(lane_order.index))
            .sort_values(["_order", "day"]).drop(columns="_order").reset_index(drop=True)[columns])


def running_total(intensity: pd.DataFrame) -> pd.DataFrame:
    """Net Goldstein of all lanes together on each day that has incidents, and its running total.

    Quiet days add nothing to the total, so they are not rows: a background event months earlier
    would otherwise fill the table and the chart with empty days."""
    if intensity.empty:
        return pd.DataFrame(columns=["day", "net_goldstein", "cumulative"])
    daily = intensity.groupby("day", sort=True)["net_goldstein"].sum().round(1)
    return pd.DataFrame({"day": daily.index, "net_goldstein": daily.values,
                         "cumulative": daily.cumsum().round(1).values})


def left_out_of_intensity(sequence: pd.DataFrame) -> pd.DataFrame:
    """The incidents the daily view cannot place, and why."""
    rest = sequence[sequence["precision"] != "day"]
    return rest.assign(why=rest["precision"].map(PRECISION_LEGEND))[["lane", "label", "when", "why"]] \
        .reset_index(drop=True)


# --- what the sequence supports, in words ------------------------------------------------------------

def what_the_sequence_supports(sequence: pd.DataFrame, claims: pd.DataFrame, examples: int = 3) -> list[str]:
    """Sentences for the analyst, computed from this corpus: what the dates allow and what they do
    not, the signals of de-escalation, and where the sources' casualty figures disagree."""
    if sequence.empty:
        return ["No incident was coded from these articles: there is no sequence to read."]
    lines = how_dated(sequence, "label", "incidents", examples)
    lines[1:] = [f"{line[:-1]}; the daily intensity view leaves them out." for line in lines[1:]]
    cooperation = sequence[sequence["tone"] == "cooperation"]
    lines.append(f"Signals of cooperation or de-escalation: {quoted(cooperation, 'label', examples)}."
                 if not cooperation.empty else "No act of cooperation or de-escalation was coded.")
    lines += disagreements(claims[claims["incident_id"].isin(sequence["incident_id"])])
    return lines


def source_words(according_to: str) -> str:
    return "in its own voice" if according_to.startswith("(") else f"according to {according_to}"


def disagreements(claims: pd.DataFrame) -> list[str]:
    """One sentence per incident whose outlets or claimants give different figures of the same kind."""
    lines = []
    for (incident, label, kind), rows in claims.assign(kind=claims["figure"].str.split().str[0]) \
            .groupby(["incident_id", "label", "kind"], sort=True):
        if rows["figure"].nunique() > 1:
            said = "; ".join(f"{row.figure} {row.victims} ({row.outlet}, {source_words(row.according_to)})"
                             for row in rows.itertuples(index=False))
            lines.append(f"The sources disagree on “{label}”: {said}. The table keeps the range, never an "
                         f"average.")
    return lines


# --- drawing: the sequence -----------------------------------------------------------------------------

def time_segments(sequence: pd.DataFrame) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Stretches of days that hold dated incidents, split where nothing happens for GAP_DAYS."""
    spans = []
    for row in sequence.itertuples(index=False):
        first = row.date or row.date_earliest or row.date_latest
        last = row.date or row.date_latest or row.date_earliest
        if first:
            spans.append((pd.Timestamp(first), pd.Timestamp(last)))
    segments: list[list[pd.Timestamp]] = []
    for first, last in sorted(spans):
        if segments and (first - segments[-1][1]).days <= GAP_DAYS:
            segments[-1][1] = max(segments[-1][1], last)
        else:
            segments.append([first, last])
    return [(first - pd.Timedelta(days=1), last + pd.Timedelta(days=1)) for first, last in segments]


def draw_escalation_sequence(sequence: pd.DataFrame, title: str = "") -> plt.Figure:
    """One row per incident, grouped in lanes; time runs left to right, broken where nothing happens."""
    segments = time_segments(sequence)
    has_undated = (sequence["precision"] == "undated").any()
    rows = sequence_rows(sequence)
    widths = [2.2 if (end - start).days > 8 else 1.0 + 0.6 * (end - start).days
              for start, end in segments] + ([0.7] if has_undated else [])
    height = 1.6 + 0.32 * max(len(rows), 1)
    layout = {"width_ratios": widths or [1], "wspace": 0.04}
    # A note on a second line of the title (what is left out) gets room of its own above the lanes.
    if extra := TITLE_LINE * title.count("\n"):
        layout["top"] = plt.rcParams["figure.subplot.top"] * height / (height + extra)
        height += extra
    figure, axes = plt.subplots(1, max(len(widths), 1), figsize=(13, height), sharey=True, squeeze=False,
                                gridspec_kw=layout)
    axes = list(axes[0])
    if title:
        figure.suptitle(title, x=0.01, ha="left", fontsize=13)
    if sequence.empty:
        axes[0].text(0.5, 0.5, "No incidents in these articles", ha="center", va="center", transform=axes[0].transAxes)
        axes[0].set_axis_off()
        return figure
    for ax, (start, end) in zip(axes, segments):
        draw_segment(ax, rows, start, end)
    if has_undated:
        draw_undated_column(axes[-1], rows)
    label_rows(axes[0], rows)
    for ax in axes[1:]:
        ax.tick_params(left=False)
    add_sequence_legend(figure, sequence)
    return figure


def sequence_rows(sequence: pd.DataFrame) -> pd.DataFrame:
    """The y position of every incident, with a header row above each lane."""
    rows, y = [], 0
    for lane, incidents in sequence.groupby("lane", sort=False):
        rows.append({"y": y, "lane": lane, "header": True})
        y += 1
        for incident in incidents.itertuples(index=False):
            rows.append({"y": y, "lane": lane, "header": False, **incident._asdict()})
            y += 1
    return pd.DataFrame(rows)


def label_rows(ax, rows: pd.DataFrame) -> None:
    """Lane names in bold; each incident in a few words, in its tone's colour, with its death toll."""
    ax.set_yticks(rows["y"])
    labels = []
    for row in rows.itertuples(index=False):
        if row.header:
            labels.append(row.lane)
        else:
            killed = f"  [{row.killed} killed]" if row.killed else ""
            labels.append(textwrap.shorten(row.short_label, 60, placeholder="…") + killed)
    ax.set_yticklabels(labels)
    for tick, row in zip(ax.get_yticklabels(), rows.itertuples(index=False)):
        tick.set_fontweight("bold" if row.header else "normal")
        tick.set_fontsize(10.5 if row.header else 9.5)
        tick.set_color("black" if row.header else TONE_COLOURS[row.tone])
    ax.set_ylim(rows["y"].max() + 0.7, -0.7)


def draw_segment(ax, rows: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> None:
    shade_lanes(ax, rows)
    for row in rows[~rows["header"]].itertuples(index=False):
        colour = TONE_COLOURS[row.tone]
        if row.precision == "day":
            ax.plot(pd.Timestamp(row.date), row.y, "o", ms=marker_size(row.goldstein), color=colour, zorder=3)
        elif row.precision == "interval":
            ax.plot([pd.Timestamp(row.date_earliest), pd.Timestamp(row.date_latest)], [row.y, row.y],
                    lw=7, color=colour, alpha=0.6, solid_capstyle="butt", zorder=3)
        elif row.precision == "by" and start <= pd.Timestamp(row.date_latest) <= end:
            day = pd.Timestamp(row.date_latest)
            # Open to the left: the articles give no earliest day.
            ax.plot([start, day], [row.y, row.y], ls=(0, (1, 2)), lw=1.3, color=colour, alpha=0.6, zorder=2)
            ax.plot(day, row.y, "o", ms=marker_size(row.goldstein), mfc="white", mec=colour, mew=1.8, zorder=3)
    ax.set_xlim(start, end)
    days = pd.date_range(start, end, freq="D")
    if len(days) <= 10:
        ax.set_xticks(days[1:-1], [day.strftime("%-d %b\n%Y") if i == 0 else day.strftime("%-d %b")
                                   for i, day in enumerate(days[1:-1])])
    else:
        months = pd.date_range(start, end, freq="MS")
        ticks = list(months) or [start + (end - start) / 2]
        ax.set_xticks(ticks, [tick.strftime("%b\n%Y") for tick in ticks])
    ax.grid(axis="x", color="#dddddd", lw=0.8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def draw_undated_column(ax, rows: pd.DataFrame) -> None:
    shade_lanes(ax, rows)
    for row in rows[(~rows["header"]) & (rows["precision"] == "undated")].itertuples(index=False):
        ax.plot(0, row.y, "o", ms=marker_size(row.goldstein), mfc="white", mec=TONE_COLOURS[row.tone],
                mew=1.8, zorder=3)
        ax.text(0.35, row.y, "?", va="center", fontsize=9, color="#555555")
    ax.set_xlim(-1, 1)
    ax.set_xticks([0], ["undated"])
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def shade_lanes(ax, rows: pd.DataFrame) -> None:
    """Every other lane on a light band, so a reader's eye stays in its lane across the panels."""
    for number, (_, lane) in enumerate(rows.groupby("lane", sort=False)):
        if number % 2 == 0:
            ax.axhspan(lane["y"].min() - 0.5, lane["y"].max() + 0.5, color="#f2f2f2", zorder=0, lw=0)


def marker_size(goldstein: float) -> float:
    """Bigger for more intense events, either way: Goldstein's scale runs from -10 to +10."""
    return 5 + 0.8 * abs(float(goldstein))


def add_sequence_legend(figure: plt.Figure, sequence: pd.DataFrame) -> None:
    tones = [Patch(color=TONE_COLOURS[t], label=TONE_LEGEND[t]) for t in TONE_COLOURS if t in set(sequence["tone"])]
    marks = {
        "day": Line2D([], [], ls="", marker="o", ms=8, color="#444444", label=PRECISION_LEGEND["day"]),
        "interval": Line2D([], [], lw=7, alpha=0.6, color="#444444", label=PRECISION_LEGEND["interval"]),
        "by": Line2D([], [], ls=(0, (1, 2)), marker="o", ms=8, mfc="white", mec="#444444", color="#444444",
                     markevery=[1], label=PRECISION_LEGEND["by"]),
        "undated": Line2D([], [], ls="", marker="o", ms=8, mfc="white", mec="#444444", label="undated"),
    }
    used = [marks[p] for p in PRECISION_LEGEND if p in set(sequence["precision"])]
    size = [Line2D([], [], ls="", marker="o", ms=marker_size(10), color="#444444",
                   label="marker size: Goldstein intensity (|-10| large)")]
    figure.legend(handles=tones + used + size, loc="upper left", bbox_to_anchor=(0.01, 0.0), ncol=2,
                  frameon=False, fontsize=9.5)


# --- drawing: intensity ----------------------------------------------------------------------------------

def draw_escalation_intensity(intensity: pd.DataFrame, title: str = "") -> plt.Figure:
    """Daily net Goldstein per lane, bars labelled with what happened; below, the running total of all lanes."""
    figure, (daily_ax, total_ax) = plt.subplots(2, 1, figsize=(12, 8), sharex=True,
                                                gridspec_kw={"height_ratios": [3, 2], "hspace": 0.08})
    if title:
        figure.suptitle(title, x=0.01, ha="left", fontsize=13)
    if intensity.empty:
        daily_ax.text(0.5, 0.5, "No incident is dated to the day", ha="center", va="center",
                      transform=daily_ax.transAxes)
        for ax in (daily_ax, total_ax):
            ax.set_axis_off()
        return figure
    total = running_total(intensity)
    slot = {day: position for position, day in enumerate(total["day"])}  # one column per active day
    lanes = list(dict.fromkeys(intensity["lane"]))
    colours = {lane: LANE_COLOURS[i % len(LANE_COLOURS)] for i, lane in enumerate(lanes)}
    width = 0.8 / len(lanes)
    for i, lane in enumerate(lanes):
        own = intensity[intensity["lane"] == lane]
        x = [slot[day] + (i - (len(lanes) - 1) / 2) * width for day in own["day"]]
        daily_ax.bar(x, own["net_goldstein"], width=width * 0.95, color=colours[lane], label=lane, zorder=2)
        for left, value, words in zip(x, own["net_goldstein"], own["incidents"]):
            daily_ax.annotate("\n".join(textwrap.wrap(words, 24, break_on_hyphens=False)), (left, value),
                              xytext=(0, 4 if value >= 0 else -4), textcoords="offset points", ha="center",
                              va="bottom" if value >= 0 else "top", fontsize=8.5, color="#333333")
    positions = list(range(len(total)))
    total_ax.step(positions, total["cumulative"], where="post", color="black", lw=2.2)
    total_ax.plot(positions, total["cumulative"], "o", color="black", ms=6)
    for position, value in zip(positions, total["cumulative"]):
        total_ax.annotate(f"{value:+.1f}", (position, value), xytext=(6, 6), textcoords="offset points", fontsize=9)
    low, high = intensity["net_goldstein"].min(), intensity["net_goldstein"].max()
    daily_ax.set_ylim(min(low, 0) * 1.45 - 1, max(high, 0) * 1.45 + 1)
    total_ax.set_ylim(min(total["cumulative"].min(), 0) * 1.2 - 3, max(total["cumulative"].max(), 0) * 1.2 + 3)
    for ax, name in ((daily_ax, "net Goldstein that day,\nper lane"), (total_ax, "running total,\nall lanes")):
        shade_conflict_and_cooperation(ax)
        ax.set_ylabel(name)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    total_ax.set_xticks(positions, [pd.Timestamp(day).strftime("%-d %b\n%Y") for day in total["day"]])
    total_ax.set_xlim(-0.6, len(positions) - 0.4)
    total_ax.set_xlabel("days with incidents dated to the day (quiet days are left out)")
    daily_ax.legend(title="lane (actors involved)", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return figure


def shade_conflict_and_cooperation(ax) -> None:
    """Below zero is conflict, above is cooperation, tinted in the tones the other charts use."""
    low, high = ax.get_ylim()
    low, high = min(low, -1), max(high, 1)
    ax.axhspan(low, 0, color=TONE_COLOURS["conflict"], alpha=0.06, zorder=0, lw=0)
    ax.axhspan(0, high, color=TONE_COLOURS["cooperation"], alpha=0.06, zorder=0, lw=0)
    ax.axhline(0, color="#555555", lw=0.8)
    ax.set_ylim(low, high)
    ax.text(1.0, 0.02, "conflict ↓", transform=ax.transAxes, ha="right", va="bottom", fontsize=9,
            color=TONE_COLOURS["conflict"])
    ax.text(1.0, 0.98, "cooperation ↑", transform=ax.transAxes, ha="right", va="top", fontsize=9,
            color=TONE_COLOURS["cooperation"])
