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
from selfcompassion.store import Answer, Entry, EntryFilter, EntryRows, JournalStore, portability
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
    cells = documents.csv_cells(hostile.sampled_heads())
    rows = list(hostile.iter_entry_lines(EVERYTHING, cells, batch=batch))
    assert all(len(part) <= batch for part in rows)
    out = io.StringIO()
    marked = list(hostile.iter_entry_markdown(EVERYTHING, batch=batch))
    written = documents.write_markdown(
        iter(marked), out, title="Journal", rows_for=hostile.entry_rows
    )
    assert sum(written) == len([row for part in rows for row in part])
    assert out.getvalue() == reference_markdown(hostile)
    out = io.StringIO()
    asked: list[str] = []

    def rows_for(ids: list[str]) -> list[EntryRows]:
        asked.extend(ids)
        return hostile.entry_rows(ids)

    list(documents.write_csv(iter(rows), out, rows_for=rows_for))
    assert out.getvalue() == reference_csv(hostile)
    # Only entries with a cell that needs the whole check were read as plain rows: the
    # hostile one, never one of plain words.
    plain = {
        entry_id
        for (entry_id,) in hostile.conn.execute(
            "SELECT e.id FROM entries e WHERE NOT EXISTS (SELECT 1 FROM answers a "
            "WHERE a.entry_id = e.id AND NOT (a.text GLOB 'n[0-9]' AND a.value GLOB '\"n[0-9]\"'))"
        )
    }
    assert plain and not plain & set(asked)
    (guarded,) = hostile.conn.execute("SELECT entry_id FROM answers WHERE text = '=SUM(A1)'")
    assert guarded[0] in asked


def written_csv(store: JournalStore, batch: int = 500) -> tuple[str, list[str]]:
    """The CSV export in batches of ``batch``, and the ids it read as plain rows."""
    asked: list[str] = []

    def rows_for(ids: list[str]) -> list[EntryRows]:
        asked.extend(ids)
        return store.entry_rows(ids)

    out = io.StringIO()
    with store.snapshot():
        cells = documents.csv_cells(store.sampled_heads())
        batches = store.iter_entry_lines(EVERYTHING, cells, batch=batch)
        list(documents.write_csv(batches, out, rows_for=rows_for))
    return out.getvalue(), asked


def _csv_read_plain(store: JournalStore) -> int:
    """Check the CSV export against the reference; how many entries it read as plain rows."""
    written, asked = written_csv(store)
    assert written == reference_csv(store)
    return len(asked)


@pytest.mark.parametrize(
    ("text", "whole_way"),
    [("bell \x07, DEL \x7f", True), ("tab\tin", True), ("é, ß", True), ("=1+2", False),
     (" lead", True), ("a,b", False), ('say "hi"', False), ("\u202e", True),
     ("two\nlines", True), ("cr\ronly", True), ("\x1f unit", True), ("-", False), ("", False),
     ('"quoted", and, commas', False), ("past ASCII: é, ß \u3000 \U0001f600", False),
     ("past ASCII and a control: é \x85", True), ("ends in a bidi mark \u202e", True)],
)  # fmt: skip
def test_csv_cells_of_any_text_are_the_reference(
    store: JournalStore, text: str, whole_way: bool
) -> None:
    """Texts SQLite's lines leave to the whole check (a control character, a line break,
    a first character past ASCII or a space) come out as the csv module writes them,
    formula guard and all, and only their entry is read as plain rows; a formula sign at
    the start ("=1+2", a value of "-3") SQLite guards itself."""
    save(store, date(2026, 6, 1), [_plain_answer("w", text, "Why?")])
    save(store, date(2026, 6, 2), [_plain_answer("v", "plain words, and more", "Why?")])
    save(store, date(2026, 6, 3), [answer("n", "scale", -3)])
    assert _csv_read_plain(store) == (1 if whole_way else 0)


