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

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import IO, Any

from ..dates import full_date
from ..store import Entry, EntryRecord
from ..text.controls import escape_controls, strip_controls
from ..text.mdtext import markdown_text
from . import schema

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


def entry_markdown(entry: Entry, level: int) -> str:
    """One entry as Markdown, its heading at ``level``."""
    clock = entry.created_at[11:16]
    title = f"{entry.kind.replace('_', ' ').capitalize()} · {clock} · {entry.id[:8]}"
    lines = [f"{'#' * level} {markdown_text(title)}", ""]
    for answer in entry.answers:
        if answer.prompt:
            lines += [f"**{markdown_text(' '.join(answer.prompt.split()))}**", ""]
        lines += [markdown_text(answer.text) or "_(no answer)_", ""]
    if entry.tags:
        lines += ["Tags: " + " ".join(f"#{tag}" for tag in entry.tags), ""]
    return "\n".join(lines)


def _by_day(batches: Iterable[list[EntryRecord]]) -> Iterator[tuple[date, list[Entry]]]:
    """Entries grouped by day (they arrive oldest first)."""
    current: date | None = None
    group: list[Entry] = []
    for batch in batches:
        for record in batch:
            day = record.entry.journal_date
            if current is not None and day != current:
                yield current, group
                group = []
            current = day
            group.append(record.entry)
    if current is not None:
        yield current, group


def write_markdown(
    batches: Iterable[list[EntryRecord]], out: IO[str], *, title: str
) -> Iterator[int]:
    """One Markdown document, a section per day; yields entries written as it goes."""
    out.write(f"# {markdown_text(title)}\n\n")
    for day, entries in _by_day(batches):
        out.write(f"## {full_date(day)}\n\n")
        for entry in entries:
            out.write(entry_markdown(entry, 3) + "\n")
        yield len(entries)


def daily_notes(batches: Iterable[list[EntryRecord]]) -> Iterator[tuple[date, str, int]]:
    """One note per day, as ``YYYY-MM-DD.md`` files expect it: (day, text, entries)."""
    for day, entries in _by_day(batches):
        parts = [f"# {full_date(day)}\n"]
        parts += [entry_markdown(entry, 2) for entry in entries]
        yield day, "\n".join(parts), len(entries)


# -- CSV -----------------------------------------------------------------------------------


def _cell(value: object) -> object:
    if not isinstance(value, str):
        return "" if value is None else value
    value = strip_controls(value)
    return "'" + value if starts_a_formula(value) else value


def write_csv(batches: Iterable[list[EntryRecord]], out: IO[str]) -> Iterator[int]:
    """One row per answer (an entry without answers still gets a row); yields entries."""
    import csv

    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for batch in batches:
        for record in batch:
            entry = record.entry
            head = [
                entry.id,
                entry.journal_date.isoformat(),
                entry.kind,
                entry.pack,
                entry.created_at,
                entry.updated_at,
                " ".join(f"#{tag}" for tag in entry.tags),
            ]
            rows = [
                [
                    position,
                    answer.step_id,
                    answer.kind,
                    answer.theme,
                    answer.prompt,
                    answer.text,
                    _json(answer.value, indent=None),
                ]
                for position, answer in enumerate(entry.answers)
            ] or [[None] * 7]
            writer.writerows([_cell(value) for value in head + row] for row in rows)
        yield len(batch)
