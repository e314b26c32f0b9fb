"""scripts/convert_geonames.py: which GeoNames cities become places of a state, on tables written
here in GeoNames' shape (the package itself is only needed to regenerate the file)."""
import importlib.util
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def load_converter():
    spec = importlib.util.spec_from_file_location("convert_geonames", ROOT / "scripts" / "convert_geonames.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


convert_geonames = load_converter()

COUNTRIES = {"IR": {"iso3": "IRN"}, "PK": {"iso3": "PAK"}, "IN": {"iso3": "IND"}, "FR": {"iso3": "FRA"},
             "PR": {"iso3": "PRI"}, "XK": {"iso3": "XKX"}}
STATES = {"IRN", "PAK", "IND", "FRA", "KOS"}


def city(name, country, population):
    return {"name": name, "countrycode": country, "population": population}


def converted(*cities):
    return convert_geonames.places({str(n): c for n, c in enumerate(cities)}, COUNTRIES, STATES)


def test_a_city_is_a_place_of_its_state():
    assert converted(city("Kerman", "IR", 537718)) == [("Kerman", "IRN", "city")]


def test_a_shared_name_goes_to_a_clearly_larger_city_only():
    # one of two towns of a name has five times the people of the other: the name is its
    assert converted(city("Riverton", "IN", 500000), city("Riverton", "PK", 100000)) == [
        ("Riverton", "IND", "city")]
    # less than three times (Hyderabad, India, and Hyderabad, Pakistan): the name names neither
    assert converted(city("Hyderabad", "IN", 3597816), city("Hyderabad", "PK", 1386330)) == []


def test_everyday_words_and_territories_are_left_out():
    assert converted(city("Nice", "FR", 342522), city("San Juan", "PR", 418140)) == []


def test_a_state_keeps_the_dictionaries_id_where_it_is_not_iso():
    assert converted(city("Pristina", "XK", 161751)) == [("Pristina", "KOS", "city")]


def test_the_committed_file_is_the_places_layer_under_the_curated_ones():
    places = pd.read_csv(ROOT / "data" / "geonames" / "places.csv", keep_default_na=False)
    assert list(places.columns) == ["place", "country", "kind"]
    assert not places["place"].str.lower().duplicated().any()
    found = dict(zip(places["place"], places["country"]))
    assert (found["Kerman"], found["Goma"], found["Kirkuk"]) == ("IRN", "COD", "IRQ")
