"""Event dates from the words of a sentence, against a publication date (Friday 2024-01-19)."""
from datetime import date

import pandas as pd
import pytest

from helpers.dates import date_for_trigger, date_spans, last_single_day, resolve_dates

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


# Every common way of writing Thursday 18 January 2024, in an article published the day after.
@pytest.mark.parametrize("text, trigger", [
    ("The ministry said the strikes took place on 18/01/2024.", "strikes"),
    ("Iran struck the camps on January 18th.", "struck"),
    ("Pakistan recalled its envoy on 18 Jan.", "recalled"),
    ("Pakistan retaliated on Jan. 18, 2024, the army said.", "retaliated"),
    ("The foreign office statement of 2024-01-18 condemned the raid.", "condemned"),
    ("Pakistan struck militant hideouts on 18 January 2024.", "struck"),
    ("Tehran summoned the charge d'affaires on Thursday, January 18.", "summoned"),
])
def test_every_written_form_of_a_day(text, trigger):
    found = dated(text, trigger)
    assert (found["date"], found["date_basis"]) == ("2024-01-18", "stated")


def test_a_day_without_a_year_on_the_publication_day_is_that_day():
    assert dated("Pakistan convened the committee on January 19.", "convened")["date"] == "2024-01-19"
    # a day after publication is the previous year's: news reports the past
    assert dated("Pakistan convened the committee on January 20.", "convened")["date"] == "2023-01-20"


def test_a_numeric_date_is_read_only_when_its_order_is_not_in_doubt():
    assert dated("Iran struck the camps on 01/18/2024.", "struck")["date"] == "2024-01-18"
    # 5 January day-first, 1 May month-first: left unread, the event bounded by publication
    found = dated("Iran struck the camps on 05/01/2024.", "struck")
    assert (found["date"], found["date_latest"], found["date_basis"]) == ("", "2024-01-19", "publication")


def test_without_a_publication_date_only_a_date_with_its_year_is_dated():
    assert dated("Iran struck the camps on 18 January 2024.", "struck", published=None)["date"] == "2024-01-18"
    found = dated("Iran struck the camps on January 18th.", "struck", published=None)
    assert (found["date"], found["date_earliest"], found["date_latest"]) == ("", "", "")


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


# --- a day written with its weekday -----------------------------------------------------------------
# Weekdays checked with datetime: 2023-12-29 Friday, 2024-12-29 Sunday; 2023-10-07 Saturday,
# 2024-10-07 Monday, 2025-10-07 Tuesday; 2024-01-16 Tuesday; 2024-01-18 Thursday; 29 February was a
# Monday in 2016, a Saturday in 2020, a Thursday in 2024 (a Wednesday only in 2012).

@pytest.mark.parametrize("text, trigger, published, expected", [
    # year boundary: published Tuesday 2 January 2024; 29 December 2024 is a Sunday, 2023's a Friday
    ("Iran struck the camps on Friday, December 29.", "struck", date(2024, 1, 2), "2023-12-29"),
    ("Iran struck the camps on Tuesday 16 January.", "struck", FRIDAY, "2024-01-16"),
    # the weekday does not fit the publication year (2025) nor 2024: it is 2023's 7 October
    ("Hamas attacked Israel on Saturday, October 7.", "attacked", date(2025, 1, 20), "2023-10-07"),
    ("Hamas attacked Israel on Sat., Oct. 7.", "attacked", date(2025, 1, 20), "2023-10-07"),
    # an announced day two days after publication (Tuesday 16 January 2024) is that Thursday
    ("The ministers will meet on Thursday, January 18.", "meet", date(2024, 1, 16), "2024-01-18"),
    # with its year the weekday adds nothing
    ("Iran struck the camps on Friday, December 29, 2023.", "struck", FRIDAY, "2023-12-29"),
])
def test_a_weekday_dated_day_takes_the_latest_year_it_fits(text, trigger, published, expected):
    found = dated(text, trigger, published)
    assert (found["date"], found["date_basis"]) == (expected, "stated")


