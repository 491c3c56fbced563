"""Queries for sync about change files: which have been read, this device's own files
as it wrote them (``sync/ownfiles.py``), the files their device found damaged and wrote
again, and which of this device's files last carried each item (migration 0011)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime

from . import driver
from .core import StoreCore
from .failures import storage_errors

#: Ids asked about per query.
BATCH = 500
_SENT_IN = "UPDATE sync_items SET sent_in = ?1 WHERE kind = ?2 AND key = ?3"
_SENT_IN_LATEST = _SENT_IN + " AND (sent_in IS NULL OR sent_in < ?1)"


def marks(count: int) -> str:
    return ",".join("?" * count)


def batches(keys: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(keys), BATCH):
        yield list(keys[start : start + BATCH])


class SyncFileQueries(StoreCore):
    """Mixin for JournalStore: what sync knows of change files."""

    def read_files(self) -> set[str]:
        with storage_errors(self.path):
            return {str(row[0]) for row in self.conn.execute("SELECT name FROM sync_files")}

    def own_files(self) -> list[tuple[str, int, str, str, bool]]:
        """This device's change files as it wrote them, or last saw them once healed:
        (name, size, SHA-256, how it looked on disk, whether healed)."""
        with storage_errors(self.path):
            return [
                (str(row[0]), int(row[1]), str(row[2]), str(row[3]), bool(row[4]))
                for row in self.conn.execute(
                    "SELECT name, size, digest, seen, healed FROM sync_own_files ORDER BY name"
                )
            ]

    def healed_files(self) -> set[str]:
        """Change files, of any device, that the device which wrote them found damaged
        and wrote again."""
        with storage_errors(self.path):
            return {str(row[0]) for row in self.conn.execute("SELECT name FROM sync_healed")}

    def items_sent_in(self, numbers: Sequence[int]) -> list[tuple[str, str]]:
        """(kind, key) of the items the latest of this device's files to carry them is
        one of ``numbers``."""
        found: list[tuple[str, str]] = []
        with storage_errors(self.path):
            for batch in batches([str(number) for number in numbers]):
                found += [
                    (str(row[0]), str(row[1]))
                    for row in self.conn.execute(
                        "SELECT kind, key FROM sync_items "  # noqa: S608
                        f"WHERE sent_in IN ({marks(len(batch))})",
                        [int(number) for number in batch],
                    )
                ]
        return found

    def items_sent_nowhere(self) -> list[tuple[str, str]]:
        """(kind, key) of the items no file of this device is known to carry."""
        with storage_errors(self.path):
            return [
                (str(row[0]), str(row[1]))
                for row in self.conn.execute(
                    "SELECT kind, key FROM sync_items WHERE sent_in IS NULL"
                )
            ]


class SyncFileWrites:
    """The writes of one sync about change files, inside its transaction."""

    conn: driver.Connection

    def sent_in(self, rows: Iterable[tuple[int, str, str]], latest: bool = False) -> None:
        """(number, kind, key): this device's file ``number`` carries the item; with
        ``latest``, only where no later file of its is known to."""
        self.conn.executemany(_SENT_IN_LATEST if latest else _SENT_IN, list(rows))

    def keep_own_files(self, rows: Iterable[tuple[str, int, str, str, bool]]) -> None:
        """(name, size, SHA-256, how it looks on disk, healed) of this device's files."""
        self.conn.executemany(
            "INSERT INTO sync_own_files (name, size, digest, seen, healed) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET size = excluded.size, "
            "digest = excluded.digest, seen = excluded.seen, healed = excluded.healed",
            list(rows),
        )

    def forget_own_files(self) -> None:
        """Everything was written again to this folder: the files of before are not
        this device's concern any more."""
        self.conn.execute("DELETE FROM sync_own_files")

    def unread(self, names: Iterable[str]) -> None:
        """These files are to be read again (they changed since)."""
        self.conn.executemany("DELETE FROM sync_files WHERE name = ?", [[n] for n in names])

    def healed(self, names: Iterable[str]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO sync_healed (name) VALUES (?)", [[n] for n in names]
        )

    def files_read(self, names: Iterable[str]) -> None:
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        self.conn.executemany(
            "INSERT OR IGNORE INTO sync_files (name, read_at) VALUES (?, ?)",
            [(name, stamp) for name in names],
        )
