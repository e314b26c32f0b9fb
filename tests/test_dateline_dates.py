"""The year of a dateline that has none ("ISLAMABAD, Jan 18 (APP) -"): from the manifest or a header
line, else from the weekday the lead gives that day, else from the dates in the text. Articles are
written into a temporary folder; weekdays checked with datetime: 18 January is a Wednesday in 2023,
a Thursday in 2024; 2 January a Monday in 2023, a Tuesday in 2024; 19 September a Monday in 2022, a
Tuesday in 2023."""
from helpers.ingest import read_corpus

LEAD = ("ISLAMABAD, Jan 18 (APP) - Pakistan carried out strikes on hideouts of militants inside Iran "
        "on Thursday, the foreign office said.")
# The only full date is half a year back: 18 January 2023 is nearer to it than 18 January 2024.
BACKGROUND = "The two countries signed a border trade agreement on June 30, 2023."


def read_one(tmp_path, text, manifest=""):
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    if manifest:
        (tmp_path / "manifest.csv").write_text(f"file,url,outlet,published\nstory.txt,,,{manifest}\n",
                                               encoding="utf-8")
    row = read_corpus(tmp_path).articles.iloc[0]
    return row["published"], row["date_source"], row["date_evidence"]


def test_the_weekday_of_the_lead_picks_the_dateline_s_year(tmp_path):
    published, source, evidence = read_one(tmp_path, f"{LEAD}\n\n{BACKGROUND}\n")
    assert (published, source) == ("2024-01-18", "dateline")
    assert evidence == "ISLAMABAD, Jan 18 (APP) - (year from 'Thursday' in the text: Thursday 18 January 2024)"


def test_without_a_weekday_the_year_is_the_one_nearest_the_text_s_dates(tmp_path):
    lead = LEAD.replace(" on Thursday", "")
    published, source, evidence = read_one(tmp_path, f"{lead}\n\n{BACKGROUND}\n")
    assert (published, source) == ("2023-01-18", "dateline")
    assert evidence == "ISLAMABAD, Jan 18 (APP) - (year from the dates in the text)"


def test_a_weekday_across_the_year_boundary(tmp_path):
    # nearest to 1 July 2023: 2 January 2023 (180 days) rather than 2 January 2024 (185 days)
    text = ("YEREVAN, Jan 2 (Reuters) - Armenia said on Tuesday that it had closed the crossing.\n\n"
            "The crossing reopened on July 1, 2023 after talks.\n")
    assert read_one(tmp_path, text)[:2] == ("2024-01-02", "dateline")


def test_the_yerevan_dateline_of_september(tmp_path):
    # the only full date is 12 December 2022: 19 September 2022 is nearer, but a Monday
    text = ("YEREVAN, Sept 19 (Reuters) - Azerbaijan launched what it called anti-terrorist operations "
            "in Nagorno-Karabakh on Tuesday.\n\n"
            "The Lachin corridor has been blocked since December 12, 2022.\n")
    assert read_one(tmp_path, text) == ("2023-09-19", "dateline", "YEREVAN, Sept 19 (Reuters) - (year from "
                                        "'Tuesday' in the text: Tuesday 19 September 2023)")


def test_a_weekday_that_fits_none_of_the_years_leaves_the_text_s_year(tmp_path):
    # 18 January is a Wednesday in 2023, a Thursday in 2024, a Saturday in 2025: none is a Monday
    lead = LEAD.replace("on Thursday", "on Monday")
    published, _, evidence = read_one(tmp_path, f"{lead}\n\n{BACKGROUND}\n")
    assert published == "2023-01-18"
    assert evidence.endswith("(year from the dates in the text)")


def test_a_manifest_date_gives_the_year_and_the_day(tmp_path):
    assert read_one(tmp_path, f"{LEAD}\n\n{BACKGROUND}\n", manifest="2024-01-19") == \
        ("2024-01-19", "manifest", "manifest.csv: 2024-01-19")


def test_a_header_line_gives_the_year_and_the_day(tmp_path):
    text = f"Published January 18, 2024\n\n{LEAD.replace(' on Thursday', '')}\n\n{BACKGROUND}\n"
    assert read_one(tmp_path, text) == ("2024-01-18", "header", "Published January 18, 2024")


def test_a_weekday_alone_does_not_fix_a_year(tmp_path):
    # 18 January is a Thursday in 2024, 2018, 2007, ...: with no dated text the date stays unknown
    published, source, evidence = read_one(tmp_path, f"{LEAD}\n")
    assert (published, source) == ("", "unknown")
    assert evidence == "dateline 'ISLAMABAD, Jan 18 (APP) -' has no year and the text names none"


def test_a_header_line_right_under_the_headline_gives_the_date_and_leaves_the_headline_alone(tmp_path):
    # no blank line between the headline and the header: without a weekday in the lead, the text's
    # only date (June 2023) would give the dateline the wrong year
    text = (f"Pakistan strikes militant hideouts in Iran\nPublished: 2024-01-18\n\n"
            f"{LEAD.replace(' on Thursday', '')}\n\n{BACKGROUND}\n")
    assert read_one(tmp_path, text) == ("2024-01-18", "header", "Published: 2024-01-18")
    corpus = read_corpus(tmp_path)
    assert corpus.articles["title"].iloc[0] == "Pakistan strikes militant hideouts in Iran"
    assert corpus.sentences["text"].iloc[0] == "Pakistan strikes militant hideouts in Iran"
    assert list(zip(corpus.set_aside["kind"], corpus.set_aside["text"])) == \
        [("header", "Published: 2024-01-18"), ("dateline", "ISLAMABAD, Jan 18 (APP) -")]


def test_an_agency_dateline_with_the_city_s_country_is_set_aside(tmp_path):
    # AP's style names the country after the city and no date: "CHISINAU, Moldova (AP) -"
    text = ("Moldova accuses Russia\nPublished: 2023-02-14\n\n"
            "CHISINAU, Moldova (AP) - Moldovan President Maia Sandu accused Russia on Monday of plotting "
            "a coup.\n")
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert list(zip(corpus.set_aside["kind"], corpus.set_aside["text"])) == \
        [("header", "Published: 2023-02-14"), ("dateline", "CHISINAU, Moldova (AP) -")]
    assert corpus.sentences["text"].iloc[1] == "Moldovan President Maia Sandu accused Russia on Monday of plotting a coup."
