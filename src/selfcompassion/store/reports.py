"""The report's questions to the journal, each answered by SQLite in one aggregate query.

A report covers a run of equal periods (the week and the one before it, or the last N
weeks). Every query here takes that run as ``Span`` and groups rows into *buckets*:
bucket ``i`` holds the journal days ``first + i*length`` to ``first + (i+1)*length - 1``.
Counting happens in SQL over the date indexes, so a report costs the same on a journal
of ten years as on one of ten weeks; only the figures travel to Python, never entries
(except the chosen period's words when a report is asked to include them). Days practised
and ratings are read from the per-day tables of migration 0009 (``journal_days``,
``day_answers``, kept by triggers), so a year is a few hundred rows, however many entries
and answers it holds.

The day an entry belongs to is its ``journal_date``, never its ``created_at``: an entry
written after midnight, or in another UTC offset after a clock change, still counts for
the day it was written about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .entries import EntryQueries
from .failures import storage_errors
from .records import Entry
from .streaks import DayRun, StreakQueries


@dataclass(frozen=True)
class Span:
    """``count`` consecutive periods of ``length`` days, the first starting on ``first``."""

    first: date
    length: int
    count: int

    @property
    def last(self) -> date:
        return self.first + timedelta(days=self.length * self.count - 1)

    def params(self, **extra: Any) -> dict[str, Any]:
        return {
            "first": self.first.isoformat(),
            "last": self.last.isoformat(),
            "length": self.length,
            **extra,
        }


@dataclass(frozen=True)
class Islands:
    """Runs of consecutive journal days up to a day: the longest run's length, the latest
    run (cut at that day) and the last day with an entry before the latest run began."""

    longest: int = 0
    latest: DayRun | None = None
    before_latest: date | None = None


def _bucket(column: str) -> str:
    """SQL for the bucket of a 'YYYY-MM-DD' column (whole days since ``:first``, per length)."""
    return f"CAST(julianday({column}) - julianday(:first) AS INTEGER) / :length"


def _step_params(steps: Sequence[str]) -> tuple[str, dict[str, Any]]:
    """Named placeholders for a list of step ids, and their values."""
    params = {f"step{i}": step for i, step in enumerate(steps)}
    return ", ".join(f":{name}" for name in params), params


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# Mean rating per journal day and step (a day with two entries counts once), from the
# day's sums in ``day_answers``: a row or two per day, never the answers themselves.
_DAY_SCORES = """
    SELECT day, step_id AS step, sum(total) / sum(rated) AS value
    FROM day_answers
    WHERE day BETWEEN :first AND :last AND step_id IN ({steps}) AND rated > 0
    GROUP BY day, step_id
