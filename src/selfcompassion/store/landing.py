"""Landing many entries at once: what the insert triggers would do, done in set form.

Row by row, every entry an import lands fires the triggers of the search index, the day
tables (``day_runs``, ``journal_days``, ``day_answers``) and sync's outbox, and every
answer, tag and score fires its own: at 100,000 entries that was most of an import's
time. ``bulk_loading`` (migration 0010) holds a row only inside a landing's own write
transaction; while it does, those triggers stand aside and ``derive`` does their work
once for all the entries the step added. No other connection ever sees the row (it is
deleted before the commit, and a failed step rolls it back with everything else), so
every other write keeps its triggers, and the schema never changes while a step runs.

The entries a step adds are those whose rowid is above the largest before it: SQLite
gives a new row one more than the largest rowid in the table, and the step inserts
them in the order the triggers would have seen them. Only those rows and the days they
fall on are read, so landing into a large journal costs what the import brings.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from . import driver


@dataclass(frozen=True)
class Before:
    """Where the journal's entries and search documents ended before a step."""

    entry: int
    doc: int


@contextlib.contextmanager
def triggers_aside(conn: driver.Connection) -> Iterator[Before]:
    """Inside the caller's write transaction: set the insert triggers aside, let the
    block insert, then do the triggers' work for the entries it added (``derive``)."""
    conn.execute("INSERT INTO main.bulk_loading (loading) VALUES (1)")
    row = conn.execute(
        "SELECT (SELECT coalesce(max(rowid), 0) FROM main.entries), "
        "(SELECT coalesce(max(doc), 0) FROM main.search_docs)"
    ).fetchone()
    before = Before(int(row[0]), int(row[1]))
    yield before
    derive(conn, before)
    conn.execute("DELETE FROM main.bulk_loading")


#: The entries the step added, found by rowid. NOT INDEXED keeps SQLite from walking the
#: whole of ``entries_by_date`` instead (it would, to spare sorting by day), which made
#: every step read every entry of the journal: the later steps of a large import read
#: 100,000 entries to find their 3,000.
_ADDED = "main.entries e NOT INDEXED WHERE e.rowid > :entry"

#: One search document per added entry, numbered in the order the entries were added.
_SEARCH_DOCS = f"INSERT INTO main.search_docs (entry_id) SELECT e.id FROM {_ADDED} ORDER BY e.rowid"  # noqa: S608


#: The new search documents into the index, in the order of their numbers, with the text
#: staged with each entry (``records.search_document``).
_SEARCH_INDEX = """
    INSERT INTO main.search_index (rowid, prompts, answers)
    SELECT d.doc, s.search_prompts, s.search_answers
    FROM main.search_docs d JOIN temp.import_stage_entries s ON s.id = d.entry_id
    WHERE d.doc > :doc ORDER BY d.doc
"""


#: The days that had no entry before the step: each joins the runs of days around it.
_NEW_DAYS = f"""
    INSERT INTO temp.landing_days (day)
    SELECT DISTINCT e.journal_date FROM {_ADDED}
    AND NOT EXISTS (SELECT 1 FROM main.entries o
                    WHERE o.journal_date = e.journal_date AND o.rowid <= :entry)
"""  # noqa: S608
#: The new days and the runs they touch (end the day before one or start the day after),
#: merged where they meet: a piece starts a new run unless it begins the day after the
#: previous piece ends (the pieces never overlap, every day of a run having an entry).
_MERGED_RUNS = """
    INSERT INTO temp.landing_runs (first, last)
    WITH pieces (first, last) AS (
        SELECT day, day FROM temp.landing_days
        UNION ALL
        SELECT r.first, r.last FROM main.day_runs r
        WHERE EXISTS (SELECT 1 FROM temp.landing_days d
                      WHERE d.day BETWEEN date(r.first, '-1 day') AND date(r.last, '+1 day'))
    ),
    marked AS (
        SELECT first, last, CASE WHEN julianday(first)
            - julianday(lag(last) OVER (ORDER BY first)) = 1 THEN 0 ELSE 1 END AS starts
        FROM pieces
    ),
    numbered AS (SELECT first, last, sum(starts) OVER (ORDER BY first) AS run FROM marked)
    SELECT min(first), max(last) FROM numbered GROUP BY run
"""
_OLD_RUNS = """
    DELETE FROM main.day_runs WHERE first IN (
        SELECT r.first FROM main.day_runs r JOIN temp.landing_runs m
        ON r.first BETWEEN m.first AND m.last)
"""
_NEW_RUNS = """
    INSERT INTO main.day_runs (first, last, length)
    SELECT first, last, CAST(julianday(last) - julianday(first) AS INTEGER) + 1
    FROM temp.landing_runs
"""

