"""The report's numbers: figures per period, practice and streaks, computed in SQL.

Everything here asks the store for aggregates (a few queries per report, whatever the
journal's size) and shapes them into the plain dataclasses of ``figures`` that the views
and the JSON schema read. Averages are rounded once, here, to one decimal, and every
change is the difference of two rounded figures, so the text, the JSON and the exports
always agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ..store.reports import Span
from .closing import closing_line
from .figures import (
    Checkin,
    Commitments,
    Count,
    DayScores,
    Figures,
    Intentions,
    Practice,
    Rating,
    Reframes,
    Report,
    WelcomeBack,
    rounded,
)
from .periods import Period, ReportRequest
from .stretch import build_stretch

if TYPE_CHECKING:
    from ..store import JournalStore

MOOD = "mood"
KINDNESS = "kindness"
REFRAME_KIND = "reframe"
CHECKIN_KIND = "checkin"
#: Answer kinds whose themes count as the themes someone wrote about.
WRITTEN_KINDS = ("text", "long_text")
#: Themes of the steps asked every day; they say nothing about what the week was about.
EVERYDAY_THEMES = ("check-in", "intention")
#: Days away after which coming back is greeted.
WELCOME_BACK_AFTER_DAYS = 3
TOP_TRAPS = 3
TOP_TAGS = 8
TOP_THEMES = 5


def figures_for(store: JournalStore, periods: Sequence[Period], as_of: date) -> list[Figures]:
    """Figures for consecutive periods of equal length, a few grouped queries for all."""
    span = Span(periods[0].start, periods[0].days, len(periods))
    practice = store.practice_by_bucket(span)
    scores = store.scores_by_bucket(span, (MOOD, KINDNESS))
    reframes = store.reframes_by_bucket(span, REFRAME_KIND)
    commitments = store.commitments_by_bucket(span, as_of)
    checkins = store.checkins_by_bucket(span, CHECKIN_KIND)

    def rating(bucket: int, step: str) -> Rating:
        mean, days = scores.get((bucket, step), (None, 0))
        return Rating(rounded(mean), days)

    figures = []
    for bucket, period in enumerate(periods):
        days, entries = practice.get(bucket, (0, 0))
        row = reframes.get(bucket)
        summary = Reframes.from_row(row)
        made = commitments.get(bucket, {})
        checkin = checkins.get(bucket, (0, None, None, None, None))
        figures.append(
            Figures(
                period=period,
                days_journaled=days,
                entries=entries,
                mood=rating(bucket, MOOD),
                kindness=rating(bucket, KINDNESS),
                reframes=summary.count,
                reframes_scored=row[1] if row else 0,
                feelings_eased=summary.feelings_eased,
                belief=summary.belief,
                commitments=Commitments(
                    made=made.get("made", 0),
                    kept=made.get("done", 0),
                    partly=made.get("partly", 0),
                    let_go=made.get("let-go", 0),
                    due=made.get("due", 0),
                    followed=made.get("followed", 0),
                ),
                checkin=Checkin(checkin[0], *(rounded(value) for value in checkin[1:])),
            )
        )
    return figures


def days_before(day: date, days: int) -> date:
    """``days`` before ``day``, or the calendar's first day when that is sooner (a report
    of the first weeks of year 1 still looks back without leaving the calendar)."""
    return date.fromordinal(max(1, day.toordinal() - days))


def practice_as_of(store: JournalStore, as_of: date, period: Period) -> Practice:
    """Recent practice and streaks up to ``as_of``. A streak still counts on a day with no
    entry yet, as long as there was one the day before. Coming back after a gap inside the
    period is noted as a welcome back; the gap itself is never counted against anyone."""
    islands = store.islands(as_of)
    latest = islands.latest
    if latest is None:
        return Practice()
    current = latest.length if latest.reaches(as_of) else 0
    welcome = None
    if current and islands.before_latest is not None and latest.first >= period.start:
        away = (latest.first - islands.before_latest).days - 1
        if away >= WELCOME_BACK_AFTER_DAYS:
            welcome = WelcomeBack(latest.first, away)
    return Practice(
        last_7=store.practice_days(days_before(as_of, 6), as_of),
        last_30=store.practice_days(days_before(as_of, 29), as_of),
        current_streak=current,
        longest_streak=islands.longest,
        last_entry=latest.last,
        days_since_last_entry=(as_of - latest.last).days,
        welcome_back=welcome,
    )


def day_scores(store: JournalStore, period: Period) -> tuple[DayScores, ...]:
    """Mood and self-kindness for every day of the period (None where not rated)."""
    found: dict[tuple[date, str], float] = {
        (day, step): value
        for day, step, value in store.scores_by_day(period.start, period.end, (MOOD, KINDNESS))
    }
    return tuple(
        DayScores(day, rounded(found.get((day, MOOD))), rounded(found.get((day, KINDNESS))))
        for day in period.dates()
    )


def build_report(store: JournalStore, request: ReportRequest, today: date) -> Report:
    """The report a request asks for, as of ``today``."""
    period, as_of = request.period, request.as_of(today)
    entries, first_day, last_day = store.journal_span()
    if entries == 0:
        return Report(today, as_of, Figures(period), Figures(period.before()))
    previous, current = figures_for(store, [period.before(), period], as_of)
    start, end = period.start, period.end
    opened, overdue = store.open_commitments(as_of)
    trend = _trend_from_first_entry(request.trend(), first_day)
    traps = tuple(Count(*row) for row in store.top_traps(start, end, TOP_TRAPS))
    stretch = build_stretch(
        store,
        trend[0].start if trend else start,
        end,
        as_of,
        reframe_kind=REFRAME_KIND,
        traps=TOP_TRAPS,
        # A stretch of the period alone (no trend of weeks) has the period's reframes.
        reframes=None
        if len(trend) > 1
        else Reframes(current.reframes, current.feelings_eased, current.belief, traps),
    )
    report = Report(
        today=today,
        as_of=as_of,
        current=current,
        previous=previous,
        journal_entries=entries,
        first_day=first_day,
        last_day=last_day,
        practice=practice_as_of(store, as_of, period),
        days=day_scores(store, period),
        traps=traps,
        open_commitments=opened,
        overdue_commitments=overdue,
        intentions=Intentions(*store.intention_outcomes(start, end).values()),
        tags=tuple(Count(*row) for row in store.top_tags(start, end, TOP_TAGS)),
        themes=tuple(
            Count(*row)
            for row in store.top_themes(
                start, end, kinds=WRITTEN_KINDS, skip=EVERYDAY_THEMES, limit=TOP_THEMES
            )
        ),
        checkin_available=store.has_table("checkin_scores"),
        trend=tuple(figures_for(store, trend, as_of)) if trend else (),
        stretch=stretch,
        entries=tuple(store.entries_between(start, end)) if request.with_text else None,
    )
    return replace(report, closing=closing_line(report))


def _trend_from_first_entry(weeks: list[Period], first_day: date | None) -> list[Period]:
    """The weeks of a trend from the first that holds an entry (the chosen week always)."""
    if first_day is None:
        return weeks
    kept = [week for week in weeks if week.end >= first_day]
    return kept or weeks[-1:]
