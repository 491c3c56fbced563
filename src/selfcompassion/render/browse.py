"""Views for finding entries again: the one-line list, the whole entry, search results.

Journal and imported text reaches the terminal only as ``plain`` Text; a search snippet
is cut at its match marks first and each piece cleaned, so a marker or an escape sequence
hidden in an answer can never style or drive the terminal.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ..traps.catalog import trap_names
from . import clean, day_heading, plain

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from ..packs.steps import Step
    from ..store import Answer, Entry, EntryRecord, SearchResults


def _head(entry: Entry) -> Text:
    from rich.text import Text

    line = Text()
    day = entry.journal_date
    line.append(f"{day:%a} {day.isoformat()}", style="bold")  # %Y drops year 1's zeros
    line.append("  ")
    line.append(plain(f"{entry.kind:<8}", style="cyan"))
    line.append(" ")
    line.append(entry.id[:8], style="dim")
    return line


def _tags(entry: Entry) -> str:
    return " ".join(f"#{tag}" for tag in entry.tags)


def entry_line(entry: Entry) -> Text:
    """One line for an entry: day, kind, short id, its first written words and its tags."""
    from ..entries.finding import summary_text

    line = _head(entry)
    summary = summary_text(entry)
    if summary:
        line.append("  ")
        line.append(plain(summary))
    if entry.tags:
        line.append("  ")
        line.append(plain(_tags(entry), style="magenta"))
    line.no_wrap = True
    line.overflow = "ellipsis"
    return line


def entry_list(entries: Sequence[Entry], total: int) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    if not entries:
        return Text("No entries here yet for what you asked. journal today starts one.")
    lines: list[Any] = [entry_line(entry) for entry in entries]
    if total > len(entries):
        lines.append(
            Text(
                f"Showing the newest {len(entries):,} of {total:,}; "
                "-n 0 shows them all, --since narrows them.",
                style="dim",
            )
        )
    return Group(*lines)


def snippet_text(snippet: str) -> Text:
    """A search snippet with its matching words highlighted and nothing else interpreted."""
    from rich.text import Text

    from ..store.browse import MATCH_END, MATCH_START

    text = Text()
    for index, piece in enumerate(snippet.split(MATCH_START)):
        matched, _, rest = piece.partition(MATCH_END) if index else ("", "", piece)
        text.append(clean(matched.replace("\n", " · ")), style="bold yellow reverse")
        text.append(clean(rest.replace("\n", " · ")))
    return text


def search_results(results: SearchResults, query: str, limit: int | None) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    hits = results.hits
    if not hits:
        return plain(f'Nothing matches "{query}" yet.')
    parts: list[Any] = []
    for hit in hits:
        head = _head(hit.entry)
        if hit.entry.tags:
            head.append("  ")
            head.append(plain(_tags(hit.entry), style="magenta"))
        parts.append(head)
        body = Text("  ")
        body.append(snippet_text(hit.snippet))
        parts.append(body)
    if results.window and results.matched:
        parts.append(
            Text(
                f"{results.matched:,} entries match; these are the best among the "
                f"{results.window:,} most recently added. More words, --since or --until "
                "narrow the search.",
                style="dim",
            )
        )
    elif limit is not None and len(hits) == limit:
        parts.append(Text(f"The {limit} best matches; -n shows more.", style="dim"))
    return Group(*parts)


def answer_shown(answer: Answer, pack: str | None) -> str:
    """An answer's words as shown. A rating saved before ratings kept their scale's words
    (a bare "4") is shown with them ("4 (a bit light)"), from the step of its pack, as a
    rating saved today is."""
    from ..packs.steps import SCALE, answer_text

    value = answer.value
    if answer.kind == SCALE and pack and type(value) is int and answer.text == str(value):
        step = _pack_step(pack, answer.step_id)
        if step is not None and step.kind == SCALE:
            return answer_text(value, step)
    return answer.text


@functools.cache
def _pack_step(pack: str, step_id: str) -> Step | None:
    """The step ``step_id`` of the pack called ``pack``; None when either is gone."""
    from ..errors import PackError
    from ..packs.loader import load_pack

    try:
        return load_pack(pack).step(step_id)
    except PackError:
        return None


def written_line(entry: Entry, today: date) -> str:
    """When the entry was written, said apart from the day it is about when they differ."""
    from datetime import datetime

    from ..dates import describe

    try:
        written = datetime.fromisoformat(entry.created_at)
    except ValueError:
        return ""
    if written.date() == entry.journal_date:
        return f"Written at {written:%H:%M}"
    return f"Written {describe(written.date(), today)} at {written:%H:%M}"


def entry_detail(record: EntryRecord, today: date) -> RenderableType:
    """The whole entry: the day it is about, when it was written, every prompt as shown
    and its answer, tags, and what belongs to it."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    entry = record.entry
    parts: list[Any] = []
    written = written_line(entry, today)
    if written:
        parts += [Text(written, style="dim"), Text("")]
    asked_traps = False
    for answer in entry.answers:
        if answer.prompt:
            parts.append(plain(answer.prompt, style="bold"))
        if answer.step_id == "traps" and isinstance(answer.value, list):
            asked_traps = True
            parts.append(plain(trap_names(answer.value) or "none"))
        else:
            parts.append(plain(answer_shown(answer, entry.pack)))
        parts.append(Text(""))
    if record.reframe_scores is not None:
        from ..store import ReframeScores
        from .reframe import belief_line

        belief = belief_line(ReframeScores(**record.reframe_scores))
        if belief:
            parts.append(plain(f"Belief {belief}", style="dim"))
    if record.traps and not asked_traps:
        names = trap_names([trap["trap_id"] for trap in record.traps])
        parts.append(plain(f"Thinking patterns noticed: {names}", style="dim"))
    for item in record.commitments:
        parts.append(
            plain(f"Commitment ({item['status']}, due {item['due_date']}): {item['text']}")
        )
    if entry.tags:
        parts.append(plain(_tags(entry), style="magenta"))
    title = f"{entry.kind} · {day_heading(entry.journal_date, today)} · {entry.id[:8]}"
    return Panel(
        Group(*parts) if parts else Text("(no answers)"),
        title=plain(title),
        title_align="left",
        expand=False,
    )
