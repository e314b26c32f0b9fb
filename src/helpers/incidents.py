"""Incidents: events that report the same real-world happening, merged across sentences and articles.

News counts reports, not events: one strike told by two outlets, or twice in one story, is one
incident here. Events merge when their actors roll up to the same source, their codes are the same
(for violence: the same kind of violence), their targets and places do not contradict each other and
their date intervals overlap. Precisely dated reports are grouped first; a vaguely dated report then
joins the single compatible incident nearest its date, so vague dates never chain incidents together.
Casualty figures are kept as a range with every source: disagreements are shown, never averaged.

Merging looks only within a block: the incidents of the same source and the same code (or kind of
violence), and in it only at those whose dates can meet the report's, so that its cost grows with the
number of events rather than with events times incidents.
"""
from __future__ import annotations

import re

from bisect import bisect_left, insort
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

import pandas as pd

from .actors import roll_up
from .patterns import label_of

INCIDENT_COLUMNS = ["incident_id", "event_ids", "articles", "outlets", "n_reports", "date", "date_earliest",
                    "date_latest", "source_actor", "target_actor", "cameo_code", "event_type", "goldstein",
                    "quad_class", "location", "label", "killed_low", "killed_high", "injured_low", "injured_high",
                    "casualty_figures", "sentences"]
OPEN_EARLY, OPEN_LATE = date.min, date.max

# A pattern label ends on the preposition its target follows ("recalls its ambassador from").
TRAILING_PREPOSITION = re.compile(r"\s+(?:from|with|on|of|against|to|between)$")


@dataclass(eq=False)
class Incident:
    rows: list = field(default_factory=list)
    earliest: date = OPEN_EARLY
    latest: date = OPEN_LATE
    number: int = 0     # rank of creation: of two equally near incidents, the older is chosen
    # What `compatible` asks of the rows, kept as they join rather than gathered at every question.
    countries: set = field(default_factory=set)
    targets: set = field(default_factory=set)
    sentences: set = field(default_factory=set)

    @property
    def first(self):
        return self.rows[0]

    def add(self, event) -> None:
        self.rows.append(event)
        earliest, latest = interval(event)
        self.earliest, self.latest = max(self.earliest, earliest), min(self.latest, latest)
        if event.location_country:
            self.countries.add(event.location_country)
        if event.target_top:
            self.targets.add(event.target_top)
        self.sentences.add((event.article_id, event.sentence_id))


def interval(event) -> tuple[date, date]:
    earliest = date.fromisoformat(event.date_earliest) if event.date_earliest else OPEN_EARLY
    latest = date.fromisoformat(event.date_latest) if event.date_latest else OPEN_LATE
    return earliest, latest


def precision(event) -> int:
    """Days an event's interval spans (open intervals last)."""
    earliest, latest = interval(event)
    return (latest - earliest).days if OPEN_EARLY < earliest and latest < OPEN_LATE else 10**6 + (latest < OPEN_LATE)


def family(event) -> str:
    """What must agree for two reports to be one happening: violence merges across its codes."""
    return "violence" if event.violent else event.cameo_code


def compatible(incident: Incident, event) -> bool:
    first = incident.first
    if (first.source_top, family(first)) != (event.source_top, family(event)):
        return False
    earliest, latest = interval(event)
    if max(earliest, incident.earliest) > min(latest, incident.latest):
        return False
    if event.location_country and incident.countries and event.location_country not in incident.countries:
        return False
    if event.violent or (event.article_id, event.sentence_id) in incident.sentences:
        return True     # one sentence's "urged the two countries" is one happening
    return not event.target_top or not incident.targets or event.target_top in incident.targets


