"""Temporary files that hold entry text, and making sure none outlives its command.

A file being written (an export, a report, a backup) sits under a hidden temporary name
beside its target until it is complete; the editor gets a copy of an entry in a folder of
its own. Each such file is removed when its command ends, however it ends: normally, on an
error, on Ctrl-C, and on SIGTERM or SIGHUP (which are turned into an orderly exit while a
temporary file exists). Only SIGKILL cannot be caught, so every temporary file is first
recorded in a private folder with the id of the process that made it; the next command
that writes a file, and ``journal doctor --fix``, remove what a process that no longer
runs left behind.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import StorageError
from ..stopping import signals_raise
from . import paths
from .modes import PRIVATE_DIR, PRIVATE_FILE, make_private_dir

PART_SUFFIX = ".part"
RECORD_SUFFIX = ".where"
EDIT_PREFIX = "edit-"
_SIDE_FILES = ("-journal", "-wal", "-shm")


def temp_dir() -> Path:
    """The private folder (0700) that holds editor copies and records of temporary files."""
    return paths.data_dir() / "tmp"


def _stop(signum: int) -> SystemExit:
    return SystemExit(128 + signum)


def _signals_end_the_command() -> contextlib.AbstractContextManager[None]:
    """While the block runs, SIGTERM and SIGHUP end the command the way an error does, so
    that the blocks cleaning up after it run (Ctrl-C already does this)."""
    return signals_raise(_stop)


def _private_folder() -> Path:
    folder = temp_dir()
    make_private_dir(folder)
    return folder


def _token() -> str:
    return f"{os.getpid()}-{secrets.token_hex(6)}"


def _remove(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        with contextlib.suppress(FileNotFoundError, IsADirectoryError):
            Path(f"{path}{suffix}").unlink()


def temporary(folder: Path, name: str) -> contextlib.AbstractContextManager[Path]:
    """A new empty 0600 file in ``folder``, under a hidden name made from ``name``,
    removed when the block ends however it ends."""
    return _recorded(folder, name, _write_private, _remove)


def temporary_folder(folder: Path, name: str) -> contextlib.AbstractContextManager[Path]:
    """A new empty 0700 folder in ``folder``, under a hidden name made from ``name``, to
    gather many files before they take their names; removed with what it holds when the
    block ends however it ends."""
    return _recorded(folder, name, _new_private_folder, _remove_folder)


@contextlib.contextmanager
def _recorded(
    folder: Path, name: str, make: Callable[[Path], None], remove: Callable[[Path], None]
) -> Iterator[Path]:
    """``make`` a temporary path in ``folder`` and ``remove`` it when the block ends."""
    token = _token()
    record = _private_folder() / f"{token}{RECORD_SUFFIX}"
    temp = folder / f".{name}.{token}{PART_SUFFIX}"
    # Recorded before it exists, so that even a SIGKILL at any moment leaves it findable;
    # a name that is not UTF-8 is kept byte for byte (surrogateescape), as the system has it.
    _write_private(record, str(temp.absolute()))
    try:
        with _signals_end_the_command():
            try:
                try:
                    make(temp)
                except OSError as error:  # a folder that is read-only or not searchable
                    raise StorageError(
                        f"{folder}: cannot be written ({error.strerror or error})"
                    ) from None
                yield temp
            finally:
                remove(temp)
    finally:
        record.unlink(missing_ok=True)


def _write_private(path: Path, text: str = "") -> None:
    """A new 0600 file holding ``text`` (a record names the file being written)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    os.fchmod(fd, PRIVATE_FILE)
    with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as handle:
        handle.write(text)


def _new_private_folder(path: Path) -> None:
    path.mkdir(mode=PRIVATE_DIR)
    os.chmod(path, PRIVATE_DIR)


def _remove_folder(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def editor_copy(text: str, suffix: str = ".txt") -> Iterator[Path]:
    """A 0600 file holding ``text`` in a 0700 folder of its own (so an editor's backup and
    swap files stay private and go with it), removed with the folder when the block ends."""
    sweep()  # what an earlier edit killed with SIGKILL left behind
    folder = _private_folder() / f"{EDIT_PREFIX}{_token()}"
    folder.mkdir(mode=PRIVATE_DIR)
    try:
        with _signals_end_the_command():
            os.chmod(folder, PRIVATE_DIR)
            path = folder / f"entry{suffix}"
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def _pid_of(name: str) -> int | None:
    head = name.removeprefix(EDIT_PREFIX).split("-", 1)[0]
    return int(head) if head.isdigit() else None


def _left_behind() -> list[Path]:
    folder = temp_dir()
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        pid = _pid_of(entry.name)
        if pid is not None and not _running(pid):
            found.append(entry)
    return found


def _named_temp(record: Path) -> Path | None:
    """The temporary file a record names, if it still looks like one of ours."""
    try:
        named = Path(record.read_text(encoding="utf-8", errors="surrogateescape").strip())
    except (OSError, UnicodeDecodeError):
        return None
    token = record.name.removesuffix(RECORD_SUFFIX)
    if not (named.name.startswith(".") and named.name.endswith(f".{token}{PART_SUFFIX}")):
        return None
    return named


def _left_pairs() -> list[tuple[Path, Path | None]]:
    """(what a gone process left in the private folder, the temporary file it names or
    the editor folder it is; None when a record names nothing that is ours any more)."""
    pairs: list[tuple[Path, Path | None]] = []
    for entry in _left_behind():
        if entry.name.endswith(RECORD_SUFFIX):
            named = _named_temp(entry)
            ours = named is not None and (_is_plain_file(named) or _is_plain_folder(named))
            pairs.append((entry, named if ours else None))
        elif entry.name.startswith(EDIT_PREFIX):
            pairs.append((entry, entry))
    return pairs


def leftovers() -> list[Path]:
    """Temporary files (and editor folders) that processes which no longer run left behind."""
    return [left for _, left in _left_pairs() if left is not None]


def sweep() -> list[Path]:
    """Remove what :func:`leftovers` finds, and the records of it; returns what was removed."""
    removed = []
    for entry, left in _left_pairs():
        if left is entry:
            shutil.rmtree(entry, ignore_errors=True)
        else:
            if left is not None and _is_plain_folder(left):
                shutil.rmtree(left, ignore_errors=True)
            elif left is not None:
                _remove(left)
            entry.unlink(missing_ok=True)
        if left is not None:
            removed.append(left)
    return removed


def _is_plain_folder(path: Path) -> bool:
    """A folder itself, not a link to one (a staging folder of ``temporary_folder``)."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _is_plain_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False
