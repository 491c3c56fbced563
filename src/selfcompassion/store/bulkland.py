"""What the triggers would do for many new entries, done once for them all.

The journal keeps three things in step with its entries by triggers that fire for every
row written: the search index (migration 0003), the runs of journal days (0005) and the
changes sync has to send (0008). An import lands thousands of entries at a time, and row
by row those triggers cost most of its time. So, inside the transaction that lands a
step of an import, the triggers that fire on the rows it inserts are set aside
(``set_aside``), the rows go in, the day runs and sync's outbox are brought up to date
with a few set-based statements (``after_landing``), and the triggers are put back
exactly as they were (``put_back``) before the transaction ends. Nobody else ever sees
the journal without them: the transaction holds the write lock, and it commits with them
or rolls back with them. The search documents of the import's entries are written after
its last entry has landed, in the order of their days (``order_for_search``,
``index_for_search``); until then those entries are in the journal but not yet found by
search, and an import stopped before then is taken out whole as before. The result is
the journal the triggers would have made adding the entries one at a time, oldest first
(tests compare the two); a trigger this module does not know is left to fire as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import driver
from .migrations import search_docs_sql

#: The insert triggers whose work ``after_landing`` does (on entries, answers, tags, the
#: feature tables and commitments).
KNOWN_TRIGGERS = (
    "search_entry_added",
    "day_runs_entry_added",
    "sync_entries_insert",
    "search_answer_added",
    "sync_answers_insert",
    "sync_tags_insert",
    "sync_reframe_scores_insert",
    "sync_checkin_scores_insert",
    "sync_entry_traps_insert",
    "sync_commitments_insert",
)

#: Whether sync notes changes now (the condition of migration 0008's triggers).
_SYNC_NOTES = (
    "EXISTS (SELECT 1 FROM sync_state WHERE name = 'device') "
    "AND NOT EXISTS (SELECT 1 FROM sync_state WHERE name = 'applying')"
)


def set_aside(conn: driver.Connection) -> list[str]:
    """Drop the known insert triggers (inside the caller's transaction); returns the SQL
    that creates them again, in the order they were made. Only when all of them are there
    as expected: otherwise nothing is set aside and every trigger fires as usual."""
    found = conn.execute(
        "SELECT sql FROM main.sqlite_master WHERE type = 'trigger' "  # noqa: S608 - ? marks
        f"AND name IN ({','.join('?' * len(KNOWN_TRIGGERS))}) ORDER BY rowid",
        list(KNOWN_TRIGGERS),
    ).fetchall()
    if len(found) != len(KNOWN_TRIGGERS):
        return []
    for name in KNOWN_TRIGGERS:
        conn.execute(_drop(name))
    return [row[0] for row in found]


def put_back(conn: driver.Connection, created: list[str]) -> None:
    """Create the triggers again, each from the text SQLite kept for it."""
    for sql in created:
        conn.execute(_as_made(sql))


def _drop(name: str) -> str:
    if name not in KNOWN_TRIGGERS:
        raise ValueError(f"not a trigger set aside here: {name!r}")
    return f"DROP TRIGGER main.{name}"


def _as_made(sql: str) -> str:
    """A trigger's CREATE statement as ``sqlite_master`` held it, unchanged."""
    return sql


def after_landing(conn: driver.Connection, entries: str, owners: Sequence[tuple[str, str]]) -> None:
    """Bring the day runs and sync's outbox up to date for the entries just landed.
    ``entries`` is a SELECT of their ids and days (``id, journal_date``); ``owners``
    holds, for each other table landed, the kind of item its rows belong to ("entry" or
    "commitment") and a SELECT of their ids (``id``), one row for each row landed."""
    conn.execute("DROP TABLE IF EXISTS temp.bulk_landed")
    conn.execute("CREATE TEMP TABLE bulk_landed (id TEXT NOT NULL, journal_date TEXT NOT NULL)")
    conn.execute(f"INSERT INTO temp.bulk_landed (id, journal_date) {entries}")
    _day_runs(conn)
    _sync_outbox(conn, [("entry", "SELECT id FROM temp.bulk_landed"), *owners])
    conn.execute("DROP TABLE temp.bulk_landed")


def order_for_search(conn: driver.Connection, import_id: str) -> int:
    """List the entries an import landed in the order of their days, for
    ``index_for_search``; returns how many there are."""
    conn.execute("DROP TABLE IF EXISTS temp.search_order")
    conn.execute("CREATE TEMP TABLE search_order (n INTEGER PRIMARY KEY, id TEXT NOT NULL)")
    return int(
        conn.execute(
            "INSERT INTO temp.search_order (id) SELECT e.id FROM imported_entries_landing l "
            "JOIN entries e ON e.id = l.entry_id WHERE l.import_id = ? "
            "ORDER BY e.journal_date, e.created_at, e.id",
            [import_id],
        ).rowcount
    )


def index_for_search(conn: driver.Connection, first: int, last: int) -> None:
    """The search documents of entries ``first`` to ``last`` of ``order_for_search``,
    numbered in that order, for those still there and without one (an entry the
    triggers indexed as it landed has one already)."""
    before = conn.execute("SELECT coalesce(max(doc), 0) FROM search_docs").fetchone()[0]
    conn.execute(
        "INSERT INTO search_docs (entry_id) SELECT id FROM temp.search_order o "
        "WHERE n BETWEEN ? AND ? AND EXISTS (SELECT 1 FROM entries e WHERE e.id = o.id) "
        "AND NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.entry_id = o.id) ORDER BY n",
        [first, last],
    )
    conn.execute(search_docs_sql(f"WHERE d.doc > {int(before)}"))


def _day_runs(conn: driver.Connection) -> None:
    """The days that gained their first entry, as runs of one day, merged with each other
    and with the runs beside them (``day_runs`` still holds the runs as they were before
    the step: its triggers were set aside). Runs far from every new day are left alone."""
    conn.execute("DROP TABLE IF EXISTS temp.bulk_runs")
    conn.execute(
        """
        CREATE TEMP TABLE bulk_runs AS
        SELECT DISTINCT journal_date AS first, journal_date AS last, 1 AS length
        FROM temp.bulk_landed b
        WHERE NOT EXISTS (
            SELECT 1 FROM day_runs r WHERE r.last >= b.journal_date
            AND r.first = (SELECT max(first) FROM day_runs WHERE first <= b.journal_date))
        """
    )
    low, high = conn.execute("SELECT min(first), max(last) FROM temp.bulk_runs").fetchone()
    if low is None:
        return
    touching = "FROM day_runs WHERE last >= date(?, '-1 day') AND first <= date(?, '+1 day')"
    conn.execute(f"INSERT INTO temp.bulk_runs SELECT first, last, length {touching}", [low, high])
    conn.execute(f"DELETE {touching}", [low, high])
    # Runs and new days never overlap; sorted by their first day, one that starts the
    # day after the one before it ends joins it.
    conn.execute(
        """
        INSERT INTO day_runs (first, last, length)
        SELECT min(first), max(last), sum(length)
        FROM (SELECT first, last, length, sum(starts) OVER (ORDER BY first) AS run
              FROM (SELECT first, last, length,
                           CASE WHEN date(first, '-1 day') = lag(last) OVER (ORDER BY first)
                                THEN 0 ELSE 1 END AS starts
                    FROM temp.bulk_runs))
        GROUP BY run
        """
    )
    conn.execute("DROP TABLE temp.bulk_runs")


def _sync_outbox(conn: driver.Connection, owners: Sequence[tuple[str, str]]) -> None:
    """Every row written notes its item once more, as each of the triggers would have."""
    if not conn.execute(f"SELECT {_SYNC_NOTES}").fetchone()[0]:
        return
    for kind, select in owners:
        conn.execute(_noting(select), [kind])


def _noting(select: str) -> str:
    """The upsert that notes, for each id ``select`` gives, one change per row."""
    return (
        f"INSERT INTO sync_outbox (kind, key, edits) SELECT ?, id, count(*) FROM ({select}) "  # noqa: S608
        "WHERE true GROUP BY id "
        "ON CONFLICT (kind, key) DO UPDATE SET edits = edits + excluded.edits"
    )
