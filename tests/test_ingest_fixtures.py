"""Ingestion of articles written for the tests in shapes the seeds do not have: an HTML page with
menus, a comment form and a footer, wire stories with datelines, a text without any date, Latin-1
and BOM files, and a manifest. Every expected value was read off the fixture files by hand."""
import re
import subprocess
import sys
from html import unescape

import pandas as pd
import pytest

from conftest import FIXTURES, ROOT
from helpers.ingest import read_corpus

ARTICLES = FIXTURES / "ingest"
MANIFEST_ARTICLES = FIXTURES / "ingest_manifest"

# article_id: outlet, outlet_source, published, date_source, title, n_sentences (counted by hand;
# a headline is one sentence, as in the seeds).
EXPECTED = {
    "wire_story": ("Reuters", "dateline", "2025-02-11", "dateline",
                   "Afghan Taliban say Pakistani drones struck border district, killing eight", 11),
    "app_dateline": ("APP", "dateline", "2024-01-18", "header",
                     "Security tightened along Pak-Iran border in Balochistan", 9),
    "border_clash_page": ("Frontier Ledger", "html metadata", "2025-03-03", "header",
                          "Border guards exchange fire at Chaman crossing as trade grinds to a halt", 12),
    "no_date_statement": ("", "unknown", "", "unknown",
                          "Foreign ministry urges calm after border incident", 10),
    "latin1_story": ("", "unknown", "2024-02-04", "text",
                     "EU envoy Müller meets Iranian and Pakistani diplomats in Brussels", 8),
    "bom_story": ("", "unknown", "2024-01-22", "header",
                  "Iranian and Pakistani officials discuss border trade at Taftan", 7),
}

# How each fixture file is decoded, to check offsets against the file itself.
FILE_ENCODINGS = {"wire_story.txt": "utf-8", "app_dateline.txt": "utf-8", "border_clash_page.html": "utf-8",
                  "no_date_statement.txt": "utf-8", "latin1_story.txt": "latin-1", "bom_story.txt": "utf-8-sig"}


@pytest.fixture(scope="module")
def corpus():
    return read_corpus(ARTICLES)


@pytest.fixture(scope="module")
def manifest_corpus():
    return read_corpus(MANIFEST_ARTICLES)


def article(corpus, article_id):
    return corpus.articles.set_index("article_id").loc[article_id]


def set_aside_of(corpus, article_id):
    return corpus.set_aside.query("article_id == @article_id")


def sentences_of(corpus, article_id):
    return corpus.sentences.query("article_id == @article_id")


def raw_text(path):
    return path.read_bytes().decode(FILE_ENCODINGS[path.name])


