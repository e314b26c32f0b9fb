"""Writing and reading the pipeline's tables as CSV, atomically; JSON kept in a cache the same way."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def replace_atomically(path: Path, write) -> Path:
    """Call write(temporary_path), then rename it over `path`: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        write(temporary)
        os.chmod(temporary, 0o666 & ~current_umask())  # mkstemp makes files private; outputs are shared
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def replace_folder(built: Path, destination: Path) -> None:
    """Swap a finished folder in for `destination`: a reader sees the old one or the new one, never a
    mix; the old one is deleted after the swap."""
    old = None
    if destination.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{destination.name}.old-", dir=destination.parent))
        os.replace(destination, old / destination.name)
    os.replace(built, destination)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def cached_json(path: Path, compute):
    """The JSON kept at `path`, else `compute()`, written there for the next time (not on a
    read-only checkout, which then computes every time)."""
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    value = compute()
    try:
        replace_atomically(path, lambda temporary: Path(temporary).write_text(
            json.dumps(value, ensure_ascii=False), encoding="utf-8"))
    except OSError:
        pass
    return value


def write_csv_atomically(table: pd.DataFrame, path: Path) -> None:
    replace_atomically(path, lambda temporary: table.to_csv(temporary, index=False, encoding="utf-8"))


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Every table as OUT_DIR/<name>.csv; returns the paths written."""
    out_dir = Path(out_dir)
    paths = []
    for name, table in tables.items():
        path = out_dir / f"{name}.csv"
        write_csv_atomically(table, path)
        paths.append(path)
    return paths


def read_tables(out_dir: str | Path, names: list[str]) -> dict[str, pd.DataFrame]:
    """Tables written by `write_tables`, as strings (codes keep their leading zeros)."""
    out_dir = Path(out_dir)
    return {name: pd.read_csv(out_dir / f"{name}.csv", dtype=str, keep_default_na=False)
            for name in names}
