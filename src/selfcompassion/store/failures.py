"""What the person is told when the journal's file cannot be used.

SQLite and the operating system describe a failure in their own terms ("disk I/O error",
"attempt to write a readonly database"); ``storage_errors`` turns each into one
StorageError that names the file and says what to do about it.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
from collections.abc import Iterator
from pathlib import Path

from ..errors import JournalError, StorageError
from ..files.paths import DB_ENV
from . import driver

#: Below this much free space a "disk I/O error" is reported as a full disk.
FULL_DISK_BYTES = 64 * 1024
DAMAGED = (
    "{path}: the journal file is damaged, so it was left untouched; restore a backup "
    "(journal doctor lists them) or move the file aside"
)


def _disk_is_full(path: Path) -> bool:
    probe = path.parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free < FULL_DISK_BYTES
    except OSError:
        return False


def _describe_sqlite_error(path: Path, error: Exception) -> str:
    text = str(error).lower()
    if "readonly" in text or "read-only" in text:
        return (
            f"{path}: the journal is read-only here; make the file and its folder writable "
            "for you (chmod u+w), or copy the journal somewhere that is"
        )
    if "full" in text or ("disk i/o" in text and _disk_is_full(path)):
        return f"{path}: the disk is full; free some space and try again (nothing was saved)"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DAMAGED.format(path=path)
    if "disk i/o" in text:
        return (
            f"{path}: the journal could not be used: the disk reported an error; "
            "check the disk, then run journal doctor"
        )
    if "unable to open" in text:
        return (
            f"{path}: the journal cannot be opened; check that the file and its folder "
            "belong to you and are writable"
        )
    if "locked" in text or "busy" in text:
        return f"{path}: the journal is busy in another window; try again in a moment"
    return f"{path}: the journal could not be used ({error}); journal doctor can check it"


@contextlib.contextmanager
def storage_errors(path: Path) -> Iterator[None]:
    """Turn SQLite and OS failures into one clear StorageError naming the file."""
    try:
        yield
    except JournalError:
        raise
    except driver.Error as error:
        raise StorageError(_describe_sqlite_error(path, error)) from None
    except PermissionError:
        raise StorageError(
            f"{path}: permission denied; the journal and its folder must belong to you"
        ) from None
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise StorageError(
                f"{path}: the disk is full; free some space and try again (nothing was saved)"
            ) from None
        raise StorageError(
            f"{path}: {error.strerror or error}; check the path given by --db or {DB_ENV}"
        ) from None
