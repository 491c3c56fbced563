"""What an import stages lands as it was read: a written answer whose value is its own
text is staged without it, and SQLite's ``json_quote`` writes it as it lands exactly as
``records.value_json`` wrote it (every character, both drivers); a value of any other
shape, or text other than the answer's, is kept as given."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from selfcompassion.portability import reading
from selfcompassion.portability.schema import FORMAT, VERSION
from selfcompassion.portability.transfer import import_journal
from selfcompassion.store import JournalStore, driver
from selfcompassion.store.records import value_json

#: Every character a journal can keep (no NUL, no lone surrogate), a block at a time.
CHARACTERS = [chr(code) for code in range(1, 0x110000) if not 0xD800 <= code <= 0xDFFF]
BLOCK = 50_000

DRIVERS = ["sqlite3"] + (["sqlcipher"] if driver.cipher_installed() else [])


@pytest.mark.parametrize("name", DRIVERS)
def test_json_quote_writes_every_character_as_value_json_does(name: str) -> None:
    conn = driver.connect(":memory:", cipher=name == "sqlcipher")
    # Escaping is one character at a time: a block written the same is every one of its
    # characters written the same.
    blocks = [
        "".join(CHARACTERS[start : start + BLOCK]) for start in range(0, len(CHARACTERS), BLOCK)
    ]
    marks = ", ".join("(?)" for _ in blocks)
    quoted = conn.execute(f"SELECT json_quote(column1) FROM (VALUES {marks})", blocks).fetchall()  # noqa: S608
    differing = [
        (start, got)
        for start, (block, (got,)) in enumerate(zip(blocks, quoted, strict=True))
        if got != value_json(block)
    ]
    conn.close()
    assert differing == []


def _answer(kind: str, value: Any, text: str) -> dict[str, Any]:
    return {"step_id": "went-well", "kind": kind, "prompt": "What went well?", "theme": None,
            "value": value, "text": text}  # fmt: skip


def _record(number: int, answers: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": f"00000000-0000-4000-8000-{number:012d}",
        "kind": "daily",
        "journal_date": "2026-11-19",
        "created_at": "2026-11-19T08:00:00+00:00",
        "updated_at": "2026-11-19T08:00:00+00:00",
        "pack": None,
        "tags": [],
        "answers": answers,
    }


def test_values_land_as_given_whichever_way_they_were_staged(tmp_path: Path) -> None:
    plain = [
        _answer(
            "text", 'a "walk"\n\tby the sea\u2028é😀\x1f', 'a "walk"\n\tby the sea\u2028é😀\x1f'
        ),
        _answer("choice", "sea", "By the sea"),
        _answer("long_text", "", ""),
        _answer("scale", 7, "7"),
        _answer("scale", 2.5, "2.5"),
    ]
    # The first takes the short way (``plain_record``); a list's value sends the second
    # the full way (``read_record``).
    both = [plain, [*plain, _answer("multi", ["a", "b"], "a, b")]]
    records = [_record(number, answers) for number, answers in enumerate(both, start=1)]
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"format": FORMAT, "version": VERSION, "entries": records}))
    store = JournalStore.open(tmp_path / "journal.db")
    try:
        assert import_journal(store, str(source)).added == 2
        rows = store.conn.execute(
            "SELECT value, number, text FROM answers ORDER BY entry_id, position"
        ).fetchall()
    finally:
        store.conn.close()
    assert rows == [
        (value_json(a["value"]), a["value"] if a["kind"] == "scale" else None, a["text"])
        for answers in both
        for a in answers
    ]


def test_an_entry_lands_the_same_whichever_way_it_was_staged(tmp_path: Path) -> None:
    """Answers, heads and the search document are staged from the checked record the
    short way and from an ``Entry`` the full way: both land the same rows."""
    answers = [
        _answer("text", "a walk by the sea é😀", "a walk by the sea é😀"),
        _answer("choice", "sea", "By the sea"),
        _answer("scale", 7, "7"),
        {**_answer("long_text", "slept\nwell", "slept\nwell"), "theme": "rest"},
    ]
    short = _record(1, answers)
    # An empty ``traps`` member is no export's usual shape: the full way.
    full = {**_record(2, answers), "traps": []}
    assert reading.plain_record(short) is not None
    assert reading.plain_record(full) is None
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"format": FORMAT, "version": VERSION, "entries": [short, full]}))
    store = JournalStore.open(tmp_path / "journal.db")
    try:
        assert import_journal(store, str(source)).added == 2
        landed = [
            store.conn.execute(
                "SELECT position, step_id, kind, prompt, theme, value, number, text "
                "FROM answers WHERE entry_id = ? ORDER BY position",
                [record["id"]],
            ).fetchall()
            for record in (short, full)
        ]
        documents = [
            store.conn.execute(
                "SELECT i.prompts, i.answers FROM search_docs d "
                "JOIN search_index i ON i.rowid = d.doc WHERE d.entry_id = ?",
                [record["id"]],
            ).fetchall()
            for record in (short, full)
        ]
        found = store.conn.execute(
            "SELECT count(*) FROM search_index WHERE search_index MATCH 'sea'"
        ).fetchone()[0]
    finally:
        store.conn.close()
    assert landed[0] == landed[1] and len(landed[0]) == len(answers)
    assert (
        documents[0]
        == documents[1]
        == [
            (
                "\n".join(a["prompt"] for a in answers),
                "a walk by the sea é😀\nBy the sea\nslept\nwell",
            )
        ]
    )
    assert found == 2
