"""The export formats: versioned JSON, one Markdown document or daily notes, and CSV.

Each writer takes batches of entries (oldest first) and a text stream: JSON takes each
entry as the JSON text SQLite wrote for it, Markdown and CSV take records. JSON keeps
every character (control characters written as escapes); Markdown and CSV are for
reading and for spreadsheets, so control characters are dropped there. In Markdown every
character a viewer could read as syntax is escaped (``mdtext``); in CSV a cell that a
spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, a tab, after any white
space, or their full-width and small forms) starts with an apostrophe, and the
``value_json`` cell keeps the exact value the way the JSON export does.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import IO, Any

from ..dates import full_date
from ..store import EntryRows
from ..store.markdown_rows import (
    BOLD,
    CLOSE,
    EMPTY,
    ENTRY,
    FOUND,
    MARK,
    OPEN,
    kind_title,
    one_line,
)
from ..store.portability import Head
from ..text.controls import escape_controls, strip_controls
from ..text.mdtext import markdown_text, markdown_texts
from . import csv_batches, schema
from .csv_batches import EntryLines

# Signs that make a spreadsheet run a cell as a formula, even after leading white space of
# any kind (line breaks, U+00A0, U+3000, U+2028, ...); their full-width and small forms
# (U+FF1D, U+FE66, ...) count too, as some spreadsheets read them the same way: each is
# compared in its compatibility form (NFKC), where it is the plain sign.
_FORMULA_SIGNS = ("=", "+", "-", "@")
_FORMULA_START = ("\t", "\r")


def starts_a_formula(value: str) -> bool:
    """Whether a spreadsheet could read the cell as a formula."""
    import unicodedata

    if value.startswith(_FORMULA_START):
        return True
    rest = value.lstrip()
    return bool(rest) and unicodedata.normalize("NFKC", rest[0]).startswith(_FORMULA_SIGNS)


CSV_COLUMNS = (
    "entry_id", "journal_date", "kind", "pack", "created_at", "updated_at", "tags",
    "position", "step_id", "answer_kind", "theme", "prompt", "answer", "value_json",
)  # fmt: skip


# -- JSON ----------------------------------------------------------------------------------


def _json(value: Any, indent: int | None = 2) -> str:
    return escape_controls(json.dumps(value, ensure_ascii=False, indent=indent))


def _escaped(text: str) -> str:
    """JSON text with its control characters escaped. SQLite's ``json_quote`` has already
    escaped C0 controls, so text that is all ASCII without DEL needs no further look."""
    if text.isascii() and "\x7f" not in text:
        return text
    return escape_controls(text)


def write_json(
    batches: Iterable[list[str]], out: IO[str], *, exported_at: str, count: int
) -> Iterator[int]:
    """Write one JSON document from batches of entries already written as JSON text, one
    line each (``JournalStore.iter_entry_json``); yields the entries written after each
    batch."""
    out.write("{\n")
    for key, value in schema.header(exported_at, count).items():
        out.write(f"  {_json(key)}: {_json(value)},\n")
    out.write('  "entries": [')
    first = True
    for batch in batches:
        if batch:
            # One entry per line: readable and easy to diff.
            out.write("\n    " if first else ",\n    ")
            out.write(_escaped(",\n    ".join(batch)))
            first = False
        yield len(batch)
    out.write("\n  ]\n}\n" if not first else "]\n}\n")


# -- Markdown ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _prompt_markdown(prompt: str) -> str:
    """A prompt in bold's words: one line, inert (prompts repeat, so each is made once)."""
    return markdown_text(one_line(prompt))


