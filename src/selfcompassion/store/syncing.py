"""Queries for sync: the device's own settings, what it knows of every item, the versions
it keeps aside, what changed here since the last sync, and writing what arrives.

Changes made here are noted by triggers (migration 0008) in ``sync_outbox``, whichever
code makes them. Changes that arrive are written inside ``applying``, which the triggers
see and leave alone, so that nothing a device receives is sent back out as its own.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from . import driver
from .erasing import MERGE_SEARCH_INDEX, ErasingWrites
from .failures import storage_errors
from .importing import ImportQueries
from .portability import (
    COMMITMENT_COLUMNS,
    EntryRecord,
    PortabilityQueries,
)
from .staging import ImportStage
from .sync_files import SyncFileQueries, SyncFileWrites, batches, marks

#: COMMITMENT_COLUMNS as SQL text (tests/test_sync.py holds the two together).
_COMMITMENT_SQL = "id, text, due_date, status, note, created_at, updated_at, closed_date"


def _outbox_sql(entry_json: str) -> str:
    """The query for the outbox's items in the order of ``temp.sync_sending``, each with
    what sync knows of it and its current record as JSON text (NULL when it is deleted):
    an entry as ``entry_json`` (the export's query, without commitments, which sync
    carries as items of their own) writes it, a commitment with its entry's id, or one
    still waiting for its entry as it was kept."""
    commitment = ", ".join(f"'{column}', c.{column}" for column in COMMITMENT_COLUMNS)
    return f"""
    SELECT o.kind, o.key, o.edits, i.versions, CASE o.kind
        WHEN 'entry' THEN ({entry_json} WHERE e.id = o.key)
        ELSE coalesce((SELECT json_object('entry_id', c.entry_id, {commitment})
                       FROM commitments c WHERE c.id = o.key), i.waiting) END
    FROM temp.sync_sending o LEFT JOIN sync_items i ON i.kind = o.kind AND i.key = o.key
    ORDER BY o.rowid
    """  # noqa: S608


#: The outbox in the order its entries lie in the journal file, so that reading them all
#: (a first sync) goes through the file once rather than jumping about it by id.
_SENDING = """
    CREATE TEMP TABLE sync_sending AS SELECT o.kind, o.key, o.edits
    FROM sync_outbox o LEFT JOIN entries e ON o.kind = 'entry' AND e.id = o.key
    ORDER BY o.kind DESC, e.rowid
