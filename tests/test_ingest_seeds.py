"""Ingestion of the two seed articles; expected values read off the articles by hand."""
from conftest import AL_JAZEERA, EFE, SEEDS


def article(corpus, article_id):
    return corpus.articles.set_index("article_id").loc[article_id]


def test_both_seeds_are_read_without_errors(seed_corpus):
    assert seed_corpus.errors == []
    assert sorted(seed_corpus.articles["article_id"]) == [AL_JAZEERA, EFE]


def test_publication_dates_and_how_they_were_found(seed_corpus):
    aj, efe = article(seed_corpus, AL_JAZEERA), article(seed_corpus, EFE)
    assert (aj["published"], aj["date_source"]) == ("2024-01-19", "manifest")
    assert (efe["published"], efe["date_source"]) == ("2024-01-19", "header")
    assert efe["date_evidence"] == "date 2024-01-19"


def test_outlets_come_from_the_source_line_and_the_agency_tag(seed_corpus):
    aj, efe = article(seed_corpus, AL_JAZEERA), article(seed_corpus, EFE)
    assert (aj["outlet"], aj["outlet_source"]) == ("Al Jazeera", "source_line")
    assert (efe["outlet"], efe["outlet_source"]) == ("EFE", "dateline")


def test_headline_is_the_title(seed_corpus):
    assert article(seed_corpus, AL_JAZEERA)["title"] == (
        "Pakistan to conduct national security review amid standoff with Iran")
    assert article(seed_corpus, EFE)["title"] == ""  # the EFE file has no headline


def test_sentence_counts(seed_corpus):
    # Al Jazeera: headline + standfirst + 12 one-sentence body paragraphs.
    # EFE: 12 body paragraphs of one sentence each (caption, dateline and sign-off set aside).
    assert article(seed_corpus, AL_JAZEERA)["n_sentences"] == 14
    assert article(seed_corpus, EFE)["n_sentences"] == 12


def test_captions_are_set_aside_with_their_credit(seed_corpus):
    captions = seed_corpus.set_aside.query("kind == 'caption'").set_index("article_id")
    assert captions.loc[AL_JAZEERA, "text"].endswith("on January 18, 2024 [Screengrab/Reuters]")
    assert captions.loc[EFE, "text"].endswith("18 January 2024. EFE-EPA/NADEEM KHAWAR")


def test_source_line_comment_form_dateline_and_signoff_are_set_aside(seed_corpus):
    kinds = seed_corpus.set_aside.groupby("article_id")["kind"].apply(set)
    assert {"caption", "source_line", "comment_form"} <= kinds[AL_JAZEERA]
    assert {"caption", "header", "dateline", "signoff"} <= kinds[EFE]
    dateline = seed_corpus.set_aside.query("kind == 'dateline'")["text"].tolist()
    assert dateline == ["Islamabad, Jan 19 (EFE).-"]


def test_no_boilerplate_reaches_the_sentences(seed_corpus):
    text = " ".join(seed_corpus.sentences["text"])
    for leaked in ("Screengrab", "SOURCE:", "Leave a Comment", "email address", "EFE-EPA", "(EFE).-"):
        assert leaked not in text
    efe = seed_corpus.sentences.query("article_id == @EFE")
    assert efe["text"].iloc[0].startswith("Pakistan on Friday convened")
    assert efe["text"].iloc[-1].endswith("government officials.")


def test_sentence_offsets_index_the_raw_file(seed_corpus):
    for row in seed_corpus.sentences.itertuples():
        raw = (SEEDS / f"{row.article_id}.txt").read_text(encoding="utf-8")
        assert raw[row.start:row.end] == row.text
