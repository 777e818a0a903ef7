"""A progress bar on stderr, without a dependency: `[#####.....]  12/40 pages`."""

import sys
from typing import TextIO


class ProgressBar:
    """Redraws one line in place on a terminal; elsewhere (a log, a pipe) writes only the
    final line, so logs do not fill with carriage returns."""

    def __init__(self, label: str = "", width: int = 30, stream: TextIO | None = None) -> None:
        self.label = label
        self.width = width
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.shown = ""

    def __call__(self, done: int, total: int) -> None:
        total = max(total, 1)
        filled = self.width * min(done, total) // total
        line = f"{self.label}[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total}"
        if line == self.shown:
            return
        self.shown = line
        if self.live:
            self.stream.write(f"\r{line}")
            self.stream.flush()
        if done >= total:
            self.stream.write("\n" if self.live else f"{line}\n")
            self.stream.flush()