"""


class SyncQueries(SyncFileQueries, ImportQueries, PortabilityQueries, ErasingWrites):
    """Mixin for JournalStore: what sync reads and writes."""

    # -- the device's own settings -------------------------------------------------------

    def sync_value(self, name: str) -> str | None:
        with storage_errors(self.path):
            row = self.conn.execute(
                "SELECT value FROM sync_state WHERE name = ?", [name]
            ).fetchone()
        return None if row is None else str(row[0])

    def set_sync_value(self, name: str, value: str) -> None:
        with self.writing() as conn:
            self._put_value(conn, name, value)

    def _put_value(self, conn: driver.Connection, name: str, value: str) -> None:
        conn.execute(
            "INSERT INTO sync_state (name, value) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            [name, value],
        )

    def device_id(self) -> str:
        """This journal's device id, made the first time it is asked for. From then on
        every change is noted for sync, starting with everything the journal holds."""
        found = self.sync_value("device")
        if found:
            return found
        with self.writing() as conn:
            row = conn.execute("SELECT value FROM sync_state WHERE name = 'device'").fetchone()
            if row:
                return str(row[0])
            device = uuid.uuid4().hex
            self._put_value(conn, "device", device)
            conn.execute(
                "INSERT OR IGNORE INTO sync_outbox (kind, key) SELECT 'entry', id FROM entries"
            )
            conn.execute(
                "INSERT OR IGNORE INTO sync_outbox (kind, key) "
                "SELECT 'commitment', id FROM commitments"
            )
        return device

    # -- reading -------------------------------------------------------------------------

    def sync_outbox(self) -> list[tuple[str, str, int]]:
        """The items changed here since the last sync: (kind, key, how many writes)."""
        with storage_errors(self.path):
            return [
                (str(row[0]), str(row[1]), int(row[2]))
                for row in self.conn.execute(
                    "SELECT kind, key, edits FROM sync_outbox ORDER BY kind, key"
                )
            ]

    def outbox_parts(
        self, size: int
    ) -> Iterator[list[tuple[str, str, int, str | None, str | None]]]:
        """The items changed here since the last sync, ``size`` at a time: (kind, key, how
        many writes, the versions known as JSON or None, the current record as JSON text
        or None when deleted)."""
        with storage_errors(self.path):
            self.conn.execute("DROP TABLE IF EXISTS temp.sync_sending")
            self.conn.execute(_SENDING)
        entry_json, parameters = self.entry_json_query(leave_out=("commitments",))
        try:
            with storage_errors(self.path):
                cursor = self.conn.execute(_outbox_sql(entry_json), parameters)
                try:
                    while rows := cursor.fetchmany(size):
                        yield rows
                finally:
                    cursor.close()
        finally:
            self.drop_entry_json_heads()

    def sync_known(self, kind: str, keys: Sequence[str]) -> dict[str, str]:
        """For each of these items that sync knows: the versions it knows, as JSON."""
        found: dict[str, str] = {}
        with storage_errors(self.path):
            for batch in batches(keys):
                found.update(
                    (row[0], row[1])
                    for row in self.conn.execute(
                        "SELECT key, versions FROM sync_items "  # noqa: S608
                        f"WHERE kind = ? AND key IN ({marks(len(batch))})",
                        [kind, *batch],
                    )
                )
        return found

    def sync_kept(self, kind: str, keys: Sequence[str]) -> dict[str, list[tuple[str, str | None]]]:
        """The versions kept aside for these items: (stamp, record as JSON or None)."""
        found: dict[str, list[tuple[str, str | None]]] = {}
        with storage_errors(self.path):
            for batch in batches(keys):
                for row in self.conn.execute(
                    "SELECT key, stamp, record FROM sync_kept "  # noqa: S608
                    f"WHERE kind = ? AND key IN ({marks(len(batch))}) ORDER BY key, stamp",
                    [kind, *batch],
                ):
                    found.setdefault(row[0], []).append((row[1], row[2]))
        return found

    def sync_item_keys(self) -> list[tuple[str, str]]:
        """Every item sync knows: (kind, key)."""
        with storage_errors(self.path):
            return [
                (str(row[0]), str(row[1]))
                for row in self.conn.execute("SELECT kind, key FROM sync_items ORDER BY kind, key")
            ]

    def waiting_commitments(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Commitments that arrived before their entry, kept until it does."""
        found: dict[str, dict[str, Any]] = {}
        with storage_errors(self.path):
            for batch in batches(ids):
                for row in self.conn.execute(
                    "SELECT key, waiting FROM sync_items WHERE kind = 'commitment' "  # noqa: S608
                    f"AND waiting IS NOT NULL AND key IN ({marks(len(batch))})",
                    batch,
                ):
                    found[str(row[0])] = json.loads(row[1])
        return found

    def kept_count(self) -> int:
        with storage_errors(self.path):
            return int(self.conn.execute("SELECT count(*) FROM sync_kept").fetchone()[0])

    def entry_records(self, ids: Sequence[str]) -> dict[str, EntryRecord]:
        """The entries with these ids that the journal holds, with what belongs to them."""
        found: dict[str, EntryRecord] = {}
        with storage_errors(self.path):
            for batch in batches(ids):
                rows = self.conn.execute(
                    f"SELECT * FROM entries WHERE id IN ({marks(len(batch))})",  # noqa: S608
                    batch,
                ).fetchall()
                for record in self.records_for(self._load_entries(rows)):
                    found[record.entry.id] = record
        return found

    def commitment_rows(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The commitments with these ids, each with its entry's id."""
        found: dict[str, dict[str, Any]] = {}
        with storage_errors(self.path):
            for batch in batches(ids):
                for row in self.conn.execute(
                    f"SELECT entry_id, {_COMMITMENT_SQL} FROM commitments "  # noqa: S608
                    f"WHERE id IN ({marks(len(batch))})",
                    batch,
                ):
                    found[row[1]] = dict(zip(("entry_id", *COMMITMENT_COLUMNS), row, strict=True))
        return found

    # -- writing -------------------------------------------------------------------------

    @contextlib.contextmanager
    def applying(self) -> Iterator[SyncWrite]:
        """One transaction for a sync: what it writes is not noted as a change made here.
        It lands with an import's larger page cache (a first sync lands as much). When it
        replaced or deleted entries, their old words are taken out of the search index and
        the log as ``forgetting`` does, as they were on the device that changed them."""
        with self._larger_cache(), self.writing() as conn:
            self._put_value(conn, "applying", "1")
            write = SyncWrite(self, conn)
            yield write
            conn.execute("DELETE FROM sync_state WHERE name = 'applying'")
            if write.took_words:
                conn.execute(MERGE_SEARCH_INDEX)
        if write.took_words:
            self.empty_log()


class SyncWrite(SyncFileWrites):
    """The writes of one sync, inside its transaction."""

    def __init__(self, store: SyncQueries, conn: driver.Connection) -> None:
        self.store = store
        self.conn = conn
        #: Whether an entry here was replaced or deleted, its old words to be forgotten.
        self.took_words = False

    def value(self, name: str, value: str) -> None:
        self.store._put_value(self.conn, name, value)

    def sent(self, items: Iterable[tuple[str, str, int]]) -> None:
        """These items' changes are written out: no longer waiting in the outbox, unless
        written to again since (their count of writes moved on)."""
        self.conn.executemany(
            "DELETE FROM sync_outbox WHERE kind = ? AND key = ? AND edits = ?", list(items)
        )

    def sent_items(self, items: Sequence[tuple[str, str, int, str, str, int]]) -> None:
        """(kind, key, count of writes, stamp, versions as JSON, number of the file) of
        items sent: their new versions are known, and they leave the outbox unless written
        to again since. In key order: both tables are kept by key, so each page is written
        once."""
        ordered = sorted(items)
        self.conn.executemany(
            "INSERT INTO sync_items (kind, key, stamp, versions, sent_in) "
            "VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (kind, key) DO UPDATE SET stamp = excluded.stamp, "
            "versions = excluded.versions, sent_in = excluded.sent_in",
            [(kind, key, stamp, known, number) for kind, key, _, stamp, known, number in ordered],
        )
        self.sent((kind, key, edits) for kind, key, edits, *_ in ordered)

    def known(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """(kind, key, stamp, versions as JSON) for items whose versions changed."""
        self.conn.executemany(
            "INSERT INTO sync_items (kind, key, stamp, versions) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (kind, key) DO UPDATE SET stamp = excluded.stamp, "
            "versions = excluded.versions",
            list(rows),
        )

    def kept(
        self,
        rows: Iterable[tuple[str, str, str, str | None]],
        settled: Iterable[tuple[str, str, set[str]]],
    ) -> None:
        """Keep these (kind, key, stamp, record as JSON or None) versions; then, for each
        settled (kind, key, stamps), only the kept versions of those stamps stay."""
        self.conn.executemany(
            "INSERT OR IGNORE INTO sync_kept (kind, key, stamp, record) VALUES (?, ?, ?, ?)",
            list(rows),
        )
        # Versions are kept aside rarely, so the whole table is smaller than the items
        # a large sync settles: one pass over it finds what no longer stays (and when it
        # is empty, as on a first sync, the settled items are not even looked at).
        present = self.conn.execute("SELECT kind, key, stamp FROM sync_kept").fetchall()
        if not present:
            return
        staying = {(kind, key): stamps for kind, key, stamps in settled}
        self.conn.executemany(
            "DELETE FROM sync_kept WHERE kind = ? AND key = ? AND stamp = ?",
            [
                row
                for row in present
                if (row[0], row[1]) in staying and row[2] not in staying[(row[0], row[1])]
            ],
        )

    def entries(self, stage: ImportStage, gone: Sequence[str]) -> None:
        """Replace entries by the staged records (their commitments stay) and delete those
        in ``gone``."""
        conn = self.conn
        staged = "SELECT id FROM temp.import_stage_entries"
        columns = ("entry_id", *COMMITMENT_COLUMNS)
        saved = [
            dict(zip(columns, row, strict=True))
            for row in conn.execute(
                f"SELECT entry_id, {_COMMITMENT_SQL} FROM commitments "  # noqa: S608
                f"WHERE entry_id IN ({staged})"
            ).fetchall()
        ]
        replaced = conn.execute(f"DELETE FROM entries WHERE id IN ({staged})")  # noqa: S608
        self.took_words |= replaced.rowcount > 0
        for batch in batches(gone):
            deleted = conn.execute(f"DELETE FROM entries WHERE id IN ({marks(len(batch))})", batch)  # noqa: S608
            self.took_words |= deleted.rowcount > 0
        if stage.count:
            self.store.land_whole(conn, stage)
        self.commitments(saved, [])

    def commitments(self, rows: Sequence[dict[str, Any]], gone: Sequence[str]) -> None:
        """Write these commitments where their entry is here; keep the others waiting in
        ``sync_items`` until it arrives. Delete those in ``gone``."""
        conn = self.conn
        for batch in batches(list(gone)):
            conn.execute(f"DELETE FROM commitments WHERE id IN ({marks(len(batch))})", batch)  # noqa: S608
        here: set[str] = set()
        for batch in batches(sorted({row["entry_id"] for row in rows})):
            here.update(
                str(row[0])
                for row in conn.execute(
                    f"SELECT id FROM entries WHERE id IN ({marks(len(batch))})",  # noqa: S608
                    batch,
                )
            )
        placed = [row for row in rows if row["entry_id"] in here]
        waiting = [row for row in rows if row["entry_id"] not in here]
        columns = ("entry_id", *COMMITMENT_COLUMNS)
        conn.executemany(
            f"INSERT OR REPLACE INTO commitments (entry_id, {_COMMITMENT_SQL}) "  # noqa: S608
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [[row[c] for c in columns] for row in placed],
        )
        conn.executemany(
            "UPDATE sync_items SET waiting = NULL WHERE kind = 'commitment' AND key = ?",
            [[row["id"]] for row in placed],
        )
        conn.executemany(
            "UPDATE sync_items SET waiting = ? WHERE kind = 'commitment' AND key = ?",
            [[json.dumps(row), row["id"]] for row in waiting],
        )

    def place_waiting(self) -> None:
        """Commitments that waited for their entry, placed now that it is here."""
        rows = [
            json.loads(row[0])
            for row in self.conn.execute(
                "SELECT waiting FROM sync_items WHERE kind = 'commitment' AND waiting IS NOT NULL"
            )
        ]
        if rows:
            self.commitments(rows, [])
