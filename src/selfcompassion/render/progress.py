"""The progress bar of long work (imports, exports): a transient Rich bar on a terminal,
shown only once the work is long enough to be worth watching."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..progress import NoProgress, Progress

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID

#: Below this many entries an import or export is quick enough to need no bar.
PROGRESS_FROM = 500


class _Bar:
    """A ``progress.Progress`` drawn as a Rich bar."""

    def __init__(self, progress: RichProgress) -> None:
        self.progress = progress
        self.task: TaskID | None = None
        self.done = 0

    def start(self, label: str, total: int | None) -> None:
        if self.task is not None:
            self.progress.refresh()  # the stage that ends is drawn as it ended
            self.progress.remove_task(self.task)
        self.done = 0
        # A bar whose total is not known shows once the work has gone on for a while.
        shown = total is not None and total >= PROGRESS_FROM
        self.task = self.progress.add_task(label, total=total, visible=shown)

    def advance(self, count: int) -> None:
        if self.task is not None:
            self.done += count
            self.progress.update(self.task, advance=count)
            if self.done >= PROGRESS_FROM:
                self.progress.update(self.task, visible=True)


@contextlib.contextmanager
def progress_bar(console: Console) -> Iterator[Progress]:
    """A progress reporter: a transient bar when ``console`` is a terminal, else silent."""
    if not console.is_terminal:
        yield NoProgress()
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
    from rich.progress import Progress as RichProgress

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with RichProgress(*columns, console=console, transient=True) as progress:
        yield _Bar(progress)
