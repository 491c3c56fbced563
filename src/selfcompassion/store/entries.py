"""Saving an entry with its answers and tags, and loading entries back whole.

Every mixin that returns entries loads them through ``_load_entries``, and every flow
saves through ``add_entry``, so an entry is read and written one way only.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from . import driver
from .core import StoreCore
from .failures import storage_errors
from .records import (
    INSERT_ANSWER,
    INSERT_ENTRY,
    INSERT_TAG,
    Answer,
    Entry,
    RowsBeside,
    answer_rows,
    entry_row,
    tag_rows,
    timestamp,
)


class EntryQueries(StoreCore):
    """Mixin for JournalStore: save an entry, find one by id, the entries of a day."""

    def add_entry(
        self,
        *,
        kind: str,
        journal_date: date,
        answers: Sequence[Answer],
        now: datetime,
        pack: str | None = None,
        tags: Sequence[str] = (),
        entry_id: str | None = None,
        clear_draft: str | None = None,
        also: RowsBeside | None = None,
    ) -> Entry:
        """Save one entry with its answers and tags in a single transaction.

        ``clear_draft`` names a flow whose draft is removed in the same transaction, so
        a draft disappears exactly when its entry is safely saved. ``also`` writes rows
        that belong with the entry (a feature mixin's own tables) in that transaction too.
        """
        stamp = timestamp(now)
        entry = Entry(
            id=entry_id or str(uuid.uuid4()),
            kind=kind,
            journal_date=journal_date,
            created_at=stamp,
            updated_at=stamp,
            pack=pack,
            answers=tuple(answers),
            tags=tuple(dict.fromkeys(tags)),
        )
        with self.writing() as conn:
            self._insert_entry(conn, entry)
            if clear_draft:
                conn.execute("DELETE FROM drafts WHERE flow = ?", [clear_draft])
            if also is not None:
                also(conn, entry)
        return entry

    def _insert_entry(self, conn: driver.Connection, entry: Entry) -> None:
        conn.execute(INSERT_ENTRY, entry_row(entry))
        self._insert_answers(conn, entry.id, entry.answers)
        conn.executemany(INSERT_TAG, tag_rows(entry))

    def _insert_answers(
        self, conn: driver.Connection, entry_id: str, answers: Sequence[Answer], start: int = 0
    ) -> None:
        """Insert answers at positions ``start``, ``start + 1``, ... of an entry."""
        conn.executemany(INSERT_ANSWER, answer_rows(entry_id, answers, start))

    def get_entry(self, entry_id: str) -> Entry | None:
        """The entry with this id, or with this unique id prefix (at least 4 characters)."""
        with storage_errors(self.path):
            row = self.conn.execute("SELECT * FROM entries WHERE id = ?", [entry_id]).fetchone()
            if row is None and len(entry_id) >= 4:
                rows = self.conn.execute(
                    "SELECT * FROM entries WHERE id >= ? AND id < ? LIMIT 2",
                    [entry_id, entry_id + "\uffff"],
                ).fetchall()
                row = rows[0] if len(rows) == 1 else None
            return self._load_entries([row])[0] if row else None

    def entries_on(self, day: date) -> list[Entry]:
        with storage_errors(self.path):
            rows = self.conn.execute(
                "SELECT * FROM entries WHERE journal_date = ? ORDER BY created_at, rowid",
                [day.isoformat()],
            ).fetchall()
            return self._load_entries(rows)

    def count_entries(self) -> int:
        with storage_errors(self.path):
            return int(self.conn.execute("SELECT count(*) FROM entries").fetchone()[0])

    def _load_entries(self, rows: Sequence[driver.Row | tuple[Any, ...]]) -> list[Entry]:
        """Entries for the given ``entries`` rows, with their answers and tags."""
        if not rows:
            return []
        ids = [row[0] for row in rows]
        marks = ",".join("?" * len(ids))
        answers: dict[str, list[Answer]] = {entry_id: [] for entry_id in ids}
        for entry_id, step_id, kind, prompt, theme, value, text in self.conn.execute(
            "SELECT entry_id, step_id, kind, prompt, theme, value, text FROM answers "  # noqa: S608
            f"WHERE entry_id IN ({marks}) ORDER BY entry_id, position",
            ids,
        ):
            answers[entry_id].append(Answer(step_id, kind, prompt, json.loads(value), theme, text))
        tags: dict[str, list[str]] = {entry_id: [] for entry_id in ids}
        for entry_id, tag in self.conn.execute(
            f"SELECT entry_id, tag FROM tags WHERE entry_id IN ({marks}) ORDER BY tag",  # noqa: S608
            ids,
        ):
            tags[entry_id].append(tag)
        return [
            Entry(
                id=row[0],
                kind=row[1],
                journal_date=date.fromisoformat(row[2]),
                created_at=row[3],
                updated_at=row[4],
                pack=row[5],
                answers=tuple(answers[row[0]]),
                tags=tuple(tags[row[0]]),
            )
            for row in rows
        ]
