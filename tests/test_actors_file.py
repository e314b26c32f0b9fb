"""A user's own actors for a new crisis: `--actors FILE` on extract and report, `actors_file` in the
notebooks. A good file teaches the coder names it did not know; a bad one stops the command before
any work, naming the file and the entry."""
from pathlib import Path

import pytest

from helpers.__main__ import main
from helpers.pipeline import extract_tables

ARTICLE = """ date 2025-06-10

The Sahel Liberation Front attacked an army post in Niger on Monday, the defence ministry said.

Niger's army said it had struck Sahel Liberation Front positions the following day.
"""

ACTORS = """actors:
  - id: SLF
    name: Sahel Liberation Front
    type: armed_group
    country: NER
    aliases: [Sahel Liberation Front, SLF]
"""


@pytest.fixture()
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "sahel.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "my_actors.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_without_the_file_the_group_is_unknown(articles):
    tables = extract_tables(articles).tables
    assert "SLF" not in set(tables["mentions"]["actor_id"])
    assert "Sahel Liberation Front" in set(tables["unresolved"]["name"])


def test_with_the_file_the_group_is_coded(articles, tmp_path):
    tables = extract_tables(articles, actor_files=[write(tmp_path, ACTORS)]).tables
    events = tables["events"]
    coded = set(zip(events["source_actor"], events["target_actor"].str[:3], events["cameo_code"].str[:2]))
    assert ("SLF", "NER", "18") in coded            # an armed group's attack: unconventional violence
    assert ("NER", "SLF", "19") in coded or ("NER_MIL", "SLF", "19") in coded


def test_extract_takes_the_file_on_the_command_line(articles, tmp_path):
    out = tmp_path / "tables"
    assert main(["extract", str(articles), "--out", str(out), "--actors", str(write(tmp_path, ACTORS))]) == 0
    assert "SLF" in (out / "mentions.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("text, message", [
    ("actors: [id: X", "not valid YAML"),
    ("people:\n  - id: X\n", "has no 'actors:' list"),
    ("actors:\n  - name: Nobody\n    type: person\n    aliases: [Nobody]\n", "entry 1"),
    ("actors:\n  - id: SLF\n    name: SLF\n    type: armed_group\n    parent: NO_SUCH_ACTOR\n    aliases: [SLF]\n",
     "actor SLF has parent 'NO_SUCH_ACTOR'"),
    ("actors:\n  - id: SLF\n    name: SLF\n    type: militia\n    aliases: [SLF]\n", "unknown type"),
])
def test_a_bad_file_stops_extract_before_any_work_naming_the_file(articles, tmp_path, capsys, text, message):
    path, out = write(tmp_path, text), tmp_path / "tables"
    assert main(["extract", str(articles), "--out", str(out), "--actors", str(path)]) == 2
    error = capsys.readouterr().err
    assert str(path) in error and message in error
    assert "reading" not in error and not out.exists()


def test_a_missing_file_is_named(articles, tmp_path, capsys):
    missing = tmp_path / "nowhere.yaml"
    assert main(["extract", str(articles), "--out", str(tmp_path / "tables"), "--actors", str(missing)]) == 2
    assert f"{missing}: actors file not found" in capsys.readouterr().err


def test_a_bad_file_stops_the_report_before_any_notebook(articles, tmp_path, capsys):
    path = write(tmp_path, "actors:\n  - name: Nobody\n")
    assert main(["report", str(articles), "--out", str(tmp_path / "report"), "--actors", str(path)]) == 2
    error = capsys.readouterr().err
    assert str(path) in error and "entry 1" in error
    assert not (tmp_path / "report").exists()


def test_actors_file_cannot_be_given_with_p(articles, tmp_path, capsys):
    assert main(["report", str(articles), "--out", str(tmp_path / "report"), "-p", "actors_file", "x.yaml"]) == 2
    assert "--actors" in capsys.readouterr().err
