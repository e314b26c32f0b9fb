"""Ingest: a folder of article files -> the `articles`, `sentences` and `set_aside` tables.

Offsets in `sentences` and `set_aside` are character offsets into the decoded file (a byte-order
mark is not counted), so `raw_text[start:end]` is the sentence; in an .html file it is
the markup that shows the sentence (with its entities and inline tags).
"""
from __future__ import annotations

import codecs
import csv
import errno
import hashlib
import io
import os
import re
from array import array
from dataclasses import dataclass, field
from datetime import date
from html import unescape
from html.parser import HTMLParser
from collections.abc import Iterable, Iterator
from pathlib import Path

import charset_normalizer
import pandas as pd
import trafilatura
import yaml

from .datetext import find_full_dates, parse_full_date, parse_month_day, spelled, weekdays_named
from .language import blank_english
from .project import PROJECT_ROOT, data_file

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ["file", "url", "outlet", "published"]
MAX_FILE_BYTES = 20 * 1024 * 1024
# Windows-1252 first: browsers read text labelled Latin-1 as it, so it is what such files hold.
TIE_BREAK_ENCODINGS = ("cp1252", "iso8859_15", "latin_1")
# (mark, codec of the bytes after it, the encoding reported). UTF-32 first: its little-endian mark
# begins with UTF-16's, and a UTF-32 file read as UTF-16 would be text full of NULs.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
# A fragment of a main-text line this long is article text, not a menu word that recurs in it.
MIN_LINE_FRAGMENT_WORDS = 4
# A live blog's entry heading: a clock time, perhaps with a zone ("19:10 IST"), on a line of its
# own with a few words and no full stop ("07:30 What we know so far"), or at the head of the
# entry's first line, set off by a dash ("19:15 — Ortega tells reporters")
CLOCK_TIME = r"\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,4}))?"
TIMESTAMP_HEADING = re.compile(CLOCK_TIME + r"\b[^.!?\n]{0,60}")
TIMESTAMP_LEAD = re.compile(CLOCK_TIME + r"\s*[—–-]\s+")

ARTICLE_COLUMNS = ["article_id", "path", "outlet", "title", "published", "date_source",
                   "n_sentences", "sha256", "outlet_source", "date_evidence", "format", "encoding"]
SENTENCE_COLUMNS = ["article_id", "sentence_id", "paragraph", "start", "end", "text"]
SET_ASIDE_COLUMNS = ["article_id", "paragraph", "start", "end", "kind", "reason", "text"]
# Order matters: the first kind that matches a paragraph wins.
PARAGRAPH_KINDS = ["source_line", "comment_form", "credit", "caption", "site_chrome"]


class ArticleError(Exception):
    """A file or folder that cannot be read as articles; the message names it, the line of the file
    when one is at fault, and the problem."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None):
        # A str is a path already shown to the user (an ArticleSource's, read where it may mean nothing)
        self.path, self.problem, self.line = Path(path), problem, line
        shown = path if isinstance(path, str) else display_path(path)
        where = f"{shown}, line {line}" if line else shown
        super().__init__(f"{where}: {problem}")


@dataclass
class Corpus:
    """The ingest stage's output: three tables, and one message per file that could not be read."""
    articles: pd.DataFrame
    sentences: pd.DataFrame
    set_aside: pd.DataFrame
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Boilerplate:
    """Compiled patterns of data/boilerplate.yaml and the outlet names of data/outlets.csv."""
    header: list[re.Pattern]
    dateline: list[re.Pattern]
    paragraph: dict[str, list[re.Pattern]]
    outlets: dict[str, str]


def display_path(path: Path | str) -> str:
    """A path as a user should read it: relative to the project when inside it.

    Only the folders are resolved: a symbolic link is named itself, not its target, and a link
    that loops (which cannot be resolved) is still named."""
    path = Path(path)
    absolute = Path(os.path.abspath(path))
    try:
        return str((absolute.parent.resolve() / absolute.name).relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


# --- reference data ------------------------------------------------------------------------

def load_boilerplate(data_dir: str | Path | None = None) -> Boilerplate:
    """Read the analyst-editable patterns; a bad pattern is reported with its file and text."""
    path = data_file("boilerplate.yaml", data_dir)
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))

    def compiled(kind: str) -> list[re.Pattern]:
        try:
            return [re.compile(pattern) for pattern in spec.get(kind) or []]
        except re.error as error:
            raise ArticleError(path, f"bad pattern under '{kind}': {error}") from error

    outlets = pd.read_csv(data_file("outlets.csv", data_dir), dtype=str, keep_default_na=False)
    return Boilerplate(
        header=compiled("header"),
        dateline=compiled("dateline"),
        paragraph={kind: compiled(kind) for kind in PARAGRAPH_KINDS},
        outlets=dict(zip(outlets["alias"], outlets["outlet"])),
    )


