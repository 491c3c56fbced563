"""Building fixture journals with known figures for the report tests.

Entries are made the way the flows make them (kind, journal_date, answers with step ids
and themes, tags) and saved with the store's own ``bulk_load``; reframe figures, traps,
commitments and check-in scores go into their tables in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from selfcompassion.store import Answer, Entry, JournalStore

PLUS_ONE = timezone(timedelta(hours=1))


def stamp(day: date, hour: int = 21, minute: int = 0, tz: timezone = PLUS_ONE) -> str:
    return datetime.combine(day, time(hour, minute), tz).isoformat(timespec="seconds")


class JournalBuilder:
    """Collects entries and feature rows, then saves them all at once."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self._ids = 0

    def _id(self, prefix: str) -> str:
        self._ids += 1
        return f"{prefix}-{self._ids:06d}"

    def entry(
        self,
        day: date,
        kind: str = "daily",
        *,
        answers: Sequence[Answer] = (),
        tags: Sequence[str] = (),
        created_at: str | None = None,
    ) -> str:
        entry_id = self._id(kind)
        created = created_at or stamp(day)
        self.entries.append(
            Entry(entry_id, kind, day, created, created, None, tuple(answers), tuple(tags))
        )
        return entry_id

    def daily(
        self,
        day: date,
        mood: int | None = None,
        kindness: int | None = None,
        *,
        themes: Sequence[str] = (),
        tags: Sequence[str] = (),
        created_at: str | None = None,
        words: str = "a few honest words",
    ) -> str:
        """A ``journal today`` entry: the two ratings, written answers to prompts of the
        given themes, and an intention."""
        answers = [
            Answer(step, "scale", f"{step}?", value, "check-in", str(value))
            for step, value in (("mood", mood), ("kindness", kindness))
            if value is not None
        ]
        answers += [
            Answer(f"prompt-{n}", "long_text", f"A question about {theme}?", words, theme, words)
            for n, theme in enumerate(themes)
        ]
        answers.append(Answer("intention", "text", "Intention?", "rest", "intention", "rest"))
        return self.entry(day, answers=answers, tags=tags, created_at=created_at)

    def reframe(
        self,
        day: date,
        before: float | None = None,
        after: float | None = None,
        *,
        traps: Sequence[str] = (),
        belief: tuple[int, int] | None = None,
    ) -> str:
        """A reframe with its intensities (and, given, the belief in the critic before and
        after) and the thinking traps noted in it."""
        entry_id = self.entry(day, "reframe")
        scores = {"entry_id": entry_id, "intensity_before": before, "intensity_after": after}
        if belief is not None:
            scores.update(belief_before=belief[0], belief_after=belief[1])
        self.rows.setdefault("reframe_scores", []).append(scores)
        for trap in traps:
            self.rows.setdefault("entry_traps", []).append({"entry_id": entry_id, "trap_id": trap})
        return entry_id

    def commitment(
        self,
        entry_id: str,
        due: date,
        status: str = "open",
        closed: date | None = None,
    ) -> None:
        made = next(e for e in self.entries if e.id == entry_id).created_at
        self.rows.setdefault("commitments", []).append(
            {
                "id": self._id("commitment"),
                "entry_id": entry_id,
                "text": "one small step",
                "due_date": due.isoformat(),
                "status": status,
                "created_at": made,
                "updated_at": made,
                "closed_date": closed.isoformat() if closed else None,
            }
        )

    def checkin(self, day: date, total: float, kindness: float, humanity: float, mind: float):
        entry_id = self.entry(day, "checkin")
        self.rows.setdefault("checkin_scores", []).append(
            {
                "entry_id": entry_id,
                "total": total,
                "self_kindness": kindness,
                "common_humanity": humanity,
                "mindfulness": mind,
            }
        )
        return entry_id

    def save(self, store: JournalStore) -> None:
        store.bulk_load(self.entries, self.rows)
        self.entries, self.rows = [], {}


def add_checkin_table(store: JournalStore) -> None:
    """The table the weekly check-in's migration (0004) adds, as its contract describes it,
    unless the journal has it already: the report is tested before and after that migration."""
    with store.writing() as conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS checkin_scores (entry_id TEXT PRIMARY KEY "
            "REFERENCES entries (id) "
            "ON DELETE CASCADE, total REAL, self_kindness REAL, common_humanity REAL, "
            "mindfulness REAL)"
        )


def drop_checkin_table(store: JournalStore) -> None:
    """A journal as it was before the check-in's migration: no ``checkin_scores``."""
    with store.writing() as conn:
        conn.execute("DROP TABLE IF EXISTS checkin_scores")


def db_args(path: Path) -> list[str]:
    return ["--db", str(path)]
