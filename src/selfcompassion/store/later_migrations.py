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


# Migration 0009 keeps two small tables a row per journal day (and per kind of answer),
# so that a report of a year reads a few hundred rows instead of every answer of the year.
# ``journal_days``: the entries of each day. ``day_answers``: per day and (step, kind,
# theme), the answers with words, the answers with a number and the sum of those numbers
# (a day's mean rating is ``total / rated``; a day with two entries counts once).
_M0009_DAY_OF = "(SELECT journal_date FROM entries WHERE id = {row}.entry_id)"
#: Every answer of one day, summed afresh: used whenever rows leave or move (an entry or
#: an answer deleted, an entry moved to another day, an answer changed), so the day is
#: true whatever order SQLite deletes related rows in.
_M0009_RECOUNT = """
    DELETE FROM day_answers WHERE day = {day};
    INSERT INTO day_answers (day, step_id, kind, theme, written, rated, total)
    SELECT e.journal_date, a.step_id, a.kind, coalesce(a.theme, ''),
           count(CASE WHEN a.text != '' THEN 1 END), count(a.number), coalesce(sum(a.number), 0)
    FROM entries e JOIN answers a ON a.entry_id = e.id
    WHERE e.journal_date = {day}
    GROUP BY a.step_id, a.kind, coalesce(a.theme, '');
"""
#: Answers added, counted in without reading the rest of their day (the path of imports
#: and bulk loads). An answer written before its entry (an import defers its foreign keys)
#: is counted when the entry arrives, by the trigger on ``entries``.
_M0009_ADD = """
    INSERT INTO day_answers (day, step_id, kind, theme, written, rated, total)
    SELECT e.journal_date, a.step_id, a.kind, coalesce(a.theme, ''),
           count(CASE WHEN a.text != '' THEN 1 END), count(a.number), coalesce(sum(a.number), 0)
    FROM {source} JOIN entries e ON e.id = a.entry_id
    WHERE {where}
    GROUP BY e.journal_date, a.step_id, a.kind, coalesce(a.theme, '')
    ON CONFLICT (day, step_id, kind, theme) DO UPDATE SET
        written = written + excluded.written, rated = rated + excluded.rated,
        total = total + excluded.total;
"""
_M0009_ADD_DAY = """
    INSERT INTO journal_days (day, entries) VALUES ({day}, 1)
    ON CONFLICT (day) DO UPDATE SET entries = entries + 1;
"""
_M0009_REMOVE_DAY = """
    UPDATE journal_days SET entries = entries - 1 WHERE day = {day};
    DELETE FROM journal_days WHERE day = {day} AND entries <= 0;
"""
_M0009_REDATED = "WHEN old.journal_date IS NOT new.journal_date"


def _m0009_days(db: Database) -> None:
    db.execute(
        "CREATE TABLE journal_days (day TEXT PRIMARY KEY, entries INTEGER NOT NULL) WITHOUT ROWID"
    )
    db.execute(
        """
        CREATE TABLE day_answers (
            day TEXT NOT NULL,
            step_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            theme TEXT NOT NULL,
            written INTEGER NOT NULL,
            rated INTEGER NOT NULL,
            total REAL NOT NULL,
            PRIMARY KEY (day, step_id, kind, theme)
        ) WITHOUT ROWID
        """
    )
    db.execute(
        "INSERT INTO journal_days (day, entries) "
        "SELECT journal_date, count(*) FROM entries GROUP BY journal_date"
    )
    db.execute(_M0009_ADD.format(source="answers a", where="true"))
    new_day, old_day = "new.journal_date", "old.journal_date"
    triggers = {
        "days_entry_added AFTER INSERT ON entries": _M0009_ADD_DAY.format(day=new_day)
        + _M0009_ADD.format(source="answers a", where="a.entry_id = new.id"),
        "days_entry_removed AFTER DELETE ON entries": _M0009_REMOVE_DAY.format(day=old_day)
        + _M0009_RECOUNT.format(day=old_day),
        f"days_entry_moved AFTER UPDATE OF journal_date ON entries {_M0009_REDATED}": (
            _M0009_REMOVE_DAY.format(day=old_day)
            + _M0009_ADD_DAY.format(day=new_day)
            + _M0009_RECOUNT.format(day=old_day)
            + _M0009_RECOUNT.format(day=new_day)
        ),
        "days_answer_added AFTER INSERT ON answers": _M0009_ADD.format(
            source="(SELECT new.entry_id AS entry_id, new.step_id AS step_id, new.kind AS kind, "
            "new.theme AS theme, new.text AS text, new.number AS number) a",
            where="true",
        ),
        "days_answer_removed AFTER DELETE ON answers": _M0009_RECOUNT.format(
            day=_M0009_DAY_OF.format(row="old")
        ),
        "days_answer_changed AFTER UPDATE ON answers": _M0009_RECOUNT.format(
            day=_M0009_DAY_OF.format(row="old")
        )
        + _M0009_RECOUNT.format(day=_M0009_DAY_OF.format(row="new")),
    }
    for head, body in triggers.items():
        db.execute(f"CREATE TRIGGER {head} BEGIN {body} END")


