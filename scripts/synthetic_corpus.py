"""A synthetic corpus of any size, recombined from real articles: for benchmarks, not for analysis.

Each synthetic article is a title, a header line with its publication date, a dateline naming its
outlet, and body paragraphs drawn from the source articles: the lead from the sources' leads, the
others from all their body paragraphs (none twice in one article), until the article is about as
long as a real one (440 tokens on average by default, the title included). Its publication date is
that of the article its lead comes from, shifted by a random number of days (up to a year either
way), so that a large corpus spreads over a couple of years. The source articles are read with
helpers.ingest, so only their own text is used (no captions, credits, headers or datelines).

Article i depends only on the seed and i: the same seed gives the same bytes, and a corpus of N
articles is the first N of a larger one. Files are written one at a time into a folder beside
OUT_DIR, renamed into place when complete; memory does not grow with N.

    python scripts/synthetic_corpus.py SOURCE_DIR [SOURCE_DIR ...] OUT_DIR --articles N [--seed S]

e.g. python scripts/synthetic_corpus.py seeds tests/fixtures/events tests/fixtures/heldout \
         tests/fixtures/blind .cache/benchmark-1000 --articles 1000
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from helpers.ingest import (ArticleError, _pattern_group, classify_paragraph, decode_article, guess_title,
                            list_article_files, load_boilerplate, read_article, read_file_bytes, read_manifest,
                            split_paragraphs, take_header_and_dateline, take_signoff)
from helpers.language import blank_english
from helpers.project import PROJECT_ROOT

DEFAULT_SOURCES = [PROJECT_ROOT / "seeds", PROJECT_ROOT / "tests" / "fixtures" / "events",
                   PROJECT_ROOT / "tests" / "fixtures" / "heldout", PROJECT_ROOT / "tests" / "fixtures" / "blind"]
MEAN_TOKENS = 440          # a real article's length, the title included (tokens of the spaCy tokenizer)
TOKEN_SPREAD = 0.25        # each article aims at MEAN_TOKENS ± 25%
MAX_SHIFT_DAYS = 365       # the publication date moves up to a year either way
# The agency a dateline names must fit the dateline pattern of data/boilerplate.yaml.
AGENCY = re.compile(r"[A-Za-z][A-Za-z .&-]{0,30}")
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
FALLBACK_PLACES = ["ISLAMABAD", "TEHRAN", "GENEVA"]
# A lead that opens with a dateline ingest did not cut ('BAKU, 20 September (AZERTAC).') would get two.
OWN_DATELINE = re.compile(r"^[A-Z]{2,}[A-Z '.-]*[,(]")


class CorpusError(Exception):
    """The sources give nothing to recombine, or the output folder cannot be used."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    tokens: int
    published: date | None      # the publication date of the article it comes from


@dataclass(frozen=True)
class Pool:
    """What the synthetic articles are made of, read once from the sources."""
    titles: list[Paragraph]
    leads: list[Paragraph]
    paragraphs: list[Paragraph]     # every body paragraph, the leads included
    places: list[str]               # datelines' places ('ISLAMABAD')
    outlets: list[str]              # outlet names a dateline can carry (data/outlets.csv)

    @property
    def dates(self) -> list[date]:
        return [p.published for p in self.leads if p.published]


def read_pool(source_dirs: Iterable[str | Path]) -> Pool:
    """Titles, leads, body paragraphs and dateline places of every .txt article in the folders."""
    boilerplate = load_boilerplate()
    count = lambda text: len(blank_english().make_doc(text))
    titles, leads, paragraphs, places = [], [], [], []
    for folder in map(Path, source_dirs):
        manifest = read_manifest(folder)
        for path in list_article_files(folder):
            if path.suffix.lower() != ".txt":
                continue
            try:
                row, _, _ = read_article(path, boilerplate, manifest)
                text, _ = decode_article(path, read_file_bytes(path))
            except ArticleError as error:
                print(f"skipped: {error}", file=sys.stderr)
                continue
            published = date.fromisoformat(row["published"]) if row["published"] else None
            found = split_paragraphs(text)
            for paragraph in found:
                classify_paragraph(paragraph, boilerplate)
            body = [p for p in found if p.kind == "body"]
            if not body:
                continue
            cuts = take_header_and_dateline(body, boilerplate)
            take_signoff(body[-1], boilerplate.outlets)
            places += [place for cut in cuts if cut.kind == "dateline"
                       for place in [_pattern_group(boilerplate.dateline, cut.text, "place")] if place]
            title = guess_title(found)
            body = [p.text.strip() for p in body if p.text.strip()]
            if title and body and body[0] == title:
                titles.append(Paragraph(title, count(title), published))
                body = body[1:]
            if body and not OWN_DATELINE.match(body[0]):
                leads.append(Paragraph(body[0], count(body[0]), published))
            paragraphs += [Paragraph(text, count(text), published) for text in body]
    if not (titles and leads and any(lead.published for lead in leads)):
        raise CorpusError("the source folders hold no dated .txt article with a title and body text")
    outlets = sorted({name for name in boilerplate.outlets.values() if AGENCY.fullmatch(name)})
    return Pool(titles, leads, paragraphs, sorted(set(places)) or FALLBACK_PLACES, outlets)


