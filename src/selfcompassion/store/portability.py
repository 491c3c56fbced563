"""Queries for export and import: reading whole entries in batches, writing many at once.

An export reads entries oldest first in batches, with the figures other features keep
beside them (reframe scores, thinking traps, commitments). An import writes every record
of a file in one transaction with ``executemany``: the answers, tags and other rows
first and the entries last, with foreign keys checked at commit, so the search index
builds each entry's document exactly once.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .browse import EntryFilter
from .core import (
    INSERT_ANSWER,
    INSERT_ENTRY,
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
BATCH = 500
WRITE_CHUNK = 2_000


@dataclass(frozen=True)
class EntryRecord:
    """One entry with everything that belongs to it, as exported and imported."""

    entry: Entry
    reframe_scores: dict[str, Any] | None = None
    traps: tuple[dict[str, Any], ...] = ()
    commitments: tuple[dict[str, Any], ...] = field(default=())


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
        """The entries with their reframe scores, traps and commitments, when they have any."""
        ids = [entry.id for entry in entries]
        if not ids:
            return []
        marks = _marks(len(ids))
        with storage_errors(self.path):
            scores = {
                row[0]: dict(zip(REFRAME_COLUMNS, row[1:], strict=True))
                for row in self.conn.execute(
                    f"SELECT entry_id, {', '.join(REFRAME_COLUMNS)} FROM reframe_scores "  # noqa: S608
                    f"WHERE entry_id IN ({marks})",
                    ids,
                )
            }
            traps: dict[str, list[dict[str, Any]]] = {}
            for row in self.conn.execute(
                f"SELECT entry_id, {', '.join(TRAP_COLUMNS)} FROM entry_traps "  # noqa: S608
                f"WHERE entry_id IN ({marks}) ORDER BY entry_id, trap_id",
                ids,
            ):
                traps.setdefault(row[0], []).append(dict(zip(TRAP_COLUMNS, row[1:], strict=True)))
            commitments: dict[str, list[dict[str, Any]]] = {}
            for row in self.conn.execute(
                f"SELECT entry_id, {', '.join(COMMITMENT_COLUMNS)} FROM commitments "  # noqa: S608
                f"WHERE entry_id IN ({marks}) ORDER BY entry_id, created_at, id",
                ids,
            ):
                commitments.setdefault(row[0], []).append(
                    dict(zip(COMMITMENT_COLUMNS, row[1:], strict=True))
                )
        return [
            EntryRecord(
                entry=entry,
                reframe_scores=scores.get(entry.id),
                traps=tuple(traps.get(entry.id, ())),
                commitments=tuple(commitments.get(entry.id, ())),
            )
            for entry in entries
        ]

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
        with self.writing() as conn:  # type: ignore[attr-defined]
            # Rows that point at an entry are written before it (checked at commit), so that
            # the search trigger on entries finds every answer already in place.
            conn.execute("PRAGMA defer_foreign_keys = ON")
            for start in range(0, len(records), WRITE_CHUNK):
                chunk = records[start : start + WRITE_CHUNK]
                _write_chunk(conn, chunk)
                if advance:
                    advance(len(chunk))


def _write_chunk(conn: sqlite3.Connection, records: Sequence[EntryRecord]) -> None:
    answers: list[list[Any]] = []
    tags: list[list[str]] = []
    scores: list[list[Any]] = []
    traps: list[list[Any]] = []
    commitments: list[list[Any]] = []
    for record in records:
        entry = record.entry
        answers += answer_rows(entry.id, entry.answers)
        tags += [[entry.id, tag] for tag in entry.tags]
        if record.reframe_scores is not None:
            scores.append([entry.id, *(record.reframe_scores[c] for c in REFRAME_COLUMNS)])
        traps += [[entry.id, *(trap[c] for c in TRAP_COLUMNS)] for trap in record.traps]
        commitments += [
            [entry.id, *(item[c] for c in COMMITMENT_COLUMNS)] for item in record.commitments
        ]
    conn.executemany(INSERT_ANSWER, answers)
    conn.executemany(INSERT_TAG, tags)
    conn.executemany(
        f"INSERT INTO reframe_scores (entry_id, {', '.join(REFRAME_COLUMNS)}) "  # noqa: S608
        f"VALUES (?, {_marks(len(REFRAME_COLUMNS))})",
        scores,
    )
    conn.executemany(
        f"INSERT INTO entry_traps (entry_id, {', '.join(TRAP_COLUMNS)}) "  # noqa: S608
        f"VALUES (?, {_marks(len(TRAP_COLUMNS))})",
        traps,
    )
    conn.executemany(
        f"INSERT INTO commitments (entry_id, {', '.join(COMMITMENT_COLUMNS)}) "  # noqa: S608
        f"VALUES (?, {_marks(len(COMMITMENT_COLUMNS))})",
        commitments,
    )
    conn.executemany(INSERT_ENTRY, [entry_row(r.entry) for r in records])
