"""The Markdown, CSV and daily-note exports, written from plain rows in batches, are byte
for byte what the format gives when each entry is written on its own.

The reference below writes every entry from its record (``iter_records``), one at a time,
through ``markdown_text`` and the csv module, as the export did before it worked a batch
at a time; the journal holds everything the escaping has to get right (control
characters, formula signs, Markdown syntax at the start of a line, the mark that joins a
batch's texts).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

import test_export_sql
from selfcompassion.dates import full_date
from selfcompassion.portability import documents
from selfcompassion.portability.transfer import export_journal
from selfcompassion.store import Entry, EntryFilter, JournalStore
from selfcompassion.text.controls import escape_controls, strip_controls
from selfcompassion.text.mdtext import markdown_text, markdown_texts
from test_export_sql import AWKWARD, EVERYTHING, NOW, answer, save

varied = test_export_sql.varied

#: Lines an answer may start or be, each of which Markdown would read as syntax.
LINE_STARTS = (
    "# heading", "- item", "+ item", "1. first", "2) second", "===", "---", "    code",
    "\tcode", "> quote", "=SUM(A1)", "@handle", "-3 degrees", " =lead", "\u3000+x", "",
)  # fmt: skip


@pytest.fixture
def hostile(varied: JournalStore) -> JournalStore:
    """``varied`` and an entry of every awkward line start, with the batch mark inside."""
    texts = [*LINE_STARTS, "a \ue000 mark", "\n\ue000\n", "ends\n", "two\r\nlines\n  indented"]
    save(
        varied,
        date(2026, 11, 14),
        [answer(f"s{n}", "text", text, prompt=f"  Why\n{text}? ") for n, text in enumerate(texts)]
        + [answer("n", "scale", -2), answer("list", "multi", ["=1", "\x85"])],
        kind="long_note",
        tags=("a", "b"),
    )
    return varied


# -- the reference: one entry at a time, from records -----------------------------------------


def _entry_markdown(entry: Entry, level: int) -> str:
    clock = entry.created_at[11:16]
    title = f"{entry.kind.replace('_', ' ').capitalize()} · {clock} · {entry.id[:8]}"
    lines = [f"{'#' * level} {markdown_text(title)}", ""]
    for item in entry.answers:
        if item.prompt:
            lines += [f"**{markdown_text(' '.join(item.prompt.split()))}**", ""]
        lines += [markdown_text(item.text) or "_(no answer)_", ""]
    if entry.tags:
        lines += ["Tags: " + " ".join(f"#{tag}" for tag in entry.tags), ""]
    return "\n".join(lines)


def _days(store: JournalStore, chosen: EntryFilter) -> dict[date, list[Entry]]:
    days: dict[date, list[Entry]] = {}
    for batch in store.iter_records(chosen):
        for record in batch:
            days.setdefault(record.entry.journal_date, []).append(record.entry)
    return days


def reference_markdown(store: JournalStore, chosen: EntryFilter = EVERYTHING) -> str:
    out = [f"# {markdown_text('Journal')}\n\n"]
    for day, entries in _days(store, chosen).items():
        out.append(f"## {full_date(day)}\n\n")
        out += [_entry_markdown(entry, 3) + "\n" for entry in entries]
    return "".join(out)


def reference_notes(store: JournalStore) -> dict[str, str]:
    return {
        f"{day.isoformat()}.md": "\n".join(
            [f"# {full_date(day)}\n", *(_entry_markdown(entry, 2) for entry in entries)]
        )
        for day, entries in _days(store, EVERYTHING).items()
    }


def _cell(value: object) -> object:
    if not isinstance(value, str):
        return "" if value is None else value
    value = strip_controls(value)
    return "'" + value if documents.starts_a_formula(value) else value


def reference_csv(store: JournalStore, chosen: EntryFilter = EVERYTHING) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(documents.CSV_COLUMNS)
    for batch in store.iter_records(chosen):
        for record in batch:
            entry = record.entry
            head = [
                entry.id, entry.journal_date.isoformat(), entry.kind, entry.pack,
                entry.created_at, entry.updated_at, " ".join(f"#{tag}" for tag in entry.tags),
            ]  # fmt: skip
            rows = [
                [
                    position,
                    item.step_id,
                    item.kind,
                    item.theme,
                    item.prompt,
                    item.text,
                    escape_controls(json.dumps(item.value, ensure_ascii=False)),
                ]  # fmt: skip
                for position, item in enumerate(entry.answers)
            ] or [[None] * 7]
            writer.writerows([_cell(value) for value in head + row] for row in rows)
    return out.getvalue()


def export(store: JournalStore, fmt: str, chosen: EntryFilter = EVERYTHING) -> str:
    out = io.StringIO()
    export_journal(store, fmt=fmt, chosen=chosen, now=NOW, stdout=out)
    return out.getvalue()


# -- the tests ----------------------------------------------------------------------------------


def test_markdown_is_the_reference_byte_for_byte(hostile: JournalStore) -> None:
    written = export(hostile, "markdown")
    assert written == reference_markdown(hostile)
    # Agreeing on a mistake is ruled out here: the words are there, inert.
    assert "\\# heading" in written and "\\- item" in written and "1\\. first" in written
    assert "a \ue000 mark" in written and "**Why # heading?**" in written
    assert "### Long note · 21:00 · " in written and "Tags: #a #b" in written
    for raw in ("\x1b", "\x07", "\x85", "\u202e"):
        assert raw not in written


def test_csv_is_the_reference_byte_for_byte(hostile: JournalStore) -> None:
    written = export(hostile, "csv")
    assert written == reference_csv(hostile)
    rows = list(csv.DictReader(io.StringIO(written)))
    cells = {row["answer"] for row in rows}
    assert {"'=SUM(A1)", "'@handle", "'-3 degrees", "' =lead", "'\u3000+x"} <= cells
    assert "'-2" in {row["value_json"] for row in rows}
    assert '["=1", "\\u0085"]' in {row["value_json"] for row in rows}
    for raw in ("\x1b", "\x07", "\x85", "\u202e"):
        assert raw not in written


@pytest.mark.parametrize(
    "chosen",
    [EntryFilter(since=date(2026, 11, 11)), EntryFilter(tags=("work", "a"))],
    ids=["since", "tags"],
)
def test_filters_pick_the_same_entries(hostile: JournalStore, chosen: EntryFilter) -> None:
    assert export(hostile, "markdown", chosen) == reference_markdown(hostile, chosen)
    assert export(hostile, "csv", chosen) == reference_csv(hostile, chosen)


def test_daily_notes_are_the_reference_byte_for_byte(hostile: JournalStore, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    export_journal(hostile, fmt="markdown", chosen=EVERYTHING, now=NOW, daily_notes=folder)
    written = {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir()}
    assert written == reference_notes(hostile)


@pytest.mark.parametrize("batch", [1, 2, 3])
def test_batches_of_any_size_write_the_same(hostile: JournalStore, batch: int) -> None:
    """Days cut across batches: a day's entries still come under one heading."""
    for number in range(3):  # three entries on one day, so small batches split it
        save(hostile, date(2026, 11, 20), [answer("x", "text", f"n{number}")], hour=number)
    rows = list(hostile.iter_entry_rows(EVERYTHING, batch=batch))
    assert all(len(part) <= batch for part in rows)
    out = io.StringIO()
    assert sum(documents.write_markdown(iter(rows), out, title="Journal")) == len(
        [row for part in rows for row in part]
    )
    assert out.getvalue() == reference_markdown(hostile)
    out = io.StringIO()
    list(documents.write_csv(iter(rows), out))
    assert out.getvalue() == reference_csv(hostile)


