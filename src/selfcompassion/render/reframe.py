"""The views of reframes, their second look, commitments and the care panel.

Everything the person wrote reaches the terminal through ``plain``; numbers are shown
as they were given, and changes are described, never judged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ..packs.steps import NOT_RATED
from ..traps.catalog import trap_names
from . import describe_day, plain

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

    from ..flows.reframe import ReframeLook, ReframeOutcome, RevisitOutcome
    from ..store import Commitment, Entry, PastReframe, ReframeScores

STATUS_WORDS = {"open": "open", "done": "done", "partly": "partly", "let-go": "let go"}


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _change(*values: float | None) -> str:
    """'70 → 45', leaving out the ratings that were skipped at the end."""
    shown = list(values)
    while shown and shown[-1] is None:
        shown.pop()
    return " → ".join(_number(value) for value in shown) if shown else "not rated"


def _grid() -> Table:
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    return table


def _answer_text(entry: Entry, step_id: str) -> str | None:
    answer = entry.answer(step_id)
    return answer.text if answer else None


def _feeling_change(before: float | None, after: float | None) -> str:
    """'80 → 50', or 'not rated' for a feeling named without a strength, then or since."""
    if before is None and after is None:
        return NOT_RATED
    if before is None:
        return f"{NOT_RATED} → {_number(after)}"
    return _change(before, after)


def _feelings(before: object, after: object) -> str:
    """Each feeling with its change: 'anxious 80 → 50, ashamed 60 → 40, tired not rated'."""
    if not isinstance(before, Mapping) or not before:
        return ""
    later = after if isinstance(after, Mapping) else {}
    return ", ".join(
        f"{name} {_feeling_change(level, later.get(name))}" for name, level in before.items()
    )


def belief_line(scores: ReframeScores) -> str | None:
    """How much the critic's words were believed before and after, beside the belief in
    the balanced thought: 'in the critic 85 → 40 · in the balanced thought 60'; only
    what was rated, None when nothing was."""
    parts = []
    if scores.belief_before is not None or scores.belief_after is not None:
        parts.append(f"in the critic {_change(scores.belief_before, scores.belief_after)}")
    if scores.balanced_belief is not None:
        parts.append(f"in the balanced thought {_number(scores.balanced_belief)}")
    return " · ".join(parts) or None


def _step_line(commitment: Commitment, today: date) -> Text:
    from rich.text import Text

    line = Text()
    line.append_text(plain(commitment.text))
    when = describe_day(commitment.due_date, today)
    if commitment.is_open:
        line.append(f" · planned for {when}", style="dim")
    else:
        line.append(f" · {STATUS_WORDS.get(commitment.status, commitment.status)}", style="dim")
    return line


def _related_table(related: Sequence[PastReframe], today: date) -> RenderableType:
    from rich.table import Table

    table = Table(box=None, padding=(0, 2), show_header=True, header_style="dim")
    for column in ("when", "shared", "feeling then → after → later", "next step"):
        table.add_column(column)
    for past in related:
        table.add_row(
            plain(describe_day(past.journal_date, today)),
            plain(" ".join(f"#{tag}" for tag in past.shared_tags)),
            _change(past.intensity_before, past.intensity_after, past.revisit_intensity),
            STATUS_WORDS.get(past.commitment_status or "", "–"),
        )
    return table


def reframe_summary(outcome: ReframeOutcome, today: date) -> RenderableType:
    """The balanced thought and the kinder sentence, the next step and its day, feeling and
    belief in the critic before and after beside the belief in the balanced thought; then
    how earlier reframes on the same tags turned out."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    entry, record, commitment = outcome.entry, outcome.record, outcome.commitment
    assert entry is not None and record is not None and commitment is not None
    table = _grid()
    for step_id, label in (("balanced", "balanced thought"), ("kind_words", "kinder view")):
        text = _answer_text(entry, step_id)
        if text:
            table.add_row(label, plain(text, style="bold"))
    table.add_row("next step", _step_line(commitment, today))
    scores = record.scores
    before, after = entry.answer("emotions"), entry.answer("emotions_after")
    detail = _feelings(before.value if before else None, after.value if after else None)
    if detail:
        table.add_row("feelings", plain(detail))
    if scores.intensity_before is not None:
        table.add_row("on average", Text(_change(scores.intensity_before, scores.intensity_after)))
    belief = belief_line(scores)
    if belief:
        table.add_row("belief", Text(belief))
    if record.traps:
        table.add_row("traps noticed", plain(trap_names(trap_id for trap_id, _ in record.traps)))
    if entry.tags:
        table.add_row("tags", plain(" ".join(f"#{t}" for t in entry.tags)))
    parts: list[Any] = [table]
    if outcome.related:
        parts += [
            Text(""),
            Text("Earlier reframes on the same theme, and how they turned out:", style="bold"),
            _related_table(outcome.related, today),
        ]
    title = f"Reframe saved · {describe_day(entry.journal_date, today)}"
    return Panel(Group(*parts), title=title, title_align="left", border_style="green", expand=False)


