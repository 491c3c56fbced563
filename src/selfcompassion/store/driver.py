"""The one place that chooses the SQLite driver: the standard library's ``sqlite3`` for a
plain journal, SQLCipher (the ``sqlcipher3`` package, an optional extra) for an encrypted
one. Nothing else imports a driver for the journal.

SQLCipher's exception classes are its own, not subclasses of the standard library's, so
the classes the store catches are named here as tuples that hold both once SQLCipher is
loaded: write ``except driver.Error``, never ``from .driver import Error`` (which would
keep the tuple from before SQLCipher was loaded).

An encrypted journal starts with its salt instead of SQLite's header, so the file check
at open tells "encrypted" from "not a database" without a key.
"""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Literal

from ..encryption.keys import JournalKey
from ..errors import JournalError

#: The type of a connection, whichever driver made it (SQLCipher's has the same methods).
Connection = sqlite3.Connection
Row = sqlite3.Row
Cursor = sqlite3.Cursor

SQLITE_HEADER = b"SQLite format 3\x00"
#: SQLCipher's smallest page; an encrypted file is a whole number of pages.
CIPHER_PAGE_BYTES = 1024
INSTALL_ENCRYPT = "pip install 'selfcompassion[encrypt]'"

Error: tuple[type[Exception], ...] = (sqlite3.Error,)
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
OperationalError: tuple[type[Exception], ...] = (sqlite3.OperationalError,)
IntegrityError: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)


class EncryptionUnavailable(JournalError):
    """SQLCipher is needed and not installed."""


def cipher_installed() -> bool:
    return importlib.util.find_spec("sqlcipher3") is not None


def _cipher() -> ModuleType:
    """The SQLCipher driver, loaded on first use; its exceptions join the tuples above."""
    global Error, DatabaseError, OperationalError, IntegrityError
    try:
        import sqlcipher3
    except ImportError:
        raise EncryptionUnavailable(
            f"encryption needs SQLCipher, which is not installed: {INSTALL_ENCRYPT}"
        ) from None
    if sqlcipher3.Error not in Error:
        Error = (sqlite3.Error, sqlcipher3.Error)
        DatabaseError = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)
        OperationalError = (sqlite3.OperationalError, sqlcipher3.OperationalError)
        IntegrityError = (sqlite3.IntegrityError, sqlcipher3.IntegrityError)
    module: ModuleType = sqlcipher3
    return module


def require_cipher() -> None:
    """Refuse, in one line saying how to install it, when SQLCipher is missing."""
    _cipher()


def connect(
    database: str | Path,
    key: JournalKey | None = None,
    *,
    uri: bool = False,
    timeout: float = 5.0,
    isolation_level: Literal["DEFERRED", "EXCLUSIVE", "IMMEDIATE"] | None = None,
    cipher: bool = False,
) -> Connection:
    """A connection to ``database``: SQLCipher with ``key`` when there is one (or when
    ``cipher`` asks for SQLCipher's functions on a plain file), else sqlite3.

    SQLCipher is told to log nothing, so a wrong key is reported by the journal in one
    line, not by SQLCipher on standard error.
    """
    if key is None and not cipher:
        return sqlite3.connect(database, uri=uri, timeout=timeout, isolation_level=isolation_level)
    module = _cipher()
    conn: Connection = module.connect(
        str(database), uri=uri, timeout=timeout, isolation_level=isolation_level
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(_key_pragma(key))
    except BaseException:
        conn.close()
        raise
    return conn


def _key_pragma(key: JournalKey) -> str:
    """``PRAGMA key``, which takes no parameters: its value is only the hex digits of the
    key and salt (``bytes.hex()``), in double quotes."""
    return f'PRAGMA key = "{key.raw_text()}"'


def is_wrong_key(error: Exception) -> bool:
    """Whether SQLCipher's error means the key does not fit (or the file is no database)."""
    return isinstance(error, DatabaseError) and "not a database" in str(error)


def key_opens(conn: Connection) -> bool:
    """Whether the key given to ``conn`` opens its file (the first read tells)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as error:
        if is_wrong_key(error):
            return False
        raise
    return True


def read_header(path: Path, size: int = 100) -> bytes:
    with path.open("rb") as handle:
        return handle.read(size)


def looks_encrypted(path: Path, header: bytes | None = None) -> bool:
    """An encrypted journal: no SQLite header, and a whole number of cipher pages."""
    header = read_header(path) if header is None else header
    if not header or header.startswith(SQLITE_HEADER):
        return False
    size = path.stat().st_size
    return size >= CIPHER_PAGE_BYTES and size % CIPHER_PAGE_BYTES == 0


def salt_of(path: Path) -> bytes:
    """The salt an encrypted journal keeps in its first 16 bytes."""
    from ..encryption.keys import SALT_BYTES

    return read_header(path, SALT_BYTES)
