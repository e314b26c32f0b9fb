"""Bad input: every problem is named with its file, good files still go through."""
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


def test_manifest_with_a_bad_date(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "manifest.csv", "file,url,outlet,published\ngood.txt,,,19/01/2024\n")
    with pytest.raises(ArticleError, match="manifest.csv: published date '19/01/2024' is not an ISO date"):
        read_corpus(tmp_path)


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
