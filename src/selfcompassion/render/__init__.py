"""Every Rich view lives in this package, with the rule that journal text is data.

This module holds the console, the escaping and the daily views; each feature adds a
module of its own views beside it.

Words from the journal or from an import reach the terminal only through ``clean`` and
``Text``: Rich markup in them stays literal and control characters (escape sequences
that could retitle a window, write the clipboard or move the cursor) are removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from ..text.controls import escape_controls, strip_controls

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

    from ..packs.loader import Pack
    from ..store import Entry


def clean(text: str) -> str:
    """The text without control characters (tabs and newlines stay)."""
    return strip_controls(text)


def plain(text: str, style: str = "") -> Text:
    """Journal text as a Rich Text: never parsed for markup, control characters removed."""
    from rich.text import Text

    return Text(clean(text), style=style)


def make_console(
    *,
    stderr: bool = False,
    width: int | None = None,
    record: bool = False,
    file: IO[str] | None = None,
    force_terminal: bool | None = None,
) -> Console:
    """A console that never guesses markup, highlights or emoji; ``record`` and ``file``
    let a view be drawn off-screen and exported, ``force_terminal`` in colour (for a
    pager)."""
    import sys

    from rich.console import Console

    from ..terminal import console_size

    width, height = console_size(file or (sys.stderr if stderr else sys.stdout), width)
    return Console(
        stderr=stderr,
        width=width,
        height=height,
        highlight=False,
        emoji=False,
        record=record,
        file=file,
        force_terminal=force_terminal,
    )


def print_error(message: str) -> None:
    """One line on standard error, with no markup interpretation. A value quoted from a
    file may hold line breaks; they become spaces so the message stays one line."""
    console = make_console(stderr=True)
    one_line = " ".join(message.splitlines())
    console.print(plain(f"journal: {one_line}", style="red"), soft_wrap=True)


def print_note(message: str, *, stderr: bool = False) -> None:
    """A note wrapped at words at a terminal (the terminal itself would cut inside a word);
    piped, its lines are kept whole, so a path or command in it is read or copied whole."""
    console = make_console(stderr=stderr)
    console.print(plain(message), soft_wrap=not console.is_terminal)


def describe_day(day: date, today: date) -> str:
    from ..dates import describe

    return describe(day, today)


def day_heading(day: date, today: date) -> str:
    """The day for a heading: "today", or "yesterday, Tuesday 1 December 2026" (a
    relative word alone does not say which day it was once the heading is read later)."""
    from ..dates import full_date

    if day == today:
        return "today"
    described = describe_day(day, today)
    return f"{described}, {full_date(day)}" if described in ("yesterday", "tomorrow") else described


def flow_intro(title: str, day: date, today: date, *, needed: bool = False) -> RenderableType:
    """The line before a flow's first question: what this is, for which day (named and
    dated when it is not today), and the two things worth knowing: which questions need
    an answer (``needed``: some are marked so), and that Ctrl-C keeps a draft."""
    from rich.text import Text

    from ..flows.display import NEEDED

    heading = plain(f"{title} · {day_heading(day, today)}", style="bold")  # a pack's own title
    skipping = (
        f"Questions marked {NEEDED} want a few words; skip any other you like."
        if needed
        else "Skip anything you like."
    )
    return Text.assemble(
        heading, Text(f"\n{skipping} Ctrl-C keeps your answers as a draft.\n", style="dim")
    )


def streak_line(streak: int) -> str:
    if streak <= 1:
        return "Every day you write is a day of practice."
    return f"{streak} days in a row. The practice is yours."


def today_summary(
    entry: Entry, pack: Pack, streak: int, today: date, reviews: Sequence[str] = ()
) -> RenderableType:
    """The panel after saving the day's reflection; ``reviews`` says what became of each
    next step looked at ("Call Sam: marked partly")."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    scales = {step.id: step for step in pack.steps}
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    for answer in entry.answers:
        if answer.kind == "scale" and answer.step_id in scales:
            label = scales[answer.step_id].scale_label(answer.value)
            shown = f"{answer.value}" + (f" ({label})" if label else "")
            table.add_row(plain(answer.step_id.replace("_", " ")), plain(shown))
    written = sum(1 for a in entry.answers if a.kind in ("text", "long_text"))
    table.add_row("answers", Text(f"{written} written"))
    for review in reviews:
        table.add_row("next step", plain(review))
    intention = entry.answer("intention")
    if intention:
        table.add_row("intention", plain(intention.text))
    if entry.tags:
        table.add_row("tags", plain(" ".join(f"#{t}" for t in entry.tags)))
    table.add_row("streak", Text(streak_line(streak)))
    title = f"Saved · {day_heading(entry.journal_date, today)}"
    return Panel(table, title=title, title_align="left", border_style="green", expand=False)


def entry_view(entry: Entry, today: date) -> RenderableType:
    """The whole entry: every prompt as it was shown, and its answer."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    parts: list[Any] = []
    for answer in entry.answers:
        parts.append(plain(answer.prompt, style="bold"))
        parts.append(plain(answer.text))
        parts.append(Text(""))
    if entry.tags:
        parts.append(plain(" ".join(f"#{t}" for t in entry.tags), style="cyan"))
    title = f"{entry.kind} · {describe_day(entry.journal_date, today)} · {entry.id[:8]}"
    return Panel(Group(*parts), title=plain(title), title_align="left", expand=False)


def packs_table(packs: Sequence[Pack]) -> RenderableType:
    from rich.table import Table

    table = Table(
        box=None, padding=(0, 2), collapse_padding=True, pad_edge=False, header_style="bold"
    )
    for column in ("name", "flow", "prompts"):  # kept whole: the description wraps instead
        table.add_column(column, no_wrap=True)
    table.add_column("description")
    for pack in packs:
        count = str(len(pack.prompts) or len(pack.steps))
        table.add_row(plain(pack.name), plain(pack.flow), count, plain(pack.description))
    return table


def pack_view(pack: Pack) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = [
        plain(f"{pack.title} ({pack.name}, flow: {pack.flow})", style="bold"),
        plain(pack.description),
        Text(""),
    ]
    for step in pack.steps:
        parts.append(plain(f"{step.id} [{step.kind}] {step.prompt}"))
    if pack.prompts:
        parts.append(Text(""))
        parts.append(Text(f"{len(pack.prompts)} rotating prompts:", style="bold"))
        for prompt in pack.prompts:
            parts.append(plain(f"  {prompt.theme}: {prompt.prompt}"))
    return Group(*parts)


def json_text(data: Any) -> str:
    """Indented JSON in which no character can act on a terminal."""
    import json

    # JSON escapes C0 controls itself; C1 and bidi controls are escaped here too so that
    # piping a report or an entry to a terminal can never run an escape sequence.
    return escape_controls(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def print_json(data: Any) -> None:
    """JSON on standard output, exactly as given (no highlighting, no wrapping)."""
    import sys

    sys.stdout.write(json_text(data))