#: The triggers an import's landing does the work of itself, in set form, for all its
#: rows at once (``store/landing.py``): the ones that fire when rows are added.
_M0010_SKIPPED = (
    "search_entry_added",
    "search_answer_added",
    "day_runs_entry_added",
    "days_entry_added",
    "days_answer_added",
    "sync_entries_insert",
    "sync_answers_insert",
    "sync_tags_insert",
    "sync_reframe_scores_insert",
    "sync_checkin_scores_insert",
    "sync_entry_traps_insert",
    "sync_commitments_insert",
)
_M0010_LOADING = "NOT EXISTS (SELECT 1 FROM bulk_loading)"


def _m0010_bulk_loading(db: Database) -> None:
    # Firing the triggers above row by row was most of an import's time (a 100,000-entry
    # import spent more in them than in everything else). While ``bulk_loading`` holds a
    # row they stand aside. Only a landing writes that row, inside its own write
    # transaction, and deletes it before committing: no other connection ever sees it, so
    # every other write keeps its triggers. Re-creating a trigger changes the schema,
    # which is why this is done once here and never while an import runs.
    db.execute("CREATE TABLE bulk_loading (loading INTEGER PRIMARY KEY CHECK (loading = 1))")
    for name in _M0010_SKIPPED:
        sql = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]
        ).fetchone()[0]
        drop, create = _m0010_guarded(name, sql)
        db.execute(drop)
        db.execute(create)


def _m0010_guarded(name: str, sql: str) -> tuple[str, str]:
    """The statements that replace trigger ``name`` (created by ``sql``) with the same
    trigger standing aside while ``bulk_loading`` holds a row."""
    if name not in _M0010_SKIPPED:
        raise ValueError(f"no trigger {name!r} to guard")
    head, body = sql.split(" BEGIN ", 1)
    if " WHEN " in head:
        table_part, condition = head.split(" WHEN ", 1)
        head = f"{table_part} WHEN {_M0010_LOADING} AND ({condition})"
    else:
        head = f"{head} WHEN {_M0010_LOADING}"
    return f"DROP TRIGGER {name}", f"{head} BEGIN {body}"


def _m0011_sync_own_files(db: Database) -> None:
    # What a device needs to notice that one of its own change files was cut short,
    # emptied, replaced or deleted in the folder after it wrote it (``sync/ownfiles.py``):
    # each file's size and SHA-256 as written, and how it looked on disk when last seen
    # (size and modification time), so that an untouched file is known without reading it;
    # ``healed`` once what it carried has been written again. Each item remembers the
    # number of the latest of this device's files that carried it (``sent_in``), and
    # ``sync_healed`` lists the files, of any device, found damaged and written again by
    # the device that wrote them, so that no device keeps saying it cannot read them.
    db.execute(
        """
        CREATE TABLE sync_own_files (
            name TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            digest TEXT NOT NULL,
            seen TEXT NOT NULL,
            healed INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID
        """
    )
    db.execute("ALTER TABLE sync_items ADD COLUMN sent_in INTEGER")
    db.execute("CREATE TABLE sync_healed (name TEXT PRIMARY KEY) WITHOUT ROWID")


#: (name, migration) from 0007 on, in the order they apply.
LATER = (
    ("0007_imports_landing", _m0007_landing),
    ("0008_sync", _m0008),
    ("0009_journal_days", _m0009_days),
    ("0010_bulk_loading", _m0010_bulk_loading),
    ("0011_sync_own_files", _m0011_sync_own_files),
)