def test_a_weekday_that_fits_no_recent_year_is_ignored_and_said_so():
    # "Wednesday, February 29": no 29 February from 2014 to 2025 is a Wednesday (2012's was)
    text = "The envoys met on Wednesday, February 29."
    found = dated(text, "met", date(2025, 3, 10))
    assert (found["date"], found["date_basis"]) == ("2024-02-29", "stated")
    assert "weekday fits no year 2014–2025" in found["date_text"]


# --- relative dates anchored on the events told before ----------------------------------------------

def one_article(sentences, events, published="2024-01-19"):
    """events: (event_id, sentence_id, trigger, cameo_code[, source_actor]), the trigger found in its
    sentence's text."""
    sentence_rows = pd.DataFrame({"article_id": "a", "sentence_id": range(1, len(sentences) + 1),
                                  "paragraph": range(1, len(sentences) + 1), "text": sentences})
    event_rows = pd.DataFrame([{"event_id": event_id, "article_id": "a", "sentence_id": sid, "trigger": trigger,
                                "trigger_start": sentences[sid - 1].index(trigger),
                                "trigger_end": sentences[sid - 1].index(trigger) + len(trigger),
                                "cameo_code": code, "source_actor": source[0] if source else "", "target_actor": ""}
                               for event_id, sid, trigger, code, *source in events])
    articles = pd.DataFrame({"article_id": ["a"], "published": [published]})
    return resolve_dates(event_rows, sentence_rows, articles).set_index("event_id")


def dates_of(events, event_id):
    row = events.loc[event_id]
    return row["date"], row["date_earliest"], row["date_latest"], row["date_basis"]


def test_the_following_day_counts_from_the_previous_sentence_s_event():
    events = one_article(["Iranian missiles struck a village in Panjgur on Tuesday.",
                          "Pakistan recalled its ambassador from Tehran the following day."],
                         [("e1", 1, "struck", "195"), ("e2", 2, "recalled", "161")])
    assert dates_of(events, "e2") == ("2024-01-17", "2024-01-17", "2024-01-17", "relative")
    assert events.loc["e2", "date_text"] == '"the following day" (→ 2024-01-16 event e1)'


def test_the_next_day_crosses_the_year_from_a_day_the_sentence_before_names():
    # published Tuesday 2 January 2024; 31 December 2023 was a Sunday. The first sentence has no event.
    events = one_article(["The crisis began on Sunday, December 31.",
                          "The next day, Pakistan expelled Iran's ambassador."],
                         [("e1", 2, "expelled", "174")], published="2024-01-02")
    assert dates_of(events, "e1") == ("2024-01-01", "2024-01-01", "2024-01-01", "relative")
    assert events.loc["e1", "date_text"] == '"The next day" (→ 2023-12-31 "Sunday, December 31" (sentence 1))'


def test_two_days_earlier_counts_back_from_the_sentence_before():
    events = one_article(["Pakistan struck hideouts in Iran on Thursday.",
                          "Tehran had summoned Pakistan's envoy two days earlier."],
                         [("e1", 1, "struck", "195"), ("e2", 2, "summoned", "114")])
    assert dates_of(events, "e2") == ("2024-01-16", "2024-01-16", "2024-01-16", "relative")


def test_two_days_before_a_named_event_of_an_earlier_paragraph():
    # the strikes are told in the first paragraph; a call and an undated condemnation come between
    events = one_article(["Iran struck militant camps in Pakistan on Tuesday, January 16.",
                          "The two foreign ministers spoke by phone on Friday.",
                          "Pakistan's foreign ministry condemned the attack.",
                          "Iran had expelled two Pakistani diplomats two days before the strikes."],
                         [("e1", 1, "struck", "195"), ("e2", 2, "spoke", "041"),
                          ("e3", 3, "condemned the attack", "111"), ("e4", 4, "expelled", "174")])
    assert dates_of(events, "e4") == ("2024-01-14", "2024-01-14", "2024-01-14", "relative")
    assert events.loc["e4", "date_text"] == '"two days before the strikes" (→ 2024-01-16 event e1)'