class Block:
    """The incidents of one source and family, sorted by the day they end (as a day number): all
    together, and apart by length (class k: at most 2**k - 1 days). An incident of class k whose
    dates contain a given day ends within 2**k - 1 days after it, so the incidents containing a
    report's latest day lie in a short stretch of each class; those ending within the report's
    dates are read from all ends, nearest first, only as far as the first compatible one.
    Open-ended incidents (day numbers 1 and 3652059) fall in the top classes, which are read whole:
    few stay open-ended, since an open-ended report joins a compatible incident whenever one overlaps it."""

    def __init__(self):
        self.ends: list[tuple[int, int, Incident]] = []                  # sorted by (end, -number)
        self.classes: dict[int, list[tuple[int, int, Incident]]] = {}   # the same, by length

    @staticmethod
    def entry(incident: Incident) -> tuple[int, tuple[int, int, Incident]]:
        length = (incident.latest.toordinal() - incident.earliest.toordinal()).bit_length()
        return length, (incident.latest.toordinal(), -incident.number, incident)

    def insert(self, incident: Incident) -> None:
        length, entry = self.entry(incident)
        insort(self.ends, entry)
        insort(self.classes.setdefault(length, []), entry)

    def remove(self, incident: Incident) -> None:
        """Taken out before its dates narrow, and filed again after."""
        length, entry = self.entry(incident)
        for entries in (self.ends, self.classes[length]):
            del entries[bisect_left(entries, entry[:2])]

    def candidates(self, earliest: date, latest: date):
        """Incidents whose dates may meet [earliest, latest], best first, as `group_events` prefers
        them: those that run to the report's latest day or beyond (all equally near; the older
        first), then those that end within its dates, the latest end first (then the older)."""
        first, last = earliest.toordinal(), latest.toordinal()
        containing = []
        for length, entries in self.classes.items():
            window = entries[bisect_left(entries, (last,)):bisect_left(entries, (last + 2 ** length,))]
            containing += [incident for _, _, incident in window if incident.earliest <= latest]
        yield from sorted(containing, key=lambda incident: incident.number)
        start, stop = bisect_left(self.ends, (first,)), bisect_left(self.ends, (last,))
        yield from (self.ends[k][2] for k in range(stop - 1, start - 1, -1))


def group_events(events: pd.DataFrame) -> list[Incident]:
    """The incidents of a table of events (with their source_top and target_top), in the order of
    `sort_key`. Blocks never share an incident, so a table may hold one block or many."""
    incidents: list[Incident] = []
    blocks: dict[tuple[str, str], Block] = defaultdict(Block)
    ordered = sorted(events.itertuples(index=False), key=lambda e: (precision(e), e.article_id, e.sentence_id, e.event_id))
    for event in ordered:
        block = blocks[(event.source_top, family(event))]
        # The one whose dates lie nearest the report's latest possible date: candidates come best first.
        chosen = next((i for i in block.candidates(*interval(event)) if compatible(i, event)), None)
        if chosen is None:
            chosen = Incident(number=len(incidents))
            incidents.append(chosen)
        else:
            block.remove(chosen)
        chosen.add(event)
        block.insert(chosen)
    return sorted(incidents, key=sort_key)


def sort_key(incident: Incident) -> tuple:
    """The incidents table's order: by date, source, code, then first event."""
    return (incident.earliest if incident.earliest > OPEN_EARLY else incident.latest, incident.first.source_top,
            incident.first.cameo_code, min(r.event_id for r in incident.rows))


@dataclass(frozen=True)
class Lookups:
    """What every incident's row reads, built once per table rather than once per incident."""
    names: dict         # actor_id -> name
    outlets: dict       # article_id -> outlet
    labels: dict        # event pattern id -> a short verb ('strikes')
    actor_names: frozenset

    @classmethod
    def of(cls, actors: pd.DataFrame, articles: pd.DataFrame, labels: dict[str, str]) -> Lookups:
        names = dict(zip(actors["actor_id"], actors["name"]))
        return cls(names, dict(zip(articles["article_id"], articles["outlet"])), labels, frozenset(names.values()))


