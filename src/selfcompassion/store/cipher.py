"""Encrypting, decrypting and re-keying a journal: a verified copy first, then a swap.

SQLCipher's ``sqlcipher_export`` writes every table, index, trigger and the search index
into a new file under the new key (or none). The new file is checked against the old one
(same schema, same rows in every table, integrity check, and for an encrypted copy the
salt the passphrase will find), and only then renamed over the journal. An interrupted
run leaves the old journal as it was and at most a temp file beside it, which the next
run removes. The old file's bytes are overwritten before it is let go, so the plaintext
is not simply left in a deleted file (docs/privacy.md says what this cannot promise).

The journal is taken for itself for the whole run: another window with the journal open
makes the run stop before anything is done, and anyone who opens it meanwhile waits.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from ..encryption.keys import JournalKey
from ..errors import StorageError
from . import driver
from .failures import storage_errors
from .journalfile import BUSY_TIMEOUT_MS

TEMP_MARK = ".rewrite-"
_CHUNK = 1024 * 1024


def _temp_beside(path: Path) -> Path:
    return path.with_name(f".{path.name}{TEMP_MARK}{secrets.token_hex(4)}")


def leftover_temps(path: Path) -> list[Path]:
    """Copies an interrupted run left beside the journal."""
    prefix = f".{path.name}{TEMP_MARK}"
    return sorted(p for p in path.parent.glob(f"{prefix}*") if p.is_file())


def _take_alone(conn: driver.Connection, path: Path) -> None:
    """Leave write-ahead mode, which SQLite allows only when no one else has the file open."""
    try:
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except driver.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise StorageError(
                f"{path}: the journal is open in another window; finish there, then run "
                "this again (nothing was changed)"
            ) from None
        raise


def _all_rows_sql(table: str) -> str:
    """``SELECT *`` from a table named in the file's own ``sqlite_master``, the name
    quoted as an SQL identifier (inner double quotes doubled)."""
    quoted = table.replace('"', '""')
    return f'SELECT * FROM "{quoted}"'  # noqa: S608


def table_digests(conn: driver.Connection) -> dict[str, str]:
    """A digest of every stored table's rows (virtual tables are stored in their shadow
    tables, which are compared instead), and of the schema itself."""
    objects = sorted(
        conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall(),
        key=repr,
    )
    digests = {"sqlite_master": hashlib.sha256(repr(objects).encode()).hexdigest()}
    for kind, name, _table, sql in objects:
        if kind != "table" or (sql or "").upper().startswith("CREATE VIRTUAL"):
            continue
        digest = hashlib.sha256()
        for row in conn.execute(_all_rows_sql(name)):
            digest.update(repr(row).encode())
        digests[name] = digest.hexdigest()
    return digests


def _verify(copy: Path, key: JournalKey | None, expected: dict[str, str], path: Path) -> None:
    failed = StorageError(
        f"{path}: the new copy did not match the journal, so the journal was left as it "
        "was; run journal doctor, then try again"
    )
    if key is not None and driver.salt_of(copy) != key.salt:
        raise failed
    conn = driver.connect(copy, key)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise failed
        if table_digests(conn) != expected:
            raise failed
    finally:
        conn.close()


def _overwrite(handle: int, size: int) -> None:
    """Write zeros over a file's bytes and wait for the disk, before it is let go."""
    os.lseek(handle, 0, os.SEEK_SET)
    zeros = bytes(_CHUNK)
    left = size
    while left > 0:
        left -= os.write(handle, zeros[: min(left, _CHUNK)])
    os.fsync(handle)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every system lets a folder be synced
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


@contextlib.contextmanager
def _exclusive(conn: driver.Connection) -> Iterator[None]:
    conn.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")


def rewrite(path: Path, old: JournalKey | None, new: JournalKey | None) -> None:
    """Replace the journal at ``path`` (opened with ``old``, or plain) by a verified copy
    under ``new`` (or plain), then overwrite the old file's bytes.

    A journal reached through a link is rewritten where it lies: the copy is made beside
    the real file and takes its name, so the link keeps pointing at the journal (renamed
    over the link, it would leave the file it pointed at as zeros)."""
    driver.require_cipher()
    path = Path(os.path.realpath(path))
    _refuse_other_names(path)
    for stale in leftover_temps(path):
        stale.unlink(missing_ok=True)
    temp = _temp_beside(path)
    with storage_errors(path):
        conn = driver.connect(path, old, cipher=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            _take_alone(conn, path)
            handle = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(handle)
            try:
                _copy_and_swap(conn, path, temp, new)
            finally:
                temp.unlink(missing_ok=True)
        finally:
            conn.close()


def _refuse_other_names(path: Path) -> None:
    """A journal file with a second name (a hard link) is left alone: its old bytes are
    overwritten once the copy takes its place, which would leave the other name as zeros,
    and leaving them would leave the old text readable there."""
    with storage_errors(path):
        names = os.stat(path).st_nlink
    if names > 1:
        raise StorageError(
            f"{path}: the journal file has another name on this disk (a hard link), and "
            "rewriting it would leave only zeros under that name; nothing was changed. "
            "Make that other name a copy (cp) instead, then run this again"
        )


def _copy_and_swap(conn: driver.Connection, path: Path, temp: Path, new: JournalKey | None) -> None:
    conn.execute("ATTACH DATABASE ? AS rewritten KEY ?", [str(temp), new.raw_text() if new else ""])
    try:
        with _exclusive(conn):
            before = conn.execute("PRAGMA data_version").fetchone()[0]
            conn.execute("SELECT sqlcipher_export('rewritten')")
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute(f"PRAGMA rewritten.user_version = {int(version)}")
            conn.execute("COMMIT")
    finally:
        conn.execute("DETACH DATABASE rewritten")
    with _exclusive(conn):
        expected = table_digests(conn)
        if conn.execute("PRAGMA data_version").fetchone()[0] != before:
            raise StorageError(
                f"{path}: the journal changed while it was being copied; nothing was "
                "changed, run this again"
            )
        _verify(temp, new, expected, path)
        with open(temp, "rb+") as copy:
            os.fsync(copy.fileno())
        old_handle = os.open(path, os.O_RDWR)
        try:
            size = os.fstat(old_handle).st_size
            os.replace(temp, path)
            _sync_folder(path.parent)
            _overwrite(old_handle, size)
        finally:
            os.close(old_handle)


def plain_copies(path: Path) -> list[Path]:
    """Backups next to the journal that are not encrypted, newest first."""
    from .files import backups_of

    return [copy for copy in backups_of(path) if not driver.looks_encrypted(copy)]