def test_a_day_after_the_strikes_dated_in_another_sentence():
    events = one_article(["Iranian drones struck Panjgur on Tuesday.",
                          "Islamabad condemned the attack.",
                          "A day after the strikes, Pakistan recalled its ambassador."],
                         [("e1", 1, "struck", "195"), ("e2", 2, "condemned", "111"),
                          ("e3", 3, "recalled", "161")])
    assert dates_of(events, "e2") == ("", "", "2024-01-19", "publication")
    assert dates_of(events, "e3") == ("2024-01-17", "2024-01-17", "2024-01-17", "relative")
    assert events.loc["e3", "date_text"] == '"A day after the strikes" (→ 2024-01-16 event e1)'


def test_the_latest_matching_event_dated_to_the_day_is_the_anchor():
    # two strikes: Tuesday's by Iran, Thursday's by Pakistan; a later undated attack cannot anchor
    events = one_article(["Iran struck Panjgur on Tuesday.",
                          "Pakistan struck back on Thursday.",
                          "Militants attacked a border post.",
                          "A day after the attack, the UN urged restraint."],
                         [("e1", 1, "struck", "195"), ("e2", 2, "struck", "195"), ("e3", 3, "attacked", "180"),
                          ("e4", 4, "urged", "0256")])
    assert dates_of(events, "e4")[0] == "2024-01-19"
    assert events.loc["e4", "date_text"].endswith("(→ 2024-01-18 event e2)")


def test_two_days_after_the_expulsion_matches_the_expulsion_not_the_strike():
    events = one_article(["Pakistan expelled Iran's ambassador on Wednesday.",
                          "Pakistan struck hideouts in Iran on Thursday.",
                          "Two days after the ambassador was expelled, the envoys met in Ankara."],
                         [("e1", 1, "expelled", "174"), ("e2", 2, "struck", "195"), ("e3", 3, "met", "040")])
    assert dates_of(events, "e3")[0] == "2024-01-19"


def test_hours_after_is_the_day_the_phrase_names():
    events = one_article(["The UN urged restraint hours after Tuesday's attack."], [("e1", 1, "urged", "0256")])
    assert dates_of(events, "e1") == ("2024-01-16", "2024-01-16", "2024-01-16", "relative")
    assert events.loc["e1", "date_text"] == '"hours after Tuesday\'s attack" (→ 2024-01-16 "Tuesday\'s")'


def test_relations_within_one_sentence_each_date_their_own_event():
    # "appealed ... on Thursday ..., hours after Pakistani jets hit targets ... an Iranian strike ... two
    # days earlier": the appeal and the jets' strike on Thursday 18 January, Iran's strike on the 16th
    text = ("Afghanistan and China appealed to Iran and Pakistan on Thursday to show restraint, hours after "
            "Pakistani jets hit targets inside Iran in retaliation for an Iranian strike on Pakistani soil "
            "two days earlier.")
    events = one_article([text], [("e1", 1, "appealed", "0256"), ("e2", 1, "hit", "195"), ("e3", 1, "strike", "195")])
    assert [dates_of(events, e)[0] for e in ("e1", "e2", "e3")] == ["2024-01-18", "2024-01-18", "2024-01-16"]


def test_a_day_after_in_apposition_leaves_the_sentence_s_day_to_the_main_event():
    events = one_article(["Indian jets bombed Balakot on Tuesday.",
                          "On Wednesday, a day after the Balakot raid, Pakistan's air force struck targets."],
                         [("e1", 1, "bombed", "195"), ("e2", 2, "struck", "195")], published="2019-02-28")
    assert dates_of(events, "e2")[0] == "2019-02-27"