def read_manifest(articles_dir: Path) -> pd.DataFrame:
    """The optional manifest.csv (file, url, outlet, published, and the `line` of each row in the
    file), indexed by file name.

    A row that would give an article wrong or ambiguous metadata (a file named twice, a date that is
    no ISO date) stops the reading before any article is read: going on would quietly put a wrong
    date in the tables. A row naming no article is reported by `unmatched_manifest_rows`."""
    path = articles_dir / MANIFEST_NAME
    if not (path.exists() or path.is_symlink()):
        return pd.DataFrame(columns=["line", *MANIFEST_COLUMNS]).set_index("file")
    header, records = manifest_records(path)
    missing = [column for column in ("file", "published") if column not in header]
    if missing:
        raise ArticleError(path, f"manifest lacks the column(s) {', '.join(missing)}; "
                                 f"expected {', '.join(MANIFEST_COLUMNS)}")
    rows = [manifest_row(path, header, line, cells) for line, cells in records]
    check_each_file_named_once(path, rows)
    return pd.DataFrame(rows, columns=["line", *MANIFEST_COLUMNS]).set_index("file")


def manifest_records(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and each non-blank row as (line number in the file, stripped cells)."""
    text = read_utf8_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [cell.strip() for cell in next(reader, [])]
    records, line = [], reader.line_num + 1
    for cells in reader:
        cells = [cell.strip() for cell in cells]
        if any(cells):
            records.append((line, cells))
        line = reader.line_num + 1  # a quoted value may span lines: the next row starts after it
    return header, records


def read_utf8_text(path: Path) -> str:
    data = read_file_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ArticleError(path, f"not UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8",
                           line) from error


def manifest_row(path: Path, header: list[str], line: int, cells: list[str]) -> dict:
    """One manifest row as a dict of the manifest's columns, its date checked."""
    if len(cells) > len(header):
        raise ArticleError(path, f"{len(cells)} values but {len(header)} columns in the header "
                                 f"(a value holding a comma must be in quotes)", line)
    given = dict(zip(header, cells))
    row = {"line": line, **{column: given.get(column, "") for column in MANIFEST_COLUMNS}}
    check_manifest_date(path, line, row["published"])
    return row


def check_manifest_date(path: Path, line: int, published: str) -> None:
    if not published:
        return
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        raise ArticleError(path, f"published date '{published}' is not an ISO date (YYYY-MM-DD)", line)
    try:
        date.fromisoformat(published)
    except ValueError as error:
        raise ArticleError(path, f"published date '{published}' is no such day ({error})", line) from error


def check_each_file_named_once(path: Path, rows: list[dict]) -> None:
    """Two rows for one file could disagree on its date or outlet, and neither can be taken on trust."""
    first_lines: dict[str, int] = {}
    for row in rows:
        if not row["file"]:
            continue
        first = first_lines.setdefault(row["file"], row["line"])
        if first != row["line"]:
            raise ArticleError(path, f"file '{row['file']}' is named twice (first on line {first})",
                               row["line"])


def unmatched_manifest_rows(manifest: pd.DataFrame, files: list[Path], articles_dir: Path) -> list[str]:
    """One message per manifest row that reaches no article file: its metadata is applied to nothing."""
    path, names = articles_dir / MANIFEST_NAME, {file.name for file in files}
    return [str(ArticleError(path, unmatched_problem(articles_dir, name), line))
            for name, line in zip(manifest.index, manifest["line"]) if name not in names]


def unmatched_problem(articles_dir: Path, name: str) -> str:
    if not name:
        return "the row names no file"
    if (articles_dir / name).exists():
        return f"file '{name}' is not an article file ({', '.join(ARTICLE_SUFFIXES)})"
    return f"file '{name}' is not in the folder"


# --- files -> text ---------------------------------------------------------------------------

def list_article_files(articles_dir: Path) -> list[Path]:
    """The article files of a folder, sorted; fails when there is nothing to read."""
    if not articles_dir.exists():
        raise ArticleError(articles_dir, "articles folder not found")
    if not articles_dir.is_dir():
        raise ArticleError(articles_dir, "not a folder; pass the folder that holds the articles")
    files = sorted(p for p in articles_dir.iterdir() if is_article_file(p))
    if not files:
        others = sorted(p.name for p in articles_dir.iterdir() if p.name != MANIFEST_NAME)
        found = f"; found only: {', '.join(others[:5])}" if others else " (the folder is empty)"
        raise ArticleError(articles_dir, f"no article files ({', '.join(ARTICLE_SUFFIXES)}){found}")
    return files


def is_article_file(path: Path) -> bool:
    """A file with an article's suffix, or a symbolic link by that name that leads to no file:
    such a link is meant as an article, so it is reported when read rather than passed over."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        return False
    return path.is_file() or (path.is_symlink() and not path.exists())


def read_file_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of a file; one that cannot be read (a broken link, a link loop, no permission) or
    is larger than `max_bytes` is an ArticleError naming it and why."""
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise ArticleError(path, f"file too large ({size / 2**20:.1f} MB; an article is at most "
                                     f"{max_bytes // 2**20} MB)")
        return path.read_bytes()
    except OSError as error:
        raise ArticleError(path, unreadable_problem(path, error)) from error


def unreadable_problem(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop: following the link never reaches a file"
    if error.errno == errno.ENOENT and path.is_symlink():
        return f"broken symbolic link: its target '{os.readlink(path)}' does not exist"
    return f"cannot be read: {error.strerror}"


@dataclass(frozen=True)
class ArticleSource:
    """An article file's bytes and what the manifest says of it: all a worker needs to read it,
    on this machine or another (where the file's path means nothing)."""
    name: str                       # the file name ("000_83a65fe50b011b24.txt")
    path: str                       # the file as the user should read it (`display_path`)
    data: bytes
    listed: dict | None = None      # its manifest row (url, outlet, published, line), if any

    @property
    def article_id(self) -> str:
        return Path(self.name).stem


def load_article_source(path: Path, manifest: pd.DataFrame) -> ArticleSource:
    """The file's bytes (an ArticleError names a file that cannot be read) and its manifest row."""
    listed = manifest.loc[path.name].to_dict() if path.name in manifest.index else None
    return ArticleSource(path.name, display_path(path), read_file_bytes(path, MAX_FILE_BYTES), listed)


def decode_article(path: Path | str, data: bytes) -> tuple[str, str]:
    """(text, encoding) of an article file's bytes: by its byte-order mark (UTF-8, UTF-16, UTF-32),
    else UTF-8, else a detected encoding."""
    if not data:
        raise ArticleError(path, "empty file")
    marked = decode_by_byte_order_mark(path, data)
    if marked:
        return marked
    if b"\x00" in data[:8192]:
        raise ArticleError(path, "binary file (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        guess = detect_encoding(data)
        if guess is None or _looks_binary(guess[0]):
            raise ArticleError(path, f"undecodable bytes: not UTF-8 (byte 0x{data[error.start]:02x} "
                                     f"at offset {error.start}) and no other encoding fits") from error
        return guess


def decode_by_byte_order_mark(path: Path, data: bytes) -> tuple[str, str] | None:
    """(text without the mark, encoding) of a file that opens with a byte-order mark; None without one.

    The mark states the encoding, so bytes that do not fit it are an error, not a cue to guess."""
    for mark, codec, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data[len(mark):].decode(codec), encoding
            except UnicodeDecodeError as error:
                raise ArticleError(path, f"undecodable bytes: the byte-order mark says {codec.upper()}, "
                                         f"but the bytes at offset {len(mark) + error.start} are not "
                                         f"({error.reason})") from error
    return None


def detect_encoding(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) by charset detection; None when no encoding fits.

    A short text in a Western language fits several single-byte code pages equally well (Müller
    reads the same in cp1250 and cp1252, Peña does not). On such a tie the detector's first pick is
    arbitrary, so the code page most Western text is written in wins."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    for preferred in TIE_BREAK_ENCODINGS:
        if any(preferred in m.could_be_from_charset for m in tied):
            return data.decode(preferred), preferred
    return str(best), best.encoding


def _looks_binary(text: str) -> bool:
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\n\r\t\f")
    return controls > max(2, len(text) // 200)


@dataclass(frozen=True)
class TextView:
    """The text the pipeline reads, and where each of its characters sits in the decoded file."""
    text: str
    raw_starts: array | None = None  # None: the text is the file itself
    raw_ends: array | None = None
    captions: tuple[tuple[int, int], ...] = ()  # spans of the text a page marks as figure captions

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        if self.raw_starts is None:
            return start, end
        return self.raw_starts[start], self.raw_ends[end - 1]


class _VisibleText(HTMLParser):
    """The visible text of an HTML page, one paragraph per block element, with raw offsets."""
    # Forms and buttons are not skipped: their visible text (a comment form's notice, a cookie
    # banner's button) is recorded as set aside. A <select> shows only one of its options.
    SKIPPED = {"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "datalist"}
    BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "figure",
              "figcaption", "header", "footer", "nav", "section", "article", "aside", "main",
              "blockquote", "table", "tr", "td", "th", "dt", "dd", "address", "hr"}

    def __init__(self, raw: str):
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.chars: list[str] = []
        self.starts, self.ends = array("q"), array("q")
        self.skip_depth = 0
        self.caption_starts: list[int] = []
        self.captions: list[tuple[int, int]] = []

    # Not named `offset`: HTMLParser keeps an instance attribute of that name, which would shadow it.
    def raw_position(self) -> int:
        """Character offset into the decoded file of what the parser is reading now."""
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def emit(self, text: str, start: int, end: int) -> None:
        for char in text:
            self.chars.append(char)
            self.starts.append(start)
            self.ends.append(end)

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skip_depth += 1
        elif tag in self.BLOCKS and not self.skip_depth:
            self.emit("\n\n", self.raw_position(), self.raw_position())
        if tag == "figcaption":
            self.caption_starts.append(len(self.chars))

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self.BLOCKS and not self.skip_depth:
            self.emit("\n\n", self.raw_position(), self.raw_position())
        if tag == "figcaption" and self.caption_starts:
            self.captions.append((self.caption_starts.pop(), len(self.chars)))

    def handle_data(self, data):
        if self.skip_depth:
            return
        base = self.raw_position()
        for match in re.finditer(r"\s+|\S+", data):
            if match.group().isspace():
                self.emit(" ", base + match.start(), base + match.end())
            else:
                for i, char in enumerate(match.group(), start=base + match.start()):
                    self.emit(char, i, i + 1)

    def handle_entityref(self, name):
        self._reference(f"&{name};")

    def handle_charref(self, name):
        self._reference(f"&#{name};")

    def _reference(self, raw: str) -> None:
        if not self.skip_depth:
            start = self.raw_position()
            self.emit(unescape(raw), start, start + len(raw))

    def view(self) -> TextView:
        return TextView("".join(self.chars), self.starts, self.ends, tuple(self.captions))


def html_view(raw: str) -> TextView:
    parser = _VisibleText(raw)
    parser.feed(raw)
    parser.close()
    return parser.view()


# --- text -> paragraphs -------------------------------------------------------------------

@dataclass
class Paragraph:
    number: int      # 1-based position among the file's non-blank paragraphs
    start: int       # offsets into the TextView's text
    end: int
    text: str
    kind: str = "body"
    reason: str = ""


def split_paragraphs(text: str) -> list[Paragraph]:
    """Blocks between blank lines; a text without any blank line has one paragraph per line."""
    separator = r"\n[ \t\xa0]*\n" if re.search(r"\n[ \t\xa0]*\n", text) else r"\n"
    paragraphs, position = [], 0
    for piece in re.split(f"({separator})", text) + [""]:
        if piece and not re.fullmatch(separator, piece):
            stripped = piece.strip()
            if stripped:
                start = position + piece.index(stripped)
                paragraphs.append(Paragraph(len(paragraphs) + 1, start, start + len(stripped), stripped))
        position += len(piece)
    return paragraphs


def separate_header_lines(paragraphs: list[Paragraph], headers: list[re.Pattern]) -> list[Paragraph]:
    """'Headline' over 'Published: 2021-04-06' with no blank line between: the header line and what
    follows it are a paragraph of their own, so that the header is read as one (and cut off) and the
    headline is a sentence of its own. Only the first paragraphs, where headers stand."""
    separated = []
    for index, paragraph in enumerate(paragraphs):
        separated += split_at_header_line(paragraph, headers) if index < 3 else [paragraph]
    for number, paragraph in enumerate(separated, 1):
        paragraph.number = number
    return separated


def split_at_header_line(paragraph: Paragraph, headers: list[re.Pattern]) -> list[Paragraph]:
    for newline in (m.start() for m in re.finditer(r"\n", paragraph.text)):
        rest = paragraph.text[newline + 1:].lstrip()
        head = paragraph.text[:newline].rstrip()
        if head and any(pattern.match(rest) for pattern in headers):
            tail_start = paragraph.end - len(rest)
            return [Paragraph(paragraph.number, paragraph.start, paragraph.start + len(head), head),
                    Paragraph(paragraph.number, tail_start, paragraph.end, rest)]
    return [paragraph]


def classify_paragraph(paragraph: Paragraph, boilerplate: Boilerplate) -> None:
    """Mark a paragraph that is not the article's own text with its kind and the reason."""
    for kind in PARAGRAPH_KINDS:
        for pattern in boilerplate.paragraph[kind]:
            match = pattern.search(paragraph.text)
            if match:
                paragraph.kind = kind
                paragraph.reason = f"matches {kind} pattern: '{match.group().strip()[:60]}'"
                return
    if not re.search(r"[^\W\d_]{2}", paragraph.text):
        paragraph.kind, paragraph.reason = "site_chrome", "no words"


def mark_html_captions(paragraphs: list[Paragraph], captions: tuple[tuple[int, int], ...]) -> None:
    """Paragraphs inside a <figcaption>: the page itself says they are captions, whatever they say."""
    for paragraph in paragraphs:
        if paragraph.kind == "body" and any(start <= paragraph.start < end for start, end in captions):
            paragraph.kind, paragraph.reason = "caption", "inside the page's <figcaption>"


def without_time_tags(raw: str) -> str:
    """The page with <time> tags unwrapped: trafilatura drops their text ('reopened on <time>Sunday</time>'),
    and a paragraph missing words would not be found in its main text."""
    return re.sub(r"</?time\b[^>]*>", "", raw, flags=re.IGNORECASE)


def mark_outside_main_text(paragraphs: list[Paragraph], main_text: str, headers: list[re.Pattern]) -> None:
    """Paragraphs of an HTML page that the boilerplate remover left out of the main text.

    A header line ('Published January 22, 2024') stays, though the remover drops bylines: it
    is cut off and read as the publication date like a text file's header."""
    in_main = paragraphs_in_main_text(paragraphs, main_text)
    for index, paragraph in enumerate(paragraphs):
        is_header = any(pattern.match(paragraph.text) for pattern in headers)
        if paragraph.kind == "body" and index not in in_main and not is_header:
            paragraph.kind = "site_chrome"
            paragraph.reason = "outside the page's main text (trafilatura)"


def paragraphs_in_main_text(paragraphs: list[Paragraph], main_text: str) -> set[int]:
    """Indexes of the paragraphs that make up lines of the main text.

    A paragraph counts when it, alone or with the paragraphs right after it, is a whole line.
    Occurring somewhere in the main text is not enough: a menu item such as 'Pakistan' occurs in
    many articles. A long fragment of a line counts too (the extractor may split a paragraph)."""
    lines = [_compact(re.sub(r"^\s*[-*•]\s+", "", line)) for line in main_text.splitlines()]
    lines = [line for line in lines if line]
    whole_lines = set(lines)
    in_main = set()
    for first in range(len(paragraphs)):
        joined = ""
        for last in range(first, len(paragraphs)):
            joined += _compact(paragraphs[last].text)
            if joined in whole_lines:
                in_main.update(range(first, last + 1))
                break
            if not any(line.startswith(joined) for line in lines):
                break
        text = paragraphs[first].text
        if len(text.split()) >= MIN_LINE_FRAGMENT_WORDS and any(_compact(text) in line for line in lines):
            in_main.add(first)
    return in_main


def _compact(text: str) -> str:
    """Text without whitespace or table bars, so that line breaks and cell borders do not count."""
    return re.sub(r"[\s|]+", "", text)


def cut_prefix(paragraph: Paragraph, match: re.Match, kind: str) -> Paragraph:
    """Split a matched header or dateline off the start of a paragraph; returns the cut part."""
    cut = Paragraph(paragraph.number, paragraph.start, paragraph.start + len(match.group().rstrip()),
                    match.group().strip(), kind, f"{kind} at the start of the text")
    rest = paragraph.text[match.end():]
    paragraph.start = paragraph.end - len(rest)
    paragraph.text = rest
    return cut


# --- metadata ------------------------------------------------------------------------------

@dataclass
class Metadata:
    title: str = ""
    outlet: str = ""
    outlet_source: str = "unknown"
    published: str = ""
    date_source: str = "unknown"
    date_evidence: str = ""


def find_outlet(text: str, outlets: dict[str, str]) -> str:
    """The canonical outlet named in a short text (agency tag, source line, sign-off)."""
    best = None
    for alias, outlet in outlets.items():
        match = re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text, re.IGNORECASE)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), outlet)
    return best[1] if best else ""


def take_header_and_dateline(body: list[Paragraph], boilerplate: Boilerplate) -> list[Paragraph]:
    """Cut a header line ('date 2024-01-19', 'Published ...') and a dateline off the first paragraphs."""
    cuts = []
    for paragraph in body[:3]:
        for pattern in boilerplate.header:
            match = pattern.match(paragraph.text)
            if match:
                cuts.append(cut_prefix(paragraph, match, "header"))
                break
        if paragraph.text:
            for pattern in boilerplate.dateline:
                match = pattern.match(paragraph.text)
                if match:
                    cuts.append(cut_prefix(paragraph, match, "dateline"))
                    break
            if paragraph.text and any(c.kind == "dateline" for c in cuts):
                break
    return cuts


def take_signoff(paragraph: Paragraph, outlets: dict[str, str]) -> Paragraph | None:
    """Cut an agency sign-off ('... officials. EFE') off the last paragraph."""
    match = re.search(r"(?<=[.!?”\"])\s+([A-Z]{2,}(?:-[A-Z]{2,})?)\s*$", paragraph.text)
    if not match or match.group(1) not in outlets:
        return None
    signoff = Paragraph(paragraph.number, paragraph.start + match.start(1), paragraph.end,
                        match.group(1), "signoff", "agency sign-off at the end of the text")
    paragraph.text = paragraph.text[:match.start()]
    paragraph.end = paragraph.start + len(paragraph.text)
    return signoff


def publication_date(cuts: list[Paragraph], text_dates: list[date], boilerplate: Boilerplate,
                     manifest_date: str, lead: str = "") -> tuple[str, str, str]:
    """(published, date_source, date_evidence), in the order manifest, header, dateline, text.

    A manifest or header date carries its year, so a dateline without one is read in it and adds
    nothing. Otherwise the dateline's year comes from the text: the weekday the lead paragraph
    (`lead`, the dateline's own paragraph) gives it, else the text's explicit dates.
    """
    if manifest_date:
        return manifest_date, "manifest", f"{MANIFEST_NAME}: {manifest_date}"
    for cut in cuts:
        if cut.kind == "header":
            found = _pattern_group(boilerplate.header, cut.text, "date")
            day = parse_full_date(found or "")
            if day:
                return day.isoformat(), "header", cut.text
    for cut in cuts:
        month_day = parse_month_day(_pattern_group(boilerplate.dateline, cut.text, "date") or "") \
            if cut.kind == "dateline" else None
        if month_day:
            return dateline_date(cut.text, month_day, text_dates, lead)
    if text_dates:
        latest = max(text_dates)
        return latest.isoformat(), "text", "latest date named in the text; published on or after it"
    return "", "unknown", "no manifest entry, header, dated dateline or explicit date"


def dateline_date(dateline: str, month_day: tuple[int, int], text_dates: list[date],
                  lead: str) -> tuple[str, str, str]:
    """(published, date_source, date_evidence) of a dateline without a year ('YEREVAN, Sept 19').

    The candidate years are those around the latest explicit date of the text. A weekday the lead
    names ("... said on Thursday") picks among them, since a dateline's day falls on a different
    weekday in each; without one that fits, the day nearest the text's latest date is taken.
    A weekday alone does not fix a year (it recurs every few years), so without dated text the
    date stays unknown.
    """
    if not text_dates:
        return "", "unknown", f"dateline '{dateline}' has no year and the text names none"
    nearest = nearest_in_years(month_day, max(text_dates))
    by_weekday = on_named_weekday(month_day, max(text_dates), lead)
    if by_weekday and by_weekday != nearest:
        word = weekdays_named(lead)[by_weekday.weekday()]
        return by_weekday.isoformat(), "dateline", f"{dateline} (year from '{word}' in the text: {spelled(by_weekday)})"
    return nearest.isoformat(), "dateline", f"{dateline} (year from the dates in the text)"


def days_around(month_day: tuple[int, int], anchor: date) -> list[date]:
    """The days with this month and day in the year of an anchor date and the years either side."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, *month_day))
        except ValueError:
            continue
    return candidates


def nearest_in_years(month_day: tuple[int, int], anchor: date) -> date:
    """The date with this month and day nearest to an anchor date (a dateline has no year)."""
    return min(days_around(month_day, anchor), key=lambda day: abs((day - anchor).days))


def on_named_weekday(month_day: tuple[int, int], anchor: date, lead: str) -> date | None:
    """Of the days around an anchor, the one nearest it that falls on a weekday the lead names."""
    named = weekdays_named(lead)
    fitting = [day for day in days_around(month_day, anchor) if day.weekday() in named]
    return min(fitting, key=lambda day: abs((day - anchor).days)) if fitting else None


def dateline_lead(cuts: list[Paragraph], body: list[Paragraph]) -> str:
    """The text of the paragraph a dateline opens: where a wire story names its own day."""
    numbers = {cut.number for cut in cuts if cut.kind == "dateline"}
    return next((paragraph.text for paragraph in body if paragraph.number in numbers), "")


def _pattern_group(patterns: list[re.Pattern], text: str, group: str) -> str | None:
    for pattern in patterns:
        match = pattern.match(text)
        if match and group in pattern.groupindex:
            return match[group]
    return None


def guess_title(paragraphs: list[Paragraph]) -> str:
    """The first paragraph when it reads like a headline: one short line, no final full stop."""
    for paragraph in paragraphs:
        # A paragraph that was only a header line is empty once the header is cut off it.
        if paragraph.kind != "body" or not paragraph.text.strip():
            continue
        text = paragraph.text
        is_headline = ("\n" not in text and len(text.split()) <= 25
                       and not re.search(r"[.:;,]\W*$", text))
        return text if is_headline else ""
    return ""


# --- one article ---------------------------------------------------------------------------

def read_article(path: Path, boilerplate: Boilerplate, manifest: pd.DataFrame) -> tuple[dict, list, list]:
    """One article file -> (articles row, sentence rows, set-aside rows)."""
    return read_article_source(load_article_source(path, manifest), boilerplate)


def read_article_source(source: ArticleSource, boilerplate: Boilerplate) -> tuple[dict, list, list]:
    """One article's bytes -> (articles row, sentence rows, set-aside rows)."""
    path = source.path
    raw, encoding = decode_article(path, source.data)
    is_html = Path(source.name).suffix.lower() in (".html", ".htm")
    view, page = (html_view(raw), trafilatura.bare_extraction(without_time_tags(raw), with_metadata=True)) \
        if is_html else (TextView(raw), None)
    if is_html and page is None:
        raise ArticleError(path, "no article text found in the HTML page")

    paragraphs = separate_header_lines(split_paragraphs(view.text), boilerplate.header)
    for paragraph in paragraphs:
        classify_paragraph(paragraph, boilerplate)
    if is_html:
        mark_html_captions(paragraphs, view.captions)
        mark_outside_main_text(paragraphs, page.text or "", boilerplate.header)
    body = [p for p in paragraphs if p.kind == "body"]
    if not body:
        raise ArticleError(path, "no article text: every paragraph is boilerplate or empty")

    cuts = take_header_and_dateline(body, boilerplate)
    signoff = take_signoff(body[-1], boilerplate.outlets)
    cuts += [signoff] if signoff else []
    body = [p for p in body if p.text.strip()]

    meta = describe_article(paragraphs, body, cuts, boilerplate, source.listed, page)
    article_id = source.article_id
    sentences = split_sentences(article_id, body, view)
    set_aside = [_set_aside_row(article_id, p, view)
                 for p in sorted([p for p in paragraphs if p.kind != "body"] + cuts,
                                 key=lambda p: p.start)]
    row = {
        "article_id": article_id, "path": source.path, "outlet": meta.outlet,
        "title": meta.title, "published": meta.published, "date_source": meta.date_source,
        "n_sentences": len(sentences), "sha256": hashlib.sha256(source.data).hexdigest(),
        "outlet_source": meta.outlet_source, "date_evidence": meta.date_evidence,
        "format": "html" if is_html else "txt", "encoding": encoding,
    }
    return row, sentences, set_aside


def describe_article(paragraphs, body, cuts, boilerplate, listed: dict | None, page) -> Metadata:
    """Title, outlet and publication date, each with where it came from."""
    text_dates = [day for p in paragraphs if p.kind in ("body", "caption")
                  for _, _, day in find_full_dates(p.text)]
    published, date_source, evidence = publication_date(
        cuts, text_dates, boilerplate, listed["published"] if listed is not None else "",
        dateline_lead(cuts, body))
    outlet, outlet_source = "", "unknown"
    candidates = [("manifest", listed["outlet"] if listed is not None else "")]
    candidates += [(c.kind, find_outlet(c.text, boilerplate.outlets))
                   for c in cuts if c.kind in ("dateline", "signoff")]
    candidates += [("source_line", find_outlet(p.text, boilerplate.outlets))
                   for p in paragraphs if p.kind == "source_line"]
    candidates += [("html metadata", (page.sitename or "") if page else "")]
    for source, name in candidates:
        if name:
            outlet = boilerplate.outlets.get(name, name) if source != "html metadata" \
                else (find_outlet(name, boilerplate.outlets) or name)
            outlet_source = source
            break
    title = (page.title or "") if page else guess_title(paragraphs)
    return Metadata(title, outlet, outlet_source, published, date_source, evidence)


def split_sentences(article_id: str, body: list[Paragraph], view: TextView) -> list[dict]:
    """Sentence rows of the body paragraphs, numbered from 1, with offsets into the raw file."""
    nlp = blank_english()
    rows = []
    for paragraph, doc in zip(body, nlp.pipe(p.text for p in body)):
        for sentence in sentence_spans(doc):
            text = sentence.text.strip()
            if not re.search(r"\w", text):
                continue
            local = paragraph.start + sentence.start_char + sentence.text.index(text)
            start, end = view.raw_span(local, local + len(text))
            rows.append({"article_id": article_id, "sentence_id": len(rows) + 1,
                         "paragraph": paragraph.number, "start": start, "end": end, "text": text})
    return rows


def sentence_spans(doc) -> list:
    """The sentences of a parsed paragraph, each opening quote or bracket with the sentence it opens.

    The sentencizer ends a sentence only after the punctuation that follows its full stop, so in
    'said. “Every closure ...' the opening quote would end the sentence before it."""
    ends = sorted(set(sentence.end for sentence in doc.sents) | set(heading_ends(doc)))
    for index, end in enumerate(ends[:-1]):
        start = ends[index - 1] if index else 0
        while end - 1 > start and _opens_next_sentence(doc[end - 1]):
            end -= 1
        ends[index] = end
    starts = [0] + ends[:-1]
    return [doc[start:end] for start, end in zip(starts, ends) if end > start]


def heading_ends(doc) -> list[int]:
    """Token ends of a live blog's timestamp headings, on a line of their own or set off by a dash at
    the head of a line: the sentencizer would run the heading into the entry's first sentence."""
    offsets, start = [], 0
    for line in doc.text.split("\n"):
        lead = TIMESTAMP_LEAD.match(line)
        if lead:
            offsets.append(start + lead.end())
        start += len(line) + 1
        if TIMESTAMP_HEADING.fullmatch(line.strip()):
            offsets.append(start)
    return [next(token.i for token in doc if token.idx >= offset) for offset in offsets
            if offset < len(doc.text)]


def _opens_next_sentence(token) -> bool:
    # A straight quote can open or close; it opens when it is spaced off the word before it.
    return token.is_left_punct and not token.whitespace_ and bool(token.nbor(-1).whitespace_)


def _set_aside_row(article_id: str, paragraph: Paragraph, view: TextView) -> dict:
    start, end = view.raw_span(paragraph.start, paragraph.end)
    return {"article_id": article_id, "paragraph": paragraph.number, "start": start, "end": end,
            "kind": paragraph.kind, "reason": paragraph.reason, "text": paragraph.text}


# --- a folder ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Unreadable:
    """A file that could not even be read as bytes: it travels with the others, so that errors come
    out in the order of the files, wherever they are read."""
    name: str
    error: str


def article_sources(files: list[Path], manifest: pd.DataFrame) -> Iterator[ArticleSource | Unreadable]:
    """The files' bytes, one by one (a reader of a stream holds only what it has taken)."""
    for path in files:
        try:
            yield load_article_source(path, manifest)
        except ArticleError as error:
            yield Unreadable(path.name, str(error))


def read_sources(sources: Iterable[ArticleSource | Unreadable], boilerplate: Boilerplate) -> Corpus:
    """Articles from their bytes; one that fails is reported in `errors` and the rest are read."""
    articles, sentences, set_aside, errors = [], [], [], []
    for source in sources:
        if isinstance(source, Unreadable):
            errors.append(source.error)
            continue
        try:
            row, rows, aside = read_article_source(source, boilerplate)
        except ArticleError as error:
            errors.append(str(error))
            continue
        articles.append(row)
        sentences += rows
        set_aside += aside
    return Corpus(pd.DataFrame(articles, columns=ARTICLE_COLUMNS), pd.DataFrame(sentences, columns=SENTENCE_COLUMNS),
                  pd.DataFrame(set_aside, columns=SET_ASIDE_COLUMNS), errors)


def read_corpus(articles_dir: str | Path, data_dir: str | Path | None = None) -> Corpus:
    """Every article of a folder. A file that fails is reported in `errors`; the rest are read."""
    articles_dir = Path(articles_dir)
    files = list_article_files(articles_dir)
    manifest = read_manifest(articles_dir)
    corpus = read_sources(article_sources(files, manifest), load_boilerplate(data_dir))
    corpus.errors += unmatched_manifest_rows(manifest, files, articles_dir)
    return corpus
