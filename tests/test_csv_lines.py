"""The CSV lines SQLite writes (``store.csv_lines``) and the batches Python checks
(``portability.csv_batches``) make the file the csv module makes, byte for byte: cells
with quotes, commas, line breaks, formula signs, tags and text past ASCII, in batches
that mix plain entries with ones that go the whole way, in a plain and an encrypted
journal, and in one far from date order, which SQLite sorts with room of its own."""

from __future__ import annotations

import io
import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

import test_encryption
from selfcompassion.portability import csv_batches, documents
from selfcompassion.portability.transfer import export_journal
from selfcompassion.store import JournalStore, csv_lines
from selfcompassion.store.csv_lines import FORMULA_START, PLAIN_START, PRINTABLE_START
from selfcompassion.store.read_order import SORTER_ROOM_KIB
from test_export_sql import AWKWARD, EVERYTHING, NOW, answer, save
from test_export_text import reference_csv, written_csv

encrypted = test_encryption.encrypted
with_passphrase = test_encryption.with_passphrase

#: What the cells are made of: everything the quoting and the guard look at.
ALPHABET = ['"', ",", "\n", "\r", " ", "a", "b", "=", "-", "+", "@", "\t", "é", "'", "\x85",
            "\u202e", "\u3000", "😀", "#", ";", "\x1f", "\x01"]  # fmt: skip


def _words(chance: random.Random, odd: bool) -> str:
    if odd and chance.random() < 0.5:
        return "".join(chance.choices(ALPHABET, k=chance.randint(0, 9)))
    return chance.choice(["plain words", 'say "hi", then go', "a,b", "", "x" * 300])


def _fill(store: JournalStore, entries: int, seed: int) -> None:
    """``entries`` entries over a month: most of plain words, with quotes and commas, the
    rest drawn from ``ALPHABET``; tags, packs and answer-less entries among them."""
    chance = random.Random(seed)
    for number in range(entries):
        odd = chance.random() < 0.2
        answers = [
            answer(
                f"s{n % 3}",
                "text",
                _words(chance, odd),
                prompt=chance.choice(["Why?", "What, now?"]),
            )
            for n in range(chance.randint(0, 4))
        ] + ([answer("n", "scale", chance.choice([1, 5, -2]))] if chance.random() < 0.3 else [])
        save(
            store,
            date(2026, 3, 1) + timedelta(days=number % 31),
            answers,
            hour=number % 24,
            pack=chance.choice([None, "daily", "=pack", 'with "quote"']) if odd else "daily",
            tags=tuple(chance.sample(["work", "café", "a-b", "x"], k=chance.randint(0, 2))),
        )


@pytest.mark.parametrize("batch", [1, 7, 500])
def test_mixed_batches_write_what_the_csv_module_writes(store: JournalStore, batch: int) -> None:
    _fill(store, 300, seed=batch)
    written, asked = written_csv(store, batch)
    assert written == reference_csv(store)
    # Only some entries go the whole way: those of plain words, beside them, do not.
    assert asked and len(set(asked)) < store.count_matching(EVERYTHING)


def test_an_encrypted_journal_writes_what_the_csv_module_writes(encrypted: Path) -> None:
    with JournalStore.open(encrypted) as store:
        _fill(store, 120, seed=3)
        save(store, date(2026, 4, 2), [answer("w", "text", AWKWARD)], tags=("a", "b"))
        out = io.StringIO()
        export_journal(store, fmt="csv", chosen=EVERYTHING, now=NOW, stdout=out)
        assert store.encrypted and out.getvalue() == reference_csv(store)


def test_only_the_entries_that_need_it_go_the_whole_way(store: JournalStore) -> None:
    save(store, date(2026, 5, 1), [answer("a", "text", 'words, and "quotes"')], hour=8)
    save(store, date(2026, 5, 1), [answer("a", "text", "=1+1")], hour=9)
    save(store, date(2026, 5, 1), [answer("a", "text", " =1+1")], hour=9)
    save(store, date(2026, 5, 1), [answer("a", "text", '-2, "a"')], hour=9)
    save(store, date(2026, 5, 1), [answer("a", "text", "line\nbreak")], hour=10)
    save(store, date(2026, 5, 1), [], hour=11)
    save(store, date(2026, 5, 1), [answer("a", "text", "carriage\rreturn")], hour=12)
    written, asked = written_csv(store, 500)
    assert written == reference_csv(store)
    assert [answers[0][4] for _, answers in store.entry_rows(asked)] == [
        " =1+1",
        "line\nbreak",
        "carriage\rreturn",
    ]
    assert ",'=1+1," in written and ',"\'-2, ""a""",' in written


def test_sqlites_first_characters_are_the_writers(tmp_path: Path) -> None:
    """The first characters SQLite settles are printable ASCII but the space: of them,
    those it writes as they are are those ``_csv`` writes as they are, and the rest
    are the formula signs the guard puts an apostrophe before."""
    connection = sqlite3.connect(tmp_path / "glob.db")
    try:
        for code in [*range(1, 0x80), 0xA0, 0xE9, 0x3000, 0xFF1D, 0x1F600]:
            cell = chr(code) + "x"
            settled, formula = connection.execute(
                "SELECT ?1 GLOB ?2, ?1 GLOB ?3", [cell, PRINTABLE_START, FORMULA_START]
            ).fetchone()
            assert bool(settled) == (0x21 <= code <= 0x7E), hex(code)
            assert bool(settled and not formula) == (cell[:1] in documents._PLAIN_START)
            assert bool(formula) == (settled and documents.starts_a_formula(cell)), hex(code)
    finally:
        connection.close()


