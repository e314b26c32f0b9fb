"""The pipeline as a stream: batches of articles coded here, in worker processes or on a Dask
cluster give the same tables; claims are numbered across batches; a failed run leaves the previous
store as it was; the progress bar names failing files one per line, and every file with --verbose."""
from __future__ import annotations

import io
import logging
import shutil
from pathlib import Path

import pandas as pd
import pytest
from distributed import LocalCluster

from helpers import pipeline
from helpers.__main__ import main
from helpers.pipeline import (load_dictionaries, load_store, run_extraction, stored_extraction,
                              write_csv_tables)
from helpers.progress import ProgressBar

FIXTURES = Path(__file__).parent / "fixtures"
BLIND = FIXTURES / "blind"          # 15 articles of five crises, with casualty claims


@pytest.fixture(scope="module")
def dictionaries():
    return load_dictionaries()


@pytest.fixture(scope="module")
def one_batch(tmp_path_factory, dictionaries) -> Path:
    """The blind set coded in this process, as one batch: the reference every other runner must match."""
    store = tmp_path_factory.mktemp("one") / "store"
    return run_extraction(BLIND, store, dictionaries, jobs=1, batch_size=100)


def csv_files(store: Path, out: Path) -> dict[str, bytes]:
    write_csv_tables(store, out)
    return {path.name: path.read_bytes() for path in sorted(out.glob("*.csv"))}


@pytest.fixture(scope="module")
def four_per_batch(tmp_path_factory, dictionaries) -> Path:
    """The blind set in batches of four articles, coded by two worker processes."""
    store = tmp_path_factory.mktemp("four") / "store"
    return run_extraction(BLIND, store, dictionaries, jobs=2, batch_size=4)


def test_batches_in_two_worker_processes_give_the_same_tables(one_batch, four_per_batch, tmp_path):
    assert csv_files(four_per_batch, tmp_path / "two") == csv_files(one_batch, tmp_path / "one")


def test_a_dask_cluster_gives_the_same_tables_byte_for_byte(one_batch, dictionaries, tmp_path):
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster:
        store = run_extraction(BLIND, tmp_path / "store", dictionaries, scheduler=cluster.scheduler_address,
                               batch_size=4)
    assert csv_files(store, tmp_path / "dask") == csv_files(one_batch, tmp_path / "one")


def test_claims_are_numbered_across_batches(four_per_batch):
    tables = load_store(four_per_batch, ["articles", "claims"]).tables
    claims, order = tables["claims"], tables["articles"]["article_id"].tolist()
    assert claims["claim_id"].tolist() == [f"c{n:03d}" for n in range(1, len(claims) + 1)]
    assert len({order.index(article) // 4 for article in claims["article_id"]}) >= 2


def test_the_store_holds_every_table_and_no_parts(one_batch):
    assert sorted(path.name for path in one_batch.iterdir()) == sorted(
        [f"{name}.parquet" for name in pipeline.TABLES] + ["errors.json"])
    tables = load_store(one_batch).tables
    assert len(tables["articles"]) == 15
    assert tables["sentences"]["sentence_id"].dtype == "int64"
    assert tables["events"]["violent"].dtype == bool


def good_articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for path in sorted(BLIND.glob("*.txt"))[:count]:
        shutil.copy(path, folder / path.name)
    return folder


def test_a_failed_run_leaves_the_previous_store_and_no_scraps(dictionaries, tmp_path, monkeypatch):
    articles = good_articles(tmp_path / "articles", 3)
    store = run_extraction(articles, tmp_path / "store", dictionaries, batch_size=1)
    before = {path.name: path.read_bytes() for path in store.iterdir()}
    coded = pipeline.code_batch

    def fail_on_the_third(sources, shared):
        if sources[0].name == sorted(p.name for p in articles.iterdir())[2]:
            raise RuntimeError("the third batch failed")
        return coded(sources, shared)

    monkeypatch.setattr(pipeline, "code_batch", fail_on_the_third)
    with pytest.raises(RuntimeError, match="the third batch failed"):
        run_extraction(articles, store, dictionaries, batch_size=1)
    assert {path.name: path.read_bytes() for path in store.iterdir()} == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["articles", "store"]


def test_the_progress_bar_names_each_failing_file_on_a_line_of_its_own(dictionaries, tmp_path):
    articles = good_articles(tmp_path / "articles", 2)
    (articles / "empty.txt").write_bytes(b"")
    (articles / "moved.txt").symlink_to(tmp_path / "elsewhere.txt")     # cannot even be opened
    said = io.StringIO()
    run_extraction(articles, tmp_path / "store", dictionaries, progress=ProgressBar(stream=said))
    assert said.getvalue().splitlines() == [
        f"error: {articles / 'empty.txt'}: empty file",
        f"error: {articles / 'moved.txt'}: broken symbolic link: its target '{tmp_path / 'elsewhere.txt'}' "
        f"does not exist"]


def test_verbose_progress_names_every_file_read(dictionaries, tmp_path):
    articles = good_articles(tmp_path / "articles", 3)
    said = io.StringIO()
    run_extraction(articles, tmp_path / "store", dictionaries, progress=ProgressBar(verbose=True, stream=said),
                   batch_size=2)
    assert said.getvalue().splitlines() == [f"read {path.name}" for path in sorted(articles.iterdir())]


def test_a_stored_run_still_names_its_failed_files(tmp_path):
    articles = good_articles(tmp_path / "articles", 1)
    (articles / "empty.txt").write_bytes(b"")
    for _ in range(2):      # built, then found in the cache
        said = io.StringIO()
        stored_extraction(articles, cache_dir=tmp_path / "cache", progress=ProgressBar(stream=said))
        assert said.getvalue() == f"error: {articles / 'empty.txt'}: empty file\n"


def test_jobs_must_be_a_whole_number_of_at_least_one(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["extract", str(BLIND), "--out", str(tmp_path / "out"), "--jobs", "0"])
    assert stopped.value.code == 2
    assert "argument --jobs: expected a whole number of at least 1, got '0'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_extract_writes_the_same_csv_as_the_store(one_batch, tmp_path):
    assert main(["extract", str(BLIND), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    written = {path.name: path.read_bytes() for path in sorted((tmp_path / "out").glob("*.csv"))}
    assert written == csv_files(one_batch, tmp_path / "one")
    events = pd.read_csv(tmp_path / "out" / "events.csv", dtype=str, keep_default_na=False)
    assert events["event_id"].is_unique


def test_a_scheduler_that_cannot_be_reached_stops_extract_naming_it(tmp_path, capsys):
    address = "tcp://127.0.0.1:9"       # the discard port: nothing listens there
    articles = good_articles(tmp_path / "articles", 1)
    (articles / "unseen.txt").write_text(f"A report never stored before\n\nIran spoke at {tmp_path}.\n")
    assert main(["extract", str(articles), "--out", str(tmp_path / "out"), "--scheduler", address]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"error: cannot reach the Dask scheduler at {address}: ")
    assert not (tmp_path / "out").exists()
    assert not list(pipeline.CACHE_DIR.glob(".extraction-*.building-*"))
