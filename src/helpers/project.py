"""Where the project's folders are, whichever directory a kernel or a command was started in."""
from __future__ import annotations

from pathlib import Path

# src/helpers/project.py -> the checkout's root (editable install keeps the package in place).
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"


def resolve_path(path: str | Path) -> Path:
    """An absolute path; relative paths are taken from the project root, as notebook parameters are."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


def data_file(name: str, data_dir: str | Path | None = None) -> Path:
    """A reference file in data/ (or in another data folder an analyst passes)."""
    return (resolve_path(data_dir) if data_dir else DATA_DIR) / name
