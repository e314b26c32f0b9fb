"""The Phoenix converter and the layered actor dictionary."""
import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.actor_dictionary import DictionaryError, load_actor_dictionary, load_agents, load_places
from helpers.actors import active_on, find_mentions
from helpers.project import PROJECT_ROOT


def load_converter():
    spec = importlib.util.spec_from_file_location("convert_phoenix", PROJECT_ROOT / "scripts" / "convert_phoenix.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_phoenix"] = module          # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


cp = load_converter()

COUNTRIES = """\
# a comment
PAKISTAN_  [PAK]
+PAKISTANI_
+PAKSTAN_
+PAQUISTAO_
+ISLAMABAD_
+KARACHI_
+NORTH_WAZIRISTAN
INTER-SERVICES_INTELLIGENCE
+ISI
	[PAKSPY]
NAWAZ_SHARIF  # CountryInfo.txt
+PRIME_MINISTER_SHARIF
	[PAKELI 670101-901106]
	[PAKGOV 901106-930418]
	[PAKGOV >20130605]
	[PAKELI]
AGHA_KHAN_
	[PAKELI 350101-690325]
GERMAN_DEMOCRATIC_REPUBLIC [DDR]
+EAST_GERMANY
	[DDR 19491007-19901003]
# cities that became DEU after reunification: listed before Germany's own record
LEIPZIG_
+DRESDEN_
	[DDR 491007-901003]
	[DEU >19901003]
GERMANY_  [DEU]
+GERMAN_
+FEDERAL_REPUBLIC_OF_GERMANY_
+BERLIN_
"""
INTERNATIONAL = """\
UNITED_NATIONS_ [IGOUNO]
UN_ [IGOUNO]
INTERNATIONAL_ATOMIC_ENERGY_AGENCY_\t[IGOUNOIAE]
IAEA_\t[IGOUNOIAE]
KOFI_ANNAN_\t[IGOUNO 970101-061231]
ACME_CORPORATION_ [MNCUSA]
"""
MILNONSTATE = """\
BALOCH_LIBERATION_ARMY_ [PAKREB] #  kkl 21 Mar 13
+BALUCHISTAN_LIBERATION_ARMY_
HIZBUL_MUJAHIDEEN_(HM)_ [SASREB] #  kkl 21 Mar 13
"""
AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
FOREIGN_!MINIST! [~GOV]
CONGRESS!PERSON! [~LEG]
THIEF {THIEVES} [~CRM]
POLICE {} [~COP]
REBEL [~REB]
ATTORNEY [~JUD]
HUMAN_RIGHTS_BODY  [NGO~]
ISLAMIC_EXTREMIST
"""


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    folder = tmp_path_factory.mktemp("petrarch2")
    for name, text in [(cp.COUNTRIES, COUNTRIES), (cp.INTERNATIONAL, INTERNATIONAL),
                       (cp.MILNONSTATE, MILNONSTATE), (cp.AGENTS, AGENTS)]:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def converted(reference):
    capitals = {"PAK": [("Islamabad", "capital")]}
    conversion = cp.convert(reference, capitals, as_of="2014-01-30")
    return {actor["id"]: actor for actor in conversion.actors}, conversion


# --- the converter ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, iso", [("901106", "1990-11-06"), ("300101", "2030-01-01"),
                                       ("310101", "1931-01-01"), ("20130605", "2013-06-05"),
                                       ("9008223", "1990-08-22")])
def test_phoenix_dates_follow_petrarch(text, iso):
    assert cp.phoenix_date(text) == iso


def test_restrictions():
    assert cp.parse_restriction("PAKGOV 901106-930418") == cp.Restriction("PAKGOV", "1990-11-06", "1993-04-18", True)
    assert cp.parse_restriction("PAKGOV >20130605", "2014-01-30") == cp.Restriction("PAKGOV", "2013-06-05", "2014-01-30", True)
    assert cp.parse_restriction("USRARM <900823") == cp.Restriction("USRARM", "", "1990-08-23", True)
    assert cp.parse_restriction("PAKSPY") == cp.Restriction("PAKSPY")


def test_state_names_capital_demonym_and_places(converted):
    actors, conversion = converted
    pakistan = actors["PAK"]
    assert pakistan["name"] == "Pakistan"
    assert pakistan["aliases"] == ["Pakistan", "Pakstan", "Islamabad"]     # Paquistao: a foreign form
    assert pakistan["demonyms"] == ["Pakistani"]
    places = {(p["place"], p["country"], p["kind"]) for p in conversion.places}
    assert places == {("Karachi", "PAK", "place"), ("North Waziristan", "PAK", "place"),
                      ("Leipzig", "DEU", "place"), ("Dresden", "DEU", "place"), ("Berlin", "DEU", "place")}


def test_capitals_and_metonyms_phoenix_lacks_are_added_unless_another_actor_or_a_word(reference):
    capitals = {"PAK": [("Islamabad", "capital"), ("Aiwan-e-Sadr", "metonym"), ("IAEA", "metonym"),
                        ("Malé", "capital")]}
    actors = {actor["id"]: actor for actor in cp.convert(reference, capitals, as_of="2014-01-30").actors}
    assert actors["PAK"]["aliases"] == ["Pakistan", "Pakstan", "Islamabad", "Aiwan-e-Sadr"]
    assert "IAEA" in actors["IAEA"]["aliases"]


def test_a_state_is_named_by_its_own_record_not_by_what_joined_it(converted):
    actors, _ = converted
    assert actors["DEU"]["name"] == "Germany"
    assert actors["DEU"]["aliases"] == ["Germany", "Federal Republic of Germany"]   # no capital given here
    assert actors["DEU"]["demonyms"] == ["German"]


def test_of_two_acronyms_as_short_a_body_is_named_by_the_one_listed_first():
    # the id must not depend on the order of a set, which changes from one run to the next
    assert cp.short_name(["FEDERAL_BUREAU_OF_INVESTIGATION", "FBI", "DRUG_ENFORCEMENT_AGENCY", "DEA"]) == "FBI"
    assert cp.short_name(["DRUG_ENFORCEMENT_AGENCY", "DEA", "FEDERAL_BUREAU_OF_INVESTIGATION", "FBI"]) == "DEA"


def test_state_body_rolls_up_to_its_state(converted):
    actors, _ = converted
    isi = actors["PAK_ISI"]
    assert (isi["name"], isi["type"], isi["country"], isi["parent"], isi["aliases"]) == \
        ("Inter-Services Intelligence", "military", "PAK", "PAK", ["Inter-Services Intelligence", "ISI"])


def test_person_keeps_dated_offices_only(converted):
    actors, _ = converted
    sharif = actors["NAWAZ_SHARIF"]
    assert (sharif["type"], sharif["country"], sharif["parent"]) == ("person", "PAK", "PAK_GOV")
    assert sharif["aliases"] == ["Nawaz Sharif", "Prime Minister Sharif"]
    assert sharif["terms"] == [{"valid_from": "1990-11-06", "valid_until": "1993-04-18"},
                               {"valid_from": "2013-06-05", "valid_until": "2014-01-30"}]
    assert "AGHA_KHAN" not in actors                      # elite only, never in office


def test_organisations_and_armed_groups(converted):
    actors, _ = converted
    assert (actors["UN"]["type"], actors["UN"]["aliases"]) == ("igo", ["United Nations", "UN"])
    assert (actors["IAEA"]["parent"], actors["IAEA"]["aliases"]) == ("UN", ["International Atomic Energy Agency", "IAEA"])
    assert not any("Annan" in a["name"] or "Acme" in a["name"] for a in actors.values())
    bla = actors["BALOCH_LIBERATION_ARMY"]
    assert (bla["type"], bla["country"], bla["aliases"]) == \
        ("armed_group", "PAK", ["Baloch Liberation Army", "Baluchistan Liberation Army"])
    hm = actors["HIZBUL_MUJAHIDEEN"]
    assert (hm["country"], hm["aliases"]) == ("", ["Hizbul Mujahideen"])   # SAS: a region, not a state


def test_agents_expand_substitutions_and_plurals(reference):
    agents = {row["noun"]: row for row in cp.read_agents(reference / cp.AGENTS)}
    assert {"foreign minister", "foreign ministers", "foreign ministry", "foreign ministries"} <= set(agents)
    assert agents["foreign ministry"] == {"noun": "foreign ministry", "plural": "", "code": "GOV", "suffix": "GOV",
                                          "type": "government", "position": "after"}
    assert agents["congresswoman"]["type"] == "government" and agents["congresswoman"]["suffix"] == "LEG"
    assert agents["thief"]["plural"] == "thieves"             # irregular plural
    assert agents["police"]["plural"] == ""                   # {}: no plural
    assert agents["rebel"]["plural"] == "rebels" and agents["rebel"]["type"] == "armed_group"
    assert agents["attorney"]["plural"] == "attorneys"
    assert agents["human rights body"]["position"] == "before"
    assert "islamic extremist" not in agents                   # no code: skipped, as PETRARCH does


def test_written_files_are_readable_by_the_loader(reference, converted, tmp_path):
    _, conversion = converted
    cp.write_outputs(conversion, cp.read_agents(reference / cp.AGENTS), tmp_path / "phoenix")
    (tmp_path / "actors.yaml").write_text(   # people hang from their state's government
        "roles:\n  - {suffix: GOV, name: government, type: government, aliases: [government]}\nactors: []\n")
    (tmp_path / "places.csv").write_text("place,country,kind\nKarachi,PAK,city\n")
    table = load_actor_dictionary(tmp_path)
    assert {"PAK", "PAK_ISI", "NAWAZ_SHARIF", "UN", "IAEA"} <= set(table["actor_id"])
    assert "foreign minister" in set(load_agents(tmp_path)["noun"])
    places = load_places(tmp_path)
    assert places[places["country"] == "PAK"].values.tolist() == [["Karachi", "PAK", "city"],
                                                                   ["North Waziristan", "PAK", "place"]]


# --- layers -----------------------------------------------------------------------------------

PHOENIX_LAYER = """\
actors:
  - {id: PAK, name: Pakistan, type: state, cameo: PAK, aliases: [Pakistan, Islamabad], demonyms: [Pakistani]}
  - {id: ARM, name: Armenia, type: state, cameo: ARM, aliases: [Armenia, Yerevan], demonyms: [Armenian]}
  - {id: UNITED_NATIONS, name: United Nations, type: igo, cameo: IGOUNO, aliases: [United Nations, UN Security Council]}
  - {id: OLD_PM, name: Old Premier, type: person, country: PAK, parent: PAK_GOV,
     aliases: [Old Premier, Premier Old], terms: [{valid_from: 2001-01-01, valid_until: 2003-12-31}]}
