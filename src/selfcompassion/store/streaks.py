"""The streak: how many days in a row the journal has an entry.

The runs of consecutive days are not counted here: migration 0005 keeps them in the
``day_runs`` table, updated by triggers whenever an entry is added, moved or deleted, so
finding the current run is one indexed lookup however long the journal is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .core import StoreCore
from .failures import storage_errors


@dataclass(frozen=True)
class DayRun:
    """Consecutive journal days from ``first`` to ``last``: ``length`` days in a row."""

    first: date
    last: date
    length: int

    def reaches(self, day: date) -> bool:
        """Whether the run is still a streak on ``day``: it ends on that day or the day
        before (today's entry may not be written yet)."""
        return self.last >= day - timedelta(days=1)


class StreakQueries(StoreCore):
    """Mixin for JournalStore: the run of journal days as of a day, and the streak."""

    def run_as_of(self, as_of: date) -> DayRun | None:
        """The latest run of consecutive journal days that began by ``as_of``, counted only
        up to ``as_of`` (a run still going on after a past day is cut at that day), or None
        before the first entry. One lookup in ``day_runs`` (kept by triggers, migration
        0005), however long the journal's history."""
        with storage_errors(self.path):
            row = self.conn.execute(
                "SELECT first, min(last, :as_of) FROM day_runs WHERE first <= :as_of "
                "ORDER BY first DESC LIMIT 1",
                {"as_of": as_of.isoformat()},
            ).fetchone()
        if row is None:
            return None
        first, last = date.fromisoformat(row[0]), date.fromisoformat(row[1])
        return DayRun(first, last, (last - first).days + 1)

    def streak(self, as_of: date) -> int:
        """Days in a row with at least one entry, ending at ``as_of`` (or the day before it,
        so that a streak is not shown as broken before today's entry is written)."""
        run = self.run_as_of(as_of)
        return run.length if run is not None and run.reaches(as_of) else 0