"""


class ReportQueries(EntryQueries, StreakQueries):
    """Aggregates for ``journal report``; every method is one query."""

    def _rows(self, sql: str, params: dict[str, Any] | Sequence[Any]) -> list[tuple[Any, ...]]:
        with storage_errors(self.path):
            return self.conn.execute(sql, params).fetchall()

    def has_table(self, name: str) -> bool:
        """Whether the journal has this table (for features whose migration may be absent)."""
        sql = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
        return bool(self._rows(sql, [name])[0][0])

    def journal_span(self) -> tuple[int, date | None, date | None]:
        """How many entries the journal holds, its first and its last journal day."""
        count, first, last = self._rows(
            "SELECT coalesce(sum(entries), 0), min(day), max(day) FROM journal_days", []
        )[0]
        return count, _day(first), _day(last)

    def practice_by_bucket(self, span: Span) -> dict[int, tuple[int, int]]:
        """Days with at least one entry, and entries, per bucket."""
        sql = f"""
            SELECT {_bucket("day")} AS bucket, count(*), sum(entries)
            FROM journal_days WHERE day BETWEEN :first AND :last GROUP BY bucket
        """  # noqa: S608
        return {row[0]: (row[1], row[2]) for row in self._rows(sql, span.params())}

    def practice_days(self, first: date, last: date) -> int:
        """Days with at least one entry from ``first`` to ``last``."""
        sql = "SELECT count(*) FROM journal_days WHERE day BETWEEN ? AND ?"
        return int(self._rows(sql, [first.isoformat(), last.isoformat()])[0][0])

    def practised_dates(self, first: date, last: date) -> list[date]:
        """Every day from ``first`` to ``last`` with at least one entry, in order."""
        sql = "SELECT day FROM journal_days WHERE day BETWEEN ? AND ? ORDER BY day"
        rows = self._rows(sql, [first.isoformat(), last.isoformat()])
        return [date.fromisoformat(row[0]) for row in rows]

    def islands(self, as_of: date) -> Islands:
        """Runs of consecutive journal days up to ``as_of``, from ``day_runs``: a few indexed
        lookups, whatever the length of the journal's history. Days after ``as_of`` do not
        count: the run that goes on past it is cut at it, later runs are left out."""
        latest = self.run_as_of(as_of)
        if latest is None:
            return Islands()
        # Every run that ended before the latest one began is whole; the longest of them
        # is read down the length index (``+last`` keeps SQLite off the ``last`` index).
        sql = """
            SELECT (SELECT length FROM day_runs WHERE +last < :latest
                    ORDER BY length DESC LIMIT 1),
                   (SELECT max(last) FROM day_runs WHERE last < :latest)
        """
        longest, before = self._rows(sql, {"latest": latest.first.isoformat()})[0]
        return Islands(max(longest or 0, latest.length), latest, _day(before))

    def scores_by_day(
        self, first: date, last: date, steps: Sequence[str]
    ) -> list[tuple[date, str, float]]:
        """(day, step, mean rating) for every rated day from ``first`` to ``last``."""
        marks, params = _step_params(steps)
        sql = _DAY_SCORES.format(steps=marks) + " ORDER BY day, step"
        params.update(first=first.isoformat(), last=last.isoformat())
        return [(date.fromisoformat(d), step, value) for d, step, value in self._rows(sql, params)]

    def scores_by_bucket(
        self, span: Span, steps: Sequence[str]
    ) -> dict[tuple[int, str], tuple[float, int]]:
        """(mean of the daily means, rated days) per bucket and step."""
        marks, params = _step_params(steps)
        sql = f"""
            SELECT {_bucket("day")} AS bucket, step, avg(value), count(*)
            FROM ({_DAY_SCORES.format(steps=marks)}) GROUP BY bucket, step
        """  # noqa: S608
        rows = self._rows(sql, span.params(**params))
        return {(bucket, step): (mean, days) for bucket, step, mean, days in rows}

    def reframes_by_bucket(self, span: Span, kind: str) -> dict[int, tuple[Any, ...]]:
        """Per bucket: reframes, how many have both intensities, and how much the feelings
        eased on average (intensity before minus after: the report's "feelings eased");
        then the mean belief in the critic before and after (over the reframes that rated
        both) and how many did, and the mean belief in the balanced thought and how many
        rated it."""
        both = "s.belief_before IS NOT NULL AND s.belief_after IS NOT NULL"
        sql = f"""
            SELECT {_bucket("e.journal_date")} AS bucket, count(*),
                   count(s.intensity_before - s.intensity_after),
                   avg(s.intensity_before - s.intensity_after),
                   avg(CASE WHEN {both} THEN s.belief_before END),
                   avg(CASE WHEN {both} THEN s.belief_after END),
                   count(CASE WHEN {both} THEN 1 END),
                   avg(s.balanced_belief), count(s.balanced_belief)
            FROM entries e LEFT JOIN reframe_scores s ON s.entry_id = e.id
            WHERE e.kind = :kind AND e.journal_date BETWEEN :first AND :last
            GROUP BY bucket
        """  # noqa: S608
        return {row[0]: row[1:] for row in self._rows(sql, span.params(kind=kind))}

    def top_traps(self, first: date, last: date, limit: int) -> list[tuple[str, int]]:
        """The thinking traps noted most often in entries of these days."""
        sql = """
            SELECT t.trap_id, count(*) AS n FROM entry_traps t JOIN entries e ON e.id = t.entry_id
            WHERE e.journal_date BETWEEN ? AND ? GROUP BY t.trap_id ORDER BY n DESC, t.trap_id
            LIMIT ?
        """
        return self._rows(sql, [first.isoformat(), last.isoformat(), limit])

    def commitments_by_bucket(self, span: Span, as_of: date) -> dict[int, dict[str, int]]:
        """Per bucket: commitments made (by their entry's day), closed as done, partly and
        let go (by the day they were closed), and those due (up to ``as_of``, not let go)
        with how many of them were followed through (done or partly)."""
        made = f"""
            SELECT {_bucket("e.journal_date")}, 'made', count(*)
            FROM commitments c JOIN entries e ON e.id = c.entry_id
            WHERE e.journal_date BETWEEN :first AND :last GROUP BY 1
        """  # noqa: S608
        closed = f"""
            SELECT {_bucket("substr(closed_date, 1, 10)")}, status, count(*) FROM commitments
            WHERE status != 'open' AND substr(closed_date, 1, 10) BETWEEN :first AND :last
            GROUP BY 1, 2
        """  # noqa: S608
        due = f"""
            SELECT {_bucket("due_date")}, 'due', count(*) FROM commitments
            WHERE due_date BETWEEN :first AND min(:last, :as_of) AND status != 'let-go'
            GROUP BY 1
            UNION ALL
            SELECT {_bucket("due_date")}, 'followed', count(*) FROM commitments
            WHERE due_date BETWEEN :first AND min(:last, :as_of) AND status IN ('done', 'partly')
            GROUP BY 1
        """  # noqa: S608
        sql = " UNION ALL ".join((made, closed, due))
        found: dict[int, dict[str, int]] = {}
        for bucket, name, count in self._rows(sql, span.params(as_of=as_of.isoformat())):
            found.setdefault(bucket, {})[name] = count
        return found

    def open_commitments(self, as_of: date) -> tuple[int, int]:
        """Commitments made by ``as_of`` and not closed by then, and how many of those were
        due before ``as_of``."""
        # Commitments first: there are far fewer of them than entries up to a day.
        sql = """
            SELECT count(*), count(CASE WHEN c.due_date < :as_of THEN 1 END)
            FROM commitments c CROSS JOIN entries e ON e.id = c.entry_id
            WHERE e.journal_date <= :as_of
              AND (c.status = 'open' OR coalesce(substr(c.closed_date, 1, 10), '') > :as_of)
        """
        return tuple(self._rows(sql, {"as_of": as_of.isoformat()})[0])

    def top_tags(self, first: date, last: date, limit: int) -> list[tuple[str, int]]:
        """The tags of entries of these days, most used first."""
        sql = """
            SELECT t.tag, count(*) AS n FROM tags t JOIN entries e ON e.id = t.entry_id
            WHERE e.journal_date BETWEEN ? AND ? GROUP BY t.tag ORDER BY n DESC, t.tag LIMIT ?
        """
        return self._rows(sql, [first.isoformat(), last.isoformat(), limit])

    def top_themes(
        self, first: date, last: date, *, kinds: Sequence[str], skip: Sequence[str], limit: int
    ) -> list[tuple[str, int]]:
        """Themes of the written answers (of these answer kinds) of these days, leaving out
        the themes in ``skip``; most answered first."""
        kind_marks, skip_marks = ", ".join("?" * len(kinds)), ", ".join("?" * len(skip))
        sql = f"""
            SELECT theme, sum(written) AS n FROM day_answers
            WHERE day BETWEEN ? AND ? AND theme != '' AND written > 0
              AND kind IN ({kind_marks}) AND theme NOT IN ({skip_marks})
            GROUP BY theme ORDER BY n DESC, theme LIMIT ?
        """  # noqa: S608
        params = [first.isoformat(), last.isoformat(), *kinds, *skip, limit]
        return self._rows(sql, params)

    def checkins_by_bucket(self, span: Span, kind: str) -> dict[int, tuple[Any, ...]]:
        """Per bucket: check-ins with scores and the mean of each score (total and the three
        components). Empty when the journal has no ``checkin_scores`` table yet."""
        if not self.has_table("checkin_scores"):
            return {}
        sql = f"""
            SELECT {_bucket("e.journal_date")} AS bucket, count(*), avg(s.total),
                   avg(s.self_kindness), avg(s.common_humanity), avg(s.mindfulness)
            FROM entries e JOIN checkin_scores s ON s.entry_id = e.id
            WHERE e.kind = :kind AND e.journal_date BETWEEN :first AND :last
            GROUP BY bucket
        """  # noqa: S608
        return {row[0]: row[1:] for row in self._rows(sql, span.params(kind=kind))}

    def entries_between(self, first: date, last: date) -> list[Entry]:
        """Every entry of these days with its answers and tags, oldest first."""
        sql = (
            "SELECT * FROM entries WHERE journal_date BETWEEN ? AND ? "
            "ORDER BY journal_date, created_at, rowid"
        )
        with storage_errors(self.path):
            return self._load_entries(self._rows(sql, [first.isoformat(), last.isoformat()]))