@pytest.mark.parametrize(
    "pack", [None, "", "=pack", " lead", 'say "hi"', "a,b", "é", "tab\there", "-", "plain"]
)
def test_csv_rows_of_any_field_are_the_reference(store: JournalStore, pack: str | None) -> None:
    """An entry's row comes from SQLite as one text, its fields joined by commas: a row of
    printable ASCII with nothing to quote or guard is written as it is; an entry with
    any other field (or a comma in one, which leaves the fields unknown) is read as
    plain rows and quoted and guarded as the csv module writes it."""
    save(store, date(2026, 6, 1), [_plain_answer("w", "words", "Why?")], pack=pack, tags=("t",))
    save(store, date(2026, 6, 2), [], pack=pack)
    save(store, date(2026, 6, 3), [_plain_answer("v", "more, words", "Why?")])
    assert _csv_read_plain(store) == (0 if pack in (None, "", "plain") else 2)


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


# -- the Markdown that SQLite lays out (store.markdown_rows) ------------------------------------

#: Texts that show as nothing once made inert, each of which must read "(no answer)".
SHOWS_NOTHING = ("", " ", "\t", " \t ", "\x07", "\x1b\x7f", "\u200b", " \x85 ", "\u2069")
#: Prompts SQLite cannot show as they are: each goes through Python onto one line.
ODD_PROMPTS = (
    "1. Step one?", "- a list?", "# heading?", "  lead", "trail ", "two  spaces",
    "two\nlines", "tab\there", "Ünïcode prompt", "\u3000wide", "   ", "\x07", "=sum?",
    "\\ back * star", 'say "hi"',
)  # fmt: skip


def _plain_answer(step: str, text: str, prompt: str) -> Answer:
    return Answer(step, "text", prompt, text, None, text)


@pytest.fixture
def laid_out(store: JournalStore) -> JournalStore:
    """Entries that take every turn of the laid-out Markdown, with no mark character."""
    save(
        store,
        date(2026, 3, 1),
        [_plain_answer(f"e{n}", text, "") for n, text in enumerate(SHOWS_NOTHING)]
        + [_plain_answer(f"f{n}", text, "Plain prompt?") for n, text in enumerate(SHOWS_NOTHING)],
        kind="long_note",
        tags=("x_y", "a-b"),
    )
    save(
        store,
        date(2026, 3, 1),
        [_plain_answer(f"p{n}", f"answer {n}", prompt) for n, prompt in enumerate(ODD_PROMPTS)],
        hour=22,
    )
    save(store, date(2026, 3, 2), [], kind="check_in")
    save(
        store,
        date(2026, 3, 3),
        [_plain_answer("n", "a\x00b", "Nul?"), _plain_answer("m", "ends\n\n", "")]
        + [_plain_answer(f"s{n}", text, "") for n, text in enumerate(LINE_STARTS)],
    )
    return store


def _no_plain_rows(ids: list[str]) -> list[EntryRows]:
    raise AssertionError(f"the plain rows were asked for: {ids}")


def test_laid_out_markdown_is_the_reference(laid_out: JournalStore, tmp_path: Path) -> None:
    """Every batch here is written from SQLite's layout, never from plain rows."""
    out = io.StringIO()
    batches = laid_out.iter_entry_markdown(EVERYTHING)
    list(documents.write_markdown(batches, out, title="Journal", rows_for=_no_plain_rows))
    written = out.getvalue()
    assert written == reference_markdown(laid_out)
    assert written.count(documents.NO_ANSWER) == 2 * len(SHOWS_NOTHING) + 1  # and LINE_STARTS
    assert "**1\\. Step one?**" in written and "**two lines**" in written
    assert "Tags: #a-b #x_y" in written and "\xa4" not in written
    notes = dict(
        (day.isoformat(), text)
        for day, text, _ in documents.daily_notes(
            laid_out.iter_entry_markdown(EVERYTHING), _no_plain_rows
        )
    )
    assert {f"{day}.md": text for day, text in notes.items()} == reference_notes(laid_out)
    # The prompts' table lives only as long as the export.
    assert laid_out.conn.execute("SELECT name FROM temp.sqlite_master").fetchall() == []


def _markdown_in_pairs(store: JournalStore) -> tuple[str, list[list[str]]]:
    """The Markdown export in batches of two entries, and the ids of each batch that was
    written from plain rows."""
    asked: list[list[str]] = []

    def rows_for(ids: list[str]) -> list[EntryRows]:
        asked.append(ids)
        return store.entry_rows(ids)

    out = io.StringIO()
    batches = store.iter_entry_markdown(EVERYTHING, batch=2)
    list(documents.write_markdown(batches, out, title="Journal", rows_for=rows_for))
    return out.getvalue(), asked


