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
