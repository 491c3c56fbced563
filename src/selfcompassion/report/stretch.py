"""Practice over the whole of a trend or a year: the days practised of the days in it, the
longest run inside it, mean ratings, and every day for the calendar views."""

from __future__ import annotations

from datetime import date, timedelta
from math import fsum
from typing import TYPE_CHECKING

from ..store.reports import Span
from .figures import Count, DayMark, Reframes, Stretch, rounded

if TYPE_CHECKING:
    from ..store import JournalStore

MOOD = "mood"
KINDNESS = "kindness"


def longest_run(days: list[date]) -> int:
    """The most consecutive days in a sorted list of distinct days."""
    longest = run = 0
    previous: date | None = None
    for day in days:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    return longest


def build_stretch(
    store: JournalStore,
    start: date,
    end: date,
    as_of: date,
    *,
    reframe_kind: str,
    traps: int,
    reframes: Reframes | None = None,
) -> Stretch:
    """The stretch from ``start`` to ``end``; days after ``as_of`` are neither counted nor
    listed (a calendar leaves them blank). Its reframes, with the ``traps`` thinking traps
    noted most, are those of entries of ``reframe_kind``, unless ``reframes`` gives them
    (a stretch that is the report's period has that period's, already counted)."""
    counted_end = min(end, as_of)
    practised = store.practised_dates(start, counted_end) if counted_end >= start else []
    scores: dict[tuple[date, str], float] = {}
    if counted_end >= start:
        scores = {
            (day, step): value
            for day, step, value in store.scores_by_day(start, counted_end, (MOOD, KINDNESS))
        }
    practised_set = set(practised)
    marks = tuple(
        DayMark(
            day,
            day in practised_set,
            rounded(scores.get((day, MOOD))),
            rounded(scores.get((day, KINDNESS))),
        )
        for day in (start + timedelta(days=n) for n in range((counted_end - start).days + 1))
    )
    moods = [value for (_, step), value in scores.items() if step == MOOD]
    kinds = [value for (_, step), value in scores.items() if step == KINDNESS]
    return Stretch(
        start=start,
        end=end,
        days_counted=max(0, (counted_end - start).days + 1),
        days_practised=len(practised),
        longest_run=longest_run(practised),
        mood=rounded(fsum(moods) / len(moods)) if moods else None,
        kindness=rounded(fsum(kinds) / len(kinds)) if kinds else None,
        days=marks,
        reframes=reframes or _reframes(store, start, counted_end, reframe_kind, traps),
    )


def _reframes(store: JournalStore, start: date, end: date, kind: str, traps: int) -> Reframes:
    if end < start:
        return Reframes()
    found = store.reframes_by_bucket(Span(start, (end - start).days + 1, 1), kind)
    top = tuple(Count(*row) for row in store.top_traps(start, end, traps))
    return Reframes.from_row(found.get(0), top)
