"""The open journal: opening its file safely, upgrading it, and transactions.

Every write is one ``BEGIN IMMEDIATE`` transaction, so an entry is either all there or
not there at all, and concurrent writers queue up instead of failing (WAL mode, a busy
timeout and a few retries). The file is created 0600 inside a 0700 folder. A file that
is not a journal is refused without being touched (``journalfile``).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Self

from ..encryption.keys import JournalKey
from ..errors import StorageError
from ..files.paths import DB_ENV
from ..files.safefiles import make_private_dir as _make_private_dir
from ..files.safefiles import write_private_copy
from . import driver
from .failures import DAMAGED, storage_errors
from .journalfile import (
    BUSY_TIMEOUT_MS,
    check_access,
    check_file,
    connect_to_look,
    create_private_file,
    free_name,
    has_content,
    refuse_special,
)

WRITE_RETRIES = 6


def _while_locked(step: Callable[[], object]) -> None:
    """Run ``step``, trying again a few times, a little later each time, while another
    process holds the lock it needs (beyond what the busy timeout already waits for)."""
    for attempt in range(WRITE_RETRIES):
        try:
            step()
            return
        except driver.OperationalError as error:
            text = str(error)
            if ("locked" not in text and "busy" not in text) or attempt == WRITE_RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _unlock(path: Path) -> JournalKey:
    """The key of the encrypted journal at ``path``, from its passphrase (asked for once
    per command); each try is checked against the file itself."""
    from ..encryption.passphrase import unlock

    driver.require_cipher()  # before asking for a passphrase that could not be used

    def opens(key: JournalKey) -> bool:
        conn = driver.connect(path, key)
        try:
            return driver.key_opens(conn)
        finally:
            conn.close()

    return unlock(path, driver.salt_of(path), opens)


class StoreCore:
    """An open journal: opening and upgrading the file, transactions, copies of it.

    Entries, drafts, the streak and each feature come as mixins of their own (see the
    package docstring), composed into ``JournalStore``."""

    def __init__(self, path: Path, conn: driver.Connection, key: JournalKey | None = None) -> None:
        self.path = path
        self.conn = conn
        #: The key of an encrypted journal (None for a plain one); copies use it too.
        self.key = key
        #: The copy written before this open upgraded the journal, if it did.
        self.upgrade_backup: Path | None = None

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, *, backup_before_upgrade: bool = True, key: JournalKey | None = None
    ) -> Self:
        """Open the journal, creating it when there is none and upgrading it when it is
        older; an encrypted one is opened with ``key``, else with its passphrase."""
        path = Path(path)
        with storage_errors(path):
            refuse_special(path)
            if path.is_dir():
                raise StorageError(
                    f"{path}: is a folder, and the journal must be a file; point --db or "
                    f"{DB_ENV} at a file (journal.db inside it, for example)"
                )
            if not path.parent.exists():
                _make_private_dir(path.parent)
            if not path.parent.is_dir():
                raise StorageError(
                    f"{path}: {path.parent} is a file, not a folder; "
                    f"check the path given by --db or {DB_ENV}"
                )
            check_access(path)
            if not path.exists():
                create_private_file(path, exist_ok=True)
            if check_file(path) and key is None:
                key = _unlock(path)
            conn = driver.connect(path, key, timeout=BUSY_TIMEOUT_MS / 1000)
            store = cls(path, conn, key)
            try:
                store._prepare(backup_before_upgrade)
            except BaseException:
                conn.close()
                raise
            return store

    @classmethod
    def inspect(cls, path: Path, *, key: JournalKey | None = None) -> Self:
        """Open an existing journal only to look at it: nothing is created, upgraded or
        written, so a damaged, old or read-only journal can still be examined."""
        path = Path(path)
        with storage_errors(path):
            refuse_special(path)
            if not path.is_file():
                raise StorageError(f"{path}: there is no journal file here")
            if check_file(path) and key is None:
                key = _unlock(path)
            writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)
            uri = path.resolve().as_uri()
            # Read-write (without create) lets SQLite tidy its side files away on close;
            # a read-only journal is read as it is.
            modes = ["mode=rw"] if writable else ["mode=ro"]
            if not writable and not has_content(path.with_name(path.name + "-wal")):
                modes.append("mode=ro&immutable=1")
            for mode in modes[:-1]:
                with contextlib.suppress(*driver.OperationalError):
                    return cls(path, connect_to_look(uri, mode, key), key)
            return cls(path, connect_to_look(uri, modes[-1], key), key)

    def _prepare(self, backup_before_upgrade: bool) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if tables:
            self._check_is_journal(tables)
        conn.execute("PRAGMA foreign_keys = ON")
        # Freed space is overwritten with zeros, so deleted words do not linger in the file
        # (on by default in many SQLite builds, not all). See ``erasing``.
        conn.execute("PRAGMA secure_delete = ON")
        # Not for this connection's temporary tables (an import's or a sync's staged
        # records): SQLite deletes their file as it opens it, so no one else can read it
        # and it is gone when the connection closes, and zeroing it cost an import of
        # 100,000 entries hundreds of megabytes of writes when its tables were dropped.
        conn.execute("PRAGMA temp.secure_delete = OFF")
        conn.execute("PRAGMA synchronous = FULL")
        _while_locked(self._use_wal)
        self._migrate(backup_before_upgrade, fresh=not tables)
        if conn.execute("SELECT 1 FROM imports_landing LIMIT 1").fetchone():
            self.take_out_stopped_imports()  # type: ignore[attr-defined]

    def _use_wal(self) -> None:
        # Switching to WAL needs the file to itself for a moment, and SQLite does not wait
        # for that with the busy timeout: when a new journal is opened by two processes at
        # once, one of them is told "locked" and tries again (finding WAL already on).
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            self.conn.execute("PRAGMA journal_mode = WAL")

    def _check_is_journal(self, tables: set[str]) -> None:
        from .migrations import MIGRATION_SET, names

        not_journal = StorageError(
            f"{self.path}: this SQLite file is not a selfcompassion journal; "
            "point --db at your journal or choose a new file name"
        )
        if "_sqlite_migrations" not in tables:
            raise not_journal
        applied = [
            row[0]
            for row in self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                [MIGRATION_SET],
            )
        ]
        if not applied:
            raise not_journal
        known = set(names())
        if any(name not in known for name in applied):
            raise StorageError(
                f"{self.path}: this journal was upgraded by a newer version of selfcompassion "
                f"(schema {len(applied)}, this version knows {len(known)}); update "
                "selfcompassion to use it (nothing was changed)"
            )

    def _migrate(self, backup_before_upgrade: bool, *, fresh: bool) -> None:
        from .migrations import MIGRATION_SET, migrations

        if not fresh:
            applied = {
                row[0]
                for row in self.conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                    [MIGRATION_SET],
                )
            }
            if applied.issuperset(migrations.names):
                return  # current: the usual case, answered without loading sqlite-utils
        from sqlite_utils import Database

        db = Database(self.conn, execute_plugins=False)
        if not migrations.pending(db):
            return
        with self._transaction():
            # Another process may have upgraded the journal while this one waited for the
            # lock; the lock is held from here until the upgrade is committed.
            if not migrations.pending(db):
                return
            restored = not fresh and self._restore_lost_records()
            if restored and not migrations.pending(db):
                return
            if backup_before_upgrade and not fresh:
                self._check_before_upgrade()
                self.upgrade_backup = self._copy_to(self.upgrade_backup_path(), separate=True)
            migrations.apply(db)

    def _restore_lost_records(self) -> bool:
        """Write back the lost record of a migration whose work is in the schema (True when
        one was); refuse, without a copy or a change, a journal whose schema lacks it."""
        from .schema import missing_records, restore_records, schema_differences

        lost = missing_records(self.conn)
        if not lost:
            return False
        if schema_differences(self.conn):
            raise StorageError(
                f"{self.path}: the journal's record of its upgrades is incomplete ({lost[0]}) "
                "and parts of its schema are missing, so nothing was changed; journal doctor "
                "says what is missing, and a backup can restore it"
            )
        restore_records(self.conn, lost)
        return True

    def _check_before_upgrade(self) -> None:
        """An upgrade rewrites tables; a damaged journal is refused before it is touched."""
        result = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if result != "ok":
            raise StorageError(DAMAGED.format(path=self.path))

    def upgrade_backup_path(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        return free_name(
            self.path.with_name(f"{self.path.name}.before-upgrade-v{self.schema_version()}-{stamp}")
        )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ------------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[driver.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction; retried while another process holds the lock."""
        _while_locked(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @contextlib.contextmanager
    def writing(self) -> Iterator[driver.Connection]:
        with storage_errors(self.path), self._transaction() as conn:
            yield conn

    # -- facts about the file ------------------------------------------------------------

    def schema_version(self) -> int:
        from .migrations import MIGRATION_SET

        with storage_errors(self.path):
            row = self.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = '_sqlite_migrations'"
            ).fetchone()
            if not row[0]:
                return 0
            return int(
                self.conn.execute(
                    "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?",
                    [MIGRATION_SET],
                ).fetchone()[0]
            )

    def backup(
        self, target: Path, *, force: bool = False, check: Callable[[Path], None] | None = None
    ) -> Path:
        """A consistent copy made with SQLite's online backup API, created 0600. ``check``
        looks at the finished copy before it takes its name, and raises if it is not sound."""
        return self._copy_to(Path(target), separate=False, force=force, check=check)

    def _copy_to(
        self,
        target: Path,
        *,
        separate: bool,
        force: bool = False,
        check: Callable[[Path], None] | None = None,
    ) -> Path:
        # SQLite cannot copy from a connection that holds the write lock, so a copy taken
        # inside a write transaction (before an upgrade) reads through a second connection.
        # The copy is made under a temporary name and takes its own only once complete.
        def fill(temp: Path) -> None:
            source = driver.connect(self.path, self.key) if separate else self.conn
            copy = driver.connect(temp, self.key)
            try:
                source.backup(copy)
            finally:
                copy.close()
                if separate:
                    source.close()
            if check is not None:
                check(temp)

        with storage_errors(target):
            return write_private_copy(target, fill, force=force, make_folder=True)