def test_texts_made_inert_together_come_out_as_alone() -> None:
    texts = [*LINE_STARTS, AWKWARD, "x\n\ue000\ny", "\n", "", "\ue000"]
    assert markdown_texts(texts) == [markdown_text(text) for text in texts]
    plain = [text for text in texts if "\ue000" not in text]
    assert markdown_texts(plain) == [markdown_text(text) for text in plain]
    assert markdown_texts([]) == []


def test_a_large_day_keeps_its_order(store: JournalStore) -> None:
    day = date(2026, 1, 1)
    for number in range(30):
        save(store, day + timedelta(days=number % 3), [answer("a", "text", f"entry {number}")])
    assert export(store, "markdown") == reference_markdown(store)
    assert export(store, "csv") == reference_csv(store)


def test_cells_are_quoted_as_the_csv_module_quotes_them() -> None:
    """The CSV lines are written by hand; the csv module's default dialect is the rule."""
    import random

    rng = random.Random(12)
    alphabet = ['"', ",", "\n", "\r", " ", "a", "=", "-", "\t", "é", "\x85", "'", ";"]
    cells = ["", *LINE_STARTS, AWKWARD] + [
        "".join(rng.choices(alphabet, k=rng.randint(1, 8))) for _ in range(2_000)
    ]
    for cell in cells:
        out = io.StringIO()
        csv.writer(out).writerow(["x", _cell(cell)])
        assert out.getvalue() == f"x,{documents._csv(cell)}\r\n", repr(cell)
