"""Backups: a copy of the journal that appears under its name only once it is complete and
checked, and a way to tell a good copy from a bad one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import JournalError
from ..store import JournalStore
from ..store.journalfile import free_name


def after_path(error: JournalError, path: Path) -> str:
    """A store message without the path it starts with (the caller has shown it)."""
    prefix = f"{path}: "
    return error.message[len(prefix) :] if error.message.startswith(prefix) else error.message


def examine_copy(path: Path) -> tuple[str | None, int]:
    """(why a copy of the journal cannot be trusted, or None; how many entries it holds)."""
    try:
        with JournalStore.inspect(path) as copy:
            problems = copy.integrity_problems()
            if not problems and not copy.applied_migrations():
                problems = ["not a selfcompassion journal"]
            return (problems[0], 0) if problems else (None, copy.count_entries())
    except JournalError as error:
        return after_path(error, path), 0


def backup_problem(path: Path) -> str | None:
    """Why a backup cannot be trusted (cut short, damaged, not a journal), or None."""
    return examine_copy(path)[0]


@dataclass(frozen=True)
class BackupResult:
    path: Path
    entries: int
    size: int


def backup_target(journal: Path, given: str | Path | None, now: datetime) -> Path:
    """Where a backup goes: ``given`` (a file, or a folder to put it in), or next to the
    journal, named after it with the moment it was made. A path ending in a slash names a
    folder, created if it does not exist yet."""
    name = f"{journal.stem}-backup-{now:%Y%m%d-%H%M%S}{journal.suffix or '.db'}"
    if given is None:
        return free_name(journal.with_name(name))
    folder = Path(given).expanduser()
    # os.path.isdir, unlike Path.is_dir, is False for a path it may not look at; the
    # target's own checks then say why it cannot be used.
    if os.path.isdir(folder) or str(given).endswith(("/", os.sep)):
        return free_name(folder / name)
    return folder


def make_backup(store: JournalStore, target: Path, *, force: bool = False) -> BackupResult:
    """Copy the journal while it may be in use, and check the copy before it takes its name.

    A copy of a damaged journal would only look like a backup, so it never appears under
    the backup's name: the damage is reported instead. Nor does a copy cut short."""
    from ..errors import StorageError

    counted: list[int] = []

    def check(copy_path: Path) -> None:
        problem, entries = examine_copy(copy_path)
        counted.append(entries)
        if problem:
            raise StorageError(
                f"{store.path}: the journal file is damaged, so no backup was made; restore "
                "an earlier backup (journal doctor lists them) or move the file aside"
            )

    made = store.backup(target, force=force, check=check)
    return BackupResult(made, counted[0], made.stat().st_size)
