"""The one writer of every file the journal makes: private, whole, and never in the wrong place.

Reports, exports, daily notes, backups and settings are all written through here, and the
journal file itself is created here too, so one set of modes holds everywhere: folders
0700, files 0600, whatever the umask. A file is written to a private temporary name
beside its target and appears under its own name only once it is complete and on disk,
so a crash, a full disk or a signal never leaves half a file in place of a good one (the
temporary file is removed, see ``temps``).

Before anything is written the target is checked, and refused with one plain line (exit
2) when it is the journal, one of its side files (``-wal``, ``-shm``, ``-journal``) or a
backup of it, any other SQLite database, something that is not a regular file (a FIFO,
a device, a socket, or a link to one), or an existing file when ``--force`` was not given.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from ..errors import InputError, StorageError
from . import temps
from .modes import PRIVATE_DIR, PRIVATE_FILE, create_private_file, make_private_dir

__all__ = ["PRIVATE_DIR", "PRIVATE_FILE", "create_private_file", "make_private_dir"]

#: What SQLite keeps beside a database while it is in use.
SIDE_FILES = ("-wal", "-shm", "-journal")
#: How backups of the journal are named (by ``journal backup`` and before an upgrade).
BACKUP_MARKS = ("-backup-", ".before-upgrade-")
SQLITE_HEADER = b"SQLite format 3\x00"

_journals: set[Path] = set()


def protect(journal: Path) -> None:
    """Remember the journal in use, so nothing is ever written over it or its side files."""
    _journals.add(_real(journal))


def _real(path: Path) -> Path:
    return Path(os.path.realpath(Path(path).expanduser()))


def is_sqlite_file(path: Path) -> bool:
    """Whether ``path`` is a regular file that starts like an SQLite database."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _what_it_holds(target: Path) -> str | None:
    """What ``target`` is when it is the journal, a side file of it or of another SQLite
    database, or such a database (every backup is one); None when it is none of these."""
    real = _real(target)
    if real in _journals:
        return "the journal"
    for journal in _journals:
        # An encrypted backup has no SQLite header to know it by; its name tells.
        is_backup = real.name.startswith(journal.stem) and any(m in real.name for m in BACKUP_MARKS)
        if is_backup and real.parent == journal.parent and real.exists():
            return f"a backup of the journal {journal}"
    if is_sqlite_file(real):
        return "an SQLite database (a journal or a backup of one)"
    for suffix in SIDE_FILES:
        base = real.with_name(real.name.removesuffix(suffix))
        if real.name.endswith(suffix) and (base in _journals or is_sqlite_file(base)):
            return f"a file SQLite keeps beside {base}"
    return None


def check_target(target: Path, *, force: bool) -> Path:
    """``target`` if it may be written; otherwise one InputError that says why not.

    ``force`` allows replacing an existing regular file, never a journal or its copies.
    """
    target = Path(target).expanduser()
    what = _what_it_holds(target)
    if what is not None:
        raise InputError(
            f"{target}: is {what}, which is never written over; choose another file name"
        )
    try:
        found = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as error:
        raise InputError(f"{target}: cannot be used ({error.strerror or error})") from None
    if stat.S_ISDIR(found.st_mode):
        raise InputError(f"{target}: is a folder; give a file name")
    if not stat.S_ISREG(found.st_mode):
        raise InputError(
            f"{target}: is not a regular file (a device, pipe or socket); choose a file name"
        )
    if not force:
        raise InputError(f"{target}: already exists; choose another name or add --force")
    return target


def refuse_existing(paths: list[Path], force: bool) -> None:
    """Check every target before the first one is written."""
    for path in paths:
        check_target(path, force=force)


def _folder_of(target: Path, make_folder: bool) -> Path:
    folder = target.parent if str(target.parent) else Path(".")
    if make_folder:
        make_private_dir(folder)
    elif not folder.is_dir():
        raise InputError(f"{folder}: no such folder; create it first or choose another path")
    return folder