def test_the_event_inside_the_phrase_counts_back_from_the_event_its_clause_names():
    # "The attack came two days after the IRGC fired ...": the attack is Pakistan's strike of Thursday,
    # so the IRGC fired on Tuesday
    events = one_article(["Pakistani jets struck militant hideouts in Saravan on Thursday.",
                          "The attack came two days after the IRGC fired missiles at two strongholds."],
                         [("e1", 1, "struck", "195", "PAK"), ("e2", 2, "fired", "195", "IRN")])
    assert dates_of(events, "e2") == ("2024-01-16", "2024-01-16", "2024-01-16", "relative")
    assert events.loc["e2", "date_text"] == \
        '"two days after the IRGC fired missiles at two …" (→ 2024-01-18 event e1)'


def test_an_event_is_not_counted_from_an_earlier_report_of_itself():
    # the lead already told Pakistan's strikes of Thursday; "two days after Iran's strikes" counts
    # from Iran's of Tuesday, not from that report of the same act
    events = one_article(["Iranian missiles hit Panjgur on Tuesday.",
                          "Pakistan carried out strikes inside Iran on Thursday.",
                          "Pakistan struck back two days after Iran's strikes, officials said."],
                         [("e1", 1, "hit", "195", "IRN"), ("e2", 2, "carried out strikes", "195", "PAK"),
                          ("e3", 3, "struck", "195", "PAK")])
    assert dates_of(events, "e3")[0] == "2024-01-18"
    assert events.loc["e3", "date_text"] == '"two days after Iran\'s strikes" (→ 2024-01-16 event e1)'


def test_in_response_to_a_dated_attack_bounds_the_response_from_its_day():
    # data/gold/CODING.md: "In response to the attack" of Tuesday -> date_earliest 2024-01-16
    events = one_article(["Iran struck Panjgur on Tuesday.",
                          "In response to the attack, Pakistan recalled its ambassador."],
                         [("e1", 1, "struck", "195"), ("e2", 2, "recalled", "161")])
    assert dates_of(events, "e2") == ("", "2024-01-16", "2024-01-19", "relative")


def test_nothing_to_count_from_leaves_the_date_as_it_was():
    # no earlier talks or ceasefire; no event or day before the first sentence
    events = one_article(["The next day, Pakistan closed the border.",
                          "Iran struck Panjgur on Tuesday.",
                          "A day after the ceasefire talks collapsed, Pakistan recalled its ambassador."],
                         [("e1", 1, "closed", "191"), ("e2", 2, "struck", "195"), ("e3", 3, "recalled", "161")])
    assert dates_of(events, "e1") == ("", "", "2024-01-19", "publication")
    assert dates_of(events, "e3") == ("", "", "2024-01-19", "publication")
    # and without a publication date, unknown
    events = one_article(["A day after the strikes, Pakistan recalled its ambassador."],
                         [("e1", 1, "recalled", "161")], published="")
    assert dates_of(events, "e1") == ("", "", "", "unknown")


def test_without_a_publication_date_a_weekday_dated_day_takes_the_article_s_latest_year():
    # 18 January is a Thursday in 2024 (the year the article states) and in 2018
    sentences = ["The strikes of January 16, 2024 killed two children.",
                 "Pakistan retaliated on Thursday, January 18."]
    events = one_article(sentences, [("e1", 2, "retaliated", "195")], published="")
    assert dates_of(events, "e1") == ("2024-01-18", "2024-01-18", "2024-01-18", "stated")
    events = one_article(sentences[1:], [("e1", 1, "retaliated", "195")], published="")
    assert dates_of(events, "e1") == ("", "", "", "unknown")


def test_events_are_dated_in_text_order_whatever_the_table_s_order():
    events = one_article(["Iranian missiles struck a village in Panjgur on Tuesday.",
                          "Pakistan recalled its ambassador from Tehran the following day."],
                         [("e2", 2, "recalled", "161"), ("e1", 1, "struck", "195")])
    assert dates_of(events, "e2")[0] == "2024-01-17"
