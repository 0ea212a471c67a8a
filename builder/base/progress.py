"""A progress bar on standard error for long runs, only when standard error is a terminal.

Reports never go to standard error, so JSON or SARIF on standard output stays clean; and
the bar appears only once enough work is queued to be worth watching.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

SHOW_ABOVE = 500
"""Files to process before a bar is worth showing."""


class Bar:
    """Counts work; draws a rich progress bar once the total passes `SHOW_ABOVE`."""

    def __init__(self, label: str, enabled: bool) -> None:
        self.label = label
        self.enabled = enabled
        self.total = 0
        self.done = 0
        self._progress: Any = None
        self._task: Any = None

    def add(self, count: int) -> None:
        """Announce `count` more items of work."""
        self.total += count
        if self._progress is None and self.enabled and self.total >= SHOW_ABOVE:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

            self._progress = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(self.label, total=self.total, completed=self.done)
        elif self._progress is not None:
            self._progress.update(self._task, total=self.total)

    def advance(self) -> None:
        """One item done."""
        self.done += 1
        if self._progress is not None:
            self._progress.update(self._task, completed=self.done)

    def close(self) -> None:
        """Remove the bar from the terminal."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def wanted() -> bool:
    """True when standard error is an interactive terminal (and NO_PROGRESS is unset)."""
    return sys.stderr.isatty() and "NO_PROGRESS" not in os.environ


@contextmanager
def progress(label: str, *, enabled: bool | None = None) -> Iterator[Bar]:
    """A `Bar` that is removed when the block ends, however it ends."""
    bar = Bar(label, wanted() if enabled is None else enabled)
    try:
        yield bar
    finally:
        bar.close()
