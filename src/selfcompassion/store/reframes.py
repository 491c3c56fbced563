"""Reframes: the figures and traps kept beside a reframe entry, and its later revisit.

A reframe is saved as an ordinary entry (its answers, exactly as asked) plus three kinds
of rows that make it easy to look back on: its scores (feeling and belief in the critic
before and after, belief in the balanced thought), the thinking traps the person
confirmed, and the commitment its next step became.
All of it is written in one transaction, so a reframe is never half there. An edit of
the ratings rewrites the scores in the transaction of the edit (``keep_reframe_scores``);
the traps and the commitment stay as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from . import driver
from .commitments import Commitment, CommitmentQueries
from .entries import EntryQueries
from .failures import storage_errors
from .records import Answer, Entry, RowsBeside, timestamp

REFRAME_KIND = "reframe"


@dataclass(frozen=True)
class ReframeScores:
    """Mean feeling intensity (0-100) and belief in the critic (0-100), before and after,
    and belief in the balanced thought (0-100)."""

    intensity_before: float | None = None
    intensity_after: float | None = None
    belief_before: int | None = None
    belief_after: int | None = None
    revisit_intensity: float | None = None
    revisited_at: str | None = None
    balanced_belief: int | None = None


@dataclass(frozen=True)
class ReframeRecord:
    """What a reframe keeps beside its entry."""

    scores: ReframeScores
    traps: tuple[tuple[str, str | None], ...]  # (trap id, the phrase that showed it, if any)
    next_step: str
    due_date: date


@dataclass(frozen=True)
class PastReframe:
    """An earlier reframe as the summary recalls it: how its feeling and next step went."""

    entry_id: str
    journal_date: date
    shared_tags: tuple[str, ...]
    intensity_before: float | None
    intensity_after: float | None
    revisit_intensity: float | None
    commitment_status: str | None


def keep_reframe_scores(scores: ReframeScores) -> RowsBeside:
    """Writes a reframe's figures beside it, in the caller's transaction: every figure
    worked out from its answers is replaced; when the second look happened stays."""

    def write(conn: driver.Connection, entry: Entry) -> None:
        conn.execute(
            "INSERT INTO reframe_scores (entry_id, intensity_before, intensity_after, "
            "belief_before, belief_after, revisit_intensity, balanced_belief) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (entry_id) DO UPDATE SET intensity_before = excluded.intensity_before, "
            "intensity_after = excluded.intensity_after, belief_before = excluded.belief_before, "
            "belief_after = excluded.belief_after, revisit_intensity = excluded.revisit_intensity, "
            "balanced_belief = excluded.balanced_belief",
            [
                entry.id,
                scores.intensity_before,
                scores.intensity_after,
                scores.belief_before,
                scores.belief_after,
                scores.revisit_intensity,
                scores.balanced_belief,
            ],
        )

    return write


class ReframeQueries(CommitmentQueries, EntryQueries):
    """Saving reframes and revisits, and the questions the summary and ``today`` ask."""

    def add_reframe(
        self,
        record: ReframeRecord,
        *,
        journal_date: date,
        answers: Sequence[Answer],
        now: datetime,
        pack: str | None,
        tags: Sequence[str] = (),
        clear_draft: str | None = None,
    ) -> tuple[Entry, Commitment]:
        """Save the entry, its scores, traps and commitment in a single transaction."""
        made: list[Commitment] = []

        def keep_beside(conn: driver.Connection, entry: Entry) -> None:
            keep_reframe_scores(record.scores)(conn, entry)
            conn.executemany(
                "INSERT OR IGNORE INTO entry_traps (entry_id, trap_id, phrase) VALUES (?, ?, ?)",
                [[entry.id, trap_id, phrase] for trap_id, phrase in record.traps],
            )
            made.append(self.new_commitment(conn, entry.id, record.next_step, record.due_date, now))

        entry = self.add_entry(
            kind=REFRAME_KIND,
            journal_date=journal_date,
            answers=answers,
            now=now,
            pack=pack,
            tags=tags,
            clear_draft=clear_draft,
            also=keep_beside,
        )
        return entry, made[0]

    def count_reframes(self) -> int:
        with storage_errors(self.path):
            return int(
                self.conn.execute(
                    "SELECT count(*) FROM entries WHERE kind = ?", [REFRAME_KIND]
                ).fetchone()[0]
            )

    def reframe_scores(self, entry_id: str) -> ReframeScores | None:
        with storage_errors(self.path):
            row = self.conn.execute(
                "SELECT intensity_before, intensity_after, belief_before, belief_after, "
                "revisit_intensity, revisited_at, balanced_belief FROM reframe_scores "
                "WHERE entry_id = ?",
                [entry_id],
            ).fetchone()
        return ReframeScores(*row) if row else None

    def entry_traps(self, entry_id: str) -> list[tuple[str, str | None]]:
        with storage_errors(self.path):
            return [
                (row[0], row[1])
                for row in self.conn.execute(
                    "SELECT trap_id, phrase FROM entry_traps WHERE entry_id = ? ORDER BY rowid",
                    [entry_id],
                )
            ]

    def related_reframes(
        self, entry_id: str, tags: Sequence[str], *, limit: int = 5
    ) -> list[PastReframe]:
        """Earlier reframes that share a tag with this one, the most recent first."""
        if not tags:
            return []
        marks = ",".join("?" * len(tags))
        with storage_errors(self.path):
            rows = self.conn.execute(
                "SELECT e.id, e.journal_date, group_concat(t.tag, ' '), s.intensity_before, "  # noqa: S608
                "s.intensity_after, s.revisit_intensity, "
                "(SELECT c.status FROM commitments c WHERE c.entry_id = e.id "
                " ORDER BY c.created_at LIMIT 1) "
                "FROM entries e JOIN tags t ON t.entry_id = e.id "
                "LEFT JOIN reframe_scores s ON s.entry_id = e.id "
                f"WHERE e.kind = ? AND e.id != ? AND t.tag IN ({marks}) "
                "GROUP BY e.id ORDER BY e.journal_date DESC, e.created_at DESC LIMIT ?",
                [REFRAME_KIND, entry_id, *tags, limit],
            ).fetchall()
        return [
            PastReframe(
                entry_id=row[0],
                journal_date=date.fromisoformat(row[1]),
                shared_tags=tuple(sorted(row[2].split())),
                intensity_before=row[3],
                intensity_after=row[4],
                revisit_intensity=row[5],
                commitment_status=row[6],
            )
            for row in rows
        ]

    def reframes_to_revisit(self, written_by: date) -> list[Entry]:
        """Reframes written on or before ``written_by`` that have not been revisited yet,
        the oldest first."""
        with storage_errors(self.path):
            rows = self.conn.execute(
                "SELECT e.* FROM entries e LEFT JOIN reframe_scores s ON s.entry_id = e.id "
                "WHERE e.kind = ? AND e.journal_date <= ? AND s.revisited_at IS NULL "
                "ORDER BY e.journal_date, e.created_at",
                [REFRAME_KIND, written_by.isoformat()],
            ).fetchall()
            return self._load_entries(rows)

    def add_revisit(
        self, entry_id: str, answers: Sequence[Answer], *, intensity: float | None, now: datetime
    ) -> Entry:
        """Add a revisit's answers to the end of its reframe and record when it happened."""
        stamp = timestamp(now)
        with self.writing() as conn:
            start = conn.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM answers WHERE entry_id = ?",
                [entry_id],
            ).fetchone()[0]
            self._insert_answers(conn, entry_id, answers, start)
            conn.execute("UPDATE entries SET updated_at = ? WHERE id = ?", [stamp, entry_id])
            conn.execute(
                "INSERT INTO reframe_scores (entry_id, revisit_intensity, revisited_at) "
                "VALUES (?, ?, ?) ON CONFLICT (entry_id) DO UPDATE SET "
                "revisit_intensity = excluded.revisit_intensity, "
                "revisited_at = excluded.revisited_at",
                [entry_id, intensity, stamp],
            )
        entry = self.get_entry(entry_id)
        assert entry is not None
        return entry