def shift_range(pool: Pool) -> tuple[date, date]:
    """The earliest and latest publication date a synthetic article can have."""
    dates = pool.dates
    return min(dates) - timedelta(MAX_SHIFT_DAYS), max(dates) + timedelta(MAX_SHIFT_DAYS)


def synthetic_article(pool: Pool, index: int, seed: int = 0, mean_tokens: int = MEAN_TOKENS) -> str:
    """The text of synthetic article `index` (the same for the same pool, seed and index)."""
    rng = random.Random(f"synthetic-corpus/{seed}/{index}")
    title = rng.choice(pool.titles)
    lead = rng.choice(pool.leads)
    fallback = rng.choice(pool.dates)
    published = (lead.published or fallback) + timedelta(rng.randint(-MAX_SHIFT_DAYS, MAX_SHIFT_DAYS))
    target = rng.uniform(1 - TOKEN_SPREAD, 1 + TOKEN_SPREAD) * mean_tokens
    body, tokens = [lead.text], title.tokens + lead.tokens
    candidates = [p for p in pool.paragraphs if p.text != lead.text]
    rng.shuffle(candidates)
    for paragraph in candidates:
        if tokens + paragraph.tokens / 2 >= target:     # stop where the length is nearest the target
            break
        body.append(paragraph.text)
        tokens += paragraph.tokens
    header = (f"Published {published:%B} {published.day}, {published.year}" if rng.random() < 0.5
              else f"Published: {published.day} {published:%B %Y}")
    dateline = f"{rng.choice(pool.places)}, {MONTHS[published.month - 1]} {published.day} ({rng.choice(pool.outlets)}) - "
    return "\n\n".join([title.text, header, dateline + body[0], *body[1:]]) + "\n"


def synthetic_articles(pool: Pool, count: int, seed: int = 0, mean_tokens: int = MEAN_TOKENS
                       ) -> Iterator[tuple[str, str]]:
    """(file name, text) of articles 0 .. count-1, one at a time."""
    width = max(6, len(str(count - 1)))
    for index in range(count):
        yield f"synthetic_{index:0{width}d}.txt", synthetic_article(pool, index, seed, mean_tokens)


def write_corpus(source_dirs: Iterable[str | Path], out_dir: str | Path, count: int, seed: int = 0,
                 mean_tokens: int = MEAN_TOKENS, progress=None) -> int:
    """`count` synthetic articles written into `out_dir` (which must not exist or be empty), file by
    file; the folder appears only when complete. Returns the number of files written."""
    out_dir = Path(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise CorpusError(f"{out_dir}: exists and is not an empty folder; remove it or choose another")
    pool = read_pool(source_dirs)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.building-", dir=out_dir.parent))
    try:
        written = 0
        for name, text in synthetic_articles(pool, count, seed, mean_tokens):
            (building / name).write_bytes(text.encode("utf-8"))
            written += 1
            if progress and (written % 1000 == 0 or written == count):
                progress(f"synthetic corpus: {written}/{count} articles written")
        if out_dir.exists():
            out_dir.rmdir()
        os.replace(building, out_dir)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="+", metavar="SOURCE_DIR", help="folders of real .txt articles")
    parser.add_argument("out_dir", metavar="OUT_DIR", help="folder to create (must not exist, or be empty)")
    parser.add_argument("--articles", type=int, required=True, metavar="N", help="how many articles to write")
    parser.add_argument("--seed", type=int, default=0, help="the random seed (default 0)")
    parser.add_argument("--tokens", type=int, default=MEAN_TOKENS, help=f"mean tokens per article ({MEAN_TOKENS})")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    say = lambda line: print(line, file=sys.stderr, flush=True)
    try:
        written = write_corpus(args.sources, args.out_dir, args.articles, args.seed, args.tokens, progress=say)
    except (CorpusError, ArticleError) as error:
        say(f"error: {error}")
        return 2
    say(f"wrote {written} articles into {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
