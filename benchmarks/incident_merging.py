"""Benchmark: how the time `merge_incidents` takes grows with the number of events.

Builds synthetic tables of N and 4N events (`random_events`: happenings told by one to four reports
each, some precisely dated, some by a range, some open-ended, some undated) and times
`merge_incidents` on each (the best of a few runs). Merging that grows linearly takes about four times as long on four
times the events; the script says whether the ratio stays within 4.4. A larger corpus is taken to
cover a longer period, so that how many reports fall on one day does not change with N. Prints
figures; asserts nothing. tests/test_incidents_scale.py uses the same tables.

    python benchmarks/incident_merging.py [--events N] [--seed S] [--repeat R]   (default: 5000, 0, 5)
"""
from __future__ import annotations

import argparse
import gc
import random
import time
from datetime import date, timedelta

import pandas as pd

from helpers.claims import CLAIM_COLUMNS
from helpers.events import EVENT_COLUMNS
from helpers.incidents import merge_incidents

# actor_id, name, parent: states, their agencies, armed groups.
ACTORS = [("IRN", "Iran", ""), ("IRN_IRGC", "Islamic Revolutionary Guard Corps", "IRN"),
          ("IRN_MFA", "Iranian Foreign Ministry", "IRN"), ("PAK", "Pakistan", ""),
          ("PAK_ARMY", "Pakistan Army", "PAK"), ("PAK_FO", "Pakistani Foreign Office", "PAK"),
          ("AFG", "Afghanistan", ""), ("AFG_TAL", "Taliban", "AFG"), ("JAA", "Jaish al-Adl", ""),
          ("BLA", "Baloch Liberation Army", ""), ("CHN", "China", ""), ("USA", "United States", ""),
          ("UN", "United Nations", "")]
TOPS = [actor for actor, _, parent in ACTORS if not parent]
MEMBERS = {top: [actor for actor, _, parent in ACTORS if actor == top or parent == top] for top in TOPS}
# cameo_code, event_type, goldstein, quad_class, pattern
VIOLENT = [("190", "use conventional military force", -10.0, 4, "strike"),
           ("193", "fight with small arms and light weapons", -10.0, 4, "clash"),
           ("195", "employ aerial weapons", -10.0, 4, "air_strike"),
           ("183", "conduct suicide, car, or other non-military bombing", -10.0, 4, "bombing"),
           ("180", "use unconventional violence", -9.0, 4, "")]
PEACEFUL = [("040", "consult", 1.0, 1, "talks"), ("036", "express intent to meet or negotiate", 4.0, 1, ""),
            ("111", "criticize or denounce", -2.0, 3, "condemn"), ("112", "accuse", -2.0, 3, ""),
            ("161", "reduce or break diplomatic relations", -4.0, 4, "recall_ambassador"),
            ("172", "impose administrative sanctions", -5.0, 4, ""),
            ("020", "make an appeal or request", 3.0, 1, "urge")]
LABELS = {"190": "attacks", "193": "clashes with", "195": "bombs from the air", "183": "bombs",
          "040": "holds talks with", "111": "condemns", "161": "recalls its ambassador from", "020": "urges",
          "strike:190": "strikes", "air_strike:195": "strikes from the air", "urge:020": "urges"}
# location, location_country; a place can be a state's own name.
PLACES = [("Panjgur", "PAK"), ("Balochistan", "PAK"), ("Pakistan", "PAK"), ("Saravan", "IRN"),
          ("Sistan and Baluchestan", "IRN"), ("Iran", "IRN"), ("Kabul", "AFG"), ("Kandahar", "AFG")]
OUTLETS = ["Al Jazeera", "EFE", "Dawn", "IRNA", "Reuters", ""]
START = date(2022, 1, 1)


