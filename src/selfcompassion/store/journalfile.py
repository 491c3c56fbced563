"""The journal's file before SQLite opens it.

A file that is not a journal, or one that was cut short, is refused before anything
reads or writes it; a journal that could not be saved to is refused before any question
is asked; a new journal (or a copy of one) is created owner-only whatever the umask.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from ..encryption.keys import JournalKey
from ..errors import StorageError
from ..files.paths import DB_ENV
from ..files.safefiles import create_private_file
from . import driver
from .failures import DAMAGED

SQLITE_HEADER = driver.SQLITE_HEADER
HEADER_BYTES = 100
BUSY_TIMEOUT_MS = 10_000


def free_name(path: Path) -> Path:
    """``path``, or the same name with -2, -3, ... (before an extension like ``.db``) when
    it is taken. A name that cannot be looked at counts as free: writing to it says why."""
    extension = path.suffix if path.suffix[1:].isalnum() and len(path.suffix) <= 8 else ""
    stem = path.name[: len(path.name) - len(extension)]
    candidate, number = path, 1
    while os.path.exists(candidate):
        number += 1
        candidate = path.with_name(f"{stem}-{number}{extension}")
    return candidate


def has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


__all__ = ["create_private_file"]


def refuse_special(path: Path) -> None:
    """Refuse a FIFO, device or socket (or a link to one) before it is opened: reading a
    FIFO waits for ever, and a device is no place for a journal."""
    with contextlib.suppress(FileNotFoundError):
        mode = os.stat(path).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise StorageError(
                f"{path}: is not a regular file (a device, pipe or socket), so it cannot be a "
                f"journal; point --db or {DB_ENV} at a journal file"
            )


def check_file(path: Path) -> bool:
    """Refuse a file that is not an SQLite database, or one that was cut short; say
    whether it is an encrypted journal (which has no SQLite header to check).

    SQLite notices a missing page only when it reads it, which may be after a write;
    the header says how long the file should be, so a cut-off file is refused before
    anything is read or written.
    """
    refuse_special(path)
    header = driver.read_header(path, HEADER_BYTES)
    if not header:
        return False  # a new, empty journal
    if driver.looks_encrypted(path, header):
        return True
    if not header.startswith(SQLITE_HEADER):
        raise StorageError(
            f"{path}: this file is not a journal (not an SQLite database); "
            "point --db at your journal or move this file aside"
        )
    if len(header) < HEADER_BYTES:
        raise StorageError(DAMAGED.format(path=path))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    size_is_valid = header[24:28] == header[92:96]
    # While a write-ahead log or rollback journal holds pages, the file may be shorter.
    pending = any(
        has_content(path.with_name(path.name + suffix)) for suffix in ("-wal", "-journal")
    )
    if pages and size_is_valid and not pending and path.stat().st_size < pages * page_size:
        raise StorageError(DAMAGED.format(path=path))
    return False


def check_access(path: Path) -> None:
    """Refuse, before any question is asked, a journal that could not be saved to."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError(
            f"{path}: its folder is read-only for you, and the journal needs to write beside "
            f"its file; make {folder} writable, or copy the journal to a folder that is"
        )
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StorageError(
            f"{path}: the journal file is read-only or not yours; make it readable and "
            "writable for you (chmod 600 on a file that is yours)"
        )


def connect_to_look(uri: str, mode: str, key: JournalKey | None = None) -> driver.Connection:
    """A connection that only looks (``mode`` is a URI query such as ``mode=ro``), tried
    with one read so that a file SQLite cannot use fails here."""
    conn = driver.connect(f"{uri}?{mode}", key, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn
