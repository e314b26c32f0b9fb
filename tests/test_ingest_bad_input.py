"""Bad input: every problem is named with its file, good files still go through."""
import codecs
import errno
import os
import re
from pathlib import Path

import pytest

from helpers.__main__ import main
from helpers.ingest import MAX_FILE_BYTES, ArticleError, read_corpus

GOOD = "Tehran said on Monday that its forces had struck two camps.\n\nThe ministry gave no figures.\n"


def write(folder, name, content):
    path = folder / name
    (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    return path


def test_missing_folder(tmp_path):
    with pytest.raises(ArticleError, match="nowhere: articles folder not found"):
        read_corpus(tmp_path / "nowhere")


def test_empty_folder(tmp_path):
    with pytest.raises(ArticleError, match=r"no article files \(.txt, .html, .htm\) \(the folder is empty\)"):
        read_corpus(tmp_path)


def test_folder_without_articles_names_what_it_found(tmp_path):
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    with pytest.raises(ArticleError, match="found only: notes.pdf"):
        read_corpus(tmp_path)


@pytest.mark.parametrize("name, content, problem", [
    ("empty.txt", b"", "empty.txt: empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary.txt: binary file (contains NUL bytes)"),
    ("garbled.txt", bytes(range(0x80, 0x100)) * 40 + b"\x01\x02\x03\x04\x05\x06" * 50,
     "garbled.txt: undecodable bytes: not UTF-8"),
    ("only_chrome.txt", b"Leave a Comment\n\nYour email address will not be published.\n",
     "only_chrome.txt: no article text"),
    ("cut_utf16.txt", codecs.BOM_UTF16_LE + "Tehran".encode("utf-16-le") + b"!",
     "cut_utf16.txt: undecodable bytes: the byte-order mark says UTF-16-LE, but the bytes at offset 14 "
     "are not (truncated data)"),
    ("bad_utf8_bom.txt", codecs.BOM_UTF8 + b"Tehran \xff said",
     "bad_utf8_bom.txt: undecodable bytes: the byte-order mark says UTF-8, but the bytes at offset 10 "
     "are not (invalid start byte)"),
])
def test_bad_file_is_reported_and_good_file_still_read(tmp_path, name, content, problem):
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, name, content)
    corpus = read_corpus(tmp_path)
    assert list(corpus.articles["article_id"]) == ["good"]
    assert len(corpus.errors) == 1 and problem in corpus.errors[0]