@pytest.mark.parametrize(
    "where",
    ["text", "prompt", "kind"],
)
@pytest.mark.parametrize(
    "word", ["\xa4", "x\n\xa4E\ny", "\xa4p\n", "\xa4N", "\xa4B\xa4B", "\xa4!", "\x00", " \x00\x07"]
)
def test_words_that_hold_the_mark_go_the_plain_way(
    laid_out: JournalStore, where: str, word: str
) -> None:
    """A batch with the mark character in a word (or a text of NUL and nothing that
    shows) is written from plain rows, and still comes out as the reference."""
    text, prompt, kind = (word, "Why?", "daily") if where == "text" else ("t", word, "daily")
    if where == "kind":
        text, prompt, kind = "t", "Why?", "odd" + word
    save(laid_out, date(2026, 3, 2), [_plain_answer("w", text, prompt)], kind=kind, hour=23)
    written, asked = _markdown_in_pairs(laid_out)
    assert written == reference_markdown(laid_out)
    # A NUL goes the plain way only in a text that may show as nothing.
    assert [len(ids) for ids in asked] == ([2] if "\xa4" in word or where == "text" else [])


def test_a_kind_the_journal_does_not_write_is_titled_as_python_titles_it(
    store: JournalStore,
) -> None:
    for kind in ("ÉCRIT", "mIxed_Case", "1st", "with space"):
        save(store, date(2026, 4, 1), [answer("a", "text", "x")], kind=kind)
    out = io.StringIO()
    batches = store.iter_entry_markdown(EVERYTHING)
    list(documents.write_markdown(batches, out, title="Journal", rows_for=_no_plain_rows))
    assert out.getvalue() == reference_markdown(store)
    assert "### Écrit · " in out.getvalue() and "### Mixed case · " in out.getvalue()


def test_csv_cells_made_once_are_forgotten_past_a_bound(
    hostile: JournalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Prompts repeat, so their cells are kept once made; a journal of all different
    prompts keeps no more than the bound, and writes the same."""
    monkeypatch.setattr(documents._Cells, "KEEP", 3)
    for number in range(12):
        save(hostile, date(2026, 5, 1), [answer("s", "text", "t", prompt=f"Q{number}?")])
    assert export(hostile, "csv") == reference_csv(hostile)
    cells = documents._Cells()
    assert [cells[f"=x{number}"] for number in range(10)][-1] == "'=x9"
    assert len(cells) <= 3


def test_a_prompt_left_out_of_the_sample_goes_the_plain_way(
    laid_out: JournalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The prompts laid out first are those of the answers at both ends of the answers
    table; with one answer read at each end, the batches whose answers have any other
    prompt are written from plain rows, and still come out as the reference."""

    monkeypatch.setattr(portability, "ANSWER_SAMPLE", 1)
    written, asked = _markdown_in_pairs(laid_out)
    assert written == reference_markdown(laid_out)
    assert asked
    notes = {
        f"{day.isoformat()}.md": text
        for day, text, _ in documents.daily_notes(
            laid_out.iter_entry_markdown(EVERYTHING, batch=2), laid_out.entry_rows
        )
    }
    assert notes == reference_notes(laid_out)


def test_csv_answers_whose_head_was_not_sampled_go_the_plain_way(
    hostile: JournalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CSV export takes the cells of each answer's step, kind, theme and prompt from
    a table of the heads at both ends of the answers table; a batch with an answer whose
    head is not there is written from plain rows, and comes out the same."""

    monkeypatch.setattr(portability, "ANSWER_SAMPLE", 1)
    asked: list[list[str]] = []

    def rows_for(ids: list[str]) -> list[EntryRows]:
        asked.append(ids)
        return hostile.entry_rows(ids)

    cells = documents.csv_cells(hostile.sampled_heads())
    out = io.StringIO()
    with hostile.snapshot():
        batches = hostile.iter_entry_lines(EVERYTHING, cells, batch=2)
        list(documents.write_csv(batches, out, rows_for=rows_for))
    assert out.getvalue() == reference_csv(hostile)
    assert asked and len(cells) <= 2
    assert hostile.conn.execute("SELECT name FROM temp.sqlite_master").fetchall() == []
