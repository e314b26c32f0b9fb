"""Quality: the coded events and claims against a hand-coded gold annotation.

Gold files (data/gold/events.csv, data/gold/claims.csv; tests/fixtures/events/expected_*.csv) name
each event's sentence by a verbatim piece of it (`evidence`) and code actors at the top level
(Iran, not Iran's foreign ministry), so the system's actors are rolled up before comparing.
An event matches when article, sentence, source and target agree and the CAMEO code agrees
exactly (`strict`) or in its root, the first two digits (`root`: "recall" vs "expel" differ,
"air strike" 195 vs "military force" 190 do not).

The PLOVER gold standard records (single news sentences a peer coded with a PLOVER category and
country codes) are scored by `score_plover`, at the end of the module, where its rules are written.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from .actors import roll_up
from .project import data_file

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
    gold_events = at_top(gold_events, actors, ["source_actor", "target_actor"])
    gold_claims = at_top(gold_claims, actors, ["claimant", "event_source", "event_target"])
    system = gold_articles_view(events, gold_events, actors)
    pairs = match_events(system, gold_events, "root")
    return {"events": event_scores(events, gold_events, actors),
            "pairs": pairs,
            # the system's events no gold row was paired with: the precision errors
            "spurious": system[~system["event_id"].isin(set(pairs["event_id"]))],
            "dates": date_accuracy(pairs),
            "actors": actor_accuracy(events, gold_events, actors),
            "claims": claim_scores(tables["claims"], gold_claims, actors)}


def at_top(gold: pd.DataFrame, actors: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Gold actors rolled up as the system's are: a writer's "ICJ" or "IAEA" is the dictionary's UN
    body, so it is scored as the UN, as the system's event is."""
    top = roll_up(actors)
    return gold.assign(**{column: gold[column].map(lambda a: top.get(a, a) if a else "") for column in columns
                          if column in gold.columns})


def summary_row(corpus: str, evaluation: dict) -> dict:
    """One line per corpus: the figures worth quoting."""
    strict, root = (evaluation["events"].set_index("level").loc[level] for level in ("strict", "root"))
    dates = evaluation["dates"]
    return {"corpus": corpus, "gold events": int(root["gold"]), "system events": int(root["system"]),
            "F1 strict": float(strict["f1"]), "F1 root": float(root["f1"]),
            "precision root": float(root["precision"]), "recall root": float(root["recall"]),
            "dates same day": f"{dates['same day']}/{dates['matched events with a gold day']}",
            "claims F1": float(evaluation["claims"]["f1"])}


def score_folder(articles_dir: str | Path, events_csv: str | Path, claims_csv: str | Path,
                 actor_files: list[str | Path] | tuple = ()) -> dict | None:
    """A folder of articles run through the pipeline and scored against its gold files.

    None when the gold covers none of the folder's articles (a folder nobody has coded by hand).
    """
    from .pipeline import cached_extraction  # the pipeline is scored, never the other way round

    tables = cached_extraction(articles_dir, actor_files=actor_files).tables
    gold_events, gold_claims = load_gold(events_csv, claims_csv, tables["sentences"])
    if gold_events.empty:
        return None
    return {**evaluate(tables, gold_events, gold_claims), "n_articles": len(tables["articles"])}


def gold_against_system(pairs: pd.DataFrame) -> pd.DataFrame:
    """Every gold event beside the code the system gave it, MISSED where it gave none."""
    found = pairs["event_id"].ne("").map({True: "yes", False: "MISSED"})
    return pairs.assign(found=found)[["article_id", "sentence_id", "source_actor", "target_actor", "cameo_code",
                                      "system_code", "found", "evidence"]]