"""
CURATED_LAYER = """\
roles:
  - {suffix: GOV, name: government, type: government, aliases: [government]}
actors:
  - {id: PAK, name: Pakistan, type: state, cameo: PAK, aliases: [Pakistan, Islamic Republic of Pakistan]}
  - {id: UN, name: United Nations, type: igo, cameo: IGOUNO, aliases: [United Nations, UN]}
"""
HOLDERS = """\
actors:
  - {id: NEW_PM, name: New Premier, type: person, country: PAK, parent: PAK_GOV, aliases: [New Premier],
     terms: [{valid_from: 2010-01-01, valid_until: 2012-12-31}, {valid_from: 2020-01-01}]}
"""


@pytest.fixture
def layered(tmp_path):
    (tmp_path / "phoenix").mkdir()
    (tmp_path / "phoenix" / "actors.yaml").write_text(PHOENIX_LAYER)
    (tmp_path / "actors.yaml").write_text(CURATED_LAYER)
    (tmp_path / "office_holders.yaml").write_text(HOLDERS)
    return tmp_path


def by_id(table):
    return table.set_index("actor_id")


def test_curated_layer_replaces_and_claims_names(layered):
    table = by_id(load_actor_dictionary(layered))
    assert table.loc["PAK", "aliases"].split("|")[:2] == ["Pakistan", "Islamic Republic of Pakistan"]
    assert "Islamabad" not in table.loc["PAK", "aliases"]         # replaced whole, not merged
    assert table.loc["UNITED_NATIONS", "aliases"] == "UN Security Council"   # "United Nations" claimed
    assert table.loc["UN", "aliases"] == "United Nations|UN"


def test_roles_write_aliases_for_curated_states_only(layered):
    table = by_id(load_actor_dictionary(layered))
    assert "Pakistan's government" in table.loc["PAK_GOV", "aliases"].split("|")
    assert (table.loc["ARM_GOV", "name"], table.loc["ARM_GOV", "parent"], table.loc["ARM_GOV", "aliases"]) == \
        ("Armenia government", "ARM", "")


def test_extra_file_overrides_both_layers(layered, tmp_path_factory):
    extra = tmp_path_factory.mktemp("user") / "my_actors.yaml"
    extra.write_text("actors:\n"
                     "  - {id: UN, name: UN (mine), type: igo, aliases: [U.N.]}\n"
                     "  - {id: MY_GROUP, name: My Group, type: armed_group, country: ARM, aliases: [Old Premier]}\n")
    table = by_id(load_actor_dictionary(layered, extra_files=[extra]))
    assert table.loc["UN", "name"] == "UN (mine)"
    assert table.loc["OLD_PM", "aliases"] == "Premier Old"
    assert table.loc["MY_GROUP", "country"] == "ARM"


def test_terms_are_written_and_bound_the_dates(layered):
    table = by_id(load_actor_dictionary(layered))
    assert table.loc["NEW_PM", "terms"] == "2010-01-01/2012-12-31|2020-01-01/"
    assert (table.loc["NEW_PM", "valid_from"], table.loc["NEW_PM", "valid_until"]) == ("2010-01-01", "")


def test_a_person_is_active_only_inside_a_term(layered):
    table = load_actor_dictionary(layered)
    assert "NEW_PM" in active_on(table, "2011-06-01")
    assert "NEW_PM" not in active_on(table, "2015-06-01")          # between two terms
    assert "NEW_PM" in active_on(table, "2024-01-19")
    assert "OLD_PM" not in active_on(table, "2024-01-19")
    sentences = pd.DataFrame([{"article_id": "a", "sentence_id": 1, "paragraph": 1, "start": 0, "end": 24,
                               "text": "New Premier spoke today."}])
    for day, expected in [("2011-06-01", ["NEW_PM"]), ("2015-06-01", [])]:
        found = find_mentions(sentences, table, pd.DataFrame([{"article_id": "a", "published": day}]))
        assert found["actor_id"].tolist() == expected


# --- errors name the file and the entry -------------------------------------------------------

@pytest.mark.parametrize("layer, text, message", [
    ("actors.yaml", "actors: [\n", "not valid YAML"),
    ("actors.yaml", "actors:\n  - {name: X, type: state, aliases: [X]}\n", "entry 1 has no 'id'"),
    ("actors.yaml", "actors:\n  - {id: A, name: A, type: state, aliases: [A]}\n  - {id: X, type: state, aliases: [X]}\n",
     "actor X has no 'name'"),
    ("actors.yaml", "actors:\n  - {id: X, name: X, aliases: [X]}\n", "actor X has no 'type'"),
    ("actors.yaml", "actors:\n  - {id: X, name: X, type: rebel, aliases: [X]}\n", "actor X has unknown type 'rebel'"),
    ("actors.yaml", "actors:\n  - {id: X, name: X, type: person, country: NOWHERE, aliases: [X]}\n",
     "actor X has country 'NOWHERE', which is not an actor id"),
    ("office_holders.yaml", "actors:\n  - {id: X, name: X, type: person, parent: NOBODY, aliases: [X]}\n",
     "actor X has parent 'NOBODY', which is not an actor id"),
    ("office_holders.yaml", "actors:\n  - {id: UN, name: UN, type: igo, aliases: [UN]}\n", "actor id(s) defined twice: UN"),
    ("phoenix/actors.yaml", "actors:\n  - {id: Y, name: Y, type: militia, aliases: [Y]}\n", "actor Y has unknown type 'militia'"),
    ("extra.yaml", "- {id: Z, name: Z, type: state, aliases: [Z]}\n", "has no 'actors:' list"),
])
def test_errors_name_the_file_and_the_entry(layered, layer, text, message):
    path = layered / layer
    path.write_text(text)
    extra = [path] if layer == "extra.yaml" else []
    with pytest.raises(DictionaryError) as error:
        load_actor_dictionary(layered, extra_files=extra)
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_missing_extra_file_is_named(layered):
    missing = layered / "nowhere.yaml"
    with pytest.raises(DictionaryError, match="nowhere.yaml: actors file not found"):
        load_actor_dictionary(layered, extra_files=[missing])


# --- the project's own dictionary ----------------------------------------------------------------

@pytest.fixture(scope="module")
def project_actors():
    return load_actor_dictionary()


def test_project_dictionary_layers(project_actors):
    table = by_id(project_actors)
    assert table.loc["PAK", "aliases"].startswith("Pakistan|Islamic Republic of Pakistan|Islamabad")   # curated
    assert table.loc["ARM", "type"] == "state" and "Yerevan" in table.loc["ARM", "aliases"].split("|")  # Phoenix
    assert table.loc["ARM_MFA", "aliases"] == ""
    assert table.loc["SHEHBAZ_SHARIF", "terms"] == "2022-04-11/2023-08-14|2024-03-04/"
    assert (project_actors["aliases"].str.split("|").explode().str.lower() == "united nations").sum() == 1


def test_office_holders_are_coded_in_office_only(project_actors):
    text = "Nawaz Sharif met Shehbaz Sharif."
    sentences = pd.DataFrame([{"article_id": "a", "sentence_id": 1, "paragraph": 1, "start": 0,
                               "end": len(text), "text": text}])
    def coded(day):
        articles = pd.DataFrame([{"article_id": "a", "published": day}])
        return find_mentions(sentences, project_actors, articles)["actor_id"].tolist()
    assert coded("2016-03-01") == ["NAWAZ_SHARIF"]
    assert coded("2024-01-19") == []
    assert coded("2024-06-01") == ["SHEHBAZ_SHARIF"]


def test_names_are_found_without_their_accents_and_by_the_demonyms_phoenix_lacks(project_actors):
    text = "Kyrgyz and Tajik troops clashed, Lomé said."
    sentences = pd.DataFrame([{"article_id": "a", "sentence_id": 1, "paragraph": 1, "start": 0,
                               "end": len(text), "text": text}])
    articles = pd.DataFrame([{"article_id": "a", "published": "2024-05-08"}])
    mentions = find_mentions(sentences, project_actors, articles)
    assert list(zip(mentions["surface"], mentions["actor_id"])) == [("Kyrgyz", "KGZ"), ("Tajik", "TJK"), ("Lomé", "TGO")]