def test_the_common_answers_first_characters_are_the_writers(tmp_path: Path) -> None:
    """The first characters the common way takes (``PLAIN_START``) are those ``_csv``
    writes as they are, and a cell starting with a quote is told by two comparisons."""
    connection = sqlite3.connect(tmp_path / "plain.db")
    starts_with_quote = csv_lines._starts_with_quote("?1")
    try:
        for code in [*range(1, 0x80), 0xA0, 0xE9, 0x3000, 0xFF1D, 0x1F600]:
            for cell in (chr(code), chr(code) + "x", chr(code) + '"'):
                plain, quote = connection.execute(
                    f"SELECT ?1 GLOB ?2, {starts_with_quote}", [cell, PLAIN_START]
                ).fetchone()
                assert bool(plain) == (cell[:1] in documents._PLAIN_START), hex(code)
                assert bool(quote) == cell.startswith('"'), hex(code)
        assert connection.execute(f"SELECT {starts_with_quote}", [""]).fetchone() == (0,)
        assert connection.execute("SELECT '' GLOB ?", [PLAIN_START]).fetchone() == (0,)
    finally:
        connection.close()


#: Answers that take each of the line's ways: a JSON string value with quotes and commas,
#: a number, a list, an empty text, a formula sign, a space, a line break, text past ASCII.
SHAPES = [
    ("text", "plain words"),
    ("text", 'say "hi", then go'),
    ("text", ""),
    ("scale", 4),
    ("scale", -2),
    ("list", ["a, b", 'c "d"']),
    ("text", "=1+1"),
    ("text", "-2, a"),
    ("text", " lead"),
    ("text", "two\r\nlines"),
    ("text", "café, ok"),
    ("text", '"quoted" start'),
]


def _scattered(store: JournalStore, seed: int) -> None:
    """Entries landed in no order of their days, as an import lands them: seven answers
    each of ``SHAPES``, two entries at each time of a day (their ids decide), and some
    without answers."""
    chance = random.Random(seed)
    slots = [(day, hour) for day in range(60) for hour in (8, 8, 9)]
    chance.shuffle(slots)
    for day, hour in slots:
        shapes = [] if chance.random() < 0.05 else chance.choices(SHAPES, k=7)
        answers = [answer(f"s{n}", kind, value) for n, (kind, value) in enumerate(shapes)]
        save(store, date(2026, 1, 1) + timedelta(days=day), answers, hour=hour)


def test_a_journal_far_from_date_order_is_sorted_with_room(store: JournalStore) -> None:
    _scattered(store, seed=18)
    assert store._sorting_pays(EVERYTHING)
    usual = store.conn.execute("PRAGMA cache_size").fetchone()
    pragmas: list[str] = []
    store.conn.set_trace_callback(
        lambda sql: pragmas.append(sql) if sql.startswith("PRAGMA cache_size =") else None
    )
    try:
        written, asked = written_csv(store, 40)
    finally:
        store.conn.set_trace_callback(None)
    assert written == reference_csv(store)
    assert asked  # the line breaks, spaces and list values went the whole way
    assert pragmas == [f"PRAGMA cache_size = -{SORTER_ROOM_KIB}", f"PRAGMA cache_size = {usual[0]}"]
    assert store.conn.execute("PRAGMA cache_size").fetchone() == usual


def test_an_encrypted_journal_far_from_date_order(encrypted: Path) -> None:
    """Kept on the date index (no sorter), and the same file as the csv module's."""
    with JournalStore.open(encrypted) as store:
        _scattered(store, seed=4)
        assert store.encrypted and not store._sorting_pays(EVERYTHING)
        out = io.StringIO()
        export_journal(store, fmt="csv", chosen=EVERYTHING, now=NOW, stdout=out)
        assert out.getvalue() == reference_csv(store)


def test_a_row_with_a_comma_in_a_field_is_not_taken_as_sqlite_joined_it() -> None:
    plain = ("id", "id,2026-01-01,daily,,t,t,#a", "\n1,c,w,v")
    assert csv_batches.batch_text([plain]) == "\r\nid,2026-01-01,daily,,t,t,#a,1,c,w,v"
    refused = (
        "id,2026-01-01,daily,a,b,t,t,#a",  # a comma in a field
        'id,2026-01-01,"daily,,t,t,#a',  # a quote
        "id,2026-01-01,daily,,t,t, #a",  # a field starting with a space
        "id,=2026-01-01,daily,,t,t,#a",  # a formula sign
        "é,,,,,,",  # past ASCII
    )
    for row in refused:
        assert csv_batches.batch_text([("id", row, "\n1,c,w,v")]) is None, row
    assert csv_batches.batch_text([plain, ("id", "a,b", "\n")]) is None
    # A carriage return in a cell is Python's to find: SQLite writes none of its own.
    assert csv_batches.batch_text([plain, ("id", "id,,,,,,", "\n1,c,w\r,v")]) is None
    assert csv_batches.batch_text([("id", "id,,,,,,", "\n1,c,é\r,v")]) is None


def test_a_prompt_with_a_line_break_beside_plain_words(store: JournalStore) -> None:
    """A head's cells holding a line break (quoted) never go into SQLite's lines, where a
    line feed marks the place of a row."""
    save(store, date(2026, 5, 1), [answer("a", "text", "plain", prompt="Why\nnow?")])
    save(store, date(2026, 5, 2), [answer("a", "text", "plain", prompt="Why\r\nthen?")])
    save(store, date(2026, 5, 3), [answer("a", "text", "plain", prompt="Why?")])
    written, asked = written_csv(store)
    assert written == reference_csv(store)
    assert len(asked) == 2
