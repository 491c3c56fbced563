"""Loading many entries at once: one transaction, one ``executemany`` per table.

Saving entries one by one costs a transaction each; a synthetic journal of years of
entries (the report benchmark) or a fixture journal with reframe figures and commitments
(the report tests) would take minutes that way. ``bulk_load`` writes the same rows that
``add_entry`` writes, plus rows for the feature tables that belong to those entries,
all or nothing.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .core import StoreCore
from .failures import storage_errors
from .records import (
    INSERT_ANSWER,
    INSERT_ENTRY,
    INSERT_TAG,
    Entry,
    answer_rows,
    entry_row,
    tag_rows,
)

#: Entries written per round of ``executemany`` (all in the one transaction).
CHUNK = 5_000
#: The feature tables ``bulk_load`` may fill besides entries, answers and tags.
BULK_TABLES = ("reframe_scores", "entry_traps", "commitments", "checkin_scores")


class BulkWrites(StoreCore):
    """Writes many entries and their feature rows in one transaction."""

    def bulk_load(
        self,
        entries: Iterable[Entry],
        rows: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    ) -> int:
        """Save the entries (with answers and tags) and the given rows of feature tables.

        ``rows`` maps a table in BULK_TABLES to its rows, each a mapping of column to
        value; every row of one table must name the same columns. Returns the number of
        entries written. Nothing is written if anything fails.
        """
        written = 0
        with self.writing() as conn:
            # In chunks, so that a generator of a million entries never sits in memory whole.
            pending = iter(entries)
            while chunk := list(itertools.islice(pending, CHUNK)):
                conn.executemany(INSERT_ENTRY, (entry_row(entry) for entry in chunk))
                conn.executemany(
                    INSERT_ANSWER, (row for e in chunk for row in answer_rows(e.id, e.answers))
                )
                conn.executemany(INSERT_TAG, (row for e in chunk for row in tag_rows(e)))
                written += len(chunk)
            for table, table_rows in (rows or {}).items():
                if table_rows:
                    conn.executemany(self._insert_sql(table, table_rows[0]), table_rows)
        return written

    def _insert_sql(self, table: str, sample: Mapping[str, Any]) -> str:
        """An INSERT for ``table`` with named parameters, after checking every name
        against the schema (names cannot be bound as parameters)."""
        if table not in BULK_TABLES:
            raise ValueError(f"bulk_load cannot fill table {table!r}")
        with storage_errors(self.path):
            known = {row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")}
        unknown = [column for column in sample if column not in known]
        if not known or unknown:
            raise ValueError(f"table {table!r} has no column(s) {unknown or list(sample)}")
        columns = ", ".join(sample)
        values = ", ".join(f":{column}" for column in sample)
        return f"INSERT INTO {table} ({columns}) VALUES ({values})"  # noqa: S608