def merge_incidents(events: pd.DataFrame, claims: pd.DataFrame, actors: pd.DataFrame,
                    articles: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The `incidents` table; `labels` maps an event pattern id to a short verb ('strikes')."""
    if events.empty:
        return pd.DataFrame(columns=INCIDENT_COLUMNS)
    rows = incident_rows(with_tops(events, roll_up(actors)), claims_by_event(claims), Lookups.of(actors, articles, labels))
    table = pd.DataFrame([row for _, row in rows], columns=INCIDENT_COLUMNS)
    return table.assign(incident_id=incident_ids(len(table)))


def with_tops(events: pd.DataFrame, top: dict[str, str]) -> pd.DataFrame:
    """Events with the states (or groups) their source and target roll up to: what merging compares."""
    return events.assign(source_top=events["source_actor"].map(lambda a: top.get(a, a)),
                         target_top=events["target_actor"].map(lambda a: top.get(a, a) if a else ""))


def block_of(events: pd.DataFrame) -> pd.Series:
    """Each event's block (source_top and family), as one string: events of different blocks never merge,
    so a large table can be merged a block at a time."""
    families = events["cameo_code"].where(~events["violent"].astype(bool), "violence")
    return events["source_top"] + "|" + families


def incident_rows(events: pd.DataFrame, claims_of: dict[str, list], lookups: Lookups) -> list[tuple[tuple, dict]]:
    """The incidents of `events` (with their tops) in table order, each with its `sort_key`; their ids
    are given once all blocks are in (`incident_ids`)."""
    return [(sort_key(incident), incident_row(0, incident, figures_of(incident, claims_of), lookups))
            for incident in group_events(events)]


def incident_ids(count: int) -> list[str]:
    """The ids of a table's incidents, in its order: i01, i02, ..."""
    return [incident_id(number) for number in range(1, count + 1)]


def incident_id(number: int) -> str:
    return f"i{number:02d}"


def claims_by_event(claims: pd.DataFrame) -> dict[str, list]:
    """event_id -> its claims, each with its row number: the claims table is read once, not per incident."""
    found: dict[str, list] = {}
    for position, claim in enumerate(claims.itertuples() if not claims.empty else ()):
        found.setdefault(claim.event_id, []).append((position, claim))
    return found


def figures_of(incident: Incident, claims_of: dict[str, list]) -> list:
    """The claims on an incident's events, in the order of the claims table."""
    numbered = [pair for event_id in {row.event_id for row in incident.rows} for pair in claims_of.get(event_id, ())]
    return [claim for _, claim in sorted(numbered, key=itemgetter(0))]


def representative(incident: Incident):
    """The report that describes the incident best: the most specific code, then the most precise date."""
    return min(incident.rows, key=lambda e: (e.goldstein if e.violent else 0, precision(e), e.event_id))


def incident_row(number: int, incident: Incident, figures: list, lookups: Lookups) -> dict:
    """One row of the table; `figures` are the claims (rows of the claims table) on its events."""
    names = lookups.names
    best = representative(incident)
    event_ids = sorted(row.event_id for row in incident.rows)
    articles = sorted({row.article_id for row in incident.rows})
    targets = sorted({row.target_top for row in incident.rows if row.target_top})
    exact = incident.earliest == incident.latest
    iso = lambda day: day.isoformat() if OPEN_EARLY < day < OPEN_LATE else ""
    location = next((row.location for row in sorted(incident.rows, key=lambda r: r.location_country == "")
                     if row.location and row.location not in lookups.actor_names), "") or \
        next((row.location for row in incident.rows if row.location), "")
    row = {
        "incident_id": incident_id(number), "event_ids": ";".join(event_ids), "articles": ";".join(articles),
        "outlets": ";".join(sorted({lookups.outlets.get(a, "") or a for a in articles})),
        "n_reports": len(event_ids), "date": iso(incident.earliest) if exact else "",
        "date_earliest": iso(incident.earliest), "date_latest": iso(incident.latest),
        "source_actor": best.source_top, "target_actor": ";".join(targets),
        "cameo_code": best.cameo_code, "event_type": best.event_type, "goldstein": best.goldstein,
        "quad_class": best.quad_class, "location": location,
        "label": describe(best, label_targets(incident, targets), location, names, lookups.labels),
        "sentences": ";".join(sorted({f"{r.article_id}:{r.sentence_id}" for r in incident.rows})),
    }
    row.update(casualty_summary(figures, names, lookups.outlets))
    return row


def label_targets(incident: Incident, targets: list[str]) -> list[str]:
    """Targets worth naming: the state an incident happened in is its place, unless it is all there is."""
    territory = {row.location_country for row in incident.rows if row.location_country}
    named = [target for target in targets if target not in territory]
    return named or targets


def describe(event, targets: list[str], location: str, names: dict, labels: dict) -> str:
    """A few words: 'Iran strikes Jaish al-Adl in Balochistan'."""
    verb = label_of(labels, event.pattern, event.cameo_code) or event.event_type
    if not targets:  # 'commits to good relations with' needs its object
        verb = TRAILING_PREPOSITION.sub("", verb)
    words = [names.get(event.source_top, event.source_top), verb]
    if targets:
        shown = [names.get(t, t) for t in targets]
        words.append(", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0])
    if location and not any(names.get(t) == location for t in targets):
        words.append(f"in {location}")
    return " ".join(words)


def casualty_summary(figures: list, names: dict, outlets: dict) -> dict:
    """Low and high ends of the killed and injured figures, and every figure with its source."""
    summary, described = {}, []
    for kind in ("killed", "injured"):
        rows = [claim for claim in figures if claim.kind == kind]
        # Text, as in `claims` (value_min, value_max): empty when no figure is given.
        summary[f"{kind}_low"] = str(min((int(r.value_min or r.value_max) for r in rows), default=""))
        summary[f"{kind}_high"] = str(max((int(r.value_max or r.value_min) for r in rows), default=""))
        for claim in rows:
            figure = f"{claim.qualifier} {claim.value_min or claim.value_max}".strip()
            who = claimant_words(claim.claimant, getattr(claim, "claimant_text", ""), names) or "its own reporting"
            outlet = outlets.get(claim.article_id) or claim.article_id
            described.append(f"{kind} {figure} {claim.victims} ({outlet}, according to {who})".replace("  ", " "))
    summary["casualty_figures"] = "; ".join(described)
    return summary


def claimant_words(claimant: str, words: str, names: dict) -> str:
    """Who gives a figure, for a reader: the words the article uses, with the actor they are coded as
    ("local police (Iran)"); empty when the outlet says it in its own voice."""
    name = names.get(claimant, claimant) if claimant else ""
    if words and name and words.lower() != name.lower():
        return f"{words} ({name})"
    return words or name


def claims_side_by_side(incidents: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame,
                        actors: pd.DataFrame) -> pd.DataFrame:
    """Per incident, every casualty figure with the outlet that printed it and who it attributes it to."""
    if incidents.empty or claims.empty:
        return pd.DataFrame(columns=["incident_id", "label", "outlet", "says", "kind", "figure", "victims",
                                     "sentence"])
    owner = {event: incident for incident, ids in zip(incidents["incident_id"], incidents["event_ids"])
             for event in ids.split(";")}
    names = dict(zip(actors["actor_id"], actors["name"]))
    outlets = dict(zip(articles["article_id"], articles["outlet"]))
    labels = dict(zip(incidents["incident_id"], incidents["label"]))
    rows = claims.assign(incident_id=claims["event_id"].map(owner).fillna(""))
    table = pd.DataFrame({
        "incident_id": rows["incident_id"],
        "label": rows["incident_id"].map(labels).fillna("(no coded event)"),
        "outlet": rows["article_id"].map(lambda a: outlets.get(a) or a),
        "says": [claimant_words(c, words, names) or "the outlet itself"
                 for c, words in zip(rows["claimant"], rows.get("claimant_text", rows["claimant"].map(lambda _: "")))],
        "kind": rows["kind"],
        "figure": [f"{q} {lo or hi}".strip() if lo == hi or not (lo and hi) else f"{lo}-{hi}"
                   for q, lo, hi in zip(rows["qualifier"], rows["value_min"], rows["value_max"])],
        "victims": rows["victims"],
        "sentence": rows["article_id"] + ":" + rows["sentence_id"].astype(str),
    })
    return table.sort_values(["incident_id", "kind", "outlet", "sentence"]).reset_index(drop=True)


def incident_evidence(incidents: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per incident, every sentence that reports it, with its outlet and its words: the evidence an
    analyst checks a row against, without joining tables."""
    columns = ["incident_id", "label", "outlet", "article_id", "sentence_id", "quote"]
    if incidents.empty:
        return pd.DataFrame(columns=columns)
    text = {(row.article_id, int(row.sentence_id)): row.text for row in sentences.itertuples(index=False)}
    outlets = dict(zip(articles["article_id"], articles["outlet"]))
    rows = []
    for incident in incidents.itertuples(index=False):
        for reference in incident.sentences.split(";"):
            article, sentence = reference.rsplit(":", 1)
            rows.append({"incident_id": incident.incident_id, "label": incident.label,
                         "outlet": outlets.get(article) or article, "article_id": article,
                         "sentence_id": int(sentence), "quote": text.get((article, int(sentence)), "")})
    return pd.DataFrame(rows, columns=columns)
