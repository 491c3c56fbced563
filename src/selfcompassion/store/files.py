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

from ..files.safefiles import BACKUP_MARKS, PRIVATE_DIR, PRIVATE_FILE, SIDE_FILES


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


def is_mine(path: Path, *, folder: bool = False) -> bool:
    """Whether ``path`` itself (not what a link points at) is a regular file, or a folder
    when ``folder`` is set, that belongs to the person running the journal."""
    try:
        found = os.lstat(path)
    except OSError:
        return False
    kind = stat.S_ISDIR if folder else stat.S_ISREG
    return kind(found.st_mode) and found.st_uid == os.getuid()


def not_mine(journal: Path) -> list[Path]:
    """The journal's files that are links, devices or pipes, or belong to someone else:
    never changed, only reported."""
    return [
        path
        for path in (journal, *side_files(journal), *backups_of(journal))
        if path.exists() and not is_mine(path)
    ]


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
        if is_mine(path) and mode_of(path) & 0o077:
            loose.append(Loose(path, mode_of(path), PRIVATE_FILE))
    folder = journal.parent
    mine = is_mine(folder, folder=True)
    if mine and own_folder(journal, default_folder) and mode_of(folder) & 0o077:
        loose.append(Loose(folder, mode_of(folder), PRIVATE_DIR, is_folder=True))
    return loose


def shared_folder(journal: Path, default_folder: Path | None = None) -> bool:
    """The journal sits in a folder others can list, together with other files."""
    folder = journal.parent
    return not own_folder(journal, default_folder) and bool(mode_of(folder) & 0o077)


def tighten(loose: list[Loose]) -> None:
    """Take away group and other access from each file and folder given, if it is still a
    plain file or folder of the person's own."""
    for item in loose:
        if is_mine(item.path, folder=item.is_folder):
            os.chmod(item.path, item.wanted)


def settle_side_files(journal: Path) -> list[Path]:
    """Give SQLite's side files the journal's private, writable mode: opened read-only,
    SQLite creates them with the journal file's mode (0400, say), and a side file the
    owner cannot write makes the journal look read-only once the file itself is not."""
    settled = []
    for path in side_files(journal):
        if is_mine(path) and mode_of(path) != PRIVATE_FILE:
            os.chmod(path, PRIVATE_FILE)
            settled.append(path)
    return settled