@contextlib.contextmanager
def private_new_file(
    target: Path, *, force: bool = False, make_folder: bool = False, own: bool = False
) -> Iterator[Path]:
    """A private temporary path beside ``target`` to fill; once the block ends without
    error it is synced and takes ``target``'s name. On any failure, or a signal, it is
    removed and ``target`` is as it was.

    ``own`` marks a file the journal keeps for itself (its settings), which it replaces
    as a matter of course; any other existing file needs ``force``.
    """
    target = Path(target).expanduser()
    check_target(target, force=force or own)
    folder = _folder_of(target, make_folder)
    temps.sweep()
    with temps.temporary(folder, target.name) as temp:
        try:
            yield temp
            _sync(temp)
        except OSError as error:
            raise StorageError(f"{target}: cannot be written ({error.strerror or error})") from None
        _place(temp, target, force=force or own)
    _sync_folder(folder)


def _place(temp: Path, target: Path, *, force: bool) -> None:
    """Give the complete, synced ``temp`` the name ``target``: over an existing file only
    with ``force``, otherwise never (a name taken meanwhile is refused)."""
    # Checked again: the target may have appeared since the start.
    check_target(target, force=force)
    try:
        if force:
            os.replace(temp, target)
        else:
            os.link(temp, target)  # never replaces: fails if the name was taken meanwhile
    except FileExistsError:
        raise InputError(f"{target}: already exists; choose another name or add --force") from None
    except OSError as error:
        raise StorageError(f"{target}: cannot be written ({error.strerror or error})") from None


@contextlib.contextmanager
def private_text_files(
    folder: Path, *, force: bool = False
) -> Iterator[Callable[[str, str], None]]:
    """Many text files in ``folder`` (0600), written as one: the block calls the function
    it is given with each file's name and text. Each is written in a private staging
    folder beside them; once the block ends without error they are all put on disk at
    once (``_sync_all``), then each takes its name as ``private_new_file`` gives one, and
    the folder is synced once. A failure before that leaves none of them; names already
    taken keep their files unless ``force``. One sync for all rather than two for each
    file is what makes thousands of daily notes take seconds, not minutes."""
    folder = Path(folder).expanduser()
    make_private_dir(folder)
    temps.sweep()
    written: list[Path] = []
    with temps.temporary_folder(folder, "notes") as staging:

        def write(name: str, text: str) -> None:
            temp = staging / name
            try:
                fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
                os.fchmod(fd, PRIVATE_FILE)
                with open(fd, "w", encoding="utf-8", newline="") as stream:
                    stream.write(text)
            except OSError as error:
                raise StorageError(
                    f"{folder / name}: cannot be written ({error.strerror or error})"
                ) from None
            written.append(temp)

        yield write
        try:
            _sync_all(written)
        except OSError as error:
            raise StorageError(f"{folder}: cannot be written ({error.strerror or error})") from None
        for temp in written:
            _place(temp, folder / temp.name, force=force)
    _sync_folder(folder)


def _sync_all(paths: list[Path]) -> None:
    """Every file in ``paths`` on disk. On Linux one ``sync()`` does it, and waits until
    it is done; elsewhere (where ``sync()`` may return before the data is written) each
    file is synced on its own."""
    if sys.platform.startswith("linux") and paths:
        os.sync()
        return
    for path in paths:
        _sync(path)


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def private_text_file(
    target: Path, *, force: bool = False, make_folder: bool = False, own: bool = False
) -> Iterator[IO[str]]:
    """A text stream that becomes ``target`` (0600) once the block ends without error."""
    with private_new_file(target, force=force, make_folder=make_folder, own=own) as temp:
        try:
            with open(temp, "w", encoding="utf-8", newline="") as stream:
                yield stream
        except OSError as error:
            raise StorageError(f"{target}: cannot be written ({error.strerror or error})") from None


def write_private_text(
    target: Path, text: str, *, force: bool = False, make_folder: bool = False, own: bool = False
) -> Path:
    """Write ``text`` to ``target``, readable and writable by its owner only."""
    with private_text_file(target, force=force, make_folder=make_folder, own=own) as stream:
        stream.write(text)
    return Path(target).expanduser()


def write_private_copy(
    target: Path, fill: Callable[[Path], None], *, force: bool = False, make_folder: bool = False
) -> Path:
    """Let ``fill`` write a file at a private temporary path (a database copy, say); the
    result takes ``target``'s name only when ``fill`` returns without error."""
    with private_new_file(target, force=force, make_folder=make_folder) as temp:
        fill(temp)
    return Path(target).expanduser()
