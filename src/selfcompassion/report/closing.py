"""The one line a report ends with, chosen from its figures.

It names something the person did (showed up, came back, looked again at a hard moment,
kept a promise to themselves), so that effort is seen and not only results. The rules
are tried in order and the first that fits speaks; a quiet stretch is met without blame.
"""

from __future__ import annotations

from .figures import Report
from .periods import WEEK, YEAR

#: Days of practice in one week that the closing line calls steady.
STEADY_DAYS = 5


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def period_phrase(report: Report) -> str:
    if report.current.period.kind == YEAR:
        return "this year" if report.is_current else "that year"
    if report.current.period.kind != WEEK:  # a range: "these days" alone reads as "nowadays"
        days = report.current.period.days
        return "on that day" if days == 1 else f"in these {days} days"
    return "this week" if report.is_current else "that week"


def closing_line(report: Report) -> str:
    """A line that acknowledges effort, picked from what the report found."""
    now = report.current
    phrase = period_phrase(report)
    welcome = report.practice.welcome_back
    followed = now.commitments.kept + now.commitments.partly
    if report.empty:
        return ""
    if report.quiet:
        return f"No entries {phrase}, and that is fine. The page is here whenever you want it."
    if welcome is not None:
        return (
            f"Welcome back. Returning after {plural(welcome.days_away, 'day')} away "
            "is part of the practice, not a break from it."
        )
    if now.reframes:
        return (
            f"You took a second, kinder look at {plural(now.reframes, 'hard moment')} "
            f"{phrase}. That takes real effort."
        )
    if followed:
        return (
            f"You followed through on {plural(followed, 'commitment')} {phrase}, "
            "partly done ones included. Small steps count."
        )
    went_well = report.intentions.went_well + report.intentions.partly
    if went_well:
        return (
            f"{plural(went_well, 'intention')} you set went well or partly well {phrase}. "
            "A small win is still a win."
        )
    if now.days_journaled >= STEADY_DAYS:
        return (
            f"You came to the page on {now.days_journaled} days {phrase}. That steadiness is yours."
        )
    mood_now, mood_before = now.mood.average, report.previous.mood.average
    if mood_now is not None and mood_before is not None and mood_now < mood_before:
        return "A heavier stretch, and you still made room to notice how you were."
    return (
        f"{plural(now.days_journaled, 'day')} of practice {phrase}. "
        "Each one was a choice to pay attention."
    )