_JOURNAL_DAYS = f"""
    INSERT INTO main.journal_days (day, entries)
    SELECT e.journal_date, count(*) FROM {_ADDED} GROUP BY e.journal_date
    ON CONFLICT (day) DO UPDATE SET entries = entries + excluded.entries
"""  # noqa: S608
#: As migration 0009 counts a day's answers, for the added entries' answers only.
_DAY_ANSWERS = """
    INSERT INTO main.day_answers (day, step_id, kind, theme, written, rated, total)
    SELECT e.journal_date, a.step_id, a.kind, coalesce(a.theme, ''),
           count(CASE WHEN a.text != '' THEN 1 END), count(a.number), coalesce(sum(a.number), 0)
    FROM main.entries e NOT INDEXED CROSS JOIN main.answers a ON a.entry_id = e.id
    WHERE e.rowid > :entry
    GROUP BY e.journal_date, a.step_id, a.kind, coalesce(a.theme, '')
    ON CONFLICT (day, step_id, kind, theme) DO UPDATE SET
        written = written + excluded.written, rated = rated + excluded.rated,
        total = total + excluded.total
"""

#: Sync notes an item once for every row written that belongs to it (migration 0008),
#: only once sync is set up and never for what sync itself brings in.
_SYNC_ON = (
    "EXISTS (SELECT 1 FROM main.sync_state WHERE name = 'device') "
    "AND NOT EXISTS (SELECT 1 FROM main.sync_state WHERE name = 'applying')"
)
_ROWS_OF_ENTRY = """
    (SELECT count(*) FROM main.answers WHERE entry_id = e.id)
    + (SELECT count(*) FROM main.tags WHERE entry_id = e.id)
    + (SELECT count(*) FROM main.reframe_scores WHERE entry_id = e.id)
    + (SELECT count(*) FROM main.checkin_scores WHERE entry_id = e.id)
    + (SELECT count(*) FROM main.entry_traps WHERE entry_id = e.id)
"""
_OUTBOX_ENTRIES = f"""
    INSERT INTO main.sync_outbox (kind, key, edits)
    SELECT 'entry', e.id, 1 + {_ROWS_OF_ENTRY} FROM {_ADDED} AND {_SYNC_ON}
    ON CONFLICT (kind, key) DO UPDATE SET edits = edits + excluded.edits
"""  # noqa: S608
_OUTBOX_COMMITMENTS = f"""
    INSERT INTO main.sync_outbox (kind, key, edits)
    SELECT 'commitment', c.id, 1
    FROM main.entries e CROSS JOIN main.commitments c ON c.entry_id = e.id
    WHERE e.rowid > :entry AND {_SYNC_ON}
    ON CONFLICT (kind, key) DO UPDATE SET edits = edits + 1
"""  # noqa: S608


def derive(conn: driver.Connection, before: Before) -> None:
    """Bring the search index, the day tables and sync's outbox up to date with the
    entries added since ``before`` (with their answers, tags, scores and commitments)."""
    at = {"entry": before.entry, "doc": before.doc}
    conn.execute(_SEARCH_DOCS, at)
    conn.execute(_SEARCH_INDEX, at)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS landing_days (day TEXT PRIMARY KEY)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS landing_runs (first TEXT, last TEXT)")
    conn.execute("DELETE FROM temp.landing_days")
    conn.execute("DELETE FROM temp.landing_runs")
    conn.execute(_NEW_DAYS, at)
    conn.execute(_MERGED_RUNS)
    conn.execute(_OLD_RUNS)
    conn.execute(_NEW_RUNS)
    conn.execute(_JOURNAL_DAYS, at)
    conn.execute(_DAY_ANSWERS, at)
    conn.execute(_OUTBOX_ENTRIES, at)
    conn.execute(_OUTBOX_COMMITMENTS, at)
