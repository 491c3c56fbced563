"""The view shown after a weekly check-in: the means, gently, and what they are not.

The summary mirrors the answers back (overall, per component, last time) and names which
side came most easily; it never labels the person or reads anything into the numbers
beyond that. Every summary says it is a reflection aid, not a clinical measure.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..packs.steps import NOT_APPLICABLE
from . import describe_day, plain

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..entries.scoring import CheckinScore
    from ..store import CheckinScores, Entry

COMPONENT_NAMES = {
    "self-kindness": "self-kindness",
    "common-humanity": "common humanity",
    "mindfulness": "mindfulness",
}
NOT_A_MEASURE = (
    "A reflection aid written for this tool, not a clinical measure. Higher numbers mean the "
    "week leaned toward kindness, connection and balance; no number is a verdict on you."
)
#: Components closer than this are described as close together.
CLOSE = 0.5
BAR_CELLS = 10


def bar(value: float, low: int = 1, high: int = 5) -> str:
    filled = round((value - low) / (high - low) * BAR_CELLS)
    return "█" * filled + "░" * (BAR_CELLS - filled)


#: At or under this overall mean every side was at or near the bottom of the scale.
FLOOR = 1.5
AT_THE_FLOOR = (
    "This week it was hard to be on your own side, and noticing that took honesty. It is a "
    "description of a week, not of you. One small kindness tomorrow is a real start: a rest, "
    "a kind word to yourself, or journal reframe for the moment that weighed most. If weeks "
    "keep feeling this heavy, talking with someone you trust or a professional can help."
)


def reflection_line(score: CheckinScore) -> str:
    """One sentence that mirrors the week back, without judging it; at the floor, a few
    that offer somewhere to start."""
    if score.total is None:
        return (
            "Nothing was rated this time, and that is fine: pausing to look back is the practice."
        )
    if score.total <= FLOOR:
        return AT_THE_FLOOR
    rated = {name: value for name, value in score.components.items() if value is not None}
    if len(rated) == 1:
        (only,) = rated
        return f"This week you rated {COMPONENT_NAMES[only]} only; a fine place to look."
    high = max(rated, key=lambda name: rated[name])
    low = min(rated, key=lambda name: rated[name])
    if rated[high] - rated[low] < CLOSE:
        return "The sides you rated sat close together this week."
    return (
        f"This week {COMPONENT_NAMES[high]} came most easily; "
        f"{COMPONENT_NAMES[low]} might welcome a little more room."
    )


def _mean_row(value: float) -> str:
    return f"{value:.1f} of 5  {bar(value)}"


def checkin_summary(
    entry: Entry,
    score: CheckinScore,
    previous: CheckinScores | None,
    today: date,
) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    if score.total is None:
        table.add_row("rated", Text("none this time"))
    else:
        table.add_row("rated", Text(f"{score.rated} of {score.statements} statements"))
        table.add_row("overall", Text(_mean_row(score.total)))
        for component, name in COMPONENT_NAMES.items():
            value = score.components.get(component)
            table.add_row(name, Text(_mean_row(value) if value is not None else "not rated"))
    if previous is not None and previous.total is not None:
        when = describe_day(previous.journal_date, today)
        table.add_row("last time", Text(f"{previous.total:.1f} overall, {when}"))
    skipped_over = sum(answer.value == NOT_APPLICABLE for answer in entry.answers)
    if skipped_over:
        table.add_row("did not come up", Text(f"{skipped_over} of {score.statements}"))
    note = entry.answer("note")
    if note:
        table.add_row("note", plain(note.text))
    body = Group(
        table,
        Text(""),
        Text(reflection_line(score)),
        Text(NOT_A_MEASURE, style="dim"),
    )
    title = f"Saved · weekly check-in · {describe_day(entry.journal_date, today)}"
    return Panel(body, title=title, title_align="left", border_style="green", expand=False)
