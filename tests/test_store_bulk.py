"""bulk_load: many entries and their feature rows in one transaction, all or nothing."""

from __future__ import annotations

from datetime import date

import pytest

from report_journal import JournalBuilder
from selfcompassion.errors import StorageError
from selfcompassion.store import JournalStore
from selfcompassion.store.bulk import CHUNK


def test_bulk_load_writes_what_add_entry_would(store: JournalStore) -> None:
    j = JournalBuilder()
    entry_id = j.daily(date(2026, 11, 16), 4, 3, themes=["inner-critic"], tags=["work"])
    j.save(store)
    loaded = store.get_entry(entry_id)
    assert loaded is not None
    assert loaded.tags == ("work",)
    assert [a.step_id for a in loaded.answers] == ["mood", "kindness", "prompt-0", "intention"]
    assert loaded.answer("mood").value == 4
    number = store.conn.execute(
        "SELECT number FROM answers WHERE entry_id = ? AND step_id = 'kindness'", [entry_id]
    ).fetchone()[0]
    assert number == 3.0


def test_bulk_load_streams_more_than_one_chunk(store: JournalStore) -> None:
    j = JournalBuilder()
    for n in range(CHUNK + 10):
        j.entry(date.fromordinal(date(2000, 1, 1).toordinal() + n))
    assert store.bulk_load(iter(j.entries)) == CHUNK + 10
    assert store.count_entries() == CHUNK + 10


def test_a_bad_row_leaves_nothing_behind(store: JournalStore) -> None:
    j = JournalBuilder()
    reframe = j.reframe(date(2026, 11, 16), 80, 50, traps=["all-or-nothing"])
    j.rows["commitments"] = [
        {
            "id": "c1",
            "entry_id": reframe,
            "text": "x",
            "due_date": "2026-11-20",
            "status": "someday",
            "created_at": "t",
            "updated_at": "t",
        }
    ]
    with pytest.raises(StorageError, match="CHECK constraint"):
        j.save(store)
    assert store.count_entries() == 0
    assert store.conn.execute("SELECT count(*) FROM reframe_scores").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("table", "row"),
    [("drafts", {"flow": "x"}), ("reframe_scores", {"entry_id": "e", "nonsense": 1})],
)
def test_only_known_tables_and_columns_are_filled(
    store: JournalStore, table: str, row: dict
) -> None:
    with pytest.raises(ValueError):
        store.bulk_load([], {table: [row]})
