"""Quality: the coded events and claims against a hand-coded gold annotation.

Gold files (data/gold/events.csv, data/gold/claims.csv; tests/fixtures/events/expected_*.csv) name
each event's sentence by a verbatim piece of it (`evidence`) and code actors at the top level
(Iran, not Iran's foreign ministry), so the system's actors are rolled up before comparing.
An event matches when article, sentence, source and target agree and the CAMEO code agrees
exactly (`strict`) or in its root, the first two digits (`root`: "recall" vs "expel" differ,
"air strike" 195 vs "military force" 190 do not).
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .actors import roll_up

GOLD_EVENT_COLUMNS = ["article_id", "evidence", "source_actor", "target_actor", "cameo_code", "date",
                      "date_earliest", "date_latest", "note"]
GOLD_CLAIM_COLUMNS = ["article_id", "evidence", "claimant", "kind", "value_min", "value_max", "qualifier",
                      "victims", "event_source", "event_target", "note"]


class GoldError(Exception):
    """A gold row that cannot be placed: the message names the file, the row and the problem."""


def read_gold(path: str | Path, columns: list[str]) -> pd.DataFrame:
    path = Path(path)
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [column for column in columns if column not in gold.columns]
    if missing:
        raise GoldError(f"{path}: missing column(s) {', '.join(missing)}")
    return gold.assign(gold_file=path.name, gold_row=range(2, len(gold) + 2))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def locate_gold(gold: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Gold rows with the sentence_id whose text contains their evidence."""
    texts = {key: _squash(text) for key, text in
             zip(zip(sentences["article_id"], sentences["sentence_id"]), sentences["text"])}
    located = []
    for row in gold.itertuples(index=False):
        evidence = _squash(row.evidence)
        found = [sid for (article, sid), text in texts.items() if article == row.article_id and evidence in text]
        if len(found) != 1:
            problem = "is in no sentence of the article" if not found else f"is in {len(found)} sentences"
            raise GoldError(f"{row.gold_file} row {row.gold_row}: evidence '{row.evidence[:60]}' {problem}")
        located.append(int(found[0]))
    return gold.assign(sentence_id=located)


