"""The weekly check-in's queries: its entry and its scores, saved together.

A check-in is an ordinary entry (kind 'checkin', each rating an answer) plus one row in
``checkin_scores`` holding the means, so that the weekly report can chart them in SQL
without re-scoring answers. Both are written in one transaction, and an edit of the
ratings rewrites the means in the transaction of the edit (``keep_checkin_scores``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from . import driver
from .entries import EntryQueries
from .failures import storage_errors
from .records import Answer, Entry, RowsBeside

CHECKIN_KIND = "checkin"


@dataclass(frozen=True)
class CheckinScores:
    """One stored row of ``checkin_scores``, with the day of its check-in."""

    entry_id: str
    journal_date: date
    total: float | None
    self_kindness: float | None
    common_humanity: float | None
    mindfulness: float | None


_SELECT = (
    "SELECT e.id, e.journal_date, s.total, s.self_kindness, s.common_humanity, s.mindfulness "
    "FROM entries e JOIN checkin_scores s ON s.entry_id = e.id "
)


def _scores(row: Sequence[Any]) -> CheckinScores:
    return CheckinScores(row[0], date.fromisoformat(row[1]), row[2], row[3], row[4], row[5])


def keep_checkin_scores(total: float | None, components: Mapping[str, float | None]) -> RowsBeside:
    """Writes a check-in's means beside it, replacing any it had, in the caller's transaction."""

    def write(conn: driver.Connection, entry: Entry) -> None:
        conn.execute(
            "INSERT INTO checkin_scores "
            "(entry_id, total, self_kindness, common_humanity, mindfulness) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO UPDATE SET "
            "total = excluded.total, self_kindness = excluded.self_kindness, "
            "common_humanity = excluded.common_humanity, mindfulness = excluded.mindfulness",
            [
                entry.id,
                total,
                components.get("self-kindness"),
                components.get("common-humanity"),
                components.get("mindfulness"),
            ],
        )

    return write


class CheckinQueries(EntryQueries):
    """Saving a check-in with its scores, and reading the scores back."""

    def add_checkin(
        self,
        *,
        journal_date: date,
        answers: Sequence[Answer],
        now: datetime,
        pack: str,
        total: float | None,
        components: Mapping[str, float | None],
        tags: Sequence[str] = (),
        clear_draft: str | None = None,
    ) -> Entry:
        """Save the check-in entry and its means in one transaction."""
        return self.add_entry(
            kind=CHECKIN_KIND,
            journal_date=journal_date,
            answers=answers,
            now=now,
            pack=pack,
            tags=tags,
            clear_draft=clear_draft,
            also=keep_checkin_scores(total, components),
        )

    def checkins_between(self, start: date, end: date) -> list[Entry]:
        """The check-in entries written for days from ``start`` to ``end``, oldest first."""
        with storage_errors(self.path):
            rows = self.conn.execute(
                "SELECT * FROM entries WHERE kind = ? AND journal_date BETWEEN ? AND ? "
                "ORDER BY journal_date, created_at, rowid",
                [CHECKIN_KIND, start.isoformat(), end.isoformat()],
            ).fetchall()
            return self._load_entries(rows)

    def checkin_scores(self, start: date, end: date) -> list[CheckinScores]:
        """The stored means of the check-ins from ``start`` to ``end``, oldest first."""
        with storage_errors(self.path):
            rows = self.conn.execute(
                _SELECT + "WHERE e.kind = ? AND e.journal_date BETWEEN ? AND ? "
                "ORDER BY e.journal_date, e.created_at, e.rowid",
                [CHECKIN_KIND, start.isoformat(), end.isoformat()],
            ).fetchall()
        return [_scores(row) for row in rows]

    def previous_checkin_scores(self, entry: Entry) -> CheckinScores | None:
        """The latest scored check-in before ``entry`` (by day, then by time written)."""
        with storage_errors(self.path):
            row = self.conn.execute(
                _SELECT + "WHERE e.kind = ? AND e.id != ? AND s.total IS NOT NULL "
                "AND (e.journal_date < ? OR (e.journal_date = ? AND e.created_at <= ?)) "
                "ORDER BY e.journal_date DESC, e.created_at DESC, e.rowid DESC LIMIT 1",
                [
                    CHECKIN_KIND,
                    entry.id,
                    entry.journal_date.isoformat(),
                    entry.journal_date.isoformat(),
                    entry.created_at,
                ],
            ).fetchone()
        return _scores(row) if row else None