def revisit_mention(waiting: Sequence[Entry], today: date) -> RenderableType:
    """One quiet line in ``journal today`` when a reframe is ready for a second look."""
    from rich.text import Text

    first = describe_day(waiting[0].journal_date, today)
    if len(waiting) == 1:
        lead = f"Your reframe from {first} is ready for a second look"
    else:
        lead = f"{len(waiting)} reframes are ready for a second look (the first from {first})"
    return Text(f"{lead}, whenever you like: journal reframe --revisit", style="dim")


def look_back_view(look: ReframeLook, today: date) -> RenderableType:
    """The reframe as it was written, shown before its second look."""
    from rich.panel import Panel
    from rich.text import Text

    entry = look.entry
    table = _grid()
    for step_id, label in (
        ("happened", "what happened"),
        ("critic", "the critic said"),
        ("balanced", "balanced thought"),
        ("kind_words", "kinder view"),
        ("control", "in your hands"),
        ("lesson", "lesson"),
    ):
        text = _answer_text(entry, step_id)
        if text:
            table.add_row(label, plain(text))
    if look.traps:
        table.add_row("traps noticed", plain(trap_names(trap_id for trap_id, _ in look.traps)))
    if look.commitment is not None:
        table.add_row("next step", _step_line(look.commitment, today))
    if look.scores is not None and look.scores.intensity_before is not None:
        feeling = _change(look.scores.intensity_before, look.scores.intensity_after)
        table.add_row("feeling that day", Text(feeling))
    title = f"Looking back · {describe_day(entry.journal_date, today)} · {entry.id[:8]}"
    return Panel(table, title=plain(title), title_align="left", expand=False)


def revisit_summary(outcome: RevisitOutcome, today: date) -> RenderableType:
    from rich.panel import Panel
    from rich.text import Text

    table = _grid()
    scores = outcome.scores
    if scores is not None and scores.revisit_intensity is not None:
        feeling = _change(scores.intensity_before, scores.intensity_after, scores.revisit_intensity)
        table.add_row("feeling: that day → after → now", Text(feeling))
    kept = _answer_text(outcome.entry, "revisit_lesson")
    if kept:
        table.add_row("to keep", plain(kept, style="bold"))
    if outcome.commitment is not None:
        table.add_row("next step", _step_line(outcome.commitment, today))
    if not table.rows:
        table.add_row("saved", Text("The second look is part of the reframe now."))
    title = f"Second look saved · reframe of {describe_day(outcome.entry.journal_date, today)}"
    return Panel(table, title=plain(title), title_align="left", border_style="green", expand=False)


def commitments_table(commitments: Sequence[Commitment], today: date) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    if not commitments:
        return Text(
            "No next steps yet. Each reframe ends with one, and so does an intention given a day."
        )
    table = Table(
        box=None, padding=(0, 2), collapse_padding=True, pad_edge=False, header_style="bold"
    )
    for column in ("id", "status", "day"):  # kept whole: the next step wraps instead
        table.add_column(column, no_wrap=True)
    table.add_column("next step")
    for commitment in commitments:
        if commitment.is_open:
            status = "due" if commitment.due_date <= today else "open"
            day = commitment.due_date
        else:
            status = STATUS_WORDS.get(commitment.status, commitment.status)
            day = commitment.closed_date or commitment.due_date
        row_text = plain(commitment.text)
        if commitment.note:
            row_text.append_text(plain(f" ({commitment.note})", style="dim"))
        table.add_row(commitment.short_id, status, plain(describe_day(day, today)), row_text)
    return table


def commitment_closed(commitment: Commitment) -> RenderableType:
    from rich.text import Text

    line = Text(f"Marked {STATUS_WORDS.get(commitment.status, commitment.status)}: ")
    line.append_text(plain(commitment.text))
    return line