def visible(raw_slice):
    """What a reader sees of a slice of an HTML file: tags dropped, entities read, spaces squashed.
    A slice holds one paragraph or less, so its tags are inline ones such as <a>, not word breaks."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]*>", "", raw_slice))).strip()


# --- metadata --------------------------------------------------------------------------------

def test_every_fixture_is_read_without_errors(corpus):
    assert corpus.errors == []
    assert sorted(corpus.articles["article_id"]) == sorted(EXPECTED)


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_outlet_date_headline_and_sentence_count(corpus, article_id):
    outlet, outlet_source, published, date_source, title, n_sentences = EXPECTED[article_id]
    row = article(corpus, article_id)
    assert (row["outlet"], row["outlet_source"]) == (outlet, outlet_source)
    assert (row["published"], row["date_source"]) == (published, date_source)
    assert row["title"] == title
    assert row["n_sentences"] == n_sentences == len(sentences_of(corpus, article_id))


@pytest.mark.parametrize("article_id, evidence", [
    # "KABUL, Feb 11 (Reuters) -" has no year; the caption and the text name 2025.
    ("wire_story", "KABUL, Feb 11 (Reuters) - (year from the dates in the text)"),
    # The header line comes before "QUETTA, Jan 18 (APP):" and wins; the agency still names the outlet.
    ("app_dateline", "Published January 18, 2024"),
    ("no_date_statement", "no manifest entry, header, dated dateline or explicit date"),
    # Only "4 February 2024" is written: the article appeared on that day or later.
    ("latin1_story", "latest date named in the text; published on or after it"),
])
def test_date_evidence_quotes_what_was_read(corpus, article_id, evidence):
    assert article(corpus, article_id)["date_evidence"] == evidence


# --- what is set aside -------------------------------------------------------------------------

def test_wire_story_caption_dateline_and_credit_are_set_aside(corpus):
    aside = set_aside_of(corpus, "wire_story")
    assert list(zip(aside["kind"], aside["text"])) == [
        ("caption", "An Afghan man stands near a damaged house in the Barmal district of Paktika province, "
                    "Afghanistan, February 10, 2025. REUTERS/Omar Haidari"),
        ("dateline", "KABUL, Feb 11 (Reuters) -"),
        ("credit", "(Reporting by Karim Noorzai in Kabul and Saleem Ahmed in Islamabad; "
                   "Editing by Helen Marsh)"),
    ]
    assert sentences_of(corpus, "wire_story")["text"].iloc[1].startswith("Pakistani drones struck")


def test_header_and_dateline_are_cut_off_the_text(corpus):
    app = set_aside_of(corpus, "app_dateline")
    assert list(zip(app["kind"], app["text"])) == [("header", "Published January 18, 2024"),
                                                    ("dateline", "QUETTA, Jan 18 (APP):")]
    assert sentences_of(corpus, "app_dateline")["text"].iloc[1].startswith(
        "The Balochistan government on Thursday")
    bom = set_aside_of(corpus, "bom_story")
    assert list(zip(bom["kind"], bom["text"])) == [("header", "date 2024-01-22")]


def test_html_page_chrome_is_set_aside_with_its_reason(corpus):
    aside = set_aside_of(corpus, "border_clash_page").set_index("text")
    menu = ["Home", "World", "Pakistan", "Afghanistan", "Region", "Business", "Opinion", "Search"]
    footer = ["News & Insights", "About us", "Contact us", "Privacy policy",
              "© 2025 Frontier Ledger. All rights reserved."]
    banner = ["We use cookies to personalise content and to analyse our traffic. Read our cookie policy.",
              "Accept all cookies"]
    related = ["Related stories", "Torkham reopens after week-long closure",
               "Fruit exporters count the cost of border shutdowns", "Opinion: a fence is not a trade policy"]
    for text in menu + footer + banner + related:
        assert aside.loc[text, "kind"] == "site_chrome", text
    assert aside.loc["World", "reason"] == "outside the page's main text (trafilatura)"
    assert aside.loc["About us", "reason"] == "matches site_chrome pattern: 'About us'"


def test_menu_item_that_the_article_also_says_is_not_a_sentence(corpus):
    # "Pakistan" is a menu item and a word of the article: occurring in the main text is not enough.
    sentences = sentences_of(corpus, "border_clash_page")["text"]
    assert "Pakistan" not in set(sentences)
    assert sentences.iloc[0] == EXPECTED["border_clash_page"][4]


def test_html_comment_form_is_set_aside(corpus):
    aside = set_aside_of(corpus, "border_clash_page").query("kind == 'comment_form'")
    assert list(aside["text"]) == [
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Comment *", "Name *", "Email *",
    ]
    assert all(reason.startswith("matches comment_form pattern") for reason in aside["reason"])


def test_captions_are_kept_as_their_own_kind(corpus):
    captions = corpus.set_aside.query("kind == 'caption'").set_index("article_id")
    assert captions.loc["border_clash_page", "text"] == (
        "Lorries wait in a queue at the Chaman border crossing on March 2, 2025, after the gate was shut.")
    assert captions.loc["border_clash_page", "reason"] == "inside the page's <figcaption>"
    assert captions.loc["wire_story", "reason"] == "matches caption pattern: 'REUTERS/Omar Haidari'"
    credit = set_aside_of(corpus, "border_clash_page").query("kind == 'credit'")
    assert list(credit["text"]) == ["Credit: Samira Qadri/Frontier Ledger"]


def test_nothing_set_aside_reaches_the_sentences(corpus):
    for article_id in EXPECTED:
        spans = sentences_of(corpus, article_id)[["start", "end"]].to_numpy()
        for row in set_aside_of(corpus, article_id).itertuples():
            overlapping = [(s, e) for s, e in spans if s < row.end and row.start < e]
            assert overlapping == [], f"{article_id}: set-aside '{row.text}' overlaps a sentence"
    text = " ".join(corpus.sentences["text"])
    for leaked in ("REUTERS/", "Reporting by", "(Reuters) -", "(APP):", "Published", "cookies",
                   "Leave a Reply", "email address", "Related stories", "All rights reserved", "Credit:"):
        assert leaked not in text


# --- offsets and encodings -----------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(FILE_ENCODINGS))
def test_offsets_slice_the_raw_file_back_to_the_text(corpus, name):
    path = ARTICLES / name
    raw = raw_text(path)
    rows = pd.concat([sentences_of(corpus, path.stem), set_aside_of(corpus, path.stem)])
    assert len(rows) > 0
    for row in rows.itertuples():
        found = raw[row.start:row.end]
        if path.suffix == ".html":
            assert visible(found) == row.text
        else:
            assert found == row.text


def test_html_sentence_offsets_cover_the_markup_as_written(corpus):
    sentence = sentences_of(corpus, "border_clash_page").query("text.str.startswith('He said')").iloc[0]
    raw = raw_text(ARTICLES / "border_clash_page.html")
    assert raw[sentence.start:sentence.end] == (
        "He said Pakistan&rsquo;s forces had responded &ldquo;in a measured way&rdquo; "
        "and that calm had returned by nightfall.")


def test_latin1_file_decodes_to_the_accented_names(corpus):
    assert (ARTICLES / "latin1_story.txt").read_bytes().count(b"M\xfcller") == 3  # Latin-1, not UTF-8
    row = article(corpus, "latin1_story")
    assert row["encoding"] in {"cp1252", "latin_1", "iso8859_15"}
    text = " ".join(sentences_of(corpus, "latin1_story")["text"])
    for name in ("Katrin Müller", "Ana Peña", "François Lefèvre", "café"):
        assert name in text


def test_bom_file_decodes_without_the_mark(corpus):
    assert (ARTICLES / "bom_story.txt").read_bytes().startswith(b"\xef\xbb\xbf")
    assert article(corpus, "bom_story")["encoding"] == "utf-8-sig"
    text = " ".join(sentences_of(corpus, "bom_story")["text"])
    assert "\ufeff" not in text and "Taftan–Mirjaveh" in text and "last week’s strikes" in text
    header = set_aside_of(corpus, "bom_story").iloc[0]
    assert (header["start"], header["end"]) == (1, 16)  # after the leading space; the mark is not counted


def test_quotes_open_the_sentence_they_belong_to(corpus):
    sentences = list(sentences_of(corpus, "border_clash_page")["text"])
    assert "“We have families on both sides,” said Haji Abdul Wali, a shopkeeper." in sentences
    assert "“Every closure hurts the poor first.”" in sentences


# --- manifest ---------------------------------------------------------------------------------

def test_manifest_wins_over_the_dateline(manifest_corpus):
    assert manifest_corpus.errors == []
    row = article(manifest_corpus, "reprinted_wire")
    assert (row["published"], row["date_source"]) == ("2024-01-18", "manifest")
    assert row["date_evidence"] == "manifest.csv: 2024-01-18"
    assert (row["outlet"], row["outlet_source"]) == ("Dawn", "manifest")
    dateline = set_aside_of(manifest_corpus, "reprinted_wire").query("kind == 'dateline'")
    assert list(dateline["text"]) == ["ISLAMABAD, Jan 17 (Reuters) -"]
    assert row["n_sentences"] == 5


def test_empty_manifest_cells_fall_back_to_the_text(manifest_corpus):
    # Listed without outlet or date: the dateline gives both, its year from "January 16, 2024".
    row = article(manifest_corpus, "irna_report")
    assert (row["published"], row["date_source"]) == ("2024-01-18", "dateline")
    assert (row["outlet"], row["outlet_source"]) == ("IRNA", "dateline")
    assert row["n_sentences"] == 3


# --- command line -------------------------------------------------------------------------------

def test_cli_extracts_the_fixture_folder(tmp_path):
    out = tmp_path / "tables"
    result = subprocess.run([sys.executable, "-m", "helpers", "extract", str(ARTICLES), "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    articles = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False).set_index("article_id")
    assert articles["published"].to_dict() == {key: value[2] for key, value in EXPECTED.items()}
    assert articles["date_source"].to_dict() == {key: value[3] for key, value in EXPECTED.items()}
    sentences = pd.read_csv(out / "sentences.csv")
    assert len(sentences) == sum(value[5] for value in EXPECTED.values())


def test_an_inline_time_element_stays_inside_its_paragraph(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><body><article><h1>Border crossing reopens</h1>"
        '<p class="byline">Published <time datetime="2024-01-22">January 22, 2024</time></p>'
        '<p>The Taftan crossing reopened on <time datetime="2024-01-21">Sunday</time> after talks '
        "between the two governments, customs officials said in a statement on Monday morning.</p>"
        "<p>Traders had waited at the border for almost a week while the two sides exchanged "
        "messages about the security of the road and the opening hours of the gate.</p>"
        "</article></body></html>", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    article = corpus.articles.iloc[0]
    assert (article["published"], article["date_source"]) == ("2024-01-22", "header")
    assert corpus.sentences["text"].iloc[1].startswith("The Taftan crossing reopened on Sunday after talks")
