"""The journal's files on disk: which they are, and whether anyone else can read them.

A journal is more than its one file: SQLite keeps a write-ahead log and an index beside
it while it is open, and backups sit next to it. All of them hold private words, so
all of them are checked: files must be 0600 and the journal's own folder 0700. A folder
the journal shares with other files (``--db ~/Documents/journal.db``) is reported but
never changed, since tightening it would lock its other files away from their owner.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
SIDE_FILES = ("-wal", "-shm", "-journal")
BACKUP_MARKS = ("-backup-", ".before-upgrade-")


@dataclass(frozen=True)
class Loose:
    """A file or folder that others can reach, and the mode it should have."""

    path: Path
    mode: int
    wanted: int
    is_folder: bool = False

    def describe(self) -> str:
        what = "folder" if self.is_folder else "file"
        return f"{self.path} ({what}, {self.mode:04o}, should be {self.wanted:04o})"


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def side_files(journal: Path) -> list[Path]:
    """The write-ahead log, shared-memory index and rollback journal that exist now."""
    found = (journal.with_name(journal.name + suffix) for suffix in SIDE_FILES)
    return [path for path in found if path.exists()]


def backups_of(journal: Path) -> list[Path]:
    """Copies next to the journal made by ``journal backup`` or before an upgrade, newest
    first."""
    if not journal.parent.is_dir():
        return []
    found = [
        path
        for path in journal.parent.iterdir()
        if path.is_file()
        and path.name.startswith(journal.stem)
        and any(mark in path.name for mark in BACKUP_MARKS)
        and not path.name.endswith(SIDE_FILES)
    ]
    return sorted(found, key=lambda path: (path.stat().st_mtime, path.name), reverse=True)


def own_folder(journal: Path, default_folder: Path | None = None) -> bool:
    """Whether the folder holds nothing but this journal and its copies."""
    folder = journal.parent
    if default_folder is not None and folder.resolve() == default_folder.resolve():
        return True
    try:
        return all(entry.name.startswith(journal.stem) for entry in folder.iterdir())
    except OSError:
        return False


def loose_files(journal: Path, *, default_folder: Path | None = None) -> list[Loose]:
    """Every file of the journal that group or others can reach, and its folder when the
    folder is the journal's own."""
    loose: list[Loose] = []
    for path in (journal, *side_files(journal), *backups_of(journal)):
        if path.exists() and mode_of(path) & 0o077:
            loose.append(Loose(path, mode_of(path), PRIVATE_FILE))
    folder = journal.parent
    if own_folder(journal, default_folder) and mode_of(folder) & 0o077:
        loose.append(Loose(folder, mode_of(folder), PRIVATE_DIR, is_folder=True))
    return loose


def shared_folder(journal: Path, default_folder: Path | None = None) -> bool:
    """The journal sits in a folder others can list, together with other files."""
    folder = journal.parent
    return not own_folder(journal, default_folder) and bool(mode_of(folder) & 0o077)


def tighten(loose: list[Loose]) -> None:
    """Take away group and other access from each file and folder given."""
    for item in loose:
        os.chmod(item.path, item.wanted)