def system_view(events: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """The system's events as the gold codes them: top-level actors, one row per distinct coding."""
    top = roll_up(actors)
    view = events.assign(source_top=events["source_actor"].map(lambda a: top.get(a, a)),
                         target_top=events["target_actor"].map(lambda a: top.get(a, a) if a else ""))
    view["sentence_id"] = view["sentence_id"].astype(int)
    return view.drop_duplicates(["article_id", "sentence_id", "source_top", "target_top", "cameo_code"])


def same_code(system: str, gold: str, level: str) -> bool:
    return system == gold if level == "strict" else system[:2] == gold[:2]


def match_events(system: pd.DataFrame, gold: pd.DataFrame, level: str) -> pd.DataFrame:
    """Gold rows paired one-to-one with system events (event_id empty where the system missed it)."""
    used, pairs = set(), []
    for row in gold.itertuples(index=False):
        candidates = system[(system["article_id"] == row.article_id) & (system["sentence_id"] == row.sentence_id) &
                            (system["source_top"] == row.source_actor) & (system["target_top"] == row.target_actor)]
        chosen = next((e for e in candidates.itertuples(index=False) if e.event_id not in used
                       and same_code(e.cameo_code, row.cameo_code, level)), None)
        if chosen is not None:
            used.add(chosen.event_id)
        pairs.append({**row._asdict(), "event_id": chosen.event_id if chosen else "",
                      "system_code": chosen.cameo_code if chosen else "",
                      "system_date": chosen.date if chosen else "",
                      "system_earliest": chosen.date_earliest if chosen else "",
                      "system_latest": chosen.date_latest if chosen else ""})
    return pd.DataFrame(pairs)


def scores(matched: int, n_system: int, n_gold: int) -> dict:
    precision = matched / n_system if n_system else 0.0
    recall = matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"system": n_system, "gold": n_gold, "matched": matched,
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def gold_articles_view(events: pd.DataFrame, gold: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """`system_view` of the events in the articles the gold covers: what every score compares."""
    return system_view(events[events["article_id"].isin(set(gold["article_id"]))], actors)


def event_scores(events: pd.DataFrame, gold: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 of the events, strict and by CAMEO root, over the gold's articles."""
    system = gold_articles_view(events, gold, actors)
    rows = []
    for level in ("strict", "root"):
        pairs = match_events(system, gold, level)
        rows.append({"level": level, **scores(int((pairs["event_id"] != "").sum()), len(system), len(gold))})
    return pd.DataFrame(rows)


def date_accuracy(pairs: pd.DataFrame) -> dict:
    """Of the matched events: how many got the gold's day, and how many an interval that holds it."""
    matched = pairs[pairs["event_id"] != ""]
    dated = matched[matched["date"] != ""]
    exact = int((dated["system_date"] == dated["date"]).sum())
    within = int(sum(e <= d <= l for d, e, l in zip(dated["date"], dated["system_earliest"].replace("", "0000"),
                                                        dated["system_latest"].replace("", "9999"))))
    undated = matched[matched["date"] == ""]
    no_false_day = int((undated["system_date"] == "").sum())
    return {"matched events with a gold day": len(dated), "same day": exact, "interval holds the gold day": within,
            "matched events the gold leaves undated": len(undated), "left without a day": no_false_day}


def actor_accuracy(events: pd.DataFrame, gold: pd.DataFrame, actors: pd.DataFrame) -> dict:
    """Where the system coded the gold's action in the gold's sentence: were source and target right?"""
    system = gold_articles_view(events, gold, actors)
    found = source_ok = target_ok = 0
    for row in gold.itertuples(index=False):
        same = system[(system["article_id"] == row.article_id) & (system["sentence_id"] == row.sentence_id) &
                      (system["cameo_code"].str[:2] == row.cameo_code[:2])]
        if same.empty:
            continue
        found += 1
        source_ok += int((same["source_top"] == row.source_actor).any())
        target_ok += int((same["target_top"] == row.target_actor).any())
    return {"gold events whose action the system found": found, "source right": source_ok,
            "target right": target_ok}


def claim_scores(claims: pd.DataFrame, gold: pd.DataFrame, actors: pd.DataFrame) -> dict:
    """Casualty claims: matched when sentence, kind, figure range and (rolled-up) claimant agree."""
    top = roll_up(actors)
    system = claims[claims["article_id"].isin(set(gold["article_id"]))].assign(
        claimant_top=lambda c: c["claimant"].map(lambda a: top.get(a, a) if a else ""),
        sentence_id=lambda c: c["sentence_id"].astype(int))
    keys = ["article_id", "sentence_id", "kind", "value_min", "value_max"]
    used, matched = set(), 0
    for row in gold.itertuples(index=False):
        hit = system[(system[keys] == pd.Series({k: getattr(row, k) for k in keys})).all(axis=1)
                     & (system["claimant_top"] == row.claimant) & ~system["claim_id"].isin(used)]
        if not hit.empty:
            used.add(hit["claim_id"].iloc[0])
            matched += 1
    return scores(matched, len(system), len(gold))


def load_gold(events_path: str | Path, claims_path: str | Path,
              sentences: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Gold events and claims of the articles present, each placed in its sentence.

    Rows of articles that are not in `sentences` are left out (a gold file may cover more articles
    than a run reads); a row of an article that is present must find its sentence, or GoldError.
    """
    present = set(sentences["article_id"])
    events, claims = (read_gold(path, columns) for path, columns in
                      ((events_path, GOLD_EVENT_COLUMNS), (claims_path, GOLD_CLAIM_COLUMNS)))
    return (locate_gold(events[events["article_id"].isin(present)], sentences),
            locate_gold(claims[claims["article_id"].isin(present)], sentences))


def evaluate(tables: dict[str, pd.DataFrame], gold_events: pd.DataFrame, gold_claims: pd.DataFrame) -> dict:
    """Every measure of one corpus against its gold, for the quality notebook and the tests."""
    events, actors = tables["events"], tables["actors"]
    system = gold_articles_view(events, gold_events, actors)
    pairs = match_events(system, gold_events, "root")
    return {"events": event_scores(events, gold_events, actors),
            "pairs": pairs,
            # the system's events no gold row was paired with: the precision errors
            "spurious": system[~system["event_id"].isin(set(pairs["event_id"]))],
            "dates": date_accuracy(pairs),
            "actors": actor_accuracy(events, gold_events, actors),
            "claims": claim_scores(tables["claims"], gold_claims, actors)}


def summary_row(corpus: str, evaluation: dict) -> dict:
    """One line per corpus: the figures worth quoting."""
    strict, root = (evaluation["events"].set_index("level").loc[level] for level in ("strict", "root"))
    dates = evaluation["dates"]
    return {"corpus": corpus, "gold events": int(root["gold"]), "system events": int(root["system"]),
            "F1 strict": float(strict["f1"]), "F1 root": float(root["f1"]),
            "precision root": float(root["precision"]), "recall root": float(root["recall"]),
            "dates same day": f"{dates['same day']}/{dates['matched events with a gold day']}",
            "claims F1": float(evaluation["claims"]["f1"])}


def score_folder(articles_dir: str | Path, events_csv: str | Path, claims_csv: str | Path) -> dict | None:
    """A folder of articles run through the pipeline and scored against its gold files.

    None when the gold covers none of the folder's articles (a folder nobody has coded by hand).
    """
    from .pipeline import cached_extraction  # the pipeline is scored, never the other way round

    tables = cached_extraction(articles_dir).tables
    gold_events, gold_claims = load_gold(events_csv, claims_csv, tables["sentences"])
    if gold_events.empty:
        return None
    return {**evaluate(tables, gold_events, gold_claims), "n_articles": len(tables["articles"])}


def gold_against_system(pairs: pd.DataFrame) -> pd.DataFrame:
    """Every gold event beside the code the system gave it, MISSED where it gave none."""
    found = pairs["event_id"].ne("").map({True: "yes", False: "MISSED"})
    return pairs.assign(found=found)[["article_id", "sentence_id", "source_actor", "target_actor", "cameo_code",
                                      "system_code", "found", "evidence"]]
