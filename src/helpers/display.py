"""Settings every notebook shares, so outputs are readable and byte-for-byte repeatable."""
from __future__ import annotations

import matplotlib
import pandas as pd


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
