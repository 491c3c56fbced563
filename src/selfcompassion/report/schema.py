"""The report as JSON: a stable, versioned shape that scripts can rely on.

docs/report-json.md describes every field. Add fields freely; rename or remove one only
with a new ``VERSION``. Every number the text view shows is here, rounded the same way.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .figures import Count, Figures, Reframes, Report, Stretch, change

SCHEMA = "selfcompassion.report"
VERSION = 1
EMPTY_MESSAGE = (
    "Your journal is empty so far. Once you write a first entry (journal today), "
    "this report will have something to show you."
)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _counts(counts: tuple[Count, ...]) -> list[dict[str, Any]]:
    return [{"name": name, "count": count} for name, count in counts]


def figures_json(figures: Figures) -> dict[str, Any]:
    """One period's figures; the same shape for the period, the one before and each week
    of a trend."""
    period, commitments, checkin = figures.period, figures.commitments, figures.checkin
    return {
        "period": {
            "kind": period.kind,
            "label": period.label,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "days": period.days,
        },
        "days_journaled": figures.days_journaled,
        "entries": figures.entries,
        "mood": {"average": figures.mood.average, "days_rated": figures.mood.days},
        "kindness": {"average": figures.kindness.average, "days_rated": figures.kindness.days},
        "reframes": {
            "count": figures.reframes,
            "scored": figures.reframes_scored,
            "average_intensity_drop": figures.feelings_eased,
            "belief_in_critic": {
                "average_before": figures.belief.critic_before,
                "average_after": figures.belief.critic_after,
                "rated": figures.belief.critic_rated,
            },
            "belief_in_balanced_thought": {
                "average": figures.belief.balanced,
                "rated": figures.belief.balanced_rated,
            },
        },
        "commitments": {
            "made": commitments.made,
            "kept": commitments.kept,
            "partly": commitments.partly,
            "let_go": commitments.let_go,
            "due": commitments.due,
            "followed_through": commitments.followed,
            "follow_through_rate": commitments.rate,
        },
        "checkin": {
            "count": checkin.count,
            "total": checkin.total,
            "self_kindness": checkin.self_kindness,
            "common_humanity": checkin.common_humanity,
            "mindfulness": checkin.mindfulness,
        },
    }


def _changes(report: Report) -> dict[str, Any]:
    now, before = report.current, report.previous
    return {
        "days_journaled": now.days_journaled - before.days_journaled,
        "mood": change(now.mood.average, before.mood.average),
        "kindness": change(now.kindness.average, before.kindness.average),
        "reframes": now.reframes - before.reframes,
        "average_intensity_drop": change(now.feelings_eased, before.feelings_eased),
        "checkin_total": change(now.checkin.total, before.checkin.total),
    }


def _entries_json(report: Report) -> list[dict[str, Any]] | None:
    if report.entries is None:
        return None
    return [
        {
            "id": entry.id,
            "kind": entry.kind,
            "journal_date": entry.journal_date.isoformat(),
            "created_at": entry.created_at,
            "tags": list(entry.tags),
            "answers": [
                {"step_id": answer.step_id, "prompt": answer.prompt, "text": answer.text}
                for answer in entry.answers
            ],
        }
        for entry in report.entries
    ]


def stretch_json(stretch: Stretch | None) -> dict[str, Any] | None:
    """The whole stretch of a trend or a year, with every day up to the report's day."""
    if stretch is None:
        return None
    return {
        "start": stretch.start.isoformat(),
        "end": stretch.end.isoformat(),
        "days_counted": stretch.days_counted,
        "days_practised": stretch.days_practised,
        "longest_run": stretch.longest_run,
        "mood": stretch.mood,
        "kindness": stretch.kindness,
        "days": [
            {
                "date": mark.day.isoformat(),
                "practised": mark.practised,
                "mood": mark.mood,
                "kindness": mark.kindness,
            }
            for mark in stretch.days
        ],
        "reframes": _reframes_json(stretch.reframes),
    }


def _reframes_json(reframes: Reframes) -> dict[str, Any]:
    belief = reframes.belief
    return {
        "count": reframes.count,
        "average_intensity_drop": reframes.feelings_eased,
        "belief_in_critic": {
            "average_before": belief.critic_before,
            "average_after": belief.critic_after,
            "rated": belief.critic_rated,
        },
        "belief_in_balanced_thought": {"average": belief.balanced, "rated": belief.balanced_rated},
        "thinking_traps": _counts(reframes.traps),
    }


def report_json(report: Report) -> dict[str, Any]:
    """The whole report as JSON-ready data (see docs/report-json.md)."""
    practice = report.practice
    welcome = practice.welcome_back
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "today": report.today.isoformat(),
        "as_of": report.as_of.isoformat(),
        "message": EMPTY_MESSAGE if report.empty else None,
        "journal": {
            "entries": report.journal_entries,
            "first_day": _day(report.first_day),
            "last_day": _day(report.last_day),
        },
        "practice": {
            "days_practised_last_7": practice.last_7,
            "days_practised_last_30": practice.last_30,
            "current_streak": practice.current_streak,
            "longest_streak": practice.longest_streak,
            "last_entry_day": _day(practice.last_entry),
            "days_since_last_entry": practice.days_since_last_entry,
            "welcome_back": None
            if welcome is None
            else {"returned_on": welcome.returned_on.isoformat(), "days_away": welcome.days_away},
        },
        "current": figures_json(report.current),
        "previous": figures_json(report.previous),
        "changes": _changes(report),
        "days": [
            {"date": day.day.isoformat(), "mood": day.mood, "kindness": day.kindness}
            for day in report.days
        ],
        "thinking_traps": _counts(report.traps),
        "open_commitments": {
            "open": report.open_commitments,
            "overdue": report.overdue_commitments,
        },
        "intentions": {
            "looked_back": report.intentions.looked_back,
            "went_well": report.intentions.went_well,
            "partly": report.intentions.partly,
            "not_yet": report.intentions.not_yet,
            "let_go": report.intentions.let_go,
        },
        "themes": {"tags": _counts(report.tags), "prompts": _counts(report.themes)},
        "checkin_available": report.checkin_available,
        "trend": [figures_json(figures) for figures in report.trend],
        "stretch": stretch_json(report.stretch),
        "closing": report.closing,
        "entries": _entries_json(report),
    }