# --- the PLOVER gold standard records: a peer's hand coding, one news sentence per record -----------
#
# Each record gives a sentence, its PLOVER category, its source codes and, not always, its target
# codes (3-letter country codes, or IGO, NGO, IMG...). One record is read as one article, so "the
# events of a record" are the events coded from that article.
#
# - A record is FOUND when one of its events has the record's category, a source among the record's
#   sources and, when the record names targets, a target among them (when it names none, as for
#   "X and Y agreed", any target or none will do).
# - An event is RIGHT on the same terms against its own record. So an event with a wrong target, or
#   with no target where the record names one, is wrong; so is an event whose CAMEO code has no
#   PLOVER category (statements, appeals): the record codes its sentence as something else.
# - Precision = right events / every coded event; recall = found records / records. Two right events
#   for one record (both sides of a reciprocal "agreed") are both right. Modes are not compared.

PLOVER_RECORD_COLUMNS = ["record_id", "category", "gsr_category", "sources", "targets", "text"]
NO_PLOVER_CATEGORY = "(no PLOVER category)"


def load_plover_categories(data_dir: str | Path | None = None) -> dict[str, str]:
    """The GSR's category names (an older PLOVER) -> the 2021 names data/cameo.csv uses."""
    table = pd.read_csv(data_file("plover_categories.csv", data_dir), dtype=str, keep_default_na=False)
    return dict(zip(table["gsr_category"], table["plover"]))


def load_plover_records(path: str | Path, categories: dict[str, str] | None = None) -> pd.DataFrame:
    """The records of a PLOVER GSR JSON file, categories in the 2021 vocabulary.

    `sources` and `targets` are tuples of codes (`targets` empty when the record names none). The
    DOCUMENT record (notes about the file, no sentence) is skipped. A missing or unreadable file, a
    record without id, category, source or text, and a category the mapping does not know raise
    GoldError naming the file.
    """
    path = Path(path)
    categories = load_plover_categories() if categories is None else categories
    entries = read_json_records(path)
    rows = [plover_record(entry, path, categories) for entry in entries if entry.get("event") != "DOCUMENT"]
    records = pd.DataFrame(rows, columns=PLOVER_RECORD_COLUMNS)
    repeated = sorted(set(records["record_id"][records["record_id"].duplicated()]))
    if repeated:
        raise GoldError(f"{path}: record id(s) used twice: {', '.join(repeated)}")
    return records


def read_json_records(path: Path) -> list[dict]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"{path}: no such file") from None
    except json.JSONDecodeError as error:
        raise GoldError(f"{path}: not valid JSON ({error.msg} at line {error.lineno}, "
                        f"column {error.colno})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot be read ({error})") from None
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise GoldError(f"{path}: expected a JSON list of records")
    return entries


def plover_record(entry: dict, path: Path, categories: dict[str, str]) -> dict:
    record_id = entry.get("id") or "?"
    for key in ("id", "event", "source", "text"):
        if not entry.get(key):
            raise GoldError(f"{path}: record {record_id} has no '{key}'")
    if entry["event"] not in categories:
        raise GoldError(f"{path}: record {record_id} has category '{entry['event']}', which "
                        f"data/plover_categories.csv does not map")
    return {"record_id": record_id, "category": categories[entry["event"]], "gsr_category": entry["event"],
            "sources": record_codes(entry["source"], path, record_id),
            "targets": record_codes(entry.get("target"), path, record_id), "text": entry["text"]}


def record_codes(actors, path: Path, record_id: str) -> tuple[str, ...]:
    """The distinct codes of a record's `source` or `target`: a list of {actorText, code}, or empty."""
    if not actors:  # the GSR writes "no target" as a missing key or an empty string
        return ()
    actors = [actors] if isinstance(actors, dict) else actors
    if not isinstance(actors, list) or not all(isinstance(a, dict) and a.get("code") for a in actors):
        raise GoldError(f"{path}: record {record_id} has an actor without a code")
    return tuple(dict.fromkeys(actor["code"] for actor in actors))


def actor_country_codes(actors: pd.DataFrame) -> dict[str, str]:
    """Every actor id -> the code the GSR would give it (see `actor_country_code`)."""
    top = roll_up(actors)
    cameo = dict(zip(actors["actor_id"], actors["cameo"]))
    country = dict(zip(actors["actor_id"], actors["country"]))
    return {actor: cameo.get(head, "")[:3] or country.get(head, "") or head for actor, head in top.items()}