def _entries_markdown(batch: list[EntryRows], level: int) -> list[str]:
    """Each entry of ``batch`` as Markdown, its heading at ``level``, from its plain rows.
    The batch's titles and answers are made inert together (``markdown_texts``), not one
    by one. The export's way for a batch whose words hold ``markdown_rows.MARK``."""
    pieces: list[str] = []
    for (entry_id, _day, kind, _pack, created_at, _updated, _tags), answers in batch:
        pieces.append(_title(kind, created_at, entry_id))
        pieces += [answer[4] for answer in answers]
    inert = iter(markdown_texts(pieces))
    marks = "#" * level
    written = []
    for entry, answers in batch:
        lines = [f"{marks} {next(inert)}", ""]
        for answer in answers:
            if answer[3]:
                lines += [f"**{_prompt_markdown(answer[3])}**", ""]
            lines += [next(inert) or NO_ANSWER, ""]
        if entry[6]:
            lines += [f"Tags: {entry[6]}", ""]
        written.append("\n".join(lines))
    return written


NO_ANSWER = "_(no answer)_"


def _title(kind: str, created_at: str, entry_id: str) -> str:
    return f"{kind_title(kind)} · {created_at[11:16]} · {entry_id[:8]}"


def _marked_markdown(rows: list[Any]) -> list[str] | None:
    """The text of each entry of ``rows`` (``iter_entry_markdown``) as Markdown, but for
    the heading's "#" marks; None when a word in the batch holds the mark character.

    The batch is one text, made inert in one pass (``markdown_text`` works line by line
    and leaves the mark lines alone); the marks then become the document's lines."""
    titles = [_title(kind, created_at, entry_id) for entry_id, _, kind, created_at, _, _ in rows]
    text = "".join(
        [f"{ENTRY}{title}\n{row[4] or ''}" for title, row in zip(titles, rows, strict=True)]
    )
    if FOUND in text or MARK in "".join(titles):
        return None
    text = markdown_text(text)
    if EMPTY in text:
        text = text.replace(EMPTY, NO_ANSWER)
    text = text.replace(BOLD, "**")
    if OPEN in text:
        text = text.replace(OPEN, "**").replace(CLOSE, "**")
    return text.split(ENTRY)[1:]


def _batch_markdown(
    rows: list[Any], level: int, rows_for: Callable[[list[str]], list[EntryRows]]
) -> list[str]:
    """Each entry of ``rows`` as Markdown, its heading at ``level``."""
    marked = _marked_markdown(rows)
    if marked is None:
        return _entries_markdown(rows_for([row[0] for row in rows]), level)
    heading = "#" * level + " "
    return [
        f"{heading}{entry}\nTags: {row[5]}\n" if row[5] else heading + entry
        for entry, row in zip(marked, rows, strict=True)
    ]


def _by_day(
    batches: Iterable[list[Any]], level: int, rows_for: Callable[[list[str]], list[EntryRows]]
) -> Iterator[tuple[date, list[str]]]:
    """Entries as Markdown grouped by day (they arrive oldest first)."""
    current: str | None = None
    group: list[str] = []
    for rows in batches:
        for row, text in zip(rows, _batch_markdown(rows, level, rows_for), strict=True):
            if current is not None and row[1] != current:
                yield date.fromisoformat(current), group
                group = []
            current = row[1]
            group.append(text)
    if current is not None:
        yield date.fromisoformat(current), group


def write_markdown(
    batches: Iterable[list[Any]],
    out: IO[str],
    *,
    title: str,
    rows_for: Callable[[list[str]], list[EntryRows]],
) -> Iterator[int]:
    """One Markdown document, a section per day, from ``iter_entry_markdown``'s batches
    (``rows_for`` gives the plain rows of a batch that needs them); yields entries written
    as it goes."""
    out.write(f"# {markdown_text(title)}\n\n")
    current: str | None = None
    for rows in batches:
        pieces: list[str] = []
        for row, text in zip(rows, _batch_markdown(rows, 3, rows_for), strict=True):
            if row[1] != current:
                current = row[1]
                pieces.append(f"## {full_date(date.fromisoformat(current))}\n\n")
            pieces += (text, "\n")
        out.write("".join(pieces))
        yield len(rows)


def daily_notes(
    batches: Iterable[list[Any]], rows_for: Callable[[list[str]], list[EntryRows]]
) -> Iterator[tuple[date, str, int]]:
    """One note per day, as ``YYYY-MM-DD.md`` files expect it: (day, text, entries)."""
    for day, entries in _by_day(batches, 2, rows_for):
        yield day, "\n".join([f"# {full_date(day)}\n", *entries]), len(entries)


