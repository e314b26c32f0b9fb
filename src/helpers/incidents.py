"""Incidents: events that report the same real-world happening, merged across sentences and articles.

News counts reports, not events: one strike told by two outlets, or twice in one story, is one
incident here. Events merge when their actors roll up to the same source, their codes are the same
(for violence: the same kind of violence), their targets and places do not contradict each other and
their date intervals overlap. Precisely dated reports are grouped first; a vaguely dated report then
joins the single compatible incident nearest its date, so vague dates never chain incidents together.
Casualty figures are kept as a range with every source: disagreements are shown, never averaged.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from datetime import date

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


@dataclass
class Incident:
    rows: list = field(default_factory=list)
    earliest: date = OPEN_EARLY
    latest: date = OPEN_LATE

    @property
    def first(self):
        return self.rows[0]


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
    countries = {row.location_country for row in incident.rows if row.location_country}
    if event.location_country and countries and event.location_country not in countries:
        return False
    if event.violent or any((r.article_id, r.sentence_id) == (event.article_id, event.sentence_id) for r in incident.rows):
        return True     # one sentence's "urged the two countries" is one happening
    targets = {row.target_top for row in incident.rows if row.target_top}
    return not event.target_top or not targets or event.target_top in targets


def group_events(events: pd.DataFrame) -> list[Incident]:
    incidents: list[Incident] = []
    ordered = sorted(events.itertuples(index=False), key=lambda e: (precision(e), e.article_id, e.sentence_id, e.event_id))
    for event in ordered:
        candidates = [i for i in incidents if compatible(i, event)]
        if candidates:
            # The one whose dates lie nearest the report's latest possible date.
            chosen = max(candidates, key=lambda i: (min(i.latest, interval(event)[1]), -incidents.index(i)))
        else:
            chosen = Incident()
            incidents.append(chosen)
        chosen.rows.append(event)
        earliest, latest = interval(event)
        chosen.earliest, chosen.latest = max(chosen.earliest, earliest), min(chosen.latest, latest)
    return sorted(incidents, key=lambda i: (i.earliest if i.earliest > OPEN_EARLY else i.latest, i.first.source_top,
                                             i.first.cameo_code, min(r.event_id for r in i.rows)))


def merge_incidents(events: pd.DataFrame, claims: pd.DataFrame, actors: pd.DataFrame,
                    articles: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The `incidents` table; `labels` maps an event pattern id to a short verb ('strikes')."""
    if events.empty:
        return pd.DataFrame(columns=INCIDENT_COLUMNS)
    top = roll_up(actors)
    events = events.assign(source_top=events["source_actor"].map(lambda a: top.get(a, a)),
                           target_top=events["target_actor"].map(lambda a: top.get(a, a) if a else ""))
    names = dict(zip(actors["actor_id"], actors["name"]))
    outlets = dict(zip(articles["article_id"], articles["outlet"]))
    rows = [incident_row(n, incident, claims, names, outlets, labels)
            for n, incident in enumerate(group_events(events), start=1)]
    return pd.DataFrame(rows, columns=INCIDENT_COLUMNS)


def representative(incident: Incident):
    """The report that describes the incident best: the most specific code, then the most precise date."""
    return min(incident.rows, key=lambda e: (e.goldstein if e.violent else 0, precision(e), e.event_id))


def incident_row(number: int, incident: Incident, claims: pd.DataFrame, names: dict, outlets: dict,
                 labels: dict) -> dict:
    best = representative(incident)
    event_ids = sorted(row.event_id for row in incident.rows)
    articles = sorted({row.article_id for row in incident.rows})
    targets = sorted({row.target_top for row in incident.rows if row.target_top})
    exact = incident.earliest == incident.latest
    iso = lambda day: day.isoformat() if OPEN_EARLY < day < OPEN_LATE else ""
    location = next((row.location for row in sorted(incident.rows, key=lambda r: r.location_country == "")
                     if row.location and row.location not in names.values()), "") or \
        next((row.location for row in incident.rows if row.location), "")
    figures = claims[claims["event_id"].isin(event_ids)] if not claims.empty else claims
    row = {
        "incident_id": f"i{number:02d}", "event_ids": ";".join(event_ids), "articles": ";".join(articles),
        "outlets": ";".join(sorted({outlets.get(a, "") or a for a in articles})), "n_reports": len(event_ids),
        "date": iso(incident.earliest) if exact else "", "date_earliest": iso(incident.earliest),
        "date_latest": iso(incident.latest), "source_actor": best.source_top, "target_actor": ";".join(targets),
        "cameo_code": best.cameo_code, "event_type": best.event_type, "goldstein": best.goldstein,
        "quad_class": best.quad_class, "location": location,
        "label": describe(best, label_targets(incident, targets), location, names, labels),
        "sentences": ";".join(sorted({f"{r.article_id}:{r.sentence_id}" for r in incident.rows})),
    }
    row.update(casualty_summary(figures, names, outlets))
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


def casualty_summary(figures: pd.DataFrame, names: dict, outlets: dict) -> dict:
    """Low and high ends of the killed and injured figures, and every figure with its source."""
    summary, described = {}, []
    for kind in ("killed", "injured"):
        rows = list(figures[figures["kind"] == kind].itertuples()) if not figures.empty else []
        summary[f"{kind}_low"] = min((int(r.value_min or r.value_max) for r in rows), default="")
        summary[f"{kind}_high"] = max((int(r.value_max or r.value_min) for r in rows), default="")
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
