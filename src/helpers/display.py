"""Settings every notebook shares, so outputs are readable and byte-for-byte repeatable."""
from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

from .tables import replace_atomically


def setup_notebook() -> None:
    """Wide, untruncated tables and deterministic figures (fixed size, SVG hash salt, no dates)."""
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.width", 160)
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.precision", 2)
    matplotlib.rcParams.update({
        "figure.figsize": (10, 6),
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "svg.hashsalt": "standoff",
        "font.size": 10,
    })


def as_table(rows: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """The named columns (all by default), with a plain 1-based index, for showing to an analyst."""
    shown = (rows if columns is None else rows[columns]).reset_index(drop=True)
    shown.index = shown.index + 1
    return shown


# How many rows of a table a notebook shows (its `table_rows` parameter): a large corpus gives
# tables of thousands of rows, which no one reads in a notebook page.
DEFAULT_ROWS = 50


def show_table(rows: pd.DataFrame, columns: list[str] | None = None, first: int = DEFAULT_ROWS,
               saved_as: str = "") -> pd.DataFrame:
    """`as_table`, cut to its first rows when it has more, after a line saying so (and where the
    whole table is, when `saved_as` names its file). A table within the limit is `as_table`'s."""
    shown = as_table(rows, columns)
    # pandas would fold a longer table to its head and tail: show all the rows asked for.
    if first > pd.get_option("display.max_rows"):
        pd.set_option("display.max_rows", first)
    if len(shown) <= first:
        return shown
    print(table_summary(len(shown), first, saved_as))
    return shown.head(first)


def table_summary(n_rows: int, first: int, saved_as: str = "") -> str:
    """'1,234 rows; the first 50 shown; the whole table is in data/processed/events.csv.'

    A table no file holds can only be seen whole in the notebook, with a larger `table_rows`.
    """
    rest = f"the whole table is in {saved_as}" if saved_as else "the parameter table_rows shows more"
    return f"{n_rows:,} rows; the first {first:,} shown; {rest}."


def with_note(title: str, *notes: str) -> str:
    """A figure's title, with a line for each note (such as what the figure leaves out) there is."""
    return "\n".join([title, *(note for note in notes if note)])


def save_figure(figure: plt.Figure, directory: str | Path, name: str) -> list[Path]:
    """PNG and SVG, without the creation date, so a re-run writes the same bytes."""
    directory = Path(directory)
    return [
        replace_atomically(directory / f"{name}.png", lambda temporary: figure.savefig(
            temporary, format="png", dpi=150, bbox_inches="tight", metadata={"Software": None})),
        replace_atomically(directory / f"{name}.svg", lambda temporary: figure.savefig(
            temporary, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})),
    ]


def print_lines(lines: list[str], width: int = 100) -> None:
    """Sentences computed from the data, one bullet each, wrapped for reading in a notebook."""
    for line in lines:
        print(textwrap.fill(line, width, initial_indent="- ", subsequent_indent="  "))