# -- CSV -----------------------------------------------------------------------------------

#: First characters after which a cell of printable text is left as it is: printable ASCII
#: but white space and the formula signs ("" is an empty cell). Any other cell goes the
#: whole way (``_cell``).
_PLAIN_START = frozenset(
    {""} | {chr(code) for code in range(0x21, 0x7F) if chr(code) not in _FORMULA_SIGNS}
)


def _csv(value: str | None) -> str:
    """A cell as the csv module writes it, after ``_cell``'s guard."""
    if value is None:
        return ""
    if value[:1] in _PLAIN_START and value.isprintable():  # no line break, nothing to guard
        if '"' in value:
            return '"' + value.replace('"', '""') + '"'
        return '"' + value + '"' if "," in value else value
    value = strip_controls(value)
    value = "'" + value if starts_a_formula(value) else value
    if '"' in value:
        return '"' + value.replace('"', '""') + '"'
    if "," in value or "\n" in value or "\r" in value:
        return '"' + value + '"'
    return value


def _value_cell(value: str) -> str:
    """An answer's value as the JSON export writes it (kept as ``json.dumps`` wrote it),
    with C1 and bidi controls escaped, as a cell."""
    return _csv(value if value.isprintable() else escape_controls(value))


class _Cells(dict[str | None, str]):
    """Cells as ``_csv`` writes them, each made once: an export's step ids, kinds, themes
    and prompts are a few values repeated on every line (never more than ``KEEP``)."""

    KEEP = 4096

    def __missing__(self, value: str | None) -> str:
        if len(self) >= self.KEEP:
            self.clear()
        cell = self[value] = _csv(value)
        return cell


def csv_cells(heads: Iterable[Head]) -> dict[Head, str]:
    """The cells each head (step_id, kind, prompt, theme) makes on a CSV line, in the
    line's order (step, kind, theme, prompt), as one text."""
    return {
        head: ",".join([_csv(head[0]), _csv(head[1]), _csv(head[3]), _csv(head[2])])
        for head in heads
    }


def _entry_cells(entry: Any) -> str:
    return ",".join([_csv(value) for value in entry])


def _plain_lines(entry: Any, answers: list[Any], made: _Cells) -> list[str]:
    """The lines of an entry from its plain rows (``JournalStore.entry_rows``)."""
    head = _entry_cells(entry)
    return [
        f"{head},{position},{made[step_id]},{made[kind]},{made[theme]},{made[prompt]},"
        f"{_csv(text)},{_value_cell(value)}\r\n"
        for position, (step_id, kind, theme, prompt, text, value) in enumerate(answers)
    ] or [head + ",,,,,,,\r\n"]


def write_csv(
    batches: Iterable[list[EntryLines]],
    out: IO[str],
    rows_for: Callable[[list[str]], list[EntryRows]],
) -> Iterator[int]:
    """One row per answer (an entry without answers still gets a row), from
    ``JournalStore.iter_entry_lines``'s batches (``rows_for`` gives the plain rows of
    the entries whose lines ``csv_batches`` cannot take as SQLite wrote them); yields
    entries.

    The lines are written by SQLite and here rather than by the csv module, which looks
    at every character of every cell on its own (most of the export's time; its C writer
    was still twice as slow in 2026-12): each cell is quoted exactly as the module's
    default dialect quotes it (``_csv``; a test holds the two together), a line ends with
    CR LF, and a batch's lines go to ``out`` at once. The batches' text comes rotated
    (``csv_batches``): each line's CR LF before it, so the first line's comes with the
    first entry, and the last line's at the end."""
    out.write(",".join(CSV_COLUMNS))
    made = _Cells()

    def plain_texts(ids: list[str]) -> list[str]:
        return [csv_batches.rotated(_plain_lines(*rows, made)) for rows in rows_for(ids)]

    for batch in batches:
        text = csv_batches.batch_text(batch)
        out.write(text if text is not None else csv_batches.entry_by_entry(batch, plain_texts))
        yield len(batch)
    out.write("\r\n")
