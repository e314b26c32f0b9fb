"""What a long run tells as it goes: a progress bar with articles per second and the time left, the
files that fail (one line each, always), and with `verbose` a line per file read."""
from __future__ import annotations

import sys

from tqdm import tqdm


class Progress:
    """The pipeline's calls as it streams; this one stays silent (tests, notebooks, benchmarks)."""

    def start(self, total: int) -> None:
        """`total` article files are about to be read."""

    def advance(self, names: list[str], errors: list[str]) -> None:
        """A batch is done: the files it held, and the messages of those that could not be read."""

    def note(self, message: str) -> None:
        """A step beyond the articles ('merging incidents')."""

    def close(self) -> None:
        """The run is over."""


class ProgressBar(Progress):
    """On standard error: a bar (only on a terminal; a log gets no carriage returns), every error
    on a line of its own, and with `verbose` every file read."""

    def __init__(self, verbose: bool = False, stream=None):
        self.verbose, self.stream, self.bar = verbose, stream or sys.stderr, None

    def start(self, total: int) -> None:
        self.bar = tqdm(total=total, unit="article", file=self.stream, disable=None, dynamic_ncols=True,
                        smoothing=0.1)

    def advance(self, names: list[str], errors: list[str]) -> None:
        for line in ([f"read {name}" for name in names] if self.verbose else []) + [f"error: {e}" for e in errors]:
            self.say(line)
        if self.bar is not None:
            self.bar.update(len(names))

    def note(self, message: str) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(message)

    def say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
