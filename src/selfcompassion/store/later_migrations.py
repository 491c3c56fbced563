"""Migrations from 0007 on (``migrations.py`` holds 0001 to 0006 and the rules: numbered,
append-only, never edited once shipped). ``LATER`` lists them in order; ``migrations``
registers them after its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def _m0007_landing(db: Database) -> None:
    # An import lands in short transactions, so that a day's entry never waits long for
    # it. Until the last of them, each entry it added is listed here with the import's
    # id, and the import itself in ``imports_landing`` with the process running it: an
    # import that stops part-way takes its entries out again, and one whose process died
    # is taken out the next time the journal is opened.
    db.execute(
        """
        CREATE TABLE imports_landing (
            import_id TEXT PRIMARY KEY,
            pid INTEGER NOT NULL,
            host TEXT NOT NULL,
            started_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE imported_entries_landing (
            entry_id TEXT PRIMARY KEY,
            import_id TEXT NOT NULL REFERENCES imports_landing (import_id) ON DELETE CASCADE
        )
        """
    )
    db.execute(
        "CREATE INDEX imported_entries_landing_by_import ON imported_entries_landing (import_id)"
    )


#: The tables whose rows belong to an entry, and so mark the entry as changed for sync.
_M0008_ENTRY_PARTS = ("answers", "tags", "reframe_scores", "checkin_scores", "entry_traps")
#: Only once sync is set up (a device id is kept), and never for a change sync itself makes.
_M0008_WHEN = (
    "EXISTS (SELECT 1 FROM sync_state WHERE name = 'device') "
    "AND NOT EXISTS (SELECT 1 FROM sync_state WHERE name = 'applying')"
)


def _m0008(db: Database) -> None:
    # What sync keeps (see selfcompassion/sync): its settings (the device id, the folder,
    # the clock); for every item synced (an entry with everything in it, a commitment) the
    # stamp of its current version and the versions it knows, with the item itself when it
    # cannot be placed yet (a commitment whose entry has not arrived); the versions kept
    # aside when two devices changed an item at the same time; which items changed here
    # since the last sync (kept by triggers, whichever code made the change); and which
    # change files have been read.
    db.execute("CREATE TABLE sync_state (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        """
        CREATE TABLE sync_items (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            stamp TEXT NOT NULL,
            versions TEXT NOT NULL,
            waiting TEXT,
            PRIMARY KEY (kind, key)
        ) WITHOUT ROWID
        """
    )
    db.execute(
        """
        CREATE TABLE sync_kept (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            stamp TEXT NOT NULL,
            record TEXT,
            PRIMARY KEY (kind, key, stamp)
        ) WITHOUT ROWID
        """
    )
    db.execute(
        "CREATE TABLE sync_outbox (kind TEXT NOT NULL, key TEXT NOT NULL, "
        "edits INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (kind, key)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TABLE sync_files (name TEXT PRIMARY KEY, read_at TEXT NOT NULL) WITHOUT ROWID"
    )
    for table, kind, column in _M0008_MARKED:
        for event, row in (("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old")):
            db.execute(_m0008_trigger(table, kind, column, event, row))


#: (table, kind of item, column holding the item's id) for every table sync watches.
_M0008_MARKED = (
    ("entries", "entry", "id"),
    *((table, "entry", "entry_id") for table in _M0008_ENTRY_PARTS),
    ("commitments", "commitment", "id"),
)


def _m0008_trigger(table: str, kind: str, column: str, event: str, row: str) -> str:
    """The trigger that notes, after ``event`` on ``table``, the item it touched."""
    return (
        f"CREATE TRIGGER sync_{table}_{event.lower()} AFTER {event} ON {table} "  # noqa: S608
        f"WHEN {_M0008_WHEN} BEGIN INSERT INTO sync_outbox (kind, key) "
        f"VALUES ('{kind}', {row}.{column}) "
        "ON CONFLICT (kind, key) DO UPDATE SET edits = edits + 1; END"
    )


#: (name, migration) from 0007 on, in the order they apply.
LATER = (
    ("0007_imports_landing", _m0007_landing),
    ("0008_sync", _m0008),
)
