"""Queries for export and import: reading whole entries in batches, writing many at once.

An export reads entries oldest first in batches, with the figures other features keep
beside them (reframe and check-in scores, thinking traps, commitments). An import
writes every record of a file in one transaction with ``executemany``: the answers, tags
and other rows first and the entries last, with foreign keys checked at commit, so the
search index builds each entry's document exactly once.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .browse import BATCH, EntryFilter
from .core import (
    INSERT_ANSWER,
    INSERT_TAG,
    Entry,
    answer_rows,
    entry_row,
    storage_errors,
)

REFRAME_COLUMNS = (
    "intensity_before",
    "intensity_after",
    "belief_before",
    "belief_after",
    "revisit_intensity",
    "revisited_at",
)
CHECKIN_COLUMNS = ("total", "self_kindness", "common_humanity", "mindfulness")
TRAP_COLUMNS = ("trap_id", "phrase")
COMMITMENT_COLUMNS = (
    "id",
    "text",
    "due_date",
    "status",
    "note",
    "created_at",
    "updated_at",
    "closed_date",
)
WRITE_CHUNK = 2_000
STAGING = "temp.import_entries"


@dataclass(frozen=True)
class EntryRecord:
    """One entry with everything that belongs to it, as exported and imported."""

    entry: Entry
    reframe_scores: dict[str, Any] | None = None
    traps: tuple[dict[str, Any], ...] = ()
    commitments: tuple[dict[str, Any], ...] = field(default=())
    checkin_scores: dict[str, Any] | None = None


def _marks(count: int) -> str:
    return ",".join("?" * count)


class PortabilityQueries:
    """Mixin for JournalStore: whole entries in batches, and bulk import."""

    conn: sqlite3.Connection
    path: Any

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction: every query inside sees the journal as it was at the start."""
        with storage_errors(self.path):
            self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def iter_records(self, chosen: EntryFilter, batch: int = BATCH) -> Iterator[list[EntryRecord]]:
        """Every matching entry, oldest first, in lists of at most ``batch`` records."""
        where, params = chosen.sql()
        with storage_errors(self.path):
            cursor = self.conn.execute(
                f"SELECT e.* FROM entries e WHERE 1{where} "  # noqa: S608 - ? marks only
                "ORDER BY e.journal_date, e.created_at, e.id",
                params,
            )
            try:
                while rows := cursor.fetchmany(batch):
                    entries = self._load_entries(rows)  # type: ignore[attr-defined]
                    yield self.records_for(entries)
            finally:
                cursor.close()

    def records_for(self, entries: Sequence[Entry]) -> list[EntryRecord]:
        """The entries with their reframe or check-in scores, traps and commitments, when
        they have any."""
        ids = [entry.id for entry in entries]
        if not ids:
            return []
        reframe = self._rows_by_entry("reframe_scores", REFRAME_COLUMNS, ids)
        checkin = self._rows_by_entry("checkin_scores", CHECKIN_COLUMNS, ids)
        traps = self._rows_by_entry("entry_traps", TRAP_COLUMNS, ids, "trap_id")
        commitments = self._rows_by_entry("commitments", COMMITMENT_COLUMNS, ids, "created_at, id")
        return [
            EntryRecord(
                entry=entry,
                reframe_scores=reframe.get(entry.id, [None])[0],
                traps=tuple(traps.get(entry.id, ())),
                commitments=tuple(commitments.get(entry.id, ())),
                checkin_scores=checkin.get(entry.id, [None])[0],
            )
            for entry in entries
        ]

    def _rows_by_entry(
        self, table: str, columns: Sequence[str], ids: Sequence[str], order: str = ""
    ) -> dict[str, list[dict[str, Any]]]:
        """The rows of a feature table that belong to these entries, by entry id."""
        found: dict[str, list[dict[str, Any]]] = {}
        sql = (
            f"SELECT entry_id, {', '.join(columns)} FROM {table} "  # noqa: S608 - fixed names
            f"WHERE entry_id IN ({_marks(len(ids))}) ORDER BY entry_id"
            + (f", {order}" if order else "")
        )
        with storage_errors(self.path):
            for row in self.conn.execute(sql, list(ids)):
                found.setdefault(row[0], []).append(dict(zip(columns, row[1:], strict=True)))
        return found

    def _present(self, table: str, column: str, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        with storage_errors(self.path):
            for start in range(0, len(ids), BATCH):
                chunk = list(ids[start : start + BATCH])
                found.update(
                    row[0]
                    for row in self.conn.execute(
                        f"SELECT {column} FROM {table} "  # noqa: S608 - fixed names
                        f"WHERE {column} IN ({_marks(len(chunk))})",
                        chunk,
                    )
                )
        return found

    def existing_entry_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of these entry ids the journal already holds."""
        return self._present("entries", "id", ids)

    def existing_commitment_ids(self, ids: Sequence[str]) -> set[str]:
        return self._present("commitments", "id", ids)

    def add_records(
        self,
        records: Sequence[EntryRecord],
        advance: Callable[[int], None] | None = None,
    ) -> None:
        """Write all the records in one transaction: all of them or, on any error, none."""
        ordered = sorted(records, key=lambda record: record.entry.id)  # B-trees fill in order
        with self.writing() as conn:  # type: ignore[attr-defined]
            # Rows that point at an entry are written before it (checked at commit), so that
            # the search trigger on entries finds every answer already in place.
            conn.execute("PRAGMA defer_foreign_keys = ON")
            conn.execute(f"CREATE TEMP TABLE {STAGING} AS SELECT * FROM main.entries WHERE 0")  # noqa: S608
            for start in range(0, len(ordered), WRITE_CHUNK):
                chunk = ordered[start : start + WRITE_CHUNK]
                _write_chunk(conn, chunk)
                if advance:
                    advance(len(chunk))
            # One statement for every entry: the search index then takes all the new documents
            # in one go, where a statement per entry would make it flush a segment per entry.
            # In the order they were written, so that search numbers them oldest first.
            conn.execute(
                f"INSERT INTO main.entries SELECT * FROM {STAGING} "  # noqa: S608
                "ORDER BY journal_date, created_at, id"
            )
            conn.execute(f"DROP TABLE {STAGING}")


#: The feature tables an import fills beside the entries, with their columns.
_BESIDE = {
    "reframe_scores": REFRAME_COLUMNS,
    "checkin_scores": CHECKIN_COLUMNS,
    "entry_traps": TRAP_COLUMNS,
    "commitments": COMMITMENT_COLUMNS,
}


def _beside(record: EntryRecord) -> dict[str, Sequence[dict[str, Any]]]:
    """A record's rows for each table in ``_BESIDE``."""
    return {
        "reframe_scores": [record.reframe_scores] if record.reframe_scores is not None else [],
        "checkin_scores": [record.checkin_scores] if record.checkin_scores is not None else [],
        "entry_traps": record.traps,
        "commitments": record.commitments,
    }


def _write_chunk(conn: sqlite3.Connection, records: Sequence[EntryRecord]) -> None:
    answers: list[list[Any]] = []
    tags: list[list[str]] = []
    beside: dict[str, list[list[Any]]] = {table: [] for table in _BESIDE}
    for record in records:
        entry = record.entry
        answers += answer_rows(entry.id, entry.answers)
        tags += [[entry.id, tag] for tag in entry.tags]
        for table, rows in _beside(record).items():
            columns = _BESIDE[table]
            beside[table] += [[entry.id, *(row[c] for c in columns)] for row in rows]
    conn.executemany(INSERT_ANSWER, answers)
    conn.executemany(INSERT_TAG, tags)
    for table, columns in _BESIDE.items():
        conn.executemany(
            f"INSERT INTO {table} (entry_id, {', '.join(columns)}) "  # noqa: S608 - fixed names
            f"VALUES (?, {_marks(len(columns))})",
            beside[table],
        )
    conn.executemany(
        f"INSERT INTO {STAGING} VALUES (?, ?, ?, ?, ?, ?)",  # noqa: S608
        [entry_row(record.entry) for record in records],
    )