def test_file_over_the_size_limit(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "huge.txt", b"word " * (50 * 2**20 // 5))
    corpus = read_corpus(tmp_path)
    assert corpus.errors == [f"{tmp_path / 'huge.txt'}: file too large (50.0 MB; an article is at most "
                             f"{MAX_FILE_BYTES // 2**20} MB)"]


@pytest.mark.parametrize("codec, mark", [
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
])
def test_file_with_a_byte_order_mark_is_read_in_the_encoding_it_names(tmp_path, codec, mark):
    write(tmp_path, "story.txt", mark + GOOD.encode(codec))
    corpus = read_corpus(tmp_path)
    assert corpus.errors == []
    assert corpus.articles.loc[0, "encoding"] == codec
    sentences = corpus.sentences
    assert list(sentences["text"]) == ["Tehran said on Monday that its forces had struck two camps.",
                                       "The ministry gave no figures."]
    for row in sentences.itertuples():  # offsets count characters after the mark
        assert GOOD[row.start:row.end] == row.text


def test_links_that_reach_no_file_are_reported_and_the_rest_read(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    (tmp_path / "broken.txt").symlink_to(tmp_path / "deleted.txt")
    (tmp_path / "loop_a.txt").symlink_to(tmp_path / "loop_b.txt")
    (tmp_path / "loop_b.txt").symlink_to(tmp_path / "loop_a.txt")
    corpus = read_corpus(tmp_path)
    assert list(corpus.articles["article_id"]) == ["good"]
    assert corpus.errors == [
        f"{tmp_path / 'broken.txt'}: broken symbolic link: its target '{tmp_path / 'deleted.txt'}' does not exist",
        f"{tmp_path / 'loop_a.txt'}: symbolic link loop: following the link never reaches a file",
        f"{tmp_path / 'loop_b.txt'}: symbolic link loop: following the link never reaches a file",
    ]


def test_file_without_read_permission_is_reported(tmp_path, monkeypatch):
    write(tmp_path, "good.txt", GOOD)
    locked = write(tmp_path, "locked.txt", GOOD)
    # What the operating system answers a user without read permission (root is never refused,
    # so the refusal is given here rather than by chmod).
    read_bytes = Path.read_bytes

    def refuse(path):
        if path == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return read_bytes(path)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    corpus = read_corpus(tmp_path)
    assert list(corpus.articles["article_id"]) == ["good"]
    assert corpus.errors == [f"{tmp_path / 'locked.txt'}: cannot be read: Permission denied"]


@pytest.mark.parametrize("manifest, problem", [
    ("file,url,outlet,published\ngood.txt,,,19/01/2024\n",
     "manifest.csv, line 2: published date '19/01/2024' is not an ISO date (YYYY-MM-DD)"),
    ("file,url,outlet,published\nother.txt,,,2024-01-18\n\ngood.txt,,,2024-02-30\n",
     "manifest.csv, line 4: published date '2024-02-30' is no such day (day is out of range for month)"),
    ("file,url,outlet,published\ngood.txt,,,2024-01-19\nother.txt,,,\ngood.txt,,Reuters,2024-01-19\n",
     "manifest.csv, line 4: file 'good.txt' is named twice (first on line 2)"),
    ("file,url,outlet,published\ngood.txt,,Reuters, Islamabad,2024-01-19\n",
     "manifest.csv, line 2: 5 values but 4 columns in the header (a value holding a comma must be in quotes)"),
    ("file,url,outlet\ngood.txt,,Reuters\n",
     "manifest.csv: manifest lacks the column(s) published; expected file, url, outlet, published"),
    ("file,url,outlet,published\ngood.txt,,Agência Brasil,\n".encode("latin-1"),
     "manifest.csv, line 2: not UTF-8 text (byte 0xea); save it as UTF-8"),
])
def test_manifest_that_would_give_wrong_metadata_stops_before_any_article_is_read(tmp_path, manifest, problem):
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "manifest.csv", manifest)
    with pytest.raises(ArticleError, match=re.escape(problem)):
        read_corpus(tmp_path)


def test_manifest_line_numbers_count_the_lines_a_quoted_value_spans(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "manifest.csv", 'file,url,outlet,published\ngood.txt,,"Dawn\n(Karachi)",2024-01-19\n'
                                    "good.txt,,,2024-01-20\n")
    with pytest.raises(ArticleError, match=re.escape("manifest.csv, line 4: file 'good.txt' is named twice "
                                                     "(first on line 2)")):
        read_corpus(tmp_path)


def test_manifest_rows_that_reach_no_article_are_reported_and_the_rest_applied(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    write(tmp_path, "manifest.csv", "file,url,outlet,published\nmissing.txt,,,2024-01-18\n"
                                    " good.txt , , Reuters , 2024-01-19 \n,,Dawn,\nnotes.pdf,,,\n")
    corpus = read_corpus(tmp_path)
    row = corpus.articles.iloc[0]
    assert (row["article_id"], row["published"], row["date_source"], row["outlet"]) == \
        ("good", "2024-01-19", "manifest", "Reuters")
    manifest = tmp_path / "manifest.csv"
    assert corpus.errors == [f"{manifest}, line 2: file 'missing.txt' is not in the folder",
                             f"{manifest}, line 4: the row names no file",
                             f"{manifest}, line 5: file 'notes.pdf' is not an article file (.txt, .html, .htm)"]


def test_broken_manifest_link_stops_rather_than_read_as_no_manifest(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    (tmp_path / "manifest.csv").symlink_to(tmp_path / "old" / "manifest.csv")
    with pytest.raises(ArticleError, match=re.escape(f"manifest.csv: broken symbolic link: its target "
                                                     f"'{tmp_path / 'old' / 'manifest.csv'}' does not exist")):
        read_corpus(tmp_path)


def test_cli_stops_on_a_duplicate_manifest_row_and_writes_nothing(tmp_path, capsys):
    articles, out = tmp_path / "articles", tmp_path / "out"
    articles.mkdir()
    write(articles, "good.txt", GOOD)
    write(articles, "manifest.csv", "file,url,outlet,published\ngood.txt,,,2024-01-19\ngood.txt,,,2024-01-20\n")
    assert main(["extract", str(articles), "--out", str(out)]) == 2
    assert capsys.readouterr().err == (f"error: {articles / 'manifest.csv'}, line 3: file 'good.txt' is named "
                                       f"twice (first on line 2)\n")
    assert not out.exists()


def test_cli_exits_non_zero_and_keeps_the_good_output(tmp_path, capsys):
    articles, out = tmp_path / "articles", tmp_path / "out"
    articles.mkdir()
    write(articles, "good.txt", GOOD)
    write(articles, "empty.txt", b"")
    assert main(["extract", str(articles), "--out", str(out)]) == 1
    assert "empty.txt: empty file" in capsys.readouterr().err
    assert (out / "articles.csv").read_text().count("\n") == 2  # header + the good article


def test_cli_on_a_missing_folder_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path / "nowhere"), "--out", str(out)]) == 2
    assert "articles folder not found" in capsys.readouterr().err
    assert not out.exists()


def test_a_failed_write_leaves_the_previous_csv_intact(tmp_path, monkeypatch):
    import pandas as pd
    from helpers.tables import write_tables
    write_tables({"articles": pd.DataFrame({"a": [1]})}, tmp_path)
    before = (tmp_path / "articles.csv").read_text()

    def explode(self, path, **kwargs):  # half a file written, then the disk is full
        with open(path, "w") as stream:
            stream.write("a\n1")
        raise OSError("disk full")
    monkeypatch.setattr(pd.DataFrame, "to_csv", explode)
    with pytest.raises(OSError, match="disk full"):
        write_tables({"articles": pd.DataFrame({"a": [2]})}, tmp_path)
    assert (tmp_path / "articles.csv").read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["articles.csv"]


def test_written_tables_are_readable_by_others_as_the_umask_allows(tmp_path):
    import os
    import pandas as pd
    from helpers.tables import write_tables
    previous = os.umask(0o022)
    try:
        [path] = write_tables({"articles": pd.DataFrame({"a": [1]})}, tmp_path)
    finally:
        os.umask(previous)
    assert oct(path.stat().st_mode & 0o777) == oct(0o644)