def actor_country_code(actor_id: str, actors: pd.DataFrame) -> str:
    """An actor id as a GSR code: roll it up, then take the first three letters of its CAMEO code.

    That is the Phoenix/PETRARCH convention the GSR follows: a ministry or a leader counts as its
    state (PAK_MFA -> PAK -> PAK), an international organisation as IGO (IGOUNO -> IGO), an armed
    group as the country it fights in (AFGREB -> AFG), Islamic militants as IMG (IMGMUSALQ -> IMG).
    Without a CAMEO code the actor's country is taken, then its id. Empty for no actor.
    """
    if not actor_id:
        return ""
    return actor_country_codes(actors).get(actor_id, actor_id)


def plover_codings(events: pd.DataFrame, actors: pd.DataFrame, cameo: pd.DataFrame) -> pd.DataFrame:
    """The events as the GSR codes them: PLOVER category (empty if none), source and target codes."""
    category = dict(zip(cameo["cameo_code"], cameo["plover"]))
    codes = actor_country_codes(actors)
    return events.assign(
        category=events["cameo_code"].map(lambda code: category.get(code, "")),
        source_code=events["source_actor"].map(lambda actor: codes.get(actor, actor)),
        target_code=events["target_actor"].map(lambda actor: codes.get(actor, actor) if actor else ""))


def coding_fits_record(category: str, source: str, target: str, record) -> bool:
    """One coding against one record: category, source and (if the record has one) target agree."""
    return (bool(category) and category == record.category and source in record.sources
            and (not record.targets or target in record.targets))


def score_plover(records: pd.DataFrame, events: pd.DataFrame, actors: pd.DataFrame,
                 cameo: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(each record: found or not and what was coded; precision, recall, F1 overall and per category).

    `events` are the pipeline's events with `article_id` = record id; events of other articles
    are left out.
    """
    by_id = records.set_index("record_id", drop=False)
    coded = plover_codings(events[events["article_id"].isin(by_id.index)], actors, cameo)
    coded = coded.assign(right=[coding_fits_record(e.category, e.source_code, e.target_code, by_id.loc[e.article_id])
                                for e in coded.itertuples()])
    outcomes = pd.DataFrame([record_outcome(coded[coded["article_id"] == rid]) for rid in records["record_id"]],
                            columns=["found", "right_events", "coded_events", "coded"], index=records.index)
    per_record = pd.concat([records, outcomes], axis=1)
    return per_record, plover_summary(per_record, coded)


def record_outcome(coded: pd.DataFrame) -> dict:
    """One record's events: found (one of them is right), how many are right, what was coded."""
    return {"found": bool(coded["right"].any()), "right_events": int(coded["right"].sum()),
            "coded_events": len(coded), "coded": describe_codings(coded)}


def describe_codings(coded: pd.DataFrame) -> str:
    """What was coded from one record, e.g. 'ASSAULT 190 ERI_MIL→ETH (ERI→ETH)'."""
    return "; ".join(f"{e.category or NO_PLOVER_CATEGORY} {e.cameo_code} {e.source_actor}→{e.target_actor or '·'} "
                     f"({e.source_code}→{e.target_code or '·'})" for e in coded.itertuples())


def plover_summary(per_record: pd.DataFrame, coded: pd.DataFrame) -> pd.DataFrame:
    """One row for all records, then one per category (of the records or of the coded events)."""
    labelled = coded.assign(category=coded["category"].replace("", NO_PLOVER_CATEGORY))
    categories = sorted(set(per_record["category"]) | set(labelled["category"]))
    rows = [plover_scores("all", per_record, labelled)]
    rows += [plover_scores(c, per_record[per_record["category"] == c], labelled[labelled["category"] == c])
             for c in categories]
    return pd.DataFrame(rows)


def plover_scores(category: str, per_record: pd.DataFrame, coded: pd.DataFrame) -> dict:
    """Recall over records (found / gold), precision over events (right / coded)."""
    gold, found = len(per_record), int(per_record["found"].sum())
    system, right = len(coded), int(coded["right"].sum())
    precision = right / system if system else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"category": category, "gold": gold, "found": found, "system": system, "matched": right,
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