def random_events(n: int, seed: int = 0, days: int | None = None) -> dict:
    """`merge_incidents`' arguments for about n events (events, claims, actors, articles, labels),
    over `days` days (by default one day per 20 events)."""
    rng = random.Random(seed)
    days = days or max(30, n // 20)
    articles = [f"{k:04d}_{rng.getrandbits(32):08x}" for k in range(max(4, n // 6))]
    events: list[dict] = []
    while len(events) < n:
        happening = random_happening(rng, days)
        for _ in range(rng.choices([1, 2, 3, 4], weights=[45, 30, 15, 10])[0]):
            events.append(report(rng, happening, rng.choice(articles), events[-1] if events else None))
    events = events[:n]
    number_events(events)
    table = pd.DataFrame(events, columns=EVENT_COLUMNS).sort_values(["article_id", "sentence_id", "event_id"])
    return {"events": table.reset_index(drop=True), "claims": random_claims(rng, table),
            "actors": pd.DataFrame([{"actor_id": a, "name": name, "parent": parent, "type": "state"}
                                    for a, name, parent in ACTORS]),
            "articles": pd.DataFrame({"article_id": articles,
                                      "outlet": [rng.choice(OUTLETS) for _ in articles]}),
            "labels": dict(LABELS)}


def random_happening(rng: random.Random, days: int) -> dict:
    """What happened, before anyone reports it."""
    source = rng.choice(TOPS)
    target = rng.choice([top for top in TOPS if top != source]) if rng.random() < 0.7 else ""
    return {"source": source, "target": target, "day": START + timedelta(rng.randrange(days)),
            "coding": rng.choice(VIOLENT if rng.random() < 0.5 else PEACEFUL), "place": rng.choice(PLACES)}


def report(rng: random.Random, happening: dict, article: str, previous: dict | None) -> dict:
    """One report of a happening: its actors, code, place and date told more or less fully."""
    code, event_type, goldstein, quad_class, pattern = happening["coding"]
    violent = happening["coding"] in VIOLENT
    if violent:
        code, event_type, goldstein, quad_class, pattern = rng.choice(VIOLENT)   # same kind of violence
    elif rng.random() < 0.05:
        code, event_type, goldstein, quad_class, pattern = rng.choice(PEACEFUL)  # maybe told as another act
    target = rng.choices([happening["target"], "", rng.choice(TOPS)], weights=[80, 15, 5])[0]
    location, country = happening["place"] if rng.random() < 0.5 else ("", "")
    earliest, latest, basis = reported_dates(rng, happening["day"])
    if previous is not None and rng.random() < 0.15:   # one sentence telling two acts
        article, sentence = previous["article_id"], previous["sentence_id"]
    else:
        sentence = rng.randrange(1, 40)
    return {"article_id": article, "sentence_id": sentence,
            "source_actor": rng.choice(MEMBERS[happening["source"]]),
            "target_actor": rng.choice(MEMBERS[target]) if target else "", "cameo_code": code,
            "event_type": event_type, "goldstein": goldstein, "quad_class": quad_class, "plover": "",
            "date": earliest if earliest and earliest == latest else "", "date_earliest": earliest,
            "date_latest": latest, "date_basis": basis, "location": location, "location_country": country,
            "attributed_to": "", "trigger": pattern or event_type.split()[0], "trigger_start": 0, "trigger_end": 5,
            "pattern": pattern, "violent": violent}


def reported_dates(rng: random.Random, day: date) -> tuple[str, str, str]:
    """date_earliest, date_latest and date_basis as a report gives them: exact (sometimes a day off),
    a range around the day, up to the publication date, from some day on, or not at all."""
    kind = rng.choices(["exact", "range", "publication", "since", "unknown"], weights=[45, 15, 20, 5, 15])[0]
    iso = lambda d: d.isoformat()
    if kind == "exact":
        told = day + timedelta(rng.choice([0] * 8 + [-1, 1]))
        return iso(told), iso(told), "explicit"
    if kind == "range":
        if rng.random() < 0.1:   # "in March"
            first = day.replace(day=1)
            return iso(first), iso((first + timedelta(32)).replace(day=1) - timedelta(1)), "month"
        width = rng.choice([1, 3, 7, 15])
        return iso(day - timedelta(rng.randint(0, width))), iso(day + timedelta(rng.randint(0, width))), "range"
    if kind == "publication":
        return "", iso(day + timedelta(rng.randint(0, 3))), "publication"
    if kind == "since":
        return iso(day - timedelta(rng.randint(0, 10))), "", "since"
    return "", "", "unknown"


def number_events(events: list[dict]) -> None:
    """Event ids as the coder writes them: article, sentence, and the event's rank in its sentence."""
    counts: dict[tuple, int] = {}
    for event in events:
        key = (event["article_id"], event["sentence_id"])
        counts[key] = counts.get(key, 0) + 1
        event["event_id"] = f"{key[0]}-s{key[1]:02d}-e{counts[key]}"


def random_claims(rng: random.Random, events: pd.DataFrame) -> pd.DataFrame:
    """Casualty figures for about a third of the violent events, some by a named claimant, and a
    few figures that no event carries."""
    claims = []
    for event in events[events["violent"]].itertuples(index=False):
        for kind in ("killed", "injured"):
            if rng.random() < (0.3 if kind == "killed" else 0.15):
                low = rng.randint(1, 30)
                high = rng.choice([str(low), "", str(low + rng.randint(1, 10))])
                claimant = rng.choice(["", "", event.source_actor, "PAK_ARMY", "IRN"])
                claims.append({"article_id": event.article_id, "sentence_id": event.sentence_id,
                               "event_id": event.event_id if rng.random() < 0.95 else "", "claimant": claimant,
                               "claimant_text": rng.choice(["officials", ""]) if claimant else "", "kind": kind,
                               "value_min": str(low), "value_max": high,
                               "qualifier": rng.choice(["", "at least", "up to"]),
                               "victims": rng.choice(["people", "soldiers", "militants", "children"]),
                               "text": f"{kind} {low}"})
    table = pd.DataFrame(claims, columns=CLAIM_COLUMNS)
    table["claim_id"] = [f"c{k:05d}" for k in range(1, len(table) + 1)]
    return table.sort_values(["article_id", "sentence_id", "claim_id"]).reset_index(drop=True)


def timed_merge(tables: dict) -> tuple[float, int]:
    gc.collect()    # each run starts from the same collector state, not the previous run's garbage
    started = time.perf_counter()
    incidents = merge_incidents(**tables)
    return time.perf_counter() - started, len(incidents)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000, help="N: the smaller table's events (default 5000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=5, help="runs per size, the fastest counts (default 5)")
    options = parser.parse_args()
    sizes = (options.events, 4 * options.events)
    tables = {n: random_events(n, options.seed) for n in sizes}
    best, incidents = {n: float("inf") for n in sizes}, {}
    # Sizes take turns, so that other work on the machine slows both alike; it only ever adds time.
    for _ in range(options.repeat):
        for n in sizes:
            seconds, incidents[n] = timed_merge(tables[n])
            best[n] = min(best[n], seconds)
    for n in sizes:
        print(f"{n:>7} events -> {incidents[n]:>6} incidents: {best[n]:8.2f} s ({1e6 * best[n] / n:.0f} µs per event)")
    ratio = best[sizes[1]] / best[sizes[0]]
    print(f"4N/N time ratio: {ratio:.2f}; within 4.4 (near-linear): {'yes' if ratio <= 4.4 else 'no'}")


if __name__ == "__main__":
    main()
