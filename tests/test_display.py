"""Tables in the notebooks: a long one is cut to its first rows with a line saying so; a short one is
shown exactly as before."""
import pandas as pd
import pytest

from helpers.display import as_table, show_table, table_summary, with_note


def numbered(rows: int) -> pd.DataFrame:
    return pd.DataFrame({"incident_id": [f"i{n:03d}" for n in range(rows)], "n": range(rows),
                         "extra": ["x"] * rows}, index=range(100, 100 + rows))


def test_a_short_table_is_shown_as_before_with_nothing_said(capsys):
    shown = show_table(numbered(10), ["incident_id", "n"], first=50, saved_as="data/processed/events.csv")
    pd.testing.assert_frame_equal(shown, as_table(numbered(10), ["incident_id", "n"]))
    assert repr(shown) == repr(as_table(numbered(10), ["incident_id", "n"]))
    assert capsys.readouterr().out == ""


def test_a_table_of_exactly_the_limit_is_whole(capsys):
    assert len(show_table(numbered(50), first=50)) == 50 and capsys.readouterr().out == ""


def test_a_long_table_shows_its_first_rows_after_a_line_saying_where_the_rest_is(capsys):
    shown = show_table(numbered(120), ["incident_id", "n"], first=50, saved_as="data/processed/events.csv")
    assert capsys.readouterr().out == \
        "120 rows; the first 50 shown; the whole table is in data/processed/events.csv.\n"
    assert list(shown.index) == list(range(1, 51))                 # the same 1-based numbers as the whole table
    assert list(shown.columns) == ["incident_id", "n"]
    assert shown["incident_id"].iloc[-1] == "i049"


def test_a_long_table_no_file_holds_names_the_parameter_that_shows_more(capsys):
    show_table(numbered(1234), first=50)
    assert capsys.readouterr().out == "1,234 rows; the first 50 shown; the parameter table_rows shows more.\n"


def test_more_rows_than_pandas_shows_by_default_are_all_shown():
    with pd.option_context("display.max_rows", 200):
        shown = show_table(numbered(300), first=250)
        assert len(repr(shown).splitlines()) == 1 + 250       # the header and every row, none folded into "..."


@pytest.mark.parametrize("rows, first, expected", [
    (51, 50, "51 rows; the first 50 shown; the whole table is in out/x.csv."),
    (12345, 1000, "12,345 rows; the first 1,000 shown; the whole table is in out/x.csv."),
])
def test_summary_line(rows, first, expected):
    assert table_summary(rows, first, "out/x.csv") == expected


def test_a_title_gets_a_second_line_only_for_a_note():
    assert with_note("Who did what to whom", "") == "Who did what to whom"
    assert with_note("Who did what to whom", "+ 3 more actors") == "Who did what to whom\n+ 3 more actors"
