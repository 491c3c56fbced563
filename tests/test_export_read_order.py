"""An export of a journal whose file is far from date order (an imported one) reads the
entries in the file's order and has SQLite sort them (``read_order``); any other keeps the
date index. Either way the entries come out by date, time and id, checked against
SQLite's own ORDER BY on the three."""

from __future__ import annotations

import io
import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

import test_encryption
from selfcompassion.portability.transfer import export_journal
from selfcompassion.store import EntryFilter, JournalStore
from selfcompassion.store.read_order import FURTHER, NEAR, PROBES, apart, probes, sorting_pays
from test_export_sql import NOW, answer, save

EVERYTHING = EntryFilter()
SQLITE_ORDER = "SELECT id FROM entries ORDER BY journal_date, created_at, id"
encrypted = test_encryption.encrypted
with_passphrase = test_encryption.with_passphrase


#: Three entries a day for 100 days, two of them at one time of each day so that their
#: ids decide their order.
SLOTS = [(day, hour) for day in range(100) for hour in (8, 8, 9)]


def _save(store: JournalStore, slots: list[tuple[int, int]]) -> None:
    """An entry of seven answers at each (day counted from 1 Jan 2026, hour) of ``slots``,
    in that order."""
    chance = random.Random(4)
    for day, hour in slots:
        entry_id = f"{chance.getrandbits(32):08x}-0000-4000-8000-{chance.getrandbits(48):012x}"
        answers = [answer(f"s{n}", "text", f"day {day} {entry_id}") for n in range(7)]
        save(store, date(2026, 1, 1) + timedelta(days=day), answers, hour=hour,
             entry_id=entry_id)  # fmt: skip


@pytest.fixture
def imported(store: JournalStore) -> JournalStore:
    """Entries saved in no order of their days, as an import lands them."""
    slots = list(SLOTS)
    random.Random(18).shuffle(slots)
    _save(store, slots)
    return store


def _exported_ids(store: JournalStore) -> list[str]:
    out = io.StringIO()
    export_journal(store, fmt="json", chosen=EVERYTHING, now=NOW, stdout=out)
    return [entry["id"] for entry in json.loads(out.getvalue())["entries"]]


def test_a_scattered_journal_is_sorted_and_written_in_order(imported: JournalStore) -> None:
    assert imported._sorting_pays(EVERYTHING)
    expected = [entry_id for (entry_id,) in imported.conn.execute(SQLITE_ORDER)]
    assert _exported_ids(imported) == expected
    for fmt in ("markdown", "csv"):
        out = io.StringIO()
        export_journal(imported, fmt=fmt, chosen=EVERYTHING, now=NOW, stdout=out)
        written = out.getvalue()
        places = [written.index(entry_id) for entry_id in expected]
        assert places == sorted(places), fmt


def test_a_filter_keeps_the_date_index(imported: JournalStore) -> None:
    assert not imported._sorting_pays(EntryFilter(since=date(2026, 1, 2)))


def test_a_journal_written_day_by_day_keeps_the_date_index(store: JournalStore) -> None:
    _save(store, SLOTS)
    assert not store._sorting_pays(EVERYTHING)
    expected = [entry_id for (entry_id,) in store.conn.execute(SQLITE_ORDER)]
    assert _exported_ids(store) == expected


def test_an_empty_journal_keeps_the_date_index(store: JournalStore) -> None:
    assert not store._sorting_pays(EVERYTHING)
    assert _exported_ids(store) == []


def test_an_encrypted_journal_keeps_the_date_index(encrypted: Path) -> None:
    """Its text never goes into the sorter's temporary file."""
    with JournalStore.open(encrypted) as store:
        slots = list(SLOTS)
        random.Random(18).shuffle(slots)
        _save(store, slots)
        assert store.encrypted and not store._sorting_pays(EVERYTHING)


def test_sorting_pays_only_when_date_order_reads_much_further_apart() -> None:
    assert apart([(1, 8), (20, 10), (None, 3), (5, None), (40, 42)]) == 7
    assert apart([(None, 1)]) is None
    assert sorting_pays(10, 10 * FURTHER + 1) and sorting_pays(0, NEAR)
    assert not sorting_pays(10, 10 * FURTHER)
    # Neighbours in date order near each other: the file is in date order already.
    assert not sorting_pays(0, NEAR - 1)
    assert not sorting_pays(None, 1000) and not sorting_pays(3, None)


def test_the_probes_spread_over_the_whole_file() -> None:
    assert probes(1) == [1]
    assert probes(10) == list(range(1, 11))
    spread = probes(100_000)
    assert len(spread) == PROBES and spread[0] == 1 and spread[-1] > 100_000 - 100_000 // PROBES
    assert all(1 <= rowid <= 100_000 for rowid in spread)
