"""Event dates from the words of a sentence, against a publication date (Friday 2024-01-19)."""
from datetime import date

import pytest

from helpers.dates import date_for_trigger, date_spans, last_single_day

FRIDAY = date(2024, 1, 19)


def dated(text, trigger, published=FRIDAY):
    return date_for_trigger(date_spans(text, published), text.index(trigger), published, text)


@pytest.mark.parametrize("text, trigger, expected", [
    ("Tehran struck the camps on Tuesday.", "struck", "2024-01-16"),
    ("Pakistan convened the committee on Friday.", "convened", "2024-01-19"),   # same weekday: that day
    ("Pakistan convened the committee last Friday.", "convened", "2024-01-12"),
    ("The ministry summoned the envoy yesterday.", "summoned", "2024-01-18"),
    ("The strikes on 16 January killed two.", "strikes", "2024-01-16"),
    ("The raid on Jan. 16 was condemned.", "raid", "2024-01-16"),
    ("Hamas attacked Israel on October 7.", "attacked", "2023-10-07"),
    ("They met on January 18, 2024 in Davos.", "met", "2024-01-18"),
])
def test_single_day(text, trigger, expected):
    found = dated(text, trigger)
    assert (found["date"], found["date_earliest"], found["date_latest"]) == (expected, expected, expected)


def test_a_day_after_counts_back_from_the_anchor():
    text = "He called the meeting on Friday, a day after the army launched strikes."
    assert dated(text, "strikes")["date"] == "2024-01-18"
    assert dated(text, "called")["date"] == "2024-01-19"


def test_month_gives_an_interval_in_the_most_recent_past():
    found = dated("The group attacked police in December.", "attacked")
    assert (found["date"], found["date_earliest"], found["date_latest"], found["date_basis"]) == \
        ("", "2023-12-01", "2023-12-31", "stated")


def test_last_week_is_the_week_before_the_publication_week():
    found = dated("Iran threatened Pakistan last week.", "threatened")
    assert (found["date_earliest"], found["date_latest"]) == ("2024-01-08", "2024-01-14")


def test_no_date_words_bounds_the_event_by_publication():
    found = dated("Tehran condemned the attack.", "condemned")
    assert (found["date"], found["date_earliest"], found["date_latest"], found["date_basis"]) == \
        ("", "", "2024-01-19", "publication")


def test_vague_past_is_unknown():
    found = dated("In the past, both accused each other.", "accused")
    assert (found["date"], found["date_latest"], found["date_basis"]) == ("", "", "unknown")


def test_weekday_without_a_publication_date_is_unknown():
    found = dated("Tehran struck the camps on Tuesday.", "struck", published=None)
    assert (found["date"], found["date_basis"]) == ("", "unknown")


def test_an_event_after_following_came_before_the_clause_s_date():
    text = "Pakistan convened the committee on Friday following cross-border strikes."
    found = dated(text, "strikes")
    assert (found["date"], found["date_earliest"], found["date_latest"]) == ("", "", "2024-01-19")
    assert dated(text, "convened")["date"] == "2024-01-19"


def test_a_day_after_does_not_reach_past_the_comma_that_closes_its_phrase():
    text = "On Thursday, a day after the raid, Iran struck the camps."
    assert dated(text, "struck")["date"] == "2024-01-18"


def test_a_relation_without_an_anchor_counts_from_the_sentence_before():
    previous = date_spans("The crisis began on Jan. 16, when Iran fired missiles.", FRIDAY)
    text = "Pakistan retaliated two days later with strikes."
    found = date_for_trigger(date_spans(text, FRIDAY), text.index("strikes"), FRIDAY, text, last_single_day(previous))
    assert (found["date"], found["date_basis"]) == ("2024-01-18", "relative")
    # with no day in the sentence before, the relation says nothing: bounded by publication
    found = date_for_trigger(date_spans(text, FRIDAY), text.index("strikes"), FRIDAY, text, None)
    assert (found["date"], found["date_basis"]) == ("", "publication")
